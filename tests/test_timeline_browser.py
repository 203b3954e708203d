"""The timeline in real headless Chromium: the whole axis at load, zoom, filters, dossiers."""

import os

import pytest
from playwright.sync_api import expect

from tests.passes import checked_in

pytestmark = checked_in(
    "postgresql", "the timeline's script and drawing do not depend on the database"
)

SHOTS = os.environ.get("ARCHIVE_SCREENSHOTS")  # a folder to keep the screenshots in


@pytest.fixture(autouse=True)
def server_may_use_the_database(django_db_blocker):
    with django_db_blocker.unblock():
        yield


def drawn_rounds(page):
    """{slug: (left, right)} of every round's bar as drawn, and the drawing's width."""
    return page.evaluate(
        """() => {
          const svg = document.querySelector('.tl svg');
          const rounds = {};
          svg.querySelectorAll('a.round').forEach(a => {
            const r = a.querySelector('rect');
            const left = +r.getAttribute('x');
            rounds[a.dataset.round] = [left, left + +r.getAttribute('width')];
          });
          const view = document.querySelector('.tl-viewport').clientWidth;
          return {rounds, width: svg.clientWidth, view};
        }"""
    )


def shoot(page, tmp_path, name):
    page.screenshot(path=os.path.join(SHOTS or tmp_path, name), full_page=True)


def test_the_whole_axis_is_visible_at_load(live_url, page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_url + "/timeline/")
    drawn = drawn_rounds(page)
    assert drawn["rounds"], "no round drawn"
    assert drawn["width"] <= drawn["view"]  # nothing to scroll to
    for slug, (left, right) in drawn["rounds"].items():
        assert 0 <= left and right <= drawn["width"] + 1, slug
    ticks = page.locator(".tl-ticks text").all_text_contents()
    assert ticks[0] == "2012" and int(ticks[-1]) >= 2024


def test_zooming_in_draws_fewer_rounds_wider_and_out_again_all(live_url, page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_url + "/timeline/")
    before = drawn_rounds(page)
    for _ in range(3):
        page.click(".tl-tools [data-zoom=in]")
    after = drawn_rounds(page)
    shown = after["rounds"].items()
    in_view = [slug for slug, (left, right) in shown if right > 0 and left < after["width"]]
    assert 0 < len(in_view) < len(before["rounds"])

    def drawn_width(drawing, slug):
        return drawing["rounds"][slug][1] - drawing["rounds"][slug][0]

    assert drawn_width(after, in_view[0]) > drawn_width(before, in_view[0])
    page.click(".tl-tools [data-zoom=fit]")
    assert drawn_rounds(page)["rounds"] == before["rounds"]


def test_keyboard_zooms_and_pans(live_url, page):
    page.goto(live_url + "/timeline/")
    page.focus(".tl-viewport")
    start = page.locator(".tl-range").text_content()
    page.keyboard.press("+")
    zoomed = page.locator(".tl-range").text_content()
    assert zoomed != start
    page.keyboard.press("ArrowRight")
    assert page.locator(".tl-range").text_content() != zoomed


def test_wheel_zooms_to_days(live_url, page):
    page.goto(live_url + "/timeline/")
    box = page.locator(".tl-viewport").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + 60)
    for _ in range(12):
        page.mouse.wheel(0, -600)
    labels = page.locator(".tl-ticks text").all_text_contents()
    assert any(" " in label for label in labels)  # "14 Mar": ticks by the day or week


def test_an_actor_filter_dims_the_rounds_without_them(live_url, page):
    page.goto(live_url + "/timeline/")
    page.select_option(".tl-filter select[name=actor]", "lakhdar-brahimi")
    page.click(".tl-filter button[type=submit]")
    expect(page).to_have_url(live_url + "/timeline/?actor=lakhdar-brahimi&q=")
    expect(page.locator('a.round[data-round="geneva-2-1"]')).not_to_have_class("round dim")
    expect(page.locator('a.round[data-round="astana-4"]')).to_have_class("round dim")
    expect(page.locator("[role=status]")).to_contain_text("Lakhdar Brahimi")


def test_words_light_up_the_rounds_whose_articles_hold_them(live_url, page):
    page.goto(live_url + "/timeline/?q=de-escalation")
    hits = page.locator("a.round.hit")
    assert hits.count() >= 1
    assert page.locator("a.round.dim").count() > hits.count()


def test_hovering_a_round_shows_its_facts_and_clicking_opens_its_dossier(live_url, page):
    page.goto(live_url + "/timeline/")
    page.hover('a.round[data-round="astana-4"] rect')
    expect(page.locator(".tl-details")).to_contain_text("Astana 4")
    expect(page.locator(".tl-details")).to_contain_text("Venue")
    page.click('a.round[data-round="astana-4"] rect')
    expect(page).to_have_url(live_url + "/rounds/astana-4/")


@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots_of_the_timeline_read_cleanly(live_url, page, tmp_path, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_url + "/timeline/")
    names = page.locator(".tl-names li").all_text_contents()
    assert names == ["Geneva", "Astana", "Constitutional Committee", "Sochi and other"]
    overlaps = page.evaluate(
        """() => {
          let bad = 0;
          document.querySelectorAll('.lane').forEach(lane => {
            const boxes = [...lane.querySelectorAll('a.round text')]
              .filter(t => t.getAttribute('visibility') !== 'hidden')
              .map(t => t.getBoundingClientRect());
            boxes.forEach((b, i) => { if (i && b.left < boxes[i - 1].right) bad++; });
          });
          return bad;
        }"""
    )
    assert overlaps == 0
    shoot(page, tmp_path, f"timeline-{width}.png")
    page.locator(".tl").screenshot(path=os.path.join(SHOTS or tmp_path, f"drawing-{width}.png"))
    page.goto(live_url + "/")
    shoot(page, tmp_path, f"home-{width}.png")
    page.goto(live_url + "/rounds/astana-1/")
    shoot(page, tmp_path, f"dossier-{width}.png")
    page.goto(live_url + "/actors/staffan-de-mistura/")
    shoot(page, tmp_path, f"actor-{width}.png")


def test_every_round_is_a_target_a_finger_can_hit_at_the_whole_period(live_url, page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_url + "/timeline/")
    targets = page.evaluate(
        """() => [...document.querySelectorAll('.targets line')]
          .map(line => line.getBoundingClientRect().width)"""
    )
    assert len(targets) == page.locator("a.round").count() > 0
    assert min(targets) >= 23.99  # 24 CSS pixels, less the float error of the scaling
    # Where rounds crowd, each one's own bar stays on top of its neighbours' targets.
    page.hover('a.round[data-round="astana-4"] rect')
    expect(page.locator(".tl-details")).to_contain_text("Astana 4")


def test_on_a_touch_screen_a_first_tap_shows_the_facts_and_a_second_opens_the_round(
    live_url, browser
):
    context = browser.new_context(has_touch=True, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(live_url + "/timeline/")
    page.wait_for_load_state("load")
    page.locator('a.round[data-round="astana-4"] rect').first.tap()
    expect(page.locator(".tl-details")).to_contain_text("Astana 4")
    expect(page).to_have_url(live_url + "/timeline/")
    page.locator('a.round[data-round="astana-4"] rect').first.tap()
    expect(page).to_have_url(live_url + "/rounds/astana-4/")
    context.close()
