"""Plain text: one article per file, headline first."""

from archive.ingest.cleaning import split_title
from archive.ingest.decoding import decode
from archive.ingest.records import Problem, RawItem


def item_from_text(raw: bytes, source_file: str, where: str, **fields):
    """A RawItem for one plain text (headline first), or a Problem when it is empty."""
    text, bad = decode(raw)
    title, site, _ = split_title(text)
    if not title:
        return Problem(where, "empty text: no headline or text")
    return RawItem(
        source_file=source_file,
        raw_bytes=raw,
        title=title,
        text=text,
        source=site,
        decoding_errors=bad,
        **fields,
    )


def read(path):
    yield item_from_text(path.read_bytes(), str(path), str(path))
