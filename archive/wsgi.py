"""WSGI entry point, served by gunicorn (`make run`)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
# A request never waits for the index's write lock: queued edits are written by a thread.
os.environ.setdefault("ARCHIVE_INDEX_IN_BACKGROUND", "1")
application = get_wsgi_application()


def _drain_what_waits():
    """A worker starting writes what the queue holds: edits a worker that died left there."""
    from django.db import DatabaseError

    from archive.search import writes

    try:
        if writes.pending():
            writes.drain_in_background()
    except DatabaseError:
        pass  # no database yet: /healthz says so


_drain_what_waits()


def _warm_before_serving():
    """Each page type once before the first reader's request (`archive.warmup`); off with
    ARCHIVE_WARM_UP=0."""
    if os.environ.get("ARCHIVE_WARM_UP", "1") != "0":
        from archive.warmup import warm

        warm()


_warm_before_serving()
