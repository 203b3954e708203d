"""Match and score a Whoosh query over whole posting lists at once, with numpy.

Whoosh matches and scores one document at a time in Python: at 100k articles a broad query
(20-50k matches) took 150-600 ms, and its total and its facet counts matched it twice more.
Here each term's posting list is read whole (see `arrays`), and the query tree becomes array
operations over every document of the index: a mask of matches and a score per document,
the BM25F scores Whoosh gives (`tests/test_engine.py` checks hits, order and scores against
Whoosh's own search). Query kinds with no array form (proximity and other positional
phrases, for instance) are matched by Whoosh itself and joined in.

A search has a time budget: past its deadline, the words a prefix, wildcard or fuzzy term
still stands for are left out and `Evaluator.cut_short` says so (a pattern's own size is
bounded in `patterns`).
"""

import time
from dataclasses import dataclass

import numpy as np
from whoosh import query as wq
from whoosh.fields import DATETIME
from whoosh.query.wrappers import ConstantScoreQuery
from whoosh.scoring import BM25FScorer, WeightScorer

from archive.search import arrays, facets, patterns, phrases

TEXT_FIELDS = ("text", "title", "words", "pairs")  # fields every article has


@dataclass
class Matches:
    mask: np.ndarray  # bool, one per document
    scores: np.ndarray  # float64, one per document (0 where it does not match)


class Evaluator:
    """Evaluates queries against one searcher's view of the index."""

    def __init__(self, searcher, live=None, deadline=None):
        self.searcher = searcher
        self.reader = searcher.reader()
        self.size = self.reader.doc_count_all()
        self.live = arrays.live(self.reader) if live is None else live
        self.deadline = deadline  # time.monotonic() after which patterns stop expanding
        self.cut_short = False
        self.notes = []  # what was left out, for the reader
        self.pattern_terms = set()  # (field, word) pairs patterns stood for, as searched
        # Postings all of a query's patterns may read together (`patterns.expand`).
        self.pattern_postings = patterns.MAX_POSTINGS

    def matches(self, query) -> Matches:
        """Every live document matching `query`, with its score."""
        found = self._match(query)
        found.mask &= self.live
        found.scores[~found.mask] = 0
        return found

    def mask(self, query) -> np.ndarray:
        return self.matches(query).mask

    # One method per kind of query node; anything else goes to Whoosh.

    def _match(self, q) -> Matches:
        if isinstance(q, wq.Term):
            return self._term(q.fieldname, q.text, q.boost)
        if isinstance(q, wq.And):
            return self._all((self._match(sub) for sub in q.subqueries), q.boost)
        if isinstance(q, wq.Or) and not (q.minmatch or q.scale):
            return self._any((self._match(sub) for sub in q.subqueries), q.boost)
        if isinstance(q, wq.Not):
            # Whoosh's InverseMatcher scores every document it yields 1.0.
            mask = ~self._match(q.query).mask
            return Matches(mask, mask.astype(np.float64))
        if isinstance(q, wq.AndNot):
            positive = self._match(q.a)
            return self._only(positive, positive.mask & ~self._match(q.b).mask)
        if isinstance(q, wq.Require):
            positive = self._match(q.a)
            return self._only(positive, positive.mask & self._match(q.b).mask)
        if isinstance(q, wq.AndMaybe):
            required, optional = self._match(q.a), self._match(q.b)
            return Matches(required.mask, required.scores + optional.scores * required.mask)
        if isinstance(q, ConstantScoreQuery):
            mask = self._match(q.child).mask
            return Matches(mask, mask * float(q.score))
        if isinstance(q, wq.NumericRange):
            return self._numeric_range(q)
        if isinstance(q, wq.MultiTerm):  # prefix, wildcard, fuzzy, term range
            # Each expanded term scored, as Whoosh does on indexes over 5,000 documents
            # (below that its preloaded union gives every match the same score).
            found = self._none()
            for n, (field, text) in enumerate(self._expand(q)):
                if n % 8 == 0 and self._out_of_time():
                    break
                self._add_term(found, field, text, q.boost)
                self.pattern_terms.add((field, text))
            return found
        if isinstance(q, wq.Phrase):
            return self._phrase(q)
        if isinstance(q, wq.Every):
            return self._every(q)
        if q is wq.NullQuery:
            return self._none()
        return self._whoosh(q)

    def _every(self, q) -> Matches:
        """`*` (or `field:*`): every document holding the field, each scoring its boost, as
        in Whoosh. Every article has a title and a text; a keyword field's documents are
        read from its facet table rather than by expanding each of its terms."""
        if q.fieldname in (None, "", "*", *TEXT_FIELDS):
            mask = self.live.copy()
        elif q.fieldname in facets.FIELDS:
            mask = self._none().mask
            mask[arrays.facet_pairs(self.reader, q.fieldname)[0]] = True
        else:
            return self._whoosh(q)
        return Matches(mask, mask * float(q.boost))

    def _numeric_range(self, q) -> Matches:
        """A date range read from the field's sortable column: one comparison per document
        instead of a union of dozens of trie terms. (Whoosh keeps dates in that column as
        they are, and a document without a date as the column's default.)"""
        field = self.searcher.schema[q.fieldname]
        if not (q.constantscore and isinstance(field, DATETIME) and field.column_type):
            return self._match(q.simplify(self.reader))
        values = arrays.column(self.reader, q.fieldname)
        mask = values != arrays.missing_value(self.reader, q.fieldname)
        if q.start is not None:
            start = np.uint64(q.start)
            mask &= values > start if q.startexcl else values >= start
        if q.end is not None:
            end = np.uint64(q.end)
            mask &= values < end if q.endexcl else values <= end
        return Matches(mask, mask * float(q.boost))

    def _expand(self, q):
        if self._out_of_time():
            return []
        expansion = patterns.expand(self.reader, q, self.pattern_postings)
        self.pattern_postings = max(0, self.pattern_postings - expansion.postings)
        if expansion.note and expansion.note not in self.notes:
            self.notes.append(expansion.note)
        return expansion.terms

    def _out_of_time(self) -> bool:
        if self.deadline is not None and time.monotonic() > self.deadline:
            self.cut_short = True
        return self.cut_short

    def _none(self) -> Matches:
        return Matches(np.zeros(self.size, dtype=bool), np.zeros(self.size))

    def _term(self, fieldname, text, boost) -> Matches:
        return self._add_term(self._none(), fieldname, text, boost)

    def _add_term(self, found, fieldname, text, boost) -> Matches:
        """Adds a term's matches and scores into `found` (a union: scores add up)."""
        schema = self.searcher.schema
        if fieldname not in schema:
            return found
        try:
            btext = text if isinstance(text, bytes) else schema[fieldname].to_bytes(text)
        except ValueError:
            return found
        ids, weights = arrays.postings(self.reader, fieldname, btext)
        if len(ids):
            scores = self._score(fieldname, btext, ids, weights.astype(np.float64))
            found.mask[ids] = True
            found.scores[ids] += scores * boost if boost != 1.0 else scores
        return found

    def _score(self, fieldname, btext, ids, tf):
        scorer = self.searcher.weighting.scorer(self.searcher, fieldname, btext)
        if isinstance(scorer, BM25FScorer):
            # whoosh.scoring.bm25, term by term in the same order, so the same doubles.
            fl = arrays.field_lengths(self.reader, fieldname)[ids]
            idf, avgfl, B, K1 = scorer.idf, scorer.avgfl, scorer.B, scorer.K1
            return idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * fl / avgfl)))
        if isinstance(scorer, WeightScorer):  # fields that are not scorable
            return tf
        raise TypeError(f"No array form of {type(scorer).__name__}")

    def _fold(self, parts, join) -> Matches:
        """The parts combined one at a time: masks joined by `join`, scores added up."""
        found = None
        for part in parts:
            if found is None:
                found = part
            else:
                join(found.mask, part.mask, out=found.mask)
                found.scores += part.scores
        return found if found is not None else self._none()

    def _all(self, parts, boost) -> Matches:
        """Intersection: scores add up, as in Whoosh's IntersectionMatcher."""
        found = self._fold(parts, np.logical_and)
        found.scores *= found.mask
        return self._boosted(found, boost)

    def _any(self, parts, boost) -> Matches:
        """Union: the scores of the parts that match add up, as in Whoosh's UnionMatcher."""
        return self._boosted(self._fold(parts, np.logical_or), boost)

    @staticmethod
    def _only(scored, mask) -> Matches:
        return Matches(mask, scored.scores * mask)

    @staticmethod
    def _boosted(found, boost) -> Matches:
        if boost != 1.0:
            found.scores *= boost
        return found

    def _phrase(self, q) -> Matches:
        """A phrase (with `slop`, a proximity) matched by `phrases`; scored as Whoosh's span
        matcher scores it: its words' scores added in Whoosh's binary tree order, times the
        phrase's boost."""
        field = self.searcher.schema[q.fieldname] if q.fieldname in self.searcher.schema else None
        if field is None or not q.words:
            return self._none()
        if not (field.format and field.format.supports("positions")):
            return self._whoosh(q)
        try:
            btexts = [field.to_bytes(word) for word in q.words]
        except ValueError:
            return self._none()
        if any((q.fieldname, btext) not in self.reader for btext in btexts):
            return self._none()
        docs = phrases.matching(self.reader, q.fieldname, btexts, q.slop)
        found = self._none()
        found.mask[docs] = True

        def tree(parts):  # whoosh.matching.make_binary_tree's grouping
            if len(parts) == 1:
                return self._term(q.fieldname, parts[0], 1.0).scores
            half = len(parts) // 2
            return tree(parts[:half]) + tree(parts[half:])

        scores = tree(btexts)
        found.scores[docs] = scores[docs] * q.boost if q.boost != 1.0 else scores[docs]
        return found

    def _whoosh(self, q) -> Matches:
        """Whoosh's own matcher, for queries that need positions."""
        found = self._none()
        matcher = q.matcher(self.searcher)
        ids, scores = [], []
        while matcher.is_active():
            ids.append(matcher.id())
            scores.append(matcher.score())
            matcher.next()
        found.mask[ids] = True
        found.scores[ids] = scores
        return found


def ranked(reader, found: Matches, sort="relevance", collapse=False) -> np.ndarray:
    """The matching docnums in result order: by score (ties by docnum, as Whoosh orders
    them), or by publication date ("newest": date then docnum, both descending), undated
    articles last either way (Whoosh would list them first under "newest"). With `collapse`,
    only the first of each cluster of wire copies is kept."""
    docs = np.flatnonzero(found.mask)
    if sort == "relevance":
        docs = docs[np.lexsort((docs, -found.scores[docs]))]
    else:
        dates = arrays.column(reader, "published")[docs]
        order = np.lexsort((docs, dates))
        if sort == "newest":
            order = order[::-1]
        docs, dates = docs[order], dates[order]
        undated = dates == arrays.missing_value(reader, "published")
        docs = np.concatenate([docs[~undated], docs[undated]])
    if collapse:
        clusters = arrays.codes(reader, "cluster")[docs]
        keyed = clusters >= 0
        _, first = np.unique(clusters[keyed], return_index=True)
        keep = ~keyed
        keep[np.flatnonzero(keyed)[first]] = True
        docs = docs[keep]
    return docs
