"""Prefix, wildcard and fuzzy terms, expanded to the words they stand for, within bounds.

Unbounded, one request could hold a web worker for a minute: `ceasefire~99` had Whoosh build
an automaton for 99 edits (19 s at 100k articles) and then score the 12,000 words it allowed
(47 s); `*a*` walked every word of the index in Python and scored 5,700 of them. So:
- a fuzzy term allows at most MAX_EDITS edits and keeps its first letter (the convention of
  most search engines: 10-15 times fewer words to walk, and "Jafari~" still finds Jaafari);
- a pattern opening with a wildcard is matched by one regular expression over the segment's
  words joined in one string, read once per segment and kept (1 ms where Whoosh's walk took
  150 ms); other patterns walk only the words sharing their literal start, as Whoosh does;
- a pattern standing for many words keeps those found in most articles, at most MAX_TERMS
  and MAX_POSTINGS postings in all (scoring the 200 commonest words matching `*a*` read 3M
  postings and took over a second); the results say so (`Expansion.note`).
Each segment's words with their document frequencies, and its expansion of each pattern, are
kept (a segment never changes while it lives).
"""

import bisect
import re
from dataclasses import dataclass

import numpy as np
from whoosh import query as wq

from archive.search import arrays, segment_files
from archive.search.arrays import _Cache

MAX_EDITS = 2
MAX_TERMS = 200
MAX_POSTINGS = 500_000  # read cold in ~0.2 s at 100k articles (1M: ~0.4 s)
# A segment's lexicon per field: ~80 bytes a word.
_LEXICONS = _Cache(64 * 1024 * 1024, size=lambda value: 80 * len(value.words) + 1)
# Expansions by segment, and ranked over a set of segments: bounded by words held.
_EXPANSIONS = _Cache(200_000, size=lambda value: len(value) + 1)
_RANKED = _Cache(200_000, size=lambda value: len(value) + 1)
arrays.SEGMENT_CACHES += [_LEXICONS, _EXPANSIONS, _RANKED]


@dataclass(frozen=True)
class Expansion:
    terms: list  # (field, text) pairs, sorted
    note: str = ""  # what was left out, for the reader; "" when nothing was
    postings: int = 0  # how many postings the terms hold


def bounded(node):
    """A fuzzy term within MAX_EDITS edits and keeping its first letter; any other node
    as it is. Returns (node, note)."""
    if not isinstance(node, wq.FuzzyTerm):
        return node, ""
    edits, prefix = min(node.maxdist, MAX_EDITS), max(node.prefixlength, 1)
    if (edits, prefix) == (node.maxdist, node.prefixlength):
        return node, ""
    note = ""
    if node.maxdist > MAX_EDITS:
        note = (
            f"“{node.text}~{node.maxdist}” asks for {node.maxdist} edits; it was searched "
            f"within {MAX_EDITS}, the most the archive allows."
        )
    node = wq.FuzzyTerm(
        node.fieldname, node.text, boost=node.boost, maxdist=edits, prefixlength=prefix
    )
    return node, note


@dataclass(frozen=True)
class _Lexicon:
    """One segment's words of one field, sorted (UTF-8 order is code point order), with how
    many documents hold each, and all of them in one string, one per line (`starts`: where
    each word begins in it)."""

    words: list
    frequencies: np.ndarray
    joined: str
    starts: np.ndarray

    def frequency(self, word: str) -> int:
        i = bisect.bisect_left(self.words, word)
        return int(self.frequencies[i]) if i < len(self.words) and self.words[i] == word else 0

    def matching(self, regex) -> list:
        """(word, documents) of every word the regular expression matches whole."""
        found = [match.start() for match in regex.finditer(self.joined)]
        at = np.searchsorted(self.starts, found)
        return [(self.words[i], int(self.frequencies[i])) for i in at.tolist()]


def _lexicon(leaf, field) -> _Lexicon:
    def read():
        entries = segment_files.lexicon_entries(leaf, field)
        if entries is None:
            entries = [(b, info.doc_frequency()) for b, info in leaf.iter_field(field)]
        words = [word.decode("utf-8") for word, _ in entries]
        frequencies = np.fromiter((n for _, n in entries), dtype=np.int64, count=len(entries))
        lengths = np.fromiter((len(w) + 1 for w in words), dtype=np.int64, count=len(words))
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1])) if words else lengths
        return _Lexicon(words, frequencies, "\n".join(words), starts)

    return _LEXICONS.get((arrays.segment_id(leaf), field), read)


def _wildcard_regex(pattern: str):
    parts = ("[^\n]*" if c == "*" else "[^\n]" if c == "?" else re.escape(c) for c in pattern)
    return re.compile("^" + "".join(parts) + "$", re.M)


def _text(word) -> str:
    return word.decode("utf-8") if isinstance(word, bytes) else word


def _segment_expansion(leaf, query) -> tuple:
    """((field, word), documents) pairs of one segment."""
    if isinstance(query, wq.Wildcard) and query.text[:1] in ("*", "?"):
        field = query.fieldname
        found = _lexicon(leaf, field).matching(_wildcard_regex(query.text))
        return tuple(((field, word), documents) for word, documents in found)
    terms = [(field, _text(word)) for field, word in query.expanded_terms(leaf)]
    if len(terms) <= MAX_TERMS:  # a few lookups
        return tuple((term, leaf.doc_frequency(*term)) for term in terms if term[1])
    # thousands: from the segment's lexicon, read once
    return tuple(
        ((field, word), _lexicon(leaf, field).frequency(word)) for field, word in terms if word
    )


def _ranked(reader, query) -> tuple:
    """((field, word), documents) of every word the query stands for in the index, those
    in most documents first (kept per set of segments)."""
    leaves = arrays.leaves(reader)

    def rank():
        frequency = {}
        for leaf, _ in leaves:
            key = (arrays.segment_id(leaf), repr(query))
            for term, documents in _EXPANSIONS.get(
                key, lambda leaf=leaf: _segment_expansion(leaf, query)
            ):
                if term[1]:
                    frequency[term] = frequency.get(term, 0) + documents
        return tuple(sorted(frequency.items(), key=lambda pair: (-pair[1], pair[0])))

    segments = tuple(arrays.segment_id(leaf) for leaf, _ in leaves)
    return _RANKED.get((segments, repr(query)), rank)


def expand(reader, query, postings=MAX_POSTINGS) -> Expansion:
    """The (field, word) pairs a prefix, wildcard or fuzzy query stands for in the index;
    past MAX_TERMS words or `postings` postings, those found in most articles (one at least)."""
    ranked = _ranked(reader, query)
    kept, used = [], 0
    for term, documents in ranked:
        if kept and (len(kept) == MAX_TERMS or used + documents > postings):
            break
        kept.append(term)
        used += documents
    note = ""
    if len(kept) < len(ranked):
        note = (
            f"“{getattr(query, 'text', '')}” stands for {len(ranked):,} words; the "
            f"{len(kept)} found in most articles were searched. A longer pattern finds the "
            "others."
        )
    return Expansion(sorted(kept), note, used)


def expanded_terms(reader, query) -> list:
    return expand(reader, query).terms
