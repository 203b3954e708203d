"""Direct-speech conventions of news writing, each tried across the ways a speaker is named.

Every sentence here is our own. A convention (docs/evidence.md) is a pattern of attribution;
each is generated with every speaker form (a full name the gazetteer lacks, a title before
it, initials, Mc/O'/hyphenated names, a gazetteer person, a pronoun continuing a speaker, an
anonymous description, an organisation) so a rule holds by construction, not because a
development text happened to use that form.
"""

import pytest

from archive.actors.attribution import attributed
from archive.actors.matcher import ActorMatcher
from archive.models import Actor

pytestmark = pytest.mark.django_db

QUOTE = "The talks will resume next week in good faith"


def quotes_of(body):
    """[(speaker slug or name, anonymous, verb, via, text)] as an import stores them."""
    people = set(Actor.objects.filter(kind="person").values_list("pk", flat=True))
    slugs = dict(Actor.objects.values_list("pk", "slug"))
    return [
        (
            slugs.get(one.speaker.actor_id) or one.speaker.name,
            one.speaker.anonymous,
            one.found.verb,
            one.found.via,
            one.found.text,
        )
        for one in attributed(body, ActorMatcher.from_database(), people)
    ]


def speaker_of(body, text=QUOTE):
    """(speaker, anonymous) of the quote holding `text`."""
    found = [q for q in quotes_of(body) if text in q[4]]
    assert found, f"no quote {text!r} in {quotes_of(body)}"
    return found[0][0], found[0][1]


# (as written in the attribution, the speaker stored, anonymous)
ENGLISH_SPEAKERS = [
    ("Maria Lindqvist", "Maria Lindqvist", False),
    ("Finance Minister Maria Lindqvist", "Maria Lindqvist", False),
    ("Senate Majority Leader Maria Lindqvist", "Maria Lindqvist", False),
    ("Maria K. Lindqvist", "Maria K. Lindqvist", False),
    ("Ewan McTavish", "Ewan McTavish", False),
    ("Siobhan O'Rourke", "Siobhan O'Rourke", False),
    ("Anna Holtz-Berger", "Anna Holtz-Berger", False),
    ("Sen. Anna Holtz-Berger", "Anna Holtz-Berger", False),
    ("Staffan de Mistura", "staffan-de-mistura", False),
    ("UN envoy Staffan de Mistura", "staffan-de-mistura", False),
    ("a Western diplomat", "a Western diplomat", True),
    ("one senior campaign aide", "one senior campaign aide", True),
    ("a former Lavrov adviser", "a former Lavrov adviser", True),
    ("the Syrian Observatory for Human Rights", "sohr", False),
]
ENGLISH_CONVENTIONS = [
    "“{q},” {who} said.",
    "“{q},” said {who}.",
    "{who} said: “{q}.”",
    '"{q}," {who} told reporters in Geneva.',
    "''{q},'' {who} said.",
    "{who} said the talks had been useful. “{q}.”",
    "“We have waited long enough. {q},” {who} said.",
]


@pytest.mark.parametrize("pattern", ENGLISH_CONVENTIONS)
@pytest.mark.parametrize("written, stored, anonymous", ENGLISH_SPEAKERS)
def test_english_attributions_name_their_speaker(pattern, written, stored, anonymous):
    body = pattern.format(q=QUOTE, who=written)
    if body[0].islower():  # a description opening the sentence: "A Western diplomat said"
        body = body[0].upper() + body[1:]
        stored = stored[0].upper() + stored[1:] if anonymous else stored
    assert speaker_of(body) == (stored, anonymous)


@pytest.mark.parametrize("pronoun", ["he", "she"])
def test_a_pronoun_continues_the_current_speaker_not_the_last_name(pronoun):
    body = (
        f"“The first day went well,” said Maria Lindqvist. The talks were hosted by "
        f"Staffan de Mistura.\n“{QUOTE},” {pronoun} added."
    )
    assert speaker_of(body) == ("Maria Lindqvist", False)


def test_a_split_quotation_goes_on_in_the_same_voice():
    body = f"“We came to listen,” Maria Lindqvist said. “{QUOTE}. Nobody is leaving.”"
    assert speaker_of(body, f"{QUOTE}. Nobody is leaving.") == ("Maria Lindqvist", False)


def test_a_partial_quote_in_reported_speech_is_the_reporters_speakers():
    body = f"Maria Lindqvist said on Monday that the process “{QUOTE.lower()}” at last."
    assert speaker_of(body, QUOTE.lower()) == ("Maria Lindqvist", False)


def test_a_question_before_its_attribution_ends_no_sentence():
    body = "“Why would anyone leave the table now?” Maria Lindqvist asked."
    assert speaker_of(body, "Why would anyone leave the table now?") == ("Maria Lindqvist", False)


def test_a_quote_whose_speaker_is_not_placed_is_kept_as_written():
    body = f"During the long night session, the panel’s draft said: “{QUOTE}.”"
    assert QUOTE in [q[4].strip(" .") for q in quotes_of(body)]


def test_a_title_of_a_work_in_quotation_marks_is_no_quote():
    body = "Maria Lindqvist said the band played “The Long Road Home” as she arrived."
    assert "The Long Road Home" not in [q[4] for q in quotes_of(body)]


FRENCH_SPEAKERS = [
    ("Staffan de Mistura", "staffan-de-mistura"),
    ("M. de Mistura", "staffan-de-mistura"),
    ("Maria Lindqvist", "Maria Lindqvist"),
]
FRENCH_CONVENTIONS = [
    "« {q} », a déclaré {who}.",
    "« {q} », a-t-il déclaré, avant que {who} ne parte.",
    "« {q} », avait néanmoins indiqué {who}.",
    "« {q} », a dit aux journalistes {who} après la réunion.",
    "Pour {who}, « {q} ».",
    "{who} a estimé : « {q} ».",
]
FRENCH_QUOTE = "Les pourparlers reprendront la semaine prochaine"


@pytest.mark.parametrize("pattern", [p for p in FRENCH_CONVENTIONS if "a-t-il" not in p])
@pytest.mark.parametrize("written, stored", FRENCH_SPEAKERS)
def test_french_attributions_name_their_speaker(pattern, written, stored):
    body = "Staffan de Mistura est arrivé lundi.\n" + pattern.format(q=FRENCH_QUOTE, who=written)
    assert speaker_of(body, FRENCH_QUOTE) == (stored, False)


def test_a_french_inverted_pronoun_continues_the_speaker():
    body = (
        f"« Le travail commence », a déclaré Maria Lindqvist.\n« {FRENCH_QUOTE} », a-t-elle ajouté."
    )
    assert speaker_of(body, FRENCH_QUOTE) == ("Maria Lindqvist", False)


RUSSIAN_QUOTE = "Переговоры продолжатся на следующей неделе"
RUSSIAN_SPEAKERS = [("Сергей Лавров", "sergey-lavrov"), ("Мария Линдквист", "Мария Линдквист")]
RUSSIAN_CONVENTIONS = [
    "«{q}», — сказал {who}.",
    '"{q}", - заявил {who} журналистам в кулуарах.',
    "«{q}», — подчеркнул {who} на пресс-конференции.",
    "{who} заявил: «{q}».",
]


@pytest.mark.parametrize("pattern", RUSSIAN_CONVENTIONS)
@pytest.mark.parametrize("written, stored", RUSSIAN_SPEAKERS)
def test_russian_attributions_name_their_speaker(pattern, written, stored):
    body = pattern.format(q=RUSSIAN_QUOTE, who=written)
    assert speaker_of(body, RUSSIAN_QUOTE) == (stored, False)


def test_an_agency_relaying_words_is_not_their_speaker():
    body = f"«{RUSSIAN_QUOTE}. Всё готово», — приводит ТАСС слова Сергея Лаврова."
    found = [q for q in quotes_of(body) if q[4].startswith(RUSSIAN_QUOTE)]
    assert found and found[0][0] == "sergey-lavrov"
    assert found[0][3] == "ТАСС"


def test_a_russian_pronoun_by_his_words_continues_the_speaker():
    body = f"«Работа началась», — сказал Сергей Лавров.\nПо его словам, «{RUSSIAN_QUOTE}»."
    assert speaker_of(body, RUSSIAN_QUOTE) == ("sergey-lavrov", False)


ARABIC_QUOTE = "ستستأنف المحادثات الأسبوع المقبل"
ARABIC_CONVENTIONS = [
    "وقال {who}: «{q}».",
    "وقال {who} للصحفيين في جنيف: «{q}».",
    "وأضاف {who} إن «{q}».",
    "وأعرب {who} عن «{q}».",
]


@pytest.mark.parametrize("pattern", ARABIC_CONVENTIONS)
def test_arabic_attributions_name_their_speaker_after_the_verb(pattern):
    body = pattern.format(q=ARABIC_QUOTE, who="ستيفان دي ميستورا")
    assert speaker_of(body, ARABIC_QUOTE) == ("staffan-de-mistura", False)


@pytest.mark.parametrize("verb", ["وتابع", "وأضاف", "وتابعت"])
def test_an_arabic_verb_with_no_subject_continues_the_speaker(verb):
    body = f"وقال ستيفان دي ميستورا: «بدأ العمل».\n{verb} «{ARABIC_QUOTE}»."
    assert speaker_of(body, ARABIC_QUOTE) == ("staffan-de-mistura", False)


@pytest.mark.parametrize("asker", ["a reporter", "one journalist", "the moderator"])
def test_a_question_put_by_a_reporter_is_no_quote(asker):
    body = f"“Will the talks resume next week?” {asker} asked. “{QUOTE},” Maria Lindqvist said."
    assert [q[4] for q in quotes_of(body)] == [QUOTE]


@pytest.mark.parametrize(
    "first, then",
    [
        ("“The first day went well,” said Maria Lindqvist, a Swedish diplomat.", "the diplomat"),
        ("« Le travail commence », a déclaré Maria Lindqvist.", "le diplomate"),
    ],
)
def test_the_diplomat_after_a_named_diplomat_is_that_person(first, then):
    body = (
        f"{first}\n« {QUOTE} », a ajouté {then}."
        if then.startswith("le")
        else (f"{first}\n“{QUOTE},” {then} said.")
    )
    assert speaker_of(body) == ("Maria Lindqvist", False)


def test_the_source_after_a_named_speaker_stays_anonymous():
    body = f"“The first day went well,” said Maria Lindqvist.\n“{QUOTE},” the source said."
    assert speaker_of(body) == ("the source", True)


def test_an_arabic_noun_without_its_article_is_an_unnamed_source():
    body = f"وقال ستيفان دي ميستورا: «بدأ العمل».\nوقال مسؤولون أمريكيون: «{ARABIC_QUOTE}»."
    assert speaker_of(body, ARABIC_QUOTE)[1] is True


@pytest.mark.parametrize(
    "pattern",
    [
        "La porte-parole du gouvernement Maria Lindqvist a indiqué : « {q} ».",
        "En marge des réunions, la porte-parole du gouvernement Maria Lindqvist a dit : « {q} ».",
        "« {q} » si tout se passe bien, a affirmé mardi à la presse Maria Lindqvist.",
        "« {q} », a déclaré jeudi soir à la presse Maria Lindqvist, la négociatrice.",
    ],
)
def test_french_title_names_and_inversions_after_a_clause(pattern):
    body = pattern.format(q=FRENCH_QUOTE)
    assert speaker_of(body, FRENCH_QUOTE) == ("Maria Lindqvist", False)


def test_a_russian_statement_with_its_speaker_after_the_verb():
    body = "Переговоры продолжатся на следующей неделе, сообщил министр Сергей Лавров."
    found = [q for q in quotes_of(body) if q[4].startswith("Переговоры")]
    assert found and found[0][0] == "sergey-lavrov"


def test_a_russian_pronoun_continues_an_unnamed_source_and_its_partial_quotes():
    body = (
        "«Работа началась», - сказал собеседник издания.\n"
        "Он добавил, что это - «главная причина», по которой всё откладывается."
    )
    assert speaker_of(body, "главная причина") == ("собеседник издания", True)


@pytest.mark.parametrize("pronoun", ["he", "she"])
def test_he_or_she_right_after_an_unnamed_source_goes_on_in_that_voice(pronoun):
    body = f"“The first day went well,” a Western diplomat said.\n“{QUOTE},” {pronoun} added."
    assert speaker_of(body) == ("a Western diplomat", True)


@pytest.mark.parametrize(
    "subject",
    [
        "Lindqvist sounded doubtful about the process.",
        "In a radio interview, Lindqvist sounded doubtful about the process.",
    ],
)
def test_he_or_she_is_the_person_a_sentence_just_made_its_subject(subject):
    body = (
        "Retired diplomat Maria Lindqvist spoke on Monday about Staffan de Mistura.\n"
        f"{subject}\n“{QUOTE},” she told the host."
    )
    assert speaker_of(body) == ("Maria Lindqvist", False)


@pytest.mark.parametrize("opening", ["He also", "He then", "To which he", "And he"])
def test_a_pronoun_opening_the_attribution_is_its_subject(opening):
    body = f"“The first day went well,” said Maria Lindqvist.\n“{QUOTE},” {opening} said."
    assert speaker_of(body) == ("Maria Lindqvist", False)


@pytest.mark.parametrize("opener", ["Meanwhile", "When"])
def test_an_opening_word_before_a_name_is_not_part_of_it(opener):
    body = f"{opener} Lindqvist said: “{QUOTE}.”"
    assert speaker_of(body)[0] == "Lindqvist"


@pytest.mark.parametrize(
    "opening",
    [
        "Interrogé sur le rôle de Staffan de Mistura, il a souligné : « {q} ».",
        "Interrogé sur le rôle du médiateur Staffan de Mistura, il a estimé : « {q} ».",
    ],
)
def test_a_person_named_in_an_opening_clause_is_not_the_speaker(opening):
    body = "« Le travail commence », a déclaré Maria Lindqvist.\n" + opening.format(q=FRENCH_QUOTE)
    assert speaker_of(body, FRENCH_QUOTE) == ("Maria Lindqvist", False)


def test_a_name_then_its_apposition_and_a_place_is_the_name():
    body = (
        f"“{QUOTE},” said Maria Lindqvist, a 61-year-old teacher from Dayton, Ohio, "
        "who voted early."
    )
    assert speaker_of(body) == ("Maria Lindqvist", False)


def test_a_missing_mark_earlier_does_not_shift_the_quotations_after_it():
    body = (
        'The war had gone on too long [in Syria]". Reports said more. "The economy has '
        'shrunk by half. Schools are closed" Maria Lindqvist said. "We appeal to donors."'
    )
    assert speaker_of(body, "The economy has shrunk by half") == ("Maria Lindqvist", False)


# English wire copy closes a statement with its source and no comma ("… were killed in the
# strikes says a UK-based monitoring group."): the source follows the verb.
STATEMENT = "Twelve fighters were killed in clashes near the northern border town"
CLOSING_SOURCES = [
    "a UK-based monitoring group",
    "the war monitor",
    "the ministry",
    "a Western diplomat",
    "Kamal Haddad",
    "Farid de Souza",
]


@pytest.mark.parametrize("verb", ["says", "said"])
@pytest.mark.parametrize("source", CLOSING_SOURCES)
def test_a_statement_closed_by_its_source_without_a_comma_is_the_sources(verb, source):
    from archive.actors.quotes import find_quotes

    (found,) = find_quotes(f"{STATEMENT} {verb} {source}.")
    assert (found.who, found.verb, found.text) == (source, verb, STATEMENT)


@pytest.mark.parametrize(
    "sentence, who",
    [
        (f"{STATEMENT} he said.", None),  # the subject stands before the verb
        ("The envoy says the talks will resume in Geneva next week.", "The envoy"),
        ("The foreign minister of the host country said the delegations arrived.", None),
        (f"{STATEMENT} said Monday.", None),  # a day, not a source
    ],
)
def test_what_follows_the_verb_is_no_source_when_it_is_a_clause_or_a_day(sentence, who):
    from archive.actors.quotes import find_quotes

    sources = [q.who for q in find_quotes(sentence)]
    assert not any(s in CLOSING_SOURCES or s == "Monday" for s in sources)
    if who:
        assert sources == [who]
