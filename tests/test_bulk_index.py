"""The bulk writer writes the index Whoosh's own writer writes: same terms, postings, lengths,
stored fields and columns, the same hits and scores from Whoosh's search, and an index that
Whoosh's writer goes on adding to and merging."""

import pytest
from whoosh.formats import Positions
from whoosh.writing import CLEAR

from archive.models import Article, Quote
from archive.search import bulk
from archive.search.documents import documents_of
from archive.search.index import WRITER_OPTIONS, create_at
from archive.search.query import for_search, parse
from archive.search.schema import FRENCH_FIELDS
from archive.search.weighting import WEIGHTING
from tests.passes import ON_POSTGRES
from tests.test_engine import SCORED_QUERIES

pytestmark = pytest.mark.django_db

QUERIES = [*SCORED_QUERIES, "négociations", "сессии", "محادثات", '"pourparlers de Genève"']


def documents():
    docs = documents_of(list(Article.objects.order_by("pk").values_list("pk", flat=True)))
    assert len(docs) > 500 and {doc["lang"] for doc in docs} >= {"en", "ar", "ru", "fr"}
    return docs


@pytest.fixture(scope="module")
def both(tmp_path_factory, django_db_setup, django_db_blocker):
    """The same articles indexed by Whoosh's writer and by the bulk writer (in segments of
    200 documents, so that several are written and committed together). What two writers
    write from the same documents no database changes: compared in the SQLite pass only
    (reading the documents is tested on both, above)."""
    if ON_POSTGRES:
        pytest.skip("checked in the SQLite pass: both writers index the same documents")
    with django_db_blocker.unblock():
        docs = documents()
    built = {}
    for name, make in (("whoosh", _whoosh_writer), ("bulk", _bulk_writer)):
        ix = create_at(tmp_path_factory.mktemp(name))
        writer = make(ix)
        for doc in docs:
            writer.add_document(**doc)
        writer.commit(mergetype=CLEAR)
        built[name] = ix
    return built["whoosh"], built["bulk"]


def _whoosh_writer(ix):
    return ix.writer(**WRITER_OPTIONS)


def _bulk_writer(ix):
    return bulk.BulkWriter(ix, segment_documents=200, **WRITER_OPTIONS)


def _postings(reader, field, term):
    matcher = reader.postings(field, term)
    fmt = reader.schema[field].format
    found = []
    while matcher.is_active():
        value = matcher.value()
        if isinstance(fmt, Positions):
            value = fmt.decode_positions(value)
        found.append((matcher.id(), matcher.weight(), value))
        matcher.next()
    return found


def _stats(reader, field, term):
    info = reader.term_info(field, term)
    return info.weight(), info.doc_frequency(), info.min_length(), info.max_length()


def test_documents_read_in_bulk_are_those_of_the_articles():
    quoted = Quote.objects.filter(speaker__isnull=False).first()
    Quote.objects.filter(pk=quoted.pk).update(rejected=True)  # a curator rejected this one
    Article.objects.filter(pk=quoted.article_id).update(language="fr")
    articles = Article.objects.order_by("pk").prefetch_related(
        "actors", "events", "quotes__speaker"
    )
    by_rows = documents()
    assert len(by_rows) == len(articles)
    for doc, article in zip(by_rows, articles, strict=True):
        assert _as_the_article_says(doc) == _as_the_article_says(_document_of(article))
    assert any("text_fr" in doc for doc in by_rows)
    assert sum(bool(doc["speaker"]) for doc in by_rows) > 10


STATED = (
    *("id", "key", "title", "title_fr", "text", "text_fr", "words", "pairs", "pairs_fr"),
    *("source", "actor", "round", "process", "lang", "cluster", "year"),
)


def _document_of(article):
    """What the document should hold, read off the model instance."""
    events = list(article.events.all())
    doc = {
        "id": str(article.pk),
        "key": article.key,
        "title": article.title,
        "text": f"{article.title}\n{article.title}\n{article.body}",
        "words": f"{article.title}\n{article.body}",
        "pairs": f"{article.title}\n{article.body}",
        "source": article.source,
        "actor": ",".join(actor.slug for actor in article.actors.all()),
        "speaker": ",".join(
            {q.speaker.slug for q in article.quotes.all() if q.speaker and not q.rejected}
        ),
        "round": ",".join(event.slug for event in events),
        "process": ",".join(sorted({event.process for event in events})),
        "lang": article.language or "en",
        "cluster": article.cluster or None,
    }
    if article.language == "fr":
        doc = {FRENCH_FIELDS.get(name, name): value for name, value in doc.items()}
    if article.published:
        doc["year"] = f"{article.published:%Y}"
    return doc


def _as_the_article_says(doc):
    """The fields `_document_of` states, speakers as a set (their order is not kept)."""
    stated = {name: doc.get(name) for name in STATED}
    return {**stated, "speaker": set(filter(None, doc["speaker"].split(",")))}


def test_the_bulk_index_is_written_in_several_segments(both):
    _, fast = both
    with fast.reader() as reader:
        assert len(list(reader.leaf_readers())) > 1


def test_every_term_and_posting_is_the_same(both):
    slow, fast = both
    with slow.reader() as a, fast.reader() as b:
        assert a.doc_count_all() == b.doc_count_all()
        for field in a.schema.names():
            terms = list(a.lexicon(field))
            assert terms == list(b.lexicon(field)), field
            for term in terms:
                assert _postings(a, field, term) == _postings(b, field, term), (field, term)
                infos = a.term_info(field, term), b.term_info(field, term)
                stats = [
                    (i.weight(), i.doc_frequency(), i.min_length(), i.max_length(), i.max_weight())
                    for i in infos
                ]
                assert stats[0] == stats[1], (field, term)


def test_field_lengths_stored_fields_and_columns_are_the_same(both):
    slow, fast = both
    with slow.reader() as a, fast.reader() as b:
        for field in a.schema.scorable_names():
            assert a.field_length(field) == b.field_length(field), field
            # No length is 0 or None, as the segment happens to hold the field or not.
            assert [a.doc_field_length(d, field) or 0 for d in a.all_doc_ids()] == [
                b.doc_field_length(d, field) or 0 for d in b.all_doc_ids()
            ]
        assert list(a.all_stored_fields()) == list(b.all_stored_fields())
        for field in ("id", "key", "published", "cluster"):
            raw = {"translate": False}  # an undated article's default is no datetime
            assert list(a.column_reader(field, **raw)) == list(b.column_reader(field, **raw))


@pytest.mark.parametrize("text", QUERIES)
def test_whoosh_finds_the_same_hits_with_the_same_scores(both, text):
    query = for_search(parse(text))
    results = []
    for ix in both:
        with ix.searcher(weighting=WEIGHTING) as searcher:
            hits = searcher.search(query, limit=None)
            # Equal scores come out segment by segment: ties are ordered by id here.
            found = [(round(hit.score, 9), hit["id"]) for hit in hits]
            results.append(sorted(found, key=lambda hit: (-hit[0], hit[1])))
    assert results[0] == results[1] and results[0], text


def test_whooshs_writer_adds_to_and_merges_a_bulk_written_index(both):
    _, fast = both
    with fast.reader() as reader:
        before = reader.doc_count()
    writer = fast.writer(**WRITER_OPTIONS)
    writer.update_document(id="new-1", title="Ceasefire", text="A ceasefire in Idlib holds.")
    writer.delete_by_term("id", "1")
    writer.commit(optimize=True)
    with fast.searcher() as searcher:
        assert searcher.doc_count() == before
        assert len(list(searcher.reader().leaf_readers())) == 1
        hits = searcher.search(for_search(parse("Idlib ceasefire holds")), limit=None)
        assert "new-1" in [hit["id"] for hit in hits]


def test_a_whoosh_release_it_was_not_made_for_is_refused(monkeypatch):
    import whoosh

    monkeypatch.setattr(whoosh, "__version__", (3, 99, 0))
    with pytest.raises(bulk.FormatMismatch):
        bulk.check_whoosh()


def test_small_segments_merged_at_commit_keep_every_posting(tmp_path):
    """Whoosh's merge policy folds small segments into the one a writer commits: the bulk
    writer's merge leaves the same index as Whoosh's own."""
    docs = [
        {
            "id": str(n),
            "title": f"Round {n}",
            "text": f"Talks resumed in Geneva, day {n}.",
            "words": f"Talks resumed in Geneva, day {n}.",
            "pairs": f"Talks resumed in Geneva, day {n}.",
        }
        for n in range(12)
    ]
    built = []
    for name, make in (("whoosh", _whoosh_writer), ("bulk", _bulk_writer)):
        ix = create_at(tmp_path / name)
        # Six one-document commits: Whoosh merges small segments once there are over four.
        for batch in [*([doc] for doc in docs[:6]), docs[6:]]:
            writer = make(ix)
            for doc in batch:
                writer.add_document(**doc)
            writer.commit()
        built.append(ix)
    with built[0].reader() as a, built[1].reader() as b:
        assert a.doc_count() == b.doc_count() == 12
        assert len(list(a.leaf_readers())) == len(list(b.leaf_readers())) < 7
        for field in ("title", "text", "words", "pairs", "id"):
            terms = [term for f, term in a.all_terms() if f == field]
            assert terms == [term for f, term in b.all_terms() if f == field] and terms
            assert all(_postings(a, field, t) == _postings(b, field, t) for t in terms)
            assert all(_stats(a, field, t) == _stats(b, field, t) for t in terms)
