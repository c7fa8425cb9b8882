"""The progress rules as data: thresholds, labels, trend settings.

The engine (``shanhe.progress``) and the methodology page both read this module,
so what the page explains is exactly what colours the lights.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Light = Literal["green", "amber", "red", "grey"]
LabelCode = Literal[
    "achieved",
    "on_track",
    "accelerate",
    "behind",
    "off_track",
    "not_met",
    "no_data",
    "pending",
    "qualitative",
    "insufficient",
]


@dataclass(frozen=True)
class Label:
    code: LabelCode
    light: Light
    icon: str
    rank: int  # higher is better; 0 for grey labels, which say nothing about progress


#: Every label the engine can give, best first; names and explanations live in i18n ("label.*", "rule.*").
#: Icons are distinct shapes from common fonts (no colour emoji needed), so a light never relies on colour.
LABELS: dict[str, Label] = {
    label.code: label
    for label in (
        Label("achieved", "green", "✔", 5),
        Label("on_track", "green", "●", 4),
        Label("accelerate", "amber", "▲", 3),
        Label("behind", "red", "■", 2),
        Label("off_track", "red", "✖", 1),
        Label("not_met", "red", "⊘", 1),
        Label("no_data", "grey", "○", 0),
        Label("pending", "grey", "◇", 0),
        Label("qualitative", "grey", "□", 0),
        Label("insufficient", "grey", "△", 0),
    )
}


#: Okabe–Ito colour-blind-safe palette: the light's colour, and a pale tint for table cells.
LIGHT_COLOURS: dict[str, tuple[str, str]] = {
    "green": ("#009E73", "#D5EFE8"),
    "amber": ("#E69F00", "#FBEBCC"),
    "red": ("#D55E00", "#F7DCCC"),
    "grey": ("#999999", "#EEEEEE"),
}
#: One shape per light, for places that count lights rather than labels (the overview's strip).
LIGHT_ICONS: dict[str, str] = {"green": "●", "amber": "▲", "red": "■", "grey": "○"}
#: Text on a full-strength light colour: dark where white would fall below 3:1 contrast (amber, grey).
LIGHT_INK: dict[str, str] = {"green": "#ffffff", "amber": "#000000", "red": "#ffffff", "grey": "#000000"}


@dataclass(frozen=True)
class Thresholds:
    """Path ratio cut-offs: ≥ on_track is 进度正常, ≥ behind is 需加快, ≥ 0 is 滞后, < 0 is 严重滞后/反向变化."""

    on_track: float
    behind: float


#: One row per attribute. Binding (约束性) indicators must be at least as strict as expected (预期性) ones:
#: a binding target is an obligation, so anything short of the straight path is flagged.
THRESHOLDS: dict[str, Thresholds] = {
    "binding": Thresholds(on_track=1.00, behind=0.85),
    "expected": Thresholds(on_track=0.95, behind=0.70),
    "supplementary": Thresholds(on_track=0.95, behind=0.70),  # attribute not stated by the plan (flag F18)
}

#: Trend: a weighted least-squares line through the start point and every observation up to the
#: evaluation year; a point's weight is 1 + (its year − the first year), so recent years count most.
#: The line is flat when its slope is within this share of the series' mean absolute level per year.
TREND_FLAT_SHARE = 0.005
#: "近N年平均每年": the average annual change over at most this many years before the latest data year.
RECENT_YEARS = 3
#: The projection band is shown from this many points on (two points fit a line exactly).
BAND_MIN_POINTS = 3
#: Two values closer than this count as equal (floating point noise, not data).
TOLERANCE = 1e-9
#: A light or verdict drawn from data more than this many years older than the evaluation year says 数据过旧.
STALE_YEARS = 2
#: The smallest step the plan prints per unit (表2-1 prints % and ‰ to one decimal, 66.6 and 0.5; μg/m3 and days
#: as whole numbers); an indicator whose own printed figures are finer (19.83) uses theirs. A shortfall from the
#: straight path smaller than this cannot be told apart at the plan's precision, so it is not "behind".
UNIT_PRECISION: dict[str, float] = {
    "%": 0.1,
    "‰": 0.1,
    "μg/m3": 1.0,
    "天": 1.0,
    "万人": 0.01,
    "亿立方米": 0.01,
    "—": 0.01,
}
DEFAULT_PRECISION = 0.01


@dataclass(frozen=True)
class VerdictLabel:
    """How one dated target was judged; ``verdict`` is the documented JSON value."""

    code: str
    verdict: Literal["met", "missed", "no_data", "pending", "qualitative"]
    light: Light
    icon: str


#: Verdicts of dated targets (达标 / 未达标 / 缺数据 …); names in i18n ("verdict.*").
VERDICT_LABELS: dict[str, VerdictLabel] = {
    v.code: v
    for v in (
        VerdictLabel("met", "met", "green", "✔"),
        VerdictLabel("missed", "missed", "red", "✖"),
        VerdictLabel("no_data", "no_data", "grey", "○"),
        VerdictLabel("no_base", "no_data", "grey", "△"),
        VerdictLabel("awaiting", "pending", "grey", "◇"),
        VerdictLabel("not_due", "pending", "grey", "◌"),
        VerdictLabel("qualitative", "qualitative", "grey", "□"),
    )
}


def thresholds_for(attribute: str | None) -> Thresholds:
    return THRESHOLDS[attribute or "supplementary"]
