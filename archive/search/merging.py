"""What a commit merges: tiny segments only.

Whoosh's default policy (MERGE_SMALL) folds into a commit every segment up to the point where
the running total of documents, smallest first, falls below a Fibonacci number of their
count. Once an archive holds a score of import-sized segments that point lies past most of
them: on the load benchmark's archive, a curator's one-article edit folded the 18 smallest
segments (22,000 articles) into its commit, posting by posting in Python, holding the write
lock in a web worker for minutes while every other edit waited. Here only segments of a
curator's edits and small imports merge; an import's own segments stay as written (a rebuild
writes the index afresh).
"""

from whoosh.writing import MERGE_SMALL, SegmentWriter

TINY_SEGMENT = 1_000  # documents: a segment this small is merged at the next commit


def merge_tiny(writer, segments):
    """Whoosh's MERGE_SMALL over the segments of at most TINY_SEGMENT documents only; a
    segment whose every document was deleted is dropped (`compaction.py` leaves such)."""
    segments = [
        segment for segment in segments if segment.deleted_count() < segment.doc_count_all()
    ]
    tiny = [segment for segment in segments if segment.doc_count_all() <= TINY_SEGMENT]
    kept = [segment for segment in segments if segment.doc_count_all() > TINY_SEGMENT]
    return kept + MERGE_SMALL(writer, tiny)


class TinyMergingWriter(SegmentWriter):
    """Whoosh's writer, with `merge_tiny` where Whoosh would choose MERGE_SMALL: a commit
    with no policy named and merging on. A policy, `optimize` or `merge=False` given to the
    commit (or set on the writer) is honoured as Whoosh honours it."""

    def _merge_segments(self, mergetype, optimize, merge):
        mergetype = mergetype if mergetype is not None else self.mergetype
        optimize = optimize if optimize is not None else self.optimize
        merge = merge if merge is not None else self.merge
        if not mergetype and not optimize and merge:
            mergetype = merge_tiny
        return super()._merge_segments(mergetype, optimize, merge)
