"""``python -m shanhe``: outputs, exit codes, and the template → import → export round trip."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl

from shanhe.cli import main
from shanhe.store import Store
from tests.conftest import DATA, ROOT, Cli


def test_indicators_json_lists_26_plus_supplementary(cli: Cli) -> None:
    cli.init()
    code, out, _ = cli("indicators", "--format", "json")
    records = json.loads(out)
    assert code == 0 and len(records) == 42
    table = [r for r in records if r["seq"] is not None]
    assert [r["seq"] for r in table] == list(range(1, 27))
    forest = next(r for r in records if r["name"] == "森林覆盖率")
    assert forest["baseline_value"] == 19.83 and forest["attribute"] == "binding"
    assert forest["targets"][0] == {
        "year": 2025,
        "rule": "at_least",
        "value": 19.83,
        "text": "≥19.83",
        "text_en": "≥19.83",
        "source": "表2-1 #2",
        "note": "第九章（一）：森林覆盖率增加",
        "derived": False,
        "origin": "plan",
        "region": None,
    }
    pm = next(r for r in records if r["code"] == "I08")
    assert pm["baseline_value"] is None and pm["baseline_text"] == "15" and "F01" in pm["flags"]
    keys = {
        "seq",
        "code",
        "name",
        "category",
        "unit",
        "attribute",
        "direction",
        "baseline_year",
        "baseline_value",
        "targets",
        "source",
        "flags",
    }
    assert all(keys <= set(r) for r in records)


def test_indicators_table_and_csv(cli: Cli) -> None:
    cli.init()
    code, out, _ = cli("indicators")
    assert code == 0 and "城市空气质量优良天数比例" in out and "完成上级下达指标（≥75%）" in out
    code, out, _ = cli("indicators", "--format", "csv")
    assert code == 0 and len(out.strip().splitlines()) == 43


def test_template_fill_import_export_round_trip(cli: Cli, tmp_path: Path) -> None:
    cli.init()
    assert cli("import", DATA / "good" / "plain-utf8.csv")[0] == 0  # 2021 values
    template = tmp_path / "t.xlsx"
    assert cli("template", "--out", template, "--year", "2022")[0] == 0
    book = openpyxl.load_workbook(template)
    sheet = book.active
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["指标编码", "序号", "指标名称"] and "上年数值（仅供参考）" in header
    rows = list(sheet.iter_rows(min_row=2))
    assert len(rows) == 42
    previous = {r[0].value: r[header.index("上年数值（仅供参考）")].value for r in rows}
    assert previous["I07"] == 71.2 and previous["I08"] is None
    value_col = header.index("数值")
    # the column people fill in is wide and shaded, and a 填报说明 sheet says how (the import still finds the data)
    letter = openpyxl.utils.get_column_letter(value_col + 1)
    assert sheet.column_dimensions[letter].width >= 18 and rows[0][value_col].fill.fgColor.rgb.endswith("FFF2CC")
    assert book.sheetnames == ["2022年填报", "填报说明"]
    notes = [r[0].value for r in book["填报说明"].iter_rows(min_row=2)]
    assert notes[0].startswith("1. 只在黄色的“数值”列填写2022年的数值") and any("5 MB" in n for n in notes)
    filled = {"I07": 72.4, "I02": "20.05", "S02": "3.1‰"}
    for r in rows:
        if r[0].value in filled:
            r[value_col].value = filled[r[0].value]
    book.save(template)
    code, out, err = cli("import", template, "--user", "王工")
    assert code == 0, err
    assert "新增 3 条" in out and "跳过 39 行空数值" in out
    code, _, _ = cli("export", "--format", "csv", "--out", tmp_path / "e.csv")
    lines = (tmp_path / "e.csv").read_bytes().decode("utf-8-sig").splitlines()
    assert lines[0].startswith("指标编码,序号,指标名称,单位,地区,年份,数值,数据来源")
    assert any(
        line.startswith("I07,7,城市空气质量优良天数比例,%,全区,2022,72.4,") and ",王工," in line for line in lines
    )
    assert any(line.startswith("S02,,森林病虫害成灾率,‰,全区,2022,3.1,") for line in lines)
    assert len(lines) == 1 + 3 + 3


def test_export_is_deterministic_and_reimports_as_unchanged(cli: Cli, tmp_path: Path) -> None:
    cli.init()
    cli("import", DATA / "good" / "bom-chinese-headers.csv")
    for fmt in ("csv", "xlsx"):
        a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
        cli("export", "--format", fmt, "--out", a)
        cli("init")
        cli("export", "--format", fmt, "--out", b)
        assert a.read_bytes() == b.read_bytes()
        code, out, _ = cli("import", a)
        assert code == 0 and "没有新的修订" in out


def test_export_neutralises_formula_injection(cli: Cli, tmp_path: Path) -> None:
    cli.init()
    evil = tmp_path / "evil.csv"
    evil.write_text(
        'indicator_code,year,value,source,note\nI07,2021,70,"=HYPERLINK(""http://x"")","@SUM(A1)"\n', encoding="utf-8"
    )
    assert cli("import", evil)[0] == 0
    cli("export", "--format", "xlsx", "--out", tmp_path / "e.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO((tmp_path / "e.xlsx").read_bytes())).active
    row = [c.value for c in sheet[2]]
    assert '\'=HYPERLINK("http://x")' in row and "'@SUM(A1)" in row
    assert all(not (isinstance(v, str) and v.startswith(("=", "@"))) for v in row)


def test_dry_run_writes_nothing(cli: Cli) -> None:
    cli.init()
    with Store.open(cli.db) as store:
        before = store.table_counts()
    code, out, _ = cli("import", DATA / "good" / "plain-utf8.csv", "--dry-run")
    assert code == 0 and "试运行" in out and "I07 全区 2021: — → 71.2" in out
    with Store.open(cli.db) as store:
        assert store.table_counts() == before


def test_errors_are_one_line_and_non_zero(cli: Cli, tmp_path: Path) -> None:
    code, _, err = cli("indicators")
    assert code == 1 and "不存在" in err and "Traceback" not in err
    code, _, err = cli("frobnicate")
    assert code == 2 and err.startswith("用法错误")
    cli.init()
    code, _, err = cli("import", tmp_path / "nope.csv")
    assert code == 1 and "不存在" in err
    code, _, err = cli("template", "--out", tmp_path / "t.pdf")
    assert code == 2 and ".csv" in err
    code, _, err = cli("export", "--format", "csv", "--out", tmp_path / "t.xlsx")
    assert code == 2
    code, _, err = cli("template", "--out", tmp_path / "t.csv", "--year", "2040")
    assert code == 2


def test_db_path_comes_from_the_environment(tmp_path: Path) -> None:
    """A real ``python -m shanhe`` process, with SHANHE_DB and no --db."""
    env = {**os.environ, "SHANHE_DB": str(tmp_path / "env.duckdb")}
    run = subprocess.run(
        [sys.executable, "-m", "shanhe", "init"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "env.duckdb").exists()


def test_locked_and_corrupt_db_are_one_line_errors(locked_db: Path, cli: Cli, tmp_path: Path) -> None:
    code, _, err = cli("indicators")
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert "正被另一个进程占用" in err and "locked by another process" in err
    corrupt = tmp_path / "corrupt.duckdb"
    corrupt.write_bytes(b"not a database" * 500)
    code = main(["--db", str(corrupt), "indicators"])
    _, err = cli.capsys.readouterr()
    assert code == 1 and len(err.strip().splitlines()) == 1 and "无法打开" in err
