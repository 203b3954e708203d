"""Facet counts, the histogram and 'did you mean' over the real corpus."""

import pytest
from django.http import QueryDict

from archive import search
from archive.models import Article
from archive.views.search_parts import histogram

pytestmark = pytest.mark.django_db


def facet_counts(query, **filters):
    results = search.search(query, filters=filters, with_facets=True)
    return results, results.facet_counts()


@pytest.mark.parametrize(
    "query", ["Aleppo", '"Syrian Observatory for Human Rights"', "Astana OR Geneva"]
)
def test_year_counts_add_up_to_the_dated_hits(query):
    results, counts = facet_counts(query)
    dated = [hit for hit in results[0 : results.count()] if hit.article.published]
    assert dated
    assert sum(n for year, n in counts["year"].items() if year) == len(dated)


def test_month_counts_add_up_to_the_year_counts():
    _, counts = facet_counts("Syria")
    months = counts["month"]
    for year, n in counts["year"].items():
        if year:
            assert sum(c for m, c in months.items() if m and m.startswith(year)) == n


def test_actor_facet_counts_every_actor_of_an_article():
    """Articles name several actors: each is counted (allow_overlap)."""
    _, counts = facet_counts("Syria")
    expected = Article.objects.filter(actors__slug="sohr", pk__in=_ids("Syria")).count()
    assert counts["actor"]["sohr"] == expected


def test_clicking_a_facet_gives_its_count():
    _, counts = facet_counts("Syria")
    source, n = max(((k, v) for k, v in counts["source_key"].items() if k), key=lambda kv: kv[1])
    assert search.search("Syria", filters={"source": source}).count() == n


def test_facets_combine():
    both = search.search("Syria", filters={"year": "2016", "source": "al-ahram"})
    assert both.count() > 0
    assert all(
        hit.article.published.year == 2016 and hit.article.source == "Al-Ahram"
        for hit in both[0 : both.count()]
    )


def test_filters_alone_browse_without_a_query():
    assert search.search("", filters={"round": "astana-7"}).count() == 2


def test_histogram_bars_narrow_to_their_month():
    _, counts = facet_counts("Aleppo")
    chart = histogram(counts["month"], QueryDict("q=Aleppo&page=3"))
    bar = next(b for b in chart["bars"] if b.month == "2016-02")
    assert bar.url == "?q=Aleppo&date_from=2016-02-01&date_to=2016-02-29"
    assert sum(b.count for b in chart["bars"]) == sum(n for m, n in counts["month"].items() if m)


@pytest.mark.parametrize("typo, correction", [("Alepo", "aleppo"), ("Lavrentev", "lavrentiev")])
def test_did_you_mean(typo, correction):
    assert search.search(typo).suggestion() == correction


def test_no_suggestion_when_the_query_finds_plenty():
    assert search.search("Aleppo").suggestion() is None


def _ids(query):
    return list(search.search(query).ids())


def test_every_facet_link_on_the_results_page_is_a_working_filter(client, tmp_path, scratch_index):
    """Including the publisher of articles that have none ("unknown")."""
    import json
    import re

    from archive.ingest import pipeline

    rows = [
        {"title": "Quixotic talks in Geneva", "text": "Quixotic envoys met in Geneva.", "id": "q1"},
        {"title": "Quixotic Astana round", "text": "Quixotic.", "source": "Wire A", "id": "q2"},
    ]
    (tmp_path / "q.jsonl").write_text("\n".join(json.dumps(row) for row in rows))
    pipeline.run([tmp_path / "q.jsonl"])
    page = client.get("/search/", {"q": "Quixotic"}).content.decode()
    facets = page[page.index('aria-label="Refine"') :]
    links = set(re.findall(r'href="(\?[^"]+)"', facets))
    assert any("source=unknown" in link for link in links)
    assert "Unknown publisher" in facets
    for link in links:
        response = client.get("/search/" + link.replace("&amp;", "&"))
        assert response.status_code == 200, link
        assert b"Nothing matches" not in response.content


@pytest.mark.parametrize("months, most", [(4, 4), (12, 5), (24, 9), (96, 9)])
def test_the_histograms_labels_fit_a_phone(months, most):
    counts = {f"{2016 + (m // 12)}-{m % 12 + 1:02d}": 1 for m in range(months)}
    labels = histogram(counts, QueryDict(""))["years"]
    assert 1 <= len(labels) <= most
