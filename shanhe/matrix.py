"""The traffic-light matrix as an HTML table: light, label, value, target, trend, sparkline, link.

Built here (not with st.dataframe) so that each indicator's name is a plain link to its
page, carrying the view's URL state, and so binding rows and lights can be styled.
Every value is HTML-escaped.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Callable, Mapping, Sequence
from urllib.parse import urlencode

from shanhe.formatting import indicator_name, status_text, target_cell, trend_text, verdict_cell, with_unit
from shanhe.i18n import Lang, t
from shanhe.overview import OverviewRow
from shanhe.progress import Point
from shanhe.rules import LIGHT_COLOURS, LIGHT_INK
from shanhe.svg import sparkline

CSS = """
<style>
.sh-matrix {border-collapse: collapse; width: 100%; font-size: 0.95em}
.sh-matrix th {text-align: left; border-bottom: 2px solid #999; padding: 4px 6px; white-space: nowrap}
.sh-matrix th.wrap {white-space: normal}
.sh-matrix td {border-bottom: 1px solid #ddd; padding: 4px 6px; vertical-align: middle}
.sh-matrix td.name {min-width: 8.5em}
.sh-matrix td.nowrap {white-space: nowrap}
.sh-matrix td.target {min-width: 7.5em}
@media (max-width: 1300px) {.sh-matrix {font-size: 0.88em} .sh-matrix td, .sh-matrix th {padding: 4px 4px}}
.sh-matrix tr.binding td:first-child {border-left: 5px solid #000}
.sh-matrix .badge {font-size: 0.8em; padding: 1px 6px; border-radius: 8px; border: 1px solid #555; white-space: nowrap}
.sh-matrix .badge.binding {background: #000; color: #fff}
.sh-matrix .light {display: inline-block; padding: 1px 8px; border-radius: 10px; font-weight: 700;
                   word-break: keep-all}
.sh-matrix .behind {display: block; font-size: 0.8em; font-weight: 700; margin-top: 2px; white-space: normal}
.sh-matrix .stale {display: block; font-size: 0.8em; white-space: normal}
.sh-matrix a {text-decoration: none}
.stHtml .sh-matrix a {color: #244FB4}  /* in st.html no markdown style applies: Streamlit's link colour */
</style>
"""


def sparkline_svg(points: Sequence[Point]) -> str:
    return sparkline([(p.year, p.value) for p in points])


def sparkline_img(points: Sequence[Point]) -> str:
    """The sparkline as an image (a data: URI), which ``st.html``'s sanitiser keeps and inline SVG it drops."""
    svg = sparkline_svg(points)
    if not svg:
        return ""
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f'<img src="data:image/svg+xml;base64,{data}" width="90" height="24" alt="">'


def indicator_link(code: str, params: Mapping[str, str]) -> str:
    """Relative link to the indicator page, keeping the view's URL state (language, year, …)."""
    return "indicator?" + urlencode({"code": code, **params})


def dashboard_links(params: Mapping[str, str]) -> Callable[[str], str]:
    """Links from the matrix into the dashboard's indicator page, with the view's URL state."""
    return lambda code: indicator_link(code, params)


def matrix_html(
    rows: Sequence[OverviewRow], lang: Lang, link: Callable[[str], str], verdict_year: int | None = None
) -> str:
    """The light table; with ``verdict_year`` a column for that year's verdicts (2025年目标完成情况).
    ``link`` gives each indicator's page (the dashboard's, or the static edition's)."""
    e = html.escape
    head = [
        t("col.seq", lang),
        t("col.name", lang),
        t("col.status", lang),
        t("col.attribute", lang),
        t("col.latest", lang),
        t("col.latest_year", lang),
        t("col.target", lang),
    ]
    cells_head = [f"<th>{e(h)}</th>" for h in head]
    if verdict_year is not None:  # the long "2025年目标完成情况" may wrap
        cells_head.append(f'<th class="wrap">{e(t("col.verdict", lang, year=verdict_year))}</th>')
    cells_head += [f"<th>{e(t('col.trend', lang))}</th>", "<th></th>"]
    out = [CSS, '<table class="sh-matrix"><thead><tr>', *cells_head, "</tr></thead><tbody>"]
    for r in rows:
        a, ind = r.assessment, r.indicator
        tint = LIGHT_COLOURS[a.light][1]
        attribute = a.attribute or "none"
        badge = f'<span class="badge {e(attribute)}">{e(t(f"attribute.{attribute}", lang))}</span>'
        # the light in its strong colour as a badge (icon + words); the pale tint only behind it
        status = (
            f'<span class="light" style="background:{LIGHT_COLOURS[a.light][0]};color:{LIGHT_INK[a.light]}">'
            f"{e(status_text(a.label_code, False, lang)).replace(' ', '&nbsp;', 1)}</span>"  # icon stays with its word
        )
        if a.binding_behind:
            status += f'<span class="behind">⚠ {e(t("binding_behind", lang))}</span>'
        if a.stale:
            status += f'<span class="stale">{e(t("status.stale", lang))}</span>'
        latest = with_unit(a.value, a.unit, lang) if a.value is not None else t("overview.no_data", lang)
        target = next((tg for tg in ind.targets_in(a.region) if tg.year == a.target_year), None)
        cells = [
            f"<td>{e(str(a.seq or ''))}</td>",
            f'<td class="name"><a href="{e(link(a.code))}" target="_self">{e(indicator_name(ind, lang))}</a></td>',
            f'<td class="status" style="background:{tint}">{status}</td>',
            f"<td>{badge}</td>",
            f'<td class="nowrap">{e(latest)}</td>',
            f"<td>{e(str(a.year or ''))}</td>",
            f'<td class="target">{e(target_cell(a.target_year, target, a.unit, lang))}</td>',
        ]
        if verdict_year is not None:
            cells.append(f"<td>{e(verdict_cell(r.verdict, a.unit, lang))}</td>")
        cells += [
            f'<td class="nowrap">{e(trend_text(a.trend, a.trend_improving, lang))}</td>',
            f"<td>{sparkline_img(a.series)}</td>",
        ]
        out.append(f'<tr class="{e(attribute)}" data-code="{e(a.code)}">{"".join(cells)}</tr>')
    out.append("</tbody></table>")
    return "".join(out)
