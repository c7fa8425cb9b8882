"""The methodology page's content, built from the same rules and engine that colour the lights."""

from __future__ import annotations

from collections.abc import Sequence

from shanhe.catalog import Indicator
from shanhe.formatting import number, with_unit
from shanhe.i18n import Lang, t
from shanhe.progress import Assessment, assess
from shanhe.rules import BAND_MIN_POINTS, LABELS, RECENT_YEARS, THRESHOLDS, TREND_FLAT_SHARE, thresholds_for
from shanhe.store import Observation

#: Shown only when the store has no data for an example indicator, and always labelled 示例数据.
SAMPLE_SERIES: dict[str, tuple[tuple[int, float], ...]] = {
    "I07": ((2021, 68.0), (2022, 69.4), (2023, 70.1), (2024, 71.2)),
    "I02": ((2022, 19.9), (2024, 20.1)),
}
EXAMPLE_CODES = tuple(SAMPLE_SERIES)
_BOUND = {"at_least": "≥", "no_decrease": "≥", "increase_by": "≥", "at_most": "≤"}


def threshold_rows(lang: Lang) -> list[dict[str, str]]:
    return [
        {
            t("method.col_attribute", lang): t(f"attribute.{name}", lang) if name != "supplementary"
            else t("summary.supplementary", lang),
            t("method.col_on_track", lang): f"{limits.on_track:.2f}",
            t("method.col_behind", lang): f"{limits.behind:.2f}",
        }
        for name, limits in THRESHOLDS.items()
    ]


def label_rows(lang: Lang) -> list[dict[str, str]]:
    """Every label with the condition that gives it, thresholds filled in per attribute."""
    binding, expected = THRESHOLDS["binding"], THRESHOLDS["expected"]
    both = {
        "on_track": f"{binding.on_track:.2f}（{t('attribute.binding', lang)}）/ {expected.on_track:.2f}"
                    f"（{t('attribute.expected', lang)}）",
        "behind": f"{binding.behind:.2f}（{t('attribute.binding', lang)}）/ {expected.behind:.2f}"
                  f"（{t('attribute.expected', lang)}）",
    }
    return [
        {
            t("method.col_icon", lang): label.icon,
            t("method.col_label", lang): t(f"label.{code}", lang),
            t("method.col_light", lang): t(f"light.{label.light}", lang),
            t("method.col_rule", lang): t(f"rule.{code}", lang, **both),
        }
        for code, label in LABELS.items()
    ]


def trend_text(lang: Lang) -> str:
    return t("method.trend", lang, flat_pct=number(TREND_FLAT_SHARE * 100), band_points=BAND_MIN_POINTS,
             recent=RECENT_YEARS)


def example(
    indicator: Indicator, observations: Sequence[Observation], year: int | None, region: str
) -> tuple[Assessment, bool]:
    """Assess an example indicator on the store's data, or on labelled sample data when there is none."""
    own = [o for o in observations if o.indicator_code == indicator.code and o.region == region]
    sample = not own
    if sample:
        own = [Observation(indicator_code=indicator.code, region=region, year=y, value=v)
               for y, v in SAMPLE_SERIES[indicator.code]]
    eval_year = year or max(o.year for o in own)
    return assess(indicator, own, eval_year, region), sample


def worked_steps(a: Assessment, lang: Lang) -> list[dict[str, str]]:
    """The engine's arithmetic for one assessment, step by step, in the order the rules apply."""
    u = a.unit
    steps: list[tuple[str, str]] = []
    if a.start_kind is not None:
        value = with_unit(a.start_value, u, 2)
        steps.append(("step.start", t(f"step.start_{a.start_kind}", lang, year=a.start_year, value=value)))
    if a.target_year is not None:
        bound = _BOUND.get(a.target_rule or "", "")
        target = f"{bound}{with_unit(a.target_value, u, 2)}" if a.target_value is not None else a.target_text
        steps.append(("step.target", f"{a.target_year}：{target}（{a.target_text}）"))
    if a.year is not None:
        steps.append(("step.latest", f"{a.year}：{with_unit(a.value, u, 2)}"))
    if a.target_value is not None and a.value is not None:
        steps.append(("step.meets", t("step.yes" if a.label_code == "achieved" else "step.no", lang)))
    if a.path_ratio is not None:
        made = a.value - a.start_value
        share_num, share_den = a.year - a.start_year, a.target_year - a.start_year
        expected = (a.target_value - a.start_value) * share_num / share_den
        limits = thresholds_for(a.attribute)
        steps += [
            ("step.share", f"({a.year} − {a.start_year}) ÷ ({a.target_year} − {a.start_year}) = "
                           f"{share_num}/{share_den} = {number(share_num / share_den, 3)}"),
            ("step.expected", f"{number(a.start_value, 2)} + ({number(a.target_value, 2)} − "
                              f"{number(a.start_value, 2)}) × {number(share_num / share_den, 3)} = "
                              f"{with_unit(a.expected_value, u, 2)}"),
            ("step.made", f"{number(a.value, 2)} − {number(a.start_value, 2)} = {number(made, 3)}"),
            ("step.needed", f"({number(a.target_value, 2)} − {number(a.start_value, 2)}) × "
                            f"{number(share_num / share_den, 3)} = {number(expected, 3)}"),
            ("step.path_ratio", f"{number(made, 3)} ÷ {number(expected, 3)} = {number(a.path_ratio, 3)}"),
            ("step.thresholds", f"≥ {limits.on_track:.2f} → {t('label.on_track', lang)}；≥ {limits.behind:.2f} → "
                                f"{t('label.accelerate', lang)}；≥ 0 → {t('label.behind', lang)}；< 0 → "
                                f"{t('label.off_track', lang)}"),
        ]
    if a.trend_ratio is not None:
        steps.append(("step.trend_ratio", number(a.trend_ratio, 3)))
    if a.projected_value is not None:
        band = (f"（95%：{number(a.projection_low, 2)}–{number(a.projection_high, 2)}）"
                if a.projection_low is not None else "")
        steps.append(("step.projection", f"{a.target_year}：{with_unit(a.projected_value, u, 2)}{band}"))
    steps.append(("step.result", f"{LABELS[a.label_code].icon} {t(f'label.{a.label_code}', lang)}"))
    steps.append(("step.reason", a.reason if lang == "zh" else a.reason_en))
    return [{t("method.col_step", lang): t(key, lang), t("method.col_value", lang): text} for key, text in steps]
