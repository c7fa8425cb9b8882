"""Plotly figures for the dashboard and reports, built from assessments; no Streamlit here.

Chinese text needs a CJK font: the layout names Noto Sans CJK SC first (installed with
fonts-noto-cjk on the server, used for image export) and common desktop fonts after it.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence

import plotly.graph_objects as go

from shanhe.catalog import Indicator
from shanhe.formatting import with_unit
from shanhe.i18n import Lang, t
from shanhe.progress import Assessment, Verdict
from shanhe.rules import VERDICT_LABELS
from shanhe.schedule import STATUS_COLOURS, ProjectStatus

FONT = "Noto Sans CJK SC, Microsoft YaHei, PingFang SC, Source Han Sans SC, sans-serif"
COLOURS = {"observed": "#0072B2", "path": "#7F7F7F", "target": "#D55E00", "projection": "#E69F00",
           "baseline": "#000000"}
PNG_CONFIG = {"toImageButtonOptions": {"format": "png", "scale": 2}, "displaylogo": False}


def _layout(fig: go.Figure, title: str, large: bool, sample: bool, lang: Lang) -> go.Figure:
    size = 22 if large else 14
    fig.update_layout(
        title={"text": title, "font": {"size": size + 6}},
        font={"family": FONT, "size": size},
        # white style set directly: validating a named template copied it on every page load
        template="none", paper_bgcolor="#FFFFFF", plot_bgcolor="#FFFFFF",
        margin={"l": 60, "r": 30, "t": 90 if large else 80, "b": 50},
        legend={"orientation": "h", "yanchor": "top", "y": -0.15, "x": 0},
        hovermode="x unified",
    )
    fig.update_xaxes(gridcolor="#EBEBEB", linecolor="#BBBBBB", zeroline=False)
    fig.update_yaxes(gridcolor="#EBEBEB", linecolor="#BBBBBB", zeroline=False)
    if sample:
        fig.add_annotation(text=t("chart.sample", lang), xref="paper", yref="paper", x=0.5, y=0.5,
                           showarrow=False, font={"size": 64 if large else 48, "color": "rgba(213,94,0,0.18)"},
                           textangle=-20)
    return fig


def _axis_suffix(unit: str) -> str:
    return unit if unit in ("%", "‰") else ""


def progress_chart(
    indicator: Indicator, a: Assessment, lang: Lang = "zh", *, sample: bool = False, large: bool = False
) -> go.Figure:
    """The plan's start, observed values, the straight path to the active target, every dated numeric target
    (with its verdict once due; derived ones marked), qualitative targets as notes, and the projection (with
    its band from three points)."""
    unit = indicator.unit
    fig = go.Figure()
    injected = a.plan_start_kind in ("baseline", "base_year_zero")
    points = [p for p in a.series if not (injected and p.year == a.plan_start_year)]
    if injected and a.plan_start_year is not None:
        fig.add_trace(go.Scatter(x=[a.plan_start_year], y=[a.plan_start_value], mode="markers",
                                 name=t("chart.baseline", lang, year=a.plan_start_year),
                                 marker={"symbol": "diamond", "size": 14, "color": COLOURS["baseline"]}))
    if a.baseline_conflict and a.baseline_observed is not None:
        fig.add_trace(go.Scatter(x=[a.plan_start_year], y=[a.baseline_observed], mode="markers",
                                 name=t("chart.baseline_conflict", lang, year=a.plan_start_year),
                                 marker={"symbol": "x", "size": 12, "color": COLOURS["target"]}))
    if points:
        fig.add_trace(go.Scatter(x=[p.year for p in points], y=[p.value for p in points], mode="lines+markers",
                                 name=t("chart.observed", lang), line={"color": COLOURS["observed"], "width": 3},
                                 marker={"size": 10}))
    ys: list[float] = [p.value for p in a.series]
    if (not a.final and a.start_year is not None and a.target_value is not None and a.target_year
            and a.target_year > a.start_year):
        fig.add_trace(go.Scatter(x=[a.start_year, a.target_year], y=[a.start_value, a.target_value], mode="lines",
                                 name=t("chart.path", lang), line={"color": COLOURS["path"], "dash": "dash"}))
    dated = [v for v in a.verdicts if v.target_value is not None]
    for v in dated:
        label = t("chart.target", lang, year=v.target_year, target=f"{v.bound}{with_unit(v.target_value, unit, 2)}")
        if v.derived:
            label += t("chart.derived", lang)
        if v.verdict in ("met", "missed"):
            label += f" {VERDICT_LABELS[v.label_code].icon}{t(f'verdict.{v.label_code}', lang)}"
        fig.add_trace(go.Scatter(x=[v.target_year], y=[v.target_value], mode="markers+text", name=label,
                                 text=[label], textposition="top left",
                                 marker={"symbol": "star", "size": 18, "color": COLOURS["target"]}))
        ys.append(v.target_value)
    years = [a.plan_start_year or 2020, *(p.year for p in a.series), *(v.target_year for v in dated)]
    if a.target_year:
        years.append(a.target_year)
    # qualitative goals have no number to plot: they go under the title, so 2035 does not squash the data
    notes = [t("chart.qualitative", lang, year=v.target_year) + f"：{_shorten(_plan_text(v, lang), 40)}"
             for v in a.verdicts if v.verdict == "qualitative"]
    if a.projected_value is not None and a.year is not None and a.target_year and a.target_year > a.year:
        xs = [a.year, a.target_year]
        if a.projection_low is not None and a.projection_high is not None:
            fig.add_trace(go.Scatter(x=xs + xs[::-1], y=[a.value, a.projection_high, a.projection_low, a.value],
                                     fill="toself", mode="lines", line={"width": 0},
                                     fillcolor="rgba(230,159,0,0.18)", name=t("chart.band", lang),
                                     hoverinfo="skip"))
            ys += [a.projection_low, a.projection_high]
        fig.add_trace(go.Scatter(x=xs, y=[a.value, a.projected_value], mode="lines+markers",
                                 name=t("chart.projection", lang),
                                 line={"color": COLOURS["projection"], "dash": "dot", "width": 2}))
        ys.append(a.projected_value)
    fig.update_xaxes(range=[min(years) - 0.5, max(years) + 0.5], dtick=1, title=t("chart.year", lang))
    fig.update_yaxes(title=unit if unit != "—" else None, ticksuffix=_axis_suffix(unit),
                     range=_value_range(ys, unit))
    name = indicator.name_en if lang == "en" and indicator.name_en else indicator.name
    title = f"{name}（{unit}）" if unit != "—" else name
    if notes:
        title += "<br><sup>" + "；".join(html.escape(n) for n in notes) + "</sup>"
    return _layout(fig, title, large, sample, lang)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _plan_text(v: Verdict, lang: Lang) -> str:
    return v.target_text_en if lang == "en" and v.target_text_en else v.target_text


def _value_range(values: Sequence[float], unit: str) -> list[float] | None:
    """Pad around the data; for % and ‰ never beyond their natural limits, and not 0–100 when the data sit
    in a narrow band (森林覆盖率 19.8–20.5 would be a flat line on 0–100)."""
    if not values:
        return [0, 100] if unit == "%" else None
    low, high = min(values), max(values)
    pad = max((high - low) * 0.15, abs(high) * 0.02, 0.5 if unit == "%" else 0.05)
    low, high = low - pad, high + pad
    if unit in ("%", "‰") and min(values) >= 0:
        low = max(0.0, low)
    if unit == "%" and max(values) <= 100:
        high = min(100.0, high)
    return [low, high]


def gantt_chart(statuses: Sequence[ProjectStatus], today: dt.date, lang: Lang = "zh", *,
                large: bool = False, sample: bool = False) -> go.Figure:
    """附表1 projects as bars from start to end of their 实施时间, coloured by status, grouped
    一山 / 一河 / 一流域 / 环境污染防治, with milestones as diamonds (overdue ones outlined)."""
    fig = go.Figure()
    labels = [f"{t('group.' + s.project.group, lang)} · {s.project.name}" for s in statuses]
    shown: set[str] = set()
    for label, s in zip(labels, statuses, strict=True):
        name = t(f"status.{s.status}", lang)
        fig.add_trace(go.Bar(
            # on a date axis a bar's length is a duration in milliseconds
            y=[label], x=[((s.end - s.start).days + 1) * 86_400_000], base=[s.start.isoformat()], orientation="h",
            marker={"color": STATUS_COLOURS[s.status], "line": {"width": 3 if s.overdue else 0,
                                                                "color": "#000000"}},
            name=name, legendgroup=s.status, showlegend=s.status not in shown,
            hovertemplate=f"{s.project.name}<br>{s.start.year}–{s.end.year}<br>{name}<extra></extra>",
        ))
        shown.add(s.status)
        for m in s.milestones:
            fig.add_trace(go.Scatter(
                y=[label], x=[m.milestone.due.isoformat()], mode="markers", showlegend=False,
                marker={"symbol": "diamond", "size": 14, "color": STATUS_COLOURS[m.status],
                        "line": {"width": 2, "color": "#000000"}},
                hovertemplate=f"{m.milestone.title}<br>{m.milestone.due_text}<br>"
                              f"{t('status.' + m.status, lang)}<extra></extra>",
            ))
    fig.add_vline(x=today.isoformat(), line={"dash": "dot", "color": "#000000"})
    fig.add_annotation(x=today.isoformat(), y=1, yref="paper", text=t("chart.today", lang), showarrow=False,
                       yanchor="bottom")
    last = max([today, *(s.end for s in statuses)])
    fig.update_xaxes(type="date", range=["2020-10-01", (last + dt.timedelta(days=180)).isoformat()], dtick="M12",
                     tickformat="%Y")
    fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=labels)
    fig.update_layout(barmode="overlay", height=max(420, 46 * len(statuses) + 140))
    return _layout(fig, t("nav.projects", lang), large, sample, lang)


def ranking_chart(indicator: Indicator, values: Sequence[tuple[str, float]], year: int, lang: Lang = "zh", *,
                  sample: bool = False) -> go.Figure:
    """Regions for one year, best first by the indicator's direction."""
    ordered = sorted(values, key=lambda rv: rv[1], reverse=indicator.direction == "higher")
    fig = go.Figure(go.Bar(
        x=[v for _, v in ordered], y=[r for r, _ in ordered], orientation="h",
        text=[with_unit(v, indicator.unit, 2) for _, v in ordered], textposition="auto",
        marker={"color": COLOURS["observed"]},
    ))
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(ticksuffix=_axis_suffix(indicator.unit))
    fig.update_layout(height=max(260, 50 * len(ordered) + 120))
    return _layout(fig, t("chart.ranking", lang, year=year, name=indicator.name), False, sample, lang)
