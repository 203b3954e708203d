"""Settings for the archive.

Everything that differs between a laptop and production comes from the environment:
DATABASE_URL (SQLite under var/ by default), ARCHIVE_INDEX_DIR (the Whoosh index),
DJANGO_SECRET_KEY, DJANGO_DEBUG, DJANGO_ALLOWED_HOSTS, and ARCHIVE_HTTPS=1 behind a TLS proxy
(secure cookies, HSTS, redirects to https, the proxy's X-Forwarded-Proto trusted).
"""

import datetime
import os
import secrets
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("ARCHIVE_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key():
    """Use the environment's key, else one generated once and kept under var/."""
    if os.environ.get("DJANGO_SECRET_KEY"):
        return os.environ["DJANGO_SECRET_KEY"]
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "simple_history",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "django_rq",
    "axes",
    "archive.apps.ArchiveConfig",
]

# Admin logins throttled by django-axes: after AXES_FAILURE_LIMIT wrong passwords an account,
# and an address, are locked out for AXES_COOLOFF_TIME; every attempt is logged, and an
# admin lifts a lockout in the admin (Axes › Access attempts) or with `axes_reset_username`.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("ARCHIVE_LOGIN_FAILURES", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("ARCHIVE_LOCKOUT_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True  # every failed attempt kept, with its address and time
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"

MIDDLEWARE = [
    "archive.views.health.HealthProbeHost",  # a load balancer probes /healthz by IP address
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "archive.routers.ReadersFromReplica",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "archive.actors.moved.FormerSlugRedirects",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",  # last: it answers a locked-out login
]

# Behind a TLS-terminating proxy in production (`manage.py check --deploy` is clean with
# ARCHIVE_HTTPS=1, DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS set; a test runs it).
HTTPS = os.environ.get("ARCHIVE_HTTPS", "") == "1"
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the proxy's own checks come over plain HTTP
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("ARCHIVE_HSTS_SECONDS", 60 * 60 * 24 * 365))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp): every script and style is a vendored file of ours.
# Scripts have no exception at all; styles allow inline attributes only because the Django
# admin's templates set a few (`style="display: none"`); the archive's own pages have none.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

ROOT_URLCONF = "archive.urls"
WSGI_APPLICATION = "archive.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'archive.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A file-backed test database lets the browser tests' server thread see the imported data.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-archive.sqlite3")}
    # Write-ahead logging: readers never wait for an import's or a curator's write.
    # IMMEDIATE: a transaction takes the write lock when it starts, so two writers queue
    # for it instead of failing with "database is locked" when one upgrades its lock.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL;",
        "transaction_mode": "IMMEDIATE",
    }

# Scaling out reads: a streaming replica of the PostgreSQL primary takes the readers' queries
# (archive/routers.py); curators, imports and the index writer stay on the primary.
if os.environ.get("ARCHIVE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(os.environ["ARCHIVE_REPLICA_URL"], conn_max_age=60)
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["archive.routers.PrimaryReplicaRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
# The interface is English only: no translation machinery on every date and plural (5% of
# a large page's rendering went to looking up the active language).
USE_I18N = False
USE_TZ = True

# Files curators upload to import (never served: the import reads them), and the folders on
# the server the admin's import form may read (colon-separated).
MEDIA_ROOT = VAR_DIR / "media"
ARCHIVE_IMPORT_DIRS = [
    Path(folder)
    for folder in os.environ.get(
        "ARCHIVE_IMPORT_DIRS", f"{VAR_DIR / 'imports'}:{BASE_DIR / 'seeds'}"
    ).split(":")
    if folder
]

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Static files are vendored in static/, collected (`make run`, `make test`, the test suite's
# setup) into STATIC_ROOT with hashed names and gzip/brotli copies, and served by WhiteNoise
# with far-future cache headers. One folder for every process of the checkout, whatever
# ARCHIVE_VAR_DIR a scratch archive uses.
STATIC_ROOT = Path(os.environ.get("ARCHIVE_STATIC_ROOT", BASE_DIR / "var" / "static"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = DEBUG  # while developing, edits show without collecting again
WHITENOISE_AUTOREFRESH = DEBUG

# Background jobs (imports curators start from the admin) through Django's tasks API: the
# django-tasks backport with its database backend, run by `manage.py import_worker` (`make run`
# starts one). A deployment may point "default" at another backend (RQ, Celery,
# procrastinate: see the README) without touching the code that enqueues.
TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["imports"]},
    # An import's per-article work fanned out over task workers on other cores or machines
    # (archive/ingest/fanout.py, docs/deploy.md): RQ on the Redis ARCHIVE_REDIS_URL names,
    # workers started with `manage.py enrich_worker`. Unset, an import uses this machine's
    # cores and never connects to Redis.
    "enrichment": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["enrich"]},
}
ARCHIVE_REDIS_URL = os.environ.get("ARCHIVE_REDIS_URL", "")
# "default" too: the backend looks jobs up through django-rq's default connection.
RQ_QUEUES = {
    queue: {"URL": ARCHIVE_REDIS_URL or "redis://127.0.0.1:6379/0"}
    for queue in ("default", "enrich")
}
RQ_SHOW_ADMIN_LINK = bool(ARCHIVE_REDIS_URL)  # the queue's dashboard, where there is a queue
# A chunk no worker has finished this long after the import began waiting for it is enriched
# by the importing process itself (its worker died or is stuck).
ARCHIVE_ENRICH_JOB_SECONDS = float(os.environ.get("ARCHIVE_ENRICH_JOB_SECONDS", "60"))
# Records per job: ~0.3 s of work at 100, against a few milliseconds of Redis traffic.
ARCHIVE_ENRICH_CHUNK = int(os.environ.get("ARCHIVE_ENRICH_CHUNK", "100"))

# The Whoosh index: one directory, one writer at a time, any number of reading processes.
ARCHIVE_INDEX_DIR = Path(os.environ.get("ARCHIVE_INDEX_DIR", VAR_DIR / "index"))
# Web processes write queued changes to the index in a background thread (wsgi.py turns it
# on); commands and tests write them before they go on (archive.search.writes).
ARCHIVE_INDEX_IN_BACKGROUND = os.environ.get("ARCHIVE_INDEX_IN_BACKGROUND", "") == "1"
# Read-only web nodes open an index the writer node publishes (archive/search/publish.py):
# the writer sets ARCHIVE_INDEX_PUBLISH_DIR and publishes after every commit; readers set
# ARCHIVE_INDEX_DIR to its `current` link and ARCHIVE_INDEX_READ_ONLY=1.
ARCHIVE_INDEX_READ_ONLY = os.environ.get("ARCHIVE_INDEX_READ_ONLY", "") == "1"
ARCHIVE_INDEX_PUBLISH_DIR = os.environ.get("ARCHIVE_INDEX_PUBLISH_DIR", "")
# Whoosh parses long words in quadratic time; longer queries are refused with a 400.
ARCHIVE_MAX_QUERY_LENGTH = 500
# The most one record (a text file, a page, a JSON line, a CSV cell, a WARC response) may
# hold: a larger one is refused with a message and the rest of its file imported. Read no
# further than this, so a compressed bomb costs no memory.
ARCHIVE_MAX_RECORD_BYTES = int(os.environ.get("ARCHIVE_MAX_RECORD_BYTES", str(1024 * 1024)))
# /healthz answers 503 past these (archive/views/health.py).
ARCHIVE_HEALTH_QUEUE_SECONDS = int(os.environ.get("ARCHIVE_HEALTH_QUEUE_SECONDS", "300"))
ARCHIVE_HEALTH_WORKER_SECONDS = int(os.environ.get("ARCHIVE_HEALTH_WORKER_SECONDS", "60"))
# A search's time budget: past it, prefix, wildcard and fuzzy terms stop expanding and the
# page says the search was cut short (archive/search/engine.py).
ARCHIVE_SEARCH_SECONDS = float(os.environ.get("ARCHIVE_SEARCH_SECONDS", "1.0"))
ARCHIVE_PAGE_SIZE = 20

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
