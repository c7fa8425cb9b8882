"""Cached reads for pages.

Keyed on the DB path and the store's data version, so an import shows at once and
two stores (tests, or a moved DB) never share a cached result.
"""

from __future__ import annotations

import datetime as dt
import threading
import time

import streamlit as st

from shanhe import charts
from shanhe.catalog import Indicator
from shanhe.i18n import Lang
from shanhe.overview import Overview, build_overview
from shanhe.progress import assess, default_year
from shanhe.store import Observation, Store

Version = tuple[object, ...]


@st.cache_data(show_spinner=False, max_entries=32)
def _overview(
    _store: Store, path: str, region: str, year: int | None, version: Version
) -> Overview:
    observations = _store.current_observations()
    year = year or default_year(observations, region, dt.date.today().year)
    return build_overview(_store.indicators(), observations, region, year)


def overview(store: Store, region: str, year: int | None = None) -> Overview:
    """Every indicator assessed at ``year`` (default: the latest year with data)."""
    return _overview(store, str(store.path), region, year, version(store))


@st.cache_data(show_spinner=False, max_entries=8)
def _indicators(_store: Store, path: str, version: Version) -> dict[str, Indicator]:
    return {i.code: i for i in _store.indicators()}


def indicators(store: Store) -> dict[str, Indicator]:
    """Every indicator by code, with the targets currently in force."""
    return _indicators(store, str(store.path), version(store))


@st.cache_data(show_spinner=False, max_entries=8)
def _current(_store: Store, path: str, version: Version) -> list[Observation]:
    return _store.current_observations()


def current(store: Store) -> list[Observation]:
    """Current values of every indicator, read once per data version."""
    return _current(store, str(store.path), version(store))


@st.cache_data(show_spinner=False, max_entries=512)
def _progress_figure(_store: Store, path: str, code: str, year: int, region: str, lang: Lang, sample: bool,
                     version: Version) -> dict:
    indicator = _indicators(_store, path, version)[code]
    observations = [o for o in _current(_store, path, version) if o.indicator_code == code]
    figure = charts.progress_chart(indicator, assess(indicator, observations, year, region), lang, sample=sample)
    return figure.to_dict()


def progress_figure(store: Store, code: str, year: int, region: str, lang: Lang, sample: bool) -> dict:
    """The indicator's progress chart as a plotly dict: built once per data version, not on every page load
    (building plotly figures was the largest cost of a page load under benchmarks/load.py)."""
    return _progress_figure(store, str(store.path), code, year, region, lang, sample, version(store))


_VERSION_TTL = 0.5  # seconds
_version_lock = threading.Lock()
_versions: dict[str, tuple[float, Version]] = {}


def version(store: Store) -> Version:
    """The store's data version, asked of the DB at most every half second per process: every cached read
    on a page load needs it, and a page load must not cost five queries for it."""
    now = time.monotonic()
    key = str(store.path)
    with _version_lock:
        seen = _versions.get(key)
        if seen is None or now - seen[0] > _VERSION_TTL:
            seen = (now, store.data_version())
            _versions[key] = seen
    return seen[1]


def refresh(store: Store) -> None:
    """Forget the remembered version after this process wrote, so the writer sees its change at once."""
    with _version_lock:
        _versions.pop(str(store.path), None)
