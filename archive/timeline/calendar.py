"""Load the shipped calendar of rounds (archive/timeline/calendar.json) into Event rows.

Rounds already in the database are left as curators made them unless `update=True`.
"""

import datetime
import json
from pathlib import Path

from django.db import transaction

from archive.models import Actor, Event, Participant

CALENDAR = Path(__file__).with_name("calendar.json")
FIELDS = ("process", "number", "part", "title", "dates_note", "held", "place", "mediator")


def _event_fields(entry):
    fields = {name: entry[name] for name in FIELDS}
    fields["start_date"] = datetime.date.fromisoformat(entry["start_date"])
    end = entry.get("end_date")
    fields["end_date"] = datetime.date.fromisoformat(end) if end else None
    fields["delegation_heads"] = entry.get("delegation_heads", "")
    fields["outcome"] = entry.get("outcome", "")
    fields["sources"] = "\n".join(entry.get("sources", []))
    return fields


@transaction.atomic
def load_calendar(path: Path = CALENDAR, update: bool = False) -> tuple[int, int]:
    """Returns (rounds created, rounds updated). Participants name gazetteer actors by slug."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    actors = {actor.slug: actor for actor in Actor.objects.all()}
    created_count = updated_count = 0
    for entry in data["events"]:
        fields = _event_fields(entry)
        event = Event.objects.filter(slug=entry["slug"]).first()
        if event is None:
            event = Event.objects.create(slug=entry["slug"], **fields)
            created_count += 1
        elif update:
            for name, value in fields.items():
                setattr(event, name, value)
            event.save()
            updated_count += 1
        else:
            continue
        for participant in entry.get("participants", []):
            actor = actors.get(participant["actor"])
            if actor is None:
                raise ValueError(f"{entry['slug']}: unknown actor {participant['actor']!r}")
            Participant.objects.get_or_create(event=event, actor=actor, role=participant["role"])
    return created_count, updated_count
