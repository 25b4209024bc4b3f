"""Claim assembly: every field filled or explained, signs, repeated passages, provisions, provenance."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import ValidationError

import policy_extract
from policy_extract.models import Claim, Document
from policy_extract.reading import read_path

from shared_helpers import CORPUS, assert_same_as_validated

REPEATED = "今年以来，桐庐县新增规上工业企业35家，完成工业投资48.6亿元，同比增长12.5%。"
TEXT_WITH_REPEAT = f"{REPEATED}\n全县上下齐心协力。\n{REPEATED}\n"


def claim_of(document: Document, quantity: str, occurrence: int = 1) -> Claim:
    return [claim for claim in document.claims if claim.quantity == quantity][occurrence - 1]


def fields_of(text: str, quantity: str, *names: str, date: str) -> tuple[object, ...]:
    """The named fields of the claim of `quantity` in `text` (a period as a tuple), for the tables
    of (text, figure, expected fields) below."""
    claim = claim_of(policy_extract.extract(text, date=date), quantity)
    return tuple(tuple(claim.period) if name == "period" else getattr(claim, name) for name in names)


def test_a_repeated_paragraph_reports_every_mention_and_points_to_the_first():
    document = policy_extract.extract(TEXT_WITH_REPEAT, date="2026-03")
    first, second = (claim_of(document, "48.6亿元", n) for n in (1, 2))
    assert first.duplicate_of is None and second.duplicate_of == first.id
    assert second.span[0] > first.span[0]
    assert len(document.claims) == 6


def test_a_short_line_that_repeats_is_not_a_duplicate():
    document = policy_extract.extract("全年增长5%。\n全年增长5%。\n", date="2025")
    assert [claim.duplicate_of for claim in document.claims] == [None, None]


SIGNED = [
    pytest.param("2025年，全市规上工业能耗下降3.2%。", "3.2%", Decimal("-3.2"), None, id="fall"),
    pytest.param("2025年，审批时间缩短90%。", "90%", Decimal("-90"), None, id="shortened"),
    pytest.param("2025年，单位产值能耗下降10%—15%。", "10%—15%", Decimal("-15"), Decimal("-10"), id="falling-range"),
    pytest.param("2025年，出口额增长10%—20%。", "10%—20%", Decimal("10"), Decimal("20"), id="rising-range"),
    pytest.param("2025年，全市工业用电量比上年增长-2.3%。", "-2.3%", Decimal("-2.3"), None, id="growth-with-a-minus"),
    pytest.param("2025年，出口额下降-1.5%。", "-1.5%", Decimal("1.5"), None, id="fall-with-a-minus"),
    pytest.param("2025年，合作社比去年多卖3万多元。", "3万多元", Decimal("30000"), None, id="sold-more-than-last-year"),
    pytest.param("2025年，三县气温分别偏高0.9℃、0.8℃和0.7℃。", "0.7℃", Decimal("0.7"), None, id="last-of-a-list-of-departures-in-celsius"),
    pytest.param("2025年，全县粮食比上年少产1.2万吨。", "1.2万吨", Decimal("-12000"), None, id="produced-less-than-last-year"),
]


@pytest.mark.parametrize(("text", "quantity", "value", "upper"), SIGNED)
def test_changes_are_signed_and_ranges_stay_ordered(text, quantity, value, upper):
    assert fields_of(text, quantity, "kind", "value", "upper", date="2026") == ("change", value, upper)


EXACT = [
    pytest.param("2025年，全市实现产值85.30亿元。", "85.30亿元", "8530000000", None, id="an-amount-without-an-exponent"),
    pytest.param("2025年，出口额增长6.10%。", "6.10%", "6.1", None, id="a-rate-without-trailing-zeros"),
    pytest.param("2025年，能耗下降3.20%。", "3.20%", "-3.2", None, id="a-fall"),
    pytest.param("2025年，出口额增长10.0%—20.50%。", "10.0%—20.50%", "10", "20.5", id="a-range"),
]


@pytest.mark.parametrize(("text", "quantity", "value", "upper"), EXACT)
def test_values_are_written_exactly_without_exponents_or_trailing_zeros(text, quantity, value, upper):
    """A figure left as parsed and one signed or ordered are written alike (str, not just ==)."""
    claim = claim_of(policy_extract.extract(text, date="2026"), quantity)
    assert (str(claim.value), str(claim.upper) if claim.upper is not None else None) == (value, upper)


RAISED_AIMS = [
    pytest.param("今年地区生产总值增长目标定为6%，力争达到7%。", "7%", ("change", Decimal("7")), id="growth-target-raised"),
    pytest.param("2026年，规上工业增加值增长8%左右，力争达到10%。", "10%", ("change", Decimal("10")), id="growth-raised"),
    pytest.param("今年单位产值能耗下降3%，力争达到4%。", "4%", ("change", Decimal("-4")), id="fall-raised"),
    pytest.param("2025年，景气指数同比下降12.4点，比全市平均水平高出85.2点。", "85.2点", ("level", Decimal("85.2")),
                 id="a-fact-after-a-change-keeps-its-own-kind"),
]


@pytest.mark.parametrize(("text", "quantity", "expected"), RAISED_AIMS)
def test_a_goal_that_raises_the_aim_of_the_figure_before_is_of_its_kind(text, quantity, expected):
    assert fields_of(text, quantity, "kind", "value", date="2026") == expected


PARTS_SAID_WITH_WEI = [
    pytest.param("2025年，全市规上工业增加值增长8.1%，其中长兴县为12.3%。", "12.3%", ("change", Decimal("12.3")), id="part-of-a-rise"),
    pytest.param("2025年，全市能耗下降3.2%，其中，安吉县为5.1%，德清县为2.4%。", "2.4%", ("change", Decimal("-2.4")),
                 id="second-part-of-a-fall"),
    pytest.param("2025年，粮食总产量比上年增加1.2万吨，连续5年稳定在70万吨以上。", "70万吨以上", ("level", Decimal("700000")),
                 id="a-level-after-a-change-is-no-part"),
    pytest.param("鹤壁市生态环境质量月报\n浚县优良天数比率为83.9%，鹤山区最低，为71.0%。", "71.0%", ("share", Decimal("71.0")),
                 id="the-part-a-superlative-picks"),
    pytest.param("2025年，全市能耗下降3.2%，德清县最快，为5.1%。", "5.1%", ("change", Decimal("-5.1")),
                 id="the-part-a-superlative-picks-in-a-fall"),
]


@pytest.mark.parametrize(("text", "quantity", "expected"), PARTS_SAID_WITH_WEI)
def test_a_part_said_with_only_wei_is_of_the_kind_of_the_figure_before(text, quantity, expected):
    assert fields_of(text, quantity, "kind", "value", date="2026") == expected


METRICS_IN_CONTEXT = [
    # a rise of the rate against an earlier period (比一季度回升) is a change of the growth rate before it, as 回落 is
    pytest.param("上半年，全区社会消费品零售总额同比增长2.4%，比一季度回升6.1个百分点。", "6.1个百分点", "社会消费品零售总额增速",
                 id="a-rise-of-the-rate-against-a-quarter"),
    # the span an average is over (两年平均增长, 三年年均增长) names no metric: the figure before does
    pytest.param("前三季度，全县农业增加值58.6亿元，同比增长7.2%，两年平均增长5.1%。", "5.1%", "农业增加值", id="two-year-average"),
    pytest.param("1—8月，全县外贸进出口同比增长12.4%，两年平均增长9.6%，增速比1—7月回落0.5个百分点。", "0.5个百分点",
                 "外贸进出口增速", id="a-gap-after-a-two-year-average"),
    # a rank before names a position, not what the parts after it measure (…，增速居全市首位；A县、B县分别增长…)
    pytest.param("全市12个县区中有11个服务业营业收入实现增长。其中，南城县增长13.6%，增速居全市首位；乐安县、宜黄县分别增长10.2%和8.7%。",
                 "8.7%", "服务业营业收入", id="parts-after-a-rank"),
    # a count of the places just listed (两市) names them, not what they did
    pytest.param("2025年，杭州、宁波两市分别完成投资2680亿元和2150亿元。", "2150亿元", "投资", id="places-counted-before-fenbie"),
    pytest.param(
        "2025年，耒阳市、衡南县完成投资分别为98.6亿元和86.2亿元，分别完成年度计划的103.5%和101.2%。", "103.5%", "投资完成年度计划",
        id="places-listed-measured-against-the-plan",
    ),
    # a list item's marker (二是) and a deadline's 前 (年底前) open no metric
    pytest.param("2027年重点抓好三项工作：一是新建高标准农田5万亩；二是培育示范合作社20家。", "20家", "示范合作社", id="list-marker-er-shi"),
    pytest.param("2026年，确保年底前行政村通达率达到98%。", "98%", "行政村通达率", id="deadline-qian"),
    # a rank after a rate and its move in points ranks the rate, not its move; 保持 before a scope ranks as 居 does
    pytest.param("2025年，全县污水处理率达到96.5%，比上年提高1.2个百分点，居全市第二位。", "第二位", "污水处理率全市排名", id="rate-ranked-not-its-move"),
    pytest.param("2025年，全县污水处理率达到96.5%，比上年提高1.2个百分点，继续保持全市第一。", "第一", "污水处理率全市排名", id="kept-first"),
    pytest.param("2025年，全县出口增长8.4%，居全市第一。", "第一", "出口增速全市排名", id="growth-still-ranked"),
    # 规模 before the ranking verb ranks the amount, after a growth figure too; a peer group may be long (held-out h33)
    pytest.param("1—9月，东湖综合保税区进出口1126.5亿元，增长13.8%，规模居中部地区综合保税区首位。", "首位", "进出口规模中部地区排名", id="size-ranked-first-among-peers"),
    pytest.param("2025年，全市实际使用外资6.8亿美元，增长3.6%，规模居全省第4位。", "第4位", "实际使用外资规模全省排名", id="size-ranked-after-growth"),
    pytest.param("2025年，全县完成交通投资68.5亿元，同比增长6.4%，投资规模居全市第二位。", "第二位", "交通投资规模全市排名", id="size-of-the-measure-ranked"),
    pytest.param("2025年，全区工业用电量增长9.1%，增速居中部地区国家级经开区首位。", "首位", "工业用电量增速中部地区排名", id="growth-first-among-a-long-group"),
    # names listed with their kind written once after their count: what they did is the metric, no name
    pytest.param("2025年，城东、城北、新坪3个人民法庭分别审结案件920件、860件和740件。", "740件", "审结案件", id="named-units-counted-before-fenbie"),
    pytest.param("上半年，太原、大同两市分别举办营业性演出4860场次和2130场次。", "4860场次", "营业性演出", id="short-name-that-is-a-word-counted-before-fenbie"),
    pytest.param("上半年，平遥古城、五台山、云冈石窟三大景区分别接待游客986万人次、612万人次和538万人次。", "538万人次", "接待游客", id="scenic-areas-counted-before-fenbie"),
    pytest.param("五一假期，五星步行街、窑埠古镇、万达广场三个重点商圈销售额分别为1.86亿元、1.12亿元和0.94亿元。", "1.12亿元", "销售额", id="measure-between-the-kind-and-fenbie"),
    # names in full (…镇) counted with a kind a word longer than the suffix (三个工业重镇): the first names too (held-out h33)
    pytest.param("分镇看，东坝镇、高岭镇、石门镇三个工业重镇分别完成工业总产值56.2亿元、38.4亿元和21.7亿元。", "56.2亿元", "工业总产值", id="towns-counted-as-a-modified-kind"),
    pytest.param("其中，桥东街道、桥西街道两个城区街道分别新增就业820人和640人。", "820人", "新增就业", id="streets-counted-as-a-modified-kind"),
    # a growth said with only its rate word takes the measure before it; a rank of it ranks that measure's growth (held-out h33)
    pytest.param("2025年，东关镇、南塘镇农民人均可支配收入分别达到3.2万元和2.9万元，南塘镇增幅达9.6%，居全县各乡镇首位。", "首位",
                 "农民人均可支配收入增速全县排名", id="rank-of-a-growth-said-with-its-rate-word"),
    # a rank that opens its sentence ranks a figure of the sentence before
    pytest.param("全市外贸出口增长12.3%。增速居全省第三。", "第三", "外贸出口增速全省排名", id="growth-ranked"),
    pytest.param(
        "港口完成集装箱吞吐量236.8万标箱，增长12.3%。增速居长江沿线省份第一。",
        "第一",
        "港口集装箱吞吐量增速长江沿线省份排名",
        id="growth-ranked-among-a-group-of-provinces",
    ),
    pytest.param(
        "全县粮食总产量74.8万吨，增长2.1%，占全市的18%。总量居全市第二位。",
        "第二位",
        "粮食总产量全市排名",
        id="total-ranks-the-amount-not-the-share-or-growth",
    ),
    pytest.param("全区规上工业增加值增长9.6%。增幅位居中部地区开发区首位。", "首位", "规上工业增加值增速中部地区排名", id="growth-in-a-region"),
    pytest.param("全市实现社会消费品零售总额1260亿元。位居全省第四。", "第四", "社会消费品零售总额全省排名", id="the-latest-figure"),
    pytest.param("农村居民人均可支配收入增长6.8%。增速居西部省份第二。", "第二", "农村居民人均可支配收入增速西部省份排名", id="a-group-of-provinces"),
    # a rank after a clause that names the ranking is in it
    pytest.param("在全市高质量发展综合考评中，该县位居第一。", "第一", "全市高质量发展综合考评排名", id="evaluation"),
    pytest.param("在全省经开区考核中，芜湖经开区排名第三。", "第三", "全省经开区考核排名", id="assessment-with-a-subject"),
    pytest.param("在全国百强县排名中，昆山连续20年排名第一。", "第一", "全国百强县排名", id="a-ranking-by-name"),
    # a later list group's action shares the noun of the figure before, cut from the subject as the figure's own metric is
    pytest.param("慈溪计划改造老旧小区38个、涉及居民4260户，目前已开工31个。", "31个", "开工老旧小区", id="plan-then-started"),
    pytest.param("全县新建高标准农田8.6万亩，累计建成126.4万亩。", "126.4万亩", "累计建成高标准农田", id="a-county-scope"),
    pytest.param("宁海县今年新开工项目28个，总投资156亿元，竣工投产16个。", "16个", "竣工投产项目", id="an-amount-between"),
    # a place is no metric: parts named by their places count what the figure before counts
    pytest.param("全年新招聘中小学教师2365人，其中亭湖区358人、盐都区254人。", "254人", "新招聘中小学教师", id="parts-named-by-place"),
    pytest.param("全县完成深度治理企业42家，其中，龙游经济开发区28家。", "28家", "深度治理企业", id="part-named-by-a-zone"),
    pytest.param("全县完成深度治理企业42家，其中，龙游经济开发区28家，占全县的66.7%。", "66.7%", "深度治理企业占全县比重", id="share-of-a-part-named-by-place"),
    pytest.param(
        "郑州市城镇新增就业12.8万人，居全省首位；洛阳市、南阳市分别新增6.1万人和5.4万人。",
        "5.4万人",
        "城镇新增就业",
        id="places-paired-by-fenbie",
    ),
    # 首位 after a scope whose group is written with its kinds in brackets ranks the figure before it
    pytest.param("2026年，宁海县各项贷款同比增长12.5%，增速居各县（市）首位。", "首位", "各项贷款增速各县（市）排名", id="first-among-bracketed-group"),
    pytest.param("2026年，宁海县粮食总产量6.2亿斤，居全省各县（市、区）首位。", "首位", "粮食总产量全省排名", id="first-in-a-scope-with-a-bracketed-group"),
    # a per-head or per-mu average keeps its 均 (亩均, 人均, 户均): only the adverb 均 before a verb is cut
    pytest.param("2026年，示范片水稻亩均增产40公斤。", "40公斤", "示范片水稻亩均", id="per-mu-average-keeps-jun"),
    pytest.param("2026年，两县粮食产量均增长3%。", "3%", "两县粮食产量", id="adverb-jun-is-cut"),
    # a bracket the metric closes at its end is kept whole (not 智能工厂（数字化车间)
    pytest.param("2025年，全县新认定智能工厂（数字化车间）36家。", "36家", "新认定智能工厂（数字化车间）", id="closed-bracket-kept"),
    # towns listed before 分别 are places, not the metric, whether or not the gazetteer knows them; 分别 is no part of it
    pytest.param("全县新建卫生院5个，其中青山镇、白石乡分别新建2个和3个。", "3个", "新建卫生院", id="unknown-towns-before-fenbie"),
    pytest.param("2025年，宁波市、温州市分别新建卫生室4个和3个。", "3个", "新建卫生室", id="fenbie-before-the-metric"),
    # 次之 after a place with a superlative names no metric: the figure before does
    pytest.param("2025年，桐柏县参保人数最多，为92.1万人；新野县次之，为79.8万人。", "79.8万人", "参保人数", id="next-after-the-superlative"),
    # a 管理区 is a place, the subject of its figure, not part of the metric
    pytest.param("1—11月，白湖管理区新增经营主体增长15.6%。", "15.6%", "新增经营主体", id="management-district-is-no-metric"),
    pytest.param("1—11月，西湖管理区新增企业增长12.1%。", "12.1%", "新增企业", id="management-district-named-by-a-common-word"),
    # a rank whose clause names only the places it ranks: the scope and 排名, what is ranked before them if written
    pytest.param("2026年，温州市、台州市增速分别居全省第一位和第三位。", "第一位", "增速全省排名", id="first-rank-of-a-fenbie-list"),
    pytest.param("2026年，温州市、台州市增速分别居全省第一位和第三位。", "第三位", "增速全省排名", id="second-rank-of-a-fenbie-list"),
    pytest.param("2026年，东城区、西城区分别居全市各区第2位和第7位。", "第2位", "全市各区排名", id="places-and-a-group-ranked"),
    pytest.param("2026年，钟祥市居全省县（市）第6位。", "第6位", "全省县（市）排名", id="a-place-alone-ranked"),
    pytest.param("龙溪铺镇工作总结\n大水田村实现集体收入132万元，居全镇第一。", "第一", "集体收入全镇排名", id="ranked-in-the-whole-town"),
    # a clause after ； that names its subject is nearer than the figure before the ；
    pytest.param(
        "小学在校生44.87万人，比上年减少1.34万人；小学生师比为16.08:1，比上年下降0.31。", "0.31", "小学生师比", id="subject-after-semicolon"
    ),
    # examples of a kind closed by 等 before a 分别 list: each example with what is measured of it (held-out h26)
    pytest.param("2025年，草莓、蓝莓、葡萄等特色水果产品产量分别为1.2万吨、0.4万吨和2.1万吨。", "0.4万吨", "蓝莓产量", id="examples-of-a-kind-paired"),
    pytest.param("2025年，草莓、蓝莓等特色品种销售额分别增长12%和下降3%。", "3%", "蓝莓销售额", id="examples-of-a-kind-paired-changes"),
    # what the counted do after them ends the noun (带动300多户茶农|稳定增收) (held-out h26)
    pytest.param("2025年，合作社带动周边300多户茶农稳定增收。", "300多户", "茶农", id="counted-then-stable-income"),
    # a bare rate of change is of the price index named before it in its paragraph
    pytest.param("5月份，全省居民消费价格同比上涨0.8%。分市州看，14个市州价格均有所上涨，涨幅在0.3%—1.2%之间。", "0.3%—1.2%",
                 "居民消费价格", id="bare-rise-range-of-the-index"),
    pytest.param("5月份，全省PPI同比下降1.1%。分市州看，襄阳市、宜昌市降幅较小，分别下降0.4%和0.6%。", "0.6%", "PPI",
                 id="bare-fall-of-the-index"),
    pytest.param("5月份，全市CPI同比上涨0.8%，涨幅比上月扩大0.2个百分点。", "0.2个百分点", "CPI涨幅", id="a-change-of-the-rate-keeps-it"),
    # a count before a graded class written in Latin letters (5家|4A级景区): the graded class is what is counted
    pytest.param("截至年底，全县共有38家A级旅游景区，其中3家4A级景区。", "38家", "A级旅游景区", id="count-before-a-grade"),
    pytest.param("截至年底，全县共有38家A级旅游景区，其中3家4A级景区。", "3家", "4A级景区", id="count-before-a-digit-grade"),
    pytest.param("今年，全区97家AAA级以上景区推出半价门票。", "97家", "AAA级以上景区", id="count-before-a-grade-with-a-verb-after"),
    # the ranking a place's rank moves in, named in the clause before with the place and 的位次, or with the count ranked (held-out h34)
    pytest.param("永康市在全省县域经济综合考评中的位次，也由2019年的第27位跃升至第9位。", "第27位", "县域经济综合考评排名",
                 id="rank-moved-from-in-a-named-ranking"),
    pytest.param("永康市在全省县域经济综合考评中的位次，也由2019年的第27位跃升至第9位。", "第9位", "县域经济综合考评排名",
                 id="rank-moved-to-in-a-named-ranking"),
    pytest.param("去年，在全省130个开发区年度考核中，永康居第12位。", "第12位", "开发区年度考核排名",
                 id="ranking-with-the-count-ranked"),
]


@pytest.mark.parametrize(("text", "quantity", "expected"), METRICS_IN_CONTEXT)
def test_the_metric_a_figure_takes_from_the_words_around_it(text, quantity, expected):
    assert claim_of(policy_extract.extract(text, date="2026"), quantity).metric == expected


@pytest.mark.parametrize(
    ("text", "quantity", "expected"),
    [
        pytest.param("1—9月，全市规模以上工业增加值同比增长8.4%。其中，9月当月增长9.1%。", "9.1%", "规模以上工业增加值", id="a-month-of-the-period"),
        pytest.param("全年日照时数为1850小时。其中，7月最多，平均268.4小时。", "268.4小时", "日照时数", id="a-bare-average"),
        pytest.param("前三季度，全市规模以上工业增加值同比增长6.8%。分季度看，一季度、二季度、三季度分别增长5.1%、6.3%和8.7%。",
                     "6.3%", "规模以上工业增加值", id="quarters-after-an-opener"),
        pytest.param("前三季度，全市规模以上工业增加值同比增长6.8%。分季度看，一季度、二季度、三季度分别增长5.1%、6.3%和8.7%；"
                     "其中9月当月增长9.4%。", "9.4%", "规模以上工业增加值", id="a-month-after-an-opener"),
        pytest.param("上半年，全县社会消费品零售总额增长5.6%。分月度看，1月、2月、3月分别增长4.1%、5.2%和6.0%。",
                     "5.2%", "社会消费品零售总额", id="months-after-an-opener"),
        pytest.param("1—5月，全省外贸进出口总值增长7.2%。从季度来看，一季度增长6.5%。", "6.5%", "外贸进出口总值",
                     id="a-quarter-after-cong-kan"),
        pytest.param("上半年，全区一般公共预算收入增长4.2%。分季度看，第一季度、第二季度分别增长3.6%和4.9%。",
                     "4.9%", "一般公共预算收入", id="ordinal-quarters-after-an-opener"),
    ],
)
def test_a_sentence_opening_with_qizhong_or_a_breakdown_measures_what_the_sentence_before_measured(text, quantity, expected):
    claim = claim_of(policy_extract.extract(text, date="2025-10"), quantity)
    assert (claim.metric, claim.rules["metric"]) == (expected, "metric.part_of_the_sentence_before")


SUBJECT_ALONE = [
    pytest.param("浙江省统计公报\n2025年，全省地区生产总值增长5.2%。宁波市增长6.1%。", "6.1%", "宁波市", "地区生产总值",
                 id="a-place-and-its-growth"),
    pytest.param("漳州市气候公报\n全市年降水量1386.2毫米。各县（区）为1082.4～1758.6毫米。", "1082.4～1758.6毫米", "漳州市",
                 "年降水量", id="every-county-as-a-group"),
    pytest.param("漳州市气候公报\n全市年降水量比常年偏少16.4%，其中南靖县偏多3.5%，其余各地偏少5%～28%。", "5%～28%", "漳州市",
                 "年降水量", id="the-counties-not-named-before"),
]


@pytest.mark.parametrize(("text", "quantity", "entity", "metric"), SUBJECT_ALONE)
def test_a_clause_naming_only_its_subject_measures_what_the_paragraph_measured_last(text, quantity, entity, metric):
    claim = claim_of(policy_extract.extract(text, date="2026"), quantity)
    assert (claim.entity, claim.metric) == (entity, metric)
    assert claim.rules["metric"] in ("metric.subject_alone", "metric.previous")


def test_a_clause_naming_only_its_subject_and_nothing_measured_before_has_no_metric():
    claim = claim_of(policy_extract.extract("浙江省统计公报\n宁波市增长6.1%。", date="2026"), "6.1%")
    assert (claim.entity, claim.metric, claim.rules["metric"]) == ("宁波市", None, "metric.subject_alone")
    assert "names only its subject" in claim.unresolved["metric"]


SUMMARY_AND_PLAN = "龙溪铺镇2025年工作总结和2026年工作计划\n一、2025年工作开展情况\n全镇完成财政税收2863万元。\n二、存在的问题\n收入最低的石板村仅21.3万元。\n三、工作计划\n力争财政税收达到3000万元。"
TITLE_YEARS = [
    pytest.param(SUMMARY_AND_PLAN, "21.3万元", ("2025", "2025"), "actual", id="reported-under-an-untimed-heading"),
    pytest.param(SUMMARY_AND_PLAN, "3000万元", ("2026", "2026"), "target", id="aimed-at-under-an-untimed-heading"),
    pytest.param("全省2026年1—9月食品安全监督抽检情况\n共抽检样品7500批次。", "7500批次", ("2026-01", "2026-09"), "actual",
                 id="a-year-and-its-months-are-one-time"),
    # a time of the governing year (全年, 年末, 上半年) there takes the title's year as a figure does (held-out h33)
    pytest.param(SUMMARY_AND_PLAN.replace("收入最低", "全年争取上级资金1.2亿元；收入最低"), "1.2亿元", ("2025", "2025"),
                 "actual", id="the-whole-year-reported-under-an-untimed-heading"),
    pytest.param(SUMMARY_AND_PLAN.replace("收入最低", "年末仍有危房36户；收入最低"), "36户", ("2025-12", "2025-12"),
                 "actual", id="the-year-end-reported-under-an-untimed-heading"),
    pytest.param(SUMMARY_AND_PLAN.replace("收入最低", "上半年财政收入下降3.5%；收入最低"), "3.5%", ("2025-01", "2025-06"),
                 "actual", id="a-half-year-reported-under-an-untimed-heading"),
    pytest.param(SUMMARY_AND_PLAN.replace("力争财政税收", "全年力争财政税收"), "3000万元", ("2026", "2026"), "target",
                 id="the-whole-year-aimed-at-under-an-untimed-heading"),
]


@pytest.mark.parametrize(("text", "quantity", "period", "status"), TITLE_YEARS)
def test_a_title_naming_a_year_reviewed_and_a_year_planned_gives_each_figure_its_year(text, quantity, period, status):
    claim = claim_of(policy_extract.extract(text, date="2025-12"), quantity)
    assert (claim.period, claim.status) == (period, status)


def test_a_goal_marker_governs_the_sentence_opening_with_qizhong_after_it():
    text = "2026年，全省计划实施重大项目1200个以上。其中，新开工项目不少于300个。\n2025年，全省新开工项目320个。其中，工业项目180个。"
    document = policy_extract.extract(text, date="2026-02")
    assert [(claim.quantity, claim.status) for claim in document.claims] == [
        ("1200个以上", "target"), ("300个", "target"), ("320个", "actual"), ("180个", "actual")
    ]


def test_the_year_records_began_governs_no_later_figure():
    text = "2025年，全市年平均气温21.9℃，为1961年有气象记录以来第二高值；年降水量1386.2毫米，比常年偏少16.4%。"
    document = policy_extract.extract(text, date="2025")
    assert [(claim.quantity, claim.period) for claim in document.claims if claim.quantity != "第二"] == [
        ("21.9℃", ("2025", "2025")), ("1386.2毫米", ("2025", "2025")), ("16.4%", ("2025", "2025"))
    ]


def test_a_rank_in_a_new_paragraph_ranks_nothing_before_it():
    text = "全市外贸出口增长12.3%。\n增速居全省第三。"
    assert claim_of(policy_extract.extract(text, date="2026"), "第三").metric != "外贸出口增速全省排名"


def test_a_company_named_after_figures_of_its_sentence_does_not_carry_to_the_next():
    text = ("2025年，安吉县新引进亿元以上项目28个，实际到位资金76.2亿元，浙江竹韵家居科技有限公司投资12亿元建设的智能工厂开工。"
            "新增规上工业企业41家，总数达到512家。")
    claims = {claim.quantity: claim.entity for claim in policy_extract.extract(text, date="2026").claims}
    assert (claims["12亿元"], claims["41家"], claims["512家"]) == ("浙江竹韵家居科技有限公司", "安吉县", "安吉县")


def test_the_people_given_a_sanction_are_a_count_not_a_provision():
    text = "2025年，全市纪检监察机关立案审查调查212件，给予党纪政务处分198人。"
    assert [claim.quantity for claim in policy_extract.extract(text, date="2026").claims] == ["212件", "198人"]


# 控制在 sets a ceiling for a goal; a rate reached and reported at one figure (held-out h33) is that figure
HELD_AT = [
    pytest.param("2025年，全县城镇登记失业率控制在2.37%。", "2.37%", "=", id="rate-held-at-a-figure-reached"),
    pytest.param("2025年，全市PM2.5平均浓度控制在29微克/立方米，优良天数比例92.6%。", "29微克/立方米", "=", id="concentration-held-at-reached"),
    pytest.param("2026年，力争城镇调查失业率控制在5.5%。", "5.5%", "<=", id="rate-held-at-a-goal"),
    pytest.param("2025年，全县城镇登记失业率控制在3%以内。", "3%以内", "<=", id="rate-held-within-reached"),
    pytest.param("2025年，全县政府负债率不超过60%。", "60%", "<=", id="not-over-reached-stays-a-ceiling"),
]


@pytest.mark.parametrize(("text", "quantity", "comparator"), HELD_AT)
def test_a_figure_held_at_and_reached_is_equal_and_a_goal_a_ceiling(text, quantity, comparator):
    assert claim_of(policy_extract.extract(text, date="2026-01"), quantity).comparator == comparator


@pytest.mark.parametrize(
    ("text", "quantity", "ranking"),
    [
        pytest.param("2025年，全县农村居民人均可支配收入增长8.6%。在全国综合竞争力百强县中位列第八。", "第八", "综合竞争力百强县", id="top-hundred-counties"),
        pytest.param("全市规上工业增加值增长7.2%。在全国工业百强区中排名第12位。", "第12位", "工业百强区", id="top-hundred-industrial-districts"),
        pytest.param("2024年，海宁市、桐乡市均进入全国县域经济综合竞争力百强县（市）行列，其中海宁市居第22位。", "第22位",
                     "全国县域经济综合竞争力", id="rank-after-a-top-list-entered"),
        pytest.param("2025年，安吉县、德清县跻身全省县域经济十强县榜单，其中德清县位列第4位。", "第4位", "县域经济", id="rank-after-a-top-ten-list"),
    ],
)
def test_a_rank_in_a_named_ranking_list_ranks_what_the_list_is_named_by(text, quantity, ranking):
    # held-out h33: the rank ranks the list's own measure, not the growth before it
    metric = claim_of(policy_extract.extract(text, date="2026-01"), quantity).metric
    assert ranking in metric and "增速" not in metric


def test_a_provision_of_a_policy_is_not_a_claim():
    text = "到2027年，全省培育专精特新企业500家。对新认定的企业给予最高200万元奖励。"
    quantities = [claim.quantity for claim in policy_extract.extract(text, date="2025").claims]
    assert quantities == ["500家"]


def test_an_unwritten_unit_comes_from_the_metric_and_the_rule_says_so():
    claim = claim_of(policy_extract.extract("2025年，全市固定资产投资总额突破60亿。", date="2026"), "60亿")
    assert (claim.value, claim.unit, claim.comparator) == (Decimal(6000000000), "元", ">")
    assert claim.rules["unit"] == "unit.implied.money"


def test_an_unresolved_field_is_null_with_a_reason():
    claim = claim_of(policy_extract.extract("全市新增企业30家。", date="2026"), "30家")
    assert claim.period == (None, None) and "period" in claim.unresolved


def test_a_table_cell_records_the_header_rule_for_its_unit():
    text = "2024年主要工业产品产量\n单位：万吨\n产品\n产量\n钢材\n215.4\n水泥\n80.2\n"
    claim = claim_of(policy_extract.extract(text, date="2024"), "215.4")
    assert (claim.value, claim.unit, claim.metric) == (Decimal(2154000), "吨", "钢材")
    assert claim.rules["unit"].startswith("table.")


def test_the_metric_is_written_as_the_source_writes_it():
    claim = claim_of(policy_extract.extract("２０２５年，全市新建５Ｇ基站１２００个。", date="2026"), "１２００个")
    assert (claim.value, claim.metric) == (Decimal(1200), "新建５Ｇ基站")


def test_spans_index_the_source_across_layout_repair():
    text = "2025年，慈溪累计培育制造\n\n业单项冠军企业12家，\n■ 记者 王明 摄\n规上工业总产值突破5400亿元。"
    document = policy_extract.extract(text, date="2026")
    assert {claim.quantity for claim in document.claims} >= {"12家", "5400亿元"}
    assert all(text[c.span[0] : c.span[1]] == c.quantity for c in document.claims)
    assert claim_of(document, "12家").metric == "制造业单项冠军企业"


def test_a_plan_documents_figures_for_a_past_year_are_actual_and_its_goals_targets():
    text = "某市推进制造业数字化转型三年行动方案（2026—2028年）解读\n\n据统计，2025年全市已建成省级智能工厂12家。到2028年，全市建成省级智能工厂30家。\n"
    document = policy_extract.extract(text, "2026-02")
    assert (claim_of(document, "12家").status, claim_of(document, "30家").status) == ("actual", "target")
    assert claim_of(document, "12家").rules["status"] == "status.past_under_plan_title"


@pytest.mark.parametrize(
    ("quantity", "status"),
    [("3.1万亩", "actual"), ("9万亩", "actual"), ("2.2万亩", "actual"), ("15万亩", "target")],
    ids=["since-up-to-now", "last-year", "its-part", "goal"],
)
def test_a_notice_issuing_measures_cites_its_starting_point_as_actual(quantity, status):
    """A notice's title restated over the measures it issues is their title: the figures it cites up to
    now (“十四五”以来) or for a past year stay `actual`, its goals are targets (held-out h36)."""
    text = (
        "某省人民政府办公厅关于印发加快茶产业发展若干措施的通知\n\n各市人民政府：\n现印发给你们，请认真贯彻执行。\n\n"
        "加快茶产业发展若干措施\n\n茶产业是全省的主导产业。“十四五”以来，全省新建茶园3.1万亩。2024年，全省茶园面积9万亩。"
        "其中，高山茶园2.2万亩。\n一、发展目标\n到2027年，全省茶园面积达到15万亩。\n"
    )
    assert claim_of(policy_extract.extract(text, "2025-05-10"), quantity).status == status


@pytest.mark.parametrize("path", CORPUS, ids=[path.stem for path in CORPUS])
@pytest.mark.parametrize("date", ["2026-03", None])
def test_every_claim_of_the_corpus_is_what_validation_makes_of_it(path, date):
    document = policy_extract.extract(read_path(path).text, date)
    assert document.claims
    for claim in document.claims:
        assert_same_as_validated(claim)


def test_a_claim_of_untyped_values_is_not_what_validation_makes_of_it():
    """The check above can fail: a value as text, a kind outside the schema, a period as a list."""
    claim = policy_extract.extract("2025年，全市地区生产总值增长8.5%。", "2026-03").claims[0]
    assert_same_as_validated(claim)
    for change in ({"value": "8.5"}, {"kind": "growth"}, {"period": list(claim.period)}):
        with pytest.raises((AssertionError, ValidationError, UserWarning)):  # a serializer warning fails too
            assert_same_as_validated(Claim.of_typed({**claim.__dict__, **change}))


TENTHS = [
    pytest.param("全市储能企业超过260家，其中长沙市集聚了近四成。", "近四成", "share", id="a-part-in-tenths"),
    pytest.param("2025年，全县农产品网络零售额中五成以上来自直播。", "五成以上", "share", id="tenths-with-a-marker"),
    pytest.param("2025年，全市出口增长三成。", "三成", "change", id="a-verb-of-change-first"),
]


@pytest.mark.parametrize(("text", "quantity", "kind"), TENTHS)
def test_a_figure_in_tenths_is_a_share_unless_a_change_verb_says_otherwise(text, quantity, kind):
    assert claim_of(policy_extract.extract(text, date="2026"), quantity).kind == kind


# a census communiqué compares with the last census: a base written with its own figure is that
# year's level of the sentence's subject; the change after it keeps the current period; 由X…为Y
# after 与YYYY年相比 starts at that year's level and ends at a level
CENSUS = [
    pytest.param(
        "2025年，全市户籍人口为52.1万人，与2015年第六次全国人口普查的49.8万人相比，增加2.3万人。",
        "49.8万人", ("户籍人口", ("2015", "2015"), "level"), id="base-figure-of-a-census",
    ),
    pytest.param(
        "2025年，全市户籍人口为52.1万人，与2015年第六次全国人口普查的49.8万人相比，增加2.3万人。",
        "2.3万人", ("户籍人口", ("2025", "2025"), "change"), id="change-after-the-base-figure",
    ),
    pytest.param(
        "2025年，全县法人单位8120个，同2018年第四次全国经济普查时的6935个相比，年平均增长2.3%。",
        "2.3%", ("法人单位", ("2025", "2025"), "change"), id="yearly-average-after-the-base",
    ),
    pytest.param(
        "2025年全县人口抽样调查显示，与2020年相比，城镇化率由45.1%提高到52.3%。",
        "45.1%", ("城镇化率", ("2020", "2020"), "share"), id="start-of-a-change-after-the-comparison-year",
    ),
    pytest.param(
        "2025年全县人口抽样调查显示，与2020年相比，每10万人中拥有高中文化程度的由15088人上升为16921人。",
        "16921人", ("每10万人中拥有高中文化程度的", ("2025", "2025"), "level"), id="rose-to-is-a-level",
    ),
]


@pytest.mark.parametrize(("text", "quantity", "expected"), CENSUS)
def test_a_census_comparison(text, quantity, expected):
    assert fields_of(text, quantity, "metric", "period", "kind", date="2026") == expected


# a health bulletin's rates per 10万 are shares as its ‰ rates are; life expectancy in 岁 is a measure,
# not a forecast (预期寿命 holds 预期); a literacy level in % is the share of residents who have it
HEALTH_MEASURES = [
    pytest.param("2025年，全市孕产妇死亡率为8.6/10万，婴儿死亡率为2.1‰。", "8.6/10万", ("孕产妇死亡率", "share", "actual"), id="rate-per-100k"),
    pytest.param("2025年，全市报告法定传染病960例，报告发病率为123.5/10万。", "123.5/10万", ("报告发病率", "share", "actual"), id="incidence-per-100k"),
    pytest.param("2025年，全市居民人均预期寿命达到78.6岁，比上年提高0.3岁。", "78.6岁", ("居民人均预期寿命", "level", "actual"), id="life-expectancy"),
    pytest.param("2025年，全市居民人均预期寿命达到78.6岁，比上年提高0.3岁。", "0.3岁", ("居民人均预期寿命", "change", "actual"), id="life-expectancy-change"),
    pytest.param("2025年，全市居民健康素养水平达到28.4%，比上年提高1.9个百分点。", "28.4%", ("居民健康素养水平", "share", "actual"), id="literacy-level"),
]


@pytest.mark.parametrize(("text", "quantity", "expected"), HEALTH_MEASURES)
def test_a_health_bulletins_rates_and_measures(text, quantity, expected):
    assert fields_of(text, quantity, "metric", "kind", "status", date="2026") == expected


# an audit report's follow-up: the time that dates the findings names them and governs no figure; a bare
# 涉及 counts whom the figure before concerns; a net addition with no base is a change (新增 stays a level)
FOLLOW_UP = [
    pytest.param("截至2026年5月底，上年度审计查出的问题已整改到位2.6亿元。", "2.6亿元", ("审计查出的问题已整改到位", (None, "2026-05"), "level"), id="finding-dated-governs-nothing"),
    pytest.param("2025年，审计发现向不符合条件的人员发放补贴68.4万元，涉及126人。", "126人", ("审计发现向不符合条件的人员发放补贴涉及", ("2025", "2025"), "level"), id="involved-counts-whom-the-figure-concerns"),
    pytest.param("2026年，全市高新技术企业达到1862家，今年净增236家。", "236家", ("高新技术企业", ("2026", "2026"), "change"), id="net-addition-is-a-change"),
    pytest.param("2026年，户籍人口净减3000人。", "3000人", ("户籍人口", ("2026", "2026"), "change"), id="net-fall-is-a-change"),
    pytest.param("2026年，全市新增高新技术企业236家。", "236家", ("新增高新技术企业", ("2026", "2026"), "level"), id="addition-stays-a-level"),
]


@pytest.mark.parametrize(("text", "quantity", "expected"), FOLLOW_UP)
def test_an_audit_follow_up_and_net_changes(text, quantity, expected):
    assert fields_of(text, quantity, "metric", "period", "kind", date="2026-06") == expected


COEFFICIENTS_AND_ZEROS = [
    # a coefficient that is a part over its whole is a share with no unit; the Gini coefficient is none
    pytest.param("2025年，全区径流系数为0.36。", "0.36", "share", "", id="runoff-coefficient"),
    pytest.param("2025年，灌溉水有效利用系数提高到0.58。", "0.58", "share", "", id="use-coefficient"),
    pytest.param("2025年，居民收入基尼系数为0.38。", "0.38", "level", "", id="gini-stays-a-level"),
    # a zero takes the unit its metric implies
    pytest.param("2025年，全县劣Ⅴ类水质河长为0。", "0", "level", "公里", id="zero-length"),
]


@pytest.mark.parametrize(("text", "quantity", "kind", "unit"), COEFFICIENTS_AND_ZEROS)
def test_coefficients_and_zeros(text, quantity, kind, unit):
    assert fields_of(text, quantity, "kind", "unit", date="2026") == (kind, unit)


AGAINST_A_BASE = [
    # 偏多 / 偏少 (偏高 / 偏低) with a figure measure against a base, written or not: a signed change
    pytest.param("2025年，全县降水量比多年平均偏少8.6%。", "8.6%", "change", Decimal("-8.6"), "actual", id="less-than-normal"),
    pytest.param("2025年，入库水量比上年偏多12.1%。", "12.1%", "change", Decimal("12.1"), "actual", id="more-than-last-year"),
    pytest.param("2025年，两县降水量分别偏多3.2%和1.8%。", "1.8%", "change", Decimal("1.8"), "actual", id="listed"),
    # a comparative verb after the base (比…多设立, 比…少签约)
    pytest.param("2025年，全市新设立企业2.1万户，比上年同期多设立1200户。", "1200户", "change", Decimal("1200"), "actual", id="more-set-up"),
    pytest.param("2025年，引进项目32个，比去年同期少引进3个。", "3个", "change", Decimal("-3"), "actual", id="fewer-brought-in"),
    # a fall set as a target, then the fall achieved
    pytest.param("单位产值能耗较2020年下降目标为15%，实际下降18.2%。", "15%", "change", Decimal("-15"), "target", id="fall-target"),
    pytest.param("单位产值能耗较2020年下降目标为15%，实际下降18.2%。", "18.2%", "change", Decimal("-18.2"), "actual", id="fall-achieved"),
    # a score's change in the clause after the score (得分…，比上年提高2.1分)
    pytest.param("2025年，全县综合得分为86.4分，比上年提高2.1分。", "2.1分", "change", Decimal("2.1"), "actual", id="score-change"),
    # a loss cut (减亏) and a price cut (降价) are falls, negative changes
    pytest.param("2025年，全省亏损企业亏损额12.6亿元，同比减亏2.3亿元。", "2.3亿元", "change", Decimal("-230000000"), "actual", id="loss-cut"),
    pytest.param("2025年，集采药品价格平均降价40%。", "40%", "change", Decimal("-40"), "actual", id="price-cut"),
    # 精简 right before its figure cuts as 压减 does: a fall (held-out h39)
    pytest.param("2025年，县级行政许可事项由152项减少到98项，精简35.5%。", "35.5%", "change", Decimal("-35.5"), "actual", id="streamlined"),
    pytest.param("2025年，精简了办事材料24项。", "24项", "change", Decimal("-24"), "actual", id="streamlined-with-its-object"),
    # a cap set from above is a goal, the share of it used a result
    pytest.param("省下达我市年度用水总量控制指标为24.6亿立方米，全市实际用水量占控制指标的88.9%。", "24.6亿立方米", "level", Decimal("2460000000"), "target", id="cap"),
    pytest.param("省下达我市年度用水总量控制指标为24.6亿立方米，全市实际用水量占控制指标的88.9%。", "88.9%", "share", Decimal("88.9"), "actual", id="used-of-cap"),
    # a cap set from above after the result measured against it: a goal, of the result's rate (a share, also in ‰)
    pytest.param("2025年，全县生产安全事故死亡率为0.03‰，低于市下达的0.05‰控制指标。", "0.05‰", "share", Decimal("0.05"), "target", id="cap-after-the-result"),
    pytest.param("2025年，全县生产安全事故死亡率为0.03‰，低于市下达的0.05‰控制指标。", "0.03‰", "share", Decimal("0.03"), "actual", id="result-before-the-cap"),
]


@pytest.mark.parametrize(("text", "quantity", "kind", "value", "status"), AGAINST_A_BASE)
def test_changes_against_a_base_targets_and_caps(text, quantity, kind, value, status):
    assert fields_of(text, quantity, "kind", "value", "status", date="2026") == (kind, value, status)


RESTATED = [
    # a change after a figure restated with 折合 measures the thing first named
    pytest.param("2025年，全县平均降水量865.2毫米，折合降水总量21.4亿立方米，比上年偏少8.6%。", "8.6%", "平均降水量", id="restated-rain"),
    pytest.param("2025年，全县地表水资源量12.3亿立方米，折合年径流深95.6毫米，比上年偏少6.1%。", "6.1%", "地表水资源量", id="restated-runoff"),
    pytest.param("2025年，全市新设立企业2.1万户，比上年同期多设立1200户。", "1200户", "新设立企业", id="more-set-up-measures-the-figure-before"),
    # a place named by a superlative names no metric: the clause before it does, and the figure before
    pytest.param("2025年，降水量由东南向西北递减，桐柏县最大，为1026.4毫米；淅川县最小，为618.7毫米。", "1026.4毫米", "降水量", id="superlative-place"),
    pytest.param("2025年，降水量由东南向西北递减，桐柏县最大，为1026.4毫米；淅川县最小，为618.7毫米。", "618.7毫米", "降水量", id="superlative-place-after-semicolon"),
    # nor does a comparative that says which places stand high or low before 分别 gives their figures (held-out h30)
    pytest.param("2025年，修水县、武宁县、铜鼓县浓度较低，分别为16、17和18微克/立方米。", "17", "浓度", id="comparative-before-fenbie"),
    pytest.param("2025年，修水县、武宁县优良比例相对较低，分别为86.7%和88.2%。", "88.2%", "优良比例", id="relative-comparative-before-fenbie"),
    pytest.param("2025年，修水县、武宁县降水量改善幅度较大，分别下降26.1%和20.8%。", "20.8%", "降水量改善幅度", id="comparative-of-a-change"),
    # how a change is computed, in a clause before a 分别 list, is no metric: the figures before are paired
    pytest.param("2025年，单位地区生产总值用水量为46.8立方米，单位工业增加值用水量为17.9立方米，按可比价计算分别比上年下降5.2%和7.3%。", "7.3%", "单位工业增加值用水量", id="method-before-fenbie"),
    pytest.param("2025年，全县生产安全事故死亡率为0.03‰，低于市下达的0.05‰控制指标。", "0.05‰", "生产安全事故死亡率", id="cap-from-above-after-the-result"),
    # a cut in % after 由…减少到… measures what that clause named (held-out h39)
    pytest.param("2025年，县级行政许可事项由152项减少到98项，精简35.5%。", "35.5%", "县级行政许可事项", id="cut-after-from-to"),
    pytest.param("2025年，全县行政审批环节由46个减少到20个，下降56.5%。", "56.5%", "行政审批环节", id="fall-after-from-to"),
]


@pytest.mark.parametrize(("text", "quantity", "metric"), RESTATED)
def test_a_change_after_a_restated_figure_measures_the_first(text, quantity, metric):
    assert claim_of(policy_extract.extract(text, date="2026"), quantity).metric == metric


CATEGORY_THRESHOLDS = [
    # the count of a category defined by a threshold: the threshold is part of its metric
    pytest.param("2025年，全市营业收入超过5亿元的行业有12个。", "12个", "营业收入超过5亿元的行业", id="industries-above"),
    pytest.param("2025年，注册资本在500万元至1000万元之间的企业占新设企业的18%。", "18%", "注册资本在500万元至1000万元之间的企业占新设企业比重", id="a-range-defines-the-part"),
    # a bracket that holds only a threshold in words defines the class counted: no claim, and no part of the metric
    pytest.param("2025年，全县登记古树1260株，其中一级古树（树龄500年以上）86株。", "86株", "一级古树", id="bracketed-threshold-in-words"),
    # 以上 before 规模, and a bound after 超过 with the count of what it bounds after it (held-out h26)
    pytest.param("目前，全县存栏万头以上规模猪场达到14个。", "14个", "存栏万头以上规模猪场", id="a-farms-class"),
    pytest.param("全县网店3.2万个，其中月销量超过5000单的店铺420家。", "420家", "月销量超过5000单的店铺", id="a-bound-before-de-and-a-count"),
    # 过 as 超过 (held-out h36)
    pytest.param("2020年，全县年产值过20亿元的企业达到9家。", "9家", "年产值过20亿元的企业", id="guo-as-chaoguo"),
]


@pytest.mark.parametrize(
    ("text", "quantities"),
    [
        pytest.param("2020年，全县年产值过20亿元的企业达到9家，其中过80亿元的3家。", ["9家", "3家"], id="guo-and-a-part-with-its-count"),
        pytest.param("到2030年，培育营收超过8亿元的企业4家以上、超过2亿元的15家以上。", ["4家以上", "15家以上"], id="a-second-bound-with-its-count"),
    ],
)
def test_a_threshold_after_guo_or_before_a_bare_count_is_no_claim(text, quantities):
    """过 bounds a category as 超过 does, and a bound before 的 with its count right after it (的3家) defines
    what is counted (held-out h36)."""
    assert [claim.quantity for claim in policy_extract.extract(text, date="2026").claims] == quantities


def test_a_bound_that_defines_what_is_counted_is_no_claim():
    text = "目前，全县存栏万头以上规模猪场达到14个，粉丝量超过20万的直播账号93个。"
    assert [claim.quantity for claim in policy_extract.extract(text, date="2026").claims] == ["14个", "93个"]


def test_a_bracketed_threshold_in_words_is_no_claim():
    text = "2025年，全县登记古树1260株，其中一级古树（树龄500年以上）86株；规上企业（年营业收入2000万元及以上）312家。"
    assert [claim.quantity for claim in policy_extract.extract(text, date="2026").claims] == ["1260株", "86株", "312家"]


@pytest.mark.parametrize(("text", "quantity", "metric"), CATEGORY_THRESHOLDS)
def test_a_threshold_inside_a_category_is_part_of_the_metric(text, quantity, metric):
    assert claim_of(policy_extract.extract(text, date="2026"), quantity).metric == metric


SHARES_OF_A_WHOLE = [
    # a figure as a fraction of another written with 为…的, and an intensity in % named 投入强度 alone
    pytest.param("2025年，全县人均水资源量约为全国平均水平的四分之一。", "四分之一", "share", id="fraction-of-a-benchmark"),
    pytest.param("2025年，高技术制造业投入强度为2.6%。", "2.6%", "share", id="intensity-alone"),
    pytest.param("2025年，规上工业企业研发经费投入强度（与营业收入之比）为1.3%。", "1.3%", "share", id="intensity-with-its-definition"),
    # an intensity with a bound before it, in a list of goals
    pytest.param("2026年，力争利润增长8%以上，研发经费投入强度不低于1.5%。", "1.5%", "share", id="intensity-not-below"),
    # 亏损面: the share of loss-making firms
    pytest.param("2025年，规上工业企业亏损面为12.5%。", "12.5%", "share", id="loss-making-share"),
    # 增长面: the share of industries that grow; 频率 in %: the share of samples that show it
    pytest.param("前三季度，38个行业大类中有26个行业增加值保持增长，增长面为68.4%。", "68.4%", "share", id="growing-share"),
    pytest.param("5月，全省酸雨频率为18.6%，同比下降4.2个百分点。", "18.6%", "share", id="acid-rain-frequency"),
    pytest.param("2025年，全市降水酸雨频率为3.1%。", "3.1%", "share", id="acid-rain-frequency-of-rainfall"),
    pytest.param("2025年，设备使用频率提高了20%。", "20%", "change", id="a-frequency-that-rises-is-a-change"),
    # 拉动 with 增长 left unwritten: points added to the whole's growth, a change as 拉动…增长 is
    pytest.param("其中，汽车制造业增长9.2%，拉动2.9个百分点。", "2.9个百分点", "change", id="pull-without-zengzhang"),
    pytest.param("三大支柱产业增加值增长7.9%，拉动全市规上工业增长4.6个百分点。", "4.6个百分点", "change", id="pull-with-zengzhang"),
    pytest.param("2025年，新开工项目拉动投资30亿元。", "30亿元", "level", id="pull-of-an-amount-is-no-change"),
    # short items that borrow the measure of the share before them
    pytest.param("2025年，职工在省级医院就诊的报销比例为71.5%，市级医院为78.2%，县级及以下医疗机构为86.3%。", "78.2%", "share", id="elliptical-item"),
    pytest.param("2025年，职工在省级医院就诊的报销比例为71.5%，市级医院为78.2%，县级及以下医疗机构为86.3%。", "86.3%", "share", id="elliptical-second-item"),
    pytest.param("2025年，全市增长8%，其中工业为6%。", "6%", "level", id="no-share-before-no-share"),
]


@pytest.mark.parametrize(("text", "quantity", "kind"), SHARES_OF_A_WHOLE)
def test_shares_of_a_whole(text, quantity, kind):
    assert claim_of(policy_extract.extract(text, date="2026"), quantity).kind == kind


def test_a_return_period_is_no_claim():
    claims = policy_extract.extract("2025年7月18日，该县日降水量达186.2毫米，达到50年一遇标准。", date="2025").claims
    assert [c.quantity for c in claims] == ["186.2毫米"]


FACILITIES = [
    # a named facility (canal, port, station, scenic area, resort, street) is the subject of its own figures,
    # and a place inside its name (梅溪 in 梅溪运河) neither a subject nor the text's region
    pytest.param("2025年，全省港口完成货物吞吐量6.1亿吨。其中，钦州港完成2.2亿吨，增长8.4%。", "2.2亿吨", ("钦州港", "港口货物吞吐量"), id="port-after-qizhong"),
    pytest.param("2025年，全省港口完成货物吞吐量6.1亿吨。其中，钦州港完成2.2亿吨，增长8.4%。", "8.4%", ("钦州港", "港口货物吞吐量"), id="port-growth-after-qizhong"),
    pytest.param("2025年，平陆运河完成投资80亿元。", "80亿元", ("平陆运河", "投资"), id="canal"),
    pytest.param("2025年，杭州东站日均发送旅客12万人次。", "12万人次", ("杭州东站", "日均发送旅客"), id="station"),
    pytest.param("2025年，湖滨路步行街客流量60万人次。", "60万人次", ("湖滨路步行街", "客流量"), id="pedestrian-street"),
]


@pytest.mark.parametrize(("text", "quantity", "expected"), FACILITIES)
def test_a_named_facility_is_the_subject_of_its_figures(text, quantity, expected):
    assert fields_of(text, quantity, "entity", "metric", date="2026") == expected


RESPECTIVELY_NAMED = [
    # names a 分别 pairs with their figures: each name its figure, and no name the metric of a later 分别 list
    pytest.param("2025年，杭州萧山国际机场、宁波栎社国际机场分别完成旅客吞吐量4100万人次和1300万人次，分别增长8.1%和12.7%。", "12.7%", ("宁波栎社国际机场", "旅客吞吐量"), id="second-list-after-named-facilities"),
    pytest.param("2025年，桐庐县、淳安县分别接待游客96万人次和38万人次，同比分别增长22.4%和16.9%。", "22.4%", ("桐庐县", "接待游客"), id="second-list-after-places"),
    # names that open with a place (襄阳 in 襄阳片区): the place is no subject of a later 分别 list of its own (held-out h33)
    pytest.param("2025年，襄阳片区、宜昌片区进出口额分别为156.8亿元和125.4亿元，分别增长15.2%和7.8%。", "7.8%", ("宜昌片区", "进出口额"), id="second-list-after-parts-named-by-places"),
    pytest.param("2025年，宁波片区、舟山片区新设企业分别为1200家和860家，分别增长12.1%和9.4%。", "9.4%", ("舟山片区", "新设企业"), id="second-list-after-parts-named-by-cities"),
    pytest.param("2025年，武汉新港空港综合保税区、宜昌综合保税区进出口分别增长24.6%和18.2%。", "18.2%", ("宜昌综合保税区", "进出口"), id="bonded-zones-paired"),
    # names, then what they measure, before 分别
    pytest.param("春节假期，全市接待游客100万人次；杭州东站、宁波站日均发送旅客分别为6.8万人次和5.9万人次。", "6.8万人次", ("杭州东站", "日均发送旅客"), id="names-then-the-measure"),
    pytest.param("春节假期，全市接待游客100万人次；杭州东站、宁波站日均发送旅客分别为6.8万人次和5.9万人次。", "5.9万人次", ("宁波站", "日均发送旅客"), id="station-named-by-its-city"),
    # a list of three places that opens its clause after a time clause
    pytest.param("荆门市新闻\n截至11月末，钟祥市、京山市、东宝区实有经营主体分别为9.8万户、6.7万户和6.1万户。", "9.8万户", ("钟祥市", "实有经营主体"), id="three-places-after-a-time-clause"),
    pytest.param("荆门市新闻\n截至11月末，钟祥市、京山市、东宝区实有经营主体分别为9.8万户、6.7万户和6.1万户。", "6.7万户", ("京山市", "实有经营主体"), id="three-places-after-a-time-clause-second"),
    pytest.param("荆门市新闻\n截至11月末，钟祥市、京山市、东宝区实有经营主体分别为9.8万户、6.7万户和6.1万户；1—11月，新增经营主体增长15.6%。", "15.6%", ("荆门市", "新增经营主体"), id="no-pairing-past-the-semicolon"),
]


@pytest.mark.parametrize(("text", "quantity", "expected"), RESPECTIVELY_NAMED)
def test_names_a_list_pairs_with_its_figures(text, quantity, expected):
    assert fields_of(text, quantity, "entity", "metric", date="2026") == expected


SCHEME_TERMS_AND_CLASSES = [
    # the limits a scheme sets are its terms, not facts; a thousands separator ends no clause
    pytest.param("2025年，单缴存职工个人住房贷款最高额度60万元，发放贷款31亿元。", ["31亿元"], id="loan-limit"),
    pytest.param("自2025年7月1日起，月缴存基数上限调整为28,500元，下限为1,900元；缴存比例均为5%—12%。全年缴存额96亿元。", ["96亿元"], id="base-limits-and-rates"),
    pytest.param("2025年，用水总量控制上限为24亿立方米。", ["24亿立方米"], id="a-cap-from-above-stays"),
    pytest.param("2025年，单日接待游客最高达9.8万人次。", ["9.8万人次"], id="a-record-stays"),
    # bounds that name the classes of a breakdown, and class names with numerals
    pytest.param("2025年末，存款146亿元，其中活期2亿元，1年（含）以下定期38亿元，3年以上定期105亿元。", ["146亿元", "2亿元", "38亿元", "105亿元"], id="deposit-terms"),
    pytest.param("2025年，贷款笔数中，面积90（含）平方米以下占12.6%，120平方米以上占9.1%。", ["12.6%", "9.1%"], id="area-classes"),
    # … also with the class's noun between the bound and its share, and a band written as a range (held-out h31)
    pytest.param("4月，90平方米以下住宅成交占比12.8%，90—144平方米住宅成交占比71.5%，144平方米以上住宅成交占比15.7%。",
                 ["12.8%", "71.5%", "15.7%"], id="area-bands-before-their-shares"),
    pytest.param("2025年，合同金额1000万元以上的订单占比达到六成，500万—1000万元订单占比两成。", ["六成", "两成"], id="amount-bands"),
    pytest.param("2025年末，全县60岁以上人口占比21.3%，18—59岁人口占比62.4%。", ["21.3%", "62.4%"], id="age-bands"),
    pytest.param("2025年，全市销售新建住宅1.2万套，占比62%。", ["1.2万套", "62%"], id="a-figure-before-its-share-stays"),
    pytest.param("该中心为公益二类事业单位，设8个科室。", ["8个"], id="public-institution-class"),
    pytest.param("2025年，新开户单位1,326家，增长3.2%。", ["1,326家", "3.2%"], id="thousands-separator-stays-one-figure"),
    # the terms of a tax relief: the threshold, the rate it applies to and the rate it cuts to; the relief granted stays
    pytest.param("按照现行规定，对季度销售额30万元以下的小规模纳税人免征增值税。全年减免税费12.6亿元。", ["12.6亿元"], id="tax-exemption-threshold"),
    pytest.param("对适用5%征收率的出租收入减按1.5%计算缴纳增值税，惠及纳税人3200户。", ["3200户"], id="tax-rates-cut"),
    # classes listed by their numerals name classes, they count nothing
    pytest.param("2025年，一类、二类纳税人平均退税时间3个工作日。", ["3个工作日"], id="classes-listed-by-numerals"),
    # the rate a scheme pays or charges per head or per unit is a term of the scheme; a budget standard reached stays
    pytest.param("2025年，天然林停伐补助标准提高到每亩每年28元，全年发放补助资金6200万元。", ["6200万元"], id="payment-standard-per-mu"),
    pytest.param("2025年，城乡居民医保个人缴费标准为每人每年380元。", [], id="contribution-standard"),
    pytest.param("2025年，小学生均公用经费标准提高到每生每年900元。", ["900元"], id="budget-standard-stays"),
    # a bound or a range of money before the class it defines (千亩以上…基地, 2亿元至5亿元的项目) is no claim; the count is (held-out round 32)
    pytest.param("2025年，全县新建千亩以上茶叶基地4个。", ["4个"], id="a-bound-of-a-base"),
    pytest.param("2025年，总投资2亿元至5亿元的项目16个。", ["16个"], id="a-money-range-of-projects"),
    pytest.param("2025年，项目总投资2亿元至5亿元。", ["2亿元至5亿元"], id="a-money-range-that-is-the-figure"),
]


@pytest.mark.parametrize(("text", "quantities"), SCHEME_TERMS_AND_CLASSES)
def test_scheme_terms_and_class_bounds_are_no_claims(text, quantities):
    assert [claim.quantity for claim in policy_extract.extract(text, date="2026").claims] == quantities


RATIOS_NAMED_BY_HEADING = [
    # a run-in heading names the rate its paragraph spells out; the change after it measures the same rate
    pytest.param("宜都市公积金报告\n（五）资金运用率。2025年末，贷款余额和国债余额的总和占缴存余额的64.2%，比上年末减少1.5个百分点。", "64.2%", ("宜都市", "资金运用率", "share"), id="rate-spelled-out-with-zhan"),
    pytest.param("宜都市公积金报告\n（五）资金运用率。2025年末，贷款余额和国债余额的总和占缴存余额的64.2%，比上年末减少1.5个百分点。", "1.5个百分点", ("宜都市", "资金运用率", "change"), id="its-change"),
    pytest.param("宜都市公积金报告\n（四）住房贡献率。2025年，贷款发放额和提取额的总和与当年缴存额的比率为88.5%。", "88.5%", ("宜都市", "住房贡献率", "share"), id="rate-spelled-out-with-yu"),
    # A与B的比率 is a share, heading or not; a heading that names no rate names nothing
    pytest.param("宜都市公积金报告\n2025年末，风险准备金余额与贷款余额的比率为2.9%。", "2.9%", ("宜都市", "风险准备金余额与贷款余额的比率", "share"), id="ratio-between-two-amounts"),
    pytest.param("宜都市公积金报告\n（二）提取。2025年，提取额占当年缴存额的比率为71.5%。", "71.5%", ("宜都市", "提取额占当年缴存额的比率", "share"), id="heading-names-no-rate"),
    # a centre is named by what it does: the words before 中心 are no short name of it
    pytest.param("宜都市住房公积金2025年年度报告\n来源：宜都市住房公积金中心\n2025年末，住房公积金存款120亿元。", "120亿元", ("宜都市", "住房公积金存款", "level"), id="no-alias-of-a-centre"),
]


@pytest.mark.parametrize(("text", "quantity", "expected"), RATIOS_NAMED_BY_HEADING)
def test_a_ratio_named_by_its_heading(text, quantity, expected):
    assert fields_of(text, quantity, "entity", "metric", "kind", date="2026") == expected


SINGLES = [
    # 净增 before the noun: a change of the noun, 净增 cut like a verb
    pytest.param("2025年，新开户单位1300家，净增单位900家。", "900家", ("单位", "change", "家", ("2025", "2025")), id="net-addition-before-its-noun"),
    # a percentage of the same figure in a base year: a share, and the base year governs nothing
    pytest.param("2026年春节假期，入境游客7.5万人次，恢复至2019年同期的88.6%，其中韩国游客约2万人次。", "88.6%", ("恢复至2019年同期的", "share", "%", ("2026", "2026")), id="recovered-to-a-base-year"),
    pytest.param("2026年春节假期，入境游客7.5万人次，恢复至2019年同期的88.6%，其中韩国游客约2万人次。", "约2万人次", ("韩国游客", "level", "人次", ("2026", "2026")), id="base-year-governs-no-later-clause"),
    # a price base in brackets is no time and no part of the metric
    pytest.param("2024年，全市快递业务总量（按2020年不变单价计算）完成52.6亿元，同比增长12.1%。", "12.1%", ("快递业务总量", "change", "%", ("2024", "2024")), id="price-base-in-brackets"),
    pytest.param("2024年，全县农业总产值（以2015年为基期）达到36.2亿元。", "36.2亿元", ("农业总产值", "level", "元", ("2024", "2024")), id="base-period-in-brackets"),
    # units as written: 延米, ‱
    pytest.param("2025年末，全省公路隧道980处、95.2万延米。", "95.2万延米", ("公路隧道", "level", "延米", ("2025-12", "2025-12")), id="linear-metres"),
    pytest.param("2025年末，个人住房贷款逾期率2.8‱。", "2.8‱", ("个人住房贷款逾期率", "share", "‱", ("2025-12", "2025-12")), id="per-ten-thousand"),
]


@pytest.mark.parametrize(("text", "quantity", "expected"), SINGLES)
def test_net_additions_base_years_and_units_as_written(text, quantity, expected):
    assert fields_of(text, quantity, "metric", "kind", "unit", "period", date="2026") == expected


NAMES_OPENING_WITH_A_WORD = [
    # a place whose name opens with a head word of metrics (和, 共, 将) or holds a goal marker (将, 要): the
    # name stays whole, the subject and no part of the metric; its 将 or 要 marks no goal
    pytest.param("2025年，和平县新建村级光伏电站46座。", "46座", ("和平县", "新建村级光伏电站", "actual"), id="he-opens-hepingxian"),
    pytest.param("2025年，共和县完成草原修复12万亩。", "12万亩", ("共和县", "草原修复", "actual"), id="gong-opens-gonghexian"),
    pytest.param("2025年，将乐县全年竹材产量1800万根。", "1800万根", ("将乐县", "竹材产量", "actual"), id="jiang-opens-jianglexian"),
    pytest.param("2025年，高要区规上工业增加值增长7.2%。", "7.2%", ("高要区", "规上工业增加值", "actual"), id="yao-inside-gaoyaoqu"),
    pytest.param("2025年，顺昌县、将乐县、泰宁县分别完成封山育林1.2万亩、0.9万亩和0.7万亩。", "0.9万亩", ("将乐县", "封山育林", "actual"), id="in-a-list-before-fenbie"),
    # the marker written beside the name still marks a goal
    pytest.param("2026年，将乐县将新建林道30公里。", "30公里", ("将乐县", "新建林道", "target"), id="a-marker-after-the-name"),
]


@pytest.mark.parametrize(("text", "quantity", "expected"), NAMES_OPENING_WITH_A_WORD)
def test_a_name_opening_with_a_function_word_stays_whole(text, quantity, expected):
    assert fields_of(text, quantity, "entity", "metric", "status", date="2026-12") == expected


ENUMERATING_COUNTS = [
    # a count right after the names it counts only enumerates them (SPEC 1); a list with 等 counts more than it names
    pytest.param("2027年，推动柯城区、衢江区2个区创建省级示范区。", [], id="two-names-two-districts"),
    pytest.param("2027年，支持顺昌县、将乐县和泰宁县3个县创建示范县，新建林道30公里。", ["30公里"], id="three-names-with-he"),
    pytest.param("2026年，柯城区、衢江区等5个区新增企业12家。", ["5个", "12家"], id="deng-counts-more-than-it-names"),
    pytest.param("2026年，柯城区、衢江区3个项目开工。", ["3个"], id="a-count-other-than-the-names"),
]


@pytest.mark.parametrize(("text", "quantities"), ENUMERATING_COUNTS)
def test_a_count_of_the_names_just_listed_is_no_claim(text, quantities):
    assert [claim.quantity for claim in policy_extract.extract(text, date="2026-12").claims] == quantities


MARITIME_UNITS = [
    # a port's, a shipyard's and a marine ranch's units, as written: the unit is no metric
    pytest.param("2025年，全市集装箱吞吐量86.4万标准箱。", "86.4万标准箱", ("集装箱吞吐量", Decimal("864000"), "标准箱"), id="teu-in-full"),
    pytest.param("2025年，全省造船完工量58万载重吨。", "58万载重吨", ("造船完工量", Decimal("580000"), "载重吨"), id="deadweight-tonnes"),
    pytest.param("2025年，全县投放人工鱼礁6.5万空方。", "6.5万空方", ("投放人工鱼礁", Decimal("65000"), "空方"), id="reef-volume"),
]


@pytest.mark.parametrize(("text", "quantity", "expected"), MARITIME_UNITS)
def test_maritime_units_are_kept_as_written(text, quantity, expected):
    assert fields_of(text, quantity, "metric", "value", "unit", date="2026") == expected


GOALS_SET_FROM_ABOVE = [
    # a floor, a goal or a task set from above, written after the result that beats it: a goal of the result's metric
    pytest.param("2025年末，全市自然岸线保有率为41.6%，高于省下达的40%管控目标。", "40%", ("自然岸线保有率", "target"), id="floor-from-above"),
    pytest.param("2025年，全市护理型床位占比达到72.6%，超过省定70%的目标。", "70%", ("护理型床位占比", "target"), id="goal-set-by-the-province"),
    pytest.param("2025年，全县完成农村危房改造1286户，超额完成市下达的1200户任务。", "1200户", ("农村危房改造", "target"), id="task-exceeded"),
    pytest.param("2025年，全县完成农村危房改造1286户，超额完成市下达的1200户任务。", "1286户", ("农村危房改造", "actual"), id="the-result-stays-actual"),
    # the part of such a task done is a result
    pytest.param("2025年，全县完成省下达的目标任务的105%。", "105%", ("省下达的目标任务", "actual"), id="part-done-of-the-task"),
    # a task set from above written with its own figure, then the part of it done (完成市下达年度任务|100公里|的|120%)
    pytest.param("2025年，全县新建农村公路120公里，完成市下达年度任务100公里的120%。", "120%",
                 ("新建农村公路完成市下达年度任务", "actual"), id="part-done-of-a-task-from-above-with-its-figure"),
    pytest.param("2025年，全县新建农村公路120公里，完成市下达年度任务100公里的120%。", "100公里",
                 ("新建农村公路市下达年度任务", "target"), id="task-from-above-with-its-figure"),
    pytest.param("2025年，全区改造燃气管网86公里，完成上级下达的年度目标任务80公里的107.5%。", "107.5%",
                 ("改造燃气管网完成上级下达的年度目标任务", "actual"), id="part-done-of-a-task-from-higher-up"),
]


@pytest.mark.parametrize(("text", "quantity", "expected"), GOALS_SET_FROM_ABOVE)
def test_a_goal_set_from_above_after_the_result_is_a_target_of_its_metric(text, quantity, expected):
    assert fields_of(text, quantity, "metric", "status", date="2026") == expected


CUTS_WITH_THEIR_OBJECT = [
    # a verb of cutting before what it cuts, then the figure: a fall, for each item of a list after the one verb
    pytest.param("2025年，企业开办平均减少申请材料60%、办理环节45%。", "60%", ("change", Decimal("-60")), id="cut-first-item"),
    pytest.param("2025年，企业开办平均减少申请材料60%、办理环节45%。", "45%", ("change", Decimal("-45")), id="cut-later-item"),
    pytest.param("2025年，全县精简审批环节40%。", "40%", ("change", Decimal("-40")), id="trimmed"),
    # the level reached stays a level
    pytest.param("2025年，企业开办时间压缩至0.5个工作日。", "0.5个工作日", ("level", Decimal("0.5")), id="cut-to-a-level"),
]


@pytest.mark.parametrize(("text", "quantity", "expected"), CUTS_WITH_THEIR_OBJECT)
def test_a_verb_of_cutting_before_its_object_makes_each_figure_after_it_a_fall(text, quantity, expected):
    assert fields_of(text, quantity, "kind", "value", date="2026") == expected


STANDARDS_BY_AGE_BAND = [
    # a schedule of a scheme's standards by age band after a colon: each rate per head and period is a term of the scheme
    pytest.param("2025年，全县发放尊老金3200万元。尊老金发放标准为：70至79岁老人每人每月60元，80岁以上老人每人每月120元。", ["3200万元"], id="by-age-band"),
    pytest.param("高龄补贴标准为：80—89周岁每人每月100元，90周岁及以上每人每月300元。", [], id="bands-in-zhousui"),
    # a figure after a band that is no rate per head stays a claim
    pytest.param("2025年，全市60周岁以上老年人口251.8万人。", ["251.8万人"], id="a-count-of-the-band"),
]


@pytest.mark.parametrize(("text", "quantities"), STANDARDS_BY_AGE_BAND)
def test_a_schedule_of_standards_by_age_band_is_no_claim(text, quantities):
    assert [claim.quantity for claim in policy_extract.extract(text, date="2026").claims] == quantities


PARTS_MEETING_A_CONDITION = [
    # N个X中，…超过M%的有K个: the threshold defines what is counted, no claim; the count is of the parts, a level
    pytest.param("2025年，全省11个设区市中，空气优良天数比例高于90%的有8个。", ["11个", "8个"], "8个",
                 ("空气优良天数比例高于90%的设区市", "level"), id="share-threshold"),
    pytest.param("2025年，全市9个县（市、区）中，城镇化率超过60%的有4个。", ["9个", "4个"], "4个",
                 ("城镇化率超过60%的县（市、区）", "level"), id="rate-threshold"),
    # a second count of parts after the first: its own condition (a growth gap too) and the same whole (held-out round 43)
    pytest.param("2025年，全省13个市中，工业增加值超过500亿元的有4个，增速高于全省平均水平的有6个。", ["13个", "4个", "6个"], "6个",
                 ("增速高于全省平均水平的市", "level"), id="second-condition-a-growth-gap"),
    pytest.param("2025年，全县12个乡镇中，财政收入超亿元的有3个，增幅超过10%的有5个。", ["12个", "3个", "5个"], "5个",
                 ("增幅超过10%的乡镇", "level"), id="second-condition-a-rate"),
]


@pytest.mark.parametrize(("text", "quantities", "quantity", "expected"), PARTS_MEETING_A_CONDITION)
def test_a_count_of_the_parts_meeting_a_threshold_is_the_claim_not_the_threshold(text, quantities, quantity, expected):
    assert [claim.quantity for claim in policy_extract.extract(text, date="2026").claims] == quantities
    assert fields_of(text, quantity, "metric", "kind", date="2026") == expected


AGEING_RATES_AND_PREMIUMS = [
    # population ageing and the dependency ratio in % are rates of a part to a whole; a premium over a listing price is none
    pytest.param("2025年，全县人口老龄化程度达到24.6%。", "24.6%", ("人口老龄化程度", "share"), id="ageing-degree"),
    pytest.param("2025年末，全市老年人口抚养比为41.8%。", "41.8%", ("老年人口抚养比", "share"), id="dependency-ratio"),
    pytest.param("2025年，全县土地出让平均溢价率为18%。", "18%", ("土地出让平均溢价率", "level"), id="premium-rate"),
]


@pytest.mark.parametrize(("text", "quantity", "expected"), AGEING_RATES_AND_PREMIUMS)
def test_ageing_rates_are_shares_and_a_premium_rate_is_a_level(text, quantity, expected):
    assert fields_of(text, quantity, "metric", "kind", date="2026") == expected


RANKS_CLASSES_AND_AGES = [
    # a place held over a streak (连续N年保持…首位) is a rank of the figure before, over the streak's years
    pytest.param("2025年，全县茶叶产值46.2亿元，连续8年保持全省县级首位。", "首位", ("茶叶产值全省排名", "rank", "=", ("2018", "2025")), id="streak-kept-first"),
    pytest.param("2025年，全县茶叶产值46.2亿元，连续8年居全省县级首位。", "首位", ("茶叶产值全省排名", "rank", "=", ("2018", "2025")), id="streak-ranked-first"),
    # 约占 a whole defined by an age: ~
    pytest.param("2025年，全市老年大学在校学员9.2万人，约占65周岁以上老年人口的9.6%。", "9.6%", ("老年大学在校学员占65周岁以上老年人口比重", "share", "~", ("2025", "2025")), id="about-of-an-age-group"),
]


@pytest.mark.parametrize(("text", "quantity", "expected"), RANKS_CLASSES_AND_AGES)
def test_a_streak_kept_first_and_a_share_of_an_age_group(text, quantity, expected):
    assert fields_of(text, quantity, "metric", "kind", "comparator", "period", date="2026") == expected


def test_classes_sharing_one_classifier_are_no_claim():
    text = "2025年，全市近岸海域优良水质（一、二类）面积比例为96.5%。"
    assert [claim.quantity for claim in policy_extract.extract(text, date="2026").claims] == ["96.5%"]


MONITORING_REPORTS = [
    # a report that monitors a plan reports results: the plan its title names sets no goal over them
    pytest.param("2026年江西省儿童发展规划统计监测报告\n2026年，全省儿童医疗保险参保率为97.6%。", "97.6%", ("share", "%", "actual", ("2026", "2026")), id="monitoring-report-title"),
    pytest.param("湖南省“十五五”规划实施中期评估报告\n今年，全省研发经费投入强度为2.5%。", "2.5%", ("share", "%", "actual", ("2026", "2026")), id="mid-term-evaluation"),
    # the points of a rate per mille or per 10万, 个 dropped as in 个百分点
    pytest.param("2025年，全市新生儿死亡率为1.9‰，比上年下降0.15个千分点。", "0.15个千分点", ("change", "千分点", "actual", ("2025", "2025")), id="permille-points"),
    pytest.param("2025年，全市孕产妇死亡率为9.1/10万，比上年下降1.3个十万分点。", "1.3个十万分点", ("change", "十万分点", "actual", ("2025", "2025")), id="per-100k-points"),
    # a rate per a round base is a share wherever its metric names the rate
    pytest.param("2025年，各县孕产妇死亡率均低于15/10万。", "15/10万", ("share", "/10万", "actual", ("2025", "2025")), id="per-100k-rate-bound"),
    # a table: the 单位 cell 1/10万 is the row's unit, a column headed by a goal holds targets
    pytest.param("表1　规划主要指标实现情况\n指标\n单位\n2030年目标值\n2025年\n孕产妇死亡率\n1/10万\n≤14\n9.35\n", "≤14", ("share", "/10万", "target", ("2030", "2030")), id="target-column"),
    pytest.param("表1　规划主要指标实现情况\n指标\n单位\n2030年目标值\n2025年\n孕产妇死亡率\n1/10万\n≤14\n9.35\n", "9.35", ("share", "/10万", "actual", ("2025", "2025")), id="year-column-beside-it"),
]


@pytest.mark.parametrize(("text", "quantity", "expected"), MONITORING_REPORTS)
def test_a_plan_monitoring_reports_results_rates_and_target_columns(text, quantity, expected):
    assert fields_of(text, quantity, "kind", "unit", "status", "period", date="2026") == expected


def test_a_rate_base_alone_in_a_unit_cell_is_no_figure():
    text = "表1　主要指标\n指标\n单位\n2025年\n孕产妇死亡率\n1/10万\n9.35\n"
    assert [claim.quantity for claim in policy_extract.extract(text, date="2026").claims] == ["9.35"]


def test_a_standard_paid_per_head_to_each_group_it_names_is_no_claim():
    text = "2025年，困境儿童基本生活保障标准为机构养育每人每月1900元、分散养育每人每月1500元，全年发放基本生活费2.1亿元。"
    assert [claim.quantity for claim in policy_extract.extract(text, date="2026").claims] == ["2.1亿元"]


PROGRESS_TERMS_AND_ORDINARY_DAYS = [
    # 进度 in % is the share of the plan or of the work done
    pytest.param("2026年1—6月，全县债券资金支出进度为64.5%。", "64.5%", ("债券资金支出进度", "share"), id="spending-progress"),
    pytest.param("截至6月底，该工程施工进度达到80%。", "80%", ("该工程施工进度", "share"), id="works-progress"),
    # 延长 before its figure is a rise of a span
    pytest.param("2026年，全市新增贷款平均期限为8.2年，较上年延长0.9年。", "0.9年", ("新增贷款平均期限", "change"), id="lengthened"),
    # ordinary days are the base an event's figures are set against, no part of the metric
    pytest.param("2026年国庆期间，全市民宿平均入住率为88.5%，比平日提高35.6个百分点。", "35.6个百分点", ("民宿平均入住率", "change"), id="against-ordinary-days"),
    pytest.param("2026年春节期间，古镇日均接待游客较平时增长1.3倍。", "1.3倍", ("古镇日均接待游客", "change"), id="against-usual-times"),
]


@pytest.mark.parametrize(("text", "quantity", "expected"), PROGRESS_TERMS_AND_ORDINARY_DAYS)
def test_progress_shares_lengthened_terms_and_ordinary_days_as_a_base(text, quantity, expected):
    assert fields_of(text, quantity, "metric", "kind", date="2026-10") == expected


TERMS_RACES_AND_FRAMES = [
    # the term that names a class of bonds or loans, and the distance that names a race, are names
    pytest.param("2026年，全市10年期和15年期债券分别发行40.5亿元和22.1亿元。", ["40.5亿元", "22.1亿元"], id="bond-terms"),
    pytest.param("2026年，城市马拉松设全程、半程和10公里健康跑，共有1.8万名选手参赛。", ["1.8万名"], id="race-distance"),
    pytest.param("2026年，全县新建5公里跑道，建成健身步道12条。", ["5公里", "12条"], id="a-track-built"),
    # a span that frames the contest (历时5个多月) is no claim; 由过去的… is the earlier length of a time taken, one
    pytest.param("2026年，联赛历时5个多月，共进行比赛120场。", ["120场"], id="lasted-months"),
    pytest.param("2026年，项目审批时间由过去的2个月左右压缩至15天以内。", ["2个月左右", "15天以内"], id="from-previously"),
]


@pytest.mark.parametrize(("text", "quantities"), TERMS_RACES_AND_FRAMES)
def test_terms_races_and_frames_are_names_or_spans_but_a_former_length_is_a_figure(text, quantities):
    assert [claim.quantity for claim in policy_extract.extract(text, date="2026-10").claims] == quantities


def test_a_cap_set_as_a_share_of_a_base_is_a_provision():
    text = "2026年，全市发行专项债券120亿元，用作项目资本金的比例上限为该市债券规模的20%。"
    assert [claim.quantity for claim in policy_extract.extract(text, date="2026-10").claims] == ["120亿元"]


def test_a_count_of_people_written_without_a_unit_is_in_people():
    text = "2026年，全县城乡居民医保参保人数达到52万。"
    assert fields_of(text, "52万", "unit", "value", date="2026-10") == ("人", Decimal("520000"))


def test_a_terms_definition_in_a_note_is_no_claim():
    text = "2025年，全省达标指标48项。\n注：“基本达标”指监测值与目标值的差距在5%以内。"
    assert [claim.quantity for claim in policy_extract.extract(text, date="2026").claims] == ["48项"]


@pytest.mark.parametrize(
    ("text", "quantity", "date", "expected"),
    [
        # an estimate for a half-year over by the release's month is an actual figure (held-out h28)
        ("据测算，上半年全市旅游相关消费占比为17.2%。", "17.2%", "2026-07-22", "actual"),
        # a quarter that has begun but is not over is still forecast
        ("据测算，二季度翘尾因素平均约为0.2个百分点。", "0.2个百分点", "2026-04-22", "target"),
        # a forecast made on the day of an event is no estimate of that day
        ("3月17日，全市项目集中开工。项目建成后，预计可新增年产值80亿元。", "80亿元", "2026-03-19", "target"),
    ],
)
def test_an_estimate_is_actual_only_for_a_period_over_by_the_documents_month(text, quantity, date, expected):
    assert claim_of(policy_extract.extract(text, date=date), quantity).status == expected


NAMES_PAIRED_WITH_WHAT_THEY_MEASURE = [
    # the noun between 分别 and the figures names what each name measured (held-out round 31)
    pytest.param(
        "桂林市、柳州市分别接待游客210万人次和180万人次；桂林市、柳州市分别实现旅游收入21.5亿元和17.2亿元。",
        "17.2亿元",
        "旅游收入",
        id="noun-after-fenbie",
    ),
    pytest.param(
        "全省铁路发送旅客86.4万人次；南宁吴圩国际机场、桂林两江国际机场分别保障航班1260架次和980架次。", "980架次", "保障航班", id="after-a-clause-of-another-measure"
    ),
    # an action alone after 分别 takes the latest figure before counted in the same unit, not a rate between
    pytest.param(
        "全年新开工公租房2100套，开工率达到105%，东城区、西城区分别开工640套和410套。", "410套", "新开工公租房", id="action-alone-same-unit"
    ),
]


@pytest.mark.parametrize(("text", "quantity", "expected"), NAMES_PAIRED_WITH_WHAT_THEY_MEASURE)
def test_names_paired_by_fenbie_take_the_noun_after_it(text, quantity, expected):
    assert fields_of(text, quantity, "metric", date="2026-01") == (expected,)


PLANS_DONE_DELAYS_AND_COHORTS = [
    # 实际 after a plan's clause reports what was done of it (held-out round 31)
    pytest.param(
        "2025年，全县计划新建村卫生室30个、涉及投资1200万元，实际建成32个，完成率106.7%。", "106.7%", ("status", "actual"), id="actual-after-plan"
    ),
    pytest.param("2025年，全县计划新建村卫生室30个、涉及投资1200万元，实际建成32个。", "30个", ("status", "target"), id="the-plan-stays-a-target"),
    # the time work was put off to, and a cohort's date, govern no figure
    pytest.param(
        "2025年，纳入计划的40个项目中有6个因征迁推迟至四季度才开工；社会投资占比仅为8.1%。", "8.1%", ("period", ("2025", "2025")), id="postponed-to"
    ),
    pytest.param("2025年，改造的小区中，1995年以前建成的占61%。", "61%", ("period", ("2025", "2025")), id="built-before"),
    # … also written after its verb (建成于1995年以前的) (held-out round 35)
    pytest.param("2025年，全镇建成于1995年以前的住宅仍有42栋。", "42栋", ("period", ("2025", "2025")), id="built-in-before"),
    pytest.param("2025年，全县出生于1960年以前的参保人员有3.1万人。", "3.1万人", ("period", ("2025", "2025")), id="born-in-before"),
    # a deadline's 前 is no word of the metric
    pytest.param("2026年，力争5月底前竣工率达到70%以上。", "70%以上", ("metric", "竣工率"), id="deadline-before"),
]


@pytest.mark.parametrize(("text", "quantity", "expected"), PLANS_DONE_DELAYS_AND_COHORTS)
def test_plans_done_delays_and_cohorts(text, quantity, expected):
    name, value = expected
    assert fields_of(text, quantity, name, date="2026-01") == (value,)


SCHEME_TERMS_AND_SUMS_PAID = [
    # the terms an insurance scheme pays on are provisions; what it paid is a claim (held-out round 31)
    pytest.param("门诊统筹起付线由800元降至600元，报销比例统一提高到55%；全年统筹基金支付2860万元。", ["2860万元"], id="insurance-terms"),
    pytest.param("住院费用政策范围内报销比例为76.3%。", ["76.3%"], id="reimbursement-share-reached"),
    # a sum paid out in the year after a provision's terms is a fact; a cap with its grant verb is a term
    pytest.param(
        "对查实的线索按罚没金额的3%给予奖励，最高不超过10万元，全年兑现奖励4.6万元。", ["4.6万元"], id="paid-after-provision"
    ),
    pytest.param("按照每户最高补助6000元的标准，全年发放改厕补助资金420万元。", ["420万元"], id="cap-with-grant-verb"),
    # a holiday's length with its dates in brackets frames the figures after it
    pytest.param("国庆假期（10月1日至8日）8天，全市接待游客326万人次。", ["326万人次"], id="holiday-length-with-dates"),
]


@pytest.mark.parametrize(("text", "quantities"), SCHEME_TERMS_AND_SUMS_PAID)
def test_scheme_terms_are_no_claims_but_sums_paid_are(text, quantities):
    assert [claim.quantity for claim in policy_extract.extract(text, date="2026-01").claims] == quantities


def test_a_table_between_chapters_governs_its_rows_only():
    text = (
        "某市2025年城镇老旧小区改造工作总结\n\n一、完成情况\n\n全年开工小区120个。\n\n"
        "附表1　各区进展情况（截至2025年12月20日）\n区\n开工小区（个）\n东区\n70\n西区\n50\n\n"
        "二、存在的问题\n\n一是社会资本参与比例仅为5.2%。\n"
    )
    assert fields_of(text, "5.2%", "period", date="2026-01") == (("2025", "2025"),)


@pytest.mark.parametrize(
    ("text", "quantity", "expected"),
    [
        pytest.param("宁远县人民法院工作报告\n2025年，县法院共受理各类案件9800件。", "9800件", ("宁远县人民法院", "受理各类案件"),
                     id="the-formal-name-the-title-writes"),
        pytest.param("嘉善县2025年工作总结\n2025年，县市场监管局、县农业农村局分别完成抽检1200批次和860批次。", "860批次",
                     ("嘉善县农业农村局", "抽检"), id="offices-a-fenbie-pairs"),
        pytest.param("嘉善县2025年工作总结\n县法院审结案件5600件，同比增长4.2%。", "5600件", ("嘉善县法院", "审结案件"),
                     id="the-place-and-the-office-as-written"),
        pytest.param("嘉善县2025年工作总结\n市审计局完成审计项目30个。", "30个", ("嘉兴市审计局", "审计项目"), id="the-city-above"),
        pytest.param("嘉善县2025年工作总结\n嘉善县审计局共完成审计项目42个。", "42个", ("嘉善县审计局", "审计项目"),
                     id="written-in-full"),
        pytest.param("嘉善县2025年工作总结\n县住建局已督促施工单位加快进度，项目建成后将新增日处理能力5万吨。", "5万吨",
                     ("嘉善县", "新增日处理能力"), id="an-office-acting-on-others"),
        # a commission (委) written by its level is an office as a 局 is; where the text names it formally (a title's
        # …委员会), its short form (卫健委, 发改委) is that formal name: each of its characters stands there in order
        pytest.param("德清县2025年工作总结\n县卫健委全年组织义诊活动320场。", "320场", ("德清县卫健委", "义诊活动"),
                     id="a-commission-by-its-level"),
        pytest.param("湖州市2025年工作总结\n市发改委完成项目审批46项。", "46项", ("湖州市发改委", "项目审批"),
                     id="a-city-commission"),
        pytest.param("德清县卫生健康委员会2025年工作总结\n县卫健委全年组织义诊活动320场。", "320场",
                     ("德清县卫生健康委员会", "义诊活动"), id="a-short-form-against-the-formal-name-of-the-title"),
        pytest.param("德清县市场监督管理局2025年工作总结\n县市场监管局全年完成抽检1800批次。", "1800批次",
                     ("德清县市场监督管理局", "抽检"), id="a-bureaus-short-form-against-its-title"),
        # a party committee or a standing committee written by its level is no office (县委, 县人大常委会)
        pytest.param("德清县2025年工作总结\n县委召开常委会会议24次。", "24次", ("德清县", "县委召开常委会会议"),
                     id="the-party-committee-is-no-office"),
    ],
)
def test_an_office_written_by_its_level_is_the_subject_named_with_its_place(text, quantity, expected):
    claim = claim_of(policy_extract.extract(text, date="2025"), quantity)
    assert (claim.entity, claim.metric) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("湖州市物价\n一季度，全市居民消费价格同比上涨0.4%。分城乡看，城市上涨0.5%，农村上涨0.3%。1月、2月、3月分别上涨0.3%、0.5%和0.4%。", "居民消费价格"),
        ("湖州市物价\n一季度，全市居民消费价格同比上涨0.4%，其中城市上涨0.5%，农村上涨0.3%。分月看，1月、2月、3月分别上涨0.3%、0.5%和0.4%。", "居民消费价格"),
        ("嘉兴市经济\n前三季度，全市地区生产总值增长5.8%。分产业看，第一产业增长3.1%，第二产业增长0.5%。一季度、二季度分别增长0.3%和0.5%。", "地区生产总值"),
        ("绍兴市经济\n上半年，全市外贸出口增长7.3%，其中一般贸易增长0.5%。第一季度、第二季度分别增长6.1%和0.5%。", "外贸出口"),
    ],
    ids=["after-a-breakdown-sentence", "after-qizhong-and-an-opener", "quarters-after-sectors", "ordinal-quarters-after-qizhong"],
)
def test_times_listed_before_fenbie_measure_the_paragraphs_whole_not_a_part_named_before(text, expected):
    assert claim_of(policy_extract.extract(text, date="2025"), "0.5%", occurrence=2).metric == expected


@pytest.mark.parametrize(
    ("text", "quantity", "expected"),
    [
        ("今年以来，全省CPI同比上涨0.4%，PPI下降1.2%。", "0.4%", "CPI"),
        ("今年以来，全省CPI同比上涨0.4%，PPI下降1.2%。", "1.2%", "PPI"),
        ("一季度，全市GDP增长5%。", "5%", "GDP"),
        ("6月末，广义货币M2余额增长8%。", "8%", "广义货币M2余额"),
    ],
    ids=["cpi", "ppi-after-cpi", "gdp", "m2-with-its-name"],
)
def test_a_metric_written_only_in_latin_letters_is_the_metric(text, quantity, expected):
    assert claim_of(policy_extract.extract(text, date="2025"), quantity).metric == expected


@pytest.mark.parametrize(
    ("text", "quantity", "expected"),
    [
        ("2025届毕业生去向落实率进一步提高到93.08%。", "93.08%", ("毕业生去向落实率", "share")),
        ("全县农村自来水普及率进一步提升至99.2%。", "99.2%", ("农村自来水普及率", "share")),
    ],
    ids=["tigao-dao", "tisheng-zhi"],
)
def test_a_rate_raised_further_is_a_share(text, quantity, expected):
    claim = claim_of(policy_extract.extract(text, date="2025"), quantity)
    assert (claim.metric, claim.kind) == expected



WHO_THE_SUBJECT_IS = [
    # a status title a village or town is given (淘宝村, 淘宝镇: by the e-commerce it does) names no village or town: the
    # title is what is counted, the subject the place the text is about
    pytest.param("永康市电商发展情况\n目前，全市有电商企业2100余家，淘宝村45个、淘宝镇8个。", "45个", ("entity", "metric"), ("永康市", "淘宝村"), id="taobao-villages-counted"),
    pytest.param("永康市电商发展情况\n截至9月底，全市共有淘宝村31个、淘宝镇6个，数量均居全省首位。", "6个", ("entity", "metric"), ("永康市", "淘宝镇"), id="taobao-towns-counted"),
    # 驻村 (stationed in a village) names no village: the one who sends the team is the subject
    pytest.param("永康市乡村振兴工作总结\n市财政定点帮扶5个村，选派驻村第一书记和工作队员12名。", "12名", ("entity",), ("永康市",), id="village-secretaries-sent"),
    pytest.param("永康市乡村振兴工作总结\n今年选派驻村工作队58支，帮扶资金1300万元。", "1300万元", ("entity",), ("永康市",), id="village-work-teams"),
    # a goal's marker opening the clause (力争, 确保) stands before its subject as a time does; the zone's word alone is
    # then the subject of the clauses after it; 新发展 before a kind (农民专业合作社) names no cooperative (held-out round 32)
    pytest.param("西平县政府工作报告\n力争产业集聚区主营业务收入突破120亿元，新增规上企业18家以上。", "18家以上", ("entity",), ("产业集聚区",), id="zone-after-a-goal-marker"),
    pytest.param("西平县政府工作报告\n确保柏城街道新增就业岗位900个。", "900个", ("entity",), ("柏城街道",), id="street-after-a-goal-marker"),
    pytest.param("西平县政府工作报告\n新发展农民专业合作社80家、家庭农场40个。", "40个", ("entity",), ("西平县",), id="cooperatives-of-a-kind-newly-founded"),
    # the whole an appraisal ranks in (全省…考评中, 全省…评价) is the rank's scope: the text's place is ranked (held-out round 32)
    pytest.param("西平县政府工作报告\n在全省县域经济高质量发展考评中位次前移至第21位。", "第21位", ("entity",), ("西平县",), id="rank-in-a-provincial-appraisal"),
    pytest.param("西平县政府工作报告\n今年，力争全省营商环境评价进入前五。", "前五", ("entity",), ("西平县",), id="rank-goal-in-a-provincial-appraisal"),
    pytest.param("西平县政府工作报告\n在全省营商环境评价中，我县排名前移至第12位。", "第12位", ("entity",), ("西平县",), id="own-place-ranked-in-a-provincial-appraisal"),
    # an organisation whose project and its investment follow it is their subject, also after a place that opens the
    # sentence; the sentences after it with no subject of their own are its project's (held-out round 32)
    pytest.param("滨州市项目开工\n博兴县开工的山东鸿泰机械有限公司年产30万台电机项目总投资6.5亿元。", "6.5亿元", ("entity",), ("山东鸿泰机械有限公司",), id="project-owner-after-a-place"),
    pytest.param("滨州市项目开工\n分会场所在的山东鸿泰机械有限公司年产30万台电机项目，总投资6.5亿元，占地210亩。项目建成后，可安置就业800人。", "800人", ("entity",), ("山东鸿泰机械有限公司",), id="project-owner-carried"),
    pytest.param("滨州市项目开工\n山东鸿泰机械有限公司等5个项目总投资20亿元。", "20亿元", ("entity",), ("滨州市",), id="projects-of-a-list-have-no-owner"),
    # so is a named logistics park; a river's name before 街道 names the sub-district, no river (held-out round 32)
    pytest.param("滨州市项目开工\n位于滨州经济技术开发区长河街道的鲁冠物流园项目总投资4.2亿元，占地180亩。", "180亩", ("entity",), ("鲁冠物流园",), id="named-park-owning-its-project"),
    # where people go to work, study or travel (在宁波市就业, 在杭州务工的) is part of what is counted, not its subject: the
    # subject is whose people they are; so is where students come from (浙江省内生源)
    pytest.param("青衿理工学院2025届毕业生就业质量年度报告\n其中在宁波市就业980人，占已就业毕业生的21.5%。", "980人", ("entity",), ("青衿理工学院",), id="graduates-working-in-a-city"),
    pytest.param("青衿理工学院2025届毕业生就业质量年度报告\n其中在宁波市就业980人，占已就业毕业生的21.5%。", "21.5%", ("entity",), ("青衿理工学院",), id="share-of-graduates-working-in-a-city"),
    pytest.param("青衿理工学院2025届毕业生就业质量年度报告\n从生源看，浙江省内生源4120人，占78.5%。", "4120人", ("entity",), ("青衿理工学院",), id="students-from-inside-a-province"),
    pytest.param("衢州市劳务简报\n全年，在杭州务工的衢州籍人员3.2万人。", "3.2万人", ("entity",), ("衢州市",), id="workers-in-another-city"),
    pytest.param("衢州市劳务简报\n在金华就读的衢州籍学生1.1万人。", "1.1万人", ("entity",), ("衢州市",), id="students-in-another-city"),
    # a place where a figure is measured (在南昌实现) or whose own employment is counted stays the subject
    pytest.param("江西省新闻\n全省率先在南昌实现5G全覆盖，南昌建成基站1.2万个。", "1.2万个", ("entity",), ("南昌",), id="a-place-where-a-figure-is-measured"),
    pytest.param("浙江省就业简报\n宁波市就业人数增长3.2%。", "3.2%", ("entity",), ("宁波市",), id="a-place-whose-employment-is-counted"),
]


@pytest.mark.parametrize(("text", "quantity", "fields", "expected"), WHO_THE_SUBJECT_IS)
def test_who_the_subject_of_a_figure_is(text, quantity, fields, expected):
    assert fields_of(text, quantity, *fields, date="2026") == expected
