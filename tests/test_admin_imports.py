"""A curator's imports of real size from the admin, on a served archive: a real gunicorn, a
real import worker (`manage.py import_worker`, as `make run` starts it), uploads of thousands
of rows in a row. Run on SQLite and on PostgreSQL (the suite's second pass). Workers killed
midway: `test_faults_heal.py`."""

import csv
import fcntl
import json
import random
import time
from pathlib import Path

import pytest
import requests

from tests.conftest import FAKES_CSV
from tests.live import CURATOR, CURATOR_PASSWORD, Curator, ImportWorker, served_archive

pytestmark = pytest.mark.live

FINISHED_WITHIN = 600  # seconds an import of 3,000 rows may take on a loaded machine


def fakes_rows():
    text = FAKES_CSV.read_bytes().decode("utf-8", "replace")
    return [row for row in csv.DictReader(text.splitlines()) if row["article_content"].strip()]


def articles_file(folder: Path, count: int, tag: str) -> Path:
    """`count` distinct articles as JSONL: FA-KES texts with their sentences shuffled, each
    carrying the word `tag`, so a search for it counts exactly this file's articles."""
    rows, rng = fakes_rows(), random.Random(tag)
    path = folder / f"{tag}.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for number in range(count):
            row = rows[number % len(rows)]
            sentences = row["article_content"].split(". ")
            rng.shuffle(sentences)
            text = ". ".join(sentences) + f" {tag} number {number}."
            record = {"title": row["article_title"], "text": text, "source": row["source"]}
            out.write(json.dumps({**record, "date": row["date"], "id": f"{tag}-{number}"}) + "\n")
    return path


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("admin-imports")
    with served_archive(folder, workers=2) as (archive, server):
        worker = ImportWorker(archive)
        try:
            yield archive, server, worker
        finally:
            worker.stop()


def latest_run(archive) -> int:
    return archive.scalar("SELECT MAX(id) FROM archive_importrun")


def status_of(archive, run) -> str:
    return archive.scalar("SELECT status FROM archive_importrun WHERE id = ?", run)


def wait_for_status(archive, run, wanted, seconds=FINISHED_WITHIN) -> str:
    deadline = time.monotonic() + seconds
    while (status := status_of(archive, run)) not in wanted and time.monotonic() < deadline:
        time.sleep(0.5)
    return status


def search_total(server, word) -> int:
    return requests.get(f"{server.url}/api/search/", params={"q": word}, timeout=60).json()["total"]


def imported(archive, server, curator, path) -> int:
    """Upload `path` from the admin and wait until the worker has run it; the run's id."""
    curator.upload(path)
    run = latest_run(archive)
    status = wait_for_status(archive, run, {"finished", "failed", "interrupted"})
    assert status == "finished", f"{path.name}: {status}\n{status_of(archive, run)}"
    return run


def test_uploads_of_thousands_of_rows_in_a_row_each_finish(served, tmp_path):
    """Of four 2,000-row uploads in a row, the second hung for good at its end (a pool child
    that kept the worker's SIGTERM handler): every run must finish and reach search."""
    archive, server, worker = served
    curator = Curator(server.url, CURATOR, CURATOR_PASSWORD)
    for tag, count in [("zqalpha", 2000), ("zqbravo", 2000), ("zqcharlie", 3000)]:
        run = imported(archive, server, curator, articles_file(tmp_path, count, tag))
        added = archive.scalar("SELECT added FROM archive_importrun WHERE id = ?", run)
        read = archive.scalar("SELECT read FROM archive_importrun WHERE id = ?", run)
        assert (read, added) == (count, count)
        assert search_total(server, tag) == count
    assert archive.scalar("SELECT COUNT(*) FROM archive_indexqueue") == 0
    assert requests.get(f"{server.url}/healthz", timeout=30).json()["queued_for_index"] == 0
    assert worker.process.poll() is None  # the same worker ran them all


def import_lock_is_free(archive) -> bool:
    with open(archive.folder / "var" / "import.lock", "a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        fcntl.flock(lock, fcntl.LOCK_UN)
        return True
