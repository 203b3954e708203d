"""CSV: one article per row. FA-KES columns by default; any other layout through a mapping
(`--columns title=headline,text=content,date=pubdate,source=outlet,url=link,id=guid`).

The file is streamed (memory stays flat on 100k rows); bytes that are not UTF-8 survive as
surrogates until each cell is decoded on its own, so one bad byte costs one cell a fallback,
not the row.
"""

import csv
import io

from django.conf import settings

from archive.ingest.decoding import decode
from archive.ingest.records import Problem, RawItem, too_large

FA_KES_COLUMNS = {
    "title": "article_title",
    "text": "article_content",
    "source": "source",
    "date": "date",
    "url": "url",
    "id": "unit_id",
    "author": "author",
}
REQUIRED = ("title", "text")


def parse_mapping(spec: str) -> dict:
    """ "title=headline,text=content" → {"title": "headline", "text": "content"}."""
    mapping = {}
    for part in filter(None, (p.strip() for p in spec.split(","))):
        key, _, column = part.partition("=")
        if key not in FA_KES_COLUMNS or not column:
            raise ValueError(
                f"bad column mapping {part!r}: use field=column with field one of "
                + ", ".join(FA_KES_COLUMNS)
            )
        mapping[key] = column.strip().lower()
    return mapping


def _cell(value: str) -> tuple[bytes, str, int]:
    raw = value.encode("utf-8", "surrogateescape")
    text, bad = decode(raw)
    return raw, text, bad


def read(path, columns=None):
    mapping = {**FA_KES_COLUMNS, **(columns or {})}
    csv.field_size_limit(settings.ARCHIVE_MAX_RECORD_BYTES)
    with open(path, "rb") as binary:
        stream = io.TextIOWrapper(
            binary, encoding="utf-8-sig", errors="surrogateescape", newline=""
        )
        reader = csv.reader(stream)
        try:
            header = [name.strip().lower() for name in next(reader)]
        except (StopIteration, csv.Error):
            yield Problem(str(path), "empty or unreadable CSV file")
            return
        index = {key: header.index(col) for key, col in mapping.items() if col in header}
        missing = [mapping[key] for key in REQUIRED if key not in index]
        if missing:
            yield Problem(
                str(path),
                f"not an articles CSV: no column {', '.join(missing)} (see --columns)",
            )
            return
        yield from _rows(path, reader, header, index)


def _rows(path, reader, header, index):
    row_number = 0
    while True:
        row_number += 1
        where = f"{path}:{row_number}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            if "field limit" in str(error):
                yield too_large(where)
            else:
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
        raw, text, bad = _cell(row[index["text"]])
        _, title, bad_title = _cell(row[index["title"]])
        if not text.strip():
            yield Problem(where, "empty article text")
            continue

        def cell(key, row=row):
            return _cell(row[index[key]])[1].strip() if key in index else ""

        yield RawItem(
            source_file=str(path),
            raw_bytes=raw,
            title=" ".join(title.split()),  # none: the importer titles it by its first sentence
            text=text,
            row=row_number,
            source=cell("source"),
            url=cell("url"),
            date_string=cell("date"),
            external_id=cell("id"),
            author=cell("author"),
            decoding_errors=bad + bad_title,
        )
