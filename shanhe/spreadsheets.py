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
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass

Value = str | int | float | None
FIXED_TIME = dt.datetime(2020, 1, 1)
#: Rows read to size an XLSX column: enough to fit typical cells, without a scan over every cell.
WIDTH_SAMPLE = 200
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
    """One sheet per table, bold frozen header; streamed row by row (XlsxWriter's constant-memory mode).

    Every cell is written by its type (never ``write()``, which would turn ``=…`` text into a formula). Column
    widths come from the header and the first rows only: a width scan over every cell cost more than writing.
    """
    import xlsxwriter

    raw = io.BytesIO()
    book = xlsxwriter.Workbook(raw, {"constant_memory": True, "tmpdir": tempfile.gettempdir()})
    book.set_properties({"author": "Shanhe", "created": FIXED_TIME})
    head = book.add_format({"bold": True, "bg_color": "#DDEBF7"})
    for table in tables:
        sheet = book.add_worksheet(table.name)
        sheet.freeze_panes(1, 0)
        sample = table.rows[:WIDTH_SAMPLE]
        for n, title in enumerate(table.header):
            width = max([_width(title), *(_width(r[n]) for r in sample)])
            sheet.set_column(n, n, min(60, width + 2))
            sheet.write_string(0, n, title, head)
        for r, row in enumerate(table.rows, start=1):
            for c, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, str):
                    sheet.write_string(r, c, _xml_safe(neutralise(value)))
                else:
                    sheet.write_number(r, c, value)
    book.close()
    return raw.getvalue()


def _xml_safe(value: Value) -> Value:
    """Text stored before input was cleaned may hold characters XLSX cannot: write a space instead of failing."""
    return CONTROL_CHARS.sub(" ", value) if isinstance(value, str) else value


def _width(value: Value) -> int:
    text = "" if value is None else str(value)
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)
