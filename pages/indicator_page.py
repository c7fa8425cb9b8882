"""指标详情: one indicator's chart, reason, measures, values, history, plan text, flags, downloads."""

import pandas as pd
import streamlit as st

from shanhe import charts
from shanhe.exports import export_table
from shanhe.formatting import amount, local_time, number, with_unit
from shanhe.i18n import t
from shanhe.progress import assess, default_year
from shanhe.spreadsheets import to_csv, to_xlsx
from shanhe.ui import loaders, urlstate
from shanhe.ui.layout import page_header
from shanhe.ui.session import is_sample, lang, store

YEARS = list(range(2020, 2036))
L = lang()
db = store()
indicators = loaders.indicators(db)
observations = loaders.current(db)
regions = loaders.regions(db)
urlstate.choice("code", list(indicators), "I07")
urlstate.choice("ind_year", YEARS, default_year(observations, regions[0], pd.Timestamp.today().year), param="year")

page_header(db)
code = st.selectbox(t("ind.select", L), list(indicators), key="code",
                    format_func=lambda c: f"{c} {indicators[c].name}")
ind = indicators[code]
mine = [o for o in observations if o.indicator_code == code]
with_data = sorted({o.region for o in mine}, key=lambda r: (regions.index(r) if r in regions else len(regions), r))
region_options = with_data if len(with_data) > 1 else [regions[0]]
urlstate.choice("region", region_options, regions[0])
c1, c2 = st.columns(2)
year = c1.selectbox(t("overview.year", L), YEARS, key="ind_year")
region = c2.selectbox(t("ind.region", L), region_options, key="region") if len(region_options) > 1 else regions[0]
urlstate.write({"code": (code, "I07"), "year": (year, None), "region": (region, regions[0])})

a = assess(ind, mine, year, region)
st.title(f"{ind.name}")
box = {"green": st.success, "amber": st.warning, "red": st.error, "grey": st.info}[a.light]
box(f"{a.label}：{a.reason}" if L == "zh" else f"{t(f'label.{a.label_code}', L)}: {a.reason_en}")

sample = is_sample(db)
st.plotly_chart(loaders.progress_figure(db, code, year, region, L, sample), config=charts.PNG_CONFIG,
                key="progress")
m1, m2, m3, m4 = st.columns(4)
m1.metric(t("ind.path_ratio", L), "—" if a.path_ratio is None else number(a.path_ratio, 2))
m2.metric(t("ind.trend_ratio", L), "—" if a.trend_ratio is None else number(a.trend_ratio, 2))
m3.metric(t("ind.required", L),
          "—" if a.required_annual_change is None else amount(a.required_annual_change, ind.unit, L, signed=True))
m4.metric(t("ind.projected", L, year=a.target_year or ""),
          "—" if a.projected_value is None else with_unit(a.projected_value, ind.unit, 2))

if len(with_data) > 1:
    ranking = [(o.region, o.value) for o in mine if o.year == year]
    if ranking:
        st.plotly_chart(charts.ranking_chart(ind, ranking, year, L, sample=sample), config=charts.PNG_CONFIG,
                        key="ranking")

st.subheader(t("ind.values", L))
if mine:
    st.dataframe(pd.DataFrame([{
        t("col.year", L): o.year, t("col.region", L): o.region, t("col.value", L): with_unit(o.value, ind.unit),
        t("col.source", L): o.source or "", t("col.note", L): o.note or "", t("col.batch", L): o.batch_id,
        t("col.entered_by", L): o.entered_by, t("col.entered_at", L): local_time(o.entered_at),
    } for o in sorted(mine, key=lambda o: (o.region, o.year))]), hide_index=True, width="stretch")
    table = export_table([ind], mine)
    d1, d2, _ = st.columns([1, 1, 4])
    # files are built only when clicked, not on every page load
    d1.download_button(t("ind.download_csv", L), lambda: to_csv(table), file_name=f"{code}.csv", mime="text/csv")
    d2.download_button(t("ind.download_xlsx", L), lambda: to_xlsx([table]), file_name=f"{code}.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    with st.expander(t("ind.history", L)):
        st.dataframe(pd.DataFrame([{
            t("col.revision", L): r.id, t("col.year", L): r.year, t("col.region", L): r.region,
            t("col.value", L): "—" if r.value is None else with_unit(r.value, ind.unit), t("col.batch", L): r.batch_id,
            t("col.entered_by", L): r.entered_by, t("col.entered_at", L): local_time(r.entered_at),
        } for r in loaders.history(db, code)]), hide_index=True, width="stretch")
else:
    st.caption(t("ind.no_values", L))

st.subheader(t("ind.plan", L))
st.markdown(f"- {t('ind.baseline_line', L, text=ind.baseline.text or '—', source=ind.source)}")
lines = []
for tg in ind.targets:
    rule = f"{tg.rule} {number(tg.value)}" if tg.value is not None else tg.rule
    line = t("ind.target_line", L, year=tg.year, text=tg.text, rule=rule, source=tg.source)
    lines.append(f"• {line}" + (f"（{tg.note}）" if tg.note else ""))
st.text("\n".join(lines))  # an assigned target's 文号 is staff text: plain, never Markdown
st.markdown(f"- {t('ind.measure', L, measure=t(f'measure.{ind.measure}', L))}")

st.subheader(t("ind.flags", L))
flags = [f for f in loaders.flags(db) if f.id in ind.flags]
if flags:
    st.dataframe(pd.DataFrame([{
        t("col.flag", L): f.id, t("col.literal", L): f.literal, t("col.problem", L): f.problem,
        t("col.reading", L): f.reading, t("col.flag_status", L): f.status,
    } for f in flags]), hide_index=True, width="stretch")
else:
    st.caption(t("ind.no_flags", L))
