"""Place an article in the round of talks it reports on.

An article belongs to a round when it names the round's process (Geneva, Astana, the
Constitutional Committee, Sochi) and its publication date falls within the round or in
the days just after it, when the reports of how it ended are written.
"""

import re

from archive.models import Event

PROCESS_NAMES = {
    Event.Process.GENEVA: re.compile(r"\bGeneva\b"),
    Event.Process.ASTANA: re.compile(r"\bAstana\b|\bNur-Sultan\b"),
    Event.Process.CONSTITUTIONAL: re.compile(r"\bConstitutional Committee\b", re.I),
    Event.Process.SOCHI: re.compile(r"\bSochi\b"),
}
GRACE_DAYS = 7  # how long after a round's end an article still reports on it


def processes_named(text: str) -> set[str]:
    return {process for process, pattern in PROCESS_NAMES.items() if pattern.search(text)}


class RoundFinder:
    """Looks up rounds by process and date; built once per import from the calendar."""

    def __init__(self, events):
        self.by_process = {}
        for event in events:
            self.by_process.setdefault(event.process, []).append(event)

    @classmethod
    def from_database(cls):
        return cls(Event.objects.filter(held=True))

    def of_processes(self, processes) -> list[Event]:
        """Every round of these processes (the calendar a text naming them is dated against)."""
        return [event for process in processes for event in self.by_process.get(process, [])]

    def find(self, text: str, day, processes=None) -> list[Event]:
        if day is None:
            return []
        rounds = []
        for process in processes_named(text) if processes is None else processes:
            # Sochi hosted the congress and an Astana round: the congress's own process wins.
            rounds += [e for e in self.by_process.get(process, []) if e.contains(day, GRACE_DAYS)]
            if process == Event.Process.SOCHI:
                rounds += [
                    e
                    for e in self.by_process.get(Event.Process.ASTANA, [])
                    if "Sochi" in e.place and e.contains(day, GRACE_DAYS)
                ]
        return sorted(set(rounds), key=lambda e: e.start_date)
