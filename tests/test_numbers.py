"""numbers.py: numerals and standalone quantity strings (parse_quantity)."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from policy_extract import numbers
from policy_extract.line_gate import LineGate, scan
from policy_extract.numbers import (
    NotAQuantity,
    cn_to_decimal,
    number_to_decimal,
    parse_quantity,
)
from policy_extract.rule_files import load_rules

D = Decimal

# (input, value, upper, unit, comparator)
QUANTITIES = [
    ("近万亩", D("10000"), None, "亩", "~"),
    ("３５０亿", D("35000000000"), None, "", "="),
    ("百分之三十", D("30"), None, "%", "="),
    ("3.5万人次", D("35000"), None, "人次", "="),
    ("八成", D("80"), None, "%", "="),
    ("超八成", D("80"), None, "%", ">"),
    ("六成以上", D("60"), None, "%", ">="),
    ("三成左右", D("30"), None, "%", "~"),
    ("3个工作日以内", D("3"), None, "个工作日", "<="),
    ("近300万担", D("3000000"), None, "担", "~"),
    ("上亿", D("100000000"), None, "", ">="),
    ("20余家", D("20"), None, "家", ">"),
    ("百余家", D("100"), None, "家", ">"),
    ("300家以上", D("300"), None, "家", ">="),
    ("10%—20%", D("10"), D("20"), "%", "between"),
    ("10至20家", D("10"), D("20"), "家", "between"),
    ("3至5万元", D("30000"), D("50000"), "元", "between"),
    ("6000元至1.5万元", D("6000"), D("15000"), "元", "between"),
    ("800元—1.2万元", D("800"), D("12000"), "元", "between"),
    ("3个百分点", D("3"), None, "百分点", "="),
    ("27倍", D("27"), None, "倍", "="),
    ("第一", D("1"), None, "位", "="),
    ("前10名", D("10"), None, "位", "<="),
    ("数一数二", D("2"), None, "位", "<="),
    ("两位数", D("10"), None, "%", ">="),
    ("千亿大关", D("100000000000"), None, "元", "="),
    ("172.55亿千瓦时", D("17255000000"), None, "千瓦时", "="),
    ("8万千瓦", D("80000"), None, "千瓦", "="),
    ("200万元/亩", D("2000000"), None, "元/亩", "="),
    ("1.0439吨标准煤/万元", D("1.0439"), None, "吨标准煤/万元", "="),
    ("2万人次", D("20000"), None, "人次", "="),
    ("6.9万平方米", D("69000"), None, "平方米", "="),
    ("1083.8亿元", D("108380000000"), None, "元", "="),
    ("85.3亿元", D("8530000000"), None, "元", "="),
    ("8.6亿美元", D("860000000"), None, "美元", "="),
    ("3000万欧元", D("30000000"), None, "欧元", "="),
    ("5亿港元", D("500000000"), None, "港元", "="),
    ("2000余万元", D("20000000"), None, "元", ">"),
    ("4万余条", D("40000"), None, "条", ">"),
    ("3万余", D("30000"), None, "", ">"),
    ("1.2万", D("12000"), None, "", "="),
    ("5.5%以内", D("5.5"), None, "%", "<="),
    ("5亿元左右", D("500000000"), None, "元", "~"),
    ("约15万平方米", D("150000"), None, "平方米", "~"),
    ("300MW", D("300"), None, "MW", "="),
    ("32微克/立方米", D("32"), None, "微克/立方米", "="),
    ("两千六百人", D("2600"), None, "人", "="),
    ("三万五千户", D("35000"), None, "户", "="),
    ("百分之一點五", D("1.5"), None, "%", "="),
    ("三分之一", D("33.333333"), None, "%", "="),
    ("1,083.8亿元", D("108380000000"), None, "元", "="),
    ("５４００", D("5400"), None, "", "="),
    ("兩千四百五億元", D("245000000000"), None, "元", "="),
    ("壹萬三千餘家", D("13000"), None, "家", ">"),
    ("一萬二千個", D("12000"), None, "个", "="),
    ("約三成", D("30"), None, "%", "~"),
    ("陆拾家", D("60"), None, "家", "="),
    ("1200列", D("1200"), None, "列", "="),
]


@pytest.mark.parametrize(
    ("text", "value", "upper", "unit", "comparator"), QUANTITIES, ids=[q[0] for q in QUANTITIES]
)
def test_parse_quantity(text, value, upper, unit, comparator):
    parsed = parse_quantity(text)
    assert (parsed.value, parsed.upper, parsed.unit, parsed.comparator) == (value, upper, unit, comparator)


def test_parse_quantity_keeps_the_text_as_given():
    assert parse_quantity("３５０亿").text == "３５０亿"


def test_parse_quantity_value_has_no_exponent():
    assert str(parse_quantity("85.3亿元").value) == "8530000000"


RANKS = [("第一", "rank"), ("数一数二", "rank"), ("前10名", "rank"), ("27倍", None)]


@pytest.mark.parametrize(("text", "kind"), RANKS, ids=[r[0] for r in RANKS])
def test_parse_quantity_kind_only_when_the_form_fixes_it(text, kind):
    assert parse_quantity(text).kind == kind


NOT_QUANTITIES = ["二〇二五", "2025年", "二〇二五年", "一流", "十四五", "万亩", "第二届", "5G", "3:4", "", "陆家"]


@pytest.mark.parametrize("text", NOT_QUANTITIES, ids=NOT_QUANTITIES)
def test_parse_quantity_rejects(text):
    with pytest.raises(NotAQuantity):
        parse_quantity(text)


def test_not_a_quantity_is_a_value_error():
    assert issubclass(NotAQuantity, ValueError)


# Chinese, spoken, traditional and financial numerals through the one cn2an wrapper.
NUMERALS = [
    ("三千", D("3000")),
    ("一千零七十二", D("1072")),
    ("两千六", D("2600")),
    ("三万五", D("35000")),
    ("二十", D("20")),
    ("十二", D("12")),
    ("兩千四百五", D("2450")),
    ("壹萬三", D("13000")),
    ("拾億零六萬", D("1000060000")),
    ("贰佰叁拾", D("230")),
    ("一點五", D("1.5")),
    ("万", D("10000")),
    ("千亿", D("100000000000")),
    ("两千四百五亿", D("245000000000")),
    ("一亿三", D("130000000")),
    ("兩千四百五億零六萬", D("245000060000")),
]


@pytest.mark.parametrize(("text", "value"), NUMERALS, ids=[n[0] for n in NUMERALS])
def test_cn_to_decimal(text, value):
    assert cn_to_decimal(text) == value


# Integers written out in full are read without cn2an (numbers.written_out_value); the rest
# (spoken forms, decimals, loose forms) is left to cn2an.
WRITTEN_OUT = [
    ("三十", 30),
    ("十", 10),
    ("十二万五千", 125000),
    ("两千", 2000),
    ("一千零五", 1005),
    ("一万零五百", 10500),
    ("一亿二千万", 120000000),
    ("一亿零五", 100000005),
    ("零", 0),
]
LEFT_TO_CN2AN = ["两千六", "一亿三", "一百五", "一百十", "一点五", "二十几", "千亿"]


@pytest.mark.parametrize(("text", "value"), WRITTEN_OUT, ids=[n[0] for n in WRITTEN_OUT])
def test_written_out_numerals_are_read_without_cn2an(text, value):
    assert numbers.written_out_value(text) == value


@pytest.mark.parametrize("text", LEFT_TO_CN2AN, ids=LEFT_TO_CN2AN)
def test_other_numerals_are_left_to_cn2an(text):
    assert numbers.written_out_value(text) is None


_NUMERAL_CHARS = "零一二两三四五六七八九十百千万亿"


def test_every_short_numeral_read_without_cn2an_is_read_so_by_cn2an():
    """Every string of up to four numeral characters the reader keeps, checked against cn2an."""
    import cn2an

    kept = 0
    for length in range(1, 5):
        for chars in itertools.product(_NUMERAL_CHARS, repeat=length):
            text = "".join(chars)
            value = numbers.written_out_value(text)
            if value is not None:
                kept += 1
                assert Decimal(str(cn2an.cn2an(text, "normal"))) == value, text
    assert kept > 1000  # 三十, 两千, 十二万…: the forms texts use


def test_every_value_below_100000_as_cn2an_writes_it_is_read_without_cn2an():
    import cn2an

    for value in range(100000):
        assert numbers.written_out_value(cn2an.an2cn(value)) == value


@given(st.integers(min_value=0, max_value=10**16 - 1))
def test_large_values_read_without_cn2an_agree_with_cn2an(value):
    import cn2an

    text = cn2an.an2cn(value)
    assert numbers.written_out_value(text) in (value, None)  # None: left to cn2an
    assert cn_to_decimal(text) == Decimal(str(cn2an.cn2an(text, "normal")))


CN_REJECTED = ["二〇二五", "一二三", "十四五", "点五"]


@pytest.mark.parametrize("text", CN_REJECTED, ids=CN_REJECTED)
def test_cn_to_decimal_rejects(text):
    with pytest.raises(NotAQuantity):
        cn_to_decimal(text)


def test_a_digit_that_pythons_unicode_does_not_know_is_no_number():
    """The `regex` module's Unicode is newer than Python's: its \\d matches U+11DE0, which Decimal refuses."""
    with pytest.raises(NotAQuantity):
        number_to_decimal("\U00011de0")


ARABIC = [("５４００", D("5400")), ("1,083.8", D("1083.8")), ("-12.7", D("-12.7")), ("三万五", D("35000"))]


@pytest.mark.parametrize(("text", "value"), ARABIC, ids=[a[0] for a in ARABIC])
def test_number_to_decimal(text, value):
    assert number_to_decimal(text) == value


# {digits} and {cn} as first written: a lookbehind, then the class. numbers.py puts the class
# first for speed; these say what they mean, and the test below holds the two to the same matches.
_DIGITS_AS_WRITTEN = r"(?<![\dA-Za-z.])\d+(?:,\d{3})*(?:\.\d+)?(?![\d])"
_CN_AS_WRITTEN = (
    rf"(?<![{numbers._CN_CHARS}])(?![零〇])(?![{numbers._FINANCIAL}](?![{numbers._CN_CHARS}]))"
    rf"[{numbers._CN_CHARS}][{numbers._CN_CHARS}点點]*(?<![点點])"
)
_NUMERAL_PIECES = [*"0123456789", ",", ".", "a", "Z", *numbers._CN_CHARS, "点", "點", "万", "元", "第", " ", "\n"]
# after the fill: nothing, a unit, what makes the engine give characters back, a lookahead
_TAILS = ["", "元", "万?元", "(?P<mult>万|亿)", "(?=元)", r"\d*万"]


@pytest.mark.parametrize("tail", _TAILS)
@given(st.lists(st.sampled_from(_NUMERAL_PIECES), max_size=30).map("".join))
def test_number_fills_match_as_written(tail, text):
    for fast, written in ((numbers._DIGITS, _DIGITS_AS_WRITTEN), (numbers._CN, _CN_AS_WRITTEN)):
        expected = [m.span() + m.groups() for m in regex.finditer(f"(?P<num>{written}){tail}", text)]
        assert [m.span() + m.groups() for m in regex.finditer(f"(?P<num>{fast}){tail}", text)] == expected


def test_every_chinese_numeral_is_a_numeric_character():
    """{cn} takes its first character as `\\p{Numeric_Type=Numeric}` before it tests which one."""
    numeric = regex.compile(r"\p{Numeric_Type=Numeric}")
    assert [char for char in numbers._CN_CHARS if not numeric.fullmatch(char)] == []


# nonclaim.date as first written, a {num} in each branch; the rule file shares one {num}
# between them (faster), and this holds the two to the same matches.
_DATE_AS_WRITTEN = "{num}(?:(?:—|–|-|至|到){num})?月(?:{num}日)?|{num}日(?!元)"


@given(st.lists(st.sampled_from([*_NUMERAL_PIECES, *"—–-至到月日元"]), max_size=30).map("".join))
def test_date_rule_matches_as_written(text):
    [date] = [rule for rule in load_rules()["nonclaims"] if rule.id == "nonclaim.date"]
    num = f"(?:{numbers._DIGITS}|{numbers._CN})"
    expected = [m.span() for m in regex.finditer(_DATE_AS_WRITTEN.replace("{num}", num), text)]
    assert [m.span() for m in regex.finditer(date.pattern.replace("{num}", num), text)] == expected


_SIGN_AS_WRITTEN = r"(?P<sign>(?<![0-9A-Za-z.])-(?=\d))?"  # the amount's sign with its test before the dash


@given(st.lists(st.sampled_from([*_NUMERAL_PIECES, *"-—G%家年"]), max_size=30).map("".join))
def test_amount_sign_matches_as_written(text):
    """form.amount tests what stands before its minus once the minus has matched: the same matches."""
    [amount] = [form for form in numbers._compile(load_rules()).forms if form.rule.id == "form.amount"]
    sign = r"(?P<sign>-(?<![0-9A-Za-z.]-)(?=\d))?"
    assert sign in amount.pattern.pattern
    as_written = regex.compile(amount.pattern.pattern.replace(sign, _SIGN_AS_WRITTEN), regex.MULTILINE)
    assert [m.span() for m in amount.pattern.finditer(text)] == [m.span() for m in as_written.finditer(text)]


# form.unitless_ratio and form.life_expectancy as first written. The ratio's noun is looked
# behind for once its first digit has matched (the `regex` module finds no character to start at
# behind a leading lookbehind and tried it at every character of its gated lines); the life
# expectancy's clause end is `[^\S\n]|$` for `\s|$` (the same characters: `$` stands before each
# line break), so that no part of it matches a line break and its line gate holds.
_RATIO_AS_WRITTEN = r"(?<=(?:倍差|收入比|系数|性别比|生师比|pH)(?:[^，。；\n]{0,16}[，,]){0,2}[^，。；\n]{0,16}?)(?<![\d.])(?P<num>\d+\.\d+)(?![\d.])"
_LIFE_END_AS_WRITTEN = r"(?=[，。；、,;）)\s]|$)"
_RATIO_PIECES = [*_NUMERAL_PIECES, "系数", "倍差", "收入比", "pH", "为", "，", ",", "。", "\n", " ", "\t", "\u3000", ".", "0.36", "岁", "预期寿命", "平均年龄", "以上", "左右", "；", "、", "）"]


@given(st.lists(st.sampled_from(_RATIO_PIECES), max_size=30).map("".join))
def test_rules_rewritten_for_speed_match_as_written(text):
    forms = {form.rule.id: form for form in numbers._compile(load_rules()).forms}
    ratio, life = forms["form.unitless_ratio"], forms["form.life_expectancy"]
    ratio_written = regex.compile(_RATIO_AS_WRITTEN + ratio.pattern.pattern.partition(r"(?![\d.])")[2], regex.MULTILINE)
    life_end = r"(?=[，。；、,;）)]|[^\S\n]|$)"
    assert life.pattern.pattern.endswith(life_end)
    life_written = regex.compile(life.pattern.pattern.removesuffix(life_end) + _LIFE_END_AS_WRITTEN, regex.MULTILINE)
    for form, written in ((ratio, ratio_written), (life, life_written)):
        expected = [(m.span(), m.groups()) for m in written.finditer(text)]
        assert [(m.span(), m.groups()) for m in form.pattern.finditer(text)] == expected
        assert [(m.span(), m.groups()) for m in scan(form.pattern, form.gate, text)] == expected


def test_the_life_expectancy_rule_is_scanned_over_the_lines_naming_it_only():
    [life] = [form for form in numbers._compile(load_rules()).forms if form.rule.id == "form.life_expectancy"]
    assert isinstance(life.gate, LineGate)


_AMOUNT_PIECES = [*_NUMERAL_PIECES, "-", "亿元", "元", "%", "个", "百分点", "年", "年底", "余", "多", "以上", "左右", "近", "约", "超",
                  "千瓦", "万吨", "/", "人", "步", "进", "。", "，", "第", "亩"]


@given(st.lists(st.sampled_from(_AMOUNT_PIECES), max_size=30).map("".join))
def test_amount_matches_as_written_without_its_lookahead_after_the_number(text):
    """form.amount looks ahead, after its number, for a character an inner marker, a multiplier or a
    unit begins with ({unit_next}); one of them follows the number in every match: the same matches."""
    [amount] = [form for form in numbers._compile(load_rules()).forms if form.rule.id == "form.amount"]
    [rule] = [rule for rule in load_rules()["quantity_forms"] if rule.id == "form.amount"]
    assert "{unit_next}" in rule.pattern
    inner = [word for marker in load_rules()["markers"] if marker.position == "inner" for word in marker.words]
    lookahead = numbers._first_character_ahead([*numbers._compile(load_rules()).unit_of, *inner, *numbers._MULTIPLIERS])
    assert lookahead and lookahead in amount.pattern.pattern
    as_written = regex.compile(amount.pattern.pattern.replace(lookahead, "", 1), regex.MULTILINE)
    assert [(m.span(), m.groups()) for m in amount.pattern.finditer(text)] == [(m.span(), m.groups()) for m in as_written.finditer(text)]


def test_a_lookahead_for_the_first_characters_of_words_none_where_a_word_is_empty():
    ahead = regex.compile(numbers._first_character_ahead(["元", "万元", "%", "]"]))
    assert [bool(ahead.match(text)) for text in ("元", "万", "%", "]", "亿", "-")] == [True, True, True, True, False, False]
    assert numbers._first_character_ahead(["元", ""]) == ""


_FOLD_TABLE = {**numbers._FULLWIDTH, **numbers._TRADITIONAL}


@given(st.text(alphabet=st.sampled_from([chr(code) for code in _FOLD_TABLE] + list("亿万元，,1 \n"))))
def test_fold_substitutes_as_the_table_translates(text):
    assert numbers._fold(text) == text.translate(_FOLD_TABLE)


def test_last_chars_of_words_with_an_optional_ending():
    assert numbers._last_chars(["突破", "达到"], "了") == {"破", "到", "了"}
    assert numbers._last_chars(["突破", ""], "了") is None  # a match of an empty word ends anywhere


def _plain_alternation(words: list[str]) -> str:
    """numbers._alternation as first written: the words one after another, longest first."""
    ordered = sorted(set(words), key=lambda word: (-len(word), word))
    return "(?:" + "|".join(regex.escape(word) for word in ordered) + ")"


_WORD_PIECES = [*"万千亿元米瓦./", "平方"]


@pytest.mark.parametrize("tail", ["", "元", "米?元", "(?=元)", "(?!米)", r"\Z"])
@given(
    st.lists(st.lists(st.sampled_from(_WORD_PIECES), max_size=4).map("".join), min_size=1, max_size=12),
    st.lists(st.sampled_from(_WORD_PIECES), max_size=20).map("".join),
)
def test_word_alternation_matches_as_a_plain_one(tail, words, text):
    expected = [m.span() + m.groups() for m in regex.finditer(f"(?P<w>{_plain_alternation(words)}){tail}", text)]
    assert [m.span() + m.groups() for m in regex.finditer(f"(?P<w>{numbers._alternation(words)}){tail}", text)] == expected


@given(st.text(alphabet=st.sampled_from([*"0123456789.+-,e_ ", "\u0663", "\uff13"])))
def test_arabic_number_test_of_ascii_text_is_the_regex_one(text):
    if text.isascii():
        assert bool(numbers._ASCII_ARABIC.fullmatch(text)) == bool(numbers._ARABIC.fullmatch(text))


_MARKER_PIECES = [*"近接大", "接近"]


@pytest.mark.parametrize("tail", ["", r"\d", "万?元"])
@given(
    st.lists(st.sampled_from(_MARKER_PIECES), min_size=1, max_size=4),
    st.lists(st.sampled_from(_MARKER_PIECES), max_size=3),
    st.lists(st.sampled_from([*_MARKER_PIECES, "5", "元"]), max_size=12).map("".join),
)
def test_prefix_pattern_matches_as_a_lookbehind_before_the_words(tail, prefixes, stems, text):
    """{prefix} as first written: no verb stem behind, then a word."""
    written = f"(?<!{_plain_alternation(stems)}){_plain_alternation(prefixes)}" if stems else _plain_alternation(prefixes)
    expected = [m.span() + m.groups() for m in regex.finditer(f"(?P<pre>{written}){tail}", text)]
    fill = numbers._prefix_pattern(prefixes, stems)
    assert [m.span() + m.groups() for m in regex.finditer(f"(?P<pre>{fill}){tail}", text)] == expected
