"""WARC files: each successful HTML or plain-text response becomes an article, with the
record id, target URI and capture date kept as provenance. Other records (requests,
metadata, images, redirects, error pages) are skipped and counted by reason."""

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from archive.ingest.readers.html import item_from_html
from archive.ingest.readers.text import item_from_text
from archive.ingest.records import Problem, Skipped

ARTICLE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


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
    raw = record.content_stream().read()
    content_type = record.http_headers.get_header("Content-Type") or ""
    if not content_type.lower().startswith("text/plain"):
        return item_from_html(raw, str(path), where, uri, number, provenance)
    return item_from_text(raw, str(path), where, row=number, url=uri, record=provenance)
