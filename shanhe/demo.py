"""A clearly labelled sample dataset, written to its own DB file, never to the real one.

The plan publishes no yearly figures after 2020, so a new install shows only baselines
and targets. ``python -m shanhe demo`` makes a separate DB with invented figures so
that people can see what the dashboard does; every page run on it shows a
"示例数据" banner and every chart a watermark (the DB carries ``sample_data = 1``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from shanhe.catalog import Catalog, assigned_target
from shanhe.store import Observation, Store, StoreError, open_store

SAMPLE_SOURCE = "示例数据（python -m shanhe demo 生成，非实际监测或统计数据）"
SAMPLE_USER = "示例数据"
SAMPLE_DOC = "示例文号（非真实文件）"
#: Invented 镇/街道 names, so that the region selector and ranking can be shown.
SAMPLE_REGIONS = ("示例镇甲", "示例街道乙", "示例街道丙")
YEARS = (2021, 2022, 2023, 2024)

#: Invented 2021–2024 values, one row per indicator; None leaves an indicator without data.
SERIES: dict[str, tuple[float, float, float, float] | None] = {
    "I01": (17.2, 17.2, 17.2, 17.2),
    "I02": (19.9, 20.0, 20.2, 20.3),
    "I03": (0.8, 0.7, 0.66, 0.6),
    "I04": (3.6, 3.5, 3.4, 3.3),
    "I05": (61.0, 61.6, 62.1, 62.8),
    "I06": (55.0, 55.8, 56.1, 57.0),
    "I07": (67.9, 69.0, 70.5, 71.2),
    "I08": (46.0, 44.0, 41.0, 39.0),
    "I09": (50.0, 53.0, 55.0, 58.0),
    "I10": (10.0, 6.0, 3.0, 0.0),
    "I11": (8.0, 6.0, 5.0, 3.0),
    "I12": (100.0, 100.0, 100.0, 100.0),
    "I13": (88.0, 89.5, 90.6, 91.5),
    "I14": (90.0, 91.0, 92.0, 93.0),
    "I15": None,
    "I16": (40.0, 48.0, 57.0, 65.0),
    "I17": (1.5, 3.0, 5.2, 7.0),
    "I18": (1.0, 2.5, 4.0, 6.0),
    "I19": (0.5, 0.0, -1.0, -0.5),
    "I20": None,
    "I21": (3.0, 6.0, 9.0, 12.0),
    "I22": (3.0, 5.5, 8.0, 11.8),
    "I23": (2.0, 4.5, 7.0, 10.0),
    "I24": None,
    "I25": (2.0, 5.0, 7.5, 10.0),
    "I26": (1.2, 1.15, 1.1, 1.08),
    "S01": (100.0, 100.0, 100.0, 100.0),
    "S02": (4.0, 3.9, 3.8, 3.7),
    "S03": (75.0, 77.0, 79.0, 81.0),
    "S04": (100.0, 100.0, 100.0, 100.0),
    "S05": None,
    "S06": (96.5, 97.0, 97.6, 98.0),
    "S07": (0.08, 0.16, 0.25, 0.35),
    "S08": None,
    "S09": (100.0, 100.0, 100.0, 100.0),
    "S10": (9.0, 7.0, 6.0, 5.0),
}
#: Invented values "assigned by a superior", for some 完成上级下达指标 indicators.
ASSIGNED: dict[str, float] = {"I16": 80.0, "I17": 8.0, "I18": 10.0, "I19": 8.0, "I22": 14.5, "I26": 1.0}
#: Invented regional spread (× the district value) for two headline indicators.
REGIONAL = {"I07": (1.04, 0.97, 0.99), "I02": (1.35, 0.72, 0.88)}


def build_demo(path: Path, catalog: Catalog, real_db: Path) -> int:
    """Write the sample dataset to ``path``; refuses the real DB and any DB that holds real data.

    Built in a temporary file and moved into place, so a failure never leaves half a demo.
    Returns the number of sample values written.
    """
    if path.resolve() == real_db.resolve():
        raise StoreError("demo.refuse_real", path=path)
    if path.exists():
        with Store.open(path) as existing:
            if existing.schema_version() and existing.meta("sample_data") != "1":
                raise StoreError("demo.refuse_real", path=path)
    building = path.with_name(path.name + ".building")
    building.unlink(missing_ok=True)
    regions = (*catalog.plan.regions, *({"name": r, "source": "示例数据"} for r in SAMPLE_REGIONS))
    demo = catalog.model_copy(update={"plan": catalog.plan.model_copy(update={"regions": regions})})
    district = catalog.plan.default_region
    rows = []
    for ind in catalog.indicators:
        values = SERIES[ind.code] or ()
        rows += [_obs(ind.code, district, year, value) for year, value in zip(YEARS, values, strict=False)]
        for region, factor in zip(SAMPLE_REGIONS, REGIONAL.get(ind.code, ()), strict=False):
            rows += [_obs(ind.code, region, year, round(min(value * factor, 100.0), 2))
                     for year, value in zip(YEARS, values, strict=False)]
    with open_store(building, demo, create=True) as store:
        store.set_meta("sample_data", "1")
        store.record_batch(rows, kind="sample", user=SAMPLE_USER, file_name=None, sha256=None,
                           counts=(len(rows), 0, 0))
        for code, value in ASSIGNED.items():
            target = assigned_target(catalog.indicator(code), 2025, value, SAMPLE_DOC, dt.date(2023, 6, 1))
            store.record_staff_target(code, target, SAMPLE_USER)
    Path(f"{path}.wal").unlink(missing_ok=True)
    building.replace(path)
    return len(rows)


def _obs(code: str, region: str, year: int, value: float) -> Observation:
    return Observation(indicator_code=code, region=region, year=year, value=value, source=SAMPLE_SOURCE)
