"""A text with no headline line: its first paragraph is part of the article, not its title."""

import pytest

from archive.ingest.cleaning import headline_from
from archive.ingest.pipeline import Importer
from archive.ingest.records import RawItem

PARAGRAPH = (
    "Kofi Annan told ministers in Geneva that the crisis was deepening and that a "
    "transition had to be agreed. “Time is running out,” Annan said."
)


def test_a_first_paragraph_title_becomes_its_opening_sentence():
    assert headline_from(PARAGRAPH) == (
        "Kofi Annan told ministers in Geneva that the crisis was deepening and that a "
        "transition had to be agreed."
    )


def test_a_long_opening_sentence_is_cut_with_an_ellipsis():
    title = headline_from(" ".join(["word"] * 40) + ".")
    assert title == " ".join(["word"] * 20) + "…"


def test_the_first_paragraph_stays_in_the_body():
    text = PARAGRAPH + "\n\nMore."
    item = RawItem(source_file="x.txt", raw_bytes=b"", title=PARAGRAPH, text=text)
    title, body = Importer.title_and_body(item)
    assert title.startswith("Kofi Annan told ministers")
    assert "“Time is running out,” Annan said." in body


@pytest.mark.django_db
def test_quotes_of_the_first_paragraph_are_imported(tmp_path, scratch_index):
    from archive.ingest import pipeline
    from archive.models import Article

    (tmp_path / "headless.txt").write_text(PARAGRAPH + "\n\nDelegates met again later.\n")
    pipeline.run([tmp_path])
    article = Article.objects.get(source_file__endswith="headless.txt")
    assert article.quotes.filter(speaker__slug="kofi-annan", text__startswith="Time").exists()


@pytest.mark.django_db
def test_the_same_words_quoted_twice_are_stored_once(tmp_path, scratch_index):
    from archive.ingest import pipeline
    from archive.models import Article

    text = (
        "Envoy rejects draft\n\n“We will not sign this text,” said Kofi Annan.\n\n"
        "Delegates left early.\n\nAnnan told them again: “We will not sign this text.”\n"
    )
    (tmp_path / "twice.txt").write_text(text)
    pipeline.run([tmp_path])
    article = Article.objects.get(source_file__endswith="twice.txt")
    assert article.quotes.filter(text__startswith="We will not sign").count() == 1
