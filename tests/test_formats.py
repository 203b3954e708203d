"""Readers for JSON Lines, HTML pages, WARC files and mapped CSV columns."""

import io
import json

import pytest
from django.test import Client
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from archive.ingest import pipeline
from archive.ingest.fixity import verify
from archive.models import Article

pytestmark = pytest.mark.django_db

PAGE = """<!doctype html><html><head>
<title>Astana talks end with a ceasefire mechanism | Example News</title>
<meta property="og:title" content="Astana talks end with a ceasefire mechanism">
<meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2017-01-24T18:00:00Z">
<link rel="canonical" href="https://news.example.org/2017/01/24/astana-talks-end">
</head><body><nav>Home | World | Share</nav><article>
<h1>Astana talks end with a ceasefire mechanism</h1>
<p>Russia, Turkey and Iran agreed on Tuesday in Astana to set up a trilateral mechanism to
monitor the ceasefire in Syria, at the end of two days of talks between the government and
rebel delegations in the Kazakh capital.</p>
<p>Government negotiator Bashar al-Jaafari called the talks a success, while the rebel
delegation led by Mohammed Alloush said it had reservations about the final statement and
about the role of Iran as a guarantor of the truce.</p>
<p>The United Nations envoy Staffan de Mistura said the meeting had opened the way for the
next round of political negotiations in Geneva planned for February.</p>
</article><footer>Advertisement</footer></body></html>"""


def test_jsonl_lines_import_and_bad_lines_are_reported(tmp_path, scratch_index):
    path = tmp_path / "articles.jsonl"
    good = {
        "title": "Talks resume in Geneva",
        "text": "Staffan de Mistura opened the talks in Geneva on Monday.",
        "date": "2016-03-14",
        "source": "Example Wire",
        "url": "https://example.org/a",
        "id": "w-1",
    }
    path.write_text(
        json.dumps(good) + "\n{not json\n" + json.dumps({"title": "No text"}) + "\n\n[1, 2]\n"
    )
    report = pipeline.run([path])
    assert report.added == 1
    assert [str(p) for p in report.problems] == [
        f"{path}:2: not valid JSON (Expecting property name enclosed in double quotes at column 2)",
        f"{path}:3: no article text (field 'text' or 'body')",
        f"{path}:5: a line must hold one JSON object",
    ]
    article = Article.objects.get(external_id="w-1")
    assert (str(article.published), article.date_method) == ("2016-03-14", "metadata")
    assert [e.slug for e in article.events.all()] == ["geneva-3-2"]


def test_html_page_gives_text_title_author_date_and_canonical_url(tmp_path, scratch_index):
    path = tmp_path / "page.html"
    path.write_text(PAGE)
    report = pipeline.run([path])
    assert report.added == 1
    article = Article.objects.get(source_file=str(path))
    assert article.title == "Astana talks end with a ceasefire mechanism"
    assert article.author == "Jane Reporter"
    assert article.url == "https://news.example.org/2017/01/24/astana-talks-end"
    assert str(article.published) == "2017-01-24"
    assert "trilateral mechanism" in article.body
    assert "Advertisement" not in article.body
    assert [e.slug for e in article.events.all()] == ["astana-1"]


def _warc(path, records):
    with open(path, "wb") as output:
        writer = WARCWriter(output, gzip=True)
        for uri, content_type, body, *status in records:
            headers = StatusAndHeaders(
                status[0] if status else "200 OK",
                [("Content-Type", content_type)],
                protocol="HTTP/1.1",
            )
            writer.write_record(
                writer.create_warc_record(
                    uri, "response", payload=io.BytesIO(body), http_headers=headers
                )
            )


def test_warc_html_responses_become_articles_with_their_record(tmp_path, scratch_index):
    path = tmp_path / "crawl.warc.gz"
    _warc(
        path,
        [
            ("https://news.example.org/2017/01/24/astana-talks-end", "text/html", PAGE.encode()),
            ("https://news.example.org/logo.png", "image/png", b"\x89PNG..."),
            ("https://news.example.org/empty", "text/html", b"<html><body></body></html>"),
        ],
    )
    report = pipeline.run([path])
    assert report.added == 1
    assert "no article text found" in str(report.problems[0])
    article = Article.objects.get(source_file=str(path))
    assert article.record["target_uri"] == "https://news.example.org/2017/01/24/astana-talks-end"
    assert article.record["warc_record_id"].startswith("<urn:uuid:")
    assert article.record["capture_date"]


def test_a_warc_records_provenance_reads_as_words_on_the_article_page(tmp_path, scratch_index):
    path = tmp_path / "crawl.warc.gz"
    _warc(path, [("https://news.example.org/2017/01/24/astana", "text/html", PAGE.encode())])
    pipeline.run([path])
    article = Article.objects.get(source_file=str(path))
    labels = [label for label, _ in article.provenance]
    assert labels == ["WARC record ID", "Address captured", "Captured on"]
    page = Client().get(article.get_absolute_url()).content.decode()
    assert "WARC record ID: <code>&lt;urn:uuid:" in page and "Warc_record_id" not in page


def test_csv_columns_can_be_mapped(tmp_path, scratch_index):
    path = tmp_path / "other.csv"
    path.write_text(
        "guid,headline,content,outlet,pubdate\n"
        "x-1,Lavrentiev in Astana,Alexander Lavrentiev spoke in Astana.,Wire,2017-05-04\n"
    )
    mapping = {
        "id": "guid",
        "title": "headline",
        "text": "content",
        "source": "outlet",
        "date": "pubdate",
    }
    report = pipeline.run([path], columns=mapping)
    assert report.added == 1
    article = Article.objects.get(external_id="x-1")
    assert (article.title, article.source, str(article.published)) == (
        "Lavrentiev in Astana",
        "Wire",
        "2017-05-04",
    )
    assert article.actors.filter(slug="alexander-lavrentiev").exists()


def test_unmapped_csv_says_which_columns_are_missing(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("headline,content\nA,B\n")
    report = pipeline.run([path])
    assert "no column article_title, article_content (see --columns)" in str(report.problems[0])


def test_warc_error_pages_and_other_records_are_skipped_by_reason(tmp_path, scratch_index):
    path = tmp_path / "crawl.warc.gz"
    _warc(
        path,
        [
            ("https://news.example.org/a", "text/html", PAGE.encode()),
            ("https://news.example.org/gone", "text/html", b"<html>nope</html>", "404 Not Found"),
            ("https://news.example.org/old", "text/html", b"", "301 Moved Permanently"),
            ("https://news.example.org/logo.png", "image/png", b"\x89PNG..."),
            ("https://news.example.org/t.txt", "text/plain; charset=utf-8", NOTE.encode()),
        ],
    )
    report = pipeline.run([path])
    assert report.added == 2 and report.failed == 0
    assert report.skipped == {
        "HTTP 404 responses": 1,
        "HTTP 301 responses": 1,
        "image/png responses": 1,
    }
    assert not Article.objects.filter(title="nope").exists()
    assert Article.objects.filter(title="Sochi congress ends").exists()
    assert "3 skipped" in report.summary()


NOTE = "Sochi congress ends\n\nThe congress in Sochi agreed to form a constitutional committee."


def test_fixity_passes_for_untouched_html_jsonl_and_warc_articles(tmp_path, scratch_index):
    (tmp_path / "page.html").write_text(PAGE)
    line = {"title": "Talks resume", "text": "Delegations met in Geneva.", "id": "fx-1"}
    (tmp_path / "lines.jsonl").write_text(json.dumps(line) + "\n")
    _warc(tmp_path / "crawl.warc.gz", [("https://example.org/t", "text/plain", NOTE.encode())])
    report = pipeline.run([tmp_path])
    assert report.added == 3
    problems = [p for p in verify() if p]
    assert problems == []
