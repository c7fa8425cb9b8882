"""What every page shows around its content: the sample-data banner and link notices."""

from __future__ import annotations

import streamlit as st

from shanhe.auth import User
from shanhe.i18n import Lang, t
from shanhe.store import Store
from shanhe.ui.account import current_user
from shanhe.ui.session import is_sample, lang, store
from shanhe.ui.urlstate import show_notices


def page_header(db: Store) -> None:
    """Banner when the store holds sample data (every page), then any link-parameter notices."""
    if is_sample(db):
        st.warning(t("app.sample_banner", lang()))
    show_notices(lang())


def staff_page(title_key: str, flash_key: str) -> tuple[Lang, Store, User]:
    """Header, title and login gate of a data-entry page; shows the last action's message once."""
    language, db, user = lang(), store(), current_user()
    page_header(db)
    st.title(t(title_key, language))
    if user is None:
        st.info(t("auth.login_required", language))
        st.stop()
    if done := st.session_state.pop(flash_key, None):
        st.success(done)
    return language, db, user
