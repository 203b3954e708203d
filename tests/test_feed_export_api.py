"""The Atom feed, the exports and the JSON API of a search."""

import csv
import io
import json

import feedparser
import pytest
from django.http import QueryDict

from archive import search
from archive.models import Article

pytestmark = pytest.mark.django_db


def test_feed_is_valid_atom_with_the_newest_hits(client):
    response = client.get("/search/feed/", {"q": "Aleppo"})
    feed = feedparser.parse(response.content)
    assert response["Content-Type"].startswith("application/atom+xml")
    assert not feed.bozo, feed.get("bozo_exception")
    assert len(feed.entries) == 50
    newest = search.search("Aleppo", "newest")[0:1][0].article
    assert feed.entries[0].title == newest.title
    assert feed.entries[0].link.endswith(newest.get_absolute_url())


def test_the_feeds_self_link_keeps_its_query(client):
    feed = feedparser.parse(client.get("/search/feed/", {"q": "Aleppo", "year": "2016"}).content)
    (self_link,) = [link.href for link in feed.feed.links if link.rel == "self"]
    assert self_link == "http://testserver/search/feed/?q=Aleppo&year=2016"


def test_feed_of_a_bad_query_is_a_400(client):
    response = client.get("/search/feed/", {"q": "a" * 600})
    assert response.status_code == 400


def read_csv(response):
    """The rows of a CSV export, past its manifest comment (as pandas' comment="#" reads)."""
    text = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(line for line in io.StringIO(text) if not line.startswith("#")))


def test_csv_export_has_every_hit(client):
    total = search.search("Aleppo").count()
    response = client.get("/search/export.csv", {"q": "Aleppo"})
    rows = read_csv(response)
    assert len(rows) == total > 20
    assert set(rows[0]) == {
        "permalink",
        "title",
        "published",
        "date_method",
        "date_confidence",
        "source",
        "url",
        "language",
        "cluster",
        "rounds",
        "actors",
    }
    assert rows[0]["permalink"].startswith("http://testserver/articles/")


def test_json_export_carries_round_and_actors(client):
    response = client.get("/search/export.json", {"q": "round:astana-7"})
    rows = json.loads(b"".join(response.streaming_content))["articles"]
    assert len(rows) == 2
    assert all(row["rounds"] == ["astana-7"] and row["actors"] for row in rows)


def test_export_follows_the_sort(client):
    response = client.get("/search/export.json", {"q": "Aleppo", "sort": "oldest"})
    rows = json.loads(b"".join(response.streaming_content))["articles"]
    dates = [row["published"] for row in rows]
    dated = [d for d in dates if d]
    assert dated == sorted(dated)


def test_api_search_gives_hits_facets_total_and_next(client):
    data = client.get("/api/search/", {"q": "Aleppo"}).json()
    assert data["total"] == search.search("Aleppo").count()
    assert len(data["hits"]) == 20
    assert "<mark" in data["hits"][0]["snippet"]
    assert data["next"].endswith("page=2")
    assert sum(data["facets"]["year"].values()) <= data["total"]
    assert client.get(data["next"]).json()["page"] == 2


def test_api_article_actor_event(client, seed_article):
    article = seed_article(2)
    data = client.get(f"/api/articles/{article.key}/").json()
    assert data["sha256"] == article.sha256
    assert {"id": "yahya-al-aridi", "name": "Yahya al-Aridi", "count": 3} in data["actors"]
    actor = client.get("/api/actors/lakhdar-brahimi/").json()
    assert {"round": "geneva-2-1", "role": "mediator"} in actor["roles"]
    event = client.get("/api/events/astana-4/").json()
    assert event["start_date"] == "2017-05-03"
    assert len(event["sources"]) == 2


def test_api_errors_are_json(client):
    assert client.get("/api/articles/000000000000/").json() == {"error": "Not found."}
    bad = client.get("/api/search/", {"q": "date:[bad TO worse]"})
    assert bad.status_code == 400
    assert "not a parseable date" in bad.json()["error"]
    assert client.get("/api/search/").status_code == 400


def test_article_page_marks_the_query_words(client, seed_article):
    page = client.get(seed_article(0).get_absolute_url(), {"q": "gaps"}).content.decode()
    assert '<mark class="hit t0">gaps</mark>' in page
    assert Article.objects.exists()


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(client, tmp_path, scratch_index):
    from archive.ingest import pipeline

    rows = [
        {"title": "=cmd|' /C calc'!A0 Zeugma talks", "text": "Zeugma delegates met.", "id": "x1"},
        {"title": "@SUM(1+1) Zeugma", "text": "Zeugma again.", "source": "+Wire", "id": "x2"},
        {"title": "Zeugma -5 plain", "text": "Zeugma, calmly.", "source": "-Press", "id": "x3"},
    ]
    (tmp_path / "bad.jsonl").write_text("\n".join(json.dumps(row) for row in rows))
    pipeline.run([tmp_path / "bad.jsonl"])
    response = client.get("/search/export.csv", {"q": "Zeugma", "sort": "oldest"})
    exported = read_csv(response)
    cells = {(row["title"], row["source"]) for row in exported}
    assert cells == {
        ("'=cmd|' /C calc'!A0 Zeugma talks", ""),
        ("'@SUM(1+1) Zeugma", "'+Wire"),
        ("Zeugma -5 plain", "'-Press"),
    }


def test_quotes_of_an_actor_export_as_csv_with_their_articles(client):
    response = client.get("/quotes/export.csv", {"speaker": "bashar-al-jaafari"})
    first, rest = b"".join(response.streaming_content).decode().split("\r\n", 1)
    rows = list(csv.DictReader(io.StringIO(rest)))
    assert first.startswith("# archive manifest: ")
    assert response["Content-Disposition"].endswith('archive-quotes.csv"')
    from archive.models import Quote

    assert len(rows) == Quote.objects.filter(speaker__slug="bashar-al-jaafari").count() > 0
    assert {row["speaker_actor"] for row in rows} == {"bashar-al-jaafari"}
    assert all(row["article"].startswith("http://testserver/articles/") for row in rows)
    assert all(row["quote"] and row["verb"] for row in rows)


def test_quotes_of_a_round_export_as_json(client):
    from archive.models import Quote

    round_slug = Quote.objects.exclude(event=None).values_list("event__slug", flat=True)[0]
    response = client.get("/quotes/export.json", {"round": round_slug})
    rows = json.loads(b"".join(response.streaming_content))["quotes"]
    assert rows and {row["round"] for row in rows} == {round_slug}
    assert len(rows) == Quote.objects.filter(event__slug=round_slug).count()


def test_a_quote_export_carries_its_manifest(client):
    from archive.models import Quote

    response = client.get("/quotes/export.json", {"speaker": "bashar-al-jaafari"})
    summary = json.loads(b"".join(response.streaming_content))["manifest"]
    assert summary["quotes"] == {"speaker": "bashar-al-jaafari"}
    assert summary["total"] == Quote.objects.filter(speaker__slug="bashar-al-jaafari").count()
    assert len(summary["places_sha256"]) == 64 and summary["archive"]["index_generation"]


def test_the_same_quotes_give_the_same_manifest_hash(client):
    def places_sha256():
        response = client.get("/quotes/export.json", {"speaker": "bashar-al-jaafari"})
        return json.loads(b"".join(response.streaming_content))["manifest"]["places_sha256"]

    everything = client.get("/quotes/export.json")
    assert places_sha256() == places_sha256()
    assert json.loads(b"".join(everything.streaming_content))["manifest"]["places_sha256"] != (
        places_sha256()
    )


def test_quotes_of_an_unknown_actor_are_a_404(client):
    assert client.get("/quotes/export.csv", {"speaker": "nobody-at-all"}).status_code == 404


def test_exports_carry_each_articles_language(client):
    response = client.get("/search/export.json", {"q": "lang:ar"})
    rows = json.loads(b"".join(response.streaming_content))["articles"]
    assert rows and {row["language"] for row in rows} == {"ar"}


def test_exports_carry_the_result_sets_manifest(client):
    results = search.search("Aleppo")
    response = client.get("/search/export.json", {"q": "Aleppo", "page": "3"})
    exported = json.loads(b"".join(response.streaming_content))
    manifest = exported["manifest"]
    assert manifest["search"] == {"q": "Aleppo"}  # the page shown is not part of the search
    assert manifest["total"] == len(exported["articles"]) == results.count() > 0
    assert manifest["ids_sha256"] == response["X-Archive-Result-SHA256"]
    csv_text = b"".join(client.get("/search/export.csv", {"q": "Aleppo"}).streaming_content)
    first = csv_text.decode().splitlines()[0]
    assert (
        json.loads(first.removeprefix("# archive manifest: "))["ids_sha256"]
        == manifest["ids_sha256"]
    )


def test_the_manifest_hash_is_the_set_whatever_the_order(client):
    newest = client.get("/api/search/", {"q": "Aleppo", "sort": "newest"}).json()["manifest"]
    oldest = client.get("/api/search/", {"q": "Aleppo", "sort": "oldest"}).json()["manifest"]
    other = client.get("/api/search/", {"q": "Idlib"}).json()["manifest"]
    assert newest["ids_sha256"] == oldest["ids_sha256"] != other["ids_sha256"]
    assert newest["archive"]["index_generation"] is not None


def test_citing_a_search_stores_it_and_replays_it_as_the_same(client):
    response = client.post("/search/cite/", {"q": "Aleppo", "year": "2016"})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "The same result set" in page and "year=2016" in page


def test_a_cited_search_says_what_was_added_removed_and_redated(client):
    from archive.models import CitedSearch
    from archive.search import manifest as manifests
    from archive.views.cite import _found

    results = search.search("Aleppo")
    found = _found(results)
    first, second, *rest = sorted(found)
    found.pop(first)  # "added since": not in the cited set
    found[0xFFFFFFFFFFFF] = 0  # "no longer found": a key no article has
    found[second] += 1  # "re-dated since"
    params = QueryDict("q=Aleppo")
    cited = CitedSearch.record(manifests.manifest(results, params), found)
    page = client.get(cited.get_absolute_url()).content.decode()
    assert "The result set has changed" in page
    assert "1 article added since" in page
    assert "1 article no longer found" in page and "no longer in the archive" in page
    assert "1 article re-dated since" in page


def test_the_articles_added_since_a_search_was_cited_are_links_to_them(client):
    from archive.models import Article, CitedSearch
    from archive.search import manifest as manifests
    from archive.views.cite import _found

    results = search.search("Aleppo")
    found = _found(results)
    added, other, *rest = sorted(found)
    found.pop(added)
    found[other] += 1  # re-dated too: the cited manifest's own hash is that of the search now
    cited = CitedSearch.record(manifests.manifest(results, QueryDict("q=Aleppo")), found)
    page = client.get(cited.get_absolute_url()).content.decode()
    article = Article.objects.by_key(f"{added:012x}").get()
    assert f'<a href="{article.get_absolute_url()}" dir="auto">' in page


def test_citing_a_malformed_search_is_a_400(client):
    assert client.post("/search/cite/", {"q": "x" * 10_000}).status_code == 400


def test_exports_carry_the_body_and_quotes_when_asked(client):
    plain = client.get("/search/export.json", {"q": "speaker:bashar-al-jaafari"})
    rows = json.loads(b"".join(plain.streaming_content))["articles"]
    assert rows and "body" not in rows[0] and "quotes" not in rows[0]
    asked = client.get(
        "/search/export.json", {"q": "speaker:bashar-al-jaafari", "with": "body,quotes"}
    )
    rows = json.loads(b"".join(asked.streaming_content))["articles"]
    assert all(row["body"] for row in rows)
    assert any(quote.startswith("Bashar al-Jaafari: ") for row in rows for quote in row["quotes"])


def test_the_feed_carries_the_result_sets_manifest(client):
    feed = feedparser.parse(client.get("/search/feed/", {"q": "Aleppo"}).content)
    api = client.get("/api/search/", {"q": "Aleppo"}).json()["manifest"]
    assert not feed.bozo
    assert feed.feed["archive_ids-sha256"] == api["ids_sha256"]
    assert int(feed.feed["archive_total"]) == api["total"] > 0


def test_the_manifest_names_articles_by_their_content_not_database_ids(client):
    import hashlib

    import numpy as np

    results = search.search("Aleppo")
    keys = sorted(int(hit.article.key, 16) for hit in results[0 : results.count()])
    expected = hashlib.sha256(np.asarray(keys, dtype="<i8").tobytes()).hexdigest()
    assert (
        keys
        and client.get("/api/search/", {"q": "Aleppo"}).json()["manifest"]["ids_sha256"] == expected
    )
