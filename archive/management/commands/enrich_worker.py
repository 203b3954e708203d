"""A task worker of the import's fan-out (archive/ingest/fanout.py): django-rq's `rqworker` on
the "enrich" queue, with the job class of django-tasks' RQ backend (which runs a Django task
and records its result) and RQ's SimpleWorker, which runs every job in this process: the
run's matchers, built once, serve its later chunks (RQ's default worker forks a child per job
and would build them again for each)."""

from django_rq.management.commands import rqworker

from archive.ingest import fanout


class Command(rqworker.Command):
    help = "Enrich the chunks of imports fanned out over task workers (RQ on ARCHIVE_REDIS_URL)."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(worker_class="rq.SimpleWorker", job_class="django_tasks_rq.backend.Job")

    def handle(self, *args, **options):
        return super().handle(*(args or (fanout.QUEUE,)), **options)
