"""Phrases and proximity (`"peace talks"`, `"ceasefire Aleppo"~10`) matched over arrays.

Whoosh matches a phrase with its span matcher, one document and one position at a time in
Python: 120-160 ms for `"ceasefire Aleppo"~10` at 100k articles. Its rule (`SpanNear2`,
ordered, `mindist` 1) is: each word of the phrase follows the span matched so far, from 1 to
`slop` positions after its end. Here that rule runs over every candidate document at once:
the positions of each word in the documents holding all the words, as (document, position)
keys, and for each key of the next word a search for a key of the span's end within reach.
`tests/test_engine.py` compares the documents and scores with Whoosh's.
"""

import numpy as np

from archive.search import arrays

_SHIFT = np.int64(32)  # a key: document << 32 | position


def _keys(reader, fieldname, btext, candidates) -> np.ndarray:
    """Sorted (document << 32 | position) keys of the term in the candidate documents."""
    ids, first, counts, places = arrays.positions(reader, fieldname, btext)
    at = np.searchsorted(ids, candidates)
    counts = counts[at]
    within = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
    found = places[np.repeat(first[at], counts) + within].astype(np.int64)
    return (np.repeat(candidates.astype(np.int64), counts) << _SHIFT) | found


def matching(reader, fieldname, btexts, slop) -> np.ndarray:
    """Global document numbers where the words occur in order, each 1 to `slop` positions
    after the previous one (Whoosh's phrase rule), sorted."""
    candidates = None
    for btext in btexts:
        ids = np.unique(arrays.postings(reader, fieldname, btext)[0])
        candidates = ids if candidates is None else np.intersect1d(candidates, ids, True)
        if not len(candidates):
            return candidates.astype(np.int64)
    ends = _keys(reader, fieldname, btexts[0], candidates)
    for btext in btexts[1:]:
        following = _keys(reader, fieldname, btext, candidates)
        place = following & np.int64(0xFFFFFFFF)
        document = following - place
        lowest = document | np.maximum(place - slop, 0)
        reached = np.searchsorted(ends, following, side="left") > np.searchsorted(
            ends, lowest, side="left"
        )
        ends = following[reached]
        if not len(ends):
            break
    return np.unique(ends >> _SHIFT)
