"""Place an article in the round of talks it reports on.

A round the text names explicitly decides first ("Astana-6", "Geneva IV", "the fourth
round of the Astana talks", "the eighth session of the Constitutional Committee", "the Sochi
congress"), when the article's date (if known) is not far from it. Otherwise an article
belongs to a round when it names the round's process (Geneva, Astana, the Constitutional
Committee, Sochi) and its publication date falls within the round or in the days just after
it, when the reports of how it ended are written.
"""

import datetime
import functools
import re

from archive import languages
from archive.ingest import undated_rounds
from archive.ingest.dates import days_of_month_named, to_come
from archive.languages import fold_script
from archive.models import Event
from archive.screens import Screened

_ENGLISH_PROCESS_NAMES = {
    Event.Process.GENEVA: r"\bGeneva\b",
    Event.Process.ASTANA: r"\bAstana\b|\bNur-Sultan\b",
    Event.Process.CONSTITUTIONAL: (
        r"\b(?i:Constitutional Committee|Constitution Committee)\b"
        r"|\b(?i:Committee (?:of|for|on) (?:Discussing |Drafting |Reviewing )?(?:the )?"
        r"Constitution)\b"
    ),
    Event.Process.SOCHI: r"\bSochi\b",
}
# The process names in every language (Arabic ones as fold_script writes them). Arabic writes
# its conjunctions (و، ف) and prepositions (ب، ل) joined to the next word: "بجنيف", "وأستانا".
ARABIC_PROCLITICS = r"(?:[وف]?[بل]?)"
PROCESS_NAMES = {
    process: Screened(
        re.compile(rf"{english}|(?<!\w){ARABIC_PROCLITICS}(?:{languages.PROCESS_WORDS[process]})")
    )
    for process, english in _ENGLISH_PROCESS_NAMES.items()
}
ONE_OFF_DAYS = 120  # how near a one-off meeting a text naming it and a day of a round was written
GRACE_DAYS = 7  # how long after a round's end an article still reports on it
LEAD_DAYS = 5  # how long before a round's start an article previews it
AWAITED_DAYS = 30  # how long before a meeting a text awaiting it reports another track's
# How far from a round an article naming it explicitly may be dated (previews, look-backs).
EXPLICIT_WINDOW = datetime.timedelta(days=45)

_ORDINAL_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
ORDINALS = {word: n for n, word in enumerate(_ORDINAL_WORDS, start=1)}
ORDINALS.update({f"twenty-{word}": 20 + n for word, n in list(ORDINALS.items())[:9]})
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9}
_ORDINAL = (
    r"(?P<ordinal>"
    + "|".join(sorted(ORDINALS, key=len, reverse=True))
    + r"|\d{1,2}(?:st|nd|rd|th))"
)
_NUMBER = r"(?P<number>\d{1,2}|[IVX]{1,4})\b"
_PROCESS = r"(?P<process>Geneva|Astana|Nur-Sultan|Kazakhstan|Constitutional Committee|Sochi)"
# The words between "the fourth round" and "of the Astana talks": not a verb, which would
# start another clause ("the first meeting was held ... to support the talks in Geneva").
_GAP_WORD = r"(?!(?:was|were|held|will|would|had|has)\b)[\w'’,()-]+"
EXPLICIT_ROUND = [
    # Astana-6, Astana 14, Geneva IV, Geneva-8
    re.compile(rf"\b{_PROCESS}[ -]{_NUMBER}(?![.,]\d)"),
    # the fourth round of (the) (intra-Syrian) Astana talks; 8th session of the ... Committee
    re.compile(
        rf"\b{_ORDINAL}\s+(?:round|session|meeting|conference)\b(?:\s+{_GAP_WORD}){{0,10}}?"
        rf"\s+{_PROCESS}",
        re.I,
    ),
    # the Astana talks' 14th round; the Constitutional Committee's eighth session
    re.compile(rf"\b{_PROCESS}\b[^.;]{{0,30}}?\b{_ORDINAL}\s+(?:round|session)\b", re.I),
]
# "This is the 14th such meeting": the round of the process last named before it.
SUCH_ROUND = re.compile(rf"\b{_ORDINAL}\s+such\s+(?:round|session|meeting|conference)\b", re.I)
CONGRESS = re.compile(
    r"\bSochi\s+(?:peace\s+)?congress\b|National Dialogue Congress|مؤتمر الحوار الوطني"
    r"|Конгресс\w*\s+(?:\w+\s+)?национального\s+диалога|congrès de Sotchi"
    # Russian news shortens it: "конгресс нацдиалога"
    r"|Конгресс\w*\s+(?:\w+\s+){0,2}нацдиалога"
    r"|congrès (?:\w+\s+)?du dialogue national",
    re.I,
)
# Geneva I was the meeting of the Action Group for Syria.
ACTION_GROUP = re.compile(
    r"\bAction Group\b|مجموعة العمل|Групп\w* действий|groupe d'action|groupe d’action", re.I
)
PROCESS_OF = {
    "geneva": Event.Process.GENEVA,
    "astana": Event.Process.ASTANA,
    "nur-sultan": Event.Process.ASTANA,
    "kazakhstan": Event.Process.ASTANA,  # "the 14th round of talks ... in Kazakhstan"
    "constitutional committee": Event.Process.CONSTITUTIONAL,
    "sochi": Event.Process.SOCHI,
}


def _count(match) -> int | None:
    if match.groupdict().get("number"):
        text = match["number"]
        return int(text) if text.isdigit() else ROMAN.get(text)
    ordinal = match["ordinal"].lower()
    return ORDINALS.get(ordinal) or int(re.sub(r"\D", "", ordinal))


# "before the 8th round ... scheduled for August": a round still to come, not the one reported.
AHEAD = re.compile(r"\b(?:before|ahead\s+of|next|upcoming|forthcoming|future)\s+(?:the\s+)?$", re.I)


FUTURE = re.compile(
    rf"\b(?:next|upcoming|forthcoming|will be held|to be held)\b|(?<!\w)(?:{languages.FUTURE})",
    re.I,
)


def _count_digits(ordinal: str) -> int | None:
    digits = re.search(r"\d+", ordinal)
    return int(digits[0]) if digits else None


# Besides a process's name, the cues an explicit round mention may have: texts with none
# (most casualty reports) skip the dozen patterns below.
OTHER_ROUND_CUE = Screened(
    re.compile(r"Kazakhstan|Action Group|" + CONGRESS.pattern + "|" + ACTION_GROUP.pattern, re.I)
)


@functools.lru_cache(maxsize=32)
def rounds_named(text: str) -> frozenset[tuple[str, int]]:
    """See _rounds_named; read once per text (the importer asks several times)."""
    if not processes_named(text) and not OTHER_ROUND_CUE.search(fold_script(text)):
        return frozenset()
    return frozenset(_rounds_named(text))


def _rounds_named(text: str) -> set[tuple[str, int]]:
    """(process, number) of every round the text names explicitly. In a text about the
    Constitutional Committee, "the second round in Geneva" is the Committee's (Geneva is
    where it sits); "Geneva IV" stays a Geneva conference. A round named only as one to
    come ("before the eighth round") is left out when the text names another."""
    text = fold_script(text)
    named, ahead = set(), set()
    committee = PROCESS_NAMES[Event.Process.CONSTITUTIONAL].search(text)
    for pattern in EXPLICIT_ROUND:
        for match in pattern.finditer(text):
            number = _count(match)
            process = PROCESS_OF[match["process"].lower()]
            ordinal = "ordinal" in pattern.groupindex
            if committee and ordinal and process == Event.Process.GENEVA:
                process = Event.Process.CONSTITUTIONAL
            if number:
                to_come = AHEAD.search(text[max(0, match.start() - 20) : match.start()])
                (ahead if to_come else named).add((process, number))
    for pattern in languages.FOREIGN_ROUND:
        for match in pattern.finditer(text):
            process = next(p for p in languages.PROCESS_WORDS if match[p])
            if match.groupdict().get("number"):
                number = _count(match)
            else:
                number = languages.ordinal_value(match["ordinal"]) or _count_digits(
                    match["ordinal"]
                )
            if number and not languages.ROUND_BEHIND.search(
                text[max(0, match.start() - 20) : match.start()]
            ):
                named.add((process, number))
    for match in SUCH_ROUND.finditer(text):
        before = [
            (m.start(), process)
            for process, pattern in PROCESS_NAMES.items()
            for m in pattern.finditer(text, 0, match.start())
        ]
        if before:
            named.add((max(before)[1], _count(match)))
    for match in CONGRESS.finditer(text):
        # "the congress to be held in Sochi next month": one to come, like AHEAD rounds.
        around = text[max(0, match.start() - 40) : match.end() + 80]
        to_come = FUTURE.search(around) or AHEAD.search(
            text[max(0, match.start() - 20) : match.start()]
        )
        (ahead if to_come else named).add((Event.Process.SOCHI, 1))
    if ACTION_GROUP.search(text):
        named.add((Event.Process.GENEVA, 1))
    return named or ahead


@functools.lru_cache(maxsize=32)  # asked several times per text while it is imported
def processes_named(text: str) -> frozenset[str]:
    text = fold_script(text)
    return frozenset(p for p, pattern in PROCESS_NAMES.items() if pattern.search(text))


class RoundFinder:
    """Looks up rounds by process and date; built once per import from the calendar."""

    def __init__(self, events, participants=None):
        self.by_process = {}
        for event in events:
            self.by_process.setdefault(event.process, []).append(event)
        self.participants = participants or {}  # event id → ids of its mediators, heads…

    @classmethod
    def from_database(cls):
        from archive.models import Participant

        participants = {}
        for event_id, actor_id in Participant.objects.values_list("event_id", "actor_id"):
            participants.setdefault(event_id, set()).add(actor_id)
        return cls(Event.objects.filter(held=True), participants)

    def with_participants(self, rounds, actor_ids) -> list[Event]:
        """Of `rounds`, those whose mediator or delegation heads the text names most (Brahimi:
        Geneva II; Pedersen: the Committee and later Astana rounds); all of them when the
        text names none of their participants."""
        named = set(actor_ids)
        counts = {event: len(self.participants.get(event.pk, set()) & named) for event in rounds}
        best = max(counts.values(), default=0)
        return [event for event in rounds if counts[event] == best] if best else list(rounds)

    def of_processes(self, processes) -> list[Event]:
        """Every round of these processes (the calendar a text naming them is dated against)."""
        return [event for process in processes for event in self.by_process.get(process, [])]

    def named_candidates(self, text: str) -> list[Event]:
        """Every round the text may mean by the rounds it names: "Geneva 2" is both rounds
        of that conference (the calendar an undated text is dated against)."""
        found = [
            event
            for process, number in rounds_named(text)
            for event in self.by_process.get(process, [])
            if event.number == number
        ]
        return sorted(set(found), key=lambda e: e.start_date)

    def named(self, text: str, day=None) -> list[Event]:
        """The rounds the text names explicitly (near `day`, when it is known). A numbered
        Geneva conference with several rounds gives the one nearest the day."""
        found = []
        for process, number in rounds_named(text):
            events = [e for e in self.by_process.get(process, []) if e.number == number]
            if day is not None:
                events = [e for e in events if _near(e, day)]
                if len(events) > 1:
                    events = [min(events, key=lambda e: _distance(e, day))]
            if len(events) == 1:
                found += events
        return sorted(set(found), key=lambda e: e.start_date)

    def _on_days_named(self, text, processes=None) -> list[Event]:
        """For an undated text: the one round of its processes held on a day and month it
        names ("the talks held on 21 December" → Astana 8), if exactly one is. A day named
        only as one to come ("ahead of the Geneva talks on 23 February") counts when the
        text names no other (`_awaited`)."""
        events = self.of_processes(processes_named(text) if processes is None else processes)
        named = days_of_month_named(text)
        reported = [day for start, day in named if not to_come(text, start)]
        held = self._held_on(events, reported)
        if not held:
            return self._awaited(events, [day for start, day in named if to_come(text, start)])
        return held

    def _held_on(self, events, days) -> list[Event]:
        held = {event for month, dom in days for event in events if _held_on(event, month, dom)}
        if len(held) > 1:
            # Astana 8 and 17 both sat on 21 December: a one-off meeting the text also names
            # (the Sochi congress) was near the one it means.
            one_offs = [rounds[0] for rounds in self.by_process.values() if len(rounds) == 1]
            near = {
                event
                for event in held
                for one_off in one_offs
                if one_off in events
                and one_off not in held
                and _distance(event, one_off.start_date) <= ONE_OFF_DAYS
            }
            held = near or held
        return list(held) if len(held) == 1 else []

    def _awaited(self, events, days) -> list[Event]:
        """A convention of reports on two tracks of talks: a text that names one meeting
        by the day it is awaited ("ahead of the Geneva talks on 23 February", "en prévision
        des discussions de Genève du 23 février") and names another process too
        reports that process's meeting just before it (the Astana round a week earlier);
        naming no other, it previews the awaited one."""
        awaited = self._held_on(events, days)
        if not awaited:
            return []
        (ahead,) = awaited
        before = [
            event
            for event in events
            if event.process != ahead.process
            and 0 < (ahead.start_date - event.start_date).days <= AWAITED_DAYS
        ]
        return [max(before, key=lambda e: e.start_date)] if before else awaited

    def find(self, text: str, day, processes=None, people=()) -> list[Event]:
        """The rounds a text reports on: those it names; else, by its date, the round of a
        process it names under way then; undated, the one round held on a day it names, or
        the one round its other cues leave (`undated_rounds`; `people`: actor ids it names)."""
        named = self.named(text, day)
        if named:
            return named
        if day is None:
            on_days = self._on_days_named(text, processes)
            if on_days:
                return on_days
            # "Geneva II" with no date: one of that conference's rounds, else of its process.
            events = self.named_candidates(text) or self.of_processes(
                processes_named(text) if processes is None else processes
            )
            return undated_rounds.narrow(events, text, self, people)
        rounds = []
        for process in processes_named(text) if processes is None else processes:
            # Sochi hosted the congress and an Astana round: the congress's own process wins.
            candidates = self.by_process.get(process, [])
            if process == Event.Process.SOCHI:
                candidates = candidates + [
                    e for e in self.by_process.get(Event.Process.ASTANA, []) if "Sochi" in e.place
                ]
            rounds += _around(candidates, day)
        return sorted(set(rounds), key=lambda e: e.start_date)


def _held_on(event, month, dom) -> bool:
    day = event.start_date
    while day <= event.last_day:
        if (day.month, day.day) == (month, dom):
            return True
        day += datetime.timedelta(days=1)
    return False


def _around(events, day) -> list[Event]:
    """The rounds under way on `day` (or just ended, within GRACE_DAYS); else the one about
    to open within LEAD_DAYS (a preview: "delegations arrive", "a new round announced")."""
    during = [e for e in events if e.contains(day, GRACE_DAYS)]
    if during:
        return during
    ahead = [e for e in events if 0 < (e.start_date - day).days <= LEAD_DAYS]
    return [min(ahead, key=lambda e: e.start_date)] if ahead else []


def _distance(event, day) -> int:
    if day < event.start_date:
        return (event.start_date - day).days
    return max(0, (day - event.last_day).days)


def _near(event, day) -> bool:
    return _distance(event, day) <= EXPLICIT_WINDOW.days
