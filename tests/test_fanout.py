"""An import fanned out over task workers (RQ on a real Redis, `manage.py enrich_worker`
processes) stores exactly what an import enriched by one machine's cores stores, leaves
nothing in Redis, and loses nothing when a worker is killed mid-chunk. Run on SQLite, and on
PostgreSQL in the suite's second pass."""

import base64
import hashlib
import json
import os
import signal
from contextlib import contextmanager

import pytest

from archive.ingest import fanout
from archive.ingest.records import RawItem
from tests.live import ROOT, EnrichWorker, Redis, ScratchArchive, migrated_archive
from tests.test_admin_imports import articles_file

pytestmark = pytest.mark.live

ARTICLES = 200
CHUNK = "20"  # ten jobs: both workers take some
STOPPED_WITHIN = 15  # seconds from SIGTERM to a worker's exit, on a busy machine


def stored(archive) -> str:
    """What an import stored, fingerprinted: every article's dates, language, cluster and
    publisher, its quotes with their speakers and its actors' mention counts."""
    articles = archive.rows(
        "SELECT sha256, published, date_method, date_confidence, language, cluster, "
        "event_dates, title, source, body FROM archive_article ORDER BY sha256"
    )
    quotes = archive.rows(
        "SELECT a.sha256, q.position, q.text, q.speaker_name, q.speaker_id, q.anonymous, q.kind "
        "FROM archive_quote q JOIN archive_article a ON a.id = q.article_id ORDER BY 1, 2, 3"
    )
    mentions = archive.rows(
        "SELECT a.sha256, m.actor_id, m.count FROM archive_mention m "
        "JOIN archive_article a ON a.id = m.article_id ORDER BY 1, 2"
    )
    assert len(articles) == ARTICLES and quotes and mentions
    rows = json.dumps([articles, quotes, mentions], default=str)
    return hashlib.sha256(rows.encode()).hexdigest()


def scratch(folder):
    archive = migrated_archive(folder)
    archive.env["ARCHIVE_ENRICH_CHUNK"] = CHUNK
    return archive


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return articles_file(tmp_path_factory.mktemp("fanout-corpus"), ARTICLES, "fanned")


@pytest.fixture(scope="module")
def enriched_here(tmp_path_factory, corpus):
    """The fingerprint of the same import with no queue: this machine's cores, forked."""
    archive = scratch(tmp_path_factory.mktemp("fanout-here"))
    try:
        archive.manage("import_articles", str(corpus))
        yield stored(archive)
    finally:
        archive.drop()


@contextmanager
def with_redis(archive):
    """A Redis of the archive's own; the processes appended to the list are stopped after."""
    started = [Redis(archive)]
    try:
        yield started[0], started
    finally:
        for process in reversed(started):
            process.stop()
        archive.drop()


@pytest.fixture
def queued(tmp_path):
    """A scratch archive with a Redis of its own; its workers are the test's to start."""
    archive = scratch(tmp_path)
    with with_redis(archive) as (server, started):
        yield archive, server, started


def jobs_done(server, names) -> int:
    return sum(
        int(server.client.hget(f"rq:worker:{name}", "successful_job_count") or 0) for name in names
    )


def test_an_import_fanned_out_over_two_workers_stores_what_one_machine_stores(
    queued, corpus, enriched_here
):
    archive, server, started = queued
    started += [EnrichWorker(archive, server, name) for name in ("w1", "w2")]
    done = archive.manage("import_articles", str(corpus))
    assert f"{ARTICLES} added" in done.stdout
    assert jobs_done(server, ["w1", "w2"]) == ARTICLES // int(CHUNK)
    assert stored(archive) == enriched_here
    # Every chunk's job and result was deleted once read: a long import does not fill Redis.
    assert server.client.keys("rq:job:*") == []
    assert server.client.keys("rq:results:*") == []


def test_a_worker_killed_mid_chunk_loses_no_article(queued, corpus, enriched_here, tmp_path):
    archive, server, started = queued
    flag = tmp_path / "kill-worker"
    flag.touch()
    # The worker dies on its third chunk; the import, after waiting 3 s for it, enriches that
    # chunk and the rest itself.
    at = "archive.ingest.fanout:_importer_of"
    archive.arm([{"at": at, "do": "kill", "in": "enrich_worker", "skip": 2, "flag": str(flag)}])
    archive.env["ARCHIVE_ENRICH_JOB_SECONDS"] = "3"
    started.append(EnrichWorker(archive, server, "doomed"))
    done = archive.manage("import_articles", str(corpus))
    assert (tmp_path / "kill-worker.fired").exists()
    assert started[-1].process.poll() is not None  # the worker is dead
    assert f"{ARTICLES} added" in done.stdout
    assert "No worker finished job" in done.stderr
    assert stored(archive) == enriched_here


def test_chunks_whose_jobs_fail_are_enriched_by_the_importer(
    queued, corpus, enriched_here, tmp_path
):
    archive, server, started = queued
    flag = tmp_path / "fail-jobs"
    flag.touch()
    # Every job fails in the worker (as when it cannot read the database): a worker that
    # answers is still there, so each chunk is queued, fails, and is enriched here.
    at = "archive.ingest.fanout:_importer_of"
    archive.arm([{"at": at, "do": "fail", "in": "enrich_worker", "flag": str(flag)}])
    started.append(EnrichWorker(archive, server, "failing"))
    done = archive.manage("import_articles", str(corpus))
    assert f"{ARTICLES} added" in done.stdout
    assert done.stderr.count("failed: enriching its chunk here") == ARTICLES // int(CHUNK)
    assert stored(archive) == enriched_here


def test_an_import_fans_out_only_while_a_worker_listens(tmp_path, settings):
    archive = ScratchArchive(tmp_path)  # a worker reads no database until its first job
    with with_redis(archive) as (server, started):
        settings.ARCHIVE_REDIS_URL = server.url
        settings.RQ_QUEUES = {q: {"URL": server.url} for q in ("default", fanout.QUEUE)}
        assert fanout.listening() == 0  # no worker yet: the import uses this machine's cores
        started.append(EnrichWorker(archive, server, "w1"))
        assert fanout.listening() == 1


def test_a_worker_asked_to_stop_ends_within_seconds(tmp_path):
    """SIGTERM, as systemd or a deploy sends it: redis-py 8.2 made RQ's warm shutdown wait up
    to a minute for its command-listening thread (most runs on a busy machine)."""
    archive = ScratchArchive(tmp_path)
    with with_redis(archive) as (server, started):
        worker = EnrichWorker(archive, server, "w1")
        started.append(worker)
        os.killpg(worker.pid, signal.SIGTERM)
        worker.process.wait(timeout=STOPPED_WITHIN)
        assert "warm shut down requested" in worker.read_log()


def test_an_unreachable_redis_counts_as_no_worker(settings):
    from tests.live import free_port

    url = f"redis://127.0.0.1:{free_port()}/0"  # nobody listens there
    settings.ARCHIVE_REDIS_URL = url
    settings.RQ_QUEUES = {q: {"URL": url} for q in ("default", fanout.QUEUE)}
    assert fanout.listening() == 0


def test_a_record_crosses_the_queue_as_json_and_comes_back_whole():
    item = RawItem(
        source_file=str(ROOT / "x.warc.gz"),
        raw_bytes=b"caf\xe9 \xff not UTF-8",
        title="A title",
        text="café not UTF-8",
        row=7,
        record={"warc_record_id": "<urn:uuid:1>"},
        date_order="DMY",
        decoding_errors=2,
    )
    record = fanout.as_record(item, "abc")
    assert json.loads(json.dumps(record)) == record
    assert base64.b64decode(record["raw_bytes"]) == item.raw_bytes
    assert fanout.from_record(record) == item
