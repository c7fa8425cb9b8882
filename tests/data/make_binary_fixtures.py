"""Writes the fixtures that are not plain UTF-8 text. Run from the repo root:
``python tests/data/make_binary_fixtures.py``; the outputs are committed, so tests never need LibreOffice.
The legacy .xls and .ods files are saved by LibreOffice (``apt-get install libreoffice-calc-nogui``)."""

from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent


def xlsx(path: Path, rows: list[list[object]]) -> None:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)


# good: what Excel on a Chinese Windows saves
(HERE / "good/gb18030.csv").write_bytes(
    "指标编码,年份,数值,数据来源\r\nI07,2021,71.2,区生态环境分局\r\nI02,2021,19.9,区自然资源局\r\n".encode("gb18030")
)
(HERE / "good/excel-unicode-text.txt.csv").write_bytes(
    "指标编码\t年份\t数值\r\nI07\t2024\t74.0\r\nI02\t2024\t20.3\r\n".encode("utf-16")
)
xlsx(
    HERE / "good/title-rows.xlsx",
    [
        ["晋城市城区 2024 年生态指标填报表"],
        [],
        ["指标名称", "年份", "数值", "备注"],
        ["城市空气质量优良天数比例", 2024, "74.2%", None],
        ["森林覆盖率", 2024.0, 20.4, None],
        ["地表水劣V类水体比例", "2024", 0, "整数零"],
        ["城市黑臭水体比例", 2024, None, "未填"],
    ],
)

# bad
(HERE / "bad/bad-encoding.csv").write_bytes(b"indicator_code,year,value\nI07,2021,71.2\nI02,2021,\xff\xfe19.9\n")
(HERE / "bad/binary.csv").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01")
(HERE / "bad/old-format.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)
xlsx(HERE / "bad/formulas.xlsx", [["指标编码", "年份", "数值"], ["I07", 2021, 71.2], ["I02", 2021, "=B2*0.01"]])
good = (HERE / "good/title-rows.xlsx").read_bytes()
(HERE / "bad/corrupt.xlsx").write_bytes(good[: len(good) // 2])


# ---- issue 12: files built by careless or hostile hands -------------------------------------------
def percent_xlsx(
    path: Path,
    rows: list[list[object]],
    percent_cells: set[str],
    hidden: list[str] | None = None,
    extra_sheets: dict[str, list[list[object]]] | None = None,
) -> None:
    """A workbook whose listed cells carry Excel's 0.0% format, optionally with more (or hidden) sheets."""
    book = Workbook()
    sheet = book.active
    sheet.title = "填报"
    for row in rows:
        sheet.append(row)
    for ref in percent_cells:
        sheet[ref].number_format = "0.0%"
    for name, data in (extra_sheets or {}).items():
        other = book.create_sheet(name)
        for row in data:
            other.append(row)
        if name in (hidden or []):
            other.sheet_state = "hidden"
    book.save(path)


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
    'main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
    'Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/'
    '2006/relationships/styles" Target="styles.xml"/></Relationships>'
)
STYLES = (
    '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
    'main">{numfmts}<fonts count="1"><font/></fonts><fills count="1"><fill><patternFill patternType="none"/>'
    '</fill></fills><borders count="1"><border/></borders>'
    '<cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/>'
    '<xf numFmtId="{date_id}" applyNumberFormat="1"/></cellXfs></styleSheet>'
)
SHEET = (
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
    'main">{dimension}<sheetData>{rows}</sheetData></worksheet>'
)
HEADER_ROW = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>indicator_code</t></is></c><c r="B1" t="inlineStr"><is>'
    '<t>year</t></is></c><c r="C1" t="inlineStr"><is><t>value</t></is></c></row>'
)
GOOD_ROW = (
    '<row r="2"><c r="A2" t="inlineStr"><is><t>I07</t></is></c><c r="B2"><v>2022</v></c><c r="C2"><v>72.5</v></c></row>'
)


def raw_xlsx(
    path: Path,
    *,
    rows: str = HEADER_ROW + GOOD_ROW,
    dimension: str = "",
    shared: str | None = None,
    workbook: str = WORKBOOK,
    styles: str | None = None,
) -> None:
    """An XLSX assembled from XML text, for files no spreadsheet program would write."""
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        z.writestr("xl/styles.xml", styles or STYLES.format(numfmts="", date_id=14))
        z.writestr(
            "xl/sharedStrings.xml",
            shared
            or '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>',
        )
        z.writestr("xl/worksheets/sheet1.xml", SHEET.format(dimension=dimension, rows=rows))


def converted(source: Path, suffix: str, target: Path) -> None:
    """Save ``source`` as .xls or .ods with LibreOffice, as WPS or an old Excel would hand it over."""
    import shutil
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            ["soffice", "--headless", "--convert-to", suffix, "--outdir", out, str(source)],
            check=True,
            capture_output=True,
            timeout=120,
        )
        shutil.move(Path(out) / (source.stem + "." + suffix), target)


# 1. percent-formatted cells: Excel shows 71.2%, the cell holds 0.712
percent_xlsx(
    HERE / "good/percent-cells.xlsx", [["指标编码", "年份", "数值"], ["I07", 2022, 0.712], ["I02", 2022, 20.1]], {"C2"}
)
percent_xlsx(HERE / "bad/percent-cell-permille.xlsx", [["指标编码", "年份", "数值"], ["I03", 2022, 0.003]], {"C2"})
(HERE / "bad/decimal-form.csv").write_text("指标编码,年份,数值\nI07,2022,0.712\n", encoding="utf-8")
# 2. unterminated quote
(HERE / "bad/unterminated-quote.csv").write_text(
    'indicator_code,year,value,note\nI07,2022,72,"开始写的备注\nI02,2022,20.1,x\nI10,2022,0,y\n', encoding="utf-8"
)
# 3. a decimal comma makes a row longer than the header; empty trailing cells are fine
(HERE / "bad/decimal-comma.csv").write_text(
    "indicator_code,year,value,source,note\nI07,2022,71,2,区监测站,无\n", encoding="utf-8"
)
(HERE / "good/trailing-empty-cells.csv").write_text(
    "indicator_code,year,value\nI07,2022,72.5,,,\nI02,2022,20.1,,\n", encoding="utf-8"
)
# 4. UTF-8 with one stray Latin-1 byte (a middle dot typed in another program)
(HERE / "bad/mixed-encoding.csv").write_bytes(
    "指标编码,年份,数值,数据来源\nI07,2022,72.5,区生态环境分局\n".encode() + b"I02,2022,20.1,\xb7\xe5\n"
)
# 5. sheets: several visible with a header is ambiguous; a hidden first sheet is ignored
percent_xlsx(
    HERE / "bad/several-sheets.xlsx",
    [["指标编码", "年份", "数值"], ["I07", 2022, 72.5]],
    set(),
    extra_sheets={"2021年": [["指标编码", "年份", "数值"], ["I07", 2021, 71.2]]},
)
hidden = Workbook()
old = hidden.active
old.title = "旧数据"
for r in [["指标编码", "年份", "数值"], ["I07", 2020, 99]]:
    old.append(r)
old.sheet_state = "hidden"
new = hidden.create_sheet("2022年")
for r in [["指标编码", "年份", "数值"], ["I07", 2022, 72.5], ["I02", 2022, 20.1]]:
    new.append(r)
hidden.active = 1
hidden.save(HERE / "good/hidden-first-sheet.xlsx")
converted(HERE / "good/hidden-first-sheet.xlsx", "xls", HERE / "good/hidden-first-sheet.xls")
converted(HERE / "good/hidden-first-sheet.xlsx", "ods", HERE / "good/hidden-first-sheet.ods")
converted(HERE / "bad/several-sheets.xlsx", "xls", HERE / "bad/several-sheets.xls")
# 9. values no unit allows
(HERE / "bad/pm25-huge.csv").write_text("indicator_code,year,value\nI08,2022,1.7e308\n", encoding="utf-8")
# 10. legacy .xls and .ods, saved by LibreOffice, with a percent cell
percent_xlsx(
    HERE / "legacy-source.xlsx",
    [["指标编码", "年份", "数值", "备注"], ["I07", 2022, 0.725, "百分比格式"], ["I02", 2022, 20.1, None]],
    {"C2"},
)
converted(HERE / "legacy-source.xlsx", "xls", HERE / "good/legacy.xls")
converted(HERE / "legacy-source.xlsx", "ods", HERE / "good/legacy.ods")
(HERE / "legacy-source.xlsx").unlink()
# 12. a 5 KB file claiming (and holding) a cell at XFD1048576; a file of 300 000 shared strings
raw_xlsx(
    HERE / "bad/forged-dimension.xlsx",
    dimension='<dimension ref="A1:XFD1048576"/>',
    rows=HEADER_ROW + GOOD_ROW + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
)
raw_xlsx(
    HERE / "bad/many-shared-strings.xlsx",
    shared=(
        '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + "<si><t>x</t></si>" * 300_000
        + "</sst>"
    ),
)
# 13. malformed workbooks: each must be "damaged", never a crash
raw_xlsx(HERE / "bad/garbage-xml.xlsx", rows=HEADER_ROW + "<row r=2><c r=A2></row>")
raw_xlsx(
    HERE / "bad/entity-expansion.xlsx",
    shared=(
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol2;</t></si></sst>'
    ),
)
raw_xlsx(
    HERE / "bad/shared-string-index.xlsx",
    rows=HEADER_ROW + '<row r="2"><c r="A2" t="s"><v>99</v></c><c r="B2"><v>2022</v></c></row>',
)
raw_xlsx(HERE / "bad/no-sheets.xlsx", workbook=WORKBOOK.replace('<sheet name="Sheet1" sheetId="1" r:id="rId1"/>', ""))
raw_xlsx(
    HERE / "bad/bad-number-format.xlsx",
    styles=STYLES.format(numfmts='<numFmts count="1"><numFmt numFmtId="abc" formatCode="0.0%"/></numFmts>', date_id=14),
)
raw_xlsx(HERE / "bad/bad-cell-ref.xlsx", rows=HEADER_ROW + '<row r="2"><c r="ZZZZZ2"><v>1</v></c></row>')
raw_xlsx(
    HERE / "bad/bad-date.xlsx",
    rows=HEADER_ROW + '<row r="2"><c r="A2" t="inlineStr"><is><t>I07</t></is></c>'
    '<c r="B2" t="d"><v>not-a-date</v></c><c r="C2"><v>72.5</v></c></row>',
)
# 14. a vertical tab pasted from Word in a note: cleaned on input (and the preview says so)
(HERE / "good/control-chars.csv").write_text(
    "指标编码,年份,数值,备注\nI07,2022,72.5,第一行\x0b第二行\n", encoding="utf-8"
)
