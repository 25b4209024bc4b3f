"""Scan a rule's pattern only over the lines where it can match.

Most rule patterns stay on one line and cannot match without some literal on that
line: a date needs 月 or 日, a range one of —/至/到…, a sum for a money noun one of
产值/投资…. Such a pattern finds the same matches when it runs only over the lines that
hold one of its literals, and the `regex` module spends its time on every position
where a match could start (every digit and numeral of a statistical text), so
skipping the other lines skips most of the work.

`line_gate` proves both properties from the pattern's syntax tree, which it reads with
the `regex` module's own parser (a private module): no part of the pattern, lookarounds
included, may match a line break, and the literals are those that every match needs.
A pattern it cannot prove it for (a node it does not know, a case-insensitive literal,
a parser that changed) gets no gate and scans the whole text. So does a user's pattern
(numbers._rule_pattern): its time limit is for one scan of the whole text.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import regex

from .cache import PATTERNS

try:
    from regex import _regex_core as _core
except ImportError:  # a regex release without it: every pattern scans the whole text
    _core = None

_NEWLINE = ord("\n")
_ANALYSIS_VERSION = hashlib.sha1(Path(__file__).read_bytes()).hexdigest()[:16]
_MOST_LITERALS = 16  # a gate of more literals finds them in most lines and costs more than it saves


@dataclass(frozen=True)
class LineGate:
    """Literals one of which every match of a pattern has on its own line."""

    literals: tuple[str, ...]
    finder: re.Pattern[str] | regex.Pattern[str]  # the stdlib's: many times faster than `regex` at finding literals

    def windows(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each run of consecutive lines that hold a literal, line breaks excluded."""
        found = self.finder.search(text)
        while found is not None:
            start = text.rfind("\n", 0, found.start()) + 1
            end = _line_end(text, found.end())
            found = self.finder.search(text, end)
            while found is not None and text.rfind("\n", 0, found.start()) == end:
                end = _line_end(text, found.end())  # the next line holds one too: one window
                found = self.finder.search(text, end)
            yield start, end

    def finditer(self, pattern: regex.Pattern[str], text: str) -> Iterator[regex.Match[str]]:
        """`pattern.finditer(text)`, over the gated lines only. Lookbehinds still see the
        text before a window; lookaheads see its end where they would see a line break."""
        for start, end in self.windows(text):
            yield from pattern.finditer(text, start, end)


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end < 0 else end


def line_gate(pattern: str, flags: int = 0) -> LineGate | None:
    """The gate of a pattern that stays on one line and needs a literal there, else None.
    The analysis parses the pattern in Python: it is kept with the compiled patterns, under
    the version of this module's code (a changed analysis must not reuse older answers)."""
    key = ("line_gate", _ANALYSIS_VERSION, pattern, int(flags))
    literals = PATTERNS.derived(key, lambda: _gate_literals(pattern, flags))
    if literals is None:
        return None
    return LineGate(literals, re.compile("|".join(re.escape(word) for word in literals)))


def required_literals(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Literals one of which every match of a pattern contains (or sees in a lookaround),
    proved from its syntax tree; None when none is proved. A search of a whole string that
    holds none of them finds nothing: a plain substring test can skip it. Kept with the
    compiled patterns, like the gates."""
    key = ("required_literals", _ANALYSIS_VERSION, pattern, int(flags))
    return PATTERNS.derived(key, lambda: _parsed_required(pattern, flags))


def _tree(pattern: str, flags: int) -> object:
    """The pattern's syntax tree, read with the regex module's own (private) parser; it
    raises whatever that parser raises."""
    if _core is None:
        raise ImportError("this regex release has no _regex_core")
    source = _core.Source(pattern)
    info = _core.Info(flags, source.char_type, {})
    source.ignore_space = bool(info.flags & regex.VERBOSE)
    return _core._parse_pattern(source, info)


def _parsed_required(pattern: str, flags: int) -> frozenset[str] | None:
    try:
        return _required(_tree(pattern, flags)) or None
    except Exception:  # noqa: BLE001 - the parser is private: anything it does means "none proved"
        return None


def _gate_literals(pattern: str, flags: int) -> tuple[str, ...] | None:
    try:
        tree = _tree(pattern, flags)
        literals = _required(tree, classes=True) if _stays_on_line(tree) and not _starts_with_literal(tree) else None
    except Exception:  # noqa: BLE001 - the parser is private: anything it does means "no gate"
        return None
    if not literals:
        return None
    # A line holding 营业收入 holds 收入: the shorter literal is enough to look for.
    kept = sorted(
        (word for word in literals if not any(other != word and other in word for other in literals)),
        key=lambda word: (-len(word), word),
    )
    if len(kept) > _MOST_LITERALS or (len(kept) == 1 and len(kept[0]) > 1):
        return None  # in most lines (every unit); or one word, which the regex module looks for itself
    return tuple(kept)


# ------------------------------------------------------------------ the syntax tree

_ZERO_WIDTH_ON_LINE = ("StartOfLine", "EndOfLine", "Boundary")  # ^ $ under MULTILINE, \b
_ONE_CHARACTER = ("Character", "Property", "SetUnion", "SetInter", "SetDiff", "SetSymDiff", "Range")
_WRAPPERS = ("Group", "Atomic", "LookAround", "GreedyRepeat", "LazyRepeat", "PossessiveRepeat")


def _stays_on_line(node: object) -> bool:
    """No part of the node (lookarounds included) can match a line break or see past one.
    Node kinds are compared by exact class: a subclass (StartOfLineU…) means something else."""
    kind = type(node).__name__
    if kind == "Sequence":
        return all(_stays_on_line(item) for item in node.items)
    if kind == "Branch":
        return all(_stays_on_line(branch) for branch in node.branches)
    if kind in _WRAPPERS:
        return _stays_on_line(node.subpattern)
    if kind in _ONE_CHARACTER:
        return not node.matches(_NEWLINE)
    return kind == "Any" or kind in _ZERO_WIDTH_ON_LINE  # Any: `.` without DOTALL


def _starts_with_literal(node: object) -> bool:
    """Every match begins with a literal character or one of a class of them (after
    lookarounds): the regex module finds the places to try by searching for those characters
    itself, as fast as a gate's search would, so the gate's windows are pure cost (上…, 前…,
    第…|首…, [“"‘]…: 1.4-10x the whole-text scan)."""
    return _begins_with_literal(node) is True


_ZERO_WIDTH = ("LookAround", *_ZERO_WIDTH_ON_LINE)


def _begins_with_literal(node: object) -> bool | None:
    """True: every match of the node begins with a literal character; False: one may begin
    with something else; None: one may be empty (zero-width, optional), so what follows decides."""
    kind = type(node).__name__
    if _literal(node) is not None or _characters(node) is not None:
        return True
    if kind in _ZERO_WIDTH:
        return None
    if kind in ("Group", "Atomic"):
        return _begins_with_literal(node.subpattern)
    if kind in ("GreedyRepeat", "LazyRepeat", "PossessiveRepeat"):
        begins = _begins_with_literal(node.subpattern)
        return None if begins and node.min_count == 0 else begins
    if kind == "Branch":
        each = [_begins_with_literal(branch) for branch in node.branches]
        return False if False in each else (True if all(each) else None)
    if kind == "Sequence":
        for item in node.items:
            begins = _begins_with_literal(item)
            if begins is not None:
                return begins
        return None
    return False


def _literal(node: object) -> str | None:
    if type(node).__name__ == "Character" and node.positive and not node.case_flags & regex.IGNORECASE:
        return chr(node.value)
    return None


def _characters(node: object) -> frozenset[str] | None:
    """The characters of a class of literal ones ([:：]), else None."""
    if type(node).__name__ == "SetUnion" and node.positive and not node.zerowidth and not node.case_flags & regex.IGNORECASE:
        characters = [_literal(item) for item in node.items]
        if None not in characters:
            return frozenset(characters)
    return None


def _required(node: object, classes: bool = False) -> frozenset[str] | None:
    """Literals one of which every match of the node contains (or, in a lookaround, sees).
    With `classes`, a class of literal characters counts as its characters: a gate's lines
    hold one of them (a ratio needs : or ：). Not for `required_literals`, whose users test
    the literals before each search: single characters are in most of their subjects."""
    kind = type(node).__name__
    if _literal(node) is not None:
        return frozenset([_literal(node)])
    if classes and _characters(node) is not None:
        return _characters(node)
    if kind == "Sequence":
        return _best(_sequence_options(node.items, classes))
    if kind == "Branch":
        each = [_required(branch, classes) for branch in node.branches]
        return None if None in each else frozenset().union(*each)
    if kind in ("Group", "Atomic"):
        return _required(node.subpattern, classes)
    if kind in ("GreedyRepeat", "LazyRepeat", "PossessiveRepeat"):
        return _required(node.subpattern, classes) if node.min_count >= 1 else None
    if kind == "LookAround":
        return _required(node.subpattern, classes) if node.positive else None
    return None


def _sequence_options(items: list[object], classes: bool) -> list[frozenset[str]]:
    """Every set a sequence needs: each run of literal characters as one word, each other item's set."""
    options, word = [], ""
    for item in items:
        character = _literal(item)
        if character is not None:
            word += character
            continue
        if word:
            options.append(frozenset([word]))
            word = ""
        required = _required(item, classes)
        if required:
            options.append(required)
    if word:
        options.append(frozenset([word]))
    return options


def _best(options: list[frozenset[str]]) -> frozenset[str] | None:
    """The set likely rarest in a text: longest shortest word, then fewest words."""
    return max(options, key=lambda words: (min(map(len, words)), -len(words)), default=None)
