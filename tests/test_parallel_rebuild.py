"""A rebuild on several cores: child processes write the first articles into segments of
their own, the lock holder the rest, and one commit publishes them all, in order."""

import pytest

from archive import search
from archive.models import Article
from archive.search import agreement, index, snapshot

pytestmark = pytest.mark.django_db

QUERIES = ["Aleppo", '"peace talks"', "actor:lavrov", "round:astana-8", "négociations"]


def hits(text):
    return sorted(hit.article.pk for hit in search.search(text)[0:1000])


@pytest.fixture
def rebuilt_on_two_cores(settings, tmp_path, monkeypatch):
    """The session's index's answers, then the same articles rebuilt by two processes into
    a private index (the session's articles are committed: the children can read them)."""
    before = {text: hits(text) for text in QUERIES}
    settings.ARCHIVE_INDEX_DIR = tmp_path / "index"
    monkeypatch.setattr(index, "PARALLEL_FROM", 100)
    monkeypatch.setattr(index, "cores", lambda: 2)
    monkeypatch.setattr(index, "in_transaction", lambda: False)
    count = search.rebuild()
    return before, count


def test_every_article_is_indexed_once(rebuilt_on_two_cores):
    _, count = rebuilt_on_two_cores
    assert count == Article.objects.count() == search.document_count()
    assert agreement.check().agrees


def test_the_segments_keep_the_articles_in_order(rebuilt_on_two_cores):
    current = snapshot.current(fresh=True)
    assert len(list(current.reader.leaf_readers())) >= 2
    ids = current.article_ids.tolist()
    assert ids == sorted(ids)


def test_searches_find_what_they_found_before(rebuilt_on_two_cores):
    before, _ = rebuilt_on_two_cores
    for text in QUERIES:
        assert hits(text) == before[text] and before[text], text


def test_a_large_drain_replaces_entries_on_two_cores(rebuilt_on_two_cores):
    """Queued articles already indexed are written again by both processes: each ends up
    indexed once, the old entries gone."""
    from archive.search.writes import drain_all, queue

    ids = list(Article.objects.values_list("pk", flat=True))
    queue(ids, bulk=True)
    assert drain_all() == len(ids)
    assert search.document_count() == len(ids)
    assert agreement.check().agrees
