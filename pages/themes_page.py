"""一山一河一流域: each area's plan text, its indicators' lights and its projects on one screen."""

import pandas as pd
import streamlit as st

from shanhe import clock
from shanhe.i18n import t
from shanhe.matrix import dashboard_links, matrix_html
from shanhe.schedule import project_status
from shanhe.ui import loaders
from shanhe.ui.layout import page_header
from shanhe.ui.session import app_params, lang, store

L = lang()
db = store()
done = loaders.completions(db)
view = loaders.overview(db, loaders.plan(db).default_region)
rows = {r.assessment.code: r for r in view.rows}
projects = loaders.projects(db)
today = clock.today()

page_header(db)
heading = loaders.plan(db).themes_heading
st.title(heading.label(L))
st.caption(heading.note_label(L))
themes = loaders.themes(db)
for column, theme in zip(st.columns(len(themes)), themes, strict=True) if themes else ():
    with column:
        st.subheader(f"{theme.name}（{theme.scope}）")
        st.caption(t("themes.scope", L, scope=theme.scope, source=theme.source))
        st.markdown(theme.description)
        st.markdown(f"**{t('themes.indicators', L)}**")
        links = dashboard_links({**app_params(), "year": str(view.year)})
        st.markdown(
            matrix_html([rows[c] for c in theme.indicators], L, links, view.verdict_year), unsafe_allow_html=True
        )
        st.markdown(f"**{t('themes.projects', L)}**")
        statuses = [project_status(p, today, done) for p in projects if p.group == theme.project_group]
        st.dataframe(
            pd.DataFrame(
                [
                    {t("col.project", L): s.project.name, t("col.flag_status", L): t(f"status.{s.status}", L)}
                    for s in statuses
                ]
            ),
            hide_index=True,
            width="stretch",
        )
