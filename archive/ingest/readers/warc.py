"""WARC files: each successful HTML or plain-text response becomes an article, with the
record id, target URI and capture date kept as provenance. Other records (requests,
metadata, images, redirects, error pages) are skipped and counted by reason."""

from django.conf import settings
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from archive.ingest.readers.html import item_from_html
from archive.ingest.readers.text import item_from_text
from archive.ingest.records import Problem, Skipped, too_large

ARTICLE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
COMPRESSED_BLOCK = 1024  # zlib unfolds at most ~1,000 times: 1 MB a block at worst


def read(path):
    with open(path, "rb") as stream:
        number = 0
        try:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response":
                    continue
                number += 1
                skip = _not_an_article(record)
                if skip:
                    yield Skipped(skip)
                    continue
                yield _item(record, path, number)
        except (ArchiveLoadFailed, OSError, ValueError) as error:
            yield Problem(f"{path}:{number + 1}", f"unreadable WARC record ({error})")


def _not_an_article(record) -> str:
    """Why a response record is no article ("" when it is one)."""
    http = record.http_headers
    if http is None:
        return "responses without HTTP headers"
    status = http.get_statuscode() or ""
    if not status.startswith("2"):
        return f"HTTP {status or 'without status'} responses"
    content_type = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if content_type not in ARTICLE_TYPES:
        return f"{content_type or 'untyped'} responses"
    return ""


def _item(record, path, number):
    headers = record.rec_headers
    uri = headers.get_header("WARC-Target-URI") or ""
    where = f"{path}:{number} ({uri})"
    provenance = {
        "warc_record_id": headers.get_header("WARC-Record-ID"),
        "target_uri": uri,
        "capture_date": headers.get_header("WARC-Date"),
    }
    # Never more than the limit read: a compressed record may unfold to gigabytes, and
    # warcio unfolds a block of compressed bytes at once (16 kB may be 16 MB): small blocks.
    limit = settings.ARCHIVE_MAX_RECORD_BYTES
    content = record.content_stream()
    content.block_size = COMPRESSED_BLOCK
    raw = content.read(limit + 1)
    if len(raw) > limit:
        return too_large(where)
    content_type = record.http_headers.get_header("Content-Type") or ""
    if not content_type.lower().startswith("text/plain"):
        return item_from_html(raw, str(path), where, uri, number, provenance)
    return item_from_text(raw, str(path), where, row=number, url=uri, record=provenance)
