"""Run a search; results that Django's Paginator can page through.

`SearchResults` is lazy and sliceable: `count()` gives the total, a slice gives hydrated
hits with highlighted snippets. Facet counts, the month histogram and 'did you mean' are
computed on demand, each from the one Whoosh search.
"""

from dataclasses import dataclass

from whoosh import highlight
from whoosh import query as wq

from archive.search import facets, spelling
from archive.search.index import searcher
from archive.search.query import QueryError, check_length, filter_query, for_search, parse

SORTS = {
    "relevance": {},
    "newest": {"sortedby": "published", "reverse": True},
    "oldest": {"sortedby": "published"},
}
SNIPPET_FRAGMENTS = 3
FEW_HITS = 3  # below this, offer "did you mean"


@dataclass
class Hit:
    article: object
    score: float | None
    snippet: str  # HTML: escaped text with <mark> around matched words
    title_html: str


def _highlighter(results):
    results.fragmenter = highlight.ContextFragmenter(maxchars=240, surround=70)
    results.formatter = highlight.HtmlFormatter(tagname="mark", classname="hit", termclass="t")


def top_hits(searcher, query, filter=None, limit=20, sort="relevance", collapse=False):
    """The search core: the best `limit` hits (and the total, via len()), ready to highlight.
    With `collapse`, copies of one wire story count once (the best-ranked copy is kept)."""
    options = dict(SORTS[sort])
    if collapse:
        options["collapse"] = "cluster"
    limit = None if limit is None else max(limit, 1)
    results = searcher.search(for_search(query), filter=filter, limit=limit, **options)
    results.q = query  # highlight the words as typed, not the word pairs searched
    _highlighter(results)
    return results


def snippets(hit, text: str) -> str:
    return hit.highlights("text", text=text, top=SNIPPET_FRAGMENTS)


class SearchResults:
    """A lazy, sliceable result list over one query and its filters."""

    def __init__(self, text="", sort="relevance", filters=None, with_facets=False, collapse=False):
        self.text = check_length(text or "")
        self.filters = dict(filters or {})
        self.filter = filter_query(self.filters)
        if not self.text and self.filter is None:
            raise QueryError("Type a word or a phrase to search for.")
        self.query = parse(self.text) if self.text else wq.Every()
        self.sort = sort if sort in SORTS else "relevance"
        self.with_facets = with_facets
        self.collapse = collapse
        self._results = None
        self._limit = 0
        self._facets = None
        self._collapsed_total = None

    def _run(self, limit):
        if self._results is None or limit > self._limit:
            try:
                self._results = top_hits(
                    searcher(), self.query, self.filter, limit, self.sort, self.collapse
                )
            except Exception as error:  # e.g. a date range Whoosh cannot read
                raise QueryError(f"The query could not be run ({error}).") from error
            self._limit = limit
        return self._results

    def count(self):
        if self.collapse:
            # Whoosh's len() still counts the copies a collapsed search leaves out, and its
            # collapsed counts stop at the top N: count the collapsed hits themselves.
            if self._collapsed_total is None:
                every = top_hits(searcher(), self.query, self.filter, None, self.sort, True)
                self._collapsed_total = every.scored_length()
            return self._collapsed_total
        return len(self._run(self._limit or 20))

    __len__ = count

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop or 0
        return self._hydrate(self._run(stop)[start:stop])

    def facet_counts(self) -> dict[str, dict[str, int]]:
        if not self.with_facets:
            return {}
        if self._facets is None:
            self._facets = facets.counts(searcher(), self.query, self.filter)
        return self._facets

    def suggestion(self) -> str | None:
        """A corrected query when this one finds little or nothing."""
        if not self.text or self.count() >= FEW_HITS:
            return None
        return spelling.suggest(self.text, searcher())

    def ids(self):
        """Every hit's article id, in result order (for exports: no snippets, no facets)."""
        current = searcher()
        results = top_hits(current, self.query, self.filter, None, self.sort, self.collapse)
        for _, docnum in results.top_n:
            yield int(current.stored_fields(docnum)["id"])

    def _hydrate(self, whoosh_hits):
        from archive.models import Article

        ids = [int(hit["id"]) for hit in whoosh_hits]
        articles = Article.objects.in_bulk(ids)
        hits = []
        for hit in whoosh_hits:
            article = articles.get(int(hit["id"]))
            if article is None:  # deleted since it was indexed
                continue
            hits.append(Hit(article, hit.score, *_highlights(hit, article)))
        return hits


def _highlights(hit, article) -> tuple[str, str]:
    """(snippet, title) as HTML; plain text where Whoosh cannot highlight an odd query."""
    try:
        title = hit.highlights("text", text=article.title, top=1) or ""
        return snippets(hit, article.body), title
    except Exception:  # noqa: BLE001
        return "", ""


def search(text="", sort="relevance", filters=None, with_facets=False, collapse=False):
    return SearchResults(text, sort, filters, with_facets, collapse)
