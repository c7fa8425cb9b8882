"""Many viewers at once: N simulated viewers on 127.0.0.1 load the overview and two indicator pages in a
loop for a fixed time, while a staff member uploads a new value half-way through (in a real Chromium).

A viewer speaks Streamlit's own WebSocket protocol (what the browser does on every page load: open a
session, ask for the page, receive the page until the script finishes, and on the overview report each
first-screen step painted at once), so that on this 2-core machine the server is measured rather than
twenty browsers drawing charts on the same two cores. A load time is from opening the connection to the
last "script finished" message.

Reports per-page median and p95 load time, errors, whether every viewer saw the new value on its next
overview load, and the server's memory (RSS) at start, at peak, and after the viewers left.
Targets (2-core machine): 20 viewers × 2 minutes with zero errors; p95 overview ≤ 3 × the single-viewer
median; RSS back within 20 % of its start 2 minutes after the viewers leave.

Viewers read each page for ``--think`` seconds on average (default 3; each time between half and one and a half
times that, so viewers do not move through the pages in step) before the next click.
Full run:  .venv/bin/python benchmarks/load.py --viewers 20 --seconds 120 --settle 120
``--rounds 3`` sends the viewers twice more (no upload) to the same server and reports RSS after each round:
memory that levels off is one-time growth, memory that climbs round after round is a per-session leak.
CI's short run: tests/test_load.py (2 viewers, 15 s).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.async_api import async_playwright

from shanhe import auth
from shanhe.catalog import load_catalog
from shanhe.entry.importer import commit_import, plan_import
from shanhe.settings import CHROMIUM_ARGS
from shanhe.store import open_store
from tests.server import load_page as load
from tests.server import spawn

ROOT = Path(__file__).resolve().parent.parent
# page name (the st.Page url_path; "" is the default page) and query string, as a browser would send them
PAGES = {"overview": ("", ""), "indicator I07": ("indicator", "code=I07"), "indicator I02": ("indicator", "code=I02")}
PASSWORD = "load test password"
NEW_VALUE = "77.7%"


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def viewer(
    base: str,
    until: float,
    think: float,
    upload_over: asyncio.Event,
    imported: asyncio.Event,
    loads: list[tuple[str, float, float]],
    errors: list[str],
    saw_new: list[bool],
) -> None:
    checked = False
    await asyncio.sleep(random.uniform(0, think))  # viewers do not all click at the same instant
    # loop until time is up, and in any case until the upload is over and one overview after it was checked
    while time.perf_counter() < until or not upload_over.is_set() or (imported.is_set() and not checked):
        for name, (page_name, query) in PAGES.items():
            was_imported = imported.is_set()
            try:
                seconds, text = await load(base, page_name, query)
            except Exception as exc:  # a timeout, a dropped connection, an error: counted, the viewer carries on
                errors.append(f"{name}: {type(exc).__name__}")
                continue
            loads.append((name, time.perf_counter() - seconds, seconds))
            if name == "overview" and was_imported and not checked:
                row = text.split('data-code="I07"', 1)[-1].split("</tr>", 1)[0]
                saw_new.append(NEW_VALUE in row)
                checked = True
            await asyncio.sleep(random.uniform(0.5, 1.5) * think)  # reading the page before the next click


async def staff_upload(browser: object, base: str, csv: Path) -> None:
    """A staff member logs in and uploads through the upload page, in a real browser."""
    context = await browser.new_context(viewport={"width": 1400, "height": 900})
    context.set_default_timeout(120_000)
    page = await context.new_page()
    await page.goto(base + "/login")
    await page.get_by_label("用户名").fill("张工")
    await page.get_by_label("密码").fill(PASSWORD)
    await page.get_by_role("button", name="登录").click()
    await page.get_by_text("已登录").first.wait_for()
    await page.get_by_role("link", name="数据填报").click()
    await page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(csv))
    await page.get_by_role("button", name="确认导入").wait_for()
    tick = page.get_by_text("我已核对标出的异常变化")  # a jump over the threshold must be confirmed first
    if await tick.count():
        await tick.click()
    await page.get_by_role("button", name="确认导入").click()
    await page.get_by_text("导入成功").wait_for()
    await context.close()


def page_times(loads: list[tuple[str, float, float]]) -> dict[str, list[float]]:
    """Load times by page."""
    return {name: [s for page, _, s in loads if page == name] for name in PAGES}


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def run(viewers: int, seconds: float, settle: float, think: float = 3.0, rounds: int = 1) -> dict[str, object]:
    tmp = Path(tempfile.mkdtemp())
    db = tmp / "load.duckdb"
    with open_store(db, load_catalog(), create=True) as store:
        auth.add_user(store, "张工", "staff", PASSWORD)
        data = (ROOT / "tests" / "data" / "scenario" / "observations.csv").read_bytes()
        commit_import(store, plan_import(store, data, "scenario.csv", 2**20), auth.User(name="张工", role="staff"))
    csv = tmp / "new.csv"
    # I14 93 (2023) → 50 (2024) is a jump over the threshold: the upload has to tick the confirmation, as staff do
    csv.write_text("指标编码,年份,数值\nI07,2024,77.7\nI14,2024,50\n", encoding="utf-8")
    server, base = spawn(db)
    try:
        for page in PAGES.values():  # the first visit of each page imports its modules and fills the caches
            await load(base, *page)
        solo = [(await load(base, *PAGES["overview"]))[0] for _ in range(10)]
        rss_start = rss_mb(server.pid)
        loads: list[tuple[str, float, float]] = []  # page, start (perf_counter), seconds
        upload: list[float] = []  # when the staff upload started and ended
        errors: list[str] = []
        saw_new: list[bool] = []
        imported, upload_over = asyncio.Event(), asyncio.Event()
        until = time.perf_counter() + seconds
        peak = [rss_start]

        async def watch() -> None:
            while time.perf_counter() < until:
                peak.append(rss_mb(server.pid))
                await asyncio.sleep(1)

        async def import_half_way() -> None:
            await asyncio.sleep(seconds / 2)
            upload.append(time.perf_counter())
            async with async_playwright() as p:
                browser = await p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
                try:
                    await staff_upload(browser, base, csv)
                    imported.set()
                except Exception as exc:
                    errors.append(f"staff upload: {type(exc).__name__}")
                finally:
                    upload_over.set()
                    upload.append(time.perf_counter())
                    await browser.close()

        await asyncio.gather(
            watch(),
            import_half_way(),
            *(viewer(base, until, think, upload_over, imported, loads, errors, saw_new) for _ in range(viewers)),
        )
        await asyncio.sleep(settle)
        rss_after = [rss_mb(server.pid)]
        over, never = asyncio.Event(), asyncio.Event()
        over.set()
        for _ in range(rounds - 1):  # the same viewers again on the same server: memory must level off, not climb
            until = time.perf_counter() + seconds
            await asyncio.gather(*(viewer(base, until, think, over, never, [], errors, []) for _ in range(viewers)))
            await asyncio.sleep(settle)
            rss_after.append(rss_mb(server.pid))
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(tmp, ignore_errors=True)
    return {
        "viewers": viewers,
        "seconds": seconds,
        "settle": settle,
        "think": think,
        "solo": statistics.median(solo),
        "loads": loads,
        "upload": upload,
        "errors": errors,
        "saw_new": saw_new,
        "rss": (rss_start, max(peak), rss_after),
    }


def report(result: dict[str, object]) -> None:
    print(
        f"{result['viewers']} viewers × {result['seconds']:.0f} s on 127.0.0.1 over Streamlit's WebSocket, "
        f"{result['think']:.0f} s mean reading time between pages (a staff upload in Chromium half-way through)"
    )
    times = page_times(result["loads"])
    for name, values in times.items():
        print(
            f"  {name:14s} loads {len(values):4d}  median {statistics.median(values):5.2f} s  "
            f"p95 {pct(values, 0.95):5.2f} s"
        )
    solo = result["solo"]
    ratio = pct(times["overview"], 0.95) / solo
    print(f"  single-viewer overview median {solo:.2f} s; p95 under load / single = {ratio:.2f} (target ≤ 3)")
    began, ended = result["upload"]
    during = [s for name, at, s in result["loads"] if name == "overview" and began <= at <= ended]
    print(
        f"  overview loads that began during the staff upload ({ended - began:.0f} s in Chromium): {len(during)}"
        + (f", p95 {pct(during, 0.95):.2f} s" if during else "")
    )
    print(f"  errors: {len(result['errors'])} {sorted(set(result['errors']))[:5]}")
    seen = result["saw_new"]
    print(f"  viewers that saw the new value on their next overview load: {sum(seen)}/{len(seen)}")
    start, peak, after = result["rss"]
    end = after[0]
    print(
        f"  server RSS: start {start:.0f} MB, peak {peak:.0f} MB, {result['settle']:.0f} s after the viewers left "
        f"{end:.0f} MB ({(end / start - 1) * 100:+.0f} % vs start; target within ±20 %)"
    )
    if len(after) > 1:
        print(
            f"  server RSS {result['settle']:.0f} s after each round of viewers (same server): "
            + ", ".join(f"{mb:.0f}" for mb in after)
            + " MB"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--viewers", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--settle", type=float, default=120)
    parser.add_argument("--think", type=float, default=3.0, help="mean seconds a viewer reads a page before the next")
    parser.add_argument("--rounds", type=int, default=1, help="rounds of viewers on one server (memory levels off?)")
    args = parser.parse_args()
    if not 1 <= args.viewers <= 50 or not 5 <= args.seconds <= 900 or not 1 <= args.rounds <= 5:
        parser.error("1–50 viewers, 5–900 seconds, 1–5 rounds")
    report(asyncio.run(run(args.viewers, args.seconds, args.settle, args.think, args.rounds)))


if __name__ == "__main__":
    main()
