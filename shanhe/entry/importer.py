"""Yearly values in, all or nothing: one code path for the CLI and the upload page.

``plan_import`` reads a file, validates every row with pydantic and compares it
with the store; it writes nothing. ``commit_import`` writes the planned rows as
one batch in one transaction. Any problem anywhere rejects the whole file.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from shanhe import clock
from shanhe.auth import User, require
from shanhe.catalog import Indicator
from shanhe.entry.files import HEADER_SCAN_ROWS, Cell, Sheet, read_sheet
from shanhe.errors import InputRejected, Problem
from shanhe.logs import event
from shanhe.models import Batch, Observation
from shanhe.spreadsheets import clean_controls, unneutralise
from shanhe.store import Store

TEXT_LIMIT = 500
#: Optional text fields: an empty cell keeps what is stored (a re-uploaded template must not blank sources).
OPTIONAL_TEXT = ("source", "note")
#: What a change can touch, in the order the preview names them.
CHANGE_FIELDS = ("value", "source", "note")
#: Written in a value cell to mean "no figure": the row is skipped like an empty one.
NO_DATA_MARKS = {"—", "-", "--", "/", "－", "——"}

#: Column names accepted on upload, per field; the first Chinese name is what templates write.
COLUMNS: dict[str, tuple[str, ...]] = {
    "indicator_code": ("指标编码", "indicator_code", "指标代码", "编码", "code"),
    "indicator_name": ("指标名称", "indicator_name", "指标", "name"),
    "unit": ("单位", "unit", "计量单位"),
    "year": ("年份", "year", "年度"),
    "value": ("数值", "value", "值"),
    "region": ("地区", "region", "区域"),
    "source": ("数据来源", "source", "来源"),
    "note": ("备注", "note", "说明"),
}
#: Columns of the template and the export that are for reference only and ignored on
#: upload, so an export can be imported again unchanged.
REFERENCE_COLUMNS: dict[str, tuple[str, ...]] = {
    "seq": ("序号", "seq"),
    "previous": ("上年数值（仅供参考）", "previous_value"),
    "measure": ("填报口径", "measure"),
    "batch": ("批次", "batch"),
    "entered_by": ("录入人", "entered_by"),
    "entered_at": ("录入时间", "entered_at"),
}


def _norm(text: str) -> str:
    """Fold full-width forms, case and spaces, so ' 指标编码 ' and 'Indicator_Code' match."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


_FIELD_OF = {_norm(alias): field for field, aliases in {**COLUMNS, **REFERENCE_COLUMNS}.items() for alias in aliases}


class RowContext(BaseModel):
    """What a row is checked against: the store's indicators, regions and the plan's years."""

    model_config = ConfigDict(arbitrary_types_allowed=True, frozen=True)
    by_code: dict[str, Indicator]
    by_name: dict[str, Indicator]
    regions: frozenset[str]
    #: The region of a row that names none: the whole district (PlanInfo.default_region).
    district: str
    years: range

    @classmethod
    def build(cls, indicators: Sequence[Indicator], regions: Sequence[str], district: str, years: range) -> RowContext:
        return cls(
            by_code={i.code: i for i in indicators},
            by_name={_norm(i.name): i for i in indicators},
            regions=frozenset(regions),
            district=district,
            years=years,
        )


def _ctx(info: ValidationInfo) -> RowContext:
    assert info.context is not None  # parse_rows validates every row with context={"rows": RowContext}
    return info.context["rows"]


def _fail(key: str, **params: object) -> PydanticCustomError:
    return PydanticCustomError(key, key, params)


class ObservationRow(BaseModel):
    """One uploaded row; field order matters: later validators use earlier results."""

    indicator_name: str | None
    indicator_code: str
    unit: str | None
    region: str
    year: int
    value: float
    source: str | None
    note: str | None

    @field_validator("indicator_code", mode="before")
    @classmethod
    def _resolve_indicator(cls, raw: str | None, info: ValidationInfo) -> str:
        rows = _ctx(info)
        name = info.data.get("indicator_name")
        if raw is None:
            if name is None:
                raise _fail("cell.indicator_missing")
            found = rows.by_name.get(_norm(name))
            if found is None:
                raise _fail("cell.indicator_name_unknown", field="indicator_name")
            return found.code
        code = unicodedata.normalize("NFKC", raw).strip().upper()
        ind = rows.by_code.get(code)
        if ind is None:
            last_s = max((c for c in rows.by_code if c.startswith("S")), default="S00")[1:]
            raise _fail("cell.indicator_unknown", last_s=last_s)
        if name is not None and _norm(name) != _norm(ind.name):
            raise _fail("cell.indicator_name_mismatch", field="indicator_name", code=code, expected=ind.name)
        return code

    @field_validator("unit", mode="before")
    @classmethod
    def _check_unit(cls, raw: str | None, info: ValidationInfo) -> str | None:
        ind = _ctx(info).by_code.get(info.data.get("indicator_code", ""))
        if raw is None or ind is None:
            return raw
        if _norm(raw).replace("³", "3") != _norm(ind.unit).replace("³", "3"):
            raise _fail("cell.unit_mismatch", code=ind.code, expected=ind.unit)
        return raw

    @field_validator("region", mode="before")
    @classmethod
    def _check_region(cls, raw: str | None, info: ValidationInfo) -> str:
        rows = _ctx(info)
        if raw is None:
            return rows.district
        if raw not in rows.regions:
            shown = sorted(rows.regions, key=lambda r: (r != rows.district, r))
            allowed = "、".join(shown[:20]) + ("…" if len(shown) > 20 else "")
            raise _fail("cell.region_unknown", allowed=allowed, district=rows.district)
        return raw

    @field_validator("year", mode="before")
    @classmethod
    def _parse_year(cls, raw: str | None, info: ValidationInfo) -> int:
        if raw is None:
            raise _fail("cell.year_missing")
        text = unicodedata.normalize("NFKC", raw).strip().removesuffix("年").strip()
        match = re.fullmatch(r"(\d{4})(\.0+)?", text)
        if not match:
            raise _fail("cell.year_invalid")
        year = int(match.group(1))
        years = _ctx(info).years
        if year not in years:
            raise _fail("cell.year_out_of_range", min=years[0], max=years[-1])
        if year > clock.current_year():  # a typo such as 2030 would otherwise become the dashboard's year
            raise _fail("cell.year_future", year=year)
        ind = _ctx(info).by_code.get(info.data.get("indicator_code", ""))
        if ind is not None and ind.measure == "cumulative_change" and year == ind.baseline.year:
            raise _fail("cell.year_is_base", name=ind.name, year=year, next=year + 1)
        return year

    @field_validator("value", mode="before")
    @classmethod
    def _parse_value(cls, raw: str, info: ValidationInfo) -> float:
        ind = _ctx(info).by_code.get(info.data.get("indicator_code", ""))
        text = unicodedata.normalize("NFKC", raw).strip().replace(" ", "")
        sign = next((s for s in ("%", "‰") if text.endswith(s)), None)
        if sign:
            text = text[: -len(sign)]
        if re.fullmatch(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?", text):
            text = text.replace(",", "")
        if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|[+-]?(nan|inf|infinity)", text, re.I):
            raise _fail("cell.value_not_number")
        value = float(text)
        if not math.isfinite(value):
            raise _fail("cell.value_not_finite")
        if value == 0:
            value = 0.0  # "-0" is stored and shown as 0
        if ind is None:
            return value
        if sign and sign != ind.unit:
            raise _fail("cell.value_wrong_sign", sign=sign, name=ind.name, unit=ind.unit)
        low, high = ind.range
        if low == 0 and value < 0:
            raise _fail("cell.value_negative", name=ind.name, unit=ind.unit)
        if (low is not None and value < low) or (high is not None and value > high):
            span = f"{_fmt(low) if low is not None else '-∞'}–{_fmt(high) if high is not None else '∞'}"
            raise _fail("cell.value_out_of_range", name=ind.name, unit=ind.unit, range=span)
        return value

    @field_validator("source", "note", mode="before")
    @classmethod
    def _limit_text(cls, raw: str | None) -> str | None:
        if raw is not None and len(raw) > TEXT_LIMIT:
            raise _fail("cell.text_too_long", length=len(raw), limit=TEXT_LIMIT)
        return raw


def _fmt(number: float) -> str:
    return f"{number:g}"


class PlannedRow(BaseModel):
    row: int
    observation: Observation
    previous: Observation | None
    status: Literal["added", "changed", "unchanged"]
    changes: tuple[str, ...] = ()  # which of CHANGE_FIELDS differ from the stored value


class ImportPlan(BaseModel):
    """What an import would do; nothing is written until ``commit_import``."""

    file_name: str
    sha256: str
    rows: list[PlannedRow]
    skipped_blank: int
    notices: list[Problem] = []  # what the import ignored or cleaned, shown with the preview
    sheet: str | None = None

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def counts(self) -> tuple[int, int, int]:
        return (self.count("added"), self.count("changed"), self.count("unchanged"))


def is_header(cells: Sequence[Cell]) -> bool:
    """Whether a row names the year, the value and the indicator (by code or name)."""
    found = {_FIELD_OF.get(_norm(c.text)) for c in cells if c.text}
    return {"year", "value"} <= found and bool(found & {"indicator_code", "indicator_name"})


def is_import_header(cells: Sequence[Cell]) -> bool:
    """A header an import could use as it is: no unknown columns (so an export's revision-history
    sheet, with its 修订号 column, does not compete with the sheet of current values)."""
    return is_header(cells) and all(_norm(c.text) in _FIELD_OF for c in cells if c.text)


def _header(sheet: Sheet) -> tuple[int, dict[int, str]]:
    """Find the header row among the first rows; map column index → field."""
    for index, cells in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        fields = {n: _FIELD_OF.get(_norm(c.text)) for n, c in enumerate(cells) if c.text}
        if is_header(cells):
            problems: list[Problem] = []
            seen: dict[str, str] = {}
            allowed = "、".join(a[0] for a in COLUMNS.values())
            for n, field in fields.items():
                text = cells[n].text or ""
                if field is None:
                    problems.append(
                        Problem(key="import.column_unknown", row=index + 1, value=text, params={"allowed": allowed})
                    )
                elif field in seen:
                    problems.append(Problem(key="import.column_duplicate", row=index + 1, value=text))
                seen.setdefault(field or text, text)
            if problems:
                raise InputRejected(problems)
            return index, {n: f for n, f in fields.items() if f is not None}
    raise InputRejected([Problem(key="import.header_missing", params={"rows": HEADER_SCAN_ROWS})])


def parse_observations(
    sheet: Sheet, indicators: Sequence[Indicator], regions: Sequence[str], district: str, years: range
) -> tuple[list[tuple[int, Observation]], int, list[Problem]]:
    """Validate every row; return (spreadsheet row, observation) pairs, the blank-value count and notices."""
    header_index, columns = _header(sheet)
    headers = {field: sheet.rows[header_index][n].text for n, field in columns.items()}
    width = len(sheet.rows[header_index])
    context = {"rows": RowContext.build(indicators, regions, district, years)}
    problems: list[Problem] = []
    notices: list[Problem] = []
    if header_index:
        rows = "1" if header_index == 1 else f"1–{header_index}"
        notices.append(Problem(key="import.ignored_title_rows", params={"rows": rows}))
    parsed: list[tuple[int, Observation]] = []
    first_row_of: dict[tuple[str, str, int], int] = {}
    skipped = 0
    data_rows = [(n + 1, cells) for n, cells in enumerate(sheet.rows) if n > header_index]
    data_rows = [(r, cells) for r, cells in data_rows if any(c.text for c in cells)]
    if not data_rows:
        raise InputRejected([Problem(key="import.header_only", row=header_index + 1)])
    for row, cells in data_rows:
        if len(cells) > width:  # e.g. a decimal comma (71,2) split one value into two cells
            problems.append(Problem(key="import.row_too_long", row=row, params={"cells": len(cells), "width": width}))
            continue
        values: dict[str, str | None] = {f: None for f in COLUMNS}
        formula = False
        for n, field in columns.items():
            cell = cells[n] if n < len(cells) else Cell(None)
            if cell.formula:
                problems.append(Problem(key="cell.formula", row=row, column=headers[field], value=cell.text))
                formula = True
            elif field in COLUMNS:
                values[field] = cell.text
        if formula:
            continue
        for field in OPTIONAL_TEXT:
            if (given := values[field]) is not None:
                text, found = clean_controls(unneutralise(given))
                if found:
                    notices.append(
                        Problem(
                            key="import.controls_cleaned",
                            row=row,
                            column=headers[field],
                            params={"chars": " ".join(found)},
                        )
                    )
                values[field] = text.strip() or None
        if values["value"] is None or values["value"] in NO_DATA_MARKS:
            skipped += 1
            continue
        try:
            ok = ObservationRow.model_validate(values, context=context)
        except ValidationError as exc:
            problems.extend(_problems(exc, row, values, headers))
            continue
        obs = Observation(
            indicator_code=ok.indicator_code,
            region=ok.region,
            year=ok.year,
            value=ok.value,
            source=ok.source,
            note=ok.note,
        )
        first = first_row_of.setdefault(obs.key, row)
        if first != row:
            problems.append(
                Problem(
                    key="cell.duplicate",
                    row=row,
                    params={"first": first, "code": obs.indicator_code, "region": obs.region, "year": obs.year},
                )
            )
            continue
        parsed.append((row, obs))
    if problems:
        raise InputRejected(problems)
    if not parsed:
        raise InputRejected([Problem(key="import.nothing_to_import", params={"skipped": skipped})])
    return parsed, skipped, notices


def _problems(
    exc: ValidationError, row: int, values: dict[str, str | None], headers: dict[str, str | None]
) -> list[Problem]:
    out = []
    for err in exc.errors():
        params = dict(err.get("ctx") or {})
        field = str(params.pop("field", err["loc"][0] if err["loc"] else "value"))
        column = headers.get(field) or COLUMNS[field][0]
        out.append(Problem(key=err["type"], row=row, column=column, value=values.get(field), params=params))
    return out


def plan_import(store: Store, data: bytes, file_name: str, max_bytes: int, sheet: str | None = None) -> ImportPlan:
    """Read, validate and diff against the store; raises InputRejected, writes nothing.

    ``sheet`` names the worksheet of a workbook; without it the only visible one (or the
    one visible sheet with a header) is read.
    """
    table = read_sheet(data, file_name, max_bytes, sheet=sheet, is_header=is_import_header)
    info = store.plan_info()
    parsed, skipped, notices = parse_observations(
        table, store.indicators(), store.regions(), info.default_region, info.years
    )
    if table.name is not None:
        notices.insert(0, Problem(key="import.sheet_read", params={"sheet": table.name}))
    return ImportPlan(
        file_name=file_name,
        sha256=hashlib.sha256(data).hexdigest(),
        rows=_diff(parsed, store.current_observations()),
        skipped_blank=skipped,
        notices=notices,
        sheet=table.name,
    )


def _diff(parsed: Sequence[tuple[int, Observation]], current: Sequence[Observation]) -> list[PlannedRow]:
    """Each row against the stored value; an empty source or note keeps the stored one."""
    now = {o.key: o for o in current}
    out = []
    for row, obs in parsed:
        prev = now.get(obs.key)
        if prev is None:
            out.append(PlannedRow(row=row, observation=obs, previous=None, status="added"))
            continue
        obs = obs.model_copy(update={f: getattr(prev, f) for f in OPTIONAL_TEXT if getattr(obs, f) is None})
        changes = tuple(f for f in CHANGE_FIELDS if getattr(obs, f) != getattr(prev, f))
        out.append(
            PlannedRow(
                row=row, observation=obs, previous=prev, status="changed" if changes else "unchanged", changes=changes
            )
        )
    return out


def commit_import(store: Store, plan: ImportPlan, actor: User | None) -> Batch | None:
    """Write the plan's new and changed rows as one batch; None when nothing is new (staff or admin only).

    Inside the write transaction the store checks that every value the preview showed is
    still the current one; if a colleague changed any meanwhile, ValuesMoved names who
    changed what and when, and nothing is written: a stale preview never overwrites.
    """
    actor = require(actor, "staff")
    writes = [r.observation for r in plan.rows if r.status != "unchanged"]
    if not writes:
        return None
    expect = {r.observation.key: r.previous.batch_id if r.previous else None for r in plan.rows}
    batch = store.record_batch(
        writes,
        kind="import",
        user=actor.name,
        file_name=plan.file_name,
        sha256=plan.sha256,
        counts=plan.counts,
        expect=expect,
    )
    added, changed, _ = plan.counts
    event("import", user=actor.name, batch=batch.id, file=plan.file_name, added=added, changed=changed)
    return batch
