"""The import's per-article work on every core (or, where task workers listen on a queue,
on theirs: `fanout.py`).

Dates, language, actors, rounds, quotes and the MinHash signature depend on an article's
text alone (`Importer.enrich`), so forked worker processes work them out, the importer's
matchers inherited, not rebuilt. What depends on the run's state stays in the importing
process, in the order read: duplicates (before), copies' clusters, proposals and saving
(after). Records are handed out a window at a time (two in flight), so memory does not grow with the
file.
"""

import itertools
import os
from contextlib import ExitStack

from archive import forked
from archive.ingest import fanout

WINDOW = 1_000  # records read ahead of the importing process
CHUNK = 16  # records per hand-out to a worker
PARALLEL_FROM = 64  # a window this small is enriched in-process (no workers started)
MAX_WORKERS = 4
WORKER_NICENESS = 10  # below the web server's processes in the scheduler's eyes

_importer = None  # in a worker: the importer it was forked with


def workers() -> int:
    return max(1, min(MAX_WORKERS, len(os.sched_getaffinity(0))))


def enriched(importer, items):
    """(read, Enriched) for each (read, item, sha256) of `items`, in order."""
    global _importer
    if task_workers := fanout.listening():
        yield from fanout.enriched(importer, items, task_workers)
        return
    ahead = ()
    with ExitStack() as stack:
        pool = None
        while window := list(itertools.islice(items, WINDOW)):
            if len(window) < PARALLEL_FROM or workers() < 2:
                yield from ahead
                ahead = ()
                yield from ((read, importer.enrich(item, sha)) for read, item, sha in window)
                continue
            if pool is None:
                _importer = importer  # forked workers see it as it is now: no pickling
                pool = stack.enter_context(forked.pool(workers(), _worker_started))
            # The next window is handed out before this one is taken in: the workers do not
            # wait while the importing process saves the end of a window.
            handed_out = pool.imap(_enrich, window, chunksize=CHUNK)
            yield from ahead
            ahead = handed_out
        yield from ahead


def _worker_started():
    """Workers read no database: the parent's connections are not theirs to use or close.
    They yield to the web server's processes (a server imports while it serves)."""
    from django.db import connections

    os.nice(WORKER_NICENESS)
    for connection in connections.all(initialized_only=True):
        connection.connection = None


def _enrich(task):
    read, item, sha256 = task
    return read, _importer.enrich(item, sha256)
