"""The time rules compiled once per RuleSet, and the scans that find where they may match.

`compile_rules` expands the macros and compiles every pattern (reporting every bad rule at once),
and works out how each time rule is found cheaply: from a lead shared with other rules (a year,
a month), from the literals its alternatives open with, or scanned whole behind a gate of the
words it needs. `matches_from` runs a rule from the places so found.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

import regex

from ..errors import RulesError
from ..line_gate import LineGate, TextGate, clause_gate, required_literals, text_gate
from ..rule_files import CompiledPattern, RulePattern, RuleSet, compile_pattern
from ..text_units import KEEP_GIL
from .rules import FAMILY, Templates, TimeRule, template_names

# What a pattern writes for a macro: {NAME}
_MACRO = re.compile(r"\{([A-Z][A-Z0-9]*)\}")


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
class Compiled:
    times: tuple[_TimeScan, ...]
    leads: dict[str, regex.Pattern[str] | _Gated | _InClauses]  # macro name -> its pattern, scanned once for the rules it opens
    openings: _Openings | None  # the opening literals of the rules that have them, scanned once for all
    # the rules (by order in `times`) tried at a lead's places, by lead; those found from their openings
    # that have alternatives to scan for too; and the rules scanned whole
    led: dict[str, tuple[int, ...]]
    partly_opened: tuple[int, ...]
    # with the clauses it is scanned in, or the words one of which a text must hold to be scanned
    scanned: tuple[tuple[int, LineGate | TextGate | None], ...]
    before: tuple[tuple[TimeRule, _InWindow], ...]
    after: tuple[tuple[TimeRule, CompiledPattern], ...]
    after_gates: tuple[TextGate | None, ...]  # of each of `after`: what a text must hold for it to match there
    bases: tuple[tuple[TimeRule, _InWindow, CompiledPattern | None], ...]  # rule, text before, what follows
    before_firsts: re.Pattern[str] | None  # every `needs` of `before` and `bases` in one class; None: one has none
    locals: tuple[tuple[TimeRule, _InWindow, CompiledPattern], ...]
    local_gates: tuple[TextGate | None, ...]  # of each of `locals`: what a text must hold for what follows it
    docdates: tuple[tuple[TimeRule, CompiledPattern, TextGate | None], ...]  # strongest first; in file order among equals
    docdate_completions: tuple[tuple[TimeRule, CompiledPattern, TextGate | None], ...]  # templates naming Y: they
    # give the month and day of a year the evidence above gave alone
    templates: dict[str, Templates]  # rule id -> its period templates, for times and modifiers
    ends_at: dict[str, str]  # rule id -> the marks that end its reach in its sentence, for the few rules with any
    framing: frozenset[str]  # ids of the rules of spans that frame their own sentence only (近三年)
    naming_groups: frozenset[str]  # ids of the rules of years that name a group (2025届), not when


def _expanded(pattern: str, macros: dict[str, str]) -> str:
    """A pattern with each {MACRO} replaced by the macro's pattern, as a group."""
    return _MACRO.sub(lambda m: f"(?:{macros[m.group(1)]})", pattern)


@lru_cache(maxsize=8)
def compile_rules(rules: RuleSet) -> Compiled:
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
    return Compiled(
        times=tuple(scans),
        leads={name: _gated(lead) for name, lead in leads.items()},
        openings=_shared_openings(scans),
        led={name: tuple(orders) for name, orders in led.items()},
        partly_opened=tuple(order for order, scan in enumerate(scans) if scan.openings is not None and scan.unopened),
        scanned=tuple(
            (order, _scan_gate(scan.pattern)) for order, scan in enumerate(scans) if scan.lead is None and scan.openings is None
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
            if "Y" not in template_names(rule.date)
        ),
        docdate_completions=tuple(
            (rule, pattern, _text_gate(pattern))
            for rule, pattern in compiled.get("docdate", ())
            if "Y" in template_names(rule.date)
        ),
        templates={rule.id: Templates.of(rule) for rule in family if rule.role in ("time", "modifier")},
        ends_at={rule.id: rule.ends_at for rule in family if rule.ends_at},
        framing=frozenset(rule.id for rule in family if rule.frames),
        naming_groups=frozenset(rule.id for rule in family if rule.names_group),
    )


def _text_gate(pattern: CompiledPattern) -> TextGate | None:
    """The words one of which a text must hold for a rule scanned whole to match in it (`line_gate.text_gate`):
    `in` tells at a fraction of the cost of the scan (春节…假期 for a holiday, 公报 for a communiqué: in
    few texts). None for a user's rule: its time limit is for one scan of the text, whatever it holds."""
    return text_gate(pattern.pattern, pattern.flags) if isinstance(pattern, regex.Pattern) else None


def _scan_gate(pattern: CompiledPattern) -> LineGate | TextGate | None:
    """Where a rule scanned whole is scanned: in the clauses that hold a literal every match needs, when
    proved (`line_gate.clause_gate`), else in a text that holds its words (`_text_gate`). A rule that opens
    with a lookbehind (time.years_cumulative: (?<![\\d.])五年累计) is tried at every place of every text
    that holds its words, 累计 and 年 (5.9 ms a pass over corpora/); the clauses that hold 累计 are few."""
    windows = clause_gate(pattern.pattern, pattern.flags) if isinstance(pattern, regex.Pattern) else None
    return windows or _text_gate(pattern)


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


def matches_from(pattern: CompiledPattern, text: str, starts: list[int]) -> Iterator[regex.Match[str]]:
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
