"""Shared fixtures: one test database per session holding the real seeds and FA-KES corpus.

The calendar, gazetteer and all 809 seed records are imported once per session (about 5 s),
into the test database and a Whoosh index in a temporary folder. Tests that import or edit
on their own use `scratch_index`, so the shared index keeps matching the shared data.
"""

import io
import os
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright runs an event loop

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FAKES_CSV = SEEDS / "fa-kes" / "fakes.csv"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
SESSION = {}

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session", autouse=True)
def collected_static():
    """Static files as production serves them: hashed names, compressed copies (pages name
    them through the manifest, so a page cannot render without it)."""
    call_command("collectstatic", interactive=False, verbosity=0)


@pytest.fixture(scope="session")
def django_db_setup(django_test_environment, django_db_blocker, tmp_path_factory):
    """Test databases for every run, even one selecting only tests without a django_db mark
    (pytest-django's own fixture would then leave the real database in place)."""
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    from archive.ingest import pipeline

    settings.ARCHIVE_INDEX_DIR = tmp_path_factory.mktemp("index")
    settings.ARCHIVE_INDEX_IN_BACKGROUND = False  # edits are searchable when a call returns
    with django_db_blocker.unblock():
        config = setup_databases(verbosity=0, interactive=False, aliases={"default"})
        name = str(connection.settings_dict["NAME"])
        assert "test" in name, f"refusing to load test data into {name}"
        call_command("load_reference", stdout=io.StringIO())
        SESSION["report"] = pipeline.run([SEEDS])
    yield
    with django_db_blocker.unblock():
        _end_other_sessions(connection)
        teardown_databases(config, verbosity=0)


def _end_other_sessions(connection):
    """On PostgreSQL, sessions a test left open on the test database (a thread's, a child
    process's) would stop it being dropped: say which, and end them."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid, application_name, state, left(query, 200) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        for pid, application, state, query in cursor.fetchall():
            print(
                f"\nA session was left open on the test database: {pid} {application!r} "
                f"{state}: {query}",
                file=sys.stderr,
            )
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    connection.close()


@pytest.fixture
def session_report(django_db_setup):
    """The ImportReport of the session's import of seeds/ (5 seeds + FA-KES)."""
    return SESSION["report"]


@pytest.fixture
def scratch_index(settings, tmp_path):
    """A private, empty index for tests that write to the index."""
    settings.ARCHIVE_INDEX_DIR = tmp_path / "index"
    return settings.ARCHIVE_INDEX_DIR


@pytest.fixture
def seed_article(db):
    """The Article imported from a seed file, by its number: seed_article(0)."""
    from archive.models import Article

    def find(number):
        path = SEED_FILES[number]
        return Article.objects.get(source_file__endswith=path.name)

    return find


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def live_url(django_db_setup, collected_static):
    """A threaded server for the browser tests, reading the session's database and index."""
    from django.test.testcases import LiveServerThread

    # Static files as production serves them: WhiteNoise, from the collected, hashed files.
    thread = LiveServerThread("127.0.0.1", lambda application: application, port=0)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    yield f"http://127.0.0.1:{thread.port}"
    thread.terminate()
