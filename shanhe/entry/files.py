"""Read an uploaded CSV or workbook into rows of text, the way staff actually save them, within fixed limits.

Accepts UTF-8 (with or without BOM), GB18030/GBK and UTF-16 CSV (Excel's
"Unicode text"), comma or tab separated, and XLSX, legacy XLS and ODS workbooks
with title or blank rows above the header. Every cell comes back as stripped
text (or None) with its spreadsheet row number, so later messages can say exactly
where a problem is. A cell formatted as a percentage comes back as the text Excel
shows ("71.2%"), so the importer treats it like a typed "71.2%".

Uploads are hostile until proven otherwise: a workbook's declared size is never
trusted (rows are streamed and only cells that exist are kept), XML with a DTD or
entities is refused, and rows, columns, unpacked bytes, shared strings and cells
parsed are all capped. Anything a parser chokes on is "a damaged file", never a crash.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import warnings
import zipfile
from collections.abc import Callable, Container, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from decimal import Decimal
from typing import IO, TYPE_CHECKING, Protocol, TypedDict, cast

from shanhe.errors import InputRejected, Problem

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

    import xlrd.book
    import xlrd.sheet
    from openpyxl.styles.cell_style import StyleArray

XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # legacy .xls (and other old Office files)
HEADER_SCAN_ROWS = 20
#: Limits for one uploaded file (README lists them).
MAX_ROWS = 100_000
MAX_COLUMNS = 50
MAX_UNPACKED_BYTES = 64 * 2**20  # XML inside a workbook, counted while unpacking, never from the header
MAX_SHARED_STRINGS = 200_000
MAX_CELLS = 2_000_000  # cells parsed per file, empty or not: bounds the work a crafted file can cause
_CHUNK = 2**20
_OVERLAP = 32


@dataclass(frozen=True)
class Cell:
    text: str | None
    formula: bool = False


@dataclass(frozen=True)
class Sheet:
    """Rows of cells; ``rows[i]`` is spreadsheet row ``i + 1``. ``name`` is the worksheet's, for workbooks."""

    rows: list[list[Cell]]
    name: str | None = None


HeaderTest = Callable[[list[Cell]], bool]


def _reject(key: str, **params: object) -> InputRejected:
    return InputRejected([Problem(key=key, params=params)])


def read_sheet(
    data: bytes,
    file_name: str,
    max_bytes: int,
    *,
    sheet: str | None = None,
    is_header: HeaderTest = lambda cells: True,
) -> Sheet:
    """Decode ``data`` (CSV, XLSX, XLS or ODS) into a Sheet, or raise InputRejected.

    ``sheet`` names the worksheet to read; without it the only visible sheet is read,
    or among several the one whose first rows pass ``is_header``.
    """
    if len(data) > max_bytes:
        raise _reject("import.file_too_large", size_mb=len(data) / 2**20, limit_mb=max_bytes // 2**20)
    if not data.strip():
        raise _reject("import.file_empty")
    if data.startswith(XLSX_MAGIC):
        return _read_book(_zip_book(data), sheet, is_header)
    if data.startswith(OLE_MAGIC):
        return _read_book(_xls_book(data), sheet, is_header)
    if file_name.lower().endswith((".xlsx", ".xls", ".ods")):
        raise _reject("import.file_corrupt")
    return Sheet(rows=_read_csv(_decode(data)))


# ---- CSV ------------------------------------------------------------------------
def _decode(data: bytes) -> str:
    """One encoding for the whole file: a UTF-8 file with a stray byte is refused, not read as GB18030."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise _reject("import.file_unreadable") from None
    if b"\x00" in data:
        raise _reject("import.file_unreadable")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        kept = data.decode("utf-8", "ignore")
        bad = data.decode("utf-8", "replace").count("\ufffd") - kept.count("\ufffd")
        if sum(ord(ch) > 127 for ch in kept) > bad:  # mostly valid UTF-8: a mixed file, not GB18030
            line = data[: exc.start].count(b"\n") + 1
            raise _reject("import.file_mixed_encoding", byte=exc.start + 1, line=line) from None
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputRejected([Problem(key="import.file_bad_encoding", row=line)]) from None


def _read_csv(text: str) -> list[list[Cell]]:
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[list[Cell]] = []
    try:
        for cells in reader:
            row = len(rows) + 1
            # a quote left open swallows the rows after it into one cell: refuse that, name the row
            if any("\n" in c and any(delimiter in part for part in c.splitlines()[1:]) for c in cells):
                raise _reject_row("import.quote_unclosed", row)
            rows.append(_limited(row, [Cell(_clean(c)) for c in cells]))
    except csv.Error:
        raise _reject_row("import.quote_unclosed", len(rows) + 1) from None
    return rows


def _reject_row(key: str, row: int, **params: object) -> InputRejected:
    return InputRejected([Problem(key=key, row=row, params=params)])


def _limited(row: int, cells: list[Cell]) -> list[Cell]:
    """Enforce the row and column caps on one row; drop empty cells past the last filled one."""
    while cells and cells[-1].text is None:
        cells.pop()
    if cells and row > MAX_ROWS:
        raise _reject_row("import.too_many_rows", row, limit=MAX_ROWS)
    if len(cells) > MAX_COLUMNS:
        raise _reject_row("import.too_many_columns", row, col=len(cells), limit=MAX_COLUMNS)
    return cells


def _clean(text: str) -> str | None:
    text = text.strip().strip("\ufeff").strip()
    return text or None


def _number_text(value: float | int, percent: bool) -> str:
    """The cell as Excel shows it: 0.712 in a % cell is "71.2%" (exact decimal, no 71.19999…)."""
    if percent:
        return format((Decimal(repr(value)) * 100).normalize(), "f") + "%"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)


def is_percent_format(number_format: str | None) -> bool:
    """Whether a number format scales by 100 (``0.0%``), ignoring quoted or escaped literal ``%`` signs."""
    if not number_format:
        return False
    plain = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", number_format)
    return "%" in plain


# ---- workbooks ----------------------------------------------------------------------
@dataclass
class _Budget:
    """Cells parsed so far in this file, across sheets."""

    cells: int = 0

    def spend(self, n: int) -> None:
        self.cells += n
        if self.cells > MAX_CELLS:
            raise _reject("import.too_much_work", limit=MAX_CELLS)


@dataclass
class _BookSheet:
    name: str
    visible: bool
    active: bool
    rows: Callable[[int | None], list[list[Cell]]]  # rows up to a limit (None: all)


def _read_book(sheets: list[_BookSheet], wanted: str | None, is_header: HeaderTest) -> Sheet:
    """Pick the sheet to import: the named one, the only visible one, or the one visible sheet with a header."""
    visible = [s for s in sheets if s.visible]
    try:
        if wanted is not None:
            chosen = next((s for s in sheets if s.name == wanted), None)
            if chosen is None:
                raise _reject("import.sheet_unknown", sheet=wanted, sheets="、".join(s.name for s in visible))
        elif not visible:
            raise _reject("import.file_corrupt")
        elif len(visible) == 1:
            chosen = visible[0]
        else:
            headed = [s for s in visible if any(is_header(r) for r in s.rows(HEADER_SCAN_ROWS))]
            if len(headed) > 1:
                raise InputRejected(
                    [
                        Problem(
                            key="import.several_sheets",
                            params={"sheets": "、".join(s.name for s in headed), "names": [s.name for s in headed]},
                        )
                    ]
                )
            chosen = headed[0] if headed else next((s for s in visible if s.active), visible[0])
        return Sheet(rows=chosen.rows(None), name=chosen.name)
    except InputRejected:
        raise
    except Exception:  # any parser failure on a crafted or damaged file (bad XML, bad index, bad date…)
        raise _reject("import.file_corrupt") from None


def _dense(indexed: Iterator[tuple[int, list[Cell]]], limit: int | None) -> list[list[Cell]]:
    """Spreadsheet rows 1…last filled row, from (row number, cells) pairs of the rows that exist."""
    rows: list[list[Cell]] = []
    for number, cells in indexed:
        if limit is not None and number > limit:
            break
        if cells:
            rows.extend([] for _ in range(number - 1 - len(rows)))
            rows.append(cells)
    return rows


def _place(row: int, found: dict[int, Cell]) -> list[Cell]:
    """A row's cells by 1-based column, empty ones between, within the caps."""
    found = {c: cell for c, cell in found.items() if cell.text is not None or cell.formula}
    if not found:
        return []
    if row > MAX_ROWS:
        raise _reject_row("import.too_many_rows", row, limit=MAX_ROWS)
    last = max(found)
    if last > MAX_COLUMNS:
        raise _reject_row("import.too_many_columns", row, col=last, limit=MAX_COLUMNS)
    return [found.get(c, Cell(None)) for c in range(1, last + 1)]


def _scan_package(data: bytes) -> None:
    """Unpack every XML part once, counting real bytes (not the zip's claims): refuse DTDs and entities,
    zip bombs, and more shared strings than the cap, before any XML parser sees the file."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            total = 0
            for info in package.infolist():
                if not info.filename.endswith((".xml", ".rels")):
                    continue
                shared = info.filename.endswith("sharedStrings.xml")
                strings = 0
                tail = b""
                with package.open(info) as part:
                    while chunk := part.read(_CHUNK):
                        total += len(chunk)
                        if total > MAX_UNPACKED_BYTES:
                            raise _reject("import.too_much_work", limit=MAX_CELLS)
                        window = tail + chunk
                        if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                            raise _reject("import.file_corrupt")
                        if shared:
                            strings += len(re.findall(rb"<(?:\w+:)?si[\s/>]", window[: len(window) - _OVERLAP]))
                        tail = window[-_OVERLAP:]
                    if shared:
                        strings += len(re.findall(rb"<(?:\w+:)?si[\s/>]", tail))
                if strings > MAX_SHARED_STRINGS:
                    raise _reject("import.too_many_strings", count=strings, limit=MAX_SHARED_STRINGS)
    except InputRejected:
        raise
    except Exception:
        raise _reject("import.file_corrupt") from None


def _zip_book(data: bytes) -> list[_BookSheet]:
    _scan_package(data)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
    except Exception:
        raise _reject("import.file_corrupt") from None
    if "content.xml" in names and "xl/workbook.xml" not in names:
        return _ods_book(data)
    return _xlsx_book(data)


class _StyledBook(Protocol):
    """The private state of openpyxl's read-only workbook that streaming needs (types-openpyxl leaves it out)."""

    @property
    def epoch(self) -> dt.datetime: ...

    _cell_styles: Sequence[StyleArray]
    _number_formats: Sequence[str]
    _date_formats: Container[int]
    _timedelta_formats: Container[int]


class _ParsedCell(TypedDict):
    """A cell as openpyxl's WorkSheetParser yields it."""

    row: int
    column: int
    value: object
    data_type: str
    style_id: int


class _StreamedSheet(Protocol):
    """A read-only worksheet's private XML source and shared strings (types-openpyxl leaves them out)."""

    title: str
    sheet_state: str
    _shared_strings: Sequence[str]

    def _get_source(self) -> AbstractContextManager[IO[bytes]]: ...


def _xlsx_book(data: bytes) -> list[_BookSheet]:
    import openpyxl  # imported here: only workbook uploads pay for it
    from openpyxl.styles.numbers import BUILTIN_FORMATS

    budget = _Budget()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            loaded = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        book = cast(_StyledBook, loaded)
        active = loaded.active
        percent_styles = {
            n
            for n, style in enumerate(book._cell_styles)
            if is_percent_format(
                book._number_formats[style.numFmtId - 164]
                if style.numFmtId >= 164
                else BUILTIN_FORMATS.get(style.numFmtId)
            )
        }
    except Exception:
        raise _reject("import.file_corrupt") from None

    def reader(ws: _StreamedSheet) -> Callable[[int | None], list[list[Cell]]]:
        return lambda limit: _dense(_xlsx_rows(book, ws, percent_styles, budget), limit)

    return [
        _BookSheet(
            name=ws.title,
            visible=ws.sheet_state == "visible",
            active=ws is active,
            rows=reader(cast(_StreamedSheet, ws)),  # read-only mode: every worksheet is a ReadOnlyWorksheet
        )
        for ws in loaded.worksheets
    ]


def _xlsx_rows(
    book: _StyledBook, ws: _StreamedSheet, percent_styles: set[int], budget: _Budget
) -> Iterator[tuple[int, list[Cell]]]:
    """Stream one worksheet's XML: only cells that exist, never the declared dimension."""
    from openpyxl.worksheet._reader import WorkSheetParser

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with ws._get_source() as source:
            parser = WorkSheetParser(
                source,
                ws._shared_strings,
                data_only=False,
                epoch=book.epoch,
                date_formats=book._date_formats,
                timedelta_formats=book._timedelta_formats,
            )
            parsed: Iterator[tuple[int, list[_ParsedCell]]] = parser.parse()  # untyped in types-openpyxl
            for elements, (number, cells) in enumerate(parsed, start=1):
                budget.spend(len(cells) + 1)
                if elements > MAX_ROWS:
                    raise _reject_row("import.too_many_rows", number, limit=MAX_ROWS)
                yield number, _place(number, {c["column"]: _xlsx_cell(c, percent_styles) for c in cells})


def _xlsx_cell(cell: _ParsedCell, percent_styles: set[int]) -> Cell:
    value, kind = cell["value"], cell["data_type"]
    if kind == "f":
        return Cell(text=str(getattr(value, "text", value)), formula=True)
    if value is None:
        return Cell(None)
    if isinstance(value, bool):
        return Cell(str(value))
    if isinstance(value, int | float):
        return Cell(_number_text(value, cell["style_id"] in percent_styles))
    if isinstance(value, dt.datetime | dt.date | dt.time | dt.timedelta):
        return Cell(str(value))
    return Cell(_clean(str(value)))


# ---- legacy .xls ------------------------------------------------------------------------
def _xls_book(data: bytes) -> list[_BookSheet]:
    """Excel 97–2003 through xlrd, with formats (for percent cells); blank cells are skipped."""
    import xlrd

    budget = _Budget()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = xlrd.open_workbook(file_contents=data, formatting_info=True, ragged_rows=True, logfile=io.StringIO())
        sheets = [book.sheet_by_index(n) for n in range(book.nsheets)]
    except Exception:
        raise _reject("import.file_corrupt") from None

    def reader(sh: xlrd.sheet.Sheet) -> Callable[[int | None], list[list[Cell]]]:
        return lambda limit: _dense(_xls_rows(book, sh, budget), limit)

    return [
        _BookSheet(
            name=sh.name,
            visible=sh.visibility == 0,
            # xlrd sets the WINDOW2 flags (sheet_visible: the sheet shown on opening) by setattr; types-xlrd omits them
            active=bool(sh.sheet_visible),  # type: ignore[attr-defined]
            rows=reader(sh),
        )
        for sh in sheets
    ]


def _xls_rows(book: xlrd.book.Book, sh: xlrd.sheet.Sheet, budget: _Budget) -> Iterator[tuple[int, list[Cell]]]:
    for r in range(sh.nrows):
        width = sh.row_len(r)
        budget.spend(width + 1)
        yield r + 1, _place(r + 1, {c + 1: _xls_cell(book, sh.cell(r, c)) for c in range(width)})


def _xls_cell(book: xlrd.book.Book, cell: xlrd.sheet.Cell) -> Cell:
    """xlrd holds text as str, booleans and error codes as int, numbers and dates as float."""
    import xlrd

    kind, value = cell.ctype, cell.value
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return Cell(None)
    if kind == xlrd.XL_CELL_TEXT:
        return Cell(_clean(str(value)))
    if kind == xlrd.XL_CELL_BOOLEAN:
        return Cell(str(bool(value)))
    if kind == xlrd.XL_CELL_ERROR:
        return Cell(xlrd.error_text_from_code.get(int(value), "#ERROR"))
    number = float(value)
    if kind == xlrd.XL_CELL_DATE:
        try:
            return Cell(str(xlrd.xldate.xldate_as_datetime(number, book.datemode)))
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return Cell(_number_text(number, False))
    fmt = book.format_map.get(book.xf_list[cell.xf_index].format_key) if cell.xf_index is not None else None
    return Cell(_number_text(number, is_percent_format(fmt.format_str if fmt else None)))


# ---- OpenDocument .ods ------------------------------------------------------------------------
_T = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_O = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_S = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_CFG = "{urn:oasis:names:tc:opendocument:xmlns:config:1.0}"


def _ods_book(data: bytes) -> list[_BookSheet]:
    """ODS by streaming content.xml: repeated empty rows and cells (LibreOffice writes a million) cost nothing."""
    from defusedxml.ElementTree import iterparse

    budget = _Budget()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            active = _ods_active(package)
            hidden_styles: set[str] = set()
            sheets: list[_BookSheet] = []
            with package.open("content.xml") as content:
                rows: list[list[Cell]] = []
                number = elements = 0
                for event, el in iterparse(content, events=("start", "end")):
                    if event == "start" and el.tag == f"{_T}table":
                        rows, number = [], 0
                    elif event != "end":
                        continue
                    elif el.tag == f"{_S}style" and any(
                        p.get(f"{_T}display") == "false" for p in el.iter(f"{_S}table-properties")
                    ):
                        hidden_styles.add(el.get(f"{_S}name", ""))
                    elif el.tag == f"{_T}table-row":
                        repeat = int(el.get(f"{_T}number-rows-repeated", "1"))
                        cells = _ods_cells(el, budget)
                        el.clear()
                        elements += 1
                        if elements > MAX_ROWS:
                            raise _reject_row("import.too_many_rows", number + 1, limit=MAX_ROWS)
                        if not cells:
                            number += repeat
                            continue
                        for _ in range(repeat):
                            number += 1
                            budget.spend(len(cells))
                            placed = _place(number, cells)
                            rows.extend([] for _ in range(number - 1 - len(rows)))
                            rows.append(placed)
                    elif el.tag == f"{_T}table":
                        name = el.get(f"{_T}name", "")
                        sheets.append(
                            _BookSheet(
                                name=name,
                                visible=el.get(f"{_T}style-name") not in hidden_styles,
                                active=name == active,
                                rows=_stored(rows),
                            )
                        )
                        el.clear()
        return sheets
    except InputRejected:
        raise
    except Exception:
        raise _reject("import.file_corrupt") from None


def _stored(rows: list[list[Cell]]) -> Callable[[int | None], list[list[Cell]]]:
    return lambda limit: rows[:limit] if limit else rows


def _ods_cells(row: Element, budget: _Budget) -> dict[int, Cell]:
    found: dict[int, Cell] = {}
    column = 0
    for el in list(row):
        if el.tag not in (f"{_T}table-cell", f"{_T}covered-table-cell"):
            continue
        repeat = int(el.get(f"{_T}number-columns-repeated", "1"))
        budget.spend(1)
        cell = _ods_cell(el)
        if cell.text is None and not cell.formula:
            column += repeat
            continue
        for _ in range(repeat):
            column += 1
            if column > MAX_COLUMNS:
                return {**found, column: cell}  # _place reports the column
            found[column] = cell
    return found


def _ods_cell(el: Element) -> Cell:
    formula = el.get(f"{_T}formula")
    if formula:
        return Cell(text=formula.split(":", 1)[-1] if formula.startswith("of:") else formula, formula=True)
    kind = el.get(f"{_O}value-type")
    if kind in ("float", "percentage", "currency"):
        value = float(el.attrib[f"{_O}value"])  # required for these types; missing: a damaged file
        return Cell(_number_text(int(value) if value.is_integer() else value, kind == "percentage"))
    if kind == "date":
        return Cell(el.get(f"{_O}date-value"))
    if kind == "boolean":
        return Cell(str(el.get(f"{_O}boolean-value") == "true"))
    text = "\n".join("".join(p.itertext()) for p in el if p.tag.endswith("}p"))
    return Cell(_clean(text))


def _ods_active(package: zipfile.ZipFile) -> str | None:
    """The sheet LibreOffice shows on opening (settings.xml ActiveTable), if recorded."""
    from defusedxml.ElementTree import fromstring

    if "settings.xml" not in package.namelist():
        return None
    with package.open("settings.xml") as fh:
        root = fromstring(fh.read(MAX_UNPACKED_BYTES))
    item = next((i for i in root.iter(f"{_CFG}config-item") if i.get(f"{_CFG}name") == "ActiveTable"), None)
    return item.text if item is not None else None
