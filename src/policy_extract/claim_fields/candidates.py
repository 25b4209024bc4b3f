"""A metric candidate cut down to what it names.

`strip` cuts time, place and verb words off the ends of the words before a figure (gated, so
that most rules are never tried); `without_subject` takes the sentence's names off its front.
Used by the metric, its lists, and the assembler.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

from ..line_gate import edge_characters, required_characters
from ..rule_files import RuleSet
from ..text_units import KEEP_GIL
from .clauses import has_han
from .rules import Compiled, FieldRules, field_rules, of_role, words_letting_in

_OPENING_QUOTE = {"“": "”", "‘": "’", "「": "」", '"': '"'}  # an opening quote and its closing one


# The marks cut off both ends of a candidate on each round of `strip`.
_STRIP_MARKS = " \u3000\t、，,：:；;（）()"


class _EdgeGates(NamedTuple):
    """Which strip rules can cut a candidate that starts (a head rule) or ends (a tail rule) with a
    given character (`edge_characters`), as bits in the rules' order: those that name it, those that
    also take any character outside U+4E00-U+9FFF (a digit), and those no edge was proved for."""

    naming: dict[str, int]
    beyond_han: int
    ungated: int


class _StripPlan(NamedTuple):
    heads: tuple[Compiled, ...]
    tails: tuple[Compiled, ...]
    inner: tuple[Compiled, ...]  # drop_inner
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
    candidate (`words_letting_in`; a class of a few characters counts: [ \\t] needs a space or a
    tab)."""
    heads, tails = of_role(rules, "metrics", "strip_head"), of_role(rules, "metrics", "strip_tail")
    inner = of_role(rules, "metrics", "drop_inner") + of_role(rules, "metrics", "drop_time")
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
        words_letting_in(words),
        unscanned,
        _edge_gates(edges[: len(heads)]),
        _edge_gates(edges[len(heads) :]),
    )


@lru_cache(maxsize=4096)
def strip(candidate: str, rules: FieldRules, tails: bool = True) -> str:
    """Cut time, place and verb words off the ends of a candidate (its front only, without
    `tails`), until nothing changes: each round cuts the marks and an opening quote, then tries
    the head rules in turn at the front and the tail rules in turn at the end.

    A rule is tried only where it can cut: `strip` only ever cuts the candidate shorter, so a
    rule whose words it lacks never fires on what is left of it (one scan of the candidate for
    all their words), and a head (tail) rule fires only where the candidate starts (ends) with a
    character its match can start (end) with (`edge_characters`). The rules left are taken in
    their order, each against the candidate as the rules before it left it, as when all are
    tried."""
    head_rules, tail_rules, inner_rules, scan, mask, head_edges, tail_edges = _strip_plan(rules)
    if scan is not None:
        search, lets_in = scan
        found = search.search(candidate)
        while found is not None:  # `words_mask`, inline: most candidates hold a word or two
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


def strip_before_names(candidate: str, names: Sequence[str], rules: FieldRules, tails: bool = True) -> str:
    """`strip`, except that a head word is not cut off a name it opens (将乐县, 和平县, 共和县: 将, 和
    and 共 are head words): the name is kept whole, for `without_subject` to take off as a name."""
    stripped = strip(candidate, rules, tails)
    if not names or not stripped:
        return stripped
    opening = candidate.lstrip(_STRIP_MARKS)
    if opening[:1] == stripped[:1]:  # nothing cut at the head (most candidates): no name was cut into
        return stripped
    for name in names:
        if opening.startswith(name) and any(stripped.startswith(name[cut:]) for cut in range(1, len(name))):
            # (the rest of the name opens what is left: the cut was inside it)
            return name + strip(opening[len(name) :], rules, tails)
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
                rest = strip_before_names(metric[len(name) :], names, rules, tails=False)
                if has_han(rest):
                    metric = rest
                break
    return metric


def names_only(metric: str, subjects: Iterable[str]) -> bool:
    """Whether the metric is only names of the sentence, maybe a list of them (甲市、乙市)."""
    rest = metric
    for name in sorted({name for name in subjects if name}, key=len, reverse=True):
        rest = rest.replace(name, "")
    return not rest.strip("、和及与 ")
