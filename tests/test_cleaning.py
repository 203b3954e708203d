"""Page furniture is stripped from the shown and indexed body; the raw text keeps it."""

import pytest

from archive.ingest.cleaning import clean_body, split_lines, split_title
from tests.conftest import SEED_FILES


def seed_text(number):
    return SEED_FILES[number].read_text(encoding="utf-8")


def cleaned(number):
    title, _, _ = split_title(seed_text(number))
    return clean_body(split_lines(seed_text(number)), title)


def test_title_skips_a_leading_share_button():
    assert split_title(seed_text(1))[0] == "US, Russia Fail to Reach a Deal on Syria"


def test_title_skips_site_navigation_and_drops_the_site_suffix():
    title, site, _ = split_title(seed_text(3))
    assert title == "US State Department says Assad not partner in war on terror"
    assert site == "ASHARQ AL-AWSAT English Archive 2005 -2017"


@pytest.mark.parametrize(
    "number, furniture",
    [
        (0, "Follow me:"),
        (0, "Latest posts by Paul McLeary"),
        (0, "McLeary covers national security"),
        (1, "Advertisement"),
        (1, "Flag as Inappropriate"),
        (2, "Add a comment"),
        (2, "There are no comments yet"),
        (3, "Select Page"),
        (3, "Media ID"),
    ],
)
def test_furniture_is_removed(number, furniture):
    assert furniture in seed_text(number)
    assert furniture not in cleaned(number)


def test_repeated_photo_caption_is_kept_once():
    caption = "Islamic State of Iraq and Syria fighters march through the streets"
    assert seed_text(3).count(caption) == 3
    assert cleaned(3).count(caption) == 1


def test_repeated_headline_is_dropped_from_the_body():
    assert "Syria peace talks off to rocky start" not in cleaned(2)


def test_article_text_is_kept():
    body = cleaned(0)
    assert "the gaps between the sides remain wide" in body
    assert body.startswith("During the nine days of the initial round of talks")


def test_a_list_of_other_stories_is_not_the_article():
    from archive.ingest.cleaning import clean_body, split_lines

    text = (
        "Envoys meet again in the lakeside city to talk about a new constitution\n"
        "Most read\n"
        "Tennis star wins a fifth title in Paris\n"
        "Film producer appears in court\n"
        "\n"
        "The envoy said the delegations had agreed on an agenda for the coming week and would "
        "meet on Monday in the conference hall to discuss the first chapter.\n"
        "Related:\n"
        "Minister resigns after a row over budgets\n"
    )
    body = clean_body(split_lines(text))
    assert "Tennis" not in body and "Film producer" not in body and "Minister resigns" not in body
    assert "agreed on an agenda" in body and "lakeside city" in body


def test_short_sentences_after_a_read_more_link_stay():
    from archive.ingest.cleaning import clean_body, split_lines

    text = "Talks resume\nRead more\nThe talks resumed on Monday.\nBoth sides came.\n"
    body = clean_body(split_lines(text))
    assert "The talks resumed on Monday." in body and "Both sides came." in body


def test_a_date_stamp_on_the_first_line_is_not_the_headline():
    from archive.ingest.cleaning import split_title
    from archive.ingest.dating import guess_date

    text = "10:42 GMT +214 June 2019\nGuarantors meet in the Kazakh capital\nThe talks opened."
    title, _, rest = split_title(text)
    assert title == "Guarantors meet in the Kazakh capital"
    assert guess_date("\n".join(rest)).date.isoformat() == "2019-06-14"


def test_hard_wrapped_wire_copy_is_joined_back_into_paragraphs():
    from archive.ingest.cleaning import clean_body, split_lines

    wrapped = (
        "The two ministers met for five hours in a hotel by\n"
        "the lake and agreed on a plan to restore the truce\n"
        "from Monday, with aid convoys to follow within days.\n"
        '"We have done what we could and now the parties must\n'
        'act on it without any further delay," the first minister\n'
        "said after the meeting ended late in the evening there.\n"
        "The second minister said the plan had five parts and\n"
        "that each side had seen the text in full before it\n"
        "was signed by both of them at the end of the talks.\n"
    )
    paragraphs = clean_body(split_lines(wrapped)).split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[1].startswith('"We have done') and paragraphs[1].endswith("there.")


def test_text_that_is_not_hard_wrapped_keeps_its_lines():
    from archive.ingest.cleaning import unwrap

    lines = ["A short headline", "", "One paragraph of the story that runs long."]
    assert unwrap(lines) == lines


def test_a_headline_is_not_a_paragraph_but_a_long_first_sentence_is():
    from archive.ingest.cleaning import looks_like_paragraph

    assert not looks_like_paragraph("Guarantors meet again in the Kazakh capital")
    assert looks_like_paragraph(
        "The foreign ministry said on Friday that a new round of talks would be held "
        "in the capital next week with the three guarantors."
    )
