"""The overview table: every indicator with baseline, 2025 target, latest value and its light."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from shanhe.catalog import Indicator
from shanhe.formatting import baseline_text, target_text, with_unit
from shanhe.progress import Assessment, assess_all
from shanhe.store import Observation
from shanhe.summary import Summary, summarize


class OverviewRow(BaseModel):
    """An assessment plus the plan's texts the table shows beside it."""

    model_config = ConfigDict(frozen=True)

    assessment: Assessment
    baseline: str
    target_2025: str
    latest_value: str | None


class Overview(BaseModel):
    """Read-only: one instance is shared by every session (shanhe.ui.loaders)."""

    model_config = ConfigDict(frozen=True)
    year: int
    region: str
    rows: tuple[OverviewRow, ...]
    summary: Summary


def build_overview(
    indicators: Sequence[Indicator], current: Sequence[Observation], region: str, year: int
) -> Overview:
    """Assess every indicator at ``year`` and lay the results out for the overview page."""
    assessments = assess_all(indicators, current, year, region)
    rows = [
        OverviewRow(
            assessment=a, baseline=baseline_text(ind), target_2025=target_text(ind.target_for(2025), ind.unit),
            latest_value=with_unit(a.value, ind.unit) if a.value is not None else None,
        )
        for ind, a in zip(indicators, assessments, strict=True)
    ]
    return Overview(year=year, region=region, rows=rows, summary=summarize(assessments))
