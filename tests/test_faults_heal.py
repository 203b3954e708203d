"""Faults that heal without a person, on a real gunicorn and a real task worker: an edit a
dead web worker left in the index queue reaches search, and /healthz tells the truth before
and after."""

import time

import requests

from tests.live import ROOT, ImportWorker, served_archive

WITHIN = 120  # seconds, on a busy machine


def shell(archive, code):
    return archive.manage("shell", "-c", code).stdout.strip().splitlines()[-1:]


def hits(server, words):
    return requests.get(f"{server.url}/api/search/", params={"q": words}, timeout=30).json()[
        "total"
    ]


def test_an_edit_left_in_the_queue_reaches_search_through_the_task_worker(tmp_path):
    with served_archive(tmp_path, articles=ROOT / "seeds" / "multilingual", workers=1) as (
        archive,
        server,
    ):
        # What a web worker that died between the commit and its index write leaves: the
        # changed row and its queue entry, waiting for ten minutes.
        shell(
            archive,
            "import datetime; from django.utils import timezone; "
            "from archive.models import Article, IndexQueue; a = Article.objects.first(); "
            "Article.objects.filter(pk=a.pk).update(title='Quixotic heading'); "
            "IndexQueue.objects.create(article_id=a.pk); "
            "IndexQueue.objects.update(queued_at=timezone.now() - datetime.timedelta(minutes=10))",
        )
        health = requests.get(f"{server.url}/healthz", timeout=30)
        assert health.status_code == 503 and "waited" in health.json()["problems"][0]
        assert hits(server, "Quixotic") == 0
        worker = ImportWorker(archive)
        try:
            deadline = time.monotonic() + WITHIN
            while time.monotonic() < deadline and hits(server, "Quixotic") == 0:
                time.sleep(1)
            assert hits(server, "Quixotic") == 1
            health = requests.get(f"{server.url}/healthz", timeout=30)
            assert health.status_code == 200, health.json()
            report = health.json()
            assert report["queued_for_index"] == 0 and report["last_index_write"]["ok"]
            assert report["task_worker"]["seconds_since_heartbeat"] < 60
        finally:
            worker.stop()
