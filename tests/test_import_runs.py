"""An import run's record: which process runs it, what becomes of it when that process dies,
what it counted, and what its admin page shows."""

import os
import subprocess
import sys

import pytest

from archive.ingest import pipeline, runs
from archive.models import Article, ImportRun

GOOD = '{"title": "Talks in Geneva", "text": "Delegations met in Geneva on %s."}\n'


def a_dead_pid() -> int:
    finished = subprocess.Popen([sys.executable, "-c", "pass"])
    finished.wait()
    return finished.pid


def left_running(pid, host=None) -> ImportRun:
    return ImportRun.objects.create(
        paths="big.csv",
        user="curator",
        status=ImportRun.Status.RUNNING,
        host=runs.this_host() if host is None else host,
        pid=pid,
        read=1200,
        added=1000,
    )


@pytest.mark.django_db
def test_a_run_whose_process_died_is_marked_interrupted_with_its_counts():
    run = left_running(a_dead_pid())
    assert runs.mark_interrupted() == [run]
    run.refresh_from_db()
    assert run.status == ImportRun.Status.INTERRUPTED
    assert (run.read, run.added) == (1200, 1000)
    assert run.finished_at is not None


@pytest.mark.django_db
def test_a_run_whose_process_lives_is_left_running():
    run = left_running(os.getppid())
    assert runs.mark_interrupted() == []
    run.refresh_from_db()
    assert run.status == ImportRun.Status.RUNNING


@pytest.mark.django_db
def test_a_run_of_another_machine_is_left_to_that_machine():
    run = left_running(a_dead_pid(), host="another-host")
    assert runs.mark_interrupted() == []
    run.refresh_from_db()
    assert run.status == ImportRun.Status.RUNNING


@pytest.mark.django_db
def test_the_next_import_marks_a_dead_run_interrupted_and_records_its_own_process(
    tmp_path, scratch_index
):
    dead = left_running(a_dead_pid())
    (tmp_path / "one.jsonl").write_text(GOOD % "Monday")
    pipeline.run([tmp_path / "one.jsonl"])
    dead.refresh_from_db()
    assert dead.status == ImportRun.Status.INTERRUPTED
    latest = ImportRun.objects.order_by("-pk").first()
    assert (latest.pid, latest.host) == (os.getpid(), runs.this_host())


@pytest.mark.django_db
def test_a_run_counts_every_record_it_read(tmp_path, scratch_index):
    lines = "".join(GOOD % day for day in ["Monday", "Tuesday", "Monday"]) + "not json\n"
    (tmp_path / "mixed.jsonl").write_text(lines)
    pipeline.run([tmp_path / "mixed.jsonl"])
    run = ImportRun.objects.order_by("-pk").first()
    assert (run.read, run.added, run.duplicates, run.failed) == (4, 2, 1, 1)


@pytest.mark.django_db
def test_anything_new_is_false_once_every_text_is_held(tmp_path):
    held = Article.objects.filter(source_file__endswith=".txt").first()
    (tmp_path / "held.txt").write_bytes(held.raw)
    assert pipeline.anything_new([tmp_path / "held.txt"]) is False
    (tmp_path / "new.jsonl").write_text(GOOD % "Sunday")
    assert pipeline.anything_new([tmp_path / "held.txt", tmp_path / "new.jsonl"]) is True


@pytest.mark.django_db
def test_a_run_page_shows_its_counts_and_refused_records(admin_client):
    run = ImportRun.objects.create(
        paths="mixed.jsonl",
        user="curator",
        status=ImportRun.Status.FINISHED,
        read=4,
        added=2,
        duplicates=1,
        failed=1,
        problems="mixed.jsonl:4: not a JSON object",
    )
    page = admin_client.get(f"/admin/archive/importrun/{run.pk}/change/").content.decode()
    assert "mixed.jsonl:4: not a JSON object" in page
    for label, value in [("Read", 4), ("Added", 2), ("Duplicates", 1), ("Failed", 1)]:
        assert f"<label>{label}:</label>" in page
        assert f'<div class="readonly">{value}</div>' in page


@pytest.mark.django_db
def test_an_interrupted_run_says_so_on_its_page(admin_client):
    run = left_running(a_dead_pid())
    runs.mark_interrupted()
    page = admin_client.get(f"/admin/archive/importrun/{run.pk}/change/").content.decode()
    assert "Interrupted" in page and "re-run the same file" in page


def test_the_worker_command_is_db_worker_on_the_imports_queue():
    from archive.management.commands.import_worker import Command

    parser = Command().create_parser("manage.py", "import_worker")
    assert parser.parse_args([]).queue_name == "imports"
