"""Fixtures: a real DuckDB file in a temp folder, built from the real plan data."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from shanhe import auth
from shanhe.catalog import Catalog, load_catalog
from shanhe.cli import main
from shanhe.store import Store, open_store

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent
PLAN_TEXT = ROOT.parent / "shared" / "seed" / "plan-2023-3.txt"


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


@pytest.fixture
def store(db_path: Path, catalog: Catalog) -> Iterator[Store]:
    with open_store(db_path, catalog, create=True) as s:
        yield s


class Cli:
    """Runs ``python -m shanhe`` in-process against one DB file, capturing output."""

    def __init__(self, db: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.db = db
        self.capsys = capsys

    def __call__(self, *args: str | Path) -> tuple[int, str, str]:
        self.capsys.readouterr()
        code = main(["--db", str(self.db), *map(str, args)])
        out, err = self.capsys.readouterr()
        return code, out, err


@pytest.fixture
def cli(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(db_path, capsys)


@pytest.fixture
def locked_db(db_path: Path, catalog: Catalog) -> Iterator[Path]:
    """The DB file held open by another process, as a running dashboard would."""
    open_store(db_path, catalog, create=True).close()
    code = f"import duckdb, sys; c = duckdb.connect({str(db_path)!r}); print('ok', flush=True); sys.stdin.read()"
    holder = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ok"
        yield db_path
    finally:
        holder.communicate("", timeout=30)
