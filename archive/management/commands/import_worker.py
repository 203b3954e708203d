"""The worker for imports curators start from the admin: django-tasks-db's `db_worker` on
the imports queue, which first marks the runs a killed worker left "running" as interrupted
(`archive/ingest/runs.py`)."""

from django_tasks_db.management.commands import db_worker

from archive.ingest import jobs, runs


class Command(db_worker.Command):
    help = (
        "Run the imports queued from the admin (db_worker on the imports queue), after marking "
        "imports whose process ended as interrupted."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(queue_name=jobs.QUEUE)

    def handle(self, *args, **options):
        for run in runs.mark_interrupted():
            self.stderr.write(f"{run}: its process ended; marked interrupted ({run.added} added).")
        super().handle(*args, **options)
