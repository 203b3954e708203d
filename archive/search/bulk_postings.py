"""A segment's postings as `bulk.BulkWriter` gathers them.

Whoosh's writer handles each posting as Python objects as it is added. Here a fast field's
words are only numbered as a document is added (a term's number is a dict lookup done in C
for the whole document, and three arrays are extended), and are grouped into postings
(document, count, positions) for the whole segment at once, by numpy, when it is written.
`tests/test_bulk_index.py` compares every posting with Whoosh's own writer's.
"""

import pickle
from array import array
from collections import defaultdict

import numpy as np
from whoosh.system import pack_uint

from archive.search.bulk_analysis import FAST_FIELDS, POSITIONS, terms_of


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

    def postings(self) -> dict:
        """Each term's Postings, its documents in order."""
        if not self.terms:
            return {}
        terms = np.frombuffer(self.terms, dtype=np.uint32)
        lengths = np.frombuffer(self.lengths, dtype=np.uint32)
        order = np.argsort(terms, kind="stable")  # by term; by document and position within
        terms = terms[order]
        docs = np.repeat(np.frombuffer(self.documents, dtype=np.uint32), lengths)[order]
        starts = np.flatnonzero(
            np.concatenate(([True], (terms[1:] != terms[:-1]) | (docs[1:] != docs[:-1])))
        )
        counts = np.diff(np.append(starts, len(terms)))
        values = self._values(lengths, order, starts, counts) if self.with_positions else None
        posting_terms = terms[starts]
        term_starts = np.flatnonzero(
            np.concatenate(([True], posting_terms[1:] != posting_terms[:-1]))
        ).tolist()
        names = list(self.numbers)
        found = {}
        bounds = zip(term_starts, [*term_starts[1:], len(starts)], strict=True)
        posting_terms, posting_docs = posting_terms.tolist(), docs[starts]
        weights = counts.astype(np.float32)
        for start, end in bounds:
            postings = Postings(with_values=values is not None)
            postings.docs.frombytes(posting_docs[start:end].tobytes())
            postings.weights.frombytes(weights[start:end].tobytes())
            if values is not None:
                postings.values = values[start:end]
            found[names[posting_terms[start]]] = postings
        return found

    def _values(self, lengths, order, starts, counts) -> list[bytes]:
        """Each posting's positions as Whoosh's Positions format encodes them (most words
        occur once in a document: their bytes are looked up by position)."""
        # A word's position: its place among its document's words, from the first's.
        opening = np.cumsum(lengths, dtype=np.int64) - lengths
        shift = np.repeat(opening - np.frombuffer(self.firsts, dtype=np.uint32), lengths)
        positions = (np.arange(len(self.terms), dtype=np.int64) - shift)[order]
        values = list(map(ONE_POSITION.__getitem__, positions[starts].tolist()))
        for index in np.flatnonzero(counts > 1).tolist():
            start = starts[index]
            values[index] = positions_value(positions[start : start + counts[index]].tolist())
        return values


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
