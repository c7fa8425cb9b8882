"""The deployment files work as documented: nginx in front of Shanhe under /shanhe/, in a real browser."""

from __future__ import annotations

import shutil
import subprocess
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from shanhe import auth
from shanhe.catalog import load_catalog
from shanhe.settings import CHROMIUM_ARGS
from shanhe.store import open_store
from tests.conftest import ROOT
from tests.nginx import NGINX, nginx
from tests.server import spawn

playwright = pytest.importorskip("playwright.sync_api")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(NGINX is None or shutil.which("chromium") is None, reason="Debian nginx and chromium needed"),
]
PASSWORD = "correct horse 9"


@pytest.fixture
def proxied(tmp_path: Path) -> Iterator[str]:
    db = tmp_path / "shanhe.duckdb"
    with open_store(db, load_catalog(), create=True) as store:
        auth.add_user(store, "张工", "staff", PASSWORD)
    app, app_url = spawn(db, base_path="shanhe")
    try:
        with nginx(app_url, tmp_path) as url:
            yield url
    finally:
        app.terminate()
        app.wait(timeout=30)


def test_health_and_security_headers_through_nginx(proxied: str) -> None:
    response = urllib.request.urlopen(f"{proxied}/shanhe/_stcore/health", timeout=5)
    assert response.read() == b"ok"
    page = urllib.request.urlopen(f"{proxied}/shanhe/", timeout=5)
    assert page.headers["X-Content-Type-Options"] == "nosniff" and page.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert subprocess.run([str(ROOT / "deploy" / "healthcheck.sh"), f"{proxied}/shanhe"]).returncode == 0


def test_overview_and_an_upload_through_nginx(proxied: str, tmp_path: Path) -> None:
    expect = playwright.expect
    upload = tmp_path / "2024.csv"
    upload.write_text("指标编码,年份,数值\nI07,2024,76.1\n", encoding="utf-8")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1500, "height": 950})
        page.goto(f"{proxied}/")  # nginx sends / to /shanhe/
        expect(page.get_by_role("heading", name="规划指标总览")).to_be_visible(timeout=30_000)
        expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=30_000)
        page.goto(f"{proxied}/shanhe/login")
        page.get_by_label("用户名").fill("张工")
        page.get_by_label("密码").fill(PASSWORD)
        page.get_by_role("button", name="登录").click()
        expect(page.get_by_text("已登录：张工（填报人员）").first).to_be_visible(timeout=30_000)
        page.get_by_role("link", name="数据填报").click()
        page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(upload))
        page.get_by_role("button", name="确认导入").click()
        expect(page.get_by_text("导入成功：批次 #1")).to_be_visible(timeout=30_000)
        expect(page.locator('[data-testid="stException"]')).to_have_count(0)
        browser.close()
