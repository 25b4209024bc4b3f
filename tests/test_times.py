"""Time phrases, the period each figure takes (SPEC 2.1), and the document date (SPEC 3).

Every case is a hand-written text; a figure is named by its text (``"8%#2"`` = its second
occurrence), and relative times resolve against a fixed document date.
"""

from __future__ import annotations

import pytest

from policy_extract.rule_files import RuleSet, load_rules
from policy_extract.times import assign_periods, find_times, infer_document_date


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return load_rules()


def _span(text: str, quantity: str) -> tuple[int, int]:
    surface, _, occurrence = quantity.partition("#")
    start = -1
    for _ in range(int(occurrence or 1)):
        start = text.index(surface, start + 1)
    return start, start + len(surface)


def _period(text: str, quantity: str, date: str, rules: RuleSet):
    times = find_times(text, date, rules)
    return assign_periods(text, [_span(text, quantity)], times, date, rules)[0].period


PERIODS = [
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
    (
        "traditional_comparison_base",
        "去年出口三百億元，較前年成長百分之八。",
        "百分之八",
        "2025-02",
        ("2024", "2024"),
    ),
]


@pytest.mark.parametrize(
    ("text", "quantity", "date", "expected"),
    [case[1:] for case in PERIODS],
    ids=[case[0] for case in PERIODS],
)
def test_period(rules, text, quantity, date, expected):
    assert _period(text, quantity, date, rules) == expected


DATES = [
    ("month_then_plan_first_year", "4月的江南，春意正浓。\n今年是“十五五”开局之年。", "2026-04"),
    ("quarters_report_title", "2023年前三季度某市工业运行情况分析\n一、工业生产", "2023-10"),
    ("first_quarter_report_title", "2022年一季度某县经济形势分析\n全县生产总值增长5%。", "2022-04"),
    ("months_report_title", "2025年1—5月全市外贸运行情况\n全市出口增长。", "2025-06"),
    ("communique_title", "2023年某市国民经济和社会发展统计公报\n全年生产总值", "2023"),
    ("no_evidence", "全市出口增长8%。", None),
]


@pytest.mark.parametrize(("text", "expected"), [case[1:] for case in DATES], ids=[case[0] for case in DATES])
def test_inferred_document_date(rules, text, expected):
    inferred = infer_document_date(text, rules)
    assert (inferred.value if inferred else None) == expected
