"""What every page shows around its content: the sample-data banner and link notices."""

from __future__ import annotations

import streamlit as st

from shanhe.i18n import t
from shanhe.store import Store
from shanhe.ui.session import is_sample, lang
from shanhe.ui.urlstate import show_notices

PRESENT_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"] {display: none}
html {font-size: 22px}
.block-container {padding-top: 1rem; max-width: 100%}
.sh-footer {position: fixed; bottom: 0; left: 0; right: 0; padding: 6px 24px; background: #f4f4f4;
            font-size: 0.8rem; color: #333; z-index: 100}
</style>
"""


def page_header(db: Store) -> None:
    """Banner when the store holds sample data (every page), then any link-parameter notices."""
    if is_sample(db):
        st.warning(t("app.sample_banner", lang()))
    show_notices(lang())
