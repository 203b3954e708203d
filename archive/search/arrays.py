"""Whoosh's per-segment data read into numpy arrays, once per segment.

A segment's postings, field lengths and columns never change while it lives (deletions are
kept apart), so what is read here is cached under the segment's id: posting lists in a
cache bounded by how many postings it holds, whole-segment arrays by how many it holds.
Everything is returned by *global* document number, segments laid end to end the way
Whoosh numbers them.
"""

import threading
from collections import OrderedDict

import numpy as np

from archive.search import segment_files

# Posting lists kept decoded: 8M postings is ~64 MB per process (int32 id + float32 weight).
CACHED_POSTINGS = 8_000_000
# Field lengths, columns and facet tables: ~10 MB per 100k articles.
CACHED_ARRAY_BYTES = 128 * 1024 * 1024
# Decoded positions of the terms phrases asked for: 8M positions is ~80 MB per process.
CACHED_POSITIONS = 8_000_000
EMPTY_IDS, EMPTY_WEIGHTS = segment_files.EMPTY_IDS, segment_files.EMPTY_WEIGHTS


class _Cache:
    """A thread-safe LRU cache whose budget is a total size, not a number of entries."""

    def __init__(self, budget, size=lambda value: 1):
        self.budget, self.size = budget, size
        self.entries, self.used = OrderedDict(), 0
        self.lock = threading.Lock()

    def clear(self):
        with self.lock:
            self.entries.clear()
            self.used = 0

    def drop(self, doomed):
        """Remove every entry whose key `doomed(key)` says is no longer wanted."""
        with self.lock:
            for key in [key for key in self.entries if doomed(key)]:
                self.used -= self.size(self.entries.pop(key))

    def get(self, key, load):
        with self.lock:
            if key in self.entries:
                self.entries.move_to_end(key)
                return self.entries[key]
        value = load()
        with self.lock:
            if key not in self.entries:
                self.entries[key] = value
                self.used += self.size(value)
                while self.used > self.budget and len(self.entries) > 1:
                    _, dropped = self.entries.popitem(last=False)
                    self.used -= self.size(dropped)
        return value


# (+1: terms a segment lacks are cached too, and must not pile up for free)
_POSTINGS = _Cache(CACHED_POSTINGS, size=lambda value: len(value[0]) + 1)


def _nbytes(value):
    parts = value if isinstance(value, tuple) else (value,)
    return sum(getattr(part, "nbytes", 0) for part in parts)


_ARRAYS = _Cache(CACHED_ARRAY_BYTES, size=_nbytes)
# Every cache keyed by segment (patterns.py adds its own): cleared together, and dropped
# segment by segment when a commit merges segments away.
_POSITIONS = _Cache(CACHED_POSITIONS, size=lambda value: len(value[3]) + len(value[0]) + 1)
SEGMENT_CACHES = [_POSTINGS, _ARRAYS, _POSITIONS]


def clear():
    """Forget everything read (benchmarks measure cold searches this way)."""
    for cache in SEGMENT_CACHES:
        cache.clear()


def forget_segments(segment_ids):
    """Drop what was read from segments that a commit merged away or deleted."""
    if not segment_ids:
        return

    def doomed(key):
        owner = key[0]  # a segment's id, or the ids of all segments an array spans
        return bool(segment_ids.intersection(owner if isinstance(owner, tuple) else (owner,)))

    for cache in SEGMENT_CACHES:
        cache.drop(doomed)


def leaves(reader):
    """[(segment reader, first global docnum)] in document-number order (an index with no
    segment yet has none: Whoosh gives it an EmptyReader)."""
    return [(leaf, offset) for leaf, offset in reader.leaf_readers() if leaf.segment()]


def segment_id(leaf):
    return leaf.segment().segment_id()


def positions(reader, fieldname, btext):
    """(global docnums, first, counts, places) of a term with positions over every segment
    (see `segment_files.read_positions`): each segment's decoded once, and their join kept
    under all their ids (joining per search copied a common word's positions every time)."""
    found = leaves(reader)

    def join():
        parts = []
        for leaf, offset in found:
            if (fieldname, btext) not in leaf:
                continue
            ids, first, counts, places = _POSITIONS.get(
                (segment_id(leaf), fieldname, btext),
                lambda leaf=leaf: segment_files.read_positions(leaf, fieldname, btext),
            )
            parts.append((ids.astype(np.int64) + offset, first, counts, places))
        if not parts:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, empty, empty.astype(np.int32)
        shifts = np.cumsum([0] + [len(places) for *_, places in parts[:-1]])
        return (
            np.concatenate([ids for ids, *_ in parts]),
            np.concatenate([part[1] + shift for part, shift in zip(parts, shifts, strict=True)]),
            np.concatenate([counts for _, _, counts, _ in parts]),
            np.concatenate([places for *_, places in parts]),
        )

    spanned = tuple(segment_id(leaf) for leaf, _ in found)
    return _POSITIONS.get((spanned, fieldname, btext), join)


def postings(reader, fieldname, btext):
    """(global docnums, weights) of a term over every segment; deleted documents included."""
    parts = [
        _POSTINGS.get(
            (segment_id(leaf), fieldname, btext),
            lambda leaf=leaf: segment_files.read_postings(leaf, fieldname, btext),
        )
        for leaf, _ in leaves(reader)
    ]
    if len(parts) <= 1:
        return parts[0] if parts else (EMPTY_IDS, EMPTY_WEIGHTS)
    offsets = [offset for _, offset in leaves(reader)]
    return (
        np.concatenate([ids + offset for (ids, _), offset in zip(parts, offsets, strict=True)]),
        np.concatenate([weights for _, weights in parts]),
    )


def _per_segment(reader, name, read_leaf, dtype=np.float64):
    """One array over every document, each segment's part read once by `read_leaf`."""
    found = leaves(reader)
    if not found:
        return np.zeros(0, dtype=dtype)

    def part(leaf):
        return _ARRAYS.get((segment_id(leaf), name), lambda: read_leaf(leaf))

    if len(found) == 1:
        return part(found[0][0])
    # Over several segments the joined array is kept too (under all their ids): joining it
    # for every term of every query copied the whole array each time.
    spanned = tuple(segment_id(leaf) for leaf, _ in found)
    return _ARRAYS.get((spanned, name), lambda: np.concatenate([part(leaf) for leaf, _ in found]))


def documents_holding(reader, fieldname) -> int:
    """How many documents have the field (a length above 0), counted once per generation."""
    spanned = tuple(segment_id(leaf) for leaf, _ in leaves(reader))
    count = _ARRAYS.get(
        (spanned, ("holding", fieldname)),
        lambda: np.asarray(np.count_nonzero(field_lengths(reader, fieldname))),
    )
    return int(count)


def field_lengths(reader, fieldname):
    """Each document's length in `fieldname` as Whoosh's BM25F reads it; 0 for a document
    without the field (never scored in it: no posting of the field names it)."""

    def read(leaf):
        count = leaf.doc_count_all()
        coded = segment_files.length_bytes(leaf, fieldname)
        if coded is not None:
            return segment_files.BYTE_TO_LENGTH[coded]
        length = leaf.doc_field_length
        lengths = (length(doc, fieldname, 0) or 0 for doc in range(count))
        return np.fromiter(lengths, np.float64, count)

    return _per_segment(reader, ("lengths", fieldname), read)


def column(reader, fieldname):
    """Each document's value in a sortable column, as stored (missing values: its default)."""

    def read(leaf):
        values = segment_files.column_values(leaf, fieldname)
        if isinstance(values, np.ndarray):
            return values
        if values and isinstance(values[0], bytes | str):
            return np.asarray(values, dtype=object)
        return np.asarray(values, dtype=np.uint64)  # numbers are kept in sortable, unsigned form

    return _per_segment(reader, ("column", fieldname), read, np.uint64)


def article_ids(reader):
    """The article id of each document (-1 where a document has none), from the `id` column."""

    def read(leaf):
        values = segment_files.column_values(leaf, "id")
        return np.fromiter((int(v) if v else -1 for v in values), np.int64, leaf.doc_count_all())

    return _per_segment(reader, "article_ids", read, np.int64)


def article_keys(reader):
    """Each document's permalink key as an integer (-1 where it has none), from `key`."""

    def read(leaf):
        values = segment_files.column_values(leaf, "key")
        count = leaf.doc_count_all()
        return np.fromiter((int(v, 16) if v else -1 for v in values), np.int64, count)

    return _per_segment(reader, "article_keys", read, np.int64)


def missing_value(reader, fieldname):
    """What a numeric column holds for a document without a value (Whoosh's column default)."""
    return np.uint64(reader.schema[fieldname].column_type.default_value())


def live(reader):
    """True for every document not deleted."""
    parts = []
    for leaf, _ in leaves(reader):
        mask = np.ones(leaf.doc_count_all(), dtype=bool)
        if leaf.has_deletions():
            mask[np.fromiter(leaf.deleted_docs_set, np.int64)] = False
        parts.append(mask)
    return np.concatenate(parts) if parts else np.zeros(0, dtype=bool)


def facet_pairs(reader, fieldname):
    """(docnums, value codes, values) listing every (document, value) pair of a keyword field."""

    def read(leaf):
        field = leaf.schema[fieldname]
        docs, codes, values = [], [], []
        for btext in leaf.lexicon(fieldname):
            ids, _ = segment_files.read_postings(leaf, fieldname, btext)
            docs.append(ids)
            codes.append(np.full(len(ids), len(values), dtype=np.int32))
            values.append(field.from_bytes(btext))
        if not docs:
            return EMPTY_IDS, EMPTY_IDS, values
        return np.concatenate(docs), np.concatenate(codes), values

    def combine():
        docs, codes, index = [], [], {}
        for leaf, offset in leaves(reader):
            leaf_docs, leaf_codes, leaf_values = _ARRAYS.get(
                (segment_id(leaf), ("facet", fieldname)), lambda leaf=leaf: read(leaf)
            )
            # Segments number their values apart: map them onto one list.
            remap = np.asarray([index.setdefault(v, len(index)) for v in leaf_values], np.int32)
            first = not docs  # the first segment's codes are already its own order
            docs.append(leaf_docs + offset if offset else leaf_docs)
            codes.append(leaf_codes if first or not len(remap) else remap[leaf_codes])
        if len(docs) <= 1:
            return (docs[0], codes[0], list(index)) if docs else (EMPTY_IDS, EMPTY_IDS, [])
        return np.concatenate(docs), np.concatenate(codes), list(index)

    # The segments joined once per set of segments, not once per search (~0.6 ms a field).
    key = (tuple(segment_id(leaf) for leaf, _ in leaves(reader)), ("facets", fieldname))
    return _ARRAYS.get(key, combine)


def codes(reader, fieldname):
    """A sortable text column as integer codes (-1 where a document has no value), so that
    documents sharing a value (a wire-copy cluster) can be found with array operations."""

    def read():
        values = column(reader, fieldname)
        filled = values != b""
        result = np.full(len(values), -1, dtype=np.int64)
        if filled.any():
            result[filled] = np.unique(values[filled].astype(bytes), return_inverse=True)[1]
        return result

    key = (tuple(segment_id(leaf) for leaf, _ in leaves(reader)), ("codes", fieldname))
    return _ARRAYS.get(key, read)
