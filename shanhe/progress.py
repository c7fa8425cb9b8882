"""The progress engine: verdicts on dated targets, and one light per indicator, region and evaluation year.

Pure functions over the catalog's indicators and the store's observations.

**Verdicts.** Every dated target gets its own verdict, decided by the value *for the target year
itself* and kept for ever: 达标 (met) or 未达标 (missed) once that value is in, 缺数据 (no_data)
when it is not (the latest value and the trend are then shown as an estimate, never as the
verdict). Evaluating any year at or after the target year gives the same verdict.

**The light** follows the active target: the earliest numeric target in or after the evaluation
year. In the target year itself the light is that target's verdict. Before it, the **path ratio**
decides: progress made since the start ÷ the progress the straight line from start to target
expects by the latest data year (differences, never growth rates, so zero targets, ‰ and
lower-is-better indicators work). After a target year the next target takes over, on a path
that starts at the actual value of the previous target year (the 十五五 convention: 2030 goals
are judged from the 2025 result), or at the previous target if that year has no data; after the
last numeric target the light is its verdict. The **trend ratio** is reported beside the path
ratio but does not decide. Thresholds and labels are in ``shanhe.rules``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict

from shanhe.catalog import RULES_ON_BASE, Indicator, Target
from shanhe.formatting import number
from shanhe.messages import Bilingual, Clauses, Difference, Message, Quantity, msg
from shanhe.models import Observation
from shanhe.rules import (
    BAND_MIN_POINTS,
    DEFAULT_PRECISION,
    LABELS,
    RECENT_YEARS,
    STALE_YEARS,
    TOLERANCE,
    TREND_FLAT_SHARE,
    UNIT_PRECISION,
    VERDICT_LABELS,
    thresholds_for,
)

StartKind = Literal[
    "baseline", "base_year_zero", "base_year_observed", "first_observation", "previous_actual", "previous_target"
]
#: Starts that are a 2020 value: the only ones rules such as 不减少 / 增加3% can be measured against.
BASE_KINDS = ("baseline", "base_year_zero", "base_year_observed")
_BOUND = {"at_least": "≥", "no_decrease": "≥", "increase_by": "≥", "at_most": "≤"}


class Point(BaseModel):
    model_config = ConfigDict(frozen=True)
    year: int
    value: float


class Start(BaseModel):
    """Where progress toward a target is measured from."""

    model_config = ConfigDict(frozen=True)
    year: int
    value: float
    kind: StartKind


class Trend(BaseModel):
    """Weighted least-squares line through the series (see ``rules``)."""

    slope: float
    intercept: float
    direction: Literal["up", "flat", "down"]
    points: int
    residual_sd: float | None  # None below BAND_MIN_POINTS

    def at(self, year: int) -> float:
        return self.intercept + self.slope * year


class Verdict(BaseModel):
    """How one dated target stands: decided by the value for its own year, the same whenever it is asked."""

    model_config = ConfigDict(frozen=True)
    target_year: int
    rule: str
    target_value: float | None
    target_text: str
    target_text_en: str | None
    bound: str  # how the value reads: "≥", "≤", or ">" / "<" for 改善 (strictly better than 2020)
    source: str
    derived: bool
    origin: str
    doc_ref: str | None
    replaced: Target | None  # the plan's own target for that year, when a later document replaced it
    actual_year: int | None
    actual_value: float | None
    label_code: str  # a key of rules.VERDICT_LABELS
    verdict: Literal["met", "missed", "no_data", "pending", "qualitative"]
    reason: Message
    estimate_year: int | None = None  # with no_data: the latest value, shown only as an estimate
    estimate_value: float | None = None
    projected_value: float | None = None


class Assessment(BaseModel):
    model_config = ConfigDict(frozen=True)  # shared read-only by every session (shanhe.ui.loaders)

    code: str
    seq: int | None
    name: str
    name_en: str | None
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
    target_text_en: str | None
    target_derived: bool
    final: bool
    light: str
    label_code: str
    reason: Message
    start_year: int | None  # the start of the active target's path (a previous target year after the first)
    start_value: float | None
    start_kind: StartKind | None
    plan_start_year: int | None  # where the plan's indicator starts: 2020 (baseline, 0, or the stored value)
    plan_start_value: float | None
    plan_start_kind: StartKind | None
    expected_value: float | None
    path_ratio: float | None  # rounded to 0.001: the figure shown ("完成进度 99.6%") is the figure compared
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
    binding_behind: bool  # binding and amber/red before its target year (a missed target is in ``verdicts``)
    stale: bool
    baseline_conflict: bool
    baseline_observed: float | None  # the stored 2020 value that differs from the plan's baseline
    change_since_start: float | None  # latest − the plan start (2020 where known), in the indicator's unit
    worsened: bool | None  # moved the wrong way since the plan start, by more than the plan's precision
    precision: float
    verdicts: tuple[Verdict, ...]
    series: tuple[Point, ...]

    def verdict_for(self, year: int) -> Verdict | None:
        return next((v for v in self.verdicts if v.target_year == year), None)


def precision(indicator: Indicator) -> float:
    """The plan's printed precision for this indicator: its own figures' decimals where finer than the unit's."""
    unit_step = UNIT_PRECISION.get(indicator.unit, DEFAULT_PRECISION)
    printed = [t.value for t in indicator.targets if t.origin == "plan" and not t.derived and t.value is not None]
    if indicator.baseline.value is not None:
        printed.append(indicator.baseline.value)
    finest = max((len(number(v).partition(".")[2]) for v in printed), default=0)
    return min(unit_step, 10.0**-finest) if finest else unit_step


def plan_start(indicator: Indicator, points: Sequence[Point]) -> Start | None:
    """Where progress is first measured from: 0 in the base year for cumulative changes, the plan's baseline, a
    stored base-year value where the plan gives none, else the first value."""
    if indicator.measure == "cumulative_change":
        return Start(year=indicator.baseline.year, value=0.0, kind="base_year_zero")
    if indicator.baseline.value is not None:
        return Start(year=indicator.baseline.year, value=indicator.baseline.value, kind="baseline")
    if points and points[0].year == indicator.baseline.year:
        return Start(year=points[0].year, value=points[0].value, kind="base_year_observed")
    if points:
        return Start(year=points[0].year, value=points[0].value, kind="first_observation")
    return None


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
    return Trend(
        slope=slope,
        intercept=intercept,
        direction="flat" if flat else ("up" if slope > 0 else "down"),
        points=len(series),
        residual_sd=residual_sd,
    )


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
    table = (12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131)
    return table[df - 1] if df <= len(table) else 1.96 + 2.4 / df


def target_sign(target: Target, indicator: Indicator) -> int:
    """+1 when meeting the target means being at or above its value, −1 at or below."""
    if target.rule in ("at_least", "no_decrease", "increase_by"):
        return 1
    if target.rule == "at_most":
        return -1
    return 1 if indicator.direction == "higher" else -1


def target_value(target: Target, base: Start | None) -> float | None:
    """The number a target asks for; rules on the 2020 value need a 2020 value (``base``)."""
    if target.rule in ("at_least", "at_most"):
        return target.value
    if target.rule in RULES_ON_BASE:
        if base is None:
            return None
        if target.rule == "increase_by" and target.value is not None:
            return base.value + target.value  # percentage points (flag F03)
        return base.value  # no_decrease, improve
    return None


def meets(target: Target, sign: int, value: float, x: float) -> bool:
    """Whether ``value`` satisfies a target of value ``x``; 改善 (improve) asks for strictly better."""
    if target.rule == "improve":
        return sign * (value - x) > TOLERANCE
    return sign * (value - x) >= -TOLERANCE


def _bound(target: Target, sign: int) -> str:
    if target.rule == "improve":
        return ">" if sign > 0 else "<"
    return _BOUND.get(target.rule, "≥" if sign > 0 else "≤")


class _Path(BaseModel):
    """The light before a target year, and the figures behind it."""

    code: str
    reason: Message
    notes: list[Message] = []
    expected: float | None = None
    path_ratio: float | None = None
    required: float | None = None


@dataclass(frozen=True)
class _In:
    """Quantities in one indicator's unit, for messages: ``q(71.2)`` reads '71.2%', ``q(75, bound="≥")`` '≥75%'."""

    unit: str

    def __call__(self, value: float, *, bound: str = "", digits: int = 6) -> Quantity:
        return Quantity(value=value, unit=self.unit, digits=digits, bound=bound)


def assess(indicator: Indicator, observations: Iterable[Observation], year: int, region: str) -> Assessment:
    """Assess one indicator in ``region`` at evaluation ``year`` from observations in any order."""
    points = sorted(
        (
            Point(year=o.year, value=o.value)
            for o in observations
            if o.indicator_code == indicator.code and o.region == region and o.year <= year
        ),
        key=lambda p: p.year,
    )
    actual = {p.year: p.value for p in points}
    start0 = plan_start(indicator, points)
    observed_at_start = actual.get(start0.year) if start0 else None
    conflict = (
        start0 is not None
        and start0.kind in ("baseline", "base_year_zero")
        and observed_at_start is not None
        and abs(observed_at_start - start0.value) > TOLERANCE
    )
    # one start for path and trend: the plan's baseline replaces a stored 2020 value that differs from it
    series = tuple(points)
    if start0 is not None and start0.kind in ("baseline", "base_year_zero"):
        series = tuple(
            sorted(
                [Point(year=start0.year, value=start0.value), *(p for p in points if p.year != start0.year)],
                key=lambda p: p.year,
            )
        )
    latest = points[-1] if points else None
    trend = fit_trend(series)
    recent = _recent_change(series)
    unit, step, q = indicator.unit, precision(indicator), _In(indicator.unit)
    base = start0 if start0 is not None and start0.kind in BASE_KINDS else None

    targets = indicator.targets_in(region)
    numeric = [tg for tg in targets if tg.rule != "qualitative"]
    resolved = {tg.year: target_value(tg, base) for tg in numeric}
    starts = _segment_starts(numeric, resolved, start0, actual)
    verdicts = tuple(_verdict(indicator, tg, resolved.get(tg.year), actual, year, q, latest, trend) for tg in targets)

    change = worsened = None
    if latest is not None and start0 is not None and latest.year > start0.year:
        change = latest.value - start0.value
        worsened = (change if indicator.direction == "higher" else -change) < -step + TOLERANCE

    active = next((tg for tg in numeric if tg.year >= year), numeric[-1] if numeric else None)
    x = resolved.get(active.year) if active else None
    start = starts.get(active.year) if active else None
    final = False
    trend_ratio = projected = gap = band = None
    if active is None:  # only qualitative targets
        shown = next((tg for tg in targets if tg.year >= year), targets[-1] if targets else None)
        path = _Path(
            code="qualitative",
            reason=msg("reason.qualitative", text=_text(shown) if shown else "—", latest=_latest(latest, q)),
        )
    else:
        shown = active
        sign = target_sign(active, indicator)
        if active.year <= year:  # in and after the target year: its verdict
            verdict = next(v for v in verdicts if v.target_year == active.year)
            code = _VERDICT_LIGHT[verdict.label_code]
            path, final = _Path(code=code, reason=verdict.reason), code in ("achieved", "not_met")
        elif x is None and active.rule == "assigned_by_superior":
            path = _Path(
                code="pending",
                reason=msg("reason.pending", target_year=active.year, text=_text(active), latest=_latest(latest, q)),
            )
        elif latest is None or start is None:
            path = _Path(code="no_data", reason=msg("reason.no_data", eval_year=year))
        elif x is None:
            path = _Path(
                code="insufficient",
                reason=msg(
                    "reason.needs_base",
                    target_year=active.year,
                    base=indicator.baseline.year,
                    text=_text(active),
                    latest=_latest(latest, q),
                ),
            )
        else:
            path = _path_light(indicator, active, x, start, latest, recent, step, q)
            gap0, span = sign * (x - start.value), active.year - start.year
            if gap0 > TOLERANCE and trend is not None and span > 0:
                trend_ratio = sign * trend.slope / (gap0 / span)
            if trend is not None:
                projected = trend.at(active.year)
                gap = projected - x
                band = _band(trend, series, active.year)
            path.notes += _start_notes(start, q)
        if indicator.measure == "cumulative_change" and not any(n.key == "note.start_cumulative" for n in path.notes):
            path.notes.append(msg("note.start_cumulative", base=indicator.baseline.year))
        if active.derived:
            path.notes.append(msg("note.derived"))
    notes = path.notes
    if conflict and start0 is not None and observed_at_start is not None:
        notes.append(
            msg("note.baseline_conflict", year=start0.year, observed=q(observed_at_start), baseline=q(start0.value))
        )
    stale = latest is not None and latest.year < year - STALE_YEARS
    if stale and latest is not None:
        notes.append(msg("note.stale", year=latest.year))
    label = LABELS[path.code]
    if label.light == "grey" and change is not None and start0 is not None:
        # grey says nothing about progress: still say which way the indicator moved since the start
        better = (change if indicator.direction == "higher" else -change) > step - TOLERANCE
        notes.append(
            msg(
                "note.direction",
                start_year=start0.year,
                state=msg("state.worse" if worsened else "state.better" if better else "state.same"),
                change=Difference(value=change, unit=unit, signed=True),
            )
        )
    reason = path.reason.model_copy(update={"params": {**path.reason.params, "notes": Clauses(items=tuple(notes))}})
    start = start or start0

    return Assessment(
        code=indicator.code,
        seq=indicator.seq,
        name=indicator.name,
        name_en=indicator.name_en,
        category=indicator.category,
        attribute=indicator.attribute,
        unit=unit,
        direction=indicator.direction,
        measure=indicator.measure,
        region=region,
        evaluation_year=year,
        year=latest.year if latest else None,
        value=latest.value if latest else None,
        target_year=shown.year if shown else None,
        target_rule=shown.rule if shown else None,
        target_value=x,
        target_text=shown.text if shown else None,
        target_text_en=shown.text_en if shown else None,
        target_derived=bool(shown and shown.derived),
        final=final,
        light=label.light,
        label_code=path.code,
        reason=reason,
        start_year=start.year if start else None,
        start_value=start.value if start else None,
        start_kind=start.kind if start else None,
        plan_start_year=start0.year if start0 else None,
        plan_start_value=start0.value if start0 else None,
        plan_start_kind=start0.kind if start0 else None,
        expected_value=path.expected,
        path_ratio=path.path_ratio,
        trend_ratio=trend_ratio,
        trend=trend.direction if trend else None,
        trend_improving=_improving(trend, indicator.direction),
        annual_change=trend.slope if trend else None,
        recent_annual_change=recent[0] if recent else None,
        recent_years=recent[1] if recent else None,
        required_annual_change=path.required,
        projected_value=projected,
        projected_gap=gap,
        projection_low=band[0] if band else None,
        projection_high=band[1] if band else None,
        binding_behind=indicator.attribute == "binding" and label.light in ("amber", "red") and not final,
        stale=stale,
        baseline_conflict=conflict,
        baseline_observed=observed_at_start if conflict else None,
        change_since_start=change,
        worsened=worsened,
        precision=step,
        verdicts=verdicts,
        series=series,
    )


#: The light in and after a target year, from that target's verdict.
_VERDICT_LIGHT = {
    "met": "achieved",
    "missed": "not_met",
    "no_data": "no_data",
    "no_base": "insufficient",
    "awaiting": "pending",
}


def _segment_starts(
    numeric: Sequence[Target], resolved: dict[int, float | None], start0: Start | None, actual: dict[int, float]
) -> dict[int, Start | None]:
    """Where the path to each numeric target starts: the plan's start for the first; for each later one the
    previous target year's actual value, else the previous target's value, else the previous path's start."""
    starts: dict[int, Start | None] = {}
    previous: Target | None = None
    for tg in numeric:
        if previous is None:
            starts[tg.year] = start0
        elif previous.year in actual:
            starts[tg.year] = Start(year=previous.year, value=actual[previous.year], kind="previous_actual")
        elif resolved[previous.year] is not None:
            starts[tg.year] = Start(year=previous.year, value=resolved[previous.year], kind="previous_target")
        else:
            starts[tg.year] = starts[previous.year]
        previous = tg
    return starts


def _path_light(
    indicator: Indicator,
    target: Target,
    x: float,
    start: Start,
    latest: Point,
    recent: tuple[float, int] | None,
    step: float,
    q: _In,
) -> _Path:
    """Before the target year: achieved, slipped, too early to tell, or the path ratio against the thresholds."""
    unit, sign = indicator.unit, target_sign(target, indicator)
    target_q = q(x, bound=_bound(target, sign))
    gap0, span = sign * (x - start.value), target.year - start.year
    diff = Difference(value=abs(x - latest.value), unit=unit)
    verb = msg("verb.raise" if x > latest.value else "verb.lower")
    if meets(target, sign, latest.value, x):
        return _Path(
            code="achieved",
            reason=msg(
                "reason.achieved", year=latest.year, value=q(latest.value), target_year=target.year, target=target_q
            ),
        )
    required = (x - latest.value) / (target.year - latest.year)
    if gap0 <= TOLERANCE:
        return _Path(
            code="off_track",
            required=required,
            reason=msg(
                "reason.slipped",
                year=latest.year,
                value=q(latest.value),
                target_year=target.year,
                target=target_q,
                verb=verb,
                gap=diff,
                recent=_recent(recent, unit),
            ),
        )
    if latest.year <= start.year or span <= 0:
        return _Path(
            code="insufficient",
            required=required,
            reason=msg(
                "reason.insufficient",
                start_year=start.year,
                year=latest.year,
                value=q(latest.value),
                target_year=target.year,
                target=target_q,
                verb=verb,
                gap=diff,
            ),
        )
    share = (latest.year - start.year) / span
    expected = start.value + (x - start.value) * share
    # rounded to the shown precision (完成进度 99.6%): the figure people read is the figure compared
    ratio = round(sign * (latest.value - start.value) / (gap0 * share), 3) + 0.0
    limits = thresholds_for(indicator.attribute)
    code = (
        "on_track"
        if ratio >= limits.on_track
        else "accelerate"
        if ratio >= limits.behind
        else "behind"
        if ratio >= 0
        else "off_track"
    )
    notes = []
    if code != "on_track" and sign * (expected - latest.value) < step - TOLERANCE:
        code = "on_track"
        notes.append(msg("note.tolerance", precision=Difference(value=step, unit=unit)))
    per_year = (
        msg("reason.per_year", annual=Difference(value=required, unit=unit, signed=True))
        if target.year - latest.year > 1
        else None
    )
    return _Path(
        code=code,
        notes=notes,
        expected=expected,
        path_ratio=ratio,
        required=required,
        reason=msg(
            "reason.path",
            year=latest.year,
            value=q(latest.value),
            expected=q(expected, digits=2),
            progress=Quantity(value=ratio * 100, unit="%", digits=1),
            target_year=target.year,
            target=target_q,
            verb=verb,
            gap=diff,
            per_year=per_year,
            recent=_recent(recent, unit),
        ),
    )


def _text(target: Target) -> Bilingual:
    return Bilingual(zh=target.text, en=target.text_en)


def _latest(latest: Point | None, q: _In) -> Message | None:
    return msg("reason.latest", year=latest.year, value=q(latest.value)) if latest else None


def _verdict(
    indicator: Indicator,
    tg: Target,
    x: float | None,
    actual: dict[int, float],
    year: int,
    q: _In,
    latest: Point | None,
    trend: Trend | None,
) -> Verdict:
    """The verdict on one dated target at evaluation ``year``."""
    sign = target_sign(tg, indicator)
    value = actual.get(tg.year) if tg.year <= year else None
    # without the target year's value: the latest value and the trend at the target year, as an estimate only
    unjudged = tg.rule != "qualitative" and value is None
    est_point = latest if unjudged else None
    projected = (
        trend.at(tg.year) if unjudged and trend is not None and latest is not None and tg.year > latest.year else None
    )
    estimate = _estimate(est_point, projected, tg.year, q)
    target_q = q(x, bound=_bound(tg, sign)) if x is not None else _text(tg)
    if tg.rule == "qualitative":
        code, reason = "qualitative", msg("reason.qualitative", text=_text(tg), latest=None)
    elif tg.year > year:
        code, reason = "not_due", msg("reason.not_due", target_year=tg.year, target=target_q, estimate=estimate)
    elif x is None and tg.rule == "assigned_by_superior":
        code, reason = "awaiting", msg("reason.pending", target_year=tg.year, text=_text(tg), latest=None)
    elif value is None:
        code, reason = "no_data", msg("reason.target_no_data", target_year=tg.year, target=target_q, estimate=estimate)
    elif x is None:  # a rule on the base year's value, and no value for it
        code, reason = (
            "no_base",
            msg("reason.needs_base", target_year=tg.year, base=indicator.baseline.year, text=_text(tg), latest=None),
        )
    elif meets(tg, sign, value, x):
        code, reason = "met", msg("reason.met", target_year=tg.year, value=q(value), target=target_q)
    elif tg.rule == "improve":  # no gap to state: the value had to be better than the base year's and is not
        code, reason = (
            "missed",
            msg(
                "reason.not_improved",
                target_year=tg.year,
                value=q(value),
                target=target_q,
                base=indicator.baseline.year,
            ),
        )
    else:
        code, reason = (
            "missed",
            msg(
                "reason.missed",
                target_year=tg.year,
                value=q(value),
                target=target_q,
                gap=Difference(value=abs(x - value), unit=indicator.unit),
            ),
        )
    notes = (msg("note.derived"),) if tg.derived else ()
    reason = reason.model_copy(update={"params": {**reason.params, "notes": Clauses(items=notes)}})
    label = VERDICT_LABELS[code]
    return Verdict(
        target_year=tg.year,
        rule=tg.rule,
        target_value=x,
        target_text=tg.text,
        target_text_en=tg.text_en,
        bound=_bound(tg, sign),
        source=tg.source,
        derived=tg.derived,
        origin=tg.origin,
        doc_ref=tg.doc_ref,
        replaced=indicator.replaced_for(tg.year) if tg.origin == "staff" and tg.region is None else None,
        actual_year=tg.year if value is not None else None,
        actual_value=value,
        label_code=code,
        verdict=label.verdict,
        reason=reason,
        estimate_year=est_point.year if est_point else None,
        estimate_value=est_point.value if est_point else None,
        projected_value=projected,
    )


def _estimate(point: Point | None, projected: float | None, target_year: int, q: _In) -> Message | None:
    if point is None:
        return None
    return msg(
        "reason.estimate",
        year=point.year,
        value=q(point.value),
        projection=msg("reason.estimate_projection", target_year=target_year, projected=q(projected, digits=2))
        if projected is not None
        else None,
    )


def _start_notes(start: Start | None, q: _In) -> list[Message]:
    if start is None:
        return []
    if start.kind == "first_observation":
        return [msg("note.start_first", start_year=start.year)]
    if start.kind == "base_year_observed":
        return [msg("note.start_observed", start_year=start.year)]
    if start.kind == "base_year_zero":
        return [msg("note.start_cumulative", base=start.year)]
    if start.kind == "previous_actual":
        return [msg("note.start_previous_actual", start_year=start.year, start=q(start.value))]
    if start.kind == "previous_target":
        return [msg("note.start_previous_target", start_year=start.year, start=q(start.value))]
    return []


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


def _recent(recent: tuple[float, int] | None, unit: str) -> Message | None:
    """ "近三年平均每年 +1.1 个百分点", or "比上年 +1.1 个百分点" over a single year."""
    if recent is None:
        return None
    change = Difference(value=recent[0], unit=unit, signed=True)
    if recent[1] == 1:
        return msg("reason.recent_one", recent=change)
    return msg("reason.recent", years=msg(f"count.{recent[1]}"), recent=change)


def assess_all(
    indicators: Sequence[Indicator], observations: Sequence[Observation], year: int, region: str
) -> list[Assessment]:
    by_code: dict[str, list[Observation]] = {}
    for o in observations:
        by_code.setdefault(o.indicator_code, []).append(o)
    return [assess(i, by_code.get(i.code, ()), year, region) for i in indicators]


def default_year(observations: Sequence[Observation], region: str, today_year: int, plan_years: range) -> int:
    """The latest year with data in ``region`` that is not in the future; with none, last calendar year
    (within the plan's years). A value stored for a later year (a typo) never moves the dashboard's year."""
    years = [o.year for o in observations if o.region == region and o.year <= today_year]
    return max(years) if years else min(max(today_year - 1, plan_years[0]), plan_years[-1])


def verdict_year(assessments: Sequence[Assessment]) -> int | None:
    """The latest target year at or before the evaluation year: whose verdicts the 末期考核 reads (2025 from
    2025 on, until a later target year is reached)."""
    years = [
        v.target_year
        for a in assessments
        for v in a.verdicts
        if v.target_year <= a.evaluation_year and v.verdict != "qualitative"
    ]
    return max(years) if years else None
