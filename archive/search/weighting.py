"""BM25F with each segment's field lengths read once.

Whoosh's BM25F looks a document's field length up in the index for every document it scores.
The lengths are the same for as long as the segment lives, so the scorer reads them from the
array the search core keeps (`arrays.field_lengths`). Whoosh's own scoring still runs for the
queries the core leaves to it (proximity and other positional phrases), with this scorer.

A field's average length is taken over the documents that have it, not over all of them as
Whoosh does: the French articles' fields (`schema.FRENCH_FIELDS`) are held by a few documents,
and an average spread over all would make every French article look twenty times too long.
"""

from whoosh import scoring

from archive.search import arrays


class CachedBM25F(scoring.BM25F):
    def scorer(self, searcher, fieldname, text, qf=1):
        scorer = super().scorer(searcher, fieldname, text, qf=qf)
        if isinstance(scorer, scoring.BM25FScorer):
            scorer.dfl = arrays.field_lengths(searcher.reader(), fieldname).__getitem__
            parent = searcher.get_parent()
            holding = arrays.documents_holding(parent.reader(), fieldname)
            if holding:
                scorer.avgfl = parent.field_length(fieldname) / holding
        return scorer


WEIGHTING = CachedBM25F()
