"""Page speed, measured side by side with a bare Streamlit page in the same run.

1. Server-side script time of every page (AppTest, median of N reruns with warm caches)
   next to the bare page (benchmarks/bare_app.py). Target: overview rerun ≤ 200 ms.
2. Browser time from navigation to the first plotly chart drawn (Playwright + Debian
   Chromium, fresh browser context each time) for the overview and the bare page.
   Target: ≤ 1.5 × the bare page.

Run: ``make bench`` (or ``.venv/bin/python benchmarks/pages.py``). Uses the labelled sample DB.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

from shanhe import settings  # noqa: E402
from shanhe.catalog import load_catalog  # noqa: E402
from shanhe.demo import build_demo  # noqa: E402
from shanhe.settings import CHROMIUM_ARGS  # noqa: E402
from tests.server import spawn  # noqa: E402

RUNS = 7
PAGES = ("overview", "indicator", "projects", "themes", "methodology", "about")


def script_times(db: Path) -> dict[str, float]:
    os.environ["SHANHE_DB"] = str(db)
    out = {}
    for page in PAGES:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
        if page != "overview":
            at.switch_page(f"pages/{page}_page.py").run()
        runs = []
        for _ in range(RUNS):
            start = time.perf_counter()
            at.run()
            runs.append(time.perf_counter() - start)
        assert not at.exception, at.exception
        out[page] = statistics.median(runs)
    bare = AppTest.from_file(str(ROOT / "benchmarks" / "bare_app.py"), default_timeout=120).run()
    runs = []
    for _ in range(RUNS):
        start = time.perf_counter()
        bare.run()
        runs.append(time.perf_counter() - start)
    out["bare page"] = statistics.median(runs)
    return out


def browser_times(db: Path) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    servers = {"overview": spawn(db), "bare page": spawn(db, ("-m", "streamlit", "run", "benchmarks/bare_app.py"))}
    out = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
            for name, (_, url) in servers.items():
                runs = []
                for n in range(RUNS + 1):
                    context = browser.new_context(viewport={"width": 1600, "height": 1000})
                    page = context.new_page()
                    start = time.perf_counter()
                    page.goto(url)
                    page.locator(".js-plotly-plot").first.wait_for(state="visible", timeout=60_000)
                    if n:  # the first load warms the server caches
                        runs.append(time.perf_counter() - start)
                    context.close()
                out[name] = statistics.median(runs)
            browser.close()
    finally:
        for proc, _ in servers.values():
            proc.terminate()
    return out


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        # two copies: this process keeps the first one open (DuckDB allows one process per file)
        db, served = Path(tmp) / "demo.duckdb", Path(tmp) / "served.duckdb"
        for path in (db, served):
            build_demo(path, load_catalog(), settings.DEFAULT_DB)
        scripts = script_times(db)
        print(f"server-side script time per rerun (AppTest, sample data, median of {RUNS}):")
        for name, seconds in scripts.items():
            print(f"  {name:12s} {seconds * 1000:7.1f} ms   {seconds / scripts['bare page']:5.1f} × bare")
        print(f"  overview target ≤ 200 ms: {'met' if scripts['overview'] <= 0.2 else 'NOT met'}")
        if shutil.which("chromium"):
            loads = browser_times(served)
            ratio = loads["overview"] / loads["bare page"]
            print(f"browser: navigation → first plotly chart drawn (Chromium, median of {RUNS}):")
            for name, seconds in loads.items():
                print(f"  {name:12s} {seconds * 1000:7.1f} ms")
            print(f"  overview / bare = {ratio:.2f} (target ≤ 1.5: {'met' if ratio <= 1.5 else 'NOT met'})")
        else:
            print("browser timing skipped: Debian chromium not installed")


if __name__ == "__main__":
    main()
