"""The Whoosh schema. Bump SCHEMA_VERSION when it changes: `rebuild_index --if-stale` rebuilds."""

from whoosh import fields
from whoosh.analysis import ShingleFilter

from archive.search.analysis import french_analyzer, stemmed_analyzer, words_analyzer

# 9: article ids as a column (search never reads stored fields)
# 10: words analysed by their script (Arabic, Russian, accents); the article's language
# 11: the article's permalink key as a column (manifests name articles by their content)
# 12: French articles in fields of their own, stemmed the French way
# 13: Russian words by their dictionary form (pymorphy3); `concept:` in queries
SCHEMA_VERSION = 13

# The fields a French article's words go to instead of title, text and pairs.
FRENCH_FIELDS = {"title": "title_fr", "text": "text_fr", "pairs": "pairs_fr"}


def build_schema() -> fields.Schema:
    # By script (analysis.py); Porter2 for Latin words: Whoosh's default Porter stemmer
    # indexes "running" as "runn", so "run" misses it.
    stemmed = stemmed_analyzer()
    keywords = {"lowercase": True, "commas": True}
    return fields.Schema(
        # Sortable: each document's article id is read as one column (snapshot.article_ids).
        id=fields.ID(unique=True, stored=True, sortable=True),
        # The permalink key (the first hex digits of the SHA-256 of the text as received):
        # what a manifest names articles by, the same in any database the archive is loaded in.
        key=fields.ID(sortable=True),
        title=fields.TEXT(analyzer=stemmed),
        # One catch-all field, title twice then body, answers unfielded queries: half the
        # postings to read of a title-OR-body query, with the title still weighing more.
        # Nothing is stored: snippets are cut from the database text (highlight.fragments).
        text=fields.TEXT(analyzer=stemmed),
        # Adjacent (stemmed) word pairs, without positions: an exact phrase is searched as the
        # AND of its pairs, which is many times faster than checking positions in Whoosh.
        pairs=fields.TEXT(analyzer=stemmed_analyzer() | ShingleFilter(2, " "), phrase=False),
        # Title and body unstemmed, without positions: prefixes, fuzzy terms and "did you mean"
        # work on real words here ("negotiat*" misses the stem "negoti" in the stemmed fields).
        # The same three for French articles (analysis.py says why they are fields apart).
        title_fr=fields.TEXT(analyzer=french_analyzer()),
        text_fr=fields.TEXT(analyzer=french_analyzer()),
        pairs_fr=fields.TEXT(analyzer=french_analyzer() | ShingleFilter(2, " "), phrase=False),
        words=fields.TEXT(analyzer=words_analyzer(), phrase=False),
        source=fields.TEXT(analyzer=words_analyzer(), phrase=False),
        published=fields.DATETIME(sortable=True),
        # Facets: one keyword per value (slugs), counted from their postings (facets.py).
        source_key=fields.KEYWORD(**keywords),
        actor=fields.KEYWORD(**keywords),
        speaker=fields.KEYWORD(**keywords),  # actors quoted in the article
        round=fields.KEYWORD(**keywords),
        process=fields.KEYWORD(**keywords),
        year=fields.KEYWORD(**keywords),
        month=fields.KEYWORD(**keywords),
        lang=fields.KEYWORD(**keywords),  # the article's language: en, ar, ru, fr
        # Never written: `concept:ceasefire` in a query is parsed here and replaced by the
        # concept's terms in every language (expansion.py).
        concept=fields.KEYWORD(lowercase=True, commas=True),
        # Wire copies share a cluster key; search can collapse them to one hit.
        cluster=fields.ID(sortable=True),
    )
