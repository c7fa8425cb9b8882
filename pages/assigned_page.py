"""下达目标: staff enter the values a superior assigned, with the document; the lights use them at once."""

import datetime as dt

import pandas as pd
import streamlit as st

from shanhe.assigned import assignable, enter_assigned_target
from shanhe.formatting import local_time, number
from shanhe.i18n import t
from shanhe.store import StoreError
from shanhe.ui import loaders
from shanhe.ui.layout import staff_page

L, db, user = staff_page("asg.title", "asg_result")
st.caption(t("asg.intro", L))

indicators = loaders.indicators(db)
choices = {code: ind for code, ind in indicators.items() if assignable(ind)}
code = st.selectbox(t("asg.indicator", L), list(choices), key="asg_code",
                    format_func=lambda c: f"{c} {choices[c].name}（{choices[c].target_for(2025).text}）")
ind = choices[code]
with st.form("assigned"):
    year = st.selectbox(t("asg.year", L), assignable(ind), key="asg_year")
    value = st.number_input(f"{t('asg.value', L)}（{ind.unit}）", value=None, format="%.4f", key="asg_value")
    doc_ref = st.text_input(t("asg.doc_ref", L), key="asg_doc")
    doc_date = st.date_input(t("asg.doc_date", L), value=dt.date.today(), key="asg_date")
    submitted = st.form_submit_button(t("asg.submit", L))
if submitted:
    try:
        if value is None:
            raise StoreError("assigned.bad_value", value="—")
        enter_assigned_target(db, ind, year, float(value), doc_ref, doc_date, user)
    except StoreError as exc:
        st.error(t(exc.key, L, **exc.params))
    else:
        st.session_state["asg_result"] = t("asg.saved", L, code=code, year=year, value=number(value))
        loaders.refresh(db)
        st.rerun()

st.subheader(t("asg.entered", L))
st.dataframe(pd.DataFrame([{
    t("col.code", L): c, t("col.name", L): indicators[c].name if c in indicators else "", t("col.year", L): tg.year,
    t("col.value", L): number(tg.value), t("asg.doc_ref", L): tg.doc_ref or "",
    t("asg.doc_date", L): tg.doc_date.isoformat() if tg.doc_date else "", t("col.entered_by", L): tg.entered_by or "",
    t("col.entered_at", L): local_time(tg.entered_at),
} for c, tg in reversed(db.staff_targets())]), hide_index=True, width="stretch")
