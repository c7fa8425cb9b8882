"""Targets a superior assigns (完成上级下达指标 / 控制在省下达的指标之内), entered by staff.

Each entry is a new revision of the indicator's target for that year, with the document
(文号) and date; the progress engine uses the newest one at once.
"""

from __future__ import annotations

import datetime as dt
import math

from shanhe.auth import User, require
from shanhe.catalog import Indicator, assigned_target
from shanhe.store import Store, StoreError


def assignable(indicator: Indicator) -> list[int]:
    """Years whose plan target is assigned by a superior (and so needs a number from staff)."""
    return [t.year for t in indicator.targets if t.rule == "assigned_by_superior" or
            (t.origin == "staff" and t.doc_ref)]


def enter_assigned_target(
    store: Store, indicator: Indicator, year: int, value: float, doc_ref: str, doc_date: dt.date, actor: User | None
) -> None:
    require(actor, "staff")
    if year not in assignable(indicator):
        raise StoreError("assigned.not_assignable", code=indicator.code, year=year)
    if not math.isfinite(value):
        raise StoreError("assigned.bad_value", value=value)
    value += 0.0  # -0 is stored as 0
    low, high = indicator.range
    if (low is not None and value < low) or (high is not None and value > high):
        raise StoreError("assigned.bad_value", value=value)
    if not doc_ref.strip():
        raise StoreError("assigned.doc_required")
    if doc_date > dt.date.today():
        raise StoreError("assigned.future_date", date=doc_date.isoformat())
    store.record_staff_target(indicator.code, assigned_target(indicator, year, value, doc_ref.strip(), doc_date),
                              actor.name)
