"""Shanhe's entry point: page config, language and presenter switches, and a menu built from the user's role."""

from typing import Literal

import streamlit as st

from shanhe.i18n import t
from shanhe.ui import loaders
from shanhe.ui.account import current_user
from shanhe.ui.present import CSS as PRESENT_CSS
from shanhe.ui.session import PRESENT_KEY, app_params, language, presenting, store

st.set_page_config(page_title="山河 Shanhe", page_icon="⛰️", layout="wide")
present = presenting()
lang = language(show=not present)
user = current_user()


def page(
    name: str,
    url: str,
    title: str | None = None,
    *,
    default: bool = False,
    visibility: Literal["visible", "hidden"] = "visible",
) -> st.Page:
    return st.Page(
        f"pages/{name}_page.py",
        title=title or t(f"nav.{name}", lang),
        url_path=url,
        default=default,
        visibility=visibility,
    )


# Streamlit gives the default page the root URL and no other, so a shared /overview would show "Page not found":
# the root is the overview (in the menu), /overview a hidden second route to it. Presenter mode starts at the
# root too and moves to /present below, so /present is never the default either.
pages = {
    "overview": page("overview", "home", default=True),
    "indicator": page("indicator", "indicator"),
    "projects": page("projects", "projects"),
    "themes": page("themes", "themes", loaders.plan(store()).themes_heading.label(lang)),
    "methodology": page("methodology", "methodology"),
    "report": page("report", "report"),
    "about": page("about", "about"),
    "present": page("present", "present", visibility="hidden"),
    "overview_path": page("overview", "overview", visibility="hidden"),
}
account = st.Page("pages/login_page.py", title=t("nav.account" if user else "nav.login", lang), url_path="login")
editing = (
    [
        page("upload", "upload"),
        page("history", "history"),
        page("assigned", "assigned"),
        page("milestones", "milestones"),
        *([page("regions", "regions")] if user.role == "admin" else []),
    ]
    if user
    else []
)
menu = {t("nav.section_view", lang): list(pages.values()), t("nav.section_edit", lang): [*editing, account]}
current = st.navigation(menu, position="hidden" if present else "sidebar")
if present:
    st.markdown(PRESENT_CSS, unsafe_allow_html=True)
    if current is not pages["present"]:
        st.switch_page(pages["present"], query_params=st.query_params.to_dict())  # keeps ?slide=
else:
    if user:
        st.sidebar.text(t("login.ok", lang, name=user.name, role=t(f"role.{user.role}", lang)))
    if st.sidebar.toggle(t("app.present", lang), key="present_toggle"):
        st.switch_page(pages["present"], query_params={**app_params(), PRESENT_KEY: "1"})
if lang == "en":
    st.query_params["lang"] = "en"
elif "lang" in st.query_params:
    del st.query_params["lang"]
current.run()
