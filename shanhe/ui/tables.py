"""Tables as pages draw them: plan text as HTML that wraps (``shanhe.cards.text_table``), and column widths for
st.dataframe, whose cells never wrap (text staff typed always goes there: it is never read as markup)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

import streamlit as st

from shanhe.cards import text_table
from shanhe.i18n import Lang, t


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


def widths(lang: Lang, **by_column: int | Literal["small", "medium", "large"]) -> dict[str, Any]:
    """Column widths (pixels or Streamlit's sizes) by i18n column key (``col.<key>``), so a table's columns all
    fit the main block at 1280 px instead of the last ones running off its edge."""
    return {t(f"col.{key}", lang): st.column_config.Column(width=width) for key, width in by_column.items()}
