"""The upload template and the data export, as tables ready for CSV or XLSX."""

from __future__ import annotations

from collections.abc import Sequence

from shanhe import settings
from shanhe.catalog import Indicator
from shanhe.entry.importer import COLUMNS, REFERENCE_COLUMNS
from shanhe.formatting import local_time, measure_text
from shanhe.i18n import t
from shanhe.models import Batch, Observation, Revision
from shanhe.spreadsheets import Table

_C = {field: names[0] for field, names in {**COLUMNS, **REFERENCE_COLUMNS}.items()}
TEMPLATE_HEADER = (
    _C["indicator_code"],
    _C["seq"],
    _C["indicator_name"],
    _C["unit"],
    _C["year"],
    _C["value"],
    _C["region"],
    _C["source"],
    _C["note"],
    _C["measure"],
    _C["previous"],
)
EXPORT_HEADER = (
    _C["indicator_code"],
    _C["seq"],
    _C["indicator_name"],
    _C["unit"],
    _C["region"],
    _C["year"],
    _C["value"],
    _C["source"],
    _C["note"],
    _C["batch"],
    _C["entered_by"],
    _C["entered_at"],
)


def template_table(indicators: Sequence[Indicator], current: Sequence[Observation], year: int, region: str) -> Table:
    """One row per indicator for ``year``, saying how to report it, with last year's value for reference."""
    previous = {o.indicator_code: o.value for o in current if o.region == region and o.year == year - 1}
    rows = [
        [i.code, i.seq, i.name, i.unit, year, None, region, None, None, measure_text(i, "zh"), previous.get(i.code)]
        for i in indicators
    ]
    return Table(name=f"{year}年填报", header=TEMPLATE_HEADER, rows=rows, highlight=(_C["value"],))


def template_notes(year: int, region: str) -> Table:
    """The 填报说明 sheet beside the template: how to fill it in, from the i18n table (Chinese, like the
    template's headers). Sentences only, so an import never mistakes it for the data sheet."""
    megabytes = settings.max_upload_bytes() // 2**20
    lines = t("template.notes", "zh", year=year, region=region, value=_C["value"], mb=megabytes).split("\n")
    return Table(
        name=t("template.notes_sheet", "zh"),
        header=[t("template.notes_sheet", "zh")],
        rows=[[x] for x in lines],
        prose=True,
    )


def export_table(indicators: Sequence[Indicator], current: Sequence[Observation]) -> Table:
    """Every current value with its source, in plan order; stable for identical stores."""
    order = {i.code: n for n, i in enumerate(indicators)}
    by_code = {i.code: i for i in indicators}
    rows = []
    for o in sorted(
        current, key=lambda o: (order.get(o.indicator_code, len(order)), o.indicator_code, o.region, o.year)
    ):
        ind = by_code.get(o.indicator_code)
        rows.append(
            [
                o.indicator_code,
                ind.seq if ind else None,
                ind.name if ind else None,
                ind.unit if ind else None,
                o.region,
                o.year,
                o.value,
                o.source,
                o.note,
                o.batch_id,
                o.entered_by,
                local_time(o.entered_at),
            ]
        )
    return Table(name="当前数值", header=EXPORT_HEADER, rows=rows)


HISTORY_HEADER = (
    "修订号",
    _C["indicator_code"],
    _C["indicator_name"],
    _C["unit"],
    _C["region"],
    _C["year"],
    _C["value"],
    _C["source"],
    _C["note"],
    _C["batch"],
    _C["entered_by"],
    _C["entered_at"],
)


def history_table(indicators: Sequence[Indicator], revisions: Sequence[Revision]) -> Table:
    """Every revision ever written; an empty value is a retraction (a revert to "no value")."""
    by_code = {i.code: i for i in indicators}
    rows = [
        [
            r.id,
            r.indicator_code,
            by_code[r.indicator_code].name if r.indicator_code in by_code else None,
            by_code[r.indicator_code].unit if r.indicator_code in by_code else None,
            r.region,
            r.year,
            r.value,
            r.source,
            r.note,
            r.batch_id,
            r.entered_by,
            local_time(r.entered_at),
        ]
        for r in revisions
    ]
    return Table(name="修订历史", header=HISTORY_HEADER, rows=rows)


def batches_table(batches: Sequence[Batch]) -> Table:
    return Table(
        name="导入批次",
        header=("批次", "类型", "撤销的批次", "文件名", "SHA-256", "用户", "时间", "新增", "修改", "不变"),
        rows=[
            [
                b.id,
                b.kind,
                b.reverts_batch,
                b.file_name,
                b.sha256,
                b.user_name,
                local_time(b.created_at),
                b.rows_added,
                b.rows_changed,
                b.rows_unchanged,
            ]
            for b in batches
        ],
    )
