"""Metric, kind and status of a claim (SPEC section 2), its implied unit, and the provision filter.

Every function here is pure: it reads the normalized text around a quantity,
given as character offsets, and the rules of the families ``metrics``,
``kinds`` and ``status`` (``rules/<family>.yaml``). So each can be tested on a
hand-written sentence with hand-given spans, without the other stages.

Rules that look at a quantity in its context write it as ``{Q}``: at run time
the quantity is masked with a private-use character and the other quantities
of the sentence with another, so a pattern such as ``增长(?:分别|均)*{Q}``
says "增长 directly governs this figure". Provisions (the conditions and
entitlements of a policy) are status rules with role ``provision``: like
status, they say what kind of statement a figure is part of.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, NamedTuple, cast

import regex

from .line_gate import edge_characters, required_characters, required_literals
from .models import ParsedQuantity
from .rule_files import CompiledPattern, RuleBase, RuleSet, compile_pattern
from .tables import table_cell
from .text_units import HAN, KEEP_GIL, clause_at

_SELF = "\ue000"  # the quantity being labelled
_OTHER = "\ue001"  # any other quantity of the sentence
# Patterns of literal words and classes are on stdlib `re`: on the short strings of one figure
# a `regex` call costs more than its search (it hands the GIL off and back)
_FOLDED_LIST = re.compile(rf"{_OTHER}(?:[、和及]|以上、|以内、)(?=[{_OTHER}{_SELF}])")
# a quoted name may open with a letter or a digit (“5G+智慧园区”标杆项目)
# a noun phrase opens with a word, a quoted name or an age bound (1.9万名|65岁以上老年人)
_NOUN_PHRASE = regex.compile(r"的?((?:[“‘《「][\p{Han}A-Za-z0-9]|\p{Han}|\d{1,3}周?岁).*)")
_LIST_MARK = re.compile(r"[、和及与]")
_RANK_WRITTEN = regex.compile(r"第|前|首位|榜首")  # how a rank's own text opens (form.rank, form.top_n, form.rank_first)
_OPENING_QUOTE = {"“": "”", "‘": "’", "「": "」", '"': '"'}  # an opening quote and its closing one
_CLAUSE_MARK = re.compile(r"[，,；;]")
_LIST_JOINT = re.compile(r"(?:以上|以内|左右)?[、和及]")
# a bare number of a list that shares its unit (提高0.4和0.7个百分点) ends before 和/及/与, and a figure
# in 个百分点 after its whole unit, so that the list folding sees the joiner (提高0.9个百分点和1.2个百分点)
_DIGIT_FIGURE = regex.compile(r"[0-9][0-9.]*(?:[%％‰℃]|个?百分点|[万亿千百]?(?:(?![和及与])\p{Han})?)")
# What `{Q}` stands for when a rule is probed on plain example text.
_PROBE_Q = (
    r"(?:[第前首]?[0-9０-９][0-9０-９.．]*|[第前首超近约]?[零〇一二两三四五六七八九十百千万亿]+)"
    r"(?:[%％]|[万亿千百]?[元个家项名人户件台套成倍]|个百分点|名|位)?(?:以上|以内|左右)?"
)


# --- rule models -------------------------------------------------------------------------


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
        "rank_frame",
        "join_previous",
        "measured_against",
        "implied_unit",
        "per_unit",
        "refer_back",
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


# --- compiled rules ----------------------------------------------------------------------


def _compile(rule: RuleBase, quantity: str = regex.escape(_SELF), limited: bool = True) -> CompiledPattern:
    return compile_pattern(rule.id, rule.pattern.replace("{Q}", quantity), limited=limited)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class _Compiled:
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
    if not literals or _SELF in literals:
        literals = required_literals(rule.pattern.replace("{Q}", "(?:.)"))  # type: ignore[attr-defined]
    if not literals or _SELF in literals:
        return frozenset()
    return literals


def _any_word(words: Iterable[str]) -> re.Pattern[str]:
    """A stdlib search for any of `words`, the longest first where several start at one place.

    The words are grouped by their first character (全(?:国|省|)|本(?:市|)…): at a place the
    engine tries the one group that character opens, where a flat alternation of a few hundred
    words tries each in turn (the strip rules' 270: most of `_strip`'s scan)."""
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
def _compiled(rules: FieldRules, family: str) -> tuple[_Compiled, ...]:
    """The family's rules, compiled. Only our rules skip searches by their literals: a user's
    rule is searched each time, under its time limit (a search that runs out of time warns)."""
    items = []
    for rule in rules.rules[family]:
        builtin = rules.rules.is_builtin(family, rule.id)
        pattern = _compile(rule, limited=not builtin)
        words = _required_words(rule, pattern.pattern) if builtin else frozenset()
        items.append(_Compiled(rule, pattern, _any_word(words) if words else None, words))
    return tuple(items)


@lru_cache(maxsize=64)
def _of_role(rules: FieldRules, family: str, role: str) -> tuple[_Compiled, ...]:
    return tuple(item for item in _compiled(rules, family) if item.rule.role == role)  # type: ignore[attr-defined]


def _found(rules: FieldRules, family: str, role: str, subject: str) -> bool:
    """Whether a rule of the role finds something in `subject` (a loop: a generator for `any`
    costs more than most of these searches)."""
    for item in _of_role(rules, family, role):
        if item.search(subject):
            return True
    return False


_PLAIN_FLAGS = regex.compile("").flags


@lru_cache(maxsize=16)
def _any_of_role(rules: FieldRules, family: str, role: str) -> regex.Pattern[str] | None:
    """One pattern that matches where any rule of the role matches: one search then tells that
    none does (most figures are no provision, most sentences hold no status marker) instead of
    one search per rule.

    None, for the rules one by one, when a rule cannot be joined: a user's rule keeps its own
    time limit, and in an alternation a pattern's groups (backreferences count them) and
    global flags would change meaning.
    """
    items = _of_role(rules, family, role)
    if not items or any(
        not rules.rules.is_builtin(family, item.rule.id) or item.pattern.groups or item.pattern.flags != _PLAIN_FLAGS
        for item in items
    ):
        return None
    return regex.compile("|".join(f"(?:{item.pattern.pattern})" for item in items))


def _literals_search(items: Iterable[_Compiled]) -> re.Pattern[str] | None:
    """A stdlib search for the literals of every one of `items`: where none is, none of them
    matches. None when one has no literals proved (a user's rule is searched each time)."""
    listed = tuple(items)
    if not listed or not all(item.literals for item in listed):
        return None
    return _any_word(frozenset().union(*(item.literals for item in listed)))


@lru_cache(maxsize=16)
def _role_words(rules: FieldRules, family: str, role: str) -> re.Pattern[str] | None:
    """`_literals_search` of the rules of a role."""
    return _literals_search(_of_role(rules, family, role))


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


# --- clauses and masking -----------------------------------------------------------------


def _clauses_before(text: str, sentence: tuple[int, int], clause_start: int) -> list[tuple[int, int]]:
    """The clauses of the sentence before `clause_start`, nearest first."""
    found = []
    end = clause_start - 1
    while end > sentence[0]:
        start, _ = clause_at(text, sentence, end - 1)
        found.append((start, end))
        end = start - 1
    return found


# The caches below keyed on a text hold one figure's, sentence's or paragraph's answers for the
# figures near it, which ask again within a few claims: small, so that the entries each new figure
# adds push out recent ones (with a thousand entries, each pushing out and freeing one written a
# thousand claims before, the stage cost 4-9 % more CPU for the same hits; docs/performance.md).
@lru_cache(maxsize=64)
def _clause_of(text: str, sentence: tuple[int, int], quantity: tuple[int, int]) -> tuple[int, int]:
    """The clause that holds a figure: its metric and its masked context both read it, found once."""
    return clause_at(text, sentence, quantity[0])


def _masked(
    text: str, span: tuple[int, int], quantity: tuple[int, int], others: Sequence[tuple[int, int]]
) -> str:
    """`text[span]` with the quantity as _SELF and other quantities as _OTHER (those that
    overlap it are no others: a figure in digits read inside it).

    A list of figures before the quantity (分别增长8.5%、10.2%) is folded away,
    so that a cue before the list governs every figure in it.
    """
    inside = [
        (o, _OTHER)
        for o in others
        if span[0] <= o[0] and o[1] <= span[1] and (o[1] <= quantity[0] or o[0] >= quantity[1])
    ]
    if not inside and span[0] <= quantity[0] and quantity[1] <= span[1]:
        # most figures stand alone in their clause: nothing to sort
        masked = text[span[0] : quantity[0]] + _SELF + text[quantity[1] : span[1]]
    else:
        parts, position = [], span[0]
        for (start, end), mark in sorted([(quantity, _SELF), *inside]):
            if start < position or end > span[1]:
                continue
            parts.append(text[position:start])
            parts.append(mark)
            position = end
        parts.append(text[position : span[1]])
        masked = "".join(parts)
    return _FOLDED_LIST.sub("", masked) if _OTHER in masked else masked  # a list to fold starts with _OTHER


# --- metric ------------------------------------------------------------------------------


# The marks cut off both ends of a candidate on each round of `_strip`.
_STRIP_MARKS = " \u3000\t、，,：:；;（）()"


class _EdgeGates(NamedTuple):
    """Which strip rules can cut a candidate that starts (a head rule) or ends (a tail rule) with a
    given character (`edge_characters`), as bits in the rules' order: those that name it, those that
    also take any character outside U+4E00-U+9FFF (a digit), and those no edge was proved for."""

    naming: dict[str, int]
    beyond_han: int
    ungated: int


class _StripPlan(NamedTuple):
    heads: tuple[_Compiled, ...]
    tails: tuple[_Compiled, ...]
    inner: tuple[_Compiled, ...]  # drop_inner
    # one search for the words of the rules a Python test of an end does not gate well and of the
    # drop_inner rules, and the rules let in without a word (bits: heads, tails, drop_inner)
    scan: tuple[re.Pattern[str], dict[str, int]] | None
    unscanned: int
    head_edges: _EdgeGates
    tail_edges: _EdgeGates


def _edge_gates(edges: Sequence[tuple[frozenset[str], bool] | None]) -> _EdgeGates:
    naming: dict[str, int] = {}
    beyond_han = ungated = 0
    for index, edge in enumerate(edges):
        if edge is None:
            ungated |= 1 << index
            continue
        for character in edge[0]:
            naming[character] = naming.get(character, 0) | 1 << index
        if edge[1]:
            beyond_han |= 1 << index
    return _EdgeGates(naming, beyond_han, ungated)


@lru_cache(maxsize=16)
def _strip_plan(rules: FieldRules) -> _StripPlan:
    """The strip rules and their gates. Only our rules are gated (a user's rule is tried each time,
    under its time limit). A rule whose edge is proved to be a few Han characters is gated by it
    alone (a test of one character: 其中|全市… opens with one of a hundred); the others (an edge not
    proved, \\p{Han}, or one that takes a digit) also by their words, found in one search of the
    candidate (`_words_letting_in`; a class of a few characters counts: [ \\t] needs a space or a
    tab)."""
    heads, tails = _of_role(rules, "metrics", "strip_head"), _of_role(rules, "metrics", "strip_tail")
    inner = _of_role(rules, "metrics", "drop_inner") + _of_role(rules, "metrics", "drop_time")
    edges = [
        edge_characters(item.pattern.pattern, item.pattern.flags, last=index >= len(heads))
        if rules.rules.is_builtin("metrics", item.rule.id)
        else None
        for index, item in enumerate(heads + tails)
    ]
    words: list[frozenset[str] | None] = []
    for item, edge in zip(heads + tails + inner, edges + [None] * len(inner)):
        if (edge is not None and not edge[1]) or not rules.rules.is_builtin("metrics", item.rule.id):
            words.append(None)
        else:
            words.append(item.literals or required_characters(item.pattern.pattern, item.pattern.flags) or None)
    unscanned = sum(1 << index for index, own in enumerate(words) if own is None)
    return _StripPlan(
        heads,
        tails,
        inner,
        _words_letting_in(words),
        unscanned,
        _edge_gates(edges[: len(heads)]),
        _edge_gates(edges[len(heads) :]),
    )


@lru_cache(maxsize=4096)
def _strip(candidate: str, rules: FieldRules, tails: bool = True) -> str:
    """Cut time, place and verb words off the ends of a candidate (its front only, without
    `tails`), until nothing changes: each round cuts the marks and an opening quote, then tries
    the head rules in turn at the front and the tail rules in turn at the end.

    A rule is tried only where it can cut: `_strip` only ever cuts the candidate shorter, so a
    rule whose words it lacks never fires on what is left of it (one scan of the candidate for
    all their words), and a head (tail) rule fires only where the candidate starts (ends) with a
    character its match can start (end) with (`edge_characters`). The rules left are taken in
    their order, each against the candidate as the rules before it left it, as when all are
    tried."""
    head_rules, tail_rules, inner_rules, scan, mask, head_edges, tail_edges = _strip_plan(rules)
    if scan is not None:
        search, lets_in = scan
        found = search.search(candidate)
        while found is not None:  # `_words_mask`, inline: most candidates hold a word or two
            mask |= lets_in[found.group()]
            found = search.search(candidate, found.start() + 1)
    head_mask = mask & ((1 << len(head_rules)) - 1)
    mask >>= len(head_rules)
    tail_mask = mask & ((1 << len(tail_rules)) - 1) if tails else 0
    inner_mask = mask >> len(tail_rules)
    head_naming, head_beyond, head_ungated = head_edges
    tail_naming, tail_beyond, tail_ungated = tail_edges
    previous = None
    while candidate != previous:
        previous = candidate
        stripped = candidate.strip(_STRIP_MARKS)
        if "（" in stripped and stripped.count("（") > stripped.count("）"):
            # a bracket closed at the end (居各县（市）) stays: only an unpaired one is cut
            end = candidate.find(stripped) + len(stripped)
            if candidate.startswith("）", end):
                stripped += "）"
        candidate = stripped
        if candidate[:1] in _OPENING_QUOTE and _OPENING_QUOTE[candidate[0]] not in candidate[1:]:
            # the quote a speaker's words open with (“一季度我们营收…), not a quoted name (“专精特新”企业)
            candidate = candidate[1:]
        untried = head_mask
        while untried:
            edge = candidate[:1]
            can_cut = untried & (
                head_naming.get(edge, 0) | head_ungated | (0 if "\u4e00" <= edge <= "\u9fff" else head_beyond)
            )
            if not can_cut:
                break
            rule = can_cut & -can_cut  # the first in order
            untried &= ~((rule << 1) - 1)  # the rules after it
            match = head_rules[rule.bit_length() - 1].match(candidate)
            if match and match.end() > 0:
                candidate = candidate[match.end() :]
        untried = tail_mask
        while untried:
            edge = candidate[-1:]
            can_cut = untried & (
                tail_naming.get(edge, 0) | tail_ungated | (0 if "\u4e00" <= edge <= "\u9fff" else tail_beyond)
            )
            if not can_cut:
                break
            rule = can_cut & -can_cut
            untried &= ~((rule << 1) - 1)
            match = tail_rules[rule.bit_length() - 1].search(candidate)
            if match and match.end() == len(candidate) and match.start() < len(candidate):
                candidate = candidate[: match.start()]
    # The words of the candidate as first given hold those of each part of it: the scan tells
    # which rules can drop nothing until one has dropped something (which can join two words)
    if inner_mask:
        dropped = False
        for index, item in enumerate(inner_rules):
            if (dropped or inner_mask >> index & 1) and (item.required is None or item.required.search(candidate)):
                joined = item.pattern.sub("", candidate, 0, None, None, KEEP_GIL)
                dropped = dropped or joined != candidate
                candidate = joined
    return candidate


def _strip_before_names(candidate: str, names: Sequence[str], rules: FieldRules, tails: bool = True) -> str:
    """`_strip`, except that a head word is not cut off a name it opens (将乐县, 和平县, 共和县: 将, 和
    and 共 are head words): the name is kept whole, for `without_subject` to take off as a name."""
    stripped = _strip(candidate, rules, tails)
    if not names or not stripped:
        return stripped
    opening = candidate.lstrip(_STRIP_MARKS)
    if opening[:1] == stripped[:1]:  # nothing cut at the head (most candidates): no name was cut into
        return stripped
    for name in names:
        if opening.startswith(name) and any(stripped.startswith(name[cut:]) for cut in range(1, len(name))):
            # (the rest of the name opens what is left: the cut was inside it)
            return name + _strip(opening[len(name) :], rules, tails)
    return stripped


def without_subject(metric: str, subjects: Iterable[str], rules: RuleSet | FieldRules) -> str:
    """The metric without the subject it opens with (慈溪培育省科技型中小企业 → 省科技型中小企业).

    The subject is an entity of the claim's sentence: SPEC keeps it in `entity`, not in `metric`.
    """
    rules = rules if type(rules) is FieldRules else field_rules(rules)
    names = sorted({name for name in subjects if name}, key=len, reverse=True)
    previous = None
    while metric != previous:
        previous = metric
        for name in names:
            if metric.startswith(name) and len(metric) > len(name):
                # the metric's end is already cut, and may end in words a rule added (…增速)
                rest = _strip_before_names(metric[len(name) :], names, rules, tails=False)
                if _has_han(rest):
                    metric = rest
                break
    return metric


def names_only(metric: str, subjects: Iterable[str]) -> bool:
    """Whether the metric is only names of the sentence, maybe a list of them (甲市、乙市)."""
    rest = metric
    for name in sorted({name for name in subjects if name}, key=len, reverse=True):
        rest = rest.replace(name, "")
    return not rest.strip("、和及与 ")


# the words after the names a rank is of: what is ranked (增速), then the ranking verb and its scope
_RANK_AFTER_NAMES = regex.compile(
    r"[、和及与]*(?P<measure>[^，。；、]{0,8}?)(?:分别|均|都)?(?:位居|居于|稳居|跃居|位列|名列|排名|排在|居|列)"
    r"(?P<scope>[^，。；第前首]{0,16})(?=第|前|首|$)"
)


def rank_of_names(
    text: str, sentence: tuple[int, int], quantity: tuple[int, int], names: str, subjects: Iterable[str]
) -> str | None:
    """The metric of a rank whose clause names only the places or groups it ranks (钟祥市居全省县（市）第6位;
    温州市、台州市增速分别居全省第一位和第三位): what is ranked, if written, the scope and 排名 (全省县（市）排名,
    增速全省排名). `names` is the metric as found, names only; the words after the last of them are read.
    None when no ranking verb follows the names."""
    before = text[sentence[0] : quantity[0]]
    ends = [found + len(name) for name in subjects if name and name in names and (found := before.rfind(name)) >= 0]
    if not ends:
        return None
    match = _RANK_AFTER_NAMES.match(before, max(ends))
    if match is None:
        return None
    return f"{match['measure']}{match['scope']}排名"


def _noun_after(text: str, start: int, end: int, rules: FieldRules) -> str:
    """The noun phrase a count is followed by (16个|重点工业项目|建成投产), up to a verb; a noun
    and its purpose (资金|用于平台建设) read as one noun (平台建设资金)."""
    phrase = _NOUN_PHRASE.match(text, start, end, KEEP_GIL) if start < end else None  # most figures end their clause
    if phrase is None:
        return ""
    noun, purpose = phrase.group(1), ""
    for item in _of_role(rules, "metrics", "purpose"):
        match = item.search(noun)
        if match and match.start() > 0:
            noun, purpose = noun[: match.start()], noun[match.end() :]
            break
    noun, purpose = _until_stop(noun, rules), _until_stop(purpose, rules)
    return (purpose + noun if _has_han(purpose) else noun).rstrip("和及与、")


def _done_after(
    text: str,
    sentence: tuple[int, int],
    quantity: tuple[int, int],
    previous: tuple[int, int] | None,
    following: int,
    others: Sequence[tuple[int, int]],
    rules: FieldRules,
) -> str | None:
    """What the items of a count with no noun have done (其中3件|已提前完成全年任务), as a
    metric of the things the count before counts: 已提前完成全年任务的民生实事项目. A part before
    it that is such a count too (其中7个已建成，另2个…正在推进) is no whole: the count before that is."""
    for item in _of_role(rules, "metrics", "done_after"):
        match = item.match(text[quantity[1] : following])
        if match:
            done = match.group("done")
            while previous is not None:
                base, rule = metric_for(text, sentence, previous, _others_of(previous, quantity, others), rules)
                if rule != "metric.done_after":
                    return f"{done}的{base}" if base else done
                previous = max((o for o in others if o[1] <= previous[0] and o[0] >= sentence[0]), default=None)
            return done
    return None


def _until_stop(noun: str, rules: FieldRules) -> str:
    """The noun up to the first verb that ends a noun phrase (重点技改项目|建成投产).

    A verb that opens the noun, with a noun and another such verb after it, modifies the noun
    (签约项目|开工建设): the noun ends at the second one."""
    for item in _of_role(rules, "metrics", "stop"):
        match = item.search(noun)
        if match and match.start() == 0:
            later = item.pattern.search(noun, match.end())
            if later is not None and _has_han(noun[match.end() : later.start()]):
                match = later
        if match:
            noun = noun[: match.start()]
    return noun


def _time_taken(
    text: str,
    sentence: tuple[int, int],
    clause: tuple[int, int],
    quantity: tuple[int, int],
    head: str,
    candidate: str,
    following: int,
    rules: FieldRules,
) -> str | None:
    """The metric of a duration that is an achievement (SPEC: 81天封顶, 9个月投产): what took
    that long and 用时 (从签约到投产仅用9个月 → 从签约到投产用时; 主体结构仅用58天就完成封顶 →
    主体结构封顶用时). With no subject in its clause (…3月封顶，只用了81天), the clause before
    names it. None for a duration that is no achievement (办理时限3个工作日)."""
    if not _found(rules, "metrics", "duration", text[quantity[0] : quantity[1]]):
        return None
    if _found(rules, "metrics", "shift", head):
        return None
    after = text[quantity[1] : following]
    event = next(
        (match["event"] for item in _of_role(rules, "metrics", "event") if (match := item.match(after))),
        "",
    )
    if not event and not _found(rules, "metrics", "took", head):
        return None
    if _found(rules, "metrics", "pace", head):
        return f"{event}用时" if event else None
    subject = candidate
    if not _has_han(subject) and clause[0] > sentence[0]:
        subject = _strip(text[clause_at(text, sentence, clause[0] - 2)[0] : clause[0] - 1], rules)
    if not _has_han(subject):
        return None
    return f"{subject}{'' if subject.endswith(event) else event}用时"


def _all_did(after: str, rules: FieldRules, measured: bool = False) -> tuple[str, str] | None:
    """(metric, rule id) of a count of units that all did the same (9个|县（市、区）用电量均实现正增长):
    the units that did it, what they did first (用电量实现正增长的县（市、区）), as a count followed
    by what its items have done is named. `measured`: what the units measure instead (县（市、区）用电量),
    for a figure after the count (…，增速在2.4%至11.3%之间), None when the clause names no measure."""
    for item in _of_role(rules, "metrics", "all_did"):
        match = item.match(after)
        if match and not measured:
            return f"{match['measure']}{match['deed']}的{match['group']}", item.rule.id
        if match and match["measure"]:
            return f"{match['group']}{match['measure']}", item.rule.id
    return None


def _fronted_object(head: str, after: str, rules: FieldRules) -> tuple[str, str] | None:
    """(metric, rule id) of a count put before its verb by 将 or 把 (将|1463人次|纳入失信被执行人名单):
    what is done to the things counted names them (纳入失信被执行人名单), not the clause before."""
    for item in _of_role(rules, "metrics", "fronted_object"):
        match = item.search(f"{head}{_SELF}{after}")
        if match:
            return match["deed"], item.rule.id
    return None


def _invested_for(candidate: str, after: str, rules: FieldRules) -> str | None:
    """An investment named with what it is for (投资|12亿元|建设新型复合材料项目 →
    投资建设新型复合材料项目), else None."""
    for item in _of_role(rules, "metrics", "invested_for"):
        match = item.search(f"{candidate}{_SELF}{after}")
        if match:
            return candidate + match["purpose"]
    return None


def _output(candidate: str, after: str, rules: FieldRules) -> str | None:
    """The metric of a count of output, named on both sides of it: 年产|8000台|…等工程机械 →
    年产工程机械; 形成年产高端轴承|800万套|的生产能力 → 年产高端轴承; else None."""
    if not _has_han(candidate):
        return None
    for item in _of_role(rules, "metrics", "capacity"):
        match = item.search(after)
        if match:
            return candidate + after[: match.start()]
    if _found(rules, "metrics", "yearly_output", candidate):
        return candidate + _strip(after, rules)
    return None


# The CJK Unified Ideographs block, all of it Han (tests/test_claim_fields.py checks): stdlib `re`
# finds one of these without the `regex` module's cost per call, which `HAN` pays only when none is there.
_COMMON_HAN = re.compile("[\u4e00-\u9fff]")


def _has_han(candidate: str) -> bool:
    """Whether a piece of text holds a Chinese character: asked several times per figure."""
    return _COMMON_HAN.search(candidate) is not None or (bool(candidate) and HAN.search(candidate) is not None)


def _split_list(subject: str, count: int, rules: FieldRules) -> list[str]:
    """The metrics of a 分别 list: 旅游收入、游客人数 → two; 城乡居民收入 → 城镇…, 农村…; items that
    share the head noun written after the last (汽车制造业、电气机械和器材制造业用电量) each get it."""
    items = [item for item in _LIST_MARK.split(subject) if item]
    if len(items) == count:
        return _with_shared_head(items)
    # names with 及 or 和 inside, listed with 、 alone (其他用品及服务、教育文化娱乐、…、生活用品及服务价格)
    named = subject.split("、")
    if len(items) > count and len(named) == count:
        return _with_shared_head(named)
    if len(items) == 1:
        for item in _of_role(rules, "metrics", "split"):
            parts = item.rule.parts  # type: ignore[attr-defined]
            if item.search(subject) and len(parts) == count:
                return [item.pattern.sub(part, subject, count=1) for part in parts]
        return []
    # a collective word that names several items (三次产业 → 第一产业, 第二产业, 第三产业)
    expanded = [part for item in items for part in _collective_parts(item, rules)]
    if len(expanded) == count:
        return _with_shared_head(expanded)
    # a name with 和 or 、 inside it (电气机械和器材制造业): the items end as the others do
    for name in items[:-1]:
        merged = _merged_to(items, name[-1])
        if len(merged) == count:
            return _with_shared_head(merged)
    return []


def _collective_parts(item: str, rules: FieldRules) -> list[str]:
    """The items a collective word names when it is a list item by itself (三次产业), else the item."""
    for rule in _of_role(rules, "metrics", "split"):
        if rule.pattern.fullmatch(item):
            return list(rule.rule.parts)  # type: ignore[attr-defined]
    return [item]


def _merged_to(items: list[str], ending: str) -> list[str]:
    """The pieces of a list joined up to each piece that ends with `ending` (电气机械 + 器材制造业 with
    业), the last piece closing the last item whatever its end."""
    merged: list[str] = []
    piece = ""
    for position, item in enumerate(items):
        piece = f"{piece}和{item}" if piece else item
        if item.endswith(ending) or position == len(items) - 1:
            merged.append(piece)
            piece = ""
    return merged


_SHARE_OF = re.compile(r"占(?:全部|全)?")


def _with_shared_head(items: list[str]) -> list[str]:
    """The items of a list with the head noun written once after the last given to each of them:
    what follows the end the earlier items have in common (汽车制造业、…器材制造业|用电量; 职工医保、
    居民医保|参保人数), else a share's measure, which the whole after 占 names too (…城乡居民生活|用电量
    占全社会用电量的比重, …居民生活|用水量占用水总量的比重)."""
    *earlier, last = items
    head = ""
    ending = earlier[0][-1]
    share = _SHARE_OF.search(last)
    at = last.find(ending, 1, share.start() if share is not None else len(last))
    if at >= 0 and all(item.endswith(ending) for item in earlier):
        head = last[at + 1 :]
    elif share is not None:
        # the measure is the longest piece the part and the whole have in common (用电量, 用水)
        part, whole = last[: share.start()], last[share.end() :].split("的")[0]
        for size in range(min(len(part), len(whole)), 1, -1):
            at = next((i for i in range(1, len(part) - size + 1) if part[i : i + size] in whole), -1)
            if at > 0:
                head = last[at:]
                break
    if len(head) < 2 or not _has_han(head) or any(item.endswith(head) for item in earlier):
        return items
    return [f"{item}{head}" for item in earlier] + [last]


def _joins_list(text: str, end: int, start: int, rules: FieldRules) -> bool:
    """Whether the figure at `start` goes on the list whose last figure ends at `end`: a list mark
    between them, and at most a verb of change after it, for a list may turn direction at an item
    (分别增长15.2%、9.7%和下降2.4%): the verbs are those of the `kinds` rules of change."""
    mark = _LIST_JOINT.match(text, end, start)
    if mark is None:
        return False
    if mark.end() == start:
        return True
    turn = text[mark.end() : start] + _SELF
    return any(item.fullmatch(turn) for item in _change_cues(rules))


@lru_cache(maxsize=16)
def _change_cues(rules: FieldRules) -> tuple[_Compiled, ...]:
    """The kind rules of change read on a figure's clause: their verbs are those of change."""
    return tuple(
        item for item in _compiled(rules, "kinds") if item.rule.kind == "change" and item.rule.reads == "context"  # type: ignore[attr-defined]
    )


def _list_position(
    text: str, clause: tuple[int, int], quantity: tuple[int, int], others: Sequence[tuple[int, int]], rules: FieldRules
) -> tuple[int, int, int]:
    """(index, length, start) of the list of figures (、和及) that holds the quantity."""
    # `others` may hold the quantity itself (a fall-back to an earlier figure passes its sentence's
    # figures): counted twice, it would break its own list
    in_clause = [o for o in others if clause[0] <= o[0] < clause[1] and o != quantity]
    if not in_clause:  # most figures stand alone in their clause
        return 0, 1, quantity[0]
    figures = sorted([quantity, *in_clause])
    lists: list[list[tuple[int, int]]] = []
    for figure in figures:
        if lists and _joins_list(text, lists[-1][-1][1], figure[0], rules):
            lists[-1].append(figure)
        else:
            lists.append([figure])
    for group in lists:
        if quantity in group:
            return group.index(quantity), len(group), group[0][0]
    return 0, 1, quantity[0]


def _respectively(
    text: str,
    sentence: tuple[int, int],
    clause: tuple[int, int],
    quantity: tuple[int, int],
    others: Sequence[tuple[int, int]],
    rules: FieldRules,
) -> tuple[str | None, str]:
    """A 分别 list: pair the n-th figure with the n-th metric named before it.

    The metrics are the subject before 分别 in the clause; else the figures of
    the clauses before, when there are enough of them (…实现738.4亿元，…64.7亿元，
    同比分别增长15.8%和14.4%); else the subject of the clauses before.
    """
    index, length, list_start = _list_position(text, clause, quantity, others, rules)
    subject = _strip(text[clause[0] : list_start].split("分别")[0], rules)
    # a share of each figure before it (…368家、…142家，占全市的比重分别为56%和61%)
    joins = _has_han(subject) and any(
        item.match(subject) for item in _of_role(rules, "metrics", "join_previous")
    )
    if not _has_han(subject) or joins:
        earlier = sorted(o for o in others if sentence[0] <= o[0] and o[1] <= clause[0])
        if length > 1 and len(earlier) >= length:
            figure = earlier[len(earlier) - length + index]
            base = metric_for(text, sentence, figure, others, rules)[0]
            return (f"{base}{subject}" if joins and base else base), "metric.respectively"
        # times listed before 分别 (一季度、二季度…分别完成货物吞吐量…): the words after 分别 name it
        after = _strip(text[text.find("分别", clause[0], list_start) + 2 : list_start], rules)
        if not joins and "分别" in text[clause[0] : list_start] and len(after) >= 2 and _has_han(after):
            return after, "metric.respectively"
        for start, end in _clauses_before(text, sentence, clause[0]):
            first = min([o[0] for o in others if start <= o[0] < end], default=end)
            subject = _strip(text[start:first].split("分别")[0], rules)
            if _has_han(subject):
                break
    if not _has_han(subject):
        return None, "metric.none"
    if length > 1:
        metrics = _split_list(subject, length, rules)
        if metrics:
            return _strip(metrics[index], rules), "metric.respectively"
    return subject, "metric.respectively"


_WHOLE_AFTER = regex.compile(r"的(\p{Han}{2,12}?)(?=[、，。；]|和|及|$)")  # 50%以上|的税收、…
_WHOLE_LINK = regex.compile(r"的\p{Han}{2,12}?[、和及]")  # between two shares of one list


def _share_of_the_whole_after(
    text: str, clause: tuple[int, int], quantity: tuple[int, int], others: Sequence[tuple[int, int]], rules: FieldRules
) -> tuple[str, str] | None:
    """(metric, rule id) of a share followed by the whole it is a share of, after a verb of
    contribution (民营经济贡献了全市|50%以上|的税收、60%以上|的地区生产总值): the subject before the
    verb 占 the whole 比重; a later share of the list takes the subject of the first."""
    whole = _WHOLE_AFTER.match(text, quantity[1], clause[1])
    if whole is None:
        return None
    first = quantity
    for other in sorted((o for o in others if clause[0] <= o[0] and o[1] <= quantity[0]), reverse=True):
        if not _WHOLE_LINK.fullmatch(text, other[1], first[0]):
            break
        first = other
    head = text[clause[0] : first[0]]
    for item in _of_role(rules, "metrics", "contribution"):
        match = item.search(head)
        if match:
            subject = _strip(head[: match.start()], rules)
            return (f"{subject}占{whole[1]}比重", item.rule.id) if _has_han(subject) else None
    return None


_SHORT_ACTION = 6  # longest own words of a later list group that can be an action alone


def _shared_noun(
    text: str,
    sentence: tuple[int, int],
    quantity: tuple[int, int],
    previous: tuple[int, int],
    others: Sequence[tuple[int, int]],
    own: str,
    rules: FieldRules,
    subjects: tuple[str, ...] = (),
) -> tuple[str, str] | None:
    """(metric, rule id) of a later group of a list whose own words are an action alone (竣工投产,
    累计建成) or a total (累计达到): the noun of the figure before's metric with that action, or
    alone for a total. `own` is the group's words as written, or as cut when the cut left some;
    `subjects` the names before the figure, cut from that metric as the assembler cuts them."""
    total = next((item for item in _of_role(rules, "metrics", "total") if item.fullmatch(own)), None)
    action = None if total else next(
        (m for item in _of_role(rules, "metrics", "action") if (m := item.fullmatch(own)) and not m["noun"]), None
    )
    if total is None and action is None:
        return None
    # the figure before counted in the same unit counts the same things (计划改造老旧小区38个、涉及
    # 居民4260户，目前已开工|31个: 31个 are of the 38个, not of the 4260户)
    unit = _unit_written(text, quantity)
    alike = [o for o in others if o[1] <= quantity[0] and _unit_written(text, o) == unit]
    source = max(alike) if alike else previous
    base, _ = metric_for(text, sentence, source, _others_of(source, quantity, others), rules)
    if base and subjects:
        base = without_subject(base, subjects, rules)
    if not base:
        return None
    opened = next((m for item in _of_role(rules, "metrics", "action") if (m := item.fullmatch(base)) and m["noun"]), None)
    noun = opened["noun"] if opened else base
    if total is not None:
        return noun, total.rule.id
    return (f"{action['verb']}{noun}", "metric.shared_noun.action") if action is not None else None


_UNIT_WRITTEN = re.compile(r"[^\d.．０-９零〇一二两三四五六七八九十百千万亿]*$")


def _unit_written(text: str, figure: tuple[int, int]) -> str:
    """The unit a figure is written with, its magnitude left out (126.4万亩 → 亩, 31个 → 个)."""
    return _UNIT_WRITTEN.search(text, figure[0], figure[1]).group()  # type: ignore[union-attr]


@lru_cache(maxsize=16)
def _shared_noun_words(rules: FieldRules) -> re.Pattern[str] | None:
    """A stdlib search for the words an action or a total needs (most short words before a
    figure have none: 实现, 同比增长 are cut already)."""
    return _literals_search(item for role in ("action", "total") for item in _of_role(rules, "metrics", role))


def _may_share_a_noun(own: str, rules: FieldRules) -> bool:
    words = _shared_noun_words(rules)
    return bool(own) and (words is None or words.search(own) is not None)


_RANK_FIGURE = regex.compile(r"^[第前首]")
# a rate's move in points is no figure a place is ranked by: the rate is (…覆盖率达到78.9%，比上年提高0.2个百分点，保持全省第一)
_POINTS_OR_RANK_FIGURE = regex.compile(r"^[第前首]|百分点$")
_RATIO_OR_RANK_FIGURE = regex.compile(r"^[第前首]|(?:%|％|成|百分点|倍)(?:以上|以内|左右)?$")


def _ranked_figure(
    text: str, sentence: tuple[int, int], quantity: tuple[int, int], others: Sequence[tuple[int, int]], total: bool
) -> tuple[int, int]:
    """The figure a rank ranks: the nearest before it in its sentence that is no rank itself
    (…居金华市第一位、全省第三位) nor a move in points, and for 总量 an amount, not a rate or a share
    (…1580亿元、增长18.3%，约占…的四成，总量稳居全省第一 ranks the 1580亿元)."""
    skip = _RATIO_OR_RANK_FIGURE if total else _POINTS_OR_RANK_FIGURE
    before = sorted((o for o in others if sentence[0] <= o[0] and o[1] <= quantity[0]), reverse=True)
    return next((o for o in before if not skip.search(text[o[0] : o[1]])), before[0])


def _around(
    sentence: tuple[int, int], clause: tuple[int, int], quantity: tuple[int, int], others: Sequence[tuple[int, int]]
) -> tuple[int, tuple[int, int] | None, int, bool]:
    """Where the figure stands among the others, in one walk over them: (where the words before it
    in its clause start, after the figure before it there; the nearest figure before it in the
    sentence; where the words after it in its clause end, at the next figure; whether another
    figure is in its clause)."""
    before_start, previous, following, shares_clause = clause[0], None, clause[1], False
    for other in others:
        start, end = other
        if end <= quantity[0]:
            if end > before_start:
                before_start = end
            if start >= sentence[0] and (previous is None or other > previous):
                previous = other
        if quantity[1] <= start < following:
            following = start
        if clause[0] <= start < clause[1] and other != quantity:
            shares_clause = True
    return before_start, previous, following, shares_clause


@lru_cache(maxsize=16)
def _previous_words(rules: FieldRules) -> re.Pattern[str] | None:
    """A stdlib search for the words a clause that builds on the figure before it needs (a rank
    frame, a joined share or growth, a rate of its base), and for those of the inner words
    `_strip` drops (the only cut that can bring two pieces of a clause together into a new
    word). None when a rule of those roles has no literals proved. A role read in that clause
    must be listed here."""
    roles = ("rank_frame", "join_previous", "measured_against", "drop_inner")
    return _literals_search(item for role in roles for item in _of_role(rules, "metrics", role))


def _may_build_on_previous(head: str, rules: FieldRules) -> bool:
    """Whether the words before a figure may rank or extend the figure before it: the clause
    read for that is `head` cut at its ends, so without any of the words it cannot."""
    words = _previous_words(rules)
    return words is None or words.search(head) is not None


def _others_of(earlier: tuple[int, int], quantity: tuple[int, int], others: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The others of an earlier figure whose metric this one's builds on: this one among them."""
    return [o for o in others if o != earlier] + [quantity]


def _measured(metric: str, measure: str) -> str:
    """`metric` with the measure a ranking ranks it by (增速, 数量), unless it names it already
    (a gap to the average is of 规上工业增加值增速: ranked, it stays …增速排名)."""
    return metric if metric.endswith(measure) else metric + measure


def _rank_of_a_sentence_before(head: str, earlier: Sequence[tuple[str, str]], rules: FieldRules) -> tuple[str, str] | None:
    """(metric, rule id) of a rank that opens its sentence (…增长12.3%。增速居长江沿线省份第一。): it
    ranks a figure of the paragraph before it, given as `earlier` (kind, metric), latest last —
    the latest growth for 增速, the latest amount for 总量, else the latest figure that is no rank."""
    wanted = "change" if head.startswith(("增速", "增幅")) else "level" if head.startswith("总量") else None
    for item in _of_role(rules, "metrics", "rank_frame"):
        match = item.search(head)
        if match:
            for kind, metric in reversed(earlier):
                if kind != "rank" and (wanted is None or kind == wanted):
                    scope = match.groupdict().get("scope") or ""
                    return f"{_measured(metric, '增速' if kind == 'change' else '')}{scope}排名", item.rule.id
            return None
    return None


def metric_for(
    text: str,
    sentence: tuple[int, int],
    quantity: tuple[int, int],
    others: Sequence[tuple[int, int]],
    rules: RuleSet | FieldRules,
    verb: tuple[int, int] | None = None,
    subjects: tuple[str, ...] = (),
    earlier: Sequence[tuple[str, str]] = (),
) -> tuple[str | None, str]:
    """(metric, rule id): the shortest noun phrase of the text that names what is measured.

    In order: a table cell takes its row label; a 分别 list pairs figures with
    the metrics named before it; a rank or a share clause without a subject
    (位居全市第一, 占营业收入比重) builds on the figure before it; a count takes the
    noun after it (16个|重点工业项目); else the words before the figure in its
    clause, cut of time, place and verb words; else the figure before it in the
    sentence (…86.5亿元，增长7.9%); else, for the sentence's first figure, the
    subject of a clause before it (营业收入实现翻一番，达到1500亿元). `subjects` are the
    names the sentence gives before the figure: a clause that opens with one (其中南昌市约占全省的)
    is read without it. `earlier`: (kind, metric) of the figures of the paragraph before this
    one, latest last, for a rank that opens its sentence.
    """
    rules = rules if type(rules) is FieldRules else field_rules(rules)
    if verb is None and not subjects and (not earlier or text[quantity[0]] not in "第前首"):
        # the metric a later figure builds on or falls back on (…86.5亿元，增长7.9%) is asked for
        # again with the same others: worked out once (a list of figures that each fall back on the
        # one before would work every earlier one out again, recursively). The others are read for
        # where each stands, never in the order given: sorted, they are a key. `earlier` is read
        # for a rank only (as _RANK_FIGURE), so the assembler's own question about any other
        # figure is the one a later figure asks again: kept too.
        return _metric_once(text, sentence, quantity, tuple(sorted(others)), rules)
    return _metric(text, sentence, quantity, others, rules, verb, subjects, earlier)


def _metric(
    text: str,
    sentence: tuple[int, int],
    quantity: tuple[int, int],
    others: Sequence[tuple[int, int]],
    rules: FieldRules,
    verb: tuple[int, int] | None = None,
    subjects: tuple[str, ...] = (),
    earlier: Sequence[tuple[str, str]] = (),
) -> tuple[str | None, str]:
    cell = table_cell(text, quantity, rules.rules)
    if cell is not None:
        return (cell.label, "metric.table_row") if cell.label else (None, "metric.none")
    clause = _clause_of(text, sentence, quantity)
    before_start, previous, following, shares_clause = _around(sentence, clause, quantity, others)
    head = text[before_start : verb[0] if verb and verb[0] >= before_start else quantity[0]]
    if "分别" in text[clause[0] : quantity[0]] or (
        shares_clause and _list_position(text, clause, quantity, others, rules)[1] > 1 and not _has_han(_strip(head, rules))
    ):
        paired = _respectively(text, sentence, clause, quantity, others, rules)
        if not (paired[0] and subjects and _only_a_name(paired[0], subjects)):
            return paired
        at = text.rfind("分别", clause[0], quantity[0])
        if at > clause[0]:
            # the names and then what they measure (A站、B站日均发送旅客|分别为…): the words after the names
            written = _strip(text[clause[0] : at], rules)
            after_names = without_subject(written, subjects, rules)
            if after_names != written and _has_han(after_names) and not _only_a_name(after_names, subjects):
                return after_names, "metric.after_places_listed"
        # places listed with their figures (…新增就业12.8万人，居全省首位；洛阳市、南阳市分别新增|6.1万人和
        # 5.4万人): no metric; the latest figure before their clause that is no rank names it
        before = [o for o in others if sentence[0] <= o[0] and o[1] <= clause[0] and text[o[0]] not in "第前首"]
        if before:
            around = _others_of(before[-1], quantity, others)
            base, _ = metric_for(text, sentence, before[-1], around, rules)
            if base and _only_a_name(base, subjects):
                # that figure is itself paired with a place (A、B分别完成旅客吞吐量X和Y，分别增长…): read
                # with the sentence's names, it names what both lists measure
                base, _ = metric_for(text, sentence, before[-1], around, rules, subjects=subjects)
                base = without_subject(base, subjects, rules) if base else base
            if base:
                return base, "metric.places_listed"
    if text.startswith("的", quantity[1]):  # 50%以上|的税收: most figures before 的 name a category (亿元的项目)
        if following == quantity[1] + 1 and quantity[0] > clause[0]:
            # a target written with its own figure, the part done right after it (完成年度目标任务|110万人|的64.2%)
            target = _measured_against(text, sentence, clause, quantity, quantity, others, rules, done=False)
            if target is not None:
                return target
        contribution = _role_words(rules, "metrics", "contribution")
        if contribution is None or contribution.search(text, clause[0], quantity[0]) is not None:
            share = _share_of_the_whole_after(text, clause, quantity, others, rules)
            if share is not None:
                return share
    if previous is None and earlier and text[quantity[0]] in "第前首":  # as _RANK_FIGURE
        ranked_before = _rank_of_a_sentence_before(text[before_start : quantity[0]].strip(), earlier, rules)
        if ranked_before is not None:
            return ranked_before
    if previous is not None and _may_build_on_previous(head, rules):
        # the figure before, seen with this one among its others (…212家|减少到|108家)
        head_alone = head.strip().lstrip("、")  # a second clause about the same figure: …、居全省第3位
        if subjects:
            head_alone = without_subject(head_alone, subjects, rules)
            head_alone = without_subject(_strip(head_alone, rules, tails=False), subjects, rules) or head_alone
        total_at = head_alone.find("总量")
        if total_at > 0:
            # the measure of the amount before, then 总量 (…用电量518.6亿千瓦时，…，用电量总量居全省第五位): the
            # level's rank, as 总量 alone
            ranked = _ranked_figure(text, sentence, quantity, others, True)
            base, _ = metric_for(text, sentence, ranked, _others_of(ranked, quantity, others), rules)
            if base and base.endswith(head_alone[:total_at]):
                head_alone = head_alone[total_at:]
        for item in _of_role(rules, "metrics", "rank_frame"):
            match = item.search(head_alone)
            if match and match.group() == match.groupdict().get("scope") and not _RANK_WRITTEN.match(text, quantity[0]):
                # a scope alone ranks only a rank (…、全省第三位); 全市1.9万名老年人 counts people
                continue
            if match:
                total = head_alone.startswith("总量")
                ranked = _ranked_figure(text, sentence, quantity, others, total)
                base, _ = metric_for(text, sentence, ranked, _others_of(ranked, quantity, others), rules)
                if base:
                    # 总量 ranks the level even after a growth figure (…增长5.9%，总量稳居全省第三位)
                    change = not total and (
                        head_alone.startswith(("增速", "增幅"))
                        or _change_sign(text, sentence, ranked, others, rules) is not None
                    )
                    scope = match.groupdict().get("scope") or ""
                    # 数量 ranks how many there are of what the figure counts (…累计达到5个，数量居全省第二)
                    measure = "增速" if change else "数量" if head_alone.startswith("数量") else ""
                    return f"{_measured(base, measure)}{scope}排名", item.rule.id
        for item in _of_role(rules, "metrics", "join_previous"):
            match = item.match(head_alone)
            if match:
                around = _others_of(previous, quantity, others)
                base = _metric_before(text, sentence, previous, around, rules, subjects, earlier)  # 其中，X区28家，|占全县的
                if base:
                    part = match.groupdict().get("part")  # the words the rule keeps, else the clause's
                    if part is None and item.rule.parts:  # type: ignore[attr-defined]
                        growth = _change_sign(text, sentence, previous, around, rules) is not None
                        part = item.rule.parts[0] if growth else ""  # type: ignore[attr-defined]
                    words = part if part is not None else _strip(head_alone, rules)
                    if words.startswith("占") and words.endswith("的"):
                        words = f"{words[:-1]}比重"  # 占全省的|45% names the share: …占全省比重
                    elif words == "占":
                        whole = _whole_of_the_shares_before(text, sentence[0], clause[0])
                        if whole:  # …，占不合格总批次的46.2%；餐饮食品1135批次，占|15.4%
                            words = f"占{whole}比重"
                    return _measured(base, words), item.rule.id
        for item in _of_role(rules, "metrics", "measured_against"):
            match = item.match(head_alone)
            if match:
                base, _ = metric_for(text, sentence, previous, _others_of(previous, quantity, others), rules)
                if base:
                    return f"{base}完成{match['base']}", item.rule.id
    if head == "的" and previous is not None and previous[0] > clause[0]:
        # the target's own figure stands between the base and the part done (完成年度目标任务|110万人|的64.2%)
        against = _measured_against(text, sentence, clause, quantity, previous, others, rules)
        if against is not None:
            return against
    candidate = _strip_before_names(head, subjects, rules)
    named = _has_han(candidate)  # whether the words before the figure name anything: asked below again and again
    took = _time_taken(text, sentence, clause, quantity, head, candidate, following, rules)
    if took:
        return took, "metric.time_taken"
    words = _role_words(rules, "metrics", "fronted_object")  # most clauses hold none of its words: no string built
    fronted = (
        _fronted_object(head, text[quantity[1] : following], rules)
        if words is None or words.search(text, before_start, following)
        else None
    )
    if fronted:
        return fronted
    words = _role_words(rules, "metrics", "all_did")
    if words is None or words.search(text, quantity[1], following):
        all_did = _all_did(text[quantity[1] : following], rules)
        if all_did:
            return all_did
    if not named:
        done = _done_after(text, sentence, quantity, previous, following, others, rules)
        if done:
            return done, "metric.done_after"
    after = _noun_after(text, quantity[1], following, rules)
    noun_after = _has_han(after)
    output = _output(candidate, after, rules) if noun_after else None
    if output:
        return output, "metric.output"
    invested_for = _invested_for(candidate, text[quantity[1] : following], rules)
    if invested_for:
        return invested_for, "metric.invested_for"
    if noun_after and (
        not named
        or candidate in subjects  # the subject alone (渠县有超过六成|的农户…): the noun after names it
        or _found(rules, "metrics", "prefer_after", head)
        or _found(rules, "metrics", "count", text[quantity[0] : quantity[1]])
    ):
        return after, "metric.after"
    if text[quantity[0]] in "第前首" and len(without_subject(candidate, subjects, rules) if subjects else candidate) <= 2:
        # a rank with at most its verb (台州|连续两年位列|第二) after a clause that names the ranking
        for start, end in _clauses_before(text, sentence, clause[0]):
            for item in _of_role(rules, "metrics", "ranked_in"):
                match = item.match(text[start:end].strip())
                if match:
                    ranking = match["ranking"]
                    return (ranking if ranking.endswith(("排名", "位次", "名次")) else f"{ranking}排名"), item.rule.id
    if previous is not None and len(candidate) <= _SHORT_ACTION:
        # a later group of a list with its own action only (…，累计建成|126.4万亩; …，改造提升|85公里),
        # as written or as cut (…，全年竣工投产|16个)
        written = head.strip(" \u3000、，,；;")
        for own in (written, candidate) if len(written) <= _SHORT_ACTION else (candidate,):
            if _may_share_a_noun(own, rules):
                shared = _shared_noun(text, sentence, quantity, previous, others, own, rules, subjects)
                if shared is not None:
                    return shared
    if named and previous is None and earlier and subjects and text.startswith("其中", sentence[0]) and _only_a_name(candidate, subjects):
        # a part named after 其中 with only its verb (…完成货物吞吐量6.1亿吨。其中，A港完成|4.7亿吨): a name is no
        # metric; the whole before it in the paragraph names what the part measures
        for kind, measured in reversed(earlier):
            if kind != "rank":
                return measured, "metric.part_of_whole_before"
    if named and not (subjects and previous is not None and _only_a_name(candidate, subjects)):
        if candidate.endswith("的") and "占" in candidate:
            candidate = f"{candidate[:-1]}比重"  # …的企业占新设企业的|18%: …占新设企业比重, as 占全省的 after a part
        return candidate, "metric.before"  # (no subjects: the metric is asked for again, cached, most times)
    if previous is not None and previous[1] < clause[0] - 1 and text.find("；", previous[1], clause[0]) >= 0:
        # a clause after the ； that names the figure's subject (…减少1.34万人；小学生师比为16.08:1，|比上年
        # 下降0.31) is nearer than the figure before the ；; a colon ratio's value is no part of it
        for start, end in _clauses_before(text, sentence, clause[0]):
            if start < previous[1] or "；" in text[start:end]:
                break
            subject = _strip(_RATIO_VALUE.sub("", _until_stop(text[start:end], rules)), rules)
            if _has_han(subject) and not (subjects and _only_a_name(subject, subjects)):
                # (a place alone, 淅川县|最小，为618.7毫米, names no metric: the figure before does)
                return subject, "metric.clause_before"
    if previous is not None:
        previous = _restated(text, sentence, previous, others)
        words = _role_words(rules, "metrics", "all_did")
        if words is None or words.search(text, previous[1], clause[0]):
            # a figure after a count of units that all did the same (9个|县（市、区）用电量均实现正增长，
            # |增速在…): of what the units measure, not of the count
            units = _all_did(text[previous[1] : clause[0]], rules, measured=True)
            if units:
                return units
        # also a part named by its place alone (…2365人，其中亭湖区|358人、盐都区|254人): a place
        # is no metric, the figure before names what the part counts
        base = _metric_before(text, sentence, previous, _others_of(previous, quantity, others), rules, subjects, earlier)
        done_at = base.rfind("完成") if base else -1
        if base and done_at > 0 and any(item.pattern.match(f"{base[done_at:]}的") for item in _of_role(rules, "metrics", "measured_against")):
            # …收入完成预算的101.6%，增长3.8%: the growth is of the 收入, not of the rate
            # (or 工业投资完成全年计划的103.5%: a metric read before the figure names its base too)
            base = base[:done_at]
        if base:
            if _moves_a_growth_rate(text, sentence, quantity, previous, others, rules):
                return _measured(base, "增速"), "metric.previous_growth_rate"
            return base, "metric.previous"
        return None, "metric.none"
    before = _clauses_before(text, sentence, clause[0])
    for start, end in before:
        # the growth a clause before aims at (在规上工业增加值增长目标上，…|力争达到10%)
        for item in _of_role(rules, "metrics", "goal_frame"):
            match = item.match(text[start:end].strip())
            if match:
                return f"{match['metric']}增速", item.rule.id
    for start, end in before:
        # a figure alone in its clause, the first of its sentence: the subject of the clause
        # before names it (营业收入实现翻一番，|达到1500亿元)
        subject = _strip(_until_stop(text[start:end], rules), rules)
        if _has_han(subject) and not (subjects and _only_a_name(subject, subjects)):
            # a place alone (…递减，桐柏县|最大，为1026.4毫米) names none: the clause before it does
            return subject, "metric.clause_before"
    return None, "metric.none"


_metric_once = lru_cache(maxsize=128)(_metric)


def _measured_against(
    text: str,
    sentence: tuple[int, int],
    clause: tuple[int, int],
    quantity: tuple[int, int],
    target: tuple[int, int],
    others: Sequence[tuple[int, int]],
    rules: FieldRules,
    done: bool = True,
) -> tuple[str, str] | None:
    """(metric, rule id) of a part done measured against a target written with its own figure
    (…新增就业70.6万人，完成年度目标任务110万人的|64.2%): the metric of the figure before the
    target, 完成 and the base, as for 完成年度目标任务的64.2%; with `done` False, of the target's
    own figure (|110万人|): that metric and the base (城镇新增就业年度目标任务)."""
    words = text[clause[0] : target[0]].strip() + "的"
    for item in _of_role(rules, "metrics", "measured_against"):
        match = item.match(words)
        if match:
            before = [o for o in others if sentence[0] <= o[0] and o[1] <= clause[0]]
            if not before:
                return None
            base, _ = metric_for(text, sentence, before[-1], _others_of(before[-1], quantity, others), rules)
            return (f"{base}{'完成' if done else ''}{match['base']}", item.rule.id) if base else None
    return None


_RATIO_VALUE = regex.compile(r"(?:为|是|达)\d+(?:\.\d+)?(?:[:：]\d+(?:\.\d+)?)*$")


_RESTATING = ("折合", "相当于")


def _restated(
    text: str, sentence: tuple[int, int], previous: tuple[int, int], others: Sequence[tuple[int, int]]
) -> tuple[int, int]:
    """The figure a change after a restatement measures: a figure in a clause that opens with 折合
    (年平均降水量865.2毫米，折合降水总量210亿立方米，|比上年偏少8.6%) restates the one before it in
    another unit, and what changes is the thing first named; else the figure before itself."""
    start = _clause_of(text, sentence, previous)[0]
    if not text[start : previous[0]].lstrip().startswith(_RESTATING):
        return previous
    restated = max((o for o in others if sentence[0] <= o[0] and o[1] <= start), default=None)
    return restated if restated is not None else previous


def _metric_before(
    text: str,
    sentence: tuple[int, int],
    previous: tuple[int, int],
    around: Sequence[tuple[int, int]],
    rules: FieldRules,
    subjects: tuple[str, ...],
    earlier: Sequence[tuple[str, str]] = (),
) -> str | None:
    """The metric of the figure before, which a later figure builds on or falls back on. Where
    that figure is a part named by its place (其中亭湖区|358人), read without the sentence's
    names it is the place: read with them (and with the paragraph's figures before, `earlier`),
    it is what the part counts."""
    base, _ = metric_for(text, sentence, previous, around, rules)
    if base and subjects and _only_a_name(base, subjects):
        base, _ = metric_for(text, sentence, previous, around, rules, subjects=subjects, earlier=earlier)
    return base


def _only_a_name(candidate: str, subjects: tuple[str, ...]) -> bool:
    """The candidate metric is a name of the sentence, or its end (龙游|经济开发区): a place, no metric."""
    for name in subjects:  # a loop: a generator for `any` costs more than these few tests
        if name.endswith(candidate):
            return True
    return False


# --- kind --------------------------------------------------------------------------------


def _context(text: str, sentence: tuple[int, int], quantity: tuple[int, int], others: Sequence[tuple[int, int]]) -> str:
    return _masked(text, _clause_of(text, sentence, quantity), quantity, others)


@lru_cache(maxsize=8)
def _digit_context(text: str, sentence: tuple[int, int], quantity: tuple[int, int]) -> str:
    """The figure's clause masked against the figures written in digits elsewhere in its
    sentence: the provision filter and the kind read the same context, built once."""
    return _masked(text, _clause_of(text, sentence, quantity), quantity, _digit_figures(text, sentence))


@lru_cache(maxsize=8)
def _digit_figures(text: str, sentence: tuple[int, int]) -> list[tuple[int, int]]:
    """Figures written in digits in a sentence: found once for all the figures of the sentence."""
    return [match.span() for match in _DIGIT_FIGURE.finditer(text, sentence[0], sentence[1], False, KEEP_GIL)]


_SHARE_OF_A_WHOLE = regex.compile(r"占(\p{Han}{2,12}?)的?[0-9.]+[%％]")


def _whole_of_the_shares_before(text: str, start: int, end: int) -> str | None:
    """The whole the last share before `end` in its sentence names (…占不合格总批次的46.2%): a later
    share of the same list that names none (…，占15.4%) is of that whole."""
    wholes = _SHARE_OF_A_WHOLE.findall(text, start, end)
    return wholes[-1] if wholes else None


def _moves_a_growth_rate(
    text: str,
    sentence: tuple[int, int],
    quantity: tuple[int, int],
    previous: tuple[int, int],
    others: Sequence[tuple[int, int]],
    rules: FieldRules,
) -> bool:
    """Whether a change in 百分点 follows a growth in % (同比增长5.9%，比上半年提高|0.2个百分点): it
    moves the growth rate, not the metric grown. Asked only of a figure that borrows its metric."""
    if not (text.endswith("百分点", quantity[0], quantity[1]) and text.endswith("%", previous[0], previous[1])):
        return False
    return (
        _change_sign(text, sentence, quantity, others, rules) is not None
        and _change_sign(text, sentence, previous, _others_of(previous, quantity, others), rules) is not None
    )


def _change_sign(
    text: str, sentence: tuple[int, int], quantity: tuple[int, int], others: Sequence[tuple[int, int]], rules: FieldRules
) -> int | None:
    """+1/-1 when a change verb directly governs the figure, else None."""
    context = _context(text, sentence, quantity, others)
    for item in _compiled(rules, "kinds"):
        rule = item.rule
        if rule.kind == "change" and rule.reads == "context" and item.search(context):  # type: ignore[attr-defined]
            return rule.sign  # type: ignore[attr-defined]
    return None


class _KindCue(NamedTuple):
    """A kind rule with its fields as plain values: every figure reads them, rule by rule."""

    item: _Compiled
    kind: str
    sign: int
    id: str
    reads: str
    units: tuple[str, ...]
    # the words one of which the figure's sentence must hold for the rule to fire, when the rule
    # reads the figure or its clause: both are cut from the sentence (masking only takes text out
    # and puts its marks in, so no word forms across a mark); None: no such test
    in_sentence: frozenset[str] | None


@lru_cache(maxsize=16)
def _kind_cues(rules: FieldRules) -> tuple[_KindCue, ...]:
    cues = []
    for item in _compiled(rules, "kinds"):
        rule: KindRule = item.rule  # type: ignore[assignment]
        words = item.literals
        in_sentence = rule.reads in ("context", "quantity", "clause_before") and not any(_SELF in w or _OTHER in w for w in words)
        cues.append(
            _KindCue(item, rule.kind, rule.sign, rule.id, rule.reads, rule.units, words if words and in_sentence else None)
        )
    return tuple(cues)


def _words_letting_in(word_sets: Sequence[frozenset[str] | None]) -> tuple[re.Pattern[str], dict[str, int]] | None:
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


def _words_mask(scan: tuple[re.Pattern[str], dict[str, int]], text: str, start: int, end: int) -> int:
    """The bits of the rules (`_words_letting_in`) whose words `text[start:end]` holds."""
    search, lets_in = scan
    mask = 0
    found = search.search(text, start, end)
    while found is not None:
        mask |= lets_in[found.group()]
        found = search.search(text, found.start() + 1, end)
    return mask


@lru_cache(maxsize=16)
def _kind_words(rules: FieldRules) -> tuple[re.Pattern[str], dict[str, int]] | None:
    """`_words_letting_in` of the kind rules' sentence words, in the order of `_kind_cues`."""
    return _words_letting_in([cue.in_sentence for cue in _kind_cues(rules)])


@lru_cache(maxsize=256)
def _cues_let_in(rules: FieldRules, mask: int) -> tuple[_KindCue, ...]:
    """The kind rules without a sentence test, and those whose bit `mask` holds: a few hundred
    masks serve every sentence."""
    return tuple(cue for index, cue in enumerate(_kind_cues(rules)) if cue.in_sentence is None or mask >> index & 1)


@lru_cache(maxsize=8)
def _kind_mask(text: str, sentence: tuple[int, int], rules: FieldRules) -> int:
    """The bits of the kind rules `sentence` lets in (`_cues_let_in`), -1 for all of them: worked
    out once for all the figures of the sentence."""
    scan = _kind_words(rules)
    return -1 if scan is None else _words_mask(scan, text, sentence[0], sentence[1])


def _kind_cues_in(text: str, sentence: tuple[int, int], rules: FieldRules) -> tuple[_KindCue, ...]:
    """The kind rules that can fire for a figure inside `sentence`: those whose sentence words it
    holds, and those without such a test."""
    return _cues_let_in(rules, _kind_mask(text, sentence, rules))


@lru_cache(maxsize=1024)
def _cues_for(rules: FieldRules, mask: int, unit: str, header: bool, metric: bool, title: bool) -> tuple[_KindCue, ...]:
    """Of the kind rules `mask` lets in, those a figure of `unit` can fire: a rule's `units` admit
    the figure's, and what it reads is there (a header only in a table cell, a metric only once
    one is found). Most figures tried about nine rules to search five: a few hundred of these
    lists, keyed by the sentence's bits, serve every figure."""
    present = {"context": True, "quantity": True, "header": header, "metric": metric, "clause_before": True, "title": title}
    return tuple(
        cue for cue in _cues_let_in(rules, mask) if (not cue.units or unit in cue.units) and present[cue.reads]
    )


def kind_for(
    text: str,
    sentence: tuple[int, int],
    quantity: tuple[int, int],
    parsed: ParsedQuantity,
    rules: RuleSet | FieldRules,
    metric: str | None = None,
) -> tuple[str, int, str]:
    """(kind, sign, rule id): rank, change (signed), share or level; the first rule that fires wins."""
    rules = rules if type(rules) is FieldRules else field_rules(rules)
    if parsed.kind is not None:
        return parsed.kind, 1, "kind.quantity_form"
    surface = text[quantity[0] : quantity[1]]
    context = _digit_context(text, sentence, quantity)
    cell = table_cell(text, quantity, rules.rules)
    if cell is not None and cell.cumulative:
        # a plan's 〔2.8〕: the change over its period; of a flow (新增就业 〔12.5〕), the sum over it
        return ("level", 1, "kind.table_cumulative_flow") if cell.flow else ("change", 1, "kind.table_cumulative")
    header = cell.header if cell is not None else None
    title = text[cell.title[0] : cell.title[1]] if cell is not None and cell.title is not None else None
    read = {"context": context, "quantity": surface, "header": header, "metric": metric, "title": title}
    inside = sentence[0] <= quantity[0] and quantity[1] <= sentence[1]  # so is its clause
    # a table cell's unit is its row's or column's (a rate's row in %)
    unit = parsed.unit or (cell.unit.unit if cell is not None and cell.unit is not None else "")
    mask = _kind_mask(text, sentence, rules) if inside else -1
    for cue in _cues_for(rules, mask, unit, header is not None, metric is not None, title is not None):
        if cue.reads == "clause_before" and cue.reads not in read:  # worked out for the few figures that ask
            read[cue.reads] = _with_clause_before(text, sentence, quantity, context) if inside else ""
        if cue.item.search(read[cue.reads] or ""):  # (a cue that reads a header or a metric is chosen only with one)
            return cue.kind, cue.sign, cue.id
    return "level", 1, "kind.level"


def _with_clause_before(text: str, sentence: tuple[int, int], quantity: tuple[int, int], context: str) -> str:
    """The clause before the figure's, with the mark after it, then the figure's clause as the kind
    rules read it (三门县增速最快，|为{Q}); the figure's clause alone when it opens its sentence."""
    clause = _clause_of(text, sentence, quantity)
    before = _clauses_before(text, sentence, clause[0])
    if not before:
        return context
    start, end = before[0]
    return text[start : end + 1] + context


# --- status and provisions ---------------------------------------------------------------


@lru_cache(maxsize=16)
def _markers_in(
    text: str, sentence: tuple[int, int], rules: FieldRules, names: tuple[tuple[int, int], ...] = ()
) -> list[tuple[int, int, StatusRule, int]]:
    """(start, rule order, rule, end) of every status marker in a sentence, sorted: found once for
    all the figures of the sentence. The whole sentence is searched so that a marker can look
    ahead (将…纳入). A marker that starts inside one of `names` (the spans of the sentence's places
    and organisations) is part of the name (将乐县, 高要区), no marker."""
    any_marker = _any_of_role(rules, "status", "marker")
    if any_marker is not None and not any_marker.search(text, sentence[0], sentence[1], KEEP_GIL):
        return []
    scan, untested = _marker_words(rules)
    mask = untested | _words_mask(scan, text, sentence[0], sentence[1]) if scan is not None else -1
    found = [
        (match.start(), order, cast(StatusRule, item.rule), match.end())
        for order, item in enumerate(_of_role(rules, "status", "marker"))
        if mask >> order & 1  # most sentences hold the words of a few markers only
        for match in item.pattern.finditer(text, sentence[0], sentence[1], False, KEEP_GIL)
    ]
    if found and names:
        found = [marker for marker in found if not any(start <= marker[0] < end for start, end in names)]
    return sorted(found, key=lambda marker: marker[:2])


@lru_cache(maxsize=16)
def _marker_words(rules: FieldRules) -> tuple[tuple[re.Pattern[str], dict[str, int]] | None, int]:
    """`_words_letting_in` of the status markers, and the bits of those searched in any sentence.
    A marker's words are in the sentence it is found in (a lookahead sees no further than the
    sentence's end), unless the marker may see them behind it, before the sentence starts
    (`(?<=`), or has none proved (a user's rule)."""
    word_sets = [
        item.literals if item.literals and "(?<=" not in item.pattern.pattern else None
        for item in _of_role(rules, "status", "marker")
    ]
    return _words_letting_in(word_sets), sum(1 << index for index, words in enumerate(word_sets) if words is None)


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
        if rule.estimate and period_is_past:
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
    status, rule_id, deciding = _heading_status(heading, rules)
    given = (status, rule_id)
    return given, ("actual", "status.past_under_plan_title") if titled and deciding == 0 else given


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
def _heading_status(heading: str, rules: FieldRules) -> tuple[str, str, int | None]:
    """(status, rule id, line of the heading that decided) the headings over a figure give
    it, the nearest first: decided once per chain of headings."""
    lines = heading.splitlines()
    for index in range(len(lines) - 1, -1, -1):
        if _found(rules, "status", "past_heading", lines[index]):
            break
        for item in _of_role(rules, "status", "heading"):
            if item.search(lines[index]):
                return "target", item.rule.id, index
    return "actual", "status.actual", None


# The caches keyed by pieces of text that recur from one document to another (a metric's
# candidate words, a chain of headings): a real corpus is served from them where its phrases
# recur (a third of `_strip`'s calls over corpora/, read once). A benchmark that repeats its
# corpus must empty them at each copy (`pipeline.forget_recurring_pieces`), or every piece of a
# copy is answered from the copy before (the throughput ratio 10-15 % higher, ninth session).
# The caches keyed by a whole text, and those of vocabulary (numerals, a table's unit cell), are
# not among them: a repeated corpus gives them no hits a real one would not.
RECURRING_PIECE_CACHES = (_strip, _heading_status)


def is_provision(
    text: str, sentence: tuple[int, int], quantity: tuple[int, int], rules: RuleSet | FieldRules
) -> tuple[bool, str]:
    """(True, rule id) when the figure is a condition or entitlement of a policy provision."""
    rules = rules if type(rules) is FieldRules else field_rules(rules)
    context = _digit_context(text, sentence, quantity)
    words = _role_words(rules, "status", "provision")
    if words is not None and words.search(context) is None:  # most clauses name no grant or cap
        return False, "provision.none"
    any_provision = _any_of_role(rules, "status", "provision")
    if any_provision is not None and not any_provision.search(context):
        return False, "provision.none"
    for item in _of_role(rules, "status", "provision"):
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
    for item in _of_role(rules, "metrics", "heading_name"):
        match = item.pattern.match(text, paragraph[0], paragraph[1], False, KEEP_GIL)
        if match and match["name"] != metric:
            return match["name"], item.rule.id
    return None


def refers_back(metric: str | None, rules: RuleSet | FieldRules) -> str | None:
    """The id of the rule by which `metric` only points back to an earlier one (这一比重), else None."""
    rules = rules if type(rules) is FieldRules else field_rules(rules)
    if not metric:
        return None
    for item in _of_role(rules, "metrics", "refer_back"):
        if item.fullmatch(metric):
            return item.rule.id
    return None


_DIMENSIONLESS = frozenset({"%", "百分点", "倍", "位", "成"})


def per_unit(metric: str | None, unit: str, rules: RuleSet | FieldRules) -> tuple[str, str] | None:
    """(compound unit, rule id) for an intensity: 1.02吨标准煤 of 万元地区生产总值能耗 is per 万元.

    SPEC writes compound units with `/` (吨标准煤/万元); a unit that has one already stays.
    """
    rules = rules if type(rules) is FieldRules else field_rules(rules)
    if not metric or not unit or "/" in unit or unit in _DIMENSIONLESS:
        return None  # a rate of change of an intensity (下降6.2%) is still a plain %
    for item in _of_role(rules, "metrics", "per_unit"):
        if item.search(metric):
            return f"{unit}/{item.rule.unit}", item.rule.id  # type: ignore[attr-defined]
    return None


def implied_unit(metric: str | None, rules: RuleSet | FieldRules) -> tuple[str, str] | None:
    """(unit, rule id) for a figure written without a unit: 产值, 投资, 收入 … imply 元."""
    rules = rules if type(rules) is FieldRules else field_rules(rules)
    if not metric:
        return None
    for item in _of_role(rules, "metrics", "implied_unit"):
        if item.search(metric):
            return item.rule.unit, item.rule.id  # type: ignore[attr-defined]
    return None
