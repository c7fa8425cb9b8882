"""``python -m shanhe``: init, indicators, template, import, export, status, targets, demo, users, backup,
restore, report.

Every failure is one line on stderr and a non-zero exit (2 for usage, 1 for
everything else): staff run this, and a traceback helps nobody.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import getpass
import json
import re
import shutil
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

import duckdb
from pydantic import ValidationError

from shanhe import auth, clock, settings
from shanhe.auth import AuthError, User
from shanhe.catalog import Indicator, PlanInfo, Target, load_catalog
from shanhe.demo import build_demo
from shanhe.edition import edition_version
from shanhe.entry.importer import commit_import, plan_import
from shanhe.entry.preview import jump_threshold, suspicions
from shanhe.entry.targets import enter_document_target
from shanhe.errors import InputRejected, UserError, is_disk_full
from shanhe.exports import batches_table, export_table, history_table, template_notes, template_table
from shanhe.formatting import (
    baseline_text,
    local_time,
    number,
    status_text,
    target_text,
    trend_text,
    verdict_cell,
)
from shanhe.i18n import LANGS, both, t
from shanhe.logs import configure as configure_logs
from shanhe.messages import text
from shanhe.overview import light_counts
from shanhe.progress import Assessment, Verdict, assess_all, default_year, verdict_year
from shanhe.publish import publish, published_version
from shanhe.regions import add_region
from shanhe.reports.model import build_report
from shanhe.reports.render import render
from shanhe.spreadsheets import Table, Value, to_csv, to_xlsx
from shanhe.store import Store, open_store, restore
from shanhe.summary import Summary, summarize

SPREADSHEET_SUFFIXES = (".csv", ".xlsx")
#: Number of a dated backup made by ``backup --into``; other folders there (a partial one) never count for --keep.
#: shanhe-20261128-020000, then -2, -3 … for further backups within the same second.
BACKUP_NAME = re.compile(r"shanhe-(\d{8}-\d{6})(?:-(\d{1,2}))?")


class UsageError(Exception):
    """Bad arguments: exit 2 with argparse's one-line message."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse would print usage and exit itself
        raise UsageError(message)


def build_parser() -> Parser:
    p = Parser(prog="python -m shanhe", description="山河 Shanhe: 城政发〔2023〕3号 规划指标数据")
    p.add_argument(
        "--db",
        help="DuckDB 文件或 postgresql:// 地址 / DuckDB file or postgresql:// URL "
        "(default: $SHANHE_DB or data/shanhe.duckdb)",
    )
    sub = p.add_subparsers(dest="command", required=True, parser_class=Parser)

    sub.add_parser("init", help="创建或升级数据库 / create or upgrade the database")

    ind = sub.add_parser("indicators", help="列出全部指标 / list every indicator")
    ind.add_argument("--format", choices=("table", "json", "csv"), default="table")

    tpl = sub.add_parser("template", help="生成填报模板 / write an upload template")
    tpl.add_argument("--out", required=True, type=Path, help="FILE.csv 或 FILE.xlsx")
    tpl.add_argument("--year", type=int, help="填报年份 / year (default: last year)")

    imp = sub.add_parser("import", help="导入年度数值 / import yearly values")
    imp.add_argument("file", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="只检查，不写入 / check only, write nothing")
    imp.add_argument("--user", default="cli", help="录入人 / who is importing (default: cli)")
    imp.add_argument("--sheet", help="工作表名称 / the workbook sheet to read (default: the only visible one)")
    imp.add_argument(
        "--accept-jumps",
        action="store_true",
        help="确认同比异常变化和疑似小数形式的百分比 / accept year-on-year jumps and percentages that "
        "look like fractions",
    )

    st = sub.add_parser("status", help="各指标进度与红绿灯 / progress light of every indicator")
    st.add_argument("--year", type=int, help="评估年份 / evaluation year (default: latest year with data)")
    st.add_argument("--region", help="地区 / region (default: 全区)")
    st.add_argument("--format", choices=("table", "json", "csv"), default="table")
    st.add_argument("--summary", action="store_true", help="只输出汇总 / print the roll-ups only")

    tg = sub.add_parser("targets", help="文件下达的目标 / targets set by a document")
    tg_sub = tg.add_subparsers(dest="targets_command", required=True, parser_class=Parser)
    tg_set = tg_sub.add_parser("set", help="录入下达目标（与“下达目标”页相同的校验）/ record a document's target")
    tg_set.add_argument("code", help="指标编码 / indicator code, e.g. I08")
    tg_set.add_argument("--year", type=int, required=True, help="目标年份 / target year")
    tg_set.add_argument("--value", type=float, required=True, help="目标值 / target value")
    tg_set.add_argument("--document", required=True, help="文号 / document number")
    tg_set.add_argument("--date", type=dt.date.fromisoformat, help="文件日期 YYYY-MM-DD（默认今天）/ document date")
    tg_set.add_argument("--region", help="地区（默认全区）/ region (default: the district)")
    tg_set.add_argument("--user", required=True, help="录入人 / who records it")
    tg_list = tg_sub.add_parser("list", help="列出文件下达的目标 / list targets set by documents")
    tg_list.add_argument("--format", choices=("table", "json"), default="table")

    demo = sub.add_parser("demo", help="生成示例数据库 / write a labelled sample database")
    demo.add_argument("--out", type=Path, default=settings.DEMO_DB, help="默认 / default: data/shanhe-demo.duckdb")

    users = sub.add_parser("users", help="管理账号 / manage accounts")
    users_sub = users.add_subparsers(dest="users_command", required=True, parser_class=Parser)
    add = users_sub.add_parser("add", help="新建账号（密码交互输入两次）/ add an account (password typed twice)")
    add.add_argument("name")
    add.add_argument("--role", choices=("staff", "admin"), required=True)
    users_sub.add_parser("list", help="列出账号 / list accounts")
    users_sub.add_parser("disable", help="停用账号 / disable an account").add_argument("name")
    users_sub.add_parser("passwd", help="重设密码 / set a new password").add_argument("name")

    reg = sub.add_parser("regions", help="地区（镇/街道）/ regions: towns and streets")
    reg_sub = reg.add_subparsers(dest="regions_command", required=True, parser_class=Parser)
    reg_add = reg_sub.add_parser("add", help="在某地区下新增镇/街道 / add a town or street under a region")
    reg_add.add_argument("name", help="名称，如 北石店镇 / name, e.g. 北石店镇")
    reg_add.add_argument("--parent", help="上级地区（默认全区）/ parent region (default: the district)")
    reg_add.add_argument(
        "--level", help="层级（默认按名称结尾：镇、街道、乡）/ level (default: from the name's ending)"
    )
    reg_add.add_argument("--user", default=getpass.getuser(), help="录入人（默认系统用户名）/ who adds it")
    reg_sub.add_parser("list", help="列出全部地区 / list every region").add_argument(
        "--format", choices=("table", "json"), default="table"
    )

    bak = sub.add_parser("backup", help="备份数据库到目录 / back the database up into a folder")
    where = bak.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", type=Path, help="新的空目录 / a new, empty folder")
    where.add_argument("--into", type=Path, help="在此目录下按时间新建备份 / make a dated backup inside this folder")
    bak.add_argument(
        "--keep", type=int, default=14, help="与 --into 一起：保留最近几份 / with --into: how many to keep"
    )
    res = sub.add_parser("restore", help="从备份目录恢复到新的数据库文件 / restore a backup into a new database file")
    res.add_argument("directory", type=Path)

    exp = sub.add_parser("export", help="导出数据 / export data")
    exp.add_argument("--format", choices=("csv", "xlsx"), required=True)
    exp.add_argument("--out", required=True, type=Path)
    exp.add_argument(
        "--what",
        choices=("current", "history", "all"),
        help="current 当前数值（可再导入）、history 全部修订历史、all 当前数值+修订历史+导入批次（仅 XLSX）；"
        "默认 CSV 为 current，XLSX 为 all / what to export (default: current for CSV, all for XLSX)",
    )

    pub = sub.add_parser("publish", help="发布静态只读版本 / publish the static read-only edition")
    pub.add_argument(
        "--out",
        type=Path,
        required=True,
        help="发布目录（一个符号链接，指向同级 .editions 中的完整版本）/ edition path (a symlink)",
    )
    pub.add_argument(
        "--public",
        action="store_true",
        help="信息公开版：不含录入人和内部备注 / for the public portal: no staff names or internal notes",
    )
    pub.add_argument(
        "--if-changed",
        action="store_true",
        help="数据未变化或看板服务运行中时跳过（定时任务用）/ skip if current or the server has the DB",
    )

    rep = sub.add_parser("report", help="生成评估报告 / write an evaluation report")
    rep.add_argument("--year", type=int, help="评估年份 / evaluation year (default: latest year with data)")
    rep.add_argument("--kind", choices=("annual", "midterm", "final"), default="annual")
    rep.add_argument("--format", choices=("html", "pptx", "pdf"), required=True)
    rep.add_argument("--out", type=Path, required=True)
    rep.add_argument(
        "--only-behind", action="store_true", help="只画黄灯和红灯指标的图 / charts for amber and red only"
    )
    return p


def main(argv: Sequence[str] | None = None) -> int:
    configure_logs()
    try:
        args = build_parser().parse_args(argv)
        return COMMANDS[args.command](args)
    except UsageError as exc:
        print(f"用法错误 / usage error: {exc}", file=sys.stderr)
        return 2
    except UserError as exc:
        print(f"{exc.message('zh')} | {exc.message('en')}", file=sys.stderr)
        return 1
    except ValidationError as exc:
        print(f"{settings.plan_dir()} 数据有误 / plan data invalid: {exc.errors()[0]['msg']}", file=sys.stderr)
        return 1
    except duckdb.Error as exc:
        print(f"数据库错误 / database error: {str(exc).splitlines()[0]}", file=sys.stderr)
        return 1
    except OSError as exc:
        if is_disk_full(exc):
            print(both("store.disk_full", path=exc.filename or ""), file=sys.stderr)
            return 1
        print(f"文件错误 / file error: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug: still one line for staff, the type says where to look
        print(f"内部错误 / internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1


def _store(args: argparse.Namespace, *, create: bool = False) -> Store:
    return open_store(settings.db_url(args.db), load_catalog(), create=create)


def cmd_init(args: argparse.Namespace) -> int:
    catalog = load_catalog()
    with Store.open(settings.db_url(args.db), create=True) as store:
        report = store.init(catalog)
        counts = store.table_counts()
        path = store.label
    plan_key = "cli.plan_synced" if report.plan_synced else "cli.plan_unchanged"
    for indent, lang in zip(("", "  "), LANGS, strict=True):
        print(
            indent
            + t(
                "cli.init_done",
                lang,
                path=path,
                version=report.to_version,
                indicators=counts["indicators"],
                projects=counts["projects"],
                plan=t(plan_key, lang, dir=settings.plan_dir()),
            )
        )
    return 0


def indicator_record(ind: Indicator) -> dict[str, object]:
    """The documented JSON shape of one indicator (README lists the fields)."""
    return {
        "seq": ind.seq,
        "code": ind.code,
        "name": ind.name,
        "name_en": ind.name_en,
        "category": ind.category,
        "unit": ind.unit,
        "attribute": ind.attribute,
        "direction": ind.direction,
        "supplementary": ind.supplementary,
        "baseline_year": ind.baseline.year,
        "baseline_value": ind.baseline.value,
        "baseline_text": ind.baseline.text,
        "targets": [
            {
                "year": tg.year,
                "rule": tg.rule,
                "value": tg.value,
                "text": tg.text,
                "text_en": tg.text_en,
                "source": tg.source,
                "note": tg.note,
                "derived": tg.derived,
                "origin": tg.origin,
                "region": tg.region,
            }
            for tg in ind.targets
        ],
        "replaced_targets": [
            {"year": tg.year, "rule": tg.rule, "value": tg.value, "text": tg.text, "source": tg.source}
            for tg in ind.replaced
        ],
        "source": ind.source,
        "flags": list(ind.flags),
    }


def cmd_indicators(args: argparse.Namespace) -> int:
    with _store(args) as store:
        indicators, plan = store.indicators(), store.plan_info()
    if args.format == "json":
        _json([indicator_record(i) for i in indicators])
        return 0
    header = (
        "序号",
        "编码",
        "指标",
        "类别",
        "单位",
        "属性",
        f"{plan.base_year}年现状",
        f"{plan.first_target_year}年目标",
        "待核实",
    )
    rows = [
        [
            i.seq or "",
            i.code,
            i.name,
            i.category,
            i.unit,
            t(f"attribute.{i.attribute or 'none'}", "zh"),
            baseline_text(i, "zh"),
            target_text(i.target_for(plan.first_target_year), i.unit, "zh"),
            " ".join(i.flags),
        ]
        for i in indicators
    ]
    if args.format == "csv":
        sys.stdout.write(to_csv(Table("indicators", header, rows)).decode("utf-8-sig"))
    else:
        print(_text_table(header, rows))
    return 0


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _text_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    cells = [[str(c) for c in header]] + [[str(c) for c in r] for r in rows]
    widths = [max(_display_width(r[n]) for r in cells) for n in range(len(header))]
    lines = [
        "  ".join(c + " " * (w - _display_width(c)) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _write(path: Path, tables: Sequence[Table]) -> None:
    suffix = path.suffix.lower()
    if suffix not in SPREADSHEET_SUFFIXES:
        raise UsageError(t("cli.bad_extension", "zh", path=path))
    path.write_bytes(to_csv(tables[0]) if suffix == ".csv" else to_xlsx(tables))
    print(both("cli.written", path=path))


def cmd_template(args: argparse.Namespace) -> int:
    with _store(args) as store:
        indicators, current = store.indicators(), store.current_observations()
        plan = store.plan_info()
    allowed = plan.shown_years(clock.current_year())
    year = args.year or default_year((), plan.default_region, clock.current_year(), plan.years)  # last year
    if year not in allowed:
        raise UsageError(f"--year {year}: {allowed[0]}–{allowed[-1]}")
    _write(
        args.out,
        [template_table(indicators, current, year, plan.default_region), template_notes(year, plan.default_region)],
    )
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    path: Path = args.file
    if not path.exists():
        print(both("cli.file_missing", path=path), file=sys.stderr)
        return 1
    data = path.read_bytes()
    with _store(args) as store:
        try:
            plan = plan_import(store, data, path.name, settings.max_upload_bytes(), sheet=args.sheet)
        except InputRejected as exc:
            for problem in exc.problems:
                print(f"{problem.message('zh')} | {problem.message('en')}", file=sys.stderr)
            print(both("import.failed", count=len(exc.problems)), file=sys.stderr)
            return 1
        for notice in plan.notices:
            print(f"{notice.message('zh')} | {notice.message('en')}")
        flagged = suspicions(plan, store.indicators(), store.current_observations(), jump_threshold())
        for suspicion in flagged:
            print(f"{suspicion.message('zh')} | {suspicion.message('en')}", file=sys.stderr)
        if flagged and not args.accept_jumps:
            print(both("import.needs_accept", count=len(flagged)), file=sys.stderr)
            return 1
        added, changed, unchanged = plan.counts
        skipped = both("import.skipped_blank", skipped=plan.skipped_blank) if plan.skipped_blank else ""
        if args.dry_run:
            for r in plan.rows:
                if r.status != "unchanged":
                    o = r.observation
                    before = "—" if r.previous is None else r.previous.value
                    fields = "、".join(t(f"change.{f}", "zh") for f in r.changes)
                    print(
                        f"  第{r.row}行 {o.indicator_code} {o.region} {o.year}: {before} → {o.value}"
                        + (f"（{fields}）" if fields else "")
                    )
            print(both("import.dry_run", added=added, changed=changed, unchanged=unchanged))
        else:
            # the command line is the server operator's: it acts with the admin role under the given name
            batch = commit_import(store, plan, User(name=args.user, role="admin"))
            if batch is None:
                print(both("import.nothing_new", unchanged=unchanged))
            else:
                print(
                    both(
                        "import.done",
                        batch=batch.id,
                        added=batch.rows_added,
                        changed=batch.rows_changed,
                        unchanged=batch.rows_unchanged,
                    )
                )
        if skipped:
            print(skipped)
    return 0


#: The documented fields of ``status --format json|csv`` (README lists them), in output order.
STATUS_FIELDS = (
    "code",
    "seq",
    "name",
    "name_en",
    "category",
    "attribute",
    "unit",
    "region",
    "evaluation_year",
    "year",
    "value",
    "target_year",
    "target_rule",
    "target_value",
    "target_text",
    "target_text_en",
    "target_derived",
    "final",
    "light",
    "label",
    "label_code",
    "reason",
    "reason_en",
    "start_year",
    "start_value",
    "start_kind",
    "plan_start_year",
    "plan_start_value",
    "plan_start_kind",
    "expected_value",
    "path_ratio",
    "trend_ratio",
    "trend",
    "trend_improving",
    "annual_change",
    "recent_annual_change",
    "recent_years",
    "required_annual_change",
    "projected_value",
    "projected_gap",
    "projection_low",
    "projection_high",
    "binding_behind",
    "stale",
    "baseline_conflict",
    "baseline_observed",
    "change_since_start",
    "worsened",
    "precision",
    "verdicts",
)
#: The documented fields of each entry of ``verdicts``.
VERDICT_FIELDS = (
    "target_year",
    "rule",
    "target_value",
    "bound",
    "target_text",
    "target_text_en",
    "source",
    "derived",
    "origin",
    "doc_ref",
    "replaced",
    "actual_year",
    "actual_value",
    "verdict",
    "verdict_label",
    "reason",
    "reason_en",
    "estimate_year",
    "estimate_value",
    "projected_value",
)


def verdict_record(v: Verdict) -> dict[str, object]:
    """One dated target's verdict as documented in the README (``verdicts`` entries)."""
    fields: dict[str, object] = {f: getattr(v, f) for f in VERDICT_FIELDS if hasattr(v, f)}
    fields["replaced"] = (
        {"rule": v.replaced.rule, "value": v.replaced.value, "text": v.replaced.text, "source": v.replaced.source}
        if v.replaced
        else None
    )
    fields["verdict_label"] = t(f"verdict.{v.label_code}", "zh")
    fields["reason"], fields["reason_en"] = text(v.reason, "zh"), text(v.reason, "en")
    return {f: fields[f] for f in VERDICT_FIELDS}


def status_record(a: Assessment) -> dict[str, object]:
    """One indicator's assessment as documented in the README (``status --format json``)."""
    return {**_status_cells(a), "verdicts": [verdict_record(v) for v in a.verdicts]}


def _status_cells(a: Assessment) -> dict[str, Value]:
    """Every status field but ``verdicts`` (the last), in README order: each one a single value."""
    fields: dict[str, Value] = {
        f: getattr(a, f) for f in STATUS_FIELDS if f in Assessment.model_fields and f != "verdicts"
    }
    fields["label"] = t(f"label.{a.label_code}", "zh")
    fields["reason"], fields["reason_en"] = text(a.reason, "zh"), text(a.reason, "en")
    return {f: fields[f] for f in STATUS_FIELDS if f != "verdicts"}


def cmd_status(args: argparse.Namespace) -> int:
    with _store(args) as store:
        indicators, current, regions = store.indicators(), store.current_observations(), store.regions()
        plan = store.plan_info()
    region = args.region or plan.default_region
    if region not in regions:
        raise UsageError(f"--region {region}: {'、'.join(regions)}")
    year = args.year or default_year(current, region, clock.current_year(), plan.years)
    if year not in plan.years:
        raise UsageError(f"--year {year}: {plan.base_year}–{plan.last_year}")
    assessments = assess_all(indicators, current, year, region)
    if args.summary:
        return _print_summary(plan, summarize(assessments, plan.category_names), args.format)
    records = [status_record(a) for a in assessments]
    if args.format == "json":
        _json(records)
    elif args.format == "csv":
        cells = [[*_status_cells(a).values(), _verdicts_cell(a.verdicts)] for a in assessments]
        sys.stdout.write(to_csv(Table("status", STATUS_FIELDS, cells)).decode("utf-8-sig"))
    else:
        due = verdict_year(assessments)
        header = ["序号", "编码", "指标", "属性", "年份", "数值", "目标", "状态", "完成进度", "趋势", "说明"]
        if due is not None:
            header.insert(8, f"{due}年目标")
        rows = []
        for a in assessments:
            row = [
                a.seq or "",
                a.code,
                a.name,
                t(f"attribute.{a.attribute or 'none'}", "zh"),
                a.year or "",
                "" if a.value is None else number(a.value),
                _target_cell(a),
                status_text(a.label_code, a.binding_behind, "zh") + (" · 数据过旧" if a.stale else ""),
                "" if a.path_ratio is None else f"{a.path_ratio * 100:.1f}%",
                trend_text(a.trend, a.trend_improving, "zh"),
                text(a.reason, "zh"),
            ]
            if due is not None:
                row.insert(8, verdict_cell(a.verdict_for(due), a.unit, "zh"))
            rows.append(row)
        print(f"评估年份 {year}，地区 {region}")
        print(_text_table(header, rows))
    return 0


def _verdicts_cell(verdicts: Sequence[Verdict]) -> str:
    return "; ".join(f"{v.target_year} {v.verdict}" for v in verdicts)


def _json(data: object) -> None:
    """Strict JSON: a NaN or infinity anywhere is a bug, never printed as invalid JSON."""
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, allow_nan=False, default=str)
    print()


def _target_cell(a: Assessment) -> str:
    derived = "（推导）" if a.target_derived else ""
    if a.target_value is None:
        return f"{a.target_year or ''} {a.target_text or ''}".strip()
    return f"{a.target_year} {number(a.target_value)}{derived}"


def summary_record(summary: Summary) -> dict[str, object]:
    """``status --summary --format json``: the counts, and the sentences in both languages."""
    record = summary.model_dump(exclude={"sentences"})
    record["sentences"] = [text(m, "zh") for m in summary.sentences]
    record["sentences_en"] = [text(m, "en") for m in summary.sentences]
    return record


def _print_summary(plan: PlanInfo, summary: Summary, fmt: str) -> int:
    if fmt == "json":
        _json(summary_record(summary))
        return 0
    header, rows = light_counts(plan, summary, "zh")
    if fmt == "csv":
        sys.stdout.write(to_csv(Table("summary", header, rows)).decode("utf-8-sig"))
        return 0
    print(f"评估年份 {summary.evaluation_year}，地区 {summary.region}")
    for line in summary.sentences:
        print(text(line, "zh"))
    print()
    print(_text_table(header, rows))
    return 0


def cmd_targets(args: argparse.Namespace) -> int:
    """``targets set``: the CLI twin of the 下达目标 page; ``targets list``: every document target entered."""
    with _store(args) as store:
        if args.targets_command == "set":
            indicators = {i.code: i for i in store.indicators()}
            code = args.code.strip().upper()
            if code not in indicators:
                raise UserError("assigned.unknown_indicator", code=args.code)
            # the command line is the server operator's: it acts with the admin role under the given name
            enter_document_target(
                store,
                indicators[code],
                args.year,
                args.value,
                args.document,
                args.date or clock.today(),
                User(name=args.user, role="admin"),
                region=args.region,
            )
            print(both("targets.saved", code=code, year=args.year, value=number(args.value), document=args.document))
            return 0
        entries = store.staff_targets()
        names = {i.code: i.name for i in store.indicators()}
        district = store.plan_info().default_region
    if args.format == "json":
        _json([target_record(code, tg) for code, tg in entries])
        return 0
    header = ("编码", "指标", "年份", "地区", "目标", "文号", "文件日期", "录入人", "录入时间")
    rows = [
        [
            code,
            names.get(code, ""),
            tg.year,
            tg.region or district,
            f"{'≥' if tg.rule == 'at_least' else '≤'}{number(tg.value)}",
            tg.doc_ref or "",
            tg.doc_date.isoformat() if tg.doc_date else "",
            tg.entered_by or "",
            local_time(tg.entered_at),
        ]
        for code, tg in entries
    ]
    print(_text_table(header, rows))
    return 0


def target_record(code: str, tg: Target) -> dict[str, object]:
    """One document target as ``targets list --format json`` prints it."""
    return {
        "code": code,
        "year": tg.year,
        "region": tg.region,
        "rule": tg.rule,
        "value": tg.value,
        "text": tg.text,
        "source": tg.source,
        "doc_ref": tg.doc_ref,
        "doc_date": tg.doc_date.isoformat() if tg.doc_date else None,
        "entered_by": tg.entered_by,
        "entered_at": tg.entered_at.isoformat() if tg.entered_at else None,
    }


def cmd_publish(args: argparse.Namespace) -> int:
    """Write the static edition; with ``--if-changed`` a timer's safety net that never fights the server."""
    try:
        store = _store(args)
    except UserError as exc:
        if args.if_changed and exc.key == "cli.db_locked":
            print(both("publish.server_running"))
            return 0
        raise
    with store:
        version = edition_version(store)
        if args.if_changed and published_version(args.out) == version:
            print(both("publish.unchanged", version=version))
            return 0
        done = publish(store, args.out, public=args.public)
    print(
        both(
            "publish.done",
            path=args.out,
            files=done.files,
            kb=done.bytes // 1024,
            seconds=done.seconds,
            version=done.version,
        )
    )
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    rows = build_demo(args.out, load_catalog(), settings.db_path(args.db))
    print(both("cli.demo_done", path=args.out, rows=rows))
    return 0


def _new_password() -> str:
    """Typed twice at a prompt that does not echo; never taken from the command line."""
    first = getpass.getpass("密码 / password: ")
    if getpass.getpass("再次输入 / again: ") != first:
        raise AuthError("auth.password_mismatch")
    return first


def cmd_users(args: argparse.Namespace) -> int:
    with _store(args) as store:
        if args.users_command == "add":
            auth.add_user(store, args.name, args.role, _new_password())
        elif args.users_command == "passwd":
            auth.set_password(store, args.name, _new_password())
        elif args.users_command == "disable":
            auth.disable_user(store, args.name)
        else:
            header = ("用户", "角色", "状态", "创建", "更新")
            rows = [
                [u.name, u.role, "停用" if u.disabled else "启用", local_time(u.created_at), local_time(u.updated_at)]
                for u in store.users()
            ]
            print(_text_table(header, rows))
            return 0
    print(both("cli.users_done", name=args.name))
    return 0


def cmd_regions(args: argparse.Namespace) -> int:
    """``regions add``: the CLI twin of the 地区管理 page (as admin, under ``--user``); ``regions list``."""
    with _store(args) as store:
        if args.regions_command == "add":
            parent = args.parent or store.plan_info().default_region
            region = add_region(store, args.name, parent, User(name=args.user, role="admin"), level=args.level)
            print(both("regions.added", region=region.name, parent=parent, level=region.level))
            return 0
        tree = store.region_tree()
    if args.format == "json":
        _json([r.model_dump() for r in tree])
    else:
        print(
            _text_table(("地区", "层级", "上级", "出处"), [[r.name, r.level, r.parent or "", r.source] for r in tree])
        )
    return 0


BACKUP_PREFIX = "shanhe-"


def cmd_backup(args: argparse.Namespace) -> int:
    if args.into is not None and args.keep < 1:
        raise UsageError("--keep ≥ 1")
    out = args.out or _claim_backup_name(args.into, f"{BACKUP_PREFIX}{_now_local():%Y%m%d-%H%M%S}")
    if out.exists() and any(out.iterdir()):
        raise UsageError(t("cli.backup_exists", "zh", path=out))
    try:
        with _store(args) as store:
            store.backup(out)
    except BaseException:
        if args.out is None:
            with contextlib.suppress(OSError):
                out.rmdir()  # our claimed folder, still empty: it must not pass for a backup
        raise
    print(both("cli.written", path=out))
    if args.into is not None:
        dated = sorted(
            (p for p in args.into.iterdir() if p.is_dir() and BACKUP_NAME.fullmatch(p.name)), key=_backup_order
        )
        for old in dated[: -args.keep]:
            shutil.rmtree(old)
            print(both("cli.backup_pruned", path=old))
    return 0


def _claim_backup_name(into: Path, name: str) -> Path:
    """An empty folder of our own, made atomically: two backups in one second (or two processes) never share one.
    A later backup always gets a later name, even when older ones of that second were pruned."""
    into.mkdir(parents=True, exist_ok=True)
    taken = [_backup_order(p)[1] for p in into.iterdir() if p.name.startswith(name) and BACKUP_NAME.fullmatch(p.name)]
    for n in range(max(taken, default=0) + 1, 100):
        candidate = into / (name if n == 1 else f"{name}-{n}")
        try:
            candidate.mkdir()
        except FileExistsError:
            continue
        return candidate
    raise UsageError(t("cli.backup_exists", "zh", path=into / name))


def _backup_order(path: Path) -> tuple[str, int]:
    match = BACKUP_NAME.fullmatch(path.name)
    assert match is not None  # only dated backups are ordered
    return match.group(1), int(match.group(2) or 1)


def _now_local() -> dt.datetime:
    return dt.datetime.now()


def cmd_restore(args: argparse.Namespace) -> int:
    target = settings.db_url(args.db)
    restore(args.directory, target)
    with open_store(target, load_catalog()) as store:
        counts = store.table_counts()
        path = store.label
    print(both("cli.restored", path=path, observations=counts["observations"], batches=counts["batches"]))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    if args.out.suffix.lower() != f".{args.format}":
        raise UsageError(f"--out {args.out} 与 --format {args.format} 不一致 / does not match --format")
    what = args.what or ("all" if args.format == "xlsx" else "current")
    if args.format == "csv" and what == "all":
        raise UsageError("--what all 只用于 XLSX / --what all is for XLSX only")
    with _store(args) as store:
        indicators = store.indicators()
        tables = []
        if what in ("current", "all"):
            tables.append(export_table(indicators, store.current_observations()))
        if what in ("history", "all"):
            tables.append(history_table(indicators, store.observation_history()))
        if what == "all":
            tables.append(batches_table(store.batches()))
    _write(args.out, tables)
    size, limit = args.out.stat().st_size, settings.max_upload_bytes()
    if size > limit and what != "history":  # an export must say how it can be imported again
        print(both("cli.export_too_big", size_mb=size / 2**20, limit_mb=limit // 2**20, path=args.out))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    if args.out.suffix.lower() != f".{args.format}":
        raise UsageError(f"--out {args.out} 与 --format {args.format} 不一致 / does not match --format")
    with _store(args) as store:
        plan = store.plan_info()
        year = args.year or default_year(
            store.current_observations(), plan.default_region, clock.current_year(), plan.years
        )
        report = build_report(store, year, args.kind, only_behind=args.only_behind)
        indicators = {i.code: i for i in store.indicators()}
    args.out.write_bytes(render(report, indicators, args.format, user="cli"))
    print(both("cli.written", path=args.out))
    return 0


COMMANDS = {
    "init": cmd_init,
    "indicators": cmd_indicators,
    "template": cmd_template,
    "import": cmd_import,
    "export": cmd_export,
    "status": cmd_status,
    "targets": cmd_targets,
    "publish": cmd_publish,
    "demo": cmd_demo,
    "users": cmd_users,
    "regions": cmd_regions,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "report": cmd_report,
}
