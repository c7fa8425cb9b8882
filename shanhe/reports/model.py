"""The evaluation report (年度调度 / 中期评估 / 末期考核) as data: every number comes from the store.

The renderers (``report_html``, ``report_pptx``, ``report_pdf``) only lay this out.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel

from shanhe import clock
from shanhe.catalog import Flag, Indicator, PlanInfo
from shanhe.entry.milestones import completions, recorded
from shanhe.formatting import amount, indicator_name, local_time, with_unit
from shanhe.i18n import Lang, t
from shanhe.models import Observation
from shanhe.overview import OverviewRow, build_overview
from shanhe.progress import Assessment
from shanhe.schedule import ProjectStatus, project_status
from shanhe.store import Store
from shanhe.summary import VERDICT_GROUPS, Summary

Kind = Literal["annual", "midterm", "final"]
KINDS: tuple[Kind, ...] = ("annual", "midterm", "final")
_ORDER = {"off_track": 0, "not_met": 0, "behind": 1, "accelerate": 2}
#: The 目标完成情况 table reads misses first, then what cannot be judged, then what was met.
_VERDICT_ORDER = {"missed": 0, "no_data": 1, "no_base": 1, "awaiting": 2, "met": 3}


class Section(BaseModel):
    title: str
    paragraphs: list[str]


class Report(BaseModel):
    plan: PlanInfo
    kind: Kind
    lang: Lang
    year: int
    today: dt.date
    region: str
    title: str
    subtitle: str
    as_of: str
    sample: bool
    summary: Summary
    rows: list[OverviewRow]
    #: Rows with a verdict on ``summary.verdict_year``, binding misses first (the 末期考核 table).
    verdict_rows: list[OverviewRow]
    behind: list[Assessment]
    charts: list[str]
    projects: list[ProjectStatus]
    narrative: list[Section]
    sources: list[Observation]
    flags: list[Flag]

    @property
    def assessments(self) -> list[Assessment]:
        return [r.assessment for r in self.rows]


def build_report(
    store: Store,
    year: int,
    kind: Kind = "annual",
    *,
    region: str | None = None,
    only_behind: bool = False,
    today: dt.date | None = None,
    lang: Lang = "zh",
) -> Report:
    indicators = store.indicators()
    info = store.plan_info()
    region = region or info.default_region
    current = store.current_observations()
    view = build_overview(info, indicators, current, region, year)
    assessments = [r.assessment for r in view.rows]
    judged = [(r, v) for r in view.rows if (v := r.verdict) is not None and v.label_code in _VERDICT_ORDER]
    judged.sort(
        key=lambda rv: (
            VERDICT_GROUPS.index(rv[0].assessment.attribute or "supplementary"),
            _VERDICT_ORDER[rv[1].label_code],
            rv[0].assessment.seq or 99,
            rv[0].assessment.code,
        )
    )
    verdict_rows = [r for r, _ in judged]
    behind = sorted(
        (a for a in assessments if a.light in ("amber", "red")),
        key=lambda a: (not a.binding_behind, _ORDER.get(a.label_code, 3), a.seq or 99, a.code),
    )
    charted = [a.code for a in (behind if only_behind else assessments) if a.series]
    batch = store.latest_batch()
    done = completions(store)
    today = today or clock.today()
    return Report(
        plan=info,
        kind=kind,
        lang=lang,
        year=year,
        today=today,
        region=region,
        title=t("report.title", lang, year=year, kind=t(f"kind.{kind}", lang)),
        subtitle=t("report.subtitle", lang, number=info.document_number, title=info.title),
        as_of=(
            t("report.as_of", lang, when=local_time(batch.created_at), batch=batch.id, year=year, region=region)
            if batch
            else t("report.no_data_yet", lang, year=year, region=region)
        ),
        sample=store.meta("sample_data") == "1",
        summary=view.summary,
        rows=list(view.rows),
        verdict_rows=verdict_rows,
        behind=behind,
        charts=charted,
        projects=[project_status(p, today, done, recorded(store)) for p in store.projects()],
        narrative=narrative(info, indicators, assessments, lang),
        sources=sorted(
            (o for o in current if o.region == region and o.year <= year), key=lambda o: (o.indicator_code, o.year)
        ),
        flags=store.flags(),
    )


def sections(report: Report) -> dict[str, str]:
    """Numbered section titles in the order the report reads: the 末期考核 leads with the verdicts."""
    L, year = report.lang, report.summary.verdict_year
    keys = ["summary", "verdicts", "table", "narrative", "charts", "projects"]
    if year is None:
        keys.remove("verdicts")
    elif report.kind == "final":
        keys.insert(0, keys.pop(1))
    titles = {
        "summary": t("report.summary", L),
        "verdicts": t("report.verdicts", L, year=year),
        "table": t("report.table", L),
        "narrative": t("report.narrative", L),
        "charts": t("report.charts", L),
        "projects": t("report.projects", L),
    }
    return {
        k: t("report.section", L, n=_CN_NUMERALS[n] if L == "zh" else n, title=titles[k])
        for n, k in enumerate(keys, start=1)
    }


_CN_NUMERALS = "〇一二三四五六七八九十"


def narrative(plan: PlanInfo, indicators: list[Indicator], assessments: list[Assessment], lang: Lang) -> list[Section]:
    """Per category: the lights, what improved since the start, and what must happen by the target year."""
    sep = "，" if lang == "zh" else ", "
    names = "、" if lang == "zh" else "; "
    by_code = {i.code: i for i in indicators}

    def name(a: Assessment) -> str:
        return indicator_name(by_code[a.code], lang)

    out = []
    for category in plan.categories:
        group = [a for a in assessments if a.category == category.name and a.seq is not None]
        parts = []
        for code in ("achieved", "on_track", "accelerate", "behind", "off_track", "not_met", "no_data", "insufficient"):
            members = [name(a) for a in group if a.label_code == code]
            if members:
                parts.append(
                    t("narr.part", lang, label=t(f"label.{code}", lang), count=len(members), names=names.join(members))
                )
        paragraphs = [
            t(
                "narr.counts",
                lang,
                category=category.label(lang),
                table=plan.indicator_table.label(lang),
                total=len(group),
                parts=sep.join(parts) if parts else "—",
            )
        ]
        improved = [a for a in group if _improved(a)]
        paragraphs.append(
            t(
                "narr.improved",
                lang,
                items=names.join(
                    t(
                        "narr.improved_item",
                        lang,
                        name=name(a),
                        start_year=a.plan_start_year,
                        start=with_unit(a.plan_start_value, a.unit, lang, digits=2),
                        year=a.year,
                        value=with_unit(a.value, a.unit, lang, digits=2),
                    )
                    for a in improved
                    if a.plan_start_value is not None and a.value is not None  # both set with change_since_start
                ),
            )
            if improved
            else t("narr.none_improved", lang)
        )
        needs = [
            a
            for a in group
            if a.light in ("amber", "red") and a.target_value is not None and a.value is not None and not a.final
        ]
        paragraphs.append(
            t("narr.needs", lang, items=names.join(_need(a, name(a), lang) for a in needs))
            if needs
            else t("narr.no_needs", lang)
        )
        pending = [name(a) for a in group if a.label_code == "pending"]
        if pending:
            paragraphs.append(t("narr.pending", lang, count=len(pending), names=names.join(pending)))
        out.append(Section(title=category.label(lang), paragraphs=paragraphs))
    return out


def _improved(a: Assessment) -> bool:
    """Better than the plan's start by at least the plan's printed precision."""
    if a.change_since_start is None:
        return False
    better = a.change_since_start if a.direction == "higher" else -a.change_since_start
    return better >= a.precision


def _need(a: Assessment, name: str, lang: Lang) -> str:
    assert a.target_value is not None and a.value is not None  # the narrative lists only those with both
    diff = a.target_value - a.value
    per_year = ""
    if a.required_annual_change is not None and (a.target_year or 0) - (a.year or 0) > 1:
        per_year = t("reason.per_year", lang, annual=amount(a.required_annual_change, a.unit, lang, signed=True))
    return t(
        "narr.needs_item",
        lang,
        name=name,
        target_year=a.target_year,
        verb=t("verb.raise" if diff > 0 else "verb.lower", lang),
        gap=amount(abs(diff), a.unit, lang),
        per_year=per_year,
    )


def required_cell(a: Assessment, lang: Lang) -> str:
    return "—" if a.required_annual_change is None else amount(a.required_annual_change, a.unit, lang, signed=True)
