"""Backups that restore: the database as Django fixtures (portable between SQLite and
PostgreSQL), in one gzip file with a manifest; the search index is rebuilt from the database
on restore, so a backup is consistent without stopping the index's writer.

Django's dumpdata writes and its deserializer reads; this module adds the snapshot that
makes the dump consistent without holding writers (SQLite's online backup API copies the
database in one read, which never blocks a writer under WAL; PostgreSQL reads one snapshot),
the manifest (counts and a checksum), and a restore that changes nothing unless all of the
backup loaded (one transaction, the index signals off, one rebuild after).
"""

import contextlib
import datetime
import gzip
import hashlib
import io
import json
import shutil
import sqlite3
import tarfile
import tempfile
import zlib
from pathlib import Path

from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction

from archive.ingest import clusters
from archive.search import writes

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
FORMAT = 2  # 1: data.json, one JSON array; 2: data.jsonl, one object a line (streamed)


class BackupError(Exception):
    pass


SNAPSHOT = "backup-snapshot"


@contextlib.contextmanager
def _snapshot():
    """The database alias to dump from: on SQLite a copy taken by the online backup API in
    one step (a read, which under WAL never blocks a writer); on PostgreSQL the database
    itself, read in one REPEATABLE READ transaction."""
    if connection.vendor != "sqlite":
        with transaction.atomic():
            with connection.cursor() as cursor:  # one snapshot for every table read
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            yield DEFAULT_DB_ALIAS
        return
    folder = Path(tempfile.mkdtemp(prefix="archive-backup-"))
    copy = folder / "snapshot.sqlite3"
    source = sqlite3.connect(connection.settings_dict["NAME"], timeout=20)
    target = sqlite3.connect(copy)
    try:
        source.backup(target)  # every page at once: one consistent read
    finally:
        target.close()
        source.close()
    connections.databases[SNAPSHOT] = {
        **connection.settings_dict,
        "NAME": str(copy),
        "OPTIONS": {"timeout": 20},
    }
    try:
        yield SNAPSHOT
    finally:
        connections[SNAPSHOT].close()
        del connections.databases[SNAPSHOT]
        shutil.rmtree(folder, ignore_errors=True)


DATA = {1: "data.json", 2: "data.jsonl"}  # format → the fixtures' file in the backup
CHUNK = 1 << 20


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as data:
        while chunk := data.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def write(path: Path) -> dict:
    """Dump every table from one snapshot into `path` (a .tar.gz of the fixtures, one object
    a line, and a manifest); returns the manifest. Writers go on meanwhile; the dump goes
    through a file, so memory stays flat whatever the archive's size."""
    from archive.models import Article, Event, Quote

    folder = Path(tempfile.mkdtemp(prefix="archive-backup-"))
    data = folder / DATA[FORMAT]
    try:
        with _snapshot() as alias:
            call_command(
                "dumpdata",
                natural_foreign=True,
                natural_primary=True,
                exclude=EXCLUDED + _without_tables(),
                format="jsonl",
                database=alias,
                output=str(data),
                verbosity=0,
            )
            counts = {
                "articles": Article.objects.using(alias).count(),
                "rounds": Event.objects.using(alias).count(),
                "quotes": Quote.objects.using(alias).count(),
            }
        manifest = {
            "format": FORMAT,
            "written": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "database": connection.vendor,
            "counts": counts,
            "sha256": _sha256(data),
        }
        listing = json.dumps(manifest, indent=2).encode()
        with tarfile.open(path, "w:gz") as tar:
            info = tarfile.TarInfo("manifest.json")
            info.size = len(listing)
            tar.addfile(info, io.BytesIO(listing))
            tar.add(data, arcname=data.name)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return manifest


def read(path: Path, folder: Path) -> tuple[dict, Path]:
    """The manifest of a backup and its fixtures, copied into `folder` and checked against
    the manifest's checksum (a chunk at a time)."""
    try:
        with tarfile.open(path, "r:gz") as tar:
            manifest = json.loads(tar.extractfile("manifest.json").read())
            name = DATA.get(manifest.get("format"))
            if name is None:
                raise BackupError(f"{path} was written in backup format {manifest.get('format')}.")
            data = folder / name
            with tar.extractfile(name) as packed, open(data, "wb") as out:
                shutil.copyfileobj(packed, out, CHUNK)
    except (EOFError, zlib.error) as error:  # cut short: a copy that did not finish
        raise BackupError(f"{path} is truncated ({error}): copy the whole file again.") from error
    except (OSError, KeyError, tarfile.TarError, gzip.BadGzipFile, ValueError) as error:
        raise BackupError(f"{path} is not a backup of this archive ({error}).") from error
    if _sha256(data) != manifest["sha256"]:
        raise BackupError(f"{path} is damaged: its data does not match its checksum.")
    return manifest, data


LOAD_BATCH = 2000  # objects of one model inserted at once


def _load(fixture: Path) -> None:
    """The fixtures' objects inserted a batch at a time, as stored.

    Written by hand (in place of `loaddata`) because loaddata saves one object at a time, an
    UPDATE tried before each INSERT: 150k objects of 10k articles took 80 s. Here Django's
    own deserializer reads them, and runs of one model are inserted with `bulk_create` (a
    model whose rows carry no primary key, or with parents, saved one by one as loaddata
    would); timestamps are kept as stored, not set to now; constraints are checked and
    sequences reset at the end, as loaddata does."""
    from django.core import serializers
    from django.core.management.color import no_style

    loaded, batch = set(), []
    with open(fixture, encoding="utf-8") as stream, connection.constraint_checks_disabled():
        with _stored_timestamps():
            for found in serializers.deserialize("jsonl", stream):
                if batch and (
                    type(found.object) is not type(batch[0].object) or len(batch) >= LOAD_BATCH
                ):
                    _insert(batch)
                    batch = []
                batch.append(found)
                loaded.add(type(found.object))
            _insert(batch)
    connection.check_constraints(table_names=[model._meta.db_table for model in loaded])
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), list(loaded)):
            cursor.execute(statement)


def _insert(batch) -> None:
    if not batch:
        return
    model = type(batch[0].object)
    if model._meta.parents or any(found.object.pk is None for found in batch):
        for found in batch:
            found.save()
        return
    model._base_manager.bulk_create([found.object for found in batch])
    for name in {name for found in batch for name in (found.m2m_data or {})}:
        field = model._meta.get_field(name)
        through = field.remote_field.through
        source, target = field.m2m_field_name() + "_id", field.m2m_reverse_field_name() + "_id"
        rows = [
            through(**{source: found.object.pk, target: value})
            for found in batch
            for value in (found.m2m_data or {}).get(name, ())
        ]
        through._base_manager.bulk_create(rows, batch_size=LOAD_BATCH)


def _without_tables() -> list[str]:
    """Models Django does not manage have no table to dump (django-rq's admin dashboard, any
    app's like it): dumpdata would fail on them."""
    from django.apps import apps

    return [model._meta.label for model in apps.get_models() if not model._meta.managed]


@contextlib.contextmanager
def _stored_timestamps():
    """auto_now and auto_now_add fields keep the backup's values while it loads (bulk_create
    would set them to now)."""
    from django.apps import apps

    changed = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                changed.append((field, field.auto_now, field.auto_now_add))
                field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in changed:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def restore(path: Path, replace: bool = False) -> dict:
    """Load a backup into a migrated database; returns its manifest. Everything happens in
    one transaction: a backup that does not load whole (a bad row, counts that differ)
    changes nothing. The database must hold no article unless `replace` (a fresh `make
    run`'s seeds, say): then what it holds makes way for the backup."""
    from archive.models import Article, Event, Quote

    folder = Path(tempfile.mkdtemp(prefix="archive-restore-"))
    try:
        manifest, fixture = read(path, folder)
        if Article.objects.exists() and not replace:
            raise BackupError(
                "The database already holds articles: restore into an empty one, or pass "
                "--replace to replace them with the backup."
            )
        with transaction.atomic(), writes.suspended():
            # The backup holds the calendar, the gazetteer and the curators too: what
            # load_reference or createsuperuser put in the instance makes way for it.
            call_command("flush", interactive=False, verbosity=0)
            _load(fixture)
            signed = Article.objects.exclude(minhash=b"").only("pk", "sha256", "cluster", "minhash")
            clusters.store_for_lookup(signed.iterator(chunk_size=2000))
            found = {
                "articles": Article.objects.count(),
                "rounds": Event.objects.count(),
                "quotes": Quote.objects.count(),
            }
            if found != manifest["counts"]:
                raise BackupError(
                    f"Restored {found}, but the backup holds {manifest['counts']}: nothing changed."
                )
    except BackupError:
        raise
    except Exception as error:  # a row that does not load: the transaction is rolled back
        first = str(error).strip().splitlines()[0][:300] if str(error).strip() else repr(error)
        raise BackupError(f"{path} did not load ({first}); nothing changed.") from error
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return manifest
