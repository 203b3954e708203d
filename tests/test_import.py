"""Importing the seeds and the FA-KES corpus: counts, idempotence, bad rows, bad bytes."""

import io

import pytest
from django.core.management import call_command

from archive.ingest import pipeline
from archive.models import Article
from tests.conftest import FAKES_CSV, SEED_FILES, SEEDS

pytestmark = pytest.mark.django_db

# FA-KES has 804 rows, 15 of which repeat another row's article text; plus 5 seeds.
EXPECTED_ARTICLES = 804 + 5 + 3 - 15  # FA-KES, the seeds, the multilingual samples


def test_session_import_keeps_every_distinct_article(session_report):
    """812 records minus the 15 whose text repeats another's give 797 articles."""
    assert session_report.added == EXPECTED_ARTICLES
    assert session_report.duplicates == 15
    assert session_report.failed == 0
    assert Article.objects.count() == EXPECTED_ARTICLES


def test_second_import_adds_nothing(scratch_index):
    """Re-running the import finds every record already stored and changes nothing."""
    before = list(Article.objects.order_by("pk").values_list("pk", "sha256", "published"))
    report = pipeline.run([SEEDS])
    assert (report.added, report.duplicates, report.failed) == (0, 812, 0)
    assert list(Article.objects.order_by("pk").values_list("pk", "sha256", "published")) == before


def test_command_prints_counts():
    """The command reports added, duplicate and failed counts."""
    out = io.StringIO()
    call_command("import_articles", str(SEED_FILES[0]), stdout=out)
    assert "0 added, 1 duplicate, 0 failed" in out.getvalue()


def test_invalid_utf8_is_decoded_and_counted(session_report):
    """Stray Windows-1252 bytes are decoded by the fallback, counted, and lose no article."""
    assert session_report.decoding_errors == 123
    damaged = Article.objects.filter(decoding_errors__gt=0)
    assert damaged.exists()
    assert not any("\udc95" in a.raw_text for a in damaged)


def test_corrupt_csv_row_is_reported_and_good_rows_kept(tmp_path, scratch_index):
    """A row with missing fields is reported with file and row; the rows around it import."""
    lines = FAKES_CSV.read_bytes().split(b"\n")
    header, good = lines[0], lines[1]
    other = b"1,A fresh article title,Fresh body on Geneva talks.,reuters,1/2/16,x,y,z,0,0,0,0,1"
    path = tmp_path / "broken.csv"
    path.write_bytes(b"\n".join([header, good, b"999,only three fields,oops", other]) + b"\n")
    report = pipeline.run([path])
    assert report.added == 1  # `good` is already in the archive: a duplicate
    assert report.duplicates == 1
    assert [str(p) for p in report.problems] == [
        f"{path}:2: row has 3 fields, the header has 13 (line 3)"
    ]
    assert Article.objects.filter(title="A fresh article title").exists()


def test_nul_bytes_are_dropped_and_counted(tmp_path, scratch_index):
    """A NUL byte (which PostgreSQL cannot store) is dropped and counted; both rows import."""
    header = FAKES_CSV.read_bytes().split(b"\n")[0]
    path = tmp_path / "nul.csv"
    path.write_bytes(
        header
        + b"\n5,Bad,Body with a NUL \x00 byte,sana,1/1/16,a,b,c,0,0,0,0,1"
        + b"\n6,Good row after,A body that is fine.,sana,1/1/16,a,b,c,0,0,0,0,1\n"
    )
    report = pipeline.run([path])
    assert (report.added, report.failed, report.decoding_errors) == (2, 0, 1)
    assert Article.objects.get(title="Bad").body == "Body with a NUL byte"
    assert Article.objects.filter(title="Good row after").exists()


def test_truncated_csv_reports_the_cut_row(tmp_path, scratch_index):
    """A file cut inside a quoted field: the rows before the cut import, the cut row is reported."""
    header = FAKES_CSV.read_bytes().split(b"\n")[0]
    path = tmp_path / "truncated.csv"
    path.write_bytes(
        header
        + b"\n7,Whole row,A complete body.,sana,1/1/16,a,b,c,0,0,0,0,1"
        + b'\n8,Cut row,"A body cut off in the middl'
    )
    report = pipeline.run([path])
    assert report.added == 1
    assert "row has 3 fields" in str(report.problems[0])


def test_csv_without_article_columns_is_refused(tmp_path):
    """A CSV that is not an articles file is reported as such, not half-imported."""
    path = tmp_path / "other.csv"
    path.write_text("name,age\nx,1\n")
    report = pipeline.run([path])
    assert report.added == 0
    assert "no column article_title, article_content" in str(report.problems[0])


def test_missing_path_and_unsupported_file_are_reported(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    report = pipeline.run([tmp_path / "missing", tmp_path / "notes.pdf"])
    assert [p.reason for p in report.problems] == [
        "no such file or folder",
        "unsupported format (known: .csv, .htm, .html, .jsonl, .txt, .warc, .warc.gz)",
    ]


def test_raw_text_and_hash_are_kept(seed_article):
    """The raw text is kept as received and the SHA-256 is that of the file's bytes."""
    import hashlib

    article = seed_article(0)
    raw = SEED_FILES[0].read_bytes()
    assert article.sha256 == hashlib.sha256(raw).hexdigest()
    assert article.raw_text == raw.decode("utf-8")
    assert article.source_file.endswith("000_bf1e45a5e938c112.txt")


def test_csv_provenance_names_file_and_row():
    article = Article.objects.get(external_id="1914947530")
    assert article.source_file.endswith("fakes.csv")
    assert article.source_row == 1
    assert article.source == "National News Agency (Lebanon)"


def test_a_round_named_outright_dates_a_yearless_weekday_line(tmp_path, scratch_index):
    """ "Tuesday, 24 January" fits several years; Astana-1 (23-24 January 2017) settles it."""
    from archive.ingest import pipeline

    text = (
        "Guarantors close the first Astana meeting\n\n"
        "Tuesday, 24 January: delegations at Astana-1 agreed on a joint statement, the hosts said."
    )
    (tmp_path / "astana.txt").write_text(text)
    pipeline.run([tmp_path / "astana.txt"])
    article = Article.objects.get(title="Guarantors close the first Astana meeting")
    assert str(article.published) == "2017-01-24"
    assert [e.slug for e in article.events.all()] == ["astana-1"]
