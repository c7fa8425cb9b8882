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
    "app.language": ("English", "English"),
    "app.present": ("演示模式", "Presenter mode"),
    "app.sample_banner": (
        "⚠ 示例数据：当前看板使用的是演示用的示例数据库，不是实际监测或统计数据。",
        "⚠ Sample data: this dashboard is running on the illustrative sample database, not on measured or official figures.",
    ),
    "app.plan_texts_chinese": (
        "规划原文以中文为准。",
        "Indicator names and targets are shown in reviewed English translations; longer plan passages (goals, area "
        "descriptions, project names, data-quality notes) are quoted in Chinese as printed. The Chinese text is authoritative.",
    ),
    "url.invalid": (
        "链接中的参数 {param}={value} 无效，已改用默认值。",
        "The link parameter {param}={value} is not valid; the default is used instead.",
    ),
    "ui.all": ("全部（可多选）", "All (choose to filter)"),
    "ui.choose": ("请选择", "Choose"),
    "nav.overview": ("总览", "Overview"),
    "nav.indicator": ("指标详情", "Indicator"),
    "nav.projects": ("重点工程", "Projects"),
    "nav.about": ("关于", "About"),
    "nav.present": ("演示", "Presentation"),
    "nav.report": ("报告", "Reports"),
    "nav.login": ("登录", "Log in"),
    "rep.title": ("评估报告与数据导出", "Evaluation reports and data exports"),
    "rep.intro": (
        "按第十章的年度调度、中期评估、末期考核要求，从数据库一键生成报告；报告中的每个数字都来自库中数据。",
        "One-click reports for the annual review, mid-term evaluation and final assessment of chapter 10; every number comes from the store.",
    ),
    "rep.kind": ("报告类型", "Report"),
    "rep.format": ("格式", "Format"),
    "rep.only_behind": ("只画黄灯和红灯指标的图", "Charts for amber and red indicators only"),
    "rep.generate": ("生成报告", "Make the report"),
    "rep.working": ("正在生成 {fmt} 报告…", "Making the {fmt} report…"),
    "rep.done": ("已生成（{seconds:.1f} 秒）。", "Ready ({seconds:.1f} s)."),
    "rep.download": ("下载 {name}", "Download {name}"),
    "rep.exports": ("数据导出", "Data exports"),
    "rep.exports_reimport": (
        "“当前数值”可以原样再导入（数据填报页或 import 命令）；整表 XLSX 另含修订历史和导入批次，超过导入上限 {limit_mb} MB 时不能原样再导入，只作存档。",
        "The current values import again as they are (upload page or the import command); the full XLSX also holds the revision history and batches, and once over the {limit_mb} MB import limit it is an archive, not an import file.",
    ),
    "rep.export_xlsx": (
        "全部数据 XLSX（当前数值、修订历史、导入批次）",
        "All data, XLSX (current values, revision history, batches)",
    ),
    "rep.export_current": ("当前数值 CSV", "Current values, CSV"),
    "rep.export_history": ("修订历史 CSV", "Revision history, CSV"),
    "nav.account": ("账号", "Account"),
    "nav.upload": ("数据填报", "Upload data"),
    "nav.history": ("历史记录", "History"),
    "nav.regions": ("地区管理", "Regions"),
    "cli.export_too_big": (
        "注意：{path} 为 {size_mb:.1f} MB，超过导入上限 {limit_mb} MB，不能原样再导入。要再导入，请只导出当前数值："
        "export --format xlsx --what current（或 --format csv），修订历史和批次只作存档。",
        "Note: {path} is {size_mb:.1f} MB, over the {limit_mb} MB import limit, so it cannot be imported as it is. "
        "To import again, export the current values only: export --format xlsx --what current (or --format csv); "
        "the history and batches are an archive.",
    ),
    "nav.assigned": ("下达目标", "Assigned targets"),
    "nav.milestones": ("里程碑进展", "Milestone progress"),
    "nav.section_view": ("查看", "View"),
    "nav.section_edit": ("填报", "Data entry"),
    "login.title": ("登录", "Log in"),
    "login.name": ("用户名", "User name"),
    "login.password": ("密码", "Password"),
    "login.submit": ("登录", "Log in"),
    "login.ok": ("已登录：{name}（{role}）", "Logged in as {name} ({role})"),
    "login.logout": ("退出登录", "Log out"),
    "login.note": (
        "查看看板不需要登录；填报、撤销和下达目标需要工作人员账号（请向系统管理员申请）。",
        "Viewing needs no login; entering data, reverting and assigned targets need a staff account (ask the system administrator for one).",
    ),
    "role.staff": ("填报人员", "staff"),
    "role.admin": ("管理员", "admin"),
    "upload.title": ("数据填报", "Upload data"),
    "upload.template": ("1. 下载填报模板", "1. Download a template"),
    "template.notes_sheet": ("填报说明", "How to fill in"),
    "upload.button": ("选择文件", "Browse files"),
    "upload.limits": (
        "把文件拖到这里，或点左边的按钮选择；每个文件不超过 {mb} MB（{types}）",
        "Drag a file here or use the button; up to {mb} MB per file ({types})",
    ),
    "upload.template_name": ("{year}年指标填报模板", "indicator template {year}"),
    "template.notes": (
        "1. 只在黄色的“{value}”列填写{year}年的数值，每行一项指标；没有数据的行留空，导入时跳过。\n"
        "2. 百分比指标写 71.2 或 71.2%，不要写成小数 0.712；单位见“单位”列，不要在数值里写单位。\n"
        "3. “填报口径”列说明该指标填当年值，还是相对2020年的累计变化率。\n"
        "4. “数据来源”“备注”可以不填；不填时保留看板中已有的内容。\n"
        "5. 地区默认为{region}；填报镇（街道）的数据时，在“地区”列写镇（街道）名称。\n"
        "6. “上年数值（仅供参考）”和“填报口径”列不会导入，可以不改。\n"
        "7. 不要改动表头，不要使用公式；文件不超过 {mb} MB。\n"
        "8. 填好后在看板“数据填报”页上传：先看预览和逐行检查结果，确认无误后再点“确认导入”。",
        "1. Fill in the {year} values only in the yellow “{value}” column, one indicator per row; leave rows without data empty (they are skipped).\n"
        "2. Percentages as 71.2 or 71.2%, not as the fraction 0.712; the unit is in its own column, not in the value.\n"
        "3. The reporting basis column says whether the indicator takes the year's own value or the cumulative change since 2020.\n"
        "4. Source and note are optional; left empty, the dashboard keeps what it has.\n"
        "5. The region defaults to {region}; for a town (street), write its name in the region column.\n"
        "6. The previous-year and reporting-basis columns are not imported; leave them as they are.\n"
        "7. Do not change the header row or use formulas; files up to {mb} MB.\n"
        "8. Upload the filled file on the dashboard's Upload data page: check the preview and the row checks, then confirm the import.",
    ),
    "upload.template_year": ("填报年份", "Year"),
    "upload.template_xlsx": ("下载 XLSX 模板", "Download XLSX template"),
    "upload.template_csv": ("下载 CSV 模板", "Download CSV template"),
    "upload.file": ("2. 上传填好的文件（CSV、XLSX、XLS 或 ODS）", "2. Upload the filled file (CSV, XLSX, XLS or ODS)"),
    "upload.problems": (
        "发现 {count} 个问题，文件未导入。请修改后重新上传：",
        "{count} problem(s) found; nothing was imported. Fix the file and upload it again:",
    ),
    "upload.preview": ("3. 核对预览（尚未写入）", "3. Check the preview (nothing written yet)"),
    "upload.summary": (
        "新增 {added} 条、修改 {changed} 条、不变 {unchanged} 条。",
        "{added} new, {changed} changed, {unchanged} unchanged.",
    ),
    "upload.jumps": (
        "有 {count} 个数值与上一年相比变化超过 {pct}%（已标出），请核对。",
        "{count} value(s) changed by more than {pct}% against the previous year (marked); please check them.",
    ),
    "upload.preview_pages": (
        "预览页（共 {pages} 页；需确认和覆盖现有值的行在前）",
        "Preview page (of {pages}; rows to check and overwrites first)",
    ),
    "upload.preview_page": ("显示第 {first}–{last} 行，共 {total} 行。", "Showing rows {first}–{last} of {total}."),
    "upload.confirm_jumps": (
        "我已核对标出的异常变化和疑似小数形式的百分比，数据无误",
        "I have checked the marked changes and possible fractions, and they are right",
    ),
    "upload.confirm": ("确认导入", "Import"),
    "upload.done": (
        "导入成功：批次 #{batch}，新增 {added} 条、修改 {changed} 条、不变 {unchanged} 条。",
        "Imported as batch #{batch}: {added} new, {changed} changed, {unchanged} unchanged.",
    ),
    "upload.nothing_new": (
        "文件中的数值与库中完全一致，没有写入。",
        "Every value matches the store; nothing was written.",
    ),
    "col.row": ("行", "Row"),
    "col.column": ("列", "Column"),
    "col.cell": ("值", "Value"),
    "col.problem_text": ("问题", "Problem"),
    "col.current": ("当前值", "Current"),
    "col.new": ("新值", "New"),
    "col.change": ("变化", "Change"),
    "col.state": ("状态", "Status"),
    "col.jump": ("同比变化", "Year on year"),
    "state.added": ("新增", "new"),
    "state.changed": ("修改（覆盖现有值）", "changed (overwrites)"),
    "state.unchanged": ("不变", "unchanged"),
    "hist.details": ("文件详情（核对用的 SHA-256 校验值）", "File details (SHA-256 checksum for checking)"),
    "hist.title": ("历史记录", "History"),
    "hist.batches": ("批次", "Batches"),
    "hist.batch": ("查看批次", "Batch"),
    "hist.rows": ("批次 #{batch} 写入的数值", "Values written by batch #{batch}"),
    "hist.revert": ("撤销批次 #{batch}", "Revert batch #{batch}"),
    "hist.revert_confirm": (
        "确认撤销批次 #{batch}（会写入新的修订，恢复之前的数值）",
        "Confirm reverting batch #{batch} (writes new revisions that restore the previous values)",
    ),
    "hist.reverted": ("已撤销：新批次 #{batch}。", "Reverted as new batch #{batch}."),
    "hist.cannot_revert": (
        "你不能撤销这个批次（管理员可撤销任何批次；填报人员只能撤销自己最近的批次）。",
        "You cannot revert this batch (admins may revert any batch; staff only their own most recent one).",
    ),
    "hist.value": ("单个数值的修订", "Revisions of one value"),
    "hist.kind.import": ("导入", "import"),
    "hist.kind.revert": ("撤销 #{batch}", "revert of #{batch}"),
    "hist.kind.sample": ("示例数据", "sample data"),
    "col.kind": ("类型", "Kind"),
    "col.file": ("文件", "File"),
    "col.added": ("新增", "New"),
    "col.changed": ("修改", "Changed"),
    "col.unchanged": ("不变", "Unchanged"),
    "col.restores": ("撤销后恢复为", "Revert restores"),
    "asg.title": ("下达目标", "Targets set by documents"),
    "asg.intro": (
        "录入上级下达文件（或“十五五”等后续规划）给出的目标值和文号。规划中“完成上级下达指标”“控制在省下达的指标之内”的指标，没有数值就无法判断进度（显示“待下达”）；其他指标也可以录入文件目标，它会替代规划原目标，两者连同出处都会显示。红绿灯立即按新目标计算；每次录入都保留历史。",
        "Enter the target value and document number a superior's document (or a later plan such as the 15th Five-Year Plan) sets. Indicators whose target is assigned by a superior cannot be judged until the value is entered (they show 'awaiting'); any other indicator may get a document target too, which replaces the plan's, both shown with their sources. The lights use it at once, and every entry is kept.",
    ),
    "asg.indicator": ("指标", "Indicator"),
    "asg.year": ("目标年份", "Target year"),
    "asg.value": ("下达值", "Assigned value"),
    "asg.doc_ref": ("文号", "Document number"),
    "asg.doc_date": ("文件日期", "Document date"),
    "asg.submit": ("保存下达值", "Save"),
    "asg.saved": ("已保存：{code} {year} 年目标 {value}。", "Saved: {code} {year} target {value}."),
    "asg.entered": ("已录入的下达值", "Assigned values entered"),
    "ms.title": ("里程碑进展", "Milestone progress"),
    "ms.project": ("项目", "Project"),
    "ms.milestone": ("里程碑", "Milestone"),
    "ms.status": ("状态", "Status"),
    "ms.completed_on": ("完成日期", "Completed on"),
    "ms.note": ("备注", "Note"),
    "ms.evidence": ("佐证链接（http/https）", "Evidence link (http/https)"),
    "ms.submit": ("保存进展", "Save progress"),
    "ms.saved": ("已保存里程碑进展。", "Milestone progress saved."),
    "ms.add": ("新增里程碑", "Add a milestone"),
    "ms.add_title": ("里程碑名称", "Milestone"),
    "ms.add_due": ("截止日期", "Due"),
    "ms.add_submit": ("新增", "Add"),
    "ms.added": ("已新增里程碑 {milestone}。", "Added milestone {milestone}."),
    "col.evidence": ("佐证", "Evidence"),
    "col.updated_by": ("更新人", "Updated by"),
    "overview.title": ("规划指标总览", "Plan indicators"),
    "overview.caption": (
        "{number}《{title}》{table} 共 {count} 项指标，另有 {supplementary} 项正文量化的补充指标。",
        "{number} 《{title}》: {count} indicators of {table}, plus {supplementary} supplementary indicators quantified in the text.",
    ),
    "overview.supplementary": (
        "补充指标（正文量化、{table}未列）",
        "Supplementary indicators (quantified in the text, not in {table})",
    ),
    "overview.no_data": ("暂无数据", "No data"),
    "overview.data_as_of": ("数据截至：{when}（批次 #{batch}）", "Data as of {when} (batch #{batch})"),
    "overview.no_imports": ("尚未导入任何数据。", "No data has been imported yet."),
    "col.seq": ("序号", "No."),
    "col.code": ("编码", "Code"),
    "col.name": ("指标", "Indicator"),
    "col.attribute": ("属性", "Type"),
    "col.unit": ("单位", "Unit"),
    "col.baseline": ("{base}年现状", "{base} baseline"),
    "col.latest": ("最新值", "Latest value"),
    "col.latest_year": ("年份", "Year"),
    "col.source": ("出处", "Source"),
    "col.status": ("状态", "Status"),
    "col.trend": ("趋势", "Trend"),
    "col.reason": ("说明", "Why"),
    "overview.year": ("评估年份", "Evaluation year"),
    "overview.headline": ("重点指标", "Headline indicators"),
    "overview.sentences": ("文字摘要", "Summary in words"),
    "overview.matrix": ("指标红绿灯", "Indicator lights"),
    "overview.filter_category": ("类别", "Category"),
    "overview.filter_attribute": ("属性", "Attribute"),
    "overview.filter_light": ("灯", "Light"),
    "overview.filtered_out": ("没有符合筛选条件的指标。", "No indicator matches the filters."),
    "overview.group": ("分组", "Group"),
    "overview.verdict_table": (
        "{year}年目标完成情况：分组统计与逐项结论",
        "{year} targets: counts and each indicator's verdict",
    ),
    "ind.verdicts": ("目标完成情况", "Targets and verdicts"),
    "ind.progress": ("完成进度", "Progress"),
    "ind.baseline_conflict": (
        "⚠ 录入的{year}年值 {observed} 与规划基准值 {baseline} 不一致：红绿灯按规划基准计算，请核实后更正其一。",
        "⚠ The entered {year} value {observed} differs from the plan's baseline {baseline}: the light uses the baseline; please check and correct one of them.",
    ),
    "ind.stale": (
        "⚠ 数据过旧：最新数据为{year}年，比评估年份早两年以上。",
        "⚠ Data out of date: the latest value is for {year}, more than two years before the evaluation year.",
    ),
    "ind.in_force": ("现行", "in force"),
    "ind.replaced": ("规划原目标，已由下达文件替代", "the plan's target, replaced by a document"),
    "col.verdict_reason": ("说明", "Explanation"),
    "ind.select": ("指标", "Indicator"),
    "ind.region": ("地区", "Region"),
    "ind.required": ("所需年均变化", "Required annual change"),
    "ind.projected": ("按趋势预计{year}年", "Trend projection for {year}"),
    "ind.values": ("数值与来源", "Values and sources"),
    "ind.history": ("修订历史", "Revision history"),
    "ind.plan": ("规划原文", "What the plan says"),
    "ind.target_note": ("{year}年目标备注：{note}", "Note on the {year} target: {note}"),
    "ind.flags": ("待核实事项", "Data-quality flags"),
    "ind.no_flags": ("本指标没有待核实事项。", "No data-quality flag for this indicator."),
    "ind.download_csv": ("下载 CSV", "Download CSV"),
    "ind.download_xlsx": ("下载 XLSX", "Download XLSX"),
    "ind.no_values": ("暂无数据。", "No data yet."),
    "ind.baseline_line": (
        "{base}年现状（原文）：{text}　出处：{source}",
        "{base} baseline (as printed): {text}  source: {source}",
    ),
    "ind.measure": ("填报口径：{measure}", "Reported as: {measure}"),
    "col.region": ("地区", "Region"),
    "col.note": ("备注", "Note"),
    "col.batch": ("批次", "Batch"),
    "col.entered_by": ("录入人", "Entered by"),
    "col.entered_at": ("录入时间", "Entered at"),
    "col.revision": ("修订号", "Revision"),
    "col.value": ("数值", "Value"),
    "col.year": ("年份", "Year"),
    "col.flag": ("编号", "Flag"),
    "col.problem": ("问题", "Problem"),
    "col.reading": ("采用的解读", "Reading used"),
    "col.flag_status": ("状态", "Status"),
    "col.literal": ("原文", "As printed"),
    "proj.title": ("重点工程与里程碑（{table}）", "Key projects and milestones ({table})"),
    "proj.unit_filter": ("牵头单位", "Lead unit"),
    "proj.overdue": ("过期未完成的里程碑", "Milestones past due and not done"),
    "proj.none_overdue": ("没有过期未完成的里程碑。", "No milestone is past due without completion."),
    "proj.detail": ("项目详情", "Project details"),
    "proj.overview": ("项目概况", "Overview"),
    "proj.period": ("实施时间", "Period"),
    "proj.investment": ("投资金额（原文）", "Investment (as printed)"),
    "proj.lead": ("牵头单位", "Lead unit"),
    "proj.group": ("类别", "Group"),
    "proj.milestones": ("里程碑", "Milestones"),
    "proj.status_note": (
        "状态按今天（{today}）计算；里程碑只有在录入完成情况后才算“已完成”。过期而未录入任何情况的为“过期未录入完成情况”（斜线、灰色：情况不明），已录入但未完成的为“确认逾期”（橙色）。",
        "Statuses as of today ({today}); a milestone counts as done only once its completion is recorded. Past due with nothing recorded is “past due, completion not recorded” (hatched grey: unknown); recorded but not done is “confirmed overdue” (orange).",
    ),
    "col.milestone": ("里程碑", "Milestone"),
    "col.due": ("截止", "Due"),
    "col.due_text": ("原文时间", "Date as printed"),
    "col.basis": ("日期依据", "Date basis"),
    "col.project": ("项目", "Project"),
    "basis.text": ("原文写明", "stated in the plan"),
    "basis.period": ("按实施时间末年", "end of the project period"),
    "basis.staff": ("填报人员添加", "added by staff"),
    "themes.scope": ("范围：{scope}　出处：{source}", "Scope: {scope}  source: {source}"),
    "themes.indicators": ("指标红绿灯", "Indicator lights"),
    "themes.projects": ("项目", "Projects"),
    "about.title": ("关于", "About"),
    "about.plan": ("规划", "The plan"),
    "about.number": ("文号", "Document number"),
    "about.issuer": ("发布", "Issued by"),
    "about.issued_on": ("印发日期", "Issued on"),
    "about.periods": ("规划期", "Periods"),
    "about.goals": ("{years}年目标（原文）", "Goals for {years} (as printed)"),
    "about.theme": ("方面", "Theme"),
    "about.evaluations": ("评估考核（第十章）", "Evaluations (chapter 10)"),
    "about.sources": ("数据来源", "Data sources"),
    "about.no_sources": ("尚无导入数据。", "No data imported yet."),
    "about.flags": ("待核实事项（数据质量标记）", "Data-quality flags"),
    "about.rows": ("条数", "Values"),
    "about.subjects": ("涉及", "Concerns"),
    "about.subject_plan": ("规划整体", "the plan as a whole"),
    "about.subject_goal": ("{year}年主要目标（{theme}）", "{year} main goals ({theme})"),
    "present.first": ("« 第一页", "« First"),
    "present.part": ("{title}（{part}/{parts}）", "{title} ({part}/{parts})"),
    "present.prev": ("◀ 上一页", "◀ Previous"),
    "present.next": ("下一页 ▶", "Next ▶"),
    "present.exit": ("退出演示", "Exit presentation"),
    "present.footer": (
        "{number}《{title}》 · 数据截至 {when} · 第 {n}/{total} 页",
        "{number} {title} · data as of {when} · {n}/{total}",
    ),
    "present.summary": ("进展摘要（{year}年）", "Progress summary ({year})"),
    "attribute.binding": ("约束性", "Binding"),
    "attribute.expected": ("预期性", "Expected"),
    "attribute.none": ("未标注", "Not stated"),
    "baseline.flagged": ("{text}（待核实）", "{text} (under review)"),
    "baseline.not_printed": ("（规划未给出）", "(not given in the plan)"),
    "target.derived": ("，推导值", ", derived"),
    "target.cell": ("{year}年：{text}", "{year}: {text}"),
    "col.verdict": ("{year}年目标完成情况", "{year} target verdict"),
    "status.stale": ("数据过旧", "data out of date"),
    "target.increase_by": ("按 +{n} 个百分点", "read as +{n} percentage points"),
    "measure.level": ("当年值", "value for the year"),
    "measure.cumulative_change": ("相对{base}年累计变化（%）", "cumulative change since {base} (%)"),
    # --- progress labels (shanhe.rules.LABELS) ---
    "label.achieved": ("已达标", "Achieved"),
    "label.on_track": ("进度正常", "On track"),
    "label.accelerate": ("需加快", "Acceleration needed"),
    "label.behind": ("滞后", "Behind"),
    "label.off_track": ("严重滞后/反向变化", "Moving away"),
    "label.not_met": ("未达标", "Not met"),
    "label.no_data": ("无数据", "No data"),
    "label.pending": ("待下达", "Awaiting assigned target"),
    "label.qualitative": ("定性目标", "Qualitative target"),
    "label.insufficient": ("数据不足", "Too little data"),
    "strip.group": ("{attribute}指标 {total} 项", "{attribute} indicators: {total}"),
    "strip.behind": ("滞后的约束性指标：", "Binding indicators behind: "),
    "strip.missed": ("{year}年未达标的约束性指标：", "Binding indicators that missed their {year} target: "),
    "strip.verdicts": ("{year}年目标完成情况：", "{year} targets: "),
    "light_name.green": ("绿灯", "green"),
    "light_name.amber": ("黄灯", "amber"),
    "light_name.red": ("红灯", "red"),
    "light_name.grey": ("灰灯", "grey"),
    "static.brand": ("山河 · {title}指标", "Shanhe · {title}: indicators"),
    "static.caption": (
        "{number}《{title}》；评估年份 {year}（有数据的最近一年）。",
        "{number} {title}; evaluated for {year} (the latest year with data).",
    ),
    "static.stamp": ("数据版本 {version} · 数据截至 {when}", "Data version {version} · data as of {when}"),
    "static.no_data": ("尚未导入数据", "no data imported yet"),
    "static.readonly": (
        "只读版本（静态发布，每次数据更新后自动重新发布）",
        "Read-only edition (static, republished after every data change)",
    ),
    "static.live": ("打开交互看板", "open the live dashboard"),
    "static.back": ("返回总览", "Back to the overview"),
    "static.staff_title": ("请使用新版浏览器", "Please use a current browser"),
    "static.staff_text": (
        "登录、数据填报、历史记录、下达目标、里程碑进展和报告生成需要 Chrome、Edge 112 或更高版本（360安全浏览器、奇安信可信浏览器请切换到 112 以上的极速内核）。当前浏览器可以查看只读版本的全部指标、图表和目标完成情况。",
        "Logging in, entering data, history, assigned targets, milestone progress and reports need Chrome or Edge 112 or later (360 and Qi-AnXin browsers: switch to a fast-mode kernel of 112 or later). This browser can read every indicator, chart and verdict in the read-only edition.",
    ),
    "light.green": ("绿", "green"),
    "light.amber": ("黄", "amber"),
    "light.red": ("红", "red"),
    "light.grey": ("灰", "grey"),
    "trend.flat": ("持平", "flat"),
    "trend.improving": ("改善", "improving"),
    "trend.worsening": ("恶化", "worsening"),
    "binding_behind": ("约束性指标滞后", "binding indicator behind"),
    # --- when each label is given (the methodology page shows these next to the thresholds) ---
    "rule.achieved": (
        "目标年份之前：最新值已满足当前目标。目标年份当年及以后：该年实际值满足目标（达标，最终结论）。",
        "Before the target year: the latest value meets the active target. In and after the target year: that year's own value meets it (met, final).",
    ),
    "rule.on_track": (
        "完成进度 ≥ {on_track}；或与按进度应达值相差不足规划数值精度。",
        "Progress ≥ {on_track}; or short of the straight path by less than the plan's printed precision.",
    ),
    "rule.accelerate": ("{behind} ≤ 完成进度 < {on_track}。", "{behind} ≤ progress < {on_track}."),
    "rule.behind": ("0 ≤ 完成进度 < {behind}。", "0 ≤ progress < {behind}."),
    "rule.off_track": (
        "完成进度 < 0（离目标越来越远）；或起点已满足目标、最新值却不再满足（如“不减少”类目标）。",
        "Progress < 0 (moving away from the target); or the start met the target and the latest value no longer does (e.g. 'no decrease').",
    ),
    "rule.not_met": (
        "目标年份当年的实际值未满足目标（未达标，最终结论；以后任何评估年份都不变）。",
        "The target year's own value does not meet the target (not met, final; the same in every later evaluation year).",
    ),
    "rule.no_data": (
        "评估年份及以前没有数据；或目标年份已到而缺少该年数据（最新值和趋势预计只作估计，不作结论）。",
        "No data up to the evaluation year; or the target year has come without a value for it (the latest value and the projection are shown as an estimate only).",
    ),
    "rule.pending": (
        "当前目标由上级下达，下达值尚未录入（仍显示较起点的变化方向）。",
        "The active target is assigned by a superior and its value has not been entered yet (the direction since the start is still shown).",
    ),
    "rule.qualitative": ("只有定性目标，不计算进度。", "Only qualitative targets: no progress is computed."),
    "rule.insufficient": (
        "起点之后还没有数据；或目标以{base}年值为准（不减少、增加、提高/降低）而缺少{base}年基准值。",
        "No data after the start yet; or the target is set against the {base} value (no decrease, increase, improve) and there is no {base} value.",
    ),
    # --- reason sentences (one per indicator; {notes} adds the clauses that qualify it) ---
    "reason.achieved": (
        "{year}年 {value}，已达到{target_year}年目标（{target}）{notes}。",
        "{year}: {value}, meets the {target_year} target ({target}){notes}.",
    ),
    "reason.met": (
        "{target_year}年 {value}，达到{target_year}年目标（{target}）{notes}。",
        "{target_year}: {value}, meets the {target_year} target ({target}){notes}.",
    ),
    "reason.missed": (
        "{target_year}年 {value}，未达到{target_year}年目标（{target}），差 {gap}{notes}。",
        "{target_year}: {value}, does not meet the {target_year} target ({target}), short by {gap}{notes}.",
    ),
    "reason.not_improved": (
        "{target_year}年 {value}，未达到{target_year}年目标（{target}）：须好于{base}年{notes}。",
        "{target_year}: {value}, does not meet the {target_year} target ({target}): it had to be better than in {base}{notes}.",
    ),
    "reason.target_no_data": (
        "缺少{target_year}年数据，无法判定{target_year}年目标（{target}）是否完成{estimate}{notes}。",
        "No value for {target_year}: whether the {target_year} target ({target}) was met cannot be judged{estimate}{notes}.",
    ),
    "reason.estimate": (
        "；仅供参考：{year}年 {value}{projection}（估计，不作结论）",
        "; for reference only: {year}: {value}{projection} (an estimate, not a verdict)",
    ),
    "reason.estimate_projection": (
        "，按趋势预计{target_year}年 {projected}",
        ", the trend projects {projected} for {target_year}",
    ),
    "reason.not_due": (
        "{target_year}年目标（{target}）尚未到期{estimate}{notes}。",
        "The {target_year} target ({target}) is not due yet{estimate}{notes}.",
    ),
    "reason.path": (
        "{year}年 {value}，按进度应达 {expected}（完成进度 {progress}）；要在{target_year}年达到 {target}，需{verb} {gap}{per_year}{recent}{notes}。",
        "{year}: {value}, the straight path expects {expected} (progress {progress}); to reach {target} by {target_year} it must {verb} by {gap}{per_year}{recent}{notes}.",
    ),
    "reason.slipped": (
        "{year}年 {value}，不再满足{target_year}年目标（{target}），需{verb} {gap}{recent}{notes}。",
        "{year}: {value}, no longer meets the {target_year} target ({target}); it must {verb} by {gap}{recent}{notes}.",
    ),
    "reason.insufficient": (
        "尚无{start_year}年以后的数据，不能判断进度（最新为{year}年 {value}）；要在{target_year}年达到 {target}，需{verb} {gap}{notes}。",
        "No data after {start_year} yet, so progress cannot be judged (latest: {year}, {value}); to reach {target} by {target_year} it must {verb} by {gap}{notes}.",
    ),
    "reason.needs_base": (
        "{target_year}年目标“{text}”以{base}年值为准，请录入{base}年基准值{latest}{notes}。",
        'The {target_year} target "{text}" is set against the {base} value: please enter the {base} baseline{latest}{notes}.',
    ),
    "reason.no_data": ("截至{eval_year}年尚无数据{notes}。", "No data up to {eval_year}{notes}."),
    "reason.pending": (
        "{target_year}年目标为“{text}”，下达值尚未录入{latest}{notes}。",
        'The {target_year} target is "{text}"; the assigned value has not been entered yet{latest}{notes}.',
    ),
    "reason.qualitative": ("定性目标：{text}{latest}{notes}。", "Qualitative target: {text}{latest}{notes}."),
    "reason.latest": ("；{year}年 {value}", "; {year}: {value}"),
    "reason.per_year": ("（每年 {annual}）", " ({annual} a year)"),
    "reason.recent": (
        "，近{years}年平均每年 {recent}",
        "; over the last {years} years it changed {recent} a year on average",
    ),
    "reason.recent_one": ("，比上年 {recent}", "; {recent} on the previous year"),
    "count.2": ("两", "two"),
    "count.3": ("三", "three"),
    "note.start_first": (
        "规划未给出基准值，以{start_year}年首个观测值为起点",
        "no baseline in the plan: starting from the first observation, {start_year}",
    ),
    "note.start_observed": (
        "规划未给出基准值，以录入的{start_year}年值为基准",
        "no baseline in the plan: the entered {start_year} value is the baseline",
    ),
    "note.start_cumulative": ("累计口径，相对{base}年（{base}年为0）", "cumulative since {base} ({base} counts as 0)"),
    "note.start_previous_actual": (
        "以{start_year}年实际值 {start} 为起点",
        "measured from the actual {start_year} value, {start}",
    ),
    "note.start_previous_target": (
        "{start_year}年无数据，以{start_year}年目标 {start} 为起点",
        "no value for {start_year}: measured from the {start_year} target, {start}",
    ),
    "note.baseline_conflict": (
        "录入的{year}年值 {observed} 与规划基准 {baseline} 不一致，按规划基准计算，请核实",
        "the entered {year} value {observed} differs from the plan's baseline {baseline}; the baseline is used, please check",
    ),
    "note.stale": ("数据过旧：最新数据为{year}年", "data out of date: the latest value is for {year}"),
    "note.tolerance": (
        "与按进度应达值相差不足 {precision}（规划数值精度），视为进度正常",
        "short of the straight path by less than {precision} (the plan's printed precision), so on track",
    ),
    "note.derived": ("目标数值为推导值，非规划原文数值", "the target figure is derived, not printed in the plan"),
    "note.direction": ("较{start_year}年{state} {change}", "{state} since {start_year}: {change}"),
    "state.worse": ("变差", "worse"),
    "state.better": ("改善", "better"),
    "state.same": ("基本持平", "about the same"),
    "verb.raise": ("提高", "rise"),
    "verb.lower": ("降低", "fall"),
    # --- verdicts on dated targets (shanhe.rules.VERDICT_LABELS) ---
    "verdict.met": ("达标", "Met"),
    "verdict.missed": ("未达标", "Not met"),
    "verdict.no_data": ("缺数据", "No data"),
    "verdict.no_base": ("缺基准值", "No baseline"),
    "verdict.awaiting": ("待下达", "Awaiting assigned value"),
    "verdict.not_due": ("未到期", "Not due yet"),
    "verdict.qualitative": ("定性", "Qualitative"),
    # --- units for differences ---
    "unit.亿立方米": ("亿立方米", "×10⁸ m³"),
    "unit.μg/m3": ("μg/m³", "μg/m³"),
    "unit.万人": ("万人", "×10⁴ people"),
    "unit.天": ("天", "days"),
    "diff.%": ("{n} 个百分点", "{n} percentage points"),
    "diff.%.one": ("{n} 个百分点", "{n} percentage point"),
    "diff.‰": ("{n} 个千分点", "{n} per-mille points"),
    "diff.‰.one": ("{n} 个千分点", "{n} per-mille point"),
    # --- roll-ups ---
    "summary.attribute": ("{total} 项{attribute}指标中，{parts}。", "Of {total} {attribute} indicators: {parts}."),
    "summary.part": ("{count} 项{label}", "{count} {label}"),
    "summary.supplementary": ("补充指标", "Supplementary indicators"),
    "summary.supplementary_group": ("补充", "supplementary"),
    "summary.binding_behind": ("约束性指标滞后：{names}。", "Binding indicators behind: {names}."),
    "summary.binding_behind_none": ("没有滞后的约束性指标。", "No binding indicator is behind."),
    "summary.verdicts": ("{year}年目标完成情况：{parts}。", "{year} targets: {parts}."),
    "summary.verdict_group": ("{attribute}指标 {parts}", "{attribute}: {parts}"),
    "summary.binding_missed": (
        "未达到{year}年目标的约束性指标：{names}。",
        "Binding indicators that missed their {year} target: {names}.",
    ),
    "summary.binding_missed_none": (
        "没有未达到{year}年目标的约束性指标（缺数据、待下达的除外）。",
        "No binding indicator missed its {year} target (those without data or awaiting a target aside).",
    ),
    "summary.grey_worsened": (
        "{count} 项约束性指标待下达或数据不足，且较起点变差：{names}。",
        "{count} binding indicators await a target or lack data and have worsened since their start: {names}.",
    ),
    "chart.baseline_conflict": (
        "录入的{year}年值（与规划基准不一致）",
        "Entered {year} value (differs from the plan's baseline)",
    ),
    "chart.derived": ("（推导）", " (derived)"),
    # --- methodology page ---
    "nav.methodology": ("方法说明", "Methodology"),
    "method.title": ("方法说明：红绿灯怎样判定", "Methodology: how the lights are decided"),
    "method.intro": (
        "每项指标按同一套规则判定：先对每个有年份的目标给出结论（达标/未达标/缺数据），再按当前目标给出红绿灯。本页的阈值、标签、精度和示例都直接取自计算红绿灯的同一套程序，两者不会不一致。",
        "Every indicator is judged by one set of rules: first a verdict on each dated target (met / not met / no data), then a light for the active target. The thresholds, labels, precisions and examples on this page come straight from the code that computes the lights, so they cannot disagree.",
    ),
    "method.steps_title": ("判定步骤", "Steps"),
    "method.steps": (
        "1. **目标结论（末期考核）**：每个有年份的数值目标只看**目标年份当年**的数值：满足目标为“达标”，否则为“未达标”；缺少该年数值为“缺数据”（最新值和趋势预计只作估计，不作结论）。结论一经得出永久不变：{first}年目标的结论在{first}年及以后任何评估年份都相同。目标年份未到为“未到期”，上级下达值未录入为“待下达”。\n"
        "2. **当前目标**：评估年份当年或以后最早的数值目标（定性目标不计）。目标年份当年的红绿灯就是该目标的结论；目标年份过后，下一个目标接替，中间的目标不会被跳过；最后一个数值目标过后，红绿灯保持该目标的结论。\n"
        "3. **起点**：第一个目标从规划的{base}年基准值起算；规划未给基准值时用录入的{base}年值，再没有则用首个观测值（说明中注明）；累计变化率指标（排放总量减少、单位GDP能耗降低等，见 F21）以{base}年为0。录入的{base}年值与规划基准不一致时，按规划基准计算并提示核实。后续目标从上一个目标年份的**实际值**起算（“十五五”惯例），该年无数据时从上一个目标值起算。\n"
        "4. **目标值**：“≥X”“≤X”直接取X；“不减少”取{base}年值；“增加3%”按{base}年值加3个百分点（F03）；“提高/降低”须比{base}年值更好。这几类目标需要{base}年值，没有时显示“数据不足”，提示录入{base}年基准值，不作结论。\n"
        "5. **目标年份之前**：最新值已满足目标为“已达标”；否则由**完成进度**决定红绿灯：完成进度 = 实际进展 ÷ 应有进展，应有进展是从起点到目标的直线在最新数据年份应走过的部分。用差值而不用增长率，所以起点或目标为0、千分比、越低越好的指标都同样适用。完成进度按显示的精度（0.1%）比较阈值，显示的数字与红绿灯不会矛盾。\n"
        "6. **阈值**：按约束性/预期性分别取下表的阈值，约束性不低于预期性。",
        "1. **Verdicts (final assessment)**: each dated numeric target is judged on the value **for its own year** only: meeting it is 'met', otherwise 'not met'; without that year's value it is 'no data' (the latest value and the projection are shown as an estimate, never as the verdict). A verdict never changes: the {first} verdict is the same whether evaluated in {first} or any later year. A target year still ahead is 'not due'; a superior's value not yet entered is 'awaiting'.\n"
        "2. **Active target**: the earliest numeric target in or after the evaluation year (qualitative targets aside). In the target year the light is that target's verdict; after it the next target takes over, and no target in between is skipped; after the last numeric target the light keeps its verdict.\n"
        "3. **Start**: the first target is measured from the plan's {base} baseline; without one, from the entered {base} value, else the first observation (the reason says so); cumulative change-rate indicators (emission reductions, energy intensity, see F21) start from 0 in {base}. An entered {base} value that differs from the plan's baseline is not used: the baseline is, with a warning. Later targets are measured from the **actual** value of the previous target year (the 15th Five-Year Plan convention), or from the previous target where that year has no value.\n"
        "4. **Target value**: '≥X' and '≤X' give X; 'no decrease' gives the {base} value; 'increase 3%' the {base} value plus 3 percentage points (F03); 'improve' asks for better than {base}. These need a {base} value; without one the light is 'too little data' and asks for the {base} baseline, never a verdict.\n"
        "5. **Before the target year**: a latest value that meets the target is 'achieved'; otherwise **progress** decides: progress made ÷ progress expected, where the expected progress is the part of the straight line from start to target covered by the latest data year. Differences, not growth rates, so zero starts or targets, per-mille units and lower-is-better indicators all work the same way. Progress is compared with the thresholds at the precision it is shown (0.1 %), so a figure never contradicts its light.\n"
        "6. **Thresholds**: per attribute, from the table below; binding ones are at least as strict as expected ones.",
    ),
    "method.why_path": (
        "**为什么由完成进度决定，而不是趋势**：完成进度只用起点、目标和最新值三个数，任何人都能用计算器复核；趋势（加权趋势斜率）受所有年份影响，一两年的波动就会改变它，也无法手算。因此趋势与预计值只作参考，和红绿灯一起显示。",
        "**Why progress decides, not the trend**: progress uses three numbers (start, target, latest value) that anyone can check with a calculator; the trend (a weighted slope) depends on every year, moves with one noisy year and cannot be checked by hand. The trend and the projection are shown beside the light as context.",
    ),
    "method.precision_title": ("精度与容差", "Precision and tolerance"),
    "method.precision": (
        "约束性指标的阈值比预期性更严（完成进度须达到100%），但与按进度应达值相差**不足规划数值精度**时，不算滞后：规划只印到这一位（表2-1 的百分比印到一位小数，如66.6），更小的差距在规划的精度上无法区分，不应使红绿灯变色。各单位的精度见下表；某项指标规划印出的数字更精细时（如森林覆盖率 19.83），采用该指标自己的精度。达标与否（最新值或目标年份的值是否满足目标）不使用容差。",
        "Binding thresholds are stricter than expected ones (progress must reach 100 %), but a shortfall from the straight path **smaller than the plan's printed precision** is not 'behind': the plan prints only that many digits (table 2-1 prints percentages to one decimal, e.g. 66.6), and a smaller gap cannot be told apart at its precision. The table gives the precision per unit; where an indicator's own printed figures are finer (forest coverage 19.83), its own precision applies. Whether a value meets a target uses no tolerance.",
    ),
    "method.verdicts_title": ("目标结论", "Verdicts on dated targets"),
    "vrule.met": ("目标年份当年的数值满足目标。", "The target year's own value meets the target."),
    "vrule.missed": ("目标年份当年的数值未满足目标。", "The target year's own value does not meet the target."),
    "vrule.no_data": (
        "目标年份已到，缺少该年数值（最新值和趋势预计只作估计）。",
        "The target year has come without a value for it (the latest value and the projection are an estimate only).",
    ),
    "vrule.no_base": (
        "目标以{base}年值为准（不减少、增加、提高/降低），缺少{base}年基准值。",
        "The target is set against the {base} value (no decrease, increase, improve) and there is no {base} value.",
    ),
    "vrule.awaiting": (
        "目标由上级下达，下达值尚未录入。",
        "The target is assigned by a superior and its value has not been entered.",
    ),
    "vrule.not_due": (
        "目标年份还没到（评估年份早于目标年份）。",
        "The target year is still ahead of the evaluation year.",
    ),
    "vrule.qualitative": ("定性目标，没有数值，不作判定。", "A qualitative target: no number, not judged."),
    "method.col_unit": ("单位", "Unit"),
    "method.col_precision": ("精度（容差）", "Precision (tolerance)"),
    "method.stale": (
        "**数据过旧**：红绿灯所用的最新数据比评估年份早两年以上时，说明中注明“数据过旧”。**灰灯不掩盖变差**：待下达、数据不足、缺数据的指标仍显示较{base}年（或首个观测值）的变化方向；汇总中单列待下达或数据不足、但较起点变差的约束性指标。",
        "**Out-of-date data**: when the latest value behind a light is more than two years older than the evaluation year, the reason says so. **Grey never hides a worsening**: indicators awaiting a target, with too little data or without data still show which way they moved since {base} (or the first observation); the summary lists binding indicators in grey that worsened.",
    ),
    "method.thresholds_title": ("阈值（完成进度）", "Thresholds (progress)"),
    "method.labels_title": ("标签与红绿灯", "Labels and lights"),
    "method.trend_title": ("趋势、预计值与所需变化", "Trend, projection and required change"),
    "method.trend": (
        "- **趋势线**：对起点和评估年份以前的全部观测值作加权最小二乘直线，权重 = 1 + (年份 − 首年)，越近的年份权重越大（参照 ESCAP/UNECE 做法）。\n"
        "- **趋势箭头**：至少两个数据点时显示；斜率绝对值不超过序列平均水平的 {flat_pct}%/年 为“持平”，否则为上升或下降，并按指标方向标注改善或恶化。\n"
        "- **按趋势的进度**（参考）= 方向调整后的趋势斜率 ÷ (目标值 − 起点值)/(目标年份 − 起点年份)：100% 表示按目前的速度正好如期达标。\n"
        "- **预计值**：趋势线在目标年份的值；至少 {band_points} 个数据点时给出95%预测区间（t分布）。**预计差距** = 预计值 − 目标值。\n"
        "- **所需年均变化** = (目标值 − 最新值) ÷ (目标年份 − 最新年份)；**近N年平均每年变化**：最新值与最近 {recent} 年内最早数据点之差 ÷ 年数。",
        "- **Trend line**: weighted least squares through the start and every observation up to the evaluation year, weight = 1 + (year − first year), so recent years count most (as ESCAP/UNECE do).\n"
        "- **Trend arrow**: shown from two points; flat when the slope is within {flat_pct}% of the series' mean level per year, else up or down, marked improving or worsening by the indicator's direction.\n"
        "- **Pace of the trend** (context) = direction-adjusted slope ÷ ((target − start)/(target year − start year)): 100 % means the present pace reaches the target just in time.\n"
        "- **Projection**: the trend line at the target year; from {band_points} points on with a 95 % prediction band (t distribution). **Projected gap** = projection − target.\n"
        "- **Required annual change** = (target − latest) ÷ (target year − latest year); **recent average annual change**: latest value minus the earliest point within {recent} years, divided by the years between.",
    ),
    "method.examples_title": ("实例（由引擎实时计算）", "Worked examples (computed live by the engine)"),
    "method.sample_note": (
        "⚠ 示例数据：库中尚无该指标数据，以下数值为演示用的示例数据，不是实际监测值。",
        "⚠ Sample data: the store has no data for this indicator yet; the figures below are illustrative samples, not measurements.",
    ),
    "method.example_caption": ("{name}（{code}），评估年份 {year}", "{name} ({code}), evaluated for {year}"),
    "method.col_attribute": ("属性", "Attribute"),
    "method.col_on_track": ("进度正常（绿）：完成进度 ≥", "On track (green): progress ≥"),
    "method.col_behind": ("需加快（黄）：完成进度 ≥", "Acceleration needed (amber): progress ≥"),
    "method.col_icon": ("图标", "Icon"),
    "method.col_label": ("标签", "Label"),
    "method.col_light": ("灯", "Light"),
    "method.col_rule": ("条件", "When"),
    "method.col_step": ("步骤", "Step"),
    "method.col_value": ("计算", "Working"),
    "step.start": ("起点", "Start"),
    "step.target": ("当前目标", "Active target"),
    "step.latest": ("最新数据", "Latest value"),
    "step.share": ("时间进度", "Share of time elapsed"),
    "step.expected": ("按进度应达", "Expected on the straight path"),
    "step.made": ("实际进展", "Progress made"),
    "step.needed": ("应有进展", "Progress expected by now"),
    "step.path_ratio": ("完成进度 = 实际进展 ÷ 应有进展", "Progress = made ÷ expected"),
    "step.tolerance": ("容差（规划数值精度）", "Tolerance (the plan's printed precision)"),
    "step.verdict": ("{year}年目标结论", "{year} target verdict"),
    "step.thresholds": ("适用阈值", "Thresholds applied"),
    "step.meets": ("是否满足目标", "Meets the target"),
    "step.trend_ratio": ("按趋势的进度（参考）", "Pace of the trend (context)"),
    "step.tolerance_applied": (
        "与应达值相差 {short}，不足 {precision}：视为进度正常",
        "short of the path by {short}, less than {precision}: on track",
    ),
    "step.projection": ("按趋势预计", "Projected by the trend"),
    "step.result": ("结论", "Result"),
    "step.reason": ("说明", "Reason"),
    "step.start_baseline": ("{year}年 {value}（规划基准值）", "{year}: {value} (the plan's baseline)"),
    "step.start_first_observation": (
        "{year}年 {value}（首个观测值；规划未给出可用基准值）",
        "{year}: {value} (first observation; no usable baseline in the plan)",
    ),
    "step.start_base_year_zero": (
        "{year}年 0（累计变化率以{year}年为基期）",
        "{year}: 0 (cumulative change counts from {year})",
    ),
    "step.start_base_year_observed": (
        "{year}年 {value}（录入的{year}年值；规划未给出基准值）",
        "{year}: {value} (the entered {year} value; no baseline in the plan)",
    ),
    "step.start_previous_actual": (
        "{year}年 {value}（上一个目标年份的实际值）",
        "{year}: {value} (the actual value of the previous target year)",
    ),
    "step.start_previous_target": (
        "{year}年 {value}（上一个目标年份无数据，取其目标值）",
        "{year}: {value} (no value for the previous target year: its target)",
    ),
    "step.yes": ("是", "yes"),
    "step.no": ("否", "no"),
    # --- charts ---
    "chart.observed": ("观测值", "Observed"),
    "chart.latest": ("最新值", "Latest value"),
    "chart.baseline": ("{year}年基准", "{year} baseline"),
    "chart.path": ("按进度路径", "Straight path to target"),
    "chart.target": ("{year}年目标 {target}", "{year} target {target}"),
    "chart.projection": ("按趋势预计", "Projection"),
    "chart.band": ("95%预测区间", "95% prediction band"),
    "chart.qualitative": ("{year}年：定性目标", "{year}: qualitative target"),
    "chart.sample": ("示例数据", "SAMPLE DATA"),
    "chart.year": ("年份", "Year"),
    "chart.ranking": ("{year}年各镇（街道）{name}", "{name} by town, {year}"),
    "chart.reference": ("{name} {value}", "{name} {value}"),
    "chart.today": ("今天", "Today"),
    "status.not_started": ("未开始", "Not started"),
    "status.in_progress": ("进行中", "In progress"),
    "status.done": ("已完成", "Done"),
    "status.overdue": ("确认逾期", "Confirmed overdue"),
    "status.unreported": ("过期未录入完成情况", "Past due, completion not recorded"),
    # --- import: whole-file problems ---
    "import.file_empty": ("文件为空。", "The file is empty."),
    "import.file_too_large": (
        "文件大小 {size_mb:.1f} MB，超过上限 {limit_mb} MB。",
        "The file is {size_mb:.1f} MB, over the {limit_mb} MB limit.",
    ),
    "import.file_unreadable": (
        "无法读取文件：它不是 CSV（UTF-8 或 GB18030/GBK 编码）或 Excel/WPS/LibreOffice 表格（XLSX、XLS、ODS）。",
        "Cannot read the file: it is not a CSV (UTF-8 or GB18030/GBK) or a spreadsheet (XLSX, XLS, ODS).",
    ),
    "import.file_bad_encoding": (
        "无法识别文件编码（第 {row} 行附近）：请将 CSV 另存为 UTF-8 或 GB18030/GBK 编码。",
        "Cannot decode the file (near line {row}): save the CSV as UTF-8 or GB18030/GBK.",
    ),
    "import.header_missing": (
        "找不到表头：前 {rows} 行中没有同时包含 指标编码（或指标名称）、年份、数值 三列的行。",
        "No header found: none of the first {rows} rows has the columns indicator_code (or indicator_name), year and value.",
    ),
    "import.header_only": (
        "文件只有表头（第 {row} 行），没有数据行。",
        "The file has a header (row {row}) but no data rows.",
    ),
    "import.column_unknown": (
        '第 {row} 行：未知的列"{value}"。可用的列：{allowed}。',
        'Row {row}: unknown column "{value}". Allowed columns: {allowed}.',
    ),
    "import.column_duplicate": (
        '第 {row} 行：列"{value}"出现了两次。',
        'Row {row}: column "{value}" appears twice.',
    ),
    "import.nothing_to_import": (
        "没有可导入的数值：{skipped} 行的数值列为空。",
        "Nothing to import: the value column is empty in all {skipped} rows.",
    ),
    # --- import: cell problems (row, column, value are always given) ---
    "cell.formula": (
        '第 {row} 行，"{column}"列：单元格是公式"{value}"，请复制后"粘贴为数值"再上传。',
        'Row {row}, column "{column}": the cell is a formula "{value}"; paste it as a value and upload again.',
    ),
    "cell.indicator_missing": (
        "第 {row} 行：指标编码和指标名称都为空。",
        "Row {row}: both indicator_code and indicator_name are empty.",
    ),
    "cell.indicator_unknown": (
        '第 {row} 行，"{column}"列：指标编码"{value}"不存在（应为 I01–I26 或 S01–S{last_s}）。',
        'Row {row}, column "{column}": indicator code "{value}" does not exist (expected I01–I26 or S01–S{last_s}).',
    ),
    "cell.indicator_name_unknown": (
        '第 {row} 行，"{column}"列：找不到名为"{value}"的指标。',
        'Row {row}, column "{column}": no indicator is named "{value}".',
    ),
    "cell.indicator_name_mismatch": (
        '第 {row} 行，"{column}"列：指标名称"{value}"与编码 {code} 的指标"{expected}"不符。',
        'Row {row}, column "{column}": indicator name "{value}" does not match code {code} ("{expected}").',
    ),
    "cell.year_missing": ('第 {row} 行，"{column}"列：年份为空。', 'Row {row}, column "{column}": the year is empty.'),
    "cell.year_invalid": (
        '第 {row} 行，"{column}"列：年份"{value}"不是整数年份。',
        'Row {row}, column "{column}": "{value}" is not a whole year.',
    ),
    "cell.year_future": (
        '第 {row} 行，"{column}"列：{year}年尚未到来，不能录入该年数值。',
        'Row {row}, column "{column}": {year} has not come yet; no value can be entered for it.',
    ),
    "cell.year_out_of_range": (
        '第 {row} 行，"{column}"列：年份 {value} 超出规划期 {min}–{max}。',
        'Row {row}, column "{column}": year {value} is outside the plan period {min}–{max}.',
    ),
    "cell.value_not_number": (
        '第 {row} 行，"{column}"列：数值"{value}"不是数字。',
        'Row {row}, column "{column}": "{value}" is not a number.',
    ),
    "cell.value_not_finite": (
        '第 {row} 行，"{column}"列：数值"{value}"不是有限数（NaN 或无穷大）。',
        'Row {row}, column "{column}": "{value}" is not a finite number (NaN or infinity).',
    ),
    "cell.value_out_of_range": (
        '第 {row} 行，"{column}"列：数值 {value} 超出 {name}（{unit}）的合理范围 {range}。',
        'Row {row}, column "{column}": {value} is outside the valid range {range} for {name} ({unit}).',
    ),
    "cell.value_negative": (
        '第 {row} 行，"{column}"列：{name}（{unit}）不能为负数，收到 {value}。',
        'Row {row}, column "{column}": {name} ({unit}) cannot be negative, got {value}.',
    ),
    "cell.value_wrong_sign": (
        '第 {row} 行，"{column}"列：数值"{value}"带有"{sign}"，但 {name} 的单位是"{unit}"。',
        'Row {row}, column "{column}": "{value}" carries "{sign}" but {name} is measured in "{unit}".',
    ),
    "cell.year_is_base": (
        '第 {row} 行，"{column}"列：{name} 按相对{year}年的累计变化率填报，{year}年是基期（累计值为0），请从{next}年起填报。',
        'Row {row}, column "{column}": {name} is reported as the cumulative change since {year}, so {year} is the base year (0 by definition); report {next} onwards.',
    ),
    "cell.unit_mismatch": (
        '第 {row} 行，"{column}"列：单位"{value}"与指标 {code} 的单位"{expected}"不一致。',
        'Row {row}, column "{column}": unit "{value}" contradicts the unit "{expected}" of indicator {code}.',
    ),
    "cell.region_unknown": (
        '第 {row} 行，"{column}"列：地区"{value}"不在数据库的地区中（现有：{allowed}）。如确有此镇/街道，请管理员先在“地区管理”页'
        "添加，或运行 python -m shanhe regions add {value} --parent {district}，再重新导入。",
        'Row {row}, column "{column}": region "{value}" is not one of the regions in the database ({allowed}). If this '
        'town or street exists, an admin adds it first on the "Regions" page or with python -m shanhe regions add '
        "{value} --parent {district}, then import again.",
    ),
    "cell.text_too_long": (
        '第 {row} 行，"{column}"列：文字过长（{length} 字，上限 {limit} 字）。',
        'Row {row}, column "{column}": text too long ({length} characters, limit {limit}).',
    ),
    "cell.duplicate": (
        "第 {row} 行：与第 {first} 行重复（同一指标 {code}、地区 {region}、年份 {year}）。",
        "Row {row}: duplicates row {first} (same indicator {code}, region {region}, year {year}).",
    ),
    # --- import outcome ---
    "import.failed": (
        "导入失败：发现 {count} 个问题，未写入任何数据。",
        "Import failed: {count} problem(s) found; nothing was written.",
    ),
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
        "数据库正忙：{path} 正被另一个进程占用（例如正在进行的备份或导出），等待后仍未释放，请稍后再试。",
        "The database is busy: {path} is locked by another process (e.g. a backup or an export) and was not "
        "released in time; try again later.",
    ),
    "cli.db_corrupt": ("数据库 {path} 无法打开：{reason}", "Cannot open database {path}: {reason}"),
    "cli.db_too_new": (
        "数据库 {path} 的结构版本 {found} 比本程序支持的 {supported} 更新，请升级 Shanhe。",
        "Database {path} has schema version {found}, newer than the supported {supported}; upgrade Shanhe.",
    ),
    "cli.bad_path": ("路径 {path} 含有不允许的字符。", "The path {path} contains characters that are not allowed."),
    "publish.busy": (
        "另一个发布进程一直占用 {path}，本次未发布；请稍后重试。",
        "Another publisher has held {path} for too long; nothing was published. Try again later.",
    ),
    "publish.not_an_edition": (
        "{path} 已存在且不是 Shanhe 的静态发布目录：请指定新的路径，或先移走该目录。",
        "{path} exists and is not a Shanhe static edition: give a new path or move it away first.",
    ),
    "publish.done": (
        "已发布只读版本到 {path}：{files} 个文件，{kb} KB，{seconds:.1f} 秒（数据版本 {version}）。",
        "Published the read-only edition to {path}: {files} files, {kb} KB, {seconds:.1f} s (data version {version}).",
    ),
    "publish.unchanged": (
        "只读版本已是最新（数据版本 {version}），未重新发布。",
        "The read-only edition is current (data version {version}); nothing published.",
    ),
    "publish.server_running": (
        "数据库正被看板服务使用：看板服务在每次写入后自动重新发布，本次跳过。",
        "The dashboard server holds the database: it republishes after every write itself; skipped.",
    ),
    "cli.restore_exists": (
        "{path} 已存在：恢复只写入新的数据库文件，请换一个路径或先移走原文件。",
        "{path} exists: a restore only writes a new database file; choose another path or move the old file away.",
    ),
    "cli.not_a_backup": (
        "{path} 不是 Shanhe 备份目录（缺少 schema.sql 或 shanhe.pgdump）。",
        "{path} is not a Shanhe backup folder (no schema.sql or shanhe.pgdump).",
    ),
    "store.busy": (
        "数据库正在写入其他数据，请稍后重试。",
        "The database is busy writing other data; please try again shortly.",
    ),
    "store.conflict": (
        "有人刚刚修改了这些数值，请重试。未写入任何数据。",
        "Someone has just changed these values; please try again. Nothing was written.",
    ),
    "store.duplicate": (
        "有人刚刚添加了同名的记录，请刷新页面后再试。未写入任何数据。",
        "Someone has just added a record with the same name; reload the page and try again. Nothing was written.",
    ),
    "store.bad_value": (
        "数据库拒绝了一个数值（{reason}），未写入任何数据。",
        "The database refused a value ({reason}); nothing was written.",
    ),
    "store.unreachable": (
        "无法连接数据库 {url}：{reason}",
        "Cannot connect to the database {url}: {reason}",
    ),
    "store.migration_changed": (
        "数据库 {path} 中已应用的结构版本 {version} 与本程序的不一致（迁移脚本被改动过），请使用与该数据库匹配的 Shanhe 版本。",
        "Schema version {version} applied to {path} differs from this program's (the migration was edited); "
        "use the Shanhe release that matches this database.",
    ),
    "store.tool_missing": (
        "找不到 PostgreSQL 工具 {tool}：请安装 postgresql-client（Debian：apt-get install postgresql-client）。",
        "PostgreSQL tool {tool} not found: install postgresql-client (Debian: apt-get install postgresql-client).",
    ),
    "store.tool_failed": ("{tool} 失败：{reason}", "{tool} failed: {reason}"),
    "auth.login_required": ("请先登录。", "Please log in first."),
    "auth.forbidden": ("此操作需要{role}权限。", "This needs the {role} role."),
    "auth.password_short": ("密码至少 {length} 个字符。", "The password needs at least {length} characters."),
    "auth.password_mismatch": ("两次输入的密码不一致。", "The two passwords differ."),
    "auth.bad_name": (
        "用户名“{name}”不合规：2–32 个字母、数字、汉字、点、下划线或连字符。",
        'User name "{name}" is not allowed: 2–32 letters, digits, Chinese characters, dots, underscores or hyphens.',
    ),
    "auth.bad_role": ("角色“{role}”无效（staff 或 admin）。", 'Role "{role}" is not valid (staff or admin).'),
    "auth.user_exists": ("用户“{name}”已存在。", 'User "{name}" already exists.'),
    "auth.no_user": ("没有用户“{name}”。", 'There is no user "{name}".'),
    "auth.failed": ("用户名或密码错误，或账号已停用。", "Wrong user name or password, or the account is disabled."),
    "auth.expired": ("登录已超时，请重新登录。", "Your login has timed out; please log in again."),
    "revert.no_batch": ("没有批次 #{batch}。", "There is no batch #{batch}."),
    "revert.not_allowed": (
        "不能撤销批次 #{batch}：管理员可撤销任何批次，填报人员只能撤销自己最近的一个批次。",
        "Cannot revert batch #{batch}: admins may revert any batch, staff only their own most recent one.",
    ),
    "revert.conflict": (
        "不能撤销批次 #{batch}：这些数值之后又被其他批次修改：{values}。请先撤销较新的批次。",
        "Cannot revert batch #{batch}: later batches changed these values again: {values}. Revert the newer batches first.",
    ),
    "targets.saved": (
        "已保存：{code} {year}年目标 {value}（{document}）。",
        "Saved: {code} {year} target {value} ({document}).",
    ),
    "assigned.bad_year": (
        "目标年份 {year} 不在 {first}–{last} 之内。",
        "Target year {year} is outside {first}–{last}.",
    ),
    "regions.title": ("地区管理", "Regions"),
    "regions.intro": (
        "全区来自规划；镇、街道由管理员在此添加（命令行：python -m shanhe regions add 名称 --parent 上级）。添加后即可导入该地区的数值。",
        "The district comes from the plan; admins add towns and streets here (command line: python -m shanhe regions add NAME --parent PARENT). Values for a region can be imported once it is added.",
    ),
    "regions.name": ("名称", "Name"),
    "regions.parent": ("上级地区", "Parent region"),
    "regions.level": ("层级（空白时按名称结尾：镇、街道、乡）", "Level (blank: from the name's ending: 镇, 街道, 乡)"),
    "regions.add": ("添加地区", "Add region"),
    "regions.added": (
        "已添加地区“{region}”（{level}，上级：{parent}）。",
        'Added region "{region}" ({level}, under {parent}).',
    ),
    "regions.exists": ("地区“{region}”已存在。", 'Region "{region}" already exists.'),
    "regions.no_parent": (
        "上级地区“{parent}”不存在，无法添加“{region}”。",
        'Parent region "{parent}" does not exist, so "{region}" cannot be added.',
    ),
    "regions.bad_name": (
        "地区名称“{region}”无效：不能为空、不能含控制字符或多余空格，最多 {limit} 个字。",
        'Region name "{region}" is not valid: it must not be empty or hold control characters or extra spaces, and has at most {limit} characters.',
    ),
    "regions.no_level": (
        "无法从名称“{region}”判断层级（镇、街道或乡），请指定层级。",
        'Cannot tell the level (镇, 街道 or 乡) from the name "{region}": give the level.',
    ),
    "col.level": ("层级", "Level"),
    "col.parent": ("上级", "Parent"),
    "ind.ranking_children_only": (
        "排名只比较“{region}”下属的镇/街道；“{region}”的红绿灯用它自己的数值。",
        'The ranking compares the towns and streets under "{region}" only; the light of "{region}" uses its own figure.',
    ),
    "ind.own_missing": (
        "{year}年各镇/街道已有数值，但“{region}”本身尚无{year}年数值：不由镇/街道数值汇总或推算，请录入“{region}”的数值。",
        'Towns and streets have {year} figures but "{region}" itself has none for {year}: it is not summed or estimated from them; enter the figure for "{region}".',
    ),
    "assigned.bad_region": (
        "地区“{region}”不在地区列表中（{allowed}）。",
        'Region "{region}" is not one of the regions ({allowed}).',
    ),
    "assigned.unknown_indicator": ("没有指标 {code}。", "There is no indicator {code}."),
    "assigned.bad_value": (
        "目标值 {value} 不在该指标的合理范围内。",
        "The target value {value} is outside the indicator's valid range.",
    ),
    "assigned.doc_required": (
        "请填写下达文件的文号。",
        "Please give the document number (文号) that assigned the value.",
    ),
    "assigned.future_date": ("文件日期 {date} 晚于今天。", "The document date {date} is in the future."),
    "milestone.unknown": ("没有里程碑 {milestone}。", "There is no milestone {milestone}."),
    "milestone.unknown_project": ("没有项目 {project}。", "There is no project {project}."),
    "milestone.bad_status": ("状态“{status}”无效。", 'Status "{status}" is not valid.'),
    "milestone.date_required": ("标记为已完成时请填写完成日期。", "A completed milestone needs its completion date."),
    "milestone.future_date": ("完成日期 {date} 晚于今天。", "The completion date {date} is in the future."),
    "milestone.bad_link": (
        "佐证链接必须以 http:// 或 https:// 开头。",
        "The evidence link must start with http:// or https://.",
    ),
    "milestone.title_required": ("请填写里程碑名称。", "Please name the milestone."),
    "cli.users_done": ("账号 {name} 已更新。", "Account {name} updated."),
    "cli.backup_exists": (
        "{path} 已存在且不为空：请指定新的备份目录。",
        "{path} exists and is not empty: give a new backup folder.",
    ),
    "cli.backup_pruned": ("已删除旧备份 {path}", "Removed old backup {path}"),
    "cli.restored": (
        "已恢复到 {path}：{observations} 条数值修订，{batches} 个批次。",
        "Restored into {path}: {observations} value revisions, {batches} batches.",
    ),
    "images.no_chromium": (
        "找不到 Chromium：生成图片和 PDF 需要 Debian 的 chromium 软件包（make run 会自动安装）。",
        "Chromium not found: chart images and PDFs need Debian's chromium package (make run installs it).",
    ),
    "report.pdf_failed": ("PDF 生成失败：{reason}", "The PDF could not be made: {reason}"),
    # --- reports ---
    "rep.file.annual": ("{title}{year}年度评估报告", "{title} {year} annual review"),
    "rep.file.midterm": ("{title}{year}年中期评估报告", "{title} {year} mid-term evaluation"),
    "rep.file.final": ("{title}{year}年末期考核报告", "{title} {year} final assessment"),
    "rep.file.data": ("{title}全部数据", "{title} all data"),
    "rep.file.current": ("{title}当前数值", "{title} current values"),
    "rep.file.history": ("{title}修订历史", "{title} revision history"),
    "kind.annual": ("年度调度", "Annual review"),
    "kind.midterm": ("中期评估", "Mid-term evaluation"),
    "kind.final": ("末期考核", "Final assessment"),
    "report.title": ("{year}年{kind}报告", "{kind} report {year}"),
    "report.subtitle": ("{number}《{title}》实施情况", "Implementation of {number} {title}"),
    "report.as_of": (
        "数据截至 {when}（最新导入批次 #{batch}）；评估年份 {year}；地区 {region}",
        "Data as of {when} (latest batch #{batch}); evaluation year {year}; region {region}",
    ),
    "report.no_data_yet": (
        "库中尚无导入数据；评估年份 {year}；地区 {region}",
        "No data imported yet; evaluation year {year}; region {region}",
    ),
    "report.sample": ("示例数据（非实际监测或统计数据）", "SAMPLE DATA (not measured or official figures)"),
    "report.summary": ("总体情况", "Summary"),
    "report.section": ("{n}、{title}", "{n}. {title}"),
    "report.verdicts": ("{year}年目标完成情况", "The {year} targets: verdicts"),
    "report.verdict_counts": ("各属性目标完成情况（项）", "Verdicts by attribute (indicators)"),
    "report.verdicts_note": (
        "结论只看{year}年当年的数值；缺少该年数值的为“缺数据”，不以其他年份代替。目标出处为规划条目或下达文件。",
        "Verdicts use the {year} value itself; without it the verdict is 'no data', never another year's value. The source is the plan's section or the document that set the target.",
    ),
    "report.behind": ("滞后的约束性指标及所需年均变化", "Binding indicators behind, with the annual change required"),
    "report.none_behind": ("没有滞后的约束性指标。", "No binding indicator is behind."),
    "report.table": ("指标一览", "All indicators"),
    "report.narrative": ("分类分析", "By category"),
    "report.charts": ("指标图表", "Indicator charts"),
    "report.projects": ("重点工程与里程碑", "Key projects and milestones"),
    "report.overdue": ("过期未完成的里程碑", "Milestones past due and not done"),
    "report.sources": ("附录一：数据来源", "Appendix 1: data sources"),
    "report.flags": ("附录二：规划原文待核实事项", "Appendix 2: data-quality flags in the plan"),
    "report.method": ("附录三：评估方法", "Appendix 3: method"),
    "report.counts_caption": ("各类别、属性的红绿灯数量", "Lights by category and attribute"),
    "col.year_target": ("{year}年目标", "{year} target"),
    "col.year_actual": ("{year}年实际值", "{year} value"),
    "col.verdict_short": ("结论", "Verdict"),
    "col.target_source": ("目标出处", "Target source"),
    "col.now": ("当前状态（{year}年评估）", "Now (evaluated {year})"),
    "col.total": ("合计", "Total"),
    "target.replaced": ("；替代规划原文“{text}”（{source}）", '; replaces the plan\'s "{text}" ({source})'),
    "narr.counts": (
        "{category}类（{table}）{total} 项指标中，{parts}。",
        "Of the {total} {category} indicators in {table}: {parts}.",
    ),
    "narr.part": ("{label} {count} 项（{names}）", "{count} {label} ({names})"),
    "narr.improved": ("与起点相比改善的有：{items}。", "Improved since the start: {items}."),
    "narr.improved_item": (
        "{name}（{start_year}年 {start} → {year}年 {value}）",
        "{name} ({start_year} {start} → {year} {value})",
    ),
    "narr.none_improved": (
        "本类别暂无可与起点比较的改善数据。",
        "No indicator in this category can yet be compared with its start.",
    ),
    "narr.needs": ("到目标年份仍需努力的有：{items}。", "Still to do by the target year: {items}."),
    "narr.needs_item": (
        "{name}到{target_year}年需{verb} {gap}{per_year}",
        "{name} must {verb} by {gap} by {target_year}{per_year}",
    ),
    "narr.no_needs": ("本类别没有处于黄灯或红灯的指标。", "No indicator in this category is amber or red."),
    "narr.pending": ("另有 {count} 项待上级下达目标值：{names}。", "{count} more await an assigned target: {names}."),
    "col.target": ("目标", "Target"),
    "col.label": ("状态", "Status"),
    "col.required": ("所需年均变化", "Required annual change"),
    "cli.file_missing": ("文件 {path} 不存在。", "File {path} does not exist."),
    "cli.bad_extension": (
        "不支持的文件类型 {path}：请使用 .csv 或 .xlsx。",
        "Unsupported file type {path}: use .csv or .xlsx.",
    ),
    "cli.init_done": (
        "数据库 {path} 已就绪：结构版本 {version}，{indicators} 项指标，{projects} 个项目；{plan}",
        "Database {path} ready: schema version {version}, {indicators} indicators, {projects} projects; {plan}",
    ),
    "cli.plan_synced": ("已按 {dir} 更新规划数据。", "plan data refreshed from {dir}."),
    "cli.plan_unchanged": ("规划数据未变化。", "plan data unchanged."),
    "cli.written": ("已写入 {path}", "Wrote {path}"),
    "cli.demo_done": (
        "示例数据已写入 {path}（{rows} 条，均标注为示例数据）。查看：SHANHE_DB={path} make run",
        "Sample data written to {path} ({rows} values, all labelled as samples). View it: SHANHE_DB={path} make run",
    ),
    "demo.refuse_real": (
        "拒绝写入 {path}：示例数据只能写入单独的示例数据库，不能写入正式数据库。",
        "Refusing to write to {path}: sample data goes to a separate demo database, never the real one.",
    ),
    # --- issue 12: hostile input ---
    "import.file_corrupt": ("文件已损坏或不是有效的 Excel 文件。", "The file is damaged or not a valid Excel file."),
    "import.file_mixed_encoding": (
        "文件编码混杂：大部分内容是 UTF-8，但第 {byte} 个字节（第 {line} 行）不是 UTF-8。请把整个文件另存为 UTF-8 后再上传。",
        "Mixed encodings: most of the file is UTF-8, but byte {byte} (line {line}) is not. Save the whole file as UTF-8 and upload it again.",
    ),
    "import.quote_unclosed": (
        '第 {row} 行：引号未闭合或位置不对，后面的行会被并进一个单元格。请检查这一行的英文双引号（"）。',
        'Row {row}: a quote is not closed (or misplaced), which would swallow the following rows into one cell. Check the double quotes (") in this row.',
    ),
    "import.too_many_rows": (
        "第 {row} 行仍有内容：表格超过上限 {limit} 行。请只保留要导入的数据。",
        "Row {row} still has content: the sheet is over the limit of {limit} rows. Keep only the data to import.",
    ),
    "import.too_many_columns": (
        "第 {row} 行第 {col} 列有内容：表格超过上限 {limit} 列。请删除多余的列。",
        "Row {row}, column {col} has content: the sheet is over the limit of {limit} columns. Delete the extra columns.",
    ),
    "import.too_much_work": (
        "文件内容过多（超过 {limit} 个单元格或解压后过大），已停止读取。请只保留要导入的数据。",
        "The file holds too much (over {limit} cells, or too large unpacked); reading stopped. Keep only the data to import.",
    ),
    "import.too_many_strings": (
        "文件含有 {count} 个不同的文字单元格，超过上限 {limit} 个，已停止读取。",
        "The file holds {count} distinct text cells, over the limit of {limit}; reading stopped.",
    ),
    "import.sheet_unknown": (
        "工作簿中没有名为“{sheet}”的工作表。可选：{sheets}。",
        'The workbook has no sheet named "{sheet}". Available: {sheets}.',
    ),
    "import.several_sheets": (
        "工作簿中有多个带表头的可见工作表：{sheets}。请只保留一个，或指定要导入的工作表（命令行 --sheet 名称，上传页面可选择）。",
        "The workbook has several visible sheets with a header: {sheets}. Keep one, or name the sheet to import (--sheet NAME on the command line; a choice on the upload page).",
    ),
    "import.sheet_read": ("读取工作表：{sheet}", "Sheet read: {sheet}"),
    "import.row_too_long": (
        "第 {row} 行有 {cells} 个单元格，比表头的 {width} 列多。若数值用了逗号作小数点（如 71,2），请改为 71.2；多余的列请删除或加上表头。",
        "Row {row} has {cells} cells, more than the {width} columns of the header. If a value uses a decimal comma (71,2), write 71.2; delete extra columns or give them a header.",
    ),
    "import.ignored_title_rows": ("已忽略：第{rows}行（标题）", "Ignored: row {rows} (title)"),
    "import.controls_cleaned": (
        '第 {row} 行，"{column}"列：已把不可见的控制字符 {chars}（常见于从 Word 粘贴的文字）替换为空格。',
        'Row {row}, column "{column}": invisible control characters {chars} (common in text pasted from Word) were replaced by spaces.',
    ),
    "import.decimal_form": (
        "第 {row} 行 {what}：看起来是小数形式：{value} 是否应为 {scaled}%？（上一年 {before}%）",
        "Row {row} {what}: this looks like a fraction: should {value} be {scaled}%? (previous year {before}%)",
    ),
    "import.jump": (
        "第 {row} 行 {what}：{before} → {value}，与上一年相比变化 {change}，请核对。",
        "Row {row} {what}: {before} → {value}, a change of {change} against the previous year; please check.",
    ),
    "import.needs_accept": (
        "导入失败：有 {count} 个数值需要核对，未写入任何数据。核对无误后加 --accept-jumps 重新运行。",
        "Import failed: {count} value(s) need checking; nothing was written. If they are right, run again with --accept-jumps.",
    ),
    "import.notices": ("说明：", "Notes:"),
    "store.values_moved": (
        "预览之后数值已被他人修改：{changes}，请重新上传预览。未写入任何数据。",
        "Values changed after your preview: {changes}; please upload again for a fresh preview. Nothing was written.",
    ),
    "store.moved_item": ("{user} 在 {time} 把 {what} 改为 {value}", "{user} changed {what} to {value} at {time}"),
    "store.disk_full": (
        "磁盘空间不足：无法写入 {path}，未写入任何数据。请清理磁盘后重试。",
        "The disk is full: cannot write {path}; nothing was written. Free some space and try again.",
    ),
    "change.value": ("数值", "value"),
    "change.source": ("数据来源", "source"),
    "change.note": ("备注", "note"),
    "col.changes": ("修改内容", "What changes"),
    "upload.sheet": ("选择要导入的工作表", "Sheet to import"),
    "upload.decimals": (
        "有 {count} 个百分比数值看起来是小数形式（如 0.712 应为 71.2%），已标出，请核对。",
        "{count} percentage(s) look like fractions (0.712 for 71.2%), marked; please check them.",
    ),
    "upload.decimal_mark": ("⚠ 小数形式？", "⚠ a fraction?"),
    "upload.stale": ("未导入：", "Not imported:"),
    "auth.wait": ("失败次数较多，请 {seconds} 秒后再试。", "Too many failed attempts; try again in {seconds} seconds."),
    "auth.password_long": ("密码最多 {length} 个字符。", "The password can have at most {length} characters."),
    "auth.busy": ("登录请求过多，请稍后再试。", "Too many login attempts right now; please try again shortly."),
    "login.failures": (
        "自上次登录以来，您的账号有 {count} 次失败的登录尝试。如果不是您本人，请告知管理员。",
        "Since your last login there were {count} failed login attempts on your account. If that was not you, tell an administrator.",
    ),
}


def t(key: str, lang: Lang, **params: object) -> str:
    """The text for ``key`` in ``lang``, with ``params`` filled in."""
    zh, en = TEXT[key]
    return (zh if lang == "zh" else en).format(**params)


def both(key: str, **params: object) -> str:
    """Chinese and English on one line: for the CLI, which has no language toggle."""
    return f"{t(key, 'zh', **params)} | {t(key, 'en', **params)}"
