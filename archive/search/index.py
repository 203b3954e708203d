"""The on-disk index: open, write a batch of articles, rebuild.

One process writes at a time (Whoosh keeps a lock file). Changes reach the index through
the queue in `writes`; readers see one generation at a time through `snapshot`.
"""

import gc
import logging
import os
import sys
import time
from contextlib import contextmanager

from django.conf import settings
from django.db import connections
from tqdm import tqdm
from whoosh import index
from whoosh.index import LockError
from whoosh.util.filelock import try_for
from whoosh.writing import CLEAR

from archive import forked
from archive.search import bulk
from archive.search.documents import documents_of
from archive.search.merging import TinyMergingWriter
from archive.search.schema import SCHEMA_VERSION, build_schema

WRITER_TIMEOUT = 120.0
# Segments as separate files: a compound segment file is read whole into every process's
# memory when opened (~400 MB at 100k articles), separate files are read as needed.
WRITER_OPTIONS = {"limitmb": 256, "compound": False}
CHUNK_SIZE = 500
# A rebuild of this many articles or more uses every core (up to MAX_WORKERS processes).
PARALLEL_FROM = 5_000
MAX_WORKERS = 4
CHILD_NICENESS = 10
VERSION_FILE = "ARCHIVE_SCHEMA_VERSION"
log = logging.getLogger(__name__)


def index_dir():
    return settings.ARCHIVE_INDEX_DIR


def is_current() -> bool:
    """Whether an index exists here and was built with this schema version."""
    path = index_dir()
    marker = path / VERSION_FILE
    return (
        index.exists_in(path)
        and marker.exists()
        and marker.read_text().strip() == str(SCHEMA_VERSION)
    )


def create_at(path):
    """A new, empty index in `path` (replacing whatever was there)."""
    path.mkdir(parents=True, exist_ok=True)
    ix = index.create_in(path, build_schema())
    (path / VERSION_FILE).write_text(str(SCHEMA_VERSION))
    return ix


def open_at(path):
    """The index in `path` (the archive's own, or a benchmark's)."""
    return index.open_dir(path)


def create():
    """A new, empty index for the archive (replacing whatever was there)."""
    return create_at(index_dir())


def open_index():
    return open_at(index_dir()) if is_current() else create()


def _write(writer, ids, progress=False, fresh=False, done=None):
    """Write these articles. `fresh`: into an index being rebuilt (nothing to replace);
    `done`: a shared counter of articles written, for another process's progress bar."""
    bar = tqdm(total=len(ids), unit=" articles", disable=not progress, file=sys.stderr)
    for start in range(0, len(ids), CHUNK_SIZE):
        chunk = ids[start : start + CHUNK_SIZE]
        if not fresh:  # the old entries go, those of articles gone from the database too
            _delete(writer, chunk)
        # In id order: the index keeps the database's order, the same ties every rebuild.
        for document in documents_of(chunk):
            writer.add_document(**document)
        bar.update(len(chunk))
        if done is not None:
            with done.get_lock():
                done.value += len(chunk)
        if not gc.isenabled():
            # In a bulk write (collector paused) whatever the chunk left in reference cycles
            # is freed here (when documents were read as model instances, which refer to
            # each other, 100k articles held ~2 GB until the end).
            # With the collector paused, everything made since the last collection is still in
            # the youngest generation, so collecting that one is enough, and cheap.
            gc.collect(0)
    bar.close()


def _delete(writer, ids):
    """These articles' entries deleted from the index `writer` writes. One searcher for all:
    Whoosh's update_document and delete_by_term open one per article (~0.2 ms each)."""
    with writer.searcher() as searcher:
        for pk in ids:
            writer.delete_by_term("id", str(pk), searcher=searcher)


@contextmanager
def _bulk():
    """Whoosh's analyzers allocate millions of short-lived tokens: with the cyclic garbage
    collector paused (and run once per chunk by `_write`), bulk indexing runs about a third
    faster."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _locked(ix, timeout, make):
    """`make(_lk=False)` under the index's write lock, taken here: Whoosh's writer takes the
    lock first and then creates its files, so a writer that failed to start (an unwritable
    folder) kept the lock's descriptor open for the life of the process, and every other
    writer failed with LockError until a restart. Here the lock is given back."""
    lock = ix.lock("WRITELOCK")
    if not try_for(lock.acquire, timeout=timeout, delay=0.05):
        raise LockError
    try:
        made = make(_lk=False)
    except BaseException:
        lock.release()
        raise
    made.writelock = lock  # commit() and cancel() release it
    return made


def bulk_writer(timeout=WRITER_TIMEOUT):
    """A writer for many articles at once: the bulk writer (`bulk.py`), or Whoosh's own if
    the installed Whoosh is not the release it mirrors."""
    ix = open_index()
    try:
        bulk.check_whoosh()
    except bulk.FormatMismatch as mismatch:
        log.warning("Writing with Whoosh's own writer: %s", mismatch)
        return _locked(ix, timeout, lambda **lk: TinyMergingWriter(ix, **lk, **WRITER_OPTIONS))
    return _locked(ix, timeout, lambda **lk: bulk.BulkWriter(ix, **lk, **WRITER_OPTIONS))


def writer(timeout=WRITER_TIMEOUT):
    """The index's writer, waiting up to `timeout` seconds for another process's lock
    (raises whoosh's LockError after that)."""
    ix = open_index()
    return _locked(ix, timeout, lambda **lk: TinyMergingWriter(ix, **lk, **WRITER_OPTIONS))


def write(writer, ids):
    """Add, update or delete (when gone from the database) these articles in `writer`."""
    ids = list(ids)
    if len(ids) <= CHUNK_SIZE:  # the collector is process-wide: pause it for bulk work only
        _write(writer, ids)
        return
    with _bulk():
        _write_on_every_core(writer, ids)


def rewrite_all(clearing, progress=False) -> int:
    """Every article written into `clearing`, a writer committed with CLEAR: the index
    holds exactly the database's articles afterwards. Returns how many."""
    from archive.models import Article

    ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
    with _bulk():
        _write_on_every_core(clearing, ids, progress, replace=False)
        if progress:
            print("Writing the index's segments…", file=sys.stderr)
        clearing.commit(mergetype=CLEAR)
    return len(ids)


def _write_on_every_core(writer, ids, progress=False, replace=True):
    """These articles written by `writer` (their old entries deleted first when `replace`).
    With the bulk writer and more than one core, the first part of the articles is written
    by child processes (forked, each into segments of its own, without the lock `writer`
    holds) while this one writes the last part; their segments join its commit in order."""
    workers = _workers(writer, len(ids))
    if workers == 1:
        _write(writer, ids, progress=progress, fresh=not replace)
        return
    if replace:  # whichever process writes an article's new entry, the old one goes here
        _delete(writer, ids)
    parts = [ids[i * len(ids) // workers : (i + 1) * len(ids) // workers] for i in range(workers)]
    bar = tqdm(total=len(ids), unit=" articles", disable=not progress, file=sys.stderr)
    with _children(parts[:-1]) as (results, done):
        _write(writer, parts[-1], fresh=True, done=done)
        writer.seal()
        _follow(bar, done, len(ids), results)
        writer.adopt([segment for result in results for segment in result.get()])
    bar.close()


def _workers(writer, count) -> int:
    """How many processes write: one for Whoosh's own writer, a small rebuild, or inside a
    transaction (whose rows other processes cannot see yet)."""
    if not isinstance(writer, bulk.BulkWriter) or count < PARALLEL_FROM:
        return 1
    if in_transaction():
        return 1
    return max(1, min(MAX_WORKERS, cores()))


def in_transaction() -> bool:
    return connections["default"].in_atomic_block


def cores() -> int:
    return len(os.sched_getaffinity(0))


@contextmanager
def _children(parts):
    """Child processes writing `parts` of the articles; yields their pending results and a
    shared count of the articles they (and this process) have written."""
    done = forked.shared_counter()
    if not parts:
        yield [], done
        return
    with forked.pool(len(parts), _child_started, (done,)) as pool:
        yield [pool.apply_async(_segments_of, (part,)) for part in parts], done


_child_done = None


def _child_started(done):
    """A forked child leaves the parent's database connections alone (closing one would end
    the parent's session) and opens its own, outside the parent's transaction."""
    global _child_done
    _child_done = done
    os.nice(CHILD_NICENESS)  # readers' requests first: a server indexes while it serves
    for connection in connections.all(initialized_only=True):
        connection.connection = None
        connection.in_atomic_block = False
        connection.savepoint_ids = []
        connection.needs_rollback = False
        connection.run_on_commit = []


def _segments_of(ids) -> list:
    """In a child process: these articles written into new segments, returned unpublished."""
    writer = bulk.BulkWriter(open_index(), _lk=False, **WRITER_OPTIONS)
    with _bulk():
        _write(writer, ids, fresh=True, done=_child_done)
    return writer.close_segments()


def _follow(bar, done, total, results):
    """The bar follows every process's count until the children are done."""
    while True:
        bar.update(done.value - bar.n)
        if all(result.ready() for result in results):
            break
        time.sleep(0.2)
    bar.update(total - bar.n)


def document_count() -> int | None:
    """Documents in the index, or None when it is missing, of an old schema, or unreadable."""
    if not is_current():
        return None
    try:
        return open_at(index_dir()).doc_count()
    except (OSError, index.IndexError):
        return None
