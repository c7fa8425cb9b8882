"""The pages under real Streamlit (AppTest) on PostgreSQL: the same pages over the same data read the same as on
DuckDB, and staff upload, confirm and revert through the pages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from shanhe import auth
from shanhe.auth import User
from shanhe.catalog import Catalog
from shanhe.entry.importer import commit_import, plan_import
from shanhe.store import Store, open_store
from tests.apptest import dashboard
from tests.conftest import DATA, log_in
from tests.pgcluster import Cluster

PAGES = ("overview", "indicator", "projects", "themes", "methodology", "report", "about")
PASSWORD = "correct horse 9"
SCENARIO = DATA / "scenario" / "observations.csv"


def _fill(store: Store) -> None:
    auth.add_user(store, "张工", "staff", PASSWORD)
    plan = plan_import(store, SCENARIO.read_bytes(), SCENARIO.name, 2**22)
    commit_import(store, plan, User(name="张工", role="staff"))


@pytest.fixture
def pg_url(pg: Cluster, catalog: Catalog) -> Iterator[str]:
    url = pg.create_db()
    with open_store(url, catalog, create=True) as store:
        _fill(store)
    yield url
    pg.drop_db(url.rsplit("/", 1)[1])


@pytest.fixture
def duck_path(tmp_path: Path, catalog: Catalog) -> Path:
    path = tmp_path / "same.duckdb"
    with open_store(str(path), catalog, create=True) as store:
        _fill(store)
    return path


def _texts(monkeypatch: pytest.MonkeyPatch, db: str, page: str) -> list[str]:
    monkeypatch.setenv("SHANHE_DB", db)
    at = dashboard().run()
    if page != "overview":
        at.switch_page(f"pages/{page}_page.py").run()
    assert not at.exception, at.exception
    return [e.value for kind in ("title", "header", "subheader", "markdown", "metric") for e in at.get(kind)]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_reads_the_same_on_both_backends(
    page: str, pg_url: str, duck_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    on_pg = _texts(monkeypatch, pg_url, page)
    assert on_pg == _texts(monkeypatch, str(duck_path), page)
    assert on_pg  # the page drew something


def test_staff_upload_confirm_and_revert_on_postgresql(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHANHE_DB", pg_url)
    at = log_in("张工", PASSWORD)
    at.switch_page("pages/upload_page.py").run()
    at.get("file_uploader")[0].upload("town.csv", b"indicator_code,year,value\nI07,2021,99.5\n", "text/csv")
    at.run()
    assert not at.exception, at.exception
    with Store.open(pg_url) as store:
        before = len(store.observation_history())
    at.button(key="confirm_upload").click().run()
    assert any("导入成功" in s.value for s in at.success), [s.value for s in at.success]
    with Store.open(pg_url) as store:
        assert {(o.indicator_code, o.year): o.value for o in store.current_observations()}[("I07", 2021)] == 99.5
        newest = store.latest_batch()
    assert newest is not None
    at.switch_page("pages/history_page.py").run()
    at.checkbox(key=f"revert_sure_{newest.id}").check().run()
    at.button(key="revert").click().run()
    assert any("已撤销" in s.value for s in at.success), [s.value for s in at.success]
    with Store.open(pg_url) as store:
        assert {(o.indicator_code, o.year): o.value for o in store.current_observations()}[("I07", 2021)] != 99.5
        assert len(store.observation_history()) == before + 2
