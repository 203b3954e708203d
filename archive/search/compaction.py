"""Few segments however many imports: the articles of small segments written anew, not merged.

Each import of more than TINY_SEGMENT articles leaves segments of its own, and a commit merges
only tiny ones (`merging.py`): Whoosh merges posting by posting in Python, ~300 articles a
second even through the bulk writer on 2 cores, against ~900 written anew from the database
(their old entries deleted) at 100k articles.
So once more than MOST_SMALL segments of under SMALL_DOCUMENTS articles have gathered, an
import ends by writing their articles again through the bulk writer: deleted from the small
segments and added as new, and each segment left with no live document is dropped at that
commit. A segment whose documents are mostly deleted (edited articles are written to new
segments) has its live ones written anew the same way. A search reads every segment's
postings for each of its terms: without this, its cost would grow with the number of imports
the archive has had, and with the edits.
"""

import numpy as np

from archive.search import arrays, merging, snapshot, writes

SMALL_DOCUMENTS = 5_000
MOST_SMALL = 8


def articles_to_rewrite() -> list[int]:
    """The live articles of the index's small segments, when there are too many of them, and
    of every segment that holds more deleted documents than live ones (its articles edited
    since: an actor merged, a round's dates corrected)."""
    snap = snapshot.open_snapshot()
    try:
        leaves = [
            (leaf, offset)
            for leaf, offset in arrays.leaves(snap.reader)
            if leaf.doc_count_all() > merging.TINY_SEGMENT
        ]
        small = [(leaf, o) for leaf, o in leaves if leaf.doc_count_all() < SMALL_DOCUMENTS]
        hollow = [(leaf, o) for leaf, o in leaves if 2 * leaf.doc_count() < leaf.doc_count_all()]
        chosen = {o: leaf for leaf, o in (small if len(small) > MOST_SMALL else []) + hollow}
        if not chosen:
            return []
        docs = np.concatenate(
            [np.arange(offset, offset + leaf.doc_count_all()) for offset, leaf in chosen.items()]
        )
        ids = snap.article_ids[docs][snap.live[docs]]
        return sorted(set(ids[ids >= 0].tolist()))
    finally:
        snap.close()


def compact() -> int:
    """Write anew the articles `articles_to_rewrite` finds; returns how many."""
    ids = articles_to_rewrite()
    if not ids:
        return 0
    writes.queue(ids, bulk=True)
    return writes.drain_all()
