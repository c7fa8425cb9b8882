"""Two Shanhe servers on one PostgreSQL behind real nginx (deploy/nginx/shanhe.conf with both in its upstream).

Browsers stick to one server (logins live in its memory); an upload through one server shows on the other's next
page load; uploads through both at once both land; killing a server loses nothing that was committed, and nginx
sends its browsers to the other one.
"""

from __future__ import annotations

import shutil
import signal
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from shanhe import auth
from shanhe.catalog import load_catalog
from shanhe.settings import CHROMIUM_ARGS
from shanhe.store import Store, open_store
from tests.nginx import NGINX, nginx
from tests.pgcluster import Cluster
from tests.server import page_text, spawn

playwright = pytest.importorskip("playwright.sync_api")
pytestmark = [
    pytest.mark.server,
    pytest.mark.browser,
    pytest.mark.skipif(NGINX is None or shutil.which("chromium") is None, reason="Debian nginx and chromium needed"),
]
PASSWORD = "correct horse 9"


@dataclass
class Site:
    url: str  # nginx
    db: str
    servers: list[tuple[object, str]]  # (process, its own base URL)
    route_to: dict[str, str]  # a server's host:port → a routing cookie nginx sends to it


def _routes(url: str, log: Path) -> dict[str, str]:
    """Send health checks with twenty routing cookies, three times each; read from nginx's log where each went."""
    for n in range(20):
        for _ in range(3):
            request = urllib.request.Request(f"{url}/shanhe/_stcore/health", headers={"Cookie": f"shanhe_route=r{n}"})
            assert urllib.request.urlopen(request, timeout=10).read() == b"ok"
    went: dict[str, set[str]] = {}
    for line in log.read_text().splitlines():
        upstream, cookie, uri = line.split(" ", 2)
        if uri == "/shanhe/_stcore/health" and cookie.startswith("r"):
            went.setdefault(cookie, set()).add(upstream)
    assert all(len(servers) == 1 for servers in went.values()), went  # sticky: one server per browser
    return {servers.pop(): cookie for cookie, servers in sorted(went.items())}


@pytest.fixture
def site(pg: Cluster, tmp_path: Path) -> Iterator[Site]:
    db = pg.create_db()
    with open_store(db, load_catalog(), create=True) as store:
        auth.add_user(store, "张工", "staff", PASSWORD)
        auth.add_user(store, "李工", "staff", PASSWORD)
    servers = [spawn(db, base_path="shanhe") for _ in range(2)]  # type: ignore[arg-type]  # a URL, not a path
    try:
        with nginx([u for _, u in servers], tmp_path) as url:
            route_to = _routes(url, tmp_path / "logs" / "access.log")
            yield Site(url, db, servers, route_to)  # type: ignore[arg-type]
    finally:
        for proc, _ in servers:
            proc.terminate()
            proc.wait(timeout=30)
    pg.drop_db(db.rsplit("/", 1)[1])


def _upload(base: str, user: str, csv: Path, route: str | None = None) -> None:
    """Log in and upload ``csv`` on the dashboard at ``base`` (…/shanhe), in a real browser."""
    expect = playwright.expect
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1500, "height": 950})
        if route is not None:
            context.add_cookies([{"name": "shanhe_route", "value": route, "url": base + "/"}])
        page = context.new_page()
        page.goto(f"{base}/login")
        page.get_by_label("用户名").fill(user)
        page.get_by_label("密码").fill(PASSWORD)
        page.get_by_role("button", name="登录").click()
        expect(page.get_by_text(f"已登录：{user}").first).to_be_visible(timeout=60_000)
        page.get_by_role("link", name="数据填报").click()
        page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(csv))
        page.get_by_role("button", name="确认导入").click()
        expect(page.get_by_text("导入成功")).to_be_visible(timeout=60_000)
        expect(page.locator('[data-testid="stException"]')).to_have_count(0)
        browser.close()


def _row(base: str, code: str) -> str:
    """The overview's table row of ``code``, from a fresh page load."""
    return page_text(base).split(f'data-code="{code}"', 1)[-1].split("</tr>", 1)[0]


def _csv(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_nginx_gives_each_browser_a_routing_cookie_and_uses_both_servers(site: Site) -> None:
    response = urllib.request.urlopen(f"{site.url}/shanhe/_stcore/health", timeout=10)
    assert any(c.startswith("shanhe_route=") for c in response.headers.get_all("Set-Cookie"))
    assert sorted(site.route_to) == sorted(u.removeprefix("http://").removesuffix("/shanhe") for _, u in site.servers)


def test_two_servers_share_uploads_and_survive_one_being_killed(site: Site, tmp_path: Path) -> None:
    (proc_a, url_a), (_, url_b) = site.servers
    assert "76.1" not in _row(url_b, "I07")  # the other server has loaded (and cached) the overview

    # an upload through one server shows on the other's next page load
    _upload(url_a, "张工", _csv(tmp_path, "a.csv", "指标编码,年份,数值\nI07,2024,76.1\n"))
    done = time.monotonic()
    assert "76.1%" in _row(url_b, "I07")
    seen_after = time.monotonic() - done

    # uploads through both servers at once (via nginx, each browser stuck to its own server) both land
    route_a, route_b = (site.route_to[u.removeprefix("http://").removesuffix("/shanhe")] for u in (url_a, url_b))
    files = [
        ("张工", _csv(tmp_path, "b.csv", "指标编码,年份,数值\nI02,2024,20.5\n"), route_a),
        ("李工", _csv(tmp_path, "c.csv", "指标编码,年份,数值\nI07,2023,75.3\n"), route_b),
    ]
    errors: list[BaseException] = []

    def run(user: str, csv: Path, route: str) -> None:
        try:
            _upload(f"{site.url}/shanhe", user, csv, route)
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=f) for f in files]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=300)
    assert errors == []
    log = (tmp_path / "logs" / "access.log").read_text()
    for route, addr in ((route_a, url_a), (route_b, url_b)):
        upstreams = {line.split(" ", 1)[0] for line in log.splitlines() if f" {route} /shanhe/_stcore/stream" in line}
        assert upstreams == {addr.removeprefix("http://").removesuffix("/shanhe")}

    # a server killed: everything committed is still there, and nginx serves its browsers from the other one
    proc_a.send_signal(signal.SIGKILL)  # type: ignore[attr-defined]
    proc_a.wait(timeout=30)  # type: ignore[attr-defined]
    with Store.open(site.db) as store:
        values = {(o.indicator_code, o.year): o.value for o in store.current_observations()}
        assert len(store.batches()) == 3
    assert values == {("I07", 2024): 76.1, ("I02", 2024): 20.5, ("I07", 2023): 75.3}
    row = page_text(f"{site.url}/shanhe").split('data-code="I07"', 1)[-1].split("</tr>", 1)[0]
    assert "76.1%" in row
    print(f"upload through one server seen on the other's next page load {seen_after:.2f} s after it finished")
