"""The import's per-article work fanned out over task workers: RQ on Redis, through Django's
tasks API (django-tasks' RQ backend), when ARCHIVE_REDIS_URL names a Redis and at least one
worker listens on the "enrich" queue (`manage.py enrich_worker`, on this machine or others
reaching the same database and Redis).

Enrichment (`Importer.enrich`: dates, language, actors, rounds, quotes, the signature) depends
on an article's text and the gazetteer alone, so a worker needs nothing from the importing
process but the records: it builds the run's matchers from the database once and keeps them
for the run's later chunks. Everything that depends on the run's state stays in the importing
process, which remains the one writer: duplicates, copies' clusters, proposals, saving and the
index. Chunks come back in the order they were read.

Nothing is lost to a worker: a chunk whose job fails, or that no worker finishes within
ARCHIVE_ENRICH_JOB_SECONDS of the import waiting for it (its worker was killed), is enriched by
the importing process itself, and Redis is left holding no finished chunk.
"""

import base64
import dataclasses
import logging
import time
from collections import deque
from itertools import islice

from django.conf import settings
from django.db import close_old_connections
from django_tasks import task

from archive.ingest.records import RawItem

log = logging.getLogger(__name__)

QUEUE = "enrich"
BACKEND = "enrichment"  # settings.TASKS
AHEAD_PER_WORKER = 3  # jobs queued per listening worker, so none waits for the next
POLL_SECONDS = (0.005, 0.05)  # first and longest pause between looks at a job
# What the importing process already holds: not sent back by the workers.
KEPT_BY_IMPORTER = ("raw", "raw_text")

_importer = None  # in a worker: ((run id, dry run), Importer) of the run it last served


@task(backend=BACKEND, queue_name=QUEUE)
def enrich_chunk(run_id: int | None, dry_run: bool, records: list[dict]) -> list:
    """The job: Enriched articles of `records` (`as_record`), in order."""
    # A worker lives for days between imports: a connection the database closed meanwhile is
    # dropped here, as Django does at the start of each request.
    close_old_connections()
    importer = _importer_of(run_id, dry_run)
    enriched = []
    for record in records:
        one = importer.enrich(from_record(record), record["sha256"])
        for name in KEPT_BY_IMPORTER:
            setattr(one.built.article, name, None)
        enriched.append(one)
    return enriched


def _importer_of(run_id, dry_run):
    """The run's importer, its matchers read from the database at its first chunk here."""
    global _importer
    from archive.ingest.pipeline import Importer
    from archive.models import ImportRun

    key = (run_id, dry_run)
    if _importer is None or _importer[0] != key:
        record = ImportRun.objects.get(pk=run_id) if run_id is not None else None
        _importer = (key, Importer(record, dry_run=dry_run))
    return _importer[1]


def as_record(item: RawItem, sha256: str) -> dict:
    """A RawItem as the JSON a task's arguments must be (its bytes in base64)."""
    record = dataclasses.asdict(item)
    record["raw_bytes"] = base64.b64encode(item.raw_bytes).decode("ascii")
    record["sha256"] = sha256
    return record


def from_record(record: dict) -> RawItem:
    names = {f.name for f in dataclasses.fields(RawItem)}
    item = RawItem(**{k: v for k, v in record.items() if k in names})
    item.raw_bytes = base64.b64decode(record["raw_bytes"])
    return item


def listening() -> int:
    """How many workers listen on the queue now: 0 when no Redis is configured, or it does
    not answer (the import then uses this machine's cores)."""
    if not settings.ARCHIVE_REDIS_URL:
        return 0
    import django_rq
    from redis.exceptions import RedisError
    from rq import Worker

    try:
        return Worker.count(queue=django_rq.get_queue(QUEUE))
    except RedisError as error:
        log.warning("Redis at ARCHIVE_REDIS_URL does not answer (%s): enriching here", error)
        return 0


def enriched(importer, items, workers: int):
    """(read, Enriched) for each (read, item, sha256) of `items`, in order, the work done by
    `workers` task workers a chunk at a time."""
    return _Fanout(importer, workers).enriched(iter(items))


class _Fanout:
    """One import's chunks on the queue. After a job no worker finished in time (its worker
    was killed, or none is left), the rest of the run is enriched here: a dead worker stays
    registered in Redis for minutes, and waiting on each chunk would stall the import."""

    def __init__(self, importer, workers):
        self.importer = importer
        self.run_id = importer.run_record.pk if importer.run_record is not None else None
        self.ahead = max(2, workers * AHEAD_PER_WORKER)
        self.lost = False

    def enriched(self, items):
        in_flight = deque()
        while chunk := list(islice(items, settings.ARCHIVE_ENRICH_CHUNK)):
            in_flight.append((chunk, None if self.lost else self._enqueue(chunk)))
            if len(in_flight) >= self.ahead:
                yield from self._collect(*in_flight.popleft())
        while in_flight:
            yield from self._collect(*in_flight.popleft())

    def _enqueue(self, chunk):
        from redis.exceptions import RedisError

        records = [as_record(item, sha256) for _, item, sha256 in chunk]
        try:
            return enrich_chunk.enqueue(self.run_id, self.importer.dry_run, records)
        except RedisError as error:
            log.warning("Could not queue a chunk (%s): enriching it here", error)
            return None

    def _collect(self, chunk, result):
        """The chunk's Enriched articles from its job, or made here when the job failed or
        no worker finished it in time."""
        done = None
        if result is not None:
            done = _wait(result, 0 if self.lost else settings.ARCHIVE_ENRICH_JOB_SECONDS)
            # A job that failed had a worker; one that never finished may have none left.
            self.lost = self.lost or (done is None and not result.is_finished)
        if done is None:
            for read, item, sha256 in chunk:
                yield read, self.importer.enrich(item, sha256)
            return
        for (read, item, _), one in zip(chunk, done, strict=True):
            article = one.built.article
            article.raw, article.raw_text = item.raw_bytes, item.text
            if not self.importer.dry_run:
                article.import_run = self.importer.run_record
            yield read, one


def _wait(result, seconds):
    """The job's return value, or None (failed, gone, or not finished within `seconds`);
    the job is deleted from Redis either way (results are kept 500 s by default: a long
    import's would fill Redis)."""
    from django_tasks.base import TaskResultStatus
    from django_tasks.exceptions import TaskResultDoesNotExist
    from redis.exceptions import RedisError

    deadline = time.monotonic() + seconds
    pause = POLL_SECONDS[0]
    try:
        while True:
            result.refresh()
            if result.status == TaskResultStatus.SUCCESSFUL:
                return result.return_value
            if result.status == TaskResultStatus.FAILED:
                log.warning("Enrichment job %s failed: enriching its chunk here", result.id)
                return None
            if time.monotonic() > deadline:
                log.warning("No worker finished job %s in time: enriching it here", result.id)
                return None
            time.sleep(pause)
            pause = min(pause * 2, POLL_SECONDS[1])
    except TaskResultDoesNotExist:
        log.warning("Enrichment job %s is gone from Redis: enriching its chunk here", result.id)
        return None
    except RedisError as error:
        log.warning("Lost Redis while waiting for job %s (%s): enriching here", result.id, error)
        return None
    finally:
        _delete(result.id)


def _delete(job_id):
    import django_rq
    from redis.exceptions import RedisError
    from rq.exceptions import NoSuchJobError
    from rq.job import Job

    try:
        Job.fetch(job_id, connection=django_rq.get_connection(QUEUE)).delete()
    except (NoSuchJobError, RedisError):
        pass
