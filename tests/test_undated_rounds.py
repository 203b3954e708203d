"""An undated text that names no round is placed by its other cues, or not at all."""

import pytest

from archive.actors.matcher import ActorMatcher
from archive.ingest.rounds import RoundFinder

pytestmark = pytest.mark.django_db


def placed(text):
    people = ActorMatcher.from_database().count(text)
    return [event.slug for event in RoundFinder.from_database().find(text, None, people=people)]


def test_a_venue_only_one_round_used_places_the_text():
    text = "Ministers gathered in Montreux before the delegations travelled on to Geneva."
    assert placed(text) == ["geneva-2-1"]


def test_a_look_back_at_the_first_round_places_the_text_in_a_later_one():
    text = (
        "Lakhdar Brahimi shuttled between the teams in Geneva. A deal reached in the "
        "first round last month let food into the old city."
    )
    assert placed(text) == ["geneva-2-2"]


def test_talks_about_to_open_are_the_first_round_of_their_conference():
    text = "Talks chaired by Lakhdar Brahimi will open in Geneva on Friday."
    assert placed(text) == ["geneva-2-1"]


def test_a_new_round_with_no_other_cue_is_not_placed():
    text = "Lakhdar Brahimi said a new round of talks would start in Geneva."
    assert placed(text) == []


def test_the_wars_age_keeps_the_rounds_held_when_it_was_that_old():
    text = "Ministers met in Geneva to end the 15-month conflict."
    assert placed(text) == ["geneva-1"]


def test_a_text_naming_only_a_process_is_not_placed():
    assert placed("Talks opened in Geneva on Friday.") == []


def test_a_conference_named_in_french_with_roman_numerals_is_found():
    text = "Les pourparlers de Genève II s'ouvrent vendredi, selon des diplomates."
    assert placed(text) == ["geneva-2-1"]


def test_a_resumed_round_of_a_conference_is_not_taken_for_its_opening():
    text = "La reprise des pourparlers de Genève II est attendue lundi."
    assert placed(text) == []


def test_a_congress_still_to_come_gives_way_to_the_round_reported():
    from archive.ingest.rounds import rounds_named

    text = (
        "The eighth round of the Astana talks closed, and the Sochi congress will be held "
        "next month."
    )
    assert rounds_named(text) == {("astana", 8)}


def test_the_congress_is_named_in_russian_with_its_adjective():
    from archive.ingest.rounds import rounds_named

    assert rounds_named("Конгресс сирийского национального диалога открылся.") == {("sochi", 1)}


def test_the_committees_launch_is_its_first_session():
    text = "The Constitutional Committee began its work in Geneva with an address by the envoy."
    assert placed(text) == ["constitutional-1"]


def test_a_day_two_rounds_shared_goes_to_the_one_near_a_one_off_meeting_named():
    text = (
        "Delegations in Astana on 21 December discussed who would be invited to Sochi, "
        "where Russia wants a congress of Syrians."
    )
    assert placed(text) == ["astana-8"]


def test_a_day_two_rounds_shared_with_no_other_cue_is_not_placed():
    assert placed("Delegations met in Astana on 21 December.") == []


def test_an_event_reported_as_news_keeps_the_rounds_held_in_the_weeks_after_it():
    text = (
        "Staffan de Mistura told reporters in Geneva that the Russian withdrawal announced "
        "by Moscow could help the negotiations."
    )
    assert placed(text) == ["geneva-3-2"]


@pytest.mark.parametrize(
    "words",
    [
        "вывод основной части российских войск",
        "سحب القوات الروسية",
        "le retrait partiel des forces russes",
    ],
)
def test_the_event_is_read_in_russian_arabic_and_french(words):
    from archive.ingest.landmarks import named_in

    assert [landmark.day.isoformat() for landmark in named_in(f"Après {words}.")] == ["2016-03-14"]


def test_an_event_outside_every_candidates_window_changes_nothing():
    text = (
        "Lakhdar Brahimi said a new round of talks would start in Geneva, long before the "
        "Russian withdrawal."
    )
    assert placed(text) == []


AWAITING_GENEVA = {
    "en": "Delegations gather in Astana, ahead of the Geneva talks on 23 February.",
    "fr": "Les délégués se réunissent à Astana, en prévision des discussions de Genève du "
    "23 février.",
    "ru": "Делегации собираются в Астане в преддверии переговоров в Женеве 23 февраля.",
    "ar": "تجتمع الوفود في أستانا استعدادا لمحادثات جنيف في 23 شباط.",
}


@pytest.mark.parametrize("language", sorted(AWAITING_GENEVA))
def test_a_text_awaiting_a_meeting_reports_the_other_tracks_meeting_just_before(language):
    assert placed(AWAITING_GENEVA[language]) == ["astana-2"]


def test_a_text_awaiting_a_meeting_of_its_only_process_previews_that_meeting():
    assert placed("Delegations prepare, ahead of the Geneva talks on 23 February.") == ["geneva-4"]


def test_a_day_reported_as_past_is_the_round_held_on_it():
    text = "Delegations met in Astana, and the Geneva talks opened on 23 February."
    assert placed(text) == ["geneva-4"]
