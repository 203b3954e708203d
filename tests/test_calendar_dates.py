"""Dating texts that carry no date of their own against the calendar of rounds."""

import datetime

import pytest

from archive.ingest.calendar_dates import calendar_date, phase_cues, war_age_window
from archive.ingest.rounds import RoundFinder

D = datetime.date
pytestmark = pytest.mark.django_db


def geneva_rounds():
    return RoundFinder.from_database().of_processes({"geneva"})


def test_the_age_given_to_the_war_bounds_when_a_text_was_written():
    low, high = war_age_window("Envoys met again to end Syria's six-year war.")
    assert low < D(2017, 6, 1) < high
    assert high < D(2019, 1, 1) and low > D(2016, 1, 1)


def test_the_war_age_counts_months_too():
    low, high = war_age_window("Ministers met after 20 months of bloodshed in Syria.")
    assert low < D(2012, 11, 15) < high < D(2013, 3, 1)


def test_a_persons_age_is_not_the_wars():
    assert war_age_window("A 40-year-old man was hurt in the fighting.") is None


def test_talks_launched_yesterday_date_the_text_to_the_day_after_an_opening():
    cues = phase_cues("Delegates launched a fresh round of talks yesterday in the city.")
    assert [(c[0], c[1]) for c in cues] == [("opening", "yesterday")]


def test_a_process_launched_is_not_the_talks_opening():
    text = "He hoped for a settlement, noting that at last there is a process launched by them."
    assert phase_cues(text) == []


def test_a_future_opening_with_no_day_says_nothing():
    assert phase_cues("The talks open in the spring, diplomats hope.") == []


def test_an_undated_text_on_talks_opening_today_in_a_given_war_year_is_dated():
    text = (
        "Syria's seven-year conflict was on the table as the peace talks in Geneva "
        "were convened today at the Palais des Nations, on Tuesday."
    )
    guess = calendar_date(text, geneva_rounds())
    assert guess and guess.date == D(2017, 11, 28) and guess.method == "calendar"


def test_two_rounds_that_fit_equally_leave_the_text_undated():
    text = "The Geneva talks opened today, delegates said."
    assert calendar_date(text, geneva_rounds()) is None


def test_a_day_the_talks_last_until_lies_after_the_text():
    text = "The Geneva talks broke up until Feb 10, officials said on Friday."
    guess = calendar_date(text, geneva_rounds())
    assert guess and guess.date == D(2014, 1, 31)


def test_a_day_may_stand_before_the_verb():
    cues = phase_cues("The envoy today opened the second round of talks.")
    assert [(c[0], c[1]) for c in cues] == [("opening", "today")]
