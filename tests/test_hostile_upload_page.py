"""Issue 12 on the upload and login pages (real Streamlit AppTest): the same rules as the CLI, said plainly."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from shanhe import auth
from shanhe.store import Store
from tests.conftest import DATA, Cli, log_in

PASSWORD = "correct horse 9"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def db(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> Path:
    cli.init(("import", DATA / "good" / "plain-utf8.csv", "--user", "王主任"))  # I07 2021 = 71.2, source 测试数据
    with Store.open(cli.db) as store:
        auth.add_user(store, "张工", "staff", PASSWORD)
    monkeypatch.setenv("SHANHE_DB", str(cli.db))
    return cli.db


def _login(name: str = "张工", password: str = PASSWORD, at: AppTest | None = None) -> AppTest:
    return log_in(name, password, at)


def _upload(name: str, data: bytes, mime: str = "text/csv") -> AppTest:
    at = _login()
    at.switch_page("pages/upload_page.py").run()
    at.get("file_uploader")[0].upload(name, data, mime)
    return at.run()


def test_a_decimal_form_percentage_needs_the_tick(db: Path) -> None:
    at = _upload("d.csv", (DATA / "bad" / "decimal-form.csv").read_bytes())
    assert not at.exception
    assert "⚠ 小数形式？" in list(at.dataframe[0].value["同比变化"])
    assert any("看起来是小数形式" in w.value for w in at.warning)
    assert at.button(key="confirm_upload").disabled
    at.checkbox(key="jumps_checked").check().run()
    assert not at.button(key="confirm_upload").disabled


def test_the_preview_shows_source_note_and_what_changes(db: Path) -> None:
    at = _upload("s.csv", "indicator_code,year,value,source,note\nI07,2021,71.2,,新备注\n".encode())
    preview = at.dataframe[0].value
    assert list(preview["出处"]) == ["测试数据"]  # the blank source keeps the stored one
    assert list(preview["备注"]) == ["新备注"] and list(preview["修改内容"]) == ["备注"]


def test_title_rows_and_the_sheet_read_are_named(db: Path) -> None:
    at = _upload("t.xlsx", (DATA / "good" / "title-rows.xlsx").read_bytes(), XLSX)
    notes = "\n".join(e.value for e in at.text)
    assert "已忽略：第1–2行（标题）" in notes and "读取工作表：Sheet" in notes


def test_several_sheets_offer_a_choice(db: Path) -> None:
    at = _upload("s.xlsx", (DATA / "bad" / "several-sheets.xlsx").read_bytes(), XLSX)
    assert not at.exception and not at.error
    picker = next(s for s in at.selectbox if s.key.startswith("upload_sheet-"))
    assert picker.options == ["填报", "2021年"]
    picker.set_value("填报").run()
    assert list(at.dataframe[0].value["年份"]) == [2022]


@pytest.mark.parametrize(
    "name", ["garbage-xml.xlsx", "entity-expansion.xlsx", "bad-cell-ref.xlsx", "forged-dimension.xlsx", "corrupt.xlsx"]
)
def test_a_damaged_workbook_is_a_message_not_an_exception(db: Path, name: str) -> None:
    at = _upload(name, (DATA / "bad" / name).read_bytes(), XLSX)
    assert not at.exception
    assert at.error[0].value.startswith("发现 1 个问题，文件未导入")
    with Store.open(db) as store:
        assert store.table_counts()["batches"] == 1


def test_a_stale_preview_is_refused_on_confirm(db: Path, cli: Cli, tmp_path: Path) -> None:
    at = _upload("n.csv", b"indicator_code,year,value\nI02,2021,20\n")  # preview 19.9 → 20
    other = tmp_path / "other.csv"
    other.write_text("indicator_code,year,value\nI02,2021,21\n", encoding="utf-8")
    assert cli("import", other, "--user", "王主任")[0] == 0  # a colleague, meanwhile
    at.button(key="confirm_upload").click().run()
    assert not at.exception and at.error[0].value == "未导入："
    assert any("王主任 在 " in e.value and "把 I02 2021 改为 21，请重新上传预览" in e.value for e in at.text)
    with Store.open(db) as store:
        assert [o.value for o in store.current_observations() if o.indicator_code == "I02"] == [21]


def test_the_owner_is_told_about_failed_attempts_at_login(db: Path) -> None:
    for _ in range(3):
        at = _login(password="wrong password")
        assert at.error
    at = _login()
    assert any("有 3 次失败的登录尝试" in w.value for w in at.warning)
