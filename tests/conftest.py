"""Fixtures: a real DuckDB file in a temp folder, built from the real plan data; the same on a throwaway
PostgreSQL cluster for the store-level tests that run on both backends (``target``, ``any_store``)."""

from __future__ import annotations

import contextlib
import functools
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import duckdb
import psycopg
import pytest
from argon2 import PasswordHasher
from streamlit.components.v2 import manifest_scanner
from streamlit.testing.v1 import AppTest

from shanhe import auth
from shanhe.catalog import Catalog, load_catalog, plan_digest
from shanhe.cli import main
from shanhe.demo import build_demo
from shanhe.settings import DEFAULT_DB
from shanhe.store import Store, open_store
from shanhe.store import duckdb as duckdb_backend
from shanhe.store.postgres import is_url
from tests.apptest import dashboard
from tests.pgcluster import Cluster, pg_cluster

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent
PLAN_TEXT = ROOT.parent / "shared" / "seed" / "plan-2023-3.txt"


@pytest.fixture(scope="session", autouse=True)
def components_scanned_once() -> Iterator[None]:
    """Streamlit scans the metadata of every installed package for components at each AppTest run (0.1 s, some
    200 runs in the quick loop); what is installed does not change during a test session, so scan once."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(
            manifest_scanner, "scan_component_manifests", functools.cache(manifest_scanner.scan_component_manifests)
        )
        yield


@pytest.fixture(autouse=True)
def cheap_password_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2 at the lowest cost: the real parameters cost 0.1–0.4 s per hash and are checked by one test
    (test_accounts.py) that restores them."""
    monkeypatch.setattr(auth, "_hasher", CHEAP_HASHER)
    monkeypatch.setattr(auth, "_DUMMY_HASH", CHEAP_HASHER.hash("no user has this password"))


CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


@pytest.fixture(autouse=True)
def fresh_login_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts with the whole per-minute login budget, however many logins earlier tests made."""
    monkeypatch.setattr(auth, "LIMITER", auth.AttemptLimiter(auth.ATTEMPTS_PER_MINUTE))


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "shanhe.duckdb"


Step = tuple[str | Path, ...]
_TEMPLATES: dict[tuple[object, ...], Path] = {}


def template_copy(
    target: Path, tmp_path_factory: pytest.TempPathFactory, key: tuple[object, ...], build: Callable[[Path], None]
) -> None:
    """A DB at ``target`` as ``build`` leaves a new file, for the current plan and SHANHE_TODAY. The first one is
    made by ``build``, later ones are copies of it: tests need a prepared DB some 400 times, and init alone costs
    a tenth of a second."""
    key = (plan_digest(), os.environ.get("SHANHE_TODAY", ""), *key)
    if key not in _TEMPLATES:
        template = tmp_path_factory.mktemp("template") / "shanhe.duckdb"
        build(template)
        _TEMPLATES[key] = template
    shutil.copyfile(_TEMPLATES[key], target)


def run_cli(db: Path, *steps: Step) -> None:
    """``python -m shanhe --db db`` with each of ``steps``, quietly, each one required to succeed."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()) as err:
        for args in steps:
            assert main(["--db", str(db), *map(str, args)]) == 0, (args, err.getvalue())


def prepared_copy(target: Path, tmp_path_factory: pytest.TempPathFactory, steps: Sequence[Step] = ()) -> None:
    """A DB at ``target`` as ``python -m shanhe init`` followed by the CLI commands ``steps`` leave it."""
    key = ("cli", *(tuple(map(str, s)) for s in steps))
    template_copy(target, tmp_path_factory, key, lambda db: run_cli(db, ("init",), *steps))


def demo_copy(target: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    """The sample store of ``python -m shanhe demo`` at ``target``."""
    template_copy(target, tmp_path_factory, ("demo",), lambda db: build_demo(db, load_catalog(), DEFAULT_DB))


@pytest.fixture
def store(db_path: Path, catalog: Catalog, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    prepared_copy(db_path, tmp_path_factory)
    with open_store(db_path, catalog) as s:
        yield s


class Cli:
    """Runs ``python -m shanhe`` in-process against one DB file, capturing output."""

    def __init__(
        self, db: Path, capsys: pytest.CaptureFixture[str], tmp_path_factory: pytest.TempPathFactory | None = None
    ) -> None:
        self.db = db
        self.capsys = capsys
        self.tmp_path_factory = tmp_path_factory

    def __call__(self, *args: str | Path) -> tuple[int, str, str]:
        self.capsys.readouterr()
        code = main(["--db", str(self.db), *map(str, args)])
        out, err = self.capsys.readouterr()
        return code, out, err

    def init(self, *steps: Step) -> None:
        """What ``cli("init")`` and then ``cli(*step)`` for each step do to a new DB, for tests that only need a
        prepared one (the commands themselves are tested where their output is looked at)."""
        assert self.tmp_path_factory is not None
        prepared_copy(self.db, self.tmp_path_factory, steps)


@pytest.fixture
def cli(db_path: Path, capsys: pytest.CaptureFixture[str], tmp_path_factory: pytest.TempPathFactory) -> Cli:
    return Cli(db_path, capsys, tmp_path_factory)


@pytest.fixture
def locked_db(db_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The DB file held open by another process (a long export, a dashboard of an older release); the store
    waits a third of a second for it instead of ten."""
    monkeypatch.setattr(duckdb_backend, "BUSY_SECONDS", 0.3)
    open_store(db_path, catalog, create=True).close()
    code = f"import duckdb, sys; c = duckdb.connect({str(db_path)!r}); print('ok', flush=True); sys.stdin.read()"
    holder = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ok"
        yield db_path
    finally:
        holder.communicate("", timeout=30)


BACKENDS = ("duckdb", "postgresql")


@pytest.fixture(scope="session")
def pg() -> Iterator[Cluster]:
    """One throwaway PostgreSQL cluster per test process (Debian's postgresql package)."""
    with pg_cluster() as cluster:
        yield cluster


@pytest.fixture(params=BACKENDS)
def target(request: pytest.FixtureRequest, db_path: Path) -> Iterator[str]:
    """A new, empty database on each backend: a DuckDB file path, or a PostgreSQL URL (dropped afterwards)."""
    if request.param == "duckdb":
        yield str(db_path)
        return
    cluster: Cluster = request.getfixturevalue("pg")
    url = cluster.create_db()
    yield url
    cluster.drop_db(url.rsplit("/", 1)[1])


@pytest.fixture
def any_store(
    target: str, db_path: Path, catalog: Catalog, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    """The store ``python -m shanhe init`` makes, on each backend."""
    if not is_url(target):
        prepared_copy(db_path, tmp_path_factory)
    with open_store(target, catalog, create=True) as s:
        yield s


def execute_raw(target: str, sql: str, params: Sequence[object] = ()) -> list[tuple[object, ...]]:
    """One statement outside the store (a test setting up what the store must then cope with, or looking at
    what it wrote); the rows it returns, if any."""
    if is_url(target):
        with psycopg.connect(target, autocommit=True) as conn:
            cur = conn.execute(sql.replace("?", "%s"), list(params))  # type: ignore[arg-type]
            return cur.fetchall() if cur.description else []
    with duckdb.connect(target) as con:
        cur = con.execute(sql, list(params))
        return cur.fetchall() if cur.description else []


def text_tables(at: object) -> list[list[dict[str, str]]]:
    """The wrapping HTML tables of a page run under AppTest (``shanhe.cards.text_table``), as rows of
    column → cell text, in page order."""
    import html
    import re

    tables = []
    for m in at.markdown:  # type: ignore[attr-defined]
        if 'class="sh-table"' not in m.value:
            continue
        rows = [
            [html.unescape(re.sub(r"<br>", "\n", c)) for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row)]
            for row in re.findall(r"<tr>(.*?)</tr>", m.value)
        ]
        tables.append([dict(zip(rows[0], r, strict=True)) for r in rows[1:]])
    return tables


def log_in(name: str, password: str, at: AppTest | None = None) -> AppTest:
    """The dashboard under AppTest (or ``at``), logged in through the login page's form."""
    at = at or dashboard().run()
    at.switch_page("pages/login_page.py").run()
    at.text_input(key="login_name").input(name)
    at.text_input(key="login_password").input(password)
    at.button[0].click().run()  # the form's submit button
    return at


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that runs on PostgreSQL ``postgres``: ``make check`` leaves them to ``make test``, where the
    whole store suite runs on both backends."""
    for item in items:
        params = getattr(item, "callspec", None)
        on_postgres = params is not None and "postgresql" in params.params.values()
        if on_postgres or "pg" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.postgres)
