"""The progress engine: one light, label and reason per indicator, region and evaluation year.

Pure functions over the catalog's indicators and the store's observations.
The light is decided by the **path ratio**: progress made since the start ÷ the
progress the straight line from start to target expects by the latest data
year. It works for zero baselines and zero targets (劣V类 0%), for ‰ and for
lower-is-better indicators, because it uses differences, never growth rates.
The **trend ratio** (weighted trend slope ÷ the straight line's annual change)
is reported beside it but does not decide: a single good or bad year moves the
latest value, which leaders can check, while a regression slope cannot be
checked by hand. Thresholds and labels are in ``shanhe.rules``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict

from shanhe.catalog import Indicator, Target
from shanhe.formatting import amount, with_unit
from shanhe.i18n import Lang, t
from shanhe.rules import BAND_MIN_POINTS, LABELS, RECENT_YEARS, TOLERANCE, TREND_FLAT_SHARE, thresholds_for
from shanhe.store import Observation

BASE_YEAR = 2020
_CN_DIGITS = "零一二三四五六七八九十"
# Which way "meeting" a rule lies: +1 means the value must be ≥ the target value.
_RULE_SIGN = {"at_least": 1, "no_decrease": 1, "increase_by": 1, "at_most": -1}
_BOUND = {1: "≥", -1: "≤"}


class Point(BaseModel):
    year: int
    value: float


class Trend(BaseModel):
    """Weighted least-squares line through the series (see ``rules``)."""

    slope: float
    intercept: float
    direction: Literal["up", "flat", "down"]
    points: int
    residual_sd: float | None  # None below BAND_MIN_POINTS

    def at(self, year: int) -> float:
        return self.intercept + self.slope * year


class Assessment(BaseModel):
    model_config = ConfigDict(frozen=True)  # shared read-only by every session (shanhe.ui.loaders)

    code: str
    seq: int | None
    name: str
    category: str
    attribute: str | None
    unit: str
    direction: str
    measure: str
    region: str
    evaluation_year: int
    year: int | None
    value: float | None
    target_year: int | None
    target_rule: str | None
    target_value: float | None
    target_text: str | None
    final: bool
    light: str
    label_code: str
    label: str
    reason: str
    reason_en: str
    start_year: int | None
    start_value: float | None
    start_kind: Literal["baseline", "first_observation", "base_year_zero"] | None
    expected_value: float | None
    path_ratio: float | None
    trend_ratio: float | None
    trend: Literal["up", "flat", "down"] | None
    trend_improving: bool | None
    annual_change: float | None
    recent_annual_change: float | None
    recent_years: int | None
    required_annual_change: float | None
    projected_value: float | None
    projected_gap: float | None
    projection_low: float | None
    projection_high: float | None
    binding_behind: bool
    series: list[Point]


def start_point(indicator: Indicator, points: Sequence[Point]) -> tuple[Point | None, str | None]:
    """Where progress is measured from: 0 in 2020 for cumulative changes, the plan's baseline, else the first value."""
    if indicator.measure == "cumulative_change":
        return Point(year=BASE_YEAR, value=0.0), "base_year_zero"
    if indicator.baseline.value is not None:
        return Point(year=indicator.baseline.year, value=indicator.baseline.value), "baseline"
    if points:
        return points[0], "first_observation"
    return None, None


def fit_trend(series: Sequence[Point]) -> Trend | None:
    """Weighted least squares, weight 1 + (year − first year); None with fewer than two points."""
    if len(series) < 2:
        return None
    first = series[0].year
    w = [1.0 + (p.year - first) for p in series]
    x = [float(p.year) for p in series]
    y = [p.value for p in series]
    sw = sum(w)
    mx = sum(wi * xi for wi, xi in zip(w, x, strict=True)) / sw
    my = sum(wi * yi for wi, yi in zip(w, y, strict=True)) / sw
    sxx = sum(wi * (xi - mx) ** 2 for wi, xi in zip(w, x, strict=True))
    slope = sum(wi * (xi - mx) * (yi - my) for wi, xi, yi in zip(w, x, y, strict=True)) / sxx
    intercept = my - slope * mx
    level = sum(abs(v) for v in y) / len(y)
    flat = abs(slope) <= TREND_FLAT_SHARE * level if level > 0 else abs(slope) <= TOLERANCE
    residual_sd = None
    if len(series) >= BAND_MIN_POINTS:
        n = len(series)
        wn = [wi * n / sw for wi in w]  # weights normalised to sum to n
        rss = sum(wi * (yi - intercept - slope * xi) ** 2 for wi, xi, yi in zip(wn, x, y, strict=True))
        residual_sd = math.sqrt(rss / (n - 2))
    return Trend(slope=slope, intercept=intercept, direction="flat" if flat else ("up" if slope > 0 else "down"),
                 points=len(series), residual_sd=residual_sd)


def _band(trend: Trend, series: Sequence[Point], year: int) -> tuple[float, float] | None:
    """95 % prediction band of the weighted line at ``year`` (t quantile, weights normalised to n)."""
    if trend.residual_sd is None:
        return None
    n = len(series)
    first = series[0].year
    w = [1.0 + (p.year - first) for p in series]
    sw = sum(w)
    wn = [wi * n / sw for wi in w]
    mx = sum(wi * p.year for wi, p in zip(wn, series, strict=True)) / n
    sxx = sum(wi * (p.year - mx) ** 2 for wi, p in zip(wn, series, strict=True))
    spread = trend.residual_sd * math.sqrt(1 + 1 / n + (year - mx) ** 2 / sxx) * _t975(n - 2)
    centre = trend.at(year)
    return centre - spread, centre + spread


def _t975(df: int) -> float:
    table = (12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
             2.201, 2.179, 2.160, 2.145, 2.131)
    return table[df - 1] if df <= len(table) else 1.96 + 2.4 / df


def active_target(indicator: Indicator, year: int) -> tuple[Target | None, bool]:
    """The earliest non-qualitative target in or after ``year``; else the last one, assessed as final."""
    numeric = sorted((tg for tg in indicator.targets if tg.rule != "qualitative"), key=lambda tg: tg.year)
    upcoming = [tg for tg in numeric if tg.year >= year]
    if upcoming:
        return upcoming[0], False
    return (numeric[-1], True) if numeric else (None, False)


def _target_value(target: Target, start: Point | None) -> float | None:
    if target.rule in ("at_least", "at_most"):
        return target.value
    if start is None:
        return None
    if target.rule == "no_decrease":
        return start.value
    if target.rule == "increase_by" and target.value is not None:
        return start.value + target.value  # percentage points (flag F03)
    return None


def assess(indicator: Indicator, observations: Iterable[Observation], year: int, region: str) -> Assessment:
    """Assess one indicator in ``region`` at evaluation ``year`` from observations in any order."""
    points = sorted(
        (Point(year=o.year, value=o.value) for o in observations
         if o.indicator_code == indicator.code and o.region == region and o.year <= year),
        key=lambda p: p.year,
    )
    start, start_kind = start_point(indicator, points)
    series = list(points)
    if start is not None and all(p.year != start.year for p in points):
        series = sorted([start, *points], key=lambda p: p.year)
    latest = points[-1] if points else None
    trend = fit_trend(series)
    recent = _recent_change(series)
    target, final = active_target(indicator, year)
    qualitative = next((tg for tg in sorted(indicator.targets, key=lambda tg: tg.year)
                        if tg.rule == "qualitative" and tg.year >= year), None)
    x = _target_value(target, start) if target else None
    sign = _RULE_SIGN.get(target.rule, 0) if target else 0

    expected = path_ratio = trend_ratio = required = projected = gap = None
    band = None
    if target is None:
        code, reason_key = "qualitative", "reason.qualitative"
    elif target.rule == "assigned_by_superior" and x is None:
        code, reason_key = "pending", "reason.pending"
    elif latest is None or start is None or x is None:
        code, reason_key = "no_data", "reason.no_data"
    else:
        meets = sign * (latest.value - x) >= -TOLERANCE
        gap0 = sign * (x - start.value)
        span = target.year - start.year
        if final:
            code, reason_key = ("achieved", "reason.achieved_final") if meets else ("not_met", "reason.not_met")
        elif meets:
            code, reason_key = "achieved", "reason.achieved"
        elif gap0 <= TOLERANCE:
            code, reason_key = "off_track", "reason.slipped"
        elif latest.year <= start.year or span <= 0:
            code, reason_key = "insufficient", "reason.insufficient"
        else:
            share = (latest.year - start.year) / span
            expected = start.value + (x - start.value) * share
            # rounded so that floating-point noise (0.9999999999) cannot flip a light at a threshold
            path_ratio = round(sign * (latest.value - start.value) / (gap0 * share), 9)
            limits = thresholds_for(indicator.attribute)
            code = ("on_track" if path_ratio >= limits.on_track else "accelerate" if path_ratio >= limits.behind
                    else "behind" if path_ratio >= 0 else "off_track")
            reason_key = "reason.path"
        if gap0 > TOLERANCE and trend is not None and span > 0:
            trend_ratio = sign * trend.slope / (gap0 / span)
        if not meets and target.year > latest.year:
            required = (x - latest.value) / (target.year - latest.year)
        if trend is not None and not final:
            projected = trend.at(target.year)
            gap = projected - x
            band = _band(trend, series, target.year)

    label = LABELS[code]
    assessment = Assessment(
        code=indicator.code, seq=indicator.seq, name=indicator.name, category=indicator.category,
        attribute=indicator.attribute, unit=indicator.unit, direction=indicator.direction,
        measure=indicator.measure, region=region, evaluation_year=year,
        year=latest.year if latest else None, value=latest.value if latest else None,
        target_year=target.year if target else (qualitative.year if qualitative else None),
        target_rule=target.rule if target else ("qualitative" if qualitative else None),
        target_value=x, target_text=target.text if target else (qualitative.text if qualitative else None),
        final=final and code in ("achieved", "not_met"),
        light=label.light, label_code=code, label=t(f"label.{code}"), reason="", reason_en="",
        start_year=start.year if start else None, start_value=start.value if start else None,
        start_kind=start_kind, expected_value=expected, path_ratio=path_ratio, trend_ratio=trend_ratio,
        trend=trend.direction if trend else None,
        trend_improving=_improving(trend, indicator.direction),
        annual_change=trend.slope if trend else None,
        recent_annual_change=recent[0] if recent else None, recent_years=recent[1] if recent else None,
        required_annual_change=required, projected_value=projected, projected_gap=gap,
        projection_low=band[0] if band else None, projection_high=band[1] if band else None,
        binding_behind=indicator.attribute == "binding" and label.light in ("amber", "red"),
        series=series,
    )
    return assessment.model_copy(update={
        "reason": reason(assessment, reason_key, sign, "zh"),
        "reason_en": reason(assessment, reason_key, sign, "en"),
    })


def _improving(trend: Trend | None, direction: str) -> bool | None:
    if trend is None or trend.direction == "flat":
        return None
    return (trend.direction == "up") == (direction == "higher")


def _recent_change(series: Sequence[Point]) -> tuple[float, int] | None:
    """Average annual change from the earliest point within RECENT_YEARS of the latest, to the latest."""
    if len(series) < 2:
        return None
    last = series[-1]
    window = [p for p in series[:-1] if p.year >= last.year - RECENT_YEARS]
    if not window:
        return None
    first = window[0]
    return (last.value - first.value) / (last.year - first.year), last.year - first.year


def reason(a: Assessment, key: str, sign: int, lang: Lang) -> str:
    """The one sentence that says where the indicator stands and what must happen next."""
    unit = a.unit
    fields: dict[str, object] = {"eval_year": a.evaluation_year, "target_year": a.target_year,
                                 "text": a.target_text, "year": a.year}
    if a.value is not None:
        fields["value"] = with_unit(a.value, unit, 2)
    fields["latest"] = t("reason.latest", lang, **fields) if a.value is not None else ""
    if a.target_value is not None:
        fields["target_plain"] = with_unit(a.target_value, unit, 2)
        fields["target"] = f"{_BOUND.get(sign, '')}{fields['target_plain']}"
    if a.value is not None and a.target_value is not None:
        diff = a.target_value - a.value
        fields["gap"] = amount(abs(diff), unit, lang)
        fields["verb"] = t("verb.raise" if diff > 0 else "verb.lower", lang)
    if a.expected_value is not None:
        fields["expected"] = with_unit(a.expected_value, unit, 2)
    years_left = (a.target_year or 0) - (a.year or 0)
    fields["per_year"] = (t("reason.per_year", lang, annual=amount(a.required_annual_change, unit, lang,
                                                                   signed=True))
                          if a.required_annual_change is not None and years_left > 1 else "")
    fields["recent"] = ""
    if a.recent_annual_change is not None and a.recent_years:
        years = _CN_DIGITS[a.recent_years] if lang == "zh" and a.recent_years <= 10 else a.recent_years
        fields["recent"] = t("reason.recent", lang, years=years,
                             recent=amount(a.recent_annual_change, unit, lang, signed=True))
    fields["start_note"] = ""
    if a.start_kind == "first_observation":
        fields["start_note"] = t("reason.start_first", lang, start_year=a.start_year)
    elif a.start_kind == "base_year_zero":
        fields["start_note"] = t("reason.start_cumulative", lang)
    return t(key, lang, **fields)


def assess_all(
    indicators: Sequence[Indicator], observations: Sequence[Observation], year: int, region: str
) -> list[Assessment]:
    by_code: dict[str, list[Observation]] = {}
    for o in observations:
        by_code.setdefault(o.indicator_code, []).append(o)
    return [assess(i, by_code.get(i.code, ()), year, region) for i in indicators]


def default_year(observations: Sequence[Observation], region: str, today_year: int) -> int:
    """The latest year with any data in ``region``; with none, last calendar year (within 2020–2035)."""
    years = [o.year for o in observations if o.region == region]
    return max(years) if years else min(max(today_year - 1, BASE_YEAR), 2035)
