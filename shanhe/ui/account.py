"""Who is logged in, in this browser session, and for how long.

A login lives in session state: it ends after ``SHANHE_SESSION_MINUTES`` idle minutes
or when the page is reloaded. Pages get the user from here; the ``shanhe`` functions
they call check the role again.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from shanhe.auth import User, authenticate, session_minutes
from shanhe.i18n import t
from shanhe.store import Store
from shanhe.ui.session import lang

USER_KEY = "_user"
SEEN_KEY = "_user_seen"


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


def login(store: Store, name: str, password: str) -> User:
    user = authenticate(store, name.strip(), password)
    st.session_state[USER_KEY] = user
    st.session_state[SEEN_KEY] = dt.datetime.now(dt.UTC)
    return user


def logout() -> None:
    st.session_state.pop(USER_KEY, None)
    st.session_state.pop(SEEN_KEY, None)
