"""Plain text: one article per file, headline first."""

from archive.ingest.cleaning import split_title
from archive.ingest.decoding import decode
from archive.ingest.records import Problem, RawItem


def read(path):
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
