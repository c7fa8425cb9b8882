"""The report as a 16:9 PowerPoint deck: editable Chinese text, one chart image per indicator slide."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Length, Pt

from shanhe import charts
from shanhe.catalog import Indicator
from shanhe.formatting import indicator_name
from shanhe.i18n import t
from shanhe.messages import text
from shanhe.overview import light_counts, verdict_counts, verdict_table
from shanhe.reports import images
from shanhe.reports.model import Report, required_cell, sections

if TYPE_CHECKING:
    from pptx.presentation import Presentation as Deck
    from pptx.slide import Slide
    from pptx.table import _Cell

LATIN_FONT = "Arial"
EAST_ASIAN_FONT = "Microsoft YaHei"  # the Chinese font on bureau PCs; viewers substitute if missing
WIDE, HIGH = Emu(12_192_000), Emu(6_858_000)  # exactly 16:9 (13.333 × 7.5 in)
SAMPLE_RED = RGBColor(0xD5, 0x5E, 0x00)


def _text(
    slide: Slide,
    text: str,
    left: Length,
    top: Length,
    width: Length,
    height: Length,
    size: int = 18,
    bold: bool = False,
    colour: RGBColor | None = None,
) -> None:
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    for n, line in enumerate(text.split("\n")):
        para = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
        run = para.add_run()
        run.text = line
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.name = LATIN_FONT
        if colour is not None:
            run.font.color.rgb = colour
        r_pr = run._r.get_or_add_rPr()
        east_asian = r_pr.find(qn("a:ea"))
        if east_asian is None:
            east_asian = r_pr.makeelement(qn("a:ea"), {})
            r_pr.append(east_asian)
        east_asian.set("typeface", EAST_ASIAN_FONT)


def _slide(deck: Deck, title: str, report: Report) -> Slide:
    slide = deck.slides.add_slide(deck.slide_layouts[6])  # blank
    _text(slide, title, Inches(0.5), Inches(0.3), Inches(12.3), Inches(0.8), size=28, bold=True)
    if report.sample:
        _text(
            slide,
            t("report.sample", report.lang),
            Inches(8.3),
            Inches(6.9),
            Inches(4.8),
            Inches(0.4),
            size=12,
            bold=True,
            colour=SAMPLE_RED,
        )
    return slide


def _table(slide: Slide, header: Sequence[str], rows: Sequence[Sequence[object]], top: Length, size: int = 11) -> None:
    shape = slide.shapes.add_table(
        len(rows) + 1, len(header), Inches(0.5), top, Inches(12.3), Emu(Inches(0.3) * (len(rows) + 1))
    )
    for col, title in enumerate(header):
        _cell(shape.table.cell(0, col), title, size, bold=True)
    for r, row in enumerate(rows, start=1):
        for col, value in enumerate(row):
            _cell(shape.table.cell(r, col), str(value), size)


def _cell(cell: _Cell, text: str, size: int, bold: bool = False) -> None:
    cell.text = text
    for para in cell.text_frame.paragraphs:
        for run in para.runs:
            run.font.size = Pt(size)
            run.font.bold = bold
            run.font.name = LATIN_FONT
            r_pr = run._r.get_or_add_rPr()
            east_asian = r_pr.makeelement(qn("a:ea"), {"typeface": EAST_ASIAN_FONT})
            r_pr.append(east_asian)


#: Rows of the verdict table per slide: what fits 16:9 at a readable size.
VERDICT_ROWS_PER_SLIDE = 12


def _verdict_slides(deck: Deck, report: Report, title: str, year: int) -> None:
    """The 目标完成情况 of ``year``: the counts per attribute, then the table, split over slides so each fits."""
    L = report.lang
    counts = _slide(deck, title, report)
    _table(counts, *verdict_counts(report.summary, L), Inches(1.2), size=14)
    missed = [line for line in report.summary.sentences if line.key.startswith("summary.binding_missed")]
    _text(
        counts, "\n".join(text(line, L) for line in missed), Inches(0.5), Inches(3.2), Inches(12.3), Inches(2), size=16
    )
    header, rows = verdict_table(report.verdict_rows, year, report.year, L)
    keep = [header.index(c) for c in header if c != t("col.target_source", L)]  # sources are in the HTML/PDF
    for start in range(0, len(rows), VERDICT_ROWS_PER_SLIDE):
        chunk = rows[start : start + VERDICT_ROWS_PER_SLIDE]
        page = _slide(deck, f"{title}（{start // VERDICT_ROWS_PER_SLIDE + 1}）", report)
        _table(page, [header[i] for i in keep], [[r[i] for i in keep] for r in chunk], Inches(1.1), size=11)


def render_pptx(report: Report, indicators: Mapping[str, Indicator]) -> bytes:
    L = report.lang
    deck = Presentation()
    deck.slide_width, deck.slide_height = WIDE, HIGH

    cover = deck.slides.add_slide(deck.slide_layouts[6])
    _text(cover, report.title, Inches(0.8), Inches(2.2), Inches(11.7), Inches(1.2), size=40, bold=True)
    _text(cover, f"{report.subtitle}\n{report.as_of}", Inches(0.8), Inches(3.6), Inches(11.7), Inches(1.5), size=18)
    if report.sample:
        _text(
            cover,
            t("report.sample", L),
            Inches(0.8),
            Inches(5.3),
            Inches(11.7),
            Inches(0.6),
            size=24,
            bold=True,
            colour=SAMPLE_RED,
        )

    s = report.summary
    titles = sections(report)
    if report.kind == "final" and s.verdict_year is not None:
        _verdict_slides(deck, report, titles["verdicts"], s.verdict_year)
    summary = _slide(deck, titles["summary"], report)
    _text(
        summary,
        "\n".join(text(line, L) for line in s.sentences),
        Inches(0.5),
        Inches(1.1),
        Inches(12.3),
        Inches(2.2),
        size=14,
    )
    _table(summary, *light_counts(report.plan, s, L), Inches(3.5), size=10)

    binding = [a for a in report.behind if a.binding_behind]
    behind = _slide(deck, t("report.behind", L), report)
    if binding:
        _table(
            behind,
            [t("col.name", L), t("col.label", L), t("col.required", L)],
            [
                [indicator_name(indicators[a.code], L), t(f"label.{a.label_code}", L), required_cell(a, L)]
                for a in binding
            ],
            Inches(1.2),
            size=14,
        )
    else:
        _text(behind, t("report.none_behind", L), Inches(0.5), Inches(1.2), Inches(12), Inches(1), size=18)
    if report.kind != "final" and s.verdict_year is not None:
        _verdict_slides(deck, report, titles["verdicts"], s.verdict_year)

    by_code = {a.code: a for a in report.assessments}
    figures = [
        charts.progress_chart(indicators[code], by_code[code], L, sample=report.sample) for code in report.charts
    ]
    gantt = charts.gantt_chart(report.plan, report.projects, report.today, L, sample=report.sample)
    pictures = images.render([*figures, gantt], width=1200, height=560, scale=1.5)
    for code, picture in zip(report.charts, pictures, strict=False):
        a = by_code[code]
        slide = _slide(deck, f"{indicator_name(indicators[code], L)}（{t(f'label.{a.label_code}', L)}）", report)
        slide.shapes.add_picture(io.BytesIO(picture), Inches(0.9), Inches(1.0), width=Inches(11.5))
        _text(slide, text(a.reason, L), Inches(0.5), Inches(6.35), Inches(12.3), Inches(0.6), size=14)
    projects = _slide(deck, titles["projects"], report)
    projects.shapes.add_picture(io.BytesIO(pictures[-1]), Inches(0.9), Inches(1.0), width=Inches(11.5))
    deck_bytes = io.BytesIO()
    deck.save(deck_bytes)
    return deck_bytes.getvalue()
