"""The store on a real DuckDB file and a real PostgreSQL database: init is idempotent and never loses user data."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from shanhe.auth import User
from shanhe.catalog import Catalog, load_catalog
from shanhe.entry.importer import commit_import, plan_import
from shanhe.errors import StoreError
from shanhe.store import Store, open_store
from shanhe.store.schema import SCHEMA_VERSION
from tests.conftest import DATA, ROOT, execute_raw

LIMIT = 5 * 2**20


@pytest.fixture
def store(any_store: Store) -> Store:
    """Every test here that takes ``store`` runs on both backends."""
    return any_store


def _import(store: Store, name: str, user: str = "测试员") -> None:
    data = (DATA / "good" / name).read_bytes()
    assert commit_import(store, plan_import(store, data, name, LIMIT), User(name=user, role="staff")) is not None


def test_fresh_init_builds_every_table(store: Store) -> None:
    counts = store.table_counts()
    assert store.schema_version() == SCHEMA_VERSION
    assert counts["indicators"] == 42 and counts["projects"] == 11 and counts["milestones"] == 12
    assert counts["observations"] == 0 and counts["batches"] == 0
    assert store.regions() == ["全区"]
    assert store.meta("plan_number") == "城政发〔2023〕3号"


def test_init_twice_keeps_imported_data(target: str, catalog: Catalog) -> None:
    with open_store(target, catalog, create=True) as store:
        _import(store, "plain-utf8.csv")
        before_counts, before_obs = store.table_counts(), store.current_observations()
    with Store.open(target) as store:
        report = store.init(catalog)
        assert not report.plan_synced and report.from_version == SCHEMA_VERSION
        report = store.init(catalog, force_plan_sync=True)
        assert report.plan_synced
        assert store.table_counts() == before_counts
        assert store.current_observations() == before_obs


def test_changed_plan_resyncs_plan_tables_but_keeps_user_data(tmp_path: Path, target: str) -> None:
    plan_dir = tmp_path / "plan"
    shutil.copytree(ROOT / "data" / "plan", plan_dir)
    with open_store(target, load_catalog(plan_dir), create=True) as store:
        _import(store, "plain-utf8.csv")
        observations = store.current_observations()
        # a reviewer corrects a target in data/plan
        path = plan_dir / "indicators.yaml"
        path.write_text(
            path.read_text(encoding="utf-8").replace('value: 0.5, text: "≤0.5"', 'value: 0.6, text: "≤0.6"'),
            encoding="utf-8",
        )
        report = store.init(load_catalog(plan_dir))
        assert report.plan_synced
        fire = next(i for i in store.indicators() if i.code == "I03")
        assert fire.target_for(2025).value == 0.6
        assert store.current_observations() == observations
        assert len(store.batches()) == 1


def test_revisions_are_appended_never_overwritten(store: Store) -> None:
    first = b"indicator_code,year,value\nI07,2021,71.2\n"
    second = b"indicator_code,year,value\nI07,2021,71.9\n"
    commit_import(store, plan_import(store, first, "a.csv", LIMIT), User(name="甲", role="staff"))
    commit_import(store, plan_import(store, second, "b.csv", LIMIT), User(name="乙", role="staff"))
    history = store.observation_history()
    assert [(h.value, h.entered_by, h.batch_id) for h in history] == [(71.2, "甲", 1), (71.9, "乙", 2)]
    (current,) = store.current_observations()
    assert (current.value, current.entered_by) == (71.9, "乙")
    assert [b.rows_changed for b in store.batches()] == [0, 1]


def test_migrations_apply_forward_from_an_empty_database(target: str, catalog: Catalog) -> None:
    with Store.open(target, create=True) as store:
        report = store.init(catalog)
        assert store.schema_version() == SCHEMA_VERSION
    assert (report.from_version, report.to_version) == (0, SCHEMA_VERSION)


def test_a_newer_schema_is_refused(target: str, catalog: Catalog) -> None:
    open_store(target, catalog, create=True).close()
    execute_raw(target, "INSERT INTO schema_version VALUES (?, current_timestamp, 'x')", [SCHEMA_VERSION + 1])
    with Store.open(target) as store, pytest.raises(StoreError) as err:
        store.init(catalog)
    assert err.value.key == "cli.db_too_new"


def test_an_edited_migration_is_refused(target: str, catalog: Catalog) -> None:
    """Each applied migration's checksum is kept: a database whose version 2 ran other statements than this
    release's version 2 is not silently taken for the same schema."""
    open_store(target, catalog, create=True).close()
    execute_raw(target, "UPDATE schema_version SET checksum = ? WHERE version = 2", ["0" * 64])
    with Store.open(target) as store, pytest.raises(StoreError) as err:
        store.init(catalog)
    assert (err.value.key, err.value.params["version"]) == ("store.migration_changed", 2)


@pytest.mark.server
def test_servers_starting_at_once_apply_each_migration_once(target: str, catalog: Catalog) -> None:
    """Two processes open a new database at the same moment: the migration lock lets one migrate, the other
    then finds the schema current (without it, the second fails on "table meta already exists")."""
    code = (
        "import sys; from shanhe.catalog import load_catalog; from shanhe.store import open_store; "
        "sys.stdin.read(1); open_store(sys.argv[1], load_catalog(), create=True).close(); print('ok')"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", code, target], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outs = [p.communicate("go", timeout=120) for p in procs]
    assert [o.strip() for o, _ in outs] == ["ok", "ok"], outs
    with Store.open(target) as store:
        assert store.schema_version() == SCHEMA_VERSION and store.table_counts()["indicators"] == 42


def test_missing_db_is_not_created_unless_asked(db_path: Path) -> None:
    with pytest.raises(StoreError) as err:
        Store.open(db_path)
    assert err.value.key == "cli.db_missing" and not db_path.exists()


def test_locked_db_is_reported(locked_db: Path) -> None:
    with pytest.raises(StoreError) as err:
        Store.open(locked_db)
    assert err.value.key == "cli.db_locked"


def test_corrupt_db_is_reported(db_path: Path) -> None:
    db_path.write_bytes(b"this is not a database" * 200)
    with pytest.raises(StoreError) as err:
        Store.open(db_path)
    assert err.value.key == "cli.db_corrupt"


def test_indicators_round_trip_through_the_db(store: Store, catalog: Catalog) -> None:
    """What init writes, indicators() reads back identically."""
    assert store.indicators() == list(catalog.indicators)
    assert store.projects() == list(catalog.projects)
    assert [f.id for f in store.flags()] == [f.id for f in catalog.flags]
    assert store.themes() == list(catalog.themes)


def test_upgrade_from_schema_1_keeps_data_and_adds_measure(db_path: Path, catalog: Catalog) -> None:
    """A DB made by the first release (schema 1) is migrated forward in place."""
    import datetime as dt

    from shanhe.store.schema import MIGRATIONS

    con = duckdb.connect(str(db_path))
    con.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL)")
    for statement in MIGRATIONS[0]:
        con.execute(statement)
    con.execute("INSERT INTO schema_version VALUES (1, ?)", [dt.datetime(2026, 1, 1)])
    con.execute(
        "INSERT INTO batches (kind, user_name, created_at, rows_added, rows_changed, rows_unchanged) "
        "VALUES ('import', '甲', ?, 1, 0, 0)",
        [dt.datetime(2026, 1, 1)],
    )
    con.execute(
        "INSERT INTO observations (indicator_code, region, year, value, batch_id, entered_by, entered_at) "
        "VALUES ('I07', '全区', 2021, 71.2, 1, '甲', ?)",
        [dt.datetime(2026, 1, 1)],
    )
    con.close()
    with Store.open(db_path) as store:
        report = store.init(catalog)
        assert (report.from_version, report.to_version) == (1, SCHEMA_VERSION)
        assert [o.value for o in store.current_observations()] == [71.2]
        measures = {i.code: i.measure for i in store.indicators()}
        assert measures["I22"] == "cumulative_change" and measures["I07"] == "level"


def test_upgrade_to_schemas_8_and_9_keeps_what_a_revert_restores(target: str, catalog: Catalog) -> None:
    """Migrations 8 and 9 fill in what each current value and each revision replaced from the history a schema-7
    database holds: reverting the newest of three imports of one value afterwards restores the second, not the
    first, and every batch's revert plan names the revision before."""
    from shanhe.entry.revert import revert_batch
    from shanhe.store import migration_checksum
    from shanhe.store.schema import MIGRATIONS

    execute_raw(
        target, "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP, checksum VARCHAR)"
    )
    for version in range(1, 8):
        for statement in MIGRATIONS[version - 1]:
            execute_raw(target, statement)
        execute_raw(
            target,
            "INSERT INTO schema_version VALUES (?, current_timestamp, ?)",
            [version, migration_checksum(version)],
        )
    for batch, value in enumerate((71.2, 71.9, 72.5), start=1):
        execute_raw(
            target,
            "INSERT INTO batches (kind, user_name, created_at, rows_added, rows_changed, rows_unchanged) "
            "VALUES ('import', '甲', current_timestamp, 1, 0, 0)",
        )
        execute_raw(
            target,
            "INSERT INTO observations (indicator_code, region, year, value, batch_id, entered_by, entered_at) "
            "VALUES ('I07', '全区', 2021, ?, ?, '甲', current_timestamp)",
            [value, batch],
        )
    execute_raw(
        target,
        "INSERT INTO current_values SELECT indicator_code, region, year, value, source, note, batch_id, entered_by, "
        "entered_at, id FROM observations WHERE batch_id = 3",
    )
    with open_store(target, catalog) as store:
        assert store.schema_version() == SCHEMA_VERSION
        # migration 9: each revision names the one it replaced (what the history page says a revert restores)
        befores = {b: [p.value if p else None for _, _, p in store.batch_with_neighbours(b)] for b in (1, 2, 3)}
        assert befores == {1: [None], 2: [71.2], 3: [71.9]}
        revert = revert_batch(store, 3, User(name="乙", role="admin"))
        assert [o.value for o in store.current_observations()] == [71.9]
        [(written, newer, before)] = store.batch_with_neighbours(revert.id)
        assert (written.value, newer, before and before.value) == (71.9, None, 72.5)


def test_a_batch_that_writes_one_value_twice_is_refused(store: Store) -> None:
    """Each value's current revision is kept by one set-based statement per batch, which needs each value once."""
    from shanhe.models import Observation

    row = Observation(indicator_code="I07", region="全区", year=2021, value=70.0)
    with pytest.raises(ValueError, match="once"):
        store.record_batch([row, row], kind="import", user="甲", file_name=None, sha256=None, counts=(2, 0, 0))
    assert store.table_counts()["observations"] == 0 and store.batches() == []


def test_current_values_are_always_the_newest_revisions(store: Store) -> None:
    """The current-values table each write keeps equals what the full history says, through imports, a retraction
    and a revert."""
    from shanhe.entry.revert import revert_batch

    _import(store, "plain-utf8.csv")
    data = b"indicator_code,year,value\nI07,2021,72.5\nI07,2022,73\n"
    commit_import(store, plan_import(store, data, "b.csv", LIMIT), User(name="乙", role="admin"))
    revert_batch(store, 2, User(name="乙", role="admin"))  # I07 2021 back to 71.2, I07 2022 retracted
    newest: dict[tuple[str, str, int], object] = {}
    for rev in store.observation_history():
        newest[rev.key] = rev
    expected = sorted(
        ((r.indicator_code, r.region, r.year), r.value, r.batch_id) for r in newest.values() if r.value is not None
    )
    got = sorted(((o.indicator_code, o.region, o.year), o.value, o.batch_id) for o in store.current_observations())
    assert got == expected and (("I07", "全区", 2021), 71.2, 3) in got
    assert not any(key == ("I07", "全区", 2022) for key, _, _ in got)
