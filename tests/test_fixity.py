"""Fixity, provenance and audited imports."""

import io

import pytest
from django.core.management import CommandError, call_command

from archive.ingest import pipeline
from archive.models import Article, ImportRun
from tests.conftest import SEED_FILES

pytestmark = pytest.mark.django_db


def test_every_stored_article_passes_the_fixity_check():
    out = io.StringIO()
    call_command("verify_fixity", stdout=out)
    assert out.getvalue().strip() == "Fixity: 797 articles checked, 0 mismatched."


def test_altered_bytes_are_reported(seed_article):
    article = seed_article(4)
    Article.objects.filter(pk=article.pk).update(raw=bytes(article.raw) + b" tampered")
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 article"):
        call_command("verify_fixity", stdout=io.StringIO(), stderr=err)
    assert f"article {article.key}" in err.getvalue()


def test_each_run_is_recorded_with_its_counts(session_report):
    run = ImportRun.objects.filter(status="finished").earliest("started_at")
    assert (run.added, run.duplicates, run.failed) == (797, 15, 0)
    assert run.importer_version
    assert run.user
    assert Article.objects.filter(import_run=run).count() == 797


def test_dry_run_saves_nothing_but_is_recorded(tmp_path):
    path = tmp_path / "new.jsonl"
    path.write_text('{"title": "New", "text": "A new article about Astana."}\n')
    report = pipeline.run([path], dry_run=True)
    assert report.added == 1
    assert not Article.objects.filter(title="New").exists()
    assert ImportRun.objects.latest("started_at").status == "dry-run"


def test_curator_date_survives_reimport(seed_article, scratch_index):
    article = seed_article(1)
    Article.objects.filter(pk=article.pk).update(
        published="2016-08-26", date_method="curator", date_confidence=1.0
    )
    report = pipeline.run([SEED_FILES[1]])
    assert (report.added, report.duplicates) == (0, 1)
    article.refresh_from_db()
    assert (str(article.published), article.date_method) == ("2016-08-26", "curator")


def test_article_page_shows_hash_and_provenance(client):
    article = Article.objects.get(external_id="1914947530")
    page = client.get(article.get_absolute_url()).content.decode()
    assert article.sha256 in page
    assert "row 1" in page and "fakes.csv" in page
    assert "Date signals" in page
