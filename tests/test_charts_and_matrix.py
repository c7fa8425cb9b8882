"""Figures and the light matrix, built from the engine's assessments (no Streamlit)."""

from __future__ import annotations

import base64
import datetime as dt
import re
from pathlib import Path

import pytest

from shanhe import settings
from shanhe.catalog import Catalog
from shanhe.charts import gantt_chart, progress_chart, ranking_chart
from shanhe.chartspec import value_range
from shanhe.demo import SAMPLE_SOURCE, build_demo
from shanhe.errors import UserError
from shanhe.matrix import dashboard_links, matrix_html, sparkline_img, sparkline_svg
from shanhe.models import Observation
from shanhe.overview import build_overview
from shanhe.progress import Point, assess
from shanhe.schedule import project_status
from shanhe.store import Store


def _obs(code: str, *pairs: tuple[int, float]) -> list[Observation]:
    return [Observation(indicator_code=code, region="全区", year=y, value=v) for y, v in pairs]


def test_progress_chart_has_every_element(catalog: Catalog) -> None:
    ind = catalog.indicator("I07")
    a = assess(ind, _obs("I07", (2021, 67.9), (2022, 69.0), (2023, 70.5), (2024, 71.2)), 2024, "全区")
    fig = progress_chart(ind, a, "zh")
    names = [trace.name for trace in fig.data]
    assert names == ["2020年基准", "观测值", "最新值", "按进度路径", "2025年目标 ≥75%", "95%预测区间", "按趋势预计"]
    assert list(fig.data[1].x) == [2021, 2022, 2023, 2024]
    assert list(fig.data[3].y) == [66.6, 75]
    # the values a leader looks for are written on the chart: the baseline, the latest value, the target
    assert [fig.data[n].text[0] for n in (0, 2, 4)] == ["66.6%", "71.2%", "2025年目标 ≥75%"]
    assert not fig.data[2].showlegend
    assert "2035年：定性目标" in fig.layout.title.text  # qualitative goal as a note, not a fake point
    assert fig.layout.yaxis.ticksuffix == "%" and fig.layout.font.family.startswith("Noto Sans CJK SC")
    assert not fig.layout.annotations  # no sample watermark on real data


def test_progress_chart_marks_the_derived_2035_target_and_sample_data(catalog: Catalog) -> None:
    ind = catalog.indicator("I08")
    a = assess(ind, _obs("I08", (2021, 45.0), (2024, 39.0)), 2024, "全区")
    fig = progress_chart(ind, a, "en", sample=True)
    assert "2035 target ≤35 μg/m³ (derived)" in [trace.name for trace in fig.data]
    assert fig.layout.annotations[0].text == "SAMPLE DATA"
    assert fig.layout.title.text.startswith("Fine particulate matter")  # the English name on the English page
    zh = progress_chart(ind, a, "zh")
    assert "2035年目标 ≤35 μg/m³（推导）" in [trace.name for trace in zh.data]


def test_progress_chart_shows_verdicts_and_the_path_from_the_2025_result(catalog: Catalog) -> None:
    """After 2025 the path to 2035 starts at the actual 2025 value; the 2025 verdict is on the chart."""
    ind = catalog.indicator("I08")
    a = assess(ind, _obs("I08", (2020, 48.0), (2024, 39.0), (2025, 37.0), (2026, 36.0)), 2026, "全区")
    fig = progress_chart(ind, a, "zh")
    path = next(trace for trace in fig.data if trace.name == "按进度路径")
    assert list(path.x) == [2025, 2035] and list(path.y) == [37.0, 35]
    assert a.verdict_for(2025).verdict == "pending"  # the plan's 2025 value is still 待下达: no star for it
    i07 = catalog.indicator("I07")
    b = assess(i07, _obs("I07", (2024, 73.4), (2025, 74.0)), 2026, "全区")
    names = [trace.name for trace in progress_chart(i07, b, "zh").data]
    assert "2025年目标 ≥75% ✖未达标" in names and "按进度路径" not in names  # a final verdict has no path


def test_axis_range_rules() -> None:
    low, high = value_range([19.83, 20.1, 19.9], "%")
    assert 19 < low < 19.83 and 20.1 < high < 21  # 森林覆盖率 is not squashed onto 0–100
    assert value_range([0, 3, 10], "%")[0] == 0  # percentages never go below 0
    assert value_range([95, 100], "%")[1] == 100  # nor above 100
    assert value_range([0.05, 0.8], "‰")[0] == 0  # ‰ never below 0 either


def test_gantt_chart_bars_span_the_project_period(catalog: Catalog) -> None:
    today = dt.date(2024, 5, 1)
    fig = gantt_chart(catalog.plan, [project_status(p, today) for p in catalog.projects], today, "zh")
    bars = [trace for trace in fig.data if trace.type == "bar"]
    assert len(bars) == 11
    sewage = next(b for b in bars if "农村改水、改厕、改污项目" in b.y[0])
    assert sewage.base[0] == "2021-01-01" and sewage.x[0] == 730 * 86_400_000  # 2021-01-01 … 2022-12-31
    # its 2022 milestone is past due and nothing was recorded: unknown, drawn pale and hatched, not orange
    assert sewage.marker.color == "#E4E4E4" and sewage.marker.pattern.shape == "/"
    assert sewage.name == "过期未录入完成情况"
    confirmed = gantt_chart(
        catalog.plan, [project_status(p, today, {}, {"P07-M1"}) for p in catalog.projects], today, "zh"
    )
    late = next(b for b in confirmed.data if b.type == "bar" and "农村改水、改厕、改污项目" in b.y[0])
    assert late.marker.color == "#D55E00" and late.marker.line.width == 3 and late.name == "确认逾期"


def test_ranking_orders_best_first(catalog: Catalog) -> None:
    fig = ranking_chart(catalog.indicator("I26"), [("甲", 1.2), ("乙", 0.9), ("丙", 1.0)], 2024, "zh")
    assert list(fig.data[0].y) == ["乙", "丙", "甲"]  # lower is better for 用水总量


def test_matrix_escapes_links_and_marks_binding(catalog: Catalog) -> None:
    view = build_overview(catalog.plan, list(catalog.indicators), _obs("I07", (2024, 70.0)), "全区", 2024)
    html = matrix_html(view.rows, "zh", dashboard_links({"lang": "en", "year": "2024"}))
    assert html.count("data-code=") == 42
    assert 'href="indicator?code=I07&amp;lang=en&amp;year=2024"' in html
    assert '<tr class="binding" data-code="I07">' in html and '<tr class="expected" data-code="I03">' in html
    assert '■&nbsp;滞后</span><span class="behind">⚠ 约束性指标滞后</span>' in html
    assert 'style="background:#D55E00;color:#ffffff">■&nbsp;滞后' in html  # strong colour on the badge
    assert "<script" not in matrix_html(view.rows, "zh", dashboard_links({"x": "<script>alert(1)</script>"}))


def test_sparkline_needs_two_points() -> None:
    assert sparkline_svg([Point(year=2021, value=1.0)]) == ""
    assert "<polyline" in sparkline_svg([Point(year=2021, value=1.0), Point(year=2024, value=3.0)])


def test_demo_goes_to_its_own_file_and_is_labelled(tmp_path: Path, catalog: Catalog) -> None:
    path = tmp_path / "demo.duckdb"
    rows = build_demo(path, catalog, settings.DEFAULT_DB)
    with Store.open(path) as store:
        assert store.meta("sample_data") == "1"
        assert {o.source for o in store.current_observations()} == {SAMPLE_SOURCE}
        assert len(store.current_observations()) == rows
        assert "示例镇甲" in store.regions()
    assert build_demo(path, catalog, settings.DEFAULT_DB) == rows  # a demo DB may be rebuilt


def test_demo_never_touches_a_real_database(tmp_path: Path, catalog: Catalog, store: Store) -> None:
    real = Path(store.url)
    with pytest.raises(UserError) as err:
        build_demo(real, catalog, tmp_path / "elsewhere.duckdb")  # an existing DB without the sample mark
    assert err.value.key == "demo.refuse_real"
    with pytest.raises(UserError):
        build_demo(tmp_path / "x.duckdb", catalog, tmp_path / "x.duckdb")  # the configured real DB path
    assert not (tmp_path / "x.duckdb").exists()


def test_staff_text_in_the_gantt_hover_is_plain_text(catalog: Catalog) -> None:
    """A milestone title staff typed reaches plotly escaped and as data, never as markup or a template field."""
    from shanhe.catalog import Milestone

    evil = '<a href="http://example.invalid">点此下载</a> %{x} <img src=x>'
    project = catalog.projects[0]
    staff = Milestone(
        id=f"{project.id}-S1",
        title=evil,
        due=dt.date(2024, 6, 30),
        due_text="2024-06-30",
        basis="staff",
        source="填报：张工",
    )
    project = project.model_copy(update={"milestones": (*project.milestones, staff)})
    fig = gantt_chart(catalog.plan, [project_status(project, dt.date(2024, 5, 1))], dt.date(2024, 5, 1), "zh")
    hovers = [str(trace.customdata[0]) for trace in fig.data if trace.customdata is not None]
    assert any("&lt;a href=&quot;http://example.invalid&quot;&gt;" in h and "%{x}" in h for h in hovers)
    assert all("<a " not in h and "<img" not in h for h in hovers)
    assert all(trace.hovertemplate == "%{customdata}<extra></extra>" for trace in fig.data if trace.customdata)


def test_labels_stay_off_the_line_and_inside_the_chart(catalog: Catalog) -> None:
    """A target the observed line passes above is labelled underneath; a point at the bottom of the chart is
    labelled above, so its label does not run into the axis."""
    from shanhe.chartspec import progress_spec

    forest = catalog.indicator("I02")
    a = assess(forest, _obs("I02", (2021, 19.9), (2023, 20.2), (2025, 20.5)), 2025, "全区")
    target = next(m for m in progress_spec(forest, a, "zh").marks if m.name.startswith("2025年目标"))
    assert not target.label_above
    pm = catalog.indicator("I08")
    a = assess(pm, _obs("I08", (2021, 46.0), (2024, 39.0), (2025, 37.0)), 2025, "全区")
    marks = progress_spec(pm, a, "zh").marks
    assert next(m for m in marks if m.name.startswith("2035年目标")).label_above  # the lowest point drawn


def test_the_matrix_sparkline_is_an_image_of_the_svg() -> None:
    """st.html's sanitiser drops inline SVG but keeps an img with a data: URI (tests/test_browser.py sees it drawn);
    the image is the same drawing, with the namespace an SVG file needs."""
    points = [Point(year=2021, value=1.0), Point(year=2024, value=3.0)]
    img = sparkline_img(points)
    data = re.fullmatch(r'<img src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)" width="90" height="24" alt="">', img)
    assert data is not None
    svg = base64.b64decode(data.group(1)).decode()
    assert svg == sparkline_svg(points) and svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert sparkline_img(points[:1]) == ""
