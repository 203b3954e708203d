"""One request never holds a worker: patterns are bounded, searches have a time budget, and
malformed page numbers and keys get a 4xx."""

import pytest
from whoosh import query as wq

from archive.search import patterns


@pytest.fixture
def reader(db):
    from archive.search import snapshot

    return snapshot.current().reader


@pytest.mark.django_db
def test_a_fuzzy_term_is_searched_within_two_edits_and_the_page_says_so(client):
    page = client.get("/search/", {"q": "Jafari~99"})
    assert page.status_code == 200
    notes = page.content.decode()
    assert "within 2, the most the archive allows" in notes[notes.index("data-notes") :]


@pytest.mark.django_db
def test_a_fuzzy_term_keeps_its_first_letter():
    from archive.search.query import parse

    fuzzy = next(leaf for leaf in parse("Jafari~2").leaves())
    assert (fuzzy.maxdist, fuzzy.prefixlength) == (2, 1)


@pytest.mark.parametrize("pattern", ["*ska*", "*ion", "?leppo", "*a*"])
def test_a_leading_wildcard_finds_the_words_whooshs_walk_finds(reader, pattern):
    for leaf, _ in reader.leaf_readers():
        query = wq.Wildcard("words", pattern)
        ours = {word for (_, word), _ in patterns._segment_expansion(leaf, query)}
        whooshs = {w.decode() if isinstance(w, bytes) else w for _, w in query.expanded_terms(leaf)}
        assert ours == whooshs and ours


@pytest.mark.parametrize("pattern", ["*ska*", "*a*"])
def test_a_leading_wildcards_words_carry_whooshs_document_counts(reader, pattern):
    for leaf, _ in reader.leaf_readers():
        found = patterns._segment_expansion(leaf, wq.Wildcard("words", pattern))
        assert found
        for term, documents in found:
            assert documents == leaf.doc_frequency(*term)


def test_a_pattern_past_the_cap_keeps_the_words_in_most_articles(reader, monkeypatch):
    monkeypatch.setattr(patterns, "MAX_TERMS", 3)
    query = wq.Prefix("words", "a")
    expansion = patterns.expand(reader, query)
    everything = {
        w.decode() if isinstance(w, bytes) else w for _, w in query.expanded_terms(reader)
    }
    assert len(expansion.terms) == 3 and len(everything) > 3
    frequency = sorted((reader.doc_frequency("words", w) for w in everything), reverse=True)
    kept = sorted((reader.doc_frequency(*term) for term in expansion.terms), reverse=True)
    assert kept == frequency[:3]
    assert f"stands for {len(everything):,} words; the 3 found in most articles" in expansion.note


def test_a_pattern_past_the_postings_budget_is_cut_to_it(reader):
    query = wq.Prefix("words", "a")
    expansion = patterns.expand(reader, query, postings=1)
    assert len(expansion.terms) == 1 and expansion.note  # one word at least, and said


@pytest.mark.django_db
def test_past_its_time_budget_a_pattern_search_is_cut_short_and_says_what_to_do(client, settings):
    settings.ARCHIVE_SEARCH_SECONDS = 0
    page = client.get("/search/", {"q": "a*"})
    assert page.status_code == 200
    assert "This search was cut short" in page.content.decode()
    data = client.get("/api/search/", {"q": "a*"}).json()
    assert data["cut_short"] is True


@pytest.mark.django_db
def test_a_plain_search_is_never_cut_short(client, settings):
    before = client.get("/api/search/", {"q": "Aleppo"}).json()["total"]
    settings.ARCHIVE_SEARCH_SECONDS = 0
    data = client.get("/api/search/", {"q": "Aleppo"}).json()
    assert data["total"] == before > 0 and data["cut_short"] is False


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["abc", "1.5", "2e3"])
def test_a_page_that_is_not_a_whole_number_is_a_400(client, page):
    response = client.get("/api/search/", {"q": "Aleppo", "page": page})
    assert response.status_code == 400
    assert "whole number" in response.json()["error"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/articles/a/", "/api/articles/a/", "/articles/zz/", "/articles/a/cite.bib"]
)
def test_a_key_that_is_not_a_permalink_is_a_404(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.django_db
def test_a_permalink_key_in_capitals_opens_its_article(client, seed_article):
    article = seed_article(0)
    assert client.get(f"/articles/{article.key.upper()}/").status_code == 200
