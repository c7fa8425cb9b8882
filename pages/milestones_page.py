"""里程碑进展: staff record a milestone's status, completion date, note and evidence, or add one."""

import datetime as dt

import pandas as pd
import streamlit as st

from shanhe import clock
from shanhe.entry.milestones import (
    STATUSES,
    add_milestone,
    completions,
    form_status,
    latest_updates,
    recorded,
    update_milestone,
)
from shanhe.errors import UserError
from shanhe.i18n import t
from shanhe.schedule import project_status
from shanhe.ui import loaders
from shanhe.ui.layout import staff_page

L, db, user = staff_page("ms.title", "ms_result")

projects = {p.id: p for p in db.projects()}
pid = st.selectbox(t("ms.project", L), list(projects), key="ms_project", format_func=lambda i: projects[i].name)
updates = latest_updates(db)
status = project_status(projects[pid], clock.today(), completions(db), recorded(db))
st.dataframe(
    pd.DataFrame(
        [
            {
                t("ms.milestone", L): m.milestone.title,
                t("col.due", L): m.milestone.due.isoformat(),
                t("ms.status", L): t(f"status.{m.status}", L),
                t("ms.note", L): updates[m.milestone.id].note or "" if m.milestone.id in updates else "",
                t("col.evidence", L): updates[m.milestone.id].evidence_link or "" if m.milestone.id in updates else "",
                t("col.updated_by", L): updates[m.milestone.id].entered_by if m.milestone.id in updates else "",
            }
            for m in status.milestones
        ]
    ),
    hide_index=True,
    width="stretch",
)

milestones = {m.id: m for m in projects[pid].milestones}
mid = st.selectbox(t("ms.milestone", L), list(milestones), key="ms_id", format_func=lambda i: milestones[i].title)
if st.session_state.get("ms_for") != mid:  # another milestone: its own status and date in the boxes
    computed = next(m.status for m in status.milestones if m.milestone.id == mid)
    st.session_state["ms_status"] = form_status(updates.get(mid), computed)
    st.session_state["ms_date"] = (updates[mid].completed_on if mid in updates else None) or clock.today()
    st.session_state["ms_for"] = mid
with st.form("milestone"):
    new_status = st.selectbox(t("ms.status", L), STATUSES, key="ms_status", format_func=lambda s: t(f"status.{s}", L))
    completed = st.date_input(t("ms.completed_on", L), key="ms_date", format="YYYY-MM-DD")
    note = st.text_area(t("ms.note", L), key="ms_note")
    evidence = st.text_input(t("ms.evidence", L), key="ms_link")
    saved = st.form_submit_button(t("ms.submit", L))
if saved:
    try:
        update_milestone(db, mid, new_status, completed, note, evidence, user)
    except UserError as exc:
        st.error(t(exc.key, L, **exc.params))
    else:
        st.session_state["ms_result"] = t("ms.saved", L)
        loaders.refresh(db)
        st.rerun()

st.subheader(t("ms.add", L))
with st.form("new_milestone"):
    title = st.text_input(t("ms.add_title", L), key="ms_new_title")
    due = st.date_input(
        t("ms.add_due", L), value=dt.date(projects[pid].end_year, 12, 31), key="ms_new_due", format="YYYY-MM-DD"
    )
    added = st.form_submit_button(t("ms.add_submit", L))
if added:
    try:
        new_id = add_milestone(db, pid, title, due, user)
    except UserError as exc:
        st.error(t(exc.key, L, **exc.params))
    else:
        st.session_state["ms_result"] = t("ms.added", L, milestone=new_id)
        loaders.refresh(db)
        st.rerun()
