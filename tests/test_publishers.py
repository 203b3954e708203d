"""One name per outlet however records write it; the agency a wire dateline names."""

import pytest

from archive.ingest import pipeline
from archive.ingest.publishers import PUBLISHERS, Spellings, from_dateline, publisher_name
from archive.models import Article

WRITTEN = [(name, form) for name, forms in PUBLISHERS.items() for form in (name, *forms)]


@pytest.mark.parametrize("name, written", WRITTEN)
def test_every_way_of_writing_a_listed_outlet_gives_its_name(name, written):
    for variant in (written, written.upper(), written.lower(), f"  {written} "):
        assert publisher_name(variant) == name


def test_an_outlet_not_listed_keeps_its_name_as_written():
    assert publisher_name("  Enab  Baladi ") == "Enab Baladi"
    assert publisher_name("") == ""


def test_a_stored_spelling_is_kept_for_later_records_in_other_case():
    spellings = Spellings(["Enab Baladi"])
    assert spellings.of("ENAB BALADI") == "Enab Baladi"
    assert spellings.of("enab-baladi") == "Enab Baladi"
    assert spellings.of("Syria Direct") == "Syria Direct"
    assert spellings.of("syria direct") == "Syria Direct"


DATELINES = {
    "en": "{place}, March 14 ({agency}) - Delegations met again on the second day.",
    "fr": "{place}, 14 mars ({agency}) - Les délégations se sont retrouvées.",
    "ar": "{place} ({agency}) - اجتمعت الوفود مجددا.",
    "ru": "{place}, 14 мар - {agency}. Делегации снова встретились.",
}
AGENCIES = {
    "en": ["Reuters", "AFP", "IRNA", "Anadolu"],
    "fr": ["AFP", "Reuters"],
    "ar": ["رويترز", "سانا"],
    "ru": ["Sputnik", "РИА Новости", "ТАСС"],
}
PLACES = ["GENEVA", "Genève", "جنيف", "НУР-СУЛТАН"]


@pytest.mark.parametrize(
    "language, agency, place",
    [(lang, agency, place) for lang in DATELINES for agency in AGENCIES[lang] for place in PLACES],
)
def test_a_wire_dateline_names_its_agency(language, agency, place):
    text = DATELINES[language].format(place=place, agency=agency)
    assert from_dateline(text) == publisher_name(agency)
    assert from_dateline(text) in PUBLISHERS


def test_brackets_in_a_sentence_are_no_dateline():
    assert from_dateline("Talks (and a dinner) began in Geneva, the envoy said.") == ""
    assert from_dateline("x " * 150 + "(Reuters)") == ""  # far below the dateline


@pytest.mark.django_db
def test_an_import_writes_an_outlet_one_way_and_takes_the_datelines_agency(tmp_path, scratch_index):
    path = tmp_path / "wires.csv"
    path.write_text(
        "title,text,source\n"
        "Envoy meets delegations,Delegations met the envoy in Geneva on Monday.,irna\n"
        "Envoy meets them again,The envoy met the delegations again on Tuesday.,I.R.N.A.\n"
        'Talks resume,"GENEVA, March 14 (Reuters) - The talks resumed on Tuesday.",\n'
        "Blog post one,A blogger wrote about the talks on Monday.,Enab Baladi\n"
        "Blog post two,The blogger wrote again about the talks on Friday.,ENAB BALADI\n"
    )
    pipeline.run([path], columns={"title": "title", "text": "text", "source": "source"})
    sources = sorted(Article.objects.filter(source_file=str(path)).values_list("source", flat=True))
    assert sources == ["Enab Baladi", "Enab Baladi", "IRNA", "IRNA", "Reuters"]
