"""Backups that restore: the database as Django fixtures (portable between SQLite and
PostgreSQL), in one gzip file with a manifest; the search index is rebuilt from the database
on restore, so a backup is consistent without stopping the index's writer.

Django's dumpdata and loaddata do the reading and writing; this module adds the one read
transaction that makes the dump consistent, the manifest (counts and a checksum) and the
checks on restore.
"""

import datetime
import gzip
import hashlib
import io
import json
import tarfile
from pathlib import Path

from django.core.management import call_command
from django.db import connection, transaction

from archive.ingest import clusters

# Derived or per-installation rows: recreated by migrate, not restored.
# Derived tables are left out: the copy lookup's rows are refilled from the articles on restore.
EXCLUDED = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "admin.logentry",
    "archive.CopyBand",
    "archive.CopySignature",
]
FORMAT = 1


class BackupError(Exception):
    pass


def write(path: Path) -> dict:
    """Dump every table in one read transaction into `path` (a .tar.gz of the fixtures and a
    manifest); returns the manifest."""
    from archive.models import Article, Event, Quote

    out = io.StringIO()
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:  # one snapshot for every table read
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        call_command(
            "dumpdata",
            natural_foreign=True,
            natural_primary=True,
            exclude=EXCLUDED,
            format="json",
            stdout=out,
        )
        counts = {
            "articles": Article.objects.count(),
            "rounds": Event.objects.count(),
            "quotes": Quote.objects.count(),
        }
    data = out.getvalue().encode()
    manifest = {
        "format": FORMAT,
        "written": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "database": connection.vendor,
        "counts": counts,
        "sha256": hashlib.sha256(data).hexdigest(),
    }
    files = (("manifest.json", json.dumps(manifest, indent=2).encode()), ("data.json", data))
    with tarfile.open(path, "w:gz") as tar:
        for name, content in files:
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
    return manifest


def read(path: Path) -> tuple[dict, bytes]:
    """The manifest and the fixtures of a backup, checked against each other."""
    try:
        with tarfile.open(path, "r:gz") as tar:
            manifest = json.loads(tar.extractfile("manifest.json").read())
            data = tar.extractfile("data.json").read()
    except (OSError, KeyError, tarfile.TarError, gzip.BadGzipFile, ValueError) as error:
        raise BackupError(f"{path} is not a backup of this archive ({error}).") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{path} was written in backup format {manifest.get('format')}.")
    if hashlib.sha256(data).hexdigest() != manifest["sha256"]:
        raise BackupError(f"{path} is damaged: its data does not match its checksum.")
    return manifest, data


def restore(path: Path) -> dict:
    """Load a backup into an empty, migrated database; returns its manifest."""
    from archive.models import Article, Event, Quote

    manifest, data = read(path)
    if Article.objects.exists():
        raise BackupError("The database already holds articles: restore into an empty one.")
    fixture = Path(path).with_suffix(".restoring.json")
    fixture.write_bytes(data)
    try:
        # The backup holds the calendar, the gazetteer and the curators too: what
        # load_reference or createsuperuser put in the empty instance makes way for it.
        call_command("flush", interactive=False, verbosity=0)
        with transaction.atomic():
            call_command("loaddata", str(fixture), verbosity=0)
            signed = Article.objects.exclude(minhash=b"").only("pk", "sha256", "cluster", "minhash")
            clusters.store_for_lookup(signed.iterator(chunk_size=2000))
    finally:
        fixture.unlink(missing_ok=True)
    found = {
        "articles": Article.objects.count(),
        "rounds": Event.objects.count(),
        "quotes": Quote.objects.count(),
    }
    if found != manifest["counts"]:
        raise BackupError(f"Restored {found}, but the backup holds {manifest['counts']}.")
    return manifest
