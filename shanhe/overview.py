"""The overview table: every indicator with baseline, 2025 target and latest value."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel

from shanhe.catalog import Indicator
from shanhe.formatting import baseline_text, target_text, with_unit
from shanhe.store import Observation


class OverviewRow(BaseModel):
    code: str
    seq: int | None
    name: str
    category: str
    attribute: str | None
    unit: str
    baseline: str
    target_2025: str
    latest_value: str | None
    latest_year: int | None
    flags: tuple[str, ...]


def latest_observations(current: Sequence[Observation], region: str) -> dict[str, Observation]:
    """Each indicator's most recent year in ``region``."""
    latest: dict[str, Observation] = {}
    for o in current:
        if o.region == region and (o.indicator_code not in latest or o.year > latest[o.indicator_code].year):
            latest[o.indicator_code] = o
    return latest


def overview_rows(indicators: Sequence[Indicator], current: Sequence[Observation], region: str) -> list[OverviewRow]:
    latest = latest_observations(current, region)
    rows = []
    for ind in indicators:
        obs = latest.get(ind.code)
        rows.append(
            OverviewRow(
                code=ind.code, seq=ind.seq, name=ind.name, category=ind.category, attribute=ind.attribute,
                unit=ind.unit, baseline=baseline_text(ind), target_2025=target_text(ind.target_for(2025), ind.unit),
                latest_value=with_unit(obs.value, ind.unit) if obs else None,
                latest_year=obs.year if obs else None, flags=ind.flags,
            )
        )
    return rows
