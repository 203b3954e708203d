"""Publication dates: dateline, source metadata, explicit dates in the text, or undated."""

import datetime

import pytest

from archive.ingest.dates import event_dates
from archive.ingest.dating import candidates, choose, guess_date
from archive.models import Article
from tests.conftest import SEED_FILES

D = datetime.date


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Wed 05 Apr 2017 Syria attack symptoms", D(2017, 4, 5)),
        ("Fri 07 Apr 2017 at 0914 Homs governor says", D(2017, 4, 7)),
        ("12 February 2015 Casualties mount in the Eastern Ghouta", D(2015, 2, 12)),
        ("Date of publication 7 July 2016 Video More than 33 people", D(2016, 7, 7)),
        ("17-08-2014 Militants attack", D(2014, 8, 17)),
        ("24.08.2013 Syrian state media accused rebels", D(2013, 8, 24)),
        ("Published October 12 2016 A suicide bomber", D(2016, 10, 12)),
        ("Last updated at Apr 232017 An Israeli attack", D(2017, 4, 23)),
        ("Posted on April 19 2017 by Asharq Al-Awsat English", D(2017, 4, 19)),
        ("August 13 2016 2037 UTC+3 A representative", D(2016, 8, 13)),
    ],
)
def test_fa_kes_dateline_formats(text, expected):
    guess = guess_date(text)
    assert (guess.date, guess.method) == (expected, "dateline")


def test_dateline_agreeing_with_metadata_is_most_confident():
    guess = guess_date("Wed 05 Apr 2017 Syria attack", "4/5/17")
    assert (guess.date, guess.method, guess.confidence) == (
        D(2017, 4, 5),
        "dateline+metadata",
        0.95,
    )


def test_dateline_wins_over_disagreeing_metadata_with_less_confidence():
    guess = guess_date("Posted on April 2 2017 by Youssef Diab", "3/25/17")
    assert guess.date == D(2017, 4, 2)
    assert guess.confidence < 0.85
    assert "2017-03-25" in guess.evidence


def test_metadata_alone_is_read_month_first():
    guess = guess_date("Aleppo bomb blast kills six Syrian state TV", "4/19/17")
    assert (guess.date, guess.method) == (D(2017, 4, 19), "metadata")


def test_seed_with_an_explicit_date_is_dated_from_the_text():
    guess = guess_date(SEED_FILES[3].read_text())
    assert (guess.date, guess.method) == (D(2014, 1, 2), "text")
    assert guess.confidence < 0.5


def test_text_without_any_signal_stays_undated():
    """Seed 001 names 'Friday' and 'Thursday' but no day, month or process round: undated."""
    guess = guess_date(SEED_FILES[1].read_text())
    assert (guess.date, guess.method, guess.confidence) == (None, "undated", 0.0)


@pytest.mark.django_db
def test_weekday_and_day_take_the_year_of_the_round(seed_article):
    """Seed 002: "ASTANA ... on Monday, January 23": Mondays fell on 23 January in 2012,
    2017 and 2023; only in 2017 was an Astana round under way."""
    article = seed_article(2)
    assert (article.published, article.date_method) == (D(2017, 1, 23), "weekday")
    assert [e.slug for e in article.events.all()] == ["astana-1"]


@pytest.mark.django_db
def test_round_dates_fit_the_weekdays_the_text_names(seed_article):
    """Seed 000: Geneva talks that "broke up until Feb 10", officials speaking "on Friday":
    Geneva II round 1 ended on Friday 31 January 2014, ten days before round 2."""
    article = seed_article(0)
    assert (article.published, article.date_method) == (D(2014, 1, 31), "calendar")
    assert [e.slug for e in article.events.all()] == ["geneva-2-1"]


def test_relative_weekday_is_an_event_date_before_publication():
    assert event_dates("The attack on Tuesday killed 70.", D(2017, 4, 5)) == [
        {"date": "2017-04-04", "words": "on Tuesday"}
    ]


def test_event_dates_are_kept_apart_from_the_publication_date():
    found = event_dates(
        "Wed 05 Apr 2017 A sarin attack in August 2013, on 21 August 2013.", D(2017, 4, 5)
    )
    assert found == [{"date": "2013-08-21", "words": "21 August 2013"}]


def test_conflicting_signals_keep_every_candidate():
    found = candidates("Posted on April 2 2017 by Youssef Diab", "3/25/17")
    assert [(g.method, g.date) for g in found] == [
        ("dateline", D(2017, 4, 2)),
        ("metadata", D(2017, 3, 25)),
        ("text", D(2017, 4, 2)),
    ]
    assert choose(found).confidence < found[0].confidence


def test_date_in_the_url():
    guess = guess_date("No dateline here.", url="https://example.org/2016/03/14/talks-resume")
    assert (guess.date, guess.method) == (D(2016, 3, 14), "url")


@pytest.mark.django_db
def test_every_fa_kes_article_is_dated():
    assert not Article.objects.filter(source_row__isnull=False, published__isnull=True).exists()


@pytest.mark.django_db
def test_previous_round_and_last_week_are_resolved_against_the_calendar():
    from archive.models import Event

    rounds = list(Event.objects.filter(process="astana"))
    text = "Delegates in Astana recalled the previous round; fighting last week had slowed."
    found = event_dates(text, D(2017, 5, 4), rounds)
    assert {"date": "2017-03-14", "words": "the previous round (Astana 3)"} in found
    assert {"date": "2017-04-27", "words": "last week"} in found


@pytest.mark.parametrize(
    "text, expected",
    [
        ("By Desk WriterMarch 3, 2015 Envoys gathered in the lakeside city.", D(2015, 3, 3)),
        ("Tue 14th March 2017 Delegates met behind closed doors.", D(2017, 3, 14)),
        ("Updated 3rd May, 2018 The guarantors issued a statement.", D(2018, 5, 3)),
        ("Updated February,12, 2017 The envoy spoke to reporters.", D(2017, 2, 12)),
        ("Updated: 2018-02-01 10:10 The congress closed with a statement.", D(2018, 2, 1)),
        ("Talks close without a deal April 07 / 18:45 2019 The rounds ended.", D(2019, 4, 7)),
        ("Envoy briefing clip 27AUG2020 The session resumed.", D(2020, 8, 27)),
    ],
)
def test_datelines_in_other_surface_forms(text, expected):
    assert guess_date(text).date == expected


def test_a_date_the_page_labels_as_its_own_counts_below_a_long_menu():
    menu = " | ".join(["Home", "World", "Region", "Economy", "Culture", "Sport"] * 8)
    text = f"Envoy upbeat\n{menu}\nPublished: 11 March 2019\nThe envoy said on Monday."
    guess = guess_date(text)
    assert (guess.date, guess.method) == (D(2019, 3, 11), "dateline")


def test_a_photo_caption_date_is_not_the_publication_date():
    text = (
        "Delegates meet again\nFile photo: ministers pose for a picture in Vienna, "
        "Austria, November 14, 2015. The foreign ministers said on Monday they would meet."
    )
    assert guess_date(text).date is None


def test_a_caption_date_is_not_taken_even_far_into_a_long_caption():
    text = (
        "Caption: the mediator answers questions from journalists after a long briefing at "
        "the Palais des Nations in Geneva, Switzerland, on a grey afternoon October 6, 2016. "
        "The mediator said on Thursday direct talks were possible."
    )
    assert guess_date(text).date is None


def test_a_wire_dateline_without_a_year_takes_the_year_the_text_mentions():
    text = "MOSCOW, March 15 /Agency/ The minister said talks begun in 2016 would go on."
    guess = guess_date(text)
    assert (guess.date, guess.method) == (D(2016, 3, 15), "dateline")


@pytest.mark.django_db
def test_a_wire_dateline_without_a_year_is_fitted_to_the_rounds_it_names():
    from archive.ingest.rounds import RoundFinder

    text = "ASTANA, Jan 24 (Agency) - The talks ended on Tuesday with a joint statement."
    rounds = RoundFinder.from_database().of_processes({"astana"})
    guess = choose(candidates(text, rounds=rounds))
    assert guess.date == D(2017, 1, 24)


def test_a_wire_dateline_without_a_year_and_no_clue_stays_undated():
    text = "GENEVA, Sept 10 (Agency) - The ministers spoke late into the night."
    assert guess_date(text).date is None


def test_a_paragraph_under_a_bare_caption_label_is_a_caption():
    text = (
        "Envoy hopeful\n\nCaption:\n\nThe mediator speaks in Geneva, Switzerland October 6, 2016."
        "\n\nThe mediator said on Thursday direct talks were near."
    )
    assert guess_date(text).date is None


def test_a_time_zone_run_into_the_day_is_set_apart():
    assert guess_date("Talks resume 09:15 GMT +214 June 2019 The guarantors met.").date == D(
        2019, 6, 14
    )


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Agency|Published: 11.29.18, 10:56", D(2018, 11, 29)),
        ("Updated: 29.11.18 10:56", D(2018, 11, 29)),
        ("Published: 04.05.18 10:56", None),  # April 5 or 4 May: left undated
    ],
)
def test_a_labelled_two_digit_year_date_is_read_only_when_unambiguous(line, expected):
    assert guess_date(f"Envoy regrets the missed chance\n{line}\nThe envoy spoke.").date == expected


def test_a_page_date_run_into_the_link_after_it_is_read():
    text = "Army advances in the south Agency Staff 1449 09.04.2017Get short URL The army said."
    assert guess_date(text).date == D(2017, 4, 9)


@pytest.mark.parametrize(
    "sentence",
    [
        "The talks opened yesterday (Monday) in Geneva.",
        "بدأت أمس الاثنين الجولة الجديدة",
        "Переговоры открылись вчера, в понедельник.",
        "Les pourparlers ont commencé hier lundi.",
    ],
)
def test_a_weekday_beside_yesterday_names_the_day_before_the_writing(sentence):
    from archive.ingest.dates import weekdays_named

    assert weekdays_named(sentence) == {1}  # written on the Tuesday


def test_a_weekday_named_on_its_own_as_well_is_kept():
    from archive.ingest.dates import weekdays_named

    text = "The talks opened yesterday (Monday). On Monday evening the envoy met both sides."
    assert weekdays_named(text) == {0, 1}


@pytest.mark.parametrize(
    "caption",
    [
        "صورة أرشيفية: وفد المعارضة في جنيف، 14 كانون الأول 2016",
        "Фото: делегации в Женеве, 14 декабря 2016",
        "© Sputnik / делегации в Женеве, 14 декабря 2016",
        "Photo d'archive : les délégations à Genève, 14 décembre 2016",
    ],
)
def test_a_photo_captions_date_is_not_the_dateline(caption):
    from archive.ingest.dates import find_dateline

    text = f"{caption}\n\nThe talks resumed in Geneva with both delegations present."
    assert find_dateline(text) is None
