"""Cached reads for pages.

Keyed on the DB path and the store's data version, so an import shows on the next page load
(the version is asked of the DB at most every 0.5 s; the writer's own session at once) and two
stores (tests, or a moved DB) never share a cached result.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

import plotly.graph_objects as go
import streamlit as st

from shanhe import charts, clock, settings
from shanhe.catalog import Flag, Indicator, PlanInfo, Project, Region, Theme
from shanhe.entry import milestones, revert
from shanhe.entry.revert import RevertStep
from shanhe.formatting import with_unit
from shanhe.i18n import Lang, t
from shanhe.models import Batch, Observation, Revision
from shanhe.overview import Overview, build_overview
from shanhe.progress import assess, default_year
from shanhe.publish import Republisher
from shanhe.regions import Ranking, ranking
from shanhe.store import Store

Version = tuple[str | None, int, int, int, int, int]  # Store.data_version()

# cache_resource, not cache_data: every session gets the one shared result instead of its own unpickled
# copy (unpickling the indicators on every page load was a fifth of a page's server time under load).
# Results are read-only: frozen models in tuples and read-only mappings.
_shared = st.cache_resource(show_spinner=False, max_entries=64)


@_shared
def _overview(_store: Store, path: str, region: str, year: int | None, version: Version) -> Overview:
    observations = _current(_store, path, version)
    info = _plan(_store, path, version)
    year = year or default_year(observations, region, clock.current_year(), info.years)
    return build_overview(info, list(_indicators(_store, path, version).values()), observations, region, year)


def overview(store: Store, region: str, year: int | None = None) -> Overview:
    """Every indicator assessed at ``year`` (default: the latest year with data)."""
    return _overview(store, store.url, region, year, version(store))


@_shared
def _indicators(_store: Store, path: str, version: Version) -> Mapping[str, Indicator]:
    return MappingProxyType({i.code: i for i in _store.indicators()})


def indicators(store: Store) -> Mapping[str, Indicator]:
    """Every indicator by code, with the targets currently in force."""
    return _indicators(store, store.url, version(store))


@_shared
def _current(_store: Store, path: str, version: Version) -> tuple[Observation, ...]:
    return tuple(_store.current_observations())


def current(store: Store) -> tuple[Observation, ...]:
    """Current values of every indicator, read once per data version."""
    return _current(store, store.url, version(store))


@st.cache_resource(show_spinner=False, max_entries=512)
def _progress_figure(
    _store: Store, path: str, code: str, year: int, region: str, lang: Lang, sample: bool, version: Version
) -> go.Figure:
    indicator = _indicators(_store, path, version)[code]
    observations = [o for o in _current(_store, path, version) if o.indicator_code == code]
    return charts.progress_chart(indicator, assess(indicator, observations, year, region), lang, sample=sample)


def progress_figure(store: Store, code: str, year: int, region: str, lang: Lang, sample: bool) -> go.Figure:
    """The indicator's progress chart, built once per data version: ``st.plotly_chart`` only reads it, and a
    ready ``Figure`` skips the validation a plotly dict costs on every page load (figure building and
    validation were the largest costs of a page load under benchmarks/load.py)."""
    return _progress_figure(store, store.url, code, year, region, lang, sample, version(store))


@st.cache_resource(show_spinner=False, max_entries=512)
def _ranking(
    _store: Store,
    path: str,
    code: str,
    year: int,
    region: str,
    lang: Lang,
    sample: bool,
    target: tuple[str, float] | None,
    version: Version,
) -> tuple[Ranking, go.Figure | None]:
    observations = [o for o in _current(_store, path, version) if o.indicator_code == code]
    ranked = ranking(_region_tree(_store, path, version), observations, region, year)
    indicator = _indicators(_store, path, version)[code]
    own = next((o.value for o in observations if o.year == year and o.region == region), None)
    mark = (
        None
        if own is None
        else (t("chart.reference", lang, name=region, value=with_unit(own, indicator.unit, lang)), own)
    )
    figure = (
        charts.ranking_chart(indicator, ranked.rows, year, lang, sample=sample, district=mark, target=target)
        if ranked.rows
        else None
    )
    return ranked, figure


def region_ranking(
    store: Store, code: str, year: int, region: str, lang: Lang, sample: bool, target: tuple[str, float] | None
) -> tuple[Ranking, go.Figure | None]:
    """The children of ``region`` ranked for ``year`` with the region's own figure and ``target`` as lines, and
    their chart (None without figures), once per data version: building the figure was a third of the indicator
    page's rerun with ten regions."""
    return _ranking(store, store.url, code, year, region, lang, sample, target, version(store))


# small results read straight from the store: one typed cached read per store method
_reads = st.cache_resource(show_spinner=False, max_entries=256)


@_reads
def _plan(_store: Store, path: str, version: Version) -> PlanInfo:
    return _store.plan_info()


def plan(store: Store) -> PlanInfo:
    """The plan's identity, years, categories and headline indicators, once per data version."""
    return _plan(store, store.url, version(store))


@_reads
def _regions(_store: Store, path: str, version: Version) -> tuple[str, ...]:
    return tuple(_store.regions())


def regions(store: Store) -> tuple[str, ...]:
    """Regions, the district first: asked of the DB once per data version, not on every page load."""
    return _regions(store, store.url, version(store))


@_reads
def _region_tree(_store: Store, path: str, version: Version) -> tuple[Region, ...]:
    return tuple(_store.region_tree())


def region_tree(store: Store) -> tuple[Region, ...]:
    """Every region with its parent and level, once per data version."""
    return _region_tree(store, store.url, version(store))


@_reads
def _meta(_store: Store, path: str, key: str, version: Version) -> str | None:
    return _store.meta(key)


def meta(store: Store, key: str) -> str | None:
    """A meta value (plan number and title, the sample-data mark), once per data version."""
    return _meta(store, store.url, key, version(store))


@_reads
def _latest_batch(_store: Store, path: str, version: Version) -> Batch | None:
    return _store.latest_batch()


def latest_batch(store: Store) -> Batch | None:
    """The newest import, once per data version."""
    return _latest_batch(store, store.url, version(store))


@_reads
def _flags(_store: Store, path: str, version: Version) -> tuple[Flag, ...]:
    return tuple(_store.flags())


def flags(store: Store) -> tuple[Flag, ...]:
    """The plan's data-quality flags, once per data version."""
    return _flags(store, store.url, version(store))


@_reads
def _revert_steps(_store: Store, path: str, batch_id: int, version: Version) -> tuple[RevertStep, ...]:
    return tuple(revert.revert_steps(_store, batch_id))


def revert_steps(store: Store, batch_id: int) -> tuple[RevertStep, ...]:
    """What a batch wrote and what reverting it restores, once per data version: at a city's scale (6,620 values)
    building the steps was most of the history page's rerun, paid again on every click."""
    return _revert_steps(store, store.url, batch_id, version(store))


@_reads
def _history(_store: Store, path: str, code: str, version: Version) -> tuple[Revision, ...]:
    return tuple(_store.observation_history(code))


def history(store: Store, code: str) -> tuple[Revision, ...]:
    """Every revision of one indicator's values, once per data version."""
    return _history(store, store.url, code, version(store))


@_reads
def _projects(_store: Store, path: str, version: Version) -> tuple[Project, ...]:
    return tuple(_store.projects())


def projects(store: Store) -> tuple[Project, ...]:
    """The 附表1 projects and their milestones, once per data version."""
    return _projects(store, store.url, version(store))


@_reads
def _themes(_store: Store, path: str, version: Version) -> tuple[Theme, ...]:
    return tuple(_store.themes())


def themes(store: Store) -> tuple[Theme, ...]:
    """The three areas 一山/一河/一流域, once per data version."""
    return _themes(store, store.url, version(store))


@_shared
def _completions(_store: Store, path: str, version: Version) -> Mapping[str, dt.date]:
    return MappingProxyType(milestones.completions(_store))


def completions(store: Store) -> Mapping[str, dt.date]:
    """Completion dates of milestones marked done, once per data version."""
    return _completions(store, store.url, version(store))


@_shared
def _recorded(_store: Store, path: str, version: Version) -> frozenset[str]:
    return milestones.recorded(_store)


def recorded(store: Store) -> frozenset[str]:
    """Milestones with a recorded status that is not done (past due: 确认逾期), once per data version."""
    return _recorded(store, store.url, version(store))


_VERSION_TTL = 0.5  # seconds
_clock = time.monotonic  # read through the module, so a test can move time without sleeping
_version_lock = threading.Lock()
_versions: dict[str, tuple[float, Version]] = {}


def version(store: Store) -> Version:
    """The store's data version, asked of the DB at most every half second per process: every cached read
    on a page load needs it, and a page load must not cost five queries for it."""
    now = _clock()
    key = store.url
    with _version_lock:
        seen = _versions.get(key)
        if seen is None or now - seen[0] > _VERSION_TTL:
            seen = (now, store.data_version())
            _versions[key] = seen
    return seen[1]


def refresh(store: Store) -> None:
    """After this process wrote: forget the remembered version, so the writer sees its change at once, and
    have the static edition republished (every write page calls this after its commit)."""
    with _version_lock:
        _versions.pop(store.url, None)
    publisher = republisher(store)
    if publisher is not None:
        publisher.request()


@st.cache_resource(show_spinner=False)
def _republisher(_store: Store, path: str, out: str, minutes: float) -> Republisher:
    return Republisher(_store, Path(out), minutes * 60)


def republisher(store: Store) -> Republisher | None:
    """The server's background publisher of the static edition (``SHANHE_STATIC_DIR``), started on first use."""
    out = settings.static_dir()
    return _republisher(store, store.url, str(out), settings.publish_minutes()) if out else None
