"""Which process runs an import, and what becomes of a run whose process is gone.

A run records its machine and process id when it starts. An import killed midway (the
worker stopped with SIGKILL, the machine restarted) cannot mark its own row, so the next
start of the task worker, of `make run` (its `import_articles`) or of any other import marks
every run left "running" by a process of this machine that no longer exists as interrupted,
with the counts it had reached. What it had saved is kept: re-running the same file adds the
rest (articles already held count as duplicates), and the import lock, an flock the kernel
releases with its last holder, is free again (the pool's children die with their parent:
`archive/forked.py`).
"""

import os
import socket

from django.db.models import Q
from django.utils import timezone

from archive.models import ImportRun


def this_host() -> str:
    return socket.gethostname()[:255]


def claim(record: ImportRun) -> None:
    """Record that this process runs `record` (saved by the caller)."""
    record.host = this_host()
    record.pid = os.getpid()


def is_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def mark_interrupted() -> list[ImportRun]:
    """Mark this machine's runs whose process is gone as interrupted; return them."""
    stale = [
        run
        for run in ImportRun.objects.filter(status=ImportRun.Status.RUNNING).filter(
            Q(host=this_host()) | Q(host="")
        )
        if run.pid != os.getpid() and (run.pid is None or not is_alive(run.pid))
    ]
    for run in stale:
        run.status = ImportRun.Status.INTERRUPTED
        run.finished_at = timezone.now()
        run.save(update_fields=["status", "finished_at"])
        _fail_task(run)
    return stale


def _fail_task(run: ImportRun) -> None:
    """The background job of an interrupted run is no longer running either."""
    if not run.task_id:
        return
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(id=run.task_id, status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.FAILED, finished_at=timezone.now()
    )
