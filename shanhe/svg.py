"""Charts as plain SVG, drawn on the server from the same specs as the plotly charts (``shanhe.chartspec``).

For the static edition: SVG 1.1 inline in HTML renders in every browser a government PC runs (Chromium 86
included), needs no JavaScript, takes milliseconds per chart and gives the same bytes for the same data.
"""

from __future__ import annotations

import datetime as dt
import html
import math
from collections.abc import Sequence

from shanhe.chartspec import GanttChart, LineChart, Mark
from shanhe.formatting import number

FONT = "Noto Sans CJK SC, Microsoft YaHei, PingFang SC, SimHei, sans-serif"
GRID, AXIS, INK, MUTED = "#EBEBEB", "#BBBBBB", "#222222", "#555555"
_DASHES = {"solid": "", "dash": "8 5", "dot": "2 4"}


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _f(x: float) -> str:
    """Coordinates with one decimal: short, and the same text for the same number on every machine."""
    return f"{x:.1f}"


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high]: steps of 1, 2 or 5 × a power of ten."""
    if high <= low:
        return [low]
    raw = (high - low) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    first = math.ceil(low / step - 1e-9) * step
    ticks = []
    value = first
    while value <= high + 1e-9:
        ticks.append(round(value, 10))
        value += step
    return ticks


def _marker(symbol: str, x: float, y: float, size: float, colour: str) -> str:
    r = size / 2
    if symbol == "diamond":
        pts = [(x, y - r), (x + r, y), (x, y + r), (x - r, y)]
        return f'<polygon points="{_points(pts)}" fill="{colour}"/>'
    if symbol == "star":
        pts = [
            (
                x + (r if k % 2 == 0 else r * 0.45) * math.sin(k * math.pi / 5),
                y - (r if k % 2 == 0 else r * 0.45) * math.cos(k * math.pi / 5),
            )
            for k in range(10)
        ]
        return f'<polygon points="{_points(pts)}" fill="{colour}"/>'
    if symbol == "x":
        return (
            f'<path d="M{_f(x - r)},{_f(y - r)}L{_f(x + r)},{_f(y + r)}M{_f(x - r)},{_f(y + r)}'
            f'L{_f(x + r)},{_f(y - r)}" stroke="{colour}" stroke-width="3"/>'
        )
    return f'<circle cx="{_f(x)}" cy="{_f(y)}" r="{_f(r * 0.8)}" fill="{colour}"/>'


def _points(pts: Sequence[tuple[float, float]]) -> str:
    return " ".join(f"{_f(px)},{_f(py)}" for px, py in pts)


def line_chart(spec: LineChart, width: int = 900, height: int = 440, *, chart_id: str = "c") -> str:
    """A progress chart: title and notes, grid, axes, marks, a legend underneath, and the sample watermark."""
    title_h = 30 + 18 * len(spec.notes)
    legend_rows = math.ceil(sum(m.legend for m in spec.marks) / 3)
    left, right, top, bottom = 64, 24, title_h + 12, 48 + 22 * legend_rows
    plot_w, plot_h = width - left - right, height - top - bottom
    x0, x1 = spec.x_range
    y0, y1 = spec.y_range or _data_range(spec.marks)

    def px(x: float) -> float:
        return left + (x - x0) / (x1 - x0) * plot_w

    def py(y: float) -> float:
        return top + plot_h - (y - y0) / (y1 - y0) * plot_h

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} '
        f'{height}" role="img" aria-labelledby="{chart_id}-t" font-family="{FONT}" class="chart-svg">',
        f'<title id="{chart_id}-t">{_e(spec.title)}</title>',
        f'<rect width="{width}" height="{height}" fill="#FFFFFF"/>',
        f'<text x="8" y="22" font-size="17" font-weight="bold" fill="{INK}">{_e(spec.title)}</text>',
    ]
    out += [
        f'<text x="8" y="{42 + 18 * n}" font-size="12" fill="{MUTED}">{_e(note)}</text>'
        for n, note in enumerate(spec.notes)
    ]
    for tick in nice_ticks(y0, y1, 6):
        out.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{_f(py(tick))}" y2="{_f(py(tick))}" stroke="{GRID}"/>')
        out.append(
            f'<text x="{left - 6}" y="{_f(py(tick) + 4)}" font-size="12" text-anchor="end" '
            f'fill="{MUTED}">{_e(number(tick, 4) + spec.y_suffix)}</text>'
        )
    for year in range(math.ceil(x0), math.floor(x1) + 1):
        out.append(
            f'<text x="{_f(px(year))}" y="{top + plot_h + 18}" font-size="12" text-anchor="middle" '
            f'fill="{MUTED}">{year}</text>'
        )
    out.append(f'<path d="M{left},{top}V{top + plot_h}H{left + plot_w}" fill="none" stroke="{AXIS}"/>')
    out.append(
        f'<text x="{_f(left + plot_w / 2)}" y="{top + plot_h + 36}" font-size="12" text-anchor="middle" '
        f'fill="{MUTED}">{_e(spec.x_title)}</text>'
    )
    if spec.y_title:
        out.append(
            f'<text x="14" y="{_f(top + plot_h / 2)}" font-size="12" text-anchor="middle" fill="{MUTED}" '
            f'transform="rotate(-90 14 {_f(top + plot_h / 2)})">{_e(spec.y_title)}</text>'
        )
    for m in spec.marks:
        pts = [(px(x), py(y)) for x, y in zip(m.xs, m.ys, strict=True)]
        if m.mode == "band":
            out.append(f'<polygon points="{_points(pts)}" fill="{m.colour}"/>')
            continue
        if "lines" in m.mode:
            dash = f' stroke-dasharray="{_DASHES[m.dash]}"' if _DASHES[m.dash] else ""
            out.append(
                f'<polyline points="{_points(pts)}" fill="none" stroke="{m.colour}" stroke-width="{m.width}"{dash}/>'
            )
        if "markers" in m.mode:
            out += [_marker(m.symbol, x, y, m.size, m.colour) for x, y in pts]
        if m.label:
            x, y = pts[-1]
            left_side, label_y = m.label_side == "left", y - 12 if m.label_above else y + 22
            out.append(
                f'<text x="{_f(x - 10 if left_side else x + 10)}" y="{_f(label_y)}" font-size="13" '
                f'text-anchor="{"end" if left_side else "start"}" font-weight="bold" fill="{m.colour}">'
                f"{_e(m.label)}</text>"
            )
    legend = [m for m in spec.marks if m.legend]
    legend_rows = math.ceil(len(legend) / 3)
    for n, m in enumerate(legend):
        lx, ly = 8 + (n % 3) * (width - 16) / 3, height - 22 * legend_rows + 22 * (n // 3) + 4
        out.append(_legend_swatch(m, lx, ly))
        out.append(f'<text x="{_f(lx + 28)}" y="{_f(ly + 4)}" font-size="12" fill="{INK}">{_e(m.name)}</text>')
    if spec.watermark:
        cx, cy = left + plot_w / 2, top + plot_h / 2
        out.append(
            f'<text x="{_f(cx)}" y="{_f(cy)}" font-size="48" text-anchor="middle" fill="#D55E00" '
            f'fill-opacity="0.18" transform="rotate(-20 {_f(cx)} {_f(cy)})">{_e(spec.watermark)}</text>'
        )
    out.append("</svg>")
    return "".join(out)


def _legend_swatch(m: Mark, x: float, y: float) -> str:
    if m.mode == "band":
        return f'<rect x="{_f(x)}" y="{_f(y - 5)}" width="22" height="10" fill="{m.colour}"/>'
    parts = []
    if "lines" in m.mode:
        dash = f' stroke-dasharray="{_DASHES[m.dash]}"' if _DASHES[m.dash] else ""
        parts.append(
            f'<line x1="{_f(x)}" x2="{_f(x + 22)}" y1="{_f(y)}" y2="{_f(y)}" stroke="{m.colour}" '
            f'stroke-width="{m.width}"{dash}/>'
        )
    if "markers" in m.mode:
        parts.append(_marker(m.symbol, x + 11, y, min(m.size, 12), m.colour))
    return "".join(parts)


def _data_range(marks: Sequence[Mark]) -> tuple[float, float]:
    ys = [y for m in marks for y in m.ys] or [0.0, 1.0]
    low, high = min(ys), max(ys)
    return (low - 1, high + 1) if low == high else (low, high)


def gantt(spec: GanttChart, width: int = 1100, *, chart_id: str = "g") -> str:
    """Projects as bars over their years, milestones as diamonds, today as a dotted line, a legend of statuses."""
    row_h, label_w, top, bottom = 34, 340, 54, 56
    height = top + row_h * len(spec.rows) + bottom
    plot_w = width - label_w - 20
    days = (spec.x_end - spec.x_start).days

    def px(day: dt.date) -> float:
        return label_w + (day - spec.x_start).days / days * plot_w

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} '
        f'{height}" role="img" aria-labelledby="{chart_id}-t" font-family="{FONT}" class="chart-svg">',
        f'<title id="{chart_id}-t">{_e(spec.title)}</title>',
        f'<rect width="{width}" height="{height}" fill="#FFFFFF"/>',
        f'<text x="8" y="24" font-size="17" font-weight="bold" fill="{INK}">{_e(spec.title)}</text>',
    ]
    for year in range(spec.x_start.year + 1, spec.x_end.year + 1):
        x = px(dt.date(year, 1, 1))
        out.append(f'<line x1="{_f(x)}" x2="{_f(x)}" y1="{top}" y2="{top + row_h * len(spec.rows)}" stroke="{GRID}"/>')
        out.append(f'<text x="{_f(x)}" y="{top - 8}" font-size="12" text-anchor="middle" fill="{MUTED}">{year}</text>')
    for n, row in enumerate(spec.rows):
        y = top + n * row_h
        label = row.label if len(row.label) <= 24 else row.label[:23] + "…"
        out.append(
            f'<text x="{label_w - 8}" y="{y + row_h / 2 + 5}" font-size="13" text-anchor="end" '
            f'fill="{INK}"><title>{_e(row.label)}</title>{_e(label)}</text>'
        )
        outline = ' stroke="#000000" stroke-width="3"' if row.outlined else ""
        if row.status_code == "unreported":  # unknown, not known late: outlined in grey, dashed
            outline = ' stroke="#555555" stroke-width="2" stroke-dasharray="6 3"'
        out.append(
            f'<rect x="{_f(px(row.start))}" y="{y + 7}" width="{_f(px(row.end) - px(row.start))}" '
            f'height="{row_h - 14}" fill="{row.colour}"{outline}><title>{_e(row.name)} {row.start.year}–'
            f"{row.end.year} {_e(row.status)}</title></rect>"
        )
        for m in row.milestones:
            cx, cy = px(m.due), y + row_h / 2
            out.append(
                f'<polygon points="{_points([(cx, cy - 8), (cx + 8, cy), (cx, cy + 8), (cx - 8, cy)])}" '
                f'fill="{m.colour}" stroke="#000000" stroke-width="2"><title>{_e(m.title)} {_e(m.status)}'
                "</title></polygon>"
            )
    today = px(spec.today)
    out.append(
        f'<line x1="{_f(today)}" x2="{_f(today)}" y1="{top - 4}" y2="{top + row_h * len(spec.rows)}" '
        f'stroke="#000000" stroke-dasharray="2 4"/>'
    )
    out.append(
        f'<text x="{_f(today)}" y="{top + row_h * len(spec.rows) + 18}" font-size="12" '
        f'text-anchor="middle" fill="{INK}">{_e(spec.today_label)} {spec.today.isoformat()}</text>'
    )
    seen: dict[str, str] = {}
    for row in spec.rows:
        seen.setdefault(row.status, row.colour)
    for n, (status, colour) in enumerate(seen.items()):
        lx, ly = label_w + n * 130, height - 16
        out.append(f'<rect x="{lx}" y="{ly - 10}" width="18" height="12" fill="{colour}"/>')
        out.append(f'<text x="{lx + 24}" y="{ly}" font-size="12" fill="{INK}">{_e(status)}</text>')
    if spec.watermark:
        cx, cy = width / 2, height / 2
        out.append(
            f'<text x="{_f(cx)}" y="{_f(cy)}" font-size="48" text-anchor="middle" fill="#D55E00" '
            f'fill-opacity="0.18" transform="rotate(-20 {_f(cx)} {_f(cy)})">{_e(spec.watermark)}</text>'
        )
    out.append("</svg>")
    return "".join(out)


def sparkline(points: Sequence[tuple[float, float]], width: int = 90, height: int = 24) -> str:
    """A tiny line of a series (year, value); empty below two points."""
    if len(points) < 2:
        return ""
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    x0, x1 = min(xs), max(xs)
    y0, y1 = min(ys), max(ys)
    span_y = (y1 - y0) or 1.0
    coords = " ".join(
        f"{2 + (x - x0) / (x1 - x0) * (width - 4):.1f},{height - 2 - (y - y0) / span_y * (height - 4):.1f}"
        for x, y in points
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" aria-label="trend">'
        f'<polyline fill="none" stroke="#0072B2" stroke-width="2" points="{coords}"/></svg>'
    )
