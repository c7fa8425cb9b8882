"""How numbers, targets and times read to a person: shared by pages, CLI and exports."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from shanhe.catalog import Indicator, Target
from shanhe.i18n import TEXT, Lang, t
from shanhe.rules import LABELS

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


def amount(value: float, unit: str, lang: Lang = "zh", *, signed: bool = False) -> str:
    """A difference: '3.8 个百分点' for %, '0.2 个千分点' for ‰, '1.5 μg/m3' otherwise."""
    n = number(value, 2)
    if signed and value > 0:
        n = "+" + n
    key = f"diff.{unit}"
    if key in TEXT:
        return t(key, lang, n=n)
    return n if unit == "—" else f"{n} {unit}"


def with_unit(value: float, unit: str, digits: int = 6) -> str:
    if unit in ("%", "‰"):
        return f"{number(value, digits)}{unit}"
    if unit == "—":
        return number(value, digits)
    return f"{number(value, digits)} {unit}"


def target_text(target: Target | None, unit: str) -> str:
    """The plan's literal target, plus its number where the literal does not show it.

    '≥19.83' stays as printed; '完成上级下达指标' with 第九章's 75 reads
    '完成上级下达指标（≥75%）', so the figure used for the light is always visible.
    """
    if target is None:
        return "—"
    if target.rule in _BOUND and target.value is not None and number(target.value) not in target.text:
        return f"{target.text}（{_BOUND[target.rule]}{with_unit(target.value, unit)}）"
    if target.rule == "increase_by" and target.value is not None:
        return f"{target.text}（按 +{number(target.value)} 个百分点）"
    return target.text


def baseline_text(indicator: Indicator) -> str:
    """The 2020 figure as printed; a literal the code does not use is marked 待核实."""
    b = indicator.baseline
    if b.value is None and b.text not in ("", "—"):
        return f"{b.text}（待核实）"
    return b.text or "—"


def local_time(moment: dt.datetime | None) -> str:
    """Stored timestamps are naive UTC; people read Beijing time."""
    if moment is None:
        return ""
    return moment.replace(tzinfo=dt.UTC).astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M:%S")


def status_text(label_code: str, binding_behind: bool, lang: Lang = "zh") -> str:
    """Icon and words, never colour alone: '■ 滞后 ⚠ 约束性指标滞后'."""
    text = f"{LABELS[label_code].icon} {t(f'label.{label_code}', lang)}"
    return f"{text} ⚠ {t('binding_behind', lang)}" if binding_behind else text


def trend_text(trend: str | None, improving: bool | None, lang: Lang = "zh") -> str:
    """'↑ 改善', '↓ 恶化', '→ 持平'; empty below two points."""
    if trend is None:
        return ""
    arrow = {"up": "↑", "flat": "→", "down": "↓"}[trend]
    if improving is None:
        return f"{arrow} {t('trend.flat', lang)}"
    return f"{arrow} {t('trend.improving' if improving else 'trend.worsening', lang)}"
