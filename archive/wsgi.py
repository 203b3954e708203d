"""WSGI entry point, served by gunicorn (`make run`)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
# A request never waits for the index's write lock: queued edits are written by a thread.
os.environ.setdefault("ARCHIVE_INDEX_IN_BACKGROUND", "1")
application = get_wsgi_application()
