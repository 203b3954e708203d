"""Full-text search over the session's index: hits, highlighting, phrases, bad input."""

import re

import pytest
from django.utils.html import escape

from archive import search
from archive.models import Article

pytestmark = pytest.mark.django_db


def titles(text, sort="relevance"):
    return [hit.article.title for hit in search.search(text, sort)[0:50]]


def test_brahimi_finds_seed_000_with_the_word_highlighted(seed_article):
    results = search.search("Brahimi")
    hits = results[0:10]
    assert results.count() == 1
    assert hits[0].article == seed_article(0)
    assert '<mark class="hit t0">Brahimi</mark>' in hits[0].snippet


def test_stemming_matches_other_forms_of_a_word():
    assert search.search("negotiated").count() == search.search("negotiating").count() > 0


def test_phrase_query_matches_only_the_phrase():
    phrase = search.search('"Syrian Observatory for Human Rights"').count()
    words = search.search("Syrian Observatory Human Rights").count()
    assert 0 < phrase <= words
    hits = search.search('"de-escalation zones"')[0:20]
    assert hits
    for hit in hits:
        text = f"{hit.article.title} {hit.article.body}"
        assert re.search(r"de\W*escalation\W+zone", text, re.IGNORECASE)


def test_prefix_query_reaches_unstemmed_words():
    assert search.search("negotiat*").count() > 0


def test_prefix_query_marks_the_words_it_matched_in_snippets():
    snippets = " ".join(hit.snippet for hit in search.search("negotiat*")[0:10])
    marked = set(re.findall(r"<mark[^>]*>([^<]+)</mark>", snippets))
    assert marked and all(word.lower().startswith("negotiat") for word in marked)


def test_fuzzy_query_tolerates_a_misspelling(seed_article):
    assert seed_article(0) in [hit.article for hit in search.search("Brahimy~")[0:10]]


def test_boolean_not_excludes():
    astana = search.search("Astana").count()
    without_geneva = search.search("Astana NOT Geneva").count()
    assert 0 < without_geneva < astana


def test_sort_by_date_orders_hits():
    dates = [hit.article.published for hit in search.search("Aleppo", "newest")[0:20]]
    dated = [d for d in dates if d]
    assert len(dated) > 1
    assert dated == sorted(dated, reverse=True)


@pytest.mark.parametrize(
    "query",
    ['"unbalanced quotes', "(((", "AND", "title:", "date:[bad TO worse]", "😀🕊", "محادثات جنيف"],
)
def test_malformed_queries_give_results_or_a_readable_error(query):
    try:
        search.search(query).count()
    except search.QueryError as error:
        assert str(error)


def test_overlong_query_is_refused_with_its_length():
    with pytest.raises(search.QueryError, match="10,240 characters long; the limit is 500"):
        search.search("a" * 10240)


@pytest.mark.parametrize("query", ["Aleppo", "ceasefire AND Aleppo", '"peace talks"', "Genève"])
def test_cached_lengths_score_exactly_as_bm25f_over_the_documents_holding_a_field(query):
    """The archive's BM25F reads field lengths once and averages a field's length over the
    documents that have it (French articles' fields are held by few): the scores are those
    of Whoosh's BM25F with that average, computed the slow way."""
    from whoosh import scoring

    from archive.search.index import open_index
    from archive.search.query import for_search, parse
    from archive.search.weighting import WEIGHTING

    class AveragedOverHolders(scoring.BM25F):
        def scorer(self, searcher, fieldname, text, qf=1):
            scorer = super().scorer(searcher, fieldname, text, qf=qf)
            parent = searcher.get_parent()
            reader = parent.reader()
            documents = range(reader.doc_count_all())
            holding = sum(1 for doc in documents if reader.doc_field_length(doc, fieldname))
            scorer.avgfl = parent.field_length(fieldname) / holding
            return scorer

    index = open_index()
    parsed = for_search(parse(query))
    with index.searcher(weighting=AveragedOverHolders()) as plain:
        expected = [(hit["id"], round(hit.score, 9)) for hit in plain.search(parsed, limit=30)]
    with index.searcher(weighting=WEIGHTING) as cached:
        actual = [(hit["id"], round(hit.score, 9)) for hit in cached.search(parsed, limit=30)]
    assert actual == expected and expected


def test_snippets_escape_quotes_of_markup_in_the_text():
    from archive.search.highlight import fragments, mark_terms

    text = 'Talks stalled. <img src=x onerror="alert(1)"> The ceasefire held in Aleppo.'
    for html in (fragments(text, frozenset({"ceasefir"})), str(mark_terms(text, "ceasefire"))):
        assert '<mark class="hit t0">ceasefire</mark>' in html
        assert 'onerror="' not in html and "<img" not in html
        assert "onerror=&quot;alert(1)&quot;" in html


@pytest.mark.parametrize(
    "title, marked",
    [
        ("`Fragile' Syria truce holds", '`Fragile\' Syria <mark class="hit t0">truce</mark> holds'),
        ("«Truce» agreed in Astana", '«<mark class="hit t0">Truce</mark>» agreed in Astana'),
        ("(Truce) ends", '(<mark class="hit t0">Truce</mark>) ends'),
    ],
)
def test_a_marked_title_keeps_every_character_of_the_title(title, marked):
    from archive.search.highlight import marked as mark

    assert str(mark(title, frozenset({"truce"}))) == marked.replace("'", "&#x27;")


@pytest.mark.parametrize("edge", [">", ")", "»", ".”", "!"])
def test_a_snippet_keeps_the_punctuation_clinging_to_its_last_word(edge):
    from archive.search.highlight import fragments

    html = fragments(f"The truce holds{edge}", frozenset({"truce"}))
    assert html.endswith(escape(edge))


@pytest.mark.parametrize("edge", ["<", "(", "«", "“"])
def test_a_snippet_keeps_the_punctuation_clinging_to_its_first_word(edge):
    from archive.search.highlight import fragments

    assert fragments(f"{edge}Truce holds", frozenset({"truce"})).startswith(escape(edge))


def test_an_actor_query_marks_where_the_actor_is_named(seed_article):
    hits = search.search("actor:brahimi")[0:5]
    assert hits and all("<mark" in hit.snippet for hit in hits)
    assert any("Brahimi</mark>" in hit.snippet for hit in hits)


def test_a_source_query_marks_the_publisher_of_each_hit():
    hits = search.search("source:reuters")[0:5]
    assert hits and all(hit.source_html == '<mark class="hit t0">Reuters</mark>' for hit in hits)


def test_the_article_page_marks_the_actor_a_query_names():
    from archive.search.highlight import mark_terms

    html = str(mark_terms("Talks with Lakhdar Brahimi resumed.", "actor:brahimi"))
    assert '<mark class="hit t0">Lakhdar</mark> <mark class="hit t1">Brahimi</mark>' in html


def test_a_lone_star_finds_every_article_and_marks_no_word():
    results = search.search("*")
    assert results.count() == Article.objects.count()
    assert results.words() == frozenset()


def test_a_field_star_finds_the_articles_holding_that_field():
    named = Article.objects.filter(mention__isnull=False).distinct().count()
    assert search.search("actor:*").count() == named


def test_words_after_a_field_filter_are_still_marked():
    """A query opening with a field (`lang:en ceasefire`) marks its words all the same."""
    from archive.search import snapshot
    from archive.search.highlight import query_words
    from archive.search.query import parse

    words = query_words(parse("lang:en ceasefire"), snapshot.current().reader)
    assert "ceasefir" in words
