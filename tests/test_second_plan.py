"""A second plan of the same kind (tests/data/plan-small: three indicators, base year 2025, periods to 2030)
drives the engine, the CLI and the pages through SHANHE_PLAN_DIR, with no code written for it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from shanhe.catalog import load_catalog
from shanhe.models import Observation
from shanhe.progress import assess
from tests.apptest import dashboard
from tests.conftest import DATA, Cli

SMALL = DATA / "plan-small"
VALUES = DATA / "plan-small-data" / "2026-2027.csv"


@pytest.fixture
def small(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> Cli:
    """A DB built from the small plan, evaluated in late 2027, with 2025–2027 values imported."""
    monkeypatch.setenv("SHANHE_PLAN_DIR", str(SMALL))
    monkeypatch.setenv("SHANHE_TODAY", "2027-11-01")
    cli.init(("import", VALUES, "--accept-jumps"))  # cumulative 3.5 → 7 is a jump by design
    return cli


def test_init_and_import_on_the_second_plan(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHANHE_PLAN_DIR", str(SMALL))
    monkeypatch.setenv("SHANHE_TODAY", "2027-11-01")
    code, out, _ = cli("init")
    assert code == 0 and "3 项指标" in out and str(SMALL) in out
    code, _, err = cli("import", VALUES, "--accept-jumps")
    assert code == 0, err


def test_plan_years_categories_and_headline_come_from_the_files() -> None:
    plan = load_catalog(SMALL).plan
    assert (plan.base_year, plan.first_target_year, plan.last_year) == (2025, 2028, 2030)
    assert list(plan.target_years) == [2026, 2027, 2028, 2029, 2030]
    assert plan.shown_years(2027) == [2025, 2026, 2027]
    assert plan.category_names == ("水环境", "大气环境") and plan.category("大气环境").label("en") == "Air"
    assert plan.headline == ("I02",)


def test_engine_measures_from_the_plans_own_base_year() -> None:
    catalog = load_catalog(SMALL)
    i03 = catalog.indicator("I03")  # cumulative change since 2025: 0 in 2025 by definition
    a = assess(i03, [Observation(indicator_code="I03", region="全县", year=2027, value=7.0)], 2027, "全县")
    assert (a.plan_start_year, a.plan_start_value, a.start_kind) == (2025, 0.0, "base_year_zero")
    # 7 of 17 after 2 of 5 years: expected 6.8, progress 102.9 %
    assert a.expected_value == pytest.approx(6.8) and a.label_code == "on_track"
    from shanhe.messages import text

    assert "相对2025年（2025年为0）" in text(a.reason, "zh") and "since 2025 (2025 counts as 0)" in text(a.reason, "en")


def test_status_cli_on_the_second_plan(small: Cli) -> None:
    code, out, _ = small("status", "--format", "json")
    assert code == 0
    records = {r["code"]: r for r in json.loads(out)}
    assert list(records) == ["I01", "I02", "I03"]
    i01 = records["I01"]
    # 80 → 84 over 2025–2028; 82 in 2027 is 2 of the expected 2.67: 75 %, binding, behind
    assert (i01["evaluation_year"], i01["target_year"], i01["path_ratio"], i01["label_code"]) == (
        2027,
        2028,
        0.75,
        "behind",
    )
    assert [v["verdict"] for v in i01["verdicts"]] == ["pending", "pending"]
    code, out, _ = small("status", "--summary", "--format", "json")
    summary = json.loads(out)
    assert summary["by_category"] == {"水环境": {"behind": 1}, "大气环境": {"on_track": 2}}
    assert summary["binding_behind"] == ["地表水优良水体比例"]
    code, _, err = small("status", "--year", "2024")
    assert code == 2 and "2025–2030" in err
    code, out, _ = small("indicators")
    assert "2025年现状  2028年目标" in out
    assert "I01   地表水优良水体比例       水环境    %     约束性  80          ≥84" in out


def test_import_checks_the_second_plans_years(small: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("indicator_code,year,value\nI01,2024,79\nI03,2025,0\n", encoding="utf-8")
    code, _, err = small("import", bad)
    assert code == 1
    assert '第 2 行，"year"列：年份 2024 超出规划期 2025–2030' in err
    assert "相对2025年的累计变化率填报，2025年是基期（累计值为0），请从2026年起填报" in err
    code, _, err = small(
        "targets",
        "set",
        "I02",
        "--year",
        "2031",
        "--value",
        "82",
        "--document",
        "测试〔2027〕2号",
        "--date",
        "2027-05-01",
        "--user",
        "cli",
    )
    assert code == 1 and "2026–2030" in err, err


def test_overview_page_on_the_second_plan(small: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHANHE_DB", str(small.db))
    at = dashboard()
    at.run()
    assert not at.exception, at.exception
    assert at.selectbox(key="ov_year").options == ["2025", "2026", "2027"]
    assert at.selectbox(key="ov_year").value == 2027
    assert len(at.get("plotly_chart")) == 1  # the plan's one headline indicator
    headings = [m.value for m in at.markdown if m.value.startswith("#### ")]
    assert headings == ["#### 水环境", "#### 大气环境"]
    assert at.multiselect(key="cat").options == ["水环境", "大气环境"]
    at.query_params["lang"] = "en"
    at = dashboard()
    at.query_params["lang"] = "en"
    at.run()
    assert [m.value for m in at.markdown if m.value.startswith("#### ")] == ["#### Water", "#### Air"]


def _broken(tmp_path: Path, name: str, change: object) -> Path:
    plan = tmp_path / "plan"
    shutil.copytree(SMALL, plan)
    data = yaml.safe_load((plan / name).read_text(encoding="utf-8"))
    change(data)
    (plan / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return plan


@pytest.mark.parametrize(
    ("name", "change", "message"),
    [
        ("indicators.yaml", lambda d: d[0].update(category="土壤"), "category '土壤' is not among"),
        ("indicators.yaml", lambda d: d[1].update(seq=4, code="I04"), "序号 1–3 exactly once"),
        ("indicators.yaml", lambda d: d[0]["targets"][0].update(year=2031), "target years [2031] outside 2026–2030"),
        ("indicators.yaml", lambda d: d[0]["baseline"].update(year=2020), "baseline year 2020, plan base year 2025"),
        ("plan.yaml", lambda d: d.update(headline=["I09"]), "headline names unknown indicators ['I09']"),
        ("plan.yaml", lambda d: d["periods"][2].update(start=2030), "far must start the year after near ends"),
        ("projects.yaml", lambda d: d[0].update(group="山"), "group '山' is not among"),
    ],
)
def test_a_plan_that_contradicts_itself_does_not_load(tmp_path: Path, name: str, change: object, message: str) -> None:
    with pytest.raises(ValidationError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_catalog(_broken(tmp_path, name, change))


@pytest.mark.parametrize("page", ["indicator", "projects", "themes", "methodology", "report", "about", "present"])
def test_every_page_opens_on_the_second_plan(small: Cli, monkeypatch: pytest.MonkeyPatch, page: str) -> None:
    monkeypatch.setenv("SHANHE_DB", str(small.db))
    at = dashboard()
    at.run()
    at.switch_page(f"pages/{page}_page.py").run()
    assert not at.exception, at.exception
    shown = " ".join(m.value for m in at.markdown) + " ".join(t.value for t in at.title)
    assert "2020" not in shown and "全区" not in shown
