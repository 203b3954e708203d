"""Full-text search. Every `import whoosh` of the project lives in this package."""

from archive.search.documents import source_key
from archive.search.highlight import mark_terms
from archive.search.index import document_count, is_current
from archive.search.query import QueryError
from archive.search.results import SORTS, search
from archive.search.snapshot import index_state
from archive.search.writes import rebuild, reindex

__all__ = [
    "QueryError",
    "SORTS",
    "document_count",
    "index_state",
    "is_current",
    "mark_terms",
    "rebuild",
    "reindex",
    "search",
    "source_key",
]
