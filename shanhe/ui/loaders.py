"""Cached reads for pages; keyed on the store's data version so an import shows at once."""

from __future__ import annotations

import streamlit as st

from shanhe.overview import OverviewRow, overview_rows
from shanhe.store import Store


@st.cache_data(show_spinner=False, max_entries=16)
def _overview(_store: Store, region: str, version: tuple[str | None, int, int]) -> list[OverviewRow]:
    return overview_rows(_store.indicators(), _store.current_observations(), region)


def overview(store: Store, region: str) -> list[OverviewRow]:
    return _overview(store, region, store.data_version())

