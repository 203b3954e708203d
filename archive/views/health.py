"""/healthz: whether this server can answer, and whether what it answers is complete.

For load balancers and monitoring: cheap (a few small queries, no search). 503 when the
database does not answer, the index is missing, the last index write failed while articles
wait for it, an article has waited for the index longer than ARCHIVE_HEALTH_QUEUE_SECONDS, or
imports wait for a task worker silent longer than ARCHIVE_HEALTH_WORKER_SECONDS.
"""

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.models import Count, Min
from django.http import JsonResponse
from django.utils import timezone

from archive import search
from archive.models import Heartbeat, IndexQueue
from archive.models.heartbeat import INDEX_WRITE, TASK_WORKER


def _age(moment) -> float | None:
    return round((timezone.now() - moment).total_seconds(), 1) if moment else None


def _queue(report) -> list[str]:
    queue = IndexQueue.objects.aggregate(oldest=Min("queued_at"), count=Count("id"))
    report["queued_for_index"] = queue["count"]
    report["oldest_queued_seconds"] = oldest = _age(queue["oldest"])
    if oldest is not None and oldest > settings.ARCHIVE_HEALTH_QUEUE_SECONDS:
        limit = settings.ARCHIVE_HEALTH_QUEUE_SECONDS
        return [f"an article has waited {oldest:.0f} s for the index (limit {limit} s)"]
    return []


def _index_write(report) -> list[str]:
    last = Heartbeat.last(INDEX_WRITE)
    if last is None:
        report["last_index_write"] = None
        return []
    report["last_index_write"] = {
        "ok": last.ok,
        "seconds_ago": _age(last.at),
        "message": last.message,
    }
    if not last.ok and report["queued_for_index"]:
        return [f"the last index write failed: {last.message}"]
    return []


def _task_worker(report) -> list[str]:
    from django_tasks_db.models import DBTaskResult

    from archive.ingest import jobs

    last = Heartbeat.last(TASK_WORKER)
    silent = _age(last.at) if last else None
    waiting = DBTaskResult.objects.ready().filter(queue_name=jobs.QUEUE).count()
    report["task_worker"] = {"seconds_since_heartbeat": silent, "imports_waiting": waiting}
    limit = settings.ARCHIVE_HEALTH_WORKER_SECONDS
    if waiting and (silent is None or silent > limit):
        seen = "has never run" if silent is None else f"silent for {silent:.0f} s"
        return [f"{waiting} import(s) wait for the task worker, which {seen} (limit {limit} s)"]
    return []


def healthz(request):
    report = {"database": "ok", "index": "ok"}
    problems = []
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        problems += _queue(report)
        problems += _index_write(report)
        problems += _task_worker(report)
    except DatabaseError as error:
        report["database"] = f"unavailable: {error}"
        problems.append("the database does not answer")
    state = search.index_state()
    if not search.is_current() or state is None:
        report["index"] = "missing or of an old schema: run rebuild_index"
        problems.append(report["index"])
    else:
        report["index_generation"] = state[0]
    report["problems"] = problems
    return JsonResponse(report, status=503 if problems else 200)


class HealthProbeHost:
    """A load balancer probes /healthz by the server's IP address, which ALLOWED_HOSTS does
    not list: for that one path, the host is read as an allowed one (the answer holds no
    link, so the host it names does not matter)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/healthz" and settings.ALLOWED_HOSTS:
            allowed = next((h for h in settings.ALLOWED_HOSTS if h and "*" not in h), None)
            if allowed:
                request.META["HTTP_HOST"] = allowed.lstrip(".")
        return self.get_response(request)
