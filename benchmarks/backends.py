"""The two store backends side by side at a city's scale; prints figures for the README.

Run: ``.venv/bin/python benchmarks/backends.py`` (needs Debian's ``postgresql``: a throwaway cluster is started).
Builds the same store on DuckDB and PostgreSQL — 10 regions × 36 indicators × 16 years (5,760 values) with 20
revisions each (115,200 revisions, written as 20 batches straight through the store) — and measures, median of
``REPEAT`` runs: reading the current values, the cheap data-version check every page load makes, and a one-value
write. On DuckDB it also measures what a unit of work costs when the file must be opened first (the server holds
it only while it works) against one that finds it open. Target: PostgreSQL within 2× of DuckDB.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from itertools import cycle
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.timing import median_seconds
from shanhe.catalog import load_catalog
from shanhe.models import Observation
from shanhe.store import Store, open_store
from shanhe.store import duckdb as duckdb_backend
from tests.pgcluster import pg_cluster

REPEAT = 9
REGIONS = ("全区", *(f"镇{n}" for n in range(1, 10)))
YEARS = range(2020, 2036)
REVISIONS = 20


def timed(fn: Callable[[], object]) -> float:
    return median_seconds(fn, REPEAT)


def fill(store: Store, codes: list[str]) -> float:
    """REVISIONS batches, each revising every value; returns the seconds it took."""
    start = time.perf_counter()
    for rev in range(REVISIONS):
        rows = [
            Observation(indicator_code=c, region=r, year=y, value=float(rev + y), source="基准")
            for c in codes
            for r in REGIONS
            for y in YEARS
        ]
        store.record_batch(rows, kind="import", user="基准", file_name=None, sha256=None, counts=(0, len(rows), 0))
    return time.perf_counter() - start


def measure(store: Store, codes: list[str]) -> dict[str, float]:
    values = cycle(range(1000))
    figures = {
        "fill (20 batches × 5,760 values)": fill(store, codes),
        "current values (5,760 of 115,200)": timed(store.current_observations),
        "data version": timed(store.data_version),
    }
    row = Observation(indicator_code=codes[0], region="全区", year=2020, value=0.0)

    def write() -> None:
        one = row.model_copy(update={"value": float(next(values))})
        store.record_batch([one], kind="import", user="基准", file_name=None, sha256=None, counts=(0, 1, 0))

    figures["one-value write"] = timed(write)
    return figures


def duckdb_open_cost(store: Store) -> dict[str, float]:
    """A read that must open the file (after the linger let it go) against one that finds it open."""

    def cold() -> None:
        time.sleep(duckdb_backend.LINGER_SECONDS * 2)
        start = time.perf_counter()
        store.data_version()
        runs.append(time.perf_counter() - start)

    runs: list[float] = []
    for _ in range(REPEAT):
        cold()
    return {"data version, file closed (open + read)": statistics.median(runs)}


def main() -> None:
    catalog = load_catalog()
    codes = [i.code for i in catalog.indicators][:36]
    with tempfile.TemporaryDirectory() as tmp, pg_cluster() as pg:
        targets = {"DuckDB": str(Path(tmp) / "bench.duckdb"), "PostgreSQL": pg.create_db("bench")}
        results: dict[str, dict[str, float]] = {}
        for name, target in targets.items():
            with open_store(target, catalog, create=True) as store:
                results[name] = measure(store, codes)
                if name == "DuckDB":
                    open_cost = duckdb_open_cost(store)
    print(f"{'':38} {'DuckDB':>10} {'PostgreSQL':>11} {'PG/DuckDB':>10}")
    for what, duck in results["DuckDB"].items():
        pg_s = results["PostgreSQL"][what]
        print(f"{what:38} {duck * 1000:8.1f}ms {pg_s * 1000:9.1f}ms {pg_s / duck:9.2f}×")
    print("DuckDB, a unit of work (the file is free for the CLI between units):")
    print(f"  {'data version, file already open':36} {results['DuckDB']['data version'] * 1000:8.1f}ms")
    for what, seconds in open_cost.items():
        print(f"  {what:36} {seconds * 1000:8.1f}ms")


if __name__ == "__main__":
    main()
