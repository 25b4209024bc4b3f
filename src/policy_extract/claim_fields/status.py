"""Status, provisions, and what a metric found implies.

Whether a figure is a target (a goal marker in its sentence, a goals heading over it) or
actual, whether it is a condition or entitlement of a policy (`is_provision`), and the metric
rules read once a metric is found: the name a run-in heading gives it, a metric that only
points back, an intensity's unit per, and the unit a bare figure implies.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import cast

from ..rule_files import RuleSet
from ..text_units import KEEP_GIL
from .clauses import digit_context
from .rules import (
    FieldRules,
    StatusRule,
    any_of_role,
    field_rules,
    found,
    of_role,
    role_words,
    words_letting_in,
    words_mask,
)

_CLAUSE_MARK = re.compile(r"[，,；;]")


@lru_cache(maxsize=16)
def _markers_in(
    text: str, sentence: tuple[int, int], rules: FieldRules, names: tuple[tuple[int, int], ...] = ()
) -> list[tuple[int, int, StatusRule, int]]:
    """(start, rule order, rule, end) of every status marker in a sentence, sorted: found once for
    all the figures of the sentence. The whole sentence is searched so that a marker can look
    ahead (将…纳入). A marker that starts inside one of `names` (the spans of the sentence's places
    and organisations) is part of the name (将乐县, 高要区), no marker."""
    any_marker = any_of_role(rules, "status", "marker")
    if any_marker is not None and not any_marker.search(text, sentence[0], sentence[1], KEEP_GIL):
        return []
    scan, untested = _marker_words(rules)
    mask = untested | words_mask(scan, text, sentence[0], sentence[1]) if scan is not None else -1
    found = [
        (match.start(), order, cast(StatusRule, item.rule), match.end())
        for order, item in enumerate(of_role(rules, "status", "marker"))
        if mask >> order & 1  # most sentences hold the words of a few markers only
        for match in item.pattern.finditer(text, sentence[0], sentence[1], False, KEEP_GIL)
    ]
    if found and names:
        found = [marker for marker in found if not any(start <= marker[0] < end for start, end in names)]
    return sorted(found, key=lambda marker: marker[:2])


@lru_cache(maxsize=16)
def _marker_words(rules: FieldRules) -> tuple[tuple[re.Pattern[str], dict[str, int]] | None, int]:
    """`words_letting_in` of the status markers, and the bits of those searched in any sentence.
    A marker's words are in the sentence it is found in (a lookahead sees no further than the
    sentence's end), unless the marker may see them behind it, before the sentence starts
    (`(?<=`), or has none proved (a user's rule)."""
    word_sets = [
        item.literals if item.literals and "(?<=" not in item.pattern.pattern else None
        for item in of_role(rules, "status", "marker")
    ]
    return words_letting_in(word_sets), sum(1 << index for index, words in enumerate(word_sets) if words is None)


def status_for(
    text: str,
    sentence: tuple[int, int],
    quantity: tuple[int, int],
    heading: str | None,
    rules: RuleSet | FieldRules,
    period_is_past: bool | None = None,
    intro: tuple[int, int] | None = None,
    titled: bool = False,
    names: tuple[tuple[int, int], ...] = (),
    period_is_over: bool | None = None,
) -> tuple[str, str]:
    """(status, rule id): target after a goal/plan/forecast marker in the sentence, or under
    a heading that announces goals; an estimate for a period already over is actual.

    `heading` is the heading of the claim's section, or the headings that govern
    it one per line, outermost first: the nearest one that reviews the past or
    announces goals decides (一、…工业经济 under 2022年工作安排 is a goal).
    `intro` is the sentence that introduces the list the figure is an item of
    (今年将抓好三方面工作：): a marker in it governs the items as if it stood before them.
    `titled`: the first line of `heading` is the document's title. A plan's title
    (…三年行动方案解读) does not make the figures it cites for a period already over (据统计，
    2025年…已建成12家) targets: those are the plan's starting point, not its goals.
    `names`: the spans of the names in the sentence, whose characters are no markers (将乐县).
    `period_is_past`: the figure's period is behind the document, which the headings read: of a year
    before the document's, or running up to the document's date, what has been done so far (“十三五”以来,
    截至目前) — what the claims component passes (its `_cited`);
    `period_is_over`: it ended before the document's date, to the month (an estimate of 上半年 in a July
    release is actual), which an estimate reads; `period_is_past` when not given.
    """
    rules = rules if type(rules) is FieldRules else field_rules(rules)
    markers = _markers_in(text, sentence, rules, names)
    # the last marker before the figure; of two at one place, the later rule
    last = _governing(text, markers, bisect_left(markers, (quantity[0],)) - 1, quantity)
    if last < 0 and intro is not None:
        markers = _markers_in(text, intro, rules)
        last = _governing(text, markers, len(markers) - 1, quantity)
    if last >= 0 and not markers[last][2].done:  # what is done ends a goal's reach, not a heading's
        rule = markers[last][2]
        if rule.estimate and (period_is_past if period_is_over is None else period_is_over):
            return "actual", "status.estimate_past"
        return "target", rule.id
    return _by_headings(heading, rules, titled)[1 if period_is_past else 0]


def sentence_status(
    text: str,
    sentence: tuple[int, int],
    heading: str | None,
    rules: RuleSet | FieldRules,
    intro: tuple[int, int] | None = None,
    titled: bool = False,
    names: tuple[tuple[int, int], ...] = (),
) -> tuple[tuple[str, str], tuple[str, str]] | None:
    """`status_for` of every figure of a sentence that holds no status marker, nor does the list
    intro over it (most sentences): the headings decide alone, the same for each figure, so it is
    worked out once per sentence, as (status, rule id) for a figure whose period is not over and
    for one whose period is. None where a marker is: each figure is asked about (`status_for`)."""
    rules = rules if type(rules) is FieldRules else field_rules(rules)
    if _markers_in(text, sentence, rules, names) or (intro is not None and _markers_in(text, intro, rules)):
        return None
    return _by_headings(heading, rules, titled)


_ACTUAL = ("actual", "status.actual")


def _by_headings(
    heading: str | None, rules: FieldRules, titled: bool
) -> tuple[tuple[str, str], tuple[str, str]]:
    """(status, rule id) the headings over a figure give it when no marker governs it, for a period
    not over and for one over: a plan's title does not make the figures it cites for a period already
    over targets (`status_for`)."""
    if not heading:
        return _ACTUAL, _ACTUAL
    status, rule_id, deciding = heading_status(heading, rules)
    given = (status, rule_id)
    return given, ("actual", "status.past_under_plan_title") if titled and _restates_title(heading, deciding) else given


@lru_cache(maxsize=256)
def _restates_title(heading: str, deciding: int | None) -> bool:
    """Whether the heading line that decided is the title, or the title of the text a notice issues
    restated over its body (…关于印发促进枸杞产业高质量发展若干措施的通知 ⏎ 促进枸杞产业高质量发展若干措施)."""
    if deciding is None:
        return False
    lines = heading.splitlines()
    return deciding == 0 or (len(lines[deciding].strip()) >= _RESTATED_TITLE and lines[deciding].strip() in lines[0])


_RESTATED_TITLE = 6  # characters a heading holds at least to restate the title (若干措施 alone does not)


def _governing(text: str, markers: list[tuple[int, int, StatusRule, int]], last: int, quantity: tuple[int, int]) -> int:
    """The index of the last marker up to `last` whose reach takes in the figure, or -1."""
    while last >= 0:
        reach = markers[last][2].reach
        if reach == "clause" and _CLAUSE_MARK.search(text, markers[last][0], quantity[0]):
            last -= 1  # a marker of its clause only, and the figure is in a later clause
        elif reach == "figure" and markers[last][3] != quantity[0]:
            last -= 1  # a marker of the figure right after it only
        else:
            break
    return last


@lru_cache(maxsize=256)
def heading_status(heading: str, rules: FieldRules) -> tuple[str, str, int | None]:
    """(status, rule id, line of the heading that decided) the headings over a figure give
    it, the nearest first: decided once per chain of headings."""
    lines = heading.splitlines()
    for index in range(len(lines) - 1, -1, -1):
        if found(rules, "status", "past_heading", lines[index]):
            break
        for item in of_role(rules, "status", "heading"):
            if item.search(lines[index]):
                return "target", item.rule.id, index
    return "actual", "status.actual", None


def is_provision(
    text: str, sentence: tuple[int, int], quantity: tuple[int, int], rules: RuleSet | FieldRules
) -> tuple[bool, str]:
    """(True, rule id) when the figure is a condition or entitlement of a policy provision."""
    rules = rules if type(rules) is FieldRules else field_rules(rules)
    context = digit_context(text, sentence, quantity)
    words = role_words(rules, "status", "provision")
    if words is not None and words.search(context) is None:  # most clauses name no grant or cap
        return False, "provision.none"
    any_provision = any_of_role(rules, "status", "provision")
    if any_provision is not None and not any_provision.search(context):
        return False, "provision.none"
    for item in of_role(rules, "status", "provision"):
        if item.search(context):
            return True, item.rule.id
    return False, "provision.none"


_SPELLED_RATIO = ("占", "比率", "之比")  # a metric that spells a ratio out holds one of these


def named_by_heading(
    text: str, paragraph: tuple[int, int], metric: str | None, rules: RuleSet | FieldRules
) -> tuple[str, str] | None:
    """(name, rule id) when `metric` spells a ratio out (…的总和占缴存余额比重) in a paragraph whose
    run-in heading names it ((五)资金运用率。…): the heading's name is the shortest phrase for it."""
    if not metric or not text.startswith(("（", "("), paragraph[0]) or not any(word in metric for word in _SPELLED_RATIO):
        return None
    rules = rules if type(rules) is FieldRules else field_rules(rules)
    for item in of_role(rules, "metrics", "heading_name"):
        match = item.pattern.match(text, paragraph[0], paragraph[1], False, KEEP_GIL)
        if match and match["name"] != metric:
            return match["name"], item.rule.id
    return None


def refers_back(metric: str | None, rules: RuleSet | FieldRules) -> str | None:
    """The id of the rule by which `metric` only points back to an earlier one (这一比重), else None."""
    rules = rules if type(rules) is FieldRules else field_rules(rules)
    if not metric:
        return None
    for item in of_role(rules, "metrics", "refer_back"):
        if item.fullmatch(metric):
            return item.rule.id
    return None


def index_of_rate(
    metric: str | None, text: str, paragraph_start: int, at: int, unit: str, rules: RuleSet | FieldRules
) -> tuple[str, str] | None:
    """(metric, rule id) for a metric that is only a rate of change (涨幅在0.2%—1.3%之间): a rate says how
    much, and what rises is the price index the paragraph named last before the figure (CPI); a change
    of the rate itself, in 百分点, keeps the rate word (CPI涨幅). None when either is missing."""
    rules = rules if type(rules) is FieldRules else field_rules(rules)
    if not metric or not any(item.fullmatch(metric) for item in of_role(rules, "metrics", "bare_rate")):
        return None
    latest: tuple[int, str, str] | None = None  # (end, index, rule id) of the index named last
    for item in of_role(rules, "metrics", "price_index"):
        for match in item.pattern.finditer(text, paragraph_start, at):
            if latest is None or match.end() > latest[0]:
                latest = (match.end(), match.group(), item.rule.id)
    if latest is None:
        return None
    _, index, rule_id = latest
    return (f"{index}{metric}" if unit == "百分点" else index), rule_id


_DIMENSIONLESS = frozenset({"%", "百分点", "倍", "位", "成"})


def per_unit(metric: str | None, unit: str, rules: RuleSet | FieldRules) -> tuple[str, str] | None:
    """(compound unit, rule id) for an intensity: 1.02吨标准煤 of 万元地区生产总值能耗 is per 万元.

    SPEC writes compound units with `/` (吨标准煤/万元); a unit that has one already stays.
    """
    rules = rules if type(rules) is FieldRules else field_rules(rules)
    if not metric or not unit or "/" in unit or unit in _DIMENSIONLESS:
        return None  # a rate of change of an intensity (下降6.2%) is still a plain %
    for item in of_role(rules, "metrics", "per_unit"):
        if item.search(metric):
            return f"{unit}/{item.rule.unit}", item.rule.id  # type: ignore[attr-defined]
    return None


def implied_unit(metric: str | None, rules: RuleSet | FieldRules) -> tuple[str, str] | None:
    """(unit, rule id) for a figure written without a unit: 产值, 投资, 收入 … imply 元."""
    rules = rules if type(rules) is FieldRules else field_rules(rules)
    if not metric:
        return None
    for item in of_role(rules, "metrics", "implied_unit"):
        if item.search(metric):
            return item.rule.unit, item.rule.id  # type: ignore[attr-defined]
    return None
