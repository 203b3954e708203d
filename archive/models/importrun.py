from django.db import models


class ImportRun(models.Model):
    """One run of `import_articles`: what it read, what it added, what it refused, who ran it."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued (waits for the worker)"
        RUNNING = "running", "Running"
        FINISHED = "finished", "Finished"
        FAILED = "failed", "Failed"
        DRY_RUN = "dry-run", "Dry run (nothing saved)"
        INTERRUPTED = "interrupted", "Interrupted (its process ended; re-run the same file)"

    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.RUNNING)
    paths = models.TextField(help_text="The files and folders given, one per line.")
    user = models.CharField(max_length=150, help_text="Who ran it (the system user).")
    importer_version = models.CharField(max_length=20)
    added = models.PositiveIntegerField(default=0)
    duplicates = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    decoding_errors = models.PositiveIntegerField(default=0)
    skipped = models.JSONField(
        default=dict, blank=True, help_text="Records that are no articles, by reason."
    )
    problems = models.TextField(blank=True, help_text="One refused record per line.")
    read = models.PositiveIntegerField(default=0, help_text="Records read so far.")
    upload = models.FileField(
        upload_to="uploads/%Y/%m/", blank=True, help_text="A file a curator uploaded to import."
    )
    task_id = models.CharField(max_length=64, blank=True, help_text="The background job.")
    host = models.CharField(max_length=255, blank=True, help_text="The machine that ran it.")
    pid = models.PositiveIntegerField(null=True, blank=True, help_text="Its process there.")

    class Meta:
        ordering = ["-started_at"]

    def __str__(self):
        return f"Import of {self.started_at:%Y-%m-%d %H:%M} ({self.get_status_display()})"
