"""Publication dates: read from the dateline, the source's metadata or explicit dates in the text.

Each guess carries the method it came from and a confidence, so a reader can weigh it and a
curator can correct it. Parsing is dateparser's; the regular expressions below only find
*where* a date may stand (its shape), and dateparser decides whether it is one.
Deeper inference (weekday + day with no year, "last Friday") is left to a later step.
"""

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

import dateparser

# Shapes a full date takes in the corpus: "05 Apr 2017", "October 12 2016", "January 2, 2014",
# "17-08-2014", "24.08.2013", and the scraped "Apr 232017" (day and year run together).
_WORD = r"[A-Za-z]{3,9}\.?"
DATE_SHAPES = re.compile(
    rf"\b(?:\d{{1,2}}\s+{_WORD},?\s+\d{{4}}"
    rf"|{_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|{_WORD}\s+\d{{6}}"
    r"|\d{1,2}[-./]\d{1,2}[-./]\d{4})\b"
)
GLUED_DAY_YEAR = re.compile(r"^(\D+?)\s*(\d{1,2})(\d{4})$")

DATELINE_CHARS = 250  # a dateline stands in the first lines of the text
# "... march through the streets on January 2, 2014": a date inside a sentence is not a
# dateline, unless it follows a short label ("Posted on", "Last updated at").
IN_SENTENCE = re.compile(r"\b(?:on|in|at|since|until|of|from|by|before|after)\s+$")
LABEL_CHARS = 25
EARLIEST = datetime.date(1990, 1, 1)


@dataclass(frozen=True)
class DateGuess:
    date: datetime.date | None
    method: str
    confidence: float
    evidence: str = ""


UNDATED = DateGuess(None, "undated", 0.0)


@lru_cache(maxsize=20_000)
def parse_date(text: str, order: str = "DMY") -> datetime.date | None:
    """One date string to a date, or None; the same string is parsed once per process."""
    match = GLUED_DAY_YEAR.match(text)
    if match and len(match[2] + match[3]) == 6:
        text = f"{match[1]} {match[2]} {match[3]}"
    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={
            "DATE_ORDER": order,
            "STRICT_PARSING": True,
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    if parsed is None:
        return None
    day = parsed.date()
    if not EARLIEST <= day <= datetime.date.today():
        return None
    return day


def find_dates(text: str) -> list[tuple[str, datetime.date]]:
    """Every full date (day, month and year) written in `text`, in order."""
    found = []
    for match in DATE_SHAPES.finditer(text):
        day = parse_date(match.group(0))
        if day:
            found.append((match.group(0), day))
    return found


def find_dateline(text: str) -> tuple[str, datetime.date] | None:
    """The date a text opens with, if it opens with one."""
    for match in DATE_SHAPES.finditer(text[:DATELINE_CHARS]):
        before = text[: match.start()]
        if len(before) > LABEL_CHARS and IN_SENTENCE.search(before):
            continue
        day = parse_date(match.group(0))
        if day:
            return match.group(0), day
    return None


def guess_date(text: str, metadata: str = "", metadata_order: str = "MDY") -> DateGuess:
    """The best publication date the text and its metadata give, with method and confidence."""
    dateline = find_dateline(text)
    meta = parse_date(metadata.strip(), metadata_order) if metadata.strip() else None
    if dateline:
        words, day = dateline
        if meta == day:
            return DateGuess(day, "dateline+metadata", 0.95, words)
        if meta:
            return DateGuess(day, "dateline", 0.7, f"{words} (source metadata says {meta})")
        return DateGuess(day, "dateline", 0.85, words)
    if meta:
        return DateGuess(meta, "metadata", 0.75, metadata.strip())
    in_text = find_dates(text)
    if in_text:
        # An article is published on or after the latest date it reports.
        words, day = max(in_text, key=lambda pair: pair[1])
        return DateGuess(day, "text", 0.3, words)
    return UNDATED
