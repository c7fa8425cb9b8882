"""Tables of plan text drawn as HTML that wraps (``shanhe.cards.text_table``), from the rows a page builds."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st

from shanhe.cards import text_table


def show_text_table(
    records: Sequence[Mapping[str, object]], short: Sequence[str] = (), widths: Mapping[str, str] | None = None
) -> None:
    """``records``: one mapping per row, column name → value (the same shape a dataframe takes);
    ``short``: names of columns kept on one line; ``widths``: column name → CSS width."""
    if not records:
        return
    header = list(records[0])
    rows = [[r[h] for h in header] for r in records]
    cols = {header.index(h): w for h, w in (widths or {}).items() if h in header}
    st.markdown(
        text_table(header, rows, [header.index(h) for h in short if h in header], cols or None),
        unsafe_allow_html=True,
    )
