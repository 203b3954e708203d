"""A round's dossier: facts once, who said what side by side, the rounds around it, its
coverage, and a way to coverage when the archive holds none."""

import datetime

import pytest

from archive.models import Article, Event, Quote
from archive.timeline import dossier

pytestmark = pytest.mark.django_db


def page(client, slug):
    response = client.get(f"/rounds/{slug}/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_note_repeating_the_dates_is_not_printed_twice():
    event = Event(start_date=datetime.date(2017, 1, 23), dates_note="23–24 Jan 2017")
    assert not dossier.dates_note_adds(event)


def test_a_note_that_says_more_than_the_dates_is_kept():
    event = Event(start_date=datetime.date(2016, 1, 29), dates_note="Began 29 Jan (formally 1 Feb)")
    assert dossier.dates_note_adds(event)


def test_quotes_are_grouped_by_speaker_side_by_side(client):
    columns = dossier.who_said_what(Event.objects.get(slug="astana-1"))
    names = [column.name for column in columns]
    assert "Yahya al-Aridi" in names
    assert len(names) == len(set(names))
    assert all(column.quotes and column.count >= len(column.quotes) for column in columns)
    assert '<div class="side-by-side">' in page(client, "astana-1")


def test_the_actors_most_present_are_listed(client):
    html = page(client, "astana-1")
    assert "Most present in the coverage" in html
    assert 'href="/actors/yahya-al-aridi/"' in html


def test_rounds_of_other_processes_at_the_same_time_are_linked(client):
    parallel = {e.slug for e in dossier.parallel_rounds(Event.objects.get(slug="geneva-4"))}
    assert "astana-2" in parallel and "geneva-5" not in parallel
    assert "At the same time" in page(client, "geneva-4")


def test_coverage_day_by_day_spans_the_round_and_the_week_after():
    event = Event.objects.get(slug="astana-1")
    days = dossier.coverage_days(event)
    assert days[0]["day"] == event.start_date - datetime.timedelta(days=3)
    assert days[-1]["day"] == event.last_day + datetime.timedelta(days=7)
    assert sum(day["n"] for day in days) >= 1


def test_a_round_without_articles_offers_the_search_that_would_find_coverage(client):
    html = page(client, "astana-20")
    assert "The archive holds no article placed in this round yet" in html
    assert "date_from=2023-06-17" in html and "date_to=2023-06-28" in html


def test_the_search_offered_for_an_empty_round_runs(client):
    link, _ = dossier.coverage_search(Event.objects.get(slug="astana-20"))
    assert client.get(link.replace("&amp;", "&")).status_code == 200


def test_every_example_query_on_the_home_page_finds_something(client):
    import re
    from html import unescape

    home = client.get("/").content.decode()
    examples = re.findall(r'<p class="hint">(.*?)</p>', home, re.S)[0]
    links = [unescape(href) for href in re.findall(r'href="([^"]+)"', examples)]
    assert len(links) >= 3
    for link in links:
        page = client.get(link).content.decode()
        assert re.search(r"<strong>[1-9][\d,]*</strong> articles? match", page), link


@pytest.mark.parametrize(
    "query, message",
    [
        ("actor=nobody-at-all", "Select a valid choice"),
        ("q=" + "x" * 10_000, "at most"),
        ("q=AND+OR+(", ""),
    ],
)
def test_a_bad_timeline_filter_gets_a_message_not_a_server_error(client, query, message):
    response = client.get(f"/timeline/?{query}")
    assert response.status_code in (200, 400)
    html = response.content.decode()
    assert message in html
    assert 'class="tl"' in html  # the timeline is still drawn


def test_a_round_that_was_not_held_has_a_dossier(client):
    html = page(client, "constitutional-9")
    assert "Scheduled but not held" in html


def test_who_said_what_shows_a_quote_printed_by_wire_copies_once(scratch_index):
    event = Event.objects.filter(quotes__speaker__isnull=False).distinct().first()
    quote = event.quotes.exclude(speaker=None).first()
    copies = 3
    for article in Article.objects.exclude(pk=quote.article_id)[:copies]:
        Quote.objects.create(
            article=article,
            speaker=quote.speaker,
            speaker_name=quote.speaker_name,
            text=quote.text,
            kind=quote.kind,
            verb="said",
            event=event,
        )
    column = next(c for c in dossier.who_said_what(event) if c.actor == quote.speaker)
    assert [q.text for q in column.quotes].count(quote.text) == 1
    texts = event.quotes.attributed().filter(speaker=quote.speaker).values("text")
    assert column.count == texts.distinct().count()
