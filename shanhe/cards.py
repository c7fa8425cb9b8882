"""Indicator cards: one small box per indicator, in a grid that reflows with the screen width.

For pages where a wide table would not fit beside others (一山一河一流域): the light in its strong colour
with icon and words, the name as a link, the latest value, the target and a sparkline. Escaped throughout.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence

from shanhe.formatting import indicator_name, status_text, target_cell, with_unit
from shanhe.i18n import Lang, t
from shanhe.matrix import sparkline_svg
from shanhe.overview import OverviewRow
from shanhe.rules import LIGHT_COLOURS, LIGHT_INK
from shanhe.schedule import STATUS_COLOURS, ProjectStatus

CSS = """
<style>
.sh-cards {display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: 10px; margin: 6px 0 12px}
.sh-card {border: 1px solid #ccc; border-radius: 6px; padding: 8px 10px; background: #fff; min-width: 0}
.sh-card .sh-light {display: inline-block; padding: 1px 8px; border-radius: 10px; font-weight: 700;
                    font-size: 0.85rem; white-space: nowrap}
.sh-card .sh-name {display: block; font-weight: 700; margin: 4px 0 2px; line-height: 1.35; text-decoration: none}
.sh-card .sh-value {font-size: 1.25rem; font-weight: 700}
.sh-card .sh-target {font-size: 0.85rem; color: #333; line-height: 1.35}
.sh-card.binding {border-left: 5px solid #000}
.sh-figures {display: flex; flex-wrap: wrap; gap: 8px 40px; margin: 4px 0 12px}
.sh-figures div {min-width: 0}
.sh-figures span {display: block; font-size: 0.9rem; color: #333}
.sh-figures b {display: block; font-size: 1.6rem; line-height: 1.25; overflow-wrap: anywhere}
.sh-table {border-collapse: collapse; width: 100%; font-size: 0.9rem; margin: 4px 0 14px}
.sh-table th {text-align: left; background: #f0f2f6; border-bottom: 2px solid #999; padding: 4px 8px;
              white-space: nowrap}
.sh-table td {border-bottom: 1px solid #ddd; padding: 4px 8px; vertical-align: top; overflow-wrap: anywhere}
.sh-table td.short {white-space: nowrap}
.sh-projects {display: flex; flex-wrap: wrap; gap: 6px; margin: 6px 0 12px; padding: 0; list-style: none}
.sh-projects li {border: 1px solid #ccc; border-radius: 6px; padding: 4px 10px; background: #fff}
.sh-projects .sh-dot {display: inline-block; width: 0.8em; height: 0.8em; border-radius: 2px; margin-right: 6px;
                      border: 1px solid #555; vertical-align: -1px}
</style>
"""


def indicator_cards(rows: Sequence[OverviewRow], lang: Lang, link: Callable[[str], str]) -> str:
    e = html.escape
    out = [CSS, '<div class="sh-cards">']
    for r in rows:
        a, ind = r.assessment, r.indicator
        colour, ink = LIGHT_COLOURS[a.light][0], LIGHT_INK[a.light]
        latest = with_unit(a.value, a.unit, lang) if a.value is not None else t("overview.no_data", lang)
        year = f"（{a.year}）" if a.year else ""
        target = next((tg for tg in ind.targets_in(a.region) if tg.year == a.target_year), None)
        out.append(
            f'<div class="sh-card {e(a.attribute or "none")}" data-code="{e(a.code)}">'
            f'<span class="sh-light" style="background:{colour};color:{ink}">'
            f"{e(status_text(a.label_code, a.binding_behind, lang))}</span>"
            f'<a class="sh-name" href="{e(link(a.code))}" target="_self">{e(indicator_name(ind, lang))}</a>'
            f'<span class="sh-value">{e(latest)}</span>{e(year)} {sparkline_svg(a.series)}'
            f'<div class="sh-target">{e(target_cell(a.target_year, target, a.unit, lang))}</div></div>'
        )
    out.append("</div>")
    return "".join(out)


def project_chips(statuses: Sequence[ProjectStatus], lang: Lang) -> str:
    """Projects with their status as a colour square and words."""
    e = html.escape
    items = "".join(
        f'<li><span class="sh-dot" style="background:{STATUS_COLOURS[s.status]}"></span>{e(s.project.name)} · '
        f"<b>{e(t(f'status.{s.status}', lang))}</b></li>"
        for s in statuses
    )
    return f'{CSS}<ul class="sh-projects">{items}</ul>'


def figures_row(items: Sequence[tuple[str, str]]) -> str:
    """Labelled key figures side by side; a long value wraps instead of being cut ('-0.08 亿立…')."""
    e = html.escape
    cells = "".join(f"<div><span>{e(label)}</span><b>{e(value)}</b></div>" for label, value in items)
    return f'{CSS}<div class="sh-figures">{cells}</div>'


def text_table(
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    short: Sequence[int] = (),
    widths: Mapping[int, str] | None = None,
) -> str:
    """A table that grows with its text instead of cutting cells or scrolling inside itself (plan texts, worked
    examples). ``short``: columns kept on one line (years, codes); ``widths``: column → CSS width, which fixes the
    layout (long texts then share the width as given, instead of squeezing a column to a few characters).
    Every cell is escaped and kept on its own lines, so no cell text is ever read as Markdown or HTML."""
    e = html.escape
    cols = ""
    if widths:
        cols = "<colgroup>" + "".join(f'<col style="width:{widths.get(n, "auto")}">' for n in range(len(header)))
        cols += "</colgroup>"

    def cell(n: int, value: object) -> str:
        css = ' class="short"' if n in short else ""
        return f"<td{css}>{e(str(value)).replace(chr(10), '<br>')}</td>"

    head = "".join(f"<th>{e(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(cell(n, c) for n, c in enumerate(row)) + "</tr>" for row in rows)
    fixed = ' style="table-layout:fixed"' if widths else ""
    return f'{CSS}<table class="sh-table"{fixed}>{cols}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
