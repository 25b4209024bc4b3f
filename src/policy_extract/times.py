"""Time phrases, their periods, the period of each quantity, and the document date.

SPEC section 2.1 maps time phrases to periods and says which phrase governs a
figure; section 3 says which date a document speaks from. The phrases are data
(``rules/times.yaml``: patterns with period templates); this module composes
them (modifiers such as 截至/以来, comparison bases such as 比上年 that are not
times), resolves the templates against the document date and the governing
year, and applies the scoping rules.

The scoping is one method, `TimeScope.govern`, used twice: to give 全年/一季度 the
year that governs them, and to give each quantity its period.
"""

from __future__ import annotations

import ast
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache
from typing import Any, Literal, NamedTuple

import regex
from pydantic import model_validator

from .errors import DateError, RulesError
from .line_gate import LineGate, TextGate, clause_gate, required_literals, text_gate
from .reading import is_caption  # reading owns what a caption line is
from .rule_files import CompiledPattern, RuleBase, RulePattern, RuleSet, compile_pattern
from .sections import Outline, is_body, outline
from .tables import table_cell
from .text_units import KEEP_GIL, Occupied, TextUnits

FAMILY = "times"

# ---------------------------------------------------------------------------- public types


@dataclass(frozen=True)
class DocDate:
    """The date a document speaks from (SPEC section 3)."""

    value: str
    source: Literal["given", "inferred"]
    evidence: str | None = None


Period = tuple[str | None, str | None]


class TimeMatch(NamedTuple):
    """A time phrase found in the text, with its resolved period. A NamedTuple, as immutable as a
    frozen dataclass and built in a fraction of its time: one per time phrase."""

    start: int
    end: int
    text: str
    period: Period
    rule: str  # the rule that fixed the period (a modifier's id when one applies)
    base_rule: str | None = None  # the time rule under a modifier
    relative: bool = False  # the period depends on the document date
    unresolved: bool = False  # relative, and there was no document date
    reach: int | None = None  # a comparison base's own time (由2019年的212家): governs only the figure here
    # a time of the governing year (全年) that a title naming a year reviewed and a year planned governs:
    # the same time in the year reviewed, the period of a figure the text reports (`PeriodAssignment.review`)
    review: TimeMatch | None = None


class PeriodAssignment(NamedTuple):
    """The period of one quantity, and why (a NamedTuple, like TimeMatch: one per quantity)."""

    period: Period
    rule: str  # id of the time rule that governs, or "scope.none"
    scope: str  # the scope rule that carried it: scope.clause, scope.sentence, …
    reason: str | None = None  # why the period is null
    time: TimeMatch | None = None
    # governed by a title that names a year reviewed and a year planned (2025年工作总结和2026年工作计划):
    # the earlier time, the period of a figure the text reports (a target keeps the later one)
    review: TimeMatch | None = None


# ---------------------------------------------------------------------------- rule model

Role = Literal["macro", "time", "modifier", "base", "local", "docdate"]
_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")
_MACRO = re.compile(r"\{([A-Z][A-Z0-9]*)\}")


class TimeRule(RuleBase):
    """One entry of ``rules/times.yaml``; see the file's header for roles and templates."""

    role: Role
    pattern: str
    period: tuple[str | None, str | None] | None = None
    governed: tuple[str | None, str | None] | None = None
    position: Literal["before", "after"] | None = None
    date: str | None = None
    strength: int = 0
    follows: str | None = None  # local: what follows the time (的), the noun phrase it belongs to; base: what must
    # follow it for the text before to make it a base (是去年同期|的1.8倍)
    ends_at: str = ""  # time: marks that end its reach in its sentence (a streak, 连续3年, frames its clauses up to ；)

    @model_validator(mode="after")
    def _fields_fit_role(self) -> TimeRule:
        needs_period = self.role in ("time", "modifier")
        if needs_period != (self.period is not None):
            raise ValueError(f"role {self.role!r} {'needs' if needs_period else 'takes no'} `period`")
        if (self.role == "modifier") != (self.position is not None):
            raise ValueError("`position` is required for modifiers and only for them")
        if (self.role == "docdate") != (self.date is not None):
            raise ValueError("`date` is required for docdate rules and only for them")
        if self.role == "local" and self.follows is None:
            raise ValueError("`follows` is required for local rules")
        if self.follows is not None and self.role not in ("local", "base"):
            raise ValueError("`follows` is only for local and base rules")
        if self.ends_at and self.role != "time":
            raise ValueError("`ends_at` is only for time rules")
        if self.role == "macro" and not self.id.startswith("macro."):
            raise ValueError("a macro's id is macro.NAME")
        for template in (*(self.period or ()), *(self.governed or ()), self.date):
            for expression in _PLACEHOLDER.findall(template or ""):
                _parse_expression(expression)
        return self


# ---------------------------------------------------------------------------- templates

_FUNCTIONS: dict[str, Callable[[Any], Any]] = {
    "mm": lambda x: f"{x:02d}",
    "yof": lambda x: x // 12,
    "plan": lambda k: 2006 + 5 * (k - 1),  # k is the digit of 十k五: 十一五 = 2006–2010
}
_OPERATORS: dict[type[ast.operator], Callable[[Any, Any], Any]] = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b, ast.Mult: lambda a, b: a * b}


@lru_cache(maxsize=512)
def _parse_expression(expression: str) -> ast.expr:
    """Parse a template expression; only names, integers, + - * and our functions are allowed."""
    tree = ast.parse(expression, mode="eval").body
    for node in ast.walk(tree):
        allowed = (ast.Name, ast.Constant, ast.BinOp, ast.Call, ast.Load, *_OPERATORS)
        if not isinstance(node, allowed):
            raise ValueError(f"template {{{expression}}}: {type(node).__name__} is not allowed")
        if isinstance(node, ast.Call) and not (
            isinstance(node.func, ast.Name) and node.func.id in _FUNCTIONS and len(node.args) == 1
        ):
            raise ValueError(f"template {{{expression}}}: unknown function")
        if isinstance(node, ast.Constant) and not isinstance(node.value, int):
            raise ValueError(f"template {{{expression}}}: only integer constants")
    return tree


_Evaluator = Callable[[dict[str, Any]], Any]


def _evaluator(node: ast.expr) -> _Evaluator:
    """A parsed expression turned once into a function of the values (every template of every time
    phrase is filled): None when a value it needs is missing."""
    if isinstance(node, ast.Name):
        name = node.id
        return lambda env: env.get(name)
    if isinstance(node, ast.Constant):
        constant = node.value
        return lambda env: constant
    if isinstance(node, ast.BinOp):
        left, right, operator = _evaluator(node.left), _evaluator(node.right), _OPERATORS[type(node.op)]

        def binary(env: dict[str, Any]) -> Any:
            first, second = left(env), right(env)
            return None if first is None or second is None else operator(first, second)

        return binary
    assert isinstance(node, ast.Call) and isinstance(node.func, ast.Name)  # checked at parse
    argument, function = _evaluator(node.args[0]), _FUNCTIONS[node.func.id]

    def call(env: dict[str, Any]) -> Any:
        value = argument(env)
        return None if value is None else function(value)

    return call


@lru_cache(maxsize=1024)
def _pieces(template: str) -> tuple[tuple[str, _Evaluator | None], ...]:
    """A template split once into (literal text, the expression after it or None)."""
    pieces: list[tuple[str, _Evaluator | None]] = []
    position = 0
    for match in _PLACEHOLDER.finditer(template):
        pieces.append((template[position : match.start()], _evaluator(_parse_expression(match.group(1)))))
        position = match.end()
    pieces.append((template[position:], None))
    return tuple(pieces)


_Pieces = tuple[tuple[str, _Evaluator | None], ...]


def _render(template: str | None, env: dict[str, Any]) -> str | None:
    """Fill a template; any missing value makes the whole date null."""
    return None if template is None else _fill(_pieces(template), env)


def _fill(pieces: _Pieces | None, env: dict[str, Any]) -> str | None:
    """A template split by `_pieces` filled; any missing value makes the whole date null."""
    if pieces is None:
        return None
    parts: list[str] = []
    for literal, evaluate in pieces:
        parts.append(literal)
        if evaluate is not None:
            value = evaluate(env)
            if value is None:
                return None
            parts.append(str(value))
    return "".join(parts)


def _names(*templates: str | None) -> frozenset[str]:
    names: set[str] = set()
    for template in templates:
        for expression in _PLACEHOLDER.findall(template or ""):
            names |= {n.id for n in ast.walk(_parse_expression(expression)) if isinstance(n, ast.Name)}
    return frozenset(names)


_DATE_NAMES = {"Y", "D", "YM"}


class _Templates(NamedTuple):
    """A time rule's or modifier's period templates split into pieces once, with what they read:
    every time phrase fills them."""

    period: tuple[_Pieces | None, _Pieces | None]
    governed: tuple[_Pieces | None, _Pieces | None] | None  # when a governing time is found
    governs: bool  # reads G, the year of the time that governs the phrase
    event: bool  # reads E0/E1, the latest day named before
    dated: bool  # reads the document date: the period is relative

    @classmethod
    def of(cls, rule: TimeRule) -> _Templates:
        assert rule.period is not None  # checked by TimeRule for times and modifiers
        names = _names(*rule.period, *(rule.governed or ()))

        def split(pair: tuple[str | None, str | None]) -> tuple[_Pieces | None, _Pieces | None]:
            first, second = pair
            return (None if first is None else _pieces(first), None if second is None else _pieces(second))

        return cls(
            split(rule.period),
            split(rule.governed) if rule.governed else None,
            "G" in names,
            "E0" in names,
            bool(names & _DATE_NAMES),
        )


# ---------------------------------------------------------------------------- numerals

_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
           "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip


def _small_int(text: str) -> int:
    """1–99 in Arabic or Chinese numerals (months, days, counts of years).

    numbers.py turns quantities into Decimals; a time needs only these small integers.
    """
    if text.isdigit():
        return int(text)
    if "十" not in text:
        return _DIGITS[text]
    tens, _, ones = text.partition("十")
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[ones] if ones else 0)


def _year(text: str) -> int:
    return int(text) if text.isdigit() else int("".join(str(_DIGITS[c]) for c in text))


_GROUP_PARSERS = {"y": _year, "y2": _year, "m": _small_int, "m2": _small_int, "d": _small_int, "d2": _small_int,
                  "n": _small_int, "k": _small_int, "q": _small_int}  # fmt: skip


def _groups(match: regex.Match[str] | re.Match[str]) -> dict[str, int] | None:
    """The numbers a match captured, or None when one of them is not a well-formed numeral (十十)."""
    try:
        return {
            name: _GROUP_PARSERS[name](value)
            for name, value in match.groupdict().items()
            if value is not None and name in _GROUP_PARSERS
        }
    except (KeyError, ValueError):
        return None


def _date_env(doc_date: str | None) -> dict[str, Any]:
    if doc_date is None:
        return {}
    year = int(doc_date[:4])
    month = int(doc_date[5:7]) if len(doc_date) >= 7 else 1
    return {"Y": year, "D": doc_date, "YM": year * 12 + month - 1}


# ---------------------------------------------------------------------------- compiled rules


class _Gated(NamedTuple):
    """A shared lead's scan, skipped in a text that holds none of the literals one of which every
    match needs (`line_gate.required_literals`, proved from its syntax tree), for a lead without
    clause windows (`_InClauses`). A lead tries every numeral of a text, and a stdlib search for a
    literal costs a fraction of that; the rules scanned alone begin with rarer characters, and a
    search for their literals cost them about as much as it spared (measured on corpora/ and the dev
    corpora): they test for them with `in` (`_text_gate`), which costs a fraction of that search."""

    pattern: regex.Pattern[str]
    required: re.Pattern[str]

    def finditer(self, text: str, *args: Any, **options: Any) -> Iterator[regex.Match[str]]:
        if self.required.search(text) is None:
            return iter(())
        return self.pattern.finditer(text, *args, **options)


class _InClauses(NamedTuple):
    """A shared lead scanned only in the clauses that hold one of the literals every match needs
    (`line_gate.clause_gate`, proved from its syntax tree: no part of it can match a clause mark).
    The month lead tries every numeral of a text, and its `\\s*` before 月 may cross a line, so no
    line gate holds it; but the clauses that hold 月 are about a twentieth of corpora/'s text: its scan
    45.8 → 12.4 ms per 2 MB, the same places."""

    pattern: regex.Pattern[str]
    gate: LineGate

    def finditer(
        self, text: str, pos: None = None, endpos: None = None, overlapped: bool = False, concurrent: bool | None = None
    ) -> Iterator[regex.Match[str]]:
        """`pattern.finditer(text)` over the whole text (`pos` and `endpos` are not taken: the
        windows are the text's), from every place where `overlapped`, as the leads are scanned."""
        assert pos is None and endpos is None
        return self.gate.finditer(self.pattern, text, overlapped)  # type: ignore[return-value]


def _gated(pattern: regex.Pattern[str]) -> regex.Pattern[str] | _Gated | _InClauses:
    """The lead scanned in the clauses that hold a literal it needs, when proved; else with the search
    for its required literals when they are proved; else the lead itself."""
    windows = clause_gate(pattern.pattern, pattern.flags)
    if windows is not None:
        return _InClauses(pattern, windows)
    literals = required_literals(pattern.pattern)
    if not literals:
        return pattern
    return _Gated(pattern, re.compile("|".join(re.escape(word) for word in sorted(literals))))


class _TimeScan(NamedTuple):
    rule: TimeRule
    pattern: CompiledPattern
    lead: str | None  # the macro every match opens with, when its places are scanned once for all (leads)
    # A rule found from its places, not scanned: the literals that open some of its alternatives, whose
    # places are found for all such rules at once (None: scanned), and its other alternatives, each
    # compiled alone and scanned for the places where it matches (alone, they are cheaper to scan).
    openings: tuple[str, ...] | None = None
    unopened: tuple[regex.Pattern[str], ...] = ()

    def places(self, text: str, opened: dict[int, list[int]], order: int) -> list[int]:
        """The places where a match of the rule may begin, in order (`opened`: `_Openings.places`)."""
        places = opened.get(order, [])
        if self.unopened:
            unopened = {hit.start() for part in self.unopened for hit in part.finditer(text, None, None, True, KEEP_GIL)}
            places = sorted(unopened.union(places))
        return places


class _Openings(NamedTuple):
    """The opening literals of the time rules that have them (今年|本年度?), found in one stdlib `re`
    scan instead of one `regex` scan per rule: `re` searches a literal alternation several times
    faster, and these rules' patterns themselves stay on `regex`."""

    pattern: re.Pattern[str]
    rules: dict[str, tuple[int, ...]]  # an opening's first character -> the rules (by order) it may open

    def places(self, text: str) -> dict[int, list[int]]:
        """For each rule (by order), in order, the places where an opening with one of its openings'
        first characters starts: every match of the rule begins at one of them."""
        places: dict[int, list[int]] = {}
        hit = self.pattern.search(text)
        while hit is not None:  # overlapped: an opening may start inside another (当年初)
            start = hit.start()
            for order in self.rules[text[start]]:
                places.setdefault(order, []).append(start)
            hit = self.pattern.search(text, start + 1)
        return places


class _InWindow(NamedTuple):
    """A pattern searched in the few characters before a time phrase (a modifier, a comparison base,
    a local time's text before it), with the characters one of which every match there holds: the
    first characters of its required literals (`line_gate.required_literals`; the window is a string
    of its own, so a lookaround sees nothing beyond it). Most windows hold none of them, and a
    stdlib search for a class of characters costs a fraction of the pattern's search."""

    pattern: CompiledPattern
    needs: re.Pattern[str] | None  # None: none proved, always searched

    @classmethod
    def of(cls, pattern: CompiledPattern) -> _InWindow:
        compiled = pattern.compiled if isinstance(pattern, RulePattern) else pattern
        literals = required_literals(compiled.pattern, compiled.flags)
        if not literals or not all(literals):
            return cls(pattern, None)
        return cls(pattern, re.compile("[" + "".join(sorted({re.escape(literal[0]) for literal in literals})) + "]"))

    @staticmethod
    def joined(searches: list[_InWindow]) -> re.Pattern[str] | None:
        """One class of the characters of all their `needs`: a window without any holds no match of
        any of them. None when one has no `needs` (it is always searched) or there are none."""
        if not searches or any(searched.needs is None for searched in searches):
            return None
        return re.compile("|".join(searched.needs.pattern for searched in searches))  # type: ignore[union-attr]

    def search(self, window: str) -> regex.Match[str] | None:
        if self.needs is not None and self.needs.search(window) is None:
            return None
        return self.pattern.search(window)

    def finditer(self, window: str) -> Iterator[regex.Match[str]]:
        if self.needs is not None and self.needs.search(window) is None:
            return iter(())
        return self.pattern.finditer(window)


@dataclass(frozen=True)
class _Compiled:
    times: tuple[_TimeScan, ...]
    leads: dict[str, regex.Pattern[str] | _Gated | _InClauses]  # macro name -> its pattern, scanned once for the rules it opens
    openings: _Openings | None  # the opening literals of the rules that have them, scanned once for all
    # the rules (by order in `times`) tried at a lead's places, by lead; those found from their openings
    # that have alternatives to scan for too; and the rules scanned whole
    led: dict[str, tuple[int, ...]]
    partly_opened: tuple[int, ...]
    scanned: tuple[tuple[int, TextGate | None], ...]  # with the words one of which a text must hold to be scanned
    before: tuple[tuple[TimeRule, _InWindow], ...]
    after: tuple[tuple[TimeRule, CompiledPattern], ...]
    after_gates: tuple[TextGate | None, ...]  # of each of `after`: what a text must hold for it to match there
    bases: tuple[tuple[TimeRule, _InWindow, CompiledPattern | None], ...]  # rule, text before, what follows
    before_firsts: re.Pattern[str] | None  # every `needs` of `before` and `bases` in one class; None: one has none
    locals: tuple[tuple[TimeRule, _InWindow, CompiledPattern], ...]
    local_gates: tuple[TextGate | None, ...]  # of each of `locals`: what a text must hold for what follows it
    docdates: tuple[tuple[TimeRule, CompiledPattern, TextGate | None], ...]  # strongest first; in file order among equals
    templates: dict[str, _Templates]  # rule id -> its period templates, for times and modifiers
    ends_at: dict[str, str]  # rule id -> the marks that end its reach in its sentence, for the few rules with any


def _expanded(pattern: str, macros: dict[str, str]) -> str:
    """A pattern with each {MACRO} replaced by the macro's pattern, as a group."""
    return _MACRO.sub(lambda m: f"(?:{macros[m.group(1)]})", pattern)


@lru_cache(maxsize=8)
def _compile(rules: RuleSet) -> _Compiled:
    """Expand macros and compile every pattern; report every bad rule at once."""
    family = [r for r in rules[FAMILY] if isinstance(r, TimeRule)]
    macros = {r.id.removeprefix("macro."): r.pattern for r in family if r.role == "macro"}
    errors: list[str] = []
    compiled: dict[str, list[tuple[TimeRule, CompiledPattern]]] = {}
    locals_: list[tuple[TimeRule, _InWindow, CompiledPattern]] = []
    bases: list[tuple[TimeRule, _InWindow, CompiledPattern | None]] = []
    for rule in family:
        if rule.role == "macro":
            continue
        unknown = set(_MACRO.findall(rule.pattern)) - set(macros)
        if unknown:
            errors.append(f"{FAMILY}: rule {rule.id!r}: unknown macro(s) {sorted(unknown)}")
            continue
        source = _expanded(rule.pattern, macros)
        if rule.role in ("modifier", "local") and rule.position != "after":
            source = f"(?:{source})\\s*$"
        elif rule.role == "base":
            source = f"(?:{source})"
        try:
            users = any(not rules.is_builtin(FAMILY, r.id) for r in family if r is rule or r.role == "macro")
            pattern = compile_pattern(rule.id, source, limited=users)  # a user's rule or macro: time limit
        except regex.error as exc:
            errors.append(f"{FAMILY}: rule {rule.id!r}: bad pattern: {exc}")
            continue
        key = f"{rule.role}:{rule.position}" if rule.role == "modifier" else rule.role
        follows = None
        if rule.follows is not None:
            follows = compile_pattern(rule.id, rule.follows, limited=not rules.is_builtin(FAMILY, rule.id))
        if rule.role == "local":
            locals_.append((rule, _InWindow.of(pattern), follows))  # type: ignore[arg-type]  # required for locals
        elif rule.role == "base":
            bases.append((rule, _InWindow.of(pattern), follows))
        else:
            compiled.setdefault(key, []).append((rule, pattern))
    if errors:
        raise RulesError(errors)
    times = compiled.get("time", [])
    leads = _shared_leads(times, macros)
    scans = []
    for rule, pattern in times:
        lead = _lead(rule, pattern, leads)
        opened = _opened(rule, pattern, macros) if lead is None else None
        scans.append(_TimeScan(rule, pattern, lead, *(opened or ())))
    led: dict[str, list[int]] = {}
    for order, scan in enumerate(scans):
        if scan.lead is not None:
            led.setdefault(scan.lead, []).append(order)
    before = tuple((rule, _InWindow.of(pattern)) for rule, pattern in compiled.get("modifier:before", ()))
    return _Compiled(
        times=tuple(scans),
        leads={name: _gated(lead) for name, lead in leads.items()},
        openings=_shared_openings(scans),
        led={name: tuple(orders) for name, orders in led.items()},
        partly_opened=tuple(order for order, scan in enumerate(scans) if scan.openings is not None and scan.unopened),
        scanned=tuple(
            (order, _text_gate(scan.pattern)) for order, scan in enumerate(scans) if scan.lead is None and scan.openings is None
        ),
        before=before,
        after=tuple(compiled.get("modifier:after", ())),
        after_gates=tuple(_text_gate(pattern) for _, pattern in compiled.get("modifier:after", ())),
        bases=tuple(bases),
        before_firsts=_InWindow.joined([searched for _, searched in before] + [searched for _, searched, _ in bases]),
        locals=tuple(locals_),
        local_gates=tuple(_text_gate(follows) for _, _, follows in locals_),
        docdates=tuple(
            (rule, pattern, _text_gate(pattern))
            for rule, pattern in sorted(compiled.get("docdate", ()), key=lambda compiled_rule: -compiled_rule[0].strength)
        ),
        templates={rule.id: _Templates.of(rule) for rule in family if rule.role in ("time", "modifier")},
        ends_at={rule.id: rule.ends_at for rule in family if rule.ends_at},
    )


def _text_gate(pattern: CompiledPattern) -> TextGate | None:
    """The words one of which a text must hold for a rule scanned whole to match in it (`line_gate.text_gate`):
    `in` tells at a fraction of the cost of the scan (春节…假期 for a holiday, 公报 for a communiqué: in
    few texts). None for a user's rule: its time limit is for one scan of the text, whatever it holds."""
    return text_gate(pattern.pattern, pattern.flags) if isinstance(pattern, regex.Pattern) else None


_LEAD = re.compile(r"\{([A-Z][A-Z0-9]*)\}(?![?*+{])")  # a macro that opens a pattern, not repeated
# A lead pays when several rules share its scan and it matches in few places: it is scanned with
# the rest of its rules in a lookahead, so it stops only where one of them matches (a month followed
# by 月 or a range), not at every small number. The year opens 8 of our rules, the month 4, the plan 3
# (three scans for a literal, which the engine searches fast).
_SHARED_LEAD_RULES = 4
# What would change meaning when the rules' rests are joined in one lookahead: a group referred to
# by its number (the rests before it shift the numbers), and \G (where the last match ended).
_POSITIONAL_REFERENCE = regex.compile(r"\\(?:[1-9G]|g<\d)|\(\?(?:\(\d|[-+]?\d|R\))")


def _syntax(pattern: str) -> Iterator[tuple[int, str, int]]:
    """(position, character, group depth outside it) of each `(`, `)` and `|` of a pattern that is
    neither escaped nor in a character class."""
    depth, position = 0, 0
    while position < len(pattern):
        char = pattern[position]
        if char == "\\":
            position += 1  # the escaped character
        elif char == "[":
            position += 2 if pattern.startswith("[^", position) else 1
            position += pattern.startswith("]", position)  # a leading ] is a member
            while position < len(pattern) and pattern[position] != "]":
                position += 2 if pattern[position] == "\\" else 1
        elif char in "()|":
            depth -= char == ")"
            yield position, char, depth
            depth += char == "("
        position += 1


def _top_level_alternatives(pattern: str) -> list[str] | None:
    """The pattern split at each `|` outside every group and character class; None when that
    cannot be told (a comment group, whose text is not pattern)."""
    if "(?#" in pattern:
        return None
    alternatives, begin = [], 0
    for position, char, depth in _syntax(pattern):
        if char == "|" and depth == 0:
            alternatives.append(pattern[begin:position])
            begin = position + 1
    alternatives.append(pattern[begin:])
    return alternatives


def _has_top_level_alternative(pattern: str) -> bool:
    """Whether a `|` outside every group and character class splits the pattern (or may)."""
    alternatives = _top_level_alternatives(pattern)
    return alternatives is None or len(alternatives) > 1


# What ends the literal text a pattern opens with: the characters with a meaning in a pattern (in
# any flags' reading), and a quantifier after it takes its last character back.
_NOT_LITERAL = frozenset("\\.^$*+?{}[]|()#")
_DEFAULT_FLAGS = regex.compile("").flags


def _repeats(rest: str) -> bool:
    """Whether the pattern text `rest` opens with a quantifier that may take what precedes it
    zero times (or in a way not checked here: a counted repeat)."""
    return bool(rest) and (rest[0] in "?*" or (rest[0] == "{" and _MACRO.match(rest) is None))


def _openings(pattern: str) -> tuple[str, ...]:
    """Literal texts one of which every match of the pattern begins with, or () when that is not
    proved: each top-level alternative opens with literal text (本年度?: 本年), or with a
    non-capturing group whose alternatives do ((?:近|过去的?)…: 近, 过去), after any lookaround
    (it takes no text: (?<![以之])上年: 上年)."""
    alternatives = _top_level_alternatives(pattern)
    openings: list[str] = []
    for alternative in alternatives or ():
        if alternative.startswith(("(?:", "(?=", "(?!", "(?<=", "(?<!")):
            end = next(position for position, char, depth in _syntax(alternative) if char == ")" and depth == 0)
            if not alternative.startswith("(?:"):
                found = _openings(alternative[end + 1 :])
            elif _repeats(alternative[end + 1 :]):
                found = ()
            else:
                found = _openings(alternative[3:end])
        else:
            length = 0
            while length < len(alternative) and not (
                alternative[length] in _NOT_LITERAL or alternative[length].isspace()
            ):
                length += 1
            if _repeats(alternative[length:]):
                length = max(length - 1, 0)  # 本年度?: the 度 may be missing
            found = (alternative[:length],) if length else ()
        if not found:
            return ()
        openings.extend(found)
    return tuple(openings)


def _opened(
    rule: TimeRule, pattern: CompiledPattern, macros: dict[str, str]
) -> tuple[tuple[str, ...], tuple[regex.Pattern[str], ...]] | None:
    """The literals that open the rule's top-level alternatives that open with literal text, and
    its other alternatives compiled alone, when some do (今年|本年度?: 今年, 本年): the rule is then
    found from their places. Only for our rules with the default flags (a user's rule keeps its own
    time-limited scan, and a flag could change what a literal matches) that refer to no group by
    its number (alone, an alternative's numbers shift) and not to where the last match ended."""
    alternatives = _top_level_alternatives(rule.pattern)
    if (
        alternatives is None
        or not isinstance(pattern, regex.Pattern)
        or pattern.flags != _DEFAULT_FLAGS
        or _POSITIONAL_REFERENCE.search(_expanded(rule.pattern, macros))
    ):
        return None
    openings = tuple(opening for alternative in alternatives for opening in _openings(alternative))
    unopened = [_expanded(alternative, macros) for alternative in alternatives if not _openings(alternative)]
    if not openings:
        return None
    return openings, tuple(regex.compile(source) for source in unopened)


def _shared_openings(scans: list[_TimeScan]) -> _Openings | None:
    """One stdlib `re` scan for the opening literals of every rule that has them."""
    literals: set[str] = set()
    rules: dict[str, list[int]] = {}
    for order, scan in enumerate(scans):
        for literal in scan.openings or ():
            literals.add(literal)
            if order not in rules.setdefault(literal[0], []):
                rules[literal[0]].append(order)
    if not literals:
        return None
    pattern = re.compile("|".join(re.escape(literal) for literal in sorted(literals)))
    return _Openings(pattern, {first: tuple(orders) for first, orders in rules.items()})


def _lead(rule: TimeRule, pattern: CompiledPattern, leads: dict[str, regex.Pattern[str]]) -> str | None:
    """The macro that every match of the rule opens with, if it is one of the shared leads: the rule's
    pattern starts with it, unrepeated, has no alternative beside it, and the same global flags."""
    opening = _LEAD.match(rule.pattern)
    if (
        opening is None
        or opening.group(1) not in leads
        or not isinstance(pattern, regex.Pattern)  # a user's rule or macro keeps its own time-limited scan
        or pattern.flags != leads[opening.group(1)].flags
        or _has_top_level_alternative(rule.pattern)
    ):
        return None
    return opening.group(1)


def _shared_leads(times: list[tuple[TimeRule, CompiledPattern]], macros: dict[str, str]) -> dict[str, regex.Pattern[str]]:
    """The macros that open enough time rules to be scanned once for all of them, each with the rest
    of those rules in a lookahead: a rule matches at a place only where its lead does."""
    plain = {name: regex.compile(f"(?:{source})") for name, source in macros.items()}
    rests: dict[str, list[str]] = {}
    for rule, pattern in times:
        name = _lead(rule, pattern, plain)
        if name is not None:
            rests.setdefault(name, []).append(_expanded(rule.pattern[len(f"{{{name}}}") :], macros))
    leads = {}
    for name, opened in rests.items():
        source = f"(?:{macros[name]})(?=" + "|".join(f"(?:{rest})" for rest in opened) + ")"
        if len(opened) >= _SHARED_LEAD_RULES and not _POSITIONAL_REFERENCE.search(source):
            leads[name] = regex.compile(source)
    return leads


def _matches_from(pattern: CompiledPattern, text: str, starts: list[int]) -> Iterator[regex.Match[str]]:
    """`pattern.finditer(text)` for a pattern whose every match begins at one of `starts` (sorted):
    those places are tried in turn, and the search resumes where a match ends, as finditer's does.
    Only our rules have such places (`_lead`, `_opened`): a bare `regex` pattern, no `RulePattern`."""
    resume = 0
    for start in starts:
        if start < resume:
            continue
        match = pattern.match(text, start, None, KEEP_GIL)
        if match is None:
            continue
        if match.end() == start:  # an empty match: finditer's own rules for what may follow it
            yield from pattern.finditer(text, start, None, False, KEEP_GIL)
            return
        yield match
        resume = match.end()


# ---------------------------------------------------------------------------- layout and scope

# A list item's mark, opening its paragraph (a line: its spaces are any but the line break, \u3000
# among them), found for every paragraph in one scan of the text; `number` is the item's number
# (none for a bullet). A run-in heading （二）家电以旧换新。… is an item too.
_LIST_ITEM = regex.compile(
    r"(?m)^[^\S\n]*(?:——|--|—|-|•|·|●|▪|(?P<number>\d{1,2})[^\S\n]*[.．、﹒](?!\d)"
    r"|[（(](?P<number>\d{1,2}|[一二三四五六七八九十]{1,3})[)）]|(?P<number>[①-⑳]))"
)
_FIRST_NUMBERS = frozenset(("1", "01", "一", "①"))
_CLAUSE_BREAK = re.compile(r"[，,；;：:]")  # literal characters: stdlib `re` scans for them faster
# What may stand before a time that opens its paragraph: an interview's speaker label (刘振华：“去年，…),
# quotes and brackets, a preposition, and a news lead (本报讯（记者 …） 据…统计， / 10月8日，记者从…获悉，),
# which frames the paragraph.
_SOURCE = (
    r"(?:(?:据|记者从|从|经)[^，。；,]{0,30}?(?:统计|获悉|了解到|消息|显示|测算|核算)"
    r"|(?:统计|监测)?数据显示|统计显示)[，,]"
)
_OPENER_PREFIX = regex.compile(
    r"^[\s\u3000]*(?:\p{Han}{1,4}[：:])?[\s\u3000“\"‘（(]*"  # a speaker's name or 答：
    r"(?:本报讯\s*(?:[（(][^（）()]{0,20}[）)])?\s*)?"
    rf"(?:(?:\d{{1,2}}月\d{{1,2}}日[，,]?\s*)?{_SOURCE}\s*)?"
    r"(?:在|于|从|自)?$"
)
# A paragraph that opens with 其中 lists parts of the one before it: that one's time governs it.
_PARTS_OPENING = regex.compile(r"[\s\u3000]*其中[，,]")
# The day a news lead reports on (10月8日，记者从…获悉，): when the figures were told, not their time.
_REPORT_DAY = regex.compile(rf"[，,]?\s*{_SOURCE}")
_WINDOW = 8  # characters before a time phrase searched for a modifier or comparison base


@dataclass(frozen=True)
class _Layout:
    """Sentences, paragraphs, clauses, lists and sections of one text."""

    units: TextUnits
    outline: Outline
    rules: RuleSet  # what a caption line is (family `layout`)

    @cached_property
    def _clause_breaks(self) -> list[int]:
        """The offsets of the clause marks, for bisect: every figure asks for its clause."""
        return [match.start() for match in _CLAUSE_BREAK.finditer(self.units.text)]

    def clause(self, sentence: tuple[int, int], start: int, end: int) -> tuple[int, int]:
        """The clause of the text at [start, end): between the clause marks around it in its sentence."""
        breaks = self._clause_breaks
        index = bisect_left(breaks, start)
        left = breaks[index - 1] + 1 if index and breaks[index - 1] >= sentence[0] else sentence[0]
        index = bisect_left(breaks, end)
        right = breaks[index] if index < len(breaks) and breaks[index] < sentence[1] else sentence[1]
        return left, right

    @cached_property
    def _list_items(self) -> dict[int, bool]:
        """The starts of the paragraphs that open with a list item's mark, found in one scan, each
        with whether its mark can open a list (a bullet, 1., （一）, ①)."""
        return {
            match.start(): match.group("number") in _FIRST_NUMBERS or match.group("number") is None
            for match in _LIST_ITEM.finditer(self.units.text)
        }

    @cached_property
    def _list_intros(self) -> dict[int, tuple[int, int] | None]:
        """The intro of each list item asked for so far, by paragraph index."""
        return {}

    def list_intro(self, offset: int) -> tuple[int, int] | None:
        """The sentence that introduces the list whose item holds `offset` (SPEC 2.1: the sentence
        right before the items, 今年将抓好三方面工作：), or None outside a list item. Found from the
        item back to the paragraph before its list, when asked: most paragraphs are no item, and
        the items walked over keep the answer."""
        paragraphs, items, intros = self.units.paragraphs, self._list_items, self._list_intros
        index = self.units.paragraph_index(offset)
        if not paragraphs or paragraphs[index][0] not in items:
            return None
        walked = []
        while index >= 0 and index not in intros and paragraphs[index][0] in items:
            walked.append(index)
            index -= 1
        if index >= 0 and index in intros:
            intro = intros[index]
        elif index < 0 or not items[paragraphs[index + 1][0]]:
            # the text opens with the list, or the paragraph before its items (（二）, 3.) is the
            # body of an earlier item, no intro
            intro = None
        else:  # the paragraph before the list
            intro = self.units.sentence_at(paragraphs[index][1] - 1)
        for item in walked:
            intros[item] = intro
        return intro

    @cached_property
    def section_breaks(self) -> list[int]:
        """The offsets where the sections around a place, or its being in a heading, can change:
        places between the same two of them share their section scope."""
        bounds = {bound for section in self.outline.sections for bound in (section.start, section.end)}
        bounds.update(bound for section in self.outline.sections for bound in section.heading)
        return sorted(bounds)

    def continued(self, paragraph: tuple[int, int]) -> tuple[int, int]:
        """The paragraph joined to the one it continues across caption and credit lines that
        layout put between them (▲ …, 本版图片由…提供): those do not end a paragraph; nor does
        one whose next opens with 其中 (its figures are parts of the paragraph's). A title or
        heading before them (——洛阳经济运行观察⏎来源：…) is no paragraph to continue."""
        units, earlier = self.units, paragraph
        while earlier[0] > 0:
            before = units.paragraph_at(earlier[0] - 1)
            if before == earlier or not is_caption(units.text[before[0] : before[1]], self.rules):
                break
            earlier = before
        joins = earlier != paragraph or _PARTS_OPENING.match(units.text, paragraph[0], None, KEEP_GIL) is not None
        if not joins or earlier[0] == 0:
            return paragraph
        continues = units.paragraph_at(earlier[0] - 1)
        if continues == earlier or not is_body(units.text[continues[0] : continues[1]].strip()):
            return paragraph
        return continues[0], paragraph[1]


@lru_cache(maxsize=8)
def _layout(text: str, rules: RuleSet) -> _Layout:
    return _Layout(TextUnits(text), outline(text), rules)


def list_intro(text: str, offset: int, rules: RuleSet) -> tuple[int, int] | None:
    """The sentence that introduces the list item at `offset`: its time and its goal
    markers govern the items (the claims component reads the markers for status)."""
    return _layout(text, rules).list_intro(offset)


class _Timeline:
    """Times in order of (start, end), with their starts for bisect: scoping asks which times
    lie in a sentence, clause or heading for every quantity, and scanning them all made long
    documents quadratic. A time with a `reach` governs only the figure there (`own`)."""

    def __init__(self, times: Iterable[TimeMatch] = ()) -> None:
        times = list(times)
        self.own = {time.reach: time for time in times if time.reach is not None}
        self.times = sorted((time for time in times if time.reach is None), key=_order)
        self._keys = [_order(time) for time in self.times]

    def add(self, time: TimeMatch) -> None:
        if time.reach is not None:
            self.own[time.reach] = time
            return
        key = _order(time)
        index = bisect_right(self._keys, key)
        self.times.insert(index, time)
        self._keys.insert(index, key)

    def within(self, span: tuple[int, int]) -> list[TimeMatch]:
        """The times inside `span`, in order."""
        low = bisect_left(self._keys, (span[0], span[0]))
        high = bisect_right(self._keys, (span[1], span[1]))
        if low == high:  # most sentences and headings hold none: no comprehension to run
            return []
        return [time for time in self.times[low:high] if time.end <= span[1]]


def _order(time: TimeMatch) -> tuple[int, int]:
    return time.start, time.end


class TimeScope:
    """Which time governs a place in one text (SPEC 2.1): the scoping rules over its layout and
    its times. Every figure asks; what it asks of its sentence (the times in it), of its
    paragraph (the time that opens it, its list's time) and of its sections (their headings'
    times) is the same for every figure there, so it is computed once and kept until a time
    is added where one was read: `_find` adds its times in order, and a time that ends beyond
    every span the kept answers of a kind have read changes none of them."""

    def __init__(self, text: str, rules: RuleSet, times: Iterable[TimeMatch] = ()) -> None:
        self.text, self.rules = text, rules
        self._ends_at = _compile(rules).ends_at
        self.timeline = _Timeline(times)
        self._in_sentence: dict[tuple[int, int], list[TimeMatch]] = {}
        self._in_paragraph: dict[tuple[int, int], tuple[_Openers, TimeMatch | None]] = {}
        self._in_sections: dict[int, tuple[TimeMatch | None, str]] = {}
        self._reviews: dict[int, TimeMatch | None] = {}  # a title's time -> its earlier one (title_review)
        self._beyond_sentence: dict[tuple[tuple[int, int], int], tuple[TimeMatch | None, str]] = {}
        # for each of those: where the spans its answers read end (a time that ends beyond lies
        # in none of them)
        self._sentences_read = self._paragraphs_read = self._sections_read = 0

    @cached_property
    def layout(self) -> _Layout:
        """The text's layout, built when a place first asks for its governor: a text without
        figures or times that need one (most short ones) needs none."""
        return _layout(self.text, self.rules)

    def add(self, time: TimeMatch) -> None:
        self.timeline.add(time)
        if time.reach is not None:  # it governs only its own figure (`timeline.own`), in no span
            return
        if self._reviews:  # (few while the text's times are found: only a time of the governing year asks)
            self._reviews.clear()
        if time.end <= self._sentences_read:
            self._in_sentence.clear()
            self._sentences_read = 0
        if time.end <= self._paragraphs_read:
            self._in_paragraph.clear()
            self._beyond_sentence.clear()
            self._paragraphs_read = 0
        if time.end <= self._sections_read:
            self._in_sections.clear()
            self._beyond_sentence.clear()
            self._sections_read = 0

    def govern(self, start: int, end: int, look_ahead: bool = True) -> tuple[TimeMatch | None, str]:
        """The time that governs the text at [start, end), and the scope rule that carried it."""
        timeline = self.timeline
        if start in timeline.own:
            return timeline.own[start], "scope.own"
        units = self.layout.units
        sentence = units.sentence_at(start)
        inside = self._in_sentence.get(sentence)
        if inside is None:
            inside = self._in_sentence[sentence] = timeline.within(sentence)
            self._sentences_read = max(self._sentences_read, sentence[1])
        if inside:  # the clause and sentence scopes look only at the times of the sentence
            clause = self.layout.clause(sentence, start, end)
            # loops, not a comprehension and a generator: one of each per figure cost a fifth of this
            earlier = None  # the last time of the sentence that ends before the place
            for time in inside:
                if time.end <= start:
                    earlier = time
            if earlier is not None and earlier.start >= clause[0]:
                return earlier, "scope.clause"
            if look_ahead:
                for time in inside:
                    if time.start >= end and time.end <= clause[1]:
                        return time, "scope.clause_after"
            if earlier is not None and self._ends_at and earlier.rule in self._ends_at:
                earlier = self._in_reach(inside, earlier, start)
            if earlier is not None:
                return earlier, "scope.sentence"
        # beyond the sentence: the same for every place of a sentence between the same section
        # bounds (a sentence lies in one line, so in one paragraph)
        between = bisect_right(self.layout.section_breaks, start)
        if not sentence[0] <= start < sentence[1]:  # a place outside every sentence (in spaces)
            return self._beyond(units.paragraph_at(start), sentence, start, between)
        key = (sentence, between)
        answer = self._beyond_sentence.get(key)
        if answer is None:
            answer = self._beyond_sentence[key] = self._beyond(units.paragraph_at(start), sentence, start, between)
        return answer

    def _in_reach(self, inside: list[TimeMatch], earlier: TimeMatch, start: int) -> TimeMatch | None:
        """The last time of the sentence before `start` whose reach gets there: a streak (连续13年)
        ends at the ； after it, and the time before it governs again."""
        for time in reversed(inside[: inside.index(earlier) + 1]):
            marks = self._ends_at.get(time.rule)
            if not marks or not any(mark in self.text[time.end : start] for mark in marks):
                return time
        return None

    def _beyond(
        self, paragraph: tuple[int, int], sentence: tuple[int, int], start: int, between: int
    ) -> tuple[TimeMatch | None, str]:
        """The governor from the paragraph's opening time, its list's time or the sections' headings."""
        if paragraph not in self._in_paragraph:
            openers = _Openers(self.layout, self.timeline, paragraph)
            self._in_paragraph[paragraph] = openers, self._list_governor(paragraph)
        openers, listed = self._in_paragraph[paragraph]
        governor = openers.before(sentence[0])  # reads the sentences before this one
        if sentence[0] > self._paragraphs_read:
            self._paragraphs_read = sentence[0]
        if governor is not None:
            return governor, "scope.paragraph"
        if listed is not None:
            return listed, "scope.list"
        if between not in self._in_sections:
            self._in_sections[between] = self._section_governor(start)
        return self._in_sections[between]

    def title_review(self, governor: TimeMatch) -> TimeMatch | None:
        """The title's earliest time, when the title also names the later `governor` that rules an
        untimed part of the text (2025年工作总结和2026年工作计划: 2025 under 二、存在的问题)."""
        start = governor.period[0]
        if governor.unresolved or start is None:
            return None
        if governor.start in self._reviews:  # asked for every figure the title governs
            return self._reviews[governor.start]
        self._reviews[governor.start] = self._title_review(governor, start)
        return self._reviews[governor.start]

    def _title_review(self, governor: TimeMatch, start: str) -> TimeMatch | None:
        for section in self.layout.outline.enclosing(governor.start):
            if section.level == 0 and section.heading[0] <= governor.start < section.heading[1]:
                # a year wholly before the governor's (2025 before 2026; not 2026 before its 1—9月)
                ended = [t for t in self.timeline.within(section.heading) if t.period[1] and t.period[1][:4] < start[:4]]
                return min(ended, key=lambda t: t.period[1] or "", default=None)
        return None

    def _section_governor(self, offset: int) -> tuple[TimeMatch | None, str]:
        """The time named by the heading of the innermost section around `offset` that names one."""
        for section in self.layout.outline.enclosing(offset):
            if section.heading[0] <= offset < section.heading[1]:
                continue
            named = self.timeline.within(section.heading)
            self._sections_read = max(self._sections_read, section.heading[1])
            if named:
                return named[-1], "scope.title" if section.level == 0 else "scope.section"
        return None, "scope.none"

    def _list_governor(self, paragraph: tuple[int, int]) -> TimeMatch | None:
        """A list item takes the time named by the sentence that introduces its list."""
        intro = self.layout.list_intro(paragraph[0])
        named = self.timeline.within(intro) if intro else []
        if intro:
            self._paragraphs_read = max(self._paragraphs_read, intro[1])
        return named[-1] if named else None


class _Openers:
    """The time that opens a paragraph (or a sentence after a sentence with none), and whether it
    is still in force, sentence by sentence: a fold over the paragraph's sentences, carried only
    as far as asked and kept, so that the figures of a paragraph share it."""

    def __init__(self, layout: _Layout, timeline: _Timeline, paragraph: tuple[int, int]) -> None:
        self.units, self.timeline = layout.units, timeline
        self.paragraph = layout.continued(paragraph)  # captions between its lines do not end it
        self.sentences = self.units.sentences_between(*self.paragraph)
        self.starts = [sentence[0] for sentence in self.sentences]
        self.in_force: list[TimeMatch | None] = []  # after each sentence folded so far
        self._previous_has_time = False

    def before(self, offset: int) -> TimeMatch | None:
        """The opening time in force after the sentences that start before `offset`."""
        count = bisect_left(self.starts, offset)
        while len(self.in_force) < count:
            self._fold(self.sentences[len(self.in_force)])
        return self.in_force[count - 1] if count else None

    def _fold(self, sentence: tuple[int, int]) -> None:
        text = self.units.text
        governor = self.in_force[-1] if self.in_force else None
        inside = [time for time in self.timeline.within(sentence) if not self._reports(time)]
        for position, time in enumerate(inside):
            opens = (
                position == 0
                and _OPENER_PREFIX.match(text[sentence[0] : time.start], None, None, KEEP_GIL) is not None
                and (sentence[0] == self.paragraph[0] or not self._previous_has_time)
            )
            # a time that restates the one in force (2025年 … 全年) does not end it, and one
            # written right after it narrows it (今年|1—5月)
            keeps = governor is not None and time.period == governor.period
            narrows = (
                position > 0 and governor is inside[position - 1] and not text[governor.end : time.start].strip()
            )
            governor = time if opens or narrows else (governor if keeps else None)
        self._previous_has_time = bool(inside)
        self.in_force.append(governor)


    def _reports(self, time: TimeMatch) -> bool:
        """Whether the time is the day a news lead reports on (10月8日，记者从…获悉，)."""
        day = time.period[0]
        return (
            day is not None
            and len(day) == len("2025-10-08")
            and _REPORT_DAY.match(self.units.text, time.end, None, KEEP_GIL) is not None
        )


def _year_of(period: Period) -> int | None:
    value = period[1] or period[0]
    return int(value[:4]) if value else None


# ---------------------------------------------------------------------------- finding times


class _Candidate(NamedTuple):
    start: int
    end: int
    rule: TimeRule
    groups: dict[str, int]
    modifier: TimeRule | None = None
    reach: int | None = None


def _places(text: str, compiled: _Compiled) -> Iterator[tuple[int, list[int] | None]]:
    """Each time rule (by order) that may match in the text, with the places where its matches may
    begin (None: the rule is scanned). Most rules have none in a text, and are not visited."""
    for name, lead in compiled.leads.items():
        starts = [hit.start() for hit in lead.finditer(text, None, None, True, KEEP_GIL)]
        if starts:
            for order in compiled.led[name]:
                yield order, starts
    if compiled.openings is not None:
        opened = compiled.openings.places(text)
        for order in compiled.partly_opened:
            places = compiled.times[order].places(text, opened, order)
            if places:
                yield order, places
        for order, places in opened.items():
            if not compiled.times[order].unopened:
                yield order, places
    for order, gate in compiled.scanned:
        if gate is None or gate.admits(text):
            yield order, None


def _candidates(text: str, compiled: _Compiled, fired: set[str]) -> list[_Candidate]:
    """Longest non-overlapping time phrases, extended by modifiers, minus comparison bases."""
    found: list[tuple[int, int, int, int, int, TimeRule, regex.Match[str]]] = []
    for order, places in _places(text, compiled):
        rule, pattern = compiled.times[order].rule, compiled.times[order].pattern
        matches = pattern.finditer(text) if places is None else _matches_from(pattern, text, places)
        for match in matches:
            start, end = match.span()
            if end > start:  # sorted as tuples, no key function: the longest first, then by rule, then by place
                found.append((start - end, order, start, len(found), end, rule, match))
    found.sort()  # the fourth item, unique, keeps equal matches in the order found
    taken = Occupied()
    chosen = []
    for _, _, start, _, end, rule, match in found:
        if taken.overlaps(start, end):
            continue
        groups = _groups(match)  # only for a match no longer one has taken: a malformed numeral (十十) loses
        if groups is None:
            continue
        taken.add(start, end)
        chosen.append((start, end, rule, groups))
    chosen.sort()  # by start: the chosen do not overlap, so no two share one
    # the modifiers after a time and the local times that can match in this text: asked once of the
    # text, where each was tried after every time (most texts hold no 以来, 相比 or 推进会)
    after = [found for found, gate in zip(compiled.after, compiled.after_gates) if gate is None or gate.admits(text)]
    locals_ = [found for found, gate in zip(compiled.locals, compiled.local_gates) if gate is None or gate.admits(text)]
    result = []
    for time_start, time_end, time_rule, groups in chosen:
        start, end, modifier = time_start, time_end, None
        window = text[max(0, start - _WINDOW) : start]
        # most windows hold no first character of any modifier's or base's literals: one search
        # for them all tells, and then the window and the start stay as they are and no base is found
        quiet = compiled.before_firsts is not None and compiled.before_firsts.search(window) is None
        for rule, in_window in () if quiet else compiled.before:
            hit = in_window.search(window)
            if hit:
                start, modifier = start - (len(window) - hit.start()), rule
                break
        if modifier is None:
            for rule, pattern in after:
                hit = pattern.match(text, end)
                if hit:
                    end, modifier = hit.end(), rule
                    break
        window = text[max(0, start - _WINDOW) : start]
        reach = None
        # a time that belongs to one figure wins over a base: 与2020年普查的338752人相比 names
        # the base's own figure, which that year governs
        for rule, before, follows in locals_:
            following = follows.match(text, end) if before.search(window) else None
            if following:
                reach = following.end()
                fired.add(rule.id)
                break
        if reach is None:
            base = None if quiet else _base(window, text, end, compiled)
            if base is not None:
                fired.add(base.id)
                continue
        result.append(_Candidate(start, end, time_rule, groups, modifier, reach))
    return result


def _period(
    pieces: tuple[_Pieces | None, _Pieces | None], modifying: _Templates | None, env: dict[str, Any], dates: dict[str, Any]
) -> Period:
    """A time's period filled from its template, reshaped by its modifier's (截至, 以来) if it has one."""
    period: Period = (_fill(pieces[0], env), _fill(pieces[1], env))
    if modifying is None:
        return period
    around = {**dates, "start": period[0], "end": period[1]}
    return _fill(modifying.period[0], around), _fill(modifying.period[1], around)


def _base(window: str, text: str, end: int, compiled: _Compiled) -> TimeRule | None:
    """The comparison-base rule whose text ends right before a time phrase (比上年), if any,
    and whose `follows`, if it has one, matches after the time phrase, which ends at `end`."""
    for rule, pattern, follows in compiled.bases:
        if follows is not None and follows.match(text, end) is None:
            continue
        for hit in pattern.finditer(window):  # a loop, not `any` over a generator: most windows hold none
            if hit.end() == len(window):
                return rule
    return None


def _latest_day(times: list[TimeMatch]) -> TimeMatch | None:
    """The latest time of day precision (what 此次 refers back to)."""
    days = [t for t in times if t.period[0] and len(t.period[0]) == 10 and t.period[0] == t.period[1]]
    return days[-1] if days else None


def _find(text: str, doc_date: str | None, rules: RuleSet, fired: set[str]) -> tuple[list[TimeMatch], TimeScope]:
    """The text's times, and the scope that found them: it has kept the answers of the times that
    needed a governor (全年, 一季度), which the text's figures then ask for again."""
    compiled = _compile(rules)
    templates = compiled.templates
    scope = TimeScope(text, rules)
    dates = _date_env(doc_date)
    times: list[TimeMatch] = []
    for candidate in _candidates(text, compiled, fired):
        rule = candidate.rule
        template = templates[rule.id]
        env: dict[str, Any] = {**dates, **candidate.groups}
        governor = reviewed = None
        if template.governs:
            governor, carried_by = scope.govern(candidate.start, candidate.end, look_ahead=False)
            env["G"] = _year_of(governor.period) if governor is not None else dates.get("Y")
            if carried_by == "scope.title" and governor is not None:
                reviewed = scope.title_review(governor)
        if template.event:
            event = _latest_day(times)
            if event is None:
                continue
            env["E0"], env["E1"] = event.period
        pieces = template.governed if template.governed and governor is not None else template.period
        modifier = candidate.modifier
        modifying = templates[modifier.id] if modifier is not None else None
        period = _period(pieces, modifying, env, dates)
        relative = template.dated or (template.governs and (governor is None or governor.relative))
        if modifier is not None and modifying is not None:
            relative = relative or modifying.dated
            fired.add(modifier.id)
        unresolved = relative and doc_date is None
        fired.add(rule.id)
        time = TimeMatch(
            candidate.start,
            candidate.end,
            text[candidate.start : candidate.end],
            (None, None) if unresolved else period,
            modifier.id if modifier else rule.id,
            rule.id if modifier else None,
            relative,
            unresolved,
            candidate.reach,
        )
        if reviewed is not None and not unresolved:
            in_review = _period(pieces, modifying, {**env, "G": _year_of(reviewed.period)}, dates)
            time = time._replace(review=time._replace(period=in_review))
        times.append(time)
        scope.add(time)
    return times, scope


def find_times(text: str, doc_date: str | None, rules: RuleSet) -> list[TimeMatch]:
    """Every time phrase of a text with its period; relative ones stay null without a date."""
    return _find(text, doc_date, rules, set())[0]


def scoped_times(text: str, doc_date: str | None, rules: RuleSet) -> tuple[list[TimeMatch], TimeScope]:
    """`find_times`, with the scope that found them, for `assign_periods` to scope the text's figures by."""
    return _find(text, doc_date, rules, set())


def assign_periods(
    text: str,
    quantities: list[tuple[int, int]],
    times: list[TimeMatch],
    doc_date: str | None,
    rules: RuleSet,
    scope: TimeScope | None = None,
) -> list[PeriodAssignment]:
    """The period of each quantity (SPEC 2.1 scoping), one per quantity, in order.

    The periods of `times` are already resolved against `doc_date`; `doc_date`
    only words the reason when a relative time could not be resolved, and
    `rules` says what a caption line is (family `layout`): one does not end a paragraph.
    `scope` is the one `scoped_times` gave with these times (else a new one is built): its
    kept answers are the ones a new scope would give (`TimeScope.add` forgets those a time changes).
    """
    scoping = scope if scope is not None else TimeScope(text, rules, times)
    assignments = []
    for start, end in quantities:
        cell = table_cell(text, (start, end), rules)
        if cell is not None and cell.year is not None:
            # a column of one year (2030年): its cells are that year's, whatever governs the table
            year = cell.year
            assignments.append(PeriodAssignment((year, year), "table.year_header", "scope.table_column"))
            continue
        named = scoping.timeline.within(cell.title) if cell is not None and cell.title is not None else None
        if named:  # the table's title names the time of its other cells (表2 “十五五”时期主要指标)
            governor: TimeMatch | None = named[-1]
            carried_by = "scope.table_title"
        else:
            governor, carried_by = scoping.govern(start, end)
        if carried_by == "scope.title" and governor is not None:
            review = scoping.title_review(governor)
            if review is not None:
                assignments.append(PeriodAssignment(governor.period, governor.rule, carried_by, None, governor, review))
                continue
        if governor is None:
            assignments.append(PeriodAssignment((None, None), carried_by, carried_by, "no time phrase governs it"))
        elif governor.unresolved:
            reason = f"relative time {governor.text!r} and no document date"
            if doc_date is not None:
                reason = f"time {governor.text!r} has no period"
            assignments.append(PeriodAssignment((None, None), governor.rule, carried_by, reason, governor))
        else:  # the common case, built as its tuple: a NamedTuple's own __new__ is a Python call per figure
            assignment = (governor.period, governor.rule, carried_by, None, governor, governor.review)
            assignments.append(tuple.__new__(PeriodAssignment, assignment))
    return assignments


# ---------------------------------------------------------------------------- document date

_DATE_OPTION = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_date_option(s: str) -> str:
    """Check a user's ``--date`` (YYYY, YYYY-MM or YYYY-MM-DD, a real date) and return it."""
    match = _DATE_OPTION.match(s.strip())
    try:
        if match is None:
            raise ValueError("not YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = match.groups()
        date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        raise DateError(f"--date {s!r}: {exc} (expected YYYY, YYYY-MM or YYYY-MM-DD)") from None
    return s.strip()


def _date_evidence(text: str, rules: RuleSet, fired: set[str] | None = None) -> DocDate | None:
    """The strongest evidence, the earliest of equals. Rules come strongest first: once one has
    given a date, its later matches and weaker rules cannot win and are not scanned, unless
    `fired` is to collect every rule that fires (the probe)."""
    best: tuple[int, int, DocDate] | None = None
    for rule, pattern, gate in _compile(rules).docdates:
        if best is not None and rule.strength < best[0] and fired is None:
            break
        for match in pattern.finditer(text) if gate is None else gate.finditer(pattern, text):
            groups = _groups(match)
            value = _render(rule.date, groups) if groups is not None else None
            try:
                value = parse_date_option(value) if value else None
            except DateError:
                value = None
            if value is None:
                continue
            if fired is not None:
                fired.add(rule.id)
            found = DocDate(value, "inferred", match.group(0).strip())
            if best is None or (rule.strength, -match.start()) > best[:2]:
                best = (rule.strength, -match.start(), found)
            if fired is None:
                break
    return best[2] if best else None


def infer_document_date(text: str, rules: RuleSet | None = None) -> DocDate | None:
    """The date the text fixes for itself (dateline, communiqué year, plan year…), strongest evidence first."""
    if rules is None:
        from .rule_files import load_rules

        rules = load_rules()
    return _date_evidence(text, rules)


# ---------------------------------------------------------------------------- probe

PROBE_DATE = "2026-03"  # the fixed reference date of the rule examples


def probe(text: str, ruleset: RuleSet) -> set[str]:
    """Ids of the time rules that fire on a text (dated 2026-03), for the rule-example test."""
    fired: set[str] = set()
    _find(text, PROBE_DATE, ruleset, fired)
    _date_evidence(text, ruleset, fired)
    for rule in ruleset[FAMILY]:
        if isinstance(rule, TimeRule) and rule.role == "macro" and regex.search(rule.pattern, text):
            fired.add(rule.id)
    return fired
