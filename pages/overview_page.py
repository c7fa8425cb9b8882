"""总览: a compact year box, the light strip (text, drawn before any chart), the two headline charts, the
summary and the target-year verdicts folded, and the light matrix with filters."""

import pandas as pd
import streamlit as st

from shanhe import clock
from shanhe.formatting import local_time
from shanhe.i18n import t
from shanhe.matrix import dashboard_links, matrix_html
from shanhe.messages import text
from shanhe.overview import verdict_counts, verdict_table
from shanhe.summary import ATTRIBUTES
from shanhe.ui import first_screen, loaders, urlstate
from shanhe.ui.figures import draw
from shanhe.ui.layout import page_header
from shanhe.ui.session import app_params, is_sample, lang, store
from shanhe.ui.strip import draw_strip

LIGHTS = ("green", "amber", "red", "grey")

L = lang()
db = store()
plan = loaders.plan(db)
years = plan.shown_years(clock.current_year())
region = plan.default_region
latest = loaders.overview(db, region)  # default year: the latest with data
urlstate.choice("ov_year", years, latest.year, param="year")
urlstate.choices("cat", plan.category_names)
urlstate.choices("attr", ATTRIBUTES)
urlstate.choices("light", LIGHTS)

page_header(db)
head, pick = st.columns([5, 1], vertical_alignment="bottom")
head.title(t("overview.title", L))
year = st.session_state["ov_year"]  # the box itself is drawn after the strip (below)
in_table = sum(1 for r in latest.rows if r.assessment.seq is not None)
batch = loaders.latest_batch(db)
caption = t(
    "overview.caption",
    L,
    number=plan.document_number,
    title=plan.short_title,
    table=plan.indicator_table.label(L),
    count=in_table,
    supplementary=len(latest.rows) - in_table,
)
as_of = t("overview.data_as_of", L, when=local_time(batch.created_at), batch=batch.id) if batch else ""
st.caption(f"{caption} {as_of or t('overview.no_imports', L)}")

view = loaders.overview(db, region, year)
links = {**app_params(), "year": str(year)}
# The strip is plain markdown in Streamlit's own containers: it draws in the first paint, waiting for no chart
# library and no raw-HTML plugin (shanhe/strip.py says why; benchmarks/pages.py times it). On a session's first
# visit the rest follows once the browser has painted it (first_screen says why).
draw_strip(view.summary, view.rows, L, dashboard_links(links))
first_screen.hold(first_screen.STRIP)
# The year box is the dearest element of the first frame (~0.04× a bare page in benchmarks/pages.py): it follows
# the strip into its place beside the title, which is as tall, so nothing moves.
pick.selectbox(t("overview.year", L), years, key="ov_year")

if plan.headline:
    sample = is_sample(db)
    for column, code in zip(st.columns(len(plan.headline)), plan.headline, strict=True):
        assessment = next(r.assessment for r in view.rows if r.assessment.code == code)
        draw(loaders.progress_figure(db, code, year, region, L, sample), f"headline-{code}", column)
        column.caption(text(assessment.reason, L))
    first_screen.hold(first_screen.CHARTS, until_chart=True)

with st.expander(t("overview.sentences", L)):
    st.markdown("\n".join(f"- {text(line, L)}" for line in view.summary.sentences))
if view.verdict_year is not None:
    with st.expander(t("overview.verdict_table", L, year=view.verdict_year)):
        st.caption(t("report.verdicts_note", L, year=view.verdict_year))
        header, rows = verdict_counts(view.summary, L)
        st.table(pd.DataFrame(rows, columns=header).set_index(header[0]))
        header, cells = verdict_table(view.rows, view.verdict_year, view.year, L)
        st.table(pd.DataFrame(cells, columns=header).set_index(header[0]))

st.subheader(t("overview.matrix", L))
f1, f2, f3 = st.columns(3)
cats = f1.multiselect(
    t("overview.filter_category", L),
    plan.category_names,
    key="cat",
    placeholder=t("ui.all", L),
    select_all=False,
    format_func=lambda c: plan.category(c).label(L),
)
attrs = f2.multiselect(
    t("overview.filter_attribute", L),
    ATTRIBUTES,
    key="attr",
    placeholder=t("ui.all", L),
    select_all=False,
    format_func=lambda a: t(f"attribute.{a}", L),
)
lights = f3.multiselect(
    t("overview.filter_light", L),
    LIGHTS,
    key="light",
    placeholder=t("ui.all", L),
    select_all=False,
    format_func=lambda c: t(f"light.{c}", L),
)
urlstate.write({"year": (year, latest.year), "cat": (cats, []), "attr": (attrs, []), "light": (lights, [])})

# The light tables go through st.html, not raw-HTML markdown: redrawing ~45 KB of HTML when the markdown's plugin
# arrives held up everything drawn in that batch, the strip's links too (sparklines are images, which st.html keeps).
shown = 0
for category in plan.categories:
    if cats and category.name not in cats:
        continue
    part = [
        r
        for r in view.rows
        if r.assessment.category == category.name
        and r.assessment.seq is not None
        and (not attrs or r.assessment.attribute in attrs)
        and (not lights or r.assessment.light in lights)
    ]
    if part:
        st.markdown(f"#### {category.label(L)}")
        st.html(matrix_html(part, L, dashboard_links(links), view.verdict_year))
        shown += len(part)

supplementary = [
    r
    for r in view.rows
    if r.assessment.seq is None
    and not attrs
    and (not cats or r.assessment.category in cats)
    and (not lights or r.assessment.light in lights)
]
if supplementary:
    st.subheader(t("overview.supplementary", L, table=plan.indicator_table.label(L)))
    st.html(matrix_html(supplementary, L, dashboard_links(links), view.verdict_year))
if not shown and not supplementary:
    st.info(t("overview.filtered_out", L))
