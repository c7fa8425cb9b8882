"""Names people read instead of codes: report file names, plan periods, what a flag is about."""

from __future__ import annotations

from shanhe.catalog import Catalog
from shanhe.formatting import report_file_name, subject_names, year_span


def test_plain_names_for_files_periods_and_flag_subjects(catalog: Catalog) -> None:
    title = catalog.plan.short_title
    assert report_file_name(title, 2024, "annual", "html", "zh") == "晋城市城区一山一河一流域规划2024年度评估报告.html"
    assert report_file_name(title, 2025, "final", "pdf", "zh") == "晋城市城区一山一河一流域规划2025年末期考核报告.pdf"
    assert year_span(2020, 2020) == "2020" and year_span(2021, 2025) == "2021–2025"
    names = subject_names(catalog.indicators, catalog.projects, catalog.goals, "zh")
    assert names["I08"] == "I08 城市细颗粒物浓度" and names["plan"] == "规划整体"
    assert names["G2025-2"] == "2025年主要目标（生态保护）"
