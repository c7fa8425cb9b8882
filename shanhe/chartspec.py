"""What a chart shows, decided once: the marks, labels, ranges and colours of the progress and project charts.

Two renderers draw the same spec: ``shanhe.charts`` (plotly, for the dashboard and reports) and
``shanhe.svg`` (plain SVG, for the static edition that old browsers read). So a chart's content —
which targets, which verdicts, which labels — has one source whatever draws it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict

from shanhe.catalog import Indicator, PlanInfo
from shanhe.formatting import indicator_name, unit_label, with_unit
from shanhe.i18n import Lang, t
from shanhe.progress import Assessment, Point, Verdict
from shanhe.rules import VERDICT_LABELS
from shanhe.schedule import STATUS_COLOURS, ProjectStatus

COLOURS = {
    "observed": "#0072B2",
    "path": "#7F7F7F",
    "target": "#D55E00",
    "projection": "#E69F00",
    "baseline": "#000000",
}
BAND_FILL = "rgba(230,159,0,0.18)"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class Mark(_Frozen):
    """One drawn element of a line chart: a line, markers (with an optional label each), or a filled band."""

    name: str
    xs: tuple[float, ...]
    ys: tuple[float, ...]
    mode: Literal["lines", "markers", "lines+markers", "band"]
    colour: str
    width: float = 2
    dash: Literal["solid", "dash", "dot"] = "solid"
    symbol: Literal["circle", "diamond", "star", "x"] = "circle"
    size: float = 10
    label: str | None = None  # written beside the (last) marker: targets, the baseline, the latest value
    label_side: Literal["left", "right"] = "left"
    label_above: bool = True  # below when the observed line passes above the point, so the label stays clear
    legend: bool = True


class LineChart(_Frozen):
    title: str
    notes: tuple[str, ...]  # lines under the title (qualitative goals)
    x_title: str
    y_title: str | None
    y_suffix: str
    x_range: tuple[float, float]
    y_range: tuple[float, float] | None
    marks: tuple[Mark, ...]
    watermark: str | None


class GanttMilestone(_Frozen):
    due: dt.date
    colour: str
    title: str
    status: str


class GanttRow(_Frozen):
    label: str
    name: str
    start: dt.date
    end: dt.date
    colour: str
    status: str  # the status label, shown in the legend
    status_code: str
    outlined: bool
    milestones: tuple[GanttMilestone, ...]


class GanttChart(_Frozen):
    title: str
    rows: tuple[GanttRow, ...]
    today: dt.date
    today_label: str
    x_start: dt.date
    x_end: dt.date
    watermark: str | None


def progress_spec(indicator: Indicator, a: Assessment, lang: Lang, *, sample: bool = False) -> LineChart:
    """The plan's start, observed values, the straight path to the active target, every dated numeric target
    (with its verdict once due; derived ones marked), qualitative targets as notes, and the projection (with
    its band from three points)."""
    unit = indicator.unit
    marks: list[Mark] = []
    injected = a.plan_start_kind in ("baseline", "base_year_zero")
    points = [p for p in a.series if not (injected and p.year == a.plan_start_year)]
    if injected and a.plan_start_year is not None and a.plan_start_value is not None:
        marks.append(
            Mark(
                name=t("chart.baseline", lang, year=a.plan_start_year),
                xs=(a.plan_start_year,),
                ys=(a.plan_start_value,),
                mode="markers",
                symbol="diamond",
                size=14,
                colour=COLOURS["baseline"],
                label=with_unit(a.plan_start_value, unit, lang, digits=2),
                label_side="right",
                label_above=not _line_above(a.plan_start_value, a.series),
            )
        )
    if a.baseline_conflict and a.baseline_observed is not None and a.plan_start_year is not None:
        marks.append(
            Mark(
                name=t("chart.baseline_conflict", lang, year=a.plan_start_year),
                xs=(a.plan_start_year,),
                ys=(a.baseline_observed,),
                mode="markers",
                symbol="x",
                size=12,
                colour=COLOURS["target"],
            )
        )
    if points:
        marks.append(
            Mark(
                name=t("chart.observed", lang),
                xs=tuple(p.year for p in points),
                ys=tuple(p.value for p in points),
                mode="lines+markers",
                width=3,
                colour=COLOURS["observed"],
            )
        )
        last = points[-1]
        marks.append(
            Mark(
                name=t("chart.latest", lang),
                xs=(last.year,),
                ys=(last.value,),
                mode="markers",
                colour=COLOURS["observed"],
                label=with_unit(last.value, unit, lang, digits=2),
                label_side="right",
                legend=False,
            )
        )
    ys: list[float] = [p.value for p in a.series]
    if (
        not a.final
        and a.start_year is not None
        and a.start_value is not None
        and a.target_value is not None
        and a.target_year
        and a.target_year > a.start_year
    ):
        marks.append(
            Mark(
                name=t("chart.path", lang),
                xs=(a.start_year, a.target_year),
                ys=(a.start_value, a.target_value),
                mode="lines",
                dash="dash",
                colour=COLOURS["path"],
            )
        )
    dated = [(v, v.target_value) for v in a.verdicts if v.target_value is not None]
    for v, target in dated:
        shown = f"{v.bound}{with_unit(target, unit, lang, digits=2)}"
        label = t("chart.target", lang, year=v.target_year, target=shown)
        if v.derived:
            label += t("chart.derived", lang)
        if v.verdict in ("met", "missed"):
            label += f" {VERDICT_LABELS[v.label_code].icon}{t(f'verdict.{v.label_code}', lang)}"
        marks.append(
            Mark(
                name=label,
                xs=(v.target_year,),
                ys=(target,),
                mode="markers",
                symbol="star",
                size=18,
                colour=COLOURS["target"],
                label=label,
                label_above=not _line_above(target, a.series),
            )
        )
        ys.append(target)
    years = [a.evaluation_year, *(p.year for p in a.series), *(v.target_year for v, _ in dated)]
    years += [y for y in (a.plan_start_year, a.target_year) if y]
    # qualitative goals have no number to plot: they go under the title, so 2035 does not squash the data
    notes = tuple(
        t("chart.qualitative", lang, year=v.target_year) + f"：{_shorten(_plan_text(v, lang), 40)}"
        for v in a.verdicts
        if v.verdict == "qualitative"
    )
    if (
        a.projected_value is not None
        and a.year is not None
        and a.value is not None
        and a.target_year
        and a.target_year > a.year
    ):
        xs = (a.year, a.target_year)
        if a.projection_low is not None and a.projection_high is not None:
            marks.append(
                Mark(
                    name=t("chart.band", lang),
                    xs=(*xs, *xs[::-1]),
                    ys=(a.value, a.projection_high, a.projection_low, a.value),
                    mode="band",
                    colour=BAND_FILL,
                    width=0,
                )
            )
            ys += [a.projection_low, a.projection_high]
        marks.append(
            Mark(
                name=t("chart.projection", lang),
                xs=xs,
                ys=(a.value, a.projected_value),
                mode="lines+markers",
                dash="dot",
                size=8,
                colour=COLOURS["projection"],
            )
        )
        ys.append(a.projected_value)
    name = indicator_name(indicator, lang)
    y_range = value_range(ys, unit)
    if y_range is not None:  # a label goes under its point only where there is room above the axis
        floor = y_range[0] + 0.12 * (y_range[1] - y_range[0])
        marks = [m.model_copy(update={"label_above": True}) if m.label and m.ys[-1] < floor else m for m in marks]
    return LineChart(
        title=f"{name}（{unit_label(unit, lang)}）" if unit != "—" else name,
        notes=notes,
        x_title=t("chart.year", lang),
        y_title=unit_label(unit, lang) if unit != "—" else None,
        y_suffix=unit if unit in ("%", "‰") else "",
        x_range=(min(years) - 0.5, max(years) + 0.5),
        y_range=y_range,
        marks=tuple(marks),
        watermark=t("chart.sample", lang) if sample else None,
    )


def target_line(a: Assessment, lang: Lang) -> tuple[str, float] | None:
    """The active numeric target as a reference line: its label ('2025年目标 ≥75%') and value."""
    if a.target_value is None or a.target_year is None:
        return None
    verdict = a.verdict_for(a.target_year)
    shown = f"{verdict.bound if verdict else ''}{with_unit(a.target_value, a.unit, lang, digits=2)}"
    return t("chart.target", lang, year=a.target_year, target=shown), a.target_value


def _line_above(value: float, series: Sequence[Point]) -> bool:
    """Whether most observed values lie above ``value`` (then its label goes underneath)."""
    return sum(p.value > value for p in series) > len(series) / 2


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _plan_text(v: Verdict, lang: Lang) -> str:
    return v.target_text_en if lang == "en" and v.target_text_en else v.target_text


def value_range(values: Sequence[float], unit: str) -> tuple[float, float] | None:
    """Pad around the data; for % and ‰ never beyond their natural limits, and not 0–100 when the data sit
    in a narrow band (森林覆盖率 19.8–20.5 would be a flat line on 0–100)."""
    if not values:
        return (0, 100) if unit == "%" else None
    low, high = min(values), max(values)
    pad = max((high - low) * 0.15, abs(high) * 0.02, 0.5 if unit == "%" else 0.05)
    low, high = low - pad, high + pad
    if unit in ("%", "‰") and min(values) >= 0:
        low = max(0.0, low)
    if unit == "%" and max(values) <= 100:
        high = min(100.0, high)
    return (low, high)


def gantt_spec(
    plan: PlanInfo, statuses: Sequence[ProjectStatus], today: dt.date, lang: Lang, *, sample: bool = False
) -> GanttChart:
    """附表1 projects as bars from start to end of their 实施时间, coloured by status, grouped by the plan's
    project groups (一山 / 一河 / 一流域 / 环境污染防治), with milestones as diamonds (overdue ones outlined)."""
    rows = tuple(
        GanttRow(
            label=f"{plan.project_group(s.project.group).label(lang)} · {s.project.name}",
            name=s.project.name,
            start=s.start,
            end=s.end,
            colour=STATUS_COLOURS[s.status],
            status=t(f"status.{s.status}", lang),
            status_code=s.status,
            outlined=s.overdue,
            milestones=tuple(
                GanttMilestone(
                    due=m.milestone.due,
                    colour=STATUS_COLOURS[m.status],
                    title=f"{m.milestone.title}（{m.milestone.due_text}）",
                    status=t(f"status.{m.status}", lang),
                )
                for m in s.milestones
            ),
        )
        for s in statuses
    )
    first = min([today, *(s.start for s in statuses)])
    last = max([today, *(s.end for s in statuses)])
    return GanttChart(
        title=t("nav.projects", lang),
        rows=rows,
        today=today,
        today_label=t("chart.today", lang),
        x_start=first - dt.timedelta(days=92),
        x_end=last + dt.timedelta(days=180),
        watermark=t("chart.sample", lang) if sample else None,
    )
