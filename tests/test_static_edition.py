"""The static read-only edition: built from the engine, byte-stable, atomic, republished after writes, and what
Chromium 86 and 108 (through the project's nginx config) read at the dashboard's own URLs."""

from __future__ import annotations

import hashlib
import html
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from shanhe import auth
from shanhe import publish as publish_module
from shanhe.catalog import load_catalog
from shanhe.edition import build, edition_version, read
from shanhe.errors import UserError
from shanhe.messages import text
from shanhe.models import Observation
from shanhe.overview import build_overview
from shanhe.progress import default_year
from shanhe.publish import Published, Republisher, publish, published_version, publishing_turn
from shanhe.store import Store
from tests.conftest import ROOT, Cli, demo_copy
from tests.nginx import NGINX, nginx
from tests.server import spawn

HEADLINE_NUMBERS = ("66.6", "75", "19.83")
NOTICE = "您的浏览器版本较旧，当前显示只读版本；数据录入请使用 Chrome/Edge 112 以上版本"


@pytest.fixture
def sample(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path / "demo.duckdb"
    demo_copy(path, tmp_path_factory)
    return path


def _page(files: dict[str, bytes], name: str) -> str:
    return files[name].decode("utf-8")


def _visible(page: str) -> str:
    """The page's text, without markup and embedded figures."""
    page = re.sub(r"<script.*?</script>", "", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def test_every_page_comes_from_the_engine(sample: Path) -> None:
    with Store.open(sample) as store:
        data = read(store)
        files = build(data)
    names = [i.name for i in data.indicators]
    assert len(names) == 42 and all(f"indicator-{i.code}.html" in files for i in data.indicators)
    overview = _visible(_page(files, "index.html"))
    assert all(n in overview for n in HEADLINE_NUMBERS) and all(n in overview for n in names)
    assert "2025年目标完成情况" in overview and "示例数据" in overview
    view = build_overview(
        data.plan,
        data.indicators,
        data.current,
        "全区",
        default_year(data.current, "全区", data.today.year, data.plan.years),
    )
    for row in view.rows:  # the same reason sentence as the dashboard, word for word
        assert text(row.assessment.reason, "zh") in _visible(_page(files, f"indicator-{row.indicator.code}.html"))
        assert text(row.assessment.reason, "en") in _visible(_page(files, f"indicator-{row.indicator.code}.en.html"))
    page = _page(files, "indicator-I07.html")
    assert "<svg" in page and "2025年目标 ≥75% ✖未达标" in page  # the chart, drawn server-side, with its verdict
    assert f"数据版本 {data.version}" in page
    for name, content in files.items():  # readable without JavaScript: scripts only add the optional charts
        if name.endswith(".html"):
            scripts = re.findall(r"<script([^>]*)>", content.decode("utf-8"))
            assert all('type="application/json"' in s or 'src="enhance.js"' in s for s in scripts), name


@pytest.mark.slow
def test_the_same_store_gives_the_same_bytes(sample: Path, tmp_path: Path) -> None:
    with Store.open(sample) as store:
        first = publish(store, tmp_path / "a")
        second = publish(store, tmp_path / "b")
        again = publish(store, tmp_path / "a")
    assert first.path.name == second.path.name and not again.changed

    def digest(folder: Path) -> dict[str, str]:
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}

    assert digest(tmp_path / "a") == digest(tmp_path / "b")


@pytest.mark.slow
def test_publishing_switches_atomically_and_keeps_two_old_editions(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "static"
    with Store.open(sample) as store:
        seen = []
        for n in range(5):
            done = publish(store, out)
            seen.append(done.path.name)
            assert out.is_symlink() and out.resolve() == done.path.resolve() and published_version(out) == done.version
            store.record_batch(
                [Observation(indicator_code="I07", region="全区", year=2025, value=74.0 + n)],
                kind="import",
                user="测试员",
                file_name=None,
                sha256=None,
                counts=(0, 1, 0),
            )
    editions = sorted(p.name for p in (tmp_path / "static.editions").iterdir() if p.is_dir())
    assert len(set(seen)) == 5 and editions == sorted(seen[-3:])  # the current one and the two before it
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "keep.txt").write_text("x")
    with Store.open(sample) as store, pytest.raises(Exception, match=r"publish\.not_an_edition"):
        publish(store, tmp_path / "taken")
    assert (tmp_path / "taken" / "keep.txt").exists()


@pytest.mark.slow
def test_a_publish_waits_for_another_publishers_turn(
    sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server's republisher and the CLI (or two servers) publishing at the same moment: while one holds its
    turn, the other neither prunes the folder being built nor switches the link; it goes next, or gives up in
    words after a bounded wait."""
    out = tmp_path / "static"
    editions = tmp_path / "static.editions"
    with Store.open(sample) as store:
        first = publish(store, out)
        done: list[Published] = []
        with publishing_turn(editions):  # another publisher, mid-build
            building = editions / f".{'0' * 16}.999999.tmp"
            building.mkdir()
            waiting = threading.Thread(target=lambda: done.append(publish(store, out, public=True)))
            waiting.start()
            waiting.join(5)  # far longer than a build: it is now waiting for its turn
            assert waiting.is_alive() and building.exists() and out.resolve() == first.path.resolve()
            building.rmdir()  # the other publisher renames its folder and lets go
        waiting.join(60)
        assert done and out.resolve() == done[0].path.resolve() != first.path.resolve()
        monkeypatch.setattr(publish_module, "TURN_SECONDS", 0.2)
        with publishing_turn(editions), pytest.raises(UserError) as err:
            publish(store, out)
        assert err.value.key == "publish.busy" and out.resolve() == done[0].path.resolve()


@pytest.mark.slow
def test_the_public_edition_leaves_out_staff_names_and_internal_notes(cli: Cli, tmp_path: Path) -> None:
    cli.init()
    upload = tmp_path / "2024.csv"
    upload.write_text(
        "指标编码,年份,数值,数据来源,备注\nI07,2024,72.5,市生态环境局监测站,内部备注勿外传\n", encoding="utf-8"
    )
    assert cli("import", upload, "--user", "张工")[0] == 0
    with Store.open(cli.db) as store:
        inside = build(read(store))
        public = build(read(store), public=True)
    assert "张工" in _page(inside, "indicator-I07.html") and "内部备注勿外传" in _page(inside, "indicator-I07.html")
    for name, content in public.items():
        if name.endswith(".html"):
            assert "张工" not in content.decode("utf-8") and "内部备注勿外传" not in content.decode("utf-8"), name
    i07 = _page(public, "indicator-I07.html")
    assert "市生态环境局监测站" in i07 and "72.5%" in i07
    assert "打开交互看板" not in _page(public, "index.html")  # a portal copy has no dashboard to link to


def test_publish_command_and_its_timer_mode(cli: Cli, tmp_path: Path, locked_db: Path) -> None:
    out = tmp_path / "static"
    code, _, err = cli("publish", "--out", out)
    assert code == 1 and "正被另一个进程占用" in err  # the server holds the DB: a plain publish says so
    code, outp, _ = cli("publish", "--out", out, "--if-changed")
    assert code == 0 and "看板服务在每次写入后自动重新发布" in outp and not out.exists()


@pytest.mark.slow
def test_publish_command_writes_and_then_skips_when_current(cli: Cli, tmp_path: Path) -> None:
    cli.init()
    out = tmp_path / "static"
    code, outp, _ = cli("publish", "--out", out)
    assert code == 0 and "已发布只读版本" in outp and (out / "index.html").exists()
    code, outp, _ = cli("publish", "--out", out, "--if-changed")
    assert code == 0 and "已是最新" in outp


@pytest.mark.slow
def test_the_republisher_follows_every_write(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "static"
    with Store.open(sample) as store:
        publisher = Republisher(store, out, interval=3600)
        assert publisher.wait_idle(30) and published_version(out) == edition_version(store)
        store.record_batch(
            [Observation(indicator_code="I07", region="全区", year=2025, value=80.0)],
            kind="import",
            user="测试员",
            file_name=None,
            sha256=None,
            counts=(0, 1, 0),
        )
        publisher.request()
        assert publisher.wait_idle(30) and published_version(out) == edition_version(store)
        assert "80%" in (out / "indicator-I07.html").read_text(encoding="utf-8")


# ---- real browsers through the project's nginx ---------------------------------------------------------------
playwright = pytest.importorskip("playwright.sync_api")
browsers = pytest.mark.skipif(
    NGINX is None or shutil.which("chromium") is None or shutil.which("npm") is None,
    reason="Debian nginx, chromium and npm needed (scripts/system-deps.sh test)",
)
PASSWORD = "correct horse 9"


@pytest.fixture
def site(sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, str, Path]]:
    """The sample store served as in production: edition published first, then the server (which republishes
    after writes) and nginx. Yields (nginx URL, the server's own URL, the edition folder)."""
    static = tmp_path / "static"
    with Store.open(sample) as store:
        auth.add_user(store, "张工", "staff", PASSWORD)
    subprocess.run(
        [sys.executable, "-m", "shanhe", "--db", str(sample), "publish", "--out", str(static)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    monkeypatch.setenv("SHANHE_STATIC_DIR", str(static))
    app, app_url = spawn(sample, base_path="shanhe")
    try:
        with nginx(app_url, tmp_path, static) as url:
            yield url, app_url, static
    finally:
        app.terminate()
        app.wait(timeout=30)


@browsers
@pytest.mark.browser
@pytest.mark.parametrize("major", [86, 108])
def test_old_chromium_reads_the_edition_at_the_dashboard_urls(site: tuple, major: int, tmp_path: Path) -> None:
    from tests.old_browsers import running

    url, _, _ = site
    names = [i.name for i in load_catalog().indicators]
    with running(major) as endpoint, playwright.sync_playwright() as p:
        browser = p.chromium.connect_over_cdp(endpoint)
        page = browser.contexts[0].new_page()
        page.goto(f"{url}/shanhe/")
        body = page.inner_text("body")
        assert NOTICE in body and all(n in body for n in HEADLINE_NUMBERS) and all(n in body for n in names)
        page.screenshot(path=str(tmp_path / f"chromium{major}-overview.png"))
        page.goto(f"{url}/shanhe/indicator?code=I07")
        assert page.inner_text("h1") == "城市空气质量优良天数比例" and page.locator("svg.chart-svg").count() == 1
        with page.expect_navigation():  # links work in place, against the edition (a DOM click: Playwright's
            page.evaluate("document.querySelector('a[href=\"projects.html\"]').click()")  # checks need Chrome 105+
        assert page.inner_text("h1") == "重点工程与里程碑（附表1）"
        assert page.url.endswith("/shanhe/readonly/projects.html")
        page.goto(f"{url}/shanhe/login")  # staff pages: which browser to use, never a white page
        assert "Chrome、Edge 112 或更高版本" in page.inner_text("body")
        browser.close()


@browsers
@pytest.mark.browser
def test_without_the_edition_chromium_86_sees_a_white_page(site: tuple) -> None:
    """Why the routing exists: Streamlit's own front-end shows nothing in Chromium 86."""
    from tests.old_browsers import running

    _, app_url, _ = site
    with running(86) as endpoint, playwright.sync_playwright() as p:
        browser = p.chromium.connect_over_cdp(endpoint)
        page = browser.contexts[0].new_page()
        page.goto(f"{app_url}/")
        page.wait_for_timeout(8000)
        assert page.inner_text("body").strip() == ""
        browser.close()


@browsers
@pytest.mark.browser
def test_a_browser_that_hides_its_age_is_sent_by_the_probe(site: tuple) -> None:
    """Chromium 108 claiming to be Chrome 130 passes nginx's check; the probe on the page catches it."""
    from tests.old_browsers import running

    url, _, _ = site
    with running(108) as endpoint, playwright.sync_playwright() as p:
        browser = p.chromium.connect_over_cdp(endpoint)
        context = browser.new_context(
            user_agent="Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like "
            "Gecko) Chrome/130.0.0.0 Safari/537.36"
        )
        page = context.new_page()
        page.goto(f"{url}/shanhe/")
        page.wait_for_url("**/shanhe/readonly/", timeout=15_000)
        assert "规划指标总览" in page.inner_text("h1")
        browser.close()


@browsers
@pytest.mark.browser
def test_a_current_browser_gets_the_live_dashboard_and_an_import_is_republished(site: tuple, tmp_path: Path) -> None:
    from shanhe.settings import CHROMIUM_ARGS

    url, _, static = site
    expect = playwright.expect
    upload = tmp_path / "2025.csv"
    upload.write_text("指标编码,年份,数值\nI07,2025,76.4\n", encoding="utf-8")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1500, "height": 950})
        page.goto(f"{url}/shanhe/")
        expect(page.get_by_role("heading", name="规划指标总览")).to_be_visible(timeout=30_000)
        expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=30_000)  # Streamlit, not the edition
        assert NOTICE not in page.inner_text("body")
        page.goto(f"{url}/shanhe/login")
        page.get_by_label("用户名").fill("张工")
        page.get_by_label("密码").fill(PASSWORD)
        page.get_by_role("button", name="登录").click()
        expect(page.get_by_text("已登录：张工（填报人员）").first).to_be_visible(timeout=30_000)
        page.get_by_role("link", name="数据填报").click()
        page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(upload))
        page.get_by_role("button", name="确认导入").click()
        expect(page.get_by_text("导入成功")).to_be_visible(timeout=30_000)
        imported = time.monotonic()
        while time.monotonic() - imported < 15:
            static_page = urllib.request.urlopen(f"{url}/shanhe/readonly/indicator-I07.html", timeout=5).read()
            if "2025年 76.4%，达到2025年目标" in static_page.decode("utf-8"):
                break
            time.sleep(0.5)
        else:
            pytest.fail("the static edition did not show the import within 15 s")
        assert os.path.islink(static)
        browser.close()
