"""Two reader nodes and a writer on loopback: a PostgreSQL primary and a streaming replica,
two gunicorn readers with index folders of their own (published by the writer), an import on
the writer; both readers show it within a bounded time, and no reader request fails."""

import copy
import threading
import time

import requests

from tests.live import ROOT, Gunicorn, ScratchArchive
from tests.passes import checked_in
from tests.test_replica import replica_url, start_replica, wait_for

pytestmark = checked_in("postgresql", "the replica of PostgreSQL")
CONVERGE_SECONDS = 30
NEW = "Envoys meet again\n\nThe envoys met in Astana, the kingfisher delegation said on Monday.\n"


class Traffic:
    """Readers' requests on every node all along, noting any that fails."""

    def __init__(self, urls):
        self.urls, self.errors, self.served = urls, [], 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run)
        self.thread.start()

    def _run(self):
        paths = ["/", "/search/?q=Astana", "/timeline/", "/articles/"]
        while not self.stop.is_set():
            for url in self.urls:
                for path in paths:
                    response = requests.get(url + path, timeout=30)
                    self.served += 1
                    if response.status_code != 200:
                        self.errors.append(f"{path}: {response.status_code}")

    def close(self):
        self.stop.set()
        self.thread.join()


def test_two_reader_nodes_converge_after_an_import_on_the_writer(tmp_path):
    port = start_replica()
    writer = ScratchArchive(tmp_path / "writer")
    folders = [tmp_path / "reader-a-index", tmp_path / "reader-b-index"]
    writer.env["ARCHIVE_INDEX_PUBLISH_DIR"] = ":".join(map(str, folders))
    readers = []
    for name, folder in zip("ab", folders, strict=True):
        node = copy.copy(writer)  # the writer's database (read through the replica)
        node.folder = tmp_path / f"reader-{name}"
        node.folder.mkdir()
        node.env = {
            **writer.env,
            "ARCHIVE_REPLICA_URL": replica_url(writer.pg_url, port),
            "ARCHIVE_INDEX_DIR": str(folder / "current"),
            "ARCHIVE_INDEX_READ_ONLY": "1",
        }
        del node.env["ARCHIVE_INDEX_PUBLISH_DIR"]
        readers.append(node)
    servers = []
    try:
        writer.manage("migrate", "--noinput", "-v", "0")
        writer.manage("load_reference")
        writer.manage("import_articles", str(ROOT / "seeds" / "multilingual"))
        for folder in folders:
            writer.manage("publish_index", str(folder))
        count = "SELECT COUNT(*) FROM archive_article"
        assert wait_for(lambda: _on_replica(writer, count, port) > 0)
        servers = [Gunicorn(node, workers=2) for node in readers]
        traffic = Traffic([server.url for server in servers])
        try:
            (tmp_path / "new.txt").write_text(NEW)
            began = time.monotonic()
            writer.manage("import_articles", str(tmp_path / "new.txt"))
            seen = {}
            deadline = began + CONVERGE_SECONDS
            while len(seen) < len(servers) and time.monotonic() < deadline:
                for server in servers:
                    page = requests.get(f"{server.url}/search/?q=kingfisher").text
                    if server.url not in seen and "Envoys meet again" in page:
                        seen[server.url] = time.monotonic() - began
                time.sleep(0.1)
        finally:
            traffic.close()
        print(f"converged in {sorted(seen.values())} s; {traffic.served} reader requests")
        assert len(seen) == len(servers), f"converged: {seen}"
        assert traffic.errors == [] and traffic.served > 0
    finally:
        for server in servers:
            server.stop()
        writer.drop()


def _on_replica(archive, sql, port):
    import psycopg

    try:
        with psycopg.connect(replica_url(archive.pg_url, port)) as conn:
            return conn.execute(sql).fetchone()[0]
    except psycopg.Error:
        return 0
