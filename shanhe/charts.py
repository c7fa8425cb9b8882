"""Plotly figures for the dashboard and reports, drawn from the chart specs of ``shanhe.chartspec``; no Streamlit.

Chinese text needs a CJK font: the layout names Noto Sans CJK SC first (installed with
fonts-noto-cjk on the server, used for image export) and common desktop fonts after it.
"""

from __future__ import annotations

import datetime as dt
import html
import textwrap
from collections.abc import Sequence

import plotly.graph_objects as go

from shanhe.catalog import Indicator, PlanInfo
from shanhe.chartspec import COLOURS, LineChart, gantt_spec, progress_spec, value_range
from shanhe.formatting import indicator_name, with_unit
from shanhe.i18n import Lang, t
from shanhe.progress import Assessment
from shanhe.schedule import ProjectStatus

FONT = "Noto Sans CJK SC, Microsoft YaHei, PingFang SC, Source Han Sans SC, sans-serif"
HALO = "0 0 3px #FFFFFF, 0 0 3px #FFFFFF, 0 0 2px #FFFFFF"
#: Characters per line of a note under a chart title: notes wrap instead of running off a half-width chart.
NOTE_WIDTH = 26
NO_LINE_START = "、，。；：）》」』”’！？,.;:)"
PNG_CONFIG = {"toImageButtonOptions": {"format": "png", "scale": 2}, "displaylogo": False}


def _layout(fig: go.Figure, title: str, large: bool, watermark: str | None, lang: Lang) -> go.Figure:
    size = 22 if large else 14
    fig.update_layout(
        title={"text": title, "font": {"size": size + 6}},
        font={"family": FONT, "size": size, "color": "#222222"},
        # white style set directly: validating a named template copied it on every page load
        template="none",
        paper_bgcolor="#FFFFFF",
        plot_bgcolor="#FFFFFF",
        margin={"l": 60, "r": 90 if large else 60, "t": 90 if large else 80, "b": 50},
        legend={"orientation": "h", "yanchor": "top", "y": -0.15, "x": 0},
        hovermode="x unified",
    )
    fig.update_xaxes(gridcolor="#EBEBEB", linecolor="#BBBBBB", zeroline=False)
    fig.update_yaxes(gridcolor="#EBEBEB", linecolor="#BBBBBB", zeroline=False)
    if watermark:
        fig.add_annotation(
            text=watermark,
            xref="paper",
            yref="paper",
            x=0.5,
            y=0.5,
            showarrow=False,
            font={"size": 64 if large else 48, "color": "rgba(213,94,0,0.18)"},
            textangle=-20,
        )
    return fig


def _axis_suffix(unit: str) -> str:
    return unit if unit in ("%", "‰") else ""


_DASH = {"solid": None, "dash": "dash", "dot": "dot"}


def progress_chart(
    indicator: Indicator, a: Assessment, lang: Lang, *, sample: bool = False, large: bool = False
) -> go.Figure:
    """The indicator's progress chart (``chartspec.progress_spec``) as a plotly figure."""
    return line_figure(progress_spec(indicator, a, lang, sample=sample), lang, large=large)


def line_figure(spec: LineChart, lang: Lang, *, large: bool = False) -> go.Figure:
    fig = go.Figure()
    for m in spec.marks:
        if m.mode == "band":
            fig.add_trace(
                go.Scatter(
                    x=m.xs,
                    y=m.ys,
                    fill="toself",
                    mode="lines",
                    line={"width": 0},
                    fillcolor=m.colour,
                    name=m.name,
                    hoverinfo="skip",
                )
            )
            continue
        line = {"color": m.colour, "width": m.width}
        if _DASH[m.dash]:
            line["dash"] = _DASH[m.dash]
        trace = {
            "x": m.xs,
            "y": m.ys,
            "name": m.name,
            "mode": m.mode,
            "showlegend": m.legend,
            "marker": {"symbol": m.symbol, "size": m.size, "color": m.colour},
        }
        if "lines" in m.mode:
            trace["line"] = line
        if m.label:
            trace.update(
                mode="markers+text",
                text=[m.label],
                textposition=f"{'top' if m.label_above else 'bottom'} {m.label_side}",
                # a white halo keeps a label readable where it crosses a line; unclipped, so a label beside the
                # last point is not cut at the plot's edge (the right margin leaves it room)
                textfont={"color": m.colour, "shadow": HALO},
                cliponaxis=False,
            )
        fig.add_trace(go.Scatter(**trace))
    # the year ticks speak for themselves: no 年份 title to collide with the legend under the axis
    fig.update_xaxes(range=list(spec.x_range), dtick=1)
    fig.update_yaxes(title=spec.y_title, ticksuffix=spec.y_suffix, range=list(spec.y_range) if spec.y_range else None)
    title = spec.title
    lines = [line for note in spec.notes for line in _wrap_note(note, lang)]
    if lines:
        title += "".join(f"<br><sup>{html.escape(line)}</sup>" for line in lines)
    fig = _layout(fig, title, large, spec.watermark, lang)
    # the title hangs from the top, and the plot starts below its last line (with room for a label above a point)
    # plotly anchors a multi-line title by its first line, so the lines under it push the whole title up past the
    # chart's top edge (two notes: 9 px at 14 px type, 18 px at 22 px): pad it down by a little more than that
    drop = (12 if large else 6) * len(lines)
    fig.update_layout(
        title={"y": 1, "yref": "container", "yanchor": "top", "pad": {"t": 14 + drop}},
        margin={"t": (90 if large else 72) + (30 if large else 22) * len(lines) + drop},
    )
    return fig


def _wrap_note(note: str, lang: Lang) -> list[str]:
    """English wraps between words; Chinese anywhere (it has no spaces)."""
    return textwrap.wrap(note, NOTE_WIDTH * 2 - 6) if lang == "en" else _wrap(note, NOTE_WIDTH)


def _two_lines(text: str, width: int) -> str:
    """A project label in at most two lines (the full name is in the hover text)."""
    lines = _wrap(text, width)
    if len(lines) > 2:
        lines = _wrap(text[: 2 * width - 1], width)[:2]
        lines[-1] += "…"
    return "<br>".join(lines)


def _wrap(text: str, width: int) -> list[str]:
    """Split text into balanced lines of at most ``width`` characters (Chinese has no spaces to break at), so no
    line holds one orphaned character."""
    count = max(1, -(-len(text) // width))
    size = -(-len(text) // count)
    lines = [text[i : i + size] for i in range(0, len(text), size)] or [""]
    for n in range(1, len(lines)):  # a line never starts with closing punctuation: it joins the line before
        while lines[n] and lines[n][0] in NO_LINE_START:
            lines[n - 1], lines[n] = lines[n - 1] + lines[n][0], lines[n][1:]
    return [line for line in lines if line]


def _bar_marker(colour: str, outlined: bool, unknown: bool) -> dict[str, object]:
    """确认逾期: solid with a thick black outline; 过期未录入完成情况: pale, hatched and grey-outlined (not known
    to be late, only not reported); others solid."""
    if unknown:
        return {
            "color": colour,
            "pattern": {"shape": "/", "fgcolor": "#777777", "size": 8, "solidity": 0.25},
            "line": {"width": 2, "color": "#555555"},
        }
    return {"color": colour, "line": {"width": 3 if outlined else 0, "color": "#000000"}}


def _hover(*lines: str) -> str:
    """Hover text from data, staff-typed milestone titles included: escaped, so plotly draws it as text
    (no tags, links or images), and passed as data, so '%{…}' in it is never a template field."""
    return "<br>".join(html.escape(line) for line in lines)


def gantt_chart(
    plan: PlanInfo,
    statuses: Sequence[ProjectStatus],
    today: dt.date,
    lang: Lang,
    *,
    large: bool = False,
    sample: bool = False,
) -> go.Figure:
    """The projects' Gantt chart (``chartspec.gantt_spec``) as a plotly figure."""
    spec = gantt_spec(plan, statuses, today, lang, sample=sample)
    fig = go.Figure()
    shown: set[str] = set()
    for row in spec.rows:
        fig.add_trace(
            go.Bar(
                # on a date axis a bar's length is a duration in milliseconds
                y=[row.label],
                x=[((row.end - row.start).days + 1) * 86_400_000],
                base=[row.start.isoformat()],
                orientation="h",
                marker=_bar_marker(row.colour, row.outlined, row.status_code == "unreported"),
                name=row.status,
                legendgroup=row.status_code,
                showlegend=row.status_code not in shown,
                customdata=[_hover(row.name, f"{row.start.year}–{row.end.year}", row.status)],
                hovertemplate="%{customdata}<extra></extra>",
            )
        )
        shown.add(row.status_code)
        for m in row.milestones:
            fig.add_trace(
                go.Scatter(
                    y=[row.label],
                    x=[m.due.isoformat()],
                    mode="markers",
                    showlegend=False,
                    marker={
                        "symbol": "diamond",
                        "size": 14,
                        "color": m.colour,
                        "line": {"width": 2, "color": "#000000"},
                    },
                    customdata=[_hover(m.title, m.status)],
                    hovertemplate="%{customdata}<extra></extra>",
                )
            )
    fig.add_vline(x=spec.today.isoformat(), line={"dash": "dot", "color": "#000000"})
    fig.add_annotation(
        x=spec.today.isoformat(), y=1, yref="paper", text=spec.today_label, showarrow=False, yanchor="bottom"
    )
    fig.update_xaxes(
        type="date", range=[spec.x_start.isoformat(), spec.x_end.isoformat()], dtick="M12", tickformat="%Y"
    )
    labels = [r.label for r in spec.rows]
    # long project names wrap onto two lines, and the margin grows to fit them: never cut, never tiny
    fig.update_yaxes(
        autorange="reversed",
        categoryorder="array",
        categoryarray=labels,
        tickvals=labels,
        ticktext=[_two_lines(label, 15) for label in labels],
        automargin=True,
        tickfont={"color": "#222222"},
    )
    fig.update_layout(barmode="overlay", height=max(420, 56 * len(spec.rows) + 160))
    return _layout(fig, spec.title, large, spec.watermark, lang)


def ranking_chart(
    indicator: Indicator,
    values: Sequence[tuple[str, float]],
    year: int,
    lang: Lang,
    *,
    sample: bool = False,
    district: tuple[str, float] | None = None,
    target: tuple[str, float] | None = None,
) -> go.Figure:
    """Towns for one year, best first by the indicator's direction. The district is a reference line, not a bar
    ranked among its own towns; ``target`` (label, value) another line. The axis spans the data, not 0–100, so
    69 % and 74 % do not look alike."""
    unit = indicator.unit
    ordered = sorted(values, key=lambda rv: rv[1], reverse=indicator.direction == "higher")
    fig = go.Figure(
        go.Bar(
            x=[v for _, v in ordered],
            y=[r for r, _ in ordered],
            orientation="h",
            text=[with_unit(v, unit, lang, digits=2) for _, v in ordered],
            textposition="auto",
            marker={"color": COLOURS["observed"]},
            showlegend=False,
        )
    )
    lines = [(name, v, "#000000", "dot") for name, v in ([district] if district else [])]
    lines += [(name, v, COLOURS["target"], "dash") for name, v in ([target] if target else [])]
    for n, (name, value, colour, dash) in enumerate(lines):  # labels one above the other, never on each other
        fig.add_vline(x=value, line={"color": colour, "dash": dash, "width": 2})
        fig.add_annotation(
            x=value,
            y=1,
            yref="paper",
            yanchor="bottom",
            yshift=4 + 22 * n,
            showarrow=False,
            font={"color": colour},
            text=html.escape(name),
        )
    span = value_range([v for _, v in ordered] + [v for _, v, _, _ in lines], unit)
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(ticksuffix=_axis_suffix(unit), range=list(span) if span else None)
    fig.update_layout(height=max(300, 50 * len(ordered) + 170))
    title = t("chart.ranking", lang, year=year, name=indicator_name(indicator, lang))
    fig = _layout(fig, title, False, t("chart.sample", lang) if sample else None, lang)
    fig.update_layout(margin={"t": 90 + 22 * len(lines)})
    return fig
