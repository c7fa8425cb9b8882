"""What every page shows around its content: the sample-data banner and link notices."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from shanhe.auth import User
from shanhe.i18n import Lang, t
from shanhe.store import Store
from shanhe.ui.account import current_user
from shanhe.ui.session import is_sample, lang, store
from shanhe.ui.urlstate import show_notices


def uploader_words(lang: Lang, limit_bytes: int, types: Sequence[str]) -> None:
    """Streamlit 1.67 cannot translate its file drop zone ("Upload", "5MB per file • CSV, …"): hide those
    words and write ours from the i18n table in their place, by CSS on the zone's test ids (checked in a
    browser). English pages keep Streamlit's own words."""
    if lang == "en":
        return
    button = _css_text(t("upload.button", lang))
    limits = _css_text(t("upload.limits", lang, mb=limit_bytes // 2**20, types="、".join(x.upper() for x in types)))
    st.markdown(
        f"""<style>
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] > p {{display: none}}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"]::after {{content: "{button}"}}
[data-testid="stFileUploaderDropzoneInstructions"] span {{display: none}}
[data-testid="stFileUploaderDropzoneInstructions"] > div::after {{content: "{limits}"; font-size: 0.875rem}}
</style>""",
        unsafe_allow_html=True,
    )


def _css_text(text: str) -> str:
    """Text for a CSS string: quotes, backslashes and angle brackets as CSS escapes."""
    return "".join(f"\\{ord(c):x} " if c in '"\\<>\n' else c for c in text)


def page_header(db: Store) -> None:
    """Banner when the store holds sample data (every page), then any link-parameter notices."""
    if is_sample(db):
        st.warning(t("app.sample_banner", lang()))
    if lang() == "en":  # names and targets have reviewed translations; longer plan passages are quoted as printed
        st.caption(t("app.plan_texts_chinese", "en"))
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
