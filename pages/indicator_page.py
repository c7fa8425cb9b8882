"""指标详情: one indicator's verdicts, chart, reason, measures, values, history, plan text, flags, downloads."""

import pandas as pd
import streamlit as st

from shanhe import clock
from shanhe.cards import figures_row
from shanhe.chartspec import target_line
from shanhe.exports import export_table
from shanhe.formatting import (
    baseline_text,
    flag_records,
    indicator_name,
    local_time,
    measure_text,
    progress_figures,
    target_text,
    verdict_label,
    with_unit,
)
from shanhe.i18n import t
from shanhe.messages import text
from shanhe.overview import verdict_target
from shanhe.progress import assess, default_year
from shanhe.spreadsheets import to_csv, to_xlsx
from shanhe.ui import loaders, urlstate
from shanhe.ui.figures import draw
from shanhe.ui.layout import page_header
from shanhe.ui.session import is_sample, lang, store
from shanhe.ui.tables import show_text_table, widths

L = lang()
db = store()
plan = loaders.plan(db)
indicators = loaders.indicators(db)
observations = loaders.current(db)
regions = loaders.regions(db)
district = plan.default_region
first_code = (*plan.headline, *indicators)[0]
years = plan.shown_years(clock.current_year())
urlstate.choice("code", list(indicators), first_code)
urlstate.choice("ind_year", years, default_year(observations, district, clock.current_year(), plan.years), param="year")

page_header(db)
code = st.selectbox(
    t("ind.select", L), list(indicators), key="code", format_func=lambda c: f"{c} {indicator_name(indicators[c], L)}"
)
ind = indicators[code]
mine = [o for o in observations if o.indicator_code == code]
with_data = sorted(
    {district, *(o.region for o in mine)}, key=lambda r: (regions.index(r) if r in regions else len(regions), r)
)
region_options = with_data if len(with_data) > 1 else [district]
urlstate.choice("region", region_options, district)
c1, c2 = st.columns(2)
year = c1.selectbox(t("overview.year", L), years, key="ind_year")
region = c2.selectbox(t("ind.region", L), region_options, key="region") if len(region_options) > 1 else district
urlstate.write({"code": (code, first_code), "year": (year, None), "region": (region, district)})

a = assess(ind, mine, year, region)
st.title(indicator_name(ind, L))
box = {"green": st.success, "amber": st.warning, "red": st.error, "grey": st.info}[a.light]
box(
    f"{t(f'label.{a.label_code}', L)}：{text(a.reason, L)}"
    if L == "zh"
    else f"{t(f'label.{a.label_code}', L)}: {text(a.reason, L)}"
)
if a.baseline_conflict and a.baseline_observed is not None and a.plan_start_value is not None:
    st.warning(
        t(
            "ind.baseline_conflict",
            L,
            year=a.plan_start_year,
            observed=with_unit(a.baseline_observed, a.unit, L),
            baseline=with_unit(a.plan_start_value, a.unit, L),
        )
    )
if a.stale:
    st.warning(t("ind.stale", L, year=a.year))

due = [v for v in a.verdicts if v.verdict != "qualitative"]
if due:
    st.subheader(t("ind.verdicts", L))
    st.dataframe(
        pd.DataFrame(
            [
                {
                    t("col.year", L): v.target_year,
                    t("col.target", L): verdict_target(v, a.unit, L),
                    t("col.value", L): "—" if v.actual_value is None else with_unit(v.actual_value, a.unit, L),
                    t("col.verdict_short", L): verdict_label(v.label_code, L),
                    t("col.verdict_reason", L): text(v.reason, L),  # each target's source: 规划原文 below
                }
                for v in due
            ]
        ),
        hide_index=True,
        width="stretch",
        column_config=widths(L, year=50, target=180, value=75, verdict_short=80, verdict_reason=420),
    )

sample = is_sample(db)
draw(loaders.progress_figure(db, code, year, region, L, sample), "progress")
if figures := progress_figures(a, L):
    st.markdown(figures_row(figures), unsafe_allow_html=True)

if len(with_data) > 1:
    ranked, ranking_figure = loaders.region_ranking(db, code, year, region, L, sample, target_line(a, L))
    if ranked.own_missing:
        st.warning(t("ind.own_missing", L, year=year, region=region))
    if ranking_figure is not None:
        draw(ranking_figure, "ranking")
        st.caption(t("ind.ranking_children_only", L, region=region))

st.subheader(t("ind.values", L))
if mine:
    st.dataframe(
        pd.DataFrame(
            [
                {
                    t("col.year", L): o.year,
                    t("col.region", L): o.region,
                    t("col.value", L): with_unit(o.value, ind.unit, L),
                    t("col.source", L): o.source or "",
                    t("col.note", L): o.note or "",
                    t("col.batch", L): o.batch_id,
                    t("col.entered_by", L): o.entered_by,
                    t("col.entered_at", L): local_time(o.entered_at),
                }
                for o in sorted(mine, key=lambda o: (o.region, o.year))
            ]
        ),
        hide_index=True,
        width="stretch",
        # the whole source and note are in the downloads below; the table keeps every column on screen at 1280 px
        column_config=widths(
            L, year=50, region=90, value=75, source=200, note=110, batch=45, entered_by=80, entered_at=130
        ),
    )
    table = export_table([ind], mine)
    d1, d2, _ = st.columns([1, 1, 4])
    # files are built only when clicked, not on every page load
    d1.download_button(t("ind.download_csv", L), lambda: to_csv(table), file_name=f"{code}.csv", mime="text/csv")
    d2.download_button(
        t("ind.download_xlsx", L),
        lambda: to_xlsx([table]),
        file_name=f"{code}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    # the revision table is built only when asked for: an expander would compute it on every rerun
    if st.toggle(t("ind.history", L), key="ind_history"):
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        t("col.revision", L): r.id,
                        t("col.year", L): r.year,
                        t("col.region", L): r.region,
                        t("col.value", L): "—" if r.value is None else with_unit(r.value, ind.unit, L),
                        t("col.batch", L): r.batch_id,
                        t("col.entered_by", L): r.entered_by,
                        t("col.entered_at", L): local_time(r.entered_at),
                    }
                    for r in loaders.history(db, code)
                ]
            ),
            hide_index=True,
            width="stretch",
        )
else:
    st.caption(t("ind.no_values", L))

st.subheader(t("ind.plan", L))
shown = [(True, tg) for tg in ind.targets_in(region)] + [(False, tg) for tg in ind.replaced]
notes = "".join(f"\n- {t('ind.target_note', L, year=tg.year, note=tg.note)}" for _, tg in shown if tg.note)
st.markdown(  # plan text only: notes come from the plan files, never from staff
    f"- {t('ind.baseline_line', L, base=ind.baseline.year, text=baseline_text(ind, L), source=ind.source)}\n"
    f"- {t('ind.measure', L, measure=measure_text(ind, L))}{notes}"
)
# a document target's source is the 文号 staff typed: table cells, never markup
st.dataframe(
    pd.DataFrame(
        [
            {
                t("col.year", L): tg.year,
                t("col.target", L): target_text(tg, ind.unit, L),
                t("col.source", L): tg.source,
                t("col.flag_status", L): t("ind.in_force" if in_force else "ind.replaced", L),
            }
            for in_force, tg in shown
        ]
    ),
    hide_index=True,
    width="stretch",
    column_config=widths(L, year=50, target=340, source=240, flag_status=70),
)

st.subheader(t("ind.flags", L))
flags = [f for f in loaders.flags(db) if f.id in ind.flags]
if flags:  # plan text reviewed by us (never typed by staff): wrapped in full
    show_text_table(
        flag_records(flags, L),
        short=[t("col.flag", L), t("col.flag_status", L)],
        widths={t("col.flag", L): "4em", t("col.flag_status", L): "5em"},
    )
else:
    st.caption(t("ind.no_flags", L))
