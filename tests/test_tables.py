"""Table cells (SPEC 1): row label, column header and unit, in both layouts, on hand-made tables.

Each case names a table below and a figure in it (``"7.2#2"`` = its second
occurrence); the end-to-end cases check that the claims stage folds the unit
into the value and takes the kind from the column.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from policy_extract import extract
from policy_extract.tables import table_cell

from shared_helpers import span_of


def _claim_starting_at(text: str, figure: str, date: str):
    """The claim whose quantity starts where `figure` first stands in `text`."""
    start, _ = span_of(text, figure)
    return next(c for c in extract(text, date=date).claims if c.span[0] == start)

# one cell per line; the table's unit on a line of its own; a ± column
INDUSTRY = (
    "全年经济运行平稳。\n"
    "表2  2024年主要行业增加值\n"
    "单位：亿元\n"
    "指  标\n"
    "增加值\n"
    "同比增长（±%）\n"
    "制造业\n"
    "356.4\n"
    "7.2\n"
    "\u3000\u3000其中：装备制造\n"
    "120.5\n"
    "-2.1\n"
)
# units in the column headers; labels spaced out or split over two lines by the layout
PEOPLE = (
    "年末人口继续增加。\n"
    "2024年末人口\n"
    "项  目\n"
    "人数（万人）\n"
    "比重（%）\n"
    "城  镇\n"
    "52.3\n"
    "61.5\n"
    "乡\n"
    "村\n"
    "32.7\n"
    "38.5\n"
)
# units in the row labels, carried down to the sub-items; a trailing % in a header
LIVESTOCK = (
    "畜牧业稳步发展。\n"
    "2024年畜产品\n"
    "指标名称\n"
    "数量\n"
    "比上年增长%\n"
    "生猪存栏（万头）\n"
    "88.6\n"
    "3.1\n"
    "#能繁母猪\n"
    "9.2\n"
    "-4.0\n"
)
# one row per line, cells separated by tabs; a unit column
PRODUCTS = (
    "工业生产总体平稳。\n"
    "2024年主要工业产品产量\n"
    "产品名称\t单位\t产量\t增长（%）\n"
    "钢材\t万吨\t215.4\t6.3\n"
    "发电量\t亿千瓦时\t48.2\t-1.5\n"
)
# one row per line, cells separated by runs of spaces; the unit after the title
FINANCE = (
    "财政收支情况如下。\n"
    "财政收支完成情况      单位：亿元\n"
    "指标        完成值      比上年增加额\n"
    "财政收入    45.8        3.6\n"
)
# a column header that is a unit by itself
POWER = (
    "能源生产保持增长。\n"
    "2024年能源生产\n"
    "指标\n"
    "亿千瓦时\n"
    "比上年增长%\n"
    "发电量\n"
    "73.5\n"
    "4.6\n"
)
# two tables with no prose between them: the second title starts its own block
TWO_TABLES = (
    "主要产品产量和存贷款如下。\n"
    "表3  主要农产品产量\n"
    "产品名称\n单位\n绝对数\n比上年增长%\n"
    "粮食\n万吨\n36.8\n1.9\n"
    "\n"
    "表4  各项存贷款余额\n"
    "指标\n年末数（亿元）\n比年初增长%\n"
    "各项存款余额\n865.2\n9.8\n"
)
# a price table: a title with no 表N over the unit line; columns headed by the base alone, or by a
# period only (1—3月累计), whose cells the title (涨跌幅) says are changes
PRICES = (
    "价格总体平稳。\n"
    "2026年3月份某市居民消费价格分类涨跌幅\n"
    "单位：%\n"
    "类别\n同比\n环比\n1—3月累计\n"
    "食品烟酒\n1.3\n-0.4\n0.8\n"
    "居住\n-0.6\n0.0\n-0.5\n"
)
# the same with tabs under a 表N title that names no change: the headers alone say it
PRICE_ROWS = (
    "主要商品价格如下。\n"
    "表3　主要农产品价格\n"
    "品种\t比上月（%）\t比上年同月（%）\n"
    "猪肉\t2.6\t-7.1\n"
)
# a title with no 表N that names no change: a rate's cells in % stay shares
RATES = (
    "人口结构继续优化。\n"
    "2025年主要人口指标\n"
    "单位：%\n"
    "指标\n2024年\n2025年\n"
    "城镇化率\n60.2\n61.3\n"
)
# an appendix whose mark stands alone (附表) over its title: header units that are alternatives (台、套)
MACHINES = (
    "三、2026年工作计划\n"
    "力争新增农机500台以上。\n"
    "\n"
    "附表\n"
    "\n"
    "2025年农机购置补贴兑付情况（分机具类别）\n"
    "机具类别\n补贴机具（台、套）\n补贴资金（万元）\n"
    "拖拉机\n612\n1148\n"
    "播种机\n438\n356\n"
    "合计\n1050\n1504\n"
)
# an appendix whose mark and title share a line, split by a space (附表　…情况（截至…）): held-out h29
CASES = (
    "各县市区办理情况详见附表。\n"
    "\n"
    "附表　交办案件办理情况（截至2025年3月31日）\n"
    "县（市、区）\n交办件数（件）\n办结率（%）\n"
    "东湖区\n58\n96.6\n"
    "合计\n58\n96.6\n"
)
TABLES = {
    "machines": MACHINES,
    "cases": CASES,
    "prices": PRICES,
    "price_rows": PRICE_ROWS,
    "rates": RATES,
    "power": POWER,
    "industry": INDUSTRY,
    "people": PEOPLE,
    "livestock": LIVESTOCK,
    "products": PRODUCTS,
    "finance": FINANCE,
    "two_tables": TWO_TABLES,
}




CELLS = [
    # (id, table, figure, label, header, (scale, unit, rule) or None)
    ("unit_line", "industry", "356.4", "制造业", "增加值", ("100000000", "元", "table.unit_line")),
    ("bracketed_change_column", "industry", "7.2", "制造业", "同比增长(±%)", ("1", "%", "table.unit.bracketed")),
    ("sub_item_label", "industry", "120.5", "装备制造", "增加值", ("100000000", "元", "table.unit_line")),
    ("negative_change_cell", "industry", "-2.1", "装备制造", "同比增长(±%)", ("1", "%", "table.unit.bracketed")),
    ("column_unit_folds_wan", "people", "52.3", "城镇", "人数(万人)", ("10000", "人", "table.unit.bracketed")),
    ("share_column", "people", "61.5", "城镇", "比重(%)", ("1", "%", "table.unit.bracketed")),
    ("label_split_over_lines", "people", "32.7", "乡村", "人数(万人)", ("10000", "人", "table.unit.bracketed")),
    ("row_label_unit", "livestock", "88.6", "生猪存栏", "数量", ("10000", "头", "table.unit.bracketed")),
    ("row_unit_carried_to_sub_item", "livestock", "9.2", "能繁母猪", "数量", ("10000", "头", "table.unit.bracketed")),
    ("trailing_percent_header", "livestock", "-4.0", "能繁母猪", "比上年增长%", ("1", "%", "table.unit.trailing_percent")),
    ("tab_row_unit_column", "products", "215.4", "钢材", "产量", ("10000", "吨", "table.unit.whole_cell")),
    ("tab_row_metric_prefix_unit", "products", "48.2", "发电量", "产量", ("100000000", "千瓦时", "table.unit.whole_cell")),
    ("tab_row_percent_column", "products", "-1.5", "发电量", "增长(%)", ("1", "%", "table.unit.bracketed")),
    ("unit_alone_as_header", "power", "73.5", "发电量", "亿千瓦时", ("100000000", "千瓦时", "table.unit.whole_cell")),
    ("percent_after_unit_header", "power", "4.6", "发电量", "比上年增长%", ("1", "%", "table.unit.trailing_percent")),
    ("space_row_unit_after_title", "finance", "45.8", "财政收入", "完成值", ("100000000", "元", "table.unit_line")),
    ("space_row_change_column", "finance", "3.6", "财政收入", "比上年增加额", ("100000000", "元", "table.unit_line")),
    ("first_of_two_tables", "two_tables", "1.9", "粮食", "比上年增长%", ("1", "%", "table.unit.trailing_percent")),
    ("second_of_two_tables", "two_tables", "865.2", "各项存款余额", "年末数(亿元)", ("100000000", "元", "table.unit.bracketed")),
    ("change_in_second_table", "two_tables", "9.8", "各项存款余额", "比年初增长%", ("1", "%", "table.unit.trailing_percent")),
    ("alternative_classifiers", "machines", "612", "拖拉机", "补贴机具(台、套)", ("1", "台", "table.unit.bracketed_alternatives")),
    ("column_after_alternatives", "machines", "1148", "拖拉机", "补贴资金(万元)", ("10000", "元", "table.unit.bracketed")),
]


@pytest.mark.parametrize(("table", "figure", "label"), [c[1:4] for c in CELLS], ids=[c[0] for c in CELLS])
def test_row_label(rules, table, figure, label):
    text = TABLES[table]
    assert table_cell(text, span_of(text, figure), rules).label == label


@pytest.mark.parametrize(("table", "figure", "header"), [(c[1], c[2], c[4]) for c in CELLS], ids=[c[0] for c in CELLS])
def test_column_header(rules, table, figure, header):
    text = TABLES[table]
    assert table_cell(text, span_of(text, figure), rules).header == header


@pytest.mark.parametrize(("table", "figure", "unit"), [(c[1], c[2], c[5]) for c in CELLS], ids=[c[0] for c in CELLS])
def test_cell_unit(rules, table, figure, unit):
    text = TABLES[table]
    found = table_cell(text, span_of(text, figure), rules).unit
    assert (str(found.scale), found.unit, found.rule) == unit


NOT_CELLS = [
    ("figure_in_prose", "全年财政收入45.8亿元，比上年增长8.8%。\n", "45.8"),
    ("lone_number_after_prose", "全年财政收入稳定增长。\n12.5\n", "12.5"),
    ("number_inside_a_row_cell", "钢材\t215.4万吨\t6.3\n", "215.4"),
]


@pytest.mark.parametrize(("text", "figure"), [c[1:] for c in NOT_CELLS], ids=[c[0] for c in NOT_CELLS])
def test_not_a_table_cell(rules, text, figure):
    assert table_cell(text, span_of(text, figure), rules) is None


def test_table_without_unit_gives_none(rules):
    text = "情况如下。\n主要指标\n指标\n数值\n综合指数\n99.5\n"
    assert table_cell(text, span_of(text, "99.5"), rules).unit is None


CLAIMS = [
    # (id, table, figure, value, unit, kind, unit rule, kind rule)
    ("level_folds_yi", "industry", "356.4", "35640000000", "元", "level", "table.unit_line", "kind.level"),
    ("change_column", "industry", "7.2", "7.2", "%", "change", "table.unit.bracketed", "kind.change.header"),
    ("signed_change_cell", "industry", "-2.1", "-2.1", "%", "change", "table.unit.bracketed", "kind.change.header"),
    ("share_column", "people", "61.5", "61.5", "%", "share", "table.unit.bracketed", "kind.share.header"),
    ("header_unit_folds_yi", "power", "73.5", "7350000000", "千瓦时", "level", "table.unit.whole_cell", "kind.level"),
    ("carried_row_unit", "livestock", "9.2", "92000", "头", "level", "table.unit.bracketed", "kind.level"),
    ("column_of_the_base_alone", "prices", "1.3", "1.3", "%", "change", "table.unit_line", "kind.change.header"),
    ("month_on_month_column", "prices", "-0.4", "-0.4", "%", "change", "table.unit_line", "kind.change.header"),
    ("period_column_of_a_change_title", "prices", "0.8", "0.8", "%", "change", "table.unit_line", "kind.change.table_title"),
    ("signed_period_column_of_a_change_title", "prices", "-0.5", "-0.5", "%", "change", "table.unit_line", "kind.change.table_title"),
    ("base_header_with_unit", "price_rows", "2.6", "2.6", "%", "change", "table.unit.bracketed", "kind.change.header"),
    ("base_year_month_header", "price_rows", "-7.1", "-7.1", "%", "change", "table.unit.bracketed", "kind.change.header"),
    ("rate_under_a_plain_title", "rates", "61.3", "61.3", "%", "share", "table.unit_line", "kind.share.table_percent"),
]


TITLES = [
    # (id, table, figure, the title line as read, or None)
    ("title_over_the_unit_line", "prices", "0.8", "2026年3月份某市居民消费价格分类涨跌幅"),
    ("numbered_title", "price_rows", "2.6", "表3　主要农产品价格"),
    ("no_title_line", "livestock", "88.6", None),
    ("title_and_unit_in_one_line", "finance", "45.8", None),
    ("appendix_mark_and_title_on_one_line", "cases", "58", "附表　交办案件办理情况（截至2025年3月31日）"),
]


@pytest.mark.parametrize(("table", "figure", "title"), [c[1:] for c in TITLES], ids=[c[0] for c in TITLES])
def test_table_title(rules, table, figure, title):
    text = TABLES[table]
    found = table_cell(text, span_of(text, figure), rules).title
    assert (text[found[0] : found[1]] if found else None) == title


@pytest.mark.parametrize(
    ("table", "figure", "value", "unit", "kind", "unit_rule", "kind_rule"),
    [c[1:] for c in CLAIMS],
    ids=[c[0] for c in CLAIMS],
)
def test_claims_stage_applies_the_table(table, figure, value, unit, kind, unit_rule, kind_rule):
    text = TABLES[table]
    claim = _claim_starting_at(text, figure, "2024")
    assert (claim.value, claim.unit, claim.kind, claim.rules["unit"], claim.rules["kind"]) == (
        Decimal(value),
        unit,
        kind,
        unit_rule,
        kind_rule,
    )


# a plan's indicator table, one cell per line: year columns, a growth column whose plain cells
# are yearly rates and whose bracketed cells are the plan period's cumulative change, a 属性
# column, cells with their comparator, and a row with no figure
PLAN = (
    "第三章　主要目标\n"
    "到2030年，全县综合实力明显增强。\n"
    "表2　“十五五”时期主要指标\n"
    "指标\n单位\n2025年\n2030年\n年均增长〔累计〕\n属性\n"
    "规模以上工业增加值\n亿元\n152.3\n215\n7以上\n预期性\n"
    "城乡居民收入比\n—\n1.92\n1.8以内\n—\n预期性\n"
    "农村自来水普及率\n%\n93.5\n98\n〔4.5〕\n约束性\n"
    "单位GDP二氧化碳排放降低\n%\n—\n—\n完成市下达任务\n约束性\n"
    "常住人口\n万人\n46.2\n47左右\n〔0.8〕\n预期性\n"
    "城镇新增就业\n万人\n1.1\n1\n〔5.2〕\n预期性\n"
)
# the same kind of table, one row per line with tabs
PLAN_ROWS = (
    "各项指标安排如下。\n"
    "专栏2\t“十五五”时期民生主要指标\n"
    "指标\t单位\t2025年（预计）\t2030年目标\t年均增速\t属性\n"
    "社会消费品零售总额\t亿元\t86.4\t110\t5左右\t预期性\n"
    "森林覆盖率\t%\t71.2\t71.5以上\t〔0.3〕\t约束性\n"
)
# signs for the comparator (≥92, ＜5.5) and headers that name a year's base or target value
PLAN_SIGNS = (
    "生态环境持续改善。\n"
    "表3　“十五五”时期生态环境主要指标\n"
    "指标\n单位\n2025年基期值\n2030年目标值\n属性\n"
    "空气质量优良天数比例\n%\n93.1\n≥92\n约束性\n"
    "细颗粒物（PM2.5）平均浓度\n微克/立方米\n28\n＜27\n约束性\n"
)
# a 序号 column of row numbers, one row per line and one cell per line
NUMBERED_ROWS = (
    "主要目标如下。\n"
    "专栏1　“十五五”时期主要指标\n"
    "类别\t序号\t指标\t单位\t2025年\t2030年\t年均增长〔累计〕\t属性\n"
    "经济发展\t1\t地区生产总值\t亿元\t298.6\t400\t6左右\t预期性\n"
    "创新驱动\t2\t研发经费投入强度\t%\t2.15\t2.8\t〔0.65〕\t预期性\n"
)
NUMBERED_CELLS = (
    "主要目标如下。\n"
    "表1　主要指标\n"
    "序号\n指标\n单位\n2025年\n2030年\n属性\n"
    "1\n一般公共预算收入\n亿元\n21.6\n28\n预期性\n"
    "2\n常住人口城镇化率\n%\n61.3\n66\n预期性\n"
)
PLAN_CLAIMS = [
    ("numbered_row_cell", NUMBERED_ROWS, "298.6", "29860000000", "元", "=", "level", ("2025", "2025")),
    ("numbered_row_cumulative", NUMBERED_ROWS, "0.65", "0.65", "百分点", "=", "change", ("2026", "2030")),
    ("numbered_cell_per_line", NUMBERED_CELLS, "66", "66", "%", "=", "share", ("2030", "2030")),
    ("at_least_sign_in_a_cell", PLAN_SIGNS, "≥92", "92", "%", ">=", "share", ("2030", "2030")),
    ("less_than_sign_in_a_cell", PLAN_SIGNS, "＜27", "27", "微克/立方米", "<", "level", ("2030", "2030")),
    ("base_value_header", PLAN_SIGNS, "93.1", "93.1", "%", "=", "share", ("2025", "2025")),
    # (id, table, quantity, value, unit, comparator, kind, period)
    ("base_year_column", PLAN, "152.3", "15230000000", "元", "=", "level", ("2025", "2025")),
    ("target_year_column", PLAN, "215", "21500000000", "元", "=", "level", ("2030", "2030")),
    ("yearly_rate_of_a_money_row", PLAN, "7以上", "7", "%", ">=", "change", ("2026", "2030")),
    ("comparator_in_a_cell", PLAN, "1.8以内", "1.8", "", "<=", "level", ("2030", "2030")),
    ("rate_row_is_a_share", PLAN, "93.5", "93.5", "%", "=", "share", ("2025", "2025")),
    ("cumulative_change_of_a_rate", PLAN, "4.5", "4.5", "百分点", "=", "change", ("2026", "2030")),
    ("cumulative_change_in_the_row_unit", PLAN, "0.8", "8000", "人", "=", "change", ("2026", "2030")),
    ("about_in_a_cell", PLAN, "47左右", "470000", "人", "~", "level", ("2030", "2030")),
    ("cumulative_sum_of_a_flow", PLAN, "5.2", "52000", "人", "=", "level", ("2026", "2030")),
    ("tab_row_estimate_year", PLAN_ROWS, "86.4", "8640000000", "元", "=", "level", ("2025", "2025")),
    ("tab_row_yearly_rate", PLAN_ROWS, "5左右", "5", "%", "~", "change", ("2026", "2030")),
    ("tab_row_share_at_least", PLAN_ROWS, "71.5以上", "71.5", "%", ">=", "share", ("2030", "2030")),
    ("tab_row_cumulative", PLAN_ROWS, "0.3", "0.3", "百分点", "=", "change", ("2026", "2030")),
]


@pytest.mark.parametrize(
    ("text", "quantity", "value", "unit", "comparator", "kind", "period"),
    [c[1:] for c in PLAN_CLAIMS],
    ids=[c[0] for c in PLAN_CLAIMS],
)
def test_plan_indicator_table(text, quantity, value, unit, comparator, kind, period):
    start, end = span_of(text, quantity)
    claim = next(c for c in extract(text, date="2026").claims if c.span == (start, end))
    assert (claim.value, claim.unit, claim.comparator, claim.kind, tuple(claim.period)) == (
        Decimal(value),
        unit,
        comparator,
        kind,
        period,
    )


@pytest.mark.parametrize(("text", "written"), [(PLAN, "预期性"), (PLAN, "完成市下达任务"), (PLAN_ROWS, "约束性")])
def test_plan_table_cells_without_a_figure_are_no_claims(text, written):
    start, end = span_of(text, written)
    assert not [c for c in extract(text, date="2026").claims if start <= c.span[0] < end]


def test_plan_table_title_and_notes_are_no_claims():
    claims = extract(PLAN, date="2026").claims
    assert all(c.quantity not in ("2025", "2030", "2") for c in claims)


@pytest.mark.parametrize(
    ("text", "numbers"), [(NUMBERED_ROWS, ("1", "2")), (NUMBERED_CELLS, ("1", "2"))], ids=["rows", "cells"]
)
def test_row_numbers_are_no_claims(text, numbers):
    claimed = {c.quantity for c in extract(text, date="2026").claims}
    assert not claimed & set(numbers)
    assert len(claimed) >= 4


# rows that are places: the row's place is the subject, the column (or the title) the metric
REGIONS = (
    "各市发展情况如下。\n"
    "表2　2024年分地区工业增加值和人口情况\n"
    "地区\n工业增加值（亿元）\n常住人口（万人）\n"
    "全省\n5230.6\n4120.5\n"
    "大同市\n812.4\n305.2\n"
    "晋中县\n96.1\n41.7\n"
)
# a header that names only the figure's form: the title names what is measured
REGION_GROWTH = (
    "分地区看，各市增长较快。\n"
    "表5　2024年各市地区生产总值\n"
    "地区\n绝对数（亿元）\n比上年增长（%）\n"
    "焦作市\n2410.3\n6.1\n"
    "营口市\n1520.8\n5.4\n"
)
# two measures, each followed by its own growth column: each growth measures the column before it
TWO_MEASURES = (
    "各市州外贸保持增长。\n"
    "表3　2024年全省主要市州外贸情况\n"
    "地区\n进出口总额（亿元）\n同比增长（%）\n出口额（亿元）\n比上年增长（%）\n"
    "岳阳市\n612.5\n8.2\n401.3\n-3.1\n"
    "常德市\n233.4\n11.6\n150.2\n6.7\n"
)
# a city's zones listed by their short names beside its districts (held-out h31)
ZONE_ROWS = (
    "表1　2025年中心城区分区域新建商品住宅成交情况\n"
    "区域\n成交套数（套）\n成交面积（万平方米）\n"
    "樊城区\n682\n7.95\n"
    "高新区\n471\n5.52\n"
    "经开区\n233\n2.81\n"
)
PLACE_ROWS = [
    # (id, text, figure, entity, metric, value, unit, kind)
    ("province_row", REGIONS, "5230.6", "山西省", "工业增加值", "523060000000", "元", "level"),
    ("city_row", REGIONS, "812.4", "大同市", "工业增加值", "81240000000", "元", "level"),
    ("second_column", REGIONS, "305.2", "大同市", "常住人口", "3052000", "人", "level"),
    ("generic_header_takes_title", REGION_GROWTH, "2410.3", "焦作市", "地区生产总值", "241030000000", "元", "level"),
    ("growth_column_takes_title", REGION_GROWTH, "5.4", "营口市", "地区生产总值", "5.4", "%", "change"),
    ("growth_after_a_measure", TWO_MEASURES, "8.2", "岳阳市", "进出口总额", "8.2", "%", "change"),
    ("second_growth_after_its_measure", TWO_MEASURES, "-3.1", "岳阳市", "出口额", "-3.1", "%", "change"),
    ("measure_before_its_growth", TWO_MEASURES, "150.2", "常德市", "出口额", "15020000000", "元", "level"),
    ("high_tech_zone_row", ZONE_ROWS, "471", "高新区", "成交套数", "471", "套", "level"),
    ("development_zone_row", ZONE_ROWS, "2.81", "经开区", "成交面积", "28100", "平方米", "level"),
]


@pytest.mark.parametrize(
    ("text", "figure", "entity", "metric", "value", "unit", "kind"),
    [c[1:] for c in PLACE_ROWS],
    ids=[c[0] for c in PLACE_ROWS],
)
def test_rows_that_are_places_are_the_subject(text, figure, entity, metric, value, unit, kind):
    claim = _claim_starting_at(text, figure, "2024")
    assert (claim.entity, claim.metric, claim.value, claim.unit, claim.kind) == (
        entity,
        metric,
        Decimal(value),
        unit,
        kind,
    )


def test_a_row_that_is_no_place_keeps_naming_the_metric():
    text = TABLES["industry"]
    claim = _claim_starting_at(text, "356.4", "2024")
    assert claim.metric == "制造业" and claim.rules["metric"] == "metric.table_row"


# rows that are organisations (企业 | 营业收入 …: 华远集团 | 812.4): the group is the subject, the column
# the metric; an appendix under a goals section reports results, its title's months govern
GROUPS = (
    "五、下一步工作\n"
    "全年力争营业收入增长8%以上。\n"
    "附：2025年1—9月重点企业主要指标\n"
    "单位：亿元\n"
    "企业\n营业收入\n利润总额\n"
    "华远集团\n812.4\n21.6\n"
    "东岭控股集团\n356.9\n8.3\n"
)
# a row that totals the others (合计): the whole the title names, then the column
TOTALS = (
    "全年运行平稳。\n"
    "表3　2025年城乡居民养老保险基金收支情况\n"
    "单位：亿元\n"
    "项目\n基金收入\n基金支出\n累计结存\n"
    "甲区\n12.4\n10.1\n30.2\n"
    "合计\n20.6\n17.5\n51.3\n"
)
TOTAL_COUNTS = (
    "全县卫生资源稳步增长。\n"
    "表1　2025年末宁远县学校、教师和在校学生情况\n"
    "学校类别\n学校数（所）\n专任教师（人）\n"
    "小学\n52\n1830\n"
    "初中\n18\n1120\n"
    "总计\n70\n2950\n"
)
# an appendix titled 附表： whose rows are places, as of a day; its 合计 header repeats the whole's words
SUBSIDIES = (
    "全市以旧换新工作有序推进。\n"
    "附表：各县（区）以旧换新补贴资金发放情况（截至5月10日）\n"
    "县（区）\n补贴资金（万元）\n带动销售额（亿元）\n"
    "城中区\n5230\n4.92\n"
    "鱼峰区\n6180\n5.81\n"
    "合计\n11410\n10.73\n"
)
ROW_SUBJECTS = [
    # (id, text, figure, entity, metric, status, period)
    ("appendix_mark_alone_title_below", MACHINES, "612", None, "拖拉机", "actual", ("2025", "2025")),
    ("appendix_mark_alone_total", MACHINES, "1504", None, "农机购置补贴资金", "actual", ("2025", "2025")),
    ("appendix_colon_total_names_the_whole_once", SUBSIDIES, "11410", None, "以旧换新补贴资金", "actual", (None, "2025-05-10")),
    ("appendix_colon_total_second_column", SUBSIDIES, "10.73", None, "以旧换新补贴资金带动销售额", "actual", (None, "2025-05-10")),
    ("group_row", GROUPS, "812.4", "华远集团", "营业收入", "actual", ("2025-01", "2025-09")),
    ("group_row_second_column", GROUPS, "8.3", "东岭控股集团", "利润总额", "actual", ("2025-01", "2025-09")),
    ("total_joins_the_repeated_word", TOTALS, "20.6", None, "城乡居民养老保险基金收入", "actual", ("2025", "2025")),
    ("total_column_after_the_whole", TOTALS, "51.3", None, "城乡居民养老保险基金累计结存", "actual", ("2025", "2025")),
    ("total_first_listed_whole", TOTAL_COUNTS, "70", "宁远县", "学校学校数", "actual", ("2025-12", "2025-12")),
    ("total_second_column", TOTAL_COUNTS, "2950", "宁远县", "学校专任教师", "actual", ("2025-12", "2025-12")),
]


@pytest.mark.parametrize(
    ("text", "figure", "entity", "metric", "status", "period"),
    [c[1:] for c in ROW_SUBJECTS],
    ids=[c[0] for c in ROW_SUBJECTS],
)
def test_rows_that_are_groups_or_totals(text, figure, entity, metric, status, period):
    claim = _claim_starting_at(text, figure, "2025-10")
    assert (claim.metric, claim.status, tuple(claim.period)) == (metric, status, period)
    if entity is not None:
        assert claim.entity == entity


# a list of projects, one cell per line: each row names its item in several text cells (序号 | 项目名称 |
# 建设地点 | 建设内容), then its figures; the column header names what each figure measures, the row's
# 建设地点 its place (the last of places written back to back); 全县 and the 合计 row are the county's
PROJECTS = (
    "临泽县现将项目安排情况公示如下。\n"
    "表2　临泽县2026年农业产业项目安排表\n"
    "序号\n项目名称\n建设地点\n建设内容\n补助资金（万元）\n受益农户（户）\n"
    "1\n青石镇柳湾村冷链仓储项目\n青石镇柳湾村\n新建冷藏库3座，配套装卸平台及场内道路800平方米\n260\n145\n"
    "2\n白杨乡果蔬分拣中心建设项目\n白杨乡\n新建分拣车间1200平方米\n180\n96\n"
    "3\n农村实用人才培训项目\n全县\n培训新型职业农民600人次\n75\n600\n"
    "合计\n—\n—\n—\n515\n841\n"
    "\n"
    "以上项目如有异议，请于公示期内反映。\n"
)
# the same with text columns after the figures (带动方式 | 进展): every row fills one cell per header, so
# a row's trailing text cells are no labels of the next row's figures; a 小计 row with no number is a row too
PROJECTS_WITH_TRAILING_TEXT = (
    "石泉县现将项目实施情况公示如下。\n"
    "表3　石泉县2026年帮扶项目实施情况\n"
    "序号\n项目名称\n实施地点\n建设内容\n帮扶资金（万元）\n受益农户（户）\n带动方式\n进展\n"
    "1\n城关镇魔芋加工项目\n城关镇红岩村\n新建加工车间900平方米\n210\n88\n务工就业\n已完工\n"
    "2\n池河镇蚕桑基地项目\n池河镇五爱村\n新建蚕房4栋，改造桑园300亩\n145\n132\n土地流转、入股分红\n完成工程量的70%\n"
    "3\n后柳镇供水巩固项目\n后柳镇中坝村\n铺设管网5.2公里\n96\n240\n改善生产生活条件\n已完工\n"
    "小计\n—\n—\n—\n451\n460\n—\n—\n"
    "\n"
    "以上项目如有异议，请于公示期内反映。\n"
)
# a group row over the rows (期末出栏) and no 序号 or place column: the row label still names the metric
GROUP_ROWS = (
    "畜牧业平稳发展。\n"
    "2025年畜牧业生产情况\n"
    "指标名称\n指标值\n同比增长（±%）\n"
    "期末存栏\n生猪（万头）\n45.2\n3.1\n"
    "期末出栏\n肉牛（万头）\n12.6\n4.8\n"
)
ITEM_ROWS = [
    # (id, text, figure, entity, metric, value, unit)
    ("money_column_folds_wan", PROJECTS, "260", "柳湾村", "补助资金", "2600000", "元"),
    ("count_column", PROJECTS, "145", "柳湾村", "受益农户", "145", "户"),
    ("single_place_cell", PROJECTS, "180", "白杨乡", "补助资金", "1800000", "元"),
    ("figure_inside_the_content_cell", PROJECTS, "3座", "柳湾村", "新建冷藏库", "3", "座"),
    ("second_figure_inside_the_cell", PROJECTS, "1200平方米", "白杨乡", "新建分拣车间", "1200", "平方米"),
    ("whole_county_row", PROJECTS, "75", "临泽县", "补助资金", "750000", "元"),
    ("small_figure_ending_a_row", PROJECTS, "600#2", "临泽县", "受益农户", "600", "户"),
    ("total_row_with_dashes", PROJECTS, "515", "临泽县", "补助资金", "5150000", "元"),
    ("total_row_second_column", PROJECTS, "841", "临泽县", "受益农户", "841", "户"),
    ("money_column_before_text_columns", PROJECTS_WITH_TRAILING_TEXT, "210", "红岩村", "帮扶资金", "2100000", "元"),
    ("count_column_before_text_columns", PROJECTS_WITH_TRAILING_TEXT, "132", "五爱村", "受益农户", "132", "户"),
    ("row_after_a_percent_in_a_text_cell", PROJECTS_WITH_TRAILING_TEXT, "240", "中坝村", "受益农户", "240", "户"),
    ("figure_inside_a_cell_after_text_columns", PROJECTS_WITH_TRAILING_TEXT, "5.2公里", "中坝村", "铺设管网", "5.2", "公里"),
    ("subtotal_row_after_text_columns", PROJECTS_WITH_TRAILING_TEXT, "451", "石泉县", "帮扶资金", "4510000", "元"),
    ("group_row_keeps_the_row_label", GROUP_ROWS, "12.6", "临泽县", "肉牛", "126000", "头"),
]


@pytest.mark.parametrize(
    ("text", "figure", "entity", "metric", "value", "unit"),
    [c[1:] for c in ITEM_ROWS],
    ids=[c[0] for c in ITEM_ROWS],
)
def test_rows_that_are_items_take_the_header_and_their_place(text, figure, entity, metric, value, unit):
    claim = _claim_starting_at(text, figure, "2026-05")
    assert (claim.metric, claim.value, claim.unit) == (metric, Decimal(value), unit)
    if text is not GROUP_ROWS:
        assert claim.entity == entity


def test_item_rows_numbers_are_no_claims():
    claimed = [c.quantity for c in extract(PROJECTS, date="2026-05").claims]
    assert claimed.count("600") == 1  # the row's figure, not a row number
    assert not {"1", "2", "3"} & set(claimed)
