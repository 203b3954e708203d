"""Speakers of quotes framed rather than reported, and of organisations speaking."""

import pytest

from tests.test_quotes import attributed

pytestmark = pytest.mark.django_db


def test_words_quoted_after_a_framing_verb_are_the_subjects():
    body = "Iran calls on its neighbours 'to lower the temperature' in the Gulf"
    assert attributed(body) == [("iran", False, "to lower the temperature")]


def test_state_media_describing_an_event_are_its_speaker():
    body = "Syrian state media described the shelling as a “crime” against civilians."
    assert attributed(body) == [("sana", False, "crime")]


def test_a_possessive_is_not_an_opening_quote():
    body = "Iran's envoy condemned the strike's timing and the 'provocation' behind it."
    assert [text for _, _, text in attributed(body)] == ["provocation"]


def test_a_long_clause_before_a_framing_verb_is_no_subject():
    body = "Talks that had been planned for weeks in the Swiss city of Geneva collapsed and "
    body += "observers described them as a “farce” before noon."
    assert attributed(body) == []


def test_it_after_an_organisation_spoke_is_that_organisation():
    body = (
        "Talks ended without progress, the office of UN Syria envoy Staffan de Mistura said "
        "on Friday.\n“The envoy regrets the lack of progress,” it said."
    )
    assert [who for who, _, _ in attributed(body)] == [
        "office-of-the-special-envoy-for-syria",
        "office-of-the-special-envoy-for-syria",
    ]


def test_it_after_a_person_spoke_names_nobody():
    body = (
        "Staffan de Mistura said the talks would resume soon.\n"
        "“Nothing is agreed until everything is agreed,” it said."
    )
    assert [who for who, _, _ in attributed(body)] == ["staffan-de-mistura"]


def test_the_ministry_is_the_ministry_named_before():
    body = (
        "Saudi Arabia's foreign ministry on Monday welcomed the delegation's choice.\n"
        "“The kingdom supports the talks,” the ministry said in a statement."
    )
    assert attributed(body)[-1][:2] == ("saudi-foreign-ministry", False)


def test_every_quote_of_a_sentence_with_one_speaker_is_his():
    body = (
        "Le médiateur Geir Pedersen a salué « une étape utile » et voulu ouvrir « une page "
        "nouvelle », a-t-il déclaré."
    )
    texts = {text for who, _, text in attributed(body) if who == "geir-pedersen"}
    assert {"une étape utile", "une page nouvelle"} <= texts


def test_an_arabic_relative_clause_names_its_speaker_after_the_verb():
    body = "وانتهت الجلسة، والتي أكدت مصادر من الوفد أنها كانت “هادئة ومفيدة”."
    found = [(who, anonymous) for who, anonymous, _ in attributed(body)]
    # The statement, and its quoted words as a quote of their own: both the sources'.
    assert set(found) == {("مصادر من الوفد", True)}


def test_an_arabic_verb_with_only_a_pronoun_after_it_keeps_the_subject_before():
    body = 'ألقى كوفي عنان كلمة، التي أكد فيها "أن الحل سياسي وليس عسكريا".'
    assert [who for who, _, _ in attributed(body)] == ["kofi-annan"]


def test_a_russian_as_reported_by_clause_names_the_speaker_after_the_verb():
    body = 'Как сообщили в постпредстве РФ в Женеве, дипломаты "каждый день" встречаются.'
    assert attributed(body) == [("russian-mission-geneva", False, "каждый день")]


def test_according_to_him_in_russian_continues_the_person_named():
    body = (
        "Сергей Лавров провёл встречу с делегацией. Переговоры, по его словам, "
        '"идут в нужном направлении".'
    )
    assert attributed(body)[-1][:1] == ("sergey-lavrov",)


def test_a_quote_ending_a_paragraph_is_not_attributed_by_the_next_one():
    body = (
        "The envoy told reporters that “the gaps remain wide; nobody denies it.”\n\n"
        "A senior official agreed, saying that “a process has started.”"
    )
    texts = [text for _, _, text in attributed(body)]
    assert texts == ["the gaps remain wide; nobody denies it.", "a process has started."]
