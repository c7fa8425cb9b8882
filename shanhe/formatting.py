"""How numbers, targets and times read to a person: shared by pages, CLI and exports."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from shanhe.catalog import Flag, Goal, Indicator, Project, Target
from shanhe.i18n import TEXT, Lang, t
from shanhe.rules import LABELS, VERDICT_LABELS

if TYPE_CHECKING:
    from shanhe.progress import Assessment, Verdict

LOCAL_TZ = ZoneInfo("Asia/Shanghai")
_BOUND = {"at_least": "≥", "at_most": "≤"}


def number(value: float | None, digits: int = 6) -> str:
    """19.83 → '19.83', 75.0 → '75', no float noise and no exponent; ``digits`` after the point at most."""
    if value is None:
        return "—"
    value = round(float(value), digits) + 0.0  # + 0.0 turns -0.0 into 0.0
    if value.is_integer():
        return str(int(value))
    return f"{value:.{digits}f}".rstrip("0").rstrip(".")


def amount(value: float, unit: str, lang: Lang, *, signed: bool = False) -> str:
    """A difference: '3.8 个百分点' for %, '0.2 个千分点' for ‰, '1.5 μg/m3' otherwise."""
    n = number(value, 2)
    if signed and value > 0:
        n = "+" + n
    key = f"diff.{unit}"
    if key in TEXT:
        one = f"{key}.one"
        return t(one if abs(float(n)) == 1 and one in TEXT else key, lang, n=n)
    return n if unit == "—" else f"{n} {unit_label(unit, lang)}"


def with_unit(value: float, unit: str, lang: Lang, *, digits: int = 6) -> str:
    if unit in ("%", "‰"):
        return f"{number(value, digits)}{unit}"
    if unit == "—":
        return number(value, digits)
    return f"{number(value, digits)} {unit_label(unit, lang)}"


def unit_label(unit: str, lang: Lang) -> str:
    """The unit as printed in the plan, or its English rendering ('亿立方米' → '×10⁸ m³')."""
    key = f"unit.{unit}"
    return t(key, lang) if key in TEXT else unit


def target_text(target: Target | None, unit: str, lang: Lang) -> str:
    """The plan's literal target, plus its number where the literal does not show it.

    '≥19.83' stays as printed; '完成上级下达指标' with 第九章's 75 reads
    '完成上级下达指标（≥75%）', so the figure used for the light is always visible; a derived
    figure says so. English shows the reviewed translation of the literal.
    """
    if target is None:
        return "—"
    literal = target.text_en if lang == "en" and target.text_en else target.text
    if target.rule in _BOUND and target.value is not None and number(target.value) not in literal:
        derived = t("target.derived", lang) if target.derived else ""
        return f"{literal}（{_BOUND[target.rule]}{with_unit(target.value, unit, lang)}{derived}）"
    if target.rule == "increase_by" and target.value is not None:
        return f"{literal}（{t('target.increase_by', lang, n=number(target.value))}）"
    if target.derived:
        return f"{literal}（{t('target.derived', lang).lstrip('，, ')}）"
    return literal


def baseline_text(indicator: Indicator, lang: Lang) -> str:
    """The 2020 figure as printed; a literal the code does not use is marked 待核实; an empty cell says so."""
    b = indicator.baseline
    if not b.text:
        return t("baseline.not_printed", lang)
    if b.value is None and b.text != "—":
        return t("baseline.flagged", lang, text=b.text)
    return b.text


def measure_text(indicator: Indicator, lang: Lang) -> str:
    """How the indicator is reported: the year's own value, or the cumulative change since the base year."""
    return t(f"measure.{indicator.measure}", lang, base=indicator.baseline.year)


def year_list(years: Iterable[int], lang: Lang) -> str:
    """'2025、2030、2035' / '2025, 2030, 2035': distinct years in order, as a heading names them."""
    return ("、" if lang == "zh" else ", ").join(str(y) for y in sorted(set(years)))


def target_cell(year: int | None, target: Target | None, unit: str, lang: Lang) -> str:
    """'2025年：完成上级下达指标（≥75%）' — the target a light is measured against, with its year."""
    if year is None:
        return "—"
    return t("target.cell", lang, year=year, text=target_text(target, unit, lang))


def verdict_cell(verdict: Verdict | None, unit: str, lang: Lang) -> str:
    """'✔ 达标（76.2%）', '✖ 未达标（74%）', '○ 缺数据': a dated target's verdict in a table cell."""
    if verdict is None:
        return "—"
    text = verdict_label(verdict.label_code, lang)
    if verdict.actual_value is not None:
        text += (
            f"（{with_unit(verdict.actual_value, unit, lang)}）"
            if lang == "zh"
            else f" ({with_unit(verdict.actual_value, unit, lang)})"
        )
    return text


def verdict_label(code: str, lang: Lang) -> str:
    """Icon and words of a verdict: '✔ 达标', '○ 缺数据'."""
    return f"{VERDICT_LABELS[code].icon} {t(f'verdict.{code}', lang)}"


def progress_figures(a: Assessment, lang: Lang) -> list[tuple[str, str]]:
    """The key figures under an indicator's chart (label, value); none once its target is judged, when all
    three are empty."""
    if (a.path_ratio, a.required_annual_change, a.projected_value) == (None, None, None):
        return []
    return [
        (t("ind.progress", lang), "—" if a.path_ratio is None else f"{a.path_ratio * 100:.1f}%"),
        (
            t("ind.required", lang),
            "—" if a.required_annual_change is None else amount(a.required_annual_change, a.unit, lang, signed=True),
        ),
        (
            t("ind.projected", lang, year=a.target_year or ""),
            "—" if a.projected_value is None else with_unit(a.projected_value, a.unit, lang, digits=2),
        ),
    ]


def flag_records(flags: Iterable[Flag], lang: Lang, subjects: dict[str, str] | None = None) -> list[dict[str, str]]:
    """Rows of the flags-for-review table; with ``subjects`` (code → name) also what each flag concerns and
    where the plan says it (the About page's full list; an indicator's own page leaves both out)."""
    rows = []
    for f in flags:
        row = {t("col.flag", lang): f.id}
        if subjects is not None:
            row[t("about.subjects", lang)] = "\n".join(subjects.get(s, s) for s in f.subjects)
            row[t("col.source", lang)] = f.source
        row |= {
            t("col.literal", lang): f.literal,
            t("col.problem", lang): f.problem,
            t("col.reading", lang): f.reading,
            t("col.flag_status", lang): f.status,
        }
        rows.append(row)
    return rows


def indicator_name(indicator: Indicator, lang: Lang) -> str:
    """The plan's name, or its reviewed English rendering."""
    return indicator.name_en if lang == "en" and indicator.name_en else indicator.name


@functools.lru_cache(maxsize=4096)  # an export of a city's history formats each batch's time once, not per value
def local_time(moment: dt.datetime | None) -> str:
    """Stored timestamps are naive UTC; people read Beijing time."""
    if moment is None:
        return ""
    return moment.replace(tzinfo=dt.UTC).astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M:%S")


def status_text(label_code: str, binding_behind: bool, lang: Lang) -> str:
    """Icon and words, never colour alone: '■ 滞后 ⚠ 约束性指标滞后'."""
    text = f"{LABELS[label_code].icon} {t(f'label.{label_code}', lang)}"
    return f"{text} ⚠ {t('binding_behind', lang)}" if binding_behind else text


def trend_text(trend: str | None, improving: bool | None, lang: Lang) -> str:
    """'↑ 改善', '↓ 恶化', '→ 持平'; empty below two points."""
    if trend is None:
        return ""
    arrow = {"up": "↑", "flat": "→", "down": "↓"}[trend]
    if improving is None:
        return f"{arrow} {t('trend.flat', lang)}"
    return f"{arrow} {t('trend.improving' if improving else 'trend.worsening', lang)}"


def year_span(start: int, end: int) -> str:
    """'2021–2025', and a single year as itself (the base year is 2020, not '2020–2020')."""
    return str(start) if start == end else f"{start}–{end}"


def subject_names(
    indicators: Iterable[Indicator], projects: Iterable[Project], goals: Iterable[Goal], lang: Lang
) -> dict[str, str]:
    """What a flag is about, in words: 'I08 城市细颗粒物浓度', a project's name, a goal's year and theme;
    'plan' is the plan as a whole."""
    names = {i.code: f"{i.code} {indicator_name(i, lang)}" for i in indicators}
    names |= {p.id: f"{p.id} {p.name}" for p in projects}
    names |= {g.id: t("about.subject_goal", lang, year=g.year, theme=g.theme) for g in goals}
    return names | {"plan": t("about.subject_plan", lang)}


def file_title(title: str) -> str:
    """A title fit for a file name: no quotes, slashes or spaces ('晋城市城区“一山一河一流域”规划' →
    '晋城市城区一山一河一流域规划')."""
    return "".join(c for c in title if c not in "“”‘’\"'/\\:*?<>| ")


def report_file_name(short_title: str, year: int, kind: str, fmt: str, lang: Lang) -> str:
    """'晋城市城区一山一河一流域规划2024年度评估报告.html': the plan's name, year and kind, in the page's language."""
    return f"{t(f'rep.file.{kind}', lang, title=file_title(short_title), year=year)}.{fmt}"
