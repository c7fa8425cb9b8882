"""The 2025 末期考核: verdicts on dated targets, the switch to later targets, and the cases that went wrong.

Golden scenario (tests/data/scenario/final-2025.csv, test figures, not real data, with five assigned targets in
final-2025-targets.csv), worked by hand. A verdict uses the value *for the target year itself*:

  binding   I01 不减少 on 17.2 (2020): 2025 17.2 ≥ 17.2                        met
            I02 ≥19.83: 2025 19.80, short by 0.03                               missed
            I05 增加3%: no 2020 value, so no target value                       no_base (缺基准值)
            I07 ≥75: 2025 74.0, short by 1                                      missed
            I08 ≤38 (assigned): 2025 38.5, over by 0.5                          missed
            I09 ≥65: 2025 65.0                                                  met (equal meets)
            I10 ≤0: 2025 0                                                      met
            I13 ≥92: 2025 91.95, short by 0.05 (no tolerance for a verdict)     missed
            I14 no data                                                         no_data
            I17 ≥8 (assigned, cumulative): 2025 8.0                             met
            I19 ≥8 (assigned): 2025 −3, short by 11                             missed
            I22 ≥14.5 (assigned): data only to 2024                             no_data (estimate shown, no verdict)
            I26 ≤1.0 (assigned): 2025 1.0                                       met
            I18 I20 I21 I23 I24 I25: values not assigned                        awaiting (待下达)
            → met 5, missed 5, no_data 2, no_base 1, awaiting 6 (19)
  expected  I03 ≤0.5‰: 0.5 met; I04 ≤3‰: only 2024 → no_data; I06 awaiting; I11 ≤0: 0.4 missed; I12 ≥100: 100 met;
            I15, I16 awaiting → met 2, missed 1, no_data 1, awaiting 3 (7)
  supplem.  S01 100 met; S11 改善 (cumulative): 0, not > 0 → missed; S12 改善: 0.56 > 0.55 (2020) met; S14 改善 with
            no 2020 value → no_base; S15 ≥100 (derived): 100 met; S16 ≥100 (derived): 90 missed; S10 awaiting;
            S02–S09, S13 no data → met 3, missed 2, no_data 9, no_base 1, awaiting 1 (16)
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from shanhe.catalog import Catalog
from shanhe.messages import text
from shanhe.models import Observation
from shanhe.progress import assess
from shanhe.reports.html import render_html
from shanhe.reports.model import build_report
from shanhe.store import Store
from tests.conftest import DATA, Cli

TODAY = "2026-11-28"
VERDICTS_2025 = {
    "I01": "met",
    "I02": "missed",
    "I05": "no_base",
    "I07": "missed",
    "I08": "missed",
    "I09": "met",
    "I10": "met",
    "I13": "missed",
    "I14": "no_data",
    "I17": "met",
    "I19": "missed",
    "I22": "no_data",
    "I26": "met",
    "I18": "awaiting",
    "I20": "awaiting",
    "I21": "awaiting",
    "I23": "awaiting",
    "I24": "awaiting",
    "I25": "awaiting",
    "I03": "met",
    "I04": "no_data",
    "I06": "awaiting",
    "I11": "missed",
    "I12": "met",
    "I15": "awaiting",
    "I16": "awaiting",
    "S01": "met",
    "S11": "missed",
    "S12": "met",
    "S14": "no_base",
    "S15": "met",
    "S16": "missed",
    "S10": "awaiting",
    **{code: "no_data" for code in ("S02", "S03", "S04", "S05", "S06", "S07", "S08", "S09", "S13")},
}
GAPS = {
    "I02": "差 0.03 个百分点",
    "I07": "差 1 个百分点",
    "I08": "差 0.5 μg/m³",
    "I11": "差 0.4 个百分点",
    "I13": "差 0.05 个百分点",
    "I19": "差 11 个百分点",
    "S16": "差 10 个百分点",
}
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(autouse=True)
def today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHANHE_TODAY", TODAY)


@pytest.fixture
def final(cli: Cli) -> Cli:
    """The golden scenario, with its assigned targets entered through ``targets set``."""
    with open(DATA / "scenario" / "final-2025-targets.csv", encoding="utf-8") as fh:
        targets = [
            (
                "targets",
                "set",
                r["indicator_code"],
                "--year",
                r["year"],
                "--value",
                r["value"],
                "--document",
                r["doc_ref"],
                "--date",
                r["doc_date"],
                "--user",
                "测试员",
            )
            for r in csv.DictReader(fh)
        ]
    cli.init(("import", DATA / "scenario" / "final-2025.csv", "--user", "测试员", "--accept-jumps"), *targets)
    return cli


def status(cli: Cli, year: int) -> dict[str, dict]:
    code, out, err = cli("status", "--year", str(year), "--format", "json")
    assert code == 0, err
    return {r["code"]: r for r in json.loads(out)}


def verdict(record: dict, year: int = 2025) -> dict:
    return next(v for v in record["verdicts"] if v["target_year"] == year)


def test_golden_2025_verdicts_worked_by_hand(final: Cli) -> None:
    records = status(final, 2025)
    assert {code: verdict(r)["verdict_label"] for code, r in records.items()} == {
        code: {"met": "达标", "missed": "未达标", "no_data": "缺数据", "no_base": "缺基准值", "awaiting": "待下达"}[v]
        for code, v in VERDICTS_2025.items()
    }
    for code, gap in GAPS.items():
        assert gap in verdict(records[code])["reason"], code
    assert verdict(records["I07"])["actual_value"] == 74.0 and verdict(records["I07"])["verdict"] == "missed"
    assert verdict(records["I22"])["verdict"] == "no_data" and verdict(records["I22"])["estimate_value"] == 12.0
    assert "缺少2025年数据" in verdict(records["I22"])["reason"]
    assert "估计，不作结论" in verdict(records["I22"])["reason"]
    assert verdict(records["I05"])["verdict"] == "no_data" and "请录入2020年基准值" in records["I05"]["reason"]
    assert verdict(records["S11"])["reason"].endswith("须好于2020年。")
    assert verdict(records["S16"])["derived"] and "推导值" in verdict(records["S16"])["reason"]
    assert verdict(records["I08"])["source"] == "测试文号〔2023〕5号（2023-06-01）"


def test_golden_summary_counts_and_binding_misses(final: Cli) -> None:
    code, out, _ = final("status", "--year", "2025", "--summary", "--format", "json")
    assert code == 0
    summary = json.loads(out)
    assert summary["verdict_year"] == 2025
    assert summary["verdicts"] == {
        "binding": {"met": 5, "missed": 5, "no_data": 2, "no_base": 1, "awaiting": 6},
        "expected": {"met": 2, "missed": 1, "no_data": 1, "awaiting": 3},
        "supplementary": {"met": 3, "missed": 2, "no_data": 9, "no_base": 1, "awaiting": 1},
    }
    assert summary["binding_missed"] == [
        "森林覆盖率",
        "城市空气质量优良天数比例",
        "城市细颗粒物浓度",
        "受污染耕地安全利用率",
        "氨氮排放总量减少",
    ]
    assert "2025年目标完成情况：约束性指标 5 项达标，5 项未达标，2 项缺数据，1 项缺基准值，6 项待下达；" in " ".join(
        summary["sentences"]
    )
    # grey never hides a worsening: I21 awaits its target and emissions rose (−3 % against 2020)
    assert summary["grey_worsened"] == ["二氧化硫排放总量减少"]
    assert "1 项约束性指标待下达或数据不足，且较起点变差：二氧化硫排放总量减少。" in summary["sentences"]


@pytest.mark.parametrize("year", range(2025, 2036))
def test_every_later_evaluation_year_gives_the_same_2025_verdicts(final: Cli, year: int) -> None:
    records = status(final, year)
    assert {code: verdict(r)["verdict"] for code, r in records.items()} == {
        code: {"no_base": "no_data", "awaiting": "pending"}.get(v, v) for code, v in VERDICTS_2025.items()
    }


def test_found_1_a_missed_target_in_its_own_year_is_not_met(final: Cli) -> None:
    """I07 74.0 in 2025: one verdict, 未达标, in 2025 and in 2026 alike."""
    for year in (2025, 2026):
        i07 = status(final, year)["I07"]
        assert (i07["label_code"], i07["light"], i07["final"]) == ("not_met", "red", True), year
        assert "需提高" not in i07["reason"] and "差 1 个百分点" in i07["reason"]
    with Store.open(final.db) as store:
        html = render_html(build_report(store, 2025, "final"), {i.code: i for i in store.indicators()})
    first = html.index("<section>")
    assert html[first:].startswith("<section><h2>一、2025年目标完成情况</h2>")
    table = html[first : html.index("</section>", first)]
    assert "城市空气质量优良天数比例" in table and "✖ 未达标" in table


def test_found_2_the_2030_switch_keeps_the_missed_2025_verdict(final: Cli) -> None:
    i08 = status(final, 2026)["I08"]
    # the derived 2035 bound takes over on a path from the actual 2025 value: 38.5 → ≤35 over ten years;
    # 2026 37: expected 38.15, made 1.5 of 0.35 → 428.6 %, on track — and 2025 stays 未达标
    assert (i08["target_year"], i08["start_year"], i08["start_value"], i08["start_kind"]) == (
        2035,
        2025,
        38.5,
        "previous_actual",
    )
    assert (i08["label_code"], i08["path_ratio"], i08["target_derived"]) == ("on_track", 4.286, True)
    assert verdict(i08)["verdict"] == "missed" and "推导值" in i08["reason"]
    code, out, _ = final("status", "--year", "2026", "--summary", "--format", "json")
    assert code == 0 and "城市细颗粒物浓度" in json.loads(out)["binding_missed"]


def test_found_3_no_final_verdict_from_earlier_data(final: Cli, catalog: Catalog) -> None:
    i22 = status(final, 2026)["I22"]
    assert (i22["label_code"], i22["final"]) == ("no_data", False) and "缺少2025年数据" in i22["reason"]
    early = [Observation(indicator_code="I07", region="全区", year=2024, value=80.0)]
    a = assess(catalog.indicator("I07"), early, 2030, "全区")
    assert (a.label_code, a.verdict_for(2025).verdict, a.stale) == ("no_data", "no_data", True)
    assert "数据过旧：最新数据为2024年" in text(a.reason, "zh")


def test_found_4_a_future_year_is_refused_and_never_moves_the_dashboard(final: Cli, tmp_path: Path) -> None:
    typo = tmp_path / "typo.csv"
    typo.write_text("indicator_code,year,value\nI02,2030,10\n", encoding="utf-8")
    code, _, err = final("import", typo)
    assert code == 1 and '第 2 行，"year"列：2030年尚未到来，不能录入该年数值。' in err
    # a future value stored before this check existed still does not move the default year
    with Store.open(final.db) as store:
        store.record_batch(
            [Observation(indicator_code="I02", region="全区", year=2030, value=10.0)],
            kind="import",
            user="old",
            file_name=None,
            sha256=None,
            counts=(1, 0, 0),
        )
    code, out, _ = final("status", "--format", "json")
    assert {r["evaluation_year"] for r in json.loads(out)} == {2026}


def test_found_5_rules_on_the_2020_value_need_a_2020_value(catalog: Catalog) -> None:
    a = assess(
        catalog.indicator("I01"),
        [Observation(indicator_code="I01", region="全区", year=2024, value=25.0)],
        2024,
        "全区",
    )
    assert (a.label_code, a.light) == ("insufficient", "grey")
    assert "请录入2020年基准值" in text(a.reason, "zh") and a.target_value is None


def test_found_6_shown_progress_never_contradicts_the_light(catalog: Catalog, final: Cli) -> None:
    # expected indicator 黑臭水体 ≤0 from 10 (2021): path 2.5 by 2024; 2.905 → 7.095/7.5 = 94.6 %: amber, shown 94.6%
    pairs = [(2021, 10.0), (2024, 2.905)]
    a = assess(
        catalog.indicator("I11"),
        [Observation(indicator_code="I11", region="全区", year=y, value=v) for y, v in pairs],
        2024,
        "全区",
    )
    assert (a.path_ratio, a.label_code) == (0.946, "accelerate") and "完成进度 94.6%" in text(a.reason, "zh")
    # 优良天数 73.293 in 2024: 6.693/6.72 = 99.6 %, printed as such (not "1.00") — and green, because it is
    # only 0.027 short of the path's 73.32, below the plan's 0.1 precision, which the reason says
    b = assess(
        catalog.indicator("I07"),
        [Observation(indicator_code="I07", region="全区", year=2024, value=73.293)],
        2024,
        "全区",
    )
    assert (b.path_ratio, b.label_code) == (0.996, "on_track") and "规划数值精度" in text(b.reason, "zh")
    code, out, _ = final("status", "--year", "2024")
    assert code == 0 and "完成进度" in out and not re.search(r"\b1\.00\b", out)


@settings(max_examples=300, deadline=None)
@given(value=st.floats(min_value=66.6, max_value=75.0, allow_nan=False), year=st.integers(2021, 2024))
@example(value=72.3093, year=2024)  # 5.7093 / 6.72 = 84.96 %: shown as 85.0 %, so it must be amber, not red
def test_the_light_agrees_with_the_progress_it_shows(catalog: Catalog, value: float, year: int) -> None:
    """Whatever the value: the shown percentage (one decimal) and the threshold tell the same story."""
    a = assess(
        catalog.indicator("I07"),
        [Observation(indicator_code="I07", region="全区", year=year, value=value)],
        year,
        "全区",
    )
    if a.path_ratio is None:
        return
    shown = float(re.search(r"完成进度 ([\d.]+)%", text(a.reason, "zh")).group(1))
    assert shown == round(a.path_ratio * 100, 1)
    tolerated = "规划数值精度" in text(a.reason, "zh")
    # binding thresholds, written out: on track from 100 %, acceleration needed from 85 %
    if a.label_code == "on_track" and not tolerated:
        assert shown >= 100
    if a.label_code == "accelerate":
        assert 85 <= shown < 100 and not tolerated
    if a.label_code == "behind":
        assert 0 <= shown < 85 and not tolerated


def test_found_7_a_2020_value_that_contradicts_the_baseline_is_flagged(catalog: Catalog) -> None:
    data = [Observation(indicator_code="I07", region="全区", year=y, value=v) for y, v in ((2020, 60.0), (2022, 70.0))]
    a = assess(catalog.indicator("I07"), data, 2022, "全区")
    assert a.baseline_conflict and a.baseline_observed == 60.0
    assert (a.start_value, a.series[0].value) == (66.6, 66.6)  # the same start for the path and the trend
    assert "录入的2020年值 60% 与规划基准 66.6% 不一致" in text(a.reason, "zh")


def test_found_8_grey_shows_its_direction(catalog: Catalog) -> None:
    a = assess(
        catalog.indicator("I17"),
        [Observation(indicator_code="I17", region="全区", year=2024, value=-3.0)],
        2024,
        "全区",
    )
    assert (a.label_code, a.worsened, a.change_since_start) == ("pending", True, -3.0)
    assert "较2020年变差 -3 个百分点" in text(a.reason, "zh")


def test_found_9_sentences_read_well_in_both_languages(final: Cli, catalog: Catalog) -> None:
    two = assess(
        catalog.indicator("I09"),
        [Observation(indicator_code="I09", region="全区", year=y, value=v) for y, v in ((2022, 50.0), (2024, 56.0))],
        2024,
        "全区",
    )
    assert "近两年平均每年" in text(two.reason, "zh") and "over the last two years" in text(two.reason, "en")
    one = assess(
        catalog.indicator("I09"),
        [Observation(indicator_code="I09", region="全区", year=y, value=v) for y, v in ((2023, 50.0), (2024, 52.0))],
        2024,
        "全区",
    )
    assert "比上年 +2 个百分点" in text(one.reason, "zh") and "1 years" not in text(one.reason, "en")
    records = list(status(final, 2025).values()) + list(status(final, 2024).values())
    for r in records:
        assert "）（" not in r["reason"], r["code"]  # no doubled brackets
        assert not CJK.search(r["reason_en"]), (r["code"], r["reason_en"])  # no Chinese inside English
        for v in r["verdicts"]:
            assert not CJK.search(v["reason_en"]), (r["code"], v["reason_en"])
    assert "by 1 percentage point." in status(final, 2025)["I07"]["reason_en"]


def test_later_targets_take_over_in_turn_without_skipping(final: Cli) -> None:
    """A 2030 document target sits between the 2025 assigned value and the derived 2035 bound."""
    code, _, err = final(
        "targets", "set", "I08", "--year", "2030", "--value", "36", "--document", "十五五规划", "--user", "测试员"
    )
    assert code == 0, err
    i08 = status(final, 2026)["I08"]
    assert (i08["target_year"], i08["start_year"], i08["start_value"]) == (2030, 2025, 38.5)  # not 2035
    later = status(final, 2031)["I08"]  # no 2030 value: the 2035 path starts at the 2030 target
    assert (later["target_year"], later["start_kind"], later["start_value"]) == (2035, "previous_target", 36)
    assert verdict(later, 2030)["verdict"] == "no_data" and verdict(later, 2025)["verdict"] == "missed"


def test_stale_data_says_so(final: Cli) -> None:
    assert not status(final, 2026)["I22"]["stale"]  # 2024 data, evaluated 2026: two years, not more
    i22 = status(final, 2027)["I22"]
    assert i22["stale"] and "数据过旧：最新数据为2024年" in i22["reason"]


def test_targets_set_accepts_any_indicator_and_keeps_both_texts(final: Cli) -> None:
    code, out, err = final(
        "targets",
        "set",
        "i07",
        "--year",
        "2025",
        "--value",
        "76",
        "--document",
        "晋环发〔2024〕9号",
        "--date",
        "2024-03-01",
        "--user",
        "测试员",
    )
    assert code == 0, err
    assert "已保存：I07 2025年目标 76（晋环发〔2024〕9号）。" in out
    code, out, _ = final("indicators", "--format", "json")
    i07 = next(r for r in json.loads(out) if r["code"] == "I07")
    assert i07["targets"][0]["value"] == 76 and i07["targets"][0]["origin"] == "staff"
    assert i07["replaced_targets"] == [
        {"year": 2025, "rule": "at_least", "value": 75, "text": "完成上级下达指标", "source": "表2-1 #7；第九章（一）"}
    ]
    v = verdict(status(final, 2025)["I07"])
    assert v["replaced"]["value"] == 75 and v["source"] == "晋环发〔2024〕9号（2024-03-01）"
    code, out, _ = final("targets", "list", "--format", "json")
    entries = json.loads(out)
    assert [(e["code"], e["year"], e["value"]) for e in entries][-1] == ("I07", 2025, 76)
    assert len(entries) == 6 and all(e["entered_by"] == "测试员" for e in entries)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("I07", "--year", "2025", "--value", "101"), "目标值 101.0 不在该指标的合理范围内"),
        (("I07", "--year", "2040", "--value", "80"), "目标年份 2040 不在 2021–2035 之内"),
        (("I07", "--year", "2030", "--value", "80", "--date", "2027-01-01"), "文件日期 2027-01-01 晚于今天"),
        (("I07", "--year", "2030", "--value", "80", "--region", "火星"), "地区“火星”不在地区列表中"),
        (("X99", "--year", "2030", "--value", "80"), "没有指标 X99"),
    ],
)
def test_targets_set_validates_like_the_page(final: Cli, args: tuple, message: str) -> None:
    before = final("targets", "list", "--format", "json")[1]
    code, _, err = final("targets", "set", *args, "--document", "文号", "--user", "测试员")
    assert code == 1 and message in err
    assert final("targets", "list", "--format", "json")[1] == before  # nothing written


def test_a_town_gets_its_own_document_target(final: Cli, tmp_path: Path) -> None:
    from shanhe.catalog import Region, load_catalog
    from shanhe.store import open_store

    with open_store(final.db, load_catalog(), create=True) as store:
        store.add_region(Region(name="北石店镇", parent="全区", level="镇", source="测试"), "测试员")
        store.record_batch(
            [Observation(indicator_code="I07", region="北石店镇", year=2025, value=76.5)],
            kind="import",
            user="测试员",
            file_name=None,
            sha256=None,
            counts=(1, 0, 0),
        )
    code, _, err = final(
        "targets",
        "set",
        "I07",
        "--year",
        "2025",
        "--value",
        "77",
        "--document",
        "镇文件",
        "--region",
        "北石店镇",
        "--user",
        "测试员",
    )
    assert code == 0, err
    town = status_region(final, "北石店镇")["I07"]
    assert verdict(town)["target_value"] == 77 and verdict(town)["verdict"] == "missed"  # 76.5 < 77
    assert verdict(status(final, 2025)["I07"])["target_value"] == 75  # the district keeps the plan's 75


def status_region(cli: Cli, region: str) -> dict[str, dict]:
    code, out, err = cli("status", "--year", "2025", "--region", region, "--format", "json")
    assert code == 0, err
    return {r["code"]: r for r in json.loads(out)}


def test_status_json_is_strict_and_documents_its_fields(final: Cli) -> None:
    code, out, _ = final("status", "--year", "2025", "--format", "json")
    assert code == 0
    records = json.loads(out, parse_constant=lambda c: pytest.fail(f"invalid JSON constant {c}"))
    fields = {"verdicts", "stale", "baseline_conflict", "worsened", "change_since_start"}
    assert all(fields <= set(r) for r in records)
    assert set(records[0]["verdicts"][0]) >= {
        "target_year",
        "rule",
        "target_value",
        "target_text",
        "source",
        "actual_year",
        "actual_value",
        "verdict",
    }
