"""A scratch archive served by a real gunicorn, for tests of a server that keeps running
while curators edit and imports arrive. Everything goes through the project's own commands,
in processes of their own, against a database and an index of the scratch archive's own
(SQLite in a file, or a database of its own on the suite's PostgreSQL server)."""

import atexit
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse, urlunparse

import redis
import requests
from lxml import html

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))


class ScratchArchive:
    """A var/ folder, a database and an index, made and filled with manage.py commands.
    `template`: an archive whose database this one starts as a copy of (`migrated_archive`)."""

    def __init__(self, folder: Path, template: "ScratchArchive | None" = None):
        self.folder = folder
        self.env = {
            **os.environ,
            "ARCHIVE_VAR_DIR": str(folder / "var"),
            "ARCHIVE_INDEX_DIR": str(folder / "var" / "index"),
            "DJANGO_SETTINGS_MODULE": "archive.settings",
        }
        self.env.pop("ARCHIVE_INDEX_IN_BACKGROUND", None)
        self.pg_url = None
        suite_url = os.environ.get("DATABASE_URL", "")
        if suite_url.startswith("postgres"):
            parts = urlparse(suite_url)
            self.pg_name = f"archive_live_{uuid.uuid4().hex[:8]}"
            self.pg_admin = suite_url
            copied = f" TEMPLATE {template.pg_name}" if template else ""
            self._pg(f"CREATE DATABASE {self.pg_name}{copied}")
            self.pg_url = urlunparse(parts._replace(path=f"/{self.pg_name}"))
            self.env["DATABASE_URL"] = self.pg_url
        else:
            self.env.pop("DATABASE_URL", None)
            if template:
                (folder / "var").mkdir(parents=True, exist_ok=True)
                shutil.copyfile(template.database_file, self.database_file)

    @property
    def database_file(self) -> Path:
        return self.folder / "var" / "archive.sqlite3"

    def arm(self, faults):
        """Every process started from now on carries these faults (tests/faults: each is
        armed only while its flag file exists, and may be scoped to one kind of process)."""
        import json

        self.env["PYTHONPATH"] = str(ROOT / "tests" / "faults")
        self.env["ARCHIVE_FAULTS"] = json.dumps(faults)

    def _pg(self, statement, url=None):
        import psycopg

        with psycopg.connect(url or self.pg_admin, autocommit=True) as conn:
            return conn.execute(statement).fetchall() if url else conn.execute(statement)

    def manage(self, *args, check=True, **kwargs):
        return subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=check,
            capture_output=True,
            text=True,
            **kwargs,
        )

    def manage_in_background(self, *args):
        return subprocess.Popen(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )

    def scalar(self, sql, *params):
        """One value from the scratch archive's database, read directly (the truth)."""
        return self.rows(sql, *params)[0][0]

    def rows(self, sql, *params) -> list[tuple]:
        """Every row a query gives on the scratch archive's database, read directly."""
        if self.pg_url:
            import psycopg

            with psycopg.connect(self.pg_url) as conn:
                return conn.execute(sql.replace("?", "%s"), params).fetchall()
        with sqlite3.connect(self.database_file) as conn:
            return conn.execute(sql, params).fetchall()

    def drop(self):
        if self.pg_url:
            self._pg(f"DROP DATABASE IF EXISTS {self.pg_name} WITH (FORCE)")


_TEMPLATES: dict[bool, ScratchArchive] = {}


def migrated_archive(folder: Path, reference=True) -> ScratchArchive:
    """A scratch archive as `migrate` (and, with `reference`, `load_reference`) leave it: its
    database copied from one made so once per test process, which saves every scratch archive
    two commands (~6 s, ~40 archives a pass). `make run` from nothing is tested on its own
    (`test_make_data.py`)."""
    template = _TEMPLATES.get(reference)
    if template is None:
        template = ScratchArchive(Path(tempfile.mkdtemp(prefix="archive-template-")))
        template.manage("migrate", "--noinput", "-v", "0")
        if reference:
            template.manage("load_reference")
        _TEMPLATES[reference] = template
        atexit.register(_drop_template, template)
    return ScratchArchive(folder, template=template)


def _drop_template(template: ScratchArchive):
    template.drop()
    shutil.rmtree(template.folder, ignore_errors=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# How long a server may take to answer its first page on a loaded machine (a second suite, a
# benchmark running beside this one): generous, since waiting costs nothing when it is quick.
READY_WITHIN = 180


class Process:
    """A long-lived process of the archive's own (gunicorn, the import worker) in a process
    group of its own, stopped with everything it started on every path."""

    def __init__(self, archive: ScratchArchive, args, log_name):
        self.log = open(archive.folder / log_name, "w")  # noqa: SIM115
        self.process = subprocess.Popen(
            args,
            cwd=ROOT,
            env=archive.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    @property
    def pid(self) -> int:
        return self.process.pid

    def read_log(self) -> str:
        self.log.flush()
        return Path(self.log.name).read_text()

    def stop(self, grace=30):
        """SIGTERM to the whole group, SIGKILL to whatever is left after `grace` seconds."""
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=grace)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            pass
        try:
            os.killpg(self.process.pid, signal.SIGKILL)  # children that outlived the leader
        except ProcessLookupError:
            pass
        self.process.wait()
        self.log.close()


class Gunicorn(Process):
    """`archive.wsgi` served by gunicorn with several long-lived workers on a loopback port."""

    def __init__(self, archive: ScratchArchive, workers=3, options=()):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        command = [GUNICORN, "archive.wsgi", "--bind", f"127.0.0.1:{self.port}"]
        command += ["--workers", str(workers), "--timeout", "120", "--no-control-socket"]
        command += list(options)
        super().__init__(archive, command, "gunicorn.log")
        try:
            self.wait_until_ready()
        except BaseException:
            self.stop()
            raise

    def wait_until_ready(self):
        """The home page answers 200; any error until then (refused, reset, a read timeout
        while the workers boot) is waited out up to READY_WITHIN seconds."""
        deadline = time.monotonic() + READY_WITHIN
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited: {self.read_log()}")
            try:
                if requests.get(self.url + "/", timeout=30).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"gunicorn did not answer within {READY_WITHIN} s: {self.read_log()}")


class ImportWorker(Process):
    """The worker `make run` starts beside gunicorn (`manage.py import_worker`)."""

    def __init__(self, archive: ScratchArchive, options=()):
        command = [PYTHON, "manage.py", "import_worker", "--no-startup-delay", "--interval", "0.2"]
        super().__init__(archive, [*command, *options], "worker.log")


class Redis(Process):
    """A throw-away Redis (Debian's redis-server) on a loopback port, keeping nothing on disk;
    the archive's processes started after it reach it through ARCHIVE_REDIS_URL."""

    def __init__(self, archive: ScratchArchive):
        self.port = free_port()
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
        command += ["--save", "", "--appendonly", "no", "--dir", str(archive.folder)]
        super().__init__(archive, command, "redis.log")
        self.url = f"redis://127.0.0.1:{self.port}/0"
        archive.env["ARCHIVE_REDIS_URL"] = self.url
        self.client = redis.Redis.from_url(self.url)
        deadline = time.monotonic() + READY_WITHIN
        while True:
            try:
                self.client.ping()
                return
            except redis.ConnectionError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"redis-server did not start: {self.read_log()}") from None
                time.sleep(0.2)


class EnrichWorker(Process):
    """A task worker of the import's fan-out (`manage.py enrich_worker`), registered with
    Redis before the constructor returns."""

    def __init__(self, archive: ScratchArchive, redis_server: Redis, name: str):
        command = [PYTHON, "manage.py", "enrich_worker", "--name", name]
        super().__init__(archive, command, f"{name}.log")
        deadline = time.monotonic() + READY_WITHIN
        while not redis_server.client.exists(f"rq:worker:{name}"):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"worker {name} did not start: {self.read_log()}")
            time.sleep(0.2)


class Curator:
    """A curator in the admin over HTTP: logs in and posts forms with their CSRF token."""

    def __init__(self, base_url, username, password):
        self.base = base_url
        self.http = requests.Session()
        self.post_form("/admin/login/?next=/admin/", {"username": username, "password": password})
        assert "sessionid" in self.http.cookies, "the curator could not log in"

    def _token(self, path):
        page = self.http.get(self.base + path, timeout=30)
        page.raise_for_status()
        # Decoded as the response says (UTF-8): lxml reads bytes without a <meta charset> as
        # Latin-1, and every form posted back doubled each non-ASCII letter's mojibake.
        return html.fromstring(page.text)

    def post_form(self, path, values, form_path=None):
        """Fill the form found at `form_path` (default: `path`) and post it to `path`."""
        document = self._token(form_path or path)
        token = document.xpath("//input[@name='csrfmiddlewaretoken']/@value")[0]
        response = self.http.post(
            self.base + path,
            data={"csrfmiddlewaretoken": token, **values},
            headers={"Referer": self.base + (form_path or path)},
            timeout=60,
        )
        assert response.status_code < 400, f"{path}: {response.status_code}"
        return response

    def edit(self, change_path, **changes):
        """Change some fields of an admin change form, keeping every other value as it is."""
        document = self._token(change_path)
        form = next(f for f in document.forms if f.xpath(".//input[@name='_save']"))
        values = dict(form.form_values())
        for name in form.inputs.keys():
            field = form.inputs[name]
            if getattr(field, "multiple", False):
                values[name] = list(field.value)
        values.update(changes)
        values["_save"] = "Save"
        return self.post_form(change_path, values)

    def upload(self, path: Path) -> requests.Response:
        """Start an import of a file from the admin's "Add import run" form."""
        add = "/admin/archive/importrun/add/"
        token = self._token(add).xpath("//input[@name='csrfmiddlewaretoken']/@value")[0]
        with open(path, "rb") as file:
            response = self.http.post(
                self.base + add,
                data={"csrfmiddlewaretoken": token, "paths": "", "_save": "Save"},
                files={"upload": (path.name, file)},
                headers={"Referer": self.base + add},
                timeout=300,
            )
        assert response.status_code < 400, f"upload: {response.status_code}"
        return response

    def action(self, list_path, action, selected, **extra):
        return self.post_form(
            list_path,
            {"action": action, "_selected_action": [str(pk) for pk in selected], **extra},
        )


CURATOR, CURATOR_PASSWORD = "curator", "curator-pass-1"


@contextmanager
def served_archive(folder: Path, articles=None, workers=3, faults=None):
    """A scratch archive with the reference data, `articles` imported and a curator account,
    served by gunicorn: (archive, server) until the block ends, then all of it gone.
    `faults`: what every process started carries (`ScratchArchive.arm`)."""
    archive = migrated_archive(folder)
    if faults:
        archive.arm(faults)
    try:
        if articles:
            archive.manage("import_articles", str(articles))
        archive.env.update(DJANGO_SUPERUSER_PASSWORD=CURATOR_PASSWORD)
        archive.manage(
            "createsuperuser", "--noinput", "--username", CURATOR, "--email", "c@example.org"
        )
        server = Gunicorn(archive, workers=workers)
        try:
            yield archive, server
        finally:
            server.stop()
    finally:
        archive.drop()
