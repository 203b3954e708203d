"""Imports started from the admin run in the background: a real gunicorn serving the admin, a
real worker process running the queued job, the audit row showing what it did."""

import re
import subprocess
import time

import pytest
import requests
from lxml import html

from tests.live import CURATOR, CURATOR_PASSWORD, PYTHON, ROOT, served_archive

GOOD = (
    "Envoy opens talks in Geneva\n\nDelegations met on Monday in Geneva, Staffan de Mistura said.\n"
)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    with served_archive(tmp_path_factory.mktemp("jobs"), workers=2) as (archive, server):
        yield archive, server


def logged_in(base):
    http = requests.Session()
    page = http.get(base + "/admin/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)[1]
    http.post(
        base + "/admin/login/?next=/admin/",
        data={"csrfmiddlewaretoken": token, "username": CURATOR, "password": CURATOR_PASSWORD},
        headers={"Referer": base + "/admin/login/"},
    )
    return http


def start_import(http, base, files=None, path=""):
    add = base + "/admin/archive/importrun/add/"
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', http.get(add).text)[1]
    return http.post(
        add,
        data={"csrfmiddlewaretoken": token, "paths": path, "_save": "Save"},
        files=files or {},
        headers={"Referer": add},
    )


def work(archive):
    """The worker `make run` starts, here run until the queue is empty."""
    return archive.manage("import_worker", "--batch", "--no-startup-delay", "-v", "0")


def test_an_uploaded_file_is_imported_by_the_worker_and_audited(served):
    archive, server = served
    http = logged_in(server.url)
    lines = '{"title": "Talks resume", "text": "Delegates met in Astana on Tuesday."}\n'
    lines += "this line is not JSON\n"
    response = start_import(http, server.url, files={"upload": ("batch.jsonl", lines)})
    assert response.status_code == 200
    queued = "SELECT status FROM archive_importrun ORDER BY id DESC LIMIT 1"
    assert archive.scalar(queued) == "queued"
    listing = http.get(server.url + "/admin/archive/importrun/").text
    assert 'http-equiv="refresh"' in listing and "Queued" in listing
    work(archive)
    row = "SELECT status, added, failed, problems FROM archive_importrun ORDER BY id DESC LIMIT 1"
    status = archive.scalar(row.replace(", added, failed, problems", ""))
    assert status == "finished"
    assert archive.scalar(row.replace("status, added, failed, problems", "added")) == 1
    assert archive.scalar(row.replace("status, added, failed, problems", "failed")) == 1
    problems = archive.scalar(row.replace("status, added, failed, problems", "problems"))
    assert "batch" in problems and ":2:" in problems  # file:line: reason
    found = requests.get(server.url + "/search/?q=Astana+delegates").text
    assert "Talks resume" in found


def test_a_path_on_the_server_outside_the_allowed_folders_is_refused(served):
    archive, server = served
    http = logged_in(server.url)
    before = archive.scalar("SELECT COUNT(*) FROM archive_importrun")
    response = start_import(http, server.url, path="/etc")
    assert "Imports read only inside" in html.fromstring(response.content).text_content()
    assert archive.scalar("SELECT COUNT(*) FROM archive_importrun") == before


def test_a_file_in_a_format_the_archive_cannot_read_is_refused(served):
    _, server = served
    http = logged_in(server.url)
    response = start_import(http, server.url, files={"upload": ("notes.pdf", b"%PDF-1.4")})
    assert "is not a format the archive reads" in response.text


def test_a_second_import_waits_for_the_first(served, tmp_path):
    """Only one import writes at a time: a worker holding the lock keeps another waiting."""
    archive, _ = served
    holder = subprocess.Popen(
        [
            PYTHON,
            "-c",
            "import django; django.setup(); import time\n"
            "from archive.ingest.jobs import one_import_at_a_time\n"
            "with one_import_at_a_time():\n    print('held', flush=True); time.sleep(4)",
        ],
        env=archive.env,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert holder.stdout.readline().strip() == "held"
    http = logged_in(served[1].url)
    (tmp_path / "one.txt").write_text(GOOD)
    start_import(http, served[1].url, files={"upload": ("one.txt", GOOD)})
    began = time.monotonic()
    work(archive)
    waited = time.monotonic() - began
    holder.wait()
    assert waited > 2  # it ran only once the other import let go
    latest = "SELECT status FROM archive_importrun ORDER BY id DESC LIMIT 1"
    assert archive.scalar(latest) == "finished"
