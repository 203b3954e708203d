"""Bad input gets a clear message and loses nothing: control characters, oversized records,
compressed bombs, links out of the import folders, addresses that are not web addresses."""

import gzip
import io
import json
import tracemalloc

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from archive.ingest import pipeline
from archive.models import Article

pytestmark = pytest.mark.django_db


def jsonl(path, rows):
    path.write_text("\n".join(json.dumps(row) for row in rows))
    return path


def test_a_nul_escape_in_a_json_line_is_dropped_and_every_row_imported(tmp_path, scratch_index):
    rows = [
        {"id": f"n{i}", "title": f"Row {i}", "text": f"Delegates met in Geneva {i}."}
        for i in range(5)
    ]
    rows[2]["text"] = "Delegates\u0000 met\u0007 in Geneva again."
    report = pipeline.run([jsonl(tmp_path / "nul.jsonl", rows)])
    assert report.added == 5 and not report.problems
    article = Article.objects.get(external_id="n2")
    assert article.body == "Delegates met in Geneva again."
    assert article.decoding_errors == 2


def test_a_record_over_the_limit_is_refused_and_the_rest_imported(
    tmp_path, scratch_index, settings
):
    settings.ARCHIVE_MAX_RECORD_BYTES = 10_000
    rows = [
        {"id": "small-1", "title": "Small", "text": "The talks opened."},
        {"id": "huge", "title": "Huge", "text": "word " * 5_000},
        {"id": "small-2", "title": "Small again", "text": "The talks closed."},
    ]
    report = pipeline.run([jsonl(tmp_path / "big.jsonl", rows)])
    assert report.added == 2
    assert "record too large" in str(report.problems[0])
    assert "ARCHIVE_MAX_RECORD_BYTES" in str(report.problems[0])


def test_a_text_file_over_the_limit_is_refused(tmp_path, scratch_index, settings):
    settings.ARCHIVE_MAX_RECORD_BYTES = 10_000
    (tmp_path / "long.txt").write_text("Headline\n\n" + "word " * 5_000)
    (tmp_path / "short.txt").write_text("Headline\n\nThe talks opened in Geneva.")
    report = pipeline.run([tmp_path])
    assert report.added == 1 and "record too large" in str(report.problems[0])


def test_a_compressed_bomb_in_a_warc_is_refused_without_unfolding_it(
    tmp_path, scratch_index, settings
):
    settings.ARCHIVE_MAX_RECORD_BYTES = 100_000
    bomb = gzip.compress(b"<p>" + b"a" * 50_000_000 + b"</p>")  # ~50 kB that unfold to 50 MB
    page = b"<html><body><article><p>" + b"The talks opened in Geneva today. " * 20
    page += b"</p></article></body></html>"
    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as output:
        writer = WARCWriter(output, gzip=True)
        for uri, body, encoding in (
            ("https://x.example/bomb", bomb, "gzip"),
            ("https://x.example/page", page, None),
        ):
            headers = [("Content-Type", "text/html")] + (
                [("Content-Encoding", encoding)] if encoding else []
            )
            http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=http
            )
            writer.write_record(record)
    tracemalloc.start()
    report = pipeline.run([path])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert report.added == 1 and "record too large" in str(report.problems[0])
    assert peak < 20_000_000


def test_an_address_that_is_not_a_web_address_is_never_a_link(tmp_path, scratch_index, client):
    rows = [
        {"id": "js", "title": "Scripted", "text": "The talks opened.", "url": "javascript:alert(1)"}
    ]
    pipeline.run([jsonl(tmp_path / "js.jsonl", rows)])
    article = Article.objects.get(external_id="js")
    page = client.get(article.get_absolute_url()).content.decode()
    assert 'href="javascript:' not in page and "not a web address" in page
    assert article.original_url == ""


def test_a_web_address_is_a_link(tmp_path, scratch_index, client):
    rows = [
        {"id": "web", "title": "Linked", "text": "The talks opened.", "url": "https://x.example/a"}
    ]
    pipeline.run([jsonl(tmp_path / "web.jsonl", rows)])
    page = client.get(Article.objects.get(external_id="web").get_absolute_url()).content.decode()
    assert 'href="https://x.example/a"' in page


def test_an_admin_import_path_through_a_link_out_of_the_allowed_folders_is_refused(
    tmp_path, settings
):
    from archive.admin.forms import ImportRunForm

    allowed, outside = tmp_path / "imports", tmp_path / "private"
    allowed.mkdir(), outside.mkdir()
    (outside / "secret.txt").write_text("Headline\n\nNot for import.")
    (allowed / "batch").mkdir()
    (allowed / "batch" / "secret.txt").symlink_to(outside / "secret.txt")
    settings.ARCHIVE_IMPORT_DIRS = [str(allowed)]
    for given in (allowed / "batch", allowed / "batch" / "secret.txt"):
        form = ImportRunForm(data={"paths": str(given)})
        assert not form.is_valid()
        assert "outside" in str(form.errors) or "only inside" in str(form.errors)


def test_an_admin_import_path_too_long_for_the_file_system_is_a_message(tmp_path, settings):
    from archive.admin.forms import ImportRunForm

    settings.ARCHIVE_IMPORT_DIRS = [str(tmp_path)]
    form = ImportRunForm(data={"paths": str(tmp_path / ("x" * 300))})
    assert not form.is_valid() and "cannot be read" in str(form.errors)


def test_an_actor_merged_away_during_an_import_gives_its_finds_to_the_actor_kept(
    tmp_path, scratch_index, monkeypatch
):
    """A curator merges while the import runs: its mentions and quotes of the actor merged
    away are saved for the actor kept, and the import finishes."""
    from archive.actors.merge import merge_actors
    from archive.models import Actor, Alias

    merged = Actor.objects.create(name="Maria Lindqvist", slug="maria-lindqvist", kind="person")
    Alias.objects.create(actor=merged, name="Lindqvist")
    kept = Actor.objects.create(name="Maria E. Lindqvist", slug="maria-e-lindqvist", kind="person")
    original, merges = pipeline.save_batch, []

    def merge_then_save(batch, slugs_at_start=None):
        if not merges:
            merges.append(merge_actors(kept, [merged]))
        return original(batch, slugs_at_start)

    monkeypatch.setattr(pipeline, "save_batch", merge_then_save)
    rows = [
        {
            "id": "m1",
            "title": "Envoy speaks",
            "text": 'Maria Lindqvist said: "The talks in '
            'Geneva will go on until the parties agree on a text."',
        },
    ]
    report = pipeline.run([jsonl(tmp_path / "merge.jsonl", rows)])
    assert report.added == 1 and merges
    article = Article.objects.get(external_id="m1")
    assert list(article.mention_set.values_list("actor__slug", flat=True)) == [kept.slug]
    assert [q.speaker_id for q in article.quotes.all()] == [kept.pk]
