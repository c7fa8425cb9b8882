"""What an import would do, and which of its values look wrong: the same rules for the upload page and the CLI.

Two plausibility rules need an explicit confirmation (the preview's tick, the CLI's
``--accept-jumps``): a year-on-year change above ``SHANHE_JUMP_THRESHOLD``, and a
percentage that looks like a decimal fraction (0.712 where last year was 70.5%).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel

from shanhe.catalog import Indicator
from shanhe.entry.importer import ImportPlan
from shanhe.formatting import number
from shanhe.i18n import Lang, t
from shanhe.models import Observation

#: A % value below this, where the previous year was above DECIMAL_BEFORE, looks like a fraction (0.712 = 71.2%).
DECIMAL_BELOW = 1.5
DECIMAL_BEFORE = 10.0


def jump_threshold() -> float:
    """Year-on-year change that needs an explicit confirmation (``SHANHE_JUMP_THRESHOLD``, default 0.30)."""
    return float(os.environ.get("SHANHE_JUMP_THRESHOLD", "0.30"))


class Suspicion(BaseModel):
    """A value to be written that looks wrong against the previous year."""

    row: int
    code: str
    region: str
    year: int
    kind: Literal["jump", "decimal"]
    value: float
    before: float
    change: float | None = None  # relative change, for jumps (inf when the previous year was 0)

    def message(self, lang: Lang) -> str:
        what = f"{self.code} {self.region} {self.year}"
        if self.kind == "decimal":
            return t(
                "import.decimal_form",
                lang,
                row=self.row,
                what=what,
                value=number(self.value),
                scaled=number(self.value * 100),
                before=number(self.before),
            )
        return t(
            "import.jump",
            lang,
            row=self.row,
            what=what,
            value=number(self.value),
            before=number(self.before),
            change=change_text(self.change),
        )


def change_text(change: float | None) -> str:
    if change is None:
        return ""
    return "0 →" if change == float("inf") else f"{change:+.0%}"


def suspicions(
    plan: ImportPlan, indicators: Sequence[Indicator], current: Sequence[Observation], threshold: float
) -> list[Suspicion]:
    """Values the import would write that jump against the previous year (from the file first, else the store),
    or that look like a fraction typed into a % indicator."""
    units = {i.code: i.unit for i in indicators}
    known = {o.key: o.value for o in current}
    known.update({r.observation.key: r.observation.value for r in plan.rows})
    out = []
    for r in plan.rows:
        o = r.observation
        before = known.get((o.indicator_code, o.region, o.year - 1))
        if before is None or (r.status != "added" and "value" not in r.changes):
            continue
        base = {
            "row": r.row,
            "code": o.indicator_code,
            "region": o.region,
            "year": o.year,
            "value": o.value,
            "before": before,
        }
        if units.get(o.indicator_code) == "%" and 0 < o.value < DECIMAL_BELOW and before > DECIMAL_BEFORE:
            out.append(Suspicion(kind="decimal", **base))
        elif (change := _jump(before, o.value, threshold)) is not None:
            out.append(Suspicion(kind="jump", change=change, **base))
    return out


class PreviewRow(BaseModel):
    row: int
    code: str
    name: str
    unit: str
    region: str
    year: int
    current: float | None
    new: float
    source: str | None
    note: str | None
    status: str  # added / changed / unchanged
    changes: tuple[str, ...]  # which of value / source / note change
    previous_year_value: float | None
    suspicion: Suspicion | None

    @property
    def overwrites(self) -> bool:
        return self.status == "changed"


def preview_rows(
    plan: ImportPlan, indicators: Sequence[Indicator], current: Sequence[Observation], threshold: float
) -> list[PreviewRow]:
    """One row per uploaded value, with its source and note and what it would change."""
    names = {i.code: i for i in indicators}
    known = {o.key: o.value for o in current}
    known.update({r.observation.key: r.observation.value for r in plan.rows})
    flagged = {s.row: s for s in suspicions(plan, indicators, current, threshold)}
    out = []
    for r in plan.rows:
        o = r.observation
        out.append(
            PreviewRow(
                row=r.row,
                code=o.indicator_code,
                name=names[o.indicator_code].name,
                unit=names[o.indicator_code].unit,
                region=o.region,
                year=o.year,
                current=r.previous.value if r.previous else None,
                new=o.value,
                source=o.source,
                note=o.note,
                status=r.status,
                changes=r.changes,
                previous_year_value=known.get((o.indicator_code, o.region, o.year - 1)),
                suspicion=flagged.get(r.row),
            )
        )
    return out


def _jump(before: float, value: float, threshold: float) -> float | None:
    if before == 0:
        return None if value == 0 else float("inf")
    change = (value - before) / abs(before)
    return change if abs(change) > threshold else None
