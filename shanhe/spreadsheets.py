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
from collections.abc import Sequence
from dataclasses import dataclass

Value = str | int | float | None
FIXED_TIME = dt.datetime(2020, 1, 1)
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
    """One sheet per table, bold frozen header, columns sized to their content."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.worksheets[0])  # a new workbook starts with one empty sheet
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    input_fill = PatternFill("solid", fgColor="FFF2CC")
    for table in tables:
        sheet = book.create_sheet(table.name)
        sheet.append(list(table.header))
        for row in table.rows:
            sheet.append([_xml_safe(neutralise(v)) for v in row])
        for cell in sheet[1]:
            cell.font = bold
            cell.fill = fill
        sheet.freeze_panes = "A2"
        for n, title in enumerate(table.header, start=1):
            width = max([_width(title), *(_width(r[n - 1]) for r in table.rows)])
            letter = get_column_letter(n)
            sheet.column_dimensions[letter].width = 100 if table.prose else min(60, width + 2)
            if title in table.highlight:
                sheet.column_dimensions[letter].width = max(18, width + 2)
                sheet.cell(row=1, column=n).fill = PatternFill("solid", fgColor="FFD966")
                for line in range(2, len(table.rows) + 2):
                    sheet.cell(row=line, column=n).fill = input_fill
        if table.prose:
            for cells in sheet.iter_rows(min_row=2):
                cells[0].alignment = Alignment(wrap_text=True, vertical="top")
    book.properties.creator = "Shanhe"
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    raw = io.BytesIO()
    book.save(raw)
    return _repack(raw.getvalue())


def _xml_safe(value: Value) -> Value:
    """Text stored before input was cleaned may hold characters XLSX cannot: write a space instead of failing."""
    return CONTROL_CHARS.sub(" ", value) if isinstance(value, str) else value


def _width(value: Value) -> int:
    text = "" if value is None else str(value)
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _repack(data: bytes) -> bytes:
    """Rewrite the zip with fixed times: openpyxl stamps "now" on entries and on core.xml."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*",
                    rb"\g<1>" + FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode(),
                    content,
                )
            dst.writestr(entry, content)
    return out.getvalue()
