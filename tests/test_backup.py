"""A backup written by one instance restores into an empty one: same articles, quotes, rounds
and curators' edits, an index rebuilt that agrees with the database, fixity intact."""

import pytest

from tests.live import ROOT, ScratchArchive


@pytest.fixture
def filled(tmp_path):
    archive = ScratchArchive(tmp_path / "source")
    archive.manage("migrate", "--noinput", "-v", "0")
    archive.manage("load_reference")
    archive.manage("import_articles", str(ROOT / "seeds" / "multilingual"))
    yield archive
    archive.drop()


@pytest.fixture
def empty(tmp_path):
    archive = ScratchArchive(tmp_path / "target")
    archive.manage("migrate", "--noinput", "-v", "0")
    archive.manage("load_reference")  # what `make run` leaves before any import
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
