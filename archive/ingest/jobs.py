"""Imports run in the background: a curator starts one from the admin (an uploaded file or a
path on the server), a worker (`manage.py import_worker`) runs it, the ImportRun row shows its
progress and, at the end, its counts and refused records.

Only one import writes at a time: a job waits for the lock held by any other import on this
machine, so jobs queue rather than interleave their batches and index writes.
"""

import fcntl
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django_tasks import task

from archive.models import ImportRun

QUEUE = "imports"


@contextmanager
def one_import_at_a_time(say=None):
    """Hold the import lock for the block; `say` (a print function) is told when another
    import holds it and this one waits."""
    settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
    with open(Path(settings.VAR_DIR) / "import.lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if say:
                say(f"Waiting for another import to finish: {_running()}")
            fcntl.flock(lock, fcntl.LOCK_EX)  # blocks while another import runs
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _running() -> str:
    running = ImportRun.objects.filter(status=ImportRun.Status.RUNNING).order_by("-pk").first()
    if running is None:
        return "(it has not started its run yet)"
    return f"run {running.pk} ({running.paths}), process {running.pid} on {running.host}"


@task(queue_name=QUEUE)
def run_import(run_id: int) -> str:
    """The job: import the queued run's file or path into the archive."""
    from archive.ingest import pipeline

    record = ImportRun.objects.get(pk=run_id)
    paths = [Path(record.upload.path)] if record.upload else [Path(record.paths)]
    with one_import_at_a_time():
        report = pipeline.run(paths, user=record.user, record=record)
    return report.summary()


def queue(record: ImportRun) -> None:
    """Queue `record` (saved, status QUEUED) for the worker, once the transaction commits."""

    def enqueue():
        result = run_import.enqueue(record.pk)
        ImportRun.objects.filter(pk=record.pk).update(task_id=str(result.id))

    transaction.on_commit(enqueue)
