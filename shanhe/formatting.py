"""How numbers, targets and times read to a person: shared by pages, CLI and exports."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from shanhe.catalog import Indicator, Target

LOCAL_TZ = ZoneInfo("Asia/Shanghai")
_BOUND = {"at_least": "≥", "at_most": "≤"}


def number(value: float | None) -> str:
    """19.83 → '19.83', 75.0 → '75', no float noise and no exponent."""
    if value is None:
        return "—"
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")


def with_unit(value: float, unit: str) -> str:
    if unit in ("%", "‰"):
        return f"{number(value)}{unit}"
    if unit == "—":
        return number(value)
    return f"{number(value)} {unit}"


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
