"""A segment's postings as `bulk.BulkWriter` gathers them.

Whoosh's writer handles each posting as Python objects as it is added. Here a fast field's
words are only numbered as a document is added (a term's number is a dict lookup done in C
for the whole document, one array extended), and are grouped into postings (document,
count, positions) for the whole segment at once, by numpy, when it is written.
`tests/test_bulk_index.py` compares every posting with Whoosh's own writer's.
"""

import pickle
from array import array
from collections import defaultdict
from typing import NamedTuple

import numpy as np
from whoosh.system import pack_uint

from archive.search.bulk_analysis import FAST_FIELDS, POSITIONS, terms_of

ENCODED_AT_ONCE = 65_536  # postings whose positions are encoded together (memory)


class Postings:
    """One term's postings in the segment being written: documents, weights and, where the
    field keeps them (positions, or whatever Whoosh's own analysis gave), value bytes."""

    __slots__ = ("docs", "weights", "values")

    def __init__(self, with_values=True):
        self.docs = array("I")
        self.weights = array("f")
        self.values = [] if with_values else None

    def extend(self, other):
        self.docs.extend(other.docs)
        self.weights.extend(other.weights)
        if self.values is not None:
            self.values.extend(other.values)


def counted():
    return Postings(with_values=False)


def postings_of(name):
    """An empty table of a field's postings by term."""
    with_positions = FAST_FIELDS.get(name, (None, POSITIONS))[1] == POSITIONS
    return defaultdict(Postings if with_positions else counted)


class Grouped(NamedTuple):
    """A field's postings laid end to end, term after term: `bounds` holds where each
    term's start (and the end); values are Whoosh's bytes of each posting's positions."""

    terms: list
    bounds: np.ndarray
    docs: np.ndarray
    weights: np.ndarray
    values: list | None


def laid_end_to_end(postings) -> "Grouped | None":
    """A field's Postings by term (Whoosh's analysis, merged segments) as one Grouped, the
    terms in the order Whoosh writes them (str order is UTF-8 byte order; bytes sort as
    bytes)."""
    if not postings:
        return None
    terms = sorted(postings)
    found = [postings[term] for term in terms]
    counts = [len(each.docs) for each in found]
    values = None
    if found[0].values is not None:
        values = [value for each in found for value in each.values]
    return Grouped(
        terms,
        np.cumsum([0, *counts], dtype=np.int64),
        np.frombuffer(b"".join(each.docs.tobytes() for each in found), dtype=np.uint32),
        np.frombuffer(b"".join(each.weights.tobytes() for each in found), dtype=np.float32),
        values,
    )


class TermNumbers(dict):
    """Each term's number in the segment, given in the order terms are first seen."""

    def __missing__(self, term):
        number = self[term] = len(self)
        return number


class FieldWords:
    """A fast field's words in the segment being written: the number of each word's term,
    and for each document its number, how many words it has and the first one's position
    (a word's document and position are worked out from those when grouped)."""

    def __init__(self, name):
        self.name = name
        self.with_positions = FAST_FIELDS[name][1] == POSITIONS
        self.numbers = TermNumbers()
        self.terms = array("I")
        self.documents, self.lengths, self.firsts = array("I"), array("I"), array("I")

    def add(self, docnum, value, lines) -> int:
        """A document's value of the field; returns the field's length in it."""
        terms, first = terms_of(self.name, value, lines)
        self.terms.extend(map(self.numbers.__getitem__, terms))
        self.documents.append(docnum)
        self.lengths.append(len(terms))
        self.firsts.append(first)
        return len(terms)

    def grouped(self) -> "Grouped | None":
        """The field's postings, term after term in the order Whoosh writes them (by the
        terms' UTF-8 bytes, which is str order), each term's by document."""
        if not self.terms:
            return None
        names = list(self.numbers)
        by_name = sorted(range(len(names)), key=names.__getitem__)
        rank = np.empty(len(names), dtype=np.uint32)
        rank[by_name] = np.arange(len(names), dtype=np.uint32)
        terms = rank[np.frombuffer(self.terms, dtype=np.uint32)]
        lengths = np.frombuffer(self.lengths, dtype=np.uint32)
        order = stable_order(terms, len(names))  # by term; by document and position within
        terms = terms[order]
        docs = np.repeat(np.frombuffer(self.documents, dtype=np.uint32), lengths)[order]
        starts = np.flatnonzero(
            np.concatenate(([True], (terms[1:] != terms[:-1]) | (docs[1:] != docs[:-1])))
        )
        counts = np.diff(np.append(starts, len(terms)))
        posting_terms = terms[starts]
        bounds = np.append(
            np.flatnonzero(np.concatenate(([True], posting_terms[1:] != posting_terms[:-1]))),
            len(starts),
        )
        return Grouped(
            [names[number] for number in by_name],
            bounds,
            docs[starts],
            counts.astype(np.float32),
            self._values(lengths, order, starts, counts) if self.with_positions else None,
        )

    def postings(self) -> dict:
        """Each term's Postings (for a segment that also takes in merged postings)."""
        grouped = self.grouped()
        if grouped is None:
            return {}
        found = {}
        bounds = grouped.bounds.tolist()
        for term, start, end in zip(grouped.terms, bounds, bounds[1:], strict=False):
            postings = Postings(with_values=grouped.values is not None)
            postings.docs.frombytes(grouped.docs[start:end].tobytes())
            postings.weights.frombytes(grouped.weights[start:end].tobytes())
            if grouped.values is not None:
                postings.values = grouped.values[start:end]
            found[term] = postings
        return found

    def _values(self, lengths, order, starts, counts) -> list[bytes]:
        """Each posting's positions as Whoosh's Positions format encodes them (most words
        occur once in a document: their bytes are looked up by position)."""
        # A word's position: its place among its document's words, from the first's.
        opening = np.cumsum(lengths, dtype=np.int32) - lengths.astype(np.int32)
        shift = np.repeat(opening - np.frombuffer(self.firsts, dtype=np.int32), lengths)
        positions = np.arange(len(self.terms), dtype=np.int32)
        positions -= shift
        positions = positions[order]
        values = []
        for part in range(0, len(starts), ENCODED_AT_ONCE):
            firsts = positions[starts[part : part + ENCODED_AT_ONCE]].tolist()
            values += map(ONE_POSITION.__getitem__, firsts)
        several = np.flatnonzero(counts > 1)
        for part in range(0, len(several), ENCODED_AT_ONCE):
            chosen = several[part : part + ENCODED_AT_ONCE]
            encoded = positions_values(positions, starts[chosen], counts[chosen])
            for index, value in zip(chosen.tolist(), encoded, strict=True):
                values[index] = value
        return values


def stable_order(numbers, distinct) -> np.ndarray:
    """np.argsort(numbers, kind="stable") for numbers below `distinct`: numpy sorts 16-bit
    numbers by radix, several times faster than 32-bit ones, so larger numbers are sorted
    by their low half, then stably by their high half."""
    if distinct <= 1 << 16:
        return np.argsort(numbers.astype(np.uint16), kind="stable")
    low = np.argsort((numbers & 0xFFFF).astype(np.uint16), kind="stable")
    return low[np.argsort((numbers[low] >> 16).astype(np.uint16), kind="stable")]


# Whoosh's Positions value of several positions: the count (4 bytes, big-endian), then the
# gaps as pickle protocol 2 writes a list of ints: PROTO 2, EMPTY_LIST, BINPUT 0, MARK, each
# int as BININT1 (K, < 256), BININT2 (M, < 65536) or BININT (J), then APPENDS and STOP.
_LIST_OPENING = np.frombuffer(b"\x80\x02]q\x00(", dtype=np.uint8)
_LIST_CLOSING = np.frombuffer(b"e.", dtype=np.uint8)
_HEAD = 4 + len(_LIST_OPENING)


def positions_values(positions, starts, counts) -> list[bytes]:
    """`positions_value` of positions[start : start + count] for each start and count, made
    by numpy for all of them at once (a third of the postings of a body's words)."""
    if not len(starts):
        return []
    owner = np.repeat(np.arange(len(starts)), counts)
    first = np.repeat(np.cumsum(counts) - counts, counts)
    at = np.arange(len(owner)) - first  # place within its posting
    index = np.repeat(starts, counts) + at
    gaps = positions[index] - np.where(at > 0, positions[index - 1], 0)
    sizes = np.where(gaps < 256, 2, np.where(gaps < 65536, 3, 5))
    written = np.cumsum(sizes) - sizes
    item_at = written - written[first]  # an int's offset among its posting's ints
    lengths = np.bincount(owner, weights=sizes, minlength=len(starts)).astype(np.int64)
    lengths += _HEAD + len(_LIST_CLOSING)
    offsets = np.cumsum(lengths) - lengths
    out = np.zeros(int(lengths.sum()), dtype=np.uint8)
    for shift, byte in enumerate((24, 16, 8, 0)):
        out[offsets + shift] = (counts >> byte) & 0xFF
    for shift, value in enumerate(_LIST_OPENING):
        out[offsets + 4 + shift] = value
    where = offsets[owner] + _HEAD + item_at
    out[where] = np.where(sizes == 2, ord("K"), np.where(sizes == 3, ord("M"), ord("J")))
    for byte in range(4):
        wide = sizes > byte + 1
        out[where[wide] + 1 + byte] = (gaps[wide] >> (8 * byte)) & 0xFF
    ends = offsets + lengths
    out[ends - 2], out[ends - 1] = _LIST_CLOSING
    data = out.tobytes()
    return [data[start:end] for start, end in zip(offsets.tolist(), ends.tolist(), strict=True)]


def positions_value(positions: list[int]) -> bytes:
    """Whoosh's Positions.encode: the count, then the gaps pickled."""
    if len(positions) == 1:
        return ONE_POSITION[positions[0]]
    gaps = [positions[0], *(b - a for a, b in zip(positions, positions[1:], strict=False))]
    return pack_uint(len(gaps)) + pickle.dumps(gaps, 2)


class _OnePosition(dict):
    """Most words occur once in an article: their value is the same bytes for a position."""

    def __missing__(self, position):
        value = self[position] = pack_uint(1) + pickle.dumps([position], 2)
        return value


ONE_POSITION = _OnePosition()
