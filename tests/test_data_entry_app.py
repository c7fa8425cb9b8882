"""Data entry under real Streamlit (AppTest): login, roles, upload → preview → confirm, revert, targets, milestones."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from shanhe import auth
from shanhe.store import Store
from tests.apptest import dashboard
from tests.conftest import DATA, Cli, log_in

PASSWORD = "correct horse 9"


@pytest.fixture
def db(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> Path:
    cli.init()
    with Store.open(cli.db) as store:
        auth.add_user(store, "张工", "staff", PASSWORD)
        auth.add_user(store, "王主任", "admin", PASSWORD)
    monkeypatch.setenv("SHANHE_DB", str(cli.db))
    return cli.db


def app() -> AppTest:
    return dashboard()


def logged_in(name: str) -> AppTest:
    at = log_in(name, PASSWORD)
    assert not at.exception
    return at


def test_login_success_and_failure(db: Path) -> None:
    at = app().run()
    at.switch_page("pages/login_page.py").run()
    at.text_input(key="login_name").input("张工")
    at.text_input(key="login_password").input("wrong password")
    at.button[0].click().run()
    assert [e.value for e in at.error] == ["用户名或密码错误，或账号已停用。"]
    at = logged_in("张工")
    assert any("已登录：张工（填报人员）" in s.value for s in at.success)


@pytest.mark.parametrize("page", ["upload", "history", "assigned", "milestones"])
def test_data_entry_pages_are_not_in_an_anonymous_menu(db: Path, page: str) -> None:
    at = app().run()
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(f"pages/{page}_page.py")
    at = logged_in("张工")
    at.switch_page(f"pages/{page}_page.py").run()
    assert not at.exception and not at.info


def test_upload_preview_confirm_and_revert(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = logged_in("张工")
    at.switch_page("pages/upload_page.py").run()
    assert len(at.get("download_button")) == 2  # the XLSX and CSV templates
    at.get("file_uploader")[0].upload(
        "title-rows.xlsx",
        (DATA / "good" / "title-rows.xlsx").read_bytes(),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    at.run()
    assert not at.exception
    preview = at.dataframe[0].value
    assert list(preview["状态"]) == ["新增", "新增", "新增"]
    assert any(m.value.startswith("新增 3 条、修改 0 条、不变 0 条。") for m in at.markdown)
    with Store.open(db) as store:
        assert store.table_counts()["observations"] == 0  # nothing written before the confirmation
    at.button(key="confirm_upload").click().run()
    assert any("导入成功：批次 #1" in s.value for s in at.success)
    with Store.open(db) as store:
        assert len(store.current_observations()) == 3

    at.switch_page("pages/history_page.py").run()
    assert list(at.dataframe[0].value["批次"]) == [1]
    at.checkbox(key="revert_sure_1").check().run()
    at.button(key="revert").click().run()
    assert any("已撤销：新批次 #2" in s.value for s in at.success)
    with Store.open(db) as store:
        assert store.current_observations() == []


def test_bad_upload_lists_every_problem_and_writes_nothing(db: Path) -> None:
    at = logged_in("张工")
    at.switch_page("pages/upload_page.py").run()
    at.get("file_uploader")[0].upload("y.csv", (DATA / "bad" / "year-out-of-range.csv").read_bytes(), "text/csv")
    at.run()
    assert at.error[0].value.startswith("发现 2 个问题，文件未导入")
    problems = at.dataframe[0].value
    assert list(problems["问题"]) == [
        '第 2 行，"year"列：年份 2019 超出规划期 2020–2035。',
        '第 3 行，"year"列：年份 2036 超出规划期 2020–2035。',
    ]
    assert all(b.key != "confirm_upload" for b in at.button)


def test_suspicious_jumps_need_an_explicit_confirmation(db: Path, cli: Cli) -> None:
    cli("import", DATA / "good" / "plain-utf8.csv")  # I07 2021 = 71.2
    at = logged_in("张工")
    at.switch_page("pages/upload_page.py").run()
    at.get("file_uploader")[0].upload("j.csv", "指标编码,年份,数值\nI07,2022,30\n".encode(), "text/csv")
    at.run()
    assert any("变化超过 30%" in w.value for w in at.warning)
    assert "⚠ -58%" in list(at.dataframe[0].value["同比变化"])
    assert at.button(key="confirm_upload").disabled
    at.checkbox(key="jumps_checked").check().run()
    assert not at.button(key="confirm_upload").disabled


def test_staff_cannot_revert_someone_elses_batch_but_admin_can(db: Path, cli: Cli) -> None:
    cli("import", DATA / "good" / "plain-utf8.csv", "--user", "王主任")
    at = logged_in("张工")
    at.switch_page("pages/history_page.py").run()
    assert any("你不能撤销这个批次" in c.value for c in at.caption)
    at = logged_in("王主任")
    at.switch_page("pages/history_page.py").run()
    assert at.checkbox(key="revert_sure_1") is not None


def test_assigned_target_entry_changes_the_light(db: Path, cli: Cli) -> None:
    cli("import", DATA / "scenario" / "observations.csv", "--accept-jumps")
    at = logged_in("张工")
    at.switch_page("pages/assigned_page.py").run()
    at.selectbox(key="asg_code").set_value("I26").run()
    at.number_input(key="asg_value").set_value(1.0)
    at.text_input(key="asg_doc").input("晋城政发〔2023〕1号")
    at.button[0].click().run()
    assert any("已保存：I26 2025 年目标 1" in s.value for s in at.success), [e.value for e in at.error]
    assert list(at.dataframe[0].value["文号"]) == ["晋城政发〔2023〕1号"]
    _, out, _ = cli("status", "--year", "2024", "--format", "json")
    assert '"label_code": "behind"' in out.split('"code": "I26"')[1].split('"code": "S01"')[0]


def test_milestone_update_and_addition(db: Path) -> None:
    at = logged_in("张工")
    at.switch_page("pages/milestones_page.py").run()
    at.selectbox(key="ms_project").set_value("P05").run()
    at.selectbox(key="ms_id").set_value("P05-M1").run()
    assert at.selectbox(key="ms_status").value == "in_progress"  # past due, nothing recorded: not 未开始
    at.selectbox(key="ms_status").set_value("done")
    at.date_input(key="ms_date").set_value(dt.date(2021, 11, 30))
    at.text_area(key="ms_note").input("已全面启动，见验收报告")
    at.button[0].click().run()
    assert any("已保存里程碑进展" in s.value for s in at.success), [e.value for e in at.error]
    table = at.dataframe[0].value
    assert table["状态"].iloc[0] == "已完成" and table["备注"].iloc[0] == "已全面启动，见验收报告"
    assert at.selectbox(key="ms_status").value == "done" and at.date_input(key="ms_date").value == dt.date(2021, 11, 30)
    at.text_area(key="ms_note").input("补充验收报告编号")  # saving a note keeps the status
    at.button[0].click().run()
    assert at.dataframe[0].value["状态"].iloc[0] == "已完成"
    at.text_input(key="ms_new_title").input("北部矿山复绿验收")
    at.button[1].click().run()
    assert any("已新增里程碑 P05-S1" in s.value for s in at.success)
