"""The shipped calendar and gazetteer load into rounds and actors, and re-load changes nothing."""

import io

import pytest
from django.core.management import call_command

from archive.models import Actor, Event

pytestmark = pytest.mark.django_db


def test_calendar_holds_every_round():
    counts = {p: Event.objects.filter(process=p).count() for p in Event.Process.values}
    assert counts == {"geneva": 11, "astana": 22, "constitutional": 9, "sochi": 1, "other": 0}


def test_round_keeps_dates_mediator_heads_and_sources():
    event = Event.objects.get(slug="geneva-2-1")
    assert (str(event.start_date), str(event.end_date)) == ("2014-01-22", "2014-01-31")
    assert event.mediator == "Lakhdar Brahimi"
    assert "Ahmad Jarba" in event.delegation_heads
    assert len(event.source_urls) == 4


def test_session_not_held_is_marked():
    assert Event.objects.get(slug="constitutional-9").held is False


def test_reloading_changes_nothing():
    out = io.StringIO()
    call_command("load_reference", stdout=out)
    assert "0 actors and 0 aliases added. Calendar: 0 rounds added" in out.getvalue()


def test_curator_edit_survives_reload():
    Event.objects.filter(slug="astana-7").update(outcome="Curated outcome")
    call_command("load_reference", stdout=io.StringIO())
    assert Event.objects.get(slug="astana-7").outcome == "Curated outcome"


def test_participants_are_gazetteer_actors():
    event = Event.objects.get(slug="astana-4")
    assert set(event.participants.values_list("slug", flat=True)) == {
        "alexander-lavrentiev",
        "sedat-onal",
        "hossein-jaberi-ansari",
    }
    assert Actor.objects.get(slug="sedat-onal").aliases.filter(name="Onal").exists()
