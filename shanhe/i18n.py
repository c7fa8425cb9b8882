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
    "app.present": ("演示模式", "Presenter mode"),
    "app.sample_banner": ("⚠ 示例数据：当前看板使用的是演示用的示例数据（python -m shanhe demo 生成），不是实际监测或统计数据。", "⚠ Sample data: this dashboard is running on the illustrative sample dataset made by python -m shanhe demo, not on measured or official figures."),
    "url.invalid": ("链接中的参数 {param}={value} 无效，已改用默认值。", "The link parameter {param}={value} is not valid; the default is used instead."),
    "nav.overview": ("总览", "Overview"),
    "nav.indicator": ("指标详情", "Indicator"),
    "nav.projects": ("重点工程", "Projects"),
    "nav.themes": ("一山一河一流域", "Mountain, river, basin"),
    "nav.about": ("关于", "About"),
    "nav.present": ("演示", "Presentation"),
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
    "col.status": ("状态", "Status"),
    "col.trend": ("趋势", "Trend"),
    "col.reason": ("说明", "Why"),
    "overview.year": ("评估年份", "Evaluation year"),
    "overview.headline": ("重点指标", "Headline indicators"),
    "overview.counts": ("红绿灯统计", "Light counts"),
    "overview.matrix": ("指标红绿灯", "Indicator lights"),
    "overview.filter_category": ("类别", "Category"),
    "overview.filter_attribute": ("属性", "Attribute"),
    "overview.filter_light": ("灯", "Light"),
    "overview.filtered_out": ("没有符合筛选条件的指标。", "No indicator matches the filters."),
    "overview.group": ("分组", "Group"),
    "ind.select": ("指标", "Indicator"),
    "ind.region": ("地区", "Region"),
    "ind.path_ratio": ("路径比", "Path ratio"),
    "ind.trend_ratio": ("趋势比", "Trend ratio"),
    "ind.required": ("所需年均变化", "Required annual change"),
    "ind.projected": ("{year}年预计", "Projected for {year}"),
    "ind.values": ("数值与来源", "Values and sources"),
    "ind.history": ("修订历史", "Revision history"),
    "ind.plan": ("规划原文", "What the plan says"),
    "ind.flags": ("待核实事项", "Data-quality flags"),
    "ind.no_flags": ("本指标没有待核实事项。", "No data-quality flag for this indicator."),
    "ind.download_csv": ("下载 CSV", "Download CSV"),
    "ind.download_xlsx": ("下载 XLSX", "Download XLSX"),
    "ind.no_values": ("暂无数据。", "No data yet."),
    "ind.baseline_line": ("2020年现状（原文）：{text}　出处：{source}", "2020 baseline (as printed): {text}  source: {source}"),
    "ind.target_line": ("{year}年目标：{text}　规则：{rule}　出处：{source}", "{year} target: {text}  rule: {rule}  source: {source}"),
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
    "proj.title": ("重点工程与里程碑（附表1）", "Key projects and milestones (annex 1)"),
    "proj.unit_filter": ("牵头单位", "Lead unit"),
    "proj.overdue": ("逾期里程碑", "Overdue milestones"),
    "proj.none_overdue": ("没有逾期的里程碑。", "No milestone is overdue."),
    "proj.detail": ("项目详情", "Project details"),
    "proj.overview": ("项目概况", "Overview"),
    "proj.period": ("实施时间", "Period"),
    "proj.investment": ("投资金额（原文）", "Investment (as printed)"),
    "proj.lead": ("牵头单位", "Lead unit"),
    "proj.group": ("类别", "Group"),
    "proj.milestones": ("里程碑", "Milestones"),
    "proj.indicators": ("相关指标", "Related indicators"),
    "proj.status_note": ("状态按今天（{today}）计算；里程碑只有在录入完成情况后才算“已完成”，过期未录入即为“逾期”。", "Statuses as of today ({today}); a milestone counts as done only once its completion is recorded, and is overdue when past due without it."),
    "col.milestone": ("里程碑", "Milestone"),
    "col.due": ("截止", "Due"),
    "col.due_text": ("原文时间", "Date as printed"),
    "col.basis": ("日期依据", "Date basis"),
    "col.project": ("项目", "Project"),
    "basis.text": ("原文写明", "stated in the plan"),
    "basis.period": ("按实施时间末年", "end of the project period"),
    "themes.title": ("一山一河一流域", "Mountain, river and basin"),
    "themes.scope": ("范围：{scope}　出处：{source}", "Scope: {scope}  source: {source}"),
    "themes.indicators": ("指标红绿灯", "Indicator lights"),
    "themes.projects": ("项目", "Projects"),
    "themes.note": ("指标归类由本系统整理（规划未逐项指定，见待核实事项 F22）；项目按附表1类别。", "Indicators are filed under areas by this system (the plan does not say, flag F22); projects follow annex 1."),
    "about.title": ("关于", "About"),
    "about.plan": ("规划", "The plan"),
    "about.number": ("文号", "Document number"),
    "about.issuer": ("发布", "Issued by"),
    "about.issued_on": ("印发日期", "Issued on"),
    "about.periods": ("规划期", "Periods"),
    "about.evaluations": ("评估考核（第十章）", "Evaluations (chapter 10)"),
    "about.sources": ("数据来源", "Data sources"),
    "about.no_sources": ("尚无导入数据。", "No data imported yet."),
    "about.flags": ("待核实事项（数据质量标记）", "Data-quality flags"),
    "about.rows": ("条数", "Values"),
    "about.subjects": ("涉及", "Concerns"),
    "present.prev": ("◀ 上一页", "◀ Previous"),
    "present.next": ("下一页 ▶", "Next ▶"),
    "present.exit": ("退出演示", "Exit presentation"),
    "present.footer": ("{number}《{title}》 · 数据截至 {when} · 第 {n}/{total} 页", "{number} {title} · data as of {when} · {n}/{total}"),
    "present.summary": ("进展摘要（{year}年）", "Progress summary ({year})"),
    "overview.evaluated": ("评估年份：{year}（默认为有数据的最近一年）。", "Evaluated for {year} (the latest year with data by default)."),
    "category.生态保护": ("生态保护", "Ecological protection"),
    "category.环境质量": ("环境质量", "Environmental quality"),
    "category.生态经济": ("生态经济", "Ecological economy"),
    "attribute.binding": ("约束性", "Binding"),
    "attribute.expected": ("预期性", "Expected"),
    "attribute.none": ("未标注", "Not stated"),
    "baseline.flagged": ("{text}（待核实）", "{text} (under review)"),
    "measure.level": ("当年值", "value for the year"),
    "measure.cumulative_change": ("相对2020年累计变化（%）", "cumulative change since 2020 (%)"),
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
    "light.green": ("绿", "green"),
    "light.amber": ("黄", "amber"),
    "light.red": ("红", "red"),
    "light.grey": ("灰", "grey"),
    "trend.up": ("上升", "rising"),
    "trend.flat": ("持平", "flat"),
    "trend.down": ("下降", "falling"),
    "trend.improving": ("改善", "improving"),
    "trend.worsening": ("恶化", "worsening"),
    "binding_behind": ("约束性指标滞后", "binding indicator behind"),
    # --- when each label is given (the methodology page shows these next to the thresholds) ---
    "rule.achieved": ("最新值已满足当前目标（目标年已过时，按目标年后的最新值判定）。", "The latest value meets the active target (after the target year: judged on the latest value)."),
    "rule.on_track": ("路径比 ≥ {on_track}。", "Path ratio ≥ {on_track}."),
    "rule.accelerate": ("{behind} ≤ 路径比 < {on_track}。", "{behind} ≤ path ratio < {on_track}."),
    "rule.behind": ("0 ≤ 路径比 < {behind}。", "0 ≤ path ratio < {behind}."),
    "rule.off_track": ("路径比 < 0（离目标越来越远）；或起点已满足目标、最新值却不再满足（如“不减少”类目标）。", "Path ratio < 0 (moving away from the target); or the start met the target and the latest value no longer does (e.g. 'no decrease')."),
    "rule.not_met": ("最后一个数值目标的年份已过，最新值仍未满足目标。", "The last numeric target year has passed and the latest value does not meet it."),
    "rule.no_data": ("评估年份及以前没有任何数据。", "No data up to the evaluation year."),
    "rule.pending": ("当前目标由上级下达，下达值尚未录入（趋势仍然显示）。", "The active target is assigned by a superior and its value has not been entered yet (the trend is still shown)."),
    "rule.qualitative": ("只有定性目标，不计算进度。", "Only qualitative targets: no progress is computed."),
    "rule.insufficient": ("只有起点一个数据且未达标，无法判断进度。", "Only the starting point is known and it does not meet the target: progress cannot be judged yet."),
    # --- reason sentences (one per indicator) ---
    "reason.achieved": ("{year}年 {value}，已达到{target_year}年目标（{target}）{start_note}。", "{year}: {value}, meets the {target_year} target ({target}){start_note}."),
    "reason.achieved_final": ("{target_year}年目标期限已过，{year}年 {value}，达到目标（{target}）。", "The {target_year} target year has passed; {year}: {value}, meets the target ({target})."),
    "reason.not_met": ("{target_year}年目标期限已过，{year}年 {value}，未达到目标（{target}），差 {gap}。", "The {target_year} target year has passed; {year}: {value} does not meet the target ({target}), short by {gap}."),
    "reason.path": ("{year}年 {value}，按进度应达 {expected}；要在{target_year}年达到 {target_plain}，需{verb} {gap}{per_year}{recent}{start_note}。", "{year}: {value}, the straight path expects {expected}; to reach {target_plain} by {target_year} it must {verb} by {gap}{per_year}{recent}{start_note}."),
    "reason.slipped": ("{year}年 {value}，不再满足目标（{target}），需{verb} {gap}{recent}{start_note}。", "{year}: {value} no longer meets the target ({target}); it must {verb} by {gap}{recent}{start_note}."),
    "reason.insufficient": ("仅有{year}年一个数据（{value}），尚不能判断进度；要在{target_year}年达到 {target_plain}，需{verb} {gap}{start_note}。", "Only {year} is known ({value}), too little to judge progress; to reach {target_plain} by {target_year} it must {verb} by {gap}{start_note}."),
    "reason.no_data": ("截至{eval_year}年尚无数据。", "No data up to {eval_year}."),
    "reason.pending": ("{target_year}年目标为“{text}”，下达值尚未录入{latest}。", "The {target_year} target is \"{text}\"; the assigned value has not been entered yet{latest}."),
    "reason.qualitative": ("定性目标：{text}{latest}。", "Qualitative target: {text}{latest}."),
    "reason.latest": ("；{year}年 {value}", "; {year}: {value}"),
    "reason.per_year": ("（每年 {annual}）", " ({annual} a year)"),
    "reason.recent": ("，近{years}年平均每年 {recent}", "; over the last {years} years it changed {recent} a year on average"),
    "reason.start_first": ("（规划未给出基准值，以{start_year}年首个观测值为起点）", " (no baseline in the plan: starting from the first observation, {start_year})"),
    "reason.start_cumulative": ("（累计口径：相对2020年，2020年为0）", " (cumulative since 2020, which counts as 0)"),
    "verb.raise": ("提高", "rise"),
    "verb.lower": ("降低", "fall"),
    # --- units for differences ---
    "diff.%": ("{n} 个百分点", "{n} percentage points"),
    "diff.‰": ("{n} 个千分点", "{n} per-mille points"),
    # --- roll-ups ---
    "summary.attribute": ("{total} 项{attribute}指标中，{parts}。", "Of {total} {attribute} indicators: {parts}."),
    "summary.part": ("{count} 项{label}", "{count} {label}"),
    "summary.supplementary": ("补充指标", "Supplementary indicators"),
    "summary.supplementary_group": ("补充", "supplementary"),
    "summary.binding_behind": ("约束性指标滞后：{names}。", "Binding indicators behind: {names}."),
    "summary.binding_behind_none": ("没有滞后的约束性指标。", "No binding indicator is behind."),
    # --- methodology page ---
    "nav.methodology": ("方法说明", "Methodology"),
    "method.title": ("方法说明：红绿灯怎样判定", "Methodology: how the lights are decided"),
    "method.intro": (
        "每项指标在评估年份（默认为有数据的最近一年）按同一套规则判定。本页的阈值、标签和示例都直接取自计算红绿灯的代码（shanhe/rules.py 与 shanhe/progress.py），两者不会不一致。",
        "Every indicator is judged at the evaluation year (by default the latest year with data) by one set of rules. The thresholds, labels and examples on this page come straight from the code that computes the lights (shanhe/rules.py and shanhe/progress.py), so they cannot disagree.",
    ),
    "method.steps_title": ("判定步骤", "Steps"),
    "method.steps": (
        "1. **当前目标**：评估年份当年或以后最早的非定性目标（先2025年，再2030、2035年）；最后一个数值目标的年份过后，按该目标作最终判定（达标/未达标）。目标为“上级下达”且下达值尚未录入时为“待下达”；只有定性目标时为“定性目标”。\n"
        "2. **起点**：规划给出2020年基准值时用基准值；“—”或待核实时，用第一个观测值并在说明中注明；累计变化率指标（排放总量减少、单位GDP能耗降低等，见待核实事项 F21）以2020年为0。\n"
        "3. **目标值**：“≥X”“≤X”直接取X；“不减少”取起点值；“增加3%”按起点加3个百分点（F03）。\n"
        "4. **已达标**：最新值满足目标即为已达标。\n"
        "5. **路径比（决定红绿灯）**：路径比 = 实际进展 ÷ 应有进展。应有进展是从起点到目标的直线在最新数据年份应走过的部分：(目标值 − 起点值) × (最新年份 − 起点年份) ÷ (目标年份 − 起点年份)。用差值而不用增长率，所以起点或目标为0（如劣V类 0%）、千分比、越低越好的指标都同样适用。\n"
        "6. **阈值**：按约束性/预期性分别取下表的阈值，约束性不低于预期性。",
        "1. **Active target**: the earliest non-qualitative target in or after the evaluation year (2025, then 2030, 2035); after the last numeric target year that target is judged as final (met / not met). A target assigned by a superior whose value is not yet entered is 'awaiting'; only qualitative targets give 'qualitative'.\n"
        "2. **Start**: the plan's 2020 baseline where it gives one; where it prints '—' or the figure is under review, the first observation, and the reason says so; cumulative change-rate indicators (emission reductions, energy intensity, see flag F21) start from 0 in 2020.\n"
        "3. **Target value**: '≥X' and '≤X' give X; 'no decrease' gives the start value; 'increase 3%' gives the start plus 3 percentage points (F03).\n"
        "4. **Achieved**: the latest value meets the target.\n"
        "5. **Path ratio (decides the light)**: progress made ÷ progress expected, where the expected progress is the part of the straight line from start to target covered by the latest data year: (target − start) × (latest year − start year) ÷ (target year − start year). Differences, not growth rates, so zero starts or targets (e.g. 0 % worst-class water), per-mille units and lower-is-better indicators all work the same way.\n"
        "6. **Thresholds**: per attribute, from the table below; binding ones are at least as strict as expected ones.",
    ),
    "method.why_path": (
        "**为什么由路径比决定，而不是趋势比**：路径比只用起点、目标和最新值三个数，任何人都能用计算器复核；趋势比（加权趋势斜率 ÷ 直线所需年均变化）受所有年份影响，一两年的波动就会改变它，也无法手算。因此趋势比与预计值只作参考，和红绿灯一起显示。",
        "**Why the path ratio decides, not the trend ratio**: the path ratio uses three numbers (start, target, latest value) that anyone can check with a calculator; the trend ratio (weighted trend slope ÷ the straight line's annual change) depends on every year, moves with one noisy year and cannot be checked by hand. The trend ratio and the projection are shown beside the light as context.",
    ),
    "method.thresholds_title": ("阈值（路径比）", "Thresholds (path ratio)"),
    "method.labels_title": ("标签与红绿灯", "Labels and lights"),
    "method.trend_title": ("趋势、预计值与所需变化", "Trend, projection and required change"),
    "method.trend": (
        "- **趋势线**：对起点和评估年份以前的全部观测值作加权最小二乘直线，权重 = 1 + (年份 − 首年)，越近的年份权重越大（参照 ESCAP/UNECE 做法）。\n"
        "- **趋势箭头**：至少两个数据点时显示；斜率绝对值不超过序列平均水平的 {flat_pct}%/年 为“持平”，否则为上升或下降，并按指标方向标注改善或恶化。\n"
        "- **趋势比** = 方向调整后的趋势斜率 ÷ (目标值 − 起点值)/(目标年份 − 起点年份)。\n"
        "- **预计值**：趋势线在目标年份的值；至少 {band_points} 个数据点时给出95%预测区间（t分布）。**预计差距** = 预计值 − 目标值。\n"
        "- **所需年均变化** = (目标值 − 最新值) ÷ (目标年份 − 最新年份)；**近N年平均每年变化**：最新值与最近 {recent} 年内最早数据点之差 ÷ 年数。",
        "- **Trend line**: weighted least squares through the start and every observation up to the evaluation year, weight = 1 + (year − first year), so recent years count most (as ESCAP/UNECE do).\n"
        "- **Trend arrow**: shown from two points; flat when the slope is within {flat_pct}% of the series' mean level per year, else up or down, marked improving or worsening by the indicator's direction.\n"
        "- **Trend ratio** = direction-adjusted slope ÷ ((target − start)/(target year − start year)).\n"
        "- **Projection**: the trend line at the target year; from {band_points} points on with a 95 % prediction band (t distribution). **Projected gap** = projection − target.\n"
        "- **Required annual change** = (target − latest) ÷ (target year − latest year); **recent average annual change**: latest value minus the earliest point within {recent} years, divided by the years between.",
    ),
    "method.examples_title": ("实例（由引擎实时计算）", "Worked examples (computed live by the engine)"),
    "method.sample_note": ("⚠ 示例数据：库中尚无该指标数据，以下数值为演示用的示例数据，不是实际监测值。", "⚠ Sample data: the store has no data for this indicator yet; the figures below are illustrative samples, not measurements."),
    "method.example_caption": ("{name}（{code}），评估年份 {year}", "{name} ({code}), evaluated for {year}"),
    "method.col_attribute": ("属性", "Attribute"),
    "method.col_on_track": ("进度正常（绿）：路径比 ≥", "On track (green): path ratio ≥"),
    "method.col_behind": ("需加快（黄）：路径比 ≥", "Acceleration needed (amber): path ratio ≥"),
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
    "step.path_ratio": ("路径比 = 实际进展 ÷ 应有进展", "Path ratio = made ÷ expected"),
    "step.thresholds": ("适用阈值", "Thresholds applied"),
    "step.meets": ("是否满足目标", "Meets the target"),
    "step.trend_ratio": ("趋势比（参考）", "Trend ratio (context)"),
    "step.projection": ("按趋势预计", "Projected by the trend"),
    "step.result": ("结论", "Result"),
    "step.reason": ("说明", "Reason"),
    "step.start_baseline": ("{year}年 {value}（规划基准值）", "{year}: {value} (the plan's baseline)"),
    "step.start_first_observation": ("{year}年 {value}（首个观测值；规划未给出可用基准值）", "{year}: {value} (first observation; no usable baseline in the plan)"),
    "step.start_base_year_zero": ("{year}年 0（累计变化率以2020年为基期）", "{year}: 0 (cumulative change counts from 2020)"),
    "step.yes": ("是", "yes"),
    "step.no": ("否", "no"),
    # --- charts ---
    "chart.observed": ("观测值", "Observed"),
    "chart.baseline": ("{year}年基准", "{year} baseline"),
    "chart.start": ("起点（{year}年）", "Start ({year})"),
    "chart.path": ("按进度路径", "Straight path to target"),
    "chart.target": ("{year}年目标 {target}", "{year} target {target}"),
    "chart.projection": ("按趋势预计", "Projection"),
    "chart.band": ("95%预测区间", "95% prediction band"),
    "chart.qualitative": ("{year}年：定性目标", "{year}: qualitative target"),
    "chart.sample": ("示例数据", "SAMPLE DATA"),
    "chart.year": ("年份", "Year"),
    "chart.ranking": ("{year}年各地区{name}", "{name} by region, {year}"),
    "chart.today": ("今天", "Today"),
    "chart.milestone": ("里程碑", "Milestone"),
    "status.not_started": ("未开始", "Not started"),
    "status.in_progress": ("进行中", "In progress"),
    "status.done": ("已完成", "Done"),
    "status.overdue": ("逾期", "Overdue"),
    "group.一山": ("一山", "Mountain"),
    "group.一河": ("一河", "River"),
    "group.一流域": ("一流域", "Basin"),
    "group.环境污染防治": ("环境污染防治", "Pollution control"),
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
    "cli.demo_done": (
        "示例数据已写入 {path}（{rows} 条，均标注为示例数据）。查看：SHANHE_DB={path} make run",
        "Sample data written to {path} ({rows} values, all labelled as samples). View it: SHANHE_DB={path} make run",
    ),
    "demo.refuse_real": (
        "拒绝写入 {path}：示例数据只能写入单独的示例数据库，不能写入正式数据库。",
        "Refusing to write to {path}: sample data goes to a separate demo database, never the real one.",
    ),
}


def t(key: str, lang: Lang = "zh", **params: object) -> str:
    """The text for ``key`` in ``lang``, with ``params`` filled in."""
    zh, en = TEXT[key]
    return (zh if lang == "zh" else en).format(**params)


def both(key: str, **params: object) -> str:
    """Chinese and English on one line: for the CLI, which has no language toggle."""
    return f"{t(key, 'zh', **params)} | {t(key, 'en', **params)}"
