"""Russian inflects names and nouns in six cases; search finds every case from any other."""

import json

import pytest

from archive.search.analysis import stemmed_analyzer

# Each row: one word in its six cases (nominative, genitive, dative, accusative,
# instrumental, prepositional), as Russian news prints them.
DECLENSIONS = [
    ("Лавров", "Лаврова", "Лаврову", "Лаврова", "Лавровым", "Лаврове"),  # surname in -ов
    ("Петров", "Петрова", "Петрову", "Петрова", "Петровым", "Петрове"),
    ("Лаврентьев", "Лаврентьева", "Лаврентьеву", "Лаврентьева", "Лаврентьевым", "Лаврентьеве"),
    ("Захарова", "Захаровой", "Захаровой", "Захарову", "Захаровой", "Захаровой"),  # feminine
    ("Астана", "Астаны", "Астане", "Астану", "Астаной", "Астане"),  # a city in -а
    ("Женева", "Женевы", "Женеве", "Женеву", "Женевой", "Женеве"),
    ("перемирие", "перемирия", "перемирию", "перемирие", "перемирием", "перемирии"),
    ("делегация", "делегации", "делегации", "делегацию", "делегацией", "делегации"),
]


def terms(text):
    return [token.text for token in stemmed_analyzer()(text)]


@pytest.mark.parametrize("forms", DECLENSIONS, ids=lambda forms: forms[0])
def test_every_case_of_a_russian_word_is_one_term(forms):
    assert len(set(terms(" ".join(forms)))) == 1, terms(" ".join(forms))


def test_different_russian_surnames_stay_apart():
    assert len(set(terms("Лавров Лаврентьев Петров"))) == 3


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["Лавров", "Лаврова", "Лаврову", "Лавровым", "Лаврове"])
def test_a_russian_surname_is_found_in_any_case(query, client, tmp_path, scratch_index):
    from archive import search
    from archive.ingest import pipeline

    row = {
        "id": "ru-morph",
        "title": "Министр прибыл в Женеву",
        "text": "Переговоры с Лавровым продолжатся завтра, сообщил представитель делегации.",
        "language": "ru",
    }
    (tmp_path / "ru.jsonl").write_text(json.dumps(row, ensure_ascii=False))
    pipeline.run([tmp_path / "ru.jsonl"])
    hits = search.search(query)[0:10]
    assert [hit.article.title for hit in hits] == ["Министр прибыл в Женеву"]
    assert "<mark" in hits[0].snippet


@pytest.mark.parametrize(
    "text",
    ["ولافروف", "بلافروف", "للافروف", "لافروف"],
    ids=["wa-", "bi-", "li-", "bare"],
)
def test_an_arabic_name_with_a_clitic_is_the_bare_name(text):
    """و (and), ب (by), ل (to) are written joined to the word they govern."""
    assert terms(text) == terms("لافروف")


@pytest.mark.parametrize("text", ["d'Alep", "l'Iran", "qu'Assad", "d’Alep", "l’Iran"])
def test_a_french_elision_before_a_name_leaves_the_name(text):
    from archive.search.analysis import french_analyzer

    name = text.replace("’", "'").split("'")[1]
    assert [t.text for t in french_analyzer()(text)] == [t.text for t in french_analyzer()(name)]
