"""方法说明: the rules, thresholds, precisions and live worked examples, all from the engine's own code."""

import streamlit as st

from shanhe import methodology
from shanhe.formatting import indicator_name
from shanhe.i18n import t
from shanhe.ui import loaders
from shanhe.ui.layout import page_header
from shanhe.ui.session import lang, store
from shanhe.ui.tables import show_text_table

L = lang()
db = store()
region = loaders.plan(db).default_region
view = loaders.overview(db, region)
indicators = loaders.indicators(db)

page_header(db)
st.title(t("method.title", L))
st.markdown(t("method.intro", L))
st.subheader(t("method.steps_title", L))
plan = loaders.plan(db)
st.markdown(methodology.steps_text(plan, L))
st.markdown(t("method.why_path", L))
st.subheader(t("method.verdicts_title", L))
show_text_table(methodology.verdict_rows(plan, L))
st.subheader(t("method.thresholds_title", L))
show_text_table(methodology.threshold_rows(L))
st.subheader(t("method.labels_title", L))
show_text_table(methodology.label_rows(plan, L))
st.subheader(t("method.precision_title", L))
st.markdown(t("method.precision", L))
show_text_table(methodology.precision_rows(list(indicators.values()), L))
st.markdown(methodology.stale_text(plan, L))
st.subheader(t("method.trend_title", L))
st.markdown(methodology.trend_text(L))

st.subheader(t("method.examples_title", L))
current = loaders.current(db)
headline = [indicators[c] for c in loaders.plan(db).headline]
for ind, assessment, sample in methodology.examples(headline, current, view.year, region):
    caption = t(
        "method.example_caption", L, name=indicator_name(ind, L), code=ind.code, year=assessment.evaluation_year
    )
    st.markdown(f"**{caption}**")
    if sample:
        st.warning(t("method.sample_note", L))
    show_text_table(methodology.worked_steps(assessment, L))
