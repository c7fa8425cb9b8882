"""The light strip: what a leader reads in ten seconds, with no chart library (so it shows first).

Shared by the overview page, presenter mode and the static edition. API::

    strip_html(summary, rows, lang, link) -> str          # one HTML block (presenter mode, static edition)
    strip_parts(summary, rows, lang, link) -> StripParts  # the overview's: plain markdown where it can be

``summary``/``rows`` come from ``shanhe.overview.build_overview``; ``link(code)`` gives an indicator's page.
The HTML block's outer element carries the class ``shanhe-strip`` (browser tests find it by it); every text is
escaped. Why two forms: Streamlit draws a raw-HTML markdown only once its raw-HTML plugin has arrived, which
it fetches after the first paint behind every other script chunk of the page; plain markdown (``:color[…]``
spans) draws in the first paint. Only the lines with links stay HTML (markdown links open a new tab).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from shanhe.formatting import indicator_name
from shanhe.i18n import Lang, t
from shanhe.overview import OverviewRow
from shanhe.rules import LABELS, LIGHT_COLOURS, LIGHT_ICONS, LIGHT_INK, VERDICT_LABELS
from shanhe.summary import ATTRIBUTES, VERDICT_GROUPS, Summary

LIGHT_ORDER = ("green", "amber", "red", "grey")
#: Verdicts the strip counts (pending and qualitative ones say nothing about the year's result).
STRIP_VERDICTS = ("met", "missed", "no_data", "no_base", "awaiting")
#: How strongly a zero count is drawn (its colours faded towards white), so the lights that count stand out.
ZERO_OPACITY = 0.45

NAMES_CSS = """<style>
.sh-names {font-size: 0.95rem}
.sh-names a {margin-right: 0.5em; white-space: nowrap}
</style>"""
CSS = f"""
<style>
.shanhe-strip {{display: flex; flex-wrap: wrap; gap: 8px 28px; align-items: flex-start; margin: 4px 0 8px;
               line-height: 1.3}}
.shanhe-strip .sh-group {{min-width: 0}}
.shanhe-strip .sh-group-title {{font-weight: 700; font-size: 1rem; margin-bottom: 4px}}
.shanhe-strip .sh-tiles {{display: flex; gap: 6px}}
.shanhe-strip .sh-tile {{min-width: 4.6em; padding: 4px 10px 6px; border-radius: 6px; text-align: center}}
.shanhe-strip .sh-tile b {{display: block; font-size: 2.2rem; line-height: 1.1}}
.shanhe-strip .sh-tile span {{font-size: 0.95rem; font-weight: 700; white-space: nowrap}}
.shanhe-strip .sh-tile.sh-zero {{opacity: {ZERO_OPACITY}}}
.shanhe-strip .sh-names {{flex: 1 1 100%}}
.shanhe-strip .sh-verdicts {{flex: 1 1 100%; font-size: 0.95rem}}
.shanhe-strip .sh-vgroup {{display: inline-block; white-space: nowrap}}
.shanhe-strip .sh-chip {{display: inline-block; padding: 1px 8px; margin: 0 4px 2px 0; border-radius: 10px;
                        font-weight: 700; white-space: nowrap}}
</style>
{NAMES_CSS}"""


@dataclass(frozen=True)
class Chip:
    """One coloured count: a light's tile, or a verdict's chip."""

    key: str  # the light, or the verdict code
    light: str
    icon: str
    word: str
    count: int


@dataclass(frozen=True)
class StripParts:
    """The overview's strip as markdown: a (title, tiles) row per attribute, a line on the binding indicators
    behind (``(body, is_html)``: HTML when it has links), the verdict groups under their title, and the HTML line
    of the missed ones."""

    groups: list[tuple[str, str]]
    behind: tuple[str, bool]
    verdicts: tuple[str, list[str]] | None
    missed: str | None


def attribute_lights(summary: Summary, attribute: str) -> dict[str, int]:
    """表2-1 indicators of one attribute per light (the summary counts labels; several labels share a light)."""
    by_light = dict.fromkeys(LIGHT_ORDER, 0)
    for code, n in summary.by_attribute.get(attribute, {}).items():
        by_light[LABELS[code].light] += n
    return by_light


def _groups(summary: Summary, lang: Lang) -> list[tuple[str, str, list[Chip]]]:
    """(attribute, title, tiles) per attribute."""
    out = []
    for attribute in ATTRIBUTES:
        counts = attribute_lights(summary, attribute)
        title = t("strip.group", lang, attribute=t(f"attribute.{attribute}", lang), total=sum(counts.values()))
        tiles = [Chip(x, x, LIGHT_ICONS[x], t(f"light_name.{x}", lang), counts[x]) for x in LIGHT_ORDER]
        out.append((attribute, title, tiles))
    return out


def _verdict_groups(summary: Summary, lang: Lang) -> list[tuple[str, list[Chip]]]:
    """(group name, chips) per verdict group with any counted verdict."""
    out = []
    for group in VERDICT_GROUPS:
        counts = summary.verdicts.get(group, {})
        chips = [
            Chip(code, v.light, v.icon, t(f"verdict.{code}", lang), counts[code])
            for code, v in VERDICT_LABELS.items()
            if code in STRIP_VERDICTS and counts.get(code)
        ]
        if chips:
            name = t(f"attribute.{group}", lang) if group != "supplementary" else t("summary.supplementary", lang)
            out.append((name, chips))
    return out


def _binding(rows: Sequence[OverviewRow]) -> list[OverviewRow]:
    return [r for r in rows if r.assessment.seq is not None and r.assessment.attribute == "binding"]


def _missed(rows: Sequence[OverviewRow]) -> list[OverviewRow]:
    return [r for r in _binding(rows) if r.verdict is not None and r.verdict.verdict == "missed"]


def names_html(title: str, rows: Sequence[OverviewRow], lang: Lang, link: Callable[[str], str]) -> str:
    """A line of indicator names, each a link opening in the same tab."""
    e = html.escape
    links = " ".join(  # spaces between the links: a line can break there
        f'<a href="{e(link(r.indicator.code))}" target="_self">{e(indicator_name(r.indicator, lang))}</a>' for r in rows
    )
    return f'<div class="sh-names"><b>{e(title)}</b>{links}</div>'


# ---- one HTML block -------------------------------------------------------------------------------------------


def _tile(tile: Chip) -> str:
    colour, ink = LIGHT_COLOURS[tile.light][0], LIGHT_INK[tile.light]
    zero = " sh-zero" if tile.count == 0 else ""
    return (
        f'<div class="sh-tile sh-{tile.light}{zero}" data-light="{tile.light}" style="background:{colour};color:{ink}">'
        f"<b>{tile.count}</b><span>{tile.icon} {html.escape(tile.word)}</span></div>"
    )


def _verdicts_html(summary: Summary, year: int, lang: Lang) -> str:
    e = html.escape
    groups = [
        f'<span class="sh-vgroup">{e(name)} '  # a group breaks as a whole
        + "".join(
            f'<span class="sh-chip" style="background:{LIGHT_COLOURS[c.light][0]};color:{LIGHT_INK[c.light]}">'
            f"{c.icon} {e(c.word)} {c.count}</span>"
            for c in chips
        )
        + "</span>"
        for name, chips in _verdict_groups(summary, lang)
    ]
    return f'<div class="sh-verdicts"><b>{e(t("strip.verdicts", lang, year=year))}</b> {"　".join(groups)}</div>'


def strip_html(summary: Summary, rows: Sequence[OverviewRow], lang: Lang, link: Callable[[str], str]) -> str:
    """Coloured counts per light for binding and expected indicators, the binding indicators behind or
    missed (links), and the verdict counts of the latest target year once it has come."""
    e = html.escape
    parts = [CSS, '<div class="shanhe-strip">']
    for attribute, title, tiles in _groups(summary, lang):
        parts.append(
            f'<div class="sh-group" data-attribute="{attribute}"><div class="sh-group-title">{e(title)}</div>'
            f'<div class="sh-tiles">{"".join(_tile(x) for x in tiles)}</div></div>'
        )
    behind = [r for r in _binding(rows) if r.assessment.binding_behind]
    parts.append(
        names_html(t("strip.behind", lang), behind, lang, link)
        if behind
        else f'<div class="sh-names">{e(t("summary.binding_behind_none", lang))}</div>'
    )
    if summary.verdict_year is not None:
        parts.append(_verdicts_html(summary, summary.verdict_year, lang))
        if missed := _missed(rows):
            parts.append(names_html(t("strip.missed", lang, year=summary.verdict_year), missed, lang, link))
    parts.append("</div>")
    return "".join(parts)


# ---- plain markdown (the overview) ----------------------------------------------------------------------------


def md(text: str) -> str:
    """Text for markdown: ASCII punctuation escaped, so no text becomes markup, a directive or an emoji code."""
    return re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", text)


def _faded(colour: str) -> str:
    """``colour`` drawn at ZERO_OPACITY over white (markdown spans take no opacity)."""
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c * ZERO_OPACITY + 255 * (1 - ZERO_OPACITY)):02X}" for c in rgb)


def _span(body: str, chip: Chip) -> str:
    background, ink = LIGHT_COLOURS[chip.light][0], LIGHT_INK[chip.light].upper()
    if chip.count == 0:
        background, ink = _faded(background), _faded(ink)
    return f':color[{body}]{{foreground="{ink}" background="{background}"}}'


def _tile_md(tile: Chip) -> str:
    space = "\u2002"  # an en space: kept at the edges of the span, where markdown would drop a plain one
    return _span(f"{space}{tile.count} :small[**{md(tile.icon)} {md(tile.word)}**]{space}", tile)


def _names_line(title: str, rows: Sequence[OverviewRow], lang: Lang, link: Callable[[str], str]) -> str:
    return NAMES_CSS + names_html(title, rows, lang, link)


def strip_parts(summary: Summary, rows: Sequence[OverviewRow], lang: Lang, link: Callable[[str], str]) -> StripParts:
    """The strip of ``strip_html`` as plain markdown (coloured tiles in a heading, verdict chips), with only the
    lines of links as HTML."""
    groups = [
        (f"**{md(title)}**", "## " + " ".join(_tile_md(x) for x in tiles)) for _, title, tiles in _groups(summary, lang)
    ]
    behind = [r for r in _binding(rows) if r.assessment.binding_behind]
    verdicts, missed = None, None
    if (year := summary.verdict_year) is not None:
        verdicts = (
            f"**{md(t('strip.verdicts', lang, year=year))}**",
            [
                f"{md(name)} " + " ".join(_span(f"**{md(c.icon)} {md(c.word)} {c.count}**", c) for c in chips)
                for name, chips in _verdict_groups(summary, lang)
            ],
        )
        if missed_rows := _missed(rows):
            missed = _names_line(t("strip.missed", lang, year=year), missed_rows, lang, link)
    return StripParts(
        groups,
        (_names_line(t("strip.behind", lang), behind, lang, link), True)
        if behind
        else (md(t("summary.binding_behind_none", lang)), False),
        verdicts,
        missed,
    )
