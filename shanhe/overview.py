"""The overview: every indicator assessed at one year, with the verdicts of the latest target year."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from shanhe.catalog import Indicator, PlanInfo
from shanhe.formatting import indicator_name, number, status_text, verdict_label, with_unit
from shanhe.i18n import Lang, t
from shanhe.models import Observation
from shanhe.progress import Assessment, Verdict, assess_all
from shanhe.rules import LABELS, VERDICT_LABELS
from shanhe.summary import VERDICT_GROUPS, Summary, summarize


class OverviewRow(BaseModel):
    """An assessment beside the indicator it judges (texts are rendered per language where shown)."""

    model_config = ConfigDict(frozen=True)

    indicator: Indicator
    assessment: Assessment
    verdict: Verdict | None  # the verdict on the overview's verdict year (2025 from 2025 on)


class Overview(BaseModel):
    """Read-only: one instance is shared by every session (shanhe.ui.loaders)."""

    model_config = ConfigDict(frozen=True)
    year: int
    region: str
    rows: tuple[OverviewRow, ...]
    summary: Summary

    @property
    def verdict_year(self) -> int | None:
        return self.summary.verdict_year


def build_overview(
    plan: PlanInfo, indicators: Sequence[Indicator], current: Sequence[Observation], region: str, year: int
) -> Overview:
    """Assess every indicator at ``year`` and lay the results out for the overview page."""
    assessments = assess_all(indicators, current, year, region)
    summary = summarize(assessments, plan.category_names)
    rows = tuple(
        OverviewRow(
            indicator=ind, assessment=a, verdict=a.verdict_for(summary.verdict_year) if summary.verdict_year else None
        )
        for ind, a in zip(indicators, assessments, strict=True)
    )
    return Overview(year=year, region=region, rows=rows, summary=summary)


def verdict_target(v: Verdict, unit: str, lang: Lang) -> str:
    """A dated target as the verdict table shows it: the literal, its figure, derived and replaced marks."""
    literal = v.target_text_en if lang == "en" and v.target_text_en else v.target_text
    text = literal
    if v.target_value is not None and number(v.target_value) not in literal:
        text += f"（{v.bound}{with_unit(v.target_value, unit, lang)}{t('target.derived', lang) if v.derived else ''}）"
    elif v.derived:
        text += f"（{t('target.derived', lang).lstrip('，, ')}）"
    if v.replaced is not None:
        text += t("target.replaced", lang, text=v.replaced.text, source=v.replaced.source)
    return text


def verdict_table(
    rows: Sequence[OverviewRow], year: int, evaluation_year: int, lang: Lang
) -> tuple[list[str], list[list[str]]]:
    """The "{year}年目标完成情况" table (pages, reports, presenter mode): target, that year's value, verdict,
    source, and, once a later target has taken over, the light now."""
    header = [
        t("col.seq", lang),
        t("col.name", lang),
        t("col.attribute", lang),
        t("col.year_target", lang, year=year),
        t("col.year_actual", lang, year=year),
        t("col.verdict_short", lang),
        t("col.target_source", lang),
    ]
    later = evaluation_year > year
    if later:
        header.append(t("col.now", lang, year=evaluation_year))
    out = []
    for r in rows:
        v, a = r.verdict, r.assessment
        if v is None:
            continue
        row = [
            str(a.seq or ""),
            indicator_name(r.indicator, lang),
            t(f"attribute.{a.attribute or 'none'}", lang),
            verdict_target(v, a.unit, lang),
            with_unit(v.actual_value, a.unit, lang) if v.actual_value is not None else "—",
            verdict_label(v.label_code, lang),
            v.source,
        ]
        if later:
            row.append(
                f"{status_text(a.label_code, a.binding_behind, lang)}（{a.target_year}）"
                if a.target_year and a.target_year != year
                else status_text(a.label_code, False, lang)
            )
        out.append(row)
    return header, out


def verdict_counts(summary: Summary, lang: Lang) -> tuple[list[str], list[list[str | int]]]:
    """Counts of verdicts per attribute group for ``summary.verdict_year``."""
    codes = [c for c in VERDICT_LABELS if c not in ("not_due", "qualitative")]
    header = [t("overview.group", lang), *(t(f"verdict.{c}", lang) for c in codes), t("col.total", lang)]
    rows: list[list[str | int]] = []
    for group in VERDICT_GROUPS:
        counts = summary.verdicts.get(group, {})
        name = t(f"attribute.{group}", lang) if group != "supplementary" else t("summary.supplementary", lang)
        rows.append([name, *(counts.get(c, 0) for c in codes), sum(counts.get(c, 0) for c in codes)])
    return header, rows


def light_counts(plan: PlanInfo, summary: Summary, lang: Lang) -> tuple[list[str], list[list[str | int]]]:
    """Counts of lights per category of the plan's table, per attribute, and for the supplementary indicators."""
    groups = [(plan.category(c).label(lang), counts) for c, counts in summary.by_category.items()]
    groups += [(t(f"attribute.{a}", lang), counts) for a, counts in summary.by_attribute.items()]
    groups += [(t("summary.supplementary", lang), summary.supplementary)]
    header = [t("overview.group", lang), *(t(f"label.{c}", lang) for c in LABELS)]
    return header, [[name, *(counts.get(c, 0) for c in LABELS)] for name, counts in groups]
