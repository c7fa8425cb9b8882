"""The overview page under real Streamlit (AppTest) on a real DuckDB file."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import DATA, ROOT, Cli


@pytest.fixture
def app(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("SHANHE_DB", str(cli.db))
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)


def test_overview_lists_every_indicator_by_category(app: AppTest) -> None:
    app.run()
    assert not app.exception
    assert app.title[0].value == "规划指标总览"
    assert [s.value for s in app.subheader] == ["生态保护", "环境质量", "生态经济", "补充指标（正文量化、表2-1未列）"]
    frames = [d.value for d in app.dataframe]
    assert [len(f) for f in frames] == [6, 15, 5, 10]
    quality = frames[1].set_index("编码")
    assert quality.loc["I07", "2025年目标"] == "完成上级下达指标（≥75%）"
    assert quality.loc["I07", "2020年现状"] == "66.6"
    assert quality.loc["I08", "2020年现状"] == "15（待核实）"
    assert quality.loc["I07", "属性"] == "约束性" and quality.loc["I11", "属性"] == "预期性"
    assert set(quality["最新值"]) == {"暂无数据"}
    assert "尚未导入任何数据。" in [c.value for c in app.caption]


def test_imported_values_appear_with_year_and_unit(app: AppTest, cli: Cli) -> None:
    app.run()
    # an import after the page was first drawn shows on the next run (the cache key is the data version)
    assert cli("import", DATA / "good" / "plain-utf8.csv")[0] == 0
    app.run()
    protection = app.dataframe[0].value.set_index("编码")
    assert protection.loc["I02", "最新值"] == "19.9%" and protection.loc["I02", "年份"] == "2021"
    quality = app.dataframe[1].value.set_index("编码")
    assert quality.loc["I10", "最新值"] == "0%"
    assert any(c.value.startswith("数据截至：") and "批次 #1" in c.value for c in app.caption)


def test_english_toggle(app: AppTest) -> None:
    app.run()
    app.sidebar.toggle(key="lang_en").set_value(True).run()
    assert app.title[0].value == "Plan indicators"
    assert list(app.dataframe[0].value.columns)[:3] == ["No.", "Code", "Indicator"]
    assert app.subheader[0].value == "Ecological protection"


def test_app_creates_a_missing_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHANHE_DB", str(tmp_path / "new" / "shanhe.duckdb"))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception and (tmp_path / "new" / "shanhe.duckdb").exists()
