"""Every string a user sees, in Chinese first and English second.

One table, so a message is written once and both languages stay in step.
Templates use ``str.format`` fields; ``t()`` fills them.
"""

from __future__ import annotations

from typing import Literal

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")

TEXT: dict[str, tuple[str, str]] = {
    # --- app chrome ---
    "app.title": ("山河 · 城区\"一山一河一流域\"规划指标看板", "Shanhe · Chengqu ecological plan dashboard"),
    "app.language": ("English", "English"),
    "nav.overview": ("总览", "Overview"),
    "overview.title": ("规划指标总览", "Plan indicators"),
    "overview.caption": (
        "{number}《{title}》表2-1 共 26 项指标，另有 {supplementary} 项正文量化的补充指标。",
        "{number} 《{title}》: 26 indicators of table 2-1, plus {supplementary} supplementary indicators quantified in the text.",
    ),
    "overview.supplementary": ("补充指标（正文量化、表2-1未列）", "Supplementary indicators (quantified in the text, not in table 2-1)"),
    "overview.no_data": ("暂无数据", "No data"),
    "overview.data_as_of": ("数据截至：{when}（批次 #{batch}）", "Data as of {when} (batch #{batch})"),
    "overview.no_imports": ("尚未导入任何数据。", "No data has been imported yet."),
    "col.seq": ("序号", "No."),
    "col.code": ("编码", "Code"),
    "col.name": ("指标", "Indicator"),
    "col.attribute": ("属性", "Type"),
    "col.unit": ("单位", "Unit"),
    "col.baseline": ("2020年现状", "2020 baseline"),
    "col.target_2025": ("2025年目标", "2025 target"),
    "col.latest": ("最新值", "Latest value"),
    "col.latest_year": ("年份", "Year"),
    "col.source": ("出处", "Source"),
    "category.生态保护": ("生态保护", "Ecological protection"),
    "category.环境质量": ("环境质量", "Environmental quality"),
    "category.生态经济": ("生态经济", "Ecological economy"),
    "attribute.binding": ("约束性", "Binding"),
    "attribute.expected": ("预期性", "Expected"),
    "attribute.none": ("未标注", "Not stated"),
    "baseline.flagged": ("{text}（待核实）", "{text} (under review)"),
    "measure.level": ("当年值", "value for the year"),
    "measure.cumulative_change": ("相对2020年累计变化（%）", "cumulative change since 2020 (%)"),
    # --- import: whole-file problems ---
    "import.file_empty": ("文件为空。", "The file is empty."),
    "import.file_too_large": (
        "文件大小 {size_mb:.1f} MB，超过上限 {limit_mb} MB。",
        "The file is {size_mb:.1f} MB, over the {limit_mb} MB limit.",
    ),
    "import.file_unreadable": (
        "无法读取文件：它不是 CSV（UTF-8 或 GB18030/GBK 编码）或 XLSX 表格。",
        "Cannot read the file: it is not a CSV (UTF-8 or GB18030/GBK) or an XLSX workbook.",
    ),
    "import.file_bad_encoding": (
        "无法识别文件编码（第 {row} 行附近）：请将 CSV 另存为 UTF-8 或 GB18030/GBK 编码。",
        "Cannot decode the file (near line {row}): save the CSV as UTF-8 or GB18030/GBK.",
    ),
    "import.file_xls": (
        "不支持旧版 .xls 格式：请在 Excel 中另存为 .xlsx 或 CSV。",
        "Old .xls files are not supported: save as .xlsx or CSV in Excel.",
    ),
    "import.header_missing": (
        "找不到表头：前 {rows} 行中没有同时包含 指标编码（或指标名称）、年份、数值 三列的行。",
        "No header found: none of the first {rows} rows has the columns indicator_code (or indicator_name), year and value.",
    ),
    "import.header_only": ("文件只有表头（第 {row} 行），没有数据行。", "The file has a header (row {row}) but no data rows."),
    "import.column_unknown": (
        "第 {row} 行：未知的列\"{value}\"。可用的列：{allowed}。",
        "Row {row}: unknown column \"{value}\". Allowed columns: {allowed}.",
    ),
    "import.column_duplicate": (
        "第 {row} 行：列\"{value}\"出现了两次。",
        "Row {row}: column \"{value}\" appears twice.",
    ),
    "import.nothing_to_import": (
        "没有可导入的数值：{skipped} 行的数值列为空。",
        "Nothing to import: the value column is empty in all {skipped} rows.",
    ),
    # --- import: cell problems (row, column, value are always given) ---
    "cell.formula": (
        "第 {row} 行，\"{column}\"列：单元格是公式\"{value}\"，请复制后\"粘贴为数值\"再上传。",
        "Row {row}, column \"{column}\": the cell is a formula \"{value}\"; paste it as a value and upload again.",
    ),
    "cell.indicator_missing": (
        "第 {row} 行：指标编码和指标名称都为空。",
        "Row {row}: both indicator_code and indicator_name are empty.",
    ),
    "cell.indicator_unknown": (
        "第 {row} 行，\"{column}\"列：指标编码\"{value}\"不存在（应为 I01–I26 或 S01–S{last_s}）。",
        "Row {row}, column \"{column}\": indicator code \"{value}\" does not exist (expected I01–I26 or S01–S{last_s}).",
    ),
    "cell.indicator_name_unknown": (
        "第 {row} 行，\"{column}\"列：找不到名为\"{value}\"的指标。",
        "Row {row}, column \"{column}\": no indicator is named \"{value}\".",
    ),
    "cell.indicator_name_mismatch": (
        "第 {row} 行，\"{column}\"列：指标名称\"{value}\"与编码 {code} 的指标\"{expected}\"不符。",
        "Row {row}, column \"{column}\": indicator name \"{value}\" does not match code {code} (\"{expected}\").",
    ),
    "cell.year_missing": ("第 {row} 行，\"{column}\"列：年份为空。", "Row {row}, column \"{column}\": the year is empty."),
    "cell.year_invalid": (
        "第 {row} 行，\"{column}\"列：年份\"{value}\"不是整数年份。",
        "Row {row}, column \"{column}\": \"{value}\" is not a whole year.",
    ),
    "cell.year_out_of_range": (
        "第 {row} 行，\"{column}\"列：年份 {value} 超出规划期 {min}–{max}。",
        "Row {row}, column \"{column}\": year {value} is outside the plan period {min}–{max}.",
    ),
    "cell.value_not_number": (
        "第 {row} 行，\"{column}\"列：数值\"{value}\"不是数字。",
        "Row {row}, column \"{column}\": \"{value}\" is not a number.",
    ),
    "cell.value_not_finite": (
        "第 {row} 行，\"{column}\"列：数值\"{value}\"不是有限数（NaN 或无穷大）。",
        "Row {row}, column \"{column}\": \"{value}\" is not a finite number (NaN or infinity).",
    ),
    "cell.value_out_of_range": (
        "第 {row} 行，\"{column}\"列：数值 {value} 超出 {name}（{unit}）的合理范围 {range}。",
        "Row {row}, column \"{column}\": {value} is outside the valid range {range} for {name} ({unit}).",
    ),
    "cell.value_negative": (
        "第 {row} 行，\"{column}\"列：{name}（{unit}）不能为负数，收到 {value}。",
        "Row {row}, column \"{column}\": {name} ({unit}) cannot be negative, got {value}.",
    ),
    "cell.value_wrong_sign": (
        "第 {row} 行，\"{column}\"列：数值\"{value}\"带有\"{sign}\"，但 {name} 的单位是\"{unit}\"。",
        "Row {row}, column \"{column}\": \"{value}\" carries \"{sign}\" but {name} is measured in \"{unit}\".",
    ),
    "cell.year_is_base": (
        "第 {row} 行，\"{column}\"列：{name} 按相对2020年的累计变化率填报，2020年是基期（累计值为0），请从2021年起填报。",
        "Row {row}, column \"{column}\": {name} is reported as the cumulative change since 2020, so 2020 is the base year (0 by definition); report 2021 onwards.",
    ),
    "cell.unit_mismatch": (
        "第 {row} 行，\"{column}\"列：单位\"{value}\"与指标 {code} 的单位\"{expected}\"不一致。",
        "Row {row}, column \"{column}\": unit \"{value}\" contradicts the unit \"{expected}\" of indicator {code}.",
    ),
    "cell.region_unknown": (
        "第 {row} 行，\"{column}\"列：地区\"{value}\"不在规划地区列表中（{allowed}）。",
        "Row {row}, column \"{column}\": region \"{value}\" is not one of the plan's regions ({allowed}).",
    ),
    "cell.text_too_long": (
        "第 {row} 行，\"{column}\"列：文字过长（{length} 字，上限 {limit} 字）。",
        "Row {row}, column \"{column}\": text too long ({length} characters, limit {limit}).",
    ),
    "cell.duplicate": (
        "第 {row} 行：与第 {first} 行重复（同一指标 {code}、地区 {region}、年份 {year}）。",
        "Row {row}: duplicates row {first} (same indicator {code}, region {region}, year {year}).",
    ),
    # --- import outcome ---
    "import.failed": ("导入失败：发现 {count} 个问题，未写入任何数据。", "Import failed: {count} problem(s) found; nothing was written."),
    "import.dry_run": (
        "试运行：将新增 {added} 条、修改 {changed} 条、不变 {unchanged} 条（未写入）。",
        "Dry run: would add {added}, change {changed}, leave {unchanged} unchanged (nothing written).",
    ),
    "import.done": (
        "导入成功：批次 #{batch}，新增 {added} 条、修改 {changed} 条、不变 {unchanged} 条。",
        "Imported as batch #{batch}: {added} added, {changed} changed, {unchanged} unchanged.",
    ),
    "import.nothing_new": (
        "文件中的 {unchanged} 条数值与库中一致，没有新的修订，未创建批次。",
        "All {unchanged} values match the store; no new revision and no batch created.",
    ),
    "import.skipped_blank": ("（跳过 {skipped} 行空数值）", "({skipped} rows with an empty value skipped)"),
    # --- CLI errors ---
    "cli.db_missing": (
        "数据库 {path} 不存在：请先运行 python -m shanhe init。",
        "Database {path} does not exist: run python -m shanhe init first.",
    ),
    "cli.db_locked": (
        "数据库 {path} 正被另一个进程占用（例如正在运行的看板服务），请稍后再试。",
        "Database {path} is locked by another process (e.g. the running dashboard); try again later.",
    ),
    "cli.db_corrupt": ("数据库 {path} 无法打开：{reason}", "Cannot open database {path}: {reason}"),
    "cli.db_too_new": (
        "数据库 {path} 的结构版本 {found} 比本程序支持的 {supported} 更新，请升级 Shanhe。",
        "Database {path} has schema version {found}, newer than the supported {supported}; upgrade Shanhe.",
    ),
    "cli.file_missing": ("文件 {path} 不存在。", "File {path} does not exist."),
    "cli.bad_extension": (
        "不支持的文件类型 {path}：请使用 .csv 或 .xlsx。",
        "Unsupported file type {path}: use .csv or .xlsx.",
    ),
    "cli.init_done": (
        "数据库 {path} 已就绪：结构版本 {version}，{indicators} 项指标，{projects} 个项目；{plan}",
        "Database {path} ready: schema version {version}, {indicators} indicators, {projects} projects; {plan}",
    ),
    "cli.plan_synced": ("已按 data/plan 更新规划数据。", "plan data refreshed from data/plan."),
    "cli.plan_unchanged": ("规划数据未变化。", "plan data unchanged."),
    "cli.written": ("已写入 {path}", "Wrote {path}"),
}


def t(key: str, lang: Lang = "zh", **params: object) -> str:
    """The text for ``key`` in ``lang``, with ``params`` filled in."""
    zh, en = TEXT[key]
    return (zh if lang == "zh" else en).format(**params)


def both(key: str, **params: object) -> str:
    """Chinese and English on one line: for the CLI, which has no language toggle."""
    return f"{t(key, 'zh', **params)} | {t(key, 'en', **params)}"
