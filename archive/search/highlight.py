"""Mark a query's words in text: snippets of a hit, and an article's full text.

Both use Whoosh's highlighter over the analyzer the article's words were indexed with (the
`text` field's, or `text_fr`'s for a French article), so "talks" in a query marks "talk" and
"talking" in the text, and "négociations" marks "négocier" in French.
"""

import bisect
import functools

from django.utils.html import escape
from django.utils.safestring import mark_safe
from whoosh import highlight
from whoosh import query as wq
from whoosh.analysis import Token

from archive.actors.matcher import ActorMatcher
from archive.search import patterns
from archive.search.analysis import TOKENS
from archive.search.bulk_analysis import ENGLISH, FRENCH
from archive.search.query import UNSTEMMED_FIELD, QueryError, parse
from archive.search.schema import FRENCH_FIELDS, build_schema

SCHEMA = build_schema()
ANALYZER = SCHEMA["text"].analyzer
ANALYZERS = {"fr": SCHEMA[FRENCH_FIELDS["text"]].analyzer}
MARKED_FIELDS = {"title", "text", FRENCH_FIELDS["title"], FRENCH_FIELDS["text"]}
PATTERN_CHARACTERS = "*?~"
MAX_CHARS, SURROUND = 240, 70  # a passage's most characters, and its context either side
LONGEST = 100  # characters of the longest word a fragment's reach is counted from
ACTOR_FIELDS = {"actor", "speaker"}


class EscapingFormatter(highlight.HtmlFormatter):
    """Whoosh's HTML formatter, escaping quotes as well: a passage cut inside a tag of the
    source text (`<img onerror="…">`) stays text, whatever page it is put in."""

    def __init__(self, **options):
        super().__init__(tagname="mark", classname="hit", termclass="t", **options)

    def _text(self, text: str) -> str:
        return escape(text)


class WholeWordsFragmenter(highlight.ContextFragmenter):
    """Whoosh's context fragmenter, with the punctuation that clings to a passage's first and
    last words kept (an opening quotation mark, a closing bracket or ">"): Whoosh cuts a
    passage at its first and last token, which drops them."""

    def fragment_tokens(self, text, tokens):
        for fragment in super().fragment_tokens(text, tokens):
            start, end = fragment.startchar, fragment.endchar
            while start > 0 and _clings(text[start - 1]):
                start -= 1
            while end < len(text) and _clings(text[end]):
                end += 1
            fragment.startchar, fragment.endchar = start, end
            yield fragment


def _clings(character: str) -> bool:
    return not character.isspace() and not character.isalnum()


def _stems(words):
    """Unstemmed words (prefix and fuzzy expansions) as the stems the text fields hold."""
    analyzers = (ANALYZER, *ANALYZERS.values())
    return {token.text for word in words for a in analyzers for token in a(word, mode="index")}


def _without_every(node):
    """`*` marks no word (expanded, it would list every word of the index)."""
    if isinstance(node, wq.Every):
        return wq.NullQuery
    return node.apply(_without_every)


def query_words(query, reader=None, pattern_terms=None) -> frozenset[str]:
    """The stemmed words to mark for a parsed query. With an index reader, prefix and fuzzy
    terms are expanded to the words they matched (`pattern_terms`: the (field, word) pairs
    the search itself scored for them, when it ran, so a search cut short marks what it
    searched and no pattern is expanded twice); without one they mark nothing."""
    query = _without_every(query)
    if reader is not None:
        # Leaf by leaf: whoosh3's Query.existing_terms reuses its `fieldname` argument as a
        # loop variable, so over a whole tree it drops every field but the first it meets.
        # Prefix and fuzzy terms expand segment by segment (`patterns.expand`).
        terms = set(pattern_terms or ())
        for leaf in query.leaves():
            if isinstance(leaf, wq.MultiTerm):
                if pattern_terms is None:
                    terms.update(patterns.expanded_terms(reader, leaf))
            else:
                terms.update(leaf.existing_terms(reader, phrases=True, expand=True))
    else:
        terms = query.iter_all_terms(phrases=True)
    words, unstemmed = set(), set()
    for field, word in terms:
        word = word.decode() if isinstance(word, bytes) else word
        if field in MARKED_FIELDS:
            words.add(word)
        elif field == UNSTEMMED_FIELD and not any(c in word for c in PATTERN_CHARACTERS):
            unstemmed.add(word)
    return frozenset(words | _stems(unstemmed))


def _matched(text, words, language, spans=(), near=None):
    """The text's tokens, those of `words` (stems) or inside one of `spans` (start, end:
    where an actor the query names is mentioned) marked as matched. With `near` (a number
    of characters), only the tokens that close to a matched one: all a fragmenter whose
    passages reach no further needs (the others only fill and empty its buffers).

    The tokens Whoosh's analyzer gives with its stop words kept (`removestops=False`): the
    same expression's words, each written form's term taken from the bulk writer's
    per-process cache (a stop word or a one-letter word: its lower case, unstemmed), one
    token object reused as Whoosh's tokenizer does. Whoosh's chain of generators cost 1 ms
    for a 2 kB article (20 per page of hits); `tests/test_highlight_tokens.py` compares."""
    terms = _FRENCH_TERMS if language == "fr" else _ENGLISH_TERMS
    starts = [start for start, _ in spans]
    found = list(TOKENS.finditer(text))
    wanted = range(len(found))
    if near is not None:
        hits = [m.start() for m in found if _text_of(terms, m.group()) in words]
        hits = sorted(hits + starts)
        if not hits:
            return
        wanted = _near(hits, [m.start() for m in found], near)
    token = Token(positions=True, chars=True, removestops=False, mode="index")
    kept = None  # Whoosh's StopFilter renumbers the words it keeps from the first one's
    for i in wanted:
        match = found[i]
        written = match.group()
        term = terms(written)
        token.text = term if term is not None else written.lower()
        token.stopped = term is None
        if term is not None:
            kept = i if kept is None else kept + 1
        # Read near matches only, positions are not counted (no fragmenter reads them).
        token.pos = None if near is not None else i if term is None else kept
        token.startchar, token.endchar = match.start(), match.end()
        token.matched = token.text in words
        if not token.matched and spans:
            span = bisect.bisect_right(starts, token.startchar) - 1
            token.matched = span >= 0 and token.endchar <= spans[span][1]
        yield token


# The indexing analysis's term of each written form (None: a stop word), kept per process
# up to a bound: web workers live for hours and meet every word of the archive.
_ENGLISH_TERMS = functools.lru_cache(maxsize=200_000)(ENGLISH.term_of)
_FRENCH_TERMS = functools.lru_cache(maxsize=100_000)(FRENCH.term_of)


def _text_of(terms, written):
    term = terms(written)
    return term if term is not None else written.lower()


def _near(hits, token_starts, near) -> list[int]:
    """The indexes of the tokens beginning within `near` characters of a hit, either side,
    in order (both lists ascending): each hit's stretch of tokens found by bisection, not
    each token tested against the hits."""
    wanted, next_free = [], 0
    for hit in hits:
        first = max(bisect.bisect_left(token_starts, hit - near), next_free)
        end = bisect.bisect_right(token_starts, hit + near)
        wanted.extend(range(first, end))
        next_free = max(next_free, end)
    return wanted


def fragments(
    text: str, words: frozenset[str], top: int = 3, language: str = "en", spans=()
) -> str:
    """Up to `top` passages of `text` around the words (and `spans`), as HTML; "" if none
    occurs."""
    if not text or not (words or spans):
        return ""
    fragmenter = WholeWordsFragmenter(maxchars=MAX_CHARS, surround=SURROUND)
    # A passage holds no token further than MAX_CHARS + SURROUND from a matched one.
    tokens = _matched(text, words, language, spans, near=MAX_CHARS + SURROUND + LONGEST)
    found = fragmenter.fragment_tokens(text, tokens)
    best = highlight.top_fragments(found, top, highlight.BasicFragmentScorer(), highlight.FIRST)
    return EscapingFormatter()(text, best)


def mark_terms(text: str, query_text: str, language: str = "en", all_languages=False) -> str:
    """`text` as HTML with the query's words in <mark> (and its thesaurus terms' when the
    search was in all languages); plain escaped text if nothing matches."""
    try:
        query = parse(query_text, all_languages=all_languages)
    except QueryError:
        return escape(text)
    spans = actor_spans(text, actor_matcher(query))
    return marked(text, query_words(query), language, spans)


def marked(text: str, words: frozenset[str], language: str = "en", spans=()) -> str:
    """The whole of `text` as HTML with `words` (and `spans`) in <mark>; escaped text if
    none occurs."""
    if not text or not (words or spans):
        return escape(text)
    # Stemmed query words match stemmed tokens; the formatter marks the original characters.
    return _whole(text, [t.copy() for t in _matched(text, words, language, spans) if t.matched])


def _whole(text: str, matches) -> str:
    """All of `text` as HTML, the matched tokens in <mark>; escaped text if none."""
    if not matches:
        return escape(text)
    fragment = highlight.Fragment(text, matches)
    # The formatter escapes the text between the marks, so the result is safe HTML.
    return mark_safe(EscapingFormatter(between="").format_fragment(fragment, replace=False))


def actor_spans(text: str, matcher) -> list[tuple[int, int]]:
    """Where the actors of `matcher` (`actor_matcher`) are mentioned in `text`."""
    return [(start, end) for start, end, _ in matcher.find(text)] if matcher else []


def _field_terms(query, fields) -> set[str]:
    """The words the query's terms in these fields look for."""
    return {
        term.decode() if isinstance(term, bytes) else term
        for field, term in _without_every(query).iter_all_terms()
        if field in fields
    }


def actor_matcher(query):
    """A matcher of every name and alias of the actors an `actor:` or `speaker:` term of
    the query names, to mark their mentions (None when it names none)."""
    slugs = _field_terms(query, ACTOR_FIELDS)
    return ActorMatcher.for_actors(slugs) if slugs else None


SOURCE_ANALYZER = SCHEMA["source"].analyzer


def source_words(query) -> frozenset[str]:
    """The words a `source:` term of the query looks for in the publisher's name."""
    return frozenset(_field_terms(query, {"source"}))


def marked_source(source: str, words: frozenset[str]) -> str:
    """The publisher's name with the words of a `source:` query marked."""
    tokens = SOURCE_ANALYZER(source, chars=True, positions=True, mode="index")
    return _whole(
        source, [t.copy() for t in highlight.set_matched_filter(tokens, words) if t.matched]
    )
