"""Dates written in a text: datelines, labelled page dates, dates in URLs, weekdays with a day
and month but no year ("Monday, January 23", the year taken from the calendar of rounds),
yearless wire datelines, explicit dates; and the dates of *events* a text reports ("on
Tuesday"), kept apart from its publication date. `archive.ingest.dating` weighs them.

Parsing is dateparser's; the regular expressions only find *where* a date may stand, and the
month and weekday names come from the standard library's `calendar`.
"""

import calendar
import datetime
import re
from dataclasses import asdict, dataclass
from functools import lru_cache

import dateparser

from archive import languages
from archive.languages import FOREIGN_DATE, fold_script

_WORD = r"[A-Za-z]{3,9}\.?"
_WORD_ONCE = r"[A-Za-z]{3,9}+\.?"  # possessive: a shorter part of the word is never tried
_ORDINAL = r"(?:st|nd|rd|th)?"
# A date may start right after a lower-case letter: a byline glued to it ("By Staff
# ReporterMarch 3, 2015") leaves no word boundary.
_START = r"(?:\b|(?<=[a-z])(?=[A-Z]))"
# The shapes opening with digits, then those opening with a month's name, each name read once
# and never given back (a shorter part of a word is followed by a letter, which no shape
# allows): trying every shape at every word cost ~0.2 ms an article.
DATE_SHAPES = re.compile(
    rf"{_START}(?:\d{{1,2}}{_ORDINAL}\s+{_WORD},?\s+\d{{4}}"  # 14th March 2017, 3 May, 2018
    r"|\d{1,2}[A-Za-z]{3}\d{4}"  # 27AUG2020 (file names, wire slugs)
    r"|\d{4}-\d{2}-\d{2}"  # 2018-02-01 (ISO, in "Updated: 2018-02-01 10:10")
    r"|\d{1,2}[-./]\d{1,2}[-./]\d{4}"
    rf"|{_WORD_ONCE}(?:,?\s*\d{{1,2}}{_ORDINAL},?\s+\d{{4}}"  # March 14, 2017; February,12, 2017
    r"|\s+\d{6}"  # Apr 232017 (day and year run together)
    r"|\s+\d{1,2}\s*/?\s*\d{1,2}:\d{2}\s+\d{4}))"  # March 04 / 09:22 2017
    r"(?:\b|(?<=\d)(?=[A-Z]))"  # "09.04.2017Get short URL": a page's date run into a link
)
ORDINAL_OR_COMMA = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b|,|/|\b\d{1,2}:\d{2}\b")
COMPACT = re.compile(r"^(\d{1,2})([A-Za-z]{3})(\d{4})$")
GLUED_DAY_YEAR = re.compile(r"^(\D+?)\s*(\d{1,2})(\d{4})$")
WEEKDAYS = list(calendar.day_name)
MONTHS = [m for m in calendar.month_name if m] + [m for m in calendar.month_abbr if m] + ["Sept"]
_WEEKDAY = "|".join(WEEKDAYS)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
DAY_MONTH = re.compile(
    rf"\b(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s+\d{{4}})"
    rf"|\b(?P<day2>\d{{1,2}})\s+(?P<month2>{_MONTH})\b(?!,?\s+\d{{4}})"
)
WEEKDAY_DAY_MONTH = re.compile(
    rf"\b(?P<weekday>{_WEEKDAY}),?\s+(?:(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})"
    rf"|(?P<day2>\d{{1,2}})\s+(?P<month2>{_MONTH}))\b(?!,?\s+\d{{4}})"
)
# "GENEVA, Sept 10 (Reuters) -", "MOSCOW, March 15 /Agency/": a wire dateline with no year.
YEARLESS_DATELINE = re.compile(
    rf"(?:^|\n)\s*[A-Z][A-Za-z .'-]{{1,30}}?,\s+(?:(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})"
    rf"|(?P<day2>\d{{1,2}})\s+(?P<month2>{_MONTH})\.?)"
    r"(?!,?\s+\d{4})\b\s*(?:\(|/|--|-|—|–|:)"
)
YEAR = re.compile(r"\b(20[12]\d)\b")
WEEKDAY_MENTION = re.compile(rf"\b(?:on|late|early|last)\s+(?P<weekday>{_WEEKDAY})\b", re.I)
URL_DATE = re.compile(r"(?<!\d)(20\d\d|19\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?!\d)")

DATELINE_CHARS = 250
# "ЖЕНЕВА, 14 дек - РИА Новости", "GENÈVE, 14 mars (AFP) -": a city in capitals opens a line;
# "Москва. 3 марта. INTERFAX.RU -": Interfax's, the city in title case and a full stop.
FOREIGN_DATELINE = re.compile(
    r"(?:^|\n)\s*(?:(?-i:[A-ZА-ЯЁÈÉ][A-ZА-ЯЁÈÉ .'-]{1,30}),|(?-i:[A-ZА-ЯЁ][a-zа-яё-]{2,24})\.)"
    rf"\s+(?=\d)(?:{FOREIGN_DATE.pattern})",
    re.I,
)
# "Genève, 14 mars (AFP) -", "Женева, 14 марта. /ТАСС/", "جنيف - 14 آذار (رويترز) -": a city
# in title case, or in Arabic, is a dateline only when an agency or a dash follows the date.
AGENCY_DATELINE = re.compile(
    r"(?:^|\n)\s*(?:(?-i:[A-ZА-ЯЁÈÉ][a-zа-яёèéêô-]{2,24}),|[\u0621-\u064A]{2,15}"
    r"(?:\s+[\u0621-\u064A]{2,15})?\s*[-–،,]?)"
    rf"\s*(?=\d)(?:{FOREIGN_DATE.pattern})\s*[.,]?\s*(?:\(|/|-|–|—)",
    re.I,
)
LABELLED_CHARS = 1500  # a "Published: …" line may stand below a headline, a lead or a menu
# Words that introduce the page's own date, wherever it stands near the top.
LABEL = re.compile(
    r"(?:published|updated|posted|date of publication|latest update|last modified"
    r"|تاريخ النشر|تأريخ النشر|نشر في|опубликовано|дата публикации|publié le|mis à jour le)"
    r"(?:\s+(?:on|at))?\s*:?[\s\d:-]*$",
    re.I,
)
# A photo caption or a file photo describes another day than the article's.
CAPTION = re.compile(
    r"\b(?:file\s+photo|photo\s*:|\(photo|pictured|caption|getty\s+images|"
    r"reuters/|afp\s+photo|ap\s+photo|afp/|image\s*:|photograph)\b"
    rf"|(?<!\w)(?:{languages.CAPTION_WORDS})",
    re.I,
)
GLUED_ZONE = re.compile(r"\b((?:GMT|UTC)\s*[+-]\d)(?=\d{2}\s+[A-Z][a-z]+\s+\d{4})")
LABELLED_SHORT = re.compile(
    r"(?:published|updated|posted)\s*(?:on|at)?\s*:?\s*"
    r"(?P<a>\d{1,2})[./-](?P<b>\d{1,2})[./-](?P<y>\d{2})\b",
    re.I,
)
# A photo's credit after its caption's date, on the same line: "… March 14, 2016.
# REUTERS/Jane Doe", "(AFP Photo/…)", "Photo by …/AFP", "Picture taken April 3".
CREDIT_AFTER = re.compile(
    r"(?-i:\b(?:REUTERS|AFP|AP|EPA|ANADOLU|SANA|XINHUA|GETTY)\s*/)"
    r"|\((?:AFP|AP|EPA|Reuters|Getty)\s+(?:Photo|Images)|\bPhoto\s+(?:by|credit)\b"
    r"|\bPicture\s+taken\b|\bGetty\s+Images\b|\bfile\s+photo\b",
    re.I,
)
CREDIT_REACH = 160
CAPTION_LABEL = re.compile(r"^\s*(?:caption|photo|file photo|image|picture)\s*:?\s*$", re.I)
CAPTION_REACH = 300  # characters before a date in which a caption's words count
IN_SENTENCE = re.compile(r"\b(?:on|in|at|since|until|of|from|by|before|after)\s+$")
LABEL_CHARS = 25
EARLIEST = datetime.date(1990, 1, 1)
FIRST_YEAR = 2011  # the war, and so the archive, begins in 2011

CONFIDENCE = {
    "dateline": 0.85,
    "metadata": 0.8,
    "url": 0.75,
    "weekday": 0.7,
    "calendar": 0.45,
    "text": 0.3,
}


@dataclass(frozen=True)
class DateGuess:
    date: datetime.date | None
    method: str
    confidence: float
    evidence: str = ""

    def as_json(self):
        data = asdict(self)
        data["date"] = self.date.isoformat() if self.date else None
        return data


UNDATED = DateGuess(None, "undated", 0.0)


# Layouts tried with the standard library's strptime before dateparser (which takes ~1.5 ms
# a string): they cover most datelines at a few microseconds each.
FAST_FORMATS = {
    "DMY": ["%d %b %Y", "%d %B %Y", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y", "%Y-%m-%d"],
    "MDY": ["%m/%d/%y", "%m/%d/%Y", "%Y-%m-%d", "%b %d %Y", "%B %d %Y"],
    "YMD": ["%Y-%m-%d", "%Y/%m/%d"],
}
FAST_FORMATS["DMY"] += ["%b %d %Y", "%B %d %Y", "%b %d, %Y", "%B %d, %Y"]


def _strptime(text: str, order: str) -> datetime.date | None:
    cleaned = " ".join(text.replace(".,", ",").split())
    for layout in FAST_FORMATS.get(order, ()):
        try:
            return datetime.datetime.strptime(cleaned, layout).date()
        except ValueError:
            continue
    return None


@lru_cache(maxsize=20_000)
def parse_date(text: str, order: str = "DMY") -> datetime.date | None:
    """One date string to a date, or None; the same string is parsed once per process."""
    if not re.fullmatch(r"[\d/.-]+", text):  # words: ordinals and stray commas go
        text = " ".join(ORDINAL_OR_COMMA.sub(" ", text).split())
    compact = COMPACT.match(text)
    if compact:
        text = " ".join(compact.groups())
    match = GLUED_DAY_YEAR.match(text)
    if match and len(match[2] + match[3]) == 6:
        text = f"{match[1]} {match[2]} {match[3]}"
    fast = _strptime(text, order)
    if fast is not None:
        return fast if EARLIEST <= fast <= datetime.date.today() else None
    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"DATE_ORDER": order, "STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False},
    )
    if parsed is None:
        return None
    day = parsed.date()
    return day if EARLIEST <= day <= datetime.date.today() else None


def foreign_date(match) -> datetime.date | None:
    """The date of a FOREIGN_DATE match ("23 كانون الثاني 2017"), None without a year."""
    if not match["year"]:
        return None
    try:
        day = datetime.date(
            int(match["year"]), languages.MONTHS[match["month"].lower()], int(match["day"])
        )
    except ValueError:
        return None
    return day if EARLIEST <= day <= datetime.date.today() else None


@lru_cache(maxsize=16)  # the dateline, the text's dates and the event dates read one body
def written_dates(text: str) -> tuple:
    """(start, words, date) of every full date written in `text`, in English or in Arabic,
    Russian or French, in order."""
    found = [(m.start(), m.group(0), parse_date(m.group(0))) for m in DATE_SHAPES.finditer(text)]
    folded = fold_script(text)
    found += [
        (m.start(), text[m.start() : m.end()], foreign_date(m))
        for m in FOREIGN_DATE.finditer(folded)
    ]
    return sorted((start, words, day) for start, words, day in found if day)


FUTURE_CLAUSE = re.compile(rf"(?<!\w)(?:{languages.FUTURE_CLAUSE})(?!\w)", re.I)
CLAUSE_REACH = 120  # characters before a date in which its clause's verb is looked for
CLAUSE_END = re.compile(r"[.!?;:\n«»\"“”]")


def to_come(text: str, start: int) -> bool:
    """Whether the date at `start` stands in a clause whose verb is in the future ("talks
    should end on 15 December 2017"): a convention of news writing in every language, where
    such a date is an event to come, not the day the text was written."""
    before = text[max(0, start - CLAUSE_REACH) : start]
    ends = [m.end() for m in CLAUSE_END.finditer(before)]
    clause = before[ends[-1] :] if ends else before
    return bool(FUTURE_CLAUSE.search(clause))


def reported_dates(text: str) -> tuple[tuple[str, datetime.date], ...]:
    """The full dates of `find_dates` but those of events still to come (`to_come`)."""
    return tuple(
        (words, day)
        for start, words, day in written_dates(text)
        if not in_caption(text, start) and not to_come(text, start)
    )


@lru_cache(maxsize=16)  # the publication and the event dates read the same body
def find_dates(text: str) -> tuple[tuple[str, datetime.date], ...]:
    """Every full date (day, month and year) written in `text`, in order, but those of
    photo captions."""
    return tuple(
        (words, day) for start, words, day in written_dates(text) if not in_caption(text, start)
    )


TIME_OF_DAY = re.compile(
    r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:am|pm|[AP]M)?\b|\b(?:GMT|UTC)\s*[+-]?\d{0,2}"
)


def is_date_line(line: str) -> bool:
    """A line that is a date and a time and nothing more ("13:08 GMT +314 March 2017"):
    a page's date stamp, not a headline."""
    line = _unglued(fold_script(line.strip()))
    if not line or not (DATE_SHAPES.search(line) or FOREIGN_DATE.search(line)):
        return False
    rest = TIME_OF_DAY.sub(" ", FOREIGN_DATE.sub(" ", DATE_SHAPES.sub(" ", line)))
    words = [w for w in re.split(r"[\W_]+", rest) if w and not w.isdigit()]
    return len(words) <= 1  # a weekday or a label ("Updated") may stand beside it


def in_caption(text: str, start: int) -> bool:
    """Whether the date at `start` stands in a photo caption: a caption's words earlier in
    the same sentence (or line), a photo credit after it on its line (the convention of
    agency captions: the date, then "REUTERS/Name"), or a bare "Caption:" line just before
    its paragraph."""
    sentence_start = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start)) + 1
    if CAPTION.search(text[max(sentence_start, start - CAPTION_REACH) : start]):
        return True
    line_end = text.find("\n", start)
    after = text[start : line_end if line_end >= 0 else len(text)][:CREDIT_REACH]
    if CREDIT_AFTER.search(after):
        return True
    paragraph_start = text.rfind("\n", 0, start)
    previous = text[:paragraph_start].rstrip().rsplit("\n", 1)[-1] if paragraph_start > 0 else ""
    return bool(CAPTION_LABEL.match(previous))


def _unglued(text: str) -> str:
    """A time zone run into the day ("13:08 GMT +314 March 2017") set apart from it."""
    return GLUED_ZONE.sub(r"\1 ", text)


def _labelled_short_date(text: str) -> tuple[str, datetime.date] | None:
    """ "Published: 11.29.18": a labelled all-digit date with a two-digit year, read
    month-first or day-first only where one of the two numbers cannot be a month."""
    match = LABELLED_SHORT.search(text)
    if not match:
        return None
    first, second, year = int(match["a"]), int(match["b"]), 2000 + int(match["y"])
    if first > 12 >= second:
        day, month = first, second
    elif second > 12 >= first:
        day, month = second, first
    else:
        return None
    try:
        found = datetime.date(year, month, day)
    except ValueError:
        return None
    return (match.group(0), found) if EARLIEST <= found <= datetime.date.today() else None


def find_dateline(text: str) -> tuple[str, datetime.date] | None:
    """The date a text opens with (not a date inside a sentence, nor a caption's), or a
    date the page labels as its own ("Published:", "Updated on") further down."""
    text = _unglued(text[:LABELLED_CHARS])
    found = _first_dateline(text)
    return found or _labelled_short_date(text)


def _first_dateline(text: str) -> tuple[str, datetime.date] | None:
    for start, words, day in written_dates(text):
        before = text[:start]
        labelled = LABEL.search(before[-40:])
        if start >= DATELINE_CHARS and not labelled:
            continue
        if not labelled and len(before) > LABEL_CHARS and IN_SENTENCE.search(before):
            continue
        if in_caption(text, start):
            continue
        return words, day
    return None


def url_date(url: str) -> tuple[str, datetime.date] | None:
    for match in URL_DATE.finditer(url or ""):
        try:
            day = datetime.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            continue
        if EARLIEST <= day <= datetime.date.today():
            return match.group(0), day
    return None


def weekdays_named(text: str) -> set[int]:
    """The weekdays a text names as when something happened ("on Friday", "late Monday",
    "يوم الخميس", "в четверг", "jeudi"); not those of events to come (`to_come`: "will
    resume on Monday" says nothing of the day of writing)."""
    named = {
        WEEKDAYS.index(m.group("weekday").capitalize())
        for m in WEEKDAY_MENTION.finditer(text)
        if not to_come(text, m.start())
    }
    folded = fold_script(text)
    named |= {
        weekday
        for weekday, start in languages.foreign_weekday_mentions(folded)
        if not to_come(folded, start)
    }
    # "yesterday (Monday)" was written on the Tuesday: the named day moves on by one, unless
    # the text also names it on its own.
    yesterdays = languages.weekdays_after_yesterday(folded)
    for weekday in set(yesterdays):
        if languages.weekday_mentions(folded, weekday) <= yesterdays.count(weekday):
            named.discard(weekday)
        named.add((weekday + 1) % 7)
    return named


def days_of_month_named(text: str) -> list[tuple[int, tuple[int, int]]]:
    """(where, (month, day)) of every day and month written without a year ("Nov. 25",
    "21 декабря", "19 كانون الثاني")."""
    found = [(m.start(), dm) for m in DAY_MONTH.finditer(text) if (dm := day_month(m))]
    for m in FOREIGN_DATE.finditer(fold_script(text)):
        if not m["year"]:
            found.append((m.start(), (languages.MONTHS[m["month"].lower()], int(m["day"]))))
    return found


def day_month(match) -> tuple[int, int] | None:
    month_name = match.group("month") or match.group("month2")
    day = int(match.group("day") or match.group("day2"))
    parsed = parse_date(f"{day} {month_name} 2000")  # a leap year: 29 February parses
    return (parsed.month, day) if parsed else None


def _dates_in_years(month: int, day: int):
    for year in range(FIRST_YEAR, datetime.date.today().year + 1):
        try:
            yield datetime.date(year, month, day)
        except ValueError:
            continue


def _near_round(day, rounds, days=10) -> bool:
    return any(
        r.start_date - datetime.timedelta(days=days)
        <= day
        <= r.last_day + datetime.timedelta(days=days)
        for r in rounds
    )


def _weekday_day_months(text: str):
    """(words, weekday, (month, day)) of "Monday, January 23" and the same in Arabic,
    Russian or French ("الجمعة 19 كانون الثاني", "в пятницу, 19 января")."""
    for match in WEEKDAY_DAY_MONTH.finditer(text):
        found_day = day_month(match)
        if found_day and not to_come(text, match.start()):
            weekday = WEEKDAYS.index(match.group("weekday").capitalize())
            yield match.group(0), weekday, found_day
    folded = fold_script(text)
    for match in FOREIGN_DATE.finditer(folded):
        if match["year"]:
            continue
        before = folded[max(0, match.start() - WEEKDAY_REACH) : match.start()]
        if to_come(folded, match.start()):
            continue
        weekday = languages.weekday_in(before)
        if weekday is not None:
            month = languages.MONTHS[match["month"].lower()]
            yield text[match.start() : match.end()], weekday, (month, int(match["day"]))


WEEKDAY_REACH = 20  # characters between a weekday and the day and month it goes with


def weekday_date(text: str, rounds=()) -> DateGuess | None:
    """'Monday, January 23': the years in which the 23rd of January was a Monday,
    narrowed to those in which a round the text names was under way."""
    for words, weekday, found_day in _weekday_day_months(text):
        years = [d for d in _dates_in_years(*found_day) if d.weekday() == weekday]
        near = [d for d in years if _near_round(d, rounds)]
        if len(near) == 1:
            return DateGuess(near[0], "weekday", CONFIDENCE["weekday"], words)
        if len(years) == 1:
            return DateGuess(years[0], "weekday", CONFIDENCE["weekday"] - 0.2, words)
    return None


def yearless_dateline(text: str, rounds=()) -> DateGuess | None:
    """A wire dateline with a day and a month but no year (in the styles of the agencies of
    each language: "GENEVA, March 14 (Reuters)", "ЖЕНЕВА, 14 дек - РИА Новости", "Москва.
    3 марта. INTERFAX.RU", "Genève, 14 mars (AFP)", "جنيف - 14 آذار (رويترز)"): the year
    in which that day fits the weekdays the text names ("said on Saturday": that day or the
    one before), falls near a round the text names, or is the latest year the text mentions."""
    match = YEARLESS_DATELINE.search(text[:DATELINE_CHARS])
    found_day = day_month(match) if match else None
    if match is None:
        # "ЖЕНЕВА, 14 дек - РИА Новости": a dateline in another language.
        folded = fold_script(text[:LABELLED_CHARS])
        match = FOREIGN_DATELINE.search(folded) or AGENCY_DATELINE.search(folded[:DATELINE_CHARS])
        if match and not match["year"]:
            found_day = (languages.MONTHS[match["month"].lower()], int(match["day"]))
    if not found_day:
        return None
    years = list(_dates_in_years(*found_day))
    weekdays = weekdays_named(text)
    mentioned = {int(y) for y in YEAR.findall(text)}
    tests = [
        lambda d: _near_round(d, rounds, days=3),
        lambda d: bool(weekdays) and {d.weekday(), (d.weekday() - 1) % 7} & weekdays,
        lambda d: d.year in mentioned,
    ]
    # Each clue narrows the years the ones before left; a clue that would leave none is
    # passed over. One year left is a date.
    left = years
    for test in tests:
        narrowed = [d for d in left if test(d)]
        if narrowed:
            left = narrowed
        if len(left) == 1:
            return DateGuess(left[0], "dateline", CONFIDENCE["weekday"], match.group(0).strip())
    if mentioned and len(left) > 1:
        latest = [d for d in left if d.year == max(mentioned)]
        if len(latest) == 1:
            return DateGuess(latest[0], "dateline", CONFIDENCE["calendar"], match.group(0).strip())
    return None


LAST_WEEK = re.compile(r"\blast week\b", re.I)
PREVIOUS_ROUND = re.compile(r"\b(?:the\s+)?(?:previous|last|preceding)\s+round\b", re.I)


def event_dates(text: str, published: datetime.date | None, rounds=()) -> list[dict]:
    """Dates of what the text reports: full dates; weekdays ("on Tuesday") resolved to the last
    such day before publication ("on Monday" in a Monday paper is the publication day);
    "last week" as the week before; "the previous round" as the start of the round before the
    one under way (from `rounds`, the calendar of the processes the text names). The
    publication date itself is left out."""
    found = {day: words for words, day in find_dates(text) if day != published}
    if published:
        match = LAST_WEEK.search(text)
        if match:
            found.setdefault(published - datetime.timedelta(days=7), match.group(0))
        match = PREVIOUS_ROUND.search(text)
        earlier = sorted(
            (r for r in rounds if r.start_date < published), key=lambda r: r.start_date
        )
        if match and len(earlier) >= 2:
            current = earlier[-1]
            previous = (
                earlier[-2]
                if current.last_day >= published - datetime.timedelta(days=7)
                else current
            )
            found.setdefault(previous.start_date, f"{match.group(0)} ({previous.title})")
        for match in WEEKDAY_MENTION.finditer(text):
            weekday = WEEKDAYS.index(match.group("weekday").capitalize())
            back = (published.weekday() - weekday) % 7  # "on Monday" in a Monday paper: today
            if back:
                found.setdefault(published - datetime.timedelta(days=back), match.group(0))
    return [{"date": day.isoformat(), "words": words} for day, words in sorted(found.items())]
