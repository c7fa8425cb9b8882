"""One entry point for every report format, shared by the CLI and the 报告 page."""

from __future__ import annotations

from collections.abc import Mapping

from shanhe.catalog import Indicator
from shanhe.logs import event
from shanhe.reports.html import render_html
from shanhe.reports.model import Report

MIME = {
    "html": "text/html",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
}


def render(report: Report, indicators: Mapping[str, Indicator], fmt: str, user: str = "anonymous") -> bytes:
    """The report as ``fmt`` (html, pptx, pdf) bytes; logged with who asked for it."""
    if fmt == "html":
        data = render_html(report, indicators).encode("utf-8")
    elif fmt == "pdf":
        from shanhe.reports.pdf import html_to_pdf

        data = html_to_pdf(render_html(report, indicators))
    elif fmt == "pptx":
        from shanhe.reports.pptx import render_pptx  # python-pptx and kaleido load only when needed

        data = render_pptx(report, indicators)
    else:
        raise ValueError(fmt)
    event("report", user=user, kind=report.kind, year=report.year, format=fmt, bytes=len(data))
    return data
