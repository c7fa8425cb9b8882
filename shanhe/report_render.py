"""One entry point for every report format, shared by the CLI and the 报告 page."""

from __future__ import annotations

from collections.abc import Mapping

from shanhe.catalog import Indicator
from shanhe.report import Report
from shanhe.report_html import render_html

MIME = {
    "html": "text/html",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
}


def render(report: Report, indicators: Mapping[str, Indicator], fmt: str) -> bytes:
    """The report as ``fmt`` (html, pptx, pdf) bytes."""
    if fmt == "html":
        return render_html(report, indicators).encode("utf-8")
    if fmt == "pdf":
        from shanhe.report_pdf import html_to_pdf

        return html_to_pdf(render_html(report, indicators))
    if fmt == "pptx":
        from shanhe.report_pptx import render_pptx  # python-pptx and kaleido load only when needed

        return render_pptx(report, indicators)
    raise ValueError(fmt)
