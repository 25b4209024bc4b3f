"""Metric, kind, status, implied unit and the provision filter, on hand-written sentences.

Each case gives a text and the quantity (``"8.5%#2"`` = its second occurrence);
the other quantities of the sentence are listed where the case depends on them.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import regex
import yaml
from hypothesis import given
from hypothesis import strategies as st

from policy_extract.claim_fields import (
    StatusRule,
    field_rules,
    implied_unit,
    is_provision,
    kind_for,
    metric_for,
    per_unit,
    refers_back,
    sentence_status,
    status_for,
    without_subject,
)
from policy_extract.claim_fields.candidates import strip
from policy_extract.claim_fields.clauses import _digit_figures, digit_context, has_han, masked
from policy_extract.claim_fields.kind import _kind_cues, _kind_cues_in, _with_clause_before
from policy_extract.claim_fields.metric import _may_build_on_previous, _metric_once
from policy_extract.claim_fields.rules import any_of_role, compiled, of_role, role_words, words_mask
from policy_extract.claim_fields.status import _marker_words, _markers_in
from policy_extract.models import ParsedQuantity
from policy_extract.reading import read_path
from policy_extract.rule_files import RuleSet, load_rules
from policy_extract.text_units import TextUnits

from shared_helpers import span_of

CORPORA = Path(__file__).resolve().parent.parent / "corpora"




def _place(text: str, quantity: str, others: tuple[str, ...] = ()):
    span = span_of(text, quantity)
    return TextUnits(text).sentence_at(span[0]), span, [span_of(text, other) for other in others]


METRICS = [
    ("level_before", "2023年，全市实现规上工业总产值2860亿元。", "2860亿元", (), "规上工业总产值"),
    ("list_item_number_cut", "（三）化学需氧量重点工程减排量420吨；", "420吨", (), "化学需氧量重点工程减排量"),
    ("count_before", "全年培育省科技型中小企业120家。", "120家", (), "省科技型中小企业"),
    ("new_additions_keep_xinzeng", "今年新增高新技术企业15家。", "15家", (), "新增高新技术企业"),
    ("examples_then_count", "智能装备产业园等12个重点技改项目建成投产。", "12个", (), "重点技改项目"),
    ("count_then_noun", "带动1000家企业开展数字化改造。", "1000家", (), "企业"),
    ("count_then_de_noun", "项目建成后每年可形成30亿的产值。", "30亿", (), "产值"),
    ("month_on_month_names_no_metric", "9月当月，全市出口23.1亿元，环比增长6.4%。", "6.4%", ("23.1亿元",), "出口"),
    # the end of a plan period that opens the clause (到“十四五”末) is a time, no metric: the figure before names it (held-out round 32)
    # 全部 before the deed ends the noun after a count (10件民生实事|全部完成) (held-out round 32)
    ("all_of_them_ends_the_noun", "2025年，县政府确定的10件民生实事全部完成。", "10件", (), "民生实事"),
    ("plan_end_is_no_metric", "一般公共预算收入年均增长7%，到“十四五”末达到25亿元。", "25亿元", ("7%",), "一般公共预算收入"),
    ("month_on_month_after_a_count", "累计接待游客约316万人次，环比增长近三成。", "近三成", ("约316万人次",), "接待游客"),
    ("growth_gap_to_the_province", "地区生产总值增长6.4%，增速高于全省0.8个百分点。", "0.8个百分点", ("6.4%",), "地区生产总值增速"),
    ("growth_gap_to_the_country_average", "出口增长12%，增幅快于全国平均水平3个百分点。", "3个百分点", ("12%",), "出口增幅"),
    (
        "rank_after_a_gap_in_one_clause",
        "全县一般公共预算收入增长7.2%，增速高于全市1.1个百分点、居全市第2位。",
        "第2位",
        ("7.2%", "1.1个百分点"),
        "一般公共预算收入增速全市排名",
    ),
    ("rank_held_steady", "全市外贸进出口增长15%，增速稳居全省各地市第一。", "第一", ("15%",), "外贸进出口增速全省排名"),
    (
        "clause_before_names_the_first_figure",
        "到2028年，数字经济核心产业营业收入实现翻一番，达到1500亿元。",
        "1500亿元",
        (),
        "数字经济核心产业营业收入",
    ),
    ("clause_before_with_a_predicate", "全市粮食总产量稳中有升，达到52万吨。", "52万吨", (), "粮食总产量"),
    ("average_annual_growth", "全省县域社会消费品零售总额年均增长6%左右。", "6%左右", (), "县域社会消费品零售总额"),
    ("average_annual_growth_of_output", "十四五期间，全市规上工业增加值年均增长8.2%。", "8.2%", (), "规上工业增加值"),
    ("households_then_their_gain", "带动10万户农户增收。", "10万户", (), "农户"),
    # a verb that opens the noun after a count modifies it when a predicate follows the noun
    # 完成投资 is a measure of its own; 实现 between a sector and its measure is dropped
    ("investment_completed_is_a_measure", "全年民间完成投资126亿元。", "126亿元", (), "民间完成投资"),
    ("investment_completed_by_projects", "省重点项目累计完成投资860亿元。", "860亿元", (), "省重点项目累计完成投资"),
    ("achieved_between_sector_and_measure", "建筑业实现增加值85亿元。", "85亿元", (), "建筑业增加值"),
    # words of time, intent and kind of firm are no part of the metric
    ("next_year_opens_the_clause", "明年新建口袋公园15个。", "15个", (), "新建口袋公园"),
    ("intent_before_a_verb", "今年要种植高标准农田5万亩。", "5万亩", (), "种植高标准农田"),
    ("intent_before_the_measure", "全县要完成造林面积3万亩。", "3万亩", (), "造林面积"),
    ("a_word_that_opens_with_yao", "要素保障资金达到3亿元。", "3亿元", (), "要素保障资金"),
    ("kind_of_firm_before_its_name", "本土企业浙江华越机械有限公司产值突破6亿元。", "6亿元", (), "浙江华越机械有限公司产值"),
    ("kind_of_firm_without_a_name", "本土企业营业收入突破80亿元。", "80亿元", (), "本土企业营业收入"),
    # a quoted name after a count may open with a letter or a digit
    ("count_of_a_quoted_name_in_latin", "打造100个“5G+智慧园区”标杆项目。", "100个", (), "“5G+智慧园区”标杆项目"),
    ("count_of_a_quoted_name_in_digits", "遴选30个“5A级”景区。", "30个", (), "“5A级”景区"),
    # after 有 the predicate names the things counted too (held-out h28)
    ("signed_projects_then_started", "截至6月底，已有15个签约项目开工建设。", "15个", (), "开工建设的签约项目"),
    ("settled_firms_then_producing", "今年共有9家入驻企业投产达效。", "9家", (), "投产达效的入驻企业"),
    ("a_predicate_after_an_existential_count", "全市已有8个项目建成投产。", "8个", (), "建成投产的项目"),
    ("a_verb_without_a_noun_after_it", "今年共有工业项目16个落户园区。", "16个", (), "工业项目"),
    ("poverty_exit_villages_stay_a_noun", "全县24个脱贫村实现医保系统全覆盖。", "24个", (), "脱贫村"),
    ("total_ranks_the_level", "全市生产总值5125.6亿元，增长5.9%，总量稳居全省第三位。", "第三位", ("5125.6亿元", "5.9%"), "生产总值全省排名"),
    ("comparable_basis", "全市销售额28.6亿元，按可比口径增长9.3%。", "9.3%", ("28.6亿元",), "销售额"),
    ("comparable_prices", "全市地区生产总值812亿元，按可比价格计算增长6.1%。", "6.1%", ("812亿元",), "地区生产总值"),
    ("fund_named_before_the_figure", "下一步将安排专项资金5000万元。", "5000万元", (), "专项资金"),
    (
        "total_ranks_the_amount_not_the_share",
        "动力电池产业实现产值1580亿元、增长18.3%，约占全市规上工业总产值的四成，总量稳居全省第一。",
        "第一",
        ("1580亿元", "18.3%", "四成"),
        "动力电池产业产值全省排名",
    ),
    ("strive_before_the_verb", "到2027年，全省新能源汽车产量力争达到150万辆。", "150万辆", (), "新能源汽车产量"),
    ("radius_narrowed_to", "城市核心区公共充电服务半径缩小至1公里以内。", "1公里以内", (), "城市核心区公共充电服务半径"),
    (
        "benchmark_before_the_growth_word",
        "全市进出口总值1062.5亿元，同比增长12.4%，高出全省平均增速7.6个百分点。",
        "7.6个百分点",
        ("1062.5亿元", "12.4%"),
        "进出口总值增速",
    ),
    ("narrowed_to", "贸易逆差收窄至125.9亿元。", "125.9亿元", (), "贸易逆差"),
    ("increased_to_with_le", "海外仓从2个增加到了5个。", "5个", ("2个",), "海外仓"),
    ("first_time", "对东盟进出口占比首次突破五成。", "五成", (), "对东盟进出口占比"),
    ("first_months_in_a_headline", "前10个月外贸进出口增长12.4%", "12.4%", (), "外贸进出口"),
    ("forecast_before_the_verb", "全年地区生产总值预计突破5200亿元。", "5200亿元", (), "地区生产总值"),
    (
        "since_the_start_of_the_year",
        "夜间消费额占全天消费额的比重达到36.8%，较年初提高5.2个百分点。",
        "5.2个百分点",
        ("36.8%",),
        "夜间消费额占全天消费额的比重",
    ),
    (
        "rank_in_a_named_city_then_the_province",
        "地区生产总值增长7.1%，增速居金华市第一位、全省第三位。",
        "第三位",
        ("7.1%", "第一位"),
        "地区生产总值增速全省排名",
    ),
    (
        "rank_in_a_named_city",
        "地区生产总值增长7.1%，增速居金华市第一位、全省第三位。",
        "第一位",
        ("7.1%", "第三位"),
        "地区生产总值增速金华市排名",
    ),
    ("metric_that_ranks_itself", "每万人拥有经营主体数量居全国县级市首位。", "首位", (), "每万人拥有经营主体数量"),
    # an adverb before the ranking verb is no part of the metric (…地区生产总值继续位居…前三位) (held-out h39)
    ("metric_that_ranks_itself_still", "规上工业产值继续位居全省县域前三位。", "前三位", (), "规上工业产值"),
    ("net_increase", "新认定国家高新技术企业186家，净增121家。", "121家", ("186家",), "新认定国家高新技术企业"),
    ("average_over_a_span", "低空经济规模约为560亿元，三年年均增长31.2%。", "31.2%", ("560亿元",), "低空经济规模"),
    ("allocated_then_fund", "省财政每年安排不低于5亿元专项资金，支持企业技术改造。", "5亿元", (), "专项资金"),
    ("allocated_fund_then_purpose", "统筹安排2000万元资金用于智慧园区平台建设。", "2000万元", (), "智慧园区平台建设资金"),
    ("set_up_a_fund", "市政府设立10亿元产业引导基金。", "10亿元", (), "产业引导基金"),
    ("set_up_a_fund_of_a_size", "设立总规模100亿元的新能源汽车产业投资基金。", "100亿元", (), "新能源汽车产业投资基金"),
    ("fund_supports_a_goal", "县里筹集3000万元专项资金支持乡村振兴。", "3000万元", (), "专项资金"),
    ("fund_for_purpose_specially", "下达8500万元补助资金专项用于农村公路养护。", "8500万元", (), "农村公路养护补助资金"),
    ("kept_at_is_a_verb", "全市规上工业增加值保持两位数增长。", "两位数", (), "规上工业增加值"),
    ("only_took_is_a_verb", "主体工程从开工到封顶只用了81天。", "81天", (), "主体工程从开工到封顶用时"),
    ("time_taken_then_event", "新厂房主体结构仅用45天就完成封顶。", "45天", (), "新厂房主体结构封顶用时"),
    ("time_taken_between_events", "该项目从签约到开工仅用时4个月。", "4个月", (), "从签约到开工用时"),
    ("time_taken_of_the_clause_before", "园区标准厂房已于今年5月封顶，只用了60天。", "60天", (), "园区标准厂房封顶用时"),
    ("duration_before_its_event", "配套道路工程60天建成通车。", "60天", (), "配套道路工程建成用时"),
    ("days_that_are_no_time_taken", "全年空气质量优良天数328天。", "328天", (), "空气质量优良天数"),
    ("time_taken_with_lishi", "新建厂房主体结构历时75天顺利封顶。", "75天", (), "新建厂房主体结构封顶用时"),
    ("a_shift_is_no_time_taken", "项目比原计划提前2个月投产。", "2个月", (), "项目比原计划提前"),
    ("cycle_shortened_to", "项目建设周期缩短至8个月。", "8个月", (), "项目建设周期"),
    ("gap_to_a_benchmark", "亩均税收达到36万元，比全市平均水平高出近一倍。", "近一倍", ("36万元",), "亩均税收"),
    ("rank_within_a_scope", "规上工业增加值增长9.1%，增速在全省排名第一。", "第一", ("9.1%",), "规上工业增加值增速全省排名"),
    ("rank_among_the_counties_of_a_city", "PM2.5平均浓度为24.6微克/立方米，在衢州市各县（市、区）中排名第二。", "第二", ("24.6微克/立方米",), "PM2.5平均浓度衢州市排名"),
    (
        "share_of_whole",
        "高新技术产业增加值占规上工业增加值比重达52.3%。",
        "52.3%",
        (),
        "高新技术产业增加值占规上工业增加值比重",
    ),
    (
        "two_figures_first",
        "全县研发费用投入6.8亿元，占营业收入比重达2.9%。",
        "6.8亿元",
        ("2.9%",),
        "研发费用投入",
    ),
    (
        "two_figures_share_joins_previous",
        "全县研发费用投入6.8亿元，占营业收入比重达2.9%。",
        "2.9%",
        ("6.8亿元",),
        "研发费用投入占营业收入比重",
    ),
    (
        "change_after_level",
        "全年实现地区生产总值412.6亿元，增长6.3%。",
        "6.3%",
        ("412.6亿元",),
        "地区生产总值",
    ),
    (
        "urban_rural_first",
        "城乡居民人均可支配收入分别为51230元、28760元。",
        "51230元",
        ("28760元",),
        "城镇居民人均可支配收入",
    ),
    (
        "urban_rural_second",
        "城乡居民人均可支配收入分别为51230元、28760元。",
        "28760元",
        ("51230元",),
        "农村居民人均可支配收入",
    ),
    (
        "respectively_pairs_items",
        "外贸进口额、出口额分别增长12.5%、8.1%。",
        "8.1%",
        ("12.5%",),
        "出口额",
    ),
    (
        "respectively_refers_to_earlier_figures",
        "城乡居民人均可支配收入分别为51230元、28760元，分别增长6.1%、7.4%。",
        "7.4%",
        ("51230元", "28760元", "6.1%"),
        "农村居民人均可支配收入",
    ),
    (
        "respectively_first_of_the_earlier_figures",
        "城乡居民人均可支配收入分别为51230元、28760元，分别增长6.1%、7.4%。",
        "6.1%",
        ("51230元", "28760元", "7.4%"),
        "城镇居民人均可支配收入",
    ),
    # a rank before a 分别 list is no figure the list pairs with (held-out round 43)
    (
        "respectively_passes_over_a_rank_before",
        "全市实现出口额86亿元、进口额42亿元，规模居全省第三位，同比分别增长12.3%和8.6%。",
        "8.6%",
        ("86亿元", "42亿元", "第三位", "12.3%"),
        "进口额",
    ),
    (
        "respectively_passes_over_a_rank_before_first",
        "全市实现出口额86亿元、进口额42亿元，规模居全省第三位，同比分别增长12.3%和8.6%。",
        "12.3%",
        ("86亿元", "42亿元", "第三位", "8.6%"),
        "出口额",
    ),
    # each figure of a 分别 list measured against a plan: the earlier figure's metric, 完成 and the base
    (
        "respectively_measured_against_the_plan",
        "全市完成投资分别为98.6亿元和86.2亿元，分别完成年度计划的103.5%和101.2%。",
        "101.2%",
        ("98.6亿元", "86.2亿元", "103.5%"),
        "投资完成年度计划",
    ),
    (
        "respectively_measured_against_the_adjusted_budget",
        "一般公共预算收入和支出分别为12亿元和30亿元，分别为调整预算的101.2%和98.7%。",
        "101.2%",
        ("12亿元", "30亿元", "98.7%"),
        "一般公共预算收入完成调整预算",
    ),
    (
        "respectively_subject_in_previous_clause",
        "进出口额、实际利用外资再创新高，分别增长21.3%、9.6%。",
        "21.3%",
        ("9.6%",),
        "进出口额",
    ),
    (
        "rank_of_growth",
        "社会消费品零售总额增长9.2%，位居全省第三。",
        "第三",
        ("9.2%",),
        "社会消费品零售总额增速全省排名",
    ),
    ("rate", "全市城镇化率达到68.5%。", "68.5%", (), "城镇化率"),
    (
        "comparison_with_an_earlier_part_of_the_year",
        "出口额同比下降3.1%，降幅比一季度收窄0.8个百分点。",
        "0.8个百分点",
        ("3.1%",),
        "出口额降幅",
    ),
    (
        "comparison_with_same_period_falls_back_to_previous_figure",
        "行业利润率达到7.2%，较上年同期提高0.5个百分点。",
        "0.5个百分点",
        ("7.2%",),
        "行业利润率",
    ),
    (
        "rank_of_growth_run_in",
        "规上工业增加值增长9.1%，增速列全省第一。",
        "第一",
        ("9.1%",),
        "规上工业增加值增速全省排名",
    ),
    (
        "traditional_comparison_base_is_not_the_metric",
        "全年出口總額達三百億元，較前年成長百分之八。",
        "百分之八",
        ("三百億元",),
        "出口總額",
    ),
    ("magnitude_before_its_money_noun", "新签约的文旅项目将为乡村带来上亿投资。", "上亿", (), "投资"),
    ("digits_magnitude_before_its_money_noun", "小微园区去年做出了3亿产值。", "3亿", (), "产值"),
    ("count_before_a_predicate", "园区吸引了50余家配套企业集聚发展。", "50余家", (), "配套企业"),
    ("added_since_a_base", "贷款余额5216亿元，较年初新增318亿元。", "318亿元", ("5216亿元",), "贷款余额"),
    ("net_addition_to_a_stock", "全县规上工业企业达到286家，净增31家。", "31家", ("286家",), "规上工业企业"),
    ("built_so_far", "新增高标准农田2.3万亩，累计建成48万亩。", "48万亩", ("2.3万亩",), "累计建成高标准农田"),
    (
        "equivalent_to_a_part_builds_on_the_figure_before",
        "研发经费支出21.6亿元，相当于地区生产总值的3.45%。",
        "3.45%",
        ("21.6亿元",),
        "研发经费支出相当于地区生产总值的",
    ),
    (
        "shares_of_the_figures_before_a_respectively_list",
        "园区有规上工业企业368家、高新技术企业142家，占全市的比重分别为56%和61%。",
        "61%",
        ("368家", "142家", "56%"),
        "高新技术企业占全市的比重",
    ),
    ("leapt_to", "全市地区生产总值跃升至486亿元。", "486亿元", (), "地区生产总值"),
    ("average_yearly_growth", "五年来，一般公共预算收入年均增长7.3%。", "7.3%", (), "一般公共预算收入"),
    ("plan_period_end_is_a_base", "地区生产总值486亿元，较“十三五”末增长41.2%。", "41.2%", ("486亿元",), "地区生产总值"),
    ("rank_moved_from", "全国百强县排名由第78位跃升至第52位。", "第78位", ("第52位",), "百强县排名"),
    ("rank_moved_to", "全国百强县排名由第78位跃升至第52位。", "第52位", ("第78位",), "百强县排名"),
    ("whole_of_a_partition", "全县签约的36个项目中有9个总投资超过10亿元。", "36个", ("9个",), "项目"),
    ("part_of_a_partition", "全县签约的36个项目中有9个总投资超过10亿元。", "9个", ("36个",), "项目"),
    ("whole_before_a_breakdown", "本次签约的15个项目中，外资项目4个。", "15个", ("4个",), "项目"),
    ("where_the_investment_goes", "该公司在开发区投资2.5亿元新建智能工厂。", "2.5亿元", (), "投资新建智能工厂"),
    ("what_the_investment_is_for", "今年，该企业将投资12亿元建设新型复合材料项目。", "12亿元", (), "投资建设新型复合材料项目"),
    ("investment_without_a_purpose", "该企业在园区累计投资8亿元，带动就业600人。", "8亿元", ("600人",), "投资"),
    ("where_the_new_building_goes", "该企业在高新区新建厂房6万平方米。", "6万平方米", (), "新建厂房"),
    ("under_construction_is_a_word", "全区在建项目86个，完成投资42亿元。", "86个", ("42亿元",), "在建项目"),
    ("predicate_after_a_count", "新购置的数控机床120台将于年内投用。", "120台", (), "新购置的数控机床"),
    ("capacity_formed", "项目建成后可形成年产新能源电机50万台的生产能力。", "50万台", (), "年产新能源电机"),
    ("capacity_added", "二期投产后将新增年产3000吨碳纤维的生产规模。", "3000吨", (), "新增年产碳纤维"),
    ("yearly_output_of_a_category", "达产后年产8000台挖掘机、装载机和压路机等工程机械。", "8000台", (), "年产工程机械"),
    ("growth_target_is_no_metric", "地区生产总值的增速目标为6.5%左右。", "6.5%左右", (), "地区生产总值"),
    (
        "growth_aim_named_clauses_before",
        "在规上工业增加值增长目标上，我们要树立更高标杆，力争达到10%。",
        "10%",
        (),
        "规上工业增加值增速",
    ),
    ("growth_aim_named_after_guanyu", "关于固定资产投资增速目标，全县上下坚持稳中求进，确保达到5%。", "5%", (), "固定资产投资增速"),
    ("still_before_a_gap", "全县研发投入强度为2.6%，仍低于全市平均水平0.4个百分点。", "0.4个百分点", ("2.6%",), "研发投入强度"),
    ("invested_to_expand", "该企业投资12.6亿元扩建，新增厂房15万平方米。", "12.6亿元", ("15万平方米",), "投资扩建"),
    (
        "rank_scope_with_its_group_in_brackets",
        "集群产值增长15.2%，产值增速居宁德市各县（市、区）第二位。",
        "第二位",
        ("15.2%",),
        "产值",
    ),
    ("a_quote_opens_with_a_time", "“一季度我们营收126亿元。”公司负责人说。", "126亿元", (), "营收"),
    ("a_quote_opens_with_a_year", "“去年全镇产值8.6亿元，增长31%。”", "31%", ("8.6亿元",), "产值"),
    ("a_quoted_name_keeps_its_quotes", "全县“专精特新”企业达到10户以上。", "10户以上", (), "“专精特新”企业"),
    ("a_straight_quote_opens_with_a_time", '"一季度我们营收126亿元。"公司负责人说。', "126亿元", (), "营收"),
    ("land_after_an_investment", "项目总投资50亿元，占地约300亩。", "约300亩", ("50亿元",), "占地"),
    ("share_of_a_region_after_a_figure", "研发经费12亿元，占地区生产总值的2.8%。", "2.8%", ("12亿元",), "研发经费占地区生产总值比重"),
    ("a_run_of_years_before_a_level", "粮食总产量达到50.2万吨，连续8年稳定在50万吨以上。", "50万吨以上", ("50.2万吨",), "粮食总产量"),
    ("gap_to_another_groups_growth", "出口增长12.1%，快于进口增速5.2个百分点。", "5.2个百分点", ("12.1%",), "出口增速"),
    ("pace_of_cars", "在总装车间，每58秒就有一辆新车下线。", "58秒", (), "新车下线用时"),
    ("pace_on_average", "生产线满负荷运转，平均每3分钟就有一台挖掘机下线。", "3分钟", (), "挖掘机下线用时"),
    ("pace_of_drones", "如今每90秒便有一架无人机走下生产线。", "90秒", (), "无人机走下生产线用时"),
    ("yearly_processing", "建成后可年处理餐厨垃圾300吨。", "300吨", (), "年处理餐厨垃圾"),
    (
        "comparison_base_before_a_respectively_list",
        "茶叶产量、产值分别达到8.2万吨、96亿元，较2020年分别增长28%和47%。",
        "47%",
        ("8.2万吨", "96亿元", "28%"),
        "产值",
    ),
    (
        "respectively_list_turning_down_at_its_last_item",
        "全县粮食、油料、蔬菜产量分别增长3.2%、1.5%和下降0.8%。",
        "0.8%",
        ("3.2%", "1.5%"),
        "蔬菜产量",
    ),
    (
        "respectively_list_turning_down_middle_item",
        "营业收入、利润总额、上缴税金分别增长12.4%、下降6.3%和增长2.7%。",
        "6.3%",
        ("12.4%", "2.7%"),
        "利润总额",
    ),
    (
        "respectively_list_turning_up_at_its_last_item",
        "进口、出口、转口贸易额分别下降4.1%、2.2%和增长9.9%。",
        "2.2%",
        ("4.1%", "9.9%"),
        "出口贸易额",
    ),
    # a base that names the same measure at an earlier time (比去年最高负荷, 比近五年平均值) is no metric: the figure before names it
    ("base_naming_last_years_peak", "全市最高用电负荷达到980万千瓦，比去年最高负荷增长4.6%。", "4.6%", ("980万千瓦",), "最高用电负荷"),
    ("base_naming_a_multiyear_mean", "全年洪涝灾害直接经济损失2.3亿元，比近三年平均值下降21.4%。", "21.4%", ("2.3亿元",), "洪涝灾害直接经济损失"),
    # a count put before its verb by 将 or 把: what is done to the things counted names them
    ("fronted_object_put_on_a_list", "开展集中执行行动3次，将820人次纳入失信被执行人名单。", "820人次", ("3次",), "纳入失信被执行人名单"),
    ("fronted_object_with_ba", "经过入户核查，把326户列入低保对象。", "326户", (), "列入低保对象"),
    # a count of units that all did the same: the deed and the units; a figure after it measures what the units measure
    ("units_that_all_did", "全市11个县（市、区）地区生产总值均实现正增长，增速在3.1%至9.8%之间。", "11个", ("3.1%至9.8%",), "地区生产总值实现正增长的县（市、区）"),
    ("after_units_that_all_did", "全市11个县（市、区）地区生产总值均实现正增长，增速在3.1%至9.8%之间。", "3.1%至9.8%", ("11个",), "县（市、区）地区生产总值"),
    ("units_that_all_did_no_measure", "全省12个市均已完成年度任务。", "12个", (), "完成年度任务的市"),
    # the measure of the amount before, then 总量: the level's rank, as 总量 alone
    ("measure_then_total_ranked", "全市工业用电量达到86.4亿千瓦时，增长5.1%，用电量总量居全省第三位。", "第三位", ("86.4亿千瓦时", "5.1%"), "工业用电量全省排名"),
    # the verbs a list may turn on are the kinds rules' verbs of change, all of them
    ("respectively_list_turning_on_a_cut", "审批时限、办理环节分别缩短30%和压减25%。", "25%", ("30%",), "办理环节"),
    (
        "respectively_list_turning_on_a_price_rise",
        "粮食、蔬菜、水果产量分别增长2.1%、3.5%和上涨0.8%。",
        "3.5%",
        ("2.1%", "0.8%"),
        "蔬菜",
    ),
    (
        "gap_written_with_higher_than",
        "高新技术产业增加值增长9.7%，增速高于规模以上工业1.6个百分点。",
        "1.6个百分点",
        ("9.7%",),
        "高新技术产业增加值增速",
    ),
    ("gap_written_with_faster_than", "出口增长12.1%，增幅快于全省3个百分点。", "3个百分点", ("12.1%",), "出口增幅"),
    ("speaker_in_a_quote", "“我们这里有轴承生产加工企业2800余家。”镇党委书记介绍。", "2800余家", (), "轴承生产加工企业"),
    ("grown_to_a_count", "全市规上轴承企业发展到126家。", "126家", (), "规上轴承企业"),
    ("one_after_another", "先后建成省级孵化器5家。", "5家", (), "建成省级孵化器"),
    ("base_of_a_multiple", "全年实际利用外资1.8亿美元，是上年的2.3倍。", "2.3倍", ("1.8亿美元",), "实际利用外资"),
    ("base_of_a_multiple_with_wei", "1—3月，全区出口额为去年同期的1.4倍。", "1.4倍", (), "出口额"),
    ("base_of_a_change_is_a_plan_period", "一般公共预算收入较“十三五”时期增加186.3亿元。", "186.3亿元", (), "一般公共预算收入"),
    (
        "rank_of_counts_in_a_list",
        "新培育省级专精特新中小企业26家、单项冠军企业4家，数量均居全市第一。",
        "第一",
        ("26家", "4家"),
        "单项冠军企业数量全市排名",
    ),
    ("ratio_narrowed_to", "城乡居民收入比由2020年的2.05缩小至1.86。", "1.86", ("2.05",), "城乡居民收入比"),
    ("change_from_a_count", "全县茶企数量由2020年的85家增加到120家。", "85家", ("120家",), "茶企数量"),
    ("change_to_a_count", "全县茶企数量由2020年的85家增加到120家。", "120家", ("85家",), "茶企数量"),
    (
        "table_row_label",
        "主要产品产量\n产品名称\n单位\n产量\n同比增长（±%）\n水泥\n万吨\n356.2\n-4.1\n",
        "-4.1",
        (),
        "水泥",
    ),
    # a completion rate: the figure measured against its base; the growth after it is the figure's again
    ("completion_rate_in_its_clause", "全市工业投资完成全年计划的103.5%，同比增长6.8%。", "103.5%", ("6.8%",), "工业投资完成全年计划"),
    ("growth_after_a_completion_rate", "全市工业投资完成全年计划的103.5%，同比增长6.8%。", "6.8%", ("103.5%",), "工业投资"),
    ("budget_rate_after_its_figure", "地方财政收入31.7亿元，为调整预算的96.4%，增长1.2%。", "96.4%", ("31.7亿元", "1.2%"), "地方财政收入完成调整预算"),
    ("growth_after_a_budget_rate", "地方财政收入31.7亿元，为调整预算的96.4%，增长1.2%。", "1.2%", ("31.7亿元", "96.4%"), "地方财政收入"),
    # a gap to another group: of the growth before it, if the figure before is a growth
    ("gap_to_urban_residents", "农村居民人均可支配收入增长6.9%，快于城镇居民2.2个百分点。", "2.2个百分点", ("6.9%",), "农村居民人均可支配收入增速"),
    ("gap_to_all_investment", "民间投资增长2.7%，慢于全部投资1.5个百分点。", "1.5个百分点", ("2.7%",), "民间投资增速"),
    ("gap_of_a_level_to_a_groups_average", "高技术制造业研发投入强度为2.85%，高于规模以上工业平均水平1.58个百分点。", "1.58个百分点", ("2.85%",), "高技术制造业研发投入强度"),
    ("gap_of_a_growth_to_a_groups_average", "民间投资增长6.2%，快于全部投资的平均水平1.4个百分点。", "1.4个百分点", ("6.2%",), "民间投资增速"),
    # a gap to a place's average after a growth is of the growth rate; ranked after it, the rate is named once
    ("gap_of_a_growth_to_a_places_average", "规上工业增加值增长9.2%，高于全市平均2.1个百分点。", "2.1个百分点", ("9.2%",), "规上工业增加值增速"),
    ("gap_of_a_level_to_a_group_of_a_place", "平均资产负债率为62.3%，低于全国地方国有企业平均水平约2个百分点。", "约2个百分点", ("62.3%",), "平均资产负债率"),
    ("gap_of_a_level_to_a_places_average", "城镇化率为67.8%，高于全省平均水平2.1个百分点。", "2.1个百分点", ("67.8%",), "城镇化率"),
    (
        "rank_after_a_gap_to_a_places_average",
        "贷款余额同比增长9.4%，高于全省平均水平1.6个百分点，增速居全省第三位。",
        "第三位",
        ("9.4%", "1.6个百分点"),
        "贷款余额增速全省排名",
    ),
    # a change in 百分点 after a growth in % moves the growth rate; 涨幅/降幅/增速 with a verb of change join it
    ("growth_rate_raised_after_a_growth", "全市地区生产总值同比增长5.9%，比上半年提高0.2个百分点。", "0.2个百分点", ("5.9%",), "地区生产总值增速"),
    ("share_raised_is_no_growth_rate", "城镇化率为67.8%，比上年末提高0.9个百分点。", "0.9个百分点", ("67.8%",), "城镇化率"),
    ("growth_rate_quickened", "全市出口增长12%，增速加快2.1个百分点。", "2.1个百分点", ("12%",), "出口增速"),
    ("price_rise_slowed", "居民消费价格同比上涨0.2%，涨幅比上半年回落0.1个百分点。", "0.1个百分点", ("0.2%",), "居民消费价格涨幅"),
    # 折合 restates the figure before in another unit: the same metric (held-out h40)
    ("restated_in_another_currency", "全市人均地区生产总值96420元，折合14350美元。", "14350美元", ("96420元",), "人均地区生产总值"),
    # 回升 is a verb of change, as 回落 is: the metric is what rose again (held-out h40)
    ("growth_rate_recovered", "全县规上工业增加值同比增长3.1%，较一季度回升15.2个百分点。", "15.2个百分点", ("3.1%",), "规上工业增加值增速"),
    ("index_recovered", "企业景气指数为53.2，比二季度回升2.7。", "2.7", ("53.2",), "企业景气指数"),
    (
        "gap_after_a_growth_rate_raised",
        "地区生产总值增长5.9%，比上半年提高0.2个百分点，高于全省0.3个百分点。",
        "0.3个百分点",
        ("5.9%", "0.2个百分点"),
        "地区生产总值增速",
    ),
    ("month_of_a_period_is_a_time", "当月规模以上工业增加值增长9.1%。", "9.1%", (), "规模以上工业增加值"),
    # examples listed before the quoted name of the group they form are no part of its metric
    ("examples_before_a_quoted_group", "其中，光伏组件、储能电池和氢燃料电池“绿三样”产品出口42.6亿元。", "42.6亿元", (), "“绿三样”产品出口"),
    ("list_of_two_before_a_quoted_group", "风电、光伏“双新”装机容量达到320万千瓦。", "320万千瓦", (), "“双新”装机容量"),
    # a later item of a list names its own noun, also one that opens with the level it is found at
    ("list_item_of_each_village", "全县共有文化馆1个、村综合性文化服务中心186个。", "186个", ("1个",), "村综合性文化服务中心"),
    # a time word between the subject and its measure is a time, cut as at the head; the year of a target stays
    ("time_inside_a_metric", "园区重点项目全年完成投资46.2亿元。", "46.2亿元", (), "园区重点项目完成投资"),
    ("half_year_inside_a_metric", "全县限上批发企业上半年实现销售额58亿元。", "58亿元", (), "限上批发企业销售额"),
    ("year_of_a_target_stays", "园区重点项目完成投资46.2亿元，完成全年计划的108%。", "108%", ("46.2亿元",), "园区重点项目完成投资完成全年计划"),
    # a budget's verb after the money it plans, and 加上 before an item of a sum, are no part of the metric
    ("revenue_expected_to_be", "全县一般公共预算收入预期安排70.5亿元。", "70.5亿元", (), "一般公共预算收入"),
    ("spending_arranged", "民生支出安排85.2亿元以上。", "85.2亿元以上", (), "民生支出"),
    ("item_added_to_a_sum", "加上上级补助收入28.4亿元，收入总计168.3亿元。", "28.4亿元", ("168.3亿元",), "上级补助收入"),
    # a bracket that defines a category by a threshold, and 平均 after the measure, are no part of the metric
    ("threshold_bracket_and_average", "全市高温（日最高气温≥35℃）日数平均为28.6天。", "28.6天", (), "高温日数"),
    ("change_after_an_average", "全市高温日数平均为28.6天，比常年偏多9.3天。", "9.3天", ("28.6天",), "高温日数"),
    # a share in a list that names no whole takes the whole an earlier share of the list names
    (
        "share_of_the_whole_named_earlier_in_the_list",
        "食用农产品3412批次，占不合格总批次的46.2%；餐饮食品1135批次，占15.4%。",
        "15.4%",
        ("3412批次", "46.2%", "1135批次"),
        "餐饮食品占不合格总批次比重",
    ),
    ("gap_of_a_level_to_a_group", "农村居民人均住房面积52平方米，高于城镇居民9平方米。", "9平方米", ("52平方米",), "农村居民人均住房面积"),
    # a rank that moves: the new position is a position in the same ranking
    ("rank_of_a_count", "全年新增国家级专精特新企业6家，累计达到21家，数量居全省第三。", "第三", ("6家", "21家"), "国家级专精特新企业数量全省排名"),
    ("rank_moved_forward", "全县营商环境评价位次由第15位前移至第9位。", "第9位", ("第15位",), "营商环境评价位次"),
    ("rank_moved_back", "全市数字经济指数排名由第4位后移至第6位。", "第6位", ("第4位",), "数字经济指数排名"),
    ("rank_rose_in_a_scope", "规上工业增加值增长7.2%，排名由全省第11位上升至第6位。", "第6位", ("7.2%", "第11位"), "规上工业增加值增速全省排名"),
    ("cut_names_what_it_cuts", "全年压减一般性支出4180万元。", "4180万元", (), "一般性支出"),
    ("cut_rate_after_its_figure", "会议费预算860万元，比上年压减12%。", "12%", ("860万元",), "会议费预算"),
    ("target_rate_after_its_figure", "新签约项目投资额82亿元，完成年度目标的41%。", "41%", ("82亿元",), "新签约项目投资额完成年度目标"),
    # a target written with its own figure between the base and the part done: the target names the base too
    ("part_done_of_a_target_with_its_figure", "全市新建5G基站2.1万个，完成全年目标3万个的70%。", "70%", ("2.1万个", "3万个"), "新建5G基站完成全年目标"),
    ("target_figure_inside_a_result", "全市新建5G基站2.1万个，完成全年目标3万个的70%。", "3万个", ("2.1万个", "70%"), "新建5G基站全年目标"),
    ("target_figure_after_a_growth", "全县农村劳动力转移就业1.2万人，增长3%，完成年度计划任务1.5万人的80%。", "80%", ("1.2万人", "3%", "1.5万人"), "农村劳动力转移就业完成年度计划任务"),
    # a count followed only by what its items have done: they are the things counted before that did it
    ("part_done_ahead", "全县确定的15个重点项目推进顺利，其中8个已提前建成投产。", "8个", ("15个",), "已提前建成投产的重点项目"),
    ("part_done_in_a_clause", "今年安排的20项惠民工程中，有6项已经如期完工。", "6项", ("20项",), "已经如期完工的惠民工程"),
    ("done_without_a_count_before", "截至目前，10个已全部完成年度投资任务。", "10个", (), "已全部完成年度投资任务"),
    # passing an assessment or an inspection (已通过…验收, 已通过复审) is a deed done too
    ("part_passed_an_assessment", "全县申报的12个示范项目中，有9个已通过第三方评估验收。", "9个", ("12个",), "已通过第三方评估验收的示范项目"),
    ("part_passed_a_review", "全市认定的40家高新技术企业中，12家已通过复审。", "12家", ("40家",), "已通过复审的高新技术企业"),
    # the parts of a count told apart by what each has done or is doing, also after 另 and a reason
    ("part_settled", "市政府交办的5件议案中，有4件已办结。", "4件", ("5件",), "已办结的议案"),
    (
        "other_part_still_in_progress",
        "全镇申报的9个项目经县政府批准实施，其中7个已建成，另2个因用地调整正在推进。",
        "2个",
        ("9个", "7个"),
        "正在推进的项目",
    ),
    ("whole_ends_before_the_decision", "全镇申报的9个项目经县政府批准实施，其中7个已建成。", "9个", ("7个",), "项目"),
    # a scope alone before a count is where the counted live, not the next rank of a list; an age bound opens the group counted
    ("scope_before_a_count_is_no_rank", "养老保险参保率稳定在95%以上，全县2.4万名70岁以上老人享受了高龄补贴。", "2.4万名", ("95%以上",), "70岁以上老人"),
    ("scope_before_households_is_no_rank", "粮食产量居全省第5位，全省3.2万户农户受益。", "3.2万户", ("第5位",), "农户"),
    # a note in brackets that is a clause of its own explains the metric and is no part of it
    ("bracketed_note_with_a_comma", "全市出生人口性别比（以女性为100，男性对女性的比例）为105.2。", "105.2", (), "出生人口性别比"),
    ("bracketed_note_before_a_change", "户籍人口（含外出务工人员，不含驻军）为52.3万人，增长0.8%。", "0.8%", ("52.3万人",), "户籍人口"),
    # a bracket that glosses without a clause, a ratio's definition or examples before 等, is no part of it either
    ("bracketed_ratio_definition", "全市规上工业企业研发经费投入强度（与主营业务收入之比）为1.8%。", "1.8%", (), "规上工业企业研发经费投入强度"),
    ("bracketed_examples", "非常规水源（海水淡化、矿井水等）利用量0.8亿立方米。", "0.8亿立方米", (), "非常规水源利用量"),
    ("bracketed_kinds_stay", "全县各乡（镇）每千人拥有企业数12.6户。", "12.6户", (), "各乡（镇）每千人拥有企业数"),
    # the word closing a range (在…之间) is the figure's frame, not a noun after a count
    ("range_of_counts_between", "全县各乡镇每万人拥有个体工商户在120户至460户之间。", "120户至460户", (), "各乡镇每万人拥有个体工商户"),
    # 平均 before a change says the change is an average; no 平 is left of it
    ("average_change", "全市城乡居民收入平均增长6.1%。", "6.1%", (), "城乡居民收入"),
    # 等 ending a word (高等, 中等) closes no list of examples: the list before 分别 is split item by item
    # items that share the head noun written once after the last (…制造业用电量), also when a name holds 和
    ("list_sharing_its_head_noun", "化学原料制造业、石油和天然气开采业用电量分别增长4.1%和9.3%。", "4.1%", ("9.3%",), "化学原料制造业用电量"),
    ("list_item_with_he_inside", "化学原料制造业、石油和天然气开采业用电量分别增长4.1%和9.3%。", "9.3%", ("4.1%",), "石油和天然气开采业用电量"),
    ("list_sharing_its_head_noun_between_places", "职工医保、居民医保参保人数分别为52万人和318万人。", "52万人", ("318万人",), "职工医保参保人数"),
    # 三次产业 names the three sectors, one figure each
    ("three_sectors", "三次产业增加值分别增长3.1%、6.2%和5.4%。", "6.2%", ("3.1%", "5.4%"), "第二产业增加值"),
    (
        "three_sectors_and_households_share_of_a_whole",
        "三次产业和居民生活用水量占全市用水总量的比重分别为21.5%、40.2%、18.3%和20.0%。",
        "21.5%",
        ("40.2%", "18.3%", "20.0%"),
        "第一产业用水量占全市用水总量的比重",
    ),
    (
        "three_sectors_and_households_last_item",
        "三次产业和居民生活用水量占全市用水总量的比重分别为21.5%、40.2%、18.3%和20.0%。",
        "20.0%",
        ("21.5%", "40.2%", "18.3%"),
        "居民生活用水量占全市用水总量的比重",
    ),
    ("list_with_a_word_ending_in_deng", "企业、研究机构、高等学校经费所占比重分别为78.6%、9.4%和12.0%。", "9.4%", ("78.6%", "12.0%"), "研究机构"),
    # names with 及 or 和 inside, listed with 、 alone: one item between two 、 each
    ("list_of_names_with_ji_inside", "其他用品及服务、医疗保健、生活用品及服务价格分别上涨3.1%、1.4%和0.6%。", "1.4%", ("3.1%", "0.6%"), "医疗保健"),
    ("first_name_with_ji_inside", "其他用品及服务、医疗保健、生活用品及服务价格分别上涨3.1%、1.4%和0.6%。", "3.1%", ("1.4%", "0.6%"), "其他用品及服务"),
    # times listed before 分别 (分季度看, 分月看): what the words after 分别 name, not the opener
    ("quarters_before_fenbie", "分季度看，一季度、二季度、三季度分别完成货物吞吐量3126万吨、3468万吨和3502万吨。", "3468万吨", ("3126万吨", "3502万吨"), "货物吞吐量"),
    ("months_before_fenbie", "分月看，10月、11月、12月分别接待游客86万人次、72万人次和95万人次。", "95万人次", ("86万人次", "72万人次"), "接待游客"),
    ("years_before_fenbie", "2024年、2025年分别新增就业1.2万人和1.4万人。", "1.2万人", ("1.4万人",), "新增就业"),
    ("scope_alone_still_ranks_a_rank", "粮食产量居全市第二位、全省第五位。", "第五位", ("第二位",), "粮食产量全省排名"),
    # a loan increase larger or smaller than last year's, an addition since last year's end: the figure before names them
    ("loans_grew_more", "1—10月，民营企业贷款增加612亿元，同比多增45亿元。", "45亿元", ("612亿元",), "民营企业贷款"),
    ("loans_grew_less", "住户贷款增加120亿元，同比少增18亿元。", "18亿元", ("120亿元",), "住户贷款"),
    # 有望 (is expected to) is one word with the verb after it: its 有 is no head of the metric to cut apart
    ("expected_to_pass", "1—11月，全市技术合同成交额达到268.5亿元，同比增长24.6%，全年有望突破300亿元。", "300亿元", ("268.5亿元", "24.6%"), "技术合同成交额"),
    ("expected_to_reach", "全市规上工业增加值预计增长8%，全年有望达到1200亿元。", "1200亿元", ("8%",), "规上工业增加值"),
    # nominal and real growth (名义增长, 扣除价格因素实际增长) are two changes of the figure before: neither word is a metric
    ("nominal_growth", "前三季度，全市居民人均可支配收入52310元，同比名义增长5.4%。", "5.4%", ("52310元",), "居民人均可支配收入"),
    ("real_growth_after_prices", "农村居民人均可支配收入18650元，名义增长6.3%，扣除价格因素，实际增长6.0%。", "6.0%", ("18650元", "6.3%"), "农村居民人均可支配收入"),
    ("added_since_last_years_end", "年末规上工业企业1286家，比上年底新增52家。", "52家", ("1286家",), "规上工业企业"),
    # a share followed by the whole it is of, after a verb of contribution; a list's later shares share the subject
    ("share_of_the_whole_after", "民营经济创造了全市约65%的地区生产总值。", "约65%", (), "民营经济占地区生产总值比重"),
    (
        "second_share_of_the_whole_after",
        "民营经济贡献了50%以上的税收、60%以上的地区生产总值和70%以上的技术创新成果。",
        "70%以上",
        ("50%以上", "60%以上"),
        "民营经济占技术创新成果比重",
    ),
    ("share_of_firms_gathered", "中心城区集聚了全省40%的软件企业。", "40%", (), "中心城区占软件企业比重"),
    # a later group of a list that names only its own action shares the noun of the figure before
    ("cumulative_after_new", "全年新建高标准农田8.6万亩，累计建成126.4万亩。", "126.4万亩", ("8.6万亩",), "累计建成高标准农田"),
    ("completed_after_started", "今年新开工项目28个，竣工投产16个。", "16个", ("28个",), "竣工投产项目"),
    ("rebuilt_after_new_roads", "新建农村公路120公里，改造提升85公里。", "85公里", ("120公里",), "改造提升农村公路"),
    ("total_after_an_addition", "全年新增规上工业企业35家，累计达到286家。", "286家", ("35家",), "规上工业企业"),
    ("own_noun_is_kept", "新建5G基站1200个，累计建成5G基站8600个。", "8600个", ("1200个",), "建成5G基站"),
    # the figure before in the same unit counts the same things: its noun, not that of a figure in between
    ("shared_noun_of_the_same_unit", "全年计划实施农村公路项目45个、总里程320公里，已竣工28个。", "28个", ("45个", "320公里"), "竣工农村公路项目"),
    ("shared_noun_skips_an_amount", "今年新开工项目28个，总投资156亿元，竣工投产16个。", "16个", ("28个", "156亿元"), "竣工投产项目"),
    ("net_addition_is_the_same_noun", "规上工业企业286家，净增31家。", "31家", ("286家",), "规上工业企业"),
    # what a goal builds on frames it (在…的基础上): the share's noun after it names the metric
    ("goal_on_the_basis_of_an_achievement", "县县通高速的基础上实现80%以上的乡镇通公交。", "80%以上", (), "乡镇通公交"),
    ("share_of_the_cumulative_total", "新建高标准农田8.6万亩，累计建成126.4万亩，占全县耕地面积的86.3%。", "86.3%", ("8.6万亩", "126.4万亩"),
     "累计建成高标准农田占全县耕地面积比重"),
    # a count that 有 introduces is named by what its items do after it, to the clause's end (held-out h28)
    ("existential_count_and_its_deed", "全市已有320家企业完成数字化改造。", "320家", (), "完成数字化改造的企业"),
    ("existential_count_of_a_modified_noun", "截至5月底，已有21个签约项目开工建设。", "21个", (), "开工建设的签约项目"),
    ("existential_count_of_people_with_no_noun", "去年共有3.2万人通过职业技能鉴定取得证书。", "3.2万人", (), "通过职业技能鉴定取得证书"),
    ("existential_count_with_a_marker", "全县有超过40个村实现集体经济收入倍增。", "40个", (), "实现集体经济收入倍增的村"),
    ("growth_of_an_existential_count", "今年共有1.5万人享受创业担保贷款政策，增长12%。", "12%", ("1.5万人",), "享受创业担保贷款政策"),
    ("owned_is_no_deed", "全市拥有高新技术企业320家。", "320家", (), "高新技术企业"),
    # 仅 (only) before the verb is an adverb, as 仍 and 均 are: no part of the metric (held-out h28)
    ("only_before_the_verb", "全县企业占经营主体比重仅为27.3%。", "27.3%", (), "企业占经营主体比重"),
    # a cohort's year is a time and 上届 / 上期 a comparison base: neither names the metric (held-out h28)
    ("cohort_after_its_year", "2026届全省高校毕业生预计达到29.8万人。", "29.8万人", (), "高校毕业生"),
    ("growth_over_the_last_cohort", "高校毕业生29.8万人，比上届增加1.2万人。", "1.2万人", ("29.8万人",), "高校毕业生"),
    ("growth_over_the_last_period", "本期发放贷款12亿元，较上期增长8%。", "8%", ("12亿元",), "本期发放贷款"),
    ("only_only_before_the_figure", "全县规上工业企业研发机构覆盖率仅仅40%。", "40%", (), "规上工业企业研发机构覆盖率"),
    # a month (its end) named by its number is a comparison base, as 上月末 is; 短 and 长 measure the gap of a
    # duration to a benchmark, as 高 and 低 do of a level (held-out h31)
    ("change_over_a_month_end", "全市商品房可售面积1086.4万平方米，比3月末减少12.7万平方米。", "12.7万平方米", ("1086.4万平方米",),
     "商品房可售面积"),
    ("change_over_a_month_end_with_jiao", "去化周期为21.3个月，较3月末缩短0.8个月。", "0.8个月", ("21.3个月",), "去化周期"),
    ("change_over_a_month", "全社会用电量38.6亿千瓦时，比5月份增长4.1%。", "4.1%", ("38.6亿千瓦时",), "全社会用电量"),
    ("change_over_a_month_bottom", "住户存款余额2860亿元，较9月底增加46亿元。", "46亿元", ("2860亿元",), "住户存款余额"),
    ("gap_of_a_duration_shorter", "商品住宅去化周期17.6个月，比全市平均水平短3.7个月。", "3.7个月", ("17.6个月",), "商品住宅去化周期"),
    ("cost_pushed_down", "综合融资成本再压降20个基点。", "20个基点", (), "综合融资成本"),
    ("rate_pushed_down_to", "资产负债率压降至61%。", "61%", (), "资产负债率"),
    ("gap_of_a_duration_longer", "居民平均通勤时间38分钟，比全省长6分钟。", "6分钟", ("38分钟",), "居民平均通勤时间"),
    # a count of a kind closing the names a 分别 list pairs only enumerates them: each name, measured as 分别 says (held-out h40)
    ("names_a_count_enumerates_first", "汽车制造业、电子信息业、医药制造业三大支柱产业分别实现产值860.2亿元、512.7亿元和233.4亿元。",
     "860.2亿元", ("512.7亿元", "233.4亿元"), "汽车制造业产值"),
    ("names_a_count_enumerates_later_clause", "甲公司、乙公司两家龙头企业分别实现营业收入56亿元和41亿元，分别增长8.3%和12.1%。",
     "12.1%", ("56亿元", "41亿元", "8.3%"), "乙公司营业收入"),
]


METRICS_WITH_SUBJECTS = [
    (
        "part_named_after_qizhong",
        "全省低空经济规模约为420亿元，同比增长26.5%，其中南昌市约占全省的45%。",
        "45%",
        ("420亿元", "26.5%"),
        ("全省", "南昌市"),
        "低空经济规模占全省比重",
    ),
    (
        "county_share_of_the_city",
        "全市外贸进出口218亿元，其中经开区占全市的六成。",
        "六成",
        ("218亿元",),
        ("全市", "经开区"),
        "外贸进出口占全市比重",
    ),
    (
        "budget_rate_after_the_subject",
        "全县税收收入完成42.6亿元，完成预算的102.3%，同比增长5.1%。",
        "5.1%",
        ("42.6亿元", "102.3%"),
        ("全县",),
        "税收收入",
    ),
    (
        "budget_rate_with_the_subject_cut",
        "全县税收收入完成42.6亿元，完成预算的102.3%，同比增长5.1%。",
        "102.3%",
        ("42.6亿元", "5.1%"),
        ("全县",),
        "税收收入完成预算",
    ),
    # a part of the whole counted before, held by a subject of its own clause: the whole's metric
    (
        "part_gathered_in_a_city",
        "全省工业软件企业超过300家，其中合肥市集聚了近五成。",
        "近五成",
        ("300家",),
        ("全省", "合肥市"),
        "工业软件企业",
    ),
    (
        "part_settled_in_a_district",
        "全市引进外资项目42个，其中高新区落户18个。",
        "18个",
        ("42个",),
        ("全市", "高新区"),
        "外资项目",
    ),
    # a place followed by 有 and a share: the place is the subject, the noun after the share the metric
    ("share_after_a_place_that_has", "渠县有超过六成的农户加入了专业合作社。", "六成", (), ("渠县",), "农户加入了专业合作社"),
    ("share_after_a_city_that_has", "慈溪有近八成的规上企业开展了数字化改造。", "近八成", (), ("慈溪",), "规上企业"),
    # a place and 仅 after a list item's clause that names the measure: the clause names it (held-out h28)
    (
        "place_only_after_the_measure_of_its_item",
        "一是城镇化率仅为52.1%，低于全省平均水平6.3个百分点；二是农村生活污水处理率偏低，青山镇仅为41.5%。",
        "41.5%",
        ("52.1%", "6.3个百分点"),
        ("青山镇",),
        "农村生活污水处理率",
    ),
]


@pytest.mark.parametrize(
    ("text", "quantity", "others", "subjects", "expected"),
    [case[1:] for case in METRICS_WITH_SUBJECTS],
    ids=[case[0] for case in METRICS_WITH_SUBJECTS],
)
def test_metric_of_a_clause_that_opens_with_a_subject(rules, text, quantity, others, subjects, expected):
    sentence, span, other_spans = _place(text, quantity, others)
    assert metric_for(text, sentence, span, other_spans, rules, subjects=subjects)[0] == expected


@pytest.mark.parametrize(
    ("text", "quantity", "others", "expected"),
    [case[1:] for case in METRICS],
    ids=[case[0] for case in METRICS],
)
def test_metric(rules, text, quantity, others, expected):
    sentence, span, other_spans = _place(text, quantity, others)
    assert metric_for(text, sentence, span, other_spans, rules)[0] == expected


def test_a_list_that_falls_back_figure_by_figure_reads_each_metric_once(rules, monkeypatch):
    """A figure without words of its own takes the metric of the figure before it (…86.5亿元，
    增长7.9%), which may take it from the one before that: in a long list each earlier metric is
    worked out once, not once more for every figure after it (quadratic)."""
    text, spans = "全市地区生产总值达到", []
    for number in range(1200, 1240):
        spans.append((len(text), len(text) + len(f"{number}亿元")))
        text += f"{number}亿元，"
    text = text[:-1] + "。"
    reads = []
    monkeypatch.setattr("policy_extract.claim_fields.metric.table_cell", lambda *args: reads.append(args) or None)
    _metric_once.cache_clear()
    sentence = (0, len(text))
    metrics = [metric_for(text, sentence, span, [o for o in spans if o != span], rules) for span in spans]
    assert metrics[0] == ("地区生产总值", "metric.before")
    assert set(metrics[1:]) == {("地区生产总值", "metric.previous")}
    assert len(reads) == len(spans)


def _parsed(text: str, value: str, unit: str, kind: str | None = None) -> ParsedQuantity:
    return ParsedQuantity(text=text, value=Decimal(value), unit=unit, comparator="=", kind=kind, rule="test")


KINDS = [
    ("change_over_the_last_cohort", "今年招收新生3200人，比上届多420人。", "420人", ("420", "人"), ("change", 1)),
    ("growth_rate_stated_with_zai", "对东盟、中东出口增速均在两成以上。", "两成以上", ("20", "%"), ("change", 1)),
    ("growth_held_at", "全县消费增速在6%以上。", "6%以上", ("6", "%"), ("change", 1)),
    ("price_fell", "出口均价每吨下跌12.5%。", "12.5%", ("12.5", "%"), ("change", -1)),
    ("growth_target_set_at", "全年地区生产总值增长目标定为6%。", "6%", ("6", "%"), ("change", 1)),
    ("gap_to_another_group", "高于城镇居民收入增速2.3个百分点。", "2.3个百分点", ("2.3", "百分点"), ("level", 1)),
    ("price_rise_held_within", "居民消费价格涨幅控制在3%左右。", "3%左右", ("3", "%"), ("change", 1)),
    ("coverage_kept_at", "乡镇快递网点覆盖率保持100%。", "100%", ("100", "%"), ("share", 1)),
    ("rate_held_at", "粮食播种面积稳定率维持在98%以上。", "98%以上", ("98", "%"), ("share", 1)),
    ("growth_quickened", "增速较去年全年加快1.3个百分点。", "1.3个百分点", ("1.3", "百分点"), ("change", 1)),
    ("growth_slowed", "增速比一季度放缓0.5个百分点。", "0.5个百分点", ("0.5", "百分点"), ("change", -1)),
    # an earlier month or year in digits is a base of a change, as 上月末 is (held-out h31)
    ("above_a_month_end", "贷款余额增速为8.2%，比4月末高0.3个百分点。", "0.3个百分点", ("0.3", "百分点"), ("change", 1)),
    # 压降 cuts as 压减 does: an amount or a rate pushed down (held-out h31)
    ("pushed_down", "综合融资成本再压降20个基点。", "20个基点", ("20", "基点"), ("change", -1)),
    ("debt_pushed_down", "全年压降隐性债务12亿元。", "12亿元", ("1200000000", "元"), ("change", -1)),
    ("pushed_down_to_is_no_change", "资产负债率压降至61%。", "61%", ("61", "%"), ("level", 1)),  # a share once its metric is read
    ("below_a_month_end", "存款余额增速比3月末低0.2个百分点。", "0.2个百分点", ("0.2", "百分点"), ("change", -1)),
    ("below_a_years_same_period", "不良贷款率比2025年同期低0.15个百分点。", "0.15个百分点", ("0.15", "百分点"), ("change", -1)),
    ("above_a_place_stays_a_gap", "贷款余额增速比全省高0.4个百分点。", "0.4个百分点", ("0.4", "百分点"), ("level", 1)),
    ("rate_always_held", "客房入住率一直保持在95%以上。", "95%以上", ("95", "%"), ("share", 1)),
    ("ratio_not_below", "新增车辆中新能源汽车比例不低于80%。", "80%", ("80", "%"), ("share", 1)),
    ("rate_not_below", "行政村快递服务通达率不低于95%。", "95%", ("95", "%"), ("share", 1)),
    ("gap_to_a_benchmark_growth", "增速高出全省平均增速7.6个百分点。", "7.6个百分点", ("7.6", "百分点"), ("level", 1)),
    ("gap_to_the_country", "出口增速快于全国3.2个百分点。", "3.2个百分点", ("3.2", "百分点"), ("level", 1)),
    ("rd_intensity_is_a_share", "全社会研发经费投入强度提高到2.1%。", "2.1%", ("2.1", "%"), ("share", 1)),
    ("rd_intensity_reached", "规上工业企业研发投入强度达1.8%。", "1.8%", ("1.8", "%"), ("share", 1)),
    ("yoy_growth", "规上工业增加值同比增长5.5%。", "5.5%", ("5.5", "%"), ("change", 1)),
    ("fall_is_negative", "单位能耗比上年下降3.2%。", "3.2%", ("3.2", "%"), ("change", -1)),
    ("shortened_is_negative", "企业开办时间缩短60%。", "60%", ("60", "%"), ("change", -1)),
    ("multiple", "跨境电商交易额增长27倍。", "27倍", ("27", "倍"), ("change", 1)),
    ("percentage_points", "城镇化率提高9个百分点。", "9个百分点", ("9", "百分点"), ("change", 1)),
    ("increase_by_money", "财政收入增加12亿元。", "12亿元", ("1200000000", "元"), ("change", 1)),
    ("growth_rate_is_change", "工业投资增速为8%。", "8%", ("8", "%"), ("change", 1)),
    ("new_additions_level", "新增限上商贸企业14家。", "14家", ("14", "家"), ("level", 1)),
    ("increase_to_level", "营收五千万以上企业增至35户。", "35户", ("35", "户"), ("level", 1)),
    ("raise_to_level", "人均受教育年限提升至11.2年。", "11.2年", ("11.2", "年"), ("level", 1)),
    ("share_of_revenue", "研发费用占营业收入比重达3.32%。", "3.32%", ("3.32", "%"), ("share", 1)),
    ("rate_raised_from_to_is_a_share", "产品合格率由95%提升至99.6%。", "99.6%", ("99.6", "%"), ("share", 1)),
    ("added_since_the_start_of_the_year", "贷款余额5216亿元，较年初新增318亿元。", "318亿元", ("318", "元"), ("change", 1)),
    ("equivalent_to_a_part_of_a_whole", "研发经费支出21.6亿元，相当于地区生产总值的3.45%。", "3.45%", ("3.45", "%"), ("share", 1)),
    ("engel_coefficient_is_a_share", "农村居民恩格尔系数为29.4%。", "29.4%", ("29.4", "%"), ("share", 1)),
    ("ratio_narrowed_is_a_fall", "城乡居民收入倍差比上年缩小0.03。", "0.03", ("0.03", ""), ("change", -1)),
    ("adjusted_up_is_a_rise", "退休人员基本养老金总体上调2%。", "2%", ("2", "%"), ("change", 1)),
    ("adjusted_down_is_a_fall", "贷款市场报价利率下调0.1个百分点。", "0.1个百分点", ("0.1", "百分点"), ("change", -1)),
    ("success_rate_is_a_share", "调解成功率达到71.2%。", "71.2%", ("71.2", "%"), ("share", 1)),
    ("part_of_a_task_done_is_a_share", "减排量分别为486吨、32吨，分别完成市下达年度任务的112%、107%。", "107%", ("107", "%"), ("share", 1)),
    ("more_output", "全县油菜籽产量比上年增产1.3万吨。", "1.3万吨", ("13000", "吨"), ("change", 1)),
    ("more_income", "合作社带动农户户均增收6200元。", "6200元", ("6200", "元"), ("change", 1)),
    ("less_output", "受干旱影响，棉花减产4%。", "4%", ("4", "%"), ("change", -1)),
    ("part_of_a_target_with_its_figure", "城镇新增就业70.6万人，完成年度目标任务110万人的64.2%。", "64.2%", ("64.2", "%"), ("share", 1)),
    ("pupil_teacher_ratio_fell", "小学生师比为16.08:1，比上年下降0.31。", "0.31", ("0.31", ""), ("change", -1)),
    ("tenths", "超八成企业实现上云。", "超八成", ("80", "成"), ("share", 1)),
    ("rate_is_share", "调查失业率控制在5.5%以内。", "5.5%以内", ("5.5", "%"), ("share", 1)),
    # a natural growth rate is a rate per head, like the birth rate (docs/spec-decisions.md)
    ("natural_growth_rate_negative", "人口自然增长率为-1.83‰。", "-1.83‰", ("-1.83", "‰"), ("share", 1)),
    ("natural_growth_rate", "全年人口自然增长率是2.4‰。", "2.4‰", ("2.4", "‰"), ("share", 1)),
    ("natural_growth_rate_held_to_a_cap", "人口自然增长率控制在6.5‰以内。", "6.5‰以内", ("6.5", "‰"), ("share", 1)),
    ("natural_growth_rates_of_two", "城镇和农村人口自然增长率分别为1.2‰和3.5‰。", "1.2‰", ("1.2", "‰"), ("share", 1)),
    # a goal for the rate, written with the verbs of any rate's goal (held-out round 35)
    ("natural_growth_rate_kept_within", "全省人口自然增长率控制在7.2‰以内。", "7.2‰以内", ("7.2", "‰"), ("share", 1)),
    ("natural_growth_rate_kept_at", "人口自然增长率保持在5‰左右。", "5‰左右", ("5", "‰"), ("share", 1)),
    ("population_growth_rate_is_a_change", "常住人口增长率为0.8%。", "0.8%", ("0.8", "%"), ("change", 1)),
    ("rate_raised_to_is_share", "农村自来水普及率提高到93.5%。", "93.5%", ("93.5", "%"), ("share", 1)),
    ("rank_written_as_top_n", "该品牌入围全省前10名。", "前10名", ("10", "名"), ("rank", 1)),
    ("traditional_growth", "工業產值較前年成長百分之三。", "百分之三", ("3", "%"), ("change", 1)),
    ("traditional_part_of", "其中電子產業約佔四分之一。", "四分之一", ("25", "%"), ("share", 1)),
    ("part_of_regional_gdp", "数字经济核心产业增加值约占地区生产总值的8%。", "8%", ("8", "%"), ("share", 1)),
    ("land_taken_is_no_share", "产业园占地约300亩。", "300亩", ("300", "亩"), ("level", 1)),
    ("more_than_last_year", "新增上市企业5家，比上年多2家。", "2家", ("2", "家"), ("change", 1)),
    ("fewer_than_last_year", "安全事故3起，比上年少4起。", "4起", ("4", "起"), ("change", -1)),
    ("growth_rate_kept", "规上工业增加值增速保持两位数。", "两位数", ("10", "%"), ("change", 1)),
    ("growth_after_the_rate", "全市规上工业增加值保持两位数增长。", "两位数", ("10", "%"), ("change", 1)),
    ("a_growth_point_is_no_growth", "培育10%的增长点。", "10%", ("10", "%"), ("share", 1)),
    (
        "table_change_column",
        "主要产品产量\n产品名称\n单位\n产量\n同比增长（±%）\n水泥\n万吨\n356.2\n-4.1\n",
        "-4.1",
        ("-4.1", ""),
        ("change", 1),
    ),
    (
        "table_level_column",
        "主要产品产量\n产品名称\n单位\n产量\n同比增长（±%）\n水泥\n万吨\n356.2\n-4.1\n",
        "356.2",
        ("356.2", ""),
        ("level", 1),
    ),
    ("share_of_the_budget", "一般公共预算收入完成预算的100.8%。", "100.8%", ("100.8", "%"), ("share", 1)),
    ("share_of_the_adjusted_budget", "政府性基金预算收入为调整预算的88.5%。", "88.5%", ("88.5", "%"), ("share", 1)),
    ("share_of_the_initial_budget", "社保基金支出为年初预算的97%。", "97%", ("97", "%"), ("share", 1)),
    ("budget_progress_not_of_the_budget", "全县预算执行进度为85%。", "85%", ("85", "%"), ("level", 1)),
    # a cut: a verb of decrease with the spending it cuts between it and the amount
    ("cut_of_general_spending", "全年压减一般性支出4180万元。", "4180万元", ("41800000", "元"), ("change", -1)),
    ("cut_of_nonessential_spending", "市级部门削减非急需非刚性支出2.3亿元。", "2.3亿元", ("230000000", "元"), ("change", -1)),
    ("cut_of_meeting_costs", "各部门缩减会议和培训经费650万元。", "650万元", ("6500000", "元"), ("change", -1)),
    ("cut_to_a_level_is_no_change", "全县乡镇街道议事机构压减至12个。", "12个", ("12", "个"), ("level", 1)),
    # a net addition since last year's end, and a loan increase larger or smaller than last year's
    ("net_addition_since_last_years_end", "经营主体较去年底净增6.3万户。", "6.3万户", ("63000", "户"), ("change", 1)),
    ("addition_since_the_end_of_last_year", "规上工业企业比上年底新增52家。", "52家", ("52", "家"), ("change", 1)),
    ("loans_grew_more_than_last_year", "住户贷款同比多增45亿元。", "45亿元", ("4500000000", "元"), ("change", 1)),
    ("loans_grew_less_than_last_year", "企业贷款同比少增18亿元。", "18亿元", ("1800000000", "元"), ("change", -1)),
    ("roads_upgraded_are_a_level", "新建农村公路120公里，改造提升85公里。", "85公里", ("85", "公里"), ("level", 1)),
    # a growth said with only 为 after the clause that names whose growth ranks
    ("fastest_growth_said_with_wei", "分县看，各县出口均有增长；东阳县增速最快，为14.2%。", "14.2%", ("14.2", "%"), ("change", 1)),
    ("largest_rise_named_first", "增幅最大的是西坪镇，为8.6%。", "8.6%", ("8.6", "%"), ("change", 1)),
    ("largest_share_is_no_growth", "其中，东阳县占比最高，为31.5%。", "31.5%", ("31.5", "%"), ("level", 1)),  # a share once its metric is read
    # the last figure of a list after a verb of change: the figures before it, bare or in 个百分点, are folded away
    ("last_of_a_shared_unit_list", "两项覆盖率分别比上年提高0.4和0.7个百分点。", "0.7个百分点", ("0.7", "百分点"), ("change", 1)),
    ("last_of_a_list_in_points", "两项覆盖率分别比上年提高0.4个百分点和0.7个百分点。", "0.7个百分点", ("0.7", "百分点"), ("change", 1)),
    ("last_of_a_falling_list", "两项发病率分别比上年下降1.5和2.6个百分点。", "2.6个百分点", ("2.6", "百分点"), ("change", -1)),
    # the part of a project's whole work done, and a survey's satisfaction in %, are parts of a whole (held-out h33)
    ("part_of_the_whole_work", "目前已完成总工程量的78%。", "78%", ("78", "%"), ("share", 1)),
    ("part_of_the_work_in_total", "二期工程已完成工程总量的60%。", "60%", ("60", "%"), ("share", 1)),
    ("part_of_all_the_work", "两个标段分别完成全部工作量的85%和70%。", "70%", ("70", "%"), ("share", 1)),
    ("satisfaction_in_percent", "群众对民生实事的满意度达到96.3%。", "96.3%", ("96.3", "%"), ("share", 1)),
    ("awareness_in_percent", "政策知晓度为88%。", "88%", ("88", "%"), ("share", 1)),
    # shares written in brackets after their category
    ("share_in_brackets", "新增就业主要集中在住宿餐饮业（31.5%）、交通运输业（12.0%）。", "12.0%", ("12.0", "%"), ("share", 1)),
    ("first_share_in_brackets", "外资主要投向汽车制造业（42.7%）和研发服务业（17.3%）。", "42.7%", ("42.7", "%"), ("share", 1)),
    # a list whose items each carry 左右 or 以上, joined by 和 or 、: the verb before the list governs the last too (held-out h34)
    ("list_of_about_figures_joined_by_he", "出口、进口分别增长9%左右和6.5%左右。", "6.5%左右", ("6.5", "%"), ("change", 1)),
    ("list_of_at_least_figures_joined_by_he", "两项收入分别下降3%以上和1.2%以上。", "1.2%以上", ("1.2", "%"), ("change", -1)),
]


@pytest.mark.parametrize(
    ("text", "quantity", "value_unit", "expected"),
    [case[1:] for case in KINDS],
    ids=[case[0] for case in KINDS],
)
def test_kind(rules, text, quantity, value_unit, expected):
    sentence, span, _ = _place(text, quantity)
    parsed = _parsed(quantity, *value_unit)
    kind, sign, _ = kind_for(text, sentence, span, parsed, rules)
    assert (kind, sign) == expected


KINDS_FROM_METRIC = [
    ("share_reached_in_its_own_clause", "进出口占比首次突破五成，达到51.3%。", "51.3%", "进出口占比", "share"),
    ("rate_restated", "森林覆盖率稳步提升，达到63.2%。", "63.2%", "森林覆盖率", "share"),
    ("growth_rate_is_no_share", "出口增长率继续提高，达到12%。", "12%", "出口增长率", "level"),
    ("growth_aimed_at", "在规上工业增加值增长目标上，力争达到10%。", "10%", "规上工业增加值增速", "change"),
    ("price_rise_aimed_at", "物价方面，确保全年居民消费价格涨幅为3%。", "3%", "居民消费价格涨幅", "change"),
    ("amount_metric", "进出口总值继续扩大，达到12%。", "12%", "进出口总值", "level"),
]


@pytest.mark.parametrize(
    ("text", "quantity", "metric", "expected"),
    [case[1:] for case in KINDS_FROM_METRIC],
    ids=[case[0] for case in KINDS_FROM_METRIC],
)
def test_kind_from_the_metric_when_the_clause_says_nothing(rules, text, quantity, metric, expected):
    sentence, span, _ = _place(text, quantity)
    kind, _, _ = kind_for(text, sentence, span, _parsed(quantity, quantity.rstrip("%"), "%"), rules, metric)
    assert kind == expected


def test_kind_trusts_the_quantity_form(rules):
    text = "地区生产总值增速位居全市第一。"
    sentence, span, _ = _place(text, "第一")
    parsed = _parsed("第一", "1", "位", kind="rank")
    assert kind_for(text, sentence, span, parsed, rules) == ("rank", 1, "kind.quantity_form")


STATUS = [
    ("strive", "力争新增限上商贸企业12家。", "12家", None, None, "target"),
    ("plain_fact", "2023年新增限上商贸企业14家。", "14家", None, None, "actual"),
    ("share_of_the_annual_plan", "重点项目完成投资1120亿元，完成年度计划的112%。", "112%", None, None, "actual"),
    ("ahead_of_the_schedule", "固定资产投资超序时计划8个百分点。", "8个百分点", None, None, "actual"),
    ("still_a_plan", "全年计划实施重点项目60个。", "60个", None, None, "target"),
    # a level a figure returns to, set against an earlier year's (恢复到2019年同期的…), is no deadline ahead
    ("recovered_to_a_years_level", "上半年，全县接待游客126万人次，恢复到2019年同期的91.5%；旅游收入8.6亿元。", "8.6亿元", None, None, "actual"),
    ("recovered_share_itself", "上半年，全县接待游客126万人次，恢复到2019年同期的91.5%。", "91.5%", None, None, "actual"),
    # a land quota (用地计划指标, 计划指标) allotted is no plan of the text (held-out h27)
    ("a_land_quota_is_no_plan", "全年获批新增建设用地计划8000亩。", "8000亩", None, None, "actual"),
    ("a_land_quota_index_is_no_plan", "2025年获得省级以上用地计划指标1.35万亩，比上年增加2100亩。", "2100亩", None, None, "actual"),
    ("a_forest_quota_is_no_plan", "2025年获批林地定额计划指标120公顷。", "120公顷", None, None, "actual"),
    ("a_quota_secured_is_no_goal", "2025年争取省级以上用地计划指标1.35万亩，比上年增加2100亩。", "1.35万亩", None, None, "actual"),
    ("striving_for_the_indicators_is_a_goal", "争取主要经济指标增长7%。", "7%", None, None, "target"),
    ("take_as_is_not_a_plan", "将园区扩容作为重点，全年完成投资18亿元。", "18亿元", None, None, "actual"),
    ("include_into_is_not_a_plan", "全县将12个村纳入省级试点。", "12个", None, None, "actual"),
    ("put_on_the_schedule_is_no_plan", "其中，已办理或列入计划分批解决的诉求87件，占79.1%。", "79.1%", None, None, "actual"),
    ("taken_into_the_plan_is_no_plan", "纳入计划分步推进的改造项目26个。", "26个", None, None, "actual"),
    ("will_after_completion", "项目投产后将实现年产值8亿元。", "8亿元", None, None, "target"),
    ("scope_across_semicolon", "力争地区生产总值增长6%；固定资产投资增长8%。", "8%", None, None, "target"),
    ("marker_after_figure_does_not_govern", "公司完成投资8000万元，将新建厂房2万平方米。", "8000万元", None, None, "actual"),
    ("deadline", "到2027年，培育专精特新企业50家。", "50家", None, None, "target"),
    ("end_of_a_change_is_no_deadline", "茶园面积由2020年的45万亩扩大到2025年的60万亩。", "60万亩", None, None, "actual"),
    ("end_of_a_rise_is_no_deadline", "规上企业从2020年的86家增加到2025年的132家，新增就业1.2万人。", "1.2万人", None, None, "actual"),
    ("end_of_a_fall_is_no_deadline", "贫困发生率由2015年的12%降至2020年的0，农村公路达到3000公里。", "3000公里", None, None, "actual"),
    ("programme_name_not_a_plan", "获省级科技计划项目立项8项。", "8项", None, None, "actual"),
    ("planned_investment_is_a_plan", "项目计划总投资4.6亿元。", "4.6亿元", None, None, "target"),
    ("planned_investment_governs_its_clause_only", "新签约项目47个，计划总投资286亿元，其中10亿元以上项目8个。", "8个", None, None, "actual"),
    ("facts_after_a_planned_investment", "签约项目计划总投资120亿元；新开工项目39个，开工率83%。", "83%", None, None, "actual"),
    ("a_plan_still_governs_its_sentence", "全年计划实施重点项目60个，完成投资150亿元以上。", "150亿元以上", None, None, "target"),
    ("share_of_the_planned_investment", "一期已完成投资3.2亿元，占计划投资的64%。", "64%", None, None, "actual"),
    ("ahead_of_the_planned_schedule", "主体工程较计划工期提前20天完工。", "20天", None, None, "actual"),
    ("share_of_the_annual_plan", "全年完成年度计划的105%。", "105%", None, None, "actual"),
    ("done_after_a_plan", "企业今年计划完成投资5亿元，截至4月底已完成2.1亿元。", "2.1亿元", None, None, "actual"),
    ("done_after_a_goal", "力争全年签约项目50个，目前已签约32个。", "32个", None, None, "actual"),
    ("done_in_months_after_a_plan", "年度计划投资215亿元，1—11月完成投资198.6亿元。", "198.6亿元", None, None, "actual"),
    ("goal_after_done", "目前已建成厂房8万平方米，力争年底前再建成5万平方米。", "5万平方米", None, None, "target"),
    ("done_under_a_goals_heading", "截至目前已完成投资12亿元。", "12亿元", "2026年重点工作", None, "target"),
    ("category_of_planned_investment", "全年新开工计划总投资亿元以上项目215个。", "215个", None, None, "actual"),
    ("goals_heading", "新增农村劳动力转移就业3500人。", "3500人", "2024年主要目标任务", None, "target"),
    ("review_heading", "新增农村劳动力转移就业3120人。", "3120人", "2023年工作回顾", None, "actual"),
    # a plan's section on where things stand (发展现状, 发展基础) reports, under the plan's title, what is now
    ("state_of_things_under_a_plan_title", "目前全省冷库容量95万吨。", "95万吨", "某省冷链物流发展三年行动方案（2019—2021年）\n一、发展现状", None, "actual"),
    ("state_of_things_and_problems", "规上企业仅9家。", "9家", "关于加快物流业发展的实施意见\n（一）现状与问题", False, "actual"),
    ("foundation_under_a_plan_title", "全市建成充电桩2.1万个。", "2.1万个", "某市新能源汽车产业发展规划（2026—2030年）\n一、发展基础", False, "actual"),
    ("changing_the_state_of_things_is_a_task", "新建冷库20万吨。", "20万吨", "某省冷链物流发展三年行动方案\n（三）改变冷链设施落后现状", False, "target"),
    (
        "implementation_opinions_title",
        "新建公共充电桩8万个。",
        "8万个",
        "关于加快推进新能源汽车产业高质量发展的实施意见\n（二）完善充换电基础设施",
        None,
        "target",
    ),
    ("measures_title", "设立总规模100亿元的产业投资基金。", "100亿元", "支持民营经济发展的若干措施", None, "target"),
    (
        "goals_heading_governs_subsection",
        "新增农村劳动力转移就业3500人。",
        "3500人",
        "政府工作报告\n2024年工作安排\n一、做强工业经济",
        None,
        "target",
    ),
    (
        "review_subsection_under_report",
        "新增农村劳动力转移就业3120人。",
        "3120人",
        "政府工作报告\n2023年工作回顾\n一年来，我们狠抓项目建设",
        None,
        "actual",
    ),
    ("traditional_will", "今年將新增就業機會五千個。", "五千個", None, None, "target"),
    ("estimate_past_period", "预计全年数字经济核心产业营业收入98亿元。", "98亿元", None, True, "actual"),
    ("estimate_future_period", "预计全年数字经济核心产业营业收入98亿元。", "98亿元", None, False, "target"),
    # a budget report: the draft for the year to come plans, the execution of the year closed reports
    ("budget_draft_heading", "一般公共预算收入70.5亿元，增长3%左右。", "70.5亿元", "2026年预算草案", None, "target"),
    ("budget_draft_heading_in_brackets", "社会保障和就业支出9.2亿元。", "9.2亿元", "市级财政预算（草案）", None, "target"),
    (
        "budget_execution_under_report_title",
        "一般公共预算支出完成86.3亿元。",
        "86.3亿元",
        "关于2025年预算执行情况和2026年预算草案的报告\n一、2025年预算执行情况",
        None,
        "actual",
    ),
    ("budget_draft_under_report_title", "教育支出18.6亿元。", "18.6亿元", "关于2025年预算执行情况和2026年预算草案的报告\n二、2026年预算安排", None, "target"),
    # 安排 allocates money: a goal only under a goals heading or beside a marker of one (将, 拟, 预期)
    ("allocated_under_a_goals_heading", "县财政安排乡村振兴资金4200万元。", "4200万元", "2026年工作安排", None, "target"),
    ("allocation_to_come", "县财政将安排乡村振兴资金4200万元。", "4200万元", None, None, "target"),
    ("allocation_intended", "市财政拟安排人才专项资金1500万元。", "1500万元", None, False, "target"),
    ("expected_allocation", "全市一般公共预算收入预期安排52亿元。", "52亿元", None, False, "target"),
    ("allocated_with_no_time", "省级财政每年安排农村公路养护补助资金9亿元。", "9亿元", None, None, "actual"),
    ("allocated_under_a_review_heading", "县财政安排配套资金8600万元，实施项目42个。", "42个", "一、主要工作成效", False, "actual"),
    ("allocated_this_year_in_the_news", "今年市财政安排科技创新专项资金3亿元。", "3亿元", None, False, "actual"),
    ("allocated_in_a_year_over", "2025年市财政安排就业补助资金3100万元。", "3100万元", None, True, "actual"),
    ("funds_secured_from_above", "全年争取上级转移支付资金18.2亿元。", "18.2亿元", None, None, "actual"),
    ("bonds_secured", "争取新增地方政府专项债券额度9.6亿元，支持项目31个。", "31个", None, None, "actual"),
    ("striving_for_projects", "今年争取引进亿元以上项目25个。", "25个", None, None, "target"),
    ("striving_for_growth", "争取实现地区生产总值增长7%。", "7%", None, None, "target"),
    ("striving_for_projects_of_an_investment", "争取引进总投资超10亿元的项目3个。", "3个", None, None, "target"),
    ("central_investment_secured", "全年争取中央预算内投资2.6亿元。", "2.6亿元", None, None, "actual"),
    ("funds_with_a_long_name_secured", "争取中央和省级财政衔接推进乡村振兴补助资金1.2亿元。", "1.2亿元", None, None, "actual"),
    ("treasury_bonds_secured", "去年争取超长期特别国债5.3亿元。", "5.3亿元", None, None, "actual"),
    # a speaker's hope for an event still to come states a goal
    ("hoped_for_signings", "我们希望本届展会现场签约项目不少于40个。", "40个", None, None, "target"),
    ("hoped_for_visitors", "主办方期望本届茶博会吸引采购商2000名。", "2000名", None, None, "target"),
    ("hope_as_a_noun", "带着希望，全村今年种植中药材800亩。", "800亩", None, None, "actual"),
    # 希望 opening the name of a park, a zone or a village names it, no hope (held-out round 35)
    ("hope_in_a_park_name", "去年3月，希望产业园西侧总投资12亿元的项目建成投产。", "12亿元", None, None, "actual"),
    ("hope_in_a_village_name", "希望村今年种植中药材800亩。", "800亩", None, None, "actual"),
    # 将 before a thing and a verb that divides it (将辖区划分为…) is 把: what was done (held-out round 35)
    ("jiang_divides_the_area_done", "社区将辖区划分为26个网格，配备网格员40名。", "26个", None, None, "actual"),
    ("jiang_divides_into_done", "全镇将山林划分成9个管护片区。", "9个", None, None, "actual"),
    ("jiang_before_the_verb_still_will", "明年辖区将划分为30个网格。", "30个", None, None, "target"),
    # a target written with its own figure inside a result: a goal for that figure only
    ("target_figure_inside_a_result", "全市新建5G基站2.1万个，完成全年目标3万个的70%。", "3万个", None, None, "target"),
    ("part_done_after_a_target_figure", "全市新建5G基站2.1万个，完成全年目标3万个的70%。", "70%", None, None, "actual"),
    ("result_before_a_target_figure", "全市新建5G基站2.1万个，完成全年目标3万个的70%。", "2.1万个", None, None, "actual"),
    # a headline that reports the part of the year's goal reached reviews results: no goals heading
    (
        "progress_headline_reviews",
        "失业人员再就业16.3万人。",
        "16.3万人",
        "上半年某省人社事业稳中有进\n城镇新增就业70.6万人　完成年度目标的64.2%\n一、就业形势保持总体稳定",
        None,
        "actual",
    ),
    ("half_way_headline_reviews", "新增城镇就业5.2万人。", "5.2万人", "某市前6个月时间过半任务过半", None, "actual"),
    (
        "goals_section_under_progress_headline",
        "力争全年城镇新增就业110万人以上。",
        "110万人以上",
        "城镇新增就业70.6万人　完成年度目标的64.2%\n六、下半年重点工作",
        None,
        "target",
    ),
    ("goals_heading_to_complete_tasks", "新增城镇就业5.2万人。", "5.2万人", "二、确保完成全年目标任务", None, "target"),
    # a heading that reports how work stands reviews it, though it names the work (重点工作, 目标任务)
    ("progress_of_key_work_reviews", "全县发行新增专项债券16.2亿元。", "16.2亿元", "五、重点工作推进情况", None, "actual"),
    ("progress_of_goals_reviews", "城镇新增就业5.2万人。", "5.2万人", "二、年度目标任务进展情况", None, "actual"),
    # the year's plan for what is to be done is a goal; the plan as a base of a result is none (held-out round 32)
    ("annual_plan_to_be_done", "确定县级重点项目80个，年度计划完成投资96亿元。", "96亿元", None, None, "target"),
    ("annual_plan_as_a_base", "截至5月底，已完成投资41亿元，占年度计划的42.7%。", "42.7%", None, None, "actual"),
    ("carrying_out_of_plans_reviews", "完成老旧小区改造46个。", "46个", "三、民生实事计划落实情况", None, "actual"),
    (
        "goals_section_after_a_progress_section",
        "力争年底前直达资金支出进度达到98%以上。",
        "98%以上",
        "某县1—10月财政收支情况\n六、下一步工作",
        None,
        "target",
    ),
    # goals set with their figures before the word 目标 (确定了…增长9%的目标): the marker stands at the verb (held-out round 44)
    ("goal_set_before_its_noun", "全区确定了全年财政收入增长9%、固定资产投资增长12%的目标。", "12%", None, None, "target"),
    ("goal_set_before_its_noun_first", "该市提出了全年新增就业2.4万人的工作目标。", "2.4万人", None, None, "target"),
    ("goal_set_earlier_met", "圆满完成了年初确定的目标任务，全年新增就业2.4万人。", "2.4万人", None, None, "actual"),
]


@pytest.mark.parametrize(
    ("text", "quantity", "heading", "past", "expected"),
    [case[1:] for case in STATUS],
    ids=[case[0] for case in STATUS],
)
def test_status(rules, text, quantity, heading, past, expected):
    sentence, span, _ = _place(text, quantity)
    assert status_for(text, sentence, span, heading, rules, period_is_past=past)[0] == expected


@pytest.mark.parametrize(
    ("heading", "past", "titled", "expected"),
    [
        ("某市数字化转型三年行动方案解读", True, True, "actual"),  # the plan's starting point
        ("某市数字化转型三年行动方案解读", False, True, "target"),  # its goals
        ("某市数字化转型三年行动方案解读", None, True, "target"),  # no period: the title decides
        ("2026年工作安排", True, False, "target"),  # a chapter heading decides for all (SPEC)
        ("某市数字化转型三年行动方案解读\n二、重点任务", True, True, "target"),  # decided below the title
        # the title of the text a notice issues, restated over its body, is that title (held-out h36)
        ("某省人民政府关于印发加快茶产业发展若干措施的通知\n加快茶产业发展若干措施", True, True, "actual"),
        ("某省人民政府关于印发加快茶产业发展若干措施的通知\n加快茶产业发展若干措施", False, True, "target"),
        ("某省人民政府关于印发加快茶产业发展若干措施的通知\n若干措施", True, True, "target"),  # too short to restate it
    ],
)
def test_a_plan_title_does_not_make_past_figures_targets(rules, heading, past, titled, expected):
    text = "据统计，全市已建成省级智能工厂12家。"
    sentence, span, _ = _place(text, "12家")
    assert status_for(text, sentence, span, heading, rules, period_is_past=past, titled=titled)[0] == expected


@pytest.mark.parametrize(
    ("text", "quantity", "heading"),
    [(case[1], case[2], case[3]) for case in STATUS]
    + [("据统计，全市已建成省级智能工厂12家。", "12家", heading) for heading in ("某市数字化转型三年行动方案解读", None)],
)
@pytest.mark.parametrize("titled", [False, True])
def test_a_sentence_status_is_each_figures(rules, text, quantity, heading, titled):
    """`sentence_status`, worked out once per sentence, gives what `status_for` gives each figure of
    a sentence without markers, for a period over and one not; None where a marker is."""
    sentence, span, _ = _place(text, quantity)
    settled = sentence_status(text, sentence, heading, rules, titled=titled)
    if settled is None:
        assert _markers_in(text, sentence, field_rules(rules))
        return
    for past, expected in ((False, settled[0]), (None, settled[0]), (True, settled[1])):
        assert status_for(text, sentence, span, heading, rules, period_is_past=past, titled=titled) == expected


UNITS = [
    ("investment", "固定资产投资总额", ("元", "unit.implied.money")),
    ("sales", "年销售额", ("元", "unit.implied.money")),
    ("a_count", "注册用户总量", None),
    ("registrations_are_counted_in_ge", "标识解析注册量", ("个", "unit.implied.count")),
    ("connections_are_counted_in_ge", "工业设备连接数", ("个", "unit.implied.count")),
    ("registered_capital_is_no_count", "注册资本", None),
    # a population counted without a classifier (城镇人口30万; 解决45万农村人口的饮水问题) is in 人 (held-out round 35)
    ("population_is_counted_in_ren", "城镇人口", ("人", "unit.implied.population")),
    ("population_before_what_is_done_for_it", "农村人口的饮水安全问题", ("人", "unit.implied.population")),
    ("population_density_is_no_count", "人口密度", None),
    ("population_growth_is_no_count", "人口自然增长率", None),
    # a population the figure counts (实现2.1万农村贫困人口脱贫) is counted in 人; its share or density is none (held-out round 32)
    ("a_population_lifted_out_of_poverty", "农村贫困人口稳定脱贫", ("人", "unit.implied.population")),
    ("a_resident_population", "年末户籍人口", ("人", "unit.implied.population")),
    ("a_population_share_is_no_count", "城镇人口占比", None),
    # (held-out h36: 34.6万农村人口的饮水安全问题)
    ("population_before_de", "城镇人口的住房保障", ("人", "unit.implied.population")),
    ("no_metric", None, None),
]


@pytest.mark.parametrize(("metric", "expected"), [c[1:] for c in UNITS], ids=[c[0] for c in UNITS])
def test_implied_unit(rules, metric, expected):
    assert implied_unit(metric, rules) == expected


PROVISIONS = [
    ("condition", "对投资1000万元以上的项目给予最高200万元奖励。", "1000万元", True),
    ("cap", "对投资1000万元以上的项目给予最高200万元奖励。", "200万元", True),
    ("rate_of_base", "按实际投资额的10%给予补助。", "10%", True),
    ("cap_not_exceeding", "给予一次性补助，最高不超过150万元。", "150万元", True),
    ("fact", "全年完成技改投资200万元。", "200万元", False),
    # a pension's or an allowance's standard raised per head and period, and the level it reaches (held-out h28)
    ("pension_standard_raised", "城乡居民基础养老金最低标准每人每月提高25元，达到每人每月188元。", "25元", True),
    ("pension_standard_reached", "城乡居民基础养老金最低标准每人每月提高25元，达到每人每月188元。", "188元", True),
    ("subsistence_standard_raised_to", "农村低保标准提高到每人每年7800元，全年发放低保金3.2亿元。", "7800元", True),
    ("subsistence_paid_out", "农村低保标准提高到每人每年7800元，全年发放低保金3.2亿元。", "3.2亿元", False),
    ("pensions_paid_out", "全年发放城乡居民养老金32亿元。", "32亿元", False),
    ("planned_activity", "每年发布60个应用场景清单。", "60个", False),
    ("ratio_a_project_must_meet", "新建光伏电站按照装机容量的10%、时长2小时配建储能。", "10%", True),
    ("duration_a_project_must_meet", "新建光伏电站按照装机容量的10%、时长2小时配建储能。", "2小时", True),
    ("share_of_spaces_to_fit", "新建住宅按不低于车位总数20%的比例配建充电桩。", "20%", True),
    ("storage_already_fitted", "全省新能源项目已配建储能150万千瓦。", "150万千瓦", False),
    # an allowance paid by a standard rate states a rule; the people it reaches are a fact
    ("allowance_paid_by_a_standard", "乡村教师生活补助按每人每月不低于400元标准发放，惠及乡村教师1.96万人。", "400元", True),
    ("people_the_allowance_reaches", "乡村教师生活补助按每人每月不低于400元标准发放，惠及乡村教师1.96万人。", "1.96万人", False),
    ("cost_budgeted_by_a_standard", "落实管护人员412名，管护经费按每亩每年10元的标准列入县级财政预算。", "10元", True),
    ("staff_of_the_budgeted_scheme", "落实管护人员412名，管护经费按每亩每年10元的标准列入县级财政预算。", "412名", False),
    ("cost_budgeted_by_a_standard_na_ru", "村级组织运转经费按每村每年3万元标准纳入财政预算。", "3万元", True),
    ("standard_raised_is_a_fact", "特殊教育生均公用经费标准提高到每生每年7000元。", "7000元", False),
    # an entitlement per unit on a condition is a rule; the money paid out under it is a fact
    ("entitlement_per_unit", "对新建标准化茶园每亩补助1500元，去年共发放补助资金2300万元。", "1500元", True),
    ("money_paid_under_it", "对新建标准化茶园每亩补助1500元，去年共发放补助资金2300万元。", "2300万元", False),
    # who a provision is for, in a clause of its own before the grant, and the grant per unit or to each that
    # opens the next clause (held-out h36)
    ("condition_topic_clause", "对新建连片150亩以上、通过认证的茶园，每亩一次性补助800元。", "150亩以上", True),
    ("per_unit_grant_after_condition", "对新建连片150亩以上、通过认证的茶园，每亩一次性补助800元。", "800元", True),
    ("thresholds_listed_in_the_condition", "对年营业收入首次突破2亿元、10亿元的企业，分别奖励30万元、80万元。", "2亿元", True),
    ("to_each_after_condition", "对认定的省级新品种，每个奖励15万元。", "15万元", True),
    ("respectively_after_listed_conditions", "对年营业收入首次突破2亿元、10亿元的企业，分别奖励30万元、80万元。", "80万元", True),
    ("count_acted_on_after_dui", "对7家拖欠工资的企业实施联合惩戒。", "7家", False),
    ("per_unit_inside_a_fact", "全县每亩补助资金共发放2300万元。", "2300万元", False),
    # the latest a procedure allows is a term of the rule; a record stated with 最长 is a fact
    ("latest_allowed", "申请人应在受理后10个工作日内补正材料，特殊情况的最迟不超过20个工作日。", "20个工作日", True),
    ("longest_allowed", "审批时限最长不得超过15天。", "15天", True),
    ("longest_on_record", "全年最长连续无降水日数为38天。", "38天", False),
    # a price or base set as a rate of a standard (held-out h33); a rate computed at comparable prices is a fact
    ("land_price_by_rate", "工业项目用地按不低于当地工业用地出让最低价标准的75%确定出让底价。", "75%", True),
    ("fee_by_rate", "停车服务费按照政府指导价的80%核定。", "80%", True),
    ("growth_at_comparable_prices", "按可比价格计算，全县地区生产总值增长6.5%。", "6.5%", False),
]


@pytest.mark.parametrize(
    ("text", "quantity", "expected"), [c[1:] for c in PROVISIONS], ids=[c[0] for c in PROVISIONS]
)
def test_provision(rules, text, quantity, expected):
    sentence, span, _ = _place(text, quantity)
    assert is_provision(text, sentence, span, rules)[0] is expected


FULL_WIDTH_METRICS = [
    ("full_width_letters_and_digits", "２０２５年，全市新建５Ｇ基站３０００个。", "新建５Ｇ基站"),
    ("half_width_text_unchanged", "2025年，全市新建5G基站3000个。", "新建5G基站"),
    # a subtitle after an ideographic space (read as a space): the headline before it names nothing of it
    ("subtitle_after_an_ideographic_space", "县域经济稳中向好\u3000工业投资增长14.2%", "工业投资"),
    ("subtitle_after_two_ideographic_spaces", "文旅市场持续升温\u3000\u3000接待游客突破300万人次", "接待游客"),
    ("subtitle_of_a_rank", "跨境电商成外贸新引擎\u3000出口增速居全市第二", "出口"),
    ("subtitle_after_a_plain_space", "新能源汽车产业链加速成型 整车产量达到8.6万辆", "整车产量"),
]


@pytest.mark.parametrize(
    ("text", "expected"), [case[1:] for case in FULL_WIDTH_METRICS], ids=[case[0] for case in FULL_WIDTH_METRICS]
)
def test_claim_metric_is_written_as_the_source_has_it(text, expected):
    from policy_extract import extract

    assert [claim.metric for claim in extract(text, "2026-03").claims] == [expected]


LIST_ITEM_STATUS = [
    ("intro_with_will", "今年，全县将抓好两项工作：\n1.新建口袋公园12个；\n2.改造老旧小区30个。", ["target", "target"]),
    ("intro_with_deadline", "到2028年，实现以下目标：\n——培育链主企业5家\n——建成智能工厂20家", ["target", "target"]),
    ("intro_without_marker", "去年，全县做好两项工作：\n1.新建口袋公园12个；\n2.改造老旧小区30个。", ["actual", "actual"]),
]


@pytest.mark.parametrize(
    ("text", "expected"), [case[1:] for case in LIST_ITEM_STATUS], ids=[case[0] for case in LIST_ITEM_STATUS]
)
def test_list_items_take_the_status_of_their_introducing_sentence(text, expected):
    from policy_extract import extract

    assert [claim.status for claim in extract(text, "2026-03").claims] == expected


REFERRED_METRICS = [
    (
        "this_share",
        "目前，全县服务业增加值占比为52%。力争到2030年将这一比重提高到60%。",
        ["服务业增加值占比", "服务业增加值占比"],
    ),
    (
        "bare_share_word",
        "一般贸易进出口占全市外贸总值的73.7%，比重较去年同期提升0.9个百分点。",
        ["一般贸易进出口占全市外贸总值比重", "一般贸易进出口占全市外贸总值比重"],
    ),
    # 所占比重 points back as a bare 比重 does (held-out h40)
    (
        "share_it_holds",
        "高新技术产品出口326.4亿元，占全市出口的41.2%，所占比重比上年提高2.1个百分点。",
        ["高新技术产品出口", "高新技术产品出口占全市出口比重", "高新技术产品出口占全市出口比重"],
    ),
    (
        "no_earlier_metric_keeps_the_words",
        "力争到2030年将这一比重提高到60%。",
        ["这一比重"],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [case[1:] for case in REFERRED_METRICS], ids=[case[0] for case in REFERRED_METRICS]
)
def test_a_metric_that_points_back_takes_the_metric_named_before(text, expected):
    from policy_extract import extract

    assert [claim.metric for claim in extract(text, "2026-03").claims] == expected


WITHOUT_SUBJECT = [
    pytest.param("慈溪培育省科技型中小企业", ("慈溪",), "省科技型中小企业", id="place-and-verb"),
    pytest.param("无锡高新区投资", ("无锡高新区", "无锡"), "投资", id="longest-subject-first"),
    pytest.param("横店集团营业收入", ("横店集团",), "营业收入", id="company"),
    pytest.param("绍兴", ("绍兴",), "绍兴", id="nothing-left-keeps-it"),
    pytest.param("规上工业增加值", ("慈溪",), "规上工业增加值", id="no-subject"),
    pytest.param("连云港市外贸进出口总值增速", ("连云港市",), "外贸进出口总值增速", id="growth-rate-kept"),
]


@pytest.mark.parametrize(("metric", "subjects", "expected"), WITHOUT_SUBJECT)
def test_without_subject(rules, metric, subjects, expected):
    assert without_subject(metric, subjects, rules) == expected


PER_UNIT = [
    pytest.param("万元地区生产总值能耗", "吨标准煤", ("吨标准煤/万元", "unit.per.wan_yuan"), id="energy-intensity"),
    pytest.param("每万元工业增加值用水量", "立方米", ("立方米/万元", "unit.per.wan_yuan"), id="water-intensity"),
    pytest.param("万元地区生产总值能耗", "吨标准煤/万元", None, id="already-compound"),
    pytest.param("地区生产总值能耗", "吨标准煤", None, id="no-intensity"),
    pytest.param("万元地区生产总值能耗", "%", None, id="its-rate-of-change-stays-percent"),
    pytest.param("万元以上项目", "个", None, id="threshold-not-intensity"),
]


@pytest.mark.parametrize(("metric", "unit", "expected"), PER_UNIT)
def test_per_unit(rules, metric, unit, expected):
    assert per_unit(metric, unit, rules) == expected


# ------------------------------------------------------------------ one search for "no rule of the role fires"


def test_a_search_skipped_by_its_literals_finds_what_the_rule_finds(rules):
    """Our rules skip a subject without the literals their matches need: the same answer on
    every clause and figure of the corpus, masked as the rules read them, searched, matched at
    its start or matched whole."""
    texts = [read_path(path).text for path in sorted(CORPORA.glob("*.txt"))]
    subjects = {piece for text in texts for line in text.splitlines() for piece in regex.split(r"[，。；]", line)}
    subjects |= {piece[:index] + "\ue000" + piece[index + 2 :] for piece in subjects for index in range(0, len(piece), 3)}
    skipping = [item for family in ("metrics", "kinds", "status") for item in compiled(field_rules(rules), family) if item.required]
    assert len(skipping) > 30
    for item in skipping:
        for subject in subjects:
            assert bool(item.search(subject)) == bool(item.pattern.search(subject)), (item.rule.id, subject)
            assert bool(item.match(subject)) == bool(item.pattern.match(subject)), (item.rule.id, subject)
            assert bool(item.fullmatch(subject)) == bool(item.pattern.fullmatch(subject)), (item.rule.id, subject)


def test_only_a_clause_with_a_rank_or_join_word_is_read_for_the_figure_before(rules, tmp_path):
    """The words before a figure are read against the figure before it only where they hold a
    word of a rank frame, a join or a base it is measured against, or an inner word `strip`
    drops (which could bring two such pieces together); a user's rule of those roles is always
    tried."""
    assert _may_build_on_previous("，稳居全省第", field_rules(rules)) and _may_build_on_previous("，占规上工业的", field_rules(rules))
    assert _may_build_on_previous("，完成预算的", field_rules(rules)) and _may_build_on_previous("工业实现", field_rules(rules))
    assert not _may_build_on_previous("全年粮食产量", field_rules(rules))
    user = [{"id": "user.rank", "role": "rank_frame", "pattern": "^名次$"}]
    (tmp_path / "metrics.yaml").write_text(yaml.safe_dump({"version": 1, "rules": user}, allow_unicode=True), encoding="utf-8")
    assert _may_build_on_previous("全年粮食产量", field_rules(load_rules((str(tmp_path),))))


def test_the_han_test_says_what_the_han_class_says():
    """`has_han` first looks for the CJK Unified Ideographs block with stdlib `re`: every one of
    them must be Han to `regex`, and a text with Han only elsewhere (an extension block, a
    compatibility ideograph) or none must get the same answer as `HAN` gives."""
    block = "".join(map(chr, range(0x4E00, 0xA000)))
    assert regex.fullmatch(r"\p{Han}+", block)
    for text in ["", "、", "GDP", "12.5%", "（2025）", "\u3400", "\U00020000", "\uf900", "〇", "々", "增长", "5G基站"]:
        assert has_han(text) == bool(regex.search(r"\p{Han}", text)), text


def test_a_sentence_finds_every_kind_word_it_holds(rules):
    """One search finds the longest word at a place: the words it begins with, and the words
    that start inside it, are there too (增长率 holds 增, 增长 and 率; 比上年多 holds 上年 and 多)."""
    text = "全年增长率为5%，比上年多3个。"
    sentence = (0, len(text))
    admitted = {cue.id for cue in _kind_cues_in(text, sentence, field_rules(rules))}
    assert {"kind.change.up", "kind.change.growth_after", "kind.change.added_since_base"} <= admitted
    assert {"kind.share.rate", "kind.change.more_than_base"} <= admitted
    assert "kind.level.gap" not in admitted and "kind.change.down" not in admitted


def test_the_kind_rules_a_sentence_leaves_out_fire_on_none_of_its_figures(rules):
    """A kind rule left out for a sentence finds nothing in the context or the text of any figure
    written in digits there, and the rules without a sentence test are always kept."""
    texts = [read_path(path).text for path in sorted(CORPORA.glob("*.txt"))]
    left_out = 0
    for text in texts:
        for sentence in TextUnits(text).sentences:
            admitted = _kind_cues_in(text, sentence, field_rules(rules))
            assert all(cue in admitted for cue in _kind_cues(field_rules(rules)) if cue.in_sentence is None)
            for quantity in _digit_figures(text, sentence):
                context = digit_context(text, sentence, quantity)
                read = {
                    "context": context,
                    "quantity": text[quantity[0] : quantity[1]],
                    "clause_before": _with_clause_before(text, sentence, quantity, context),
                }
                for cue in _kind_cues(field_rules(rules)):
                    if cue not in admitted:
                        left_out += 1
                        assert not cue.item.pattern.search(read[cue.reads]), (cue.id, text[sentence[0] : sentence[1]])
    assert left_out > 1000


def test_the_fields_of_a_figure_look_up_their_rules_without_hashing_the_rule_set(rules, monkeypatch):
    """A cached lookup keyed on a RuleSet calls its hash, Python code, and a figure made about 13:
    given the rules resolved once (`field_rules`, as the assembler passes them), the claim-field
    functions key their caches on those, by identity, and never hash the RuleSet."""
    fields = field_rules(rules)
    text = "全市实现地区生产总值1200亿元，增长6.5%，力争明年突破1300亿元。对新认定企业给予50万元奖励。"
    hashed = []
    monkeypatch.setattr(RuleSet, "__hash__", lambda self: hashed.append(self) or self._hash)
    figures = ("1200亿元", "6.5%", "1300亿元", "50万元")
    answers = []
    for figure in figures:
        sentence, span, others = _place(text, figure, tuple(other for other in figures if other != figure))
        metric, _ = metric_for(text, sentence, span, others, fields, subjects=("全市",))
        answers.append(
            (
                is_provision(text, sentence, span, fields)[0],
                without_subject(metric, ("全市",), fields),
                refers_back(metric, fields),
                per_unit(metric, "吨", fields),
                implied_unit(metric, fields),
                kind_for(text, sentence, span, _parsed(figure, "1", "%"), fields, metric)[0],
                status_for(text, sentence, span, None, fields)[0],
            )
        )
    assert hashed == []
    assert [answer[0] for answer in answers] == [False, False, False, True]
    assert [answer[6] for answer in answers[:3]] == ["actual", "actual", "target"]


def test_the_markers_a_sentence_leaves_out_are_found_nowhere_in_it(rules):
    """A status marker is searched in a sentence only when the sentence holds one of its words:
    one left out finds nothing there, in every sentence of the corpus. A marker that may see its
    word behind it, before the sentence starts (status.done: (?<=目前)完成), and one without words
    proved (status.will) are searched in every sentence."""
    fields = field_rules(rules)
    items = of_role(fields, "status", "marker")
    scan, untested = _marker_words(fields)
    ids = [item.rule.id for item in items]
    assert untested >> ids.index("status.done") & 1 and untested >> ids.index("status.will") & 1
    left_out = 0
    for path in sorted(CORPORA.glob("*.txt")):
        text = read_path(path).text
        for sentence in TextUnits(text).sentences:
            mask = untested | words_mask(scan, text, sentence[0], sentence[1])
            for order, item in enumerate(items):
                if not mask >> order & 1:
                    left_out += 1
                    assert not item.pattern.search(text, sentence[0], sentence[1]), (item.rule.id, text[sentence[0] : sentence[1]])
    assert left_out > 10000


def test_a_users_rule_is_searched_each_time(tmp_path):
    user = [{"id": "user.marker", "role": "marker", "pattern": "盼望"}]
    (tmp_path / "status.yaml").write_text(yaml.safe_dump({"version": 1, "rules": user}, allow_unicode=True), encoding="utf-8")
    with_user = load_rules((str(tmp_path),))
    assert [item.required for item in compiled(field_rules(with_user), "status") if item.rule.id == "user.marker"] == [None]


def test_our_provisions_and_status_markers_are_searched_as_one_pattern(rules):
    assert any_of_role(field_rules(rules), "status", "provision") is not None
    assert any_of_role(field_rules(rules), "status", "marker") is not None
    # and a clause without any of our provisions' words is none (给予最高…, 按…补助, 对…的…奖励)
    assert role_words(field_rules(rules), "status", "provision") is not None


def test_a_users_provision_and_marker_are_searched_alone_and_still_fire(tmp_path):
    user = [
        {"id": "user.provision", "role": "provision", "pattern": "补贴标准为{Q}"},
        {"id": "user.marker", "role": "marker", "pattern": "盼望"},
    ]
    (tmp_path / "status.yaml").write_text(yaml.safe_dump({"version": 1, "rules": user}, allow_unicode=True), encoding="utf-8")
    with_user = load_rules((str(tmp_path),))
    assert any_of_role(field_rules(with_user), "status", "provision") is None
    assert any_of_role(field_rules(with_user), "status", "marker") is None
    assert role_words(field_rules(with_user), "status", "provision") is None
    text = "补贴标准为500元。全年盼望新增企业12家。"
    sentence, span, _ = _place(text, "500元")
    assert is_provision(text, sentence, span, with_user) == (True, "user.provision")
    sentence, span, _ = _place(text, "12家")
    assert status_for(text, sentence, span, None, with_user) == ("target", "user.marker")


@pytest.mark.parametrize(
    "pattern",
    [pytest.param(r"(给予)\1?{Q}", id="groups"), pytest.param("(?i)给予{Q}", id="global-flags")],
)
def test_a_pattern_that_would_change_meaning_in_an_alternation_is_not_joined(pattern):
    rule = StatusRule(id="ours.provision", role="provision", pattern=pattern)
    ours = RuleSet(families={"status": (rule,)}, sources=(f"joined test {pattern}",), builtin=frozenset({("status", rule.id)}))
    assert any_of_role(field_rules(ours), "status", "provision") is None
    text = "给予200万元奖励。"
    sentence, span, _ = _place(text, "200万元")
    assert is_provision(text, sentence, span, ours) == (True, "ours.provision")


@pytest.mark.parametrize(
    ("text", "span", "quantity", "others", "expected"),
    [
        ("增长8.5%，", (0, 7), (2, 6), [], "增长\ue000，"),  # alone in its clause
        ("分别增长8.5%、10.2%", (0, 14), (9, 14), [(4, 8)], "分别增长\ue000"),  # a list before it, folded
        ("产值1,000亿元", (0, 3), (2, 9), [], "产值1"),  # a figure across the clause's end is not masked
        ("增长\ue001、8.5%", (0, 8), (4, 8), [], "增长\ue000"),  # the text's own mark folds as a list would
        ("产值5.2万元", (0, 7), (2, 7), [(2, 6)], "产值\ue000"),  # digits read inside the figure are no other
    ],
)
def test_masked_marks_the_figure_and_folds_lists(text, span, quantity, others, expected):
    assert masked(text, span, quantity, others) == expected


def _strip_trying_every_rule(candidate: str, rules, tails: bool = True) -> str:
    """`strip` as it was first written: every head and tail rule tried on every round, each
    on the candidate as the rules before it left it. Its gates must not change what it cuts."""
    heads = of_role(rules, "metrics", "strip_head")
    tail_rules = of_role(rules, "metrics", "strip_tail") if tails else ()
    previous = None
    while candidate != previous:
        previous = candidate
        stripped = candidate.strip(" \u3000\t、，,：:；;（）()")
        if "（" in stripped and stripped.count("（") > stripped.count("）"):
            end = candidate.find(stripped) + len(stripped)
            if candidate.startswith("）", end):
                stripped += "）"
        candidate = stripped
        quotes = {"“": "”", "‘": "’", "「": "」", '"': '"'}
        if candidate[:1] in quotes and quotes[candidate[0]] not in candidate[1:]:
            candidate = candidate[1:]
        for item in heads:
            match = item.pattern.match(candidate)
            if match and match.end() > 0:
                candidate = candidate[match.end() :]
        for item in tail_rules:
            match = item.pattern.search(candidate)
            if match and match.end() == len(candidate) and match.start() < len(candidate):
                candidate = candidate[: match.start()]
    for item in of_role(rules, "metrics", "drop_inner") + of_role(rules, "metrics", "drop_time"):
        candidate = item.pattern.sub("", candidate)
    return candidate


# Pieces of metric candidates (time, place, verb and link words, names, marks) to join at random.
STRIP_PIECES = [
    "2025年", "2024年末", "今年以来", "1-10月", "一季度", "全市", "本省", "该公司", "其中", "（一）",
    "累计", "实现", "完成", "达到", "同比", "增长", "下降", "比上年", "提高", "了", "为", "的", "中",
    "规上工业", "增加值", "营业收入", "民营企业", "龙头企业", "有限公司", "我们", "“", "”", " ", "，",
    "（", "）", "在", "新建", "的基础上", "位居", "全省", "前列", "等", "和", "于5月", "有", "约", "12",
    "高于全国", "目标", "任务", "普查时的", "由", "分别", "各县", "（市）", "（区）",
]


@pytest.mark.parametrize(
    "candidate",
    ["2025年全市规上工业增加值同比增长", "其中民营企业营业收入", "“我们今年完成了", "在全省新建", "（一）累计实现"],
)
def test_strip_cuts_what_trying_every_rule_cuts(candidate):
    rules = field_rules(load_rules())
    for tails in (True, False):
        assert strip.__wrapped__(candidate, rules, tails) == _strip_trying_every_rule(
            candidate, rules, tails
        )


@given(st.lists(st.sampled_from(STRIP_PIECES), max_size=10).map("".join))
def test_strip_gates_change_no_cut(candidate):
    rules = field_rules(load_rules())
    for tails in (True, False):
        assert strip.__wrapped__(candidate, rules, tails) == _strip_trying_every_rule(
            candidate, rules, tails
        )
