"""总览: every indicator by category with baseline, 2025 target and latest value."""

import pandas as pd
import streamlit as st

from shanhe.catalog import CATEGORIES
from shanhe.formatting import local_time
from shanhe.i18n import t
from shanhe.overview import OverviewRow
from shanhe.ui import loaders
from shanhe.ui.session import lang, store

L = lang()
db = store()
rows = loaders.overview(db, db.regions()[0])

st.title(t("overview.title", L))
st.caption(t("overview.caption", L, number=db.meta("plan_number"), title=db.meta("plan_title"),
             supplementary=sum(1 for r in rows if r.seq is None)))
batch = db.latest_batch()
st.caption(t("overview.data_as_of", L, when=local_time(batch.created_at), batch=batch.id) if batch
           else t("overview.no_imports", L))


def table(part: list[OverviewRow]) -> pd.DataFrame:
    no_data = t("overview.no_data", L)
    return pd.DataFrame({
        t("col.seq", L): [r.seq or "" for r in part],
        t("col.code", L): [r.code for r in part],
        t("col.name", L): [r.name for r in part],
        t("col.attribute", L): [t(f"attribute.{r.attribute or 'none'}", L) for r in part],
        t("col.unit", L): [r.unit for r in part],
        t("col.baseline", L): [r.baseline for r in part],
        t("col.target_2025", L): [r.target_2025 for r in part],
        t("col.latest", L): [r.latest_value or no_data for r in part],
        t("col.latest_year", L): [str(r.latest_year or "") for r in part],
    })


COLUMNS = {t("col.name", L): st.column_config.TextColumn(width="large"),
           t("col.target_2025", L): st.column_config.TextColumn(width="medium")}
for category in CATEGORIES:
    part = [r for r in rows if r.category == category and r.seq is not None]
    st.subheader(t(f"category.{category}", L))
    st.dataframe(table(part), hide_index=True, width="stretch", column_config=COLUMNS)

st.subheader(t("overview.supplementary", L))
st.dataframe(table([r for r in rows if r.seq is None]), hide_index=True, width="stretch", column_config=COLUMNS)
