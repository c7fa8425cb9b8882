"""The static read-only edition: how long publishing takes, and how soon a leader sees the numbers.

1. ``publish()`` of the whole edition (both languages, 42 indicators, SVG charts) on the sample store,
   median of N runs (each run rebuilds every file). Target: < 10 s.
2. In one run, through the project's nginx config: time from navigation until the static overview's light
   strip is in the page (Debian Chromium 156, and the Chromium 86 of old office PCs at the dashboard's own
   URL), against the live dashboard's overview to its first plotly chart (Chromium 156).

Run: ``.venv/bin/python benchmarks/static_edition.py`` (downloads Chromium 86 from npm on first use).
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from shanhe import settings  # noqa: E402
from shanhe.catalog import load_catalog  # noqa: E402
from shanhe.demo import build_demo  # noqa: E402
from shanhe.publish import publish  # noqa: E402
from shanhe.settings import CHROMIUM_ARGS  # noqa: E402
from shanhe.store import Store  # noqa: E402
from tests.nginx import nginx  # noqa: E402
from tests.old_browsers import running  # noqa: E402
from tests.server import spawn  # noqa: E402

RUNS = 5


def publish_times(db: Path, out: Path) -> list[float]:
    runs = []
    with Store.open(db) as store:
        for n in range(RUNS):
            shutil.rmtree(out.parent / f"{out.name}.editions", ignore_errors=True)
            out.unlink(missing_ok=True)
            start = time.perf_counter()
            done = publish(store, out)
            runs.append(time.perf_counter() - start)
            if n == 0:
                print(f"edition: {done.files} files, {done.bytes / 2**20:.1f} MB")
    return runs


def first_screen(browser: object, url: str) -> float:
    """Navigation → the light strip (the headline counts) in the page, wall clock (ms). A DOM check rather than
    Playwright's visibility wait, which needs Chrome 105 or later."""
    page = browser.new_context(viewport={"width": 1366, "height": 768}).new_page()
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.wait_for_function("document.querySelector('.strip') !== null", timeout=60_000)
    elapsed = (time.perf_counter() - start) * 1000
    page.context.close()
    return elapsed


def first_chart(browser: object, url: str) -> float:
    page = browser.new_context(viewport={"width": 1366, "height": 768}).new_page()
    start = time.perf_counter()
    page.goto(url)
    page.locator(".js-plotly-plot").first.wait_for(state="visible", timeout=60_000)
    elapsed = (time.perf_counter() - start) * 1000
    page.context.close()
    return elapsed


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        db, served = Path(tmp) / "demo.duckdb", Path(tmp) / "served.duckdb"
        for path in (db, served):
            build_demo(path, load_catalog(), settings.DEFAULT_DB)
        runs = publish_times(db, Path(tmp) / "bench-static")
        median = statistics.median(runs)
        print(
            f"publish, whole edition (median of {RUNS}): {median:.2f} s (target < 10 s: "
            f"{'met' if median < 10 else 'NOT met'})"
        )
        static = Path(tmp) / "static"
        with Store.open(served) as store:
            publish(store, static)
        app, app_url = spawn(served, base_path="shanhe")
        try:
            with nginx(app_url, Path(tmp), static) as url, sync_playwright() as p:
                modern = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
                first_chart(modern, f"{url}/shanhe/")  # warm the server's caches
                live = statistics.median(first_chart(modern, f"{url}/shanhe/") for _ in range(RUNS))
                static_modern = statistics.median(first_screen(modern, f"{url}/shanhe/readonly/") for _ in range(RUNS))
                modern.close()
                with running(86) as endpoint:
                    old = p.chromium.connect_over_cdp(endpoint)
                    static_old = statistics.median(first_screen(old, f"{url}/shanhe/") for _ in range(RUNS))
                    old.close()
        finally:
            app.terminate()
        print(f"navigation → first screen, through nginx (median of {RUNS}, 1366×768):")
        print(f"  live dashboard, first plotly chart, Chromium 156   {live:7.0f} ms")
        print(
            f"  static edition, light strip, Chromium 156          {static_modern:7.0f} ms   "
            f"{static_modern / live:.2f} × live"
        )
        print(
            f"  static edition at /shanhe/, light strip, Chromium 86 {static_old:5.0f} ms   "
            f"{static_old / live:.2f} × live"
        )


if __name__ == "__main__":
    main()
