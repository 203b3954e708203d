"""What curators' merges, renames and corrections leave behind for readers: links by an old
slug that still lead somewhere, filters that say when a value is unknown, admin actions that
confirm what they did, forms that give one right error."""

import re

import pytest
from django.utils.html import escape

from archive.actors.attribution import context_of
from archive.actors.merge import merge_actors
from archive.admin.forms import ImportRunForm
from archive.forms import flag_is_on
from archive.models import Actor, Article, Event, Quote
from archive.search import writes

pytestmark = pytest.mark.django_db


@pytest.fixture
def merged(scratch_index):
    """Blinken merged into Kerry (any two actors will do for the mechanism)."""
    keep, other = Actor.objects.get(slug="john-kerry"), Actor.objects.get(slug="antony-blinken")
    merge_actors(keep, [other], user="tester")
    writes.rebuild()  # the scratch index holds every article, as merged
    return keep


def test_a_merged_away_actors_page_redirects_permanently_to_the_actor_kept(client, merged):
    response = client.get("/actors/antony-blinken/?page=2")
    assert response.status_code == 301
    assert response["Location"] == "/actors/john-kerry/?page=2"


def test_a_merged_away_actor_in_the_api_redirects_to_the_actor_kept(client, merged):
    response = client.get("/api/actors/antony-blinken/")
    assert response.status_code == 301 and response["Location"] == "/api/actors/john-kerry/"
    assert client.get(response["Location"]).json()["id"] == "john-kerry"


def test_a_search_filtered_by_a_merged_away_actor_redirects_to_the_actor_kept(client, merged):
    response = client.get("/search/?q=talks&actor=antony-blinken&sort=newest")
    assert response.status_code == 301
    assert response["Location"] == "/search/?q=talks&actor=john-kerry&sort=newest"


def test_an_actor_query_by_a_merged_away_slug_finds_the_actor_kept(client, merged):
    by_old = client.get("/api/search/", {"q": "actor:antony-blinken"}).json()["total"]
    by_new = client.get("/api/search/", {"q": "actor:john-kerry"}).json()["total"]
    assert by_old == by_new > 0


def test_a_saved_search_naming_a_merged_away_actor_runs_for_the_actor_kept(merged):
    from django.http import QueryDict

    from archive.search.request import run_search

    saved, _ = run_search(QueryDict("actor=antony-blinken"))
    kept, _ = run_search(QueryDict("actor=john-kerry"))
    assert saved.ids() == kept.ids() and saved.count() > 0


def test_a_renamed_slug_redirects_to_the_new_one(client, scratch_index):
    actor = Actor.objects.get(slug="sedat-onal")
    actor.slug = "sedat-oenal"
    actor.save()
    response = client.get("/actors/sedat-onal/")
    assert response.status_code == 301 and response["Location"] == "/actors/sedat-oenal/"
    assert client.get("/quotes/export.json?speaker=sedat-onal")["Location"].endswith(
        "speaker=sedat-oenal"
    )


def test_an_unknown_slug_is_still_a_404(client):
    assert client.get("/actors/nobody-at-all/").status_code == 404


@pytest.mark.parametrize(
    "value, on",
    [("1", True), ("true", True), ("on", True), ("0", False), ("false", False), ("", False)],
)
def test_a_yes_no_parameter_reads_0_and_false_as_no(value, on):
    assert flag_is_on(value) is on


def test_collapse_0_lists_every_wire_copy(client):
    every = client.get("/api/search/", {"q": "Aleppo"}).json()["total"]
    collapsed = client.get("/api/search/", {"q": "Aleppo", "collapse": "1"}).json()["total"]
    assert client.get("/api/search/", {"q": "Aleppo", "collapse": "0"}).json()["total"] == every
    assert collapsed < every


def test_the_article_list_filters_rounds_by_slug(client):
    event = Event.objects.filter(articles__isnull=False).distinct().first()
    page = client.get("/articles/", {"round": event.slug})
    assert page.status_code == 200
    assert page.context["page"].paginator.count == event.articles.count()


@pytest.mark.parametrize("params", [{"round": "nope"}, {"year": "abc"}, {"round": "24"}])
def test_an_unknown_filter_value_is_a_400_that_names_it(client, params):
    page = client.get("/articles/", params)
    assert page.status_code == 400
    value = next(iter(params.values()))
    assert f"“{value}” is not one of the choices" in page.content.decode()


def test_marking_quotes_as_not_quotes_confirms_how_many(admin_client, scratch_index):
    quotes = list(Quote.objects.attributed().values_list("pk", flat=True)[:2])
    response = admin_client.post(
        "/admin/archive/quote/",
        {"action": "mark_not_a_quote", "_selected_action": quotes},
        follow=True,
    )
    assert "2 quotes marked as not a quote" in response.content.decode()


def test_marking_a_speaker_checked_confirms_it(admin_client, scratch_index):
    quote = Quote.objects.attributed().first()
    response = admin_client.post(
        "/admin/archive/quote/",
        {"action": "mark_checked", "_selected_action": [quote.pk]},
        follow=True,
    )
    assert "1 quote: speaker marked as checked" in response.content.decode()


def test_a_corrected_quote_is_titled_by_its_new_speaker(scratch_index):
    quote = Quote.objects.attributed().exclude(speaker=None).first()
    other = Actor.objects.exclude(pk=quote.speaker_id).get(slug="staffan-de-mistura")
    quote.speaker = other
    quote.save()
    assert str(quote).startswith("Staffan de Mistura:")


def test_a_refused_server_path_gets_one_error_the_right_one(settings, tmp_path):
    form = ImportRunForm(data={"paths": "/etc"})
    assert not form.is_valid()
    messages = [m for errors in form.errors.values() for m in errors]
    assert len(messages) == 1 and messages[0].startswith("Imports read only inside")


def test_neither_a_file_nor_a_path_asks_for_one():
    form = ImportRunForm(data={"paths": ""})
    assert not form.is_valid()
    assert form.non_field_errors() == ["Give a file to upload or a path on the server."]


def test_a_csv_row_without_a_title_keeps_its_text_as_the_body(tmp_path, scratch_index):
    from archive.ingest import pipeline

    text = "Delegations met in Geneva on Monday. The envoy said talks would go on."
    (tmp_path / "untitled.csv").write_text(f"title,text\n,{text}\n")
    pipeline.run([tmp_path / "untitled.csv"], columns={"title": "title", "text": "text"})
    article = Article.objects.get(body__contains="The envoy said talks would go on.")
    assert article.title == "Delegations met in Geneva on Monday."
    assert article.body == text


def test_an_imported_article_and_its_quotes_start_their_history_as_imported():
    quote = Quote.objects.exclude(speaker=None).first()
    first = quote.article.history.earliest("history_date")
    assert (first.history_type, first.history_change_reason) == ("+", "imported")
    assert first.title == quote.article.title
    assert quote.history.earliest("history_date").history_change_reason == "imported"


def test_a_curators_first_correction_shows_what_it_replaced(admin_client, scratch_index):
    quote = Quote.objects.exclude(speaker=None).first()
    imported_speaker = quote.speaker
    other = Actor.objects.exclude(pk=quote.speaker_id).get(slug="staffan-de-mistura")
    quote.speaker = other
    quote.save()
    latest, previous = quote.history.order_by("-history_date", "-history_id")[:2]
    change = latest.diff_against(previous).changes
    assert [(c.field, c.old, c.new) for c in change] == [("speaker", imported_speaker.pk, other.pk)]
    page = admin_client.get(f"/admin/archive/quote/{quote.pk}/history/").content.decode()
    assert "imported" in page


def test_the_index_check_agrees_after_a_quote_is_marked_not_a_quote(
    admin_client, scratch_index, django_capture_on_commit_callbacks
):
    """The check read rejected quotes' speakers, which the index rightly leaves out."""
    from archive.search import agreement

    writes.rebuild()
    quote = Quote.objects.attributed().exclude(speaker=None).first()
    with django_capture_on_commit_callbacks(execute=True):  # the edit reaches the index
        admin_client.post(
            "/admin/archive/quote/",
            {"action": "mark_not_a_quote", "_selected_action": [quote.pk]},
        )
    report = agreement.check()
    assert report.agrees, list(report.lines())


def test_the_quotes_list_shows_the_least_sure_speakers_first(admin_client):
    page = admin_client.get("/admin/archive/quote/").content.decode()
    shown = [float(c) for c in re.findall(r'<td class="field-confidence">([\d.]+)</td>', page)]
    least = Quote.objects.filter(checked=False).order_by("confidence").first().confidence
    assert shown and shown[0] == least
    assert shown == sorted(shown)


def test_the_quotes_list_shows_each_quote_in_its_sentence(admin_client):
    quote = Quote.objects.attributed().exclude(position=0).first()
    page = admin_client.get("/admin/archive/quote/", {"q": quote.text[:30]}).content.decode()
    around = context_of(quote.article.body, quote.text, quote.position)
    assert len(around) > len(quote.text)
    assert escape(around) in page


def test_quotes_kept_as_written_can_be_listed_apart(admin_client):
    page = admin_client.get("/admin/archive/quote/", {"confidence": "unplaced"})
    shown = re.findall(r'<td class="field-confidence">([\d.]+)</td>', page.content.decode())
    assert page.status_code == 200
    assert len(shown) == min(Quote.objects.filter(confidence__lt=0.5).count(), 100) > 0
    assert all(float(c) < 0.5 for c in shown)
