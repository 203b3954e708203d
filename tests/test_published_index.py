"""Read-only web nodes serve an index the writer node publishes: a new generation reaches a
running reader without a restart, and a reader never writes the index."""

import copy
import time

import requests

from tests.live import ROOT, Gunicorn, migrated_archive

NEW = "Negotiators reconvene\n\nNegotiators reconvened in Astana, the zebrafinch delegation said.\n"


def hits(server, words):
    page = requests.get(f"{server.url}/search/?q={words}").text
    return "Negotiators reconvene" in page


def test_a_reader_node_picks_up_each_published_generation(tmp_path):
    writer = migrated_archive(tmp_path / "node")
    published = tmp_path / "published"
    writer.env["ARCHIVE_INDEX_PUBLISH_DIR"] = str(published)
    reader = copy.copy(writer)  # the same database, its own index folder
    reader.env = {
        **writer.env,
        "ARCHIVE_INDEX_DIR": str(published / "current"),
        "ARCHIVE_INDEX_READ_ONLY": "1",
    }
    del reader.env["ARCHIVE_INDEX_PUBLISH_DIR"]
    try:
        writer.manage("import_articles", str(ROOT / "seeds" / "multilingual"))
        writer.manage("publish_index", str(published))
        server = Gunicorn(reader, workers=2)
        try:
            assert requests.get(f"{server.url}/search/?q=*").status_code == 200
            (tmp_path / "new.txt").write_text(NEW)
            writer.manage("import_articles", str(tmp_path / "new.txt"))  # publishes as it commits
            deadline = time.monotonic() + 20
            while not hits(server, "zebrafinch") and time.monotonic() < deadline:
                time.sleep(0.2)
            assert hits(server, "zebrafinch"), "the reader never saw the new generation"
            generations = list((published / "generations").iterdir())
            assert 1 <= len(generations) <= 3
        finally:
            server.stop()
    finally:
        writer.drop()


def test_a_reader_node_never_writes_the_index(tmp_path):
    reader = migrated_archive(tmp_path / "node", reference=False)
    reader.env.update(ARCHIVE_INDEX_READ_ONLY="1")
    result = reader.manage(
        "shell", "-c", "from archive.search import writes; print('wrote', writes.drain())"
    )
    assert result.stdout.strip().splitlines()[-1] == "wrote 0"
    reader.drop()
