"""The Whoosh schema. Bump SCHEMA_VERSION when it changes: `rebuild_index --if-stale` rebuilds."""

from whoosh import fields
from whoosh.analysis import ShingleFilter, StandardAnalyzer, StemmingAnalyzer
from whoosh.lang.porter2 import stem

SCHEMA_VERSION = 8  # 8: segments kept as separate files (index.WRITER_OPTIONS)


def build_schema() -> fields.Schema:
    # porter2: Whoosh's default Porter stemmer indexes "running" as "runn", so "run" misses it.
    stemmed = StemmingAnalyzer(stemfn=stem)
    keywords = {"lowercase": True, "commas": True}
    return fields.Schema(
        id=fields.ID(unique=True, stored=True),
        title=fields.TEXT(analyzer=stemmed),
        # One catch-all field, title twice then body, answers unfielded queries: half the
        # postings to read of a title-OR-body query, with the title still weighing more.
        # Nothing is stored: snippets are cut from the database text (highlight.fragments).
        text=fields.TEXT(analyzer=stemmed),
        # Adjacent (stemmed) word pairs, without positions: an exact phrase is searched as the
        # AND of its pairs, which is many times faster than checking positions in Whoosh.
        pairs=fields.TEXT(
            analyzer=StemmingAnalyzer(stemfn=stem) | ShingleFilter(2, " "), phrase=False
        ),
        # Title and body unstemmed, without positions: prefixes, fuzzy terms and "did you mean"
        # work on real words here ("negotiat*" misses the stem "negoti" in the stemmed fields).
        words=fields.TEXT(analyzer=StandardAnalyzer(), phrase=False),
        source=fields.TEXT(analyzer=StandardAnalyzer(), phrase=False),
        published=fields.DATETIME(sortable=True),
        # Facets: one keyword per value (slugs), counted from their postings (facets.py).
        source_key=fields.KEYWORD(**keywords),
        actor=fields.KEYWORD(**keywords),
        speaker=fields.KEYWORD(**keywords),  # actors quoted in the article
        round=fields.KEYWORD(**keywords),
        process=fields.KEYWORD(**keywords),
        year=fields.KEYWORD(**keywords),
        month=fields.KEYWORD(**keywords),
        # Wire copies share a cluster key; search can collapse them to one hit.
        cluster=fields.ID(sortable=True),
    )
