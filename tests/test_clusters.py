"""Wire copies of one story are grouped; other articles on the same round are not."""

import datetime
import hashlib

import pytest

from archive import search
from archive.ingest import pipeline
from archive.models import Article
from archive.search import writes as search_writes
from archive.views import pages
from tests.conftest import SEED_FILES

pytestmark = pytest.mark.django_db


def near_copy_of_seed_002(tmp_path):
    """Paragraphs reordered, a new headline, furniture added: a rewrite on an aggregator."""
    lines = [line for line in SEED_FILES[2].read_text().splitlines() if line.strip()][3:]
    paragraphs = lines[len(lines) // 2 :] + lines[: len(lines) // 2]
    text = "\n\n".join(
        ["Rebels refuse face-to-face talks as Astana meeting opens", "Share", "Advertisement"]
        + paragraphs
        + ["Comments", "Follow me:"]
    )
    path = tmp_path / "aggregator.txt"
    path.write_text(text)
    return path


def test_near_copy_joins_the_seeds_cluster(tmp_path, seed_article, scratch_index):
    report = pipeline.run([near_copy_of_seed_002(tmp_path)])
    assert report.added == 1
    seed = seed_article(2)
    seed.refresh_from_db()
    copy = Article.objects.get(title="Rebels refuse face-to-face talks as Astana meeting opens")
    assert seed.cluster and copy.cluster == seed.cluster


def test_other_articles_on_the_same_round_stay_apart(tmp_path, seed_article, scratch_index):
    pipeline.run([near_copy_of_seed_002(tmp_path)])
    seed = seed_article(2)
    seed.refresh_from_db()
    others = Article.objects.filter(body__contains="Astana").exclude(cluster=seed.cluster)
    assert others.count() >= 5
    assert Article.objects.filter(cluster=seed.cluster).count() == 2


def test_copies_in_the_corpus_are_grouped():
    """FA-KES carries some stories twice, reworded by the same or another outlet."""
    grouped = Article.objects.exclude(cluster="")
    assert grouped.count() >= 2
    for key in grouped.values_list("cluster", flat=True).distinct():
        assert Article.objects.filter(cluster=key).count() >= 2


def test_article_page_lists_the_other_copies(client):
    key = Article.objects.exclude(cluster="").values_list("cluster", flat=True).first()
    first, second = Article.objects.filter(cluster=key)[:2]
    page = client.get(first.get_absolute_url()).content.decode()
    assert "Other copies" in page and second.get_absolute_url() in page


def test_a_story_with_many_copies_lists_the_first_and_links_to_all(client, scratch_index):
    """A wire story reprinted hundreds of times: its page lists the oldest copies and links to
    a search for all of them, with their number."""
    shown = pages.COPIES_SHOWN
    copies = [
        Article.objects.create(
            title=f"Envoy hopes for progress, reprint {n}",
            body="The envoy said he hoped for progress.",
            sha256=hashlib.sha256(f"reprint {n}".encode()).hexdigest(),
            source=f"Outlet {n}",
            published=datetime.date(2017, 3, 1) + datetime.timedelta(days=n),
            cluster="feedc0ffee",
        )
        for n in range(shown + 3)
    ]
    page = client.get(copies[0].get_absolute_url()).content.decode()
    for copy in copies[1 : shown + 1]:
        assert copy.get_absolute_url() in page
    assert copies[shown + 1].get_absolute_url() not in page
    assert f"All {shown + 3} copies of this story" in page
    link = "/search/?q=cluster:feedc0ffee&amp;sort=oldest"
    assert link in page
    search_writes.drain_all()
    found = client.get(link.replace("&amp;", "&")).content.decode()
    assert f"<strong>{shown + 3}</strong> articles match" in found


def test_a_story_with_few_copies_lists_them_all_without_a_link(client):
    key = Article.objects.exclude(cluster="").values_list("cluster", flat=True).first()
    first = Article.objects.filter(cluster=key).first()
    page = client.get(first.get_absolute_url()).content.decode()
    assert "copies of this story" not in page


def test_search_can_collapse_a_cluster_to_one_hit():
    key = Article.objects.exclude(cluster="").values_list("cluster", flat=True).first()
    query = f'"{Article.objects.filter(cluster=key).first().title}"'
    plain = search.search(query)
    collapsed = search.search(query, collapse=True)
    clusters = [h.article.cluster for h in collapsed[0 : collapsed.count()] if h.article.cluster]
    assert len(clusters) == len(set(clusters))
    assert collapsed.count() < plain.count()


def test_export_of_a_collapsed_search_has_one_row_per_story(client):
    import json

    key = Article.objects.exclude(cluster="").values_list("cluster", flat=True).first()
    query = f'"{Article.objects.filter(cluster=key).first().title}"'
    response = client.get("/search/export.json", {"q": query, "collapse": "1"})
    rows = json.loads(b"".join(response.streaming_content))["articles"]
    assert len(rows) == search.search(query, collapse=True).count()


def test_every_stored_signature_has_its_bands_in_the_database():
    from archive.ingest.clusters import BANDS
    from archive.models import CopyBand

    signed = Article.objects.exclude(minhash=b"").count()
    assert signed > 500 and CopyBand.objects.count() == BANDS * signed


def test_the_lookup_reads_each_signed_articles_hash_cluster_and_signature():
    from archive.models import CopySignature

    stored = {
        row[0]: row[1:]
        for row in CopySignature.objects.values_list("article_id", "sha256", "cluster", "minhash")
    }
    signed = Article.objects.exclude(minhash=b"").values_list("pk", "sha256", "cluster", "minhash")
    assert len(stored) == len(signed) > 500
    for pk, sha256, cluster, minhash in signed:
        assert stored[pk][:2] == (sha256, cluster) and bytes(stored[pk][2]) == bytes(minhash)


def test_a_later_copy_joins_the_cluster_a_curator_set(tmp_path, seed_article, scratch_index):
    seed = seed_article(2)
    seed.cluster = "curated-story"
    seed.save()  # as the admin saves it
    pipeline.run([near_copy_of_seed_002(tmp_path)])
    copy = Article.objects.get(title="Rebels refuse face-to-face talks as Astana meeting opens")
    seed.refresh_from_db()
    assert copy.cluster == seed.cluster == "curated-story"


def test_a_cluster_a_later_copy_founds_reaches_the_lookup(tmp_path, seed_article, scratch_index):
    from archive.models import CopySignature

    seed = seed_article(2)
    Article.objects.filter(pk=seed.pk).update(cluster="")
    CopySignature.objects.filter(pk=seed.pk).update(cluster="")
    pipeline.run([near_copy_of_seed_002(tmp_path)])
    seed.refresh_from_db()
    assert seed.cluster and CopySignature.objects.get(pk=seed.pk).cluster == seed.cluster


def test_a_new_finder_holds_nothing_and_finds_stored_copies(seed_article):
    """Copies are looked up in the database: an importer starts with no signature in memory."""
    from archive.ingest.clusters import ClusterFinder, signature

    finder = ClusterFinder()
    seed = seed_article(2)
    assert not finder.unsaved
    assert seed.sha256 in dict(finder.copies_of(signature(seed.body)))


def test_two_copies_in_one_file_join_one_cluster(tmp_path, scratch_index):
    """The second copy is found among the run's unsaved articles."""
    story = " ".join(f"Delegates met in room {n} of the conference centre." for n in range(40))
    (tmp_path / "a.txt").write_text(f"Talks open\n\n{story}")
    (tmp_path / "b.txt").write_text(f"Talks opened on Monday\n\n{story} Share this.")
    report = pipeline.run([tmp_path])
    assert report.added == 2
    first, second = Article.objects.filter(source_file__startswith=str(tmp_path))
    assert first.cluster and first.cluster == second.cluster
