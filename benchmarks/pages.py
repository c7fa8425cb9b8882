"""Page speed, measured side by side with a bare Streamlit page in the same run.

1. Server-side script time of every page (AppTest, median of N reruns with warm caches)
   next to the bare page (benchmarks/bare_app.py). Target: overview rerun ≤ 200 ms.
2. Browser time from navigation (Playwright + Debian Chromium at 1366×768, fresh browser context each
   time, the pages loaded in turn), in one run: until the overview's light strip shows its counts, next to
   a bare page with text and no chart (benchmarks/bare_text_app.py; target ≈ 1×, i.e. ≤ 1.2: the strip
   waits for no chart library), and until its first plotly chart is drawn, next to a bare one-chart page
   (benchmarks/bare_app.py; target ≤ 1.5×). Also timed: the strip's lines of links (raw HTML, so they wait
   for Streamlit's raw-HTML plugin, as the bare text page's one line does), and the strip next to a bare
   multipage app with a menu like ours and only text (benchmarks/bare_menu_app.py; no target: it shows what
   the menu and sidebar alone cost), and the light tables below the first screen, which a session's first
   overview sends after its first chart (shanhe/ui/first_screen.py; no target).

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
from tests.apptest import dashboard  # noqa: E402
from tests.screens import STRIP  # noqa: E402
from tests.server import spawn  # noqa: E402

RUNS = 7
PAGES = ("overview", "indicator", "projects", "themes", "methodology", "about")


def script_times(db: Path) -> dict[str, float]:
    os.environ["SHANHE_DB"] = str(db)
    out = {}
    for page in PAGES:
        at = dashboard(120).run()
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


#: Each page opened in the browser and what is timed on it: (name, app, [(mark, selector), …]).
LOADS = (
    (
        "overview",
        None,
        (("strip", f"{STRIP} h2"), ("links", f"{STRIP} a"), ("chart", ".js-plotly-plot"), ("tables", ".sh-matrix")),
    ),
    ("bare text page", "benchmarks/bare_text_app.py", (("strip", ".shanhe-strip"),)),
    ("bare menu page", "benchmarks/bare_menu_app.py", (("strip", ".shanhe-strip"),)),
    ("bare chart page", "benchmarks/bare_app.py", (("chart", ".js-plotly-plot"),)),
)


def browser_times(db: Path) -> dict[tuple[str, str], float | None]:
    """Median time from navigation to each mark (None: the page never showed it within a minute)."""
    from playwright.sync_api import TimeoutError as Timeout
    from playwright.sync_api import sync_playwright

    servers = {
        name: spawn(db, ("-m", "streamlit", "run", app) if app else ("-m", "shanhe.ui.serve")) for name, app, _ in LOADS
    }
    out: dict[tuple[str, str], float | None] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
            runs: dict[tuple[str, str], list[float]] = {
                (name, mark): [] for name, _, marks in LOADS for mark, _ in marks
            }
            missing: set[tuple[str, str]] = set()  # marks a page did not show: not waited for again
            for n in range(RUNS + 1):
                for name, _, marks in LOADS:  # the pages in turn, so a change in the machine's load hits them alike
                    context = browser.new_context(viewport={"width": 1366, "height": 768})
                    page = context.new_page()
                    start = time.perf_counter()
                    page.goto(servers[name][1])
                    for mark, selector in marks:
                        if (name, mark) in missing:
                            continue
                        try:
                            page.locator(selector).first.wait_for(state="visible", timeout=60_000)
                        except Timeout:
                            missing.add((name, mark))
                            continue
                        if n:  # the first load warms the server caches
                            runs[name, mark].append(time.perf_counter() - start)
                    context.close()
            for key, seconds in runs.items():
                out[key] = statistics.median(seconds) if len(seconds) == RUNS else None
            browser.close()
    finally:
        for proc, _ in servers.values():
            proc.terminate()
    return out


def _ratio(
    loads: dict[tuple[str, str], float | None], mark: str, yardstick: tuple[str, str], limit: float | None, text: str
) -> str:
    ours, bare = loads["overview", mark], loads[yardstick]
    if ours is None or bare is None:
        return f"  {text}: not measured (the overview never showed it)"
    ratio = ours / bare
    if limit is None:
        return f"  {text} = {ratio:.2f} (no target)"
    return f"  {text} = {ratio:.2f} (target ≤ {limit}: {'met' if ratio <= limit else 'NOT met'})"


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
            print(f"browser at 1366×768: navigation → shown (Chromium, fresh context each time, median of {RUNS}):")
            for (name, mark), seconds in loads.items():
                shown = f"{seconds * 1000:7.1f} ms" if seconds is not None else "  not shown"
                print(f"  {name:16s} {mark:6s} {shown}")
            text_page, chart_page = ("bare text page", "strip"), ("bare chart page", "chart")
            print(_ratio(loads, "strip", text_page, 1.2, "light strip: overview / bare text page"))
            print(_ratio(loads, "strip", ("bare menu page", "strip"), None, "light strip: overview / bare menu page"))
            print(_ratio(loads, "links", text_page, None, "strip's links: overview / bare text page"))
            print(_ratio(loads, "chart", chart_page, 1.5, "first chart: overview / bare one-chart page"))
        else:
            print("browser timing skipped: Debian chromium not installed")


if __name__ == "__main__":
    main()
