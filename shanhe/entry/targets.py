"""Targets set by a later document, entered by staff: values a superior assigns (完成上级下达指标 /
控制在省下达的指标之内), and targets of a document such as the 十五五 plan.

Each entry is a new revision of the indicator's target for that year (and region), with the
document (文号) and date; the progress engine uses the newest one at once, and the plan's own
target for that year stays visible beside it. The 下达目标 page and ``python -m shanhe targets set``
both call ``enter_document_target``, so they validate alike.
"""

from __future__ import annotations

import datetime as dt
import math

from shanhe import clock
from shanhe.auth import User, require
from shanhe.catalog import Indicator, assigned_target
from shanhe.errors import UserError
from shanhe.spreadsheets import typed_text
from shanhe.store import Store


def awaiting(indicator: Indicator) -> list[int]:
    """Years whose target is still "assigned by a superior" with no value entered."""
    return [t.year for t in indicator.targets if t.rule == "assigned_by_superior"]


def enter_document_target(
    store: Store,
    indicator: Indicator,
    year: int,
    value: float,
    doc_ref: str,
    doc_date: dt.date,
    actor: User | None,
    region: str | None = None,
) -> None:
    """Record a document's target for ``year`` (in ``region``; None or the district: the whole district)."""
    actor = require(actor, "staff")
    plan = store.plan_info()
    if year not in plan.target_years:  # after the base year, within the plan (近期 to 远期)
        raise UserError("assigned.bad_year", year=year, first=plan.target_years[0], last=plan.last_year)
    if not math.isfinite(value):
        raise UserError("assigned.bad_value", value=value)
    value += 0.0  # -0 is stored as 0
    low, high = indicator.range
    if (low is not None and value < low) or (high is not None and value > high):
        raise UserError("assigned.bad_value", value=value)
    doc_ref = typed_text(doc_ref) or ""
    if not doc_ref:
        raise UserError("assigned.doc_required")
    if doc_date > clock.today():
        raise UserError("assigned.future_date", date=doc_date.isoformat())
    regions = store.regions()
    if region is not None and region not in regions:
        raise UserError("assigned.bad_region", region=region, allowed="、".join(regions))
    district = plan.default_region
    target = assigned_target(
        indicator, year, value + 0.0, doc_ref, doc_date, region=None if region in (None, district) else region
    )
    store.record_staff_target(indicator.code, target, actor.name)
