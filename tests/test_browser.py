"""In real headless Chromium: search from the home page, open a hit, follow the timeline."""

import pytest
from playwright.sync_api import expect

from tests.passes import checked_in

# What a browser does with a page (scripts, styles, the Content-Security-Policy) is the
# templates' and static files'; the reads behind each page run in both passes (test client).
pytestmark = checked_in(
    "postgresql", "what a browser does with a page does not depend on the database"
)


@pytest.fixture(autouse=True)
def server_may_use_the_database(django_db_blocker):
    """The live server's threads read the session's data; the tests themselves do not touch
    the database, so Playwright's event loop never opens a connection of its own."""
    with django_db_blocker.unblock():
        yield


def test_search_from_home_and_open_a_hit(live_url, page):
    page.goto(live_url + "/")
    page.fill("main input[name=q]", "Brahimi")
    page.click("main button[type=submit]")
    expect(page.locator(".count")).to_contain_text("1 article matches")
    expect(page.locator(".snippet mark").first).to_have_text("Brahimi")
    page.click(".result a.title")
    expect(page.locator("h1")).to_have_text(
        "Syria Talks End, US Officials Hint Damascus Taking it Easy on al Qaeda"
    )
    expect(page.locator(".article .body")).to_contain_text("Lakhdar Brahimi")


def test_timeline_round_click_lands_on_its_page(live_url, page):
    page.goto(live_url + "/")
    page.click("text=Open the full timeline")
    expect(page.locator("h1")).to_have_text("Timeline of the talks")
    page.click('svg.timeline a[data-round="astana-4"] rect')
    expect(page).to_have_url(live_url + "/rounds/astana-4/")
    expect(page.locator("h1")).to_have_text("Astana 4")
    expect(page.locator("dl.facts")).to_contain_text("de-escalation zones")


def test_static_css_is_served(live_url, page):
    response = page.goto(live_url + "/static/archive/style.css")
    assert response.status == 200
    assert "--accent" in response.text()


def test_pages_name_static_files_by_hash_served_compressed_and_cached_for_good(live_url, page):
    import re

    import requests

    html = requests.get(live_url + "/").text
    (css,) = re.findall(r'href="(/static/archive/style\.[0-9a-f]{12}\.css)"', html)
    response = requests.get(live_url + css, headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200 and "--accent" in response.text
    assert response.headers["Content-Encoding"] == "gzip"
    assert "immutable" in response.headers["Cache-Control"]


def test_facet_click_narrows_and_keeps_the_query(live_url, page):
    page.goto(live_url + "/search/?q=Aleppo")
    total = int(page.locator(".count strong").inner_text().replace(",", ""))
    facet = page.locator('[data-facet="year"] li').first
    expected = facet.locator(".n").inner_text()
    facet.locator("a").click()
    expect(page.locator(".count strong")).to_have_text(expected)
    assert int(expected) < total
    assert "q=Aleppo" in page.url and "year=" in page.url
    expect(page.locator(".facets section.active")).to_contain_text("Year")


def test_histogram_bar_narrows_to_its_month(live_url, page):
    page.goto(live_url + "/search/?q=Aleppo")
    bar = page.locator('figure.histogram a.bar[data-month="2016-10"]')
    bar.click()
    expect(page).to_have_url(f"{live_url}/search/?q=Aleppo&date_from=2016-10-01&date_to=2016-10-31")
    expect(page.locator(".result time").first).to_be_visible()
    for date in page.locator(".result time").all():
        assert date.get_attribute("datetime").startswith("2016-10")


def test_did_you_mean_is_a_link_that_searches(live_url, page):
    page.goto(live_url + "/search/?q=Alepo")
    expect(page.locator(".count strong")).to_have_text("0")
    page.click("a[data-suggestion]")
    expect(page.locator("#id_q")).to_have_value("aleppo")
    assert int(page.locator(".count strong").inner_text().replace(",", "")) > 100


def test_export_downloads_every_hit(live_url, page):
    page.goto(live_url + "/search/?q=Aleppo")
    total = int(page.locator(".count strong").inner_text().replace(",", ""))
    with page.expect_download() as download_info:
        page.click('a[data-export="csv"]')
    download = download_info.value
    assert download.suggested_filename == "archive-search.csv"
    lines = open(download.path(), encoding="utf-8").read().splitlines()
    assert lines[0].startswith("# archive manifest: ")  # then the header and a row per hit
    assert len(lines) == total + 2


def test_opening_a_hit_marks_the_query_words(live_url, page):
    page.goto(live_url + "/search/?q=gaps")
    page.click(".result a.title >> nth=0")
    expect(page.locator(".body.marked mark").first).to_have_text("gaps")


def test_date_range_form_narrows_the_hits(live_url, page):
    page.goto(live_url + "/search/?q=Aleppo")
    page.fill('input[name="date_from"]', "2016-01-01")
    page.fill('input[name="date_to"]', "2016-03-31")
    page.click(".date-range button")
    assert "date_from=2016-01-01" in page.url and "q=Aleppo" in page.url
    expect(page.locator(".result time").first).to_be_visible()
    for date in page.locator(".result time").all():
        assert "2016-01" <= date.get_attribute("datetime")[:7] <= "2016-03"


def test_an_arabic_search_and_article_read_right_to_left(live_url, page, tmp_path):
    page.goto(live_url + "/search/?q=محادثات")
    snippet = page.locator(".snippet").first
    expect(snippet).to_have_attribute("lang", "ar")
    assert snippet.evaluate("el => getComputedStyle(el).direction") == "rtl"
    expect(page.locator(".snippet mark").first).to_be_visible()
    page.screenshot(path=tmp_path / "arabic-search.png", full_page=True)
    page.click(".result a.title")
    body = page.locator(".article .body")
    assert body.evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert page.locator("h1").evaluate("el => getComputedStyle(el).direction") == "rtl"
    facts = page.locator("header dl.facts")
    expect(facts).to_contain_text("Arabic")
    expect(facts).to_contain_text("Astana 8")
    page.screenshot(path=tmp_path / "arabic-article.png", full_page=True)
    assert (tmp_path / "arabic-article.png").stat().st_size > 10_000


def test_search_all_languages_finds_the_arabic_and_russian_samples(live_url, page):
    page.goto(live_url + "/search/?q=negotiations")
    expect(page.locator(".result [lang=ar]")).to_have_count(0)
    page.check("main input[name=expand]")
    page.click("main button[type=submit]")
    expect(page.locator("[data-also-searched]")).to_contain_text("переговоры")
    expect(page.locator(".result a.title[lang=ar]").first).to_be_visible()
    expect(page.locator(".result a.title[lang=ru]").first).to_be_visible()
    page.click(".result a.title[lang=ar]")
    expect(page.locator(".article .body mark").first).to_be_visible()


def test_the_shipped_font_covering_arabic_and_cyrillic_loads(live_url, page):
    page.goto(live_url + "/search/?q=сессии")
    assert (
        page.evaluate(
            "async () => (await document.fonts.load('16px \"Archive Sans\"', 'ب')).length"
        )
        > 0
    )


def test_a_citation_is_copied_from_the_panel(live_url, page):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_url)
    page.goto(live_url + "/search/?q=Brahimi")
    page.click(".result a.title")
    # The copy buttons work once the page's scripts have run: a click before that does nothing.
    page.wait_for_load_state("load")
    panel = page.locator("section.cite")
    expect(panel).to_contain_text("Cite this article")
    bibtex = panel.locator("dd", has_text="@online").first
    bibtex.locator("button.copy").click()
    expect(bibtex.locator("button.copy")).to_have_text("Copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("@online{archive") and "Syria Talks End" in copied


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/search/?q=Aleppo",
        "/search/?q=محادثات",
        "/timeline/",
        "/rounds/astana-4/",
        "/actors/",
        "/actors/staffan-de-mistura/",
        "/articles/",
        "/admin/login/",
        "/search/concepts/",
    ],
)
def test_pages_load_without_a_content_security_policy_violation(live_url, page, path):
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    response = page.goto(live_url + path)
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_load_state("load")
    assert violations == []


def test_an_article_page_with_its_citation_script_has_no_csp_violation(live_url, page):
    violations = []
    page.on("console", lambda m: violations.append(m.text) if "Security Policy" in m.text else None)
    page.goto(live_url + "/search/?q=Brahimi")
    page.click(".result a.title")
    page.locator("section.cite button.copy").first.click()
    assert violations == []
