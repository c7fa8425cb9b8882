"""演示: one topic per screen, large type, previous/next, and a footer with the plan and data date."""

import pandas as pd
import streamlit as st

from shanhe import charts, clock
from shanhe.formatting import local_time
from shanhe.i18n import t
from shanhe.matrix import dashboard_links, matrix_html
from shanhe.messages import text
from shanhe.overview import verdict_counts
from shanhe.schedule import project_status
from shanhe.ui import loaders, urlstate
from shanhe.ui.layout import page_header
from shanhe.ui.session import app_params, is_sample, lang, store

L = lang()
db = store()
plan = loaders.plan(db)
done = loaders.completions(db)
view = loaders.overview(db, plan.default_region)
indicators = loaders.indicators(db)
themes = loaders.themes(db)
sample = is_sample(db)
links = {**app_params(), "year": str(view.year)}
rows = {r.assessment.code: r for r in view.rows}

VERDICTS = ["verdicts"] if view.verdict_year is not None else []
SLIDES = [
    "summary",
    *VERDICTS,
    *plan.headline,
    *plan.category_names,
    "supplementary",
    "projects",
    *(th.key for th in themes),
]
urlstate.choice("slide", list(range(1, len(SLIDES) + 1)), 1)


def move(step: int) -> None:
    st.session_state["slide"] = min(len(SLIDES), max(1, st.session_state["slide"] + step))


page_header(db)
n = st.session_state["slide"]
topic = SLIDES[n - 1]
if topic == "summary":
    st.title(t("present.summary", L, year=view.year))
    for line in view.summary.sentences:
        st.markdown(f"### {text(line, L)}")
elif topic == "verdicts":
    st.title(t("report.verdicts", L, year=view.verdict_year))
    header, counts = verdict_counts(view.summary, L)
    st.dataframe(pd.DataFrame(counts, columns=header), hide_index=True, width="stretch")
    for line in view.summary.sentences:
        if line.key.startswith("summary.binding_missed"):
            st.markdown(f"### {text(line, L)}")
elif topic in indicators:
    a = rows[topic].assessment
    st.plotly_chart(
        charts.progress_chart(indicators[topic], a, L, sample=sample, large=True),
        config=charts.PNG_CONFIG,
        height=720,
        key=f"slide-{topic}",
    )
    st.markdown(f"### {text(a.reason, L)}")
elif topic in plan.category_names or topic == "supplementary":
    part = [
        r
        for r in view.rows
        if (
            r.assessment.seq is None
            if topic == "supplementary"
            else r.assessment.category == topic and r.assessment.seq is not None
        )
    ]
    st.title(
        t("overview.supplementary", L, table=plan.indicator_table.label(L))
        if topic == "supplementary"
        else plan.category(topic).label(L)
    )
    st.markdown(matrix_html(part, L, dashboard_links(links), view.verdict_year), unsafe_allow_html=True)
elif topic == "projects":
    today = clock.today()
    statuses = [project_status(p, today, done) for p in loaders.projects(db)]
    st.plotly_chart(
        charts.gantt_chart(plan, statuses, today, L, large=True, sample=sample),
        config=charts.PNG_CONFIG,
        key="slide-projects",
    )
else:
    theme = next(th for th in themes if th.key == topic)
    st.title(f"{theme.name}（{theme.scope}）")
    st.markdown(
        matrix_html([rows[c] for c in theme.indicators], L, dashboard_links(links), view.verdict_year),
        unsafe_allow_html=True,
    )

prev, info, nxt, leave = st.columns([1, 3, 1, 1])
prev.button(t("present.prev", L), on_click=move, args=(-1,), disabled=n == 1, key="prev")
nxt.button(t("present.next", L), on_click=move, args=(1,), disabled=n == len(SLIDES), key="next")
if leave.button(t("present.exit", L), key="exit"):
    st.switch_page("pages/overview_page.py", query_params={"lang": "en"} if L == "en" else None)
urlstate.write({"slide": (n, 1)})
batch = loaders.latest_batch(db)
footer = t(
    "present.footer",
    L,
    number=loaders.meta(db, "plan_number"),
    title=loaders.meta(db, "plan_short_title"),
    when=local_time(batch.created_at) if batch else "—",
    n=n,
    total=len(SLIDES),
)
st.markdown(f'<div class="sh-footer">{footer}</div>', unsafe_allow_html=True)
