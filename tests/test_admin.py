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


def test_date_signals_read_as_a_list_not_json(admin_client):
    article = Article.objects.exclude(date_candidates=[]).first()
    page = admin_client.get(f"/admin/archive/article/{article.pk}/change/").content.decode()
    first = article.date_candidates[0]
    assert f"<li>{first['date']} from {first['method']} ({first['confidence']:.2f})" in page
    assert '"method":' not in page and "&quot;method&quot;" not in page


def test_the_merge_form_names_the_actors_it_offers(admin_client):
    actors = Actor.objects.filter(slug__in=["john-kerry", "antony-blinken"])
    page = admin_client.post(
        "/admin/archive/actor/",
        {"action": "merge", "_selected_action": [str(a.pk) for a in actors]},
    ).content.decode()
    assert "John Kerry (john-kerry, " in page and "Antony Blinken (antony-blinken, " in page
    assert not any(f"({a.pk})" in page for a in actors)


def test_a_curator_corrects_a_quotes_speaker_with_history_kept(
    admin_client, seed_article, scratch_index, django_capture_on_commit_callbacks
):
    from archive.models import Quote

    quote = seed_article(0).quotes.filter(anonymous=True).first()
    pedersen = Actor.objects.get(slug="geir-pedersen")
    form = {
        "article": quote.article_id,
        "speaker": pedersen.pk,
        "speaker_name": "Geir Pedersen",
        "verb": quote.verb,
        "text": quote.text,
        "kind": quote.kind,
        "position": quote.position,
        "via": "",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/archive/quote/{quote.pk}/change/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    quote.refresh_from_db()
    assert (quote.speaker, quote.checked, quote.anonymous) == (pedersen, True, False)
    imported, corrected = quote.history.order_by("history_date", "history_id")
    assert (imported.history_change_reason, imported.speaker, imported.anonymous) == (
        "imported",
        None,
        True,
    )
    assert corrected.speaker == pedersen
    assert quote.article_id in search.search("speaker:pedersen").ids()
    assert Quote.objects.get(pk=quote.pk).speaker_name == "Geir Pedersen"


def test_a_quote_marked_not_a_quote_leaves_the_pages(admin_client, seed_article):
    article = seed_article(2)
    quote = article.quotes.get(speaker__slug="bashar-al-jaafari", kind="reported")
    shown = admin_client.get(article.get_absolute_url()).content.decode().count(quote.text[:40])
    admin_client.post(
        "/admin/archive/quote/",
        {"action": "mark_not_a_quote", "_selected_action": [str(quote.pk)]},
    )
    quote.refresh_from_db()
    assert quote.rejected and quote.checked
    page = admin_client.get(article.get_absolute_url()).content.decode()
    assert page.count(quote.text[:40]) == shown - 1  # left in the body, gone from the quotes


@pytest.mark.parametrize("path_of", ["article", "actor", "round"])
def test_a_curator_has_an_edit_link_from_each_public_page(admin_client, client, path_of):
    from archive.models import Event

    obj = {
        "article": Article.objects.first,
        "actor": Actor.objects.first,
        "round": Event.objects.first,
    }[path_of]()
    model = {"round": "event"}.get(path_of, path_of)
    edit = f'href="/admin/archive/{model}/{obj.pk}/change/"'
    assert edit in admin_client.get(obj.get_absolute_url()).content.decode()
    assert edit not in client.get(obj.get_absolute_url()).content.decode()
