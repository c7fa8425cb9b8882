"""Evaluation reports: numbers from the store, all indicators, HTML/PPTX/PDF that open, Chinese that renders."""

from __future__ import annotations

import io
import json
import logging
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from shanhe.catalog import load_catalog
from shanhe.charts import progress_chart
from shanhe.cli import summary_record
from shanhe.formatting import number
from shanhe.progress import assess
from shanhe.reports import images
from shanhe.reports.html import render_html
from shanhe.reports.model import Report, build_report
from shanhe.reports.render import render
from shanhe.store import Store, open_store
from tests.apptest import dashboard
from tests.conftest import DATA, Cli, demo_copy, prepared_copy

NEEDS_CHROMIUM = pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian chromium not installed")


@pytest.fixture
def scenario(cli: Cli) -> Path:
    cli.init(("import", DATA / "scenario" / "observations.csv", "--accept-jumps"))
    return cli.db


@pytest.fixture(scope="module")
def midterm(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, str]:
    """The 2024 mid-term report of the scenario and its HTML (rendering costs most of a second; tests only read it)."""
    db = tmp_path_factory.mktemp("midterm") / "shanhe.duckdb"
    prepared_copy(db, tmp_path_factory, [("import", DATA / "scenario" / "observations.csv", "--accept-jumps")])
    with Store.open(db) as store:
        report = build_report(store, 2024, "midterm")
        return report, render_html(report, {i.code: i for i in store.indicators()})


def test_report_lists_every_indicator_and_matches_status_summary(
    midterm: tuple[Report, str], scenario: Path, cli: Cli
) -> None:
    report, html = midterm
    assert len(report.rows) == 42 and all(r.assessment.name in html for r in report.rows)
    _, out, _ = cli("status", "--year", "2024", "--summary", "--format", "json")
    assert summary_record(report.summary) == json.loads(out)
    assert report.title == "2024年中期评估报告" and "城政发〔2023〕3号" in report.subtitle
    binding = [a.code for a in report.behind if a.binding_behind]
    assert binding == ["I07", "I09"]  # binding ones first, by severity


def _allowed_numbers(report: object) -> set[str]:
    """Every number the store and the engine give for this report, as the text writes numbers."""
    allowed: set[str] = set()
    for a in report.assessments:
        for v in (
            a.value,
            a.start_value,
            a.target_value,
            a.required_annual_change,
            a.year,
            a.start_year,
            a.target_year,
            a.seq,
        ):
            if v is not None:
                allowed |= {number(v, 2), number(abs(v), 2)}
        if a.value is not None and a.target_value is not None:
            allowed.add(number(abs(a.target_value - a.value), 2))
    allowed |= {str(n) for n in range(0, 40)}  # counts of indicators
    allowed |= {"2", "1"}  # 表2-1
    return allowed


def test_every_number_in_the_narrative_comes_from_the_store(scenario: Path) -> None:
    with Store.open(scenario) as store:
        report = build_report(store, 2024)
    allowed = _allowed_numbers(report)
    text = " ".join(p for sec in report.narrative for p in sec.paragraphs)
    numbers = re.findall(r"[+-]?\d+(?:\.\d+)?", text.replace("表2-1", ""))
    assert numbers and all(n.lstrip("+-") in allowed for n in numbers), [n for n in numbers if n not in allowed]
    assert "城市空气质量优良天数比例到2025年需提高 3.8 个百分点" in text


def test_html_is_self_contained_and_prints_to_a4(midterm: tuple[Report, str]) -> None:
    html = midterm[1]
    assert "@page { size: A4" in html and "break-before: page" in html
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=\"?https?://", html)  # nothing fetched online
    assert "Plotly" in html and html.count('class="chart"') >= 20
    assert "示例数据" not in html


def test_every_report_is_logged_with_who_asked(scenario: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="shanhe")
    with Store.open(scenario) as store:
        report = build_report(store, 2024, "midterm")
        data = render(report, {i.code: i for i in store.indicators()}, "html", user="李科长")
    lines = [r.getMessage() for r in caplog.records if r.name == "shanhe"]
    assert lines == [f"report user=李科长 kind=midterm year=2024 format=html bytes={len(data)}"]


def test_sample_data_is_labelled_on_the_cover_and_every_page(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path / "demo.duckdb"
    demo_copy(path, tmp_path_factory)
    with Store.open(path) as store:
        html = render_html(build_report(store, 2024), {i.code: i for i in store.indicators()})
    assert '<div class="sample">示例数据</div>' in html  # position: fixed repeats it on every printed page
    assert "示例数据（非实际监测或统计数据）" in html


@pytest.mark.browser
@NEEDS_CHROMIUM
def test_pptx_has_the_expected_slides_and_editable_chinese_text(scenario: Path) -> None:
    from pptx import Presentation

    from shanhe.reports.pptx import render_pptx

    with Store.open(scenario) as store:
        report = build_report(store, 2024, only_behind=True)
        deck = Presentation(io.BytesIO(render_pptx(report, {i.code: i for i in store.indicators()})))
    slides = list(deck.slides)
    assert len(slides) == 3 + len(report.charts) + 1
    texts = [" ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame) for slide in slides]
    assert texts[0].startswith("2024年年度调度报告") and "一、总体情况" in texts[1]
    assert "城市空气质量优良天数比例" in " ".join(texts) and "按进度应达 73.32%" in " ".join(texts)
    assert deck.slide_width * 9 == deck.slide_height * 16
    xml = slides[0].shapes[0].text_frame.paragraphs[0].runs[0]._r.xml
    assert 'typeface="Microsoft YaHei"' in xml  # the East Asian font is set, not just the Latin one
    assert sum(1 for s in slides for sh in s.shapes if sh.shape_type == 13) == len(report.charts) + 1  # pictures


@pytest.mark.browser
@NEEDS_CHROMIUM
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_pdf_pages_and_extractable_chinese_text(scenario: Path, tmp_path: Path, cli: Cli) -> None:
    out = tmp_path / "report.pdf"
    code, _, err = cli("report", "--year", "2024", "--format", "pdf", "--out", out)
    assert code == 0, err
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert 20 <= pages <= 60
    assert "A4" in info or "595" in info
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "2024年年度调度报告" in text and "城市空气质量优良天数比例" in text and "附录二" in text


@pytest.mark.browser
@NEEDS_CHROMIUM
def test_chart_images_render_chinese_glyphs(catalog: object) -> None:
    """Missing glyphs would all draw as the same box: two different Chinese titles must look different."""
    ind = catalog.indicator("I07")
    a = assess(ind, [], 2024, "全区")
    first, second = progress_chart(ind, a, "zh"), progress_chart(ind, a, "zh")
    first.update_layout(title="城市空气质量")
    second.update_layout(title="森林覆盖比例")
    pngs = images.render([first, second], width=800, height=400, scale=1)
    title = (0, 0, 400, 60)
    crops = [Image.open(io.BytesIO(p)).convert("L").crop(title) for p in pngs]
    ink = [sum(c.histogram()[:128]) for c in crops]
    assert all(n > 150 for n in ink)  # the title area has text in it
    diff = ImageChops.difference(*crops)
    assert sum(diff.histogram()[65:]) > 150  # and the glyphs differ: real characters, not boxes
    svg = images.render([first], fmt="svg")[0].decode()
    assert svg.startswith("<svg") and "城市空气质量" in svg


def test_exports_current_and_history(scenario: Path, cli: Cli, tmp_path: Path) -> None:
    import openpyxl

    code, _, _ = cli("export", "--format", "xlsx", "--out", tmp_path / "all.xlsx")
    book = openpyxl.load_workbook(tmp_path / "all.xlsx")
    assert book.sheetnames == ["当前数值", "修订历史", "导入批次"]
    assert book["修订历史"].max_row == 1 + 50 and book["修订历史"]["D1"].value == "单位"
    code, _, _ = cli("export", "--format", "csv", "--what", "history", "--out", tmp_path / "h.csv")
    lines = (tmp_path / "h.csv").read_bytes().decode("utf-8-sig").splitlines()
    assert code == 0 and lines[0].startswith("修订号,指标编码") and len(lines) == 51
    with open_store(scenario, load_catalog()) as store:
        assert len(store.observation_history()) == 50


def test_report_page_generates_a_download(scenario: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHANHE_DB", str(scenario))
    at = dashboard(120).run()
    at.switch_page("pages/report_page.py").run()
    assert at.selectbox(key="rep_year").value == 2024 and len(at.get("download_button")) == 3  # the exports
    at.button(key="rep_go").click().run()
    assert not at.exception
    # named after the plan, the year and the kind, from the plan data and the i18n table
    name = "晋城市城区一山一河一流域规划2024年度评估报告.html"
    assert next(b.proto.label for b in at.get("download_button")) == f"下载 {name}"
