"""Import, export, status and overview timings on a real DuckDB file; prints figures for the README.

Run: ``make bench`` (or ``.venv/bin/python benchmarks/import_export.py``).
Measures, side by side in one run: a CSV and an XLSX upload of the same rows
(validate + diff, then commit), a CSV/XLSX export, assessing every indicator, and
building the overview (assessments + summary).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.timing import median_seconds
from shanhe import settings
from shanhe.auth import User
from shanhe.catalog import load_catalog
from shanhe.entry.importer import commit_import, plan_import
from shanhe.exports import export_table
from shanhe.overview import build_overview
from shanhe.progress import assess_all
from shanhe.spreadsheets import Table, to_csv, to_xlsx
from shanhe.store import open_store

REPEAT = 5


def timed(fn: Callable[[], object]) -> float:
    return median_seconds(fn, REPEAT)


def _plausible(bounds: tuple[float | None, float | None], year: int) -> float:
    """A value inside the indicator's plausible range (issue 12), rising slowly over the years."""
    low, high = (b if b is not None else 0.0 for b in bounds)
    return round(low + (high - low) * (0.4 + (year - 2020) * 0.01), 4)


def main() -> None:
    os.environ.setdefault("SHANHE_TODAY", "2035-12-31")  # the upload covers every plan year, 2020–2035
    catalog = load_catalog()
    limit = settings.max_upload_bytes()
    # every indicator × every plan year 2020–2035 (2021– for cumulative ones, whose 2020 is 0 by definition):
    # the largest realistic single-region upload
    rows = [
        [i.code, year, _plausible(i.range, year)]
        for i in catalog.indicators
        for year in range(2020, 2036)
        if not (i.measure == "cumulative_change" and year == 2020)
    ]
    table = Table("data", ("指标编码", "年份", "数值"), rows)
    files = {"csv": to_csv(table), "xlsx": to_xlsx([table])}
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.duckdb", catalog, create=True)
        figures = {}
        for kind, data in files.items():
            figures[f"validate+diff {kind}"] = timed(lambda d=data, k=kind: plan_import(store, d, f"f.{k}", limit))
        plan = plan_import(store, files["csv"], "f.csv", limit)
        start = time.perf_counter()
        commit_import(store, plan, User(name="bench", role="staff"))
        figures["commit (one transaction)"] = time.perf_counter() - start
        current = store.current_observations()
        indicators = store.indicators()
        figures["read current values"] = timed(store.current_observations)
        figures["assess all (status)"] = timed(lambda: assess_all(indicators, current, 2035, "全区"))
        figures["overview (assess+summary)"] = timed(
            lambda: build_overview(catalog.plan, indicators, current, "全区", 2035)
        )
        figures["export csv"] = timed(lambda: to_csv(export_table(indicators, current)))
        figures["export xlsx"] = timed(lambda: to_xlsx([export_table(indicators, current)]))
        store.close()
    print(f"rows per upload: {len(rows)} ({len(catalog.indicators)} indicators x 2020-2035); median of {REPEAT} runs")
    for name, seconds in figures.items():
        print(f"{name:28s} {seconds * 1000:8.1f} ms")
    ratio = figures["validate+diff xlsx"] / figures["validate+diff csv"]
    print(f"xlsx / csv validate ratio   {ratio:8.2f}")


if __name__ == "__main__":
    main()
