"""Whoosh segments written a posting list at a time: the fast path for rebuilding the index.

Whoosh's own writer analyses each field through a chain of Python generators, a token object
per word, puts every posting in a pool that it sorts on disk, and hands the codec one posting
per call: ~5 µs a posting, ~900 postings an article. `BulkWriter` is Whoosh's SegmentWriter
with two steps replaced, nothing else:
- `add_document` analyses the archive's text fields (`FAST_FIELDS`) with their regular
  expression and a per-process cache of each written form's stem, and keeps each term's
  postings in arrays; every other field still goes through Whoosh's `field.index`, and the
  stored fields, lengths and columns through Whoosh's per-document writer, unchanged;
- `_flush_segment` writes each term's list block by block through Whoosh's own postings
  writer (same blocks, same compression, same term infos), not posting by posting.
Locking, deletions, merging and the table of contents stay Whoosh's, so the result is a
standard Whoosh index: `tests/test_bulk_index.py` builds one corpus both ways and compares
every term, posting, length, stored field and column, and Whoosh's own search on both.

A segment is held in memory while it is written; `SEGMENT_DOCUMENTS` bounds it (a rebuild
writes one segment per that many articles, all published in one commit).
"""

import pickle
from array import array
from collections import Counter, defaultdict

import whoosh
from whoosh.codec.whoosh3 import W3Codec, W3PostingsWriter
from whoosh.system import pack_uint
from whoosh.writing import SegmentWriter

from archive.search.analysis import (
    FRENCH_ELISIONS,
    STOPWORDS,
    TOKENS,
    french_stem,
    normalise,
    stem,
)

# The whoosh3 release whose writer internals this mirrors (pinned in requirements.txt).
WHOOSH_VERSION = (3, 54, 0)
SEGMENT_DOCUMENTS = 20_000
MIN_SIZE = 2  # StopFilter's default: shorter words are dropped like stop words


class FormatMismatch(RuntimeError):
    """The installed Whoosh writes segments another way than the one this module mirrors."""


def check_whoosh():
    """Fail loudly (callers fall back to Whoosh's own writer) on a Whoosh this was not made
    for: the postings writer's block buffers are filled here directly."""
    needed = ("_ids", "_weights", "_values", "_maxweight", "_minlength", "_maxlength")
    probe = W3PostingsWriter(None, 128)
    probe._new_block()
    if tuple(whoosh.__version__[:3]) != WHOOSH_VERSION or not all(
        hasattr(probe, name) for name in needed
    ):
        raise FormatMismatch(f"whoosh {whoosh.__version__} is not {WHOOSH_VERSION}")


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


def terms_of(fieldname, value) -> tuple[list[str], int]:
    """The field's terms in the order of the text, as its analyzer yields them, and the
    position of the first: Whoosh's StopFilter numbers the kept words on from the position
    the first of them had among all words."""
    cache, kind = FAST_FIELDS[fieldname]
    analysed = list(map(cache.__getitem__, TOKENS.findall(value)))
    terms = [term for term in analysed if term]
    if kind == PAIRS and len(terms) > 1:
        return [f"{a} {b}" for a, b in zip(terms, terms[1:], strict=False)], 0
    first = analysed.index(terms[0]) if terms else 0
    return terms, first


def _positions_value(positions: list[int]) -> bytes:
    """Whoosh's Positions.encode: the count, then the gaps pickled."""
    gaps = [positions[0], *(b - a for a, b in zip(positions, positions[1:], strict=False))]
    return pack_uint(len(gaps)) + pickle.dumps(gaps, 2)


def postings_of(fieldname, value):
    """(term, frequency, value bytes) per distinct term, and the field's length."""
    terms, first = terms_of(fieldname, value)
    if FAST_FIELDS[fieldname][1] == POSITIONS:
        where = defaultdict(list)
        for position, term in enumerate(terms, first):
            where[term].append(position)
        items = [(t, len(p), _positions_value(p)) for t, p in where.items()]
    else:
        items = [(t, n, pack_uint(n)) for t, n in Counter(terms).items()]
    return items, len(terms)


class TermPostings:
    """One term's postings in a segment being written."""

    __slots__ = ("docs", "freqs", "values")

    def __init__(self):
        self.docs = array("I")
        self.freqs = array("f")
        self.values = []


class BulkWriter(SegmentWriter):
    """Whoosh's SegmentWriter, analysing and writing postings in bulk (see the module)."""

    def __init__(self, ix, segment_documents=SEGMENT_DOCUMENTS, **options):
        check_whoosh()
        if not isinstance(ix._read_toc().segments, list) or not isinstance(
            options.get("codec") or W3Codec(), W3Codec
        ):
            raise FormatMismatch("only Whoosh 3 segments are written in bulk")
        super().__init__(ix, **options)
        self._postings = defaultdict(lambda: defaultdict(TermPostings))
        self._finished = []
        self.segment_documents = segment_documents

    def add_document(self, **fields):
        self._check_state()
        if self.docnum >= self.segment_documents:
            self._next_segment()
        schema, perdoc, docnum = self.schema, self.perdocwriter, self.docnum
        names = sorted(name for name in fields if not name.startswith("_"))
        self._check_fields(schema, names)
        perdoc.start_doc(docnum)
        for name in names:
            value = fields[name]
            if value is None:
                continue
            field = schema[name]
            postings = self._postings[name]
            if name in FAST_FIELDS:
                items, length = postings_of(name, value)
                for term, freq, vbytes in items:
                    self._add(postings[term], docnum, freq, vbytes)
            else:
                length = 0
                for tbytes, freq, weight, vbytes in field.index(value):
                    length += freq if field.scorable else 0
                    self._add(postings[tbytes], docnum, weight, vbytes)
            perdoc.add_field(name, field, value if field.stored else None, length)
            if field.column_type:
                perdoc.add_column_value(name, field.column_type, field.to_column_value(value))
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1

    @staticmethod
    def _add(postings, docnum, weight, vbytes):
        postings.docs.append(docnum)
        postings.freqs.append(weight)
        postings.values.append(vbytes)

    def _next_segment(self):
        """Close the segment being written (it joins the commit) and start another."""
        self._finished.append(self._finalize_segment())
        self.newsegment = self.codec.new_segment(self.storage, self.indexname)
        self.perdocwriter = self.codec.per_document_writer(self.storage, self.newsegment)
        self.fieldwriter = self.codec.field_writer(self.storage, self.newsegment)
        self._postings.clear()
        self.docnum = 0

    def _merge_segments(self, mergetype, optimize, merge):
        return super()._merge_segments(mergetype, optimize, merge) + self._finished

    def _flush_segment(self):
        self.perdocwriter.close()
        lengths = self.per_document_reader()
        try:
            for name in sorted(self._postings):
                self._write_field(name, lengths)
        finally:
            lengths.close()
        self.fieldwriter.close()

    def _write_field(self, name, lengths):
        field, writer = self.schema[name], self.fieldwriter
        length_of = lengths.doc_field_length_reader(name)
        terms = self._postings[name]  # str terms (fast fields) or Whoosh's bytes
        writer.start_field(name, field)
        for term in sorted(terms):  # str order is UTF-8 byte order
            postings = terms.pop(term)
            writer.start_term(term.encode() if isinstance(term, str) else term)
            _write_postings(writer._postwriter, postings, length_of)
            writer.finish_term()
        writer.finish_field()


def _write_postings(out: W3PostingsWriter, postings: TermPostings, length_of):
    """A whole posting list through Whoosh's postings writer, a block at a time: its buffers
    filled as `add_posting` would have filled them, then its own `_write_block`."""
    limit, count = out._blocklimit, len(postings.docs)
    for start in range(0, count, limit):
        docs = postings.docs[start : start + limit]
        lengths = [length for length in map(length_of, docs) if length]
        out._ids = docs
        out._weights = postings.freqs[start : start + limit]
        out._values = [v for v in postings.values[start : start + limit] if v]
        out._maxweight = max(0, max(out._weights))
        out._minlength = min(lengths) if lengths else None
        out._maxlength = max(lengths) if lengths else 0
        if start + limit < count:
            out._write_block()
    # The last block stays buffered: the field writer's finish_term writes it (last=True).
