"""Headings and the sections they govern."""

from __future__ import annotations

import pytest

from policy_extract.sections import Outline, find_sections, section_at

REPORT = (
    "政府工作报告\n"
    "各位代表：\n"
    "2024年工作回顾\n"
    "一年来，我们狠抓项目建设，发展后劲持续增强\n"
    "全县生产总值增长8%。\n"
    "2025年工作安排\n"
    "今年的主要预期目标是：生产总值增长7%。\n"
    "一、做大工业经济\n"
    "（一）培育新兴产业\n"
    "1.建设产业园区\n"
    "新建厂房10万平方米。\n"
)


def _headings(text: str) -> list[tuple[str, int]]:
    return [(text[s.heading[0] : s.heading[1]], s.level) for s in find_sections(text)]


def test_headings_and_levels():
    assert _headings(REPORT) == [
        ("政府工作报告", 0),
        ("2024年工作回顾", 1),
        ("一年来，我们狠抓项目建设，发展后劲持续增强", 6),
        ("2025年工作安排", 1),
        ("一、做大工业经济", 2),
        ("（一）培育新兴产业", 3),
        ("1.建设产业园区", 4),
    ]


@pytest.mark.parametrize(
    ("marker", "heading"),
    [
        ("生产总值增长8%", "一年来，我们狠抓项目建设，发展后劲持续增强"),
        ("生产总值增长7%", "2025年工作安排"),
        ("厂房10万", "1.建设产业园区"),
        ("各位代表", "政府工作报告"),
    ],
    ids=["run-in-subheading", "chapter", "deepest-numbered", "title-only"],
)
def test_section_at_is_innermost(marker, heading):
    section = section_at(find_sections(REPORT), REPORT.index(marker))
    assert REPORT[section.heading[0] : section.heading[1]] == heading


def test_outline_finds_the_sections_that_contain_an_offset():
    outline = Outline(find_sections(REPORT))
    for offset in range(len(REPORT) + 1):
        containing = [s for s in find_sections(REPORT) if s.start <= offset < s.end]
        innermost_first = sorted(containing, key=lambda s: (s.level, s.start), reverse=True)
        assert outline.enclosing(offset) == innermost_first
        index = outline.innermost(offset)
        assert (outline.sections[index] if index is not None else None) == next(iter(innermost_first), None)


def test_chapter_extends_over_numbered_headings():
    chapter = next(s for s in find_sections(REPORT) if REPORT[s.heading[0] : s.heading[1]] == "2025年工作安排")
    assert (chapter.start, chapter.end) == (REPORT.index("2025年工作安排"), len(REPORT))


def test_title_covers_the_document():
    title = find_sections(REPORT)[0]
    assert (title.start, title.end) == (0, len(REPORT))


@pytest.mark.parametrize(
    "text",
    [
        "某市统计局\n（2020年3月18日）\n全年生产总值增长8%。",
        "某市统计局\n2020年3月18日\n全年生产总值增长8%。",
        "某县人民政府\n二〇二〇年三月十八日\n全年生产总值增长8%。",
        "报告\n各位代表：\n现在我代表政府作报告。",
        "报告\n12.7\n全市完成财政收入185亿元。",
    ],
    ids=["bracketed-date-line", "date-line", "date-line-in-numerals", "colon-line", "number-line"],
)
def test_lines_that_are_not_headings(text):
    assert _headings(text)[1:] == []


def test_short_line_before_a_short_line_is_not_a_heading():
    assert _headings("标题\n绍兴市统计局\n国家统计局绍兴调查队\n正文很长，包含句号。") == [
        ("标题", 0),
        ("国家统计局绍兴调查队", 1),
    ]


def test_a_subtitle_above_a_portal_line_heads_the_text_after_it():
    """A headline's second line stands over the article even when the web page's date and
    source line sits between them: its time governs where no nearer time does (SPEC 2.1)."""
    text = "某市：民营经济持续向好\n前10个月全市新设经营主体18.7万户\n\n2026-11-20 07:45　来源：某某日报\n\n记者获悉，全市经营主体增长5%。"
    assert _headings(text) == [("某市：民营经济持续向好", 0), ("前10个月全市新设经营主体18.7万户", 1)]


def test_no_text_no_sections():
    assert find_sections("") == []


@pytest.mark.parametrize(("length", "is_heading"), [(50, True), (51, False)])
def test_a_numbered_heading_is_at_most_50_characters(length, is_heading):
    line = "一、" + "甲" * (length - 2)
    expected = [(line, 2)] if is_heading else []
    assert _headings("标题\n" + line + "\n正文很长，包含句号。")[1:] == expected


# an appendix's title is a chapter of its own: the goals section before it does not reach its table
APPENDIX = (
    "四、下一步工作\n"
    "全年力争营业收入增长8%以上。\n"
    "附：2025年1—9月重点企业主要指标\n"
    "单位：亿元\n"
    "附表2　各县财政收入\n"
    "附件：名词解释\n"
)


def test_an_appendix_title_ends_the_section_before_it():
    assert _headings(APPENDIX) == [
        ("四、下一步工作", 2),
        ("附：2025年1—9月重点企业主要指标", 1),
        ("附表2　各县财政收入", 1),
        ("附件：名词解释", 1),
    ]
    section = section_at(find_sections(APPENDIX), APPENDIX.index("单位"))
    assert APPENDIX[section.heading[0] : section.heading[1]].startswith("附：")


def test_an_appendix_mark_alone_heads_with_the_title_below_it():
    text = "三、2026年工作计划\n力争新增农机500台。\n附表\n\n2025年农机购置补贴兑付情况\n机具类别\n拖拉机\n612\n"
    assert _headings(text) == [("三、2026年工作计划", 2), ("附表\n\n2025年农机购置补贴兑付情况", 1)]


@pytest.mark.parametrize("line", ["附近村：新增就业3000人", "附表格式：见下"])
def test_words_that_open_with_附_are_no_appendix(line):
    assert all(level != 1 for _, level in _headings("一、工作成效\n" + line + "\n全年增长5%。\n"))
