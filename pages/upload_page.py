"""数据填报: template, upload, the same validation as the CLI, a preview, then one confirmed batch."""

import hashlib

import pandas as pd
import streamlit as st

from shanhe import clock, settings
from shanhe.entry.importer import ImportPlan, commit_import, plan_import
from shanhe.entry.preview import PreviewRow, change_text, jump_threshold, preview_rows
from shanhe.errors import InputRejected, UserError
from shanhe.exports import template_notes, template_table
from shanhe.formatting import number, with_unit
from shanhe.i18n import t
from shanhe.progress import default_year
from shanhe.spreadsheets import to_csv, to_xlsx
from shanhe.ui import loaders
from shanhe.ui.layout import staff_page, uploader_words

L, db, user = staff_page("upload.title", "upload_result")
PREVIEW_PAGE = 200  # preview rows drawn per rerun

st.subheader(t("upload.template", L))
info = loaders.plan(db)
years = info.shown_years(clock.current_year())
last = default_year((), info.default_region, clock.current_year(), info.years)  # last year, within the plan
year = st.selectbox(t("upload.template_year", L), years, index=years.index(last), key="template_year")
region = info.default_region
table = template_table(list(loaders.indicators(db).values()), loaders.current(db), year, region)
c1, c2, _ = st.columns([1, 1, 3])
c1.download_button(
    t("upload.template_xlsx", L),
    lambda: to_xlsx([table, template_notes(year, region)]),
    file_name=f"{t('upload.template_name', L, year=year)}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
)
c2.download_button(
    t("upload.template_csv", L),
    lambda: to_csv(table),
    file_name=f"{t('upload.template_name', L, year=year)}.csv",
    mime="text/csv",
)

st.subheader(t("upload.file", L))
limit = settings.max_upload_bytes()
types = ["csv", "xlsx", "xls", "ods", "txt"]
uploader_words(L, limit, types)
uploaded = st.file_uploader(
    t("upload.file", L),
    type=types,
    key=f"upload-{st.session_state.get('uploads', 0)}",
    label_visibility="collapsed",
)
if uploaded is None:
    st.stop()
data = uploaded.getvalue()
digest = hashlib.sha256(data).hexdigest()
sheet_key = f"upload_sheet-{digest[:16]}"  # a choice belongs to one file
sheet = st.session_state.get(sheet_key)
shown: ImportPlan | None = st.session_state.pop("upload_shown", None)  # the plan the user looked at last run
# validated once per file, sheet and data version: a click (a tick, a page of the preview) does not re-validate
checked_key = (digest, uploaded.name, sheet, loaders.version(db))
cached = st.session_state.get("upload_checked")
if cached is None or cached[0] != checked_key:
    try:
        cached = (checked_key, plan_import(db, data, uploaded.name, limit, sheet=sheet))
    except InputRejected as rejected:
        cached = (checked_key, rejected)
    st.session_state["upload_checked"] = cached  # one file's result, replaced by the next
result = cached[1]
if isinstance(result, InputRejected):
    several = next((p for p in result.problems if p.key == "import.several_sheets"), None)
    names = several.params.get("names") if several is not None else None
    if isinstance(names, list):  # a workbook with several sheets to choose from: ask, then read the chosen one
        st.selectbox(t("upload.sheet", L), names, index=None, key=sheet_key, placeholder=t("ui.choose", L))
        st.stop()
    st.error(t("upload.problems", L, count=len(result.problems)))
    st.dataframe(
        pd.DataFrame(
            [
                {  # user-typed values shown as table cells, never as markup
                    t("col.row", L): p.row or "",
                    t("col.column", L): p.column or "",
                    t("col.cell", L): p.value or "",
                    t("col.problem_text", L): p.message(L),
                }
                for p in result.problems
            ]
        ),
        hide_index=True,
        width="stretch",
    )
    st.stop()
plan = result

st.subheader(t("upload.preview", L))
if plan.notices:  # sheet name, ignored title rows, cleaned control characters: plain text, never markup
    st.text("\n".join([t("import.notices", L), *(n.message(L) for n in plan.notices)]))
threshold = jump_threshold()
if st.session_state.get("upload_rows", (None,))[0] != checked_key:  # built once per validated file
    rows_of = preview_rows(plan, list(loaders.indicators(db).values()), loaders.current(db), threshold)
    st.session_state["upload_rows"] = (checked_key, rows_of)
all_rows: list[PreviewRow] = st.session_state["upload_rows"][1]
added, changed, unchanged = plan.counts
st.markdown(
    t("upload.summary", L, added=added, changed=changed, unchanged=unchanged)
    + (" " + t("import.skipped_blank", L, skipped=plan.skipped_blank) if plan.skipped_blank else "")
)


def flag(r: PreviewRow) -> str:
    if r.suspicion is None:
        return ""
    return t("upload.decimal_mark", L) if r.suspicion.kind == "decimal" else f"⚠ {change_text(r.suspicion.change)}"


# rows needing a look first, then a page at a time: a styled table of thousands of rows on every rerun was slow
ordered = sorted(all_rows, key=lambda r: (r.suspicion is None, not r.overwrites, r.row))
pages = max(1, -(-len(ordered) // PREVIEW_PAGE))
page = st.number_input(t("upload.preview_pages", L, pages=pages), 1, pages, 1, key=f"upload_page-{digest[:16]}")
first = (int(page) - 1) * PREVIEW_PAGE
rows = ordered[first : first + PREVIEW_PAGE]
frame = pd.DataFrame(
    [
        {
            t("col.row", L): r.row,
            t("col.code", L): r.code,
            t("col.name", L): r.name,
            t("col.region", L): r.region,
            t("col.year", L): r.year,
            t("col.current", L): "" if r.current is None else with_unit(r.current, r.unit, L),
            t("col.new", L): with_unit(r.new, r.unit, L),
            t("col.change", L): "" if r.current is None else number(r.new - r.current, 4),
            t("col.state", L): t(f"state.{r.status}", L),
            t("col.changes", L): "、".join(t(f"change.{f}", L) for f in r.changes),
            t("col.jump", L): flag(r),
            t("col.source", L): r.source or "",
            t("col.note", L): r.note or "",
        }
        for r in rows
    ]
)
tints = [
    "background-color: #FBEBCC" if r.suspicion is not None else "background-color: #F7DCCC" if r.overwrites else ""
    for r in rows
]
st.dataframe(frame.style.apply(lambda _: tints, axis=0), hide_index=True, width="stretch")
if len(rows) < len(all_rows):
    st.caption(t("upload.preview_page", L, first=first + 1, last=first + len(rows), total=len(all_rows)))

jumps = [r for r in all_rows if r.suspicion is not None and r.suspicion.kind == "jump"]
decimals = [r for r in all_rows if r.suspicion is not None and r.suspicion.kind == "decimal"]
checked = True
if jumps:
    st.warning(t("upload.jumps", L, count=len(jumps), pct=round(threshold * 100)))
if decimals:
    st.warning(t("upload.decimals", L, count=len(decimals)))
if jumps or decimals:
    checked = st.checkbox(t("upload.confirm_jumps", L), key="jumps_checked")
st.session_state["upload_shown"] = plan
if st.button(t("upload.confirm", L), type="primary", disabled=not checked, key="confirm_upload"):
    # write what the user saw; the store refuses it if a colleague changed a previewed value meanwhile
    seen = shown if shown is not None and (shown.sha256, shown.sheet) == (plan.sha256, plan.sheet) else plan
    try:
        batch = commit_import(db, seen, user)
    except UserError as exc:  # e.g. a colleague changed a previewed value meanwhile: names who, what, when
        st.error(t("upload.stale", L))
        st.text(exc.message(L))
        st.stop()
    loaders.refresh(db)
    st.session_state["uploads"] = st.session_state.get("uploads", 0) + 1  # a fresh, empty uploader
    st.session_state.pop(sheet_key, None)
    for key in ("upload_shown", "upload_checked", "upload_rows"):
        st.session_state.pop(key, None)
    st.session_state["upload_result"] = (
        t(
            "upload.done",
            L,
            batch=batch.id,
            added=batch.rows_added,
            changed=batch.rows_changed,
            unchanged=batch.rows_unchanged,
        )
        if batch
        else t("upload.nothing_new", L)
    )
    st.rerun()
