"""Run a search; results that Django's Paginator can page through.

`SearchResults` is lazy and sliceable: `count()` gives the total, a slice gives hydrated
hits with highlighted snippets. The query is matched once (`engine`); the total, the page,
the facet counts, the month histogram and 'did you mean' all come from that one match.
"""

import functools
import time
from dataclasses import dataclass

from django.conf import settings
from whoosh import query as wq

from archive.search import engine, facets, highlight, snapshot, spelling
from archive.search.query import (
    QueryError,
    check_length,
    filter_query,
    for_search,
    parse_widened,
)

SORTS = ("relevance", "newest", "oldest")
SNIPPET_FRAGMENTS = 3
FEW_HITS = 3  # below this, offer "did you mean"


@dataclass
class Hit:
    article: object
    score: float | None
    snippet: str  # HTML: escaped text with <mark> around matched words
    title_html: str
    source_html: str = ""  # the publisher, marked when a `source:` term matched it


class SearchResults:
    """A lazy, sliceable result list over one query and its filters."""

    def __init__(
        self,
        text="",
        sort="relevance",
        filters=None,
        with_facets=False,
        collapse=False,
        searcher=None,
        all_languages=False,
    ):
        self.text = check_length(text or "")
        self.filters = dict(filters or {})
        self.filter = filter_query(self.filters)
        if not self.text and self.filter is None:
            raise QueryError("Type a word or a phrase to search for.")
        parsed = parse_widened(self.text, all_languages=all_languages) if self.text else None
        self.query = parsed.query if parsed else wq.Every()
        self.concepts = parsed.concepts if parsed else []
        # What the archive bounded or left out of this search, said on the page and in the
        # API (fuzzy edits capped, patterns' words, the time budget).
        self.notes = list(parsed.notes) if parsed else []
        self.cut_short = False
        self.all_languages = all_languages
        self.sort = sort if sort in SORTS else "relevance"
        self.with_facets = with_facets
        self.collapse = collapse
        self._order = None
        # One generation of the index for everything this search reads (the archive's
        # latest unless a searcher is given: benchmarks give one).
        self._snapshot = snapshot.Snapshot(searcher, None) if searcher else None

    def _run(self):
        """Match once: every hit's docnum in result order, their scores and the match mask,
        and every hit's article id, all from one generation of the index."""
        if self._order is None:
            snap = self._snapshot or snapshot.current()
            try:
                self._match(snap)
            except QueryError:
                raise
            except Exception as error:  # noqa: BLE001
                # If the index moved under this read (a merge removed a segment's files),
                # run once more on a snapshot opened now; otherwise the failure is the
                # query's own (e.g. a date range Whoosh cannot read).
                if not snap.moved(error):
                    raise QueryError(f"The query could not be run ({error}).") from error
                try:
                    self._match(snapshot.current(fresh=True))
                except Exception as again:  # noqa: BLE001
                    raise QueryError(f"The query could not be run ({again}).") from again
        return self._order

    def _match(self, snap):
        deadline = time.monotonic() + settings.ARCHIVE_SEARCH_SECONDS
        evaluator = engine.Evaluator(snap.searcher, snap.live, deadline)
        found = evaluator.matches(for_search(self.query))
        if self.filter is not None:
            found.mask &= evaluator.mask(self.filter)
        self.notes += [note for note in evaluator.notes if note not in self.notes]
        self.cut_short = evaluator.cut_short
        order = engine.ranked(snap.reader, found, self.sort, self.collapse)
        self._ids = snap.article_ids[order]
        self._keys = snap.article_keys[order]
        self._words = highlight.query_words(self.query, snap.reader, evaluator.pattern_terms)
        # with_facets: True for every facet, or the index fields wanted ("round", "month").
        fields = None if self.with_facets is True else self.with_facets
        self._facets = facets.counts(snap.reader, found.mask, fields) if self.with_facets else {}
        self._snapshot, self._found, self._order = snap, found, order

    def count(self):
        return len(self._run())

    __len__ = count

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        self._run()
        window = slice(index.start or 0, index.stop or 0)
        return self._hydrate(self._order[window].tolist(), self._ids[window].tolist())

    def docnums(self, start, stop) -> list[int]:
        """Index document numbers of the hits from `start` to `stop`, in result order."""
        return self._run()[start:stop].tolist()

    def words(self) -> frozenset[str]:
        """The words to mark in the hits' text (prefix and fuzzy terms expanded)."""
        self._run()
        return self._words

    def facet_counts(self) -> dict[str, dict[str, int]]:
        """Counts over every hit (wire copies included, even when the list collapses them)."""
        self._run()
        return self._facets

    def pair_counts(self, field: str, values: list[str]):
        """Hits carrying each pair of `values` in `field` (see facets.pair_counts)."""
        self._run()
        return facets.pair_counts(self._snapshot.reader, self._found.mask, field, values)

    def suggestion(self) -> str | None:
        """A corrected query when this one finds little or nothing."""
        if not self.text or self.count() >= FEW_HITS:
            return None
        return spelling.suggest(self.text, self._snapshot.searcher)

    def ids(self) -> list[int]:
        """Every hit's article id, in result order (for exports: no snippets, no facets)."""
        self._run()
        return self._ids.tolist()

    def keys(self):
        """Every hit's permalink key as an integer, in result order (for manifests)."""
        self._run()
        return self._keys

    @functools.cached_property
    def _actors(self):
        """The actors an `actor:` or `speaker:` term names, to mark (only hits need it)."""
        return highlight.actor_matcher(self.query)

    @functools.cached_property
    def _source_words(self):
        return highlight.source_words(self.query)

    def _hydrate(self, docnums, ids):
        """Hits for these documents: the articles as the database holds them now (the index
        is not read again), with snippets cut from their text."""
        from archive.models import Article

        articles = (
            Article.objects.defer("raw", "raw_text", "minhash", "date_candidates")
            .prefetch_related("actors", "events")  # what the API and exports list per hit
            .in_bulk(ids)
        )
        words = self._words
        hits = []
        for docnum, pk in zip(docnums, ids, strict=True):
            article = articles.get(pk)
            if article is None:  # deleted since it was indexed
                continue
            score = float(self._found.scores[docnum]) if self.sort == "relevance" else None
            hit = Hit(article, score, *_highlights(article, words, self._actors))
            if self._source_words:
                hit.source_html = highlight.marked_source(article.source, self._source_words)
            hits.append(hit)
        return hits


def _highlights(article, words, actors=None) -> tuple[str, str]:
    """The passages of the text around the words (and the mentions of the actors the query
    names), and the whole title with them marked."""
    language = article.language
    try:
        title = highlight.marked(
            article.title, words, language, highlight.actor_spans(article.title, actors)
        )
        spans = highlight.actor_spans(article.body, actors)
    except Exception:  # noqa: BLE001 - like `snippet`: unmarked text, never an error page
        title, spans = "", []
    return snippet(article.body, words, language=language, spans=spans), title


def snippet(text, words, top=SNIPPET_FRAGMENTS, language="en", spans=()) -> str:
    """Passages of `text` with the words marked, as HTML; "" where Whoosh cannot mark them."""
    try:
        return highlight.fragments(text, words, top, language, spans)
    except Exception:  # noqa: BLE001
        return ""


def search(
    text="", sort="relevance", filters=None, with_facets=False, collapse=False, all_languages=False
):
    return SearchResults(text, sort, filters, with_facets, collapse, all_languages=all_languages)
