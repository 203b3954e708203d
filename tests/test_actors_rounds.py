"""Actors found through their aliases; articles placed in the round they report on."""

import datetime

import pytest

from archive.actors.matcher import ActorMatcher
from archive.ingest.rounds import RoundFinder
from archive.models import Actor, Event
from tests.conftest import SEED_FILES

pytestmark = pytest.mark.django_db


def mentioned_slugs(text):
    counts = ActorMatcher.from_database().count(text)
    return {Actor.objects.get(pk=pk).slug: n for pk, n in counts.items()}


def test_seed_mentions_include_the_mediator(seed_article):
    slugs = set(seed_article(0).actors.values_list("slug", flat=True))
    assert {"lakhdar-brahimi", "sohr", "islamic-state"} <= slugs


def test_surname_alias_counts_each_mention():
    text = SEED_FILES[1].read_text()
    assert mentioned_slugs(text)["john-kerry"] == text.count("Kerry")


def test_transliterations_resolve_to_one_actor():
    found = mentioned_slugs("Ja’afari met Jaafari and Bashar al-Jaafari.")
    assert found == {"bashar-al-jaafari": 3}


def test_acronyms_match_only_in_capitals():
    assert mentioned_slugs("The UN envoy said") == {"united-nations": 1}
    assert mentioned_slugs("an unusual union") == {}


def test_longest_name_wins():
    found = mentioned_slugs("the Islamic State of Iraq and Syria (ISIS)")
    assert found == {"islamic-state": 2}


def test_article_naming_astana_during_a_round_is_placed_in_it():
    finder = RoundFinder.from_database()
    rounds = finder.find(SEED_FILES[2].read_text(), datetime.date(2017, 1, 23))
    assert [e.slug for e in rounds] == ["astana-1"]


def test_article_a_few_days_after_a_round_still_reports_on_it():
    finder = RoundFinder.from_database()
    rounds = finder.find("talks in Geneva ended", datetime.date(2014, 2, 3))
    assert [e.slug for e in rounds] == ["geneva-2-1"]


def test_article_not_naming_the_process_is_not_placed():
    finder = RoundFinder.from_database()
    assert finder.find("Air strikes on Aleppo", datetime.date(2017, 1, 23)) == []


def test_undated_article_is_not_placed():
    assert RoundFinder.from_database().find("Astana talks", None) == []


def test_imported_articles_are_linked_to_rounds():
    assert Event.objects.filter(articles__isnull=False).exists()


@pytest.mark.parametrize(
    "text, slug",
    [
        ("Delegations flew in for Astana-6 on Wednesday.", "astana-6"),
        ("The fourth round of the Astana talks opened with a plenary.", "astana-4"),
        ("The 14th round of talks in Nur-Sultan closed.", "astana-14"),
        (
            "The Constitutional Committee's second session stalled over the agenda.",
            "constitutional-2",
        ),
        (
            "The eighth session of the small body of the Constitutional Committee opened.",
            "constitutional-8",
        ),
        ("Geneva IV ended without a breakthrough.", "geneva-4"),
        ("Delegates at the Sochi congress voted on a committee.", "sochi-congress"),
    ],
)
def test_a_round_named_explicitly_places_an_undated_article(text, slug):
    assert [e.slug for e in RoundFinder.from_database().find(text, None)] == [slug]


def test_a_round_named_explicitly_wins_over_the_date_window():
    """Published two weeks after Astana 4 began, during no round, looking back at it."""
    text = "Looking back at the fourth round of the Astana talks, the envoy was upbeat."
    rounds = RoundFinder.from_database().find(text, datetime.date(2017, 5, 18))
    assert [e.slug for e in rounds] == ["astana-4"]


def test_a_round_named_but_dated_far_from_it_is_not_placed_in_it():
    text = "Astana-6 is remembered as the round that drew the zones."
    assert RoundFinder.from_database().find(text, datetime.date(2021, 1, 10)) == []


def test_a_numbered_geneva_conference_gives_its_round_nearest_the_date():
    text = "Geneva III resumed after a pause."
    rounds = RoundFinder.from_database().find(text, datetime.date(2016, 4, 14))
    assert [e.slug for e in rounds] == ["geneva-3-3"]


def test_the_second_round_in_geneva_of_the_committee_is_its_second_session():
    text = "The second round of the Committee for Discussing the Constitution in Geneva stalled."
    assert [e.slug for e in RoundFinder.from_database().find(text, None)] == ["constitutional-2"]


def test_an_undated_text_naming_a_round_and_a_weekday_is_dated_to_that_day():
    from archive.ingest.dating import candidates, choose

    finder = RoundFinder.from_database()
    text = "Delegations met on Monday for Astana-9, the hosts said."
    guess = choose(candidates(text, rounds=finder.named(text), named_round=True))
    assert (guess.date, guess.method) == (datetime.date(2018, 5, 14), "calendar")


def test_the_nth_such_meeting_is_a_round_of_the_process_named_before_it():
    text = "Envoys gathered in Astana again. This is the 12th such meeting of the guarantors."
    assert [e.slug for e in RoundFinder.from_database().find(text, None)] == ["astana-12"]


def test_talks_in_kazakhstan_are_the_astana_process():
    text = "Guarantors open the 13th round of talks on Syria in Kazakhstan."
    assert [e.slug for e in RoundFinder.from_database().find(text, None)] == ["astana-13"]


def test_a_round_named_across_another_clause_is_not_named():
    text = "The first meeting was held in Ankara to support the talks in Geneva."
    assert RoundFinder.from_database().find(text, None) == []


def test_a_round_still_to_come_gives_way_to_the_round_reported():
    text = "The 5th round of talks in Astana ended. They will meet before the 6th round of Astana."
    assert [e.slug for e in RoundFinder.from_database().find(text, None)] == ["astana-5"]


def test_a_countrys_top_diplomat_is_its_foreign_minister():
    assert mentioned_slugs("Russia's top diplomat flew to Geneva.") == {"sergey-lavrov": 1}


def test_undated_a_title_names_its_holder_only_when_it_had_one():
    assert mentioned_slugs("The Russian foreign minister spoke.") == {"sergey-lavrov": 1}
    assert "lakhdar-brahimi" not in mentioned_slugs("The UN envoy spoke.")


def test_the_arabic_article_run_into_a_surname_still_names_the_person():
    assert mentioned_slugs("Co-chair Hadi Albahra arrived.") == {"hadi-al-bahra": 1}


def test_the_gazetteer_knows_the_hosts_ministers_by_title_and_date():
    counts = ActorMatcher.from_database().count(
        "The Kazakh foreign minister opened the talks.", datetime.date(2017, 5, 3)
    )
    assert {Actor.objects.get(pk=pk).slug for pk in counts} == {"kairat-abdrakhmanov"}


def test_an_article_days_before_a_round_previews_it():
    text = "Delegations are expected in Astana for the guarantors' talks."
    found = RoundFinder.from_database().find(text, datetime.date(2017, 1, 21))
    assert [e.slug for e in found] == ["astana-1"]


def test_an_article_weeks_before_a_round_is_not_placed_in_it():
    text = "Delegations are expected in Astana for the guarantors' talks."
    assert RoundFinder.from_database().find(text, datetime.date(2017, 1, 2)) == []


def test_an_undated_text_naming_one_rounds_mediator_is_placed_in_it():
    text = "Kofi Annan chaired the meeting in Geneva, delegates said."
    people = ActorMatcher.from_database().count(text)
    assert [e.slug for e in RoundFinder.from_database().find(text, None, people=people)] == [
        "geneva-1"
    ]


def test_an_undated_text_whose_participants_were_at_several_rounds_is_not_placed():
    text = "Staffan de Mistura met the delegations in Geneva."
    people = ActorMatcher.from_database().count(text)
    assert RoundFinder.from_database().find(text, None, people=people) == []


def test_a_trie_of_names_prefers_the_longest_whole_name():
    import re

    from archive.actors.literals import trie_pattern

    pattern = re.compile(
        r"\b(" + trie_pattern(["islamic state", "islamic state of iraq", "is"]) + r")\b"
    )
    assert pattern.findall("the islamic state of iraq; the islamic state of mind; is it") == [
        "islamic state of iraq",
        "islamic state",
        "is",
    ]
