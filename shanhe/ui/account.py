"""Who is logged in, in this browser session, and for how long.

A login lives in session state: it ends after ``SHANHE_SESSION_MINUTES`` idle minutes
or when the page is reloaded. Pages get the user from here; the ``shanhe`` functions
they call check the role again.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from shanhe.auth import User, authenticate, failures_before_login, session_minutes
from shanhe.i18n import t
from shanhe.store import Store
from shanhe.ui.session import lang

USER_KEY = "_user"
SEEN_KEY = "_user_seen"
FAILURES_KEY = "_user_failures"
LOOPBACK = ("127.0.0.1", "::1", "localhost")


def current_user() -> User | None:
    """The logged-in user, or None; an idle login expires here (with a notice)."""
    user = st.session_state.get(USER_KEY)
    if user is None:
        return None
    now = dt.datetime.now(dt.UTC)
    if now - st.session_state[SEEN_KEY] > dt.timedelta(minutes=session_minutes()):
        logout()
        st.warning(t("auth.expired", lang()))
        return None
    st.session_state[SEEN_KEY] = now
    return user


def client_address() -> str:
    """The visitor's address: the peer, or behind the local nginx the last X-Forwarded-For entry (the one
    nginx appended itself; earlier entries come from the client and can be forged)."""
    peer = st.context.ip_address
    peer = peer if isinstance(peer, str) and peer else "unknown"  # no peer outside a real server (tests)
    forwarded = st.context.headers.get("X-Forwarded-For", "")
    if peer in LOOPBACK and isinstance(forwarded, str) and forwarded:
        return forwarded.split(",")[-1].strip() or peer
    return peer


def login(store: Store, name: str, password: str) -> User:
    user = authenticate(store, name.strip(), password, address=client_address())
    st.session_state[USER_KEY] = user
    st.session_state[SEEN_KEY] = dt.datetime.now(dt.UTC)
    st.session_state[FAILURES_KEY] = failures_before_login(store, user.name)
    return user


def failures_told() -> int:
    """Failed attempts on this account before this login (shown once on the login page)."""
    return st.session_state.pop(FAILURES_KEY, 0)


def logout() -> None:
    st.session_state.pop(USER_KEY, None)
    st.session_state.pop(SEEN_KEY, None)
