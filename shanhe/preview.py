"""The upload preview: new against current values, overwrites marked, suspicious jumps flagged."""

from __future__ import annotations

import os
from collections.abc import Sequence

from pydantic import BaseModel

from shanhe.catalog import Indicator
from shanhe.importer import ImportPlan
from shanhe.store import Observation


def jump_threshold() -> float:
    """Year-on-year change that needs an explicit confirmation (``SHANHE_JUMP_THRESHOLD``, default 0.30)."""
    return float(os.environ.get("SHANHE_JUMP_THRESHOLD", "0.30"))


class PreviewRow(BaseModel):
    row: int
    code: str
    name: str
    unit: str
    region: str
    year: int
    current: float | None
    new: float
    status: str  # added / changed / unchanged
    previous_year_value: float | None
    jump: float | None  # relative change against the previous year, when it is suspicious

    @property
    def overwrites(self) -> bool:
        return self.status == "changed"


def preview_rows(
    plan: ImportPlan, indicators: Sequence[Indicator], current: Sequence[Observation], threshold: float
) -> list[PreviewRow]:
    """One row per uploaded value; the previous year comes from the same file first, else the store."""
    names = {i.code: i for i in indicators}
    known = {o.key: o.value for o in current}
    known.update({r.observation.key: r.observation.value for r in plan.rows})
    out = []
    for r in plan.rows:
        o = r.observation
        before = known.get((o.indicator_code, o.region, o.year - 1))
        out.append(PreviewRow(
            row=r.row, code=o.indicator_code, name=names[o.indicator_code].name, unit=names[o.indicator_code].unit,
            region=o.region, year=o.year, current=r.previous.value if r.previous else None, new=o.value,
            status=r.status, previous_year_value=before, jump=_jump(before, o.value, threshold),
        ))
    return out


def _jump(before: float | None, value: float, threshold: float) -> float | None:
    if before is None:
        return None
    if before == 0:
        return None if value == 0 else float("inf")
    change = (value - before) / abs(before)
    return change if abs(change) > threshold else None
