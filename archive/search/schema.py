"""The Whoosh schema. Bump SCHEMA_VERSION when it changes: `rebuild_index --if-stale` rebuilds."""

from whoosh import fields
from whoosh.analysis import StandardAnalyzer, StemmingAnalyzer
from whoosh.lang.porter2 import stem

SCHEMA_VERSION = 2


def build_schema() -> fields.Schema:
    # porter2: Whoosh's default Porter stemmer indexes "running" as "runn", so "run" misses it.
    stemmed = StemmingAnalyzer(stemfn=stem)
    return fields.Schema(
        id=fields.ID(unique=True, stored=True),
        title=fields.TEXT(analyzer=stemmed, field_boost=2.0),
        # Bodies are not stored: snippets are cut from the database text (hit.highlights(text=)).
        body=fields.TEXT(analyzer=stemmed),
        # Title and body unstemmed, without positions: prefixes and fuzzy terms match real
        # words here ("negotiat*" misses the stem "negoti" in the stemmed fields).
        words=fields.TEXT(analyzer=StandardAnalyzer(), phrase=False),
        source=fields.KEYWORD(lowercase=True, commas=True),
        published=fields.DATETIME(sortable=True),
        actor=fields.KEYWORD(lowercase=True, commas=True),
        round=fields.KEYWORD(lowercase=True, commas=True),
        process=fields.KEYWORD(lowercase=True, commas=True),
    )
