"""An undated report is dated by the round it reports on: the round fixes the year of a
yearless dateline and the day of "opened today". The sentences are the project's own."""

import json

import pytest

from archive.ingest.dates import yearless_dateline
from archive.models import Event

RUSSIAN_MONTHS = (
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split()
)


@pytest.mark.django_db
@pytest.mark.parametrize("slug", ["geneva-4", "astana-2", "astana-15", "constitutional-2"])
@pytest.mark.parametrize("city", ["Москва", "Женева", "Астана"])
@pytest.mark.parametrize("agency", ["INTERFAX.RU -", "ТАСС."])
def test_interfax_style_yearless_datelines_take_the_year_of_their_round(slug, city, agency):
    """Convention of Russian wires (Interfax): "Москва. 3 марта. INTERFAX.RU - ...":
    the city in title case, a full stop, the day and month, no year."""
    event = Event.objects.get(slug=slug)
    day = event.start_date
    text = f"{city}. {day.day} {RUSSIAN_MONTHS[day.month - 1]}. {agency} Делегации прибыли."
    guess = yearless_dateline(text, [event])
    assert guess is not None and guess.date == day


@pytest.mark.django_db
def test_a_day_and_month_inside_a_sentence_is_not_a_dateline():
    event = Event.objects.get(slug="astana-2")
    text = "Делегации прибыли. Встреча. 15 февраля все собрались в зале."
    assert yearless_dateline(text, [event]) is None


OPENED_TODAY = {
    "en": "The first session of the Constitutional Committee opened today in Geneva.",
    "ar": "بدأت اليوم في جنيف أعمال الدورة الأولى للجنة الدستورية.",
    "ru": "Первая сессия Конституционного комитета открылась сегодня в Женеве.",
    "fr": "La première session du Comité constitutionnel s'est ouverte aujourd'hui à Genève.",
}


@pytest.mark.parametrize("language", sorted(OPENED_TODAY))
def test_an_undated_report_of_a_round_opening_today_is_dated_its_first_day(
    language, tmp_path, scratch_index, db
):
    """The process alone (every session of the Committee) leaves "opened today" ambiguous;
    the round the text names fixes it."""
    from archive.ingest import pipeline
    from archive.models import Article

    row = {"id": f"open-{language}", "title": "", "text": OPENED_TODAY[language]}
    (tmp_path / "a.jsonl").write_text(json.dumps(row, ensure_ascii=False))
    pipeline.run([tmp_path / "a.jsonl"])
    article = Article.objects.get(external_id=f"open-{language}")
    first = Event.objects.get(slug="constitutional-1")
    assert [e.slug for e in article.events.all()] == ["constitutional-1"]
    assert article.published == first.start_date
    assert article.date_method == "calendar"


FRENCH_ORDINALS = ["première", "deuxième", "troisième", "quatrième", "cinquième", "sixième"]


@pytest.mark.parametrize("number", range(1, 7))
@pytest.mark.parametrize(
    "noun",
    [
        "série de pourparlers",
        "série de négociations",
        "tour de négociations",
        "cycle de pourparlers",
    ],
)
@pytest.mark.parametrize("place, process", [("de Genève", "geneva"), ("d'Astana", "astana")])
def test_a_french_series_of_talks_with_an_ordinal_is_that_round(number, noun, place, process):
    """Convention of French news: rounds counted as a series ("la quatrième série de
    pourparlers de Genève") or a "tour" of negotiations."""
    from archive.ingest.rounds import rounds_named

    feminine = noun.startswith("série")
    ordinal = FRENCH_ORDINALS[number - 1]
    if number == 1 and not feminine:
        ordinal = "premier"
    article, opened = ("La", "ouverte") if feminine else ("Le", "ouvert")
    text = f"{article} {ordinal} {noun} {place} s'est {opened} jeudi."
    assert rounds_named(text) == {(process, number)}


FUTURE_CLAUSES = [
    "The talks should end on 15 December 2017.",
    "The envoy said the next round will open on 15 December 2017.",
    "Delegates gathered ahead of the talks on 15 December 2017.",
    "Les délégués se réunissent dans l'attente de la séance du 15 décembre 2017.",
    "Les pourparlers devraient s'achever le 15 décembre 2017.",
    "La prochaine session se tiendra le 15 décembre 2017.",
    "Переговоры должны завершиться 15 декабря 2017 года.",
    "Следующая встреча пройдёт 15 декабря 2017 года.",
    "ستبدأ الجولة المقبلة في 15 كانون الأول 2017.",
    "ومن المقرر أن تنتهي المحادثات في 15 كانون الأول 2017.",
]
PAST_CLAUSES = [
    "The talks ended on 15 December 2017.",
    "Les pourparlers se sont achevés le 15 décembre 2017.",
    "Переговоры завершились 15 декабря 2017 года.",
    "انتهت المحادثات في 15 كانون الأول 2017.",
]


@pytest.mark.parametrize("sentence", FUTURE_CLAUSES)
def test_a_date_in_a_future_clause_is_an_event_to_come(sentence):
    """Convention of news writing in every language: a date after a future verb ("should
    end on", "devraient s'achever le", "должны завершиться", "ستبدأ") is not the day of
    writing, so it does not date the text."""
    from archive.ingest.dates import reported_dates

    assert reported_dates(f"Delegates met. {sentence}") == ()


@pytest.mark.parametrize("sentence", PAST_CLAUSES)
def test_a_date_in_a_past_clause_is_reported(sentence):
    import datetime

    from archive.ingest.dates import reported_dates

    assert [day for _, day in reported_dates(sentence)] == [datetime.date(2017, 12, 15)]


@pytest.mark.parametrize(
    "sentence, named",
    [
        ("The delegations met on Friday.", {4}),
        ("The delegations will meet again on Friday.", set()),
        ("Делегации встретились в пятницу.", {4}),
        ("Рабочая группа начнёт работу в пятницу.", set()),
        ("Les délégations se sont réunies vendredi.", {4}),
        ("Les délégations se réuniront de nouveau, la séance aura lieu vendredi.", set()),
    ],
)
def test_a_weekday_of_an_event_to_come_does_not_name_the_day_of_writing(sentence, named):
    from archive.ingest.dates import weekdays_named

    assert weekdays_named(sentence) == named


CREDITS = [
    "REUTERS/Jane Doe",
    "(AFP Photo/John Smith)",
    "Photo by John Smith/AFP",
    "Picture taken March 14, 2016. REUTERS/Jane Doe",
    "EPA/JOHN SMITH",
]


@pytest.mark.parametrize("credit", CREDITS)
@pytest.mark.parametrize("date", ["March 14, 2016", "14 March 2016"])
def test_a_photo_captions_date_followed_by_its_credit_is_not_the_dateline(credit, date):
    """Convention of agency captions: the picture's place and date, then the credit
    ("REUTERS/Name") on the same line. The picture may be older than the report."""
    from archive.ingest.dating import guess_date

    text = f"Delegates arrive in Geneva, Switzerland, {date}. {credit}\nThe talks resumed."
    assert guess_date(text).date is None


def test_a_wire_dateline_naming_its_agency_is_still_a_dateline():
    import datetime

    from archive.ingest.dating import guess_date

    text = "GENEVA, March 14, 2016 (Reuters) - The talks resumed."
    assert guess_date(text).date == datetime.date(2016, 3, 14)


AGENCY_DATELINES = {
    "en": [
        "GENEVA, {month_en} {day} (Reuters) -",
        "Geneva, {month_en} {day} (AFP) -",
        "GENEVA, {day} {month_en} (AP) -",
    ],
    "fr": ["GENÈVE, {day} {month_fr} (AFP) -", "Genève, {day} {month_fr} (AFP) -"],
    "ru": [
        "ЖЕНЕВА, {day} {month_ru} - РИА Новости.",
        "Женева, {day} {month_ru}. /ТАСС/.",
        "Москва. {day} {month_ru}. INTERFAX.RU -",
    ],
    "ar": [
        "جنيف - {day} {month_ar} (رويترز) -",
        "جنيف، {day} {month_ar} (أ ف ب) -",
        "دمشق {day} {month_ar} /سانا/",
    ],
}
MONTH_NAMES = {
    "en": "January February March April May June July August September October November December",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "ru": " ".join(RUSSIAN_MONTHS),
    "ar": "كانون_الثاني شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين_الأول تشرين_الثاني"
    " كانون_الأول",
}


@pytest.mark.django_db
@pytest.mark.parametrize("slug", ["geneva-3-2", "astana-2", "constitutional-4"])
@pytest.mark.parametrize(
    "language, shape",
    [(language, shape) for language, shapes in AGENCY_DATELINES.items() for shape in shapes],
)
def test_agency_datelines_without_a_year_take_the_year_of_their_round(slug, language, shape):
    """Conventions of the agencies of each language: a city, the day and month, the agency
    after them; the round the text reports on gives the year."""
    event = Event.objects.get(slug=slug)
    day = event.start_date
    months = {
        lang: [name.replace("_", " ") for name in names.split()]
        for lang, names in MONTH_NAMES.items()
    }
    line = shape.format(day=day.day, **{f"month_{k}": v[day.month - 1] for k, v in months.items()})
    guess = yearless_dateline(f"{line} Text of the report.", [event])
    assert guess is not None and guess.date == day, line


@pytest.mark.parametrize(
    "text, process",
    [
        ("عقدت المحادثات بجنيف", "geneva"),
        ("ووصل الوفد لجنيف مساء", "geneva"),
        ("اجتماعات جنيف وأستانا", "astana"),
        ("المشاركون في مؤتمر بسوتشي", "sochi"),
    ],
)
def test_a_process_name_with_an_arabic_proclitic_is_named(text, process):
    """Arabic writes و (and), ف, ب (in) and ل (to) joined to the name that follows."""
    from archive.ingest.rounds import processes_named

    assert process in processes_named(text)


@pytest.mark.parametrize(
    "text",
    [
        "Deux ans après la première session du Comité constitutionnel, les membres reviennent.",
        "Depuis le premier round des pourparlers d'Astana, rien n'a changé.",
        "После первой сессии Конституционного комитета прошло два года.",
        "منذ الجولة الأولى من محادثات أستانا لم يتغير شيء.",
        "بعد الدورة الأولى للجنة الدستورية عاد الأعضاء.",
    ],
)
def test_a_round_looked_back_to_is_not_the_round_reported(text):
    """Convention of news writing: the round a report counts from ("two years after the
    first session") is behind it; the round it reports is another."""
    from archive.ingest.rounds import rounds_named

    assert rounds_named(text) == frozenset()


@pytest.mark.parametrize(
    "text, named",
    [
        ("La première session du Comité constitutionnel s'est ouverte.", ("constitutional", 1)),
        ("Первая сессия Конституционного комитета открылась.", ("constitutional", 1)),
        ("انطلقت الجولة الأولى من محادثات أستانا.", ("astana", 1)),
    ],
)
def test_a_round_reported_is_named(text, named):
    from archive.ingest.rounds import rounds_named

    assert rounds_named(text) == {named}
