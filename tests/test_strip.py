"""The overview's light strip: counts per light, the binding indicators behind or missed, the year's verdicts."""

from __future__ import annotations

import re

from shanhe.catalog import Catalog
from shanhe.matrix import dashboard_links
from shanhe.models import Observation
from shanhe.overview import build_overview
from shanhe.strip import attribute_lights, md, strip_html, strip_parts


def _obs(*rows: tuple[str, int, float]) -> list[Observation]:
    return [Observation(indicator_code=c, region="全区", year=y, value=v) for c, y, v in rows]


def _tiles(html: str, attribute: str) -> dict[str, int]:
    group = html.split(f'data-attribute="{attribute}"')[1].split("</div></div>")[0]
    return {light: int(n) for light, n in re.findall(r'data-light="(\w+)"[^>]*><b>(\d+)</b>', group)}


def test_strip_counts_lights_and_links_the_binding_indicators_behind(catalog: Catalog) -> None:
    view = build_overview(catalog.plan, list(catalog.indicators), _obs(("I07", 2024, 70.0)), "全区", 2024)
    html = strip_html(view.summary, view.rows, "zh", dashboard_links({"year": "2024"}))
    assert html.count('class="shanhe-strip"') == 1
    binding = _tiles(html, "binding")
    assert binding == attribute_lights(view.summary, "binding")
    assert binding["red"] == 1 and sum(binding.values()) == sum(view.summary.by_attribute["binding"].values())
    assert "约束性指标" in html and "■ 红灯" in html and "▲ 黄灯" in html
    # I07 is behind: named, with a link to its page
    assert '滞后的约束性指标：</b><a href="indicator?code=I07&amp;year=2024" target="_self">' in html
    assert "年目标完成情况" not in html  # no verdicts before 2025
    # strong colour and readable ink on the tile, never the pale tint
    assert 'style="background:#D55E00;color:#ffffff"><b>1</b>' in html
    assert "#F7DCCC" not in html


def test_strip_gives_the_verdicts_and_the_missed_binding_targets_from_2025(catalog: Catalog) -> None:
    view = build_overview(
        catalog.plan, list(catalog.indicators), _obs(("I07", 2024, 71.0), ("I07", 2025, 74.0)), "全区", 2025
    )
    html = strip_html(view.summary, view.rows, "en", lambda code: f"{code}.html")
    assert "2025 targets: " in html and "✖ Not met 1" in html
    assert 'missed their 2025 target: </b><a href="I07.html"' in html
    assert "No binding indicator is behind." in html


def test_strip_escapes_names_and_links(catalog: Catalog) -> None:
    view = build_overview(catalog.plan, list(catalog.indicators), _obs(("I07", 2024, 70.0)), "全区", 2024)
    html = strip_html(view.summary, view.rows, "zh", lambda code: f'"><script>{code}')
    assert "<script>" not in html and "&quot;&gt;&lt;script&gt;I07" in html


def _md_tiles(tiles: str) -> dict[str, int]:
    words = {"绿灯": "green", "黄灯": "amber", "红灯": "red", "灰灯": "grey"}
    return {words[w]: int(n) for n, w in re.findall(r"(\d+) :small\[\*\*. (\S+)\*\*\]", tiles)}


def test_the_overview_strip_is_plain_markdown_but_for_its_links(catalog: Catalog) -> None:
    """The overview's form draws in the first paint: tiles and chips are markdown ``:color`` spans, never HTML."""
    view = build_overview(catalog.plan, list(catalog.indicators), _obs(("I07", 2024, 70.0)), "全区", 2024)
    parts = strip_parts(view.summary, view.rows, "zh", dashboard_links({"year": "2024"}))
    (binding_title, binding), (expected_title, expected) = parts.groups
    assert binding_title == "**约束性指标 19 项**" and expected_title.startswith("**预期性指标")
    assert _md_tiles(binding) == attribute_lights(view.summary, "binding")
    assert _md_tiles(expected) == attribute_lights(view.summary, "expected")
    assert binding.startswith("## ") and "<" not in binding + expected
    # strong colour and readable ink on a tile that counts; a zero tile faded like the HTML tile's opacity
    assert ':small[**■ 红灯**]\u2002]{foreground="#FFFFFF" background="#D55E00"}' in binding
    assert ':small[**▲ 黄灯**]\u2002]{foreground="#8C8C8C" background="#F4D48C"}' in binding
    body, is_html = parts.behind  # I07 is behind: a link opening in the same tab (markdown links open a new one)
    assert is_html and '<a href="indicator?code=I07&amp;year=2024" target="_self">' in body
    assert parts.verdicts is None and parts.missed is None  # no verdicts before 2025


def test_the_overview_strip_gives_verdict_chips_and_the_missed_targets_from_2025(catalog: Catalog) -> None:
    view = build_overview(
        catalog.plan, list(catalog.indicators), _obs(("I07", 2024, 71.0), ("I07", 2025, 74.0)), "全区", 2025
    )
    parts = strip_parts(view.summary, view.rows, "en", lambda code: f"{code}.html")
    assert parts.behind == ("No binding indicator is behind\\.", False)
    assert parts.verdicts is not None
    title, groups = parts.verdicts
    assert title == "**2025 targets\\: **"
    assert any(g.startswith("Binding ") and ":color[**✖ Not met 1**]" in g for g in groups)
    assert parts.missed is not None and '<a href="I07.html" target="_self">' in parts.missed


def test_markdown_text_cannot_become_markup() -> None:
    assert md("*a* [b](c) :red[d] :smile: <i> $x$") == (
        "\\*a\\* \\[b\\]\\(c\\) \\:red\\[d\\] \\:smile\\: \\<i\\> \\$x\\$"
    )
