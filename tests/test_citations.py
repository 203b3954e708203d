"""Citations of an article in five formats, read back by the parsers researchers' tools use."""

import datetime
import json

import bibtexparser
import pytest
import rispy
from pylatexenc.latex2text import LatexNodes2Text
from pylatexenc.latexwalker import LatexSpecialsNode, LatexWalker

from archive import citations
from archive.models import Article

D = datetime.date
ACCESSED = D(2026, 11, 29)
PERMALINK = "https://archive.example/articles/ab12cd34ef56/"


def article(**changes):
    fields = {
        "title": 'Envoy calls the talks "a last chance" as delegations arrive',
        "source": "Agence Générale",
        "author": "Élodie Lefèvre",
        "url": "https://news.example/2017/03/14/talks",
        "sha256": "ab12cd34ef56" + "0" * 52,
        "published": D(2017, 3, 14),
        "date_method": "dateline",
        "language": "en",
    }
    fields.update(changes)
    return Article(**fields)


def item(**changes):
    return citations.csl_item(article(**changes), PERMALINK, ACCESSED)


def parse_bibtex(text):
    return bibtexparser.parse_string(text)


def test_the_csl_item_carries_what_a_footnote_needs():
    cited = item()
    assert cited["title"] == 'Envoy calls the talks "a last chance" as delegations arrive'
    assert cited["container-title"] == "Agence Générale"
    assert cited["issued"] == {"date-parts": [[2017, 3, 14]]}
    assert cited["accessed"] == {"date-parts": [[2026, 11, 29]]}
    assert cited["archive_location"] == PERMALINK
    assert "ab12cd34ef56" + "0" * 52 in cited["note"]


def test_an_inferred_date_is_not_cited_as_the_articles_own():
    assert "issued" not in item(date_method="calendar")
    assert "issued" in item(date_method="curator")


def test_bibtex_reads_back_field_by_field_with_accents():
    library = parse_bibtex(citations.bibtex(item()))
    assert not library.failed_blocks
    (entry,) = library.entries
    fields = {f.key: f.value for f in entry.fields}
    assert entry.entry_type == "online"
    assert fields["title"] == 'Envoy calls the talks "a last chance" as delegations arrive'
    assert fields["author"] == "Élodie Lefèvre"
    assert fields["organization"] == "Agence Générale"
    assert (fields["date"], fields["urldate"]) == ("2017-03-14", "2026-11-29")
    assert fields["url"] == "https://news.example/2017/03/14/talks"


def test_bibtex_keeps_arabic_and_russian_names():
    library = parse_bibtex(
        citations.bibtex(item(author="سامر الأحمد", source="Агентство Новостей"))
    )
    fields = {f.key: f.value for f in library.entries[0].fields}
    assert (fields["author"], fields["organization"]) == ("سامر الأحمد", "Агентство Новостей")


def test_ris_reads_back_field_by_field():
    (record,) = rispy.loads(citations.ris(item()))
    assert record["type_of_reference"] == "NEWS"
    assert record["title"] == 'Envoy calls the talks "a last chance" as delegations arrive'
    assert record["authors"] == ["Élodie Lefèvre"]
    assert record["secondary_title"] == "Agence Générale"
    assert record["date"] == "2017/03/14"
    assert record["urls"] == ["https://news.example/2017/03/14/talks", PERMALINK]


def test_an_undated_article_without_publisher_cites_without_either():
    cited = item(published=None, date_method="undated", source="", author="", url="")
    (record,) = rispy.loads(citations.ris(cited))
    assert "date" not in record and "secondary_title" not in record
    assert "n.d." in citations.formatted(cited, "apa")
    fields = {f.key for f in parse_bibtex(citations.bibtex(cited)).entries[0].fields}
    assert "date" not in fields and "organization" not in fields
    assert cited["URL"] == PERMALINK  # no original URL: the archive's copy is the address


@pytest.mark.parametrize("style", ["chicago", "apa"])
def test_csl_styles_render_title_publisher_date_and_url(style):
    text = citations.formatted(item(), style)
    assert "a last chance" in text.lower() and "Agence Générale" in text and "2017" in text
    assert "https://news.example/2017/03/14/talks" in text and PERMALINK in text


def test_apa_moves_the_title_of_an_unsigned_unpublished_article_to_the_authors_place_once():
    cited = item(published=None, date_method="undated", source="", author="", url="")
    assert citations.formatted(cited, "apa") == (
        'Envoy calls the talks "a last chance" as delegations arrive. (n.d.). '
        f"Syrian peace talks archive, {PERMALINK}."
    )


def test_apa_cites_an_unsigned_article_by_its_title_then_its_publisher():
    assert citations.formatted(item(author=""), "apa") == (
        'Envoy calls the talks "a last chance" as delegations arrive. (2017, March 14). '
        f"Agence Générale. Syrian peace talks archive, {PERMALINK}. "
        "https://news.example/2017/03/14/talks"
    )


def test_chicago_puts_the_period_inside_the_closing_quotation_mark():
    assert citations.formatted(item(), "chicago") == (
        "Élodie Lefèvre. “Envoy Calls the Talks ‘a Last Chance’ as Delegations Arrive.” "
        f"Agence Générale. March 14, 2017. Syrian peace talks archive, {PERMALINK}. "
        "https://news.example/2017/03/14/talks."
    )


def test_chicago_puts_the_comma_of_an_undated_article_inside_the_quotation_mark():
    cited = item(published=None, date_method="undated", source="", author="", url="")
    assert "Arrive,” n.d." in citations.formatted(cited, "chicago")


def latex_fields(text):
    return {f.key: f.value for f in parse_bibtex(text).entries[0].fields}


@pytest.mark.parametrize("title", ["Truce & talks", "50% of aid_convoys #2", "{Draft} $ ~ \\ end"])
def test_bibtex_escapes_what_latex_would_reject_and_reads_back_as_the_title(title):
    value = latex_fields(citations.bibtex(item(title=title)))["title"]
    nodes, _, _ = LatexWalker(value).get_latex_nodes()
    assert not [n for n in nodes if isinstance(n, LatexSpecialsNode)]
    assert LatexNodes2Text().latex_to_text(value) == title


def test_bibtex_leaves_the_url_verbatim():
    fields = latex_fields(citations.bibtex(item(url="https://news.example/a_b%20c#top")))
    assert fields["url"] == "https://news.example/a_b%20c#top"


def test_csl_json_reads_back_as_the_item():
    suffixes = {suffix: text for suffix, _, text in citations.rendered(item())}
    assert set(suffixes) == {"chicago.txt", "apa.txt", "bib", "ris", "csl.json"}
    assert json.loads(suffixes["csl.json"]) == [item()]


@pytest.mark.django_db
def test_the_article_page_has_the_panel_and_reference_manager_tags(client, seed_article):
    seed = seed_article(0)
    page = client.get(seed.get_absolute_url()).content.decode()
    assert "Cite this article" in page and page.count('class="citation"') == 5
    assert f'<meta name="citation_title" content="{seed.title}">' in page
    assert 'rel="alternate" type="application/x-research-info-systems"' in page


@pytest.mark.django_db
@pytest.mark.parametrize("suffix", ["chicago.txt", "apa.txt", "bib", "ris", "csl.json"])
def test_each_citation_downloads(client, seed_article, suffix):
    seed = seed_article(1)
    response = client.get(f"/articles/{seed.key}/cite.{suffix}")
    assert response.status_code == 200
    assert f'filename="archive-{seed.key}.{suffix}"' in response["Content-Disposition"]
    assert seed.title.split()[0] in response.content.decode()


@pytest.mark.django_db
def test_an_unknown_citation_format_is_a_404(client, seed_article):
    assert client.get(f"/articles/{seed_article(1).key}/cite.doc").status_code == 404


@pytest.mark.django_db
def test_a_round_dossier_cites_as_a_dataset_of_the_archive(client):
    page = client.get("/rounds/astana-4/").content.decode()
    assert "Cite this round" in page and page.count('class="citation"') == 5
    (record,) = rispy.loads(client.get("/rounds/astana-4/cite.ris").content.decode())
    assert record["type_of_reference"] == "DATA"
    assert record["title"] == "Astana 4: dossier of the round"
    assert record["urls"] == ["http://testserver/rounds/astana-4/"]
    assert "placed in the round as of" in record["notes"][0]
    apa = client.get("/rounds/astana-4/cite.apa.txt").content.decode()
    assert "Syrian peace talks archive" in apa and "Astana 4" in apa


@pytest.mark.django_db
@pytest.mark.parametrize("style", ["chicago", "apa"])
def test_a_round_dossier_names_the_archive_once(client, style):
    text = client.get(f"/rounds/astana-4/cite.{style}.txt").content.decode()
    assert text.count("Syrian peace talks archive") == 1
    assert "http://testserver/rounds/astana-4/" in text
