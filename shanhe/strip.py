"""The light strip: what a leader reads in ten seconds, as plain HTML (no chart library, so it shows first).

Shared by the overview page, presenter mode and the static edition. API::

    strip_html(summary, rows, lang, link) -> str

``summary``/``rows`` come from ``shanhe.overview.build_overview``; ``link(code)`` gives an indicator's page.
The outer element carries the class ``shanhe-strip`` (browser tests find it by it); every text is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from shanhe.formatting import indicator_name
from shanhe.i18n import Lang, t
from shanhe.overview import OverviewRow
from shanhe.rules import LABELS, LIGHT_COLOURS, LIGHT_ICONS, LIGHT_INK, VERDICT_LABELS
from shanhe.summary import ATTRIBUTES, VERDICT_GROUPS, Summary

LIGHT_ORDER = ("green", "amber", "red", "grey")
#: Verdicts the strip counts (pending and qualitative ones say nothing about the year's result).
STRIP_VERDICTS = ("met", "missed", "no_data", "no_base", "awaiting")

CSS = """
<style>
.shanhe-strip {display: flex; flex-wrap: wrap; gap: 8px 28px; align-items: flex-start; margin: 4px 0 8px;
               line-height: 1.3}
.shanhe-strip .sh-group {min-width: 0}
.shanhe-strip .sh-group-title {font-weight: 700; font-size: 1rem; margin-bottom: 4px}
.shanhe-strip .sh-tiles {display: flex; gap: 6px}
.shanhe-strip .sh-tile {min-width: 4.6em; padding: 4px 10px 6px; border-radius: 6px; text-align: center}
.shanhe-strip .sh-tile b {display: block; font-size: 2.2rem; line-height: 1.1}
.shanhe-strip .sh-tile span {font-size: 0.95rem; font-weight: 700; white-space: nowrap}
.shanhe-strip .sh-tile.sh-zero {opacity: 0.45}
.shanhe-strip .sh-names {flex: 1 1 100%; font-size: 0.95rem}
.shanhe-strip .sh-names a {margin-right: 0.5em; white-space: nowrap}
.shanhe-strip .sh-verdicts {flex: 1 1 100%; font-size: 0.95rem}
.shanhe-strip .sh-vgroup {display: inline-block; white-space: nowrap}
.shanhe-strip .sh-chip {display: inline-block; padding: 1px 8px; margin: 0 4px 2px 0; border-radius: 10px;
                        font-weight: 700; white-space: nowrap}
</style>
"""


def _tile(light: str, count: int, lang: Lang) -> str:
    colour, ink = LIGHT_COLOURS[light][0], LIGHT_INK[light]
    zero = " sh-zero" if count == 0 else ""
    return (
        f'<div class="sh-tile sh-{light}{zero}" data-light="{light}" style="background:{colour};color:{ink}">'
        f"<b>{count}</b><span>{LIGHT_ICONS[light]} {html.escape(t(f'light_name.{light}', lang))}</span></div>"
    )


def attribute_lights(summary: Summary, attribute: str) -> dict[str, int]:
    """表2-1 indicators of one attribute per light (the summary counts labels; several labels share a light)."""
    by_light = dict.fromkeys(LIGHT_ORDER, 0)
    for code, n in summary.by_attribute.get(attribute, {}).items():
        by_light[LABELS[code].light] += n
    return by_light


def _names(title: str, rows: Sequence[OverviewRow], lang: Lang, link: Callable[[str], str]) -> str:
    e = html.escape
    links = " ".join(  # spaces between the links: a line can break there
        f'<a href="{e(link(r.indicator.code))}" target="_self">{e(indicator_name(r.indicator, lang))}</a>' for r in rows
    )
    return f'<div class="sh-names"><b>{e(title)}</b>{links}</div>'


def _verdicts(summary: Summary, year: int, lang: Lang) -> str:
    e = html.escape
    groups = []
    for group in VERDICT_GROUPS:
        counts = summary.verdicts.get(group, {})
        if not counts:
            continue
        name = t(f"attribute.{group}", lang) if group != "supplementary" else t("summary.supplementary", lang)
        chips = "".join(
            f'<span class="sh-chip" style="background:{LIGHT_COLOURS[v.light][0]};color:{LIGHT_INK[v.light]}">'
            f"{v.icon} {e(t(f'verdict.{code}', lang))} {counts[code]}</span>"
            for code, v in VERDICT_LABELS.items()
            if code in STRIP_VERDICTS and counts.get(code)
        )
        groups.append(f'<span class="sh-vgroup">{e(name)} {chips}</span>')  # a group breaks as a whole
    title = t("strip.verdicts", lang, year=year)
    return f'<div class="sh-verdicts"><b>{e(title)}</b> {"　".join(groups)}</div>'


def strip_html(summary: Summary, rows: Sequence[OverviewRow], lang: Lang, link: Callable[[str], str]) -> str:
    """Coloured counts per light for binding and expected indicators, the binding indicators behind or
    missed (links), and the verdict counts of the latest target year once it has come."""
    e = html.escape
    parts = [CSS, '<div class="shanhe-strip">']
    for attribute in ATTRIBUTES:
        counts = attribute_lights(summary, attribute)
        title = t("strip.group", lang, attribute=t(f"attribute.{attribute}", lang), total=sum(counts.values()))
        tiles = "".join(_tile(light, counts[light], lang) for light in LIGHT_ORDER)
        parts.append(
            f'<div class="sh-group" data-attribute="{attribute}"><div class="sh-group-title">{e(title)}</div>'
            f'<div class="sh-tiles">{tiles}</div></div>'
        )
    table = [r for r in rows if r.assessment.seq is not None and r.assessment.attribute == "binding"]
    behind = [r for r in table if r.assessment.binding_behind]
    parts.append(
        _names(t("strip.behind", lang), behind, lang, link)
        if behind
        else f'<div class="sh-names">{e(t("summary.binding_behind_none", lang))}</div>'
    )
    if summary.verdict_year is not None:
        parts.append(_verdicts(summary, summary.verdict_year, lang))
        missed = [r for r in table if r.verdict is not None and r.verdict.verdict == "missed"]
        if missed:
            parts.append(_names(t("strip.missed", lang, year=summary.verdict_year), missed, lang, link))
    parts.append("</div>")
    return "".join(parts)
