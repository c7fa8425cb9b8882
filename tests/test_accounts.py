"""Accounts and roles: hashing, policy, rate limiting, the users CLI, and role checks in every write."""

from __future__ import annotations

import datetime as dt

import pytest

from shanhe import auth
from shanhe.auth import AuthError, User
from shanhe.catalog import Catalog
from shanhe.entry.importer import commit_import, plan_import
from shanhe.store import Store, utcnow
from tests.conftest import Cli


@pytest.fixture
def store(any_store: Store) -> Store:
    """The tests here that take ``store`` run on DuckDB and on PostgreSQL."""
    return any_store


PASSWORD = "correct horse 9"
#: Taken when the module is imported, before the cheap test hasher is swapped in.
PRODUCT_HASHER = auth._hasher


def test_passwords_are_hashed_with_argon2(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "_hasher", PRODUCT_HASHER)  # the real cost, not the tests'
    auth.add_user(store, "张工", "staff", PASSWORD)
    record = store.user("张工")
    assert record.password_hash.startswith("$argon2id$v=19$m=65536,t=3,p=4$") and PASSWORD not in record.password_hash
    assert auth.authenticate(store, "张工", PASSWORD) == User(name="张工", role="staff")


def test_policy_and_bad_accounts(store: Store) -> None:
    with pytest.raises(AuthError) as err:
        auth.add_user(store, "张工", "staff", "short")
    assert err.value.key == "auth.password_short"
    with pytest.raises(AuthError):
        auth.add_user(store, "a b<script>", "staff", PASSWORD)
    auth.add_user(store, "张工", "staff", PASSWORD)
    with pytest.raises(AuthError) as err:
        auth.add_user(store, "张工", "admin", PASSWORD)
    assert err.value.key == "auth.user_exists"


@pytest.mark.parametrize(("name", "password"), [("张工", "wrong password"), ("nobody", PASSWORD)])
def test_failed_login(store: Store, name: str, password: str) -> None:
    auth.add_user(store, "张工", "staff", PASSWORD)
    with pytest.raises(AuthError) as err:
        auth.authenticate(store, name, password)
    assert err.value.key == "auth.failed"  # the same answer for a wrong password and an unknown name


def test_disabled_accounts_cannot_log_in(store: Store) -> None:
    auth.add_user(store, "张工", "staff", PASSWORD)
    auth.disable_user(store, "张工")
    with pytest.raises(AuthError):
        auth.authenticate(store, "张工", PASSWORD)


def test_failures_slow_down_instead_of_locking_the_owner_out(store: Store) -> None:
    """Item 17: a stranger guessing a public staff name delays that name by a minute at most, never locks it."""
    auth.add_user(store, "张工", "staff", PASSWORD)
    start = utcnow()
    for n in range(30):  # a stranger, from one address, hammering the name (each attempt once its wait is over)
        at = start + dt.timedelta(minutes=20 * n)
        with pytest.raises(AuthError) as err:
            auth.authenticate(store, "张工", "wrong guess", at, address="203.0.113.9")
        assert err.value.key == "auth.failed"
    last = start + dt.timedelta(minutes=20 * 29)
    # the stranger's address now waits the longest delay; the owner, elsewhere, waits at most a minute
    with pytest.raises(AuthError) as err:
        auth.authenticate(store, "张工", "wrong guess", last + dt.timedelta(minutes=5), address="203.0.113.9")
    assert err.value.key == "auth.wait" and err.value.params["seconds"] > 60
    with pytest.raises(AuthError) as err:
        auth.authenticate(store, "张工", PASSWORD, last + dt.timedelta(seconds=10), address="10.1.2.3")
    assert err.value.key == "auth.wait" and err.value.params["seconds"] <= 60
    owner = auth.authenticate(store, "张工", PASSWORD, last + dt.timedelta(seconds=61), address="10.1.2.3")
    assert owner.name == "张工"
    assert auth.failures_before_login(store, "张工") == 30  # told to the owner at this login
    # a success clears the account's count; the next failure is answered at once
    with pytest.raises(AuthError) as err:
        auth.authenticate(store, "张工", "wrong", last + dt.timedelta(seconds=62), address="10.1.2.3")
    assert err.value.key == "auth.failed"


def test_delays_grow_from_one_second_to_their_caps() -> None:
    assert [auth.delay(n, auth.ADDRESS_DELAY_MAX).total_seconds() for n in (0, 4, 5, 6, 7, 15, 40)] == [
        0,
        0,
        1,
        2,
        4,
        900,
        900,
    ]
    assert auth.delay(40, auth.ACCOUNT_DELAY_MAX).total_seconds() == 60


def test_roles_are_checked_by_the_functions_themselves(store: Store) -> None:
    plan = plan_import(store, b"indicator_code,year,value\nI07,2021,70\n", "x.csv", 2**20)
    with pytest.raises(AuthError) as err:
        commit_import(store, plan, None)
    assert err.value.key == "auth.login_required"
    with pytest.raises(AuthError):
        auth.require(User(name="甲", role="staff"), "admin")
    assert auth.require(User(name="乙", role="admin"), "staff").name == "乙"
    assert store.table_counts()["batches"] == 0


def test_users_cli(cli: Cli, monkeypatch: pytest.MonkeyPatch, catalog: Catalog) -> None:
    cli.init()
    typed = iter([PASSWORD, PASSWORD, "another pass 1", "different pass"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(typed))
    assert cli("users", "add", "李工", "--role", "admin")[0] == 0
    code, _, err = cli("users", "passwd", "李工")  # the two entries differ
    assert code == 1 and "两次输入的密码不一致" in err
    code, out, _ = cli("users", "list")
    assert code == 0 and "李工" in out and "admin" in out and PASSWORD not in out
    assert cli("users", "disable", "李工")[0] == 0
    assert "停用" in cli("users", "list")[1]
    code, _, err = cli("users", "add", "王工", "--role", "root")
    assert code == 2


def test_events_are_logged_without_secrets(store: Store, caplog: pytest.LogCaptureFixture) -> None:
    import logging

    from shanhe.entry.revert import revert_batch

    caplog.set_level(logging.INFO, logger="shanhe")
    auth.add_user(store, "张工", "staff", PASSWORD)
    user = auth.authenticate(store, "张工", PASSWORD)
    with pytest.raises(AuthError):
        auth.authenticate(store, "张工", "wrong password 1")
    batch = commit_import(store, plan_import(store, b"indicator_code,year,value\nI07,2021,70\n", "x.csv", 2**20), user)
    revert_batch(store, batch.id, user)
    lines = [r.getMessage() for r in caplog.records if r.name == "shanhe"]
    assert lines == [
        "login user=张工 address=unknown success=True",
        "login user=张工 address=unknown success=False",
        "import user=张工 batch=1 file=x.csv added=1 changed=0",
        "revert user=张工 batch=2 reverts=1 values=1",
    ]
    assert not any(PASSWORD in line or "wrong password" in line or "I07,2021" in line for line in lines)
