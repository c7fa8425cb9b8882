"""The pages' cached reads: one shared, read-only result per data version, and a new version after a write."""

from __future__ import annotations

import time

import pydantic
import pytest

from shanhe.auth import User
from shanhe.entry.importer import commit_import, plan_import
from shanhe.store import Store
from shanhe.ui import loaders


@pytest.fixture
def store(any_store: Store) -> Store:
    """The tests here that take ``store`` run on DuckDB and on PostgreSQL."""
    return any_store


STAFF = User(name="张工", role="staff")
REGION = "全区"


def test_every_session_gets_the_same_read_only_result(store: Store) -> None:
    assert loaders.indicators(store) is loaders.indicators(store)
    assert loaders.overview(store, REGION, 2024) is loaders.overview(store, REGION, 2024)
    with pytest.raises(TypeError):
        loaders.indicators(store)["I07"] = loaders.indicators(store)["I02"]  # type: ignore[index]
    view = loaders.overview(store, REGION, 2024)
    with pytest.raises(pydantic.ValidationError):
        view.year = 2020
    with pytest.raises(pydantic.ValidationError):
        view.rows[0].assessment.light = "green"
    assert isinstance(view.rows, tuple) and isinstance(loaders.current(store), tuple)
    assert isinstance(loaders.regions(store), tuple) and isinstance(loaders.flags(store), tuple)


def _import(store: Store, value: float) -> None:
    data = f"指标编码,年份,数值\nI07,2024,{value}\n".encode()
    commit_import(store, plan_import(store, data, "new.csv", 2**20), STAFF)


def _i07(store: Store) -> float | None:
    return next(r for r in loaders.overview(store, REGION, 2024).rows if r.assessment.code == "I07").assessment.value


def test_a_write_shows_at_once_to_the_writer_and_within_half_a_second_to_everyone(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert loaders.latest_batch(store) is None and _i07(store) is None
    _import(store, 77.7)
    loaders.refresh(store)  # what the upload, revert and target pages do after their write
    batch = loaders.latest_batch(store)
    assert batch is not None and batch.user_name == STAFF.name
    assert _i07(store) == pytest.approx(77.7)
    assert [r.value for r in loaders.history(store, "I07")] == [pytest.approx(77.7)]

    now = [time.monotonic()]
    monkeypatch.setattr(loaders, "_clock", lambda: now[0])
    loaders.refresh(store)
    assert _i07(store) == pytest.approx(77.7)  # the version was asked of the DB at time `now`
    _import(store, 78.8)  # another process's write: no refresh here
    now[0] += 0.4
    assert _i07(store) == pytest.approx(77.7)  # the data version is asked of the DB at most every 0.5 s
    now[0] += 0.2
    assert _i07(store) == pytest.approx(78.8)
    assert [r.value for r in loaders.history(store, "I07")] == [pytest.approx(77.7), pytest.approx(78.8)]
