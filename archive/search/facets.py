"""Facet counts over a whole result set, from the index's own postings.

For each facet field, a table of every document's values is read from the index once per
segment (documents can hold several values: an article names several actors) and kept while
the segment lives; counting a result set is then one pass over its document numbers.

Whoosh's own `groupedby` faceting was used first: its overlapping categorizer rebuilds that
table on every search, took 0.2-1.5 s a query at 100k articles, and in one case counted 115
documents fewer than matched. Counting straight from `docs_for_query` takes 30-80 ms there.
"""

from collections import Counter
from itertools import chain

FACET_FIELDS = ["process", "round", "actor", "source_key", "year", "month"]
_TABLES: dict[tuple, list] = {}  # (segment ids…, field) → values of each document
_MAX_TABLES = 64


def _document_values(reader, fieldname):
    field = reader.schema[fieldname]
    table = [()] * reader.doc_count_all()
    for btext in reader.lexicon(fieldname):
        text = field.from_bytes(btext)
        for docid in reader.postings(fieldname, btext).all_ids():
            table[docid] = (*table[docid], text)
    return table


def _table(searcher, fieldname):
    """Values of each document of the searcher's index, by global document number."""
    leaves = searcher.reader().leaf_readers()
    key = (*(reader.segment().segment_id() for reader, _ in leaves), fieldname)
    if key not in _TABLES:
        if len(_TABLES) >= _MAX_TABLES:  # segments merged away leave stale tables
            _TABLES.clear()
        table = []
        for reader, _offset in leaves:  # leaves come in document-number order
            table.extend(_document_values(reader, fieldname))
        _TABLES[key] = table
    return _TABLES[key]


def counts(searcher, query, filter=None) -> dict[str, dict[str, int]]:
    """{facet: {value: count}} over every document matching `query` (and `filter`)."""
    from archive.search.query import for_search

    docs = searcher.docs_for_query(for_search(query))
    if filter is not None:
        allowed = set(searcher.docs_for_query(filter))
        docs = (doc for doc in docs if doc in allowed)
    reader = searcher.reader()
    if reader.has_deletions():
        docs = (doc for doc in docs if not reader.is_deleted(doc))
    docs = list(docs)
    result = {}
    for name in FACET_FIELDS:
        if name not in searcher.schema:
            result[name] = {}
            continue
        table = _table(searcher, name)
        result[name] = dict(Counter(chain.from_iterable(table[doc] for doc in docs)))
    return result
