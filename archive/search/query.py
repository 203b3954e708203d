"""A researcher's query string → a Whoosh query, or a readable error."""

import re

from django.conf import settings
from whoosh import qparser
from whoosh import query as wq

from archive.search.schema import build_schema

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
DEFAULT_FIELDS = ["title", "body"]


class QueryError(ValueError):
    """A query the archive cannot run; the message is meant for the person who typed it."""


def _parser():
    parser = qparser.MultifieldParser(DEFAULT_FIELDS, build_schema())
    # Without the plugin, `Jafari~` silently becomes the plain term "jafari".
    parser.add_plugin(qparser.FuzzyTermPlugin())
    return parser


_PARSER = _parser()


def clean(text: str) -> str:
    return " ".join(CONTROL_CHARACTERS.sub(" ", text).split())


UNSTEMMED_FIELD = "words"
PATTERN_QUERIES = (wq.Prefix, wq.Wildcard, wq.FuzzyTerm)


def _patterns_to_words(node):
    """Send prefix, wildcard and fuzzy terms on title/body to the unstemmed field."""
    if isinstance(node, PATTERN_QUERIES) and node.fieldname in DEFAULT_FIELDS:
        node = node.copy()
        node.fieldname = UNSTEMMED_FIELD
        return node
    return node.apply(_patterns_to_words)


def parse(text: str):
    """Parse a query string; raises QueryError with a message a person can act on."""
    text = clean(text)
    limit = settings.ARCHIVE_MAX_QUERY_LENGTH
    if len(text) > limit:
        raise QueryError(f"The query is {len(text):,} characters long; the limit is {limit}.")
    if not text:
        raise QueryError("Type a word or a phrase to search for.")
    try:
        query = _patterns_to_words(_PARSER.parse(text)).normalize()
    except Exception as error:  # Whoosh raises bare Exceptions for some malformed input
        raise QueryError(f"The query could not be understood ({error}).") from error
    if query is None or query is wq.NullQuery or not any(True for _ in query.leaves()):
        raise QueryError("The query has no words to search for.")
    return query
