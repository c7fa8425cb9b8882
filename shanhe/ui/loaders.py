"""Cached reads for pages.

Keyed on the DB path and the store's data version, so an import shows at once and
two stores (tests, or a moved DB) never share a cached result.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from shanhe.overview import Overview, build_overview
from shanhe.progress import default_year
from shanhe.store import Store


@st.cache_data(show_spinner=False, max_entries=32)
def _overview(
    _store: Store, path: str, region: str, year: int | None, version: tuple[str | None, int, int]
) -> Overview:
    current = _store.current_observations()
    year = year or default_year(current, region, dt.date.today().year)
    return build_overview(_store.indicators(), current, region, year)


def overview(store: Store, region: str, year: int | None = None) -> Overview:
    """Every indicator assessed at ``year`` (default: the latest year with data)."""
    return _overview(store, str(store.path), region, year, store.data_version())
