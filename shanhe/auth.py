"""Local accounts, roles and login checks (no Streamlit).

Passwords are hashed with argon2id; there is no default or demo account. Five failed
logins for one name within 15 minutes lock that name for the rest of the window.
Every function that changes data takes the acting ``User`` and checks the role itself,
because a hidden button is not security.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from typing import Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from pydantic import BaseModel, ConfigDict

from shanhe.logs import event
from shanhe.store import Store, StoreError, utcnow

Role = Literal["staff", "admin"]
ROLES: tuple[Role, ...] = ("staff", "admin")
_RANK = {"staff": 1, "admin": 2}
MAX_FAILURES = 5
LOCK_WINDOW = dt.timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 10
NAME_PATTERN = re.compile(r"[\w.\-\u4e00-\u9fff]{2,32}")
_hasher = PasswordHasher()
# Verified against when the name is unknown, so both paths cost the same time.
_DUMMY_HASH = _hasher.hash("no user has this password")


class User(BaseModel):
    """Who is acting: a logged-in account, or the server operator on the command line."""

    model_config = ConfigDict(frozen=True)
    name: str
    role: Role


class AuthError(StoreError):
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


def add_user(store: Store, name: str, role: Role, password: str) -> None:
    if not NAME_PATTERN.fullmatch(name):
        raise AuthError("auth.bad_name", name=name)
    if role not in ROLES:
        raise AuthError("auth.bad_role", role=role)
    if store.user(name) is not None:
        raise AuthError("auth.user_exists", name=name)
    check_password(password)
    store.add_user(name, role, _hasher.hash(password))


def set_password(store: Store, name: str, password: str) -> None:
    if store.user(name) is None:
        raise AuthError("auth.no_user", name=name)
    check_password(password)
    store.update_user(name, password_hash=_hasher.hash(password))


def disable_user(store: Store, name: str) -> None:
    if store.user(name) is None:
        raise AuthError("auth.no_user", name=name)
    store.update_user(name, disabled=True)


def authenticate(store: Store, name: str, password: str, now: dt.datetime | None = None) -> User:
    """The user for ``name`` and ``password``, or AuthError; every attempt is recorded."""
    now = now or utcnow()
    failures = store.failed_logins_since(name, now - LOCK_WINDOW)
    if len(failures) >= MAX_FAILURES:
        event("login", user=name, success=False, reason="locked")
        wait = failures[-MAX_FAILURES] + LOCK_WINDOW - now
        raise AuthError("auth.locked", minutes=max(1, int(wait.total_seconds() // 60) + 1))
    record = store.user(name)
    try:
        _hasher.verify(record.password_hash if record else _DUMMY_HASH, password)
        ok = record is not None and not record.disabled
    except (VerificationError, InvalidHashError):
        ok = False
    store.record_login(name, ok, now)
    event("login", user=name, success=ok)
    if not ok:
        raise AuthError("auth.failed")
    return User(name=record.name, role=record.role)
