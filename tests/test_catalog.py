"""The plan data against the plan: every 表2-1 row transcribed independently here."""

from __future__ import annotations

import re

import pytest

from shanhe.catalog import Catalog
from tests.conftest import PLAN_TEXT

# 序号, name, category, unit, attribute, 2020 literal ("" where the row prints nothing), 2020 value used,
# 2025 rule, 2025 value
TABLE_2_1 = [
    (1, "生态保护红线占国土面积比例", "生态保护", "%", "binding", "—", None, "no_decrease", None),
    (2, "森林覆盖率", "生态保护", "%", "binding", "19.83", 19.83, "at_least", 19.83),
    (3, "森林草原火灾受害控制率", "生态保护", "‰", "expected", "—", None, "at_most", 0.5),
    (4, "森林草原有害生物成灾控制率", "生态保护", "‰", "expected", "—", None, "at_most", 3),
    (5, "水土保持率", "生态保护", "%", "binding", "—", None, "increase_by", 3),
    (6, "生态质量指数", "生态保护", "—", "expected", "—", None, "assigned_by_superior", None),
    (7, "城市空气质量优良天数比例", "环境质量", "%", "binding", "66.6", 66.6, "at_least", 75),
    (8, "城市细颗粒物浓度", "环境质量", "μg/m3", "binding", "15", None, "assigned_by_superior", None),
    (9, "地表水达到或好于Ⅲ类水体比例", "环境质量", "%", "binding", "—", None, "at_least", 65),
    (10, "地表水劣V类水体比例", "环境质量", "%", "binding", "—", None, "at_most", 0),
    (11, "城市黑臭水体比例", "环境质量", "%", "expected", "—", None, "at_most", 0),
    (
        12,
        "城镇集中式饮用水水源水质达到或优于Ⅲ类比例（扣除背景值）",
        "环境质量",
        "%",
        "expected",
        "100",
        100,
        "at_least",
        100,
    ),
    (13, "受污染耕地安全利用率", "环境质量", "%", "binding", "—", None, "at_least", 92),
    (14, "重点建设用地安全利用率", "环境质量", "%", "binding", "—", None, "at_least", 92),
    (15, "地下水质量Ⅴ类水比例", "环境质量", "%", "expected", "—", None, "assigned_by_superior", None),
    (16, "农村生活污水治理率", "环境质量", "%", "expected", "—", None, "assigned_by_superior", None),
    (17, "化学需氧量排放总量减少", "环境质量", "%", "binding", "", None, "assigned_by_superior", None),
    (18, "氮氧化物排放总量减少", "环境质量", "%", "binding", "", None, "assigned_by_superior", None),
    (19, "氨氮排放总量减少", "环境质量", "%", "binding", "", None, "assigned_by_superior", None),
    (20, "挥发性有机物排放总量减少", "环境质量", "%", "binding", "", None, "assigned_by_superior", None),
    (21, "二氧化硫排放总量减少", "环境质量", "%", "binding", "", None, "assigned_by_superior", None),
    (22, "单位地区生产总值能源消耗降低", "生态经济", "%", "binding", "2.2", None, "assigned_by_superior", None),
    (23, "单位地区生产总值二氧化碳排放降低", "生态经济", "%", "binding", "—", None, "assigned_by_superior", None),
    (24, "非化石能源占能源消费总量比例", "生态经济", "%", "binding", "—", None, "assigned_by_superior", None),
    (25, "万元地区生产总值用水量下降", "生态经济", "%", "binding", "—", None, "assigned_by_superior", None),
    (26, "全区用水总量", "生态经济", "亿立方米", "binding", "—", None, "assigned_by_superior", None),
]
# Literal 2025 texts as printed (表2-1, merged cells read as in flag F04).
LITERAL_2025 = {1: "不减少", 2: "≥19.83", 3: "≤0.5", 4: "≤3", 5: "增加 3%", 10: "0", 11: "0"}
LOWER_IS_BETTER = {3, 4, 8, 10, 11, 15, 26}
# Flags whose "literal" describes the layout rather than quoting the plan.
DESCRIPTIVE_FLAGS = {"F04", "F18"}


@pytest.mark.parametrize("row", TABLE_2_1, ids=[f"表2-1#{r[0]}" for r in TABLE_2_1])
def test_table_2_1_row(catalog: Catalog, row: tuple) -> None:
    seq, name, category, unit, attribute, literal, baseline, rule, value = row
    ind = catalog.indicator(f"I{seq:02d}")
    assert (ind.seq, ind.name, ind.category, ind.unit, ind.attribute) == (seq, name, category, unit, attribute)
    assert (ind.baseline.year, ind.baseline.text, ind.baseline.value) == (2020, literal, baseline)
    target = ind.target_for(2025)
    assert (target.rule, target.value) == (rule, value)
    assert target.text == LITERAL_2025.get(seq, "控制在省下达的指标之内" if 17 <= seq <= 21 else "完成上级下达指标")
    assert f"表2-1 #{seq}" in ind.source and f"表2-1 #{seq}" in target.source
    assert ind.direction == ("lower" if seq in LOWER_IS_BETTER else "higher")


def test_chapter_9_numbers_cite_both_places(catalog: Catalog) -> None:
    for seq, value in {7: 75, 9: 65, 10: 0, 11: 0, 12: 100, 13: 92, 14: 92}.items():
        target = catalog.indicator(f"I{seq:02d}").target_for(2025)
        assert target.value == value
        assert "第九章" in target.source and f"表2-1 #{seq}" in target.source


@pytest.mark.skipif(not PLAN_TEXT.exists(), reason="plan text not beside the checkout")
def test_every_name_and_literal_is_printed_in_the_plan(catalog: Catalog) -> None:
    """Names 'exactly as printed': the plan text, with line breaks removed, contains each."""
    text = re.sub(r"\s+", "", PLAN_TEXT.read_text(encoding="utf-8"))
    for ind in catalog.indicators:
        if ind.seq is not None:
            assert re.sub(r"\s+", "", ind.name) in text, ind.name
    for project in catalog.projects:
        assert re.sub(r"\s+", "", project.lead_unit) in text
    for flag in catalog.flags:
        if flag.id in DESCRIPTIVE_FLAGS:
            continue
        for quote in re.split(r"；| … ", flag.literal):
            quote = quote.split("：", 1)[-1] if re.match(r"^[^“]{1,12}：", quote) else quote
            for piece in quote.split("…"):
                assert re.sub(r"\s+", "", piece) in text, (flag.id, piece)


@pytest.mark.skipif(not PLAN_TEXT.exists(), reason="plan text not beside the checkout")
def test_quoted_texts_are_verbatim(catalog: Catalog) -> None:
    """Target texts, goals, project names and overviews, dated milestones: all quotes of the plan."""
    text = re.sub(r"\s+", "", PLAN_TEXT.read_text(encoding="utf-8"))
    quotes = [t.text for i in catalog.indicators for t in i.targets]
    quotes += [piece for g in catalog.goals for piece in g.text.split("……")]
    quotes += [p.name for p in catalog.projects] + [p.overview for p in catalog.projects]
    quotes += [th.description for th in catalog.themes]
    quotes += [m.title for p in catalog.projects for m in p.milestones if m.basis == "text"]
    missing = [q for q in quotes if re.sub(r"\s+", "", q) not in text]
    assert missing == []


def test_supplementary_indicators_have_sources_and_no_seq(catalog: Catalog) -> None:
    supp = {i.name: i for i in catalog.indicators if i.supplementary}
    expected = {
        "危险废物安全处置率": ("at_least", 100, "第九章"),
        "森林病虫害成灾率": ("at_most", 3.5, "第八章"),
        "无公害防治率": ("at_least", 80, "第八章"),
        "种苗产地检疫率": ("at_least", 100, "第八章"),
        "灾害测报准确率": ("at_least", 85, "第八章"),
        "城区居民气化率": ("at_least", 98.8, "第六章"),
        "新能源和清洁能源装机容量占比": ("at_least", 50, "第六章"),
        "放射源与放射性废物安全收贮率": ("at_least", 100, "第三章"),
    }
    for name, (rule, value, chapter) in expected.items():
        target = supp[name].target_for(2025)
        assert (target.rule, target.value) == (rule, value), name
        assert chapter in target.source and chapter in supp[name].source
        assert supp[name].seq is None and supp[name].attribute is None


def test_known_data_quality_flags(catalog: Catalog) -> None:
    flags = {f.id: f for f in catalog.flags}
    pm25 = catalog.indicator("I08")
    assert pm25.baseline.text == "15" and pm25.baseline.value is None
    assert "F01" in pm25.flags and flags["F01"].status == "待核实"
    assert {"I04", "S02"} <= set(flags["F02"].subjects)
    assert catalog.indicator("I04").target_for(2025).value == 3
    assert next(i for i in catalog.indicators if i.name == "森林病虫害成灾率").target_for(2025).value == 3.5
    # 增加3%: the reading is recorded and shown
    assert "百分点" in flags["F03"].reading


def test_2035_pm25_goal_is_derived_from_the_cited_standard(catalog: Catalog) -> None:
    target = catalog.indicator("I08").target_for(2035)
    assert (target.rule, target.value, target.derived) == ("at_most", 35, True)
    assert "GB 3095-2012" in target.source and "国家二级标准" in target.text


def test_projects_of_annex_1(catalog: Catalog) -> None:
    assert len(catalog.projects) == 11
    groups = [p.group for p in catalog.projects]
    assert groups.count("一山") == 5 and groups.count("一河") == 3
    assert groups.count("一流域") == 2 and groups.count("环境污染防治") == 1
    assert all("附表1" in p.source and p.investment == "/" for p in catalog.projects)
    mines = next(p for p in catalog.projects if p.name == "历史遗留废弃露天矿山生态修复治理工程")
    assert [(m.due.year, m.basis) for m in mines.milestones] == [(2021, "text"), (2025, "text")]
    sewage = next(p for p in catalog.projects if p.name == "农村改水、改厕、改污项目")
    assert (sewage.start_year, sewage.end_year) == (2021, 2022)


def test_periods(catalog: Catalog) -> None:
    spans = [(p.name, p.start, p.end) for p in catalog.plan.periods]
    assert spans == [("规划基准年", 2020, 2020), ("近期", 2021, 2025), ("中期", 2026, 2030), ("远期", 2031, 2035)]


def test_goals_cover_2025_2030_2035(catalog: Catalog) -> None:
    assert {g.year for g in catalog.goals} == {2025, 2030, 2035}
    assert all(g.source for g in catalog.goals)


def test_themes_file_projects_by_annex_group(catalog: Catalog) -> None:
    assert [(th.name, th.project_group) for th in catalog.themes] == [
        ("一山", "一山"),
        ("一河", "一河"),
        ("一流域", "一流域"),
    ]
    assert "F22" in {f.id for f in catalog.flags}


def test_directional_and_dated_targets_of_the_text_are_supplementary(catalog: Catalog) -> None:
    """第九章（三）'s directional 2025 targets, 国省控断面稳定达标 and 地下水超采区治理, each with its source."""
    expected = {
        "单位工业增加值用水量降低": ("improve", None, "第九章（三）", "cumulative_change"),
        "农田灌溉水有效利用系数": ("improve", None, "第九章（三）", "level"),
        "单位GDP建设用地面积降低": ("improve", None, "第九章（三）", "cumulative_change"),
        "大宗工业固体废物综合利用率": ("improve", None, "第九章（三）", "level"),
        "国、省控监测断面达标比例": ("at_least", 100, "第九章（一）", "level"),
        "地下水超采区治理任务完成比例": ("at_least", 100, "第五章（一）", "level"),
    }
    supp = {i.name: i for i in catalog.indicators if i.supplementary}
    for name, (rule, value, source, measure) in expected.items():
        target = supp[name].target_for(2025)
        assert (target.rule, target.value, supp[name].measure) == (rule, value, measure), name
        assert source in target.source and source in supp[name].source
        assert {"F18"} < set(supp[name].flags)  # every reading is flagged for review
    # the figures 100 are readings of "稳定达标" / "完成治理任务", so they are marked as derived
    assert supp["国、省控监测断面达标比例"].target_for(2025).derived
    assert supp["地下水超采区治理任务完成比例"].target_for(2025).derived


def test_plan_data_corrections(catalog: Catalog) -> None:
    flags = {f.id: f for f in catalog.flags}
    # 第五章（三） and 专栏4 both ask 全收集、全处理: not "only 丹河流域"
    note = catalog.indicator("I16").target_for(2025).note
    assert "第五章（三）" in note and "专栏4" in note and "仅丹河流域" not in note
    # #17–#21 print no "—" in the 2020 column
    assert all(catalog.indicator(f"I{n}").baseline.text == "" for n in range(17, 22))
    # the title as the notice prints it; the short title from the tables
    assert catalog.plan.title == "晋城市城区“十四五”“两山七河一流域”生态保护和生态文明建设、生态经济发展规划"
    assert catalog.plan.short_title == "晋城市城区“一山一河一流域”规划"
    # P06 is about rural water: not linked to the urban black-odorous indicator, and the reading is flagged
    p06 = next(p for p in catalog.projects if p.id == "P06")
    assert "I11" not in p06.indicators and "P06" in flags["F28"].subjects
    assert "P11" in flags["F24"].subjects and {"P06", "P07"} <= set(flags["F25"].subjects)
    assert "G2025-2" in flags["F26"].subjects and "P08" in flags["F27"].subjects
    assert all(flags[f].status == "待核实" for f in ("F23", "F24", "F25", "F26", "F27", "F28", "F29", "F30"))


def test_every_target_and_name_has_a_reviewed_english_rendering(catalog: Catalog) -> None:
    for ind in catalog.indicators:
        assert ind.name_en and not re.search(r"[\u4e00-\u9fff]", ind.name_en), ind.code
        for target in ind.targets:
            assert target.text_en and not re.search(r"[\u4e00-\u9fff]", target.text_en), (ind.code, target.year)
