"""Nothing is lost or half-written: concurrent uploads, a server killed mid-import, backup and restore."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import duckdb
import pytest

from shanhe.auth import User
from shanhe.catalog import Catalog
from shanhe.entry.importer import commit_import, plan_import
from shanhe.errors import StoreError
from shanhe.store import Store, open_store, restore
from tests.conftest import DATA, ROOT, Cli

STAFF = User(name="张工", role="staff")


@pytest.fixture
def store(any_store: Store) -> Store:
    """The tests here that take ``store`` run on DuckDB and on PostgreSQL."""
    return any_store


def test_two_uploads_at_the_same_moment_both_land(store: Store) -> None:
    files = [
        b"indicator_code,year,value\nI07,2021,70\nI02,2021,19.9\n",
        b"indicator_code,year,value\nI07,2022,71\nI10,2022,4\n",
    ]
    plans = [plan_import(store, data, f"{n}.csv", 2**20) for n, data in enumerate(files)]
    barrier = threading.Barrier(2)
    results, errors = [], []

    def run(plan: object) -> None:
        barrier.wait()
        try:
            results.append(commit_import(store, plan, STAFF))
        except Exception as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(p,)) for p in plans]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=60)
    assert errors == [] and sorted(b.id for b in results) == [1, 2]
    assert len(store.current_observations()) == 4 and store.table_counts()["batches"] == 2


KILL_SCRIPT = """
import sys, time
from pathlib import Path
import shanhe.store as store_module
from shanhe.auth import User
from shanhe.catalog import load_catalog
from shanhe.entry.importer import commit_import, plan_import

real = store_module._insert_rows

def slow(cur, table, columns, rows):
    real(cur, table, columns, rows)
    if table == "observations":
        print("inside the transaction", flush=True)
        time.sleep(60)  # killed here, after rows were written but before COMMIT

store_module._insert_rows = slow
store = store_module.open_store(Path(sys.argv[1]), load_catalog())
plan = plan_import(store, Path(sys.argv[2]).read_bytes(), "big.csv", 2**24)
commit_import(store, plan, User(name="killed", role="staff"))
"""


@pytest.mark.server
def test_a_server_killed_mid_import_leaves_the_store_as_before(cli: Cli, tmp_path: Path) -> None:
    cli.init()
    assert cli("import", DATA / "good" / "plain-utf8.csv")[0] == 0
    with Store.open(cli.db) as store:
        before = (store.table_counts(), store.observation_history())
    script = tmp_path / "kill.py"
    script.write_text(KILL_SCRIPT, encoding="utf-8")
    child = subprocess.Popen(
        [sys.executable, str(script), str(cli.db), str(DATA / "scenario" / "observations.csv")],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        assert child.stdout.readline().strip() == "inside the transaction"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    with Store.open(cli.db) as store:  # replays the WAL: committed data only
        assert (store.table_counts(), store.observation_history()) == before


def _all_rows(path: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(path), read_only=True)
    tables = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables ORDER BY 1").fetchall()]
    rows = {t: sorted(map(repr, con.execute(f'SELECT * FROM "{t}"').fetchall())) for t in tables}
    con.close()
    return rows


def test_backup_and_restore_round_trip(cli: Cli, tmp_path: Path, catalog: Catalog) -> None:
    cli.init()
    cli("import", DATA / "scenario" / "observations.csv", "--accept-jumps")
    cli("import", DATA / "good" / "plain-utf8.csv")
    backup = tmp_path / "backup-1"
    code, _, _ = cli("backup", "--out", backup)
    assert code == 0 and (backup / "schema.sql").exists()
    target = tmp_path / "restored" / "shanhe.duckdb"
    restore_cli = Cli(target, cli.capsys)  # the restored file is the --db of the restore command
    code, _, err = restore_cli("restore", backup)
    assert code == 0, err
    assert _all_rows(target) == _all_rows(cli.db)
    # sequences continue where they were: the next import gets the next batch id
    with open_store(target, catalog) as store:
        plan = plan_import(store, b"indicator_code,year,value\nI07,2023,70.6\n", "n.csv", 2**20)
        assert commit_import(store, plan, STAFF).id == 3
    # restore never overwrites
    code, _, err = restore_cli("restore", backup)
    assert code == 1 and "已存在" in err
    code, _, err = cli("backup", "--out", backup)
    assert code == 2


def test_restore_refuses_a_folder_that_is_not_a_backup(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as err:
        restore(tmp_path, tmp_path / "new.duckdb")
    assert err.value.key == "cli.not_a_backup" and not (tmp_path / "new.duckdb").exists()


def test_dated_backups_keep_the_last_n(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    cli.init()
    root = tmp_path / "backups"
    for n in range(4):
        monkeypatch.setattr("shanhe.cli._now_local", lambda n=n: dt.datetime(2026, 11, 20 + n, 2, 0))
        assert cli("backup", "--into", root, "--keep", "2")[0] == 0
    assert sorted(p.name for p in root.iterdir()) == ["shanhe-20261122-020000", "shanhe-20261123-020000"]


def test_backups_in_the_same_second_get_their_own_folders(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt

    cli.init()
    root = tmp_path / "backups"
    monkeypatch.setattr("shanhe.cli._now_local", lambda: dt.datetime(2026, 11, 28, 2, 0))
    for _ in range(11):
        assert cli("backup", "--into", root, "--keep", "3")[0] == 0
    # the newest three, in the order they were made (-10 after -9, although it sorts before it as text)
    assert sorted(p.name for p in root.iterdir()) == [f"shanhe-20261128-020000-{n}" for n in (10, 11, 9)]
    assert all((p / "schema.sql").exists() for p in root.iterdir())


def test_a_failed_dated_backup_leaves_no_empty_folder(cli: Cli, tmp_path: Path) -> None:
    root = tmp_path / "backups"
    code, _, _ = cli("backup", "--into", root)  # no database there: nothing to back up
    assert code == 1 and list(root.iterdir()) == []
