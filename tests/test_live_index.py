"""A server that runs while curators edit and an import arrives stays right.

A real gunicorn with three long-lived workers serves a scratch archive; clients search it
throughout; a curator logged in over HTTP changes a date, merges actors, splits an alias and
accepts a proposal, while `import_articles` runs from the command line. After each change,
every answer (whichever worker gives it) agrees with the database within a bounded wait,
and no response is a server error.
"""

import fcntl
import signal
import threading
import time

import pytest
import requests

from tests.conftest import SEEDS
from tests.live import CURATOR, CURATOR_PASSWORD, Curator, migrated_archive, served_archive

pytestmark = pytest.mark.live
WAIT = 20  # seconds a change may take to reach every worker
READER_QUERIES = [
    "/api/search/?q=Geneva",
    "/search/?q=Geneva",
    "/api/search/?q=actor:jaafari",
    "/api/search/?q=process:geneva",
    "/api/search/?q=round:geneva-3-3",
    "/search/?q=Aleppo&sort=newest",
]
NEW_ARTICLES = {
    "live-1.txt": "Envoy opens a new week of Geneva talks\n\nThe UN envoy said in Geneva on "
    "Monday that the delegations would meet again. Staffan de Mistura said the agenda was set.",
    "live-2.txt": "Astana meeting ends with a statement on detainees\n\nRussia, Turkey and Iran "
    "agreed in Astana on a working group, Alexander Lavrentiev told reporters.",
    "live-3.txt": "Constitutional Committee drafting body adjourns\n\nGeir Pedersen said in "
    "Geneva that the small body of the Constitutional Committee would reconvene.",
}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    with served_archive(tmp_path_factory.mktemp("live"), SEEDS) as (archive, server):
        yield archive, server


class Readers:
    """Clients searching all the time, noting every server error."""

    def __init__(self, base, clients=4):
        self.base, self.errors, self.answered = base, [], 0
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self._run, args=(i,)) for i in range(clients)]
        for thread in self.threads:
            thread.start()

    def _run(self, offset):
        http = requests.Session()
        n = offset
        while not self.stop.is_set():
            path = READER_QUERIES[n % len(READER_QUERIES)]
            n += 1
            response = http.get(self.base + path, timeout=60)
            self.answered += 1
            if response.status_code >= 500:
                self.errors.append((path, response.status_code, response.text[:300]))

    def finish(self):
        self.stop.set()
        for thread in self.threads:
            thread.join()


def api_total(base, query):
    response = requests.get(base + "/api/search/", params={"q": query}, timeout=60)
    assert response.status_code == 200, response.text
    return response.json()


def agrees(base, query, truth, tries=12):
    """`tries` answers in a row (spread over the workers) give the database's truth."""
    deadline = time.monotonic() + WAIT
    while True:
        totals = [api_total(base, query)["total"] for _ in range(tries)]
        if all(total == truth() for total in totals):
            return True
        if time.monotonic() > deadline:
            pytest.fail(f"{query}: workers answered {totals}, the database says {truth()}")
        time.sleep(0.3)


def mentions_of(archive, slug):
    return lambda: archive.scalar(
        "SELECT COUNT(DISTINCT m.article_id) FROM archive_mention m "
        "JOIN archive_actor a ON a.id = m.actor_id WHERE a.slug = ?",
        slug,
    )


def test_edits_and_an_import_reach_every_worker_without_errors(served, tmp_path):
    archive, server = served
    base = server.url
    articles = lambda: archive.scalar("SELECT COUNT(*) FROM archive_article")  # noqa: E731
    # While the import runs, the articles it saved wait in its queue until its end.
    indexed_by_now = lambda: archive.scalar(  # noqa: E731
        "SELECT COUNT(*) FROM archive_article WHERE id NOT IN "
        "(SELECT article_id FROM archive_indexqueue WHERE bulk)"
    )
    for name, text in NEW_ARTICLES.items():
        (tmp_path / name).write_text(text)
    readers = Readers(base)
    importing = archive.manage_in_background("import_articles", str(tmp_path))
    try:
        curator = Curator(base, CURATOR, CURATOR_PASSWORD)
        # A curator's date: the article is listed once, under its new date.
        first = "SELECT {} FROM archive_article WHERE title LIKE ? ORDER BY id LIMIT 1"
        article_id = archive.scalar(first.format("id"), "Syria%")
        title = archive.scalar(first.format("title"), "Syria%")
        curator.edit(f"/admin/archive/article/{article_id}/change/", published="2016-03-14")
        phrase = '"' + " ".join(title.replace('"', " ").split()[:6]) + '"'
        query = f"{phrase} date:[2016-03-14 TO 2016-03-14]"
        agrees(base, query, lambda: 1)
        hits = api_total(base, phrase)["hits"]
        keys = [hit["id"] for hit in hits]
        assert len(keys) == len(set(keys)), f"an article listed twice: {keys}"

        # A merge moves mentions; every worker counts them as the database does.
        sohr, rahman = (
            archive.scalar("SELECT id FROM archive_actor WHERE slug = ?", slug)
            for slug in ("sohr", "rami-abdel-rahman")
        )
        curator.action("/admin/archive/actor/", "merge", [sohr, rahman], keep=str(sohr))
        assert archive.scalar("SELECT COUNT(*) FROM archive_actor WHERE id = ?", rahman) == 0
        agrees(base, "actor:sohr", mentions_of(archive, "sohr"))
        agrees(base, "*", indexed_by_now)

        # A split: the alias becomes an actor with its own articles.
        alias = archive.scalar("SELECT id FROM archive_alias WHERE name = 'Mekdad'")
        curator.action("/admin/archive/alias/", "split", [alias])
        agrees(base, "actor:mekdad", mentions_of(archive, "mekdad"))
        agrees(base, "actor:faisal-miqdad", mentions_of(archive, "faisal-miqdad"))

        # An accepted proposal links the articles its name was seen in.
        proposal = archive.scalar(
            "SELECT id FROM archive_actorproposal WHERE name = 'Dmitry Peskov'"
        )
        curator.action("/admin/archive/actorproposal/", "accept_as_actors", [proposal])
        assert mentions_of(archive, "dmitry-peskov")() > 0
        agrees(base, "actor:dmitry-peskov", mentions_of(archive, "dmitry-peskov"))

        # The import that ran meanwhile is searchable everywhere, once.
        output, _ = importing.communicate(timeout=300)
        assert importing.returncode == 0, output
        assert "3 added" in output
        agrees(base, "*", articles)
        agrees(base, '"small body of the Constitutional Committee"', lambda: 1)
    finally:
        readers.finish()
        if importing.poll() is None:
            importing.kill()
    assert readers.answered > 20
    assert readers.errors == [], readers.errors[:3]
    check = archive.manage("rebuild_index", "--check", check=False)
    assert check.returncode == 0, check.stdout + check.stderr


def test_an_import_killed_while_indexing_is_repaired_by_the_next_start(tmp_path_factory):
    """SIGKILL while the import holds the index's write lock: the index stays readable,
    the check names what is missing, and `--check --repair` (run by `make run`) mends it."""
    archive = migrated_archive(tmp_path_factory.mktemp("crash"))
    try:
        archive.manage("rebuild_index")
        importing = archive.manage_in_background("import_articles", str(SEEDS))
        lock = archive.folder / "var" / "index" / "MAIN_WRITELOCK"
        assert wait_until_locked(lock, importing), "the import never started indexing"
        importing.send_signal(signal.SIGKILL)
        importing.wait()
        saved = archive.scalar("SELECT COUNT(*) FROM archive_article")
        assert saved > 0

        check = archive.manage("rebuild_index", "--check", check=False)
        assert check.returncode == 1
        assert "missing from the index" in check.stdout and "queued" in check.stdout

        repair = archive.manage("rebuild_index", "--check", "--repair", check=False)
        assert repair.returncode == 0, repair.stdout + repair.stderr
        assert "Index and database agree." in repair.stdout
        assert (
            f"{saved} articles in the database, {saved} in the index."
            in archive.manage("rebuild_index", "--check").stdout
        )
    finally:
        archive.drop()


def wait_until_locked(lock, process, timeout=120):
    """True once `process` holds Whoosh's write lock (an flock on `lock`)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if lock.exists():
            with open(lock, "a") as handle:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    fcntl.flock(handle, fcntl.LOCK_UN)
                except BlockingIOError:
                    time.sleep(0.5)  # well into the writing
                    return True
        time.sleep(0.05)
    return False


def test_a_curators_edit_over_http_keeps_the_text_as_it_was(served):
    """The change form is read as the server encodes it: a curled apostrophe or an accent
    posted back is the same letter, not its mojibake."""
    archive, server = served
    article_id = archive.scalar("SELECT id FROM archive_article WHERE body LIKE ? LIMIT 1", "%’%")
    body = lambda: archive.scalar("SELECT body FROM archive_article WHERE id = ?", article_id)  # noqa: E731
    before = body()
    curator = Curator(server.url, CURATOR, CURATOR_PASSWORD)
    curator.edit(f"/admin/archive/article/{article_id}/change/", published="2016-03-15")
    assert "’" in before and body() == before
