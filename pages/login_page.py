"""登录 / 账号: log in with a local account, or log out."""

import streamlit as st

from shanhe.auth import NAME_MAX, PASSWORD_MAX, AuthError
from shanhe.i18n import t
from shanhe.ui.account import current_user, failures_told, login, logout
from shanhe.ui.layout import page_header
from shanhe.ui.session import lang, store

L = lang()
db = store()
page_header(db)
st.title(t("login.title", L))
user = current_user()
if user:
    st.success(t("login.ok", L, name=user.name, role=t(f"role.{user.role}", L)))
    if failures := failures_told():
        st.warning(t("login.failures", L, count=failures))
    if st.button(t("login.logout", L), key="logout"):
        logout()
        st.rerun()
else:
    st.caption(t("login.note", L))
    with st.form("login"):
        name = st.text_input(t("login.name", L), key="login_name", max_chars=NAME_MAX)
        password = st.text_input(t("login.password", L), type="password", key="login_password", max_chars=PASSWORD_MAX)
        submitted = st.form_submit_button(t("login.submit", L))
    if submitted:
        try:
            login(db, name, password)
        except AuthError as exc:
            st.error(t(exc.key, L, **exc.params))
        else:
            st.rerun()
