"""Facet counts over a whole result set, from Whoosh's faceting.

Multi-valued fields (an article names several actors, may belong to two rounds) need
`allow_overlap=True`, or each article is counted under one value only.
"""

from whoosh import sorting

FACET_FIELDS = ["process", "round", "actor", "source_key", "year", "month"]


def groupedby():
    return {
        name: sorting.FieldFacet(name, allow_overlap=True, maptype=sorting.Count)
        for name in FACET_FIELDS
    }


def counts(searcher, query, filter=None) -> dict[str, dict[str, int]]:
    """{facet: {value: count}} over every document matching `query` (and `filter`).

    A search of its own, unscored and unsorted: asking the top-N search for `groupedby`
    would make Whoosh score and keep every match instead of the top N.
    """
    results = searcher.search(query, filter=filter, limit=None, scored=False, groupedby=groupedby())
    return {name: dict(results.groups(name)) for name in FACET_FIELDS}
