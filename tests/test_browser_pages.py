"""In real Chromium at 1366×768: the light strip on the first screen, and Chinese pages in Chinese, also where
Streamlit writes its own words."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from shanhe import auth
from shanhe.catalog import load_catalog
from shanhe.settings import CHROMIUM_ARGS
from shanhe.store import open_store
from tests.screens import STRIP
from tests.server import spawn

playwright = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"), reason="Debian chromium not installed"),
]
ZONE = '[data-testid="stFileUploaderDropzone"]'


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    db = tmp_path_factory.mktemp("words") / "shanhe.duckdb"
    with open_store(db, load_catalog(), create=True) as store:
        auth.add_user(store, "张工", "staff", "correct horse 9")
    proc, url = spawn(db)
    try:
        with playwright.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1366, "height": 768}, locale="zh-CN")
            page.goto(f"{url}/login")
            page.get_by_label("用户名").fill("张工")
            page.get_by_label("密码").fill("correct horse 9")
            page.get_by_role("button", name="登录").click()
            playwright.expect(page.get_by_text("已登录：张工").first).to_be_visible(timeout=30_000)
            yield page
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _after(page: object, selector: str) -> str:
    return page.locator(selector).first.evaluate("e => getComputedStyle(e, '::after').content")  # type: ignore[attr-defined]


def test_the_upload_zone_speaks_chinese(page: object, tmp_path: Path) -> None:
    page.get_by_role("link", name="数据填报").click()  # type: ignore[attr-defined]
    zone = page.locator(ZONE)  # type: ignore[attr-defined]
    playwright.expect(zone).to_be_visible(timeout=30_000)
    playwright.expect(zone.get_by_text("Upload", exact=True)).to_be_hidden()
    playwright.expect(zone.get_by_text("per file")).to_be_hidden()
    assert _after(page, f'{ZONE} button [data-testid="stMarkdownContainer"]') == '"选择文件"'
    limits = _after(page, '[data-testid="stFileUploaderDropzoneInstructions"] > div')
    assert "每个文件不超过 5 MB" in limits and "XLSX" in limits
    assert zone.bounding_box()["height"] < 120  # type: ignore[index]
    # the button still opens the file chooser
    with page.expect_file_chooser() as chooser:  # type: ignore[attr-defined]
        zone.locator("button").click()
    assert chooser.value is not None


def test_dates_and_filters_are_not_in_english(page: object) -> None:
    page.get_by_role("link", name="里程碑进展").click()  # type: ignore[attr-defined]
    box = page.get_by_role("group", name="完成日期")  # type: ignore[attr-defined]
    playwright.expect(box).to_be_visible(timeout=30_000)
    shown = "".join(box.inner_text().split())
    assert len(shown) == 10 and shown[4] == shown[7] == "-" and shown[:4].isdigit(), shown  # not "yyyy / mm / dd"
    page.get_by_role("link", name="总览").click()  # type: ignore[attr-defined]
    filters = page.locator('[data-testid="stMultiSelect"]')  # type: ignore[attr-defined]
    playwright.expect(filters.first).to_be_visible(timeout=30_000)
    assert filters.count() == 3
    for n in range(3):
        assert "全部（可多选）" in filters.nth(n).inner_text() + (
            filters.nth(n).locator("input").get_attribute("placeholder") or ""
        )
        assert "Choose" not in filters.nth(n).inner_text()


def test_the_light_strip_is_on_the_first_screen(page: object) -> None:
    page.get_by_role("link", name="总览").click()  # type: ignore[attr-defined]
    strip = page.locator(STRIP)  # type: ignore[attr-defined]
    playwright.expect(strip).to_be_visible(timeout=30_000)
    box = strip.bounding_box()
    assert box is not None and box["y"] + box["height"] < 768  # no scrolling needed
    assert strip.locator("h2 .stMarkdownColoredBackground").count() == 8  # four lights for binding, four for expected
