"""/healthz tells the truth: what waits for the index and how long, the last index write's
result, the task worker's heartbeat; 503 past the documented limits."""

import datetime

import pytest
from django.utils import timezone

from archive.models import Heartbeat, IndexQueue
from archive.models.heartbeat import INDEX_WRITE, TASK_WORKER

pytestmark = pytest.mark.django_db


def health(client, **headers):
    response = client.get("/healthz", **headers)
    return response.status_code, response.json()


def queue_waiting(seconds):
    row = IndexQueue.objects.create(article_id=10**9)
    IndexQueue.objects.filter(pk=row.pk).update(
        queued_at=timezone.now() - datetime.timedelta(seconds=seconds)
    )


def test_a_healthy_archive_answers_200_with_its_figures(client):
    status, report = health(client)
    assert status == 200 and report["problems"] == []
    assert report["queued_for_index"] == 0 and report["oldest_queued_seconds"] is None
    assert report["task_worker"]["imports_waiting"] == 0


def test_an_article_waiting_for_the_index_past_the_limit_is_a_503(client, settings):
    settings.ARCHIVE_HEALTH_QUEUE_SECONDS = 60
    queue_waiting(30)
    assert health(client)[0] == 200
    queue_waiting(120)
    status, report = health(client)
    assert status == 503 and report["oldest_queued_seconds"] >= 120
    assert "waited" in report["problems"][0]


def test_a_failed_index_write_with_articles_waiting_is_a_503(client):
    Heartbeat.beat(INDEX_WRITE, False, "OSError: [Errno 13] Permission denied: 'var/index'")
    assert health(client)[0] == 200  # nothing waits: the failure harms no one yet
    queue_waiting(1)
    status, report = health(client)
    assert status == 503 and "Permission denied" in report["problems"][0]
    assert report["last_index_write"]["ok"] is False


def test_imports_waiting_for_a_silent_task_worker_are_a_503(client, settings):
    from archive.ingest import jobs

    settings.ARCHIVE_HEALTH_WORKER_SECONDS = 60
    Heartbeat.beat(TASK_WORKER)
    Heartbeat.objects.filter(name=TASK_WORKER).update(
        at=timezone.now() - datetime.timedelta(seconds=300)
    )
    assert health(client)[0] == 200  # silent, but nothing waits for it
    jobs.run_import.enqueue(0)
    status, report = health(client)
    assert status == 503 and "silent for" in report["problems"][0]
    assert report["task_worker"]["imports_waiting"] == 1


def test_a_load_balancer_probing_by_ip_address_gets_an_answer(client):
    assert health(client, HTTP_HOST="10.20.30.40")[0] == 200


def test_other_pages_still_refuse_an_unknown_host(client):
    assert client.get("/", HTTP_HOST="10.20.30.40").status_code == 400


def test_the_task_worker_writes_what_waited_too_long_in_the_queue(seed_article, scratch_index):
    from archive.search import writes

    article = seed_article(0)
    queue_waiting(0)
    IndexQueue.objects.update(article_id=article.pk)
    assert writes.drain_stale(60) == 0  # a web worker may still be writing it
    IndexQueue.objects.update(queued_at=timezone.now() - datetime.timedelta(seconds=120))
    assert writes.drain_stale(60) == 1 and not IndexQueue.objects.exists()
    assert Heartbeat.last(INDEX_WRITE).ok
