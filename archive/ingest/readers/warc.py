"""WARC files: each HTML response record becomes an article, with the record id, target URI
and capture date kept as provenance."""

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from archive.ingest.readers.html import item_from_html
from archive.ingest.records import Problem


def read(path):
    with open(path, "rb") as stream:
        number = 0
        try:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response":
                    continue
                number += 1
                headers = record.rec_headers
                content_type = (
                    (record.http_headers.get_header("Content-Type") or "")
                    if record.http_headers
                    else ""
                )
                where = f"{path}:{number} ({headers.get_header('WARC-Target-URI')})"
                if "html" not in content_type.lower():
                    continue
                uri = headers.get_header("WARC-Target-URI") or ""
                provenance = {
                    "warc_record_id": headers.get_header("WARC-Record-ID"),
                    "target_uri": uri,
                    "capture_date": headers.get_header("WARC-Date"),
                }
                yield item_from_html(
                    record.content_stream().read(), str(path), where, uri, number, provenance
                )
        except (ArchiveLoadFailed, OSError, ValueError) as error:
            yield Problem(f"{path}:{number + 1}", f"unreadable WARC record ({error})")
