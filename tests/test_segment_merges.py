"""What a commit merges: a curator's edit adds a small segment and folds only tiny ones into
it, never an import's segments (merging goes posting by posting in Python, under the lock)."""

import shutil

import pytest

from archive import search
from archive.search import agreement, bulk, compaction, index, merging

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


def _scaled_down(patch):
    """The limits scaled down with the corpus: segments of 50 are small, of 10 tiny."""
    patch.setattr(merging, "TINY_SEGMENT", 10)
    patch.setattr(compaction, "SMALL_DOCUMENTS", 100)
    patch.setattr(compaction, "MOST_SMALL", 4)


@pytest.fixture(scope="module")
def small_parts(tmp_path_factory, django_db_setup, django_db_blocker):
    """The shared articles written into an index in ten segments of fifty and one of the
    rest, as small imports leave them: written once, copied for each test."""
    from django.test import override_settings

    from archive.models import Article

    folder = tmp_path_factory.mktemp("small-parts") / "index"
    with (
        django_db_blocker.unblock(),
        override_settings(ARCHIVE_INDEX_DIR=folder),
        pytest.MonkeyPatch.context() as patch,
    ):
        _scaled_down(patch)
        ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
        index.open_index()
        for part in [*(ids[start : start + 50] for start in range(0, 500, 50)), ids[500:]]:
            writer = index.bulk_writer(timeout=0)
            index.write(writer, part)
            writer.commit()
    return folder, ids


@pytest.fixture
def imported_in_small_parts(small_parts, scratch_index, monkeypatch):
    folder, ids = small_parts
    shutil.copytree(folder, scratch_index)
    _scaled_down(monkeypatch)
    return ids


def _found(text):
    return sorted(search.search(text).ids())


QUERIES = ["Geneva", '"peace talks"', "ceasefire Aleppo", "actor:staffan-de-mistura"]


@pytest.mark.django_db
def test_many_small_segments_are_written_anew_as_one(imported_in_small_parts):
    before = {text: _found(text) for text in QUERIES}
    assert len(index.open_index()._segments()) == 11
    assert compaction.compact() == 500
    segments = index.open_index()._segments()
    assert len(segments) < 5 and all(s.deleted_count() < s.doc_count_all() for s in segments)
    assert {text: _found(text) for text in QUERIES} == before and all(before.values())
    assert agreement.check().agrees


@pytest.mark.django_db
def test_a_few_small_segments_are_left_as_they_are(imported_in_small_parts, monkeypatch):
    monkeypatch.setattr(compaction, "MOST_SMALL", 10)
    state = search.index_state()
    assert compaction.compact() == 0
    assert search.index_state() == state


@pytest.mark.django_db
def test_an_import_ends_by_writing_the_small_segments_anew(imported_in_small_parts, tmp_path):
    from archive.ingest import pipeline

    (tmp_path / "new.txt").write_text(
        "Delegations return to Geneva\n\nThe envoy said talks would resume on Monday.\n"
    )
    report = pipeline.run([tmp_path])
    assert report.added == 1 and report.rewritten == 500
    assert "500 articles of small index segments written anew" in report.summary()
    assert len(index.open_index()._segments()) < 5
    assert agreement.check().agrees


@pytest.mark.django_db
def test_a_segment_mostly_edited_away_has_its_live_articles_written_anew(
    imported_in_small_parts, monkeypatch
):
    monkeypatch.setattr(compaction, "MOST_SMALL", 20)  # the small segments alone: left
    ids = imported_in_small_parts
    writer = index.bulk_writer(timeout=0)
    index.write(writer, ids[500:700])  # edited: deleted in the last segment, written anew
    writer.commit()
    before = {text: _found(text) for text in QUERIES}
    assert compaction.compact() == len(ids) - 700
    assert all(2 * s.deleted_count() < s.doc_count_all() for s in index.open_index()._segments())
    assert {text: _found(text) for text in QUERIES} == before
    assert agreement.check().agrees
