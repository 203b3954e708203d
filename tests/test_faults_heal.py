"""Faults that heal without a person, on a real gunicorn and a real task worker (SQLite, and
PostgreSQL in the suite's second pass): processes killed at each stage of an import and of
an edit's index write, an index that cannot be written and then can, a merge during an
import, a damaged backup restored over a serving archive. After each, within a bounded time
and with no hand repair: the index agrees with the database (`rebuild_index --check`, with
nothing left queued), /healthz answers 200, and nothing saved is lost.

The faults are injected from outside the archive's code (`tests/faults/sitecustomize.py`),
each armed by a flag file the test creates."""

import time

import pytest
import requests

from tests.live import CURATOR, CURATOR_PASSWORD, ROOT, Curator, ImportWorker, served_archive
from tests.test_admin_imports import (
    articles_file,
    import_lock_is_free,
    latest_run,
    wait_for_status,
)
from tests.test_backup import with_an_unknown_actor

pytestmark = pytest.mark.live

WITHIN = 180  # seconds a heal may take on a busy machine
STALE = "5"  # the task worker writes what a dead process left queued after this many seconds
IMPORT_STAGES = {
    # A batch's transaction, after its articles were inserted: the batch must vanish whole.
    "in a batch's transaction": ("archive.ingest.pipeline:record_imported_state", 1),
    # The import's rows saved, its index write begun: they must reach search anyway.
    "writing the index": ("archive.search.index:write", 0),
    # The segment written, the table of contents not: the same, and no half-written index.
    "publishing the index": ("whoosh.index:TOC.write", 0),
}
FAULTS = {
    "web-worker-index-write": ("archive.search.writes:drain", "kill", "gunicorn", 0),
    "unwritable-index": ("whoosh.filedb.filestore:FileStorage.create_file", "fail", "", 0),
    "import-paused": ("archive.ingest.pipeline:save_batch", "pause", "import_worker", 1),
    **{
        stage: (target, "kill", "import_worker", skip)
        for stage, (target, skip) in IMPORT_STAGES.items()
    },
}


class Faults:
    """Flag files arming the faults every process of the served archive carries."""

    def __init__(self, folder):
        self.folder = folder
        folder.mkdir()

    def flag(self, name):
        return self.folder / name.replace(" ", "-").replace("'", "")

    def specs(self):
        return [
            {"at": at, "do": do, "in": where, "skip": skip, "flag": str(self.flag(name))}
            for name, (at, do, where, skip) in FAULTS.items()
        ]

    def arm(self, name):
        self.flag(name).touch()

    def disarm(self, name):
        self.flag(name).unlink(missing_ok=True)
        self.flag(name).with_name(self.flag(name).name + ".fired").unlink(missing_ok=True)

    def wait_fired(self, name, seconds=WITHIN):
        fired = self.flag(name).with_name(self.flag(name).name + ".fired")
        deadline = time.monotonic() + seconds
        while not fired.exists():
            assert time.monotonic() < deadline, f"the fault {name!r} never fired"
            time.sleep(0.1)


class Served:
    """The module's archive, its gunicorn, its task worker (replaced when a test kills it)
    and the faults they carry."""

    def __init__(self, archive, server, faults):
        self.archive, self.server, self.faults = archive, server, faults
        self.worker = ImportWorker(archive, ["--stale-seconds", STALE])

    def restart_worker(self):
        """What `make run` does for a task worker that died: start another once its
        import lock is free (its pool's children gone)."""
        self.worker.stop()
        deadline = time.monotonic() + 60
        while not import_lock_is_free(self.archive):
            assert time.monotonic() < deadline, "the dead worker's import lock was never freed"
            time.sleep(0.2)
        self.worker = ImportWorker(self.archive, ["--stale-seconds", STALE])


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("faults")
    faults = Faults(folder / "flags")
    seeds = ROOT / "seeds" / "multilingual"
    with served_archive(folder, seeds, workers=2, faults=faults.specs()) as (archive, server):
        served = Served(archive, server, faults)
        try:
            yield served
        finally:
            served.worker.stop()


def health(server):
    response = requests.get(f"{server.url}/healthz", timeout=60)
    return response.status_code, response.json()


def healed(archive, server, seconds=WITHIN):
    """Wait until the index agrees with the database with nothing queued and /healthz
    answers 200; fail with what was last seen."""
    deadline = time.monotonic() + seconds
    while True:
        check = archive.manage("rebuild_index", "--check", check=False)
        status, report = health(server)
        if check.returncode == 0 and "queued" not in check.stdout and status == 200:
            return report
        if time.monotonic() > deadline:
            pytest.fail(f"not healed: {check.stdout}{check.stderr}\n/healthz {status}: {report}")
        time.sleep(2)


def search_total(server, query) -> int:
    response = requests.get(f"{server.url}/api/search/", params={"q": query}, timeout=60)
    return response.json()["total"]


def saved_with(archive, word) -> int:
    return archive.scalar("SELECT COUNT(*) FROM archive_article WHERE body LIKE ?", f"%{word}%")


def test_a_damaged_backup_restored_over_a_serving_archive_changes_nothing(served, tmp_path):
    archive, server = served.archive, served.server
    backup = tmp_path / "backup.tar.gz"
    archive.manage("backup_archive", str(backup))
    damaged = with_an_unknown_actor(backup, tmp_path)
    articles = archive.scalar("SELECT COUNT(*) FROM archive_article")
    everything = search_total(server, "*")
    result = archive.manage("restore_archive", "--replace", str(damaged), check=False)
    assert result.returncode != 0 and "nothing changed" in result.stderr
    assert archive.scalar("SELECT COUNT(*) FROM archive_article") == articles
    healed(archive, server)
    assert search_total(server, "*") == everything == articles


@pytest.mark.parametrize("stage", list(IMPORT_STAGES))
def test_an_import_killed_at_each_stage_loses_nothing_saved(served, tmp_path, stage):
    archive, server, faults = served.archive, served.server, served.faults
    curator = Curator(server.url, CURATOR, CURATOR_PASSWORD)
    tag = "zqkill" + "".join(word[:3] for word in stage.split())
    path = articles_file(tmp_path, 1200, tag)
    faults.arm(stage)
    try:
        curator.upload(path)
        run = latest_run(archive)
        faults.wait_fired(stage)
        served.worker.process.wait(timeout=60)  # killed
    finally:
        faults.disarm(stage)
    served.restart_worker()
    assert wait_for_status(archive, run, {"interrupted"}, WITHIN) == "interrupted"
    healed(archive, server)
    saved = saved_with(archive, tag)
    assert search_total(server, tag) == saved  # every article saved is searchable
    if stage == "in a batch's transaction":
        assert saved == 500  # the first batch; the second rolled back whole

    page = curator.http.get(f"{server.url}/admin/archive/importrun/{run}/change/", timeout=60)
    assert "Interrupted" in page.text

    curator.upload(path)  # the curator runs it again: it completes what is missing
    again = latest_run(archive)
    assert wait_for_status(archive, again, {"finished"}, WITHIN) == "finished"
    healed(archive, server)
    assert saved_with(archive, tag) == 1200 and search_total(server, tag) == 1200
    counted = "SELECT added, duplicates FROM archive_importrun WHERE id = ?"
    assert archive.rows(counted, again) == [(1200 - saved, saved)]


def test_a_web_worker_killed_writing_an_edit_leaves_it_to_be_written(served):
    archive, server, faults = served.archive, served.server, served.faults
    curator = Curator(server.url, CURATOR, CURATOR_PASSWORD)
    article = archive.scalar("SELECT MIN(id) FROM archive_article")
    faults.arm("web-worker-index-write")
    try:
        try:
            curator.edit(f"/admin/archive/article/{article}/change/", title="Zqkilled heading")
        except requests.ConnectionError:
            pass  # killed before its response was sent: the edit was committed all the same
        faults.wait_fired("web-worker-index-write")
    finally:
        faults.disarm("web-worker-index-write")
    title = "SELECT title FROM archive_article WHERE id = ?"
    assert archive.scalar(title, article) == "Zqkilled heading"
    healed(archive, server)
    assert search_total(server, "title:Zqkilled") == 1


def test_an_unwritable_index_is_reported_and_written_once_writable(served):
    archive, server, faults = served.archive, served.server, served.faults
    curator = Curator(server.url, CURATOR, CURATOR_PASSWORD)
    article = archive.scalar("SELECT MAX(id) FROM archive_article")
    faults.arm("unwritable-index")
    try:
        curator.edit(f"/admin/archive/article/{article}/change/", title="Zqunwritable heading")
        deadline = time.monotonic() + WITHIN
        while (status := health(server))[0] != 503:
            assert time.monotonic() < deadline, f"/healthz never said so: {status}"
            time.sleep(1)
        assert not status[1]["last_index_write"]["ok"] and status[1]["queued_for_index"] >= 1
        assert search_total(server, "*") > 0  # readers are still served
    finally:
        faults.disarm("unwritable-index")
    healed(archive, server)
    assert search_total(server, "title:Zqunwritable") == 1


def test_a_merge_during_an_import_loses_nothing(served, tmp_path):
    archive, server, faults = served.archive, served.server, served.faults
    curator = Curator(server.url, CURATOR, CURATOR_PASSWORD)
    path = articles_file(tmp_path, 1200, "zqmerge")
    sohr, rahman = (
        archive.scalar("SELECT id FROM archive_actor WHERE slug = ?", slug)
        for slug in ("sohr", "rami-abdel-rahman")
    )
    faults.arm("import-paused")
    try:
        curator.upload(path)
        run = latest_run(archive)
        faults.wait_fired("import-paused")  # one batch saved, the next waits
        curator.action("/admin/archive/actor/", "merge", [sohr, rahman], keep=str(sohr))
    finally:
        faults.disarm("import-paused")
    assert wait_for_status(archive, run, {"finished"}, WITHIN) == "finished"
    healed(archive, server)
    assert saved_with(archive, "zqmerge") == 1200 and search_total(server, "zqmerge") == 1200
    assert archive.scalar("SELECT COUNT(*) FROM archive_actor WHERE id = ?", rahman) == 0
