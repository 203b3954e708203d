"""Names the gazetteer does not know, proposed to curators (never made actors unreviewed).

A name is proposed when it speaks in a quote, or stands right after a title ("spokesman
Salem al-Meslet"). Proposals are counted across articles; the first sentence is kept.
"""

from archive.actors.names import LEADING_TITLES, normalise_name
from archive.actors.speakers import TITLE_THEN_NAME

PARTICLES = {"de", "al", "bin", "Abu", "Abou", "Abdel"}
# A proposal is suggested as an organisation when its last word says so.
ORGANISATION_WORDS = {
    "Ministry",
    "Department",
    "Command",
    "Committee",
    "Commission",
    "Council",
    "House",
    "Watch",
    "Agency",
    "Army",
    "Forces",
    "Front",
    "Coalition",
    "Group",
    "Brigade",
    "Brigades",
    "Office",
    "Observatory",
    "Organisation",
    "Organization",
    "Union",
    "Party",
    "Movement",
    "Committees",
}


def names_after_titles(body: str):
    """(name, sentence) for every capitalised name right after a title."""
    for match in TITLE_THEN_NAME.finditer(body):
        start = body.rfind(".", 0, match.start()) + 1
        end = body.find(".", match.end())
        yield match["name"], body[start : end if end > 0 else None].strip()


class ProposalCollector:
    """Gathers unknown names during an import; `save()` writes them to the review queue."""

    def __init__(self, known_names: set[str]):
        self.known = known_names  # normalised names and aliases of every actor
        self.found: dict[str, dict] = {}

    @classmethod
    def from_database(cls):
        from archive.models import Actor, ActorProposal, Alias

        known = {normalise_name(n) for n in Actor.objects.values_list("name", flat=True)}
        known |= {normalise_name(n) for n in Alias.objects.values_list("name", flat=True)}
        # Names a curator already rejected or accepted are not proposed again.
        known |= set(
            ActorProposal.objects.exclude(status=ActorProposal.Status.PENDING).values_list(
                "normalised", flat=True
            )
        )
        return cls(known)

    def add(self, name: str, sentence: str, article):
        name = LEADING_TITLES.sub("", name).strip()
        if len(name.split()) < 2 or name.split()[-1] in PARTICLES:
            return
        key = normalise_name(name)
        if not key or key in self.known or len(key) < 5:
            return
        entry = self.found.setdefault(
            key, {"name": name, "sentence": sentence, "article": article, "seen": 0}
        )
        entry["seen"] += 1

    def save(self):
        """Add the names to the review queue (or count them again); returns how many are new."""
        from django.db.models import F

        from archive.models import Actor, ActorProposal, fitted

        for entry in self.found.values():  # an article of a dry run, or not saved, is none
            if entry["article"] is not None and entry["article"].pk is None:
                entry["article"] = None
        existing = set(
            ActorProposal.objects.filter(normalised__in=self.found).values_list(
                "normalised", flat=True
            )
        )
        for key in existing:
            ActorProposal.objects.filter(normalised=key).update(
                seen=F("seen") + self.found[key]["seen"]
            )
        new = [
            ActorProposal(
                **fitted(
                    ActorProposal, name=entry["name"], normalised=key, sentence=entry["sentence"]
                ),
                kind=Actor.Kind.ORGANISATION
                if entry["name"].split()[-1] in ORGANISATION_WORDS
                else Actor.Kind.PERSON,
                article=entry["article"],
                seen=entry["seen"],
            )
            for key, entry in self.found.items()
            if key not in existing
        ]
        ActorProposal.objects.bulk_create(new)
        return len(new)
