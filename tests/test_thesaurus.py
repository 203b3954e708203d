"""The thesaurus: the talks' vocabulary in four languages, and searches widened by it."""

import json

import pytest

from archive.search.query import parse, parse_widened

LANGUAGES = {"en", "ar", "ru", "fr"}

# One report per language about a truce, in sentences of our own; none shares a word
# with another, so only the thesaurus can lead from one to the others.
TRUCE_REPORTS = [
    {
        "id": "t-en",
        "title": "Truce holds in the north",
        "text": "A truce began at dawn.",
        "language": "en",
    },
    {
        "id": "t-ar",
        "title": "صمود الهدنة في الشمال",
        "text": "بدأ وقف إطلاق النار فجرا.",
        "language": "ar",
    },
    {
        "id": "t-ru",
        "title": "На севере соблюдается перемирие",
        "text": "Режим тишины начал действовать утром.",
        "language": "ru",
    },
    {
        "id": "t-fr",
        "title": "Le cessez-le-feu tient au nord",
        "text": "La trêve a commencé à l'aube.",
        "language": "fr",
    },
]


@pytest.fixture
def truce_reports(db, tmp_path, scratch_index):
    from archive.ingest import pipeline

    path = tmp_path / "truce.jsonl"
    path.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in TRUCE_REPORTS))
    pipeline.run([path])


def languages_found(query, **options):
    from archive import search

    return {hit.article.language for hit in search.search(query, **options)[0:50]}


@pytest.mark.django_db
def test_the_shipped_thesaurus_holds_150_concepts_each_in_four_languages():
    from archive.models import Concept

    concepts = Concept.objects.prefetch_related("terms")
    assert concepts.count() >= 150
    for concept in concepts:
        assert {term.language for term in concept.terms.all()} == LANGUAGES, concept.slug


@pytest.mark.django_db
def test_reloading_the_thesaurus_keeps_a_curators_removal():
    from archive.models import ConceptTerm
    from archive.thesaurus.load import load_thesaurus

    ConceptTerm.objects.filter(concept__slug="ceasefire", term="truce").delete()
    assert load_thesaurus() == (0, 0)
    assert not ConceptTerm.objects.filter(concept__slug="ceasefire", term="truce").exists()


def test_a_concept_query_finds_reports_in_all_four_languages(truce_reports):
    assert languages_found("concept:ceasefire") == LANGUAGES


def test_a_concept_is_named_by_any_of_its_terms(truce_reports):
    assert languages_found("concept:перемирие") == LANGUAGES
    assert languages_found("concept:cessez-le-feu") == LANGUAGES


def test_search_all_languages_widens_a_word_to_its_concept(truce_reports):
    assert languages_found("truce", all_languages=True) == LANGUAGES


def test_an_unexpanded_query_is_searched_as_typed(truce_reports):
    assert languages_found("truce") == {"en"}
    assert parse("truce") == parse("truce", all_languages=False)
    assert parse_widened("truce").concepts == []


@pytest.mark.django_db
def test_a_phrase_typed_without_quotes_is_widened_as_one_term():
    query, concepts, _ = parse_widened("constitutional committee Aleppo", all_languages=True)
    assert [concept.slug for concept in concepts] == ["constitutional-committee", "aleppo"]
    assert "دستور" in str(query) and "constitutionnel" in str(query)


@pytest.mark.django_db
def test_words_outside_the_thesaurus_are_left_as_typed():
    query, concepts, _ = parse_widened("quixotic", all_languages=True)
    assert concepts == [] and query == parse("quixotic")


@pytest.mark.django_db
def test_an_unknown_concept_gets_a_readable_400(client):
    response = client.get("/search/", {"q": "concept:quixotic"})
    assert response.status_code == 400
    assert "No concept of the thesaurus is called" in response.content.decode()


def test_the_results_page_says_what_was_also_searched(client, truce_reports):
    page = client.get("/search/", {"q": "truce", "expand": "1"}).content.decode()
    also = page[page.index("data-also-searched") :]
    assert "Ceasefire, truce" in also and "перемирие" in also and "وقف إطلاق النار" in also
    assert "expand=1" in page[page.index('class="results"') :]  # hits open with their marks


def test_the_api_lists_the_concepts_searched(client, truce_reports):
    data = client.get("/api/search/", {"q": "truce", "expand": "1"}).json()
    assert data["total"] == 4 and set(data["facets"]["lang"]) == LANGUAGES
    assert data["also_searched"][0]["concept"] == "ceasefire"
    assert "перемирие" in data["also_searched"][0]["terms"]["ru"]
    assert data["manifest"]["search"]["expand"] == "1"


def test_an_article_opened_from_a_widened_search_marks_the_concepts_terms(client, truce_reports):
    from archive.models import Article

    arabic = Article.objects.get(external_id="t-ar")
    page = client.get(arabic.get_absolute_url(), {"q": "truce", "expand": "1"}).content.decode()
    assert '<mark class="hit t' in page


def test_a_curators_new_term_is_searched_at_once(truce_reports):
    from archive.models import Concept, ConceptTerm

    concept = Concept.objects.get(slug="ceasefire")
    assert languages_found("dawn", all_languages=True) == {"en"}
    ConceptTerm.objects.create(concept=concept, language="en", term="dawn")
    concept.save()  # what the admin's save does
    assert languages_found("concept:ceasefire") == LANGUAGES
    assert parse_widened("dawn", all_languages=True).concepts[0].slug == "ceasefire"


def test_curators_edit_concepts_and_terms_in_the_admin(admin_client):
    from archive.models import Concept

    concept = Concept.objects.get(slug="detainees")
    response = admin_client.get(f"/admin/archive/concept/{concept.pk}/change/")
    assert response.status_code == 200 and "المعتقلين" in response.content.decode()
    assert admin_client.get("/admin/archive/concept/", {"q": "перемирие"}).status_code == 200


@pytest.mark.django_db
def test_the_concepts_page_lists_every_concept_with_a_search_link(client):
    from archive.models import Concept

    page = client.get("/search/concepts/").content.decode()
    assert page.count('href="/search/?q=concept%3A') == Concept.objects.count()
    assert "перемирие" in page and "cessez-le-feu" in page
