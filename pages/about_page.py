"""关于: the plan's identity, periods and evaluation duties, where the data come from, and every flag."""

import pandas as pd
import streamlit as st

from shanhe.formatting import flag_records, subject_names, year_list, year_span
from shanhe.i18n import t
from shanhe.ui import loaders
from shanhe.ui.layout import page_header
from shanhe.ui.session import lang, store
from shanhe.ui.tables import show_text_table

L = lang()
db = store()
plan = db.plan_info()

page_header(db)
st.title(t("about.title", L))
st.subheader(t("about.plan", L))
st.markdown(
    f"**{plan.title}**\n\n"
    f"- {t('about.number', L)}：{plan.document_number}（{plan.document_number_source}）\n"
    f"- {t('about.issuer', L)}：{plan.issuer}\n"
    f"- {t('about.issued_on', L)}：{plan.issued_on.isoformat()}（{plan.issued_on_source}）"
)
st.subheader(t("about.periods", L))
st.markdown("\n".join(f"- {p.name}：{year_span(p.start, p.end)}（{p.source}）" for p in plan.periods))
goals = db.goals()
st.subheader(t("about.goals", L, years=year_list((g.year for g in goals), L)))
show_text_table(
    [
        {
            t("col.year", L): g.year,
            t("about.theme", L): g.theme,
            t("col.literal", L): g.text,
            t("col.source", L): g.source,
        }
        for g in goals
    ],
    short=[t("col.year", L), t("about.theme", L)],
)
st.subheader(t("about.evaluations", L))
st.markdown("\n".join(f"- {e.name}（{e.source}）" for e in plan.evaluations))
st.caption(f"{plan.evaluation_reporting}（{plan.evaluation_reporting_source}）")

st.subheader(t("about.sources", L))
counts: dict[str, int] = {}
for o in loaders.current(db):
    counts[o.source or "—"] = counts.get(o.source or "—", 0) + 1
if counts:
    st.dataframe(
        pd.DataFrame([{t("col.source", L): s, t("about.rows", L): n} for s, n in sorted(counts.items())]),
        hide_index=True,
    )
else:
    st.caption(t("about.no_sources", L))

st.subheader(t("about.flags", L))
show_text_table(
    flag_records(loaders.flags(db), L, subject_names(loaders.indicators(db).values(), loaders.projects(db), goals, L)),
    short=[t("col.flag", L), t("col.flag_status", L)],
    widths={
        t("col.flag", L): "4em",
        t("about.subjects", L): "15%",
        t("col.source", L): "11%",
        t("col.flag_status", L): "5.5em",
    },
)
