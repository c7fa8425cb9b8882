"""Shanhe's entry point: page config, language switch, and the menu."""

import streamlit as st

from shanhe.i18n import t
from shanhe.ui.session import language

st.set_page_config(page_title="山河 Shanhe", page_icon="⛰️", layout="wide")
lang = language()
page = st.navigation([
    st.Page("pages/overview.py", title=t("nav.overview", lang), url_path="overview", default=True),
    st.Page("pages/methodology.py", title=t("nav.methodology", lang), url_path="methodology"),
])
page.run()
