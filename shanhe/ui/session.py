"""One store per server process, and the language of this browser session."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from shanhe import settings
from shanhe.catalog import load_catalog
from shanhe.i18n import Lang, t
from shanhe.store import Store, open_store


@st.cache_resource(show_spinner=False)
def _store_at(path: str) -> Store:
    # DuckDB allows one writing process per file: keep one connection, use cursors per call.
    return open_store(Path(path), load_catalog(), create=True)


def store() -> Store:
    """The shared store for the DB named by ``SHANHE_DB`` (or the default path)."""
    return _store_at(str(settings.db_path()))


def language() -> Lang:
    """Draw the language switch in the sidebar; Chinese unless switched."""
    english = st.sidebar.toggle(t("app.language"), key="lang_en")
    return "en" if english else "zh"


def lang() -> Lang:
    """The language chosen by ``language()`` earlier in this run."""
    return "en" if st.session_state.get("lang_en") else "zh"
