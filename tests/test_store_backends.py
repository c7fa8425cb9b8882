"""Several writers on one database, on each backend: nothing is lost, a stale plan is refused, a conflict is said
plainly; PostgreSQL backups round-trip; on DuckDB the CLI works beside a running dashboard and a write waits
(a bounded time) for a file another process holds."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

import shanhe.store as store_module
from shanhe.auth import User
from shanhe.catalog import Catalog
from shanhe.entry.importer import commit_import, plan_import
from shanhe.entry.revert import conflicts, revert_steps
from shanhe.errors import StoreError, ValuesMoved
from shanhe.models import Observation
from shanhe.store import Store, open_store, postgres
from shanhe.store import duckdb as duckdb_backend
from shanhe.store.schema import TABLES
from tests.conftest import DATA, Cli
from tests.pgcluster import Cluster
from tests.server import free_port, page_text, spawn

STAFF = User(name="张工", role="staff")
ROUNDS = 6

WRITER = """
import sys
from shanhe.auth import User
from shanhe.catalog import load_catalog
from shanhe.entry.importer import commit_import, plan_import
from shanhe.store import open_store

target, code = sys.argv[1], sys.argv[2]
store = open_store(target, load_catalog())
print("ready", flush=True)
sys.stdin.readline()
for n in range(int(sys.argv[3])):
    year, value = 2021 + n % 5, 50 + n
    data = f"indicator_code,year,value\\n{code},{year},{value}\\n".encode()
    batch = commit_import(store, plan_import(store, data, f"{code}-{n}.csv", 2**20), User(name=code, role="staff"))
    print(batch.id, flush=True)
"""


def _write_at_once(target: str, codes: tuple[str, ...]) -> list[list[int]]:
    """One process per code, each committing ROUNDS batches as fast as it can, all started together."""
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, target, code, str(ROUNDS)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for code in codes
    ]
    for p in procs:
        assert p.stdout is not None and p.stdout.readline().strip() == "ready"
    for p in procs:
        assert p.stdin is not None
        p.stdin.write("go\n")
        p.stdin.flush()
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0] * len(procs), [err for _, err in outs]
    return [[int(line) for line in out.split()] for out, _ in outs]


@pytest.mark.server
def test_two_processes_writing_at_once_lose_nothing(any_store: Store, target: str) -> None:
    """Two writers in two processes (two servers, or a server and the CLI) on one database: every batch lands,
    each with its own id, and every value is the one its writer wrote last."""
    ids = _write_at_once(target, ("I07", "I02"))
    assert sorted(i for run in ids for i in run) == list(range(1, 2 * ROUNDS + 1))
    current = {(o.indicator_code, o.year): o.value for o in any_store.current_observations()}
    expected = {}
    for code in ("I07", "I02"):
        for n in range(ROUNDS):
            expected[(code, 2021 + n % 5)] = 50.0 + n
    assert current == expected
    assert len(any_store.observation_history()) == 2 * ROUNDS


def test_a_revert_planned_before_another_servers_write_is_refused(target: str, catalog: Catalog) -> None:
    """Two stores (two servers) on one database: a revert planned on one, then a change through the other,
    then the revert's commit: the re-check inside the write transaction refuses it and writes nothing."""
    with open_store(target, catalog, create=True) as one, Store.open(target) as two:
        data = b"indicator_code,year,value\nI07,2021,70\n"
        first = commit_import(one, plan_import(one, data, "a.csv", 2**20), STAFF)
        assert conflicts(first.id, revert_steps(two, first.id)) is None  # the history page offers the revert
        changed = b"indicator_code,year,value\nI07,2021,71\n"
        commit_import(one, plan_import(one, changed, "b.csv", 2**20), User(name="李工", role="staff"))
        with pytest.raises(ValuesMoved) as err:
            two.record_revert(first.id, "王主任")
        assert [(r.indicator_code, r.value, r.entered_by) for r in err.value.moved] == [("I07", 71.0, "李工")]
        assert [o.value for o in two.current_observations()] == [71.0] and len(two.batches()) == 2


@pytest.fixture
def pg_store(pg: Cluster, catalog: Catalog) -> Iterator[Store]:
    url = pg.create_db()
    with open_store(url, catalog) as store:
        yield store
    pg.drop_db(url.rsplit("/", 1)[1])


def test_a_serialisation_failure_says_someone_just_changed_the_values(
    pg_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A writer outside Shanhe's write lock (another tool on the same PostgreSQL) reads and writes the same
    values and commits while a store write is under way: PostgreSQL aborts the store's transaction, and the
    user reads "有人刚刚修改了这些数值，请重试" with nothing written."""
    other = psycopg.connect(pg_store.url, autocommit=True)
    other.execute("BEGIN ISOLATION LEVEL SERIALIZABLE")
    other.execute("SELECT COUNT(*) FROM current_values").fetchone()
    other.execute(
        "INSERT INTO current_values (indicator_code, region, year, value, batch_id, entered_by, entered_at, "
        "revision_id) VALUES ('I02', '全区', 2021, 19.9, 99, '外部', now(), 99)"
    )
    real = store_module._insert_rows

    def commit_other_first(cur: object, table: str, columns: object, rows: object) -> None:
        if table == "observations":
            other.execute("COMMIT")
        real(cur, table, columns, rows)  # type: ignore[arg-type]

    monkeypatch.setattr(store_module, "_insert_rows", commit_other_first)
    row = Observation(indicator_code="I07", region="全区", year=2021, value=70.0)
    with pytest.raises(StoreError) as err:
        pg_store.record_batch(
            [row], kind="import", user="张工", file_name="a.csv", sha256=None, counts=(1, 0, 0), expect={row.key: None}
        )
    other.close()
    assert err.value.key == "store.conflict" and "有人刚刚修改了这些数值，请重试" in err.value.message("zh")
    assert pg_store.batches() == [] and [o.entered_by for o in pg_store.current_observations()] == ["外部"]


def _rows(url: str) -> dict[str, list[str]]:
    with psycopg.connect(url) as conn:
        return {
            t: sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"').fetchall()))  # type: ignore[arg-type]
            for t in (*TABLES, "schema_version")
        }


def test_postgresql_backup_and_restore_round_trip(
    pg: Cluster, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same commands as on DuckDB: a pg_dump archive, restored into an empty database, table by table equal;
    sequences continue; restore never writes into a database that has tables. The password in the URL reaches
    pg_dump and pg_restore through the environment, never their command line."""
    commands: list[tuple[list[str], str | None]] = []
    real_run = subprocess.run

    def spy(args: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        commands.append((list(args), kwargs.get("env", {}).get("PGPASSWORD")))
        return real_run(args, **kwargs)

    monkeypatch.setattr(postgres.subprocess, "run", spy)
    source = pg.create_db().replace("postgres@", "postgres:s3cret@")  # trust auth: any password is accepted
    cli = Cli(source, capsys)  # type: ignore[arg-type]  # --db takes a URL as well as a path
    assert cli("init")[0] == 0
    assert cli("import", DATA / "scenario" / "observations.csv", "--accept-jumps")[0] == 0
    assert cli("import", DATA / "good" / "plain-utf8.csv")[0] == 0
    backup = tmp_path / "backup-1"
    code, _, err = cli("backup", "--out", backup)
    assert code == 0 and (backup / "shanhe.pgdump").exists(), err
    target = pg.create_db()
    restore_cli = Cli(target, capsys)  # type: ignore[arg-type]
    code, out, err = restore_cli("restore", backup)
    assert code == 0 and "已恢复" in out, err
    assert _rows(target) == _rows(source)
    assert [Path(args[0]).name for args, _ in commands] == ["pg_dump", "pg_restore"]
    assert "s3cret" not in " ".join(commands[0][0]) and commands[0][1] == "s3cret"
    with Store.open(target) as store:
        plan = plan_import(store, b"indicator_code,year,value\nI07,2023,70.6\n", "n.csv", 2**20)
        assert commit_import(store, plan, STAFF).id == 3
    code, _, err = restore_cli("restore", backup)
    assert code == 1 and "已存在" in err
    code, _, err = restore_cli("restore", tmp_path)
    assert code == 1 and "不是 Shanhe 备份目录" in err


HOLDER = """
import sys, time, duckdb
while True:
    try:
        con = duckdb.connect(sys.argv[1])
        break
    except duckdb.IOException:
        time.sleep(0.01)
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
con.close()
"""


def _hold(db: Path, seconds: float) -> subprocess.Popen[str]:
    """Another process that opens the file as soon as it is free and holds it for ``seconds``."""
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "holding"
    return proc


def test_a_duckdb_write_waits_for_a_busy_file_then_lands(store: Store, db_path: Path) -> None:
    """The store holds the file only while it works, so another process (a CLI backup) can take it meanwhile;
    a write in that time waits until the file is free instead of failing."""
    time.sleep(duckdb_backend.LINGER_SECONDS * 3)  # the store lets the file go once idle
    holder = _hold(db_path, 0.5)
    start = time.monotonic()
    batch = commit_import(store, plan_import(store, b"indicator_code,year,value\nI07,2021,70\n", "a.csv", 2**20), STAFF)
    assert batch.id == 1 and time.monotonic() - start > 0.25
    holder.wait(timeout=30)


def test_a_duckdb_write_gives_up_after_a_bounded_wait(
    store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(duckdb_backend, "BUSY_SECONDS", 0.3)
    time.sleep(duckdb_backend.LINGER_SECONDS * 3)
    holder = _hold(db_path, 5.0)
    try:
        start = time.monotonic()
        with pytest.raises(StoreError) as err:
            store.add_user("新同事", "staff", "x")
        assert err.value.key == "cli.db_locked" and 0.3 <= time.monotonic() - start < 3
    finally:
        holder.kill()
        holder.wait(timeout=30)
    assert store.user("新同事") is None


def _i07_row(url: str) -> str:
    """The overview's table row of I07 (its latest value), as a fresh page load shows it."""
    return page_text(url).split('data-code="I07"', 1)[-1].split("</tr>", 1)[0]


@pytest.mark.server
def test_the_cli_works_beside_a_running_dashboard(cli: Cli, tmp_path: Path) -> None:
    """status, export and backup while a dashboard serves the same DuckDB file (the backup timer no longer stops
    the service); a value the CLI imports shows on the dashboard's next page load."""
    cli.init(("import", DATA / "good" / "plain-utf8.csv"))
    server, url = spawn(cli.db)
    try:
        assert "71.2%" in _i07_row(url)  # the server has opened the store
        code, out, err = cli("status")
        assert code == 0 and "I07" in out, err
        code, _, err = cli("export", "--format", "csv", "--out", tmp_path / "current.csv")
        assert code == 0 and (tmp_path / "current.csv").exists(), err
        code, _, err = cli("backup", "--out", tmp_path / "backup")
        assert code == 0 and (tmp_path / "backup" / "schema.sql").exists(), err
        code, _, err = cli("import", DATA / "good" / "plain-utf8.csv")  # nothing new, but it reads and checks
        assert code == 0, err
        (tmp_path / "new.csv").write_text("indicator_code,year,value\nI07,2022,73.4\n", encoding="utf-8")
        code, _, err = cli("import", tmp_path / "new.csv")
        assert code == 0, err
        assert "73.4%" in _i07_row(url)
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_an_unreachable_postgresql_server_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing listens at the address: the store says it cannot connect, why, and to what (without a password)."""
    monkeypatch.setattr(postgres, "CONNECT_SECONDS", 0.3)
    url = f"postgresql://shanhe:secret@127.0.0.1:{free_port()}/shanhe"
    with pytest.raises(StoreError) as err:
        Store.open(url)
    message = err.value.message("zh")
    assert err.value.key == "store.unreachable" and "secret" not in message
    assert f"postgresql://shanhe@127.0.0.1:{url.split(':')[3].split('/')[0]}/shanhe" in message
    assert "refused" in message or "拒绝" in message


def test_a_name_added_twice_at_once_is_refused_in_words(any_store: Store) -> None:
    """Two servers each check that a user name is free, then both add it: the second write is refused with a
    message a user can act on (not "internal error"), and the first user stays as written."""
    any_store.add_user("赵工", "staff", "hash-one")
    with pytest.raises(StoreError) as err:
        any_store.add_user("赵工", "admin", "hash-two")
    assert err.value.key == "store.duplicate"
    record = any_store.user("赵工")
    assert record is not None and (record.role, record.password_hash) == ("staff", "hash-one")


def test_current_values_leave_room_for_updates_in_place_on_postgresql(pg_store: Store) -> None:
    """Every import rewrites each current value: PostgreSQL keeps half of each page free for it (fillfactor 50)."""
    with psycopg.connect(pg_store.url) as conn:
        row = conn.execute("SELECT reloptions FROM pg_class WHERE relname = 'current_values'").fetchone()
    assert row is not None and row[0] == ["fillfactor=50"]
