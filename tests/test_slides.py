"""Presenter mode's running order: every indicator once, no table slide longer than a projector holds."""

from __future__ import annotations

from collections import Counter

from shanhe.catalog import Catalog
from shanhe.models import Observation
from shanhe.overview import build_overview
from shanhe.slides import ROWS_PER_SLIDE, running_order


def test_tables_are_split_evenly_and_show_every_indicator_once(catalog: Catalog) -> None:
    view = build_overview(catalog.plan, list(catalog.indicators), [], "全区", 2024)
    slides = running_order(catalog.plan, view, catalog.themes)
    kinds = [s.kind for s in slides]
    assert kinds[:3] == ["summary", "chart", "chart"] and "verdicts" not in kinds  # no target year reached yet
    by_topic: dict[str, list[int]] = {}
    for s in slides:
        if s.kind == "table":
            by_topic.setdefault(s.topic, []).append(len(s.codes))
            assert (s.part, s.parts) == (len(by_topic[s.topic]), s.parts)
    assert by_topic["环境质量"] == [5, 5, 5] and by_topic["supplementary"] == [6, 5, 5]
    assert max(n for sizes in by_topic.values() for n in sizes) <= ROWS_PER_SLIDE
    table_topics = [*catalog.plan.category_names, "supplementary"]
    shown = Counter(c for s in slides if s.kind == "table" and s.topic in table_topics for c in s.codes)
    assert shown == Counter(i.code for i in catalog.indicators)


def test_the_verdict_slide_comes_once_the_target_year_has(catalog: Catalog) -> None:
    data = [Observation(indicator_code="I07", region="全区", year=2025, value=76.0)]
    view = build_overview(catalog.plan, list(catalog.indicators), data, "全区", 2025)
    assert [s.kind for s in running_order(catalog.plan, view, catalog.themes)][:2] == ["summary", "verdicts"]
