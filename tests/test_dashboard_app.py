"""Every page under real Streamlit (AppTest) on real DuckDB files: empty, partly filled, sample data."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from shanhe.settings import ROOT
from shanhe.ui import first_screen
from tests.apptest import dashboard
from tests.conftest import DATA, Cli, demo_copy, text_tables

PAGES = ("overview", "indicator", "projects", "themes", "methodology", "report", "about")


def _app(monkeypatch: pytest.MonkeyPatch, db: Path, **params: str | list[str]) -> AppTest:
    monkeypatch.setenv("SHANHE_DB", str(db))
    at = dashboard()
    for key, value in params.items():
        at.query_params[key] = value
    return at


def _open(at: AppTest, page: str) -> AppTest:
    at.run()
    if page != "overview":
        at.switch_page(f"pages/{page}_page.py").run()
    assert not at.exception, at.exception
    return at


@pytest.fixture
def empty_db(cli: Cli) -> Path:
    cli.init()
    return cli.db


@pytest.fixture
def partial_db(cli: Cli) -> Path:
    """Only some indicators filled (the hand-worked scenario)."""
    cli.init(("import", DATA / "scenario" / "observations.csv", "--accept-jumps"))
    return cli.db


@pytest.fixture
def sample_db(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path / "demo.duckdb"
    demo_copy(path, tmp_path_factory)
    return path


def _spec(at: AppTest, n: int = 0) -> str:
    """A plotly chart's figure as text, with Chinese unescaped."""
    return json.dumps(json.loads(at.get("plotly_chart")[n].proto.spec), ensure_ascii=False)


def _matrix_html(at: AppTest) -> str:
    """The light tables: st.html on the overview, raw-HTML markdown in presenter mode."""
    return "".join(b for b in [m.value for m in at.markdown] + [h.proto.body for h in at.html] if "sh-matrix" in b)


def _matrix_codes(at: AppTest) -> list[str]:
    return re.findall(r'data-code="(\w+)"', _matrix_html(at))


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("db", ["empty_db", "partial_db", "sample_db"])
def test_every_page_renders(
    page: str, db: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = request.getfixturevalue(db)
    at = _open(_app(monkeypatch, path), page)
    banner = [w.value for w in at.warning if "当前看板使用的是演示用的示例数据" in w.value]
    assert bool(banner) == (db == "sample_db")


def test_overview_shows_lights_charts_and_every_indicator(partial_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = _open(_app(monkeypatch, partial_db), "overview")
    assert at.selectbox(key="ov_year").value == 2024  # the latest year with data
    assert len(at.get("plotly_chart")) == 2
    everything = [f"I{n:02d}" for n in range(1, 27)] + [f"S{n:02d}" for n in range(1, 17)]
    assert sorted(_matrix_codes(at)) == everything
    html = _matrix_html(at)
    assert not any("sh-matrix" in m.value for m in at.markdown)  # no raw-HTML markdown to redraw with the strip
    assert '■&nbsp;滞后</span><span class="behind">⚠ 约束性指标滞后' in html and 'class="binding"' in html
    assert 'href="indicator?code=I07&amp;year=2024"' in html
    assert any("19 项约束性指标中" in m.value for m in at.markdown)
    # the light strip is plain markdown drawn before the first chart, so it waits for no plotly and no HTML plugin
    nodes = [n for n in at.main if getattr(n, "type", "") in ("markdown", "plotly_chart")]
    strip = next(n for n, node in enumerate(nodes) if node.type == "markdown" and "约束性指标 19 项" in node.value)
    assert strip < next(n for n, node in enumerate(nodes) if node.type == "plotly_chart")
    tiles = nodes[strip + 1]
    assert tiles.value.startswith("## :color[") and not tiles.proto.allow_html
    # drawn with theme=None: Streamlit's theme would override the figures' own font sizes and colours
    assert all(c.proto.theme == "" for c in at.get("plotly_chart"))


def test_a_sessions_first_overview_arrives_in_steps(partial_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The strip alone, then the charts, then the rest (in a browser each step follows the browser's report
    that it painted the one before; tests/test_browser.py watches that in Chromium)."""
    monkeypatch.setenv("SHANHE_DB", str(partial_db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["cat"] = ["生态保护"]  # a shared link's filter survives the steps
    at.run()
    assert any("约束性指标 19 项" in m.value for m in at.markdown) and not at.get("plotly_chart")
    assert [c.key for c in at.get("bidi_component")] == ["shanhe-first-screen-1"] and not _matrix_codes(at)
    at.session_state[first_screen.KEY] = first_screen.STRIP  # what the browser's report sets
    at.run()
    assert len(at.get("plotly_chart")) == 2 and not _matrix_codes(at)
    assert [c.key for c in at.get("bidi_component")] == ["shanhe-first-screen-2"]
    at.session_state[first_screen.KEY] = first_screen.CHARTS
    at.run()
    assert not at.exception and not at.get("bidi_component") and len(at.get("plotly_chart")) == 2
    assert set(_matrix_codes(at)) == {f"I0{n}" for n in range(1, 7)} | {"S02", "S03", "S04", "S05"}
    assert at.multiselect(key="cat").value == ["生态保护"]


def test_filters_change_the_matrix_and_go_into_the_url(partial_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = _open(_app(monkeypatch, partial_db), "overview")
    at.multiselect(key="cat").set_value(["环境质量"]).run()
    assert len(_matrix_codes(at)) == 15 + 4  # 环境质量 rows of 表2-1, plus S01, S09, S10, S15
    at.multiselect(key="attr").set_value(["binding"]).run()
    codes = _matrix_codes(at)
    assert len(codes) == 11 and all(c.startswith("I") for c in codes)  # binding rows of 环境质量
    at.multiselect(key="light").set_value(["red"]).run()
    assert set(_matrix_codes(at)) == {"I07", "I09"}  # red, binding, 环境质量 (no assigned targets here)
    assert at.query_params["cat"] == "环境质量" or at.query_params["cat"] == ["环境质量"]
    assert at.query_params["light"] in ("red", ["red"])


def test_a_shared_url_reopens_the_view(partial_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = _open(_app(monkeypatch, partial_db, year="2023", cat=["生态保护"], light=["grey"], lang="en"), "overview")
    assert at.selectbox(key="ov_year").value == 2023
    assert at.multiselect(key="cat").value == ["生态保护"] and at.multiselect(key="light").value == ["grey"]
    assert at.title[0].value == "Plan indicators"
    assert set(_matrix_codes(at)) <= {"I01", "I02", "I03", "I04", "I05", "I06", "S02", "S03", "S04", "S05"}


def test_invalid_parameters_fall_back_with_a_notice(partial_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = _open(_app(monkeypatch, partial_db, year="2099", light=["purple"]), "overview")
    assert at.selectbox(key="ov_year").value == 2024
    notices = [i.value for i in at.info]
    assert any("year=2099" in n for n in notices) and any("light=purple" in n for n in notices)


def test_indicator_page_by_url(partial_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = _app(monkeypatch, partial_db, code="I07", year="2024")
    at.run()
    at.switch_page("pages/indicator_page.py").run()
    assert not at.exception
    assert at.selectbox(key="code").value == "I07" and at.title[0].value == "城市空气质量优良天数比例"
    assert at.selectbox(key="ind_year").value == 2024
    assert any("按进度应达 73.32%" in e.value for e in at.error)  # red light, with the reason sentence
    spec = _spec(at)
    assert "城市空气质量优良天数比例" in spec and "按进度路径" in spec and "2025年目标 ≥75%" in spec
    figures = next(m.value for m in at.markdown if "sh-figures" in m.value)
    assert "<span>完成进度</span><b>68.5%</b>" in figures  # the figure the light was compared on
    assert len(at.get("download_button")) == 2
    assert not any(s.label == "地区" for s in at.selectbox)  # district data only: no region clutter


def test_indicator_page_offers_regions_when_they_have_data(sample_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = _app(monkeypatch, sample_db, code="I07")
    at.run()
    at.switch_page("pages/indicator_page.py").run()
    assert not at.exception
    region = at.selectbox(key="region")
    assert region.options[0] == "全区" and "示例镇甲" in region.options
    assert len(at.get("plotly_chart")) == 2  # progress and the ranking of regions
    ranking = json.loads(at.get("plotly_chart")[1].proto.spec)
    towns = ranking["data"][0]["y"]
    assert "全区" not in towns and "示例镇甲" in towns  # the district is a reference line, not ranked
    texts = [a["text"] for a in ranking["layout"]["annotations"]]
    assert any(x.startswith("全区 ") for x in texts) and "2025年目标 ≥75%" in texts
    assert ranking["layout"]["xaxis"]["range"][0] > 60  # around the data, not from 0
    region.set_value("示例镇甲").run()
    assert not at.exception and at.query_params["region"] in ("示例镇甲", ["示例镇甲"])


def test_projects_page(empty_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = _open(_app(monkeypatch, empty_db, project="P05"), "projects")
    assert "历史遗留废弃露天矿山生态修复治理工程" in _spec(at)
    assert at.selectbox(key="project").value == "P05"
    milestones = at.dataframe[-1].value
    assert len(milestones) == 2 and "2025年底前，力争" in list(milestones["原文时间"])
    at.multiselect(key="unit").set_value(["晋城市生态环境局城区分局"]).run()
    bars = [d for d in json.loads(at.get("plotly_chart")[0].proto.spec)["data"] if d["type"] == "bar"]
    assert len(bars) == 2  # P08 and P11


def test_themes_page_puts_lights_and_projects_together(partial_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = _open(_app(monkeypatch, partial_db), "themes")
    assert [s.value for s in at.subheader] == [
        "一山（太行山）",
        "一河（丹河支流-白水河）",
        "一流域（丹河流域-白水河流域）",
    ]
    cards = ["".join(m.value for m in at.markdown if "sh-cards" in m.value)]
    assert len(re.findall(r'class="sh-card [^"]*" data-code="(\w+)"', cards[0])) == 9 + 8 + 9
    chips = [m.value for m in at.markdown if '<ul class="sh-projects">' in m.value]
    assert [c.count("<li>") for c in chips] == [5, 3, 2]
    assert 'href="indicator?code=' in cards[0]


def test_about_page_lists_every_flag(partial_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = _open(_app(monkeypatch, partial_db), "about")
    goals, flags = text_tables(at)
    assert [f["编号"] for f in flags] == [f"F{n:02d}" for n in range(1, 31)]
    assert flags[0]["涉及"] == "I08 城市细颗粒物浓度"  # names beside codes, never a bare "plan"
    assert not any("plan" in f["涉及"].split("\n") for f in flags)
    assert sorted({g["年份"] for g in goals}) == ["2025", "2030", "2035"] and len(goals) == 11
    assert any("城政发〔2023〕3号" in m.value for m in at.markdown)
    assert any("规划基准年：2020（" in m.value for m in at.markdown)  # not 2020–2020


def test_presenter_mode_hides_the_sidebar_and_steps_through_topics(
    partial_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _app(monkeypatch, partial_db, present="1")
    at.run()
    assert not at.exception and len(at.sidebar) == 0
    assert any('[data-testid="stSidebar"]' in m.value for m in at.markdown)  # hidden in the browser too
    assert at.title[0].value.startswith("进展摘要")
    assert any('class="shanhe-strip"' in m.value for m in at.markdown)  # the summary leads with the light strip
    at.button(key="next").click().run()
    assert at.query_params["slide"] in ("2", ["2"]) and len(at.get("plotly_chart")) == 1
    assert any("第 2/18 页" in h.proto.body for h in at.html)  # footer
    at.button(key="first").click().run()
    assert "slide" not in at.query_params and at.title[0].value.startswith("进展摘要")


def test_presenter_mode_opens_on_a_given_slide(partial_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = _app(monkeypatch, partial_db, present="1", slide="12")
    at.run()
    assert not at.exception
    assert "历史遗留废弃露天矿山生态修复治理工程" in _spec(at)


def test_presenter_mode_splits_a_long_table(partial_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """环境质量's 15 rows do not fit a projector: three slides of five, each titled with its part."""
    at = _app(monkeypatch, partial_db, present="1", slide="6")
    at.run()
    assert not at.exception and at.title[0].value == "环境质量（2/3）"
    assert _matrix_codes(at) == ["I12", "I13", "I14", "I15", "I16"]


def test_english_toggle_and_link(empty_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = _open(_app(monkeypatch, empty_db), "overview")
    at.sidebar.toggle(key="lang_en").set_value(True).run()
    assert at.title[0].value == "Plan indicators"
    # (AppTest does not carry main-script widget state or URL writes to the next run; the browser test does)
    at = _open(_app(monkeypatch, empty_db, lang="en"), "projects")
    assert at.title[0].value == "Key projects and milestones (annex 1)"


def test_overview_shows_the_2025_verdicts_beside_the_lights(sample_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = _open(_app(monkeypatch, sample_db), "overview")
    assert at.selectbox(key="ov_year").value == 2025
    strip = "".join(m.value for m in at.markdown)
    assert "**2025年目标完成情况：**" in strip and "✖ 未达标 4" in strip
    assert '2025年未达标的约束性指标：</b><a href="indicator?code=I07&amp;year=2025" target="_self"' in strip
    assert at.expander[1].label == "2025年目标完成情况：分组统计与逐项结论"
    counts = at.table[
        0
    ].value  # the verdicts per attribute (st.table: no data-grid chunks to fetch on the first screen)
    binding = counts.loc["约束性"]
    assert (binding["达标"], binding["未达标"], binding["待下达"]) == (10, 4, 5)
    html = _matrix_html(at)
    assert (
        '<th class="wrap">2025年目标完成情况</th>' in html and "✖ 未达标（73.8%）" in html
    )  # I07 missed, with its value
    assert "○ 缺数据" in html  # I11 has no 2025 value: no verdict
    assert any("未达到2025年目标的约束性指标：城市空气质量优良天数比例" in m.value for m in at.markdown)


def test_presenter_mode_has_a_verdict_slide(sample_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = _app(monkeypatch, sample_db, present="1", slide="2")
    at.run()
    assert not at.exception and at.title[0].value == "2025年目标完成情况"
    assert len(at.dataframe[0].value) == 3  # binding, expected, supplementary


def test_indicator_page_shows_verdicts_and_warns_about_a_conflicting_baseline(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli.init()
    data = tmp_path / "i07.csv"
    data.write_text("indicator_code,year,value\nI07,2020,60\nI07,2024,73.4\nI07,2025,74\n", encoding="utf-8")
    assert cli("import", data)[0] == 0
    at = _app(monkeypatch, cli.db, code="I07", year="2025")
    at.run()
    at.switch_page("pages/indicator_page.py").run()
    assert not at.exception
    assert any("录入的2020年值 60% 与规划基准值 66.6% 不一致" in w.value for w in at.warning)
    verdicts = at.dataframe[0].value
    assert list(verdicts["结论"]) == ["✖ 未达标"] and list(verdicts["数值"]) == ["74%"]
    assert any("未达到2025年目标（≥75%），差 1 个百分点" in e.value for e in at.error)
    assert not any("完成进度" in m.value for m in at.markdown)  # a judged target has no progress figures to show
