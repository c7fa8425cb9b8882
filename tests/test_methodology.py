"""The methodology page explains exactly what the engine does: same thresholds, same numbers."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from shanhe import methodology
from shanhe.catalog import Catalog
from shanhe.messages import text
from shanhe.models import Observation
from shanhe.progress import assess
from shanhe.rules import THRESHOLDS
from tests.apptest import dashboard
from tests.conftest import DATA, Cli, text_tables


def test_threshold_table_is_the_engine_config(catalog: Catalog) -> None:
    rows = methodology.threshold_rows("zh")
    # written out, not computed from rules.THRESHOLDS: a change to the thresholds must change this test too
    assert [(r["属性"], r["进度正常（绿）：完成进度 ≥"], r["需加快（黄）：完成进度 ≥"]) for r in rows] == [
        ("约束性", "100%", "85%"),
        ("预期性", "95%", "70%"),
        ("补充指标", "95%", "70%"),
    ]
    assert set(THRESHOLDS) == {"binding", "expected", "supplementary"}
    # the label table, written out: its order, words and thresholds filled into the rules
    rows = methodology.label_rows(catalog.plan, "zh")
    assert [(r["图标"], r["标签"], r["灯"]) for r in rows] == [
        ("✔", "已达标", "绿"),
        ("●", "进度正常", "绿"),
        ("▲", "需加快", "黄"),
        ("■", "滞后", "红"),
        ("✖", "严重滞后/反向变化", "红"),
        ("⊘", "未达标", "红"),
        ("○", "无数据", "灰"),
        ("◇", "待下达", "灰"),
        ("□", "定性目标", "灰"),
        ("△", "数据不足", "灰"),
    ]
    assert rows[3]["条件"] == "0 ≤ 完成进度 < 85%（约束性）/ 70%（预期性）。"
    assert rows[9]["条件"].endswith("缺少2020年基准值。")


def test_worked_steps_reproduce_the_engine(catalog: Catalog) -> None:
    ind = catalog.indicator("I07")
    data = [
        Observation(indicator_code="I07", region="全区", year=y, value=v)
        for y, v in ((2021, 67.9), (2022, 69.0), (2023, 70.5), (2024, 71.2))
    ]
    a = assess(ind, data, 2024, "全区")
    steps = {r["步骤"]: r["计算"] for r in methodology.worked_steps(a, "zh")}
    assert steps["按进度应达"] == "66.6 + (75 − 66.6) × 0.8 = 73.32%"
    assert steps["实际进展"] == "71.2 − 66.6 = 4.6"
    assert steps["应有进展"] == "(75 − 66.6) × 0.8 = 6.72"
    assert steps["完成进度 = 实际进展 ÷ 应有进展"] == "4.6 ÷ 6.72 = 68.5%"
    assert steps["结论"] == "■ 滞后" and steps["说明"] == text(a.reason, "zh")


def test_worked_steps_show_the_tolerance_and_the_verdict(catalog: Catalog) -> None:
    ind = catalog.indicator("I07")
    # 2024: 73.25 against the path's 73.32 — 99.0 %, short by 0.07 < 0.1: on track, and the steps say why
    a = assess(ind, [Observation(indicator_code="I07", region="全区", year=2024, value=73.25)], 2024, "全区")
    steps = {r["步骤"]: r["计算"] for r in methodology.worked_steps(a, "zh")}
    assert a.label_code == "on_track" and steps["完成进度 = 实际进展 ÷ 应有进展"].endswith("= 99%")
    assert steps["容差（规划数值精度）"] == "与应达值相差 0.07 个百分点，不足 0.1 个百分点：视为进度正常"
    b = assess(ind, [Observation(indicator_code="I07", region="全区", year=2025, value=74.0)], 2026, "全区")
    steps = {r["步骤"]: r["计算"] for r in methodology.worked_steps(b, "zh")}
    assert steps["2025年目标结论"].startswith("✖ 未达标：2025年 74%，未达到2025年目标（≥75%）")


def test_examples_fall_back_to_labelled_samples(catalog: Catalog) -> None:
    headline = [catalog.indicator(c) for c in catalog.plan.headline]
    ((ind, a, sample), (_, b, _)) = methodology.examples(headline, [], 2024, "全区")
    assert ind.code == "I07" and sample and a.year == 2024 and b.code == "I02"
    real = [Observation(indicator_code="I07", region="全区", year=2023, value=72.0)]
    (_, a, sample), _ = methodology.examples(headline, real, 2023, "全区")
    assert not sample and a.value == 72.0
    # an indicator without data or a sample series is no example
    assert methodology.examples([catalog.indicator("I08")], [], 2024, "全区") == []


@pytest.fixture
def app(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("SHANHE_DB", str(cli.db))
    cli.init()
    return dashboard()


def test_methodology_page_with_sample_examples(app: AppTest) -> None:
    app.run()
    app.switch_page("pages/methodology_page.py").run()
    assert not app.exception
    assert app.title[0].value == "方法说明：红绿灯怎样判定"
    assert len(app.warning) == 2  # both examples are sample data, and say so
    thresholds = text_tables(app)[1]
    assert list(thresholds[0].values()) == ["约束性", "100%", "85%"]
    assert not any(".py" in m.value for m in app.markdown)  # no code file names for readers


def test_methodology_page_uses_store_data(app: AppTest, cli: Cli) -> None:
    cli("import", DATA / "scenario" / "observations.csv", "--accept-jumps")
    app.run()
    app.switch_page("pages/methodology_page.py").run()
    assert not app.exception and len(app.warning) == 0
    steps = text_tables(app)[-2]
    assert "2024：71.2%" in [s["计算"] for s in steps]
