"""Quotes in the seeds come out with the right speakers; anonymous sources stay anonymous."""

import pytest

from archive import search
from archive.models import Quote

pytestmark = pytest.mark.django_db


def speakers(article):
    """{speaker: quote count}, a resolved actor by slug, anyone else by name as written."""
    found = {}
    for quote in article.quotes.select_related("speaker"):
        key = quote.speaker.slug if quote.speaker else quote.speaker_name
        found[key] = found.get(key, 0) + 1
    return found


@pytest.mark.parametrize(
    "seed, expected",
    [
        (0, {"lakhdar-brahimi"}),
        (1, {"john-kerry", "sergey-lavrov", "elizabeth-trudeau"}),
        (2, {"yahya-al-aridi", "fares-buyush", "osama-abu-zeid", "bashar-al-jaafari"}),
        (3, {"Dina Badawy", "faisal-miqdad", "Khattar Abou Diab", "john-kerry"}),
        (4, {"antony-blinken"}),
    ],
)
def test_seed_speakers(seed_article, seed, expected):
    assert expected <= set(speakers(seed_article(seed)))


def test_the_anonymous_us_official_is_not_given_a_name(seed_article):
    quotes = seed_article(0).quotes.filter(anonymous=True)
    assert quotes.count() == 4
    assert {q.speaker_name for q in quotes} == {"A senior US official"}
    assert not quotes.filter(speaker__isnull=False).exists()


@pytest.mark.parametrize(
    "seed, source",
    [(2, "a source close to the government delegation"), (2, "a Western diplomat")],
)
def test_anonymous_sources_stay_anonymous(seed_article, seed, source):
    quotes = seed_article(seed).quotes.filter(speaker_name=source)
    assert quotes.exists()
    assert all(q.anonymous and q.speaker is None for q in quotes)


def test_jaafari_is_quoted_via_sana(seed_article):
    quote = seed_article(2).quotes.get(speaker__slug="bashar-al-jaafari", kind="reported")
    assert "SANA" in quote.via
    assert "common ground" in quote.text


def test_pronoun_continues_the_last_speaker(seed_article):
    """“…,” she added: the spokeswoman named just before, Dina Badawy."""
    quote = seed_article(3).quotes.get(verb="added")
    assert quote.speaker_name == "Dina Badawy"
    assert "foreign fighters" in quote.text


def test_direct_and_reported_speech_are_told_apart(seed_article):
    kinds = {q.text[:30]: q.kind for q in seed_article(1).quotes.filter(speaker__slug="john-kerry")}
    assert kinds["Today I can say that we achiev"] == "direct"
    assert kinds["Syrians benefited from the cal"] == "reported"


def test_quotes_take_the_round_of_their_article(seed_article):
    assert {q.event.slug for q in seed_article(2).quotes.all()} == {"astana-1"}


def test_speaker_search():
    found = search.search("speaker:lavrov")
    assert found.count() >= 1
    for hit in found[0 : found.count()]:
        assert Quote.objects.filter(article=hit.article, speaker__slug="sergey-lavrov").exists()


def test_speaker_search_with_words(seed_article):
    assert seed_article(2) in [h.article for h in search.search("speaker:aridi ceasefire")[0:10]]


def test_quotes_are_listed_on_actor_and_round_pages(client):
    actor_page = client.get("/actors/yahya-al-aridi/").content.decode()
    assert "The first negotiation session will not be face-to-face" in actor_page
    round_page = client.get("/rounds/astana-1/").content.decode()
    assert "a Western diplomat" in round_page
