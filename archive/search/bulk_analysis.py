"""The archive's analyzers (`analysis.py`, `schema.py`) done in bulk, for `bulk.BulkWriter`.

Whoosh runs each word through a chain of generators and token objects; here a text's words
are found by the same regular expression and each written form's term is looked up in a
per-process cache (a word is lowercased, checked against the stop words and stemmed once per
process, not once per occurrence). `tests/test_bulk_index.py` checks the terms, positions and
lengths against Whoosh's own analysis of the same articles.
"""

from collections import Counter

from whoosh import fields
from whoosh.system import pack_uint

from archive.search.analysis import (
    FRENCH_ELISIONS,
    STOPWORDS,
    TOKENS,
    french_stem,
    normalise,
    stem,
)

MIN_SIZE = 2  # StopFilter's default: shorter words are dropped like stop words


class WordCache(dict):
    """Each written form's term (None for a stop word), worked out once per process."""

    def __init__(self, term_of):
        super().__init__()
        self.term_of = term_of

    def __missing__(self, written):
        term = self.term_of(written)
        self[written] = term
        return term


def _stemmed_by(stemfn, stoplist):
    def term_of(written):
        word = written.lower()
        return None if len(word) < MIN_SIZE or word in stoplist else stemfn(word)

    return WordCache(term_of)


def _normalised(written):
    word = written.lower()
    return None if len(word) < MIN_SIZE or word in STOPWORDS else normalise(word)


ENGLISH = _stemmed_by(stem, STOPWORDS)
FRENCH = _stemmed_by(french_stem, STOPWORDS | FRENCH_ELISIONS)
UNSTEMMED = WordCache(_normalised)
POSITIONS, PAIRS, COUNTS = "positions", "pairs", "counts"
# field → (word cache, what is kept of the words); must match schema.py's analyzers.
FAST_FIELDS = {
    "title": (ENGLISH, POSITIONS),
    "text": (ENGLISH, POSITIONS),
    "pairs": (ENGLISH, PAIRS),
    "title_fr": (FRENCH, POSITIONS),
    "text_fr": (FRENCH, POSITIONS),
    "pairs_fr": (FRENCH, PAIRS),
    "words": (UNSTEMMED, COUNTS),
    "source": (UNSTEMMED, COUNTS),
}


def _analysed(cache, value, lines) -> list:
    """Each word of `value` as `cache` analyses it. A document's fields repeat its lines (the
    title is in four fields, the body in three): `lines` keeps each line's written words and
    their terms by cache for the document. No word spans a line break, so a value's words
    are its lines' words."""
    analysed = []
    for line in value.split("\n"):
        words = lines.get((cache.term_of, line))
        if words is None:
            written = lines.get(line)
            if written is None:  # the stemmed and unstemmed fields split a line alike
                written = lines[line] = TOKENS.findall(line)
            words = lines[cache.term_of, line] = list(map(cache.__getitem__, written))
        analysed += words
    return analysed


def terms_of(fieldname, value, lines=None) -> tuple[list[str], int]:
    """The field's terms in the order of the text, as its analyzer yields them, and the
    position of the first: Whoosh's StopFilter numbers the kept words on from the position
    the first of them had among all words."""
    cache, kind = FAST_FIELDS[fieldname]
    analysed = _analysed(cache, value, {} if lines is None else lines)
    terms = [term for term in analysed if term]
    if kind == PAIRS and len(terms) > 1:
        return [f"{a} {b}" for a, b in zip(terms, terms[1:], strict=False)], 0
    first = analysed.index(terms[0]) if terms else 0
    return terms, first


def keyword_postings(value: str) -> list[tuple[bytes, int, float, bytes]]:
    """What Whoosh's `field.index` gives for a KEYWORD(lowercase=True, commas=True) field:
    each comma-separated value, stripped and lower-cased, with its count as frequency,
    weight and packed value. Without Whoosh's tokens and filters (~5 µs a field)."""
    counts = Counter(part.strip().lower() for part in value.split(",") if part)
    return [(term.encode(), n, float(n), pack_uint(n)) for term, n in counts.items()]


def id_postings(value: str) -> list[tuple[bytes, int, float, bytes]]:
    """What Whoosh's `field.index` gives for an ID field: the value whole, once."""
    return [(value.encode(), 1, 1.0, b"")]


# Values each shortcut is checked with against Whoosh's own analysis of a field.
_SAMPLES = ["geneva-4,Astana-2, sochi ,,geneva-4", "x", " a , ,B", ""]


def shortcut_for(field):
    """`keyword_postings` or `id_postings` when it gives what `field.index` gives on every
    sample (the schema's keyword and id fields), else None (Whoosh's analysis is used)."""
    if not isinstance(field, fields.KEYWORD | fields.ID):
        return None
    for shortcut in (keyword_postings, id_postings):
        if all(list(field.index(value)) == shortcut(value) for value in _SAMPLES):
            return shortcut
    return None
