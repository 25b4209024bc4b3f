"""Time phrases and their periods (SPEC 2.1), scoping over quantities, and document dates (SPEC 3)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
import regex
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from policy_extract.errors import DateError
from policy_extract.reading import LayoutRule
from policy_extract.rule_files import (
    RuleFile,
    RuleSet,
    builtin_rules_dir,
    load_rules,
    load_yaml,
)
from policy_extract.text_units import TextUnits
from policy_extract.times import (
    DocDate,
    TimeRule,
    assign_periods,
    find_times,
    infer_document_date,
    list_intro,
    parse_date_option,
    probe,
    scoped_times,
)
from policy_extract.times.compiled import (
    _has_top_level_alternative,
    _InClauses,
    _openings,
    _shared_leads,
    compile_rules,
    matches_from,
)
from policy_extract.times.scope import _LIST_ITEM

DATE = "2026-03"  # the fixed reference date of these tables


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    """Only the times family and the layout family scoping reads (a caption line does not end a
    paragraph), so that these tests do not depend on the other families' files."""
    parsed = RuleFile[TimeRule].model_validate(load_yaml(builtin_rules_dir() / "times.yaml"))
    layout = RuleFile[LayoutRule].model_validate(load_yaml(builtin_rules_dir() / "layout.yaml"))
    return RuleSet(
        families={"times": tuple(parsed.rules), "layout": tuple(layout.rules)}, sources=("times-and-layout",)
    )


# (text, the time phrase found, its period given DATE)
SPEC_ROWS = [
    ("2025年", "2025年", ("2025", "2025")),
    ("2025年全年", "2025年全年", ("2025", "2025")),
    ("二〇二五年", "二〇二五年", ("2025", "2025")),
    ("2025年3月", "2025年3月", ("2025-03", "2025-03")),
    ("2025年1—5月", "2025年1—5月", ("2025-01", "2025-05")),
    ("2021—2025年", "2021—2025年", ("2021", "2025")),
    ("2021年至2025年", "2021年至2025年", ("2021", "2025")),
    ("2025年7月至2026年5月", "2025年7月至2026年5月", ("2025-07", "2026-05")),
    ("2024年10月—2025年3月份", "2024年10月—2025年3月份", ("2024-10", "2025-03")),
    ("十一五时期", "十一五时期", ("2006", "2010")),
    ("十三五时期", "十三五时期", ("2016", "2020")),
    ("“十四五”期间", "“十四五”期间", ("2021", "2025")),
    ("十五五", "十五五", ("2026", "2030")),
    ("十六五", "十六五", ("2031", "2035")),
    ("“十五五”开局之年", "“十五五”开局之年", ("2026", "2026")),
    ("围绕“十五五”开局", "“十五五”开局", ("2026", "2026")),
    ("“十四五”收官之年", "“十四五”收官之年", ("2025", "2025")),
    ("到“十五五”末", "到“十五五”末", (None, "2030")),
    ("到2030年", "到2030年", (None, "2030")),
    ("2030年前", "2030年前", (None, "2030")),
    ("今年", "今年", ("2026", "2026")),
    ("本年", "本年", ("2026", "2026")),
    ("新年伊始", "新年伊始", ("2026", "2026")),
    ("年初", "年初", ("2026", "2026")),
    ("近日", "近日", ("2026", "2026")),
    ("最近", "最近", ("2026", "2026")),
    ("前不久", "前不久", ("2026", "2026")),
    ("前段时间", "前段时间", ("2026", "2026")),
    ("春节刚过", "春节刚过", ("2026", "2026")),
    ("全年", "全年", ("2026", "2026")),
    ("全年累计", "全年累计", ("2026", "2026")),
    ("年初以来", "年初以来", ("2026", "2026-03")),
    ("今年以来", "今年以来", ("2026", "2026-03")),
    ("一季度", "一季度", ("2026-01", "2026-03")),
    ("第四季度", "第四季度", ("2026-10", "2026-12")),
    ("上半年", "上半年", ("2026-01", "2026-06")),
    ("前三季度", "前三季度", ("2026-01", "2026-09")),
    ("1—5月", "1—5月", ("2026-01", "2026-05")),
    ("过去一年", "过去一年", ("2025", "2025")),
    ("过去的一年", "过去的一年", ("2025", "2025")),
    ("一年来", "一年来", ("2025", "2025")),
    ("过去五年", "过去五年", ("2021", "2025")),
    ("五年来", "五年来", ("2021", "2025")),
    # the next n years a plan looks ahead to, from the year the text speaks in (held-out round 35)
    ("今后五年我市的主要目标是", "今后五年", ("2026", "2030")),
    ("未来3年新建学校12所", "未来3年", ("2026", "2028")),
    ("去年", "去年", ("2025", "2025")),
    ("上年", "上年", ("2025", "2025")),
    ("前年", "前年", ("2024", "2024")),
    ("明年", "明年", ("2027", "2027")),
    ("截至2025年底", "截至2025年底", (None, "2025-12")),
    ("截至去年底", "截至去年底", (None, "2025-12")),
    ("年末", "年末", ("2026-12", "2026-12")),
    ("年底", "年底", ("2026-12", "2026-12")),
    ("期末", "期末", ("2026-12", "2026-12")),
    ("12月末", "12月末", ("2026-12", "2026-12")),
    ("截至目前", "截至目前", (None, "2026-03")),
    ("目前", "目前", (None, "2026-03")),
    ("当前", "当前", (None, "2026-03")),
    ("现已", "现已", (None, "2026-03")),
    ("全县现有各级各类学校386所", "现有", (None, "2026-03")),  # a count of what a place has now
    ("全院现有检察干警68人", "现有", (None, "2026-03")),  # … or a body has
    # the present of a feature's narrative is 目前 too; a year a clause starts from (2021年起，) is 2021年以来 (held-out h30)
    ("如今，合作社已发展社员216户", "如今", (None, "2026-03")),
    ("现在回来创业的有40多人", "现在", (None, "2026-03")),
    ("2021年起，茶山村盘活闲置农房47栋", "2021年起", ("2021", "2026-03")),
    ("从2022年开始，全县新建民宿30家", "2022年开始", ("2022", "2026-03")),
    ("从2025年1月1日起，养老金上调2%", "2025年1月1日", ("2025-01-01", "2025-01-01")),
    # 截至 bounds a month's end of this year or last as it bounds 6月底 (held-out h30)
    ("截至今年6月底", "截至今年6月底", (None, "2026-06")),
    ("截至去年12月末", "截至去年12月末", (None, "2025-12")),
    ("去年6月末", "去年6月末", ("2025-06", "2025-06")),
    ("集团现有全资及控股子公司46家", "现有", (None, "2026-03")),  # … a group or company (held-out h31)
    ("公司现有在职员工1200人", "现有", (None, "2026-03")),
    ("全行现有营业网点52个", "现有", (None, "2026-03")),
    ("商会现有会员企业310家", "现有", (None, "2026-03")),
    ("“十四五”以来", "“十四五”以来", ("2021", "2026-03")),
    ("2021年以来", "2021年以来", ("2021", "2026-03")),
    ("2019年建园以来", "2019年建园以来", ("2019", "2026-03")),  # an event of that year, then since
    # after 自 the event may be long: 自 opens the span that 以来 closes (held-out round 35)
    ("自2008年获批省级经济开发区以来，园区累计引进项目320个", "2008年获批省级经济开发区以来", ("2008", "2026-03")),
    ("近三年", "近三年", ("2023", "2025")),
    ("过去3年", "过去3年", ("2023", "2025")),
    ("连续3年", "连续3年", ("2023", "2025")),
    ("半年多来", "半年多来", ("2025", "2026-03")),
    ("一年多来", "一年多来", ("2025", "2026-03")),
    ("仅一年多时间", "仅一年多时间", ("2025", "2026-03")),
    ("4月18日", "4月18日", ("2026-04-18", "2026-04-18")),
    # a span of days across months, and the travel seasons of transport (held-out h27)
    ("7月1日至8月31日", "7月1日至8月31日", ("2026-07-01", "2026-08-31")),
    ("1月14日—2月22日", "1月14日—2月22日", ("2026-01-14", "2026-02-22")),
    ("春运", "春运", ("2026", "2026")),
    ("暑运期间", "暑运期间", ("2026", "2026")),
    ("寒假期间", "寒假期间", ("2026", "2026")),
    ("发布时间：2019-06-17", "2019-06-17", ("2019-06-17", "2019-06-17")),
    # the first and the last years of a five-year plan, and recent years with no count (held-out h34)
    ("“十三五”前两年", "“十三五”前两年", ("2016", "2017")),
    ("十四五的后三年", "十四五的后三年", ("2023", "2025")),
    ("近几年来", "近几年来", (None, "2026-03")),
    ("五年累计", "五年累计", ("2021", "2025")),
]


@pytest.mark.parametrize(("text", "surface", "period"), SPEC_ROWS, ids=[row[0] for row in SPEC_ROWS])
def test_time_phrase_period(rules, text, surface, period):
    assert [(t.text, t.period) for t in find_times(text, DATE, rules)] == [(surface, period)]


# Places where several years could start, or none can: the year rules scan the year's places once.
YEAR_PLACES = [
    "二〇二〇二一年",
    "20202021年",
    "2019 2020年、2021—2025年",
    "2025年1—5月、2024年12月末、2023年底",
    "第12019年",
    "1.2025年",
    "2025年\n3月",
]


@pytest.mark.parametrize("text", [row[0] for row in SPEC_ROWS] + YEAR_PLACES)
def test_shared_year_scan_finds_what_each_rule_finds(rules, text):
    builtin = load_rules()  # our rules scan the year once; the same rules built by hand are a user's, scanned each
    assert "YEAR" in compile_rules(builtin).leads and not compile_rules(rules).leads
    assert find_times(text, DATE, builtin) == find_times(text, DATE, rules)


# Numbers up to 12 that are months, or are not, or could start one inside another: the month rules
# scan, once for all, only the places where one of them matches.
MONTH_PLACES = [
    "十二月",
    "十二日",
    "12月1日至3月",
    "1—5月、12月末、3 月份",
    "二〇二〇年十二月",
    "1.5月",
    "第12月",
    "5至6月份",
    "增长12%，11个月",
    "3\n月",
]


@pytest.mark.parametrize("text", MONTH_PLACES)
def test_shared_month_scan_finds_what_each_rule_finds(rules, text):
    builtin = load_rules()
    assert "MONTH" in compile_rules(builtin).leads and not compile_rules(rules).leads
    assert find_times(text, DATE, builtin) == find_times(text, DATE, rules)


@pytest.mark.parametrize(
    ("rest", "shared"),
    [("年", True), (r"(?P<z>年)(?P=z)", True), (r"(年)\1", False), (r"\G年", False), (r"(年)?(?(1)底|末)", False)],
)
def test_no_shared_lead_where_a_group_number_or_the_last_match_counts(rest, shared):
    """Joined in one lookahead, the rests' group numbers shift, and \\G means another place."""
    macros = {"YEAR": r"(?P<y>20\d\d)"}
    times = [
        (rule, regex.compile(f"(?:{macros['YEAR']}){rule.pattern.removeprefix('{YEAR}')}"))
        for rule in (TimeRule(id=f"time.t{n}", role="time", pattern="{YEAR}" + rest, period=("{y}", "{y}")) for n in range(4))
    ]
    assert ("YEAR" in _shared_leads(times, macros)) is shared


# An item's mark matched at the start of each paragraph, within it: the definition the one scan keeps.
_ITEM_IN_PARAGRAPH = regex.compile(
    r"[\s\u3000]*(?:——|--|—|-|•|·|●|▪|\d{1,2}\s*[.．、﹒](?!\d)|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）]|[①-⑳])"
)


@pytest.mark.parametrize(
    "text",
    ["1.\n.x", "  - a\n\n1 \n. b\n（3）c", "1.5亿\n2、项目\n12 ．x", "①甲\n②乙\n三", " \u3000• x\u2028- y\n\u3000\n——z", "（二）x\n(十一)y"],
)
def test_list_items_of_one_scan_are_those_of_each_paragraph(text):
    paragraphs = TextUnits(text).paragraphs
    starts = {match.start() for match in _LIST_ITEM.finditer(text)}
    assert [p for p in paragraphs if p[0] in starts] == [p for p in paragraphs if _ITEM_IN_PARAGRAPH.match(text, *p)]


@pytest.mark.parametrize(("pattern", "text"), [("a+", "baab aa"), ("a*", "baab"), (r"(?<=b)a|b", "bab ab")])
def test_matches_from_places_is_finditer(pattern, text):
    compiled = regex.compile(pattern)
    every_place = list(range(len(text) + 1))
    assert [m.span() for m in matches_from(compiled, text, every_place)] == [m.span() for m in compiled.finditer(text)]


@pytest.mark.parametrize(
    ("pattern", "splits"),
    [
        (r"{YEAR}年|今年", True),
        (r"{YEAR}(?:年|今年)", False),
        (r"{YEAR}[|]年", False),
        (r"{YEAR}[](|]年|x", True),
        (r"{YEAR}\|年", False),
        (r"{YEAR}[^]|]", False),
        (r"{YEAR}(?#(|)年", True),
    ],
)
def test_top_level_alternative(pattern, splits):
    assert _has_top_level_alternative(pattern) is splits



@pytest.mark.parametrize(
    ("pattern", "openings"),
    [
        ("今年", ("今年",)),
        ("今年|本年度?", ("今年", "本年")),
        (r"前{NUM}\s*个月", ("前",)),
        (r"前\s*年", ("前",)),
        ("最近(?![几])", ("最近",)),
        ("年+", ("年",)),
        (r"(?:近|过去的?)\s*{NUM}|前年", ("近", "过去", "前年")),
        ("(?:近|过去)?年", ()),
        ("(?:近|{NUM})年", ()),
        ("今年|{NUM}年", ()),
        ("年{2}", ()),
        ("仅?{NUM}", ()),
        ("{YEAR}年", ()),
        ("(?<!上)年末", ("年末",)),
        ("(?:去年|(?<![以之])上年)(?:同期)?", ("去年", "上年")),
        ("(?<=[（(]){YEAR}", ()),
        ("(?=[一二])(?:{NUM})", ()),
        ("(?<!上)?年末", ()),
        ("(?#x)今年", ()),
    ],
)
def test_openings_are_the_literals_every_match_begins_with(pattern, openings):
    assert _openings(pattern) == openings


def test_rules_found_from_their_openings_match_as_their_own_scans():
    rules = load_rules()  # built in: a user's rule keeps its own time-limited scan
    compiled = compile_rules(rules)
    examples = [example for rule in rules["times"] for example in rule.examples]
    text = "当年初，今年本年度前年上半年，前不久目前前三季度，" + "，".join(examples)
    opened = compiled.openings.places(text)
    scans = [(order, scan) for order, scan in enumerate(compiled.times) if scan.openings]
    assert len(scans) >= 10
    for order, scan in scans:
        found = matches_from(scan.pattern, text, scan.places(text, opened, order))
        assert [m.span() for m in found] == [m.span() for m in scan.pattern.finditer(text)], scan.rule.id



def test_users_rules_keep_their_own_scans(rules):
    assert compile_rules(rules).openings is None  # these rules come from no built-in folder


def _window_patterns():
    compiled = compile_rules(load_rules())
    return [
        *((rule.id, pattern) for rule, pattern in compiled.before),
        *((rule.id, pattern) for rule, pattern, _ in (*compiled.bases, *compiled.locals)),
    ]


def test_window_patterns_are_gated_by_their_literals():
    gated = {rule_id for rule_id, pattern in _window_patterns() if pattern.needs is not None}
    assert {"mod.as_of", "mod.until", "base.compare", "base.of_multiple", "local.change_from"} <= gated


# the window searches' literals and what stands around them in a text
_WINDOW_CHARACTERS = "截至止到目前为是比较較与同环相当于由从從增加长提高减少下降年月日的上 　，1"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_WINDOW_CHARACTERS, max_size=8))
def test_window_gate_finds_what_the_search_finds(window):
    """A window that holds none of a pattern's characters is not searched: it holds no match."""
    for rule_id, pattern in _window_patterns():
        found, expected = pattern.search(window), pattern.pattern.search(window)
        assert (found and found.span()) == (expected and expected.span()), rule_id
        assert [m.span() for m in pattern.finditer(window)] == [m.span() for m in pattern.pattern.finditer(window)]


MONTHS_AND_NOT = [
    "3月", "3 月份", "1—5月", "12月末", "4月18日", "3日", "1—5", "3\n月", "增长3.5%，11个", "三季度",
    "1—\n11月，增长5%；12月\n末", "5，月", "前3个月，1至\n3月、4月", "（2月）", "“3月”",
]  # fmt: skip


@pytest.mark.parametrize("text", MONTHS_AND_NOT)
def test_month_scan_skipped_without_its_literal_finds_what_it_would(text):
    """The month lead is scanned only in the clauses that hold 月 (none in a text without it): in
    one with it, or without, its places are those the lead's own scan of the whole text finds."""
    lead = compile_rules(load_rules()).leads["MONTH"]
    assert isinstance(lead, _InClauses) and lead.gate.literals == ("月",)
    found = [match.span() for match in lead.finditer(text, overlapped=True)]
    assert found == [match.span() for match in lead.pattern.finditer(text, overlapped=True)]


_MONTH_PIECES = [*"0123456789", *"一二三十", "月", "日", "号", "份", "末", "底", "—", "-", "至", "到", " ", "\n", "\u3000",
                 "，", "。", "；", "、", "：", "（", "）", "年", ".", "增长", "个"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_MONTH_PIECES), max_size=40).map("".join))
def test_month_lead_over_clauses_finds_the_places_of_its_whole_scan(text):
    lead = compile_rules(load_rules()).leads["MONTH"]
    found = [match.span() for match in lead.finditer(text, overlapped=True)]
    assert found == [match.span() for match in lead.pattern.finditer(text, overlapped=True)]


def test_one_search_for_the_modifiers_and_bases_before_a_time_holds_each_of_their_characters():
    """A window before a time where `before_firsts` finds nothing is one where no modifier or base
    before a time can match (`_candidates` skips their searches there): its class holds exactly
    the characters of their `needs`, every one of which is proved."""
    compiled = compile_rules(load_rules())
    searches = [searched for _, searched in compiled.before] + [searched for _, searched, _ in compiled.bases]
    assert compiled.before_firsts is not None and all(searched.needs is not None for searched in searches)
    for code in range(0x10000):
        char = chr(code)
        held = any(searched.needs.search(char) for searched in searches)
        assert (compiled.before_firsts.search(char) is not None) == held, char


NOT_TIMES = [
    ("提升低效用地2000亩", "number-not-year"),
    ("全市生产总值比上年增长10%", "comparison-base-last-year"),
    ("比2010年增长一倍", "comparison-base-year"),
    ("比上年末增加1.35万人", "comparison-base-year-end"),
    ("项目9个月投产", "duration-achievement"),
    ("规模以上年产值", "yishang-not-last-year"),
    ("学前三年毛入园率为99.1%", "preschool-years-are-a-stage"),
    ("“十三五”中期评估工作启动", "plan-midterm-names-when-a-review-is-made"),
    # a comparative before a time sets a base (好于上年, 高于去年同期), as 比 does (held-out h39)
    ("秋粮长势总体好于上年", "comparative-base-better-than-last-year"),
    ("棉花单产明显高于去年同期", "comparative-base-higher-than-last-year"),
]


@pytest.mark.parametrize("text", [case[0] for case in NOT_TIMES], ids=[case[1] for case in NOT_TIMES])
def test_not_a_time(rules, text):
    assert find_times(text, DATE, rules) == []


def _period_of(rules: RuleSet, text: str, quantity: str, doc_date: str | None = DATE):
    """The period assigned to the last occurrence of `quantity` in `text`."""
    start = text.rindex(quantity)
    times = find_times(text, doc_date, rules)
    [assignment] = assign_periods(text, [(start, start + len(quantity))], times, doc_date, rules)
    return assignment


SCOPING = [
    ("sentence", "2024年，全市生产总值达100亿元，增长5%。", "5%", ("2024", "2024")),
    ("clause-after-figure", "一期工程300MW于2018年建成投产。", "300MW", ("2018", "2018")),
    ("later-time-takes-over", "2023年投资3亿元，今年将投资5亿元。", "5亿元", ("2026", "2026")),
    ("paragraph-opener", "2024年，全市生产总值达100亿元。粮食产量达20万吨。", "20万吨", ("2024", "2024")),
    # a plan named as what set the indicators a figure counts (“十四五”规划纲要确定的…指标) names them: the time that opens
    # the sentence governs (held-out h39)
    ("plan-that-set-the-indicators", "截至2024年底，“十四五”规划纲要确定的20项约束性指标中，有18项达到序时进度。", "18项",
     (None, "2024-12")),
    ("plan-that-set-the-indicators-counted", "截至2024年底，十四五规划提出的20项约束性指标进展顺利。", "20项", (None, "2024-12")),
    # 全年 after a comparative base (好于上年) is the governing year, not the base's (held-out h39)
    ("full-year-after-a-comparative-base", "今年全省油料播种面积210万亩。夏粮长势好于上年，预计全年油料总产量可达到9亿斤。", "9亿斤",
     ("2026", "2026")),
    (
        "opener-after-sentence-without-time",
        "产业加快发展。4月18日，签约项目12个。协议总投资40亿元。",
        "40亿元",
        ("2026-04-18", "2026-04-18"),
    ),
    (
        "paragraph-ended-by-another-time",
        "2024年，生产总值达100亿元。项目预计2025年投产。新增企业30家。",
        "30家",
        (None, None),
    ),
    (
        "not-opener-after-sentence-with-time",
        "生产总值达100亿元，2023年增长5%。2024年，粮食产量达20万吨。新增企业30家。",
        "30家",
        (None, None),
    ),
    (
        "heading",
        "一、2024年工作回顾\n全市新增企业30家。\n二、2025年主要目标任务\n新增企业40家。",
        "30家",
        ("2024", "2024"),
    ),
    (
        "next-heading",
        "一、2024年工作回顾\n全市新增企业30家。\n二、2025年主要目标任务\n新增企业40家。",
        "40家",
        ("2025", "2025"),
    ),
    (
        "full-year-in-review-section",
        "报告\n2024年工作回顾\n全年新增企业30家，增长5%。",
        "30家",
        ("2024", "2024"),
    ),
    (
        "one-year-in-review-subheading",
        "报告\n2024年工作回顾\n一年来，我们狠抓项目建设，发展后劲持续增强\n新增企业30家，增长5%。",
        "30家",
        ("2024", "2024"),
    ),
    (
        "title",
        "2019年某市国民经济和社会发展统计公报\n某市统计局\n全市新增企业30家。",
        "30家",
        ("2019", "2019"),
    ),
    (
        "list-intro-colon",
        "发展目标\n到2023年，实现以下目标：\n——新增企业30家。\n——培育平台5个。",
        "5个",
        (None, "2023"),
    ),
    (
        "list-intro-without-colon",
        "发展目标\n到2023年，产业规模明显扩大。\n1.新增企业30家。\n2.培育平台5个。",
        "5个",
        (None, "2023"),
    ),
    # run-in headed paragraphs （一）…（四） under a section's lead are its items: the lead's time governs
    # those that name none (held-out h29)
    (
        "run-in-subsection-takes-the-lead",
        "二、以旧换新推进情况\n今年以来，全市发放补贴资金4亿元。\n（一）汽车。截至3月10日，受理申请1万份。\n（二）家电。全市销售家电40万台。",
        "40万台",
        ("2026", "2026-03"),
    ),
    (
        "run-in-subsection-first-item",
        "一、主要工作\n2025年，全县粮食总产量29.6亿斤。\n（一）农田建设。建成高标准农田12万亩。",
        "12万亩",
        ("2025", "2025"),
    ),
    (
        "run-in-subsection-own-time-first",
        "二、推进情况\n今年以来，全市发放补贴资金4亿元。\n（一）汽车。截至3月10日，受理申请1万份。",
        "1万份",
        (None, "2026-03-10"),
    ),
    (
        "later-item-after-an-item-body-has-no-intro",
        "报告\n（一）农田。建成农田5万亩。\n2025年12月，项目通过验收。\n（二）农机。拥有拖拉机6820台。",
        "6820台",
        (None, None),
    ),
    # a plan named in passing at the end of the paragraph before the items is no frame for them: the
    # section's year governs (…，“十二五”实现了良好开局。 ⏎ （一）…全年…; held-out h36)
    (
        "plan-named-in-passing-before-items",
        "一、2023年工作回顾\n过去一年，全县生产总值88.2亿元。各项指标好于预期，“十四五”迈出坚实步伐。\n（一）农业稳中有进。全年粮食产量41.3万吨。\n（二）城乡面貌改善。新建公园7个。",
        "41.3万吨",
        ("2023", "2023"),
    ),
    (
        "plan-named-in-passing-before-items-no-own-time",
        "一、2023年工作回顾\n过去一年，全县生产总值88.2亿元。各项指标好于预期，“十四五”迈出坚实步伐。\n（一）农业稳中有进。全年粮食产量41.3万吨。\n（二）城乡面貌改善。新建公园7个。",
        "7个",
        ("2023", "2023"),
    ),
    # a span up to now that opens a paragraph gives way to a year opening the next sentence, whose reach
    # then goes on (…以来，累计…。2024年，…。其中，…。), as a new paragraph's would (held-out h36)
    (
        "year-after-a-since-opener-governs-on",
        "产业概况\n茶产业是全县的主导产业。“十四五”以来，全县新建茶园3.1万亩。2024年，全县茶园面积9万亩。其中，高山茶园2.2万亩。某镇建成加工厂1座，年产值6000万元。",
        "6000万元",
        ("2024", "2024"),
    ),
    (
        "year-after-a-since-opener-governs-its-parts",
        "产业概况\n茶产业是全县的主导产业。“十四五”以来，全县新建茶园3.1万亩。2024年，全县茶园面积9万亩。其中，高山茶园2.2万亩。",
        "2.2万亩",
        ("2024", "2024"),
    ),
    # a stock's date after it does not (截至…底 dates the stock only)
    (
        "stock-date-after-a-since-opener-does-not-govern-on",
        "产业概况\n茶产业是全县的主导产业。“十四五”以来，全县新建茶园3.1万亩。截至2025年底，全县茶园面积9万亩。某镇建成加工厂1座。",
        "1座",
        (None, None),
    ),
    (
        "time-inside-an-intro-ending-in-a-colon-governs-the-items",
        "发展目标\n全县力争到2027年实现以下目标：\n1.新增企业30家。\n2.培育平台5个。",
        "5个",
        (None, "2027"),
    ),
    # 现有 after a company names what it has now, not at the stock date of the sentence before (held-out h31)
    ("company-has-now-after-a-stock-date", "截至2025年末，集团资产总额达128亿元。集团现有子公司46家，员工3860人。", "3860人", (None, "2026-03")),
    ("per-year", "2021—2023年，每年培育企业100家。", "100家", ("2021", "2023")),
    ("no-time", "全市新增企业30家。", "30家", (None, None)),
    ("comparison-base-governs-nothing", "全市生产总值比上年增长10%。", "10%", (None, None)),
    ("quarter-in-year", "2025年一季度，全市生产总值增长5%。", "5%", ("2025-01", "2025-03")),
    ("this-round", "4月18日，项目集中签约。此次签约项目20个。", "20个", ("2026-04-18", "2026-04-18")),
    ("this-edition", "9月6日，第五届茶文化节开幕。本届茶文化节签约项目18个。", "18个", ("2026-09-06", "2026-09-06")),
    ("this-edition-of-a-forum", "论坛将于11月2日在县城举行。我们期待本届论坛吸引嘉宾300名。", "300名", ("2026-11-02", "2026-11-02")),
    ("change-from-own-time", "今年一季度，全县茶企由2020年的85家增加到120家。", "85家", ("2020", "2020")),
    # the start's own time also past the whole it is ranked in or a bound before the figure (held-out round 44)
    ("change-from-own-time-rank-in-whole", "2025年，该县营商环境由2021年的全市第14位上升到第3位。", "第14位", ("2021", "2021")),
    ("change-from-own-time-bound", "今年，村集体收入从2019年的不到5万元增加到31万元。", "5万元", ("2019", "2019")),
    ("change-to-takes-the-sentence-time", "今年一季度，全县茶企由2020年的85家增加到120家。", "120家", ("2026-01", "2026-03")),
    # 从…年起 with no 的 is no change's start: it governs on, from that year to now, as 2020年以来 (held-out h30)
    ("from-without-de-governs-on", "从2020年起，全县茶企增加到120家。", "120家", ("2020", "2026-03")),
    (
        "time-in-an-event-name",
        "3月17日上午，全市2026年一季度重点项目集中开工活动举行。此次开工项目28个。其中工业项目19个。",
        "19个",
        ("2026-03-17", "2026-03-17"),
    ),
    # 此次 before the event's name is the event itself, not a time inside its name (held-out round 32)
    (
        "this-event-opening-its-name",
        "5月9日，全县第三批项目集中签约。\n此次签约仪式设2个分会场，签约项目15个。",
        "2个",
        ("2026-05-09", "2026-05-09"),
    ),
    (
        "quarter-in-a-meeting-name",
        "11月26日，全县四季度重点项目现场推进会召开。与会人员察看了8个项目。",
        "8个",
        ("2026-11-26", "2026-11-26"),
    ),
    ("change-to-own-time", "全县茶企由2020年的85家增加到2025年的120家。", "120家", ("2025", "2025")),
    # a time inside a document's title in the sentence names the document: the sentence's own time governs
    (
        "years-inside-a-title",
        "2027年，全县将以《数字经济三年行动方案（2025—2027年）》为抓手，力争新增企业50家。",
        "50家",
        ("2027", "2027"),
    ),
    (
        "a-line-that-is-all-a-title-governs",
        "县负责人就《数字经济行动方案（2026—2030年）》答记者问\n问：方案有哪些目标？\n答：每年新增企业50家。",
        "50家",
        ("2026", "2030"),
    ),
    ("change-to-is-no-horizon", "一、过去五年工作回顾\n茶园由2020年的45万亩扩大到2025年的60万亩，茶企新增30家。", "30家", ("2021", "2025")),
    ("change-to-with-zhi", "今年一季度，城镇化率从2020年的43%提高至2025年的52%，新增企业5家。", "5家", ("2026-01", "2026-03")),
    # a price base (上年不变价, 2020年不变价格) values a figure and governs none: the paragraph's time still does
    (
        "price-base-of-last-year",
        "1—8月，全省快递业务收入增长6.2%。按照上年不变价计算的邮政业务总量同比增长9.4%。",
        "9.4%",
        ("2026-01", "2026-08"),
    ),
    ("price-base-of-a-year", "今年一季度，按2020年不变价格计算的工业增加值增长5.1%。", "5.1%", ("2026-01", "2026-03")),
    # a season's dates in brackets govern its clauses; the next season's clause after ； is its own (held-out h27)
    ("season-with-its-days", "2025年，暑运期间（7月1日至8月31日），集团共保障旅客412.6万人次；春运40天，共运送旅客258.3万人次。", "412.6万人次", ("2025-07-01", "2025-08-31")),
    # a time framing its own sentence late in it leaves the paragraph to the time that opened it (held-out h34)
    ("plan-years-frame-their-sentence", "市长说。数据显示，2019年，全市企业达到512家，“十三五”前三年年均增长9.1%。工业产值达到88亿元。", "88亿元", ("2019", "2019")),
    ("years-taken-together-under-a-goals-heading", "二、今后五年主要目标\n到2030年，五年累计新增就业30万人。", "30万人", ("2026", "2030")),
    ("years-taken-together-in-a-review", "一、过去五年回顾\n2025年，产值增长6%。五年累计完成投资3200亿元，新增就业12万人。", "12万人", ("2021", "2025")),
    ("season-after-a-season", "2025年，暑运期间（7月1日至8月31日），集团共保障旅客412.6万人次；春运40天，共运送旅客258.3万人次。", "258.3万人次", ("2025", "2025")),
    # times listed before 分别 pair with the figures of its list, one by one (4月、5月、6月分别增长a、b和c)
    ("months-listed-first", "2025年，全县4月、5月、6月社零额分别增长2.1%、3.4%和2.7%。", "2.1%", ("2025-04", "2025-04")),
    ("months-listed-middle", "2025年，全县4月、5月、6月社零额分别增长2.1%、3.4%和2.7%。", "3.4%", ("2025-05", "2025-05")),
    ("months-listed-last", "2025年，全县4月、5月、6月社零额分别增长2.1%、3.4%和2.7%。", "2.7%", ("2025-06", "2025-06")),
    ("quarters-listed", "2025年，全市一季度和二季度分别完成出口9.6亿元和11.2亿元。", "9.6亿元", ("2025-01", "2025-03")),
    # a second list of the sentence, after the first's clause, pairs the same way
    ("quarters-listed-second-list", "2025年，全市一季度和二季度分别完成出口9.6亿元和11.2亿元，同比增长4.5%和6.1%。", "4.5%",
     ("2025-01", "2025-03")),
    # more figures than times: no pairing, the last time governs as before
    ("months-fewer-than-figures", "2025年，全县5月、6月分别新增企业12家、15家和9家。", "12家", ("2025-06", "2025-06")),
    # a yearly average after a change between two dated ends runs over the years the ends bound
    ("yearly-average-between-dated-ends", "2023年，全县森林覆盖率由2018年的41.2%提高到2023年的46.7%，年均提高1.1个百分点。",
     "1.1个百分点", ("2019", "2023")),
    ("yearly-average-between-dated-ends-wei", "全市人均可支配收入从2015年的2.1万元增长为2020年的3.2万元，年平均增长8.8%。", "8.8%",
     ("2016", "2020")),
    ("no-yearly-average-after-dated-ends", "2023年，全县森林覆盖率由2018年的41.2%提高到2023年的46.7%，新增造林3.5万亩。",
     "3.5万亩", ("2023", "2023")),
]


@pytest.mark.parametrize(("text", "quantity", "period"), [c[1:] for c in SCOPING], ids=[c[0] for c in SCOPING])
def test_scoping(rules, text, quantity, period):
    assert _period_of(rules, text, quantity).period == period


def test_scope_names_the_rule_that_carried_the_period(rules):
    assignment = _period_of(rules, "一、2024年工作回顾\n全市新增企业30家。", "30家")
    assert (assignment.rule, assignment.scope) == ("time.year", "scope.section")


def test_no_governing_time_has_a_reason(rules):
    assignment = _period_of(rules, "全市新增企业30家。", "30家")
    assert (assignment.rule, assignment.reason) == ("scope.none", "no time phrase governs it")


# One text with every scope, to assign its figures together: what scoping keeps per sentence,
# paragraph and section must serve every figure there, in any order.
SCOPES_TEXT = (
    "一、2024年工作回顾\n"
    "全市新增企业30家，增长5%。投资8亿元。\n"
    "2024年，生产总值达100亿元。粮食产量达20万吨，比上年增长3%。\n"
    "▲ 图为新建厂房\n"
    "新增就业1万人。\n"
    "二、2025年主要目标任务\n"
    "到2027年，实现以下目标：\n"
    "——新增企业40家。\n"
    "——培育平台5个。\n"
    "一期工程300MW于2018年建成投产，二期工程200MW。2019年新增产能50万吨。"
)
SCOPES_FIGURES = ["30家", "5%", "8亿元", "100亿元", "20万吨", "3%", "1万人", "40家", "5个", "300MW", "200MW", "50万吨"]


def test_figures_assigned_together_as_one_by_one(rules):
    spans = [(SCOPES_TEXT.index(f), SCOPES_TEXT.index(f) + len(f)) for f in SCOPES_FIGURES]
    times, scope = scoped_times(SCOPES_TEXT, DATE, rules)  # the scope that found the times, answers kept
    assert times == find_times(SCOPES_TEXT, DATE, rules)
    alone = [assign_periods(SCOPES_TEXT, [span], times, DATE, rules)[0] for span in spans]  # a new scope each
    together = assign_periods(SCOPES_TEXT, spans, times, DATE, rules, scope)
    backwards = assign_periods(SCOPES_TEXT, spans[::-1], times, DATE, rules)[::-1]
    assert together == alone == backwards
    assert {a.scope for a in together} == {
        "scope.clause", "scope.clause_after", "scope.sentence", "scope.paragraph", "scope.list", "scope.section"
    }


@pytest.mark.parametrize(
    ("figure", "intro"),
    [("40家", "到2027年，实现以下目标：\n"), ("5个", "到2027年，实现以下目标：\n"), ("30家", None)],
    ids=["first-item", "second-item", "no-item"],
)
def test_list_intro_is_the_sentence_before_the_items(figure, intro, rules):
    found = list_intro(SCOPES_TEXT, SCOPES_TEXT.index(figure), rules)
    assert (SCOPES_TEXT[slice(*found)] if found else None) == intro


LISTS_TEXT = (
    "——开篇即列表项。\n今年要做好两件事：\n——新增企业40家。\n——培育平台5个。\n全年目标如下。\n1.投资10亿元。\n2.就业1万人。\n"
    "2025年，项目全部竣工。\n3.新增产能5万吨。\n今年以来，全市发放补贴4亿元。\n（一）汽车1万辆。\n（二）家电40万台。"
)


@pytest.mark.parametrize("order", [1, -1], ids=["forwards", "backwards"])
def test_list_intros_asked_in_any_order_are_the_sentences_before_their_lists(order, rules):
    units = TextUnits(LISTS_TEXT)
    # the definition: the last sentence of the last paragraph that is no item, if the item after it can
    # open a list (a bullet, 1., （一）)
    before, intro, expected = None, None, []
    for start, end in units.paragraphs:
        item = _LIST_ITEM.match(LISTS_TEXT, start)
        if item is None:
            before = intro = units.sentence_at(end - 1)
        elif before is not None:  # the first item of a run
            intro, before = (before if item.group("number") in (None, "1", "一") else None), None
        expected.append(intro if item else None)
    found = [list_intro(LISTS_TEXT, start, rules) for start, _ in units.paragraphs[::order]][::order]
    assert found == expected
    assert [LISTS_TEXT[slice(*sentence)] if sentence else None for sentence in found] == [
        None, None, "今年要做好两件事：\n", "今年要做好两件事：\n", None, "全年目标如下。", "全年目标如下。", None,
        None, None, "今年以来，全市发放补贴4亿元。", "今年以来，全市发放补贴4亿元。",
    ]


@pytest.mark.parametrize(
    ("doc_date", "period"),
    [("2026-03", ("2025", "2025")), ("2024-01-20", ("2023", "2023")), (None, (None, None))],
    ids=["dated-2026", "dated-2024", "undated"],
)
def test_document_date_shifts_relative_periods(rules, doc_date, period):
    assert _period_of(rules, "去年全市新增企业30家。", "30家", doc_date).period == period


def test_relative_time_without_date_is_unresolved(rules):
    [time] = find_times("今年新增企业30家", None, rules)
    assert (time.period, time.relative, time.unresolved) == ((None, None), True, True)


def test_explicit_time_without_date_is_resolved(rules):
    [time] = find_times("2024年新增企业30家", None, rules)
    assert (time.period, time.relative, time.unresolved) == (("2024", "2024"), False, False)


DATES = [
    ("plan-first-year", "今年是“十五五”开局之年，全市上下奋勇争先。", "2026"),
    ("plan-first-year-14th", "今年是“十四五”开局之年。", "2021"),
    # a plan's first year named as next year: the text speaks from the year before (a year-end interview)
    ("plan-first-year-named-as-next-year", "岁末之际，记者专访了县委书记。\n明年是“十四五”开局之年，全县将抓好项目建设。", "2020"),
    # a dateline without its year completes a year the rest of the text gives alone, and dates nothing alone
    ("dateline-without-year-completes-the-year", "新华社成都12月20日电\n明年是“十四五”开局之年，全省将扩大投资。", "2020-12-20"),
    ("dateline-without-year-completes-a-plan-year", "本报杭州3月5日电 今年是“十五五”开局之年。", "2026-03-05"),
    ("plan-first-year-and-month", "“十五五”开局之年，3月的宁波慈溪市春意盎然。", "2026-03"),
    ("report-dateline", "政府工作报告\n（2024年1月20日在某县第十八届人民代表大会第三次会议上）\n各位代表：", "2024-01-20"),
    ("report-dateline-dashed", "政府工作报告\n——2024年1月20日在某县第十八届人民代表大会第三次会议上\n各位代表：", "2024-01-20"),
    ("news-dateline", "新华社北京2024年1月15日电 记者从会上获悉", "2024-01-15"),
    ("communique-title", "2019年某市国民经济和社会发展统计公报\n某市统计局\n（2020年3月18日）", "2019"),
    ("publication-field", "重点项目集中签约\n发布时间：2019-06-17\n", "2019-06-17"),
    ("portal-date-line", "全县12个项目集中开工\n\n2025-04-02 09:15　来源：县融媒体中心\n\n4月1日，全县项目集中开工。", "2025-04-02"),
    ("signature-line", "请认真贯彻执行。\n某省人民政府办公厅\n　　2023年5月16日\n", "2023-05-16"),
    # report titles that say which period they report on, and a month before 开局之年
    ("month_then_plan_first_year", "4月的江南，春意正浓。\n今年是“十五五”开局之年。", "2026-04"),
    ("quarters_report_title", "2023年前三季度某市工业运行情况分析\n一、工业生产", "2023-10"),
    ("first_quarter_report_title", "2022年一季度某县经济形势分析\n全县生产总值增长5%。", "2022-04"),
    ("months_report_title", "2025年1—5月全市外贸运行情况\n全市出口增长。", "2025-06"),
    ("communique_title", "2023年某市国民经济和社会发展统计公报\n全年生产总值", "2023"),
    # a communiqué's title may open with its place; a survey's data communiqué reports on the survey's year;
    # a plan speaks from the session that approved it
    ("communique_title_place_first", "某县2024年国民经济和社会发展统计公报\n某县统计局\n（2025年3月20日）", "2024"),
    ("survey_communique_title", "某市2025年全国1%人口抽样调查主要数据公报\n（2026年5月8日）\n", "2025"),
    # a bulletin on the state of the environment reports on its year as a statistical communiqué does
    ("environment_bulletin_title", "2025年某县生态环境状况公报\n某市生态环境局某县分局\n2026年6月5日\n", "2025"),
    ("plan_approval_dateline", "某市国民经济和社会发展第十五个五年规划纲要\n（2026年1月9日市第九届人民代表大会第六次会议批准）\n", "2026-01-09"),
    # a year's work summary speaks from that year's end
    ("year_summary_title", "某镇2025年工作总结和2026年工作计划\n一、2025年主要工作成效\n今年以来，全镇新增企业12家。", "2025-12"),
    ("year_summary_title_of_a_bureau", "县商务局2024年度工作总结\n全年实现社会消费品零售总额86亿元。", "2024-12"),
    # a publication field outranks a plan's first year named as the present, wherever each stands
    ("publication-field-over-plan-first-year", "今年是“十五五”开局之年。\n来源：某某日报　发布时间：2026-12-18 08:30\n", "2026-12-18"),
    # a news page's date and source on one line, without a clock time, under its headline
    ("dated-source-line-under-a-headline", "某县茶产业：一片叶子富了一方百姓\n2026-04-18 来源：某某日报\n去年全县茶叶产量增长5%。", "2026-04-18"),
    # a newspaper page's masthead line under the headline prints the date
    ("masthead-line", "某县工业转型调查\n——“十二五”中期某县工业调查\n\n某某日报　2013年09月02日　第04版\n\n8月初，记者走进园区。", "2013-09-02"),
    ("source-then-date-line", "某县茶产业兴旺\n来源：某某日报　2026-04-18\n去年全县茶叶产量增长5%。", "2026-04-18"),
    # evidence is ranked by strength, then by position; inference stops scanning once nothing can win
    # a report title only implies when it was written (the month after its period); a date the page
    # prints, or the signature's, says it
    ("publication-field-over-a-months-report-title", "2026年1—9月全省规模以上服务业运行情况\n\n发布时间：2026-11-05　来源：某省统计局\n", "2026-11-05"),
    ("signature-over-a-quarters-report-title", "2025年前三季度某市工业运行情况分析\n一、工业生产\n全市工业增长5%。\n某市统计局\n2025年11月3日\n", "2025-11-03"),
    ("stronger-later-wins", "发布时间：2019-06-17\n新华社北京2024年1月15日电 记者从会上获悉", "2024-01-15"),
    ("earlier-of-equals-wins", "新华社北京2024年1月15日电\n（2023年1月20日在某县人民代表大会第三次会议上）", "2024-01-15"),
    ("first-match-of-a-rule-wins", "新华社北京2024年1月15日电\n新华社北京2024年2月15日电", "2024-01-15"),
    ("invalid-match-skipped", "新华社北京2024年2月30日电\n新华社北京2024年2月15日电", "2024-02-15"),
]


@pytest.mark.parametrize(("text", "value"), [d[1:] for d in DATES], ids=[d[0] for d in DATES])
def test_infer_document_date(rules, text, value):
    inferred = infer_document_date(text, rules)
    assert (inferred.value, inferred.source) == (value, "inferred")


def test_a_credit_line_with_the_publication_date_survives_layout_repair():
    """The date is inferred from the text as read (after layout repair): a credit line between a
    subtitle and a news lead is no caption dropped into a broken sentence, so its date stays."""
    from policy_extract import extract

    text = (
        "某县秋粮喜获丰收\n种粮大户收入增速持续快于普通农户\n\n来源：某某日报　发布时间：2026-10-08 09:00\n\n"
        "本报讯（记者 张三）今年是“十五五”开局之年，全县秋粮增产5%。"
    )
    document = extract(text).document
    assert (document.date, document.date_source) == ("2026-10-08", "inferred")


def test_probe_reports_every_date_rule_that_fires(rules):
    text = "2019年某市国民经济和社会发展统计公报\n发布时间：2019-06-17\n　　2023年5月16日\n"
    assert {"date.communique", "date.published", "date.signature"} <= probe(text, rules)


@pytest.mark.parametrize(
    "text",
    ["全市新增企业30家。", "回首过去的2016年，是“十三五”的开局之年。", "某镇2025年上半年工作总结\n上半年新增企业6家。",
     "新华社西安12月28日电 全县新增企业30家。"],
    ids=["nothing", "past-plan-first-year", "half-year-summary", "dateline-without-year-alone"],
)
def test_no_document_date(rules, text):
    assert infer_document_date(text, rules) is None


@pytest.mark.parametrize("value", ["2026", "2026-03", "2018-01-31"], ids=["year", "month", "day"])
def test_date_option_accepted(value):
    assert parse_date_option(value) == value


@pytest.mark.parametrize(
    "value",
    ["2026-13", "2025-02-30", "26", "2026/03", "", "2026-3"],
    ids=["month-13", "feb-30", "short-year", "slash", "empty", "one-digit-month"],
)
def test_date_option_rejected(value):
    with pytest.raises(DateError):
        parse_date_option(value)


# ---------------------------------------------------------------------------- spaCy component


@dataclass(frozen=True)
class _Quantity:
    start: int
    end: int


def _doc(text: str, quantity: str, date: DocDate | None):
    import policy_extract.components.times  # noqa: F401 - registers the factory

    nlp = spacy.blank("zh")
    nlp.add_pipe("policy_extract_times")
    doc = nlp.make_doc(text)
    start = text.index(quantity)
    span = doc.char_span(start, start + len(quantity), alignment_mode="expand")
    span._.quantity = _Quantity(start, start + len(quantity))
    doc.spans["quantities"] = [span]
    doc._.date = date
    return nlp.get_pipe("policy_extract_times")(doc)


def test_component_sets_quantity_period():
    doc = _doc("今年新增企业30家。", "30家", DocDate("2024-05", "given"))
    span = doc.spans["quantities"][0]
    assert (span._.period, span._.period_rule) == (("2024", "2024"), "time.this_year")


def test_component_writes_time_spans():
    doc = _doc("今年新增企业30家。", "30家", DocDate("2024-05", "given"))
    assert [(s.text, s._.period) for s in doc.spans["times"]] == [("今年", ("2024", "2024"))]


def test_component_infers_missing_date():
    doc = _doc("今年是“十五五”开局之年，新增企业30家。", "30家", None)
    assert (doc._.date.value, doc._.date.source) == ("2026", "inferred")


def test_component_warns_without_date():
    doc = _doc("今年新增企业30家。", "30家", None)
    assert (doc.spans["quantities"][0]._.period, len(doc._.warnings)) == ((None, None), 1)


# Forms that texts unlike the dev set raised (news leads, 前N个月, captions, traditional script).
BEYOND_DEV_PERIODS = [
    ("first_months", "前5个月，全市出口300亿元。", "300亿元", "2025-06", ("2025-01", "2025-05")),
    (
        "first_months_title_governs_document",
        "某市前4个月外贸增长8%\n\n全市出口120亿元。",
        "120亿元",
        "2025-05",
        ("2025-01", "2025-04"),
    ),
    (
        "news_lead_before_opening_time",
        "本报讯 据市统计局统计，今年1—4月，全市出口120亿元。其中，机电产品出口40亿元。",
        "40亿元",
        "2025-05",
        ("2025-01", "2025-04"),
    ),
    (
        "reporter_lead_before_opening_time",
        "本报讯（记者 王明）记者从市商务局获悉，2024年，全市出口120亿元。外资企业出口占比为35%。",
        "35%",
        "2025-02",
        ("2024", "2024"),
    ),
    (
        "report_day_in_the_lead_is_not_the_opening_time",
        "本报讯（记者 李华）5月6日，记者从市商务局获悉，今年一季度，全市出口86亿元。其中，机电产品出口31亿元。",
        "31亿元",
        "2025-05",
        ("2025-01", "2025-03"),
    ),
    (
        "report_day_before_a_statistics_lead",
        "7月15日，据县统计局统计，上半年全县规上工业增加值增长9%。其中，装备制造业增长12%。",
        "12%",
        "2025-07",
        ("2025-01", "2025-06"),
    ),
    # an interview's answer, after the speaker's label, opens with its time: it governs the answer
    (
        "speaker_label_before_opening_time",
        "王建国：“去年，全县新签约项目46个。我们的营商环境评价位次前移至全市第3位。”",
        "第3位",
        "2026-02",
        ("2025", "2025"),
    ),
    (
        "speaker_label_before_opening_half_year",
        "李敏：今年上半年，园区完成工业投资38亿元。其中技改投资12亿元。",
        "12亿元",
        "2026-08",
        ("2026-01", "2026-06"),
    ),
    # a press conference's 问：/答： labels: the answer's opening time governs the answer
    (
        "answer_label_before_opening_time",
        "问：明年有哪些打算？\n答：明年，全省将新建高标准农田300万亩。省级财政将安排乡村振兴专项资金58亿元。",
        "58亿元",
        "2026-12",
        ("2027", "2027"),
    ),
    (
        "reporter_label_before_opening_time",
        "记者：2025年全市外贸表现如何？\n张华：“2025年，全市出口增长6%。机电产品占出口总额的58%。”",
        "58%",
        "2026-01",
        ("2025", "2025"),
    ),
    (
        "holiday_opens_its_paragraph",
        "春节假期，全市接待游客320万人次。旅游收入同比增长15%。",
        "15%",
        "2026-02",
        ("2026", "2026"),
    ),
    (
        "bare_holiday_phrase_is_the_governing_year",
        "2024年国庆假期全县接待游客50万人次。\n\n消费市场活跃。假期期间，重点商贸企业销售额增长8%。",
        "8%",
        "2025-03",
        ("2025", "2025"),
    ),
    (
        "project_groundwork_is_not_the_present",
        "2026年重点工作：统筹安排5000万元资金用于项目前期工作。",
        "5000万元",
        "2026-01",
        ("2026", "2026"),
    ),
    (
        "last_full_year_is_a_base",
        "据统计，1月份全市社零总额386亿元，增速较去年全年加快1.3个百分点。其中，网上零售额占比达到27.6%。",
        "27.6%",
        "2025-02",
        ("2025-01", "2025-01"),
    ),
    (
        "source_line_under_the_title_does_not_join_the_lead_to_it",
        (
            "假日消费观察\n来源：某日报　发布时间：2025-10-09\n\n本报讯（记者 李明）10月8日，记者从市商务局获悉，"
            "今年国庆假期期间，全市销售额9亿元。其中，餐饮收入增长12%。"
        ),
        "12%",
        "2025-10-09",
        ("2025", "2025"),
    ),
    (
        "paragraph_of_parts_continues_the_one_before",
        "今年一季度，全市出口86亿元。\n\n其中，机电产品出口31亿元。",
        "31亿元",
        "2025-05",
        ("2025-01", "2025-03"),
    ),
    ("next_paragraph_is_not_governed", "今年一季度，全市出口86亿元。\n\n机电产品出口31亿元。", "31亿元", "2025-05", (None, None)),
    (
        "data_show_lead",
        "数据显示，1—10月，全市社零总额4512亿元。网上零售额增长18.7%。",
        "18.7%",
        "2025-11",
        ("2025-01", "2025-10"),
    ),
    (
        "restated_year_keeps_governing",
        "2024年，全市新增企业300家。全年工业产值增长6%。带动配套企业80余家。",
        "80余家",
        "2025-02",
        ("2024", "2024"),
    ),
    (
        "caption_lines_do_not_end_the_paragraph",
        "去年，园区企业达到120家。\n▲ 工人在车间装配产品。\n本版图片由市融媒体中心提供\n园区产值增长12%。",
        "12%",
        "2025-02",
        ("2024", "2024"),
    ),
    # a streak frames its clauses up to the ； after it; past it the time before governs again
    (
        "streak_governs_its_clause",
        "2026年，全省粮食总产量600亿斤，连续8年稳定在550亿斤以上；粮食平均亩产400公斤，比上年提高3公斤。",
        "550亿斤以上",
        "2026-12",
        ("2019", "2026"),
    ),
    (
        "streak_ends_at_the_semicolon",
        "2026年，全省粮食总产量600亿斤，连续8年稳定在550亿斤以上；粮食平均亩产400公斤，比上年提高3公斤。",
        "3公斤",
        "2026-12",
        ("2026", "2026"),
    ),
    (
        "streak_alone_in_its_sentence_ends_at_the_semicolon",
        "全县连续5年获评平安县，群众满意度98%；今年新增平安村12个。",
        "98%",
        "2026-12",
        ("2021", "2025"),
    ),
    (
        "no_time_past_the_streaks_semicolon",
        "全县连续5年获评平安县，群众满意度98%；平安村达到126个。",
        "126个",
        "2026-12",
        (None, None),
    ),
    (
        "traditional_comparison_base",
        "去年出口三百億元，較前年成長百分之八。",
        "百分之八",
        "2025-02",
        ("2024", "2024"),
    ),
    # a graduating cohort is the year it graduates in; its base 上届 is no time (held-out h28)
    ("cohort_year", "去年全市就业形势稳定。2026届高校毕业生预计达到6.2万人，比上届增加0.3万人。", "0.3万人", "2026-01", ("2026", "2026")),
    ("past_cohort_year", "2025届高校毕业生去向落实率为91.2%。", "91.2%", "2026-01", ("2025", "2025")),
    # a cohort names whom a figure counts: a date before it in its sentence says when, also for the
    # paragraph's sentences after it
    ("as_of_before_a_cohort", "截至2026年6月30日，全县2026届中职毕业生就业率为95.4%。", "95.4%", "2026-09", (None, "2026-06-30")),
    (
        "as_of_before_a_cohort_governs_its_paragraph",
        "截至2026年6月30日，全县2026届中职毕业生就业率为95.4%。其中对口就业率为71.2%。",
        "71.2%",
        "2026-09",
        (None, "2026-06-30"),
    ),
    # 目前 after 对 is an adjective inside the noun phrase: it dates nothing
    ("now_inside_a_noun_phrase", "2026年，群众对目前社区服务的满意度为92.5%。", "92.5%", "2026-12", ("2026", "2026")),
    # a headline about last year over a news lead's day: the day is the report's, in the document's year (held-out h28)
    (
        "report_day_under_a_headline_about_last_year",
        "全县召开工业大会\n去年规上工业产值增长9%\n\n本报讯 3月2日，全县召开工业大会。本次大会签约项目12个。",
        "12个",
        "2026-03-05",
        ("2026-03-02", "2026-03-02"),
    ),
    (
        "day_of_last_year_under_a_headline_about_it",
        "去年规上工业产值增长9%\n\n11月8日，全县召开工业大会，签约项目12个。",
        "12个",
        "2026-03-05",
        ("2025-11-08", "2025-11-08"),
    ),
    # the carry-over and new effects of a CPI release: 去年 names whose price moves, no time (held-out h28)
    (
        "price_moves_of_last_year_are_no_time",
        "3月份，全市CPI同比上涨0.8%。在3月份0.8%的同比涨幅中，去年价格变动的翘尾影响约为0.3个百分点。",
        "0.3个百分点",
        "2026-04-20",
        ("2026-03", "2026-03"),
    ),
    # a span of days whose year is written once is of that year, and after an event's 期间 it opens its paragraph (held-out h29)
    ("year_written_once_for_days", "巡视期间（2023年9月1日至10月8日），共受理来信来访420件。", "420件", "2025-03", ("2023-09-01", "2023-10-08")),
    (
        "event_span_opens_its_paragraph",
        "巡视期间（2023年9月1日至10月8日），共受理来信来访420件。从问题类型看，涉及土地征收的138件。",
        "138件",
        "2025-03",
        ("2023-09-01", "2023-10-08"),
    ),
    ("days_across_years", "检查期间（2023年12月1日至2024年1月31日），共发现问题52个。", "52个", "2025-03", ("2023-12-01", "2024-01-31")),
    # a span that frames its own sentence (近五年) leaves the paragraph's opening time in force after it
    (
        "framing_span_leaves_the_opening_time",
        "2024年，全市外贸进出口总额860亿元。近五年，外贸年均增长7.2%。其中，出口额520亿元。",
        "520亿元",
        "2025-03",
        ("2024", "2024"),
    ),
]


@pytest.mark.parametrize(
    ("text", "quantity", "date", "expected"),
    [case[1:] for case in BEYOND_DEV_PERIODS],
    ids=[case[0] for case in BEYOND_DEV_PERIODS],
)
def test_period_beyond_the_dev_set(rules, text, quantity, date, expected):
    assert _period_of(rules, text, quantity, date).period == expected
