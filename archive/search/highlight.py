"""Mark a query's words in an article's full text (the article page opened from a hit)."""

from django.utils.html import escape
from django.utils.safestring import mark_safe
from whoosh import highlight

from archive.search.query import QueryError, parse
from archive.search.schema import build_schema

SCHEMA = build_schema()


def mark_terms(text: str, query_text: str) -> str:
    """`text` as HTML with the query's words in <mark>; plain escaped text if nothing matches."""
    try:
        query = parse(query_text)
    except QueryError:
        return escape(text)
    words = {word for field, word in query.iter_all_terms() if field in ("title", "text")}
    words |= {
        word
        for field, word in query.iter_all_terms()
        if field == "words" and not any(c in word for c in "*?~")
    }
    if not words:
        return escape(text)
    analyzer = SCHEMA["text"].analyzer
    tokens = highlight.set_matched_filter(
        analyzer(text, chars=True, positions=True, mode="index", removestops=False),
        {w if isinstance(w, str) else w.decode() for w in words},
    )
    # Stemmed query words match stemmed tokens; the formatter marks the original characters.
    fragment = highlight.Fragment(text, [t.copy() for t in tokens if t.matched])
    formatter = highlight.HtmlFormatter(tagname="mark", classname="hit", termclass="t", between="")
    if not fragment.matches:
        return escape(text)
    # The formatter escapes the text between the marks, so the result is safe HTML.
    return mark_safe(formatter.format_fragment(fragment, replace=False))
