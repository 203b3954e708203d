"""In real headless Chromium: search from the home page, open a hit, follow the timeline."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db


def test_search_from_home_and_open_a_hit(page, live_url):
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


def test_timeline_round_click_lands_on_its_page(page, live_url):
    page.goto(live_url + "/")
    page.click("text=Open the full timeline")
    expect(page.locator("h1")).to_have_text("Timeline of the talks")
    page.click('svg.timeline a[data-round="astana-4"]')
    expect(page).to_have_url(live_url + "/rounds/astana-4/")
    expect(page.locator("h1")).to_have_text("Astana 4")
    expect(page.locator("dl.facts")).to_contain_text("de-escalation zones")


def test_static_css_is_served(page, live_url):
    response = page.goto(live_url + "/static/archive/style.css")
    assert response.status == 200
    assert "--accent" in response.text()
