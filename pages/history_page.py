"""历史记录: every batch with who, when, file and counts; its values; reverting; one value's revisions."""

import pandas as pd
import streamlit as st

from shanhe import clock
from shanhe.entry.revert import conflicts, may_revert, revert_batch
from shanhe.errors import UserError
from shanhe.formatting import indicator_name, local_time, number, unit_label
from shanhe.i18n import t
from shanhe.models import Batch
from shanhe.progress import default_year
from shanhe.ui import loaders
from shanhe.ui.layout import staff_page

L, db, user = staff_page("hist.title", "revert_result")


def kind(b: Batch) -> str:
    return t("hist.kind.revert", L, batch=b.reverts_batch) if b.kind == "revert" else t(f"hist.kind.{b.kind}", L)


batches = list(reversed(db.batches()))
indicators = loaders.indicators(db)
st.subheader(t("hist.batches", L))
st.dataframe(
    pd.DataFrame(
        [
            {
                t("col.batch", L): b.id,
                t("col.kind", L): kind(b),
                t("col.entered_by", L): b.user_name,
                t("col.entered_at", L): local_time(b.created_at),
                t("col.file", L): b.file_name or "",
                t("col.added", L): b.rows_added,
                t("col.changed", L): b.rows_changed,
                t("col.unchanged", L): b.rows_unchanged,
            }
            for b in batches
        ]
    ),
    hide_index=True,
    width="stretch",
)

if batches:
    by_id = {b.id: b for b in batches}
    chosen = st.selectbox(
        t("hist.batch", L), list(by_id), key="hist_batch", format_func=lambda i: f"#{i} {kind(by_id[i])}"
    )
    if by_id[chosen].sha256:  # for checking a file against its import; not a column everybody must scroll past
        with st.expander(t("hist.details", L)):
            st.text(f"{t('col.file', L)}：{by_id[chosen].file_name or '—'}\nSHA-256：{by_id[chosen].sha256}")
    st.markdown(f"**{t('hist.rows', L, batch=chosen)}**")
    steps = loaders.revert_steps(db, chosen)  # one query for the whole batch: its values, what a revert restores
    refused = conflicts(chosen, steps)
    conflict = refused.message(L) if refused is not None else None
    keys = ("code", "name", "region", "year", "value", "unit", "restores", "source", "note")
    st.dataframe(
        pd.DataFrame(
            [
                (
                    r.indicator_code,
                    indicator_name(indicators[r.indicator_code], L) if r.indicator_code in indicators else "",
                    r.region,
                    r.year,
                    "—" if r.value is None else number(r.value),
                    unit_label(indicators[r.indicator_code].unit, L) if r.indicator_code in indicators else "",
                    "" if s.newer is not None else "—" if s.restored.value is None else number(s.restored.value),
                    r.source or "",
                    r.note or "",
                )
                for s in steps
                for r in (s.written,)
            ],
            columns=[t(f"col.{key}", L) for key in keys],
        ),
        hide_index=True,
        width="stretch",
    )
    if conflict:
        st.warning(conflict)
    elif not may_revert(db, by_id[chosen], user):
        st.caption(t("hist.cannot_revert", L))
    else:
        sure = st.checkbox(t("hist.revert_confirm", L, batch=chosen), key=f"revert_sure_{chosen}")
        if st.button(t("hist.revert", L, batch=chosen), disabled=not sure, key="revert"):
            try:
                new = revert_batch(db, chosen, user)
            except UserError as exc:
                st.error(t(exc.key, L, **exc.params))
            else:
                st.session_state["revert_result"] = t("hist.reverted", L, batch=new.id)
                loaders.refresh(db)
                st.rerun()

st.subheader(t("hist.value", L))
c1, c2, c3 = st.columns(3)
code = c1.selectbox(
    t("col.code", L), list(indicators), key="hist_code", format_func=lambda c: f"{c} {indicator_name(indicators[c], L)}"
)
region = c2.selectbox(t("col.region", L), loaders.regions(db), key="hist_region")
plan = loaders.plan(db)
years = plan.shown_years(clock.current_year())
latest = default_year(loaders.current(db), region, clock.current_year(), plan.years)
year = c3.selectbox(t("col.year", L), years, index=years.index(latest), key="hist_year")
st.dataframe(
    pd.DataFrame(
        [
            {
                t("col.revision", L): r.id,
                t("col.value", L): "—" if r.value is None else number(r.value),
                t("col.batch", L): r.batch_id,
                t("col.entered_by", L): r.entered_by,
                t("col.entered_at", L): local_time(r.entered_at),
                t("col.source", L): r.source or "",
                t("col.note", L): r.note or "",
            }
            for r in db.revisions_of(code, region, year)
        ]
    ),
    hide_index=True,
    width="stretch",
)
