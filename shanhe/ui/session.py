"""One store per server process; this browser session's language and presenter mode."""

from __future__ import annotations

import streamlit as st

from shanhe import settings
from shanhe.catalog import load_catalog
from shanhe.i18n import Lang, t
from shanhe.store import Store, open_store
from shanhe.ui import loaders

LANG_KEY = "lang_en"
PRESENT_KEY = "present"


@st.cache_resource(show_spinner=False)
def _store_at(url: str) -> Store:
    # one per database and process: it opens a connection per unit of work (a pool on PostgreSQL)
    return open_store(url, load_catalog(), create=True)


def store() -> Store:
    """The shared store for the database named by ``SHANHE_DB`` (or the default path); the first call also starts the
    static edition's publisher (which publishes at once if the edition is missing or out of date)."""
    db = _store_at(settings.db_url())
    loaders.republisher(db)
    return db


def language(show: bool = True) -> Lang:
    """The language switch (sidebar), seeded from ``?lang=en``; Chinese unless switched."""
    if LANG_KEY not in st.session_state:
        st.session_state[LANG_KEY] = st.query_params.get("lang") == "en"
    english = st.sidebar.toggle(t("app.language", "en"), key=LANG_KEY) if show else st.session_state[LANG_KEY]
    return "en" if english else "zh"


def lang() -> Lang:
    """The language chosen by ``language()`` earlier in this run."""
    return "en" if st.session_state.get(LANG_KEY) else "zh"


def presenting() -> bool:
    """Presenter mode: ``?present=1`` in the URL."""
    return st.query_params.get(PRESENT_KEY) == "1"


def app_params() -> dict[str, str]:
    """URL parameters that follow the user from page to page."""
    params = {"lang": "en"} if lang() == "en" else {}
    if presenting():
        params[PRESENT_KEY] = "1"
    return params


def is_sample(db: Store) -> bool:
    """Whether the store holds the labelled sample data (``python -m shanhe demo``)."""
    return loaders.meta(db, "sample_data") == "1"
