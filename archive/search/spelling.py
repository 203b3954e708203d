"""'Did you mean …': corrections from the index's own words and the actors' names.

Corrections run on the unstemmed `words` field: on a stemmed field Whoosh would suggest
stems ("protestors" → "protest").
"""

from whoosh import spelling

from archive.actors.lookup import alias_words
from archive.search.query import UNSTEMMED_FIELD, WORDS_PARSER, QueryError, parse


def suggest(text: str, searcher) -> str | None:
    """A corrected query string, or None when every word is already known."""
    try:
        query = parse(text, WORDS_PARSER)
    except QueryError:
        return None
    corrector = spelling.MultiCorrector(
        [
            searcher.corrector(UNSTEMMED_FIELD),
            spelling.ListCorrector(sorted(alias_words())),
        ],
        max,  # a word known to both keeps its better score
    )
    try:
        corrected = searcher.correct_query(
            query, text, correctors={UNSTEMMED_FIELD: corrector}, maxdist=2, prefix=1
        )
    except Exception:  # noqa: BLE001
        # Whoosh's corrector breaks on some odd queries (empty range ends, terms without
        # character positions); found by tests/test_fuzz.py. A suggestion is a nicety.
        return None
    if corrected.query == query or corrected.string.strip().lower() == text.strip().lower():
        return None
    return corrected.string
