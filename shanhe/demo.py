"""A clearly labelled sample dataset, written to its own DB file, never to the real one.

The plan publishes no yearly figures after 2020, so a new install shows only baselines
and targets. ``python -m shanhe demo`` makes a separate DB with invented figures so
that people can see what the dashboard does; every page run on it shows a
"示例数据" banner and every chart a watermark (the DB carries ``sample_data = 1``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from shanhe.catalog import Catalog, Region, assigned_target
from shanhe.errors import UserError
from shanhe.models import MilestoneUpdate, Observation
from shanhe.regions import level_of
from shanhe.store import Store, open_store, utcnow

SAMPLE_SOURCE = "示例数据（演示用示例库，非实际监测或统计数据）"
SAMPLE_USER = "示例数据"
SAMPLE_DOC = "示例文号（非真实文件）"
#: Invented 镇/街道 names, so that the region selector and ranking can be shown.
SAMPLE_REGIONS = ("示例镇甲", "示例街道乙", "示例街道丙")
YEARS = (2020, 2021, 2022, 2023, 2024, 2025)

#: Invented values for 2020–2025, one row per indicator, so that the sample shows a whole 末期考核: some 2025
#: targets met, some missed, one 2025 value missing (I11), some assigned targets entered and some awaited.
#: None leaves a year (or, for the whole row, an indicator) without data; 2020 is None where the plan gives the
#: baseline, and for cumulative change-rate indicators (2020 is their base year, 0 by definition).
SERIES: dict[str, tuple[float | None, ...] | None] = {
    "I01": (17.2, 17.2, 17.2, 17.2, 17.2, 17.2),
    "I02": (None, 19.9, 20.0, 20.2, 20.3, 20.5),
    "I03": (0.9, 0.8, 0.7, 0.66, 0.6, 0.55),
    "I04": (3.8, 3.6, 3.5, 3.4, 3.3, 3.0),
    "I05": (60.4, 61.0, 61.6, 62.1, 62.8, 63.6),
    "I06": (54.0, 55.0, 55.8, 56.1, 57.0, 57.4),
    "I07": (None, 67.9, 69.0, 70.5, 71.2, 73.8),
    "I08": (48.0, 46.0, 44.0, 41.0, 39.0, 37.0),
    "I09": (48.0, 50.0, 53.0, 55.0, 58.0, 66.0),
    "I10": (12.0, 10.0, 6.0, 3.0, 0.0, 0.0),
    "I11": (10.0, 8.0, 6.0, 5.0, 3.0, None),
    "I12": (None, 100.0, 100.0, 100.0, 100.0, 100.0),
    "I13": (87.0, 88.0, 89.5, 90.6, 91.5, 92.3),
    "I14": (89.0, 90.0, 91.0, 92.0, 93.0, 93.5),
    "I15": None,
    "I16": (32.0, 40.0, 48.0, 57.0, 65.0, 78.0),
    "I17": (None, 1.5, 3.0, 5.2, 7.0, 8.6),
    "I18": (None, 1.0, 2.5, 4.0, 6.0, 8.5),
    "I19": (None, 0.5, 0.0, -1.0, -0.5, 0.8),
    "I20": None,
    "I21": (None, 3.0, 6.0, 9.0, 12.0, 14.0),
    "I22": (None, 3.0, 5.5, 8.0, 11.8, 14.9),
    "I23": (None, 2.0, 4.5, 7.0, 10.0, 12.0),
    "I24": None,
    "I25": (None, 2.0, 5.0, 7.5, 10.0, 12.0),
    "I26": (1.25, 1.2, 1.15, 1.1, 1.08, 1.02),
    "S01": (100.0, 100.0, 100.0, 100.0, 100.0, 100.0),
    "S02": (4.1, 4.0, 3.9, 3.8, 3.7, 3.45),
    "S03": (74.0, 75.0, 77.0, 79.0, 81.0, 82.0),
    "S04": (100.0, 100.0, 100.0, 100.0, 100.0, 100.0),
    "S05": None,
    "S06": (96.0, 96.5, 97.0, 97.6, 98.0, 98.5),
    "S07": (0.0, 0.08, 0.16, 0.25, 0.35, 0.41),
    "S08": None,
    "S09": (100.0, 100.0, 100.0, 100.0, 100.0, 100.0),
    "S10": (12.0, 9.0, 7.0, 6.0, 5.0, 4.0),
    "S11": (None, 1.2, 2.5, 3.6, 4.8, 6.0),
    "S12": (0.545, 0.548, 0.551, 0.553, 0.556, 0.56),
    "S13": None,
    "S14": (62.0, 63.0, 64.0, 66.0, 67.0, 68.0),
    "S15": (75.0, 75.0, 100.0, 100.0, 100.0, 100.0),
    "S16": (None, 10.0, 30.0, 55.0, 75.0, 90.0),
}
#: Invented values "assigned by a superior", for some 完成上级下达指标 indicators (others stay 待下达).
ASSIGNED: dict[str, float] = {"I08": 38.0, "I16": 80.0, "I17": 8.0, "I18": 10.0, "I19": 8.0, "I22": 14.5, "I26": 1.0}
#: Invented regional spread (× the district value) for two headline indicators.
REGIONAL = {"I07": (1.04, 0.97, 0.99), "I02": (1.35, 0.72, 0.88)}
#: Invented completions of some milestones (the others show as 过期未录入完成情况 once past due, as they would).
COMPLETED = {
    "P05-M1": dt.date(2021, 11, 30),
    "P09-M1": dt.date(2021, 12, 20),
    "P10-M1": dt.date(2021, 12, 28),
    "P07-M1": dt.date(2022, 12, 15),
    "P04-M1": dt.date(2025, 12, 20),
    "P05-M2": dt.date(2025, 11, 30),
    "P11-M1": dt.date(2025, 10, 16),
}
#: Invented progress recorded as not yet done: past due, these read 确认逾期.
IN_PROGRESS = ("P06-M1",)


def build_demo(path: Path, catalog: Catalog, real_db: Path) -> int:
    """Write the sample dataset to ``path``; refuses the real DB and any DB that holds real data.

    Built in a temporary file and moved into place, so a failure never leaves half a demo.
    Returns the number of sample values written.
    """
    if path.resolve() == real_db.resolve():
        raise UserError("demo.refuse_real", path=path)
    if path.exists():
        with Store.open(path) as existing:
            if existing.schema_version() and existing.meta("sample_data") != "1":
                raise UserError("demo.refuse_real", path=path)
    building = path.with_name(path.name + ".building")
    building.unlink(missing_ok=True)
    district = catalog.plan.default_region
    rows = []
    for ind in catalog.indicators:
        series = [
            (year, value)
            for year, value in zip(YEARS, SERIES[ind.code] or (None,) * len(YEARS), strict=True)
            if value is not None
        ]
        rows += [_obs(ind.code, district, year, value) for year, value in series]
        for region, factor in zip(SAMPLE_REGIONS, REGIONAL.get(ind.code, ()), strict=False):
            rows += [_obs(ind.code, region, year, round(min(value * factor, 100.0), 2)) for year, value in series]
    with open_store(building, catalog, create=True) as store:
        store.set_meta("sample_data", "1")
        for name in SAMPLE_REGIONS:  # towns and streets are data, added as an admin adds them
            store.add_region(
                Region(name=name, parent=district, level=level_of(name) or "", source="示例数据"), SAMPLE_USER
            )
        store.record_batch(rows, kind="sample", user=SAMPLE_USER, file_name=None, sha256=None, counts=(len(rows), 0, 0))
        for code, value in ASSIGNED.items():
            target = assigned_target(catalog.indicator(code), 2025, value, SAMPLE_DOC, dt.date(2023, 6, 1))
            store.record_staff_target(code, target, SAMPLE_USER)
        progress = [(m, "done", day) for m, day in COMPLETED.items()] + [(m, "in_progress", None) for m in IN_PROGRESS]
        for milestone, status, day in progress:
            store.add_milestone_update(
                MilestoneUpdate(
                    milestone_id=milestone,
                    status=status,
                    completed_on=day,
                    note=SAMPLE_SOURCE,
                    evidence_link=None,
                    entered_by=SAMPLE_USER,
                    entered_at=utcnow(),
                )
            )
    Path(f"{path}.wal").unlink(missing_ok=True)
    building.replace(path)
    return len(rows)


def _obs(code: str, region: str, year: int, value: float) -> Observation:
    return Observation(indicator_code=code, region=region, year=year, value=value, source=SAMPLE_SOURCE)
