"""Paired test data: every good file imports; every bad file prints its message and writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from shanhe import settings
from shanhe.entry.importer import plan_import
from shanhe.errors import InputRejected
from shanhe.store import Store
from tests.conftest import DATA, Cli


@pytest.fixture
def store(any_store: Store) -> Store:
    """The tests here that take ``store`` run on DuckDB and on PostgreSQL."""
    return any_store


GOOD = yaml.safe_load((DATA / "good" / "expected.yaml").read_text(encoding="utf-8"))
BAD = yaml.safe_load((DATA / "bad" / "expected.yaml").read_text(encoding="utf-8"))


def test_every_data_file_has_an_expectation() -> None:
    for folder, expected in (("good", GOOD), ("bad", BAD)):
        files = {p.name for p in (DATA / folder).iterdir() if p.name != "expected.yaml"}
        assert files == set(expected), folder
    assert len(BAD) >= 25


@pytest.mark.parametrize("name", sorted(GOOD))
def test_good_file_imports(cli: Cli, name: str) -> None:
    cli.init()
    code, out, err = cli("import", DATA / "good" / name, "--user", "测试员")
    assert code == 0, err
    assert f"新增 {GOOD[name]['added']} 条" in out
    if GOOD[name]["skipped"]:
        assert f"跳过 {GOOD[name]['skipped']} 行空数值" in out
    # a second import of the same file finds nothing new and creates no batch
    code, out, _ = cli("import", DATA / "good" / name)
    assert code == 0 and "没有新的修订" in out


def _snapshot(db: Path) -> tuple[dict[str, int], list[object]]:
    with Store.open(db) as store:
        return store.table_counts(), store.observation_history()


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_file_is_rejected_with_its_message_and_nothing_changes(cli: Cli, name: str) -> None:
    cli.init(("import", DATA / "good" / "plain-utf8.csv"))  # data that must survive
    before = _snapshot(cli.db)
    code, out, err = cli("import", DATA / "bad" / name)
    assert code == 1
    lines = err.strip().splitlines()
    assert [line.split(" | ")[0] for line in lines[:-1]] == BAD[name]  # exactly these messages, in order
    assert all(len(line.split(" | ")) == 2 for line in lines)  # each with its English twin
    assert lines[-1].startswith("导入失败") and "nothing was written" in lines[-1]
    assert "Traceback" not in err + out
    assert _snapshot(cli.db) == before


def test_file_over_the_configured_limit_is_rejected(cli: Cli, tmp_path: Path) -> None:
    cli.init()
    limit = settings.max_upload_bytes()
    big = tmp_path / "huge.csv"
    row = b"I07,2021,71.2\n"
    big.write_bytes(b"indicator_code,year,value\n" + row * (limit // len(row) + 1))
    before = _snapshot(cli.db)
    code, _, err = cli("import", big)
    assert code == 1 and f"超过上限 {limit // 2**20} MB" in err
    assert _snapshot(cli.db) == before


def test_every_problem_in_a_file_is_reported_at_once(store: Store) -> None:
    data = "指标编码,年份,数值\nI99,2021,1\nI07,1999,1\nI07,2022,abc\n".encode()
    with pytest.raises(InputRejected) as err:
        plan_import(store, data, "x.csv", settings.max_upload_bytes())
    assert [(p.key, p.row) for p in err.value.problems] == [
        ("cell.indicator_unknown", 2),
        ("cell.year_out_of_range", 3),
        ("cell.value_not_number", 4),
    ]
    assert all(p.message("en") and p.message("zh") for p in err.value.problems)
