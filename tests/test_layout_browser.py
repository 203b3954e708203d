"""Every page type on a phone's screen and a desktop's, in real Chromium: nothing wider than
the screen, the first result of a search in the first screen, no serious or critical axe-core
violation, and an article printed as the record it is, on paper."""

import hashlib
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.passes import checked_in

# Layout, accessibility and print are the templates' and the stylesheet's, whatever database
# serves the rows: the SQLite pass of the suite checks them, the PostgreSQL pass runs the rest.
pytestmark = checked_in("sqlite", "layout does not depend on the database")
SCREENS = {"phone": (390, 844), "desktop": (1280, 900)}
FIXED_PAGES = {
    "home": "/",
    "search": "/search/?q=Aleppo",
    "search with nothing found": "/search/?q=zzqqxxnothing",
    "search help": "/search/help/",
    "concepts": "/search/concepts/",
    "actor": "/actors/staffan-de-mistura/",
    "actors": "/actors/",
    "round": "/rounds/astana-4/",
    "timeline": "/timeline/",
    "articles": "/articles/",
    "undated": "/articles/undated/",
    "not found": "/no-such-page/",
    "curators' sign-in": "/admin/login/",
}
PAGE_TYPES = [*FIXED_PAGES, "article", "arabic article", "cited search"]


@pytest.fixture(autouse=True)
def server_may_use_the_database(django_db_blocker):
    with django_db_blocker.unblock():
        yield


@pytest.fixture(scope="module")
def paths(django_db_blocker):
    """The path of each page type: articles and a cited search are looked up or made here."""
    from archive.models import Article

    with django_db_blocker.unblock():
        quoted = Article.objects.filter(language="en").exclude(quotes=None).first()
        arabic = Article.objects.filter(language="ar").first()
        cited = cite("Aleppo")
    found = dict(FIXED_PAGES)
    found["article"] = quoted.get_absolute_url()
    found["arabic article"] = arabic.get_absolute_url()
    found["cited search"] = cited.get_absolute_url()
    return found


def cite(query):
    """A cited search, stored as the "Cite this search" button stores one."""
    from django.http import QueryDict

    from archive import search
    from archive.models import CitedSearch
    from archive.search import manifest
    from archive.views.cite import _found

    results = search.search(query)
    return CitedSearch.record(manifest.manifest(results, QueryDict(f"q={query}")), _found(results))


def visit(page, live_url, path, screen):
    width, height = SCREENS[screen]
    page.set_viewport_size({"width": width, "height": height})
    page.goto(live_url + path)
    page.wait_for_load_state("load")


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_page_is_wider_than_the_screen(live_url, page, paths, kind, screen):
    visit(page, live_url, paths[kind], screen)
    too_wide = page.evaluate(
        """() => [...document.querySelectorAll("body *")]
          .filter((el) => el.getBoundingClientRect().right > innerWidth + 1)
          .filter((el) => !el.closest(".table-scroll, .tl-viewport"))
          .map((el) => el.tagName + "." + el.className)"""
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= SCREENS[screen][0]
    assert too_wide == []


@pytest.mark.parametrize("screen", SCREENS)
def test_the_first_result_of_a_search_is_in_the_first_screen(live_url, page, screen):
    visit(page, live_url, "/search/?q=Aleppo", screen)
    first = page.locator("ol.results li.result").first
    expect(first).to_be_in_viewport()
    assert first.bounding_box()["y"] < SCREENS[screen][1] - 100


def test_on_a_phone_the_facets_are_a_link_away(live_url, page):
    visit(page, live_url, "/search/?q=Aleppo", "phone")
    page.click("text=Refine these results")
    expect(page.locator("#refine h2").first).to_be_in_viewport()


AXE = Axe()


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_page_has_a_serious_accessibility_violation(live_url, page, paths, kind, screen):
    visit(page, live_url, paths[kind], screen)
    violations = AXE.run(page).response["violations"]
    serious = [
        (v["id"], [n["target"] for n in v["nodes"]][:3])
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


def test_the_skip_link_is_the_first_stop_and_moves_focus_to_the_content(live_url, page):
    visit(page, live_url, "/search/?q=Aleppo", "desktop")
    page.keyboard.press("Tab")
    skip = page.locator("a.skip")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "content"


# A report of about a thousand words in sentences of our own, for the printout.
SENTENCES = [
    "Delegations met again in the conference hall on the second day of the round.",
    "The envoy told reporters that both sides had handed over written proposals.",
    "Officials said the humanitarian working group would meet before the plenary.",
    "A spokesman for the opposition said the agenda still had to be agreed in full.",
    "Diplomats from the guarantor states held separate talks with each delegation.",
]


@pytest.fixture
def long_article(django_db_blocker):
    from archive.models import Article

    paragraphs = [" ".join(SENTENCES[(i + j) % 5] for j in range(5)) for i in range(16)]
    body = "\n\n".join(paragraphs)
    with django_db_blocker.unblock():
        article = Article.objects.create(
            title="Talks resume with written proposals on the table",
            body=body,
            raw_text=body,
            sha256=hashlib.sha256(body.encode()).hexdigest(),
            language="en",
            source="Layout Test Wire",
            date_method="undated",
        )
        yield article
        article.delete()


def test_a_thousand_word_article_prints_on_at_most_two_pages(live_url, page, long_article):
    assert len(long_article.body.split()) >= 1000
    visit(page, live_url, long_article.get_absolute_url(), "desktop")
    pdf = page.pdf(format="A4")
    pages = max(int(n) for n in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count (\d+)", pdf))
    assert 1 <= pages <= 2


def test_a_printed_article_keeps_the_record_and_one_citation(live_url, page, long_article):
    visit(page, live_url, long_article.get_absolute_url(), "desktop")
    page.emulate_media(media="print")
    expect(page.locator("header.site")).to_be_hidden()
    expect(page.locator("button.copy").first).to_be_hidden()
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator(".provenance code").first).to_be_visible()  # the SHA-256
    expect(page.locator("a.permalink")).to_be_visible()
    shown = page.locator("section.cite pre.citation:visible")
    expect(shown).to_have_count(1)
    expect(shown).to_contain_text("Talks Resume with Written Proposals")  # Chicago's title case


def test_the_citation_style_chosen_on_the_page_is_the_one_printed(live_url, page, long_article):
    visit(page, live_url, long_article.get_absolute_url(), "desktop")
    page.select_option("select[data-cite-style]", label="BibTeX")
    page.emulate_media(media="print")
    expect(page.locator("section.cite pre.citation:visible")).to_contain_text("@online")
    page.reload()  # remembered for the next page
    page.wait_for_load_state("load")
    expect(page.locator("section.cite pre.citation:visible")).to_contain_text("@online")
    page.evaluate("localStorage.clear()")
