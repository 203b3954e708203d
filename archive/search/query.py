"""A researcher's query string (and facet filters) → Whoosh queries, or a readable error.

Syntax: words, "phrases", AND/OR/NOT, parentheses, prefix*, fuzzy~, "phrase"~N proximity,
and the fields title:, actor:, source:, round:, process:, lang:, date:[2016-01-01 TO 2016-12-31],
concept: (a concept of the thesaurus in every language: expansion.py).
"""

import datetime
import re
from typing import NamedTuple

from django.conf import settings
from whoosh import qparser
from whoosh import query as wq

from archive.actors.lookup import actor_slugs
from archive.search.expansion import Expansion, UnknownConcept
from archive.search.facets import FACETS
from archive.search.patterns import bounded
from archive.search.schema import FRENCH_FIELDS, build_schema

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
DEFAULT_FIELDS = ["text"]
UNSTEMMED_FIELD = "words"
PATTERN_QUERIES = (wq.Prefix, wq.Wildcard, wq.FuzzyTerm)
FIELD_ALIASES = {
    "text": ["body"],
    "published": ["date"],
    "round": ["rounds"],
    "actor": ["actors"],
    "speaker": ["speakers", "quoted"],
    "lang": ["language"],
}
ACTOR_FIELDS = ("actor", "speaker")


class QueryError(ValueError):
    """A query the archive cannot run; the message is meant for the person who typed it."""


def _parser(fields):
    parser = qparser.MultifieldParser(fields, build_schema())
    # Without the plugin, `Jafari~` silently becomes the plain term "jafari".
    parser.add_plugin(qparser.FuzzyTermPlugin())
    parser.add_plugin(qparser.FieldAliasPlugin(FIELD_ALIASES))
    return parser


PARSER = _parser(DEFAULT_FIELDS)
WORDS_PARSER = _parser([UNSTEMMED_FIELD])
SCHEMA = PARSER.schema
PAIRS_FIELDS = {"text": "pairs", FRENCH_FIELDS["text"]: FRENCH_FIELDS["pairs"]}


def clean(text: str) -> str:
    return " ".join(CONTROL_CHARACTERS.sub(" ", text).split())


def _rewrite(node):
    """Prefix/fuzzy terms go to the unstemmed field, fuzzy ones within bounds
    (`patterns.bounded`); actor names become the actors' slugs."""
    if isinstance(node, PATTERN_QUERIES):
        node = bounded(node)[0]
        if node.fieldname in (*DEFAULT_FIELDS, "title"):
            node = node.copy()
            node.fieldname = UNSTEMMED_FIELD
        return node
    field = getattr(node, "fieldname", None)
    if field in ACTOR_FIELDS and isinstance(node, wq.Term | wq.Phrase):
        name = node.text if isinstance(node, wq.Term) else " ".join(node.words)
        slugs = actor_slugs(name) or [name]
        return wq.Or([wq.Term(field, slug) for slug in slugs])
    return node.apply(_rewrite)


def _french_twin(node, text: str):
    """`node` as the French fields would match it: the words as typed (Whoosh keeps where
    each came from in the query string), analysed the French way."""
    field = FRENCH_FIELDS[node.fieldname]
    if isinstance(node, wq.Term):
        span = (node.startchar, node.endchar)
    else:
        span = (node.char_ranges[0][0], node.char_ranges[-1][1])
    words = list(SCHEMA[field].process_text(text[span[0] : span[1]], mode="query"))
    if not words:
        return None
    if isinstance(node, wq.Phrase):
        return wq.Phrase(field, words, slop=node.slop, boost=node.boost)
    terms = [wq.Term(field, word, boost=node.boost) for word in words]
    return terms[0] if len(terms) == 1 else wq.And(terms)


def _in_both_languages(node, text: str):
    """Words of the stemmed fields looked up in English and in French articles' fields."""
    located = isinstance(node, wq.Term) and node.startchar is not None
    located = located or isinstance(node, wq.Phrase) and bool(getattr(node, "char_ranges", None))
    if located and node.fieldname in FRENCH_FIELDS:
        twin = _french_twin(node, text)
        return wq.Or([node, twin]) if twin is not None else node
    return node.apply(lambda child: _in_both_languages(child, text))


def _phrases_to_pairs(node):
    pairs_field = PAIRS_FIELDS.get(getattr(node, "fieldname", None))
    if isinstance(node, wq.Phrase) and pairs_field and node.slop == 1:
        words = list(node.words)
        if len(words) == 1:
            return wq.Term(node.fieldname, words[0])
        pairs = zip(words, words[1:], strict=False)
        return wq.And([wq.Term(pairs_field, f"{a} {b}") for a, b in pairs])
    return node.apply(_phrases_to_pairs)


def for_search(query):
    """The query Whoosh runs: exact phrases as the AND of their word pairs (same hits, read
    from one posting list per pair instead of positions). Highlighting keeps the original."""
    return _phrases_to_pairs(query)


def check_length(text: str) -> str:
    text = clean(text)
    limit = settings.ARCHIVE_MAX_QUERY_LENGTH
    if len(text) > limit:
        raise QueryError(f"The query is {len(text):,} characters long; the limit is {limit}.")
    return text


class Parsed(NamedTuple):
    query: object
    concepts: list  # the thesaurus concepts the query was widened by
    notes: list  # what the archive changed in the query, for the reader


def parse(text: str, parser=PARSER, all_languages=False):
    """Parse a query string; raises QueryError with a message a person can act on."""
    return parse_widened(text, parser, all_languages).query


def parse_widened(text: str, parser=PARSER, all_languages=False) -> Parsed:
    """The query, the thesaurus concepts it was widened by (`concept:`, or each word that
    names a concept when `all_languages`) and notes on what was bounded (`patterns`)."""
    text = check_length(text)
    if not text:
        raise QueryError("Type a word or a phrase to search for.")
    expansion = Expansion(all_languages)
    try:
        tree = parser.parse(text)
        notes = [note for leaf in tree.leaves() if (note := bounded(leaf)[1])]
        query = expansion.apply(_rewrite(tree))
        query = _in_both_languages(query, text).normalize()
    except UnknownConcept as error:
        raise QueryError(
            f'No concept of the thesaurus is called "{error}". '
            "The concepts are listed at /search/concepts/."
        ) from error
    except Exception as error:  # Whoosh raises bare Exceptions for some malformed input
        raise QueryError(f"The query could not be understood ({error}).") from error
    if query is None or query is wq.NullQuery or not any(True for _ in query.leaves()):
        raise QueryError("The query has no words to search for.")
    return Parsed(query, expansion.searched, notes)


def _day_start(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time())


def filter_query(filters: dict):
    """Facet filters by URL parameter ({"round": "astana-4", "source": "reuters",
    "date_from": date, ...}) as one Whoosh query."""
    parts = [
        wq.Term(facet.field, str(filters[facet.param]).lower())
        for facet in FACETS
        if filters.get(facet.param)
    ]
    start, end = filters.get("date_from"), filters.get("date_to")
    if start or end:
        parts.append(
            wq.DateRange(
                "published",
                _day_start(start) if start else None,
                _day_start(end) + datetime.timedelta(days=1, microseconds=-1) if end else None,
            )
        )
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else wq.And(parts)
