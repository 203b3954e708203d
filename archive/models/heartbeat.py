from django.db import DatabaseError, models
from django.utils import timezone

TASK_WORKER = "task-worker"  # beats every few seconds while `import_worker` runs
INDEX_WRITE = "index-write"  # the last write of the index queue: its result


class Heartbeat(models.Model):
    """The last sign of life of a long-lived part, for /healthz: the task worker beats every
    few seconds; every index write records whether it succeeded."""

    name = models.CharField(max_length=40, unique=True)  # "task-worker", "index-write"
    at = models.DateTimeField()
    ok = models.BooleanField(default=True)
    message = models.TextField(blank=True)

    def __str__(self):
        return f"{self.name} at {self.at:%Y-%m-%d %H:%M:%S} ({'ok' if self.ok else 'failed'})"

    @classmethod
    def beat(cls, name: str, ok: bool = True, message: str = "") -> None:
        """Record a sign of life; never raises (a health record must not break the work)."""
        try:
            cls.objects.update_or_create(
                name=name, defaults={"at": timezone.now(), "ok": ok, "message": message[:2000]}
            )
        except DatabaseError:
            pass

    @classmethod
    def last(cls, name: str):
        return cls.objects.filter(name=name).first()
