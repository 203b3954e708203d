"""Readers turn files into RawItems; `read_paths` picks the reader by what it finds.

- a `.txt` file is one article: its first non-furniture line is the headline;
- a `.csv` file with FA-KES columns (article_title, article_content, source, date) is one
  article per row;
- a folder is walked for both.

A reader never raises for bad data: it yields a Problem for the record and goes on.
"""

import csv
import io
import sys
from pathlib import Path

from archive.ingest.cleaning import split_title
from archive.ingest.decoding import decode
from archive.ingest.publishers import publisher_name
from archive.ingest.records import Problem, RawItem

CSV_REQUIRED = ("article_title", "article_content")
csv.field_size_limit(sys.maxsize)


def read_text_file(path: Path):
    raw = path.read_bytes()
    text, bad = decode(raw)
    title, site, _ = split_title(text)
    if not title:
        yield Problem(str(path), "empty file: no headline or text")
        return
    yield RawItem(
        source_file=str(path),
        raw_bytes=raw,
        title=title,
        text=text,
        source=site,
        decoding_errors=bad,
    )


def _field(value: str) -> tuple[bytes, str, int]:
    """A CSV cell as (bytes as received, decoded text, bytes needing the fallback)."""
    raw = value.encode("utf-8", "surrogateescape")
    text, bad = decode(raw)
    return raw, text, bad


def read_csv_file(path: Path):
    # Undecodable bytes survive as surrogates until each cell is decoded on its own.
    content = path.read_bytes().decode("utf-8", "surrogateescape").lstrip("\ufeff")
    reader = csv.reader(io.StringIO(content, newline=""))
    try:
        header = [name.strip().lower() for name in next(reader)]
    except (StopIteration, csv.Error):
        yield Problem(str(path), "empty or unreadable CSV file")
        return
    missing = [name for name in CSV_REQUIRED if name not in header]
    if missing:
        yield Problem(str(path), f"not an articles CSV: no column {', '.join(missing)}")
        return
    column = {name: i for i, name in enumerate(header)}
    row_number = 0
    while True:
        row_number += 1
        where = f"{path}:{row_number}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield Problem(where, f"unreadable CSV row (line {reader.line_num}): {error}")
            continue
        if not any(cell.strip() for cell in row):
            row_number -= 1  # blank lines are not rows
            continue
        if len(row) != len(header):
            yield Problem(
                where,
                f"row has {len(row)} fields, the header has {len(header)} (line {reader.line_num})",
            )
            continue
        raw, text, bad = _field(row[column["article_content"]])
        _, title, bad_title = _field(row[column["article_title"]])
        if not text.strip():
            yield Problem(where, "empty article_content")
            continue

        def cell(name, row=row):
            return _field(row[column[name]])[1].strip() if name in column else ""

        yield RawItem(
            source_file=str(path),
            raw_bytes=raw,
            title=" ".join(title.split()) or text.strip()[:120],
            text=text,
            row=row_number,
            source=publisher_name(cell("source")),
            url=cell("url"),
            date_string=cell("date"),
            external_id=cell("unit_id"),
            decoding_errors=bad + bad_title,
        )


READERS = {".txt": read_text_file, ".csv": read_csv_file}


def read_paths(paths):
    """Yield RawItems and Problems from files and folders, in a stable order."""
    for path in map(Path, paths):
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.suffix.lower() in READERS)
            if not files:
                yield Problem(str(path), "no .txt or .csv files in this folder")
            for file in files:
                yield from READERS[file.suffix.lower()](file)
        elif path.is_file():
            reader = READERS.get(path.suffix.lower())
            if reader is None:
                yield Problem(str(path), "unsupported format (expected .txt or .csv)")
            else:
                yield from reader(path)
        else:
            yield Problem(str(path), "no such file or folder")
