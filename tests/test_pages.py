"""Pages as a reader meets them: home, search, article, actor, timeline, round, errors."""

import json

import pytest
from django.urls import reverse

from archive.models import Event
from archive.timeline.calendar import CALENDAR

pytestmark = pytest.mark.django_db


def test_home_says_what_the_archive_holds(client):
    page = client.get("/").content.decode()
    assert "797 articles" in page
    assert 'action="/search/"' in page
    assert 'class="timeline"' in page


def test_search_page_shows_total_and_highlighted_snippet(client):
    page = client.get("/search/", {"q": "Brahimi"}).content.decode()
    assert "<strong>1</strong> article matches" in page
    assert '<mark class="hit t0">Brahimi</mark>' in page


def test_search_paginates(client):
    first = client.get("/search/", {"q": "Syria"}).content.decode()
    assert "Page 1 of" in first
    second = client.get("/search/", {"q": "Syria", "page": 2})
    assert second.status_code == 200
    assert "Page 2 of" in second.content.decode()


@pytest.mark.parametrize("query", ['"unbalanced', "AND", "😀", "محادثات", "(", "x\x01y"])
def test_malformed_query_never_gives_a_server_error(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code in (200, 400)


def test_ten_kilobyte_query_gets_a_readable_400(client):
    response = client.get("/search/", {"q": "a" * 10240})
    assert response.status_code == 400
    assert "at most 500 characters" in response.content.decode()


def test_article_page_shows_date_method_actors_and_permalink(client, seed_article):
    article = seed_article(3)
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Explicit date in the text" in page
    assert reverse("archive:actor", args=["faisal-miqdad"]) in page
    assert article.sha256 in page
    assert "Select Page" not in page


def test_undated_article_says_so(client, seed_article):
    page = client.get(seed_article(1).get_absolute_url()).content.decode()
    assert "Undated" in page


def test_undated_list_is_there_for_curators(client, seed_article):
    page = client.get("/articles/undated/").content.decode()
    assert seed_article(1).title in page
    assert seed_article(0).title not in page


def test_actor_page_lists_aliases_and_articles(client, seed_article):
    page = client.get("/actors/bashar-al-jaafari/").content.decode()
    assert "Ja&#x27;afari" in page
    assert "Government delegation head" in page
    assert seed_article(2).title in page


def test_timeline_draws_every_round_of_the_calendar(client):
    page = client.get("/timeline/").content.decode()
    slugs = [entry["slug"] for entry in json.loads(CALENDAR.read_text())["events"]]
    assert len(slugs) == 43
    for slug in slugs:
        assert f'data-round="{slug}"' in page


def test_round_page_shows_the_calendar_facts(client):
    page = client.get("/rounds/astana-4/").content.decode()
    assert "Memorandum on four de-escalation zones" in page
    assert "Sedat Önal" in page
    assert "https://tass.com/world/944616" in page


def test_unconfirmed_stays_visible(client):
    page = client.get("/rounds/astana-7/").content.decode()
    assert '<span class="unconfirmed">Unconfirmed</span>' in page
    assert "end unconfirmed" in client.get("/rounds/constitutional-2/").content.decode()


def test_round_page_lists_its_articles(client):
    event = Event.objects.filter(articles__isnull=False).first()
    page = client.get(event.get_absolute_url()).content.decode()
    assert event.articles.first().title in page


def test_article_list_filters_by_publisher(client):
    response = client.get("/articles/", {"source": "TASS"})
    assert "5 articles" in response.content.decode()


@pytest.mark.parametrize(
    "url", ["/articles/ffffffffffff/", "/actors/nobody/", "/rounds/geneva-99/", "/nowhere/"]
)
def test_missing_pages_give_the_archive_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "There is no page at this address" in response.content.decode()


def test_healthz_reports_the_database_and_the_index(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    report = response.json()
    assert (report["database"], report["index"]) == ("ok", "ok")
    assert report["index_generation"] is not None and report["queued_for_index"] >= 0


def test_healthz_is_503_without_an_index(client, scratch_index):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert "rebuild_index" in response.json()["index"]


def test_the_timelines_density_bars_count_only_the_articles_a_filter_keeps():
    from archive.timeline import coverage

    everything = coverage.densities()
    about_brahimi = coverage.densities(words="Brahimi")
    total = sum(n for months in everything.values() for n in months.values())
    kept = sum(n for months in about_brahimi.values() for n in months.values())
    assert 0 < kept < total
    for process, months in about_brahimi.items():
        assert all(n <= everything[process].get(month, 0) for month, n in months.items())


def test_a_timeline_filter_the_index_cannot_run_draws_no_bars_and_says_why(client):
    response = client.get("/timeline/", {"q": "a" * 600})
    assert response.status_code == 400
    assert 'class="density"></g>' in response.content.decode().replace("\n", "")
