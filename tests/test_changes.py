"""Reverts, assigned targets and milestone updates: versioned, traceable, checked."""

from __future__ import annotations

import datetime as dt

import pytest

from shanhe.auth import AuthError, User
from shanhe.entry.importer import commit_import, plan_import
from shanhe.entry.milestones import add_milestone, completions, recorded, update_milestone
from shanhe.entry.revert import revert_batch
from shanhe.entry.targets import enter_document_target
from shanhe.errors import UserError
from shanhe.progress import assess
from shanhe.schedule import project_status
from shanhe.store import Store


@pytest.fixture
def store(any_store: Store) -> Store:
    """The tests here that take ``store`` run on DuckDB and on PostgreSQL."""
    return any_store


STAFF = User(name="张工", role="staff")
OTHER = User(name="李工", role="staff")
ADMIN = User(name="王主任", role="admin")


def upload(store: Store, text: str, actor: User) -> int:
    batch = commit_import(store, plan_import(store, text.encode(), "u.csv", 2**20), actor)
    return batch.id


def values(store: Store) -> dict[tuple[str, int], float]:
    return {(o.indicator_code, o.year): o.value for o in store.current_observations()}


def test_revert_restores_previous_values_and_retracts_new_ones(store: Store) -> None:
    first = upload(store, "indicator_code,year,value\nI07,2021,70\nI02,2021,19.9\n", STAFF)
    second = upload(store, "indicator_code,year,value\nI07,2021,71\nI10,2021,5\n", STAFF)
    assert values(store) == {("I07", 2021): 71.0, ("I02", 2021): 19.9, ("I10", 2021): 5.0}
    revert = revert_batch(store, second, STAFF)
    assert values(store) == {("I07", 2021): 70.0, ("I02", 2021): 19.9}  # I10 had no value before: retracted
    assert (revert.kind, revert.reverts_batch) == ("revert", second)
    again = revert_batch(store, revert.id, ADMIN)  # a revert can itself be reverted
    assert values(store) == {("I07", 2021): 71.0, ("I02", 2021): 19.9, ("I10", 2021): 5.0}
    assert again.reverts_batch == revert.id and len(store.observation_history()) == 4 + 2 + 2
    assert first == 1


def test_each_value_history_and_revert_plan_follow_every_revision(store: Store) -> None:
    """Each revision names the one it replaced: one value's history (walked back from its current revision) is
    every revision of that value, and a batch's revert plan names the revision before each of its own, through
    imports, a retraction by revert and a revert of that revert."""
    upload(store, "indicator_code,year,value\nI07,2021,70\nI02,2021,19.9\n", STAFF)
    second = upload(store, "indicator_code,year,value\nI07,2021,71\nI10,2021,5\n", STAFF)
    revert = revert_batch(store, second, STAFF)
    again = revert_batch(store, revert.id, ADMIN)
    upload(store, "indicator_code,year,value\nI07,2021,72\nI10,2021,6\n", ADMIN)
    everything = store.observation_history()
    for code, year in (("I07", 2021), ("I02", 2021), ("I10", 2021)):
        expected = [r for r in everything if (r.indicator_code, r.region, r.year) == (code, "全区", year)]
        assert store.revisions_of(code, "全区", year) == expected
    assert [r.value for r in store.revisions_of("I10", "全区", 2021)] == [5.0, None, 5.0, 6.0]
    plan = {w.indicator_code: (p.value if p else "none") for w, _, p in store.batch_with_neighbours(again.id)}
    assert plan == {"I07": 70.0, "I10": None}  # before the revert of the revert: 70 restored, I10 retracted


def test_revert_refuses_values_changed_later(store: Store) -> None:
    first = upload(store, "indicator_code,year,value\nI07,2021,70\n", STAFF)
    upload(store, "indicator_code,year,value\nI07,2021,71\n", OTHER)
    with pytest.raises(UserError) as err:
        revert_batch(store, first, ADMIN)
    assert err.value.key == "revert.conflict" and "I07 全区 2021" in err.value.params["values"]
    assert values(store) == {("I07", 2021): 71.0}


def test_staff_revert_only_their_own_latest_batch(store: Store) -> None:
    mine = upload(store, "indicator_code,year,value\nI07,2021,70\n", STAFF)
    theirs = upload(store, "indicator_code,year,value\nI02,2021,19.9\n", OTHER)
    with pytest.raises(AuthError):
        revert_batch(store, theirs, STAFF)
    newer = upload(store, "indicator_code,year,value\nI10,2021,3\n", STAFF)
    with pytest.raises(AuthError):
        revert_batch(store, mine, STAFF)  # no longer their most recent
    assert revert_batch(store, newer, STAFF).reverts_batch == newer
    with pytest.raises(AuthError):
        revert_batch(store, mine, None)


def test_assigned_target_is_used_at_once_and_versioned(store: Store) -> None:
    upload(store, "indicator_code,year,value\nI26,2021,1.2\nI26,2024,1.08\n", STAFF)
    ind = next(i for i in store.indicators() if i.code == "I26")
    assert assess(ind, store.current_observations(), 2024, "全区").label_code == "pending"
    enter_document_target(store, ind, 2025, 1.0, "晋城政发〔2023〕1号", dt.date(2023, 6, 1), STAFF)
    ind = next(i for i in store.indicators() if i.code == "I26")
    assert ind.target_for(2025).value == 1.0 and ind.target_for(2025).doc_ref == "晋城政发〔2023〕1号"
    assert assess(ind, store.current_observations(), 2024, "全区").label_code == "behind"  # 0.8 < 0.85
    enter_document_target(store, ind, 2025, 1.1, "晋城政发〔2024〕2号", dt.date(2024, 3, 1), STAFF)
    ind = next(i for i in store.indicators() if i.code == "I26")
    assert ind.target_for(2025).value == 1.1
    assert [t.value for _, t in store.staff_targets()] == [1.0, 1.1]


@pytest.mark.parametrize(
    ("code", "year", "value", "doc", "key"),
    [
        ("I26", 2020, 1.0, "x", "assigned.bad_year"),  # the base year has no target
        ("I26", 2036, 1.0, "x", "assigned.bad_year"),
        ("I26", 2025, -1.0, "x", "assigned.bad_value"),
        ("I26", 2025, float("nan"), "x", "assigned.bad_value"),
        ("I26", 2025, 1.0, " ", "assigned.doc_required"),
    ],
)
def test_assigned_target_checks(store: Store, code: str, year: int, value: float, doc: str, key: str) -> None:
    ind = next(i for i in store.indicators() if i.code == code)
    with pytest.raises(UserError) as err:
        enter_document_target(store, ind, year, value, doc, dt.date(2023, 1, 1), STAFF)
    assert err.value.key == key
    with pytest.raises(AuthError):
        enter_document_target(store, ind, year, value, doc, dt.date(2023, 1, 1), None)


def test_milestone_updates_and_added_milestones(store: Store) -> None:
    update_milestone(store, "P05-M1", "done", dt.date(2021, 11, 30), "验收报告", "https://example.org/a", STAFF)
    mines = next(p for p in store.projects() if p.id == "P05")
    status = project_status(mines, dt.date(2022, 3, 1), completions(store))
    assert [m.status for m in status.milestones] == ["done", "in_progress"]
    update_milestone(store, "P05-M2", "in_progress", None, "进度滞后", None, STAFF)
    assert recorded(store) == {"P05-M2"}  # a status that is not done: past due, it is confirmed late
    late = project_status(mines, dt.date(2026, 3, 1), completions(store), recorded(store))
    assert [m.status for m in late.milestones] == ["done", "overdue"]
    new_id = add_milestone(store, "P05", "北部矿山复绿验收", dt.date(2024, 6, 30), STAFF)
    assert new_id == "P05-S1"
    mines = next(p for p in store.projects() if p.id == "P05")
    assert mines.milestones[-1].title == "北部矿山复绿验收" and mines.milestones[-1].basis == "staff"
    for args, key in [
        (("P05-M2", "done", None, None, None), "milestone.date_required"),
        (("P05-M2", "in_progress", None, None, "javascript:alert(1)"), "milestone.bad_link"),
        (("P99-M1", "done", dt.date(2021, 1, 1), None, None), "milestone.unknown"),
        (("P05-M2", "done", dt.date.today() + dt.timedelta(days=5), None, None), "milestone.future_date"),
    ]:
        with pytest.raises(UserError) as err:
            update_milestone(store, *args, STAFF)
        assert err.value.key == key
