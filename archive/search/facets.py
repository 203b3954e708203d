"""Facet counts over a whole result set, with Whoosh's faceting.

Multi-valued fields (an article names several actors, may belong to two rounds) need
`allow_overlap=True`, or each article is counted under one value only. Whoosh's overlapping
categorizer rebuilds a document → values table for every segment on *every* search (the
bulk of the time at 100k articles); the categorizer below builds it once per segment and
keeps it while the segment lives.
"""

from whoosh import sorting

FACET_FIELDS = ["process", "round", "actor", "source_key", "year", "month"]
_TABLES: dict[tuple[str, str], list] = {}  # (segment id, field) → values of each document
_MAX_TABLES = 64


class CachedOverlappingCategorizer(sorting.OverlappingCategorizer):
    def set_searcher(self, segment_searcher, docoffset):
        reader = segment_searcher.reader()
        segment = reader.segment()
        if segment is None or self._use_vectors or self._use_column:
            return super().set_searcher(segment_searcher, docoffset)
        self._segment_searcher = segment_searcher
        key = (segment.segment_id(), self._fieldname)
        if key not in _TABLES:
            if len(_TABLES) >= _MAX_TABLES:  # segments merged away leave stale tables
                _TABLES.clear()
            _TABLES[key] = _document_values(reader, self._fieldname)
        self._lists = _TABLES[key]


def _document_values(reader, fieldname):
    field = reader.schema[fieldname]
    table = [[] for _ in range(reader.doc_count_all())]
    for btext in field.sortable_terms(reader, fieldname):
        text = field.from_bytes(btext)
        for docid in reader.postings(fieldname, btext).all_ids():
            table[docid].append(text)
    return table


class OverlappingFacet(sorting.FieldFacet):
    def categorizer(self, global_searcher):
        return CachedOverlappingCategorizer(global_searcher, self.fieldname)


def groupedby():
    return {
        name: OverlappingFacet(name, allow_overlap=True, maptype=sorting.Count)
        for name in FACET_FIELDS
    }


def counts(searcher, query, filter=None) -> dict[str, dict[str, int]]:
    """{facet: {value: count}} over every document matching `query` (and `filter`).

    A search of its own, unscored and unsorted: asking the top-N search for `groupedby`
    would make Whoosh score and keep every match instead of the top N.
    """
    results = searcher.search(query, filter=filter, limit=None, scored=False, groupedby=groupedby())
    return {name: dict(results.groups(name)) for name in FACET_FIELDS}
