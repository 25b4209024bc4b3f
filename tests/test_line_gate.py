"""line_gate.py: a pattern scanned over the lines (or clauses) holding its literals finds what it finds over the whole text."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from policy_extract import numbers
from policy_extract.line_gate import (
    class_opening_gate,
    clause_gate,
    edge_characters,
    line_gate,
    line_start_gate,
    opening_words,
    required_characters,
    required_literals,
    text_gate,
)
from policy_extract.rule_files import load_rules

GATED = [
    (r"\d+(?:月|日)", {"月", "日"}),
    (r"\d+月|\d+日(?!元)", {"月", "日"}),  # a branch: either branch's words
    (r"(?<=分为?|分成)\d+", {"分"}),  # 分成 holds 分: one word is enough
    (r"\d+(?=的?(?:产值|投资))", {"产值", "投资"}),  # a lookahead's words are on the line too
    (r"(?<=(?:居|列)\p{Han}{0,5})\d", {"居", "列"}),  # and a lookbehind's
    (r"(?=.*月)\d+", {"月"}),  # `.` stops at the line break
    (r"^\d+(?:至|到)\d+$", {"至", "到"}),  # ^ and $ of MULTILINE
    (r"\d+(?:万|亿)?(?:以上的企业|以下的项目)", {"以上的企业", "以下的项目"}),  # characters in a row: one word
    (r"约?\d+(?:月|日)", {"月", "日"}),  # a match may begin with a digit: not only with a literal
    (r"\d+(?:[:：]\d+)+", {":", "："}),  # a class of literal characters: one of them
]


@pytest.mark.parametrize(("pattern", "literals"), GATED, ids=[p for p, _ in GATED])
def test_gate_literals(pattern, literals):
    gate = line_gate(pattern, regex.MULTILINE)
    assert gate is not None and set(gate.literals) == literals


UNGATED = [
    r"\d+\s*月",  # \s matches a line break
    r"[^x]\d月",  # so does a negated class
    r"(?s:.)\d月",  # and `.` under DOTALL
    r"(?<=。\n)\d+",  # a lookbehind that sees past the line break
    r"\d+月\Z",  # \Z: the end of the text, not of the window
    r"(?i)kw\d",  # case-insensitive literals
    r"\d+月?",  # nothing required
    r"(?!月)\d+",  # a negative lookahead requires nothing
    r"(\d)\1月",  # a node the analysis does not know (a back-reference)
    r"\d+分之\d+",  # one word: the regex module searches for it by itself
    r"前\d+(?:名|位)",  # every match begins with a literal, which the regex module searches for by itself
    r"(?<![一二])一(?:个|款)",  # after a lookbehind
    r"第?(?:一|二)?(?:届|次)|首(?:批|个)",  # in each branch, through optional items
    "|".join(f"{n}{unit}" for n in range(10) for unit in "个元吨"),  # too many words: in most lines
    r"\d+(",  # does not parse
    r"[“\"‘][^\n]{0,6}\d",  # every match begins with one of a class, which the regex module looks for by itself
    r"(?i)\d+[:k]",  # a case-insensitive class
]


@pytest.mark.parametrize("pattern", UNGATED)
def test_no_gate(pattern):
    assert line_gate(pattern, regex.MULTILINE) is None


def test_windows_join_consecutive_lines_and_exclude_line_breaks():
    gate = line_gate(r"\d+(?:月|日)", regex.MULTILINE)
    text = "3月\n5日\n无\n1月\n"
    assert list(gate.windows(text)) == [(0, 5), (8, 10)]
    assert list(gate.windows("无")) == []
    assert list(gate.windows("无\n12月")) == [(2, 5)]


MARKS = [
    (r"\d+(?:月|日)", "，。;；!！?？、:：()（）“”,"),  # no mark in a match: its windows are clauses
    (r"\d(?:,\d{3})*(?:月|日)", "，。;；!！?？、:：()（）“”,"),  # a comma only before digits: one before a Han character is a mark
    (r"\d+(?:[:：]\d+)+", "，。;；!！?？、()（）“”,"),  # what a match may hold is no mark
    (r"\d[^。\n]{0,6}(?:月|日)", "。"),  # a negated class holds every mark it does not name
    (r"\d+[,、](?:月|日)", "，。;；!！?？:：()（）“”"),  # a comma before a Han character
    (r"(?<=[，。])\d+(?:月|日)", ";；!！?？、:：()（）“”,"),  # a lookbehind sees what it tests
    (r"^\d+(?:至|到)\d+$", ""),  # ^ and $ answer otherwise at a mark than at a window's edge
    (r"(?=.*月)\d+", ""),  # `.` holds every mark
]


@pytest.mark.parametrize(("pattern", "marks"), MARKS, ids=[p for p, _ in MARKS])
def test_gate_marks(pattern, marks):
    gate = line_gate(pattern, regex.MULTILINE)
    assert gate is not None and gate.marks == marks


def test_windows_end_at_marks():
    gate = line_gate(r"\d(?:,\d{3})*(?:月|日)", regex.MULTILINE)
    text = "全年,1,200日,无。另有,3月,4日。5日,无"  # a comma before a digit is in a number: no mark
    assert [text[start:end] for start, end in gate.windows(text)] == ["全年,1,200日", "另有,3月,4日。5日"]  # clauses in a row: one window


# Patterns that may cross a line (\s) but no clause mark: their windows are clauses, ended by marks alone.
CLAUSE_GATED = [
    (r"(?<![\d.])\d{1,2}(?=\s*月)", "3\n月，5 月。12月\n\n份；1.5月、7\n日"),  # a line break inside a match's lookahead
    (r"\d{1,2}\s*(?:[-—至]\s*\d{1,2}\s*)?月", "1—\n5月，3\n至4月；\n2月：无"),  # and inside a match
    (r"\d+\s*年(?=\s*以来)", "3年\n以来，5年：以来。7 年 \n 以来"),
]


@pytest.mark.parametrize(("source", "text"), CLAUSE_GATED)
def test_a_scan_over_clauses_that_may_cross_lines_finds_what_the_whole_scan_finds(source, text):
    pattern = regex.compile(source)
    gate = clause_gate(source)
    assert gate is not None and not gate.lines
    assert _spans(pattern, text, gate) == _spans(pattern, text)
    overlapped = [match.span() for match in gate.finditer(pattern, text, overlapped=True)]
    assert overlapped == [match.span() for match in pattern.finditer(text, overlapped=True)]


def test_clause_windows_hold_line_breaks_and_end_at_marks():
    gate = clause_gate(r"\d{1,2}(?=\s*月)")
    text = "全年\n3\n月，无。另有5月；6日"
    assert [text[start:end] for start, end in gate.windows(text)] == ["全年\n3\n月", "另有5月"]


@pytest.mark.parametrize(
    "source",
    [
        r"月\d+",  # opens with a literal: the engine searches for it itself
        r"(?:19|20)\d\d(?=\s*年)",  # so does a year
        r"\d+(?=\s*\S)",  # no literal every match needs
        r"\d+.月",  # `.` matches every mark
        r"^\d+\s*月",  # an anchor answers otherwise at a window's edge
    ],
)
def test_no_clause_gate(source):
    assert clause_gate(source) is None


def test_a_pattern_without_literals_is_gated_by_what_its_caller_says_it_needs():
    """A model number needs a Latin letter: 52 literals, which no gate looks for by itself."""
    source = r"(?<![A-Za-z])[A-Za-z]+-?\d+"
    assert line_gate(source, regex.MULTILINE) is None
    gate = line_gate(source, regex.MULTILINE, needs=regex.compile("[A-Za-z]"))
    text = "全县5A级景区3个,G104国道\n无\n改造S-312"
    assert [text[start:end] for start, end in gate.windows(text)] == ["全县5A级景区3个,G104国道", "改造S-312"]
    assert _spans(regex.compile(source), text, gate) == _spans(regex.compile(source), text) == [(10, 14), (21, 26)]
    assert line_gate(r"^\d+\s*$", regex.MULTILINE, needs=regex.compile(r"\d")) is None  # \s leaves the line


def _spans(pattern, text, gate=None):
    found = pattern.finditer(text) if gate is None else gate.finditer(pattern, text)
    return [match.span() for match in found if match.end() > match.start()]


EDGES = [
    (r"(?<![\d.])\d+(?:月|日)", "1.5月\n12月\n2月"),  # a lookbehind at a window start sees the text before it
    (r"^\d+(?:至|到)\d+$", "1至2\n3至4 \n5到6"),  # ^ and $ at window edges, the last line without a break
    (r"\d+(?=月)|\d+日(?![A-Za-z])", "3\n月5日\n6日A"),  # lookaheads at a window end
]


@pytest.mark.parametrize(("source", "text"), EDGES)
def test_gated_scan_finds_what_the_whole_scan_finds(source, text):
    pattern = regex.compile(source, regex.MULTILINE)
    gate = line_gate(source, regex.MULTILINE)
    assert gate is not None
    assert _spans(pattern, text, gate) == _spans(pattern, text)


def test_a_pattern_opening_with_a_class_is_scanned_over_the_lines_holding_its_literals():
    """The office rule (省市县区 before 局 or 法院): the engine finds the class itself in most lines."""
    source = r"[省市县区](?:法院|\p{Han}{1,4}?局)"
    gate = class_opening_gate(source)
    assert gate is not None and set(gate.literals) == {"法院", "局"}
    assert class_opening_gate(r"[省市县区]\p{Han}") is None  # no literal but the opening class: no gate
    text = "全市经济\n县审计局完成审计\n市区发展\n县法院审结\n区局"
    assert _spans(regex.compile(source), text, gate) == _spans(regex.compile(source), text) == [(5, 9), (19, 22)]


LINE_STARTS = [
    (r"^[ \t]*\d+(?:\.\d+)?(?=[ \t]*$)", ["87.4", "\n87.4\n12\n", "a\n 5\t\n\n6\nb7\n8 ", "\n\n", "1\n2\n3", "x 1\n 2"]),
    (r"^[ \t]*(?:19|20)\d{2}[ \t]*$", ["2012\n2013", "指标\n2012\n2013\n", " 2024 \nx2025\n"]),
    (r"^(?:第|约)?\d+", ["第1\n约2\n3a\n\n第", "约\n4"]),
    (
        r"(?:^|(?<=[。；;：:\n]))[ \t]*(?:第[一二三]+[，、,]|\d{1,2}[.、．](?!\d)|[（(]\d{1,2}[）)])",
        ["1.总体目标。2.主要任务；（3）保障", "：第一，坚持。。第二、x\n 3.y", "第一，\n\n；4.5", "a1.b:12、c"],
    ),
]


@pytest.mark.parametrize(("source", "texts"), LINE_STARTS)
def test_a_pattern_at_line_starts_finds_after_line_breaks_what_it_finds_scanning_every_character(source, texts):
    pattern = regex.compile(source, regex.MULTILINE)
    gate = line_start_gate(source, regex.MULTILINE)
    assert gate is not None
    for text in texts:
        found = [(match.span(), match.groups()) for match in gate.finditer(pattern, text)]
        assert found == [(match.span(), match.groups()) for match in pattern.finditer(text)]


@pytest.mark.parametrize(
    ("source", "flags"),
    [
        (r"^\d+|年", regex.MULTILINE),  # an alternative beside the anchor
        (r"^\d*$", regex.MULTILINE),  # may be empty: after an empty match, the next may start at the same place
        (r"^\d+\s*$", regex.MULTILINE),  # \s leaves the line
        (r"^\d+", 0),  # ^ is the text's start only
        (r"(?:^)\d+", regex.MULTILINE),  # written otherwise: not recognised, no gate
        (r"(?:^|(?<=[:：]))[^\n]+", regex.MULTILINE),  # the rest may match a mark: a match may end after one
        (r"(?:^|(?<![:]))\d+", regex.MULTILINE),  # a negative lookbehind: not a class of marks to start after
        (r"(?:^|(?<=[:]))\d*", regex.MULTILINE),  # may be empty
    ],
)
def test_no_line_start_gate(source, flags):
    assert line_start_gate(source, flags) is None


PIECES = [
    *"0123456789", *"零一二两三五十百千万亿", ".", ",", "%", "元", "亿元", "家", "个", "年", "月", "日", "成",
    "近", "约", "超", "余", "以上", "以下", "至", "到", "—", "-", "分为", "分", "期", "投资", "产值", "企业",
    "项目", "会议", "届", "行动", "第", "首", "上", "前", "周", "天", "“", "”", "，", "。", " ", "\t", "\n",
    ":", "：", "\u3000", "的", "多", "收入", "营业收入", "订单", "～", "万元", "千瓦",
    "超过", "不低于", "逾", "工业", "以来", "来", "内", "时间", "连续", "历时", "季度", "半", "新",
    "、", "和", "及", "批", "分成", "形成", ",", "1,234", ";", "；", "(", "）", "!", "？", "G", "PM", "A级", "-", "给予", "补助", "对",
    "四", "大", "项", "套", "班子", "方面", "座", "张", "意识", "规定",
]


@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join))
def test_our_gated_rules_find_what_they_find_over_the_whole_text(text):
    compiled = numbers._compile(load_rules())
    scanned = [(form.pattern, form.gate) for form in compiled.forms] + [
        (nonclaim.pattern, nonclaim.gate) for nonclaim in compiled.nonclaims
    ]
    for pattern, gate in scanned:
        if gate is not None:
            assert _spans(pattern, text, gate) == _spans(pattern, text), pattern.pattern[:60]


def test_a_rule_line_needs_narrow_its_gate_to_lines_that_can_hold_a_match():
    """form.magnitude_money's gate literals (收入…) are in most lines of a report; its `line_needs`
    keeps only the lines where a multiplier stands before the noun."""
    forms = {form.rule.id: form for form in numbers._compile(load_rules()).forms}
    gate = forms["form.magnitude_money"].gate
    text = "营业收入增长8%\n新增3亿订单\n利润总额1.2亿元"
    assert list(gate.windows(text)) == [(9, 15)]
    assert _spans(forms["form.magnitude_money"].pattern, text, gate) == _spans(forms["form.magnitude_money"].pattern, text) == [(11, 13)]


def test_a_gate_kept_by_another_version_of_the_analysis_is_not_reused(tmp_path, monkeypatch):
    from policy_extract import cache
    from policy_extract import line_gate as module

    store = cache.PatternStore(tmp_path / "patterns.pickle")
    monkeypatch.setattr(module, "PATTERNS", store)
    stale = ("line_gate", "an older analysis", r"\d+(?:月|日)", int(regex.MULTILINE))
    store.derived(stale, lambda: ("年",))  # what an older version of the analysis answered
    gate = line_gate(r"\d+(?:月|日)", regex.MULTILINE)
    assert gate is not None and set(gate.literals) == {"月", "日"}
    assert line_gate(r"\d+(?:月|日)", regex.MULTILINE).literals == gate.literals  # kept, under this version


REQUIRED = [
    (r"\d+\s*月", {"月"}),  # a pattern that may cross a line still needs its literal
    (r"(?<!新)(?:增长|增幅)\d", {"增长", "增幅"}),
    (r"(?<=居|列)\d", {"居", "列"}),
    (r"(?i)kw\d", None),  # case-insensitive literals prove nothing
    (r"\d+月?", None),  # nothing required
    (r"[将將]来", {"来"}),  # a class is no literal: the word after it is
]


@pytest.mark.parametrize(("pattern", "literals"), REQUIRED, ids=[p for p, _ in REQUIRED])
def test_required_literals(pattern, literals):
    assert required_literals(pattern) == (frozenset(literals) if literals is not None else None)


def test_a_text_without_a_word_every_match_holds_is_not_scanned():
    source = r"(?<=[占过超])(?:一半|半数)|近半数"
    gate = text_gate(source, regex.MULTILINE)
    assert gate is not None and gate.needs == (("一半", "半数"),)
    pattern = regex.compile(source, regex.MULTILINE)
    for text in ("超过一半\n近半数", "超过半", "一\n半", ""):
        assert _spans(pattern, text, gate) == _spans(pattern, text)
    assert not gate.admits("超过半") and gate.admits("近半数")
    assert text_gate(r"\d+%", regex.MULTILINE) is not None and text_gate(r"\d+", regex.MULTILINE) is None
    dateline = text_gate(r"(?<![\d.])\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*电", regex.MULTILINE)
    assert dateline is not None and set(dateline.needs) == {("年",), ("月",), ("日",), ("电",)}
    assert not dateline.admits("2025年3月8日讯") and dateline.admits("2025年3月8日电")


def test_required_characters_count_a_class_of_literal_characters():
    assert required_characters(r"\p{Han}{2}[ \t]+(?=\p{Han}{2})") == frozenset(" \t")
    assert required_characters(r"[将將]来") == frozenset(["来"])  # the word, as required_literals
    assert required_characters(r"[^，。]+") is None


EDGES = [
    # (pattern, first characters, also beyond U+4E00-U+9FFF, last characters, also beyond)
    (r"(?:截至|到)?\d{4}年", ("截到", True), ("年", False)),  # \d: any digit, never a Han character
    (r"[（(]?[一二三]）|其中", ("（(一二三其", False), ("）中", False)),
    (r"(?<!占)[比较](?!重)的?$", ("比较", False), ("比较的", False)),  # lookarounds and $ take none
    (r"(?:分别|均)?(?:增长|下降)了?$", ("分均增下", False), ("长降了", False)),  # optional items let the next in
    (r"[0-9]+倍", (set("0123456789"), False), ("倍", False)),
    (r"在\p{Han}{1,10}?(?=投资)", ("在", False), None),  # \p{Han}: not proved
    (r"[^，。]{2}的基础上", None, ("上", False)),
    (r"(?i)kw", None, None),  # case-insensitive: not proved
]


@pytest.mark.parametrize(("pattern", "first", "last"), EDGES, ids=[p for p, _, _ in EDGES])
def test_edge_characters(pattern, first, last):
    for edge, expected in ((edge_characters(pattern), first), (edge_characters(pattern, last=True), last)):
        assert edge == (None if expected is None else (frozenset(expected[0]), expected[1]))


EDGE_PIECES = ["截至", "到", "2024", "１２", "年", "（", "一", "）", "其中", "占", "比", "较", "重", "的", "分别", "增长", "了", "在", "投资", "，", "基础上", "x"]


@given(st.lists(st.sampled_from(EDGE_PIECES), max_size=8).map("".join))
def test_a_match_starts_and_ends_with_an_edge_character(text):
    for pattern, _, _ in EDGES:
        compiled = regex.compile(pattern)
        for edge, at in ((edge_characters(pattern), 0), (edge_characters(pattern, last=True), -1)):
            if edge is None:
                continue
            for start in range(len(text)):
                match = compiled.match(text, start)
                if match and match.end() > start:
                    character = match.group()[at]
                    assert character in edge[0] or (edge[1] and not "\u4e00" <= character <= "\u9fff")


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        ("集团|银行|大学(?!文化|生)", ("集团", "银行", "大学")),  # what follows the words is the rule's own
        ("中心", ("中心",)),
        ("(?:股份)?有限(?:责任)?公司", ("股份", "有限")),  # an optional group of words first: its word or what follows
        ("(股份)?(?:集团)?有限|有限", ("股份", "集团", "有限")),
        ("(?:股份)?[有无]限", None),  # what follows it opens with a class
        ("(?:股|份)?有限", None),  # the optional group is no word
        ("[省市]委|集团", None),  # a class
        ("(?<=x)中心", None),  # a lookaround
        ("(?i)ab|cd", None),  # case-insensitive: no literal words
    ],
)
def test_opening_words(pattern, words):
    assert opening_words(pattern) == words
