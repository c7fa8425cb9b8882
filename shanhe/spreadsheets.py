"""Write tables as CSV (UTF-8 with BOM, so Excel opens it) or XLSX, byte-for-byte reproducible.

The same rows always give the same bytes: no creation timestamps inside, so two
exports can be compared with ``cmp``. Text cells that a spreadsheet would run as
a formula are neutralised with a leading apostrophe.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

Value = str | int | float | None
FIXED_TIME = dt.datetime(2020, 1, 1)
#: Rows read to size an XLSX column: enough to fit typical cells, without a scan over every cell.
WIDTH_SAMPLE = 200
_ROWS_PER_CHUNK = 2000
_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_HEAD, _HIGHLIGHT_HEAD, _INPUT, _WRAP = ' s="1"', ' s="2"', ' s="3"', ' s="4"'  # cell styles of styles.xml
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: What ``neutralise`` protects with a leading ``'``: formula starts, and text already starting with ``'`` (so
#: that ``unneutralise`` can tell the two apart and an export re-imports unchanged).
_PROTECTED = (*FORMULA_STARTS, "'")
#: Control characters XML 1.0 (and so XLSX) cannot hold, plus DEL and the C1 range; tab and line breaks are fine.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Table:
    name: str
    header: Sequence[str]
    rows: Sequence[Sequence[Value]]
    #: Columns people fill in (the template's 数值): wide and shaded in XLSX, so nobody types in the wrong one.
    highlight: Sequence[str] = ()
    #: Sheet of sentences (填报说明): one wide, wrapping column.
    prose: bool = False


def neutralise(value: Value) -> Value:
    """Prefix text that Excel would evaluate (``=1+1``, ``@SUM``) with ``'``; numbers pass."""
    if isinstance(value, str) and value.startswith(_PROTECTED):
        return "'" + value
    return value


def unneutralise(text: str) -> str:
    """Remove exactly the ``'`` that ``neutralise`` added, so an export imports again with 0 changes."""
    if text.startswith("'") and text[1:].startswith(_PROTECTED):
        return text[1:]
    return text


def clean_controls(text: str) -> tuple[str, list[str]]:
    """Replace control characters with a space; also return which ones (``U+000B``) were there."""
    found = sorted({f"U+{ord(ch):04X}" for ch in CONTROL_CHARS.findall(text)})
    return (CONTROL_CHARS.sub(" ", text), found) if found else (text, [])


def typed_text(text: str | None) -> str | None:
    """Free text typed into a form, as stored: control characters (a NUL from a pasted document, which PostgreSQL
    cannot store) as spaces, trimmed; None when nothing is left."""
    return clean_controls(text or "")[0].strip() or None


def to_csv(table: Table) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(table.header)
    for row in table.rows:
        writer.writerow(["" if v is None else _csv_number(neutralise(v)) for v in row])
    return buf.getvalue().encode("utf-8-sig")


def _csv_number(value: Value) -> Value:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def to_xlsx(tables: Sequence[Table]) -> bytes:
    """One sheet per table, bold frozen header; the sheet XML is streamed into the zip a block of rows at a time.

    Written directly (inline strings, typed cells, nothing evaluated): 1.3 million cells of a city's history took
    35 s through openpyxl's object model and 18 s through XlsxWriter, and a few seconds this way. Column widths
    come from the header and the first rows only: a width scan over every cell cost more than the writing.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in _xlsx_parts([t.name for t in tables]).items():
            package.writestr(_entry(name), content)
        for n, table in enumerate(tables, start=1):
            with package.open(_entry(f"xl/worksheets/sheet{n}.xml"), "w") as part:
                for chunk in _sheet_xml(table):
                    part.write(chunk.encode("utf-8"))
    return out.getvalue()


def _entry(name: str) -> zipfile.ZipInfo:
    """A zip entry with a fixed time, so the same tables always give the same bytes."""
    entry = zipfile.ZipInfo(name, date_time=FIXED_TIME.timetuple()[:6])
    entry.compress_type = zipfile.ZIP_DEFLATED
    return entry


def _sheet_xml(table: Table) -> Iterator[str]:
    letters = [_column_letter(n) for n in range(1, len(table.header) + 1)]
    sample = table.rows[:WIDTH_SAMPLE]
    fits = [max([_width(title), *(_width(r[n]) for r in sample)]) + 2 for n, title in enumerate(table.header)]
    widths = [
        100 if table.prose else max(18, fit) if title in table.highlight else min(60, fit)
        for title, fit in zip(table.header, fits, strict=True)
    ]
    heads = [_HIGHLIGHT_HEAD if title in table.highlight else _HEAD for title in table.header]
    styles = [
        _WRAP if table.prose and n == 0 else _INPUT if title in table.highlight else ""
        for n, title in enumerate(table.header)
    ]
    cols = "".join(f'<col min="{n}" max="{n}" width="{w}" customWidth="1"/>' for n, w in enumerate(widths, start=1))
    yield (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{_MAIN_NS}"><sheetViews><sheetView workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
        f"<cols>{cols}</cols><sheetData>"
    )
    memo: dict[str, str] = {}
    yield _row_xml(1, letters, list(table.header), {}, heads)
    for start in range(0, len(table.rows), _ROWS_PER_CHUNK):
        block = table.rows[start : start + _ROWS_PER_CHUNK]
        yield "".join(_row_xml(start + n, letters, row, memo, styles) for n, row in enumerate(block, start=2))
    yield "</sheetData></worksheet>"


def _row_xml(
    number: int, letters: Sequence[str], row: Sequence[Value], memo: dict[str, str], styles: Sequence[str]
) -> str:
    """One row, each cell in its column's style; ``memo`` holds each distinct text's cell body (names, units,
    regions and times repeat)."""
    cells = []
    for letter, value, style in zip(letters, row, styles, strict=False):
        if value is None:
            if style:  # an empty cell to fill in still shows its colour
                cells.append(f'<c r="{letter}{number}"{style}/>')
            continue
        if isinstance(value, str):
            body = memo.get(value)
            if body is None:
                text = _xml_text(str(_xml_safe(neutralise(value))))
                body = memo[value] = f' t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'
            cells.append(f'<c r="{letter}{number}"{style}{body}')
        else:
            cells.append(f'<c r="{letter}{number}"{style}><v>{value!r}</v></c>')
    return f'<row r="{number}">{"".join(cells)}</row>'


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _column_letter(n: int) -> str:
    letters = ""
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _xlsx_parts(names: Sequence[str]) -> dict[str, str]:
    """Every part of the package except the sheets: content types, relations, workbook, styles, properties."""
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006"
    sheets = range(1, len(names) + 1)
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    return {
        "[Content_Types].xml": head + f'<Types xmlns="{pkg}/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        + "".join(
            f'<Override PartName="/xl/worksheets/sheet{n}.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for n in sheets
        )
        + '<Override PartName="/docProps/core.xml" '
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
        "_rels/.rels": head + f'<Relationships xmlns="{pkg}/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
        f'<Relationship Id="rId2" Type="{pkg}/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        "</Relationships>",
        "docProps/core.xml": head + f'<cp:coreProperties xmlns:cp="{pkg}/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Shanhe</dc:creator>'
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified></cp:coreProperties>',
        "xl/workbook.xml": head
        + f'<workbook xmlns="{_MAIN_NS}" xmlns:r="{rel}"><sheets>'
        + "".join(
            f'<sheet name="{_xml_text(name).replace(chr(34), "&quot;")}" sheetId="{n}" r:id="rId{n}"/>'
            for n, name in zip(sheets, names, strict=True)
        )
        + "</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": head
        + f'<Relationships xmlns="{pkg}/relationships">'
        + "".join(
            f'<Relationship Id="rId{n}" Type="{rel}/worksheet" Target="worksheets/sheet{n}.xml"/>' for n in sheets
        )
        + f'<Relationship Id="rId{len(names) + 1}" Type="{rel}/styles" Target="styles.xml"/></Relationships>',
        # styles: 1 a header (bold, light blue), 2 the header of a column people fill in (bold, yellow), 3 its cells
        # (pale yellow), 4 a sentence (wrapping, top-aligned)
        "xl/styles.xml": head + f'<styleSheet xmlns="{_MAIN_NS}">'
        '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
        '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="5"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/>'
        '</fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/></patternFill></fill>'
        '<fill><patternFill patternType="solid"><fgColor rgb="FFFFD966"/></patternFill></fill>'
        '<fill><patternFill patternType="solid"><fgColor rgb="FFFFF2CC"/></patternFill></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>'
        '<xf numFmtId="0" fontId="1" fillId="3" borderId="0" xfId="0" applyFont="1" applyFill="1"/>'
        '<xf numFmtId="0" fontId="0" fillId="4" borderId="0" xfId="0" applyFill="1"/>'
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
        '<alignment wrapText="1" vertical="top"/></xf></cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
    }


def _xml_safe(value: Value) -> Value:
    """Text stored before input was cleaned may hold characters XLSX cannot: write a space instead of failing."""
    return CONTROL_CHARS.sub(" ", value) if isinstance(value, str) else value


def _width(value: Value) -> int:
    text = "" if value is None else str(value)
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)
