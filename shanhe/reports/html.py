"""The report as one self-contained HTML file: plotly inlined once, A4 print styles, every value escaped."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import plotly.graph_objects as go
import plotly.io as pio
from plotly.offline import get_plotlyjs

from shanhe import charts, methodology
from shanhe.catalog import Indicator
from shanhe.formatting import baseline_text, indicator_name, local_time, status_text, target_cell, with_unit
from shanhe.i18n import Lang, t
from shanhe.messages import text
from shanhe.overview import OverviewRow, light_counts, verdict_counts, verdict_table
from shanhe.reports.model import Report, required_cell, sections
from shanhe.rules import LIGHT_COLOURS, VERDICT_LABELS
from shanhe.schedule import past_due_table

e = html.escape
STATIC = {"staticPlot": True, "displayModeBar": False}  # paper: no toolbar, no hover
CSS = """
@page { size: A4; margin: 16mm 14mm; }
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: #222; font-size: 11pt;
       line-height: 1.5; max-width: 190mm; margin: 0 auto; }
h1 { font-size: 22pt; margin-top: 60mm; } h2 { font-size: 15pt; border-bottom: 2px solid #333; margin-top: 0; }
h3 { font-size: 12pt; }
section { break-before: page; } .cover { break-before: auto; text-align: center; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 4mm 0; }
th, td { border: 1px solid #bbb; padding: 2px 4px; vertical-align: top; } th { background: #eee; }
tr { break-inside: avoid; } .chart { break-inside: avoid; margin-bottom: 6mm; }
.chart p { font-size: 9.5pt; margin: 0 0 2mm 0; }
.sample { position: fixed; top: 40%; left: 0; right: 0; text-align: center; font-size: 60pt; font-weight: bold;
          color: rgba(213, 94, 0, 0.15); transform: rotate(-20deg); z-index: 10; pointer-events: none; }
.sample-note { color: #D55E00; font-weight: bold; }
"""


def _table(
    header: Sequence[str], rows: Sequence[Sequence[object]], tint: tuple[int, Sequence[str]] | None = None
) -> str:
    """An escaped table; ``tint`` = (column, one background colour per row)."""
    head = "".join(f"<th>{e(h)}</th>" for h in header)
    body = []
    for n, row in enumerate(rows):
        cells = []
        for m, cell in enumerate(row):
            style = f' style="background:{tint[1][n]}"' if tint and m == tint[0] else ""
            cells.append(f"<td{style}>{e(str(cell))}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _figure(fig: go.Figure) -> str:
    return pio.to_html(fig, include_plotlyjs=False, full_html=False, config=STATIC)


def _target(r: OverviewRow, lang: Lang) -> str:
    target = next(
        (tg for tg in r.indicator.targets_in(r.assessment.region) if tg.year == r.assessment.target_year), None
    )
    return target_cell(r.assessment.target_year, target, r.assessment.unit, lang)


def _verdicts(report: Report, title: str, year: int) -> str:
    """The 目标完成情况 section of ``year``: counts per attribute, binding misses, and one row per indicator."""
    L, s = report.lang, report.summary
    parts = [f"<section><h2>{e(title)}</h2>", f"<p>{e(t('report.verdicts_note', L, year=year))}</p>"]
    parts.append(f"<h3>{e(t('report.verdict_counts', L))}</h3>" + _table(*verdict_counts(s, L)))
    parts += [f"<p>{e(text(line, L))}</p>" for line in s.sentences if line.key.startswith("summary.binding_missed")]
    header, rows = verdict_table(report.verdict_rows, year, report.year, L)
    tints = [
        LIGHT_COLOURS[VERDICT_LABELS[v.label_code].light][1]
        for r in report.verdict_rows
        if (v := r.verdict) is not None
    ]
    parts.append(_table(header, rows, (5, tints)))
    parts.append("</section>")
    return "".join(parts)


def render_html(report: Report, indicators: Mapping[str, Indicator]) -> str:
    L = report.lang
    parts = [
        f'<!DOCTYPE html><html lang="{"zh-CN" if L == "zh" else "en"}"><head><meta charset="utf-8">',
        f"<title>{e(report.title)}</title><style>{CSS}</style>",
        f"<script>{get_plotlyjs()}</script></head><body>",
    ]
    if report.sample:
        parts.append(f'<div class="sample">{e(t("chart.sample", L))}</div>')
    parts.append(f'<div class="cover"><h1>{e(report.title)}</h1><p>{e(report.subtitle)}</p><p>{e(report.as_of)}</p>')
    if report.sample:
        parts.append(f'<p class="sample-note">{e(t("report.sample", L))}</p>')
    parts.append("</div>")

    s = report.summary
    titles = sections(report)
    if report.kind == "final" and s.verdict_year is not None:
        parts.append(_verdicts(report, titles["verdicts"], s.verdict_year))
    parts.append(f"<section><h2>{e(titles['summary'])}</h2>")
    parts += [f"<p>{e(text(line, L))}</p>" for line in s.sentences]
    parts.append(f"<h3>{e(t('report.counts_caption', L))}</h3>")
    parts.append(_table(*light_counts(report.plan, s, L)))
    parts.append(f"<h3>{e(t('report.behind', L))}</h3>")
    binding = [a for a in report.behind if a.binding_behind]
    parts.append(
        _table(
            [t("col.name", L), t("col.label", L), t("col.required", L), t("col.reason", L)],
            [
                [
                    indicator_name(indicators[a.code], L),
                    t(f"label.{a.label_code}", L),
                    required_cell(a, L),
                    text(a.reason, L),
                ]
                for a in binding
            ],
        )
        if binding
        else f"<p>{e(t('report.none_behind', L))}</p>"
    )
    parts.append("</section>")
    if report.kind != "final" and s.verdict_year is not None:
        parts.append(_verdicts(report, titles["verdicts"], s.verdict_year))

    parts.append(f"<section><h2>{e(titles['table'])}</h2>")
    header = [
        t("col.seq", L),
        t("col.name", L),
        t("col.attribute", L),
        t("col.unit", L),
        t("col.baseline", L, base=report.plan.base_year),
        t("col.latest", L),
        t("col.latest_year", L),
        t("col.target", L),
        t("col.status", L),
        t("col.reason", L),
    ]
    rows = [
        [
            a.seq or "",
            indicator_name(r.indicator, L),
            t(f"attribute.{a.attribute or 'none'}", L),
            a.unit,
            baseline_text(r.indicator, L),
            "—" if a.value is None else with_unit(a.value, a.unit, L),
            a.year or "",
            _target(r, L),
            status_text(a.label_code, a.binding_behind, L),
            text(a.reason, L),
        ]
        for r in report.rows
        for a in (r.assessment,)
    ]
    parts.append(_table(header, rows, (8, [LIGHT_COLOURS[r.assessment.light][1] for r in report.rows])))
    parts.append("</section>")

    parts.append(f"<section><h2>{e(titles['narrative'])}</h2>")
    for sec in report.narrative:
        parts.append(f"<h3>{e(sec.title)}</h3>" + "".join(f"<p>{e(p)}</p>" for p in sec.paragraphs))
    parts.append("</section>")

    parts.append(f"<section><h2>{e(titles['charts'])}</h2>")
    by_code = {a.code: a for a in report.assessments}
    for code in report.charts:
        a = by_code[code]
        fig = charts.progress_chart(indicators[code], a, L, sample=report.sample)
        fig.update_layout(width=700, height=380)
        parts.append(f'<div class="chart">{_figure(fig)}<p>{e(text(a.reason, L))}</p></div>')
    parts.append("</section>")

    parts.append(f"<section><h2>{e(titles['projects'])}</h2>")
    parts.append(
        _table(
            [t("col.project", L), t("proj.group", L), t("proj.period", L), t("proj.lead", L), t("col.flag_status", L)],
            [
                [
                    ps.project.name,
                    ps.project.group,
                    f"{ps.project.start_year}–{ps.project.end_year}",
                    ps.project.lead_unit,
                    t(f"status.{ps.status}", L),
                ]
                for ps in report.projects
            ],
        )
    )
    gantt = charts.gantt_chart(report.plan, report.projects, report.today, L, sample=report.sample)
    gantt.update_layout(width=700)
    parts.append(f'<div class="chart">{_figure(gantt)}</div>')
    header, late = past_due_table(report.projects, L)
    parts.append(f"<h3>{e(t('report.overdue', L))}</h3>")
    parts.append(_table(header, late) if late else f"<p>{e(t('proj.none_overdue', L))}</p>")
    parts.append("</section>")

    parts.append(f"<section><h2>{e(t('report.sources', L))}</h2>")
    names = {code: indicator_name(ind, L) for code, ind in indicators.items()}
    parts.append(
        _table(
            [
                t("col.code", L),
                t("col.name", L),
                t("col.year", L),
                t("col.value", L),
                t("col.source", L),
                t("col.entered_by", L),
                t("col.entered_at", L),
            ],
            [
                [
                    o.indicator_code,
                    names.get(o.indicator_code, ""),
                    o.year,
                    with_unit(o.value, indicators[o.indicator_code].unit, L),
                    o.source or "",
                    o.entered_by or "",
                    local_time(o.entered_at),
                ]
                for o in report.sources
            ],
        )
    )
    parts.append(f"<h2>{e(t('report.flags', L))}</h2>")
    parts.append(
        _table(
            [t("col.flag", L), t("about.subjects", L), t("col.literal", L), t("col.problem", L), t("col.reading", L)],
            [[f.id, "、".join(f.subjects), f.literal, f.problem, f.reading] for f in report.flags],
        )
    )
    parts.append(f"<h2>{e(t('report.method', L))}</h2>")
    thresholds = methodology.threshold_rows(L)
    parts.append(_table(list(thresholds[0]), [list(r.values()) for r in thresholds]))
    labels = methodology.label_rows(report.plan, L)
    parts.append(_table(list(labels[0]), [list(r.values()) for r in labels]))
    parts.append("</section></body></html>")
    return "".join(parts)
