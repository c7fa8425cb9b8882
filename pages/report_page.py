"""报告: the year's evaluation report in HTML, PPTX or PDF, and the data exports, with download buttons."""

import time

import streamlit as st

from shanhe import clock, settings
from shanhe.errors import UserError
from shanhe.exports import batches_table, export_table, history_table
from shanhe.formatting import file_title, report_file_name
from shanhe.i18n import t
from shanhe.progress import default_year
from shanhe.reports.model import KINDS, build_report
from shanhe.reports.render import MIME, render
from shanhe.spreadsheets import Table, to_csv, to_xlsx
from shanhe.ui import loaders
from shanhe.ui.account import current_user
from shanhe.ui.layout import page_header
from shanhe.ui.session import lang, store

L = lang()
db = store()
page_header(db)
st.title(t("rep.title", L))
st.caption(t("rep.intro", L))
plan = loaders.plan(db)
years = plan.shown_years(clock.current_year())
region = plan.default_region
c1, c2, c3 = st.columns(3)
year = c1.selectbox(
    t("overview.year", L),
    years,
    key="rep_year",
    index=years.index(default_year(loaders.current(db), region, clock.current_year(), plan.years)),
)
kind = c2.selectbox(t("rep.kind", L), KINDS, key="rep_kind", format_func=lambda k: t(f"kind.{k}", L))
fmt = c3.selectbox(t("rep.format", L), ("html", "pptx", "pdf"), key="rep_format", format_func=str.upper)
only_behind = st.checkbox(t("rep.only_behind", L), key="rep_behind")

if st.button(t("rep.generate", L), type="primary", key="rep_go"):
    with st.status(t("rep.working", L, fmt=fmt.upper()), expanded=False) as status:
        start = time.perf_counter()
        try:
            report = build_report(db, year, kind, only_behind=only_behind, lang=L)
            user = current_user()
            data = render(report, loaders.indicators(db), fmt, user=user.name if user else "anonymous")
        except UserError as exc:
            status.update(state="error")
            st.error(t(exc.key, L, **exc.params))
        else:
            status.update(label=t("rep.done", L, seconds=time.perf_counter() - start), state="complete")
            name = report_file_name(plan.short_title, year, kind, fmt, L)
            st.session_state["rep_file"] = (name, data, MIME[fmt])
if file := st.session_state.get("rep_file"):
    name, data, mime = file
    st.download_button(t("rep.download", L, name=name), data, file_name=name, mime=mime, key="rep_download")

st.subheader(t("rep.exports", L))
st.caption(t("rep.exports_reimport", L, limit_mb=settings.max_upload_bytes() // 2**20))
indicators = list(loaders.indicators(db).values())
title = file_title(plan.short_title)


def current() -> Table:
    return export_table(indicators, loaders.current(db))


def history() -> Table:
    return history_table(indicators, db.observation_history())


# one under the other, so no label is cut; files are built only when clicked
st.download_button(
    t("rep.export_xlsx", L),
    lambda: to_xlsx([current(), history(), batches_table(db.batches())]),
    file_name=f"{t('rep.file.data', L, title=title)}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
)
st.download_button(
    t("rep.export_current", L),
    lambda: to_csv(current()),
    file_name=f"{t('rep.file.current', L, title=title)}.csv",
    mime="text/csv",
)
st.download_button(
    t("rep.export_history", L),
    lambda: to_csv(history()),
    file_name=f"{t('rep.file.history', L, title=title)}.csv",
    mime="text/csv",
)
