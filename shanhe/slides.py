"""Presenter mode's running order: one topic per screen, long light tables split so a slide fits a projector.

A slide's size cannot depend on the screen (the server does not know it), so tables are cut for the
smallest screen we present on, 1280×720 at presenter type size; the browser suite
(tests/test_layout.py) checks every slide fits at 1280×720 and 1920×1080.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict

from shanhe.catalog import PlanInfo, Theme
from shanhe.overview import Overview, OverviewRow

#: Rows of the light table on one slide: 15 rows of 环境质量 become 3 slides of 5.
ROWS_PER_SLIDE = 6

Kind = Literal["summary", "verdicts", "chart", "table", "projects"]


class Slide(BaseModel):
    model_config = ConfigDict(frozen=True)

    kind: Kind
    #: The indicator code (chart), category name, "supplementary" or theme key (table); empty otherwise.
    topic: str = ""
    codes: tuple[str, ...] = ()  # the table rows on this slide
    part: int = 1
    parts: int = 1


def _split(kind: Kind, topic: str, rows: Sequence[OverviewRow]) -> list[Slide]:
    """Cut ``rows`` into the fewest slides of at most ROWS_PER_SLIDE rows, as even as possible (none if empty)."""
    codes = [r.indicator.code for r in rows]
    parts = math.ceil(len(codes) / ROWS_PER_SLIDE)
    out, start = [], 0
    for i in range(parts):
        size = len(codes) // parts + (i < len(codes) % parts)  # 16 rows: 6, 5, 5
        out.append(Slide(kind=kind, topic=topic, codes=tuple(codes[start : start + size]), part=i + 1, parts=parts))
        start += size
    return out


def running_order(plan: PlanInfo, view: Overview, themes: Sequence[Theme]) -> list[Slide]:
    """Summary, the target year's verdicts (once it has come), the headline charts, the light table per
    category, the supplementary indicators, the projects, then the plan's themes."""
    out = [Slide(kind="summary")]
    if view.verdict_year is not None:
        out.append(Slide(kind="verdicts"))
    out += [Slide(kind="chart", topic=code) for code in plan.headline]
    table = [r for r in view.rows if r.assessment.seq is not None]
    for category in plan.category_names:
        out += _split("table", category, [r for r in table if r.assessment.category == category])
    out += _split("table", "supplementary", [r for r in view.rows if r.assessment.seq is None])
    out.append(Slide(kind="projects"))
    by_code = {r.indicator.code: r for r in view.rows}
    for theme in themes:
        out += _split("table", theme.key, [by_code[c] for c in theme.indicators if c in by_code])
    return out
