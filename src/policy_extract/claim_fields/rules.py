"""The rule models of the families ``metrics``, ``kinds`` and ``status``, compiled once per RuleSet.

`field_rules` resolves a RuleSet once for every claim-field call; `compiled` and the lookups
by role serve each family's rules compiled, with the searches that skip a rule whose words a
text lacks. The probes and `check_kind_units` are what `rule_files.FAMILIES` names for the
rule files' tests and loader.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import regex

from ..line_gate import required_literals
from ..rule_files import CompiledPattern, RuleBase, RuleSet, compile_pattern
from ..text_units import KEEP_GIL

SELF = "\ue000"  # the quantity being labelled
OTHER = "\ue001"  # any other quantity of the sentence
# What `{Q}` stands for when a rule is probed on plain example text.
_PROBE_Q = (
    r"(?:[第前首]?[0-9０-９][0-9０-９.．]*|[第前首超近约]?[零〇一二两三四五六七八九十百千万亿]+)"
    r"(?:[%％]|[万亿千百]?[元个家项名人户件台套成倍]|个百分点|名|位)?(?:以上|以内|左右)?"
)


class MetricRule(RuleBase):
    """A word list or pattern used to cut the metric out of its clause.

    role: ``strip_head`` (time, place, reference and verb words removed from the
    front of a candidate), ``strip_tail`` (verbs and markers before the figure),
    ``drop_inner`` (a verb between subject and measure: 石油行业实现增加值), ``drop_time`` (a time
    word between them: 项目全年完成投资; dropped as ``drop_inner`` is, but a time cut brings no words
    of a join or a rank together, so the clause read for the figure before does not look for it),
    ``stop`` (where a noun phrase after a count ends: 16个重点工业项目|建成投产),
    ``prefer_after`` (text before a count that names examples or a list, not the
    counted thing: 钒氮合金等|16个重点工业项目), ``count`` (a quantity text that
    counts things: its noun after it is what is counted),
    ``split`` (a word that names two groups in a 分别 list: 城乡 → 城镇, 农村),
    ``list_count`` (a count of a kind after the names of a 分别 list's subject, that only enumerates them:
    纺织业、…、农副食品加工业|三大主导产业|分别实现… → dropped, each name measured alone),
    ``example_kind`` (the kind that examples closed by 等 are of, and in group ``measure`` what is
    measured of each, before a 分别 list: 对虾、海参等特色品种|产量分别为… → 对虾产量, 海参产量),
    ``rank_frame`` (a clause that ranks the figure before it: 位居全市第一),
    ``join_previous`` (a clause that extends the previous metric: 占营业收入比重; a group
    named ``part`` gives the words it adds: 增速|高于全省; else ``parts`` gives words it adds when
    the figure before is a change: …增长6.8%，快于城镇居民 → …增速),
    ``measured_against`` (a clause that measures the figure before against its base, in group
    ``base``: …68亿元，完成预算的101.6% → …完成预算; a figure after it measures the figure before
    again: …，增长3.8%),
    ``implied_unit`` (a metric that implies the unit of a bare figure),
    ``per_unit`` (a metric of an intensity, whose figure is per `unit`: 万元GDP能耗 → …/万元),
    ``refer_back`` (a metric that only points back to one named before: 这一比重),
    ``bare_rate`` (a metric that is only a rate of change, 涨幅, and ``price_index`` (the index such a rate
    is of, named earlier in the paragraph: 全省CPI同比上涨0.4%，…涨幅在0.2%—1.3%之间 → CPI),
    ``yearly_output`` (a verb of yearly output before a count: 年产|8000台|工程机械 → 年产工程机械),
    ``capacity`` (a noun after a count that names only the capacity it forms: 800万套|的生产能力),
    ``duration`` (a quantity that is a span of time: 58天), ``took`` (the words before a duration
    that make it the time something took: 仅用), ``event`` (what a duration after it took, in group
    ``event``: 58天|就完成封顶): such a duration is an achievement, its metric …用时; ``shift`` (a
    verb before a duration that moves a date instead: 提前|2个月|投产), ``pace`` (每 before a
    duration: a rate of output, 每58秒|就有一辆新车下线, whose metric is the event alone: 新车下线用时),
    ``purpose`` (a noun after a figure and what it is for: 资金用于平台建设 → 平台建设资金),
    ``goal_frame`` (a clause before a figure alone in its sentence that names the growth aimed at,
    in group ``metric``: 在规上工业增加值增长目标上，…力争达到10% → 规上工业增加值增速),
    ``invested_for`` (what an investment is made for, in group ``purpose``, read on the candidate,
    ``{Q}`` and the words after it: 投资|6000万元|扩建三期厂房 → 投资扩建三期厂房),
    ``done_after`` (a count followed only by what its items have done, in group ``done``:
    其中3件|已提前完成全年任务 → 提前完成全年任务的 + the metric of the count before),
    ``counted_by_deed`` (a count that 有 introduces, what its items do after it in group ``rest``:
    已有|1260家|企业备案开展… → 开展…的企业备案),
    ``contribution`` (a verb before a share of the whole named after it, ending the words before the
    first share of a list: 民营经济贡献了全市|50%以上|的税收、60%以上|的地区生产总值 → 民营经济占税收比重),
    ``action`` (an action that opens a metric, in group ``verb``, the noun after it in group ``noun``:
    a later group of a list that names only its own action shares the noun of the figure before,
    新建高标准农田8.6万亩，累计建成|126.4万亩 → 累计建成高标准农田), ``total`` (words before a figure
    that make it the total of the figure before's noun: 新增规上工业企业35家，累计达到|286家 → 规上工业企业),
    ``ranked_in`` (a clause before a rank that names the ranking, in group ``ranking``: 在全省营商环境评价中，
    台州位列|第二 → 全省营商环境评价排名), ``heading_name`` (a run-in heading that names a rate, in group
    ``name``, over a paragraph that spells the rate out: （五）资金运用率。…的总和占缴存余额的66% → 资金运用率).
    """

    role: Literal[
        "strip_head",
        "strip_tail",
        "drop_inner",
        "drop_time",
        "stop",
        "prefer_after",
        "count",
        "split",
        "list_count",
        "example_kind",
        "rank_frame",
        "join_previous",
        "measured_against",
        "implied_unit",
        "per_unit",
        "refer_back",
        "bare_rate",
        "price_index",
        "yearly_output",
        "capacity",
        "duration",
        "took",
        "event",
        "shift",
        "pace",
        "goal_frame",
        "purpose",
        "invested_for",
        "done_after",
        "fronted_object",
        "counted_by_deed",
        "all_did",
        "contribution",
        "action",
        "total",
        "ranked_in",
        "heading_name",
    ]
    pattern: str
    parts: tuple[str, ...] = ()
    unit: str | None = None


class KindRule(RuleBase):
    """A cue for the kind of a figure; the first rule that fires wins, in file order.

    reads: ``context`` (the figure's clause, with ``{Q}`` for the figure),
    ``quantity`` (the quantity text itself: 前20名), ``header`` (the column
    header of a table cell: 同比增长（±%）), ``metric`` (the metric found for the
    figure: …占比首次突破五成，达到51.3%), ``clause_before`` (the clause before the figure's, its
    mark and the figure's clause: 三门县增速最快，为{Q}), ``title`` (the title of a table cell's
    table: …居民消费价格分类涨跌幅, whose columns 同比 | 1—5月累计 are all changes). ``units`` restricts the rule to
    figures of those units as read (贡献超六成 is in %): loading rejects a unit no figure
    is read with (`check_kind_units`).
    """

    kind: Literal["level", "change", "share", "rank"]
    sign: Literal[1, -1] = 1
    reads: Literal["context", "quantity", "header", "metric", "clause_before", "title"] = "context"
    pattern: str
    units: tuple[str, ...] = ()


class StatusRule(RuleBase):
    """A marker of a goal, plan or forecast, a goals heading, or a policy provision.

    role: ``marker`` (governs the rest of its sentence from where it stands),
    ``heading`` (a section heading announcing goals or tasks to come),
    ``past_heading`` (a heading that reviews the past: vetoes ``heading``),
    ``provision`` (a pattern with ``{Q}``: the figure is a condition or an
    entitlement of a policy, not a claim). ``estimate`` marks a forecast word
    (预计): for a period already over it reports an actual figure. ``done`` marks
    what is already achieved (已完成): it ends the reach of a goal marker before it
    (计划完成投资5亿元，截至4月底已完成2.1亿元); a goals heading over it still decides (SPEC).
    ``reach: clause`` keeps a marker to its own clause (计划总投资286亿元，|其中…项目8个: the
    planned investment of signed projects is no goal for the facts after it); ``reach: figure``
    to the one figure that starts where its match ends (完成年度目标任务|110万人|的64.2%: the
    target's own figure inside a result).
    """

    role: Literal["marker", "heading", "past_heading", "provision"]
    pattern: str
    estimate: bool = False
    done: bool = False
    reach: Literal["sentence", "clause", "figure"] = "sentence"


def _compile(rule: RuleBase, quantity: str = regex.escape(SELF), limited: bool = True) -> CompiledPattern:
    return compile_pattern(rule.id, rule.pattern.replace("{Q}", quantity), limited=limited)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Compiled:
    rule: RuleBase
    pattern: CompiledPattern
    # the literals one of which every match needs, as a stdlib pattern (ten times faster than
    # `regex` at finding a literal): most subjects lack them, and their search is skipped
    required: re.Pattern[str] | None = None
    literals: frozenset[str] = frozenset()  # the words `required` searches for

    def search(self, subject: str) -> regex.Match[str] | None:
        """`pattern.search(subject)` over a whole string, skipped when it holds none of the literals."""
        if self.required is not None and self.required.search(subject) is None:
            return None
        return self.pattern.search(subject, None, None, KEEP_GIL)

    def match(self, subject: str) -> regex.Match[str] | None:
        """`pattern.match(subject)`, skipped in the same way: a match holds the literals too."""
        if self.required is not None and self.required.search(subject) is None:
            return None
        return self.pattern.match(subject, None, None, KEEP_GIL)

    def fullmatch(self, subject: str) -> regex.Match[str] | None:
        """`pattern.fullmatch(subject)`, skipped in the same way."""
        if self.required is not None and self.required.search(subject) is None:
            return None
        return self.pattern.fullmatch(subject, None, None, KEEP_GIL)


def _required_words(rule: RuleBase, pattern: str) -> frozenset[str]:
    """The literals every match of `pattern` (the rule's, compiled) needs, or none when none is
    proved. When the figure's own mark is the one proved (every context holds it), the rule is
    analysed again with the figure as any character, for the literals around it (增长…{Q} needs
    one of 增长, 增加 …)."""
    literals = required_literals(pattern)
    if not literals or SELF in literals:
        literals = required_literals(rule.pattern.replace("{Q}", "(?:.)"))  # type: ignore[attr-defined]
    if not literals or SELF in literals:
        return frozenset()
    return literals


def _any_word(words: Iterable[str]) -> re.Pattern[str]:
    """A stdlib search for any of `words`, the longest first where several start at one place.

    The words are grouped by their first character (全(?:国|省|)|本(?:市|)…): at a place the
    engine tries the one group that character opens, where a flat alternation of a few hundred
    words tries each in turn (the strip rules' 270: most of `strip`'s scan)."""
    rests: dict[str, list[str]] = {}
    for word in sorted(words, key=lambda word: (-len(word), word)):  # "" (the first alone) last
        rests.setdefault(word[:1], []).append(re.escape(word[1:]))
    return re.compile(
        "|".join(
            re.escape(first) + (f"(?:{'|'.join(group)})" if group != [""] else "")
            for first, group in sorted(rests.items(), key=lambda item: not item[0])  # an empty word last
        )
    )


class FieldRules:
    """A RuleSet as the claim fields key their caches on it: by identity. A RuleSet's hash is
    Python code, and every cached lookup keyed on the rules called it, about 13 times a figure;
    equal RuleSets share one of these (`field_rules`), so they share the patterns compiled."""

    __slots__ = ("rules",)

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules


@lru_cache(maxsize=16)
def field_rules(rules: RuleSet) -> FieldRules:
    """The rules for the claim-field functions: the assembler resolves them once and passes them
    to every call; a RuleSet given instead is resolved on each call."""
    return FieldRules(rules)


@lru_cache(maxsize=16)
def compiled(rules: FieldRules, family: str) -> tuple[Compiled, ...]:
    """The family's rules, compiled. Only our rules skip searches by their literals: a user's
    rule is searched each time, under its time limit (a search that runs out of time warns)."""
    items = []
    for rule in rules.rules[family]:
        builtin = rules.rules.is_builtin(family, rule.id)
        pattern = _compile(rule, limited=not builtin)
        words = _required_words(rule, pattern.pattern) if builtin else frozenset()
        items.append(Compiled(rule, pattern, _any_word(words) if words else None, words))
    return tuple(items)


@lru_cache(maxsize=64)
def of_role(rules: FieldRules, family: str, role: str) -> tuple[Compiled, ...]:
    return tuple(item for item in compiled(rules, family) if item.rule.role == role)  # type: ignore[attr-defined]


def found(rules: FieldRules, family: str, role: str, subject: str) -> bool:
    """Whether a rule of the role finds something in `subject` (a loop: a generator for `any`
    costs more than most of these searches)."""
    for item in of_role(rules, family, role):
        if item.search(subject):
            return True
    return False


_PLAIN_FLAGS = regex.compile("").flags


@lru_cache(maxsize=16)
def any_of_role(rules: FieldRules, family: str, role: str) -> regex.Pattern[str] | None:
    """One pattern that matches where any rule of the role matches: one search then tells that
    none does (most figures are no provision, most sentences hold no status marker) instead of
    one search per rule.

    None, for the rules one by one, when a rule cannot be joined: a user's rule keeps its own
    time limit, and in an alternation a pattern's groups (backreferences count them) and
    global flags would change meaning.
    """
    items = of_role(rules, family, role)
    if not items or any(
        not rules.rules.is_builtin(family, item.rule.id) or item.pattern.groups or item.pattern.flags != _PLAIN_FLAGS
        for item in items
    ):
        return None
    return regex.compile("|".join(f"(?:{item.pattern.pattern})" for item in items))


def literals_search(items: Iterable[Compiled]) -> re.Pattern[str] | None:
    """A stdlib search for the literals of every one of `items`: where none is, none of them
    matches. None when one has no literals proved (a user's rule is searched each time)."""
    listed = tuple(items)
    if not listed or not all(item.literals for item in listed):
        return None
    return _any_word(frozenset().union(*(item.literals for item in listed)))


@lru_cache(maxsize=16)
def role_words(rules: FieldRules, family: str, role: str) -> re.Pattern[str] | None:
    """`literals_search` of the rules of a role."""
    return literals_search(of_role(rules, family, role))


def check_kind_units(families: Mapping[str, tuple[RuleBase, ...]]) -> list[str]:
    """A kind rule's `units` must name units a figure can be read with: those of the `units`
    rules and the units the `quantity_forms` fix. A unit no figure has once read (成 reads as %)
    would leave the rule silently dead."""
    produced = {""}  # a bare figure
    for rule in families.get("units", ()):
        produced.update([rule.unit] if rule.unit is not None else rule.surfaces)  # type: ignore[attr-defined]
    for rule in families.get("quantity_forms", ()):
        produced.update(unit for unit in (rule.unit, rule.default_unit) if unit is not None)  # type: ignore[attr-defined]
    return [
        f"kinds: rule {rule.id!r}: `units` names {unit!r}, a unit no figure is read with"
        for rule in families.get("kinds", ())
        for unit in rule.units  # type: ignore[attr-defined]
        if unit not in produced and unit.split("/")[0] not in produced
    ]


def _probe(family: str, text: str, rules: RuleSet) -> set[str]:
    return {
        rule.id
        for rule in rules[family]
        if _compile(rule, _PROBE_Q).search(text)
    }


def probe_metrics(text: str, rules: RuleSet) -> set[str]:
    return _probe("metrics", text, rules)


def probe_kinds(text: str, rules: RuleSet) -> set[str]:
    return _probe("kinds", text, rules)


def probe_status(text: str, rules: RuleSet) -> set[str]:
    return _probe("status", text, rules)


def words_letting_in(word_sets: Sequence[frozenset[str] | None]) -> tuple[re.Pattern[str], dict[str, int]] | None:
    """One search for the words of several rules, and for each word the rules it lets in, as bits
    in the order given (a search finds the longest word at a place: 增长 there also holds 增, and
    lets in the rules of both). None when no rule has words."""
    words = {word for own in word_sets if own for word in own}
    if not words:
        return None
    lets_in = {
        word: sum(1 << index for index, own in enumerate(word_sets) if own and any(map(word.startswith, own)))
        for word in words
    }
    return _any_word(words), lets_in


def words_mask(scan: tuple[re.Pattern[str], dict[str, int]], text: str, start: int, end: int) -> int:
    """The bits of the rules (`words_letting_in`) whose words `text[start:end]` holds."""
    search, lets_in = scan
    mask = 0
    found = search.search(text, start, end)
    while found is not None:
        mask |= lets_in[found.group()]
        found = search.search(text, found.start() + 1, end)
    return mask
