"""Dating a text that carries no date of its own, against the calendar of rounds.

Reports on the talks are mostly written while a round is under way: on its opening day, the
day after, or as it closes. A text with no date still says which rounds it can be about (the
ones it names, else those of the processes it names, narrowed by the age it gives the war:
"the six-year conflict") and where in a round it stands ("opened today", "launched
yesterday", "broke up on Friday until Feb 10"). These signals are weaker than any written
date, and the confidence says so; a tie between two days leaves the text undated.
"""

import datetime
import re

from archive import languages
from archive.ingest.dates import (
    CONFIDENCE,
    DateGuess,
    days_of_month_named,
    to_come,
    weekdays_named,
)

WAR_BEGAN = datetime.date(2011, 3, 15)  # the first protests: the date journalists count from
_NUMBER_WORDS = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
NUMBERS = {word: n for n, word in enumerate(_NUMBER_WORDS.split(), start=1)}
_N = r"(?P<n>\d{1,2}|" + "|".join(NUMBERS) + r")"
_WAR = r"(?:war|conflict|uprising|crisis|revolution|bloodshed|fighting)"
_WORDS = r"(?:[\w'’-]+\s+){0,3}?"
WAR_AGE = [
    # "a six-year war", "the eight-year Syrian civil war", "Syria's seven-year-old conflict"
    re.compile(rf"\b{_N}[- ](?P<unit>year|month)(?:[- ](?:long|old))?\s+{_WORDS}{_WAR}\b", re.I),
    # "after 16 months of bloodshed", "nearly three painful years of conflict"
    re.compile(rf"\b{_N}\s+(?:\w+\s+)?(?P<unit>year|month)s\s+of\s+{_WORDS}{_WAR}\b", re.I),
]
# Journalists round the war's age either way and count from early 2011: "the eight-year
# war" may be written from about seven and a quarter to nine and a quarter years on.
AGE_SLACK = {"year": (0.75, 1.25), "month": (1.0, 1.5)}

# Words in any of the languages (archive.languages); \b does not bound Arabic words.
TALKS = re.compile(
    r"(?<!\w)(?:talks|round|conference|negotiations|meeting|session|congress|consultations|committee"
    rf"|{languages.TALKS})(?!\w)",
    re.I,
)
TALKS_REACH = 30  # characters between the verb and the talks it is about
_PHASE = {
    "opening": r"(?:open(?:ed|s)?|beg[ai]ns?|start(?:ed|s)?|kick(?:ed|s)?\s+off|launch(?:ed|es)?"
    r"|g[eo]t?s?\s+under\s*way|resum(?:ed|es?)|convened?"
    rf"|{languages.OPENING_PAST}|{languages.OPENING_PRESENT})",
    "closing": r"(?:end(?:ed|s)?|clos(?:ed|es)|conclud(?:ed|es)|wrap(?:ped|s)\s+up|broke\s+up"
    rf"|{languages.CLOSING_PAST}|{languages.CLOSING_PRESENT})",
}
FOREIGN_PAST = re.compile(rf"(?:{languages.OPENING_PAST}|{languages.CLOSING_PAST})", re.I)
_WEEKDAY = "|".join(languages.WEEKDAYS)
_WHEN = (
    rf"(?P<when>{languages.TODAY}|{languages.YESTERDAY}|{languages.TOMORROW}"
    rf"|(?:on\s+|late\s+|early\s+|в\s+|во\s+|يوم\s+)?(?P<weekday>{_WEEKDAY}))"
)
PHASE_CUES = {
    # "opened on Monday", "launched a new round yesterday", "today opened"
    phase: re.compile(
        rf"(?:(?<!\w)(?P<before>{languages.TODAY}|{languages.YESTERDAY})\s+)?"
        rf"(?<!\w)(?P<verb>{verb})(?!\w)(?:[^.;!?]{{0,60}}?(?<!\w){_WHEN}(?!\w))?",
        re.I,
    )
    for phase, verb in _PHASE.items()
}
PAST = re.compile(r"^(?:\w+ed|began|broke|got)$", re.I)  # the cue's first word
# "broke up until Feb 10": a day the text says something lasts until lies after its date.
UNTIL = re.compile(r"\b(?:until|till)\s+$", re.I)
SENTENCE = re.compile(r"[^.!?\n]+")
NEAR_DAYS = 14  # a day and month the text names ("Nov. 25") lies this close to its date
UNTIL_DAYS = 30
WINDOW_BEFORE, WINDOW_AFTER = 6, 2  # days before a round's start and after its end searched
NEAR, WEEKDAY, ENOUGH = 2, 1, 4  # points for a named day nearby, a weekday named; enough


def war_age_window(text: str) -> tuple[datetime.date, datetime.date] | None:
    """When a text giving the war's age ("the six-year war") may have been written: the
    overlap of every age it gives, or None when it gives none (or they disagree)."""
    low, high = datetime.date.min, datetime.date.max
    found = False
    for pattern in WAR_AGE:
        for match in pattern.finditer(text):
            n = match["n"].lower()
            n = NUMBERS.get(n) or int(n)
            unit = match["unit"].lower()
            before, after = AGE_SLACK[unit]
            days = 365.25 if unit == "year" else 30.44
            low = max(low, WAR_BEGAN + datetime.timedelta(days=(n - before) * days))
            high = min(high, WAR_BEGAN + datetime.timedelta(days=(n + after) * days))
            found = True
    return (low, high) if found and low <= high else None


def in_window(rounds, window):
    """The rounds under way at some point of `window` (all of them when there is none)."""
    if window is None:
        return list(rounds)
    low, high = window
    return [r for r in rounds if r.start_date <= high and r.last_day >= low]


def phase_cues(text: str) -> list[tuple[str, str, str | None, bool, str]]:
    """(phase, when, weekday, past, words) for every sentence about the talks that says they
    opened or closed: ("opening", "yesterday", None, True, "launched a new round ...
    yesterday"). `when` is "recently" for a past tense with no day ("the talks broke up");
    a present or future tense with no day ("the talks open") says nothing and is left out."""
    cues = []
    for sentence in SENTENCE.finditer(text):
        sentence = sentence.group(0)
        for phase, pattern in PHASE_CUES.items():
            for match in pattern.finditer(sentence):
                around = sentence[max(0, match.start() - TALKS_REACH) : match.end() + TALKS_REACH]
                if not TALKS.search(around):
                    continue  # "a process launched": not the talks opening
                verb = match["verb"]
                past = bool(PAST.match(verb.split()[0]) or FOREIGN_PAST.fullmatch(verb))
                weekday = languages.weekday_number(match["weekday"]) if match["weekday"] else None
                when = _when(match["before"] or match["when"]) if weekday is None else "weekday"
                if not when and not past:
                    continue
                cues.append((phase, when or "recently", weekday, past, match.group(0)))
    return cues


def _when(words: str | None) -> str:
    """ "today", "yesterday", "tomorrow" (or "") for the word in any language."""
    for name, pattern in (
        ("today", languages.TODAY),
        ("yesterday", languages.YESTERDAY),
        ("tomorrow", languages.TOMORROW),
    ):
        if words and re.fullmatch(pattern, words, re.I):
            return name
    return ""


def cue_points(cue, event, day) -> float:
    """How well `day` fits a cue about `event`: 3 for the day it names, less for a day it
    allows ("opened on Monday" may be written the rest of the week), 0 for a day it rules out."""
    phase, when, weekday, past, _ = cue
    anchor = event.start_date if phase == "opening" else event.last_day
    after = (day - anchor).days
    if when == "recently":
        return {0: 2, 1: 1}.get(after, 0)
    if when == "weekday":
        if anchor.weekday() != weekday:
            return 0
        if not past:
            after = -after  # "ends on Saturday" is written before Saturday
        return {0: 3, 1: 2.5}.get(after, 2 if 0 <= after <= 6 else 0)
    return 3 * (after == {"today": 0, "yesterday": 1, "tomorrow": -1}[when])


def ranked_days(text: str, rounds=()) -> list[tuple[int, datetime.date, object]]:
    """(score, day, round) for the days around the rounds the text can be about, best first."""
    rounds = in_window(rounds, war_age_window(text))
    cues = phase_cues(text)
    weekdays = weekdays_named(text)
    # A day named for an event to come ("will meet again on 25 November") lies after the
    # writing by an unknown span: it says nothing of the day.
    named_days = {
        (dm, bool(UNTIL.search(text[max(0, start - 8) : start])))
        for start, dm in days_of_month_named(text)
        if not to_come(text, start)
    }
    best = {}
    for event in rounds:
        first = event.start_date - datetime.timedelta(days=WINDOW_BEFORE)
        length = (event.last_day - first).days + WINDOW_AFTER
        for n in range(length + 1):
            day = first + datetime.timedelta(days=n)
            score = sum(cue_points(cue, event, day) for cue in cues)
            score += NEAR * _near_named_day(day, named_days)
            # "said on Friday": written on Friday, or (less often) the day after.
            score += WEEKDAY * (
                1 if day.weekday() in weekdays else 0.5 * ((day.weekday() - 1) % 7 in weekdays)
            )
            if day >= event.start_date and any(
                day - datetime.timedelta(days=(day.weekday() - w) % 7) < event.start_date
                for w in weekdays
            ):
                # Written during a round, "said on Thursday" is a Thursday of the round.
                score -= WEEKDAY
            if score > best.get(day, (0, None))[0]:
                best[day] = (score, event)
    return sorted(((score, day, event) for day, (score, event) in best.items()), reverse=True)


def calendar_date(text: str, rounds=()) -> DateGuess | None:
    """The one day, among the days around the rounds the text can be about, that best fits
    what it says: opened or closed today, yesterday or on a weekday; the weekdays and the days
    of the month it names. None when nothing fits well or two days fit equally."""
    ranked = ranked_days(text, rounds)
    if not ranked:
        return None
    score, day, event = ranked[0]
    # One round to choose from (the text names it): a cue that fits its day is enough.
    enough = ENOUGH - 1 if len(rounds) == 1 else ENOUGH
    if score < enough or (len(ranked) > 1 and ranked[1][0] == score):
        return None
    words = "; ".join(cue[-1] for cue in phase_cues(text) if cue_points(cue, event, day))
    evidence = f"{event.title}, {day:%A %d %B %Y}" + (f" ({words})" if words else "")
    return DateGuess(day, "calendar", CONFIDENCE["calendar"], evidence)


def _near_named_day(day, named_days) -> bool:
    """Whether a day and month the text names lies near `day` (after it, for "until")."""
    for (month, dom), until in named_days:
        for year in (day.year - 1, day.year, day.year + 1):
            try:
                named = datetime.date(year, month, dom)
            except ValueError:
                continue
            distance = (named - day).days
            if (0 < distance <= UNTIL_DAYS) if until else abs(distance) <= NEAR_DAYS:
                return True
    return False


def named_round_date(text: str, rounds=()) -> DateGuess | None:
    """For a text naming one round outright ("Astana-9") and a weekday ("on Monday") but no
    date: the one day of that round falling on that weekday."""
    if len(rounds) != 1:
        return None
    event = rounds[0]
    weekdays = weekdays_named(text)
    length = (event.last_day - event.start_date).days
    days = [event.start_date + datetime.timedelta(days=n) for n in range(length + 1)]
    fitting = [day for day in days if day.weekday() in weekdays]
    if len(fitting) != 1:
        return None
    if len(days) < 7 and weekdays - {day.weekday() for day in days}:
        return None  # "confirmed on Thursday" before a Saturday meeting: written before it
    words = f"{event.title}, {fitting[0]:%A %d %B %Y}"
    return DateGuess(fitting[0], "calendar", CONFIDENCE["calendar"], words)
