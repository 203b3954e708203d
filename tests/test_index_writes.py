"""Changes reach the index through one queue; readers see one whole generation at a time;
the index can be checked against the database and repaired."""

import pytest
from django.db import transaction
from whoosh.index import LockError

from archive import search
from archive.models import Actor, Article, IndexQueue, Quote
from archive.search import agreement, snapshot, writes
from archive.search.index import writer

pytestmark = pytest.mark.django_db


def index_now(articles):
    writes.queue([a.pk for a in articles])
    writes.drain_all()


def hits(query):
    return search.search(query).ids()


@pytest.fixture
def small_index(scratch_index, seed_article):
    """A private index holding the five seed articles."""
    articles = [seed_article(n) for n in range(5)]
    index_now(articles)
    return articles


def test_a_change_rolled_back_queues_nothing(seed_article):
    article = seed_article(0)
    with pytest.raises(RuntimeError), transaction.atomic():
        search.reindex([article.pk])
        raise RuntimeError
    assert not IndexQueue.objects.filter(article_id=article.pk).exists()


def test_an_edited_article_is_found_once_by_a_reader_opened_before(small_index):
    article = small_index[0]
    before = snapshot.current()
    article.published = article.published.replace(year=2013) if article.published else None
    article.title = "Zanzibar accord reported"
    article.save()  # the signal queues it; outside a web process it is written on commit
    writes.drain_all()
    after = snapshot.current()
    assert after is not before
    assert hits("Zanzibar") == [article.pk]
    assert hits("*").count(article.pk) == 1


def test_a_deleted_article_leaves_search_at_once(small_index):
    gone = small_index[1]
    snapshot.current()
    gone.delete()
    writes.drain_all()
    assert gone.pk not in hits("*")
    assert len(hits("*")) == 4


def test_a_renamed_actor_is_searchable_by_its_new_slug(small_index):
    actor = Actor.objects.filter(articles__in=small_index).distinct().first()
    actor.slug = "renamed-actor"
    actor.save()  # every article naming it is written again
    writes.drain_all()
    assert set(hits("actor:renamed-actor")) == set(actor.articles.values_list("pk", flat=True))


def test_a_quote_given_a_speaker_is_searchable_by_speaker(small_index):
    quote = Quote.objects.filter(article__in=small_index).first()
    speaker = Actor.objects.get(slug="geir-pedersen")
    quote.speaker = speaker
    quote.save()
    writes.drain_all()
    assert quote.article_id in hits("speaker:geir-pedersen")


def test_a_drain_gives_way_while_another_process_holds_the_lock(small_index):
    article = small_index[2]
    held = writer()
    try:
        writes.queue([article.pk])
        assert writes.drain(wait=0) is None
        assert writes.pending() == 1
        with pytest.raises(LockError):
            writes.drain_all(wait=0.1)
    finally:
        held.cancel()
    assert writes.drain_all() == 1
    assert writes.pending() == 0


def test_searching_an_empty_index_finds_nothing(scratch_index):
    assert search.search("Geneva").count() == 0


def test_the_check_names_articles_missing_from_the_index(small_index):
    report = agreement.check()
    assert report.documents == 5
    assert len(report.missing) == Article.objects.count() - 5
    assert not report.extra and not report.stale


def test_the_check_names_stale_values_and_the_repair_mends_them(small_index):
    article = small_index[3]
    Article.objects.filter(pk=article.pk).update(published="2011-01-02")  # no signal
    report = agreement.check()
    assert report.stale == {article.pk: ["published"]}
    agreement.repair(agreement.Report(stale=report.stale))
    assert agreement.check().stale == {}
    assert article.pk in hits("date:[2011-01-02 TO 2011-01-02]")
