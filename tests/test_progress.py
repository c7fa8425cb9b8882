"""The progress engine, rule by rule, on the real catalog's indicators (pure functions, no DB)."""

from __future__ import annotations

import datetime as dt

import pytest

from shanhe.catalog import Catalog, Indicator, Target, assigned_target
from shanhe.messages import text
from shanhe.models import Observation
from shanhe.progress import Assessment, assess
from shanhe.rules import THRESHOLDS

REGION = "全区"


def obs(code: str, *pairs: tuple[int, float], region: str = REGION) -> list[Observation]:
    return [Observation(indicator_code=code, region=region, year=y, value=v) for y, v in pairs]


def with_target(ind: Indicator, year: int, value: float) -> Indicator:
    """The indicator after staff entered the value a superior assigned."""
    target = assigned_target(ind, year, value, "测试文号", dt.date(2023, 6, 1))
    return ind.model_copy(update={"targets": (target, *(t for t in ind.targets if t.year != year))})


def run(
    catalog: Catalog,
    code: str,
    pairs: list[tuple[int, float]],
    year: int = 2024,
    target: tuple[int, float] | None = None,
) -> Assessment:
    ind = catalog.indicator(code)
    if target:
        ind = with_target(ind, *target)
    return assess(ind, obs(code, *pairs), year, REGION)


# code, observations, evaluation year, assigned target, expected label, light — with the arithmetic
CASES = [
    # achieved: 76 ≥ 75
    ("I07", [(2024, 76.0)], 2024, None, "achieved", "green"),
    # on the path: (73.5−66.6)/(8.4×4/5) = 6.9/6.72 = 1.027 ≥ 1.00 (binding)
    ("I07", [(2024, 73.5)], 2024, None, "on_track", "green"),
    # acceleration needed: 5.9/6.72 = 0.878, binding band 0.85–1.00
    ("I07", [(2024, 72.5)], 2024, None, "accelerate", "amber"),
    # behind: 3.4/6.72 = 0.506 < 0.85
    ("I07", [(2024, 70.0)], 2024, None, "behind", "red"),
    # moving away: 65 < 66.6 baseline, ratio < 0
    ("I07", [(2024, 65.0)], 2024, None, "off_track", "red"),
    # zero target reached (劣V类 0%)
    ("I10", [(2021, 10.0), (2024, 0.0)], 2024, None, "achieved", "green"),
    # zero target, binding: start 10 (first value), expected 7.5 by 2024; (10−4)/7.5 = 0.8 < 0.85
    ("I10", [(2021, 10.0), (2024, 4.0)], 2024, None, "behind", "red"),
    # the same numbers on an expected indicator (黑臭水体) are amber: 0.8 ≥ 0.70
    ("I11", [(2021, 10.0), (2024, 4.0)], 2024, None, "accelerate", "amber"),
    # missing baseline and one data point that misses the target: cannot judge
    ("I09", [(2023, 60.0)], 2024, None, "insufficient", "grey"),
    # gaps in years: 2021 and 2024 only; (73.5−66.6)/6.72 = 1.027
    ("I07", [(2021, 68.0), (2024, 73.5)], 2024, None, "on_track", "green"),
    # after the target year: the verdict on the 2025 target, from the 2025 value itself
    ("I07", [(2025, 74.0), (2026, 76.0)], 2027, None, "not_met", "red"),
    ("I07", [(2025, 75.5), (2026, 74.0)], 2027, None, "achieved", "green"),
    # ... and without a 2025 value there is no verdict, whatever later years say
    ("I07", [(2026, 76.0)], 2027, None, "no_data", "grey"),
    # assigned target not yet entered
    ("I17", [(2022, 3.0)], 2024, None, "pending", "grey"),
    # assigned target arrived: cumulative since 2020 (0), 8 % by 2025; expected 6.4 by 2024; 7/6.4 = 1.094
    ("I17", [(2022, 3.0), (2024, 7.0)], 2024, (2025, 8.0), "on_track", "green"),
    # ‰: start 1.5, ≤0.5 by 2025; expected progress 0.75 by 2024; 0.62/0.75 = 0.827 (expected: amber)
    ("I03", [(2021, 1.5), (2024, 0.88)], 2024, None, "accelerate", "amber"),
    # start 0.9: expected 0.6 by 2024; 0.28/0.3 = 0.933 < 0.95, but 0.62 is within 0.1‰ (the plan prints 0.5) of it
    ("I03", [(2021, 0.9), (2024, 0.62)], 2024, None, "on_track", "green"),
    # change-rate indicator: 11.8/(14.5×4/5) = 1.017
    ("I22", [(2021, 3.0), (2024, 11.8)], 2024, (2025, 14.5), "on_track", "green"),
    # change-rate indicator getting worse (emissions rose): ratio < 0
    ("I19", [(2023, -1.0)], 2024, (2025, 8.0), "off_track", "red"),
    # lower is better with an assigned bound: start 1.2, ≤1.0; expected 0.15 by 2024; 0.12/0.15 = 0.8
    ("I26", [(2021, 1.2), (2024, 1.08)], 2024, (2025, 1.0), "behind", "red"),
    # exactly on the straight line is on track, despite floating point: (1.2−1.1)/(0.2×2/4) = 1
    ("I26", [(2021, 1.2), (2023, 1.1)], 2023, (2025, 1.0), "on_track", "green"),
    # no decrease: the 2020 value is the target; falling below it is moving away
    ("I01", [(2020, 10.0), (2023, 9.9)], 2024, None, "off_track", "red"),
    ("I01", [(2020, 10.0), (2023, 10.1)], 2024, None, "achieved", "green"),
    # ... and without a 2020 value there is nothing to compare with
    ("I01", [(2021, 10.0), (2023, 10.1)], 2024, None, "insufficient", "grey"),
    # increase by 3 percentage points on 60 (2020): target 63; expected 1.8 by 2023; 1.8/1.8 = 1
    ("I05", [(2020, 60.0), (2023, 61.8)], 2024, None, "on_track", "green"),
    # 1.5/1.8 = 0.833 < 0.85, short of the path (61.8) by 0.3 ≥ 0.1: behind
    ("I05", [(2020, 60.0), (2023, 61.5)], 2024, None, "behind", "red"),
    # 1.75/1.8 = 0.972 < 1.00, but short of the path by 0.05 < 0.1 (the plan prints % to one decimal): on track
    ("I05", [(2020, 60.0), (2023, 61.75)], 2024, None, "on_track", "green"),
    # maintaining a target the baseline already met (饮用水 100 → ≥100): slipping is moving away
    ("I12", [(2024, 95.0)], 2024, None, "off_track", "red"),
    # no data
    ("I07", [], 2024, None, "no_data", "grey"),
    # a value after the evaluation year is ignored
    ("I07", [(2025, 76.0)], 2024, None, "no_data", "grey"),
    # after 2025 the PM2.5 goal moves to the 2035 bound derived from GB 3095-2012: start 45 (2021),
    # ≤35 by 2035; expected (45−35)×5/14 = 3.571 by 2026; 4/3.571 = 1.12
    ("I08", [(2021, 45.0), (2026, 41.0)], 2026, None, "on_track", "green"),
]


@pytest.mark.parametrize(
    ("code", "pairs", "year", "target", "label", "light"),
    CASES,
    ids=[f"{c[0]}-{c[4]}-{n}" for n, c in enumerate(CASES)],
)
def test_rule(
    catalog: Catalog, code: str, pairs: list, year: int, target: tuple | None, label: str, light: str
) -> None:
    a = run(catalog, code, pairs, year, target)
    assert (a.label_code, a.light) == (label, light), text(a.reason, "zh")


def test_binding_thresholds_are_at_least_as_strict_as_expected() -> None:
    for field in ("on_track", "behind"):
        assert getattr(THRESHOLDS["binding"], field) >= getattr(THRESHOLDS["expected"], field)


def test_the_reason_sentence_says_what_must_happen(catalog: Catalog) -> None:
    a = run(catalog, "I07", [(2021, 67.9), (2022, 69.0), (2023, 70.5), (2024, 71.2)])
    assert text(a.reason, "zh") == (
        "2024年 71.2%，按进度应达 73.32%（完成进度 68.5%）；要在2025年达到 ≥75%，"
        "需提高 3.8 个百分点，近三年平均每年 +1.1 个百分点。"
    )
    assert a.expected_value == pytest.approx(73.32)
    assert a.recent_annual_change == pytest.approx(1.1) and a.recent_years == 3
    assert a.required_annual_change == pytest.approx(3.8)
    assert a.path_ratio == round(4.6 / 6.72, 3) == 0.685
    assert a.binding_behind and text(a.reason, "en").startswith(
        "2024: 71.2%, the straight path expects 73.32% (progress 68.5%)"
    )


def test_missing_baseline_says_where_it_starts(catalog: Catalog) -> None:
    a = run(catalog, "I09", [(2021, 50.0), (2024, 58.0)])
    assert (a.start_year, a.start_value, a.start_kind) == (2021, 50.0, "first_observation")
    assert "以2021年首个观测值为起点" in text(a.reason, "zh")
    assert a.path_ratio == round(8 / 11.25, 3)


def test_cumulative_indicators_start_from_zero_in_2020(catalog: Catalog) -> None:
    a = run(catalog, "I22", [(2021, 3.0), (2024, 11.8)], target=(2025, 14.5))
    assert (a.start_year, a.start_value, a.start_kind) == (2020, 0.0, "base_year_zero")
    assert "累计口径" in text(a.reason, "zh")


def test_pending_target_still_has_a_trend(catalog: Catalog) -> None:
    a = run(catalog, "I08", [(2021, 45.0), (2024, 39.0)])
    assert a.label_code == "pending" and a.trend == "down" and a.trend_improving is True
    assert "下达值尚未录入" in text(a.reason, "zh")


def test_trend_ratio_uses_differences_so_zero_targets_work(catalog: Catalog) -> None:
    a = run(catalog, "I10", [(2021, 12.0), (2022, 9.0), (2023, 6.0)], 2023)
    # slope −3 a year; straight line from 12 (2021) to 0 (2025) needs −3 a year
    assert a.trend_ratio == pytest.approx(1.0)
    assert a.projected_value == pytest.approx(0.0, abs=1e-9) and a.projected_gap == pytest.approx(0.0, abs=1e-9)


def test_projection_band_from_three_points(catalog: Catalog) -> None:
    two = run(catalog, "I07", [(2023, 70.0)])  # baseline + one value: a line, no band
    assert two.projected_value is not None and two.projection_low is None
    three = run(catalog, "I07", [(2022, 69.0), (2024, 72.0)])
    assert three.projection_low < three.projected_value < three.projection_high


def test_permille_reason_uses_permille_points(catalog: Catalog) -> None:
    a = run(catalog, "I03", [(2021, 0.9), (2024, 0.62)])
    assert "千分点" in text(a.reason, "zh") and "0.62‰" in text(a.reason, "zh")


def test_only_qualitative_targets(catalog: Catalog) -> None:
    ind = catalog.indicator("I07")
    qual = ind.model_copy(update={"targets": tuple(t for t in ind.targets if t.rule == "qualitative")})
    a = assess(qual, obs("I07", (2024, 71.0)), 2024, REGION)
    assert (a.label_code, a.light) == ("qualitative", "grey") and "蓝天白云" in text(a.reason, "zh")


def test_other_regions_are_ignored(catalog: Catalog) -> None:
    a = assess(catalog.indicator("I07"), obs("I07", (2024, 80.0), region="北石店镇"), 2024, REGION)
    assert a.label_code == "no_data"


def test_every_label_has_both_languages_and_a_rule(catalog: Catalog) -> None:
    from shanhe.i18n import TEXT
    from shanhe.rules import LABELS

    for code in LABELS:
        assert f"label.{code}" in TEXT and f"rule.{code}" in TEXT


def test_target_objects_from_staff_override_the_plan(catalog: Catalog) -> None:
    ind = with_target(catalog.indicator("I26"), 2025, 1.0)
    target = ind.target_for(2025)
    assert isinstance(target, Target) and (target.rule, target.value, target.origin) == ("at_most", 1.0, "staff")
    assert target.text == "完成上级下达指标"
