"""gunicorn's settings for `make run` and production (`gunicorn -c gunicorn.conf.py archive.wsgi`).

Workers are long-lived processes: each keeps its index snapshot and posting cache warm, and
drains the index queue in a thread after its responses (archive/search/writes.py)."""

import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
timeout = 60  # an export of 100k articles streams; nothing else takes seconds
graceful_timeout = 30
# Recycle a worker now and then (memory), never all at once: each worker's limit is drawn
# between 2,000 and 3,000 requests, so at 50 requests a second three workers restart minutes
# apart, each warmed before it serves (archive/warmup.py).
max_requests = 2000
max_requests_jitter = 1000
limit_request_line = 0  # long search URLs (many filters) are legitimate; Django limits queries
accesslog = "-"
errorlog = "-"
