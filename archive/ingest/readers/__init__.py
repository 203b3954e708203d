"""Readers turn files into RawItems; `read_paths` picks the reader by what it finds.

| file | reader | articles |
|---|---|---|
| `.txt` | text | one; the first non-furniture line is the headline |
| `.csv` | tabular | one per row; FA-KES columns, or others through a column mapping |
| `.jsonl` | jsonl | one per line: {"title", "text", "date", "source", "url", "id", "author"} |
| `.html`, `.htm` | html | one; main text, title, author, date, canonical URL by trafilatura |
| `.warc`, `.warc.gz` | warc | one per HTML response record |

A reader never raises for bad data: it yields a Problem for the record and goes on.
"""

from pathlib import Path

from django.conf import settings

from archive.ingest.readers import html, jsonl, tabular, text, warc
from archive.ingest.records import Problem, too_large

READERS = {
    ".txt": text.read,
    ".csv": tabular.read,
    ".jsonl": jsonl.read,
    ".html": html.read,
    ".htm": html.read,
    ".warc": warc.read,
    ".warc.gz": warc.read,
}


def reader_for(path: Path):
    name = path.name.lower()
    for suffix in sorted(READERS, key=len, reverse=True):
        if name.endswith(suffix):
            return READERS[suffix]
    return None


def raw_is_text(source_file: str) -> bool:
    """Whether an article's stored bytes are its text itself (a text file, a CSV cell),
    rather than a page, a JSON line or a WARC record the text was extracted from."""
    return reader_for(Path(source_file)) in (text.read, tabular.read)


def read_paths(paths, columns=None):
    """Yield RawItems and Problems from files and folders, in a stable order."""
    for path in map(Path, paths):
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and reader_for(p))
            if not files:
                yield Problem(str(path), "no file of a known format in this folder")
            for file in files:
                yield from _read(file, columns)
        elif path.is_file():
            yield from _read(path, columns)
        else:
            yield Problem(str(path), "no such file or folder")


def _read(path, columns):
    reader = reader_for(path)
    if reader is None:
        known = ", ".join(sorted(READERS))
        yield Problem(str(path), f"unsupported format (known: {known})")
        return
    try:
        if reader in (text.read, html.read):  # one article a file: read whole
            size = path.stat().st_size
            if size > settings.ARCHIVE_MAX_RECORD_BYTES:
                yield too_large(str(path), size)
                return
        if reader is tabular.read:
            yield from reader(path, columns)
        else:
            yield from reader(path)
    except OSError as error:
        yield Problem(str(path), f"cannot read the file ({error.strerror or error})")
