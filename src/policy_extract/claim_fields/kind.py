"""The kind of a figure: level, change (signed), share or rank; the first kind rule that fires.

The rules a figure can fire are chosen once per sentence by the words it holds.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..models import ParsedQuantity
from ..rule_files import RuleSet
from ..tables import table_cell
from .clauses import clause_of, clauses_before, digit_context
from .rules import OTHER, SELF, Compiled, FieldRules, KindRule, compiled, field_rules, words_letting_in, words_mask


class _KindCue(NamedTuple):
    """A kind rule with its fields as plain values: every figure reads them, rule by rule."""

    item: Compiled
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
    for item in compiled(rules, "kinds"):
        rule: KindRule = item.rule  # type: ignore[assignment]
        words = item.literals
        in_sentence = rule.reads in ("context", "quantity", "clause_before") and not any(SELF in w or OTHER in w for w in words)
        cues.append(
            _KindCue(item, rule.kind, rule.sign, rule.id, rule.reads, rule.units, words if words and in_sentence else None)
        )
    return tuple(cues)


@lru_cache(maxsize=16)
def _kind_words(rules: FieldRules) -> tuple[re.Pattern[str], dict[str, int]] | None:
    """`words_letting_in` of the kind rules' sentence words, in the order of `_kind_cues`."""
    return words_letting_in([cue.in_sentence for cue in _kind_cues(rules)])


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
    return -1 if scan is None else words_mask(scan, text, sentence[0], sentence[1])


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
    context = digit_context(text, sentence, quantity)
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
    clause = clause_of(text, sentence, quantity)
    before = clauses_before(text, sentence, clause[0])
    if not before:
        return context
    start, end = before[0]
    return text[start : end + 1] + context
