"""/healthz: whether this server can answer: the database, and the index it searches."""

from django.db import DatabaseError, connection
from django.http import JsonResponse

from archive import search
from archive.models import IndexQueue


def healthz(request):
    """200 with the figures when the database answers and the index is current; 503 else.
    For load balancers and monitoring: cheap (one query, no search)."""
    report = {"database": "ok", "index": "ok"}
    status = 200
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        report["queued_for_index"] = IndexQueue.objects.count()
    except DatabaseError as error:
        report["database"] = f"unavailable: {error}"
        status = 503
    state = search.index_state()
    if not search.is_current() or state is None:
        report["index"] = "missing or of an old schema: run rebuild_index"
        status = 503
    else:
        report["index_generation"] = state[0]
    return JsonResponse(report, status=status)
