"""Curators' admin: closed to anonymous users; edits are kept and reach the index."""

import pytest

from archive import search
from archive.models import Actor, Article

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/admin/", "/admin/archive/article/", "/admin/archive/actor/"])
def test_admin_refuses_anonymous_users(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_admin_lists_articles_actors_and_rounds(admin_client):
    for url in ["/admin/archive/article/", "/admin/archive/actor/", "/admin/archive/event/"]:
        assert admin_client.get(url).status_code == 200


def test_actor_change_page_edits_aliases_inline(admin_client):
    page = admin_client.get("/admin/archive/actor/?q=Jaafari").content.decode()
    assert "Bashar al-Jaafari" in page


def test_curator_date_wins_and_reaches_the_index(
    admin_client, seed_article, scratch_index, django_capture_on_commit_callbacks
):
    """Setting a date in the admin marks it as the curator's and re-indexes the article."""
    article = seed_article(0)
    url = f"/admin/archive/article/{article.pk}/change/"
    form = {
        "title": article.title,
        "source": "Breaking Defense",
        "url": "",
        "language": "en",
        "body": article.body,
        "published": "2014-01-30",
        "events": [],
        "mention_set-TOTAL_FORMS": "0",
        "mention_set-INITIAL_FORMS": "0",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, form)
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.date_method, article.date_confidence) == ("curator", 1.0)
    assert str(article.published) == "2014-01-30"
    assert [hit.article for hit in search.search("Brahimi")[0:5]] == [article]


def test_article_provenance_is_read_only(admin_client, seed_article):
    article = seed_article(1)
    page = admin_client.get(f"/admin/archive/article/{article.pk}/change/").content.decode()
    assert 'name="sha256"' not in page
    assert article.sha256 in page
    assert Article.objects.filter(pk=article.pk).exists()


def test_the_merge_form_names_the_actors_it_offers(admin_client):
    actors = Actor.objects.filter(slug__in=["john-kerry", "antony-blinken"])
    page = admin_client.post(
        "/admin/archive/actor/",
        {"action": "merge", "_selected_action": [str(a.pk) for a in actors]},
    ).content.decode()
    assert "John Kerry (john-kerry, " in page and "Antony Blinken (antony-blinken, " in page
    assert not any(f"({a.pk})" in page for a in actors)
