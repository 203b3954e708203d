"""Arabic, Russian and French texts are dated, placed and attributed like English ones.
The sentences are the project's own."""

import datetime

import pytest

from archive.ingest.calendar_dates import phase_cues
from archive.ingest.dating import guess_date
from archive.ingest.rounds import RoundFinder, processes_named

D = datetime.date


@pytest.mark.parametrize(
    "text, expected",
    [
        ("دمشق، 23 كانون الثاني 2017. بدأت المحادثات.", D(2017, 1, 23)),
        ("القاهرة ٣٠ يناير ٢٠١٦ وصل الوفد.", D(2016, 1, 30)),
        ("اليوم الخميس (23 فبراير/ شباط 2017) اجتمع الوفدان.", D(2017, 2, 23)),
        ("Москва, 21 декабря 2017 года. Делегации прибыли.", D(2017, 12, 21)),
        ("Publié le 14 mars 2016 à 10h. Les délégations arrivent.", D(2016, 3, 14)),
        ("Genève, 1er mars 2016 - Les pourparlers reprennent.", D(2016, 3, 1)),
    ],
)
def test_dates_are_read_in_arabic_russian_and_french(text, expected):
    assert guess_date(text).date == expected


@pytest.mark.django_db
def test_a_yearless_foreign_dateline_is_fitted_to_the_rounds_it_names():
    text = "АСТАНА, 23 ноя - Агентство. Переговоры в Астане завершились в среду."
    rounds = RoundFinder.from_database().of_processes(processes_named(text))
    from archive.ingest.dating import candidates, choose

    assert choose(candidates(text, rounds=rounds)).date == D(2022, 11, 23)


@pytest.mark.parametrize(
    "text, process",
    [
        ("وصل الوفد إلى أستانة للمشاركة", "astana"),
        ("Делегация прибыла в Женеву", "geneva"),
        ("заседание конституционного комитета", "constitutional"),
        ("Les délégués sont arrivés à Sotchi", "sochi"),
    ],
)
def test_processes_are_named_in_each_language(text, process):
    assert processes_named(text) == {process}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text, slug",
    [
        ("انطلقت الجولة الثامنة من محادثات أستانا", "astana-8"),
        ("انعقاد الجولة الـ21 من محادثات أستانة", "astana-21"),
        ("Завершился восьмой раунд переговоров в Астане", "astana-8"),
        ("Открылась восьмая сессия Конституционного комитета", "constitutional-8"),
        ("انطلقت في جنيف الدورة الثامنة للجنة الدستورية السورية", "constitutional-8"),
        ("Le huitième round des pourparlers d'Astana s'achève", "astana-8"),
        ("Итоги встречи Астана-19 подвели в среду", "astana-19"),
        # Arabic word order: an adjective between the noun and its ordinal.
        ("افتتح الاجتماع الدولي العاشر بشأن سوريا في أستانا", "astana-10"),
        ("بدأ الاجتماع الرسمي العاشر من محادثات أستانا", "astana-10"),
    ],
)
def test_rounds_are_named_in_each_language(text, slug):
    assert [e.slug for e in RoundFinder.from_database().find(text, None)] == [slug]


def test_talks_opening_today_are_read_in_arabic():
    cues = phase_cues("بدأت في جنيف اليوم أعمال الجولة الجديدة")
    assert [(c[0], c[1]) for c in cues] == [("opening", "today")]


def test_talks_opening_on_a_weekday_are_read_in_russian():
    cues = phase_cues("Переговоры возобновились в субботу в Женеве.")
    assert [(c[0], c[1], c[2]) for c in cues] == [("opening", "weekday", 5)]


@pytest.mark.django_db
def test_an_arabic_name_with_a_clitic_and_another_hamza_is_found():
    from archive.actors.matcher import ActorMatcher
    from archive.models import Actor

    counts = ActorMatcher.from_database().count("التقى ولافروف مع المبعوث في اجتماع")
    assert {Actor.objects.get(pk=pk).slug for pk in counts} == {"sergey-lavrov"}


@pytest.mark.django_db
def test_a_russian_name_is_found_in_any_case():
    from archive.actors.matcher import ActorMatcher
    from archive.models import Actor

    text = "Встреча Лаврова и де Мистуры прошла с Педерсеном."
    counts = ActorMatcher.from_database().count(text)
    assert {Actor.objects.get(pk=pk).slug for pk in counts} == {
        "sergey-lavrov",
        "staffan-de-mistura",
        "geir-pedersen",
    }


def attributed(body):
    from tests.test_quotes import attributed as english_attributed

    return english_attributed(body)


@pytest.mark.django_db
def test_an_arabic_verb_before_its_speaker_attributes_the_quote():
    body = "وقال لافروف: «المحادثات مفيدة وسنواصلها»."
    assert attributed(body) == [("sergey-lavrov", False, "المحادثات مفيدة وسنواصلها")]


@pytest.mark.django_db
def test_an_arabic_verb_with_no_speaker_continues_the_last_one():
    body = "وقال لافروف إن الاجتماع كان مفيدا.\nوأضاف: «سنلتقي مرة أخرى قريبا»."
    assert attributed(body)[-1] == ("sergey-lavrov", False, "سنلتقي مرة أخرى قريبا")


@pytest.mark.django_db
def test_a_russian_quote_of_several_sentences_with_the_verb_first():
    body = "«Встреча прошла хорошо. Мы довольны итогами», — сказал Лавров журналистам."
    assert attributed(body) == [
        ("sergey-lavrov", False, "Встреча прошла хорошо. Мы довольны итогами")
    ]


@pytest.mark.django_db
def test_anonymous_sources_stay_anonymous_in_french_and_arabic():
    french = "« Les délégations arrivent demain », a confirmé une source diplomatique."
    arabic = "وقال مصدر دبلوماسي: «الوفود تصل غدا»."
    assert [anonymous for _, anonymous, _ in attributed(french) + attributed(arabic)] == [
        True,
        True,
    ]


def sample(name):
    from archive.models import Article

    return Article.objects.get(source_file__endswith=name)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name, language, day, round_slug",
    [
        ("ar_astana8_opens.txt", "ar", D(2017, 12, 21), "astana-8"),
        ("ru_constitutional_first_session.txt", "ru", D(2019, 10, 30), "constitutional-1"),
        ("fr_geneva4_opens.txt", "fr", D(2017, 2, 23), "geneva-4"),
    ],
)
def test_the_shipped_samples_are_detected_dated_and_placed(name, language, day, round_slug):
    article = sample(name)
    assert (article.language, article.published) == (language, day)
    assert [e.slug for e in article.events.all()] == [round_slug]


@pytest.mark.django_db
def test_an_arabic_word_finds_its_form_with_the_article():
    from archive import search

    hits = search.search("محادثات")[0:10]
    assert [h.article for h in hits] == [sample("ar_astana8_opens.txt")]
    assert "<mark" in hits[0].snippet


@pytest.mark.django_db
def test_a_russian_word_finds_its_other_cases():
    from archive import search

    assert [h.article for h in search.search("сессии")[0:10]] == [
        sample("ru_constitutional_first_session.txt")
    ]


@pytest.mark.django_db
def test_a_french_word_is_found_without_its_accents():
    from archive import search

    assert sample("fr_geneva4_opens.txt") in [h.article for h in search.search("Geneve")[0:50]]


@pytest.mark.django_db
def test_a_french_word_finds_its_feminine_and_plural_forms():
    """French articles are stemmed the French way: "syrienne" meets "syriens", which an
    English stemmer leaves apart ("syrienn", "syrien")."""
    from archive import search

    hits = [h for h in search.search("syrienne lang:fr")[0:10]]
    assert [h.article for h in hits] == [sample("fr_geneva4_opens.txt")]
    assert '<mark class="hit t0">syriens</mark>' in hits[0].snippet


@pytest.mark.django_db
def test_a_french_phrase_is_found_in_a_french_article():
    from archive import search

    hits = [h.article for h in search.search('"pourparlers de Genève"')[0:10]]
    assert sample("fr_geneva4_opens.txt") in hits


def test_french_forms_share_a_stem_and_elided_articles_are_dropped():
    from archive.search.analysis import french_analyzer

    words = [t.text for t in french_analyzer()("L'opposition syrienne, les délégations syriennes")]
    assert words == ["opposit", "syrien", "deleg", "syrien"]


@pytest.mark.django_db
def test_lang_narrows_a_search_to_one_language():
    from archive import search

    everything = search.search("Astana OR أستانا").count()
    arabic = search.search("(Astana OR أستانا) lang:ar")
    assert everything > arabic.count() == 1


@pytest.mark.django_db
def test_the_round_facet_finds_reports_in_every_language():
    from archive import search

    hits = [h.article for h in search.search("round:astana-8")[0:50]]
    assert sample("ar_astana8_opens.txt") in hits


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text, slug",
    [
        ("The Action Group met at the Palais des Nations.", "geneva-1"),
        ("افتتح مؤتمر الحوار الوطني السوري في المدينة", "sochi-congress"),
        ("Делегаты конгресса нацдиалога одобрили итоговое заявление", "sochi-congress"),
    ],
)
def test_rounds_known_by_a_name_of_their_own(text, slug):
    assert [e.slug for e in RoundFinder.from_database().find(text, None)] == [slug]


@pytest.mark.django_db
def test_an_undated_text_naming_a_day_of_one_round_is_placed_in_it():
    text = "О переговорах в Астане, которые прошли 23 января, рассказал дипломат."
    assert [e.slug for e in RoundFinder.from_database().find(text, None)] == ["astana-1"]


@pytest.mark.django_db
def test_an_undated_text_naming_a_day_two_rounds_were_held_on_is_not_placed():
    text = "О переговорах в Астане, которые прошли 21 декабря, рассказал дипломат."
    assert RoundFinder.from_database().find(text, None) == []


@pytest.mark.django_db
def test_a_foreign_wire_dateline_below_photo_captions_is_read():
    from archive.ingest.dates import yearless_dateline

    captions = "Фото из архива агентства.\n" * 12
    text = f"{captions}АСТАНА, 23 ноя - Агентство. Дипломат заявил в среду..."
    rounds = RoundFinder.from_database().of_processes({"astana"})
    guess = yearless_dateline(text, rounds)
    assert guess.date == D(2022, 11, 23)


@pytest.mark.django_db
def test_a_weekday_outside_a_short_round_keeps_its_date_unguessed():
    from archive.ingest.calendar_dates import named_round_date

    finder = RoundFinder.from_database()
    text = "Le ministre a confirmé jeudi qu'il sera samedi à la réunion du groupe d'action."
    assert named_round_date(text, finder.named_candidates(text)) is None


@pytest.mark.django_db
def test_a_french_pronoun_continues_the_last_speaker():
    body = (
        "Kofi Annan a déclaré que la réunion aurait lieu.\n"
        "S'il a salué « un pas important », il reste prudent."
    )
    assert attributed(body)[-1] == ("kofi-annan", False, "un pas important")
