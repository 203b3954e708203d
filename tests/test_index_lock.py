"""A writer that fails to start (an unwritable index folder, a full disk) gives the index's
write lock back: the next writer, an import or a repair, is not locked out until a restart."""

import pytest
from whoosh.codec.whoosh3 import W3Codec

from archive.search import index


def fail_to_create_files(monkeypatch):
    def refused(self, storage, segment):
        raise PermissionError(13, "Permission denied", str(storage))

    monkeypatch.setattr(W3Codec, "per_document_writer", refused)


@pytest.mark.parametrize("make", [index.writer, index.bulk_writer], ids=["whoosh", "bulk"])
def test_a_writer_that_fails_to_start_gives_the_lock_back(make, scratch_index, monkeypatch):
    index.open_index()  # an index to write to
    with monkeypatch.context() as patched:
        fail_to_create_files(patched)
        # The failure's traceback kept, as a logger's record or an error report keeps it.
        with pytest.raises(PermissionError) as failed:
            make(timeout=0)
    writer = make(timeout=0)  # whoosh's LockError here, before
    writer.cancel()
    assert failed.value.errno == 13


def test_a_failed_write_gives_the_lock_back_even_if_cancelling_fails(
    seed_article, scratch_index, monkeypatch
):
    """An unwritable folder fails the commit and then the cancel that would let go (Whoosh's
    own clean-up after a failed commit or cancel gives the lock back; this keeps it so)."""
    from whoosh.writing import SegmentWriter

    from archive.search import writes

    index.open_index()
    writes.queue([seed_article(0).pk])

    def refused(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", "var/index")

    with monkeypatch.context() as patched:
        patched.setattr(SegmentWriter, "commit", refused)
        patched.setattr(SegmentWriter, "_close_segment", refused)
        with pytest.raises(PermissionError) as failed:
            writes.drain(wait=0)
    writer = index.writer(timeout=0)
    writer.cancel()
    assert failed.value.errno == 13
    assert writes.drain(wait=0) == 1  # what was queued is written once the folder is back


def test_a_writer_still_waits_for_a_lock_another_holds(scratch_index):
    from whoosh.index import LockError

    index.open_index()
    first = index.writer(timeout=0)
    try:
        with pytest.raises(LockError):
            index.writer(timeout=0.2)
    finally:
        first.cancel()
    index.writer(timeout=0).cancel()


def test_a_drainer_kept_from_the_lock_says_so_in_the_log_once(
    seed_article, scratch_index, monkeypatch, caplog
):
    from archive.search import writes

    monkeypatch.setattr(writes, "LOCK_WARNING_SECONDS", 0)
    index.open_index()
    writes.queue([seed_article(0).pk])
    held = index.writer(timeout=0)
    try:
        waiting = writes.LockWait()
        for _ in range(3):
            waiting.record(writes.drain(wait=0, bulk=False))
    finally:
        held.cancel()
    warnings = [r.getMessage() for r in caplog.records if r.name == writes.log.name]
    assert len(warnings) == 1 and "1 queued articles wait" in warnings[0]
    waiting.record(writes.drain(wait=0, bulk=False))
    assert waiting.since is None and writes.pending() == 0
