"""``make screenshots``: every page and every presenter slide on the sample store, at 1366×768, 1920×1080 and
1280×720, as PNGs in screenshots/<size>/ (git-ignored) for a reviewer to look through.

Pages are shot whole (the full scroll height); presenter slides as the screen shows them, since a slide must fit.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Page, sync_playwright  # noqa: E402

from tests import screens  # noqa: E402

OUT = ROOT / "screenshots"


def whole_page(page: Page, path: Path) -> None:
    """Streamlit scrolls inside its main block, not the document: grow the window to the content, shoot, shrink."""
    size = page.viewport_size
    tall = page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], tall)})
    screens.settle(page)
    page.screenshot(path=str(path))
    page.set_viewport_size(size)


def main() -> None:
    if screens.CHROMIUM is None:
        sys.exit("Debian chromium is not installed (sh scripts/system-deps.sh browser)")
    count = 0
    with tempfile.TemporaryDirectory() as tmp, screens.served_sample(Path(tmp)) as url, sync_playwright() as p:
        browser = screens.launch(p)
        for width, height in screens.SIZES:
            folder = OUT / f"{width}x{height}"
            folder.mkdir(parents=True, exist_ok=True)
            context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
            page = context.new_page()
            for path in screens.VIEW_PAGES:
                page.goto(f"{url}/{path}")
                screens.settle(page)
                whole_page(page, folder / f"{path}.png")
                count += 1
            screens.log_in(page, url)
            for path, title in screens.STAFF_PAGES.items():
                screens.open_staff_page(page, title)
                whole_page(page, folder / f"{path}.png")
                count += 1
            page.goto(f"{url}/present?present=1")
            for n in range(1, 1000):
                page.locator(".sh-footer").filter(has_text=f"第 {n}/").first.wait_for(timeout=30_000)
                screens.settle(page)
                page.screenshot(path=str(folder / f"present-{n:02d}.png"))
                count += 1
                if n == screens.slide_count(page):
                    break
                page.keyboard.press("ArrowRight")
            context.close()
        browser.close()
    print(f"{count} screenshots in {OUT.relative_to(ROOT)}/")


if __name__ == "__main__":
    main()
