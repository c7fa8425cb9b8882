"""Issue 12, items 1–14: uploads from careless and hostile hands never land a wrong number and never crash.

The paired files in tests/data/good and tests/data/bad carry most items (test_import_files.py
runs them); these tests check what a message alone cannot: stored values, notices, limits,
the export round trip and stale previews.
"""

from __future__ import annotations

import io
import json
import math
import threading
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from shanhe import settings
from shanhe.auth import User
from shanhe.entry import revert as history
from shanhe.entry.files import MAX_COLUMNS, MAX_ROWS
from shanhe.entry.importer import commit_import, plan_import
from shanhe.entry.preview import suspicions
from shanhe.entry.targets import enter_document_target
from shanhe.errors import InputRejected, StoreError, UserError, ValuesMoved
from shanhe.exports import export_table
from shanhe.models import Change
from shanhe.spreadsheets import Table, to_csv, to_xlsx
from shanhe.store import Store
from shanhe.store.postgres import is_url
from tests.conftest import DATA, Cli


@pytest.fixture
def store(any_store: Store) -> Store:
    """The tests here that take ``store`` run on DuckDB and on PostgreSQL."""
    return any_store


STAFF1 = User(name="张工", role="staff")
STAFF2 = User(name="李工", role="staff")
LIMIT = 5 * 2**20


def _plan(store: Store, text: str, name: str = "x.csv") -> object:
    return plan_import(store, text.encode(), name, LIMIT)


def _values(store: Store) -> dict[tuple[str, str, int], float]:
    return {o.key: o.value for o in store.current_observations()}


# ---- 1. percent-formatted cells and the decimal-form rule ---------------------------------------
def test_percent_formatted_cells_land_as_percent(store: Store) -> None:
    for name, value in (("percent-cells.xlsx", 71.2), ("legacy.xls", 72.5), ("legacy.ods", 72.5)):
        plan = plan_import(store, (DATA / "good" / name).read_bytes(), name, LIMIT)
        got = {r.observation.indicator_code: r.observation.value for r in plan.rows}
        assert got == {"I07": value, "I02": 20.1}, name  # the cell held 0.712 / 0.725


def test_cli_refuses_a_decimal_form_percentage_unless_accepted(cli: Cli) -> None:
    cli.init()
    cli("import", DATA / "good" / "plain-utf8.csv")  # I07 2021 = 71.2
    code, _, err = cli("import", DATA / "bad" / "decimal-form.csv")
    assert code == 1 and "看起来是小数形式：0.712 是否应为 71.2%？" in err and "--accept-jumps" in err
    with Store.open(cli.db) as store:
        assert ("I07", "全区", 2022) not in _values(store)
    code, out, _ = cli("import", DATA / "bad" / "decimal-form.csv", "--accept-jumps")
    assert code == 0 and "新增 1 条" in out


def test_cli_applies_the_year_on_year_jump_rule_like_the_page(cli: Cli) -> None:
    cli.init()
    cli("import", DATA / "good" / "plain-utf8.csv")
    code, _, err = cli("import", _tmp_csv(cli, "指标编码,年份,数值\nI07,2022,30\n"))
    assert code == 1 and "71.2 → 30，与上一年相比变化 -58%" in err
    assert cli("import", _tmp_csv(cli, "指标编码,年份,数值\nI07,2022,30\n"), "--accept-jumps")[0] == 0
    # unchanged rows are never flagged: importing the same file again needs no confirmation
    assert cli("import", _tmp_csv(cli, "指标编码,年份,数值\nI07,2022,30\n"))[0] == 0


def _tmp_csv(cli: Cli, text: str, name: str = "t.csv") -> Path:
    path = cli.db.parent / name
    path.write_text(text, encoding="utf-8")
    return path


def test_suspicions_are_one_function_for_cli_and_page(store: Store) -> None:
    commit_import(store, _plan(store, "indicator_code,year,value\nI07,2021,71.2\nI02,2021,19.9\n"), STAFF1)
    plan = _plan(store, "indicator_code,year,value\nI07,2022,0.712\nI02,2022,40\nI07,2023,0.7\n")
    found = suspicions(plan, store.indicators(), store.current_observations(), 0.30)
    assert [(s.code, s.year, s.kind) for s in found] == [("I07", 2022, "decimal"), ("I02", 2022, "jump")]
    assert found[0].message("zh") == "第 2 行 I07 全区 2022：看起来是小数形式：0.712 是否应为 71.2%？（上一年 71.2%）"


# ---- 2. a quote that never closes -----------------------------------------------------------------
def test_a_quote_closed_rows_later_is_refused_too(store: Store) -> None:
    text = 'indicator_code,year,value,note\nI07,2022,72,"备注\nI02,2022,20.1,x\nI10,2022,0,y"\n'
    with pytest.raises(InputRejected) as err:
        _plan(store, text)
    assert [(p.key, p.row) for p in err.value.problems] == [("import.quote_unclosed", 2)]
    ok = _plan(store, 'indicator_code,year,value,note\nI07,2022,72,"第一行\n第二行，没有逗号"\n')
    assert ok.rows[0].observation.note == "第一行\n第二行，没有逗号"  # a real multi-line note still imports


# ---- 5. sheets -----------------------------------------------------------------------------------
def test_sheet_can_be_named_on_the_command_line(cli: Cli) -> None:
    cli.init()
    code, out, _ = cli("import", DATA / "bad" / "several-sheets.xlsx", "--sheet", "填报")
    assert code == 0 and "读取工作表：填报" in out and "新增 1 条" in out
    code, _, err = cli("import", DATA / "bad" / "several-sheets.xlsx", "--sheet", "没有这张")
    assert code == 1 and "没有名为“没有这张”的工作表。可选：填报、2021年。" in err


def test_a_hidden_first_sheet_is_not_read(store: Store) -> None:
    plan = plan_import(store, (DATA / "good" / "hidden-first-sheet.xlsx").read_bytes(), "h.xlsx", LIMIT)
    assert plan.sheet == "2022年" and {r.observation.year for r in plan.rows} == {2022}


# ---- 6. rows above the header --------------------------------------------------------------------
def test_rows_above_the_header_are_named_in_the_preview_and_dry_run(cli: Cli) -> None:
    cli.init()
    code, out, _ = cli("import", DATA / "good" / "title-rows.xlsx", "--dry-run")
    assert code == 0 and "已忽略：第1–2行（标题）" in out


# ---- 7. empty optional cells keep what is stored ----------------------------------------------------
def test_a_blank_source_keeps_the_stored_one_and_changes_name_their_field(store: Store) -> None:
    commit_import(store, _plan(store, "indicator_code,year,value,source,note\nI07,2021,17.2,区监测站,年报\n"), STAFF1)
    again = _plan(store, "indicator_code,year,value,source,note\nI07,2021,17.2,,\n")
    assert again.rows[0].status == "unchanged" and again.rows[0].observation.source == "区监测站"
    assert commit_import(store, again, STAFF1) is None
    note = _plan(store, "indicator_code,year,value,source,note\nI07,2021,17.2,,修订后的备注\n")
    assert note.rows[0].status == "changed" and note.rows[0].changes == ("note",)
    both = _plan(store, "indicator_code,year,value,source\nI07,2021,17.3,省监测站\n")
    assert both.rows[0].changes == ("value", "source")


# ---- 8. export → re-import ----------------------------------------------------------------------
def test_an_export_reimports_with_zero_changes_even_with_formula_like_notes(cli: Cli, tmp_path: Path) -> None:
    cli.init()
    notes = ["+5% 较上年", "-3 个百分点", "=见附件", "@区环保局", "'引号开头", "'=已加过引号"]
    src = tmp_path / "notes.csv"  # written as an earlier export would: to_csv protects formula-like text
    src.write_bytes(
        to_csv(
            Table(
                "t",
                ["indicator_code", "year", "value", "source", "note"],
                [["I07", 2021 + n, 70 + n, f"来源{n}", note] for n, note in enumerate(notes)],
            )
        )
    )
    assert cli("import", src, "--accept-jumps")[0] == 0
    with Store.open(cli.db) as store:
        stored = sorted((o.year, o.note) for o in store.current_observations())
    assert [n for _, n in stored] == notes
    for fmt in ("csv", "xlsx"):
        out = tmp_path / f"export.{fmt}"
        assert cli("export", "--format", fmt, "--out", out)[0] == 0
        code, text, err = cli("import", out)
        assert code == 0 and "没有新的修订" in text, (fmt, err)
    with Store.open(cli.db) as store:
        assert sorted((o.year, o.note) for o in store.current_observations()) == stored


# ---- 9. plausible ranges, -0, always valid JSON -----------------------------------------------------
def test_every_indicator_has_a_finite_plausible_range(store: Store) -> None:
    for ind in store.indicators():
        low, high = ind.range
        assert low is not None and high is not None and math.isfinite(low) and math.isfinite(high), ind.code
        assert ind.unit != "%" or (low, high) in ((0, 100), (-100, 100)), ind.code


def test_negative_zero_is_stored_as_zero(store: Store) -> None:
    plan = _plan(store, "indicator_code,year,value\nI10,2022,-0\n")
    assert math.copysign(1, plan.rows[0].observation.value) == 1.0


@pytest.mark.parametrize("value", [1e308, -1.0, 101.0, float("inf"), float("nan")])
def test_assigned_targets_outside_the_range_are_refused(store: Store, value: float) -> None:
    ind = next(i for i in store.indicators() if i.code == "I08")
    import datetime as dt

    with pytest.raises(UserError) as err:
        enter_document_target(
            store, ind, 2025, value * 10 if value == 101.0 else value, "文号", dt.date(2023, 1, 1), STAFF1
        )
    assert err.value.key == "assigned.bad_value"
    assert store.staff_targets() == []


def test_status_json_is_always_valid_json(cli: Cli, tmp_path: Path) -> None:
    import datetime as dt

    cli.init()
    with Store.open(cli.db) as store:
        indicators = store.indicators()
        extremes = []
        for n, ind in enumerate(indicators):
            low, high = ind.range
            for year, value in ((2021, high), (2022, low), (2023, -0.0), (2024, high)):
                if not (ind.measure == "cumulative_change" and year == 2020):
                    extremes.append(f"{ind.code},{year},{value if n % 2 else low}")
        commit_import(store, _plan(store, "indicator_code,year,value\n" + "\n".join(extremes) + "\n"), STAFF1)
        for ind in indicators:
            for year in (2025, 2030):
                if ind.target_for(year) and ind.target_for(year).rule == "assigned_by_superior":
                    enter_document_target(store, ind, year, ind.range[1], "文号", dt.date(2023, 1, 1), STAFF1)
                    enter_document_target(store, ind, year, -0.0, "文号", dt.date(2023, 1, 1), STAFF1)

    def refuse(name: str) -> None:
        raise AssertionError(f"invalid JSON constant {name}")

    for year in range(2020, 2036):
        code, out, err = cli("status", "--year", str(year), "--format", "json")
        assert code == 0, err
        json.loads(out, parse_constant=refuse)
    json.loads(cli("status", "--summary", "--format", "json")[1], parse_constant=refuse)


# ---- 11. a stale preview never overwrites a colleague ------------------------------------------------
def test_a_stale_preview_is_refused_naming_who_changed_what(store: Store) -> None:
    commit_import(store, _plan(store, "indicator_code,year,value\nI07,2023,70\n"), STAFF1)
    staff1 = _plan(store, "indicator_code,year,value\nI07,2023,71\n")  # preview: 70 → 71
    commit_import(store, _plan(store, "indicator_code,year,value\nI07,2023,75\n"), STAFF2)
    before = store.observation_history()
    with pytest.raises(ValuesMoved) as err:
        commit_import(store, staff1, STAFF1)
    message = err.value.message("zh")
    assert "李工 在 " in message and "把 I07 2023 改为 75" in message and "请重新上传预览" in message
    assert store.observation_history() == before and _values(store)[("I07", "全区", 2023)] == 75


def test_a_stale_preview_of_an_unchanged_value_or_a_note_is_refused_too(store: Store) -> None:
    commit_import(store, _plan(store, "indicator_code,year,value,note\nI07,2023,70,旧\nI02,2023,20,旧\n"), STAFF1)
    staff1 = _plan(store, "indicator_code,year,value\nI07,2023,70\nI02,2023,21\n")  # I07 unchanged in the preview
    commit_import(store, _plan(store, "indicator_code,year,value,note\nI07,2023,70,李工改了备注\n"), STAFF2)
    with pytest.raises(ValuesMoved):
        commit_import(store, staff1, STAFF1)


def test_a_retracted_value_counts_as_moved(store: Store) -> None:
    first = commit_import(store, _plan(store, "indicator_code,year,value\nI07,2023,70\n"), STAFF1)
    staff1 = _plan(store, "indicator_code,year,value\nI07,2023,71\n")
    history.revert_batch(store, first.id, STAFF1)  # back to "no value"
    with pytest.raises(ValuesMoved):
        commit_import(store, staff1, STAFF1)


def test_revert_checks_for_newer_batches_inside_the_write(store: Store) -> None:
    """A batch written after the history page showed the revert plan is not undone by the click that follows."""
    batch = commit_import(store, _plan(store, "indicator_code,year,value\nI07,2023,70\n"), STAFF1)
    shown = history.revert_steps(store, batch.id)
    assert history.conflicts(batch.id, shown) is None  # what the page showed: the revert can go ahead
    commit_import(store, _plan(store, "indicator_code,year,value\nI07,2023,75\n"), User(name="王主任", role="admin"))
    with pytest.raises(UserError) as err:
        history.revert_batch(store, batch.id, User(name="王主任", role="admin"))
    assert err.value.key == "revert.conflict" and "I07 全区 2023（#2）" in err.value.message("zh")
    assert _values(store)[("I07", "全区", 2023)] == 75 and store.table_counts()["batches"] == 2


def test_the_store_checks_expected_revisions_in_the_transaction(store: Store) -> None:
    change = Change(indicator_code="I07", region="全区", year=2023, value=1.0)
    store.record_batch(
        [change], kind="import", user="a", file_name=None, sha256=None, counts=(1, 0, 0), expect={change.key: None}
    )
    with pytest.raises(ValuesMoved):
        store.record_batch(
            [change], kind="import", user="b", file_name=None, sha256=None, counts=(0, 1, 0), expect={change.key: None}
        )
    assert store.table_counts()["batches"] == 1


def test_two_confirms_of_the_same_preview_write_once(store: Store) -> None:
    plan = _plan(store, "indicator_code,year,value\nI07,2023,70\n")
    results, errors = [], []
    barrier = threading.Barrier(2)

    def confirm() -> None:
        barrier.wait()
        try:
            results.append(commit_import(store, plan, STAFF1))
        except ValuesMoved as exc:
            errors.append(exc)

    threads = [threading.Thread(target=confirm) for _ in range(2)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=60)
    assert len(results) == 1 and len(errors) == 1 and store.table_counts()["batches"] == 1


# ---- 12. files built to exhaust the server ------------------------------------------------------------
def test_a_forged_dimension_is_refused_fast(store: Store) -> None:
    data = (DATA / "bad" / "forged-dimension.xlsx").read_bytes()
    assert len(data) < 5000
    start = time.perf_counter()
    with pytest.raises(InputRejected) as err:
        plan_import(store, data, "f.xlsx", LIMIT)
    assert time.perf_counter() - start < 2
    assert err.value.problems[0].key == "import.too_many_rows"


def test_a_forged_dimension_alone_is_not_trusted(store: Store, tmp_path: Path) -> None:
    """Declared A1:XFD1048576, real cells only in A1:C2: imports the one row, allocating nothing more."""
    source = zipfile.ZipFile(io.BytesIO((DATA / "bad" / "forged-dimension.xlsx").read_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename.endswith("sheet1.xml"):
                data = data.replace(b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>', b"")
            z.writestr(info.filename, data)
    plan = plan_import(store, out.getvalue(), "f.xlsx", LIMIT)
    assert [(r.observation.indicator_code, r.observation.value) for r in plan.rows] == [("I07", 72.5)]


def test_row_and_column_caps_in_csv(store: Store) -> None:
    rows = "I07,2022,72\n" + "\n" * MAX_ROWS + "I02,2022,20\n"
    with pytest.raises(InputRejected) as err:
        _plan(store, "indicator_code,year,value\n" + rows)
    assert (err.value.problems[0].key, err.value.problems[0].row) == ("import.too_many_rows", MAX_ROWS + 3)
    wide = "indicator_code,year,value\nI07,2022,72" + ",x" * MAX_COLUMNS + "\n"
    with pytest.raises(InputRejected) as err:
        _plan(store, wide)
    assert err.value.problems[0].key == "import.too_many_columns"
    assert err.value.problems[0].message("zh") == "第 2 行第 53 列有内容：表格超过上限 50 列。请删除多余的列。"


def test_a_zip_bomb_is_refused_while_unpacking(store: Store) -> None:
    out = io.BytesIO()
    book = io.BytesIO((DATA / "good" / "percent-cells.xlsx").read_bytes())
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<sheetData>", b"<sheetData>" + b"<!-- padding -->" * 5_000_000)
            z.writestr(info.filename, data)
    assert len(out.getvalue()) < LIMIT
    with pytest.raises(InputRejected) as err:
        plan_import(store, out.getvalue(), "bomb.xlsx", LIMIT)
    assert err.value.problems[0].key == "import.too_much_work"


# ---- 14. control characters --------------------------------------------------------------------------
def test_control_characters_are_cleaned_and_said(cli: Cli, tmp_path: Path) -> None:
    cli.init()
    code, out, _ = cli("import", DATA / "good" / "control-chars.csv")
    assert code == 0 and '第 2 行，"备注"列：已把不可见的控制字符 U+000B' in out
    with Store.open(cli.db) as store:
        assert store.current_observations()[0].note == "第一行 第二行"
    assert cli("export", "--format", "xlsx", "--out", tmp_path / "e.xlsx")[0] == 0


def test_exports_survive_control_characters_already_stored(store: Store, target: str) -> None:
    """Values stored before input was cleaned (or by any other path) must not break every export for ever.
    PostgreSQL cannot hold a NUL in text at all: there the write is refused in words and nothing is written."""
    legacy = Change(indicator_code="I07", region="全区", year=2022, value=72.0, note="旧\x0b备注\x00")
    if is_url(target):
        with pytest.raises(StoreError) as err:
            _record(store, legacy)
        assert err.value.key == "store.bad_value" and store.observation_history() == []
        legacy = legacy.model_copy(update={"note": "旧\x0b备注\x01"})
    _record(store, legacy)
    table = export_table(store.indicators(), store.current_observations())
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx([table]))).active
    assert "旧 备注 " in [c.value for c in sheet[2]]
    assert "旧\x0b备注".encode() in to_csv(table)
    assert to_xlsx([Table("t", ["a"], [["\x01\x02\x1f"]])])


def _record(store: Store, change: Change) -> None:
    store.record_batch([change], kind="import", user="legacy", file_name=None, sha256=None, counts=(1, 0, 0))


def test_the_file_limit_is_the_configured_upload_size(store: Store) -> None:
    assert settings.max_upload_bytes() == LIMIT
