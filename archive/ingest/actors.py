"""Find the actors an article names, by their names and aliases.

The matcher is built from the database (so aliases a curator adds are used by the next
import), and compiled into two regular expressions: one case-insensitive for names, one
case-sensitive for acronyms such as UN or IS. Longer names win over their parts
("Islamic State of Iraq and Syria" before "Islamic State").
"""

import re
from collections import Counter

APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'"})


def normalise_text(text: str) -> str:
    """Fold the apostrophe variants so "Ja’afari" matches the alias "Ja'afari"."""
    return text.translate(APOSTROPHES)


def _alternation(names):
    ordered = sorted(set(names), key=len, reverse=True)
    return r"(?<!\w)(" + "|".join(re.escape(n) for n in ordered) + r")(?!\w)"


class ActorMatcher:
    """Counts mentions of known actors in a text: `matcher.count(text) -> {actor_id: n}`."""

    def __init__(self, names: list[tuple[int, str, bool]]):
        """`names` holds (actor id, name, case_sensitive) for every name and alias."""
        self.exact = {}
        self.folded = {}
        for actor_id, name, case_sensitive in names:
            name = normalise_text(name.strip())
            if not name:
                continue
            if case_sensitive:
                self.exact[name] = actor_id
            else:
                self.folded[name.casefold()] = actor_id
        self._exact_re = re.compile(_alternation(self.exact)) if self.exact else None
        # Names are matched in lower-cased text: a case-sensitive pattern is several
        # times faster than one big IGNORECASE alternation.
        self._folded_re = re.compile(_alternation(self.folded)) if self.folded else None

    @classmethod
    def from_database(cls):
        from archive.models import Actor, Alias

        names = [(a.pk, a.name, False) for a in Actor.objects.all()]
        names += list(Alias.objects.values_list("actor_id", "name", "case_sensitive"))
        return cls(names)

    def count(self, text: str) -> Counter:
        text = normalise_text(text)
        found = Counter()
        spans = []
        if self._folded_re:
            for match in self._folded_re.finditer(text.casefold()):
                found[self.folded[match.group(1)]] += 1
                spans.append(match.span(1))
        if self._exact_re:
            for match in self._exact_re.finditer(text):
                if not any(start <= match.start(1) < end for start, end in spans):
                    found[self.exact[match.group(1)]] += 1
        return found
