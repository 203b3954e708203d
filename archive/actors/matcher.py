"""Find the actors an article names: by their names and aliases, and by the titles they held
on the article's date ("the UN envoy" in 2014 is Brahimi, in 2016 de Mistura).

The matcher is built from the database (so aliases and roles a curator adds are used by the
next import). Names are matched in folded text (case, accents, apostrophe and hyphen variants
do not count); acronyms such as UN or IS are matched as written. Longer names win over
their parts ("Islamic State of Iraq and Syria" before "Islamic State").
"""

import re
from collections import Counter

from archive.actors.literals import trie_pattern
from archive.actors.names import (
    ARABIC_CLITICS,
    CYRILLIC,
    RUSSIAN_ENDINGS,
    fold,
    inflected_pattern,
    name_variants,
)
from archive.actors.titles import PERSON_TITLES, alternation, title_variants
from archive.models.actor import held_between

TITLE_BEFORE_NAME = 60  # "the UN envoy for Syria, Staffan de Mistura": one reference, not two
TITLE_NOUNS = alternation([*PERSON_TITLES, "diplomat"])
# "rebel spokesman Yehya al-Aridi": the words before a name, ending with a title noun.
TITLE_AHEAD = re.compile(rf"((?:[\w.']+\s+){{0,3}}?(?:{TITLE_NOUNS}))\s+$")
# What TITLE_AHEAD's text must end with: checked first, as searching for it at every position
# of the 60 characters before each name cost ~20 µs a name.
TITLE_NOUN_ENDINGS = (*PERSON_TITLES, "diplomat")


def _alternation(names):
    """Any of the names as a whole word (after an Arabic clitic), the longest first."""
    return rf"(?<!\w){ARABIC_CLITICS}(" + trie_pattern(names) + r")(?!\w)"


class ActorMatcher:
    """Counts references to known actors: `matcher.count(text, day) -> {actor_id: n}`."""

    def __init__(self, names, roles=()):
        """`names`: (actor id, name, case_sensitive) for every name and alias;
        `roles`: (actor id, title pattern, start, end) for every role's written forms."""
        self.exact, self.folded, self.roles = {}, {}, {}
        for actor_id, name, case_sensitive in names:
            name = name.strip()
            if not name:
                continue
            if case_sensitive:
                self.exact[name] = actor_id
                continue
            self.folded[fold(name)] = actor_id
            for variant in name_variants(name):
                self.folded.setdefault(fold(variant), actor_id)
        for actor_id, pattern, start, end in roles:
            self.roles.setdefault(fold(pattern), []).append((actor_id, start, end))
        # Russian names in any grammatical case, each with its own pattern to tell which.
        russian = sorted((n for n in self.folded if CYRILLIC.search(n)), key=len, reverse=True)
        self.inflected = [(re.compile(inflected_pattern(n)), self.folded[n]) for n in russian]
        self._inflected_re = (
            re.compile(r"(?<!\w)(" + "|".join(p.pattern for p, _ in self.inflected) + r")(?!\w)")
            if russian
            else None
        )
        # Every Russian pattern holds a Cyrillic letter outside its endings: a text without one
        # (most texts) need not be searched for them.
        self._inflected_needs_cyrillic = all(
            CYRILLIC.search(p.pattern.replace(RUSSIAN_ENDINGS, "")) for p, _ in self.inflected
        )
        self._exact_re = re.compile(_alternation(self.exact)) if self.exact else None
        self._folded_re = re.compile(_alternation(self.folded)) if self.folded else None
        self._roles_re = re.compile(_alternation(self.roles)) if self.roles else None

    @classmethod
    def from_database(cls, actors=None):
        """The matcher of every actor (or of the `actors` queryset given)."""
        from archive.models import Actor, ActorRole, Alias

        actors = Actor.objects.all() if actors is None else actors
        names = [(a.pk, a.name, False) for a in actors]
        aliases = Alias.objects.filter(actor__in=actors)
        names += list(aliases.values_list("actor_id", "name", "case_sensitive"))
        roles = [
            (role.actor_id, pattern, role.start, role.end)
            for role in ActorRole.objects.filter(actor__in=actors)
            for written in role.patterns
            for pattern in title_variants(written)
        ]
        return cls(names, roles)

    @classmethod
    def for_actors(cls, slugs):
        """The matcher of these actors alone (to mark where a text names them)."""
        from archive.models import Actor

        return cls.from_database(Actor.objects.filter(slug__in=slugs))

    def find(self, text: str, day=None) -> list[tuple[int, int, int]]:
        """(start, end, actor id) of every reference, in order."""
        folded = fold(text)
        found = []
        if self._folded_re:
            found += [
                (m.start(1), m.end(1), self.folded[m.group(1)])
                for m in self._folded_re.finditer(folded)
            ]
        if self._inflected_re and (not self._inflected_needs_cyrillic or CYRILLIC.search(folded)):
            found += self._inflected(folded, found)
        if self._exact_re:
            taken = [(s, e) for s, e, _ in found]
            for m in self._exact_re.finditer(text):
                if not any(s <= m.start(1) < e for s, e in taken):
                    found.append((m.start(1), m.end(1), self.exact[m.group(1)]))
        if self._roles_re:
            titles = list(self._roles_re.finditer(folded))
            if day is None:
                # Undated, only a title that has had one holder is read as a reference.
                titles = [t for t in titles if len({a for a, _, _ in self.roles[t[1]]}) == 1]
            # "the UN envoy" refers to the envoy, not also to the UN.
            found = [
                f for f in found if not any(t.start(1) <= f[0] and f[1] <= t.end(1) for t in titles)
            ]
            found += self._titles(titles, day, found)
        found += self._titles_in_article(folded, found)
        return sorted(found)

    def _inflected(self, folded, named):
        """Russian names in another case than the one the gazetteer writes."""
        extra = []
        for m in self._inflected_re.finditer(folded):
            if any(s < m.end(1) and m.start(1) < e for s, e, _ in named):
                continue
            actor = next((a for pattern, a in self.inflected if pattern.fullmatch(m[1])), None)
            if actor is not None:
                extra.append((m.start(1), m.end(1), actor))
        return extra

    def _titles_in_article(self, folded, named):
        """ "the rebel spokesman", after "rebel spokesman Yehya al-Aridi" in the same article."""
        introduced = {}  # title noun → actors introduced with it
        for start, end, actor_id in named:
            before = folded[max(0, start - 60) : start]
            if not before[-1:].isspace() or not before.rstrip().endswith(TITLE_NOUN_ENDINGS):
                continue
            ahead = TITLE_AHEAD.search(before)
            if ahead:
                noun = ahead.group(1).split()[-1]
                introduced.setdefault(noun, {})[actor_id] = (end, ahead.group(1))
        extra = []
        for noun, actors in introduced.items():
            if len(actors) != 1:
                continue  # two spokesmen: "the spokesman" is ambiguous
            ((actor_id, (after, title)),) = actors.items()
            pattern = re.compile(rf"\bthe\s+(?:[\w.']+\s+){{0,3}}?{noun}\b")
            for m in pattern.finditer(folded, after):
                if not any(s < m.end() and m.start() < e for s, e, _ in named):
                    extra.append((m.start(), m.end(), actor_id))
        return extra

    def _titles(self, titles, day, named):
        resolved = []
        for m in titles:
            if any(m.end(1) <= s <= m.end(1) + TITLE_BEFORE_NAME for s, _, _ in named):
                continue  # the name follows: "UN envoy Staffan de Mistura"
            # Undated, a title names its holder only when it has had one holder.
            holders = {
                actor_id
                for actor_id, start, end in self.roles[m.group(1)]
                if day is None or held_between(start, end, day)
            }
            if len(holders) == 1:
                resolved.append((m.start(1), m.end(1), holders.pop()))
        return resolved

    def count(self, text: str, day=None) -> Counter:
        return Counter(actor_id for _, _, actor_id in self.find(text, day))
