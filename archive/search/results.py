"""Run a query; results that Django's Paginator can page through, with highlighted snippets."""

from dataclasses import dataclass

from whoosh import highlight

from archive.search.index import searcher
from archive.search.query import QueryError, parse

SORTS = {
    "relevance": {},
    "newest": {"sortedby": "published", "reverse": True},
    "oldest": {"sortedby": "published"},
}


@dataclass
class Hit:
    article: object
    score: float | None
    snippet: str  # HTML: escaped text with <mark> around matched words
    title_html: str


def _highlighter(results):
    results.fragmenter = highlight.ContextFragmenter(maxchars=300, surround=80)
    results.formatter = highlight.HtmlFormatter(tagname="mark", classname="hit", termclass="t")


class SearchResults:
    """A lazy, sliceable result list: `len()`/`count()` for the total, slices for a page."""

    def __init__(self, text: str, sort: str = "relevance"):
        self.query = parse(text)
        self.sort = sort if sort in SORTS else "relevance"
        self._results = None
        self._limit = 0

    def _run(self, limit):
        if self._results is None or limit > self._limit:
            try:
                self._results = searcher().search(
                    self.query, limit=max(limit, 1), terms=True, **SORTS[self.sort]
                )
            except Exception as error:  # e.g. a date range Whoosh cannot read
                raise QueryError(f"The query could not be run ({error}).") from error
            _highlighter(self._results)
            self._limit = limit
        return self._results

    def count(self):
        return len(self._run(self._limit or 20))

    __len__ = count

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop or 0
        whoosh_hits = list(self._run(stop))[start:stop]
        return self._hydrate(whoosh_hits)

    def _hydrate(self, whoosh_hits):
        from archive.models import Article

        ids = [int(hit["id"]) for hit in whoosh_hits]
        articles = Article.objects.in_bulk(ids)
        hits = []
        for hit in whoosh_hits:
            article = articles.get(int(hit["id"]))
            if article is None:  # deleted since it was indexed
                continue
            snippet = hit.highlights("body", text=article.body, top=3)
            title_html = hit.highlights("title", text=article.title) or ""
            hits.append(Hit(article, hit.score, snippet, title_html))
        return hits


def search(text: str, sort: str = "relevance") -> SearchResults:
    return SearchResults(text, sort)
