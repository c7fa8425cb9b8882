"""一山一河一流域: each area in turn — its plan text, its indicators as cards that reflow with the screen, and its
projects — so nothing is squeezed into a third of the width."""

import streamlit as st

from shanhe import clock
from shanhe.cards import indicator_cards, project_chips
from shanhe.i18n import t
from shanhe.matrix import dashboard_links
from shanhe.schedule import project_status
from shanhe.ui import loaders
from shanhe.ui.layout import page_header
from shanhe.ui.session import app_params, lang, store

L = lang()
db = store()
done, noted = loaders.completions(db), loaders.recorded(db)
view = loaders.overview(db, loaders.plan(db).default_region)
rows = {r.assessment.code: r for r in view.rows}
projects = loaders.projects(db)
today = clock.today()
links = dashboard_links({**app_params(), "year": str(view.year)})

page_header(db)
heading = loaders.plan(db).themes_heading
st.title(heading.label(L))
st.caption(heading.note_label(L))
for theme in loaders.themes(db):
    with st.container(border=True):
        st.subheader(f"{theme.name}（{theme.scope}）")
        st.caption(t("themes.scope", L, scope=theme.scope, source=theme.source))
        st.markdown(theme.description)
        st.markdown(f"**{t('themes.indicators', L)}**")
        st.markdown(indicator_cards([rows[c] for c in theme.indicators], L, links), unsafe_allow_html=True)
        st.markdown(f"**{t('themes.projects', L)}**")
        statuses = [project_status(p, today, done, noted) for p in projects if p.group == theme.project_group]
        st.markdown(project_chips(statuses, L), unsafe_allow_html=True)
