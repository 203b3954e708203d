"""What a commit merges: a curator's edit adds a small segment and folds only tiny ones into
it, never an import's segments (merging goes posting by posting in Python, under the lock)."""

import pytest

from archive.search import bulk, index, merging

IMPORT_SEGMENT = 4  # documents per "import" segment, above the tiny limit set below
IMPORTS = 17  # enough segments for Whoosh's MERGE_SMALL to fold some into an edit's commit


def _document(n):
    text = f"Talks resumed in Geneva, day {n}."
    return {"id": str(n), "title": f"Round {n}", "text": text, "words": text, "pairs": text}


def _segments(ix):
    return sorted((segment.segment_id(), segment.doc_count_all()) for segment in ix._segments())


@pytest.fixture
def imported(scratch_index, monkeypatch):
    """An index of many import-sized segments, each just above the tiny limit."""
    monkeypatch.setattr(merging, "TINY_SEGMENT", IMPORT_SEGMENT - 1)
    ix = index.create()
    for batch in range(IMPORTS):
        writer = bulk.BulkWriter(ix, **index.WRITER_OPTIONS)
        for n in range(batch * IMPORT_SEGMENT, (batch + 1) * IMPORT_SEGMENT):
            writer.add_document(**_document(n))
        writer.commit()
    return ix


def _edit(writer, n=10_000):
    writer.update_document(**_document(n))
    writer.commit()


def test_whooshs_own_merge_policy_would_fold_the_imports_into_one_edit(imported):
    """The hazard guarded against: Whoosh's writer with its default policy."""
    _edit(imported.writer(**index.WRITER_OPTIONS))
    assert len(imported._segments()) < IMPORTS


def test_a_curators_edit_keeps_every_import_segment_as_it_was(imported):
    before = _segments(index.open_index())
    _edit(index.writer())
    after = _segments(index.open_index())
    assert set(before) <= set(after) and len(after) == IMPORTS + 1


def test_a_curators_edits_still_merge_tiny_segments(imported):
    for n in range(6):
        _edit(index.writer(), 10_000 + n)
    ix = index.open_index()
    assert len(ix._segments()) < IMPORTS + 6
    assert ix.doc_count() == IMPORTS * IMPORT_SEGMENT + 6
