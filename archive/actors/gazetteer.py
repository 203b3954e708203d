"""Load the shipped gazetteer (archive/actors/gazetteer.json) into Actor and Alias rows.

Loading only adds what is missing: an actor a curator renamed or described differently
keeps the curator's version.
"""

import json
from pathlib import Path

from django.db import transaction

from archive.models import Actor, Alias

GAZETTEER = Path(__file__).with_name("gazetteer.json")


@transaction.atomic
def load_gazetteer(path: Path = GAZETTEER) -> tuple[int, int]:
    """Returns (actors created, aliases created)."""
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
    return actors_created, aliases_created
