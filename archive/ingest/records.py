"""Plain records passed between the import steps."""

import re
from collections import Counter
from dataclasses import dataclass, field, fields

# Control characters but tab, newline and carriage return: a JSON "\u0000" escape or a stray
# byte of a CSV would reach the database (PostgreSQL refuses NUL in text and the whole batch
# with it) and every export.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


# What a reader keeps of where a record came from (`RawItem.record`), as people read it.
PROVENANCE_LABELS = {
    "warc_record_id": "WARC record ID",
    "target_uri": "Address captured",
    "capture_date": "Captured on",
}


def provenance_label(key: str) -> str:
    return PROVENANCE_LABELS.get(key) or key.replace("_", " ").capitalize()


def too_large(where: str, size: int | None = None):
    """The Problem of a record over ARCHIVE_MAX_RECORD_BYTES."""
    from django.conf import settings

    limit = settings.ARCHIVE_MAX_RECORD_BYTES
    said = f"{size / 1e6:.1f} MB" if size else f"over {limit / 1e6:.1f} MB"
    return Problem(
        where,
        f"record too large ({said}; the limit is {limit / 1e6:.1f} MB, ARCHIVE_MAX_RECORD_BYTES):"
        " split it into articles",
    )


@dataclass
class RawItem:
    """One article as a reader found it, before any cleaning."""

    source_file: str
    raw_bytes: bytes  # what the SHA-256 is taken of: the article text exactly as received
    title: str
    text: str
    row: int | None = None  # CSV data row, 1-based; None for one-file-per-article formats
    source: str = ""
    url: str = ""
    date_string: str = ""  # a date the file itself gives (the FA-KES `date` column)
    external_id: str = ""
    author: str = ""
    record: dict = field(default_factory=dict)  # WARC record id, target URI, capture date
    date_order: str = "MDY"  # how to read an all-digit `date_string` (FA-KES: 4/5/17)
    decoding_errors: int = 0

    def __post_init__(self):
        """Control characters out of every text field, whatever the format; each counts as
        a decoding error (the run page shows them)."""
        for name in (f.name for f in fields(self) if f.type == "str" or f.type is str):
            value = getattr(self, name)
            if isinstance(value, str) and CONTROL.search(value):
                cleaned, count = CONTROL.subn("", value)
                setattr(self, name, cleaned)
                self.decoding_errors += count
        self.record = {
            CONTROL.sub("", str(k)): CONTROL.sub("", v) if isinstance(v, str) else v
            for k, v in self.record.items()
        }


@dataclass
class BuiltArticle:
    """An article made from a RawItem, ready to save: the unsaved Article, the actors it names
    (actor id → mentions), the rounds it reports on and its unsaved Quotes."""

    article: object  # archive.models.Article
    actor_counts: Counter
    rounds: list
    quotes: list


@dataclass
class Enriched:
    """What an article's text alone gives (worked out in any process): the built article,
    its MinHash signature, and names worth proposing as new actors ((name, context) pairs)."""

    built: BuiltArticle
    minhash: object  # datasketch.MinHash
    proposals: list


@dataclass
class Problem:
    """A record that could not be imported, and why."""

    where: str  # "file:row" or "file"
    reason: str

    def __str__(self):
        return f"{self.where}: {self.reason}"


@dataclass
class Skipped:
    """A record that is not an article and was rightly left out (a WARC record of an image,
    of a redirect, of a 404 page), counted by reason."""

    reason: str


@dataclass
class ImportReport:
    read: int = 0  # records read, whatever became of them
    added: int = 0
    duplicates: int = 0
    problems: list[Problem] = field(default_factory=list)
    decoding_errors: int = 0
    dry_run: bool = False
    skipped: Counter = field(default_factory=Counter)  # reason → records
    rewritten: int = 0  # articles of gathered small index segments written anew at the end

    @property
    def failed(self):
        return len(self.problems)

    def summary(self):
        skipped = ""
        if self.skipped:
            reasons = ", ".join(f"{n} {reason}" for reason, n in self.skipped.most_common())
            skipped = f", {self.skipped.total()} skipped ({reasons})"
        rewritten = ""
        if self.rewritten:
            rewritten = f"; {self.rewritten} articles of small index segments written anew as one"
        return (
            f"{self.added} added, {self.duplicates} duplicate, {self.failed} failed{skipped}"
            f" ({self.decoding_errors} invalid UTF-8 bytes decoded by fallback){rewritten}"
        )
