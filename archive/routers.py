"""Reads from a PostgreSQL replica, when one is configured (ARCHIVE_REPLICA_URL).

Only what readers ask for goes to the replica: a GET or HEAD outside the admin, from someone
with no session (curators carry one). Everything else reads and writes the primary: curator
sessions, forms, imports, commands, and the thread that writes the search index (which must
read what was just written, not what has reached the replica yet).
"""

import contextvars

from django.conf import settings

REPLICA = "replica"
_reading = contextvars.ContextVar("archive_reads_from_replica", default=False)


class PrimaryReplicaRouter:
    """Django's database router: the replica for readers' requests, the primary otherwise."""

    def db_for_read(self, model, **hints):
        return REPLICA if _reading.get() else "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # one database, replicated

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"  # the replica follows the primary's schema


class ReadersFromReplica:
    """Middleware marking the requests the router may send to the replica."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin = "/admin/"

    def __call__(self, request):
        reader = (
            REPLICA in settings.DATABASES
            and request.method in ("GET", "HEAD")
            and not request.path.startswith(self.admin)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        )
        token = _reading.set(reader)
        try:
            return self.get_response(request)
        finally:
            _reading.reset(token)
