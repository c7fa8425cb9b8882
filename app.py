"""Shanhe's entry point: page config, language and presenter switches, and the menu."""

import streamlit as st

from shanhe.i18n import t
from shanhe.ui.layout import PRESENT_CSS
from shanhe.ui.session import PRESENT_KEY, app_params, language, presenting

st.set_page_config(page_title="山河 Shanhe", page_icon="⛰️", layout="wide")
present = presenting()
lang = language(show=not present)

pages = {
    "overview": st.Page("pages/overview_page.py", title=t("nav.overview", lang), url_path="overview",
                        default=not present),
    "indicator": st.Page("pages/indicator_page.py", title=t("nav.indicator", lang), url_path="indicator"),
    "projects": st.Page("pages/projects_page.py", title=t("nav.projects", lang), url_path="projects"),
    "themes": st.Page("pages/themes_page.py", title=t("nav.themes", lang), url_path="themes"),
    "methodology": st.Page("pages/methodology_page.py", title=t("nav.methodology", lang), url_path="methodology"),
    "about": st.Page("pages/about_page.py", title=t("nav.about", lang), url_path="about"),
    "present": st.Page("pages/present_page.py", title=t("nav.present", lang), url_path="present", default=present,
                       visibility="visible" if present else "hidden"),
}
page = st.navigation(list(pages.values()), position="hidden" if present else "sidebar")
if present:
    st.markdown(PRESENT_CSS, unsafe_allow_html=True)
    if page is not pages["present"]:
        st.switch_page(pages["present"], query_params=app_params())
elif st.sidebar.toggle(t("app.present", lang), key="present_toggle"):
    st.switch_page(pages["present"], query_params={**app_params(), PRESENT_KEY: "1"})
if lang == "en":
    st.query_params["lang"] = "en"
elif "lang" in st.query_params:
    del st.query_params["lang"]
page.run()
