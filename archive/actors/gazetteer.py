"""Load the shipped gazetteer (archive/actors/gazetteer.json) into Actor and Alias rows.

Loading only adds what is missing: an actor a curator renamed or described differently
keeps the curator's version.
"""

import datetime
import json
from pathlib import Path

from django.db import transaction

from archive.models import Actor, ActorRole, Alias

GAZETTEER = Path(__file__).with_name("gazetteer.json")


def _day(value):
    return datetime.date.fromisoformat(value) if value else None


@transaction.atomic
def load_gazetteer(path: Path = GAZETTEER) -> tuple[int, int]:
    """Returns (actors created, aliases created). Roles missing from an actor are added."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    actors_created = aliases_created = 0
    for entry in data["actors"]:
        actor, created = Actor.objects.get_or_create(
            slug=entry["slug"],
            defaults={
                "name": entry["name"],
                "kind": entry["kind"],
                "description": entry.get("description", ""),
            },
        )
        actors_created += created
        for alias in entry.get("aliases", []):
            _, created = Alias.objects.get_or_create(
                actor=actor,
                name=alias["name"],
                defaults={"case_sensitive": alias.get("case_sensitive", False)},
            )
            aliases_created += created
        for role in entry.get("roles", []):
            ActorRole.objects.get_or_create(
                actor=actor,
                title=role["title"],
                start=_day(role.get("start")),
                defaults={
                    "organisation": role.get("organisation", ""),
                    "end": _day(role.get("end")),
                    "title_patterns": "\n".join(role.get("patterns", [])),
                },
            )
    return actors_created, aliases_created
