"""Mark a query's words in text: snippets of a hit, and an article's full text.

Both use Whoosh's highlighter over the analyzer the article's words were indexed with (the
`text` field's, or `text_fr`'s for a French article), so "talks" in a query marks "talk" and
"talking" in the text, and "négociations" marks "négocier" in French.
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe
from whoosh import highlight
from whoosh import query as wq

from archive.search import patterns
from archive.search.query import UNSTEMMED_FIELD, QueryError, parse
from archive.search.schema import FRENCH_FIELDS, build_schema

SCHEMA = build_schema()
ANALYZER = SCHEMA["text"].analyzer
ANALYZERS = {"fr": SCHEMA[FRENCH_FIELDS["text"]].analyzer}
MARKED_FIELDS = {"title", "text", FRENCH_FIELDS["title"], FRENCH_FIELDS["text"]}
PATTERN_CHARACTERS = "*?~"


class EscapingFormatter(highlight.HtmlFormatter):
    """Whoosh's HTML formatter, escaping quotes as well: a passage cut inside a tag of the
    source text (`<img onerror="…">`) stays text, whatever page it is put in."""

    def __init__(self, **options):
        super().__init__(tagname="mark", classname="hit", termclass="t", **options)

    def _text(self, text: str) -> str:
        return escape(text)


def _stems(words):
    """Unstemmed words (prefix and fuzzy expansions) as the stems the text fields hold."""
    analyzers = (ANALYZER, *ANALYZERS.values())
    return {token.text for word in words for a in analyzers for token in a(word, mode="index")}


def _without_every(node):
    """`*` marks no word (expanded, it would list every word of the index)."""
    if isinstance(node, wq.Every):
        return wq.NullQuery
    return node.apply(_without_every)


def query_words(query, reader=None) -> frozenset[str]:
    """The stemmed words to mark for a parsed query. With an index reader, prefix and fuzzy
    terms are expanded to the words they matched; without one they mark nothing."""
    query = _without_every(query)
    if reader is not None:
        # Leaf by leaf: whoosh3's Query.existing_terms reuses its `fieldname` argument as a
        # loop variable, so over a whole tree it drops every field but the first it meets.
        # Prefix and fuzzy terms expand segment by segment (`patterns.expand`).
        terms = set()
        for leaf in query.leaves():
            if isinstance(leaf, wq.MultiTerm):
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


def fragments(text: str, words: frozenset[str], top: int = 3, language: str = "en") -> str:
    """Up to `top` passages of `text` around the words, as HTML; "" if none occurs."""
    if not text or not words:
        return ""
    return highlight.highlight(
        text,
        words,
        ANALYZERS.get(language, ANALYZER),
        highlight.ContextFragmenter(maxchars=240, surround=70),
        EscapingFormatter(),
        top=top,
        mode="index",
    )


def mark_terms(text: str, query_text: str, language: str = "en", all_languages=False) -> str:
    """`text` as HTML with the query's words in <mark> (and its thesaurus terms' when the
    search was in all languages); plain escaped text if nothing matches."""
    try:
        words = query_words(parse(query_text, all_languages=all_languages))
    except QueryError:
        return escape(text)
    if not words:
        return escape(text)
    tokens = highlight.set_matched_filter(
        ANALYZERS.get(language, ANALYZER)(
            text, chars=True, positions=True, mode="index", removestops=False
        ),
        words,
    )
    # Stemmed query words match stemmed tokens; the formatter marks the original characters.
    fragment = highlight.Fragment(text, [t.copy() for t in tokens if t.matched])
    formatter = EscapingFormatter(between="")
    if not fragment.matches:
        return escape(text)
    # The formatter escapes the text between the marks, so the result is safe HTML.
    return mark_safe(formatter.format_fragment(fragment, replace=False))
