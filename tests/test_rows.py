"""Rows of plain fields are written by one statement and read back as Django writes them."""

import pytest

from archive.ingest import rows
from archive.models import Actor, Article, ImportRun, Mention, Quote

pytestmark = pytest.mark.django_db


def test_quotes_written_by_a_plain_statement_read_back_whole():
    article = Article.objects.first()
    speaker = Actor.objects.first()
    quote = Quote(
        article=article,
        speaker=speaker,
        speaker_name="the envoy",
        verb="said",
        text="We will meet again.",
        kind="direct",
        position=12,
        confidence=0.75,
    )
    rows.insert(Quote, [quote])
    stored = Quote.objects.filter(article=article, text="We will meet again.").get()
    assert (stored.speaker_id, stored.speaker_name, stored.position) == (
        speaker.pk,
        "the envoy",
        12,
    )
    assert (stored.confidence, stored.anonymous, stored.checked) == (0.75, False, False)


def test_mentions_written_in_one_statement():
    article = Article.objects.exclude(mention__isnull=False).first() or Article.objects.first()
    Mention.objects.filter(article=article).delete()
    actors = list(Actor.objects.all()[:3])
    rows.insert(Mention, [Mention(article=article, actor=a, count=2) for a in actors])
    assert sorted(Mention.objects.filter(article=article).values_list("actor_id", "count")) == [
        (a.pk, 2) for a in sorted(actors, key=lambda a: a.pk)
    ]


def test_a_model_with_other_fields_goes_through_bulk_create():
    assert not all(rows._is_plain(f) for f in ImportRun._meta.concrete_fields)
    before = ImportRun.objects.count()
    rows.insert(ImportRun, [ImportRun(paths="a"), ImportRun(paths="b")])
    assert ImportRun.objects.count() == before + 2
