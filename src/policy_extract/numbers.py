"""Chinese and Arabic numerals, and the quantities written with them.

Four rule families drive this module (files under ``rules/``):

* ``units``: written unit forms and the canonical unit each folds to (SPEC 2 ``unit``);
* ``markers``: comparator words, either bound to the number (近, 约, 超, 余, 多,
  以上, 左右: inside the quantity span) or verbs before it (突破, 不少于: outside);
* ``quantity_forms``: regular expressions for the shapes a quantity takes (5400亿元,
  百分之三十, 八成, 第一, 10%—20%…), with the fixed unit, scale, value or comparator
  the shape implies;
* ``nonclaims``: text that looks like a quantity but is not a claim (years, plan
  names, durations that frame a time span, slogans, idioms, category thresholds…);
  a candidate that overlaps a non-claim match is dropped.

Patterns may use placeholders that this module expands: ``{num}`` (Arabic or
Chinese number), ``{digits}``, ``{cn}``, ``{mult}`` (万/亿/千…), ``{unit}`` (every
unit surface, longest first, with an optional ``/denominator``, 人·月 too), ``{prefix}``,
``{inner}``, ``{suffix}`` (bound markers by position), ``{unit_next}`` (a lookahead
for a character that an inner marker, a multiplier or a unit begins with).

Choices where SPEC is silent: ``X分之Y`` is a percentage rounded to 6 decimal places
(三分之一 → 33.333333 %); a bare magnitude that a milestone names (千亿大关) is money
(元), the reading such phrases have in practice; a table cell (a number alone on its
line) is a quantity with unit "", its unit being in the table's header, which the
claims stage reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Literal, NamedTuple

import regex
from pydantic import model_validator

from . import models
from .gazetteer import numeral_names
from .line_gate import (
    LineGate,
    LineStartGate,
    TextGate,
    clause_gate,
    line_gate,
    line_start_gate,
    scan,
    text_gate,
)
from .rule_files import RuleBase, RulePattern, RuleSet, compile_pattern, load_rules
from .text_units import KEEP_GIL, Occupied


class NotAQuantity(ValueError):
    """The string is not one quantity (a year, a name, an idiom, several numbers…)."""


# --------------------------------------------------------------------------- rules


class UnitRule(RuleBase):
    """Written forms of one unit and the canonical unit they fold to; without
    `unit`, each surface is its own unit (classifiers: 家, 个, 人次…)."""

    unit: str | None = None
    surfaces: tuple[str, ...]


class MarkerRule(RuleBase):
    """Comparator words. prefix/inner/suffix words are bound to the number (inside the
    quantity span: 近万亩, 20余家, 300家以上); verbs stand before it, outside (突破5亿);
    frame verbs stand before the whole the figure is a part of (约占全市出口总值的六成)."""

    words: tuple[str, ...]
    position: Literal["prefix", "inner", "suffix", "verb", "frame"]
    comparator: models.Comparator
    # a verb that sets a ceiling only for a goal: the comparator of a figure reported as reached (控制在1.82% is 1.82%)
    reached: models.Comparator | None = None


class QuantityFormRule(RuleBase):
    """One shape of quantity. Named groups: num, upper, mult, umult, unit, lunit,
    pre, inner, post, den, sign. Fixed fields say what the shape itself implies."""

    pattern: str
    unit: str | None = None  # the shape fixes the unit (八成 → %)
    default_unit: str | None = None  # unit when none is written (千亿大关 → 元)
    scale: Decimal = Decimal(1)
    value: Decimal | None = None  # the shape fixes the value (数一数二 → 2)
    comparator: models.Comparator | None = None
    kind: models.Kind | None = None
    fraction: bool = False  # den分之num → percentage
    alone_on_line: bool = False  # table cells: the match must fill its line
    bare_magnitude: bool = False  # admits a bare magnitude (千万元), which alone is refused (千万家庭): its context makes it a figure (突破千万元)
    line_needs: str | None = None  # see NonClaimRule.line_needs


class NonClaimRule(RuleBase):
    """Text that is not a claim: a regex pattern, or a list of literal words."""

    pattern: str | None = None
    words: tuple[str, ...] = ()
    line_needs: str | None = None  # a pattern (placeholders expanded) that every match holds or sees (its tail, a
    # dash before a number): the scan skips the lines, or the clauses of a gate with marks, without one. For a built-in
    # pattern with a line gate only, whose literals are in most lines (收入, 至): a tighter test of the line (亿收入,
    # 至2025). tests/test_line_gate.py holds the scans to the whole-text scan.

    @model_validator(mode="after")
    def _one_of(self) -> NonClaimRule:
        if (self.pattern is None) == (not self.words):
            raise ValueError("give exactly one of `pattern` and `words`")
        return self


# ------------------------------------------------------------------------ numerals

_DIGIT_MAP = str.maketrans(
    {
        "兩": "两", "萬": "万", "億": "亿", "點": "点", "〇": "零",
        "壹": "一", "贰": "二", "貳": "二", "叁": "三", "參": "三", "肆": "四",
        "伍": "五", "陆": "六", "陸": "六", "柒": "七", "捌": "八", "玖": "九",
        "拾": "十", "佰": "百", "仟": "千",
    }
)
_ARABIC = regex.compile(r"[-+]?\d+(?:\.\d+)?")
_ASCII_ARABIC = re.compile(r"[-+]?[0-9]+(?:\.[0-9]+)?")  # _ARABIC on ASCII text, where \d is [0-9]: the stdlib's, twice as fast
_MAGNITUDE = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}
_BARE_MAGNITUDES = "万亿千百萬億"  # a number of these alone (万亩, 千亿大关) has no digit
_CN_CHARS = "零〇一二两三四五六七八九十百千万亿壹贰貳叁參肆伍陆陸柒捌玖拾佰仟兩萬億"
_CN2AN_MODE = "normal"  # accepts spoken forms (两千六, 三万五); "smart" fails on 千亿/上亿/近万

_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20
# Traditional characters of the words the rules match (units, classifiers, markers,
# verbs, non-claim contexts), one character for one so offsets stay valid. Financial
# digits (陆, 伍, 拾…) are not folded: they are common simplified characters too.
_TRADITIONAL = str.maketrans(
    "兩萬億點個餘約達過將與佔於僅來內為實現產計屆輪節週級會議規劃動業種類間組隊場張條項戶輛隻頭臺畝頃噸時標準歐幣",
    "两万亿点个余约达过将与占于仅来内为实现产计届轮节周级会议规划动业种类间组队场张条项户辆只头台亩顷吨时标准欧币",
)


def fold_width(text: str) -> str:
    """Full-width ASCII to half-width, one character for one (offsets stay valid)."""
    return text.translate(_FULLWIDTH)


_FOLDED = {chr(code): chr(folded) for code, folded in {**_FULLWIDTH, **_TRADITIONAL}.items()}
# The full-width marks of Chinese prose are most of what folds (，alone seven in ten): each is
# replaced with `str.replace`, a scan at memory speed, before the substitution, which then calls
# back for the few others. No folded character folds again, so the order does not matter.
_COMMON_FOLDS = tuple((char, _FOLDED[char]) for char in "，（）；：")
_TO_FOLD = re.compile("[" + re.escape("".join(char for char in _FOLDED if char not in "，（）；：")) + "]")


def _fold(text: str) -> str:
    """The view the rules match: half-width, and traditional characters simplified, one
    character for one. A substitution where a character folds: `str.translate` looks up
    every character, 3-4 times slower on our texts, where one character in 18-23 folds
    (`re`, not `regex`: the latter is as slow as translate here); the common marks first
    (`_COMMON_FOLDS`: a callback per comma made the substitution 2.5 times as slow)."""
    for char, folded in _COMMON_FOLDS:
        text = text.replace(char, folded)
    return _TO_FOLD.sub(lambda match: _FOLDED[match[0]], text)


@lru_cache(maxsize=4096)
def cn_to_decimal(numeral: str) -> Decimal:
    """One Chinese numeral (traditional and financial digits too) as a Decimal.

    The one place cn2an is called: a single span at a time, result through `str`;
    cached, because cn2an takes 15 µs a numeral and texts repeat few numerals (一, 两, 三万).
    Bare magnitudes (万, 千亿) multiply out; digit strings without a magnitude
    (二〇二五) are years or codes, not amounts, and raise `NotAQuantity`.
    """
    text = numeral.translate(_DIGIT_MAP)
    if not text or text.startswith("点"):
        raise NotAQuantity(numeral)
    if all(char in _MAGNITUDE and char != "十" for char in text):
        value = Decimal(1)
        for char in text:
            value *= _MAGNITUDE[char]
        return value
    integer_part = text.split("点")[0]
    if len(integer_part) > 1 and not any(char in _MAGNITUDE for char in integer_part):
        raise NotAQuantity(numeral)
    written = written_out_value(text)
    return Decimal(written) if written is not None else _cn2an_value(text, numeral)


_CN_DIGIT_VALUES = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_DIGITS = "零一二三四五六七八九"
_SECTION_PLACES = ((1000, "千"), (100, "百"), (10, "十"), (1, ""))


def written_out_value(text: str) -> int | None:
    """The value of an integer written out in full (三十, 两千, 一千零五, 十二万五千), else None.

    These are most of a text's Chinese numerals, and reading them here spares a run cn2an's
    import, which compiles its patterns (and `proces`' of every Chinese city) for a tenth
    of a second of start-up. The numeral is read naively and kept only when spelling the value
    out again gives it back (两 read as 二, 十二 as 一十二), so every form kept is one cn2an reads
    to the same value (tests/test_numbers.py checks every such form up to four characters,
    and every value below 10^5); the others (spoken 两千六, 一亿三, decimals) go to cn2an.
    """
    total = below_yi = section = digit = 0
    for char in text:
        if char in _CN_DIGIT_VALUES:
            digit = _CN_DIGIT_VALUES[char]
        elif char in _MAGNITUDE and _MAGNITUDE[char] < 10**4:
            section += (digit or 1) * _MAGNITUDE[char]
            digit = 0
        elif char == "万":
            below_yi, section, digit = (section + digit) * 10**4, 0, 0
        elif char == "亿":
            total, below_yi, section, digit = (total + below_yi + section + digit) * 10**8, 0, 0, 0
        else:
            return None
    value = total + below_yi + section + digit
    if not 0 <= value < 10**16:
        return None
    spelled = _spelled_out(value)
    written = text.replace("两", "二")
    return value if written == spelled or (spelled.startswith("一十") and written == spelled[1:]) else None


def _spelled_out(value: int) -> str:
    """`value` (below 10^16) written out as the strict form cn2an reads: 一万零五百, 一亿二千万."""
    if value == 0:
        return "零"
    for scale, name in ((10**8, "亿"), (10**4, "万")):
        if value >= scale:
            high, low = divmod(value, scale)
            head = _spelled_out(high) + name
            if not low:
                return head
            return head + ("零" if low < scale // 10 else "") + _spelled_out(low)
    parts: list[str] = []
    skipped = False  # a zero place since the last digit written: one 零 before the next
    for place, name in _SECTION_PLACES:
        digit = value // place % 10
        if digit:
            parts.append(("零" if skipped and parts else "") + _CN_DIGITS[digit] + name)
            skipped = False
        else:
            skipped = True
    return "".join(parts)


def _cn2an_value(text: str, numeral: str) -> Decimal:
    """cn2an on one numeral; a spoken count of 亿 or 万 that cn2an refuses (两千四百五亿:
    2450 亿) is read as the count times the magnitude, plus what follows it; a lone
    digit right after the magnitude is spoken for the next lower one (一亿三 = 1.3 亿).
    cn2an is imported here, at the first numeral it reads: its import compiles patterns of
    its own (and of every Chinese city, in `proces`), a tenth of a second or more of start-up."""
    import cn2an

    try:
        return Decimal(str(cn2an.cn2an(text, _CN2AN_MODE)))
    except (ValueError, KeyError, IndexError) as exc:
        for magnitude in ("亿", "万"):
            count, found, rest = text.partition(magnitude)
            if not (found and count):
                continue
            scale = _MAGNITUDE[magnitude]
            if len(rest) == 1 and rest not in _MAGNITUDE:
                tail = _cn2an_value(rest, numeral) * scale / 10
            else:
                rest = rest.lstrip("零")
                tail = _cn2an_value(rest, numeral) if rest else Decimal(0)
            return _cn2an_value(count, numeral) * scale + tail
        raise NotAQuantity(numeral) from exc


def number_to_decimal(number: str) -> Decimal:
    """An Arabic (1,083.8) or Chinese (一千零七十二) number as a Decimal."""
    return _folded_number_to_decimal(fold_width(number))


def _folded_number_to_decimal(number: str) -> Decimal:
    """`number_to_decimal` of a number already half-width: a group of the rules' view
    (`_fold`), read for every candidate, need not be folded again."""
    text = number.replace(",", "")
    if (_ASCII_ARABIC if text.isascii() else _ARABIC).fullmatch(text):
        try:
            return Decimal(text)
        except InvalidOperation as exc:  # a digit of the `regex` module's newer Unicode that Python's lacks
            raise NotAQuantity(number) from exc
    return cn_to_decimal(text)


@lru_cache(maxsize=64)
def _multiplier(mult: str | None) -> Decimal:
    """万 → 10^4, 千亿 → 10^11; cached: a few multipliers, read for nearly every quantity."""
    value = Decimal(1)
    for char in (mult or "").translate(_DIGIT_MAP):
        value *= _MAGNITUDE[char]
    return value


_ONE = Decimal(1)


def exact(value: Decimal) -> Decimal:
    """A value without an exponent form, not rounded: 85.3 × 10^8 is 8530000000, not
    8.530000000E+9 (raises InvalidOperation past Decimal's 28 digits)."""
    return value.quantize(_ONE) if value == value.to_integral_value() else value.normalize()


def _tidy(value: Decimal) -> Decimal:
    """`exact`; a number too long for Decimal's 28 digits is no figure (a code or a run of digits)."""
    try:
        return exact(value)
    except InvalidOperation as exc:
        raise NotAQuantity(str(value)) from exc


# ------------------------------------------------------------------ compiled rules

# {digits} and {cn} test their first character's class before looking behind it, so
# an attempt where no number starts fails at its first test rather than after the
# lookarounds. The same matches as the lookbehind first (tests/test_numbers.py holds
# them to it): the character behind the first one is tested either way.
# {digits} never gives back a digit of a run (possessive): a run cut short leaves a digit
# next, which the closing (?![\d]) refuses whatever follows; giving back a ",ddd" group
# or the decimals can match (1 of 1,234 before a ","), so those stay as they are.
_DIGITS = r"\d(?<![\dA-Za-z.]\d)\d*+(?:,\d{3})*(?:\.\d++)?(?![\d])"
_FINANCIAL = "壹贰貳叁參肆伍陆陸柒捌玖拾佰仟"
_CN_FIRST = "".join(char for char in _CN_CHARS if char not in _FINANCIAL + "零〇")
# 零部件 is no zero; a financial digit alone is a word (陆家嘴, 队伍), not a number.
# {cn} takes its first character as one of Unicode's numeric characters (every one of
# _CN_CHARS is) and only then looks behind at which: a pattern's scan tests every
# character of the text against what a match may begin with, and a property costs the
# regex module one table lookup where a class of our 30 numerals costs 30 comparisons.
_CN = (
    rf"\p{{Numeric_Type=Numeric}}(?<=[{_CN_FIRST}]|[{_FINANCIAL}](?=[{_CN_CHARS}]))(?<![{_CN_CHARS}][{_CN_CHARS}])"
    rf"[{_CN_CHARS}点點]*(?<![点點])"
)
_MULTIPLIERS = ("万亿", "千亿", "百亿", "十亿", "千万", "百万", "十万", "亿", "万", "千", "百", "萬", "億")


def _longest_first(words: list[str]) -> list[str]:
    return sorted(set(words), key=lambda word: (-len(word), word))  # one order in every process: the compiled pattern is kept (cache.PatternStore)


def _alternation(words: list[str]) -> str:
    ordered = _longest_first(words)
    return "(?:" + _trie(ordered) + ")" if ordered else "(?!)"


def _trie(words: list[str]) -> str:
    """`w1|w2|…` with the words that share a first character under it (千瓦|千米|元 →
    千(?:瓦|米)|元): the `regex` module tries a branch's alternatives one by one, 124 units
    at every figure. The same matches, in the same order of preference: the words under one
    character keep their order, and words that begin differently cannot match at the same
    place. The empty word (the end of a longer one) comes last, as longest-first puts it."""
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[:1], []).append(word[1:])
    return "|".join(
        regex.escape(first + following[0]) if len(following) == 1 else f"{regex.escape(first)}(?:{_trie(following)})"
        for first, following in rests.items()
    )




@dataclass(frozen=True)
class _Form:
    rule: QuantityFormRule
    pattern: RulePattern | regex.Pattern[str] | re.Pattern[str]
    gate: LineGate | LineStartGate | TextGate | None
    group_names: tuple[str | None, ...]  # name of each group by number; None: unnamed

    def groups(self, match: regex.Match[str] | re.Match[str]) -> dict[str, str]:
        """The named groups that matched text (`groupdict` costs twice as much)."""
        return {name: value for name, value in zip(self.group_names, match.groups()) if value and name}


class _NonClaim(NamedTuple):
    rule_id: str
    pattern: RulePattern | regex.Pattern[str] | re.Pattern[str]
    gate: LineGate | LineStartGate | TextGate | None


@dataclass(frozen=True)
class _Compiled:
    forms: tuple[_Form, ...]
    nonclaims: tuple[_NonClaim, ...]
    unit_of: dict[str, tuple[str, str]]  # surface -> (canonical unit, rule id)
    marker_of: dict[tuple[str, str], MarkerRule]  # (position, word) -> rule
    verbs: regex.Pattern[str]  # verbs ending where a quantity starts
    verb_last_chars: frozenset[str] | None  # what a match of `verbs` can end with; None: anything
    frames: regex.Pattern[str] | None  # a frame verb and the whole after it (约占全省的), ending at a quantity
    list_joint: regex.Pattern[str]


_FRAME_WHOLE = 16  # characters a frame verb's whole may take (全市规上工业总产值的)


def _multiplier_pattern(surfaces: list[str]) -> str:
    """万/亿/千… as multipliers, except where they begin a unit (千瓦, 千米, 千公顷)."""
    parts = []
    for word in _MULTIPLIERS:
        rests = [s[len(word):] for s in surfaces if s.startswith(word) and len(s) > len(word)]
        parts.append(regex.escape(word) + (rf"(?!{_alternation(rests)})" if rests else ""))
    return "(?:" + "|".join(parts) + ")"


def _prefix_pattern(prefixes: list[str], verb_stems: list[str]) -> str:
    """The prefix words, none where a verb's stem stands before it (接近 is a verb, not 接 +
    the prefix 近). Each word looks behind once it has matched, past itself, where a lookbehind
    before the words would be tried first: most attempts of a pattern that may begin with a
    prefix are at a number, where the word fails at once. The same test: the text before the
    word ends with a stem exactly when the text up to its end ends with the stem and the word."""
    if not verb_stems:
        return _alternation(prefixes)
    stems = _alternation(verb_stems)
    return "(?:" + "|".join(f"{regex.escape(word)}(?<!{stems}{regex.escape(word)})" for word in _longest_first(prefixes)) + ")"


def _first_character_ahead(words: list[str]) -> str:
    """A lookahead for a character one of the words begins with ("" if a word is empty: then
    anything may follow). After a number whose quantity goes on with an inner marker, a
    multiplier or a unit (`form.amount`), it fails at once where none of them begins: about
    half of the numbers that rule tries are no quantity (进一步, 2025年底, a decimal in a code),
    and each of them went through the inner words, the multipliers and the unit trie first."""
    if not all(words):
        return ""
    return "(?=[" + "".join(regex.escape(char) for char in sorted({word[0] for word in words})) + "])"


def _expand(pattern: str, fills: dict[str, str]) -> str:
    for name, fill in fills.items():
        pattern = pattern.replace("{" + name + "}", fill)
    return pattern


def _expand_needs(rule: QuantityFormRule | NonClaimRule, fills: dict[str, str]) -> str | None:
    return _expand(rule.line_needs, fills) if rule.line_needs is not None else None


# The words of a set a quantity rule's text gate tests with `in`, at most: each test scans the text
# (about 0.8 µs on a benchmark document), and seventeen of them (nonclaim.career_length's verbs) cost
# more than the scan they might spare, which the `regex` module starts at its first literal anyway:
# career_length 4.9 -> 2.9 ms and form.up_to_magnitude_money 1.4 -> 0.6 ms per 300 benchmark
# documents without their sets of 17 and 13 words (interleaved, min of 15; 11.9 -> 7.1 and
# 1.2 -> 0.5 ms per 100 dev documents).
_MOST_GATE_WORDS = 6


def _rule_pattern(
    rules: RuleSet, family: str, rule_id: str, pattern: str, line_needs: str | None = None, words: bool = False
) -> tuple[RulePattern | regex.Pattern[str] | re.Pattern[str], LineGate | LineStartGate | TextGate | None]:
    """A rule's expanded pattern, compiled, and its gate: the lines it can match in (`line_gate`), or
    else the clauses, for a pattern whose lookahead may cross a line but no clause mark (`clause_gate`:
    form.sessions, whose course words may follow its 期 on the next line; its text gate, 期, let
    almost every text through, and its scan, which opens with a lookbehind, tried every place of
    it), or else the texts (`text_gate`: one of the words every match holds). A user's pattern gets a time
    limit and no gate: the limit is for one scan of the text, and a scan per gated line would
    give each line the whole limit and keep the lines matched before one runs out of time.
    A gate's lines are those holding the rule's `line_needs` (expanded) where it has one.
    A list of our `words` (an alternation of literals) is searched with stdlib `re`: the same
    matches (the leftmost, the first word that fits there), three times as fast (nonclaim.idiom)."""
    if not rules.is_builtin(family, rule_id):
        return compile_pattern(rule_id, pattern, regex.MULTILINE), None
    needs = compile_pattern(rule_id, line_needs, regex.MULTILINE, limited=False) if line_needs is not None else None
    compiled = re.compile(pattern) if words else compile_pattern(rule_id, pattern, regex.MULTILINE, limited=False)
    return compiled, (
        line_gate(pattern, regex.MULTILINE, needs)
        or line_start_gate(pattern, regex.MULTILINE)
        or clause_gate(pattern, regex.MULTILINE)
        or text_gate(pattern, regex.MULTILINE, _MOST_GATE_WORDS)
    )


def _form(
    rule: QuantityFormRule,
    pattern: RulePattern | regex.Pattern[str] | re.Pattern[str],
    gate: LineGate | LineStartGate | TextGate | None,
) -> _Form:
    names: list[str | None] = [None] * pattern.groups  # groups of one name share a number
    for name, number in pattern.groupindex.items():
        names[number - 1] = name
    return _Form(rule, pattern, gate, tuple(names))


def _last_chars(words: list[str], optional_ending: str) -> frozenset[str] | None:
    """The characters a match of the words, then `optional_ending` or not, can end with;
    None if a word is empty (such a match can end anywhere)."""
    return frozenset(word[-1] for word in words) | {optional_ending} if all(words) else None


@lru_cache(maxsize=8)
def _compile(rules: RuleSet) -> _Compiled:
    units = [rule for rule in rules["units"] if isinstance(rule, UnitRule)]
    markers = [rule for rule in rules["markers"] if isinstance(rule, MarkerRule)]
    unit_of = {
        surface: (rule.unit if rule.unit is not None else surface, rule.id)
        for rule in units
        for surface in rule.surfaces
    }
    surfaces = _alternation(list(unit_of))
    mult = _multiplier_pattern(list(unit_of))
    position_words = {
        position: [w for m in markers if m.position == position for w in m.words]
        for position in ("prefix", "inner", "suffix", "verb", "frame")
    }
    words = {position: _alternation(found) for position, found in position_words.items()}
    verb_stems = [v[: -len(p)] for v in position_words["verb"] for p in position_words["prefix"] if v.endswith(p) and v != p]
    fills = {
        "num": rf"(?:{_DIGITS}|{_CN})",
        "digits": _DIGITS,
        "cn": _CN,
        "mult": mult,
        # 人年 is a unit (12.6万人年), but not where 年 opens a time word (3000人年均增收); a Latin letter
        # right after a unit makes it part of a code (5MWh), except a grade after a count (52家A级景区, 8家AAAA级)
        "unit": rf"{surfaces}(?:/{mult}?(?:{surfaces}|\p{{Han}}{{1,2}})(?:·\p{{Han}})?)?(?!(?<![家个座处所])[A-Za-z]|[A-Za-z](?!A*级))(?!(?<=人年)[均内底末初度中])",
        "prefix": _prefix_pattern(position_words["prefix"], verb_stems),
        "inner": words["inner"],
        "suffix": words["suffix"],
        "unit_next": _first_character_ahead([*unit_of, *position_words["inner"], *_MULTIPLIERS]),
    }
    forms = tuple(
        _form(rule, *_rule_pattern(rules, "quantity_forms", rule.id, _expand(rule.pattern, fills), _expand_needs(rule, fills)))
        for rule in rules["quantity_forms"]
        if isinstance(rule, QuantityFormRule)
    )
    nonclaims = tuple(
        _NonClaim(
            rule.id,
            *_rule_pattern(
                rules,
                "nonclaims",
                rule.id,
                _expand(rule.pattern, fills) if rule.pattern else _alternation(list(rule.words)),
                _expand_needs(rule, fills),
                words=not rule.pattern,
            ),
        )
        for rule in rules["nonclaims"]
        if isinstance(rule, NonClaimRule)
    )
    return _Compiled(
        forms=forms,
        nonclaims=nonclaims,
        unit_of=unit_of,
        marker_of={(m.position, w): m for m in markers for w in m.words},
        verbs=regex.compile(rf"{words['verb']}了?\Z"),
        verb_last_chars=_last_chars(position_words["verb"], "了"),
        # the whole holds no figure, but may be a year (约为2021年底的9倍) or an age that defines it (约占60周岁及以上老年人口的)
        frames=regex.compile(rf"(?P<verb>{words['frame']})(?:[^，。；：、！？,;:!?\d]|\d{{4}}年|\d{{1,3}}周?岁){{1,{_FRAME_WHOLE}}}的\Z")
        if position_words["frame"]
        else None,
        list_joint=regex.compile(r"\A(?:、|和|及|与)\Z"),
    )


# ------------------------------------------------------------------ reading a match


_tuple_new = tuple.__new__  # a NamedTuple from a tuple of all its fields, in order


class _Reading(NamedTuple):
    """A candidate's reading; the ParsedQuantity is built only for the candidates chosen
    (a pydantic model per candidate cost more than the reading itself). A tuple: a frozen
    dataclass of eight fields takes three times as long to build."""

    value: Decimal
    upper: Decimal | None
    unit: str
    comparator: models.Comparator | None  # None: "=" unless a verb before the figure sets it
    kind: models.Kind | None
    rule: str
    comparator_rule: str | None  # marker rule that fixed the comparator, if one did
    unit_rule: str | None

    def parsed(self, text: str, comparator: models.Comparator | None = None) -> models.ParsedQuantity:
        """Built without validation: every value is already of its field's type (`of_typed`)."""
        return models.ParsedQuantity.of_typed(
            {
                "text": text,
                "value": self.value,
                "upper": self.upper,
                "unit": self.unit,
                "comparator": comparator or self.comparator or "=",
                "kind": self.kind,
                "rule": self.rule,
            }
        )


def _unit(written: str, compiled: _Compiled) -> tuple[str, str | None]:
    """Canonical unit of a written one; a compound keeps its denominator as written."""
    if written in compiled.unit_of:
        return compiled.unit_of[written]
    numerator, slash, denominator = written.partition("/")
    canonical, rule_id = compiled.unit_of.get(numerator, (numerator, None))
    return canonical + slash + denominator, rule_id


_MARKER_GROUPS = (("inner", "inner"), ("suffix", "post"), ("prefix", "pre"))  # (marker position, group), by precedence


def _read(form: _Form, match: regex.Match[str] | re.Match[str], compiled: _Compiled) -> _Reading:
    """Read one form match; raise NotAQuantity if it is not a quantity."""
    rule = form.rule
    groups = form.groups(match)
    num = groups.get("num")  # never empty: `groups` keeps the groups that matched text
    if rule.value is not None:
        value = rule.value
    elif num is None:
        raise NotAQuantity(match.group())
    else:
        value = _folded_number_to_decimal(num)
    digits_only = num is not None and num[0].isdigit()
    bare_magnitude = num is not None and not num.strip(_BARE_MAGNITUDES)
    if bare_magnitude and not ({"pre", "inner", "post"} & groups.keys()) and rule.comparator is None \
            and rule.default_unit is None and not rule.bare_magnitude:
        raise NotAQuantity(match.group())  # 万亩 alone is a name (万亩茶园); 近万亩 is a figure
    upper = _folded_number_to_decimal(groups["upper"]) if "upper" in groups else None
    mult = _multiplier(groups.get("mult"))
    if upper is not None:
        upper_mult = _multiplier(groups.get("umult"))
        upper *= upper_mult * rule.scale
        if "mult" not in groups and "lunit" not in groups:
            mult = upper_mult  # 3至5万元: the lower bound shares the upper's multiplier; 6000元至1.5万元: its own unit ends it
    if rule.fraction:
        value = value * 100 / _folded_number_to_decimal(groups["den"])
        value = value.quantize(Decimal("0.000001"))
    value *= mult * rule.scale
    if groups.get("sign") == "-":
        value = -value
    unit_rule = None
    if rule.unit is not None:
        unit = rule.unit
    elif "unit" in groups:
        unit, unit_rule = _unit(groups["unit"], compiled)
        if "lunit" in groups and _unit(groups["lunit"], compiled)[0] != unit:
            raise NotAQuantity(match.group())
    else:
        unit = rule.default_unit or ""
    comparator, comparator_rule = rule.comparator, None
    if comparator is None:
        for position, group in _MARKER_GROUPS:
            if group in groups:
                marker = compiled.marker_of[(position, groups[group])]
                comparator, comparator_rule = marker.comparator, marker.id
                break
    if not digits_only and num is not None and unit == "" and not (rule.kind or bare_magnitude or rule.alone_on_line):
        raise NotAQuantity(match.group())  # a Chinese number with no unit: 十四五, 一流
    return _tuple_new(  # _Reading(...) without the Python-level __new__ a NamedTuple calls
        _Reading,
        (_tidy(value), _tidy(upper) if upper is not None else None, unit, comparator, rule.kind, rule.id, comparator_rule, unit_rule),
    )


def _nonclaim_spans(text: str, compiled: _Compiled) -> list[tuple[int, int, str]]:
    return [
        (match.start(), match.end(), rule_id)
        for rule_id, pattern, gate in compiled.nonclaims
        for match in scan(pattern, gate, text)
        if match.end() > match.start()
    ]


def _fills_line(text: str, start: int, end: int) -> bool:
    """Whether the match is all its line holds but white space, or the brackets of a
    cumulative cell (〔2.8〕), which stay outside the quantity."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:start].strip().rstrip("〔") and not text[end:line_end].strip().lstrip("〕")


def _candidates(text: str, compiled: _Compiled) -> list[tuple[int, int, int, int, _Form, regex.Match[str] | re.Match[str]]]:
    """Every form match not inside a non-claim, in the order they are chosen in: the longest
    first, then the earlier form, then the earlier start: (-length, form priority, start, end,
    form, match); no two agree on the first three. Not read yet: most that overlap a longer one
    would be read for nothing."""
    blocked = Occupied((start, end) for start, end, _ in _nonclaim_spans(text, compiled))
    overlaps = blocked.overlaps
    found = []
    for priority, form in enumerate(compiled.forms):
        alone_on_line = form.rule.alone_on_line
        for match in scan(form.pattern, form.gate, text):
            start, end = match.span()
            if end == start or overlaps(start, end):
                continue
            if alone_on_line and not _fills_line(text, start, end):
                continue
            found.append((start - end, priority, start, end, form, match))
    found.sort()
    return found


# ------------------------------------------------------------------- public API


class QuantityMatch(NamedTuple):
    """One claim quantity in a text: offsets of the SPEC `quantity`, its reading, and
    the rules behind its comparator and unit; `verb_span` is the verb before it.
    A NamedTuple, immutable as a frozen dataclass is but built without an
    `object.__setattr__` per field (one is built per quantity)."""

    start: int
    end: int
    parsed: models.ParsedQuantity
    comparator_rule: str
    verb_span: tuple[int, int] | None = None
    unit_rule: str | None = None


def parse_quantity(s: str, rules: RuleSet | None = None) -> models.ParsedQuantity:
    """Normalize ONE standalone quantity string ("近万亩", "１２０亿", "第一")."""
    compiled = _compile(rules if rules is not None else load_rules())
    text = _fold(s.strip())
    blocked = Occupied((start, end) for start, end, _ in _nonclaim_spans(text, compiled))
    for form in compiled.forms:
        match = form.pattern.fullmatch(text)
        if match is None or blocked.overlaps(0, len(text)):
            continue
        try:
            return _read(form, match, compiled).parsed(s)
        except NotAQuantity:
            continue
    raise NotAQuantity(s)


def find_quantities(text: str, rules: RuleSet) -> list[QuantityMatch]:
    """Every claim quantity in a (normalized) text, in order.

    Overlapping readings: the longest wins, then the earlier form in the rule file.
    A verb right before a quantity (突破, 不少于) sets its comparator unless a marker
    written with the number does; a verb before a list (均超过5%、8%) applies to
    each item joined by 、/和/及.
    """
    compiled = _compile(rules)
    view = _fold(text)
    occupied = Occupied()
    chosen: list[tuple[int, int, _Reading]] = []
    for _, _, start, end, form, match in _candidates(view, compiled):
        if occupied.overlaps(start, end):
            continue
        if view[start] in _PLACE_NUMERALS and _inside_place_name(view, start, end):
            continue  # 三台 of 三台县, 七台 of 七台河市: a place's name, not 3 台
        try:
            reading = _read(form, match, compiled)
        except NotAQuantity:
            continue  # not a quantity: it leaves its place to shorter readings
        chosen.insert(occupied.add(start, end), (start, end, reading))
    result: list[QuantityMatch] = []
    for start, end, reading in chosen:
        verb_span, verb_rule = _verb_before(view, start, compiled)
        if verb_span is None and result:
            previous = result[-1]
            if previous.verb_span is not None and compiled.list_joint.match(view[previous.end:start], None, None, KEEP_GIL):
                verb_span, verb_rule = previous.verb_span, compiled.marker_of[
                    ("verb", view[previous.verb_span[0]:previous.verb_span[1]].removesuffix("了"))
                ]
        if verb_rule is None:
            verb_rule = _frame_before(view, start, compiled)
        comparator, comparator_rule = None, reading.comparator_rule
        if comparator_rule is None and verb_rule is not None and reading.rule != "form.range":
            comparator, comparator_rule = verb_rule.comparator, verb_rule.id
        parsed = reading.parsed(text[start:end], comparator)
        # every field by position, built as its tuple: a NamedTuple's own __new__ is a Python call
        result.append(
            _tuple_new(QuantityMatch, (start, end, parsed, comparator_rule or reading.rule, verb_span, reading.unit_rule))
        )
    return result


_PLACE_NUMERALS = frozenset("一二三四五六七八九十百千万")  # what a place name may open with (gazetteer.numeral_names)


def _inside_place_name(text: str, start: int, end: int) -> bool:
    """Whether a place name of the gazetteer opens at `start` and runs past `end` (三台县 over 三台;
    not 三台 alone, which may be three machines), or its short form opens a mountain's name (五台山,
    named as 五台县 is; not 三台山地拖拉机). The names are read once, only when a candidate opens with a
    numeral."""
    names = numeral_names().get(text[start : start + 2])
    return names is not None and any(
        text.startswith(name, start)
        and (len(name) > end - start or _MOUNTAIN_AFTER_NAME.match(text, start + len(name)) is not None)
        for name in names
    )


_MOUNTAIN_AFTER_NAME = regex.compile(r"山(?![地区])")


def _verb_before(text: str, start: int, compiled: _Compiled) -> tuple[tuple[int, int] | None, MarkerRule | None]:
    """The verb that ends where a quantity starts, and its rule. Most quantities follow no
    verb: the character before them, which a verb (or its 了) would end with, tells first."""
    ends = compiled.verb_last_chars
    if ends is not None and (start == 0 or text[start - 1] not in ends):
        return None, None
    window = text[max(0, start - 6):start]
    match = compiled.verbs.search(window, None, None, KEEP_GIL)
    if match is None:
        return None, None
    offset = start - len(window)
    word = match.group().removesuffix("了")
    return (offset + match.start(), offset + match.end()), compiled.marker_of[("verb", word)]


def _frame_before(text: str, start: int, compiled: _Compiled) -> MarkerRule | None:
    """The rule of a frame verb whose whole (全省的) ends where a quantity starts. It sets
    the comparator only: the verb is no boundary of the metric, which the whole names."""
    if compiled.frames is None or start == 0 or text[start - 1] != "的":
        return None
    match = compiled.frames.search(text, max(0, start - _FRAME_WHOLE - 8), start, KEEP_GIL)
    return compiled.marker_of[("frame", match.group("verb"))] if match else None


# --------------------------------------------------------------------------- probes


def probe_units(text: str, rules: RuleSet) -> set[str]:
    return {m.unit_rule for m in find_quantities(text, rules) if m.unit_rule}


def probe_markers(text: str, rules: RuleSet) -> set[str]:
    return {m.comparator_rule for m in find_quantities(text, rules)}


def probe_forms(text: str, rules: RuleSet) -> set[str]:
    return {m.parsed.rule for m in find_quantities(text, rules)}


def probe_nonclaims(text: str, rules: RuleSet) -> set[str]:
    return {rule_id for _, _, rule_id in _nonclaim_spans(_fold(text), _compile(rules))}
