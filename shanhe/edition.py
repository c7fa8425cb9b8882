"""The static read-only edition: what leaders read, as plain HTML + CSS + inline SVG.

For office PCs whose browsers cannot run Streamlit (Chromium ≤ 111: 360安全浏览器, 奇安信, Chrome 109 on
Windows 7), for the fastest first screen in a big meeting, and for 信息公开 on the government portal
(``public``: no staff names, no internal notes). Every page is built from the same engine, texts and
chart specs as the dashboard; nothing here decides a light or words a sentence on its own.

Pages sit side by side in one folder (``index.html``, ``indicator-I07.html``, ``projects.html``, …; English
as ``*.en.html``) so relative links work wherever the folder is served, and nginx can serve them at the
dashboard's own URLs with one ``<base>``. The same store always gives the same bytes: the only dates are
the data's own (data version, latest batch), never the time of publishing.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Mapping, Sequence

from plotly.offline import get_plotlyjs
from pydantic import BaseModel, ConfigDict

from shanhe import clock, methodology, svg
from shanhe.catalog import Flag, Goal, Indicator, PlanInfo, Project, Theme
from shanhe.charts import line_figure
from shanhe.chartspec import gantt_spec, progress_spec
from shanhe.entry.milestones import latest_updates
from shanhe.formatting import (
    baseline_text,
    indicator_name,
    local_time,
    measure_text,
    progress_figures,
    status_text,
    target_text,
    verdict_label,
    with_unit,
    year_list,
)
from shanhe.i18n import LANGS, Lang, t
from shanhe.matrix import matrix_html
from shanhe.messages import text
from shanhe.models import Batch, MilestoneUpdate, Observation
from shanhe.overview import Overview, OverviewRow, build_overview, verdict_counts, verdict_table, verdict_target
from shanhe.progress import default_year
from shanhe.schedule import ProjectStatus, past_due_table, project_status
from shanhe.store import Store
from shanhe.strip import strip_html

e = html.escape
#: Where nginx puts the head additions (``<base>``) and the old-browser notice when it serves these pages.
HEAD_MARK, NOTICE_MARK = "<!--shanhe-head-->", "<!--shanhe-notice-->"
#: The optional interactive chart, ES5 so that any browser parses it: a button that loads plotly and draws the
#: embedded figure in place of the SVG; if anything fails (an old engine, no network) the SVG simply stays.
ENHANCE_JS = """
(function () {
  if (!document.querySelectorAll || !window.JSON) { return; }
  var boxes = document.querySelectorAll("[data-figure]");
  var label = document.documentElement.lang === "en" ? "Interactive chart" : "交互图表";
  function load(then) {
    if (window.Plotly) { then(); return; }
    var script = document.createElement("script");
    script.src = "plotly.min.js";
    script.onload = then;
    document.head.appendChild(script);
  }
  function offer(box) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "enhance";
    button.appendChild(document.createTextNode(label));
    button.onclick = function () {
      load(function () {
        try {
          var figure = JSON.parse(document.getElementById(box.getAttribute("data-figure")).textContent);
          var target = document.createElement("div");
          window.Plotly.newPlot(target, figure.data, figure.layout, {displaylogo: false, responsive: true})
            .then(function () { box.innerHTML = ""; box.appendChild(target); });
        } catch (err) { button.disabled = true; }
      });
    };
    box.parentNode.insertBefore(button, box);
  }
  for (var i = 0; i < boxes.length; i++) { offer(boxes[i]); }
})();
"""
CSS = """
body { margin: 0; font-family: "Microsoft YaHei", "Noto Sans CJK SC", "PingFang SC", SimHei, sans-serif; color: #222;
       font-size: 16px; line-height: 1.6; background: #fff; }
header.top { background: #1f3b57; color: #fff; padding: 10px 24px; }
header.top a { color: #fff; margin-right: 18px; text-decoration: none; }
header.top .brand { font-size: 18px; font-weight: bold; margin-bottom: 4px; }
main { max-width: 1200px; margin: 0 auto; padding: 8px 24px 40px; }
h1 { font-size: 28px; margin: 18px 0 6px; } h2 { font-size: 22px; margin: 28px 0 10px; } h3 { font-size: 18px; }
.caption { color: #555; font-size: 14px; }
.notice { background: #fff3cd; border-bottom: 1px solid #e0c068; padding: 8px 24px; font-size: 15px; }
.sample { background: #fde3d6; color: #8a2a00; padding: 8px 24px; font-weight: bold; }
.box { padding: 10px 14px; border-radius: 6px; margin: 10px 0; }
.box.green { background: #D5EFE8; } .box.amber { background: #FBEBCC; } .box.red { background: #F7DCCC; }
.box.grey { background: #EEEEEE; } .box.warn { background: #fff3cd; }
table.t { border-collapse: collapse; width: 100%; font-size: 14px; margin: 8px 0 16px; }
table.t th { text-align: left; background: #f0f0f0; border-bottom: 2px solid #999; padding: 4px 8px; }
table.t td { border-bottom: 1px solid #ddd; padding: 4px 8px; vertical-align: top; min-width: 3.5em; }
.metrics { display: flex; flex-wrap: wrap; } .metrics div { margin: 0 40px 10px 0; }
.metrics b { display: block; font-size: 24px; }
.chart { overflow-x: auto; margin: 10px 0; } .chart svg { max-width: 100%; height: auto; }
.cols { display: flex; flex-wrap: wrap; } .cols > div { flex: 1 1 520px; margin-right: 16px; }
button.enhance { font-size: 13px; margin: 4px 0; }
footer { color: #555; font-size: 13px; border-top: 1px solid #ddd; padding: 12px 24px; }
"""


class EditionData(BaseModel):
    """Everything the edition shows, read from the store once."""

    model_config = ConfigDict(arbitrary_types_allowed=True, frozen=True)
    plan: PlanInfo
    indicators: tuple[Indicator, ...]
    current: tuple[Observation, ...]
    flags: tuple[Flag, ...]
    projects: tuple[Project, ...]
    themes: tuple[Theme, ...]
    goals: tuple[Goal, ...]
    updates: dict[str, MilestoneUpdate]
    latest_batch: Batch | None
    version: str
    sample: bool
    today: dt.date


def read(store: Store) -> EditionData:
    return EditionData(
        plan=store.plan_info(),
        indicators=tuple(store.indicators()),
        current=tuple(store.current_observations()),
        flags=tuple(store.flags()),
        projects=tuple(store.projects()),
        themes=tuple(store.themes()),
        goals=tuple(store.goals()),
        updates=latest_updates(store),
        latest_batch=store.latest_batch(),
        version=edition_version(store),
        sample=store.meta("sample_data") == "1",
        today=clock.today(),
    )


def edition_version(store: Store) -> str:
    """The store's data version as text (plan digest, then the newest batch, target, milestone update, staff
    milestone and region count): what every page is stamped with, and whether a published edition is current."""
    digest, *counters = store.data_version()
    return ".".join([(digest or "none")[:8], *map(str, counters)])


def build(data: EditionData, *, public: bool = False) -> dict[str, bytes]:
    """Every file of the edition, by name."""
    region = data.plan.default_region
    year = default_year(data.current, region, data.today.year, data.plan.years)
    view = build_overview(data.plan, data.indicators, data.current, region, year)
    done = {k: u.completed_on for k, u in data.updates.items() if u.status == "done" and u.completed_on}
    noted = {k for k, u in data.updates.items() if u.status != "done"}
    statuses = [project_status(p, data.today, done, noted) for p in data.projects]
    files: dict[str, bytes] = {"style.css": CSS.lstrip().encode("utf-8")}
    for lang in LANGS:
        site = _Site(data, lang, public, view)
        pages = {
            "index": (t("overview.title", lang), site.overview()),
            "projects": (t("proj.title", lang, table=data.plan.project_table.label(lang)), site.projects(statuses)),
            "themes": (data.plan.themes_heading.label(lang), site.themes(statuses)),
            "methodology": (t("method.title", lang), site.methodology()),
            "about": (t("about.title", lang), site.about()),
            "staff": (t("static.staff_title", lang), site.staff()),
        }
        for row in view.rows:
            pages[f"indicator-{row.indicator.code}"] = (indicator_name(row.indicator, lang), site.indicator(row))
        for name, (title, body) in pages.items():
            files[page_file(name, lang)] = site.page(name, title, body).encode("utf-8")
    files["enhance.js"] = ENHANCE_JS.lstrip().encode("utf-8")
    files["plotly.min.js"] = get_plotlyjs().encode("utf-8")
    files["version.txt"] = (data.version + "\n").encode("utf-8")
    return files


def page_file(name: str, lang: Lang) -> str:
    return f"{name}.html" if lang == "zh" else f"{name}.en.html"


class _Site:
    """The pages of one language."""

    def __init__(self, data: EditionData, lang: Lang, public: bool, view: Overview) -> None:
        self.data, self.lang, self.public, self.view = data, lang, public, view
        self.by_code = {i.code: i for i in data.indicators}

    # ---- frame -----------------------------------------------------------------
    def link(self, name: str) -> str:
        return page_file(name, self.lang)

    def indicator_link(self, code: str) -> str:
        return self.link(f"indicator-{code}")

    def page(self, name: str, title: str, body: str) -> str:
        L, d = self.lang, self.data
        brand = t("static.brand", L, title=d.plan.short_title)
        script = '<script src="enhance.js" defer></script>' if "data-figure=" in body else ""
        other: Lang = "en" if L == "zh" else "zh"
        nav = "".join(
            f'<a href="{self.link(n)}">{e(label)}</a>'
            for n, label in (
                ("index", t("nav.overview", L)),
                ("projects", t("nav.projects", L)),
                ("themes", d.plan.themes_heading.label(L)),
                ("methodology", t("nav.methodology", L)),
                ("about", t("nav.about", L)),
            )
        )
        nav += f'<a href="{page_file(name, other)}">{"English" if other == "en" else "中文"}</a>'
        batch = d.latest_batch
        stamp = t(
            "static.stamp", L, version=d.version, when=local_time(batch.created_at) if batch else t("static.no_data", L)
        )
        live = "" if self.public else f' · <a href="../">{e(t("static.live", L))}</a>'
        sample = f'<div class="sample">{e(t("app.sample_banner", L))}</div>' if d.sample else ""
        return (
            f'<!DOCTYPE html><html lang="{"zh-CN" if L == "zh" else "en"}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">{HEAD_MARK}'
            f'<title>{e(title)} · {e(brand)}</title><link rel="stylesheet" href="style.css">'
            f'{script}</head><body>{NOTICE_MARK}<header class="top"><div class="brand">{e(brand)}'
            f"</div><nav>{nav}</nav></header>{sample}<main>{body}</main><footer>{e(stamp)}"
            f"{e(' · ' + t('static.readonly', L))}{live}</footer></body></html>\n"
        )

    def table(self, header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
        head = "".join(f"<th>{e(str(h))}</th>" for h in header)
        body = "".join("<tr>" + "".join(f"<td>{e(str(c))}</td>" for c in row) + "</tr>" for row in rows)
        return f'<table class="t"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'

    # ---- pages -----------------------------------------------------------------
    def overview(self) -> str:
        L, view = self.lang, self.view
        s = view.summary
        parts = [
            f"<h1>{e(t('overview.title', L))}</h1>",
            f'<p class="caption">{e(t("static.caption", L, number=self.data.plan.document_number, title=self.data.plan.short_title, year=view.year))}</p>',  # noqa: E501
            strip_html(view.summary, view.rows, L, self.indicator_link),
        ]
        parts.append("<ul>" + "".join(f"<li>{e(text(line, L))}</li>" for line in s.sentences) + "</ul>")
        if view.verdict_year is not None:
            parts.append(f"<h2>{e(t('report.verdicts', L, year=view.verdict_year))}</h2>")
            parts.append(f'<p class="caption">{e(t("report.verdicts_note", L, year=view.verdict_year))}</p>')
            parts.append(self.table(*verdict_counts(s, L)))
            parts.append(self.table(*verdict_table(view.rows, view.verdict_year, view.year, L)))
        parts.append(f'<h2>{e(t("overview.headline", L))}</h2><div class="cols">')
        for code in self.data.plan.headline:
            row = next(r for r in view.rows if r.indicator.code == code)
            parts.append(f"<div>{self.chart(row.indicator.code)}<p>{e(text(row.assessment.reason, L))}</p></div>")
        parts.append("</div>")
        parts.append(f"<h2>{e(t('overview.matrix', L))}</h2>")
        for category in self.data.plan.categories:
            rows = [r for r in view.rows if r.assessment.category == category.name and r.assessment.seq is not None]
            parts.append(f"<h3>{e(category.label(L))}</h3>")
            parts.append(matrix_html(rows, L, self.indicator_link, view.verdict_year))
        parts.append(f"<h2>{e(t('overview.supplementary', L, table=self.data.plan.indicator_table.label(L)))}</h2>")
        parts.append(
            matrix_html([r for r in view.rows if r.assessment.seq is None], L, self.indicator_link, view.verdict_year)
        )
        return "".join(parts)

    def chart(self, code: str, width: int = 560, height: int = 400) -> str:
        """The chart as inline SVG, and the same spec as a plotly figure for the optional interactive view
        (``enhance.js`` offers it where the browser can run plotly; nothing changes where it cannot)."""
        row = next(r for r in self.view.rows if r.indicator.code == code)
        spec = progress_spec(row.indicator, row.assessment, self.lang, sample=self.data.sample)
        figure = line_figure(spec, self.lang).to_json().replace("</", "<\\/")
        return (
            f'<div class="chart" data-figure="fig-{code}">'
            f"{svg.line_chart(spec, width, height, chart_id=f'chart-{code}')}</div>"
            f'<script type="application/json" id="fig-{code}">{figure}</script>'
        )

    def indicator(self, row: OverviewRow) -> str:
        L, d = self.lang, self.data
        ind, a = row.indicator, row.assessment
        parts = [
            f"<h1>{e(indicator_name(ind, L))}</h1>",
            f'<div class="box {a.light}"><b>{e(status_text(a.label_code, a.binding_behind, L))}</b>'
            f"：{e(text(a.reason, L))}</div>",
        ]
        if a.baseline_conflict and a.baseline_observed is not None and a.plan_start_value is not None:
            conflict = t(
                "ind.baseline_conflict",
                L,
                year=a.plan_start_year,
                observed=with_unit(a.baseline_observed, a.unit, L),
                baseline=with_unit(a.plan_start_value, a.unit, L),
            )
            parts.append(f'<div class="box warn">{e(conflict)}</div>')
        if a.stale:
            parts.append(f'<div class="box warn">{e(t("ind.stale", L, year=a.year))}</div>')
        due = [v for v in a.verdicts if v.verdict != "qualitative"]
        if due:
            parts.append(f"<h2>{e(t('ind.verdicts', L))}</h2>")
            parts.append(
                self.table(
                    [
                        t("col.year", L),
                        t("col.target", L),
                        t("col.value", L),
                        t("col.verdict_short", L),
                        t("col.target_source", L),
                        t("col.verdict_reason", L),
                    ],
                    [
                        [
                            v.target_year,
                            verdict_target(v, a.unit, L),
                            "—" if v.actual_value is None else with_unit(v.actual_value, a.unit, L),
                            verdict_label(v.label_code, L),
                            v.source,
                            text(v.reason, L),
                        ]
                        for v in due
                    ],
                )
            )
        parts.append(self.chart(ind.code, 900, 440))
        if figures := progress_figures(a, L):
            parts.append(
                '<div class="metrics">'
                + "".join(f"<div>{e(label)}<b>{e(value)}</b></div>" for label, value in figures)
                + "</div>"
            )
        mine = sorted((o for o in d.current if o.indicator_code == ind.code), key=lambda o: (o.region, o.year))
        parts.append(f"<h2>{e(t('ind.values', L))}</h2>")
        if mine:
            header = [t("col.year", L), t("col.region", L), t("col.value", L), t("col.source", L)]
            if not self.public:
                header += [t("col.note", L), t("col.entered_by", L), t("col.entered_at", L)]
            parts.append(
                self.table(
                    header,
                    [
                        [
                            o.year,
                            o.region,
                            with_unit(o.value, ind.unit, L),
                            o.source or "",
                            *(() if self.public else (o.note or "", o.entered_by or "", local_time(o.entered_at))),
                        ]
                        for o in mine
                    ],
                )
            )
        else:
            parts.append(f"<p>{e(t('ind.no_values', L))}</p>")
        baseline = t("ind.baseline_line", L, base=ind.baseline.year, text=baseline_text(ind, L), source=ind.source)
        parts.append(
            f"<h2>{e(t('ind.plan', L))}</h2><ul><li>{e(baseline)}</li>"
            f"<li>{e(t('ind.measure', L, measure=measure_text(ind, L)))}</li></ul>"
        )
        parts.append(
            self.table(
                [t("col.year", L), t("col.target", L), t("col.source", L), t("col.note", L), t("col.flag_status", L)],
                [
                    [
                        tg.year,
                        target_text(tg, ind.unit, L),
                        tg.source,
                        tg.note or "",
                        t("ind.in_force" if in_force else "ind.replaced", L),
                    ]
                    for in_force, targets in ((True, ind.targets_in(a.region)), (False, ind.replaced))
                    for tg in targets
                ],
            )
        )
        flags = [f for f in d.flags if f.id in ind.flags]
        parts.append(f"<h2>{e(t('ind.flags', L))}</h2>")
        parts.append(self.flag_table(flags) if flags else f"<p>{e(t('ind.no_flags', L))}</p>")
        return "".join(parts)

    def flag_table(self, flags: Sequence[Flag]) -> str:
        L = self.lang
        return self.table(
            [
                t("col.flag", L),
                t("about.subjects", L),
                t("col.literal", L),
                t("col.problem", L),
                t("col.reading", L),
                t("col.flag_status", L),
            ],
            [[f.id, "、".join(f.subjects), f.literal, f.problem, f.reading, f.status] for f in flags],
        )

    def projects(self, statuses: Sequence[ProjectStatus]) -> str:
        L, d = self.lang, self.data
        spec = gantt_spec(d.plan, statuses, d.today, L, sample=d.sample)
        parts = [
            f"<h1>{e(t('proj.title', L, table=self.data.plan.project_table.label(L)))}</h1>",
            f'<p class="caption">{e(t("proj.status_note", L, today=d.today.isoformat()))}</p>',
            f'<div class="chart">{svg.gantt(spec, chart_id="gantt")}</div>',
            f"<h2>{e(t('proj.overdue', L))}</h2>",
        ]
        header, late = past_due_table(statuses, L)
        parts.append(self.table(header, late) if late else f"<p>{e(t('proj.none_overdue', L))}</p>")
        for s in statuses:
            p = s.project
            parts.append(f"<h2>{e(p.name)} — {e(t('status.' + s.status, L))}</h2>")
            parts.append(
                "<ul>"
                + "".join(
                    f"<li>{e(line)}</li>"
                    for line in (
                        f"{t('proj.group', L)}：{self.data.plan.project_group(p.group).label(L)} / {p.subgroup}",
                        f"{t('proj.period', L)}：{p.start_year}–{p.end_year}",
                        f"{t('proj.investment', L)}：{p.investment}",
                        f"{t('proj.lead', L)}：{p.lead_unit}",
                        f"{t('col.source', L)}：{p.source}",
                    )
                )
                + "</ul>"
            )
            parts.append(f"<p><b>{e(t('proj.overview', L))}</b>：{e(p.overview)}</p>")
            header = [
                t("col.milestone", L),
                t("col.due", L),
                t("col.due_text", L),
                t("col.basis", L),
                t("col.flag_status", L),
                t("col.source", L),
            ]
            if not self.public:
                header.append(t("ms.note", L))
            parts.append(
                self.table(
                    header,
                    [
                        [
                            m.milestone.title,
                            m.milestone.due.isoformat(),
                            m.milestone.due_text,
                            t(f"basis.{m.milestone.basis}", L),
                            t(f"status.{m.status}", L),
                            m.milestone.source,
                            *(
                                ()
                                if self.public
                                else ((d.updates[m.milestone.id].note or "") if m.milestone.id in d.updates else "",)
                            ),
                        ]
                        for m in s.milestones
                    ],
                )
            )
        return "".join(parts)

    def themes(self, statuses: Sequence[ProjectStatus]) -> str:
        L = self.lang
        rows = {r.indicator.code: r for r in self.view.rows}
        heading = self.data.plan.themes_heading
        parts = [f"<h1>{e(heading.label(L))}</h1>", f'<p class="caption">{e(heading.note_label(L))}</p>']
        for theme in self.data.themes:
            parts.append(
                f"<h2>{e(theme.name)}（{e(theme.scope)}）</h2>"
                f'<p class="caption">{e(t("themes.scope", L, scope=theme.scope, source=theme.source))}</p>'
                f"<p>{e(theme.description)}</p><h3>{e(t('themes.indicators', L))}</h3>"
            )
            parts.append(
                matrix_html([rows[c] for c in theme.indicators], L, self.indicator_link, self.view.verdict_year)
            )
            parts.append(f"<h3>{e(t('themes.projects', L))}</h3>")
            parts.append(
                self.table(
                    [t("col.project", L), t("col.flag_status", L)],
                    [
                        [s.project.name, t(f"status.{s.status}", L)]
                        for s in statuses
                        if s.project.group == theme.project_group
                    ],
                )
            )
        return "".join(parts)

    def methodology(self) -> str:
        L, plan = self.lang, self.data.plan
        parts = [
            f"<h1>{e(t('method.title', L))}</h1>",
            markdown(t("method.intro", L)),
            f"<h2>{e(t('method.steps_title', L))}</h2>",
            markdown(methodology.steps_text(plan, L)),
            markdown(t("method.why_path", L)),
            f"<h2>{e(t('method.verdicts_title', L))}</h2>",
            self.dict_table(methodology.verdict_rows(plan, L)),
            f"<h2>{e(t('method.thresholds_title', L))}</h2>",
            self.dict_table(methodology.threshold_rows(L)),
            f"<h2>{e(t('method.labels_title', L))}</h2>",
            self.dict_table(methodology.label_rows(plan, L)),
            f"<h2>{e(t('method.precision_title', L))}</h2>",
            markdown(t("method.precision", L)),
            self.dict_table(methodology.precision_rows(self.data.indicators, L)),
            markdown(methodology.stale_text(plan, L)),
            f"<h2>{e(t('method.trend_title', L))}</h2>",
            markdown(methodology.trend_text(L)),
            f"<h2>{e(t('method.examples_title', L))}</h2>",
        ]
        for ind, a, sample in methodology.examples(
            [self.by_code[c] for c in plan.headline], self.data.current, self.view.year, plan.default_region
        ):
            caption = t("method.example_caption", L, name=indicator_name(ind, L), code=ind.code, year=a.evaluation_year)
            parts.append(f"<h3>{e(caption)}</h3>")
            if sample:
                parts.append(f'<div class="box warn">{e(t("method.sample_note", L))}</div>')
            parts.append(self.dict_table(methodology.worked_steps(a, L)))
        return "".join(parts)

    def dict_table(self, rows: Sequence[Mapping[str, str]]) -> str:
        return self.table(list(rows[0]), [list(r.values()) for r in rows]) if rows else ""

    def about(self) -> str:
        L, plan = self.lang, self.data.plan
        parts = [
            f"<h1>{e(t('about.title', L))}</h1>",
            f"<h2>{e(t('about.plan', L))}</h2>",
            f"<p><b>{e(plan.title)}</b></p><ul>"
            f"<li>{e(t('about.number', L))}：{e(plan.document_number)}（{e(plan.document_number_source)}）</li>"
            f"<li>{e(t('about.issuer', L))}：{e(plan.issuer)}</li>"
            f"<li>{e(t('about.issued_on', L))}：{plan.issued_on.isoformat()}（{e(plan.issued_on_source)}）</li>"
            "</ul>",
            f"<h2>{e(t('about.periods', L))}</h2><ul>"
            + "".join(f"<li>{e(p.name)}：{p.start}–{p.end}（{e(p.source)}）</li>" for p in plan.periods)
            + "</ul>",
            f"<h2>{e(t('about.goals', L, years=year_list((g.year for g in self.data.goals), L)))}</h2>",
            self.table(
                [t("col.year", L), t("about.theme", L), t("col.literal", L), t("col.source", L)],
                [[g.year, g.theme, g.text, g.source] for g in self.data.goals],
            ),
            f"<h2>{e(t('about.evaluations', L))}</h2><ul>"
            + "".join(f"<li>{e(ev.name)}（{e(ev.source)}）</li>" for ev in plan.evaluations)
            + "</ul>"
            f'<p class="caption">{e(plan.evaluation_reporting)}（{e(plan.evaluation_reporting_source)}）</p>',
            f"<h2>{e(t('about.sources', L))}</h2>",
        ]
        counts: dict[str, int] = {}
        for o in self.data.current:
            counts[o.source or "—"] = counts.get(o.source or "—", 0) + 1
        parts.append(
            self.table([t("col.source", L), t("about.rows", L)], sorted(counts.items()))
            if counts
            else f"<p>{e(t('about.no_sources', L))}</p>"
        )
        parts.append(f"<h2>{e(t('about.flags', L))}</h2>" + self.flag_table(self.data.flags))
        return "".join(parts)

    def staff(self) -> str:
        L = self.lang
        return (
            f"<h1>{e(t('static.staff_title', L))}</h1><p>{e(t('static.staff_text', L))}</p>"
            f'<p><a href="{self.link("index")}">{e(t("static.back", L))}</a></p>'
        )


def markdown(source: str) -> str:
    """The few Markdown forms our own i18n texts use (paragraphs, '- ' and '1. ' lists, **bold**), as HTML.
    For trusted texts from the i18n table only: everything is escaped first."""
    out: list[str] = []
    kind = None
    for line in source.splitlines():
        bullet = re.match(r"^(- |\d+\. )(.*)$", line)
        wanted = ("ul" if bullet.group(1) == "- " else "ol") if bullet else None
        if kind and kind != wanted:
            out.append(f"</{kind}>")
            kind = None
        body = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", e(bullet.group(2) if bullet else line))
        if wanted:
            if kind is None:
                out.append(f"<{wanted}>")
                kind = wanted
            out.append(f"<li>{body}</li>")
        elif line.strip():
            out.append(f"<p>{body}</p>")
    if kind:
        out.append(f"</{kind}>")
    return "".join(out)
