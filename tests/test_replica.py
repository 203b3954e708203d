"""Reads scale out to a PostgreSQL streaming replica: readers' pages come from it, curators and
writes stay on the primary. A real primary, a real hot standby (tests/postgres.sh replica), a
real gunicorn; replay on the standby is paused to tell the two apart."""

import os
import subprocess
import time
from urllib.parse import urlparse, urlunparse

import psycopg
import requests

from tests.live import CURATOR, CURATOR_PASSWORD, ROOT, Curator, Gunicorn, ScratchArchive
from tests.passes import checked_in

pytestmark = checked_in("postgresql", "a streaming replica of PostgreSQL")
ARTICLE = "Guarantors meet again\n\nThe guarantors met in Astana on Monday, envoys said.\n"


def start_replica() -> int:
    """The suite's hot standby, started if it is not running: its port."""
    script = ["bash", "tests/postgres.sh", "replica"]
    done = subprocess.run(script, cwd=ROOT, check=True, capture_output=True, text=True)
    return int(done.stdout.split()[-1])


def replica_url(primary_url, port):
    parts = urlparse(primary_url)
    return urlunparse(parts._replace(netloc=f"{parts.username}@{parts.hostname}:{port}"))


def wait_for(check, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.2)
    return False


def test_readers_read_the_replica_and_curators_the_primary(tmp_path):
    primary = os.environ["DATABASE_URL"]
    port = start_replica()
    archive = ScratchArchive(tmp_path / "archive")
    standby = replica_url(archive.pg_url, port)
    archive.env["ARCHIVE_REPLICA_URL"] = standby
    try:
        archive.manage("migrate", "--noinput", "-v", "0")
        archive.manage("load_reference")
        archive.env.update(DJANGO_SUPERUSER_PASSWORD=CURATOR_PASSWORD)
        archive.manage("createsuperuser", "--noinput", "--username", CURATOR, "--email", "c@x.org")
        (tmp_path / "one.txt").write_text(ARTICLE)
        archive.manage("import_articles", str(tmp_path / "one.txt"))
        key = archive.scalar("SELECT substr(sha256, 1, 12) FROM archive_article")

        def on_standby():
            try:
                with psycopg.connect(standby) as conn:
                    return conn.execute("SELECT COUNT(*) FROM archive_article").fetchone()[0] == 1
            except psycopg.Error:
                return False

        assert wait_for(on_standby), "the standby never caught up"
        server = Gunicorn(archive, workers=2)
        try:
            page = f"{server.url}/articles/{key}/"
            assert requests.get(page).status_code == 200
            with psycopg.connect(replica_url(primary, port), autocommit=True) as admin:
                admin.execute("SELECT pg_wal_replay_pause()")
                try:
                    (tmp_path / "two.txt").write_text(ARTICLE.replace("Monday", "Friday"))
                    archive.manage("import_articles", str(tmp_path / "two.txt"))
                    newest = "SELECT substr(sha256, 1, 12) FROM archive_article ORDER BY id DESC"
                    second = archive.scalar(newest)
                    fresh = f"{server.url}/articles/{second}/"
                    # A reader is served from the standby, which has not replayed it yet ...
                    assert requests.get(fresh).status_code == 404
                    # ... a curator (a session) from the primary, which has.
                    curator = Curator(server.url, CURATOR, CURATOR_PASSWORD)
                    assert curator.http.get(fresh).status_code == 200
                finally:
                    admin.execute("SELECT pg_wal_replay_resume()")
            assert wait_for(lambda: requests.get(fresh).status_code == 200)
        finally:
            server.stop()
    finally:
        archive.drop()
