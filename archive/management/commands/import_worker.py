"""The worker for imports curators start from the admin: django-tasks-db's `db_worker` on
the imports queue, which first marks the runs a killed worker left "running" as interrupted
(`archive/ingest/runs.py`). Beside the imports, a thread beats every few seconds (the
heartbeat /healthz reads) and writes to the index what has waited in its queue too long: an
edit whose web worker died before writing it reaches search without a person."""

import logging
import threading

from django.db import connection
from django_tasks_db.management.commands import db_worker

from archive.ingest import jobs, runs
from archive.models import Heartbeat
from archive.models.heartbeat import TASK_WORKER

log = logging.getLogger(__name__)
BEAT_SECONDS = 5
STALE_QUEUE_SECONDS = 30  # a web worker writes its edits within a second or two


def _keep_alive(stop: threading.Event, stale_seconds=STALE_QUEUE_SECONDS):
    """Beats, and writes stale queued articles; at its start, everything queued (what an
    import or a worker that died left there), as a starting web worker does."""
    from archive.search import writes

    older_than = 0
    lock_wait = writes.LockWait()
    try:
        while True:
            Heartbeat.beat(TASK_WORKER)
            try:
                lock_wait.record(writes.drain_stale(older_than))
            except Exception:  # noqa: BLE001  (recorded by the drain; tried again next beat)
                log.exception("Writing the index queue failed")
            older_than = stale_seconds
            if stop.wait(BEAT_SECONDS):
                return
    finally:
        connection.close()


class Command(db_worker.Command):
    help = (
        "Run the imports queued from the admin (db_worker on the imports queue), after marking "
        "imports whose process ended as interrupted."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(queue_name=jobs.QUEUE)
        parser.add_argument(
            "--stale-seconds",
            type=float,
            default=STALE_QUEUE_SECONDS,
            help="Write articles queued for the index longer than this (a web worker died).",
        )

    def handle(self, *args, stale_seconds=STALE_QUEUE_SECONDS, **options):
        for run in runs.mark_interrupted():
            self.stderr.write(f"{run}: its process ended; marked interrupted ({run.added} added).")
        stop = threading.Event()
        beating = threading.Thread(
            target=_keep_alive, args=(stop, stale_seconds), name="heartbeat", daemon=True
        )
        beating.start()
        try:
            super().handle(*args, **options)
        finally:
            stop.set()
