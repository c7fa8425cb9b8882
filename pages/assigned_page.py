"""下达目标: staff enter targets a document sets (a superior's assigned value, the next plan's target), with the
document; the lights use them at once. ``python -m shanhe targets set`` is the same form on the command line."""

import pandas as pd
import streamlit as st

from shanhe import clock
from shanhe.entry.targets import awaiting, enter_document_target
from shanhe.errors import UserError
from shanhe.formatting import indicator_name, local_time, number, target_text, unit_label
from shanhe.i18n import t
from shanhe.ui import loaders
from shanhe.ui.layout import staff_page

L, db, user = staff_page("asg.title", "asg_result")
st.caption(t("asg.intro", L))

indicators = loaders.indicators(db)
regions = loaders.regions(db)
district = loaders.plan(db).default_region
waiting = [code for code, ind in indicators.items() if awaiting(ind)]
code = st.selectbox(
    t("asg.indicator", L),
    list(indicators),
    key="asg_code",
    format_func=lambda c: (
        f"{c} {indicator_name(indicators[c], L)}" + (f"（{t('label.pending', L)}）" if c in waiting else "")
    ),
)
ind = indicators[code]
years = list(loaders.plan(db).target_years)
first = (awaiting(ind) or [loaders.plan(db).first_target_year])[0]
with st.form("assigned"):
    year = st.selectbox(
        t("asg.year", L),
        years,
        index=years.index(first),
        key="asg_year",
        format_func=lambda y: f"{y}：{target_text(ind.target_for(y), ind.unit, L)}" if ind.target_for(y) else str(y),
    )
    region = (
        st.selectbox(t("ind.region", L), regions, index=regions.index(district), key="asg_region")
        if len(regions) > 1
        else district
    )
    value = st.number_input(
        f"{t('asg.value', L)}（{unit_label(ind.unit, L)}）", value=None, format="%.4f", key="asg_value"
    )
    doc_ref = st.text_input(t("asg.doc_ref", L), key="asg_doc")
    doc_date = st.date_input(
        t("asg.doc_date", L), value=clock.today(), max_value=clock.today(), key="asg_date", format="YYYY-MM-DD"
    )
    submitted = st.form_submit_button(t("asg.submit", L))
if submitted:
    try:
        if value is None:
            raise UserError("assigned.bad_value", value="—")
        enter_document_target(db, ind, year, float(value), doc_ref, doc_date, user, region=region)
    except UserError as exc:
        st.error(t(exc.key, L, **exc.params))
    else:
        st.session_state["asg_result"] = t("asg.saved", L, code=code, year=year, value=number(value))
        loaders.refresh(db)
        st.rerun()

st.subheader(t("asg.entered", L))
st.dataframe(
    pd.DataFrame(
        [
            {
                t("col.code", L): c,
                t("col.name", L): indicator_name(indicators[c], L) if c in indicators else "",
                t("col.year", L): tg.year,
                t("col.region", L): tg.region or district,
                t("col.value", L): number(tg.value),
                t("asg.doc_ref", L): tg.doc_ref or "",
                t("asg.doc_date", L): tg.doc_date.isoformat() if tg.doc_date else "",
                t("col.entered_by", L): tg.entered_by or "",
                t("col.entered_at", L): local_time(tg.entered_at),
            }
            for c, tg in reversed(db.staff_targets())
        ]
    ),
    hide_index=True,
    width="stretch",
)
