"""JSON Lines: one article per line.

Fields: `title` and `text` (or `body`) are required; `date` (ISO 8601 or any form dateparser
reads), `source`, `url`, `id` and `author` are optional. The SHA-256 is that of the line's bytes.
"""

import json

from django.conf import settings

from archive.ingest.decoding import decode
from archive.ingest.records import Problem, RawItem, too_large


def read(path):
    with open(path, "rb") as lines:
        for number, raw in enumerate(lines, start=1):
            where = f"{path}:{number}"
            raw = raw.rstrip(b"\r\n")
            if not raw.strip():
                continue
            if len(raw) > settings.ARCHIVE_MAX_RECORD_BYTES:
                yield too_large(where, len(raw))
                continue
            line, bad = decode(raw)
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                yield Problem(where, f"not valid JSON ({error.msg} at column {error.colno})")
                continue
            if not isinstance(record, dict):
                yield Problem(where, "a line must hold one JSON object")
                continue
            text = record.get("text") or record.get("body") or ""
            title = record.get("title") or ""
            if not isinstance(text, str) or not text.strip():
                yield Problem(where, "no article text (field 'text' or 'body')")
                continue
            yield RawItem(
                source_file=str(path),
                raw_bytes=raw,
                title=" ".join(str(title).split()),  # none: titled by its first sentence
                text=text,
                row=number,
                source=str(record.get("source") or ""),
                url=str(record.get("url") or ""),
                date_string=str(record.get("date") or ""),
                external_id=str(record.get("id") or ""),
                author=str(record.get("author") or ""),
                decoding_errors=bad,
            )
