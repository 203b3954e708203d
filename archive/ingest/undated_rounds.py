"""Which round an undated text reports on, when it names no round outright.

The candidates are the rounds of the processes it names. Each cue below keeps the rounds it
fits and leaves the others out; a cue the text does not give, or one that would leave no
round, changes nothing. The text is placed only when one round is left and some cue chose it:
- the people it names: a round's mediator and delegation heads (Brahimi: Geneva II);
- the war's age it gives ("the five-year conflict"): rounds held when it was that old;
- the Constitutional Committee and Geneva named together: Geneva is where the Committee sits;
- a venue only one candidate used ("Montreux": the opening of Geneva II);
- where in a conference of several rounds it stands (Geneva II, Geneva III, the sessions of
  the Constitutional Committee): a text looking back at "the first round" reports a later one;
  a text on talks opening, with no word of a new or resumed round, reports the first;
- last, an event of the war it reacts to (`landmarks.py`): rounds held in the weeks after.
"""

import re

from archive import languages
from archive.ingest import landmarks
from archive.ingest.calendar_dates import in_window, war_age_window
from archive.models import Event

# "an agreement from the first round last month", "since the first round": a look back.
FIRST_ROUND_BEHIND = re.compile(
    r"\b(?:from|since|after|during|in|at)\s+the\s+first\s+(?:round|session)\b"
    r"|\bthe\s+first\s+(?:round|session)\s+(?:last|earlier)\b",
    re.I,
)
OPENING = re.compile(
    r"\b(?:open(?:s|ed|ing)?|begin(?:s|ning)?|began|start(?:s|ed|ing)?|kick(?:s|ed)?\s+off"
    r"|get\s+under\s*way|got\s+under\s*way|under\s*way|convene[sd]?)\b"
    rf"|(?<!\w)(?:و|ف)?(?:{languages.TALKS_OPENING})",
    re.I,
)
RESUMING = re.compile(
    r"\b(?:new|second|third|another|next|latest)\s+(?:round|session)\b"
    r"|\bresum\w*|\breconven\w*|\bback\s+(?:to|in)\s+Geneva\b"
    rf"|(?<!\w)(?:{languages.ROUND_RESUMING})",
    re.I,
)
# Words of a venue that tell nothing apart (every Geneva round sat in the Palais des Nations).
_VENUE_NOISE = {"then", "opening", "office", "hotel", "palais", "nations", "the", "des", "at"}


def narrow(events, text: str, finder, people) -> list:
    """The one round the cues leave, or [] when they leave several or chose nothing."""
    rounds = list(events)
    cues = (
        lambda rs: finder.with_participants(rs, people) if people else rs,
        lambda rs: in_window(rs, war_age_window(text)),
        lambda rs: committee_in_geneva(rs),
        lambda rs: by_venue(rs, text),
        lambda rs: by_part(rs, text),
        lambda rs: by_landmark(rs, text),
    )
    for cue in cues:
        kept = cue(rounds)
        if kept:
            rounds = kept
    chosen = len(rounds) == 1 and len(events) > 1
    return rounds if chosen else []


def committee_in_geneva(rounds) -> list:
    """A text naming the Constitutional Committee and Geneva names the city it sits in, not
    the Geneva conferences: the Committee's sessions, when they are among the candidates."""
    sessions = [event for event in rounds if event.process == Event.Process.CONSTITUTIONAL]
    others = {event.process for event in rounds} - {Event.Process.CONSTITUTIONAL}
    return sessions if sessions and others == {Event.Process.GENEVA} else list(rounds)


def _venue_words(event) -> set[str]:
    return {w for w in re.findall(r"[A-Z][\w-]+", event.place) if w.lower() not in _VENUE_NOISE}


def by_venue(rounds, text: str) -> list:
    """The rounds held at a place the text names that the other candidates did not use."""
    words = {event: _venue_words(event) for event in rounds}
    kept = []
    for event in rounds:
        others = set().union(*(w for e, w in words.items() if e is not event))
        if any(re.search(rf"\b{re.escape(w)}\b", text) for w in words[event] - others):
            kept.append(event)
    return kept or list(rounds)


def _conference(event):
    """The Constitutional Committee's sessions are one body's sittings: its launch ("the
    Committee began its work") was the first; Geneva II and III were held over rounds."""
    if event.process == Event.Process.CONSTITUTIONAL:
        return event.process
    return event.process, event.number


def by_part(rounds, text: str) -> list:
    """Within one conference held over several rounds (Geneva II, Geneva III): a later round
    for a text looking back at the first, the first for a text on talks opening."""
    conferences = {_conference(event) for event in rounds}
    if len(conferences) != 1 or len(rounds) < 2:
        return list(rounds)
    ordered = sorted(rounds, key=lambda event: event.start_date)
    text = languages.fold_script(text)
    if FIRST_ROUND_BEHIND.search(text):
        return ordered[1:]
    if OPENING.search(text) and not RESUMING.search(text):
        return ordered[:1]
    return list(rounds)


def by_landmark(rounds, text: str) -> list:
    """The rounds held while an event the text names was news (all of them when it names
    none, or the events' windows hold none)."""
    for landmark in landmarks.named_in(text):
        kept = in_window(rounds, landmark.window())
        if kept:
            return kept
    return list(rounds)
