"""HTML pages: main text, title, author, date and canonical URL extracted by trafilatura
(whose dates come from htmldate)."""

from archive.ingest.records import Problem, RawItem


def extract(raw: bytes, url: str = ""):
    """trafilatura's document for a page, or None when it finds no article text."""
    import trafilatura  # here: 0.16 s of every process's start (web workers, commands) else

    document = trafilatura.bare_extraction(
        raw, url=url or None, with_metadata=True, include_comments=False, favor_precision=True
    )
    if document is None or not (document.text or "").strip():
        return None
    return document


def item_from_html(raw: bytes, source_file: str, where: str, url: str = "", row=None, record=None):
    """A RawItem for one page, or a Problem."""
    try:
        document = extract(raw, url)
    except Exception as error:  # noqa: BLE001 - lxml and trafilatura raise many kinds
        return Problem(where, f"cannot parse the HTML ({error})")
    if document is None:
        return Problem(where, "no article text found in the page")
    return RawItem(
        source_file=source_file,
        raw_bytes=raw,
        title=" ".join((document.title or "").split()),  # none: titled by its first sentence
        text=document.text,
        row=row,
        source=document.sitename or document.hostname or "",
        url=document.url or url or "",
        date_string=document.date or "",
        author=document.author or "",
        record=record or {},
        date_order="YMD",
    )


def read(path):
    item = item_from_html(path.read_bytes(), str(path), str(path))
    yield item
