"""A full scenario for every indicator, through the real store and ``status``; lights worked out by hand.

Scenario: tests/data/scenario/observations.csv (test figures, not real data) and six assigned targets
(tests/data/scenario/assigned-targets.csv), evaluated for 2024 in 全区. "share" is the fraction of the
way from the start year to the 2025 target year that 2024 represents; ratio = progress made ÷ (gap × share).
Binding: green ≥ 1.00, amber ≥ 0.85, red below. Expected and supplementary: green ≥ 0.95, amber ≥ 0.70.
A shortfall from the path value smaller than the plan's printed precision (0.1 for % and ‰) is on track.
"""

from __future__ import annotations

import csv
import datetime as dt
import json

import pytest

from shanhe.catalog import assigned_target
from shanhe.store import Store
from tests.conftest import DATA, Cli

EXPECTED = {
    # 生态保护
    "I01": "insufficient",  # 不减少 needs the 2020 value: only 2021 and 2024 are known
    "I02": "achieved",  # 20.1 ≥ 19.83
    "I03": "on_track",  # ≤0.5‰ from 0.9 (2021): share 3/4, path 0.6, made 0.28/0.3 → 0.933, but 0.62 − 0.6
    # = 0.02 < 0.1‰ (the plan prints 0.5): on track
    "I04": "insufficient",  # only 2023 = 3.4‰ > 3‰, no baseline: one point cannot show progress
    "I05": "insufficient",  # 增加3% is on the 2020 value, which is not given
    "I06": "pending",  # assigned target not entered (the trend 55 → 57 still shows)
    # 环境质量
    "I07": "behind",  # 66.6 → 75: share 4/5, expected 6.72, made 4.6 → 0.685 < 0.85
    "I08": "pending",  # assigned target not entered
    "I09": "behind",  # ≥65 from 50 (2021): share 3/4, expected 11.25, made 8 → 0.711
    "I10": "achieved",  # 0 ≤ 0
    "I11": "accelerate",  # ≤0 from 8 (2021): expected 6, made 5 → 0.833 (expected: amber)
    "I12": "off_track",  # baseline 100 already met ≥100; 2024 95 slipped below
    "I13": "on_track",  # ≥92 from 88: expected 3, made 3.5 → 1.167
    "I14": "achieved",  # 93 ≥ 92
    "I15": "pending",  # no assigned value, no data
    "I16": "accelerate",  # assigned ≥80 from 40 (2021): expected 30, made 25 → 0.833 (expected: amber)
    "I17": "on_track",  # assigned 8 % cumulative from 0 (2020): share 4/5, expected 6.4, made 7 → 1.094
    "I18": "behind",  # assigned 10 %: expected 8, made 6 → 0.75
    "I19": "off_track",  # assigned 8 %: 2023 −1 (emissions rose) → ratio < 0
    "I20": "pending",
    "I21": "pending",  # data but no assigned value
    # 生态经济
    "I22": "on_track",  # assigned 14.5 %: expected 11.6, made 11.8 → 1.017
    "I23": "pending",
    "I24": "pending",
    "I25": "pending",
    "I26": "behind",  # assigned ≤1.0 亿m³ from 1.2 (2021): expected 0.15, made 0.12 → 0.8 < 0.85
    # 补充指标 (expected thresholds)
    "S01": "achieved",  # 100 ≥ 100
    "S02": "on_track",  # ≤3.5‰ from 4.0: path 3.625, made 0.3/0.375 → 0.8, but 3.7 − 3.625 = 0.075 < 0.1‰
    "S03": "no_data",
    "S04": "no_data",
    "S05": "no_data",
    "S06": "accelerate",  # ≥98.8 from 97 (2022): share 2/3, expected 1.2, made 1.0 → 0.833
    "S07": "achieved",  # 0.35 ≥ 0.31
    "S08": "no_data",
    "S09": "achieved",  # 100 ≥ 100
    "S10": "pending",
    "S11": "no_data",
    "S12": "no_data",
    "S13": "no_data",
    "S14": "no_data",
    "S15": "no_data",
    "S16": "no_data",
}


@pytest.fixture
def scenario(cli: Cli) -> Cli:
    cli.init(("import", DATA / "scenario" / "observations.csv", "--user", "测试员", "--accept-jumps"))
    with Store.open(cli.db) as store:
        indicators = {i.code: i for i in store.indicators()}
        with open(DATA / "scenario" / "assigned-targets.csv", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                ind = indicators[row["indicator_code"]]
                target = assigned_target(
                    ind, int(row["year"]), float(row["value"]), row["doc_ref"], dt.date.fromisoformat(row["doc_date"])
                )
                store.record_staff_target(ind.code, target, "测试员")
    return cli


def test_every_light_matches_the_hand_worked_scenario(scenario: Cli) -> None:
    code, out, _ = scenario("status", "--year", "2024", "--format", "json")
    assert code == 0
    records = json.loads(out)
    assert {r["code"]: r["label_code"] for r in records} == EXPECTED
    assert len(records) == 42
    fields = {
        "code",
        "seq",
        "name",
        "attribute",
        "category",
        "year",
        "value",
        "target_year",
        "target_value",
        "light",
        "label",
        "reason",
        "path_ratio",
        "trend_ratio",
        "trend",
        "projected_value",
        "required_annual_change",
    }
    assert all(fields <= set(r) for r in records)
    by_code = {r["code"]: r for r in records}
    assert by_code["I07"]["path_ratio"] == 0.685  # 4.6 / 6.72, as shown: 68.5%
    assert by_code["I26"]["path_ratio"] == 0.8
    assert by_code["I06"]["trend"] == "up" and by_code["I06"]["light"] == "grey"
    assert by_code["I15"]["year"] is None and by_code["I15"]["value"] is None


def test_summary_counts_match_the_rows(scenario: Cli) -> None:
    code, out, _ = scenario("status", "--year", "2024", "--summary", "--format", "json")
    summary = json.loads(out)
    assert summary["by_attribute"]["binding"] == {
        "achieved": 3,
        "on_track": 3,
        "behind": 4,
        "off_track": 1,
        "pending": 6,
        "insufficient": 2,
    }
    assert summary["by_attribute"]["expected"] == {
        "on_track": 1,
        "accelerate": 2,
        "off_track": 1,
        "pending": 2,
        "insufficient": 1,
    }
    assert summary["sentences"][0] == (
        "19 项约束性指标中，3 项已达标，3 项进度正常，4 项滞后，1 项严重滞后/反向变化，6 项待下达，2 项数据不足。"
    )
    assert set(summary["binding_behind"]) == {
        "城市空气质量优良天数比例",
        "地表水达到或好于Ⅲ类水体比例",
        "氮氧化物排放总量减少",
        "氨氮排放总量减少",
        "全区用水总量",
    }
    assert summary["verdict_year"] is None  # 2024: no target year has come yet
    code, out, _ = scenario("status", "--year", "2024", "--summary")
    assert code == 0 and "19 项约束性指标中" in out


def test_status_table_and_csv(scenario: Cli) -> None:
    code, out, _ = scenario("status", "--year", "2024")
    assert code == 0 and "■ 滞后 ⚠ 约束性指标滞后" in out and "按进度应达 73.32%" in out
    code, out, _ = scenario("status", "--format", "csv")
    assert code == 0 and len(out.strip().splitlines()) == 43
    assert scenario("status", "--region", "北石店镇")[0] == 2
