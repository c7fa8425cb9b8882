"""Every screen of the dashboard in a real Chromium, at the screen sizes of the offices and the projector.

Shared by the layout suite (tests/test_layout.py) and ``make screenshots`` (scripts/screenshots.py): the
sample store with a staff account, a served dashboard, and what is measured on each screen.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from shanhe import auth
from shanhe.catalog import load_catalog
from shanhe.demo import build_demo
from shanhe.settings import CHROMIUM_ARGS, DEFAULT_DB
from shanhe.store import open_store
from shanhe.ui.strip import KEY
from tests.server import spawn

CHROMIUM = shutil.which("chromium")
#: Office PCs (1366×768, 1920×1080) and the projector (1280×720).
SIZES = ((1366, 768), (1920, 1080), (1280, 720))
#: Pages anyone may open, by URL path.
VIEW_PAGES = ("overview", "indicator", "projects", "themes", "methodology", "report", "about", "login")
#: Pages behind the login, reached through the menu (a login lives in the browser session, not the URL).
STAFF_PAGES = {"upload": "数据填报", "history": "历史记录", "assigned": "下达目标", "milestones": "里程碑进展"}
STAFF = ("张工", "correct horse 9")
#: The overview's light strip: the container Streamlit classes by its key.
STRIP = f".st-key-{KEY}"
#: Streamlit's own English strings that must never show on a Chinese page.
ENGLISH = (
    "Choose options",
    "Choose an option",
    "No options to select",
    "No results",
    "Drag and drop file here",
    "Browse files",
    "Upload",
    "per file",
    "Page not found",
    "yyyy / mm / dd",
    "YYYY/MM/DD",
    "Press Enter to apply",
    "Press Enter to submit form",
    "Select all",
    "Clear all",
    "Show password",
)
#: What the layout checks look at: charts, tables and embedded frames in the main block.
BLOCKS = (
    '[data-testid="stPlotlyChart"], [data-testid="stDataFrame"], [data-testid="stTable"], '
    f"iframe, table.sh-matrix, .shanhe-strip, {STRIP}"
)


@contextmanager
def served_sample(folder: Path) -> Iterator[str]:
    """The labelled sample store (``python -m shanhe demo``) with one staff account, served on 127.0.0.1."""
    db = folder / "sample.duckdb"
    build_demo(db, load_catalog(), DEFAULT_DB)
    with open_store(db, load_catalog()) as store:
        auth.add_user(store, STAFF[0], "staff", STAFF[1])
    proc, url = spawn(db)
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def launch(playwright: Any) -> Any:
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def settle(page: Any, timeout: float = 60_000) -> None:
    """Wait until the script run has finished and the page has stopped changing: nothing stale, the overview's
    first-screen steps passed, every chart drawn, and no change to the page for half a second (Streamlit draws
    what a run sent in batches)."""
    page.locator('[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]').first.wait_for(
        state="attached", timeout=timeout
    )
    page.wait_for_function(
        """() => {
          if (!window.__shanheQuiet) {
            window.__shanheQuiet = {last: performance.now()};
            new MutationObserver(() => { window.__shanheQuiet.last = performance.now(); })
              .observe(document.body, {childList: true, subtree: true, attributes: true, characterData: true});
          }
          return document.querySelector('[data-test-script-state="notRunning"]')
            && !document.querySelector('[data-stale="true"]')
            && !document.querySelector('[class*="st-key-shanhe-first-screen"]')
            && [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].every(c => c.querySelector('.main-svg'))
            && performance.now() - window.__shanheQuiet.last > 500;
        }""",
        timeout=timeout,
        polling=100,
    )


def log_in(page: Any, url: str) -> None:
    """Log in as the staff account; the login lasts while the page is not reloaded."""
    page.goto(f"{url}/login")
    page.get_by_label("用户名").fill(STAFF[0])
    page.get_by_label("密码").fill(STAFF[1])
    page.get_by_role("button", name="登录").click()
    page.get_by_text("已登录：张工").first.wait_for(timeout=30_000)


def open_staff_page(page: Any, title: str) -> None:
    """Move to a staff page through the menu (a reload would end the login)."""
    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=title).click()
    page.get_by_role("heading", name=title).first.wait_for(timeout=30_000)
    settle(page)


def overlaps(page: Any) -> list[str]:
    """Pairs of charts/tables in the main block whose visible boxes overlap (by more than a pixel), and any that
    reach past the main block's right edge (what a collapsed expander or a scrolling box hides does not count)."""
    return page.evaluate(
        """(selector) => {
          const main = document.querySelector('[data-testid="stMainBlockContainer"]');
          const right = main.getBoundingClientRect().right;
          // the part of an element not hidden by a collapsed expander or a scrolling box inside the main block
          const shown = (e) => {
            const r = e.getBoundingClientRect();
            let [left, top, right, bottom] = [r.left, r.top, r.right, r.bottom];
            for (let a = e.parentElement; a && a !== main; a = a.parentElement) {
              const style = getComputedStyle(a);
              if (style.display === "none" || style.visibility === "hidden") return null;
              if (a.tagName === "DETAILS" && !a.open) return null;  // a collapsed expander keeps its content's box
              if (style.overflowX !== "visible" || style.overflowY !== "visible") {
                const c = a.getBoundingClientRect();
                [left, top, right, bottom] = [Math.max(left, c.left), Math.max(top, c.top),
                                              Math.min(right, c.right), Math.min(bottom, c.bottom)];
              }
            }
            return right - left > 0 && bottom - top > 0 ? {left, top, right, bottom, x: left, y: top} : null;
          };
          const boxes = [...main.querySelectorAll(selector)].map(e => [e, shown(e)]).filter(([, b]) => b);
          const name = (e, b) =>
            `${e.dataset.testid || e.className || e.tagName} at ${Math.round(b.x)},${Math.round(b.y)}`;
          const out = [];
          for (let i = 0; i < boxes.length; i++) {
            const [e, b] = boxes[i];
            if (b.right > right + 1) {
              out.push(`${name(e, b)} reaches ${Math.round(b.right - right)} px past the main block`);
            }
            for (let j = i + 1; j < boxes.length; j++) {
              const [f, c] = boxes[j];
              if (e.contains(f) || f.contains(e)) continue;
              const w = Math.min(b.right, c.right) - Math.max(b.left, c.left);
              const h = Math.min(b.bottom, c.bottom) - Math.max(b.top, c.top);
              if (w > 1 && h > 1) out.push(`${name(e, b)} overlaps ${name(f, c)}`);
            }
          }
          return out;
        }""",
        BLOCKS,
    )


def titles_outside(page: Any) -> list[str]:
    """Chart titles that start above their chart's box (plotly draws them there, over whatever is above)."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.js-plotly-plot')].flatMap(chart => {
          const title = chart.querySelector('.gtitle');
          if (!title) return [];
          const over = chart.getBoundingClientRect().top - title.getBoundingClientRect().top;
          return over > 1 ? [`${title.textContent.slice(0, 20)}: ${Math.round(over)} px above its chart`] : [];
        })"""
    )


def horizontal_overflow(page: Any) -> int:
    """How many pixels the main block (or the page) is wider than its box: 0 means no sideways scrolling."""
    return page.evaluate(
        """() => {
          const main = document.querySelector('[data-testid="stMainBlockContainer"]');
          const doc = document.documentElement;
          return Math.max(main.scrollWidth - main.clientWidth, doc.scrollWidth - doc.clientWidth, 0);
        }"""
    )


def english_words(page: Any) -> list[str]:
    """Streamlit's English strings in the visible text or in the placeholders of empty fields."""
    shown = page.evaluate(
        """() => document.body.innerText + '\\n' +
             [...document.querySelectorAll('[placeholder]')].filter(e => !e.value)
               .map(e => e.getAttribute('placeholder')).join('\\n')"""
    )
    return [w for w in ENGLISH if w in shown]


def slide_fit(page: Any) -> dict[str, float]:
    """A presenter slide's height against the viewport, and the navigation buttons against the fixed footer."""
    return page.evaluate(
        """() => {
          const main = document.querySelector('[data-testid="stMain"]');
          const buttons = [...document.querySelectorAll('.st-key-first, .st-key-prev, .st-key-next, .st-key-exit')];
          return {
            content: main.scrollHeight,
            viewport: window.innerHeight,
            buttons_bottom: Math.max(...buttons.map(b => b.getBoundingClientRect().bottom)),
            footer_top: document.querySelector('.sh-footer').getBoundingClientRect().top,
          };
        }"""
    )


def slide_count(page: Any) -> int:
    """The total from the presenter footer ("第 n/N 页")."""
    footer = page.locator(".sh-footer").inner_text()
    return int(footer.split("第 ")[1].split("/")[1].split(" ")[0])
