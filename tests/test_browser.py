"""What a person sees: a real ``streamlit run`` server and Debian's Chromium via Playwright."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator

import pytest

from tests.conftest import DATA, ROOT

playwright = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium")
pytestmark = [pytest.mark.browser, pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"),
                                                      reason="Debian chromium not installed")]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("browser") / "shanhe.duckdb"
    env = {**os.environ, "SHANHE_DB": str(db)}
    subprocess.run([sys.executable, "-m", "shanhe", "init"], cwd=ROOT, env=env, check=True, capture_output=True)
    subprocess.run([sys.executable, "-m", "shanhe", "import", str(DATA / "good" / "plain-utf8.csv")], cwd=ROOT,
                   env=env, check=True, capture_output=True)
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.3)
        else:
            pytest.fail("streamlit did not become healthy within 60 s")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.fixture(scope="module")
def page(server: str) -> Iterator[object]:
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1600, "height": 1000}, locale="zh-CN")
        yield context.new_page()
        browser.close()


def test_overview_renders_in_a_browser(server: str, page: object, tmp_path_factory: pytest.TempPathFactory) -> None:
    expect = playwright.expect
    page.goto(server)
    expect(page.get_by_role("heading", name="规划指标总览")).to_be_visible(timeout=30_000)
    expect(page.get_by_role("heading", name="补充指标（正文量化、表2-1未列）")).to_be_visible()
    expect(page.locator('[data-testid="stDataFrame"]')).to_have_count(4)
    expect(page.get_by_text("数据截至：")).to_be_visible()
    expect(page.get_by_text("19 项约束性指标中")).to_be_visible()
    page.screenshot(path=str(tmp_path_factory.mktemp("shots") / "overview.png"), full_page=True)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)


def test_language_toggle_switches_to_english(server: str, page: object) -> None:
    expect = playwright.expect
    page.goto(server)
    expect(page.get_by_role("heading", name="规划指标总览")).to_be_visible(timeout=30_000)
    page.get_by_text("English", exact=True).click()
    expect(page.get_by_role("heading", name="Plan indicators")).to_be_visible(timeout=15_000)
    expect(page.get_by_role("heading", name="Environmental quality")).to_be_visible()
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)


def test_methodology_page_from_the_menu(server: str, page: object, tmp_path_factory: pytest.TempPathFactory) -> None:
    expect = playwright.expect
    page.goto(server)
    expect(page.get_by_role("heading", name="规划指标总览")).to_be_visible(timeout=30_000)
    page.get_by_role("link", name="方法说明").click()
    expect(page.get_by_role("heading", name="方法说明：红绿灯怎样判定")).to_be_visible(timeout=15_000)
    expect(page.get_by_text("为什么由路径比决定")).to_be_visible()
    assert page.url.endswith("/methodology")
    page.screenshot(path=str(tmp_path_factory.mktemp("shots") / "methodology.png"), full_page=True)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
