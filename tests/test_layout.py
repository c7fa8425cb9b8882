"""How every page looks at the office screens (1366×768, 1920×1080) and the projector (1280×720), on the sample
store in Debian's Chromium: nothing overlaps or runs off sideways, the light strip is above the fold, no English
from Streamlit on a Chinese page, deep links open their page, and every presenter slide fits its screen and
moves with a clicker's keys."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests import screens

playwright = pytest.importorskip("playwright.sync_api")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(screens.CHROMIUM is None and not os.environ.get("CI"), reason="Debian chromium not installed"),
]
SIZE_IDS = [f"{w}x{h}" for w, h in screens.SIZES]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with screens.served_sample(tmp_path_factory.mktemp("layout")) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright.sync_playwright() as p:
        instance = screens.launch(p)
        yield instance
        instance.close()


@pytest.fixture(params=screens.SIZES, ids=SIZE_IDS)
def page(browser: object, request: pytest.FixtureRequest) -> Iterator[object]:
    width, height = request.param
    context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
    yield context.new_page()
    context.close()


def _look(page: object) -> dict[str, object]:
    return {
        "overlaps": screens.overlaps(page) + screens.titles_outside(page),
        "overflow": screens.horizontal_overflow(page),
        "english": screens.english_words(page),
    }


CLEAN = {"overlaps": [], "overflow": 0, "english": []}


@pytest.mark.parametrize("path", screens.VIEW_PAGES)
def test_a_page_opened_by_its_link_is_laid_out_cleanly(server: str, page: object, path: str) -> None:
    """Opened directly by URL (a shared link): no "Page not found", no overlapping tables or charts, nothing
    wider than the screen, and no Streamlit English on the Chinese page."""
    page.goto(f"{server}/{path}")
    screens.settle(page)
    assert _look(page) == CLEAN


def test_staff_pages_are_laid_out_cleanly(server: str, page: object) -> None:
    screens.log_in(page, server)
    found = {}
    for title in screens.STAFF_PAGES.values():
        screens.open_staff_page(page, title)
        found[title] = _look(page)
    assert found == dict.fromkeys(screens.STAFF_PAGES.values(), CLEAN)


def test_the_light_strip_is_above_the_fold(server: str, page: object) -> None:
    page.goto(server)
    screens.settle(page)
    strip = page.locator(screens.STRIP).first
    playwright.expect(strip).to_be_visible()
    box = strip.bounding_box()
    assert box["y"] + box["height"] <= page.viewport_size["height"], box


def test_the_indicator_filters_speak_chinese(server: str, page: object) -> None:
    """An open multiselect lists its options in Chinese, with no "No results"/"Select all" from Streamlit."""
    page.goto(f"{server}/overview")
    screens.settle(page)
    box = page.get_by_role("combobox", name="类别")
    box.scroll_into_view_if_needed()  # a click that has to scroll first only focuses the box
    box.click()
    page.get_by_role("option").last.wait_for(state="attached")
    assert screens.english_words(page) == []


def test_presenter_mode_opens_by_its_link(server: str, browser: object) -> None:
    """/present is not the default page, so a shared presenter link opens it, not "Page not found" (app.py)."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.goto(f"{server}/present?present=1&slide=2")
    _slide(page, 2)
    assert "Page not found" not in page.locator("body").inner_text()
    assert page.url.split("?")[0].endswith("/present")
    context.close()


def _slide(page: object, n: int) -> None:
    """Wait for slide ``n`` (the previous slide's footer may linger, stale, until the run ends)."""
    page.locator(".sh-footer").filter(has_text=f"第 {n}/").first.wait_for(timeout=30_000)
    screens.settle(page)
    playwright.expect(page.locator(".sh-footer")).to_have_count(1)


def test_every_presenter_slide_fits_the_screen(server: str, page: object) -> None:
    """Each slide, reached with the → key, fits the viewport with no scrolling, and the fixed footer leaves
    the buttons free."""
    page.goto(f"{server}/?present=1")
    _slide(page, 1)
    too_big = {}
    for n in range(1, screens.slide_count(page) + 1):
        if n > 1:
            page.keyboard.press("ArrowRight")
            _slide(page, n)
        fit = screens.slide_fit(page)
        if fit["content"] > fit["viewport"] + 1 or fit["buttons_bottom"] > fit["footer_top"]:
            too_big[n] = fit
        assert screens.overlaps(page) + screens.titles_outside(page) == [] and screens.horizontal_overflow(page) == 0, n
    assert too_big == {}


def test_a_clicker_moves_between_slides(server: str, browser: object) -> None:
    """PageDown / → / Space forward, PageUp / ← back, Home to the first slide; the URL follows."""
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="zh-CN")
    page = context.new_page()
    page.goto(f"{server}/?present=1")
    _slide(page, 1)
    for key, n in [("PageDown", 2), ("ArrowRight", 3), ("Space", 4), ("ArrowLeft", 3), ("PageUp", 2), ("Space", 3)]:
        page.keyboard.press(key)
        _slide(page, n)
        page.wait_for_url(f"**slide={n}**")
    page.get_by_role("button", name="下一页 ▶").click()  # focus on a button: a key still moves one slide, not two
    _slide(page, 4)
    page.keyboard.press("Space")
    _slide(page, 5)
    page.keyboard.press("Home")
    _slide(page, 1)
    page.keyboard.press("ArrowLeft")  # nothing before the first slide
    _slide(page, 1)
    context.close()
