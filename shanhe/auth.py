"""Local accounts, roles and login checks (no Streamlit).

Passwords are hashed with argon2id; there is no default or demo account. Every function
that changes data takes the acting ``User`` and checks the role itself, because a hidden
button is not security.

Logins are open to anonymous visitors, so nothing a stranger sends may cost the server
much or lock staff out: names and passwords are length-capped before anything is
stored or hashed; at most ``HASH_SLOTS`` argon2 hashes (64 MiB each) run at once and
``ATTEMPTS_PER_MINUTE`` attempts per process are hashed at all; failures slow down their
client address (up to 15 minutes) and, much less, the account (up to a minute) — growing
delays instead of a lockout a stranger could trigger by guessing a public staff name.
The owner is told at the next login how many failures there were. Attempts older than
30 days are deleted.
"""

from __future__ import annotations

import collections
import datetime as dt
import math
import os
import re
import threading
import time
from typing import Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from pydantic import BaseModel, ConfigDict

from shanhe.errors import UserError
from shanhe.logs import event
from shanhe.spreadsheets import clean_controls
from shanhe.store import Store, utcnow

Role = Literal["staff", "admin"]
ROLES: tuple[Role, ...] = ("staff", "admin")
_RANK = {"staff": 1, "admin": 2}
MIN_PASSWORD_LENGTH = 10
#: Longest login name and password looked at; longer ones fail before being stored or hashed.
NAME_MAX = 64
PASSWORD_MAX = 1024
ATTEMPT_RETENTION = dt.timedelta(days=30)
FAILURE_WINDOW = dt.timedelta(hours=24)
#: Failures allowed without delay, and the longest delay, per client address and per account.
FREE_FAILURES = 5
ADDRESS_DELAY_MAX = dt.timedelta(minutes=15)
ACCOUNT_DELAY_MAX = dt.timedelta(minutes=1)
HASH_SLOTS = 2
ATTEMPTS_PER_MINUTE = 120
NAME_PATTERN = re.compile(r"[\w.\-\u4e00-\u9fff]{2,32}")
#: argon2id as argon2-cffi recommends (RFC 9106 low-memory profile): about 0.1 s and 64 MiB per hash here.
_hasher = PasswordHasher(time_cost=3, memory_cost=65536, parallelism=4)
# Verified against when the name is unknown, so both paths cost the same time.
_DUMMY_HASH = _hasher.hash("no user has this password")
_hash_slots = threading.BoundedSemaphore(HASH_SLOTS)


class AttemptLimiter:
    """At most ``per_minute`` attempts in any 60 seconds, for the whole process."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._times: collections.deque[float] = collections.deque()
        self._lock = threading.Lock()

    def allow(self, at: float | None = None) -> bool:
        at = time.monotonic() if at is None else at
        with self._lock:
            while self._times and self._times[0] <= at - 60:
                self._times.popleft()
            if len(self._times) >= self.per_minute:
                return False
            self._times.append(at)
            return True


LIMITER = AttemptLimiter(ATTEMPTS_PER_MINUTE)


def _hash(password: str) -> str:
    with _hash_slots:
        return _hasher.hash(password)


class User(BaseModel):
    """Who is acting: a logged-in account, or the server operator on the command line."""

    model_config = ConfigDict(frozen=True)
    name: str
    role: Role


class AuthError(UserError):
    """A refused login or action, with an i18n key for the message."""


def session_minutes() -> int:
    """Idle minutes before a browser login ends (``SHANHE_SESSION_MINUTES``, default 30)."""
    return int(os.environ.get("SHANHE_SESSION_MINUTES", "30"))


def require(actor: User | None, role: Role) -> User:
    if actor is None:
        raise AuthError("auth.login_required")
    if _RANK[actor.role] < _RANK[role]:
        raise AuthError("auth.forbidden", role=role)
    return actor


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AuthError("auth.password_short", length=MIN_PASSWORD_LENGTH)
    if len(password) > PASSWORD_MAX:
        raise AuthError("auth.password_long", length=PASSWORD_MAX)


def add_user(store: Store, name: str, role: Role, password: str) -> None:
    if not NAME_PATTERN.fullmatch(name):
        raise AuthError("auth.bad_name", name=name)
    if role not in ROLES:
        raise AuthError("auth.bad_role", role=role)
    if store.user(name) is not None:
        raise AuthError("auth.user_exists", name=name)
    check_password(password)
    store.add_user(name, role, _hash(password))


def set_password(store: Store, name: str, password: str) -> None:
    if store.user(name) is None:
        raise AuthError("auth.no_user", name=name)
    check_password(password)
    store.update_user(name, password_hash=_hash(password))


def disable_user(store: Store, name: str) -> None:
    if store.user(name) is None:
        raise AuthError("auth.no_user", name=name)
    store.update_user(name, disabled=True)


def delay(failures: int, cap: dt.timedelta) -> dt.timedelta:
    """No delay for the first FREE_FAILURES failures, then 1, 2, 4 … seconds, at most ``cap``."""
    if failures < FREE_FAILURES:
        return dt.timedelta(0)
    return min(cap, dt.timedelta(seconds=2 ** min(failures - FREE_FAILURES, 20)))


def _wait(store: Store, name: str, address: str, now: dt.datetime) -> dt.timedelta:
    """How long this address, or this account, must still wait after its recent failures."""
    waits = [dt.timedelta(0)]
    for failures, cap in (
        (store.failed_logins_from(address, now - FAILURE_WINDOW), ADDRESS_DELAY_MAX),
        (store.failed_logins_since(name, now - FAILURE_WINDOW), ACCOUNT_DELAY_MAX),
    ):
        if failures:
            waits.append(failures[-1] + delay(len(failures), cap) - now)
    return max(waits)


def authenticate(
    store: Store, name: str, password: str, now: dt.datetime | None = None, address: str = "unknown"
) -> User:
    """The user for ``name`` and ``password``, or AuthError; every attempt that is checked is recorded."""
    now = now or utcnow()
    address = clean_controls(address[:NAME_MAX])[0]
    if len(password) > PASSWORD_MAX or not NAME_PATTERN.fullmatch(name):  # no account has such a name or password
        # recorded (for the throttles) without control characters, which PostgreSQL cannot store (NUL)
        store.record_login(
            clean_controls(name[:NAME_MAX])[0], False, now, address, prune_before=now - ATTEMPT_RETENTION
        )
        event("login", user=name[:NAME_MAX], address=address, success=False, reason="no_such_name")
        raise AuthError("auth.failed")
    wait = _wait(store, name, address, now)
    if wait > dt.timedelta(0):
        event("login", user=name, address=address, success=False, reason="throttled")
        raise AuthError("auth.wait", seconds=math.ceil(wait.total_seconds()))
    if not LIMITER.allow():
        event("login", user=name, address=address, success=False, reason="busy")
        raise AuthError("auth.busy")
    record = store.user(name)
    try:
        with _hash_slots:
            _hasher.verify(record.password_hash if record else _DUMMY_HASH, password)
        ok = record is not None and not record.disabled
    except (VerificationError, InvalidHashError):
        ok = False
    store.record_login(name, ok, now, address, prune_before=now - ATTEMPT_RETENTION)
    event("login", user=name, address=address, success=ok)
    if record is None or not ok:
        raise AuthError("auth.failed")
    return User(name=record.name, role=record.role)


def failures_before_login(store: Store, name: str) -> int:
    """Failed attempts on ``name`` between its previous successful login and the latest one: told to the owner."""
    return store.failures_before_latest_login(name)
