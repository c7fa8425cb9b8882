"""总览: every indicator by category with its light, baseline, 2025 target and latest value."""

import pandas as pd
import streamlit as st

from shanhe.catalog import CATEGORIES
from shanhe.formatting import local_time, status_text, trend_text
from shanhe.i18n import t
from shanhe.overview import OverviewRow
from shanhe.rules import LIGHT_COLOURS
from shanhe.ui import loaders
from shanhe.ui.session import lang, store

L = lang()
db = store()
view = loaders.overview(db, db.regions()[0])
rows = view.rows

st.title(t("overview.title", L))
st.caption(t("overview.caption", L, number=db.meta("plan_number"), title=db.meta("plan_title"),
             supplementary=sum(1 for r in rows if r.assessment.seq is None)))
batch = db.latest_batch()
st.caption(t("overview.data_as_of", L, when=local_time(batch.created_at), batch=batch.id) if batch
           else t("overview.no_imports", L))
st.caption(t("overview.evaluated", L, year=view.year))
st.markdown("\n".join(f"- {line}" for line in (view.summary.sentences if L == "zh" else view.summary.sentences_en)))


def tint(part: list[OverviewRow]) -> list[str]:
    """Pale light colour behind each status cell; the icon and words carry the meaning too."""
    return [f"background-color: {LIGHT_COLOURS[r.assessment.light][1]}" for r in part]


def table(part: list[OverviewRow]) -> pd.DataFrame:
    no_data = t("overview.no_data", L)
    cells = [r.assessment for r in part]
    return pd.DataFrame({
        t("col.seq", L): [a.seq or "" for a in cells],
        t("col.code", L): [a.code for a in cells],
        t("col.name", L): [a.name for a in cells],
        t("col.status", L): [status_text(a.label_code, a.binding_behind, L) for a in cells],
        t("col.attribute", L): [t(f"attribute.{a.attribute or 'none'}", L) for a in cells],
        t("col.unit", L): [a.unit for a in cells],
        t("col.baseline", L): [r.baseline for r in part],
        t("col.target_2025", L): [r.target_2025 for r in part],
        t("col.latest", L): [r.latest_value or no_data for r in part],
        t("col.latest_year", L): [str(a.year or "") for a in cells],
        t("col.trend", L): [trend_text(a.trend, a.trend_improving, L) for a in cells],
        t("col.reason", L): [a.reason if L == "zh" else a.reason_en for a in cells],
    })


COLUMNS = {t("col.name", L): st.column_config.TextColumn(width="medium"),
           t("col.status", L): st.column_config.TextColumn(width="medium"),
           t("col.target_2025", L): st.column_config.TextColumn(width="medium"),
           t("col.reason", L): st.column_config.TextColumn(width="large")}


def show(part: list[OverviewRow]) -> None:
    styled = table(part).style.apply(lambda _: tint(part), subset=[t("col.status", L)])
    st.dataframe(styled, hide_index=True, width="stretch", column_config=COLUMNS)


for category in CATEGORIES:
    part = [r for r in rows if r.assessment.category == category and r.assessment.seq is not None]
    st.subheader(t(f"category.{category}", L))
    show(part)

st.subheader(t("overview.supplementary", L))
show([r for r in rows if r.assessment.seq is None])
