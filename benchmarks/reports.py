"""Report generation time for the full plan on the labelled sample data (targets: HTML < 5 s, PPTX < 15 s,
PDF < 20 s on this 2-core machine). Each format is timed from the store to the finished bytes, including
the first image's browser start for PPTX. Run: ``make bench``."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from shanhe import settings
from shanhe.catalog import load_catalog
from shanhe.demo import build_demo
from shanhe.reports.model import build_report
from shanhe.reports.render import render
from shanhe.store import Store

TARGETS = {"html": 5.0, "pptx": 15.0, "pdf": 20.0}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo.duckdb"
        build_demo(path, load_catalog(), settings.DEFAULT_DB)
        with Store.open(path) as store:
            indicators = {i.code: i for i in store.indicators()}
            print(f"report generation, full plan ({len(indicators)} indicators, all charts), sample data:")
            for fmt, target in TARGETS.items():
                start = time.perf_counter()
                data = render(build_report(store, 2024), indicators, fmt)
                seconds = time.perf_counter() - start
                verdict = "met" if seconds < target else "NOT met"
                print(f"  {fmt:5s} {seconds:6.2f} s  {len(data) / 2**20:5.1f} MB  (target < {target:.0f} s: {verdict})")


if __name__ == "__main__":
    main()
