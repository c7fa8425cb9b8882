"""Read an uploaded CSV or XLSX into rows of text, the way staff actually save them.

Accepts UTF-8 (with or without BOM), GB18030/GBK and UTF-16 CSV (Excel's
"Unicode text"), comma or tab separated, and XLSX with title or blank rows above
the header. Every cell comes back as stripped text (or None) with its spreadsheet
row number, so later messages can say exactly where a problem is.
"""

from __future__ import annotations

import csv
import io
import math
import zipfile
from dataclasses import dataclass

from shanhe.problems import InputRejected, Problem

XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # legacy .xls
HEADER_SCAN_ROWS = 20


@dataclass(frozen=True)
class Cell:
    text: str | None
    formula: bool = False


@dataclass(frozen=True)
class Sheet:
    """Rows of cells; ``rows[i]`` is spreadsheet row ``i + 1``."""

    rows: list[list[Cell]]


def read_sheet(data: bytes, file_name: str, max_bytes: int) -> Sheet:
    """Decode ``data`` (CSV or XLSX) into a Sheet, or raise InputRejected."""
    if len(data) > max_bytes:
        size = {"size_mb": len(data) / 2**20, "limit_mb": max_bytes // 2**20}
        raise InputRejected([Problem(key="import.file_too_large", params=size)])
    if not data.strip():
        raise InputRejected([Problem(key="import.file_empty")])
    if data.startswith(XLSX_MAGIC):
        return _read_xlsx(data)
    if data.startswith(OLE_MAGIC):
        raise InputRejected([Problem(key="import.file_xls")])
    if file_name.lower().endswith(".xlsx"):
        raise InputRejected([Problem(key="import.file_unreadable")])
    return _read_csv(_decode(data))


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputRejected([Problem(key="import.file_unreadable")]) from None
    if b"\x00" in data:
        raise InputRejected([Problem(key="import.file_unreadable")])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputRejected([Problem(key="import.file_bad_encoding", row=line)]) from None


def _read_csv(text: str) -> Sheet:
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return Sheet(rows=[[Cell(_clean(c)) for c in row] for row in reader])
    except csv.Error:
        raise InputRejected([Problem(key="import.file_unreadable")]) from None


def _read_xlsx(data: bytes) -> Sheet:
    import openpyxl  # imported here: only XLSX uploads pay for it

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise InputRejected([Problem(key="import.file_unreadable")]) from None
    try:
        sheet = book.worksheets[0]
        rows: list[list[Cell]] = []
        for row in sheet.iter_rows():
            rows.append([_xlsx_cell(c) for c in row])
        return Sheet(rows=rows)
    finally:
        book.close()


def _xlsx_cell(cell: object) -> Cell:
    value = getattr(cell, "value", None)
    if getattr(cell, "data_type", None) == "f":
        return Cell(text=str(getattr(value, "text", value)), formula=True)
    if value is None:
        return Cell(None)
    if isinstance(value, bool):
        return Cell(str(value))
    if isinstance(value, int):
        return Cell(str(value))
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer():
            return Cell(str(int(value)))
        return Cell(repr(value))
    return Cell(_clean(str(value)))


def _clean(text: str) -> str | None:
    text = text.strip().strip("\ufeff").strip()
    return text or None
