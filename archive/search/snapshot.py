"""One generation of the index, as a reading process sees it.

Every commit writes a new table of contents (`_MAIN_<generation>.toc`); a `Snapshot` holds the
searcher opened on one of them, with what depends on that generation as a whole: which
documents are live (deletions), and which article each document number stands for. Per
segment data (posting lists, field lengths, columns, facet tables: see `arrays`) never
changes while a segment lives, so it is shared between generations under the segment's id.

A process asks `current()` before each search: when a writer has committed since, the whole
snapshot is replaced by a newly opened one. Whoosh's own `Searcher.refresh()` is not used:
in whoosh3 3.54 it adds the segments of the old reader back to the new one and reuses old
segment readers with their old deletions, so an edited article was found twice, and a
segment merged away was read after its files were gone (a 500 in `stored_fields`).
"""

import os
import re
import threading
from functools import cached_property

import numpy as np
from django.conf import settings

from archive.search import arrays
from archive.search.index import open_index
from archive.search.weighting import WEIGHTING

TOC = re.compile(r"^_MAIN_(\d+)\.toc$")
_local = threading.local()  # Whoosh's readers share file handles: one snapshot per thread


def generation(path) -> tuple | None:
    """What identifies the index's latest commit: its generation, and the inode and time of
    its table of contents (an index made anew starts again at generation 0)."""
    try:
        numbers = [int(m[1]) for name in os.listdir(path) if (m := TOC.match(name))]
        if not numbers:
            return None
        latest = max(numbers)
        stat = os.stat(os.path.join(path, f"_MAIN_{latest}.toc"))
    except FileNotFoundError:  # no index yet, or a commit replaced the file just now
        return None
    return latest, stat.st_ino, stat.st_mtime_ns


def index_state() -> tuple | None:
    """The archive index's latest generation (see `generation`): what changes whenever an
    article does, so it can key caches of values derived from every article."""
    return generation(settings.ARCHIVE_INDEX_DIR)


class Snapshot:
    """A searcher on one generation, and the arrays that belong to that generation."""

    def __init__(self, searcher, key):
        self.searcher = searcher
        self.reader = searcher.reader()
        self.key = key
        self.size = self.reader.doc_count_all()

    @cached_property
    def live(self) -> np.ndarray:
        """True for every document not deleted in this generation."""
        return arrays.live(self.reader)

    @cached_property
    def article_ids(self) -> np.ndarray:
        """The article id of every document number (read from the `id` column)."""
        return arrays.article_ids(self.reader)

    @cached_property
    def article_keys(self) -> np.ndarray:
        """The permalink key (as an integer) of every document number."""
        return arrays.article_keys(self.reader)

    def moved(self, error) -> bool:
        """Whether a read that failed with `error` may have failed because a writer changed
        the index under this snapshot (files gone, a newer generation committed)."""
        if self.key is None:  # a searcher given from outside (benchmarks): never reopened
            return False
        return isinstance(error, OSError) or self.key != index_state()

    def segment_ids(self) -> set:
        return {arrays.segment_id(leaf) for leaf, _ in arrays.leaves(self.reader)}

    def close(self):
        self.searcher.close()


def open_snapshot() -> Snapshot:
    """A snapshot of the archive index's latest generation, opened now."""
    path = settings.ARCHIVE_INDEX_DIR
    key = generation(path)  # read first: if a commit lands meanwhile, the next call reopens
    ix = open_index()
    return Snapshot(ix.searcher(weighting=WEIGHTING), key or generation(path))


def current(fresh=False) -> Snapshot:
    """This thread's snapshot of the archive's index, replaced whole when a writer has
    committed since it was opened (or always, with `fresh`: after a failed read)."""
    path = settings.ARCHIVE_INDEX_DIR
    snapshots = getattr(_local, "snapshots", None)
    if snapshots is None:
        snapshots = _local.snapshots = {}
    held = snapshots.get(str(path))
    if held is not None and not fresh and held.key is not None and held.key == generation(path):
        return held
    snapshot = open_snapshot()
    snapshots[str(path)] = snapshot
    if held is not None:
        arrays.forget_segments(held.segment_ids() - snapshot.segment_ids())
        held.close()
    return snapshot


def searcher():
    """This thread's searcher on the latest generation (tests and tools)."""
    return current().searcher
