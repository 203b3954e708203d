"""A segment's data read whole from Whoosh 3's files, where Whoosh reads a piece at a time.

Whoosh's readers fetch one posting block, one document's length or column value, one
term's info per file call, each decoded in Python: at 100k articles a cold search spent
most of its time there (0.5 s for a broad pattern's posting blocks, 0.1 s per field's
lengths, 1 s for a field's words). These functions read the same bytes in one read each and
decode them with numpy and the C pickle, for the forms the pinned whoosh3 writes (and
`blocks` writes the same way); anything else goes through Whoosh's own readers.
`tests/test_engine.py` compares every result with Whoosh's.
"""

import io
import itertools
import pickle
import struct
import zlib

import numpy as np
from whoosh import columns
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher, W3PerDocReader, W3TermsReader
from whoosh.matching.wrappers import FilterMatcher
from whoosh.util.numeric import byte_to_length

EMPTY_IDS = np.zeros(0, dtype=np.int32)
EMPTY_WEIGHTS = np.zeros(0, dtype=np.float32)


def read_postings(leaf, fieldname, btext):
    """(docnums, weights) of one term in one segment, read block by block."""
    if (fieldname, btext) not in leaf:
        return EMPTY_IDS, EMPTY_WEIGHTS
    matcher = leaf.postings(fieldname, btext)
    if isinstance(matcher, FilterMatcher):  # deletions: masked later, by `live`
        matcher = matcher.child
    if isinstance(matcher, W3LeafMatcher) and not matcher._byteids:
        return _w3_postings(matcher)
    ids, weights = [], []
    while matcher.is_active():  # any other codec: one posting at a time
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return np.asarray(ids, dtype=np.int32), np.asarray(weights, dtype=np.float32)


_BLOCK_SIZE = struct.Struct("!i")


def _w3_postings(matcher, values=None):
    """(docnums, weights) of a whoosh3 posting list, its blocks walked in one read; each
    posting's value bytes (its positions) appended to `values` when a list is given.

    Written by hand because Whoosh's matcher reads each block's header and data with file
    calls of their own and undoes the gaps between document numbers in a Python loop (40 µs
    a block of 128: 0.5 s for the 12,000 blocks a broad pattern reads cold at 100k
    articles). The form is the one `blocks._block` writes: a size (negative for the last
    block), a pickled header whose second item is the block's last document, the pickled
    (gaps, weights, values), zlib-compressed when the header says so; a block's first gap
    is its first document."""
    start, length = matcher._baseoffset, matcher._length
    if isinstance(length, tuple):  # W3TermInfo.from_bytes keeps struct.unpack's tuple
        length = length[0]
    data = matcher._postfile.get(start, matcher._startoffset + length - start)
    stream = io.BytesIO(data)
    gaps, weights, firsts, lasts = [], [], [], []
    at, final = 0, False
    while not final:
        size = _BLOCK_SIZE.unpack_from(data, at)[0]
        final, size = size < 0, abs(size)
        stream.seek(at + _BLOCK_SIZE.size)
        count, last, _, compression, _, _ = pickle.load(stream)
        at += _BLOCK_SIZE.size + size
        block = data[stream.tell() : at]
        block_gaps, block_weights, block_values = pickle.loads(
            zlib.decompress(block) if compression else block
        )
        if values is not None:
            values.extend(block_values)
        firsts.append(len(gaps))
        gaps.extend(block_gaps)
        if block_weights is None or isinstance(block_weights, float):
            weights.extend([1.0 if block_weights is None else block_weights] * count)
        else:
            weights.extend(block_weights)
        lasts.append(last)
    steps = np.asarray(gaps, dtype=np.int64)
    firsts = np.asarray(firsts[1:], dtype=np.int64)
    steps[firsts] -= np.asarray(lasts[:-1], dtype=np.int64)  # one sum across the blocks
    return np.cumsum(steps).astype(np.int32), np.asarray(weights, dtype=np.float32)


def read_positions(leaf, fieldname, btext):
    """(docnums, first, counts, places) of a term in one segment: the positions of posting
    i are places[first[i] : first[i] + counts[i]]."""
    values = []
    matcher = leaf.postings(fieldname, btext)
    if isinstance(matcher, FilterMatcher):
        matcher = matcher.child
    if isinstance(matcher, W3LeafMatcher) and not matcher._byteids:
        ids = _w3_postings(matcher, values)[0]
    else:
        found = []
        while matcher.is_active():
            found.append(matcher.id())
            values.append(matcher.value())
            matcher.next()
        ids = np.asarray(found, dtype=np.int32)
    counts, flat = _position_gaps(values)
    first = np.cumsum(counts) - counts
    totals = np.cumsum(flat)
    before = np.where(first > 0, totals[np.maximum(first - 1, 0)], 0)
    places = (totals - np.repeat(before, counts)).astype(np.int32)
    return ids, first, counts, places


# Whoosh's Positions value: a 4-byte count, then the gaps between positions as
# pickle.dumps(gaps, 2) writes a list of small ints: PROTO 2, EMPTY_LIST, BINPUT 0, then one
# int and APPEND, or MARK, the ints and APPENDS (batches of 1,000), then STOP. An int is
# BININT1 (K, 1 byte), BININT2 (M, 2 bytes) or BININT (J, 4 bytes, little-endian).
_LIST_HEAD = np.frombuffer(b"\x80\x02]q\x00", dtype=np.uint8)
_K, _M, _J, _MARK = ord("K"), ord("M"), ord("J"), ord("(")


def _position_gaps(values) -> tuple[np.ndarray, np.ndarray]:
    """(count of each posting's positions, all their gaps end to end), the pickles read by
    numpy one item of every posting at a time (pickle.loads per posting cost 0.5 µs, 25 ms
    for a common word's 48,000 postings); any other form is unpickled."""
    if not values:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    data = np.frombuffer(b"".join(values) + b"\0" * 5, dtype=np.uint8)
    lengths = np.fromiter(map(len, values), dtype=np.int64, count=len(values))
    offsets = np.cumsum(lengths) - lengths
    counts = np.zeros(len(values), dtype=np.int64)
    for shift in range(4):
        counts |= data[offsets + shift].astype(np.int64) << (8 * (3 - shift))
    heads = data[offsets[:, None] + 4 + np.arange(len(_LIST_HEAD))]
    marked = data[offsets + 4 + len(_LIST_HEAD)] == _MARK
    if not (
        (heads == _LIST_HEAD).all() and (marked == (counts > 1)).all() and counts.max() <= 1000
    ):
        return _unpickled_gaps(values)
    cursor = offsets + 4 + len(_LIST_HEAD) + marked
    first = np.cumsum(counts) - counts
    flat = np.zeros(int(counts.sum()), dtype=np.int64)
    active, item = np.flatnonzero(counts), 0
    while len(active):
        at = cursor[active]
        code = data[at]
        wide = [data[at + n].astype(np.int64) << (8 * (n - 1)) for n in range(1, 5)]
        value = np.where(code == _K, wide[0], wide[0] | wide[1])
        value = np.where(code == _J, value | wide[2] | wide[3], value)
        if not np.isin(code, (_K, _M, _J)).all():
            return _unpickled_gaps(values)
        flat[first[active] + item] = value
        cursor[active] = at + np.where(code == _K, 2, np.where(code == _M, 3, 5))
        item += 1
        active = active[counts[active] > item]
    return counts, flat


def _unpickled_gaps(values):
    gaps = [pickle.loads(value[4:]) for value in values]
    counts = np.fromiter((len(g) for g in gaps), dtype=np.int64, count=len(gaps))
    flat = np.fromiter((gap for g in gaps for gap in g), dtype=np.int64, count=int(counts.sum()))
    return counts, flat


# Whoosh keeps a field's length per document as one byte (`length_to_byte`); 0: none.
BYTE_TO_LENGTH = np.asarray([0] + [byte_to_length(b) for b in range(1, 256)], np.float64)


def length_bytes(leaf, fieldname):
    """A whoosh3 segment's length bytes of a field, one per document, read in one go (Whoosh
    reads them one document at a time: 0.1 s per field and 100k articles); None for any
    other codec. The column stores one byte per document up to the last with a length;
    the documents after it have none."""
    perdoc = getattr(leaf, "_perdoc", None)
    if not isinstance(perdoc, W3PerDocReader):
        return None
    count = leaf.doc_count_all()
    column = perdoc._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN)
    coded = np.zeros(count, dtype=np.uint8)
    if column is not None:
        stored = min(column._count, count)
        data = column._dbfile.get(column._basepos, stored)
        coded[:stored] = np.frombuffer(data, dtype=np.uint8)
    return coded


def column_values(leaf, fieldname):
    """A segment's column whole: numbers as an unsigned array, byte strings as a list.

    Whoosh's column readers fetch one document's value per file call (0.05 s per column and
    100k articles); the two column forms the archive's schema uses are read here in one
    read each, as `whoosh.columns` lays them out: a numeric column is the values packed
    big-endian up to the last document holding one (the default after it), a byte-string
    column is the values end to end (their lengths, which the reader has loaded, after)."""
    values = leaf.column_reader(fieldname, translate=False)
    count = leaf.doc_count_all()
    if isinstance(values, columns.NumericColumn.Reader):
        stored = min(values._count, count)
        data = values._dbfile.get(values._basepos, stored * values._fixedlen)
        found = np.full(count, values._default, dtype=np.uint64)
        found[:stored] = np.frombuffer(data, dtype=">" + values._typecode)
        return found
    if isinstance(values, columns.VarBytesColumn.Reader):
        lengths = values._lengths.tolist()
        data = values._dbfile.get(values._basepos, sum(lengths))
        ends = list(itertools.accumulate(lengths))
        return [data[end - length : end] for end, length in zip(ends, lengths, strict=True)]
    return list(values)


_ENTRY = struct.Struct("!ii")  # a key's and a value's length, before each pair
_DOC_FREQUENCY = struct.Struct("!I")  # after the term info's flags byte and total weight


def lexicon_entries(leaf, field):
    """(word bytes, documents) of one field, read from the whoosh3 terms file in one read.

    Written by hand because Whoosh's `iter_field` decodes every term info through two file
    reads each (1 s for a 100k-article index's 65,000 words, cold); the file is a sorted
    key/value table whose keys are the field's number (2 bytes) and the word, each value
    the term info whose doc frequency sits at byte 5. Any other codec: None."""
    terms = getattr(leaf, "_terms", None)
    if not isinstance(terms, W3TermsReader) or field not in terms._fieldmap:
        return None
    table, number = terms._tindex, terms._fieldmap[field]
    start = table.closest_key_pos(struct.pack("!H", number))
    if start is None:
        return []
    end = table.closest_key_pos(struct.pack("!H", number + 1))
    end = table.endofdata if end is None else end
    data = table.dbfile.get(start, end - start)
    entries, at, size = [], 0, len(data)
    while at < size:
        key_length, value_length = _ENTRY.unpack_from(data, at)
        key_at = at + _ENTRY.size
        value_at = key_at + key_length
        document_count = _DOC_FREQUENCY.unpack_from(data, value_at + 5)[0]
        entries.append((data[key_at + 2 : value_at], document_count))
        at = value_at + value_length
    return entries
