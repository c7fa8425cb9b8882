"""The methodology page's content, built from the same rules and engine that colour the lights."""

from __future__ import annotations

from collections.abc import Sequence

from shanhe.catalog import Indicator, PlanInfo
from shanhe.formatting import amount, indicator_name, number, with_unit
from shanhe.i18n import Lang, t
from shanhe.messages import text
from shanhe.models import Observation
from shanhe.progress import Assessment, assess, precision
from shanhe.rules import (
    BAND_MIN_POINTS,
    DEFAULT_PRECISION,
    LABELS,
    RECENT_YEARS,
    THRESHOLDS,
    TREND_FLAT_SHARE,
    UNIT_PRECISION,
    VERDICT_LABELS,
    thresholds_for,
)

#: For this plan's headline indicators: shown only when the store has no data for them, always labelled 示例数据.
SAMPLE_SERIES: dict[str, tuple[tuple[int, float], ...]] = {
    "I07": ((2021, 68.0), (2022, 69.4), (2023, 70.1), (2024, 71.2)),
    "I02": ((2022, 19.9), (2024, 20.1)),
}


def threshold_rows(lang: Lang) -> list[dict[str, str]]:
    return [
        {
            t("method.col_attribute", lang): t(f"attribute.{name}", lang)
            if name != "supplementary"
            else t("summary.supplementary", lang),
            t("method.col_on_track", lang): _pct(limits.on_track),
            t("method.col_behind", lang): _pct(limits.behind),
        }
        for name, limits in THRESHOLDS.items()
    ]


def _pct(ratio: float) -> str:
    return f"{number(ratio * 100, 1)}%"


def precision_rows(indicators: Sequence[Indicator], lang: Lang) -> list[dict[str, str]]:
    """The tolerance per unit, then the indicators whose own printed figures are finer (the engine's values)."""
    rows = [
        {t("method.col_unit", lang): unit, t("method.col_precision", lang): amount(step, unit, lang)}
        for unit, step in UNIT_PRECISION.items()
    ]
    rows += [
        {
            t("method.col_unit", lang): f"{indicator_name(i, lang)}（{i.unit}）",
            t("method.col_precision", lang): amount(precision(i), i.unit, lang),
        }
        for i in indicators
        if precision(i) < UNIT_PRECISION.get(i.unit, DEFAULT_PRECISION)
    ]
    return rows


def steps_text(plan: PlanInfo, lang: Lang) -> str:
    return t("method.steps", lang, base=plan.base_year, first=plan.first_target_year)


def stale_text(plan: PlanInfo, lang: Lang) -> str:
    return t("method.stale", lang, base=plan.base_year)


def label_rows(plan: PlanInfo, lang: Lang) -> list[dict[str, str]]:
    """Every label with the condition that gives it, thresholds filled in per attribute."""
    binding, expected = THRESHOLDS["binding"], THRESHOLDS["expected"]
    both = {
        "on_track": f"{_pct(binding.on_track)}（{t('attribute.binding', lang)}）/ {_pct(expected.on_track)}"
        f"（{t('attribute.expected', lang)}）",
        "behind": f"{_pct(binding.behind)}（{t('attribute.binding', lang)}）/ {_pct(expected.behind)}"
        f"（{t('attribute.expected', lang)}）",
    }
    return [
        {
            t("method.col_icon", lang): label.icon,
            t("method.col_label", lang): t(f"label.{code}", lang),
            t("method.col_light", lang): t(f"light.{label.light}", lang),
            t("method.col_rule", lang): t(f"rule.{code}", lang, base=plan.base_year, **both),
        }
        for code, label in LABELS.items()
    ]


def verdict_rows(plan: PlanInfo, lang: Lang) -> list[dict[str, str]]:
    """Every verdict a dated target can get, with when it is given."""
    return [
        {
            t("method.col_icon", lang): label.icon,
            t("method.col_label", lang): t(f"verdict.{code}", lang),
            t("method.col_light", lang): t(f"light.{label.light}", lang),
            t("method.col_rule", lang): t(f"vrule.{code}", lang, base=plan.base_year),
        }
        for code, label in VERDICT_LABELS.items()
    ]


def trend_text(lang: Lang) -> str:
    return t(
        "method.trend", lang, flat_pct=number(TREND_FLAT_SHARE * 100), band_points=BAND_MIN_POINTS, recent=RECENT_YEARS
    )


def examples(
    indicators: Sequence[Indicator], observations: Sequence[Observation], year: int, region: str
) -> list[tuple[Indicator, Assessment, bool]]:
    """The worked examples (the plan's headline indicators): each assessed on the store's data, or on labelled
    sample data when there is none; an indicator with neither is left out. The flag says "sample"."""
    out = []
    for indicator in indicators:
        own = [o for o in observations if o.indicator_code == indicator.code and o.region == region]
        sample = not own
        if sample:
            own = [
                Observation(indicator_code=indicator.code, region=region, year=y, value=v)
                for y, v in SAMPLE_SERIES.get(indicator.code, ())
            ]
        if own:
            out.append((indicator, assess(indicator, own, year, region), sample))
    return out


def worked_steps(a: Assessment, lang: Lang) -> list[dict[str, str]]:
    """The engine's arithmetic for one assessment, step by step, in the order the rules apply."""
    u = a.unit
    steps: list[tuple[str, str]] = []
    for v in a.verdicts:
        if v.target_year <= a.evaluation_year and v.verdict != "qualitative":
            steps.append(
                (
                    t("step.verdict", lang, year=v.target_year),
                    f"{VERDICT_LABELS[v.label_code].icon} {t(f'verdict.{v.label_code}', lang)}：{text(v.reason, lang)}",
                )
            )
    if a.start_kind is not None and a.start_value is not None:
        value = with_unit(a.start_value, u, lang, digits=2)
        steps.append((t("step.start", lang), t(f"step.start_{a.start_kind}", lang, year=a.start_year, value=value)))
    active = a.verdict_for(a.target_year) if a.target_year is not None else None
    if a.target_year is not None:
        target = (
            f"{active.bound}{with_unit(a.target_value, u, lang, digits=2)}"
            if active and a.target_value is not None
            else "—"
        )
        literal = (a.target_text_en or a.target_text) if lang == "en" else a.target_text
        steps.append((t("step.target", lang), f"{a.target_year}：{target}（{literal}）"))
    if a.year is not None and a.value is not None:
        steps.append((t("step.latest", lang), f"{a.year}：{with_unit(a.value, u, lang, digits=2)}"))
    if a.target_value is not None and a.value is not None and not a.final:
        steps.append((t("step.meets", lang), t("step.yes" if a.label_code == "achieved" else "step.no", lang)))
    if a.path_ratio is not None and a.expected_value is not None:
        # the engine measures a path only from a start to a numeric target, with a latest value
        assert a.value is not None and a.year is not None and a.start_value is not None and a.start_year is not None
        assert a.target_value is not None and a.target_year is not None
        made = a.value - a.start_value
        share_num, share_den = a.year - a.start_year, a.target_year - a.start_year
        expected = (a.target_value - a.start_value) * share_num / share_den
        limits = thresholds_for(a.attribute)
        steps += [
            (
                t("step.share", lang),
                f"({a.year} − {a.start_year}) ÷ ({a.target_year} − {a.start_year}) = "
                f"{share_num}/{share_den} = {number(share_num / share_den, 3)}",
            ),
            (
                t("step.expected", lang),
                f"{number(a.start_value, 2)} + ({number(a.target_value, 2)} − "
                f"{number(a.start_value, 2)}) × {number(share_num / share_den, 3)} = "
                f"{with_unit(a.expected_value, u, lang, digits=2)}",
            ),
            (t("step.made", lang), f"{number(a.value, 2)} − {number(a.start_value, 2)} = {number(made, 3)}"),
            (
                t("step.needed", lang),
                f"({number(a.target_value, 2)} − {number(a.start_value, 2)}) × "
                f"{number(share_num / share_den, 3)} = {number(expected, 3)}",
            ),
            (t("step.path_ratio", lang), f"{number(made, 3)} ÷ {number(expected, 3)} = {_pct(a.path_ratio)}"),
            (
                t("step.thresholds", lang),
                f"≥ {_pct(limits.on_track)} → {t('label.on_track', lang)}；≥ "
                f"{_pct(limits.behind)} → {t('label.accelerate', lang)}；≥ 0 → "
                f"{t('label.behind', lang)}；< 0 → {t('label.off_track', lang)}",
            ),
        ]
        short = abs(a.expected_value - a.value)
        if a.path_ratio < limits.on_track and a.label_code == "on_track":
            steps.append(
                (
                    t("step.tolerance", lang),
                    t(
                        "step.tolerance_applied",
                        lang,
                        short=amount(short, u, lang),
                        precision=amount(a.precision, u, lang),
                    ),
                )
            )
    if a.trend_ratio is not None:
        steps.append((t("step.trend_ratio", lang), f"{number(a.trend_ratio * 100, 1)}%"))
    if a.projected_value is not None:
        band = (
            f"（95%：{number(a.projection_low, 2)}–{number(a.projection_high, 2)}）"
            if a.projection_low is not None
            else ""
        )
        projected = with_unit(a.projected_value, u, lang, digits=2)
        steps.append((t("step.projection", lang), f"{a.target_year}：{projected}{band}"))
    steps.append((t("step.result", lang), f"{LABELS[a.label_code].icon} {t(f'label.{a.label_code}', lang)}"))
    steps.append((t("step.reason", lang), text(a.reason, lang)))
    return [{t("method.col_step", lang): step, t("method.col_value", lang): value} for step, value in steps]
