"""Whoosh segments written a posting list at a time: the fast path for rebuilding the index.

Whoosh's own writer analyses each field through a chain of Python generators, a token object
per word, puts every posting in a pool that it sorts on disk, and hands the codec one posting
per call: ~5 µs a posting, ~900 postings an article. `BulkWriter` is Whoosh's SegmentWriter
with two steps replaced, nothing else:
- `add_document` analyses the archive's text fields (`FAST_FIELDS`) with their regular
  expression and a per-process cache of each written form's stem, and keeps the words as
  numbered terms in arrays (`bulk_postings.py` groups them into postings, the segment's at
  once, when it is written); keyword and id fields take a shortcut checked against Whoosh's
  `field.index`, every other field goes through it; the stored fields, lengths and columns
  go through Whoosh's per-document writer, unchanged;
- `_flush_segment` writes each field's lists at once (`blocks.py`: Whoosh's blocks,
  compression and term infos) into the files of Whoosh's own field writer.
Locking, deletions, merging (under `merging.py`'s policy) and the table of contents stay
Whoosh's, so the result is a standard Whoosh index: `tests/test_bulk_index.py` builds one
corpus both ways and compares every term, posting, length, stored field and column, and
Whoosh's own search on both.

A segment is held in memory while it is written; `SEGMENT_DOCUMENTS` bounds it (a rebuild
writes one segment per that many articles, all published in one commit).
"""

from array import array
from functools import partial

import numpy as np
import whoosh
from whoosh.codec.whoosh3 import W3Codec
from whoosh.system import pack_uint, pack_ushort

from archive.search import blocks
from archive.search.bulk_analysis import FAST_FIELDS, shortcut_for
from archive.search.bulk_postings import FieldWords, laid_end_to_end, postings_of
from archive.search.merging import TinyMergingWriter

# The whoosh3 release whose writer internals this mirrors (pinned in requirements.txt).
WHOOSH_VERSION = (3, 54, 0)
SEGMENT_DOCUMENTS = 20_000


class FormatMismatch(RuntimeError):
    """The installed Whoosh writes segments another way than the one this module mirrors."""


def check_whoosh():
    """Fail loudly (callers fall back to Whoosh's own writer) on a Whoosh this was not made
    for: `blocks` writes its posting blocks and term infos, the field writer's files are used
    directly."""
    if tuple(whoosh.__version__[:3]) != WHOOSH_VERSION:
        raise FormatMismatch(f"whoosh {whoosh.__version__} is not {WHOOSH_VERSION}")


class BulkWriter(TinyMergingWriter):
    """Whoosh's SegmentWriter, analysing and writing postings in bulk (see the module);
    at commit it merges tiny segments only (`merging.py`)."""

    def __init__(self, ix, segment_documents=SEGMENT_DOCUMENTS, **options):
        check_whoosh()
        if not isinstance(options.get("codec") or W3Codec(), W3Codec):
            raise FormatMismatch("only Whoosh 3 segments are written in bulk")
        super().__init__(ix, **options)
        self.segment_documents = segment_documents
        self._finished = []
        self._shortcuts = {name: shortcut_for(self.schema[name]) for name in self.schema.names()}
        self._postings = {}
        self._words = {}  # fast fields' words, grouped into postings when written
        self._lengths = {}

    def _field_postings(self, name):
        postings = self._postings.get(name)
        if postings is None:
            postings = self._postings[name] = postings_of(name)
            self._lengths[name] = array("I")
        return postings

    def _field_words(self, name):
        words = self._words.get(name)
        if words is None:
            words = self._words[name] = FieldWords(name)
            self._field_postings(name)
        return words

    def _group_words(self, names=None):
        """The fast fields' words gathered so far (of `names`, or all) join their fields'
        postings."""
        for name in list(self._words) if names is None else names:
            postings = self._postings[name]
            for term, found in self._words.pop(name).postings().items():
                if term in postings:
                    postings[term].extend(found)
                else:
                    postings[term] = found

    def add_document(self, **fields):
        self._check_state()
        if self.docnum >= self.segment_documents:
            self._next_segment()
        schema, perdoc, docnum = self.schema, self.perdocwriter, self.docnum
        names = sorted(name for name in fields if not name.startswith("_"))
        self._check_fields(schema, names)
        perdoc.start_doc(docnum)
        lines = {}
        for name in names:
            value = fields[name]
            if value is None:
                continue
            field = schema[name]
            if name in FAST_FIELDS:
                length = self._field_words(name).add(docnum, value, lines)
            else:
                postings = self._field_postings(name)
                length = 0
                shortcut = self._shortcuts.get(name)
                for tbytes, freq, weight, vbytes in (
                    shortcut(value) if shortcut else field.index(value)
                ):
                    length += freq if field.scorable else 0
                    term = postings[tbytes]
                    term.docs.append(docnum)
                    term.weights.append(weight)
                    term.values.append(vbytes)
            lengths = self._lengths[name]
            lengths.extend(bytes(docnum - len(lengths)))  # documents without the field: 0
            lengths.append(length)
            perdoc.add_field(name, field, value if field.stored else None, length)
            if field.column_type:
                perdoc.add_column_value(name, field.column_type, field.to_column_value(value))
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1

    def _next_segment(self):
        """Close the segment being written (it joins the commit) and start another."""
        self._finished.append(self._finalize_segment())
        self.newsegment = self.codec.new_segment(self.storage, self.indexname)
        self.perdocwriter = self.codec.per_document_writer(self.storage, self.newsegment)
        self.fieldwriter = self.codec.field_writer(self.storage, self.newsegment)
        self.docnum = 0

    def add_reader(self, reader):
        """A segment merged into the one being written (Whoosh's merge policy merges small
        ones at commit): Whoosh copies its stored fields, lengths and columns; its postings
        join this writer's one by one, as in Whoosh's own merge (replacing its pool, which
        `_flush_segment` does not read)."""
        self._check_state()
        self._group_words()  # the documents added before the merged ones come first
        first = self.docnum
        indexed = {name for name in reader.indexed_field_names() if name in self.schema}
        names = set(self.schema.names()) | indexed
        docmap = self.write_per_doc(names, reader)
        moved = list(docmap.items() if docmap is not None else enumerate(range(first, self.docnum)))
        for name in names:
            self._field_postings(name)
            lengths = self._lengths[name]
            for old, new in moved:
                lengths.extend(bytes(new - len(lengths)))
                lengths.append(reader.doc_field_length(old, name) or 0)
        for name, btext, docnum, weight, vbytes in self._process_posts(
            reader.iter_postings(), first, docmap
        ):
            found = self._field_postings(name)[btext.decode() if name in FAST_FIELDS else btext]
            found.docs.append(docnum)
            found.weights.append(weight)
            if found.values is not None:
                found.values.append(vbytes)
        self._added = True

    def close_segments(self) -> list:
        """Close this writer (no lock held, nothing published): the segments it wrote, for
        a writer that holds the lock to `adopt`."""
        if self._added:
            self._finished.append(self._finalize_segment())
        else:
            self._close_segment()
        self.is_closed = True
        return self._finished

    def seal(self):
        """Write out the segment being filled now, while other processes still write theirs
        (rather than at commit, after them); the writer goes on with a new one."""
        if self._added:
            self._next_segment()
            self._added = False

    def adopt(self, segments):
        """Segments written by other processes' writers join this commit, before this
        writer's own (they hold the articles that come first)."""
        self._finished[:0] = segments

    def _merge_segments(self, mergetype, optimize, merge):
        return super()._merge_segments(mergetype, optimize, merge) + self._finished

    def _flush_segment(self):
        self.perdocwriter.close()
        for name in sorted(self._postings):  # a field at a time: one field's arrays held
            words = self._words.pop(name, None)
            if words is not None and not self._postings[name]:
                grouped = words.grouped()
            else:
                if words is not None:  # merged postings too: they join as Postings
                    self._words[name] = words
                    self._group_words([name])
                grouped = laid_end_to_end(self._postings[name])
            self._write_field(name, grouped)
        self._postings.clear()
        self._lengths.clear()
        self.fieldwriter.close()

    def _write_field(self, name, grouped):
        """A field's postings (`Grouped`, or None: no terms) written as its posting lists."""
        field, writer = self.schema[name], self.fieldwriter
        writer.start_field(name, field)
        if grouped is not None:
            lengths = self._lengths[name]
            lengths.extend(bytes(self.docnum - len(lengths)))
            values_of = _values_by_format(field.format.fixed_value_size())
            infos = blocks.write_lists(
                writer._postfile,
                grouped.docs,
                grouped.weights,
                partial(values_of, grouped),
                grouped.bounds,
                blocks.length_bytes(np.frombuffer(lengths, dtype=np.uint32)),
            )
            prefix = pack_ushort(writer._fieldid)
            for term, info in zip(grouped.terms, infos, strict=True):
                # str terms (fast fields) or Whoosh's bytes
                writer._tindex.add(
                    prefix + (term.encode() if isinstance(term, str) else term), info
                )
        writer.finish_field()


def _values_by_format(fixed_size):
    """How a block holds its postings' values, as `W3PostingsWriter._mini_values` does: a
    tuple (variable size), one joined string (fixed size), nothing (no values)."""

    def values(postings, start, end):
        if postings.values is None:  # counted: the value is the frequency, packed
            return b"".join(map(pack_uint, map(int, postings.weights[start:end].tolist())))
        kept = [v for v in postings.values[start:end] if v]
        if fixed_size is None or fixed_size < 0:
            return tuple(kept)
        return b"".join(kept) if fixed_size else None

    return values
