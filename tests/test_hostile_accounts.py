"""Issue 12, items 15–17 and 19: what anonymous visitors can do to accounts, the server and the log."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import threading
import time

import pytest

from shanhe import auth
from shanhe.auth import AttemptLimiter, AuthError
from shanhe.logs import field
from shanhe.store import Store, utcnow
from tests.conftest import execute_raw


@pytest.fixture
def store(any_store: Store) -> Store:
    """The tests here that take ``store`` run on DuckDB and on PostgreSQL."""
    return any_store


PASSWORD = "correct horse 9"


class Watched:
    """The real argon2 hasher, with ``verify`` passed through ``hook`` first (to count or to time it)."""

    def __init__(self, hasher: object, hook: object) -> None:
        self.hasher, self.hook = hasher, hook

    def verify(self, *args: object) -> object:
        return self.hook(*args) if self.hook.__name__ == "counted" else (self.hook(*args), self.hasher.verify(*args))

    def hash(self, password: str) -> str:
        return self.hasher.hash(password)


def test_huge_login_names_and_passwords_are_cut_before_storing_or_hashing(
    store: Store, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    caplog.set_level(logging.INFO, logger="shanhe")
    hashed = []
    monkeypatch.setattr(auth, "_hasher", Watched(auth._hasher, lambda *a: hashed.append(a)))
    for name, password in (("张" * 10_000_000, PASSWORD), ("张工", "x" * 10_000_000)):
        start = time.perf_counter()
        with pytest.raises(AuthError) as err:
            auth.authenticate(store, name, password, address="203.0.113.9")
        assert err.value.key == "auth.failed" and time.perf_counter() - start < 1
    assert hashed == []
    assert all(len(line.getMessage()) < 300 for line in caplog.records)
    store.close()
    assert execute_raw(store.url, "SELECT COUNT(*), MAX(LENGTH(name)) FROM login_attempts") == [(2, auth.NAME_MAX)]


def test_old_login_attempts_are_pruned(store: Store) -> None:
    now = utcnow()
    for days in (90, 40, 29, 1):
        store.record_login("nobody", False, now - dt.timedelta(days=days), "198.51.100.1")
    with pytest.raises(AuthError):
        auth.authenticate(store, "nobody", PASSWORD, now, address="198.51.100.2")
    assert store.table_counts()["login_attempts"] == 3  # 29 days, 1 day and this one


def test_at_most_two_hashes_run_at_once(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    auth.add_user(store, "张工", "staff", PASSWORD)
    running, peak, lock = [0], [0], threading.Lock()
    real = auth._hasher.verify

    def counted(*args: object) -> bool:
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        try:
            time.sleep(0.05)
            return real(*args)
        finally:
            with lock:
                running[0] -= 1

    monkeypatch.setattr(auth, "_hasher", Watched(real.__self__, counted))
    threads = [threading.Thread(target=lambda n=n: _try(store, n)) for n in range(12)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=120)
    assert peak[0] == auth.HASH_SLOTS == 2


def _try(store: Store, n: int) -> None:
    with contextlib.suppress(AuthError):
        auth.authenticate(store, "张工", f"wrong {n}", address=f"192.0.2.{n}")


def test_a_global_rate_limit_refuses_before_hashing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    limiter = AttemptLimiter(3)
    assert [limiter.allow(at) for at in (0, 1, 2, 3)] == [True, True, True, False]
    assert limiter.allow(60.5)  # the first attempt left the window
    monkeypatch.setattr(auth, "LIMITER", AttemptLimiter(0))
    with pytest.raises(AuthError) as err:
        auth.authenticate(store, "张工", PASSWORD, address="192.0.2.1")
    assert err.value.key == "auth.busy"
    assert store.table_counts()["login_attempts"] == 0


def test_a_busy_address_waits_but_others_do_not(store: Store) -> None:
    auth.add_user(store, "张工", "staff", PASSWORD)
    now = utcnow()
    for n in range(8):  # one address guessing many names
        with pytest.raises(AuthError):
            auth.authenticate(store, f"guess{n}", "x" * 12, now + dt.timedelta(seconds=n), address="203.0.113.7")
    with pytest.raises(AuthError) as err:
        auth.authenticate(store, "guess9", "x" * 12, now + dt.timedelta(seconds=8), address="203.0.113.7")
    assert err.value.key == "auth.wait"
    assert auth.authenticate(store, "张工", PASSWORD, now + dt.timedelta(seconds=8), address="10.0.0.5").name == "张工"


def test_log_fields_escape_every_non_printable_character(store: Store, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="shanhe")
    evil = "x\x1b[31m\r\nlogin user=admin success=True\u202e\x00"
    with pytest.raises(AuthError):
        auth.authenticate(store, evil, PASSWORD, address="203.0.113.1\n")
    line = caplog.records[-1].getMessage()
    assert line == (
        "login user=x\\x1b[31m\\r\\nlogin_user=admin_success=True\\u202e\\x00 address=203.0.113.1\\n success=False"
        " reason=no_such_name"
    )
    assert all(ch.isprintable() for ch in line)
    assert field("a\\b 张") == "a\\\\b_张"
