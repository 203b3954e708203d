"""A backup written by one instance restores into an empty one: same articles, quotes, rounds
and curators' edits, an index rebuilt that agrees with the database, fixity intact."""

import hashlib
import io
import json
import tarfile

import pytest

from tests.live import ROOT, migrated_archive


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    """One filled archive for the module: its tests back it up, none changes its articles
    but the first, which corrects a title the restore must carry."""
    archive = migrated_archive(tmp_path_factory.mktemp("source"))
    archive.manage("import_articles", str(ROOT / "seeds" / "multilingual"))
    yield archive
    archive.drop()


@pytest.fixture
def empty(tmp_path):
    archive = migrated_archive(tmp_path / "target")  # what `make run` leaves before any import
    yield archive
    archive.drop()


def counts(archive):
    return [
        archive.scalar(f"SELECT COUNT(*) FROM {table}")
        for table in ("archive_article", "archive_quote", "archive_event", "archive_actor")
    ]


def test_a_backup_restores_into_an_empty_instance(filled, empty, tmp_path):
    filled.manage(
        "shell",
        "-c",
        (
            "from archive.models import Article; a = Article.objects.first(); "
            "a.title = 'Corrected by a curator'; a.save()"
        ),
    )
    backup = tmp_path / "backup.tar.gz"
    written = filled.manage("backup_archive", str(backup))
    assert "Backup written" in written.stdout
    restored = empty.manage("restore_archive", str(backup))
    assert "Fixity:" in restored.stdout and "0 mismatched" in restored.stdout
    assert counts(empty) == counts(filled) and counts(empty)[0] > 0
    title = "SELECT COUNT(*) FROM archive_article WHERE title = 'Corrected by a curator'"
    assert empty.scalar(title) == 1
    # Timestamps as stored, not the time of the restore (fixtures keep milliseconds).
    stamps = "SELECT id, imported_at, sha256 FROM archive_article ORDER BY id"
    history = "SELECT id, history_date FROM archive_historicalarticle ORDER BY id"
    for query in (stamps, history):
        restored, source = (
            [tuple(str(value)[:23] for value in row) for row in archive.rows(query)]
            for archive in (empty, filled)
        )
        assert restored == source
    check = empty.manage("rebuild_index", "--check")
    assert check.returncode == 0
    found = empty.manage(
        "shell", "-c", "from archive import search; print(search.search('*').count())"
    )
    assert int(found.stdout.strip().splitlines()[-1]) == counts(empty)[0]


def test_a_damaged_backup_is_refused_and_changes_nothing(empty, tmp_path):
    damaged = tmp_path / "damaged.tar.gz"
    damaged.write_bytes(b"not a backup")
    before = counts(empty)
    result = empty.manage("restore_archive", str(damaged), check=False)
    assert result.returncode != 0
    assert "is not a backup of this archive" in result.stderr
    assert counts(empty) == before


def test_a_backup_is_not_restored_over_articles(filled, tmp_path):
    backup = tmp_path / "backup.tar.gz"
    filled.manage("backup_archive", str(backup))
    result = filled.manage("restore_archive", str(backup), check=False)
    assert result.returncode != 0 and "restore into an empty one" in result.stderr


def test_a_truncated_backup_is_refused_in_one_line(filled, empty, tmp_path):
    backup = tmp_path / "backup.tar.gz"
    filled.manage("backup_archive", str(backup))
    cut = tmp_path / "cut.tar.gz"
    cut.write_bytes(backup.read_bytes()[: backup.stat().st_size // 2])
    before = counts(empty)
    result = empty.manage("restore_archive", str(cut), check=False)
    assert result.returncode != 0 and "is truncated" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert counts(empty) == before


def with_an_unknown_actor(backup, folder):
    """A copy of `backup` whose checksum is valid but one of whose mentions names an actor
    that is not in the file: it reads, and fails to load when it reaches that row."""
    with tarfile.open(backup) as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())
        rows = [json.loads(line) for line in tar.extractfile("data.jsonl").read().splitlines()]
    mention = next(row for row in rows if row["model"] == "archive.mention")
    mention["fields"]["actor"] = ["no-such-actor"]
    data = "\n".join(json.dumps(row) for row in rows).encode() + b"\n"
    manifest["sha256"] = hashlib.sha256(data).hexdigest()
    bad = folder / "bad.tar.gz"
    with tarfile.open(bad, "w:gz") as tar:
        for name, content in (
            ("manifest.json", json.dumps(manifest).encode()),
            ("data.jsonl", data),
        ):
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
    return bad


def test_a_backup_that_does_not_load_changes_nothing(filled, empty, tmp_path):
    """A valid checksum over rows that will not load: the target keeps its users and
    reference data."""
    backup = tmp_path / "backup.tar.gz"
    filled.manage("backup_archive", str(backup))
    bad = with_an_unknown_actor(backup, tmp_path)
    before = counts(empty)
    result = empty.manage("restore_archive", "--replace", str(bad), check=False)
    assert result.returncode != 0 and "nothing changed" in result.stderr
    assert counts(empty) == before and before[3] > 0  # the gazetteer is still there


def test_a_backup_replaces_a_fresh_instances_seeds_with_replace(filled, tmp_path):
    target = migrated_archive(tmp_path / "fresh")
    try:
        target.manage("import_articles", str(ROOT / "seeds" / "000_bf1e45a5e938c112.txt"))
        backup = tmp_path / "backup.tar.gz"
        filled.manage("backup_archive", str(backup))
        target.manage("restore_archive", "--replace", str(backup))
        assert counts(target) == counts(filled)
    finally:
        target.drop()


def test_a_backup_on_sqlite_lets_writers_go_on(tmp_path):
    """The dump reads a copy taken in one step: writes during the backup do not wait for it
    (the dump of 800 articles takes seconds; a write waited all of it before)."""
    import sqlite3
    import threading
    import time

    archive = migrated_archive(tmp_path / "busy", reference=False)
    try:
        if archive.pg_url:
            pytest.skip("SQLite's online backup; PostgreSQL reads one snapshot without locks")
        archive.manage("import_articles", str(ROOT / "seeds" / "fa-kes"))
        database = archive.folder / "var" / "archive.sqlite3"
        waits, done = [], threading.Event()

        def write_meanwhile():
            connection = sqlite3.connect(database, timeout=60)
            while not done.is_set():
                started = time.monotonic()
                connection.execute("UPDATE archive_article SET title = title WHERE id = 1")
                connection.commit()
                waits.append(time.monotonic() - started)
                time.sleep(0.02)
            connection.close()

        writer = threading.Thread(target=write_meanwhile)
        writer.start()
        try:
            archive.manage("backup_archive", str(tmp_path / "backup.tar.gz"))
        finally:
            done.set()
            writer.join()
        assert len(waits) > 10 and max(waits) < 0.5
    finally:
        archive.drop()


def test_a_restored_archive_takes_new_articles_and_edits(filled, empty, tmp_path):
    """Primary key sequences continue after the restored rows (PostgreSQL's are reset)."""
    backup = tmp_path / "backup.tar.gz"
    filled.manage("backup_archive", str(backup))
    empty.manage("restore_archive", str(backup))
    new = tmp_path / "new.txt"
    new.write_text("Envoys meet again\n\nThe envoys met again on Tuesday to zqrestored terms.\n")
    added = empty.manage("import_articles", str(new))
    assert "Import: 1 added" in added.stdout
    empty.manage(
        "shell",
        "-c",
        "from archive.models import Actor; Actor.objects.create(name='Zq New', slug='zq-new')",
    )
    assert empty.scalar("SELECT COUNT(*) FROM archive_actor WHERE slug = 'zq-new'") == 1
