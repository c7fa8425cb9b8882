"""演示: one topic per screen sized to the screen, large type, keys and buttons to move, a footer with the plan
and the data date."""

import html

import pandas as pd
import streamlit as st

from shanhe import charts, clock
from shanhe.formatting import local_time
from shanhe.i18n import t
from shanhe.matrix import dashboard_links, matrix_html
from shanhe.messages import text
from shanhe.overview import verdict_counts
from shanhe.schedule import project_status
from shanhe.slides import running_order
from shanhe.strip import strip_html
from shanhe.ui import loaders, urlstate
from shanhe.ui.layout import page_header
from shanhe.ui.present import fitted_chart, keyboard_and_footer
from shanhe.ui.session import app_params, is_sample, lang, store

L = lang()
db = store()
plan = loaders.plan(db)
done = loaders.completions(db)
view = loaders.overview(db, plan.default_region)
indicators = loaders.indicators(db)
sample = is_sample(db)
links = dashboard_links({**app_params(), "year": str(view.year)})
rows = {r.assessment.code: r for r in view.rows}
themes = {th.key: th for th in loaders.themes(db)}
SLIDES = running_order(plan, view, list(themes.values()))
urlstate.choice("slide", list(range(1, len(SLIDES) + 1)), 1)


def move(to: int) -> None:
    st.session_state["slide"] = min(len(SLIDES), max(1, to))


def reason(line: str) -> None:
    st.html(f'<p class="sh-reason">{html.escape(line)}</p>')


page_header(db)
n = st.session_state["slide"]
slide = SLIDES[n - 1]
if slide.kind == "summary":
    st.title(t("present.summary", L, year=view.year))
    st.markdown(strip_html(view.summary, view.rows, L, links), unsafe_allow_html=True)
elif slide.kind == "verdicts":
    st.title(t("report.verdicts", L, year=view.verdict_year))
    header, counts = verdict_counts(view.summary, L)
    st.dataframe(pd.DataFrame(counts, columns=header), hide_index=True, width="stretch")
    for line in view.summary.sentences:
        if line.key.startswith("summary.binding_missed"):
            reason(text(line, L))
elif slide.kind == "chart":
    a = rows[slide.topic].assessment
    figure = charts.progress_chart(indicators[slide.topic], a, L, sample=sample, large=True)
    fitted_chart(figure, f"slide-{slide.topic}", reserve_rem=11)
    reason(text(a.reason, L))
elif slide.kind == "projects":
    today = clock.today()
    statuses = [project_status(p, today, done) for p in loaders.projects(db)]
    fitted_chart(charts.gantt_chart(plan, statuses, today, L, large=True, sample=sample), "slide-projects", 9.5)
else:
    if slide.topic == "supplementary":
        title = t("overview.supplementary", L, table=plan.indicator_table.label(L))
    elif slide.topic in themes:
        title = f"{themes[slide.topic].name}（{themes[slide.topic].scope}）"
    else:
        title = plan.category(slide.topic).label(L)
    if slide.parts > 1:
        title = t("present.part", L, title=title, part=slide.part, parts=slide.parts)
    st.title(title)
    st.markdown(matrix_html([rows[c] for c in slide.codes], L, links, view.verdict_year), unsafe_allow_html=True)

first, prev, nxt, _, leave = st.columns([1, 1, 1, 2, 1])
first.button(t("present.first", L), on_click=move, args=(1,), disabled=n == 1, key="first")
prev.button(t("present.prev", L), on_click=move, args=(n - 1,), disabled=n == 1, key="prev")
nxt.button(t("present.next", L), on_click=move, args=(n + 1,), disabled=n == len(SLIDES), key="next")
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
keyboard_and_footer(html.escape(footer))
