"""Cached reads for pages.

Keyed on the DB path and the store's data version, so an import shows at once and
two stores (tests, or a moved DB) never share a cached result.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from shanhe.catalog import Indicator
from shanhe.overview import Overview, build_overview
from shanhe.progress import default_year
from shanhe.store import Observation, Store


@st.cache_data(show_spinner=False, max_entries=32)
def _overview(
    _store: Store, path: str, region: str, year: int | None, version: tuple[str | None, int, int]
) -> Overview:
    observations = _store.current_observations()
    year = year or default_year(observations, region, dt.date.today().year)
    return build_overview(_store.indicators(), observations, region, year)


def overview(store: Store, region: str, year: int | None = None) -> Overview:
    """Every indicator assessed at ``year`` (default: the latest year with data)."""
    return _overview(store, str(store.path), region, year, store.data_version())


@st.cache_data(show_spinner=False, max_entries=8)
def _indicators(_store: Store, path: str, version: tuple[str | None, int, int]) -> dict[str, Indicator]:
    return {i.code: i for i in _store.indicators()}


def indicators(store: Store) -> dict[str, Indicator]:
    """Every indicator by code, with the targets currently in force."""
    return _indicators(store, str(store.path), store.data_version())


@st.cache_data(show_spinner=False, max_entries=8)
def _current(_store: Store, path: str, version: tuple[str | None, int, int]) -> list[Observation]:
    return _store.current_observations()


def current(store: Store) -> list[Observation]:
    """Current values of every indicator, read once per data version."""
    return _current(store, str(store.path), store.data_version())
