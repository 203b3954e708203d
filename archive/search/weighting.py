"""BM25F with each segment's field lengths read once.

Whoosh's BM25F looks a document's field length up in the index for every document it scores;
broad queries score tens of thousands. The lengths are the same for as long as the segment
lives, so they are read into a list once and scores are unchanged.
"""

from whoosh import scoring

_LENGTHS: dict[tuple[str, str], list[int]] = {}
_MAX_LENGTHS = 64


def _lengths(searcher, fieldname):
    reader = searcher.reader()
    segment = reader.segment() if hasattr(reader, "segment") else None
    if segment is None:
        return None
    key = (segment.segment_id(), fieldname)
    if key not in _LENGTHS:
        if len(_LENGTHS) >= _MAX_LENGTHS:
            _LENGTHS.clear()
        length = reader.doc_field_length
        _LENGTHS[key] = [length(doc, fieldname, 1) for doc in range(reader.doc_count_all())]
    return _LENGTHS[key]


class CachedBM25F(scoring.BM25F):
    def scorer(self, searcher, fieldname, text, qf=1):
        scorer = super().scorer(searcher, fieldname, text, qf=qf)
        if isinstance(scorer, scoring.BM25FScorer):
            lengths = _lengths(searcher, fieldname)
            if lengths is not None:
                scorer.dfl = lengths.__getitem__
        return scorer


WEIGHTING = CachedBM25F()
