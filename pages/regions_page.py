"""地区管理: admins add the district's towns and streets (镇/街道); imports then accept their values."""

import pandas as pd
import streamlit as st

from shanhe.errors import UserError
from shanhe.i18n import t
from shanhe.regions import add_region
from shanhe.ui import loaders
from shanhe.ui.layout import staff_page

L, db, user = staff_page("regions.title", "regions_result")
if user.role != "admin":
    st.info(t("auth.forbidden", L, role="admin"))
    st.stop()
st.caption(t("regions.intro", L))

tree = loaders.region_tree(db)
st.dataframe(  # names typed by admins: table cells, never markup
    pd.DataFrame(
        [
            {
                t("col.region", L): r.name,
                t("col.level", L): r.level,
                t("col.parent", L): r.parent or "",
                t("col.source", L): r.source,
            }
            for r in tree
        ]
    ),
    hide_index=True,
    width="stretch",
)

with st.form("add_region"):
    name = st.text_input(t("regions.name", L), key="region_name")
    names = [r.name for r in tree]
    parent = st.selectbox(t("regions.parent", L), names, index=names.index(loaders.plan(db).default_region))
    level = st.text_input(t("regions.level", L), key="region_level")
    submitted = st.form_submit_button(t("regions.add", L))
if submitted:
    try:
        region = add_region(db, name, parent, user, level=level or None)
    except UserError as exc:
        st.error(exc.message(L))
    else:
        st.session_state["regions_result"] = t(
            "regions.added", L, region=region.name, parent=parent, level=region.level
        )
        loaders.refresh(db)
        st.rerun()
