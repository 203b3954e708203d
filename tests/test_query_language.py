"""Each form of the query language against the seeds and corpus, with its expected hits."""

import datetime
import re

import pytest

from archive import search
from archive.models import Article, Event

pytestmark = pytest.mark.django_db


def hits(query, **filters):
    results = search.search(query, filters=filters)
    return {hit.article for hit in results[0 : results.count()]}


def test_or_and_and_add_up():
    both, either = hits("Astana AND Geneva"), hits("Astana OR Geneva")
    assert either == hits("Astana") | hits("Geneva")
    assert both == hits("Astana") & hits("Geneva")


def test_not_removes_the_second_word():
    assert hits("Astana NOT Geneva") == hits("Astana") - hits("Geneva")


def test_parentheses_group():
    assert hits("(Astana OR Geneva) AND ceasefire") == (hits("Astana") | hits("Geneva")) & hits(
        "ceasefire"
    )


def test_prefix_finds_every_word_that_starts_with_it():
    expected = {
        a for a in Article.objects.all() if re.search(r"\bnegotiat", f"{a.title} {a.body}", re.I)
    }
    assert hits("negotiat*") == expected


def test_fuzzy_finds_a_transliteration(seed_article):
    assert seed_article(2) in hits("Jafari~")
    assert seed_article(2) not in hits("Jafari")


def test_proximity_lies_between_phrase_and_and():
    near = hits('"ceasefire Aleppo"~10')
    assert hits('"ceasefire Aleppo"') <= near <= hits("ceasefire Aleppo")


def test_title_field_only_matches_titles():
    found = hits("title:Aleppo")
    assert found
    assert all("aleppo" in article.title.lower() for article in found)


@pytest.mark.parametrize("spelling", ["jaafari", "Ja'afari", '"Bashar al-Jaafari"', "al-jaafari"])
def test_actor_field_resolves_aliases(spelling, seed_article):
    assert seed_article(2) in hits(f"actor:{spelling}")


def test_actor_field_finds_every_article_naming_the_actor():
    expected = set(Article.objects.filter(actors__slug="staffan-de-mistura"))
    assert hits("actor:mistura") == expected


def test_source_field():
    found = hits("source:reuters")
    assert found == set(Article.objects.filter(source="Reuters"))


def test_round_field_matches_the_round():
    assert hits("round:astana-7") == set(Event.objects.get(slug="astana-7").articles.all())


def test_process_field_matches_every_round_of_it():
    expected = set(Article.objects.filter(events__process="geneva"))
    assert expected and hits("process:geneva") == expected


def test_date_range():
    found = hits("date:[2016-01-01 TO 2016-12-31]")
    assert found == set(Article.objects.filter(published__year=2016))


def test_date_filter_combines_with_words():
    start, end = datetime.date(2016, 1, 1), datetime.date(2016, 12, 31)
    assert hits("Aleppo", date_from=start, date_to=end) == {
        a for a in hits("Aleppo") if a.published and start <= a.published <= end
    }


def test_bad_date_range_is_a_readable_error():
    with pytest.raises(search.QueryError, match="not a parseable date"):
        search.search("date:[bad TO worse]")


@pytest.mark.parametrize(
    "phrase",
    [
        '"Syrian Observatory for Human Rights"',
        '"peace talks"',
        '"de-escalation zones"',
        '"chemical attack"',
        '"Islamic State"',
        '"barrel bombs"',
        '"Free Syrian Army"',
    ],
)
def test_phrases_searched_as_word_pairs_find_what_positions_find(phrase):
    """Phrases run as the AND of their word pairs: the same hits as checking positions."""
    from archive.search.query import for_search, parse
    from archive.search.snapshot import searcher

    query = parse(phrase)
    by_positions = {hit["id"] for hit in searcher().search(query, limit=None)}
    by_pairs = {hit["id"] for hit in searcher().search(for_search(query), limit=None)}
    assert by_pairs == by_positions


def test_year_and_language_are_query_fields():
    assert hits("year:2016") == {
        a for a in Article.objects.all() if a.published and a.published.year == 2016
    }
    assert hits("language:ar") == set(Article.objects.filter(language="ar")) != set()
