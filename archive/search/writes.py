"""The one way changes reach the index: a queue in the database, drained under the lock.

Whatever changes what the index holds for an article (an admin save or delete, a curator's
date, a merge or split of actors, an accepted proposal, an import) calls `reindex(ids)` in
its own transaction. The articles are queued (`IndexQueue`) in that same transaction, so a
change that commits cannot be lost from search; a row is deleted only after the index has
committed the article. Once the transaction commits the queue is drained by whoever holds
Whoosh's write lock: a command waits for the lock and drains at once; a web request never
waits: a thread of its process drains in the background, retrying while another process
holds the lock (an import, another worker). Newest rows go first, so a curator's edit made
during a long import reaches search at the import's next commit.

Why not Whoosh's AsyncWriter: it holds pending documents in one process's memory, so a
worker recycled or killed while the lock was taken lost them, and search disagreed with the
database until a rebuild. A queue in the database also makes crash recovery plain: what is
still queued after a crash is drained by the next `make run` (`rebuild_index --check --repair`).
"""

import contextlib
import logging
import threading
import time

from django.conf import settings
from django.db import connection, transaction
from whoosh.index import LockError

from archive.search import index, publish

# Articles per commit: the write lock is let go (and newer edits taken first) this often.
COMMIT_EVERY = 5_000
# A command's drain (an import) writes in bulk, on every core: ~10 s a commit on 2 cores,
# a segment per process, not per 5,000 articles (40,000 a commit was no faster, and each
# process then held a whole 20,000-article segment: +200 MB).
BULK_COMMIT_EVERY = 20_000
RETRY_DELAY = 0.5  # seconds between attempts while another process holds the lock
LOCK_WARNING_SECONDS = 30  # a drainer says so in the log once it has waited this long
MAX_FAILURES = 5  # a drainer thread gives up after so many errors in a row (rows stay queued)
log = logging.getLogger(__name__)


_suspended = threading.local()


@contextlib.contextmanager
def suspended():
    """Curators' edits are not queued in this thread for the block: a restore loads every
    row through the signals (126k drains for 40k articles) and then rebuilds the index once."""
    _suspended.on = True
    try:
        yield
    finally:
        _suspended.on = False


def reindex(article_ids):
    """Have these articles written to the index (or removed, if deleted) once the current
    transaction commits. Call it wherever an article's indexed fields change."""
    if getattr(_suspended, "on", False):
        return
    if queue(article_ids):
        transaction.on_commit(_after_commit)


def queue(article_ids, bulk=False) -> int:
    """Queue these articles in the current transaction, and nothing more. A bulk job (an
    import) queues batch by batch with `bulk=True` and drains once, at its end
    (`drain_all`): web workers leave its rows alone, so they never index thousands of
    articles between requests."""
    from archive.models import IndexQueue

    ids = sorted({int(pk) for pk in article_ids if pk is not None})
    rows = [IndexQueue(article_id=pk, bulk=bulk) for pk in ids]
    IndexQueue.objects.bulk_create(rows, batch_size=2000)
    return len(ids)


def _after_commit():
    """Web processes (settings.ARCHIVE_INDEX_IN_BACKGROUND) drain in a thread; commands and
    tests drain before going on, so that what they changed is searchable when they return."""
    if settings.ARCHIVE_INDEX_IN_BACKGROUND:
        drain_in_background()
    else:
        drain_all()


def pending() -> int:
    """How many queued rows wait for the index."""
    from archive.models import IndexQueue

    return IndexQueue.objects.count()


def drain(wait: float = 0.0, bulk=True) -> int | None:
    """Write up to BULK_COMMIT_EVERY queued articles in one commit, or with `bulk=False`
    up to COMMIT_EVERY of the rows that no bulk job queued. Returns how many were written
    (0: nothing to write), or None when another process held the write lock longer than
    `wait` seconds (it, or a retry, drains them later)."""
    from archive.models import IndexQueue

    if settings.ARCHIVE_INDEX_READ_ONLY:
        return 0  # a reader node: the writer node drains the queue and publishes the index
    queued = IndexQueue.objects.all() if bulk else IndexQueue.objects.filter(bulk=False)
    if not queued.exists():
        return 0  # no writer opened: it would leave an empty segment's files behind
    try:
        # A web worker's drain (a curator's edit) goes through Whoosh's own writer.
        writer = index.bulk_writer(timeout=wait) if bulk else index.writer(timeout=wait)
    except LockError:
        return None
    except Exception as error:  # an unwritable folder fails here, before any write
        _record_write(False, f"{type(error).__name__}: {error}")
        raise
    try:
        # Read under the lock: rows queued after this are taken by the next drain.
        limit = BULK_COMMIT_EVERY if bulk else COMMIT_EVERY
        rows = list(queued.order_by("-pk").values_list("pk", "article_id")[:limit])
        if not rows:
            writer.cancel()
            return 0
        ids = sorted({article_id for _, article_id in rows})
        index.write(writer, ids)
        writer.commit()
    except BaseException as error:
        writer.cancel()
        _record_write(False, f"{type(error).__name__}: {error}")
        raise
    # After the commit: a crash before this line only makes the next drain write them again.
    done = [pk for pk, _ in rows]
    for start in range(0, len(done), 1000):
        IndexQueue.objects.filter(pk__in=done[start : start + 1000]).delete()
    for folder in filter(None, settings.ARCHIVE_INDEX_PUBLISH_DIR.split(":")):
        publish.publish(folder)  # one folder per reader node, or one they share
    _record_write(True, f"{len(ids)} articles written")
    return len(ids)


def _record_write(ok: bool, message: str) -> None:
    """The last index write's result, for /healthz."""
    from archive.models import Heartbeat
    from archive.models.heartbeat import INDEX_WRITE

    Heartbeat.beat(INDEX_WRITE, ok, message)


def drain_stale(older_than: float) -> int | None:
    """Write what has waited in the queue longer than `older_than` seconds: whoever runs
    this (the task worker, every few seconds) mends an edit whose web worker died before
    writing it. Returns what `drain` does, or 0 when nothing is that old."""
    import datetime

    from django.utils import timezone

    from archive.models import IndexQueue

    cutoff = timezone.now() - datetime.timedelta(seconds=older_than)
    if not IndexQueue.objects.filter(queued_at__lt=cutoff).exists():
        return 0
    return drain(wait=1.0)


def drain_all(wait: float = index.WRITER_TIMEOUT) -> int:
    """Drain until the queue is empty, waiting for the lock each time; returns how many
    articles were written. Raises LockError if the lock stays taken longer than `wait`."""
    total = 0
    while True:
        written = drain(wait)
        if written is None:
            raise LockError(f"The index stayed locked for {wait:.0f} s by another process.")
        if not written:
            return total
        total += written


def rebuild(progress=False) -> int:
    """Index every article from scratch; what was queued before it started is then done.
    `progress`: a bar on stderr (count, rate, time left)."""
    from archive.models import IndexQueue

    last = IndexQueue.objects.order_by("-pk").values_list("pk", flat=True).first()
    clearing = index.bulk_writer()
    try:
        count = index.rewrite_all(clearing, progress)
    except BaseException:
        clearing.cancel()
        raise
    if last is not None:
        IndexQueue.objects.filter(pk__lte=last).delete()
    return count


# One background drainer per process. `_wanted` is set by every request that queued
# something; the drainer only stops, under `_guard`, when nothing was asked since it last
# looked and the queue is empty, so no request's rows are left waiting for a trigger.
_guard = threading.Lock()
_wanted = threading.Event()
_drainer: threading.Thread | None = None


def drain_in_background():
    """Have this process's drainer thread write what is queued (start it if needed)."""
    global _drainer
    with _guard:
        _wanted.set()
        if _drainer is None or not _drainer.is_alive():
            _drainer = threading.Thread(target=_drain_until_empty, name="index-writer", daemon=True)
            _drainer.start()


def _drain_until_empty():
    global _drainer
    failures = 0
    lock_wait = LockWait()
    try:
        while True:
            _wanted.clear()
            try:
                written = drain(wait=1.0, bulk=False)
                failures = 0
                lock_wait.record(written)
            except Exception:
                failures += 1
                log.exception("Writing queued articles to the index failed (%d)", failures)
                if failures >= MAX_FAILURES:  # the rows stay queued for the next drain
                    with _guard:
                        _drainer = None
                    return
                written = None
            if written is None:  # the lock is taken (or the write failed): try again
                time.sleep(RETRY_DELAY)
                continue
            if written:
                continue
            with _guard:
                if not _wanted.is_set():
                    _drainer = None
                    return
    finally:
        connection.close()  # this thread's own database connection


class LockWait:
    """How long a drainer has found the write lock taken, attempt after attempt: logged once
    it has waited LOCK_WARNING_SECONDS (edits wait meanwhile, and /healthz says so later)."""

    def __init__(self):
        self.since = None
        self.warned = False

    def record(self, written):
        if written is not None:  # the lock was had (or there was nothing to write)
            self.since, self.warned = None, False
            return
        now = time.monotonic()
        if self.since is None:
            self.since = now
        elif not self.warned and now - self.since >= LOCK_WARNING_SECONDS:
            self.warned = True
            log.warning(
                "The index's write lock has been held by another process for %.0f s; "
                "%d queued articles wait for it.",
                now - self.since,
                pending(),
            )
