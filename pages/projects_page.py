"""重点工程: the 11 projects of 附表1 as a Gantt chart with milestones, overdue ones first, and details."""

import pandas as pd
import streamlit as st

from shanhe import charts, clock
from shanhe.entry.milestones import latest_updates
from shanhe.i18n import t
from shanhe.schedule import past_due_table, project_status
from shanhe.ui import loaders, urlstate
from shanhe.ui.figures import draw
from shanhe.ui.layout import page_header
from shanhe.ui.session import is_sample, lang, store

L = lang()
db = store()
done, noted = loaders.completions(db), loaders.recorded(db)
projects = loaders.projects(db)
today = clock.today()
units = sorted({p.lead_unit for p in projects})
urlstate.choices("unit", units)
urlstate.choice("project", [p.id for p in projects], projects[0].id)

page_header(db)
st.title(t("proj.title", L, table=loaders.plan(db).project_table.label(L)))
chosen = st.multiselect(t("proj.unit_filter", L), units, key="unit", placeholder=t("ui.all", L), select_all=False)
statuses = [project_status(p, today, done, noted) for p in projects if not chosen or p.lead_unit in chosen]
st.caption(t("proj.status_note", L, today=today.isoformat()))
draw(charts.gantt_chart(loaders.plan(db), statuses, today, L, sample=is_sample(db)), "gantt")

st.subheader(t("proj.overdue", L))
header, late = past_due_table(statuses, L)
if late:
    # the two long text columns share the width, so no column is pushed out of view at 1280 px
    wide = {name: st.column_config.TextColumn(width="medium") for name in header[1:3]}
    st.dataframe(pd.DataFrame(late, columns=header), hide_index=True, width="stretch", column_config=wide)
else:
    st.caption(t("proj.none_overdue", L))

st.subheader(t("proj.detail", L))
by_id = {p.id: p for p in projects}
pid = st.selectbox(t("col.project", L), list(by_id), key="project", format_func=lambda i: by_id[i].name)
urlstate.write({"unit": (chosen, []), "project": (pid, projects[0].id)})
detail = project_status(by_id[pid], today, done, noted)
p = detail.project
st.markdown(f"**{p.name}** — {t('status.' + detail.status, L)}")
st.markdown(
    f"- {t('proj.group', L)}：{p.group} / {p.subgroup}\n"
    f"- {t('proj.period', L)}：{p.start_year}–{p.end_year}\n"
    f"- {t('proj.investment', L)}：{p.investment}\n"
    f"- {t('proj.lead', L)}：{p.lead_unit}\n"
    f"- {t('col.source', L)}：{p.source}"
)
st.markdown(f"**{t('proj.overview', L)}**：{p.overview}")
st.markdown(f"**{t('proj.milestones', L)}**")
updates = latest_updates(db)
st.dataframe(
    pd.DataFrame(
        [
            {
                t("col.milestone", L): m.milestone.title,
                t("col.due", L): m.milestone.due.isoformat(),
                t("col.due_text", L): m.milestone.due_text,
                t("col.basis", L): t(f"basis.{m.milestone.basis}", L),
                t("col.flag_status", L): t(f"status.{m.status}", L),
                t("col.source", L): m.milestone.source,
                t("ms.note", L): updates[m.milestone.id].note or "" if m.milestone.id in updates else "",
                t("col.evidence", L): updates[m.milestone.id].evidence_link or "" if m.milestone.id in updates else "",
            }
            for m in detail.milestones
        ]
    ),
    hide_index=True,
    width="stretch",
)
