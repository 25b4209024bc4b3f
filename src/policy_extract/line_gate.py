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

The same holds of clauses: a pattern that no part of can match a clause mark (，。；、…)
finds its matches in the clauses between those marks that hold a literal. A line of a
statistical text holds a literal of most gates (至 for a range, 月 for a date), and its
numbers are where the scan's attempts cost the most; the clause holding the literal is
a fifth of the line.
"""

from __future__ import annotations

import hashlib
import importlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import regex

from .cache import PATTERNS
from .text_units import KEEP_GIL

if TYPE_CHECKING:
    from .rule_files import RulePattern

    # what a gate scans with: a `regex` or stdlib pattern, or a user's rule under its time limit
    Scanned = regex.Pattern[str] | re.Pattern[str] | RulePattern

_core: Any  # the regex module's private parser, untyped
try:
    _core = importlib.import_module("regex._regex_core")
except ImportError:  # a regex release without it: every pattern scans the whole text
    _core = None

# A node of the `regex` module's parse tree (Sequence, Branch, Literal, Character…): private and
# untyped, so its attributes are read as `Any`, and a node this module does not know ends the proof
_Node = Any

_NEWLINE = ord("\n")
_ANALYSIS_VERSION = hashlib.sha1(Path(__file__).read_bytes()).hexdigest()[:16]
_MOST_LITERALS = 16  # a gate of more literals finds them in most lines and costs more than it saves
_MOST_WORDS = 24  # words of a text gate's set, each an `in` test: still a fraction of a scan (career_length's 17 verbs)
# A line gate tests its literals with `in` before its finder's search only up to this many: each test
# is a scan of the text, and past six of them one search costs less (the five gates of seven to
# thirteen literals, form.range, form.magnitude_money, nonclaim.duration_frame, .session and
# .campaign: 20.0 -> 17.1 ms on 300 benchmark documents, 30.3 -> 25.3 ms on 100 dev documents,
# interleaved; with one to three, as for 分钟|小时, the tests win: 1.9 against 4.9 ms).
_MOST_TESTED = 6


@dataclass(frozen=True)
class LineGate:
    """Literals one of which every match of a pattern has on its own line; and the clause marks
    (`marks`) no match can hold or see past, which end a window as a line break does."""

    literals: tuple[str, ...]
    finder: re.Pattern[str] | regex.Pattern[str]  # the stdlib's: many times faster than `regex` at finding literals
    marks: str = ""  # the ASCII comma among them: a comma before a Han character (1,083.8 holds one that is no mark)
    lines: bool = True  # a line break ends a window too (`clause_gate`: no, only the marks do)

    def windows(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each run of consecutive lines (or clauses) that hold a literal, line
        breaks and marks excluded. None in a text that holds none of the literals, which `in` tells
        at a fraction of the cost of the finder's search (most gates find none in most texts), for a
        gate of a few literals (`_MOST_TESTED`)."""
        if self.literals and len(self.literals) <= _MOST_TESTED and not _holds_one(text, self.literals):
            return
        boundary, boundary_reversed = _boundaries(self.marks, self.lines)
        reversed_text = ""  # reversed at the first literal: most gates find none in most texts
        found = self.finder.search(text)
        while found is not None:
            if self.marks:  # the last boundary before the literal is the first of the reversed text after it
                reversed_text = reversed_text or text[::-1]
                before = boundary_reversed.search(reversed_text, len(text) - found.start())
                start = len(text) - before.start() if before is not None else 0
            else:
                start = text.rfind("\n", 0, found.start()) + 1
            end = _boundary_at(boundary, text, found.end())
            found = self.finder.search(text, end)
            while found is not None and found.start() < _boundary_at(boundary, text, end + 1):
                end = _boundary_at(boundary, text, found.end())  # the next line or clause holds one too: one window
                found = self.finder.search(text, end)
            yield start, end

    def finditer(
        self, pattern: Scanned, text: str, overlapped: bool = False
    ) -> Iterator[regex.Match[str] | re.Match[str]]:
        """`pattern.finditer(text)` (`overlapped`: a `regex` pattern's, from every place), over the
        gated lines only. Lookbehinds still see the text before a window; lookaheads see its end
        where they would see a line break or mark."""
        keep_gil = (overlapped, KEEP_GIL) if isinstance(pattern, regex.Pattern) else ()  # stdlib `re` takes neither
        for start, end in self.windows(text):
            yield from pattern.finditer(text, start, end, *keep_gil)


@dataclass(frozen=True)
class TextGate:
    """Sets of words every match of a pattern holds (or sees in a lookaround) one of, each set: a text
    without any word of one set has no match. A pattern that may leave its line, or begins with what
    the `regex` module cannot search for as a literal, tries every place where a match may begin; `in`
    finds a word at a small fraction of that cost (一半|半数 for a half, 电 for a news dateline, whose
    年, 月 and 日 are in every text: in few texts)."""

    needs: tuple[tuple[str, ...], ...]  # likely rarest first: the longest shortest word, then the fewest words

    def admits(self, text: str) -> bool:
        """Whether the text holds a word of every set (a loop, not `all` over a generator: a few sets)."""
        for words in self.needs:
            if not _holds_one(text, words):
                return False
        return True

    def finditer(self, pattern: Scanned, text: str) -> Iterator[regex.Match[str] | re.Match[str]]:
        """`pattern.finditer(text)`, or nothing in a text that holds no word of one of the sets
        (keeping the GIL, as `LineGate.finditer` does, where the pattern is on `regex`)."""
        if not self.admits(text):
            return iter(())
        if isinstance(pattern, re.Pattern):
            return pattern.finditer(text)
        return pattern.finditer(text, None, None, False, KEEP_GIL)


@dataclass(frozen=True)
class LineStartGate:
    """For a pattern that opens at a line start (`^` under MULTILINE), or there or after one of a class
    of marks (`(?:^|(?<=[。；:]))`): the `regex` module finds no character to search for behind such an
    opening and tries the pattern at every character of the text (a table's cell, a year alone on its
    line, a list's numbering); the same pattern after a line break or mark (`after_break`: a class of
    them, `\\K` and the rest), whose first character it searches for, tries only where one stands. The
    text's start, which no break opens, is tried with `match` at 0. The same matches: no match is empty
    or holds a break or mark, so none ends right after one that opens the next (`line_start_gate`)."""

    after_break: regex.Pattern[str]

    def finditer(self, pattern: regex.Pattern[str] | RulePattern, text: str) -> Iterator[regex.Match[str]]:
        """`pattern.finditer(text)`: the match at the text's start, then those after each break."""
        first = pattern.match(text, 0, None, KEEP_GIL)
        if first is not None:
            yield first
        yield from self.after_break.finditer(text, first.end() if first is not None else 0, None, False, KEEP_GIL)


def scan(
    pattern: Scanned, gate: LineGate | LineStartGate | TextGate | None, text: str
) -> Iterator[regex.Match[str] | re.Match[str]]:
    """Every match of a rule's pattern; only over the lines its gate lets through, or in a text its
    gate lets through, if it has one (the one "gate or scan" of the quantities, the times and the
    document date). A `regex` scan keeps the GIL (`KEEP_GIL`): it hands it off and back at each
    match otherwise (form.amount: 13,000 matches per 300 documents)."""
    if gate is not None:  # (a line-start gate is only made for a `regex` pattern: line_start_gate reads its tree)
        return gate.finditer(pattern, text)  # type: ignore[arg-type]
    if isinstance(pattern, re.Pattern):  # a word list of ours, on stdlib `re`
        return pattern.finditer(text)
    return pattern.finditer(text, None, None, False, KEEP_GIL)


def _holds_one(text: str, words: tuple[str, ...]) -> bool:
    """Whether the text holds one of the words (a loop, not `any` over a generator: a few words)."""
    for word in words:
        if word in text:
            return True
    return False


def _boundary_at(boundary: re.Pattern[str], text: str, position: int) -> int:
    found = boundary.search(text, position)
    return len(text) if found is None else found.start()


_HAN = "[\u4e00-\u9fff]"  # CJK Unified Ideographs: never a digit, in any Unicode version


@lru_cache(maxsize=32)
def _boundaries(marks: str, lines: bool = True) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A line break (where `lines`) or mark, in the text and in the text reversed."""
    others = ("\\n" if lines else "") + re.escape(marks.replace(",", ""))
    if "," not in marks:
        boundary = re.compile(f"[{others}]")
        return boundary, boundary
    # a class first, which the stdlib scans for fast; then a comma is kept only before a Han character
    return re.compile(f"[{others},](?:(?<!,)|(?={_HAN}))"), re.compile(f"[{others},](?:(?<!,)|(?<={_HAN},))")


def line_gate(pattern: str, flags: int = 0, needs: re.Pattern[str] | regex.Pattern[str] | None = None) -> LineGate | None:
    """The gate of a pattern that stays on one line and needs a literal there, else None.
    `needs`: a pattern that every match holds or sees (the caller's proof), looked for in place
    of the literals; a pattern that stays on its line then has a gate without literals too
    (a letter for a model number, [A-Za-z]: 52 literals, in few lines of Chinese text).
    The analysis parses the pattern in Python: it is kept with the compiled patterns, under
    the version of this module's code (a changed analysis must not reuse older answers)."""
    key = ("line_gate", _ANALYSIS_VERSION, pattern, int(flags))
    analysed = PATTERNS.derived(key, lambda: _gate_analysis(pattern, flags))
    if analysed is None:
        return None
    literals, marks = analysed
    if needs is not None:
        return LineGate(literals, needs, marks)
    if not literals:
        return None
    return LineGate(literals, re.compile("|".join(re.escape(word) for word in literals)), marks)


def class_opening_gate(pattern: str, flags: int = 0) -> LineGate | None:
    """The gate of a pattern that stays on one line, opens with a class of common characters and needs
    a literal there (省市县区 before an office's 局 or 法院): the engine finds the class itself, at each
    of those characters, in most lines; the lines holding a literal are far fewer. None when not
    proved, or when the literals are too many to be a gate."""
    key = ("class_opening_gate", _ANALYSIS_VERSION, pattern, int(flags))
    # the opening class is in most lines: its characters are no literals of the gate
    parts = PATTERNS.derived(key, lambda: _literals_and_marks(pattern, flags, on_line=True, opening=False, classes=False))
    if parts is None or not parts[0] or len(parts[0]) > _MOST_LITERALS:
        return None
    literals, marks = parts
    return LineGate(tuple(literals), re.compile("|".join(re.escape(word) for word in literals)), marks)


def clause_gate(pattern: str, flags: int = 0) -> LineGate | None:
    """The gate of a pattern that no part of (lookarounds included) can match some clause marks and
    that needs a literal, whether or not it may cross a line (`\\s*` before 月): its windows are
    the runs of clauses that hold a literal, ended by those marks alone. A shared time lead tries
    every numeral of a text, and the clauses that hold 月 are a twentieth of a statistical text.
    None when not proved (an anchor, `.`, a node the analysis does not know, no literal, no mark)."""
    key = ("clause_gate", _ANALYSIS_VERSION, pattern, int(flags))
    analysed = PATTERNS.derived(key, lambda: _clause_analysis(pattern, flags))
    if analysed is None:
        return None
    literals, marks = analysed
    return LineGate(literals, re.compile("|".join(re.escape(word) for word in literals)), marks, lines=False)


def _clause_analysis(pattern: str, flags: int) -> tuple[tuple[str, ...], str] | None:
    """The clause gate's literals (at most `_MOST_LITERALS`) and marks, else None (`_literals_and_marks`)."""
    parts = _literals_and_marks(pattern, flags, on_line=False)
    if parts is None:
        return None
    kept, marks = parts
    if not kept or not marks or len(kept) > _MOST_LITERALS:
        return None
    return tuple(kept), marks


def opening_words(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """The words one of which every match of a pattern begins with: the run of literal characters each
    of its top-level alternatives opens with (集团|银行|大学(?!文化…): 集团, 银行, 大学), or an optional
    group of literal characters and what follows it ((?:股份)?有限…: 股份, 有限), proved from its syntax
    tree; None when an alternative opens with anything else (a class, a lookaround, another group)."""
    key = ("opening_words", _ANALYSIS_VERSION, pattern, int(flags))
    return PATTERNS.derived(key, lambda: _parsed_openings(pattern, flags))


def _parsed_openings(pattern: str, flags: int) -> tuple[str, ...] | None:
    try:
        tree = _tree(pattern, flags)
    except Exception:  # noqa: BLE001 - the parser is private: anything it does means "none proved"
        return None
    words: list[str] = []
    for branch in tree.branches if type(tree).__name__ == "Branch" else [tree]:
        found = _opening_words(branch.items if type(branch).__name__ == "Sequence" else [branch])
        if found is None:
            return None
        words.extend(word for word in found if word not in words)
    return tuple(words)


def _opening_words(items: list[_Node]) -> list[str] | None:
    """The words a sequence's matches open with: its run of literal characters; or, first, a group of
    literal characters that may be left out, that group's word and the words of what follows it."""
    word = ""
    for position, item in enumerate(items):
        character = _literal(item)
        if character is not None:
            word += character
            continue
        optional = _optional_word(item) if not word else None
        if optional is not None:
            following = _opening_words(items[position + 1 :])
            return None if following is None else [optional, *following]
        break
    return [word] if word else None


def _optional_word(node: _Node) -> str | None:
    """The word of `(?:股份)?`: a repeat that may take nothing, of literal characters only."""
    if type(node).__name__ not in ("GreedyRepeat", "LazyRepeat", "PossessiveRepeat") or node.min_count != 0:
        return None
    inner = _alone(node.subpattern)
    characters = [_literal(item) for item in (inner.items if type(inner).__name__ == "Sequence" else [inner])]
    return "".join(characters) if characters and None not in characters else None  # type: ignore[arg-type]


def required_literals(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Literals one of which every match of a pattern contains (or sees in a lookaround),
    proved from its syntax tree; None when none is proved. A search of a whole string that
    holds none of them finds nothing: a plain substring test can skip it. Kept with the
    compiled patterns, like the gates."""
    key = ("required_literals", _ANALYSIS_VERSION, pattern, int(flags))
    return PATTERNS.derived(key, lambda: _parsed_required(pattern, flags))


def required_characters(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """`required_literals` where a class of literal characters counts as its characters ([ \\t]+
    needs a space or a tab): for one search of many rules' words at once, where a single
    character costs no search of its own. Kept with the compiled patterns."""
    key = ("required_characters", _ANALYSIS_VERSION, pattern, int(flags))
    return PATTERNS.derived(key, lambda: _parsed_required(pattern, flags, classes=True))


def edge_characters(pattern: str, flags: int = 0, last: bool = False) -> tuple[frozenset[str], bool] | None:
    """The characters a non-empty match of a pattern can start with (with `last`, end with),
    proved from its syntax tree, and whether it may also start (end) with a character outside
    the CJK ideographs U+4E00-U+9FFF (a digit, `\\d`, is never one of them); None when not proved
    (a class such as \\p{Han} or [^，。], a backreference). Where the string's first (last)
    character is none of them, a match at its start (one that ends at its end) is empty or none:
    a Python test of one character instead of a search. Kept with the compiled patterns."""
    key = ("edge_characters", _ANALYSIS_VERSION, pattern, int(flags), last)
    return PATTERNS.derived(key, lambda: _parsed_edge(pattern, flags, last))


def text_gate(pattern: str, flags: int = 0, most_words: int = _MOST_WORDS) -> TextGate | None:
    """The `TextGate` of a pattern with a proved set of required words, none of more than a few words
    (each word is looked for with `in`; `most_words` of a set at most); None without one. Kept with
    the compiled patterns."""
    key = ("text_gate", _ANALYSIS_VERSION, pattern, int(flags))
    needs = tuple(words for words in PATTERNS.derived(key, lambda: _parsed_needs(pattern, flags)) if len(words) <= most_words)
    return TextGate(needs) if needs else None


# How a pattern opening at a line start is written: `^`, or `(?:^|(?<=[…]))` with a class of marks.
_LINE_OPENING = re.compile(r"\^|\(\?:\^\|\(\?<=\[(?:[^\]\\]|\\.)*\]\)\)")


def line_start_gate(pattern: str, flags: int = 0) -> LineStartGate | None:
    """The `LineStartGate` of a pattern under MULTILINE that opens with `^` or `(?:^|(?<=[marks]))` of
    literal marks, as a sequence (no alternative beside the opening), whose rest matches at least one
    character and none of the breaks (a line break, the marks), lookarounds included; else None. The
    analysis is kept with the compiled patterns, under the version of this module's code."""
    opening = _LINE_OPENING.match(pattern)
    if opening is None or not flags & regex.MULTILINE:
        return None
    key = ("line_start_gate", _ANALYSIS_VERSION, pattern, int(flags))
    breaks = PATTERNS.derived(key, lambda: _line_breaks(pattern, opening.end(), flags))
    if not breaks:
        return None
    marks = "".join("\\n" if char == "\n" else regex.escape(char) for char in breaks)
    after_break = "[" + marks + "]\\K" + pattern[opening.end() :]
    return LineStartGate(PATTERNS.compiled(after_break, flags))


def _line_breaks(pattern: str, rest: int, flags: int) -> str:
    """The characters after which the pattern's opening (`pattern[:rest]`) lets a match start, the line
    break among them, if the rest is never empty and matches none of them; else ""."""
    try:
        tree = _tree(pattern, flags)
        if type(tree).__name__ != "Sequence":
            return ""
        opening = _alone(tree.items[0])
        breaks = {"\n"}
        if type(opening).__name__ == "Branch" and len(opening.branches) == 2:
            start, before = (_alone(branch) for branch in opening.branches)
            if type(start).__name__ != "StartOfLine" or type(before).__name__ != "LookAround":
                return ""
            marks = _characters(_alone(before.subpattern))
            if not (before.behind and before.positive) or not marks:
                return ""
            breaks |= marks
        elif type(opening).__name__ != "StartOfLine":
            return ""
        remainder = _tree(pattern[rest:], flags)
        codes = tuple(ord(char) for char in breaks)
        if _min_length(remainder) == 0 or not _matches_none(remainder, codes):
            return ""
        return "".join(sorted(breaks))
    except Exception:  # noqa: BLE001 - the parser is private: anything it does means "no gate"
        return ""


def _parsed_needs(pattern: str, flags: int) -> tuple[tuple[str, ...], ...]:
    """The sets of words one of which every match holds, each: of each part of a sequence at the top
    (the pattern, or its group), else the one set `_required` proves; sets of many words left out."""
    try:
        tree = _tree(pattern, flags)
        while type(tree).__name__ in ("Group", "Atomic"):
            tree = tree.subpattern
        if type(tree).__name__ == "Sequence":
            options = _sequence_options(tree.items, classes=False)
        else:
            options = [_required(tree) or frozenset()]
    except Exception:  # noqa: BLE001 - the parser is private: anything it does means "none proved"
        return ()
    kept = {
        # a text holding 近半数 holds 半数: the shorter word is enough to look for
        tuple(sorted((word for word in words if not any(other != word and other in word for other in words)), key=lambda word: (len(word), word)))
        for words in options
        if words and all(words) and len(words) <= _MOST_WORDS
    }
    return tuple(sorted(kept, key=lambda words: (-min(map(len, words)), len(words), words)))


def _tree(pattern: str, flags: int) -> _Node:
    """The pattern's syntax tree, read with the regex module's own (private) parser; it
    raises whatever that parser raises."""
    if _core is None:
        raise ImportError("this regex release has no _regex_core")
    source = _core.Source(pattern)
    info = _core.Info(flags, source.char_type, {})
    source.ignore_space = bool(info.flags & regex.VERBOSE)
    return _core._parse_pattern(source, info)


def _parsed_required(pattern: str, flags: int, classes: bool = False) -> frozenset[str] | None:
    try:
        return _required(_tree(pattern, flags), classes) or None
    except Exception:  # noqa: BLE001 - the parser is private: anything it does means "none proved"
        return None


def _parsed_edge(pattern: str, flags: int, last: bool) -> tuple[frozenset[str], bool] | None:
    try:
        characters, beyond, _ = _edge(_tree(pattern, flags), last)
    except Exception:  # noqa: BLE001 - the parser is private: anything it does means "none proved"
        return None
    return characters, beyond


def _gate_analysis(pattern: str, flags: int) -> tuple[tuple[str, ...], str] | None:
    """The gate's literals (none if too many, or one word) and the clause marks its windows
    may end at; None for a pattern that may leave its line, or begins with a literal."""
    parts = _literals_and_marks(pattern, flags, on_line=True)
    if parts is None:
        return None
    kept, marks = parts
    if len(kept) > _MOST_LITERALS or (len(kept) == 1 and len(kept[0]) > 1):
        kept = []  # in most lines (every unit); or one word, which the regex module looks for itself
    return tuple(kept), marks


def _literals_and_marks(
    pattern: str, flags: int, on_line: bool, opening: bool = True, classes: bool = True
) -> tuple[list[str], str] | None:
    """The literals every match holds, the shortest of those that hold one another (a line holding
    营业收入 holds 收入: the shorter is enough to look for), longest first, and the clause marks
    outside them; None for a pattern that begins with a literal (the engine searches for its first
    character itself: the year lead 19|20…, whose windows cost 18.5 → 33.2 ms per 2 MB), or, with
    `on_line`, may leave its line; `opening=False` keeps a pattern that begins with a literal or a class;
    `classes=False` takes no class's characters for literals (`_required`)."""
    try:
        tree = _tree(pattern, flags)
        if (on_line and not _stays_on_line(tree)) or (opening and _starts_with_literal(tree)):
            return None
        literals = _required(tree, classes=classes) or frozenset()
        marks = _marks_outside(tree)
    except Exception:  # noqa: BLE001 - the parser is private: anything it does means "no gate"
        return None
    kept = sorted(
        (word for word in literals if not any(other != word and other in word for other in literals)),
        key=lambda word: (-len(word), word),
    )
    return kept, marks


# ------------------------------------------------------------------ the syntax tree

_ZERO_WIDTH_ON_LINE = ("StartOfLine", "EndOfLine", "Boundary")  # ^ $ under MULTILINE, \b
_ONE_CHARACTER = ("Character", "Property", "SetUnion", "SetInter", "SetDiff", "SetSymDiff", "Range")
_WRAPPERS = ("Group", "Atomic", "LookAround", "GreedyRepeat", "LazyRepeat", "PossessiveRepeat")

try:  # the property value `\d` parses to (digits in any script: `_edge`)
    _DIGIT_VALUE = _tree(r"\d", 0).items[0].value
except Exception:  # noqa: BLE001 - without the private parser nothing is proved anyway
    _DIGIT_VALUE = None


def _stays_on_line(node: _Node) -> bool:
    """No part of the node (lookarounds included) can match a line break or see past one.
    Node kinds are compared by exact class: a subclass (StartOfLineU…) means something else."""
    return _matches_none(node, (_NEWLINE,))


def _matches_none(node: _Node, codes: tuple[int, ...]) -> bool:
    """No part of the node (lookarounds included) can match one of the characters (code points)."""
    kind = type(node).__name__
    if kind == "Sequence":
        return all(_matches_none(item, codes) for item in node.items)
    if kind == "Branch":
        return all(_matches_none(branch, codes) for branch in node.branches)
    if kind in _WRAPPERS:
        return _matches_none(node.subpattern, codes)
    if kind in _ONE_CHARACTER:
        return not any(node.matches(code) for code in codes)
    if kind == "Any":  # `.` without DOTALL: every character but the line break
        return all(code == _NEWLINE for code in codes)
    return kind in _ZERO_WIDTH_ON_LINE


# Marks that end a clause. A pattern that can match none of some of them (a number and its unit,
# a date) finds the same matches scanning only the clauses between them that hold its literals:
# a window a fifth of its line's length, where the scan's attempts at each number cost the most.
# The folded view's commas are ASCII: `,` is in numbers (1,083.8), so it is no mark of a pattern with `{num}`.
CLAUSE_MARKS = "，,。;；!！?？、:：()（）“”"


def _marks_outside(node: _Node) -> str:
    """The clause marks that no part of the node (lookarounds included) can match; none if the
    node holds an anchor (^, $, \\b), which a mark at a window's edge would answer otherwise.
    The ASCII comma is a mark where a Han character follows it, if the node matches it only as a
    literal followed by what cannot begin with one (`{digits}`' ,\\d{3}), or not at all."""
    consuming: list[_Node] = []
    if not _consuming_nodes(node, consuming):
        return ""
    marks = "".join(mark for mark in CLAUSE_MARKS if mark != "," and not any(item.matches(ord(mark)) for item in consuming))
    return marks + "," if _commas_before_non_han(node) else marks


def _commas_before_non_han(node: _Node) -> bool:
    """Every part of the node that can match a comma is the literal `,`, followed in its
    sequence by a part that cannot begin with a Han character."""
    kind = type(node).__name__
    if kind == "Sequence":
        for item, following in zip(node.items, [*node.items[1:], None]):
            if _literal(item) == ",":
                if following is None or not _begins_outside_han(following):
                    return False
            elif not _commas_before_non_han(item):
                return False
        return True
    if kind == "Branch":
        return all(_commas_before_non_han(branch) for branch in node.branches)
    if kind in _WRAPPERS:
        return _commas_before_non_han(node.subpattern)
    return not node.matches(ord(","))  # one character (the analysis knows no other node by now)


def _begins_outside_han(node: _Node) -> bool:
    """No match of the node begins with a CJK Unified Ideograph (a digit, a run of them)."""
    kind = type(node).__name__
    if kind in _ONE_CHARACTER:
        return not any(node.matches(code) for code in range(0x4E00, 0xA000))
    if kind in ("Group", "Atomic"):
        return _begins_outside_han(node.subpattern)
    if kind in ("GreedyRepeat", "LazyRepeat", "PossessiveRepeat"):
        return node.min_count >= 1 and _begins_outside_han(node.subpattern)
    if kind == "Sequence":
        return bool(node.items) and _begins_outside_han(node.items[0])
    return False


def _consuming_nodes(node: _Node, found: list[_Node]) -> bool:
    """Collect the nodes that match a character; False if an anchor, `.` or a node it does not know is among them."""
    kind = type(node).__name__
    if kind == "Sequence":
        return all(_consuming_nodes(item, found) for item in node.items)
    if kind == "Branch":
        return all(_consuming_nodes(branch, found) for branch in node.branches)
    if kind in _WRAPPERS:
        return _consuming_nodes(node.subpattern, found)
    if kind in _ONE_CHARACTER:
        found.append(node)
        return True
    return False  # `.` (Any) matches every mark


def _starts_with_literal(node: _Node) -> bool:
    """Every match begins with a literal character or one of a class of them (after
    lookarounds): the regex module finds the places to try by searching for those characters
    itself, as fast as a gate's search would, so the gate's windows are pure cost (上…, 前…,
    第…|首…, [“"‘]…: 1.4-10x the whole-text scan)."""
    return _begins_with_literal(node) is True


# Nodes that match no character (an anchor, a lookaround, \b): a match's first or last character is
# taken by the nodes beside them. (Written twice until now; the second, without \b, was the one read.)
_ZERO_WIDTH = ("LookAround", "StartOfString", "EndOfString", "EndOfStringLine", *_ZERO_WIDTH_ON_LINE)


def _begins_with_literal(node: _Node) -> bool | None:
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


def _alone(node: _Node) -> _Node:
    """The node a sequence or group of one item stands for (the parser wraps a branch's one item so)."""
    while True:
        kind = type(node).__name__
        if kind == "Sequence" and len(node.items) == 1:
            node = node.items[0]
        elif kind == "Group":
            node = node.subpattern
        else:
            return node


def _min_length(node: _Node) -> int:
    """The fewest characters a match of the node takes (0 for a node the analysis does not know)."""
    kind = type(node).__name__
    if kind in _ONE_CHARACTER or kind == "Any":
        return 1
    if kind == "Sequence":
        return sum(_min_length(item) for item in node.items)
    if kind == "Branch":
        return min(_min_length(branch) for branch in node.branches)
    if kind in ("Group", "Atomic"):
        return _min_length(node.subpattern)
    if kind in ("GreedyRepeat", "LazyRepeat", "PossessiveRepeat"):
        return node.min_count * _min_length(node.subpattern)
    return 0  # zero-width, or unknown


def _literal(node: _Node) -> str | None:
    if type(node).__name__ == "Character" and node.positive and not node.case_flags & regex.IGNORECASE:
        return chr(node.value)
    return None


def _characters(node: _Node) -> frozenset[str] | None:
    """The characters of a class of literal ones ([:：]), else None."""
    if type(node).__name__ == "SetUnion" and node.positive and not node.zerowidth and not node.case_flags & regex.IGNORECASE:
        characters = [_literal(item) for item in node.items]
        if all(character is not None for character in characters):
            return frozenset(character for character in characters if character is not None)
    return None


def _required(node: _Node, classes: bool = False) -> frozenset[str] | None:
    """Literals one of which every match of the node contains (or, in a lookaround, sees).
    With `classes`, a class of literal characters counts as its characters: a gate's lines
    hold one of them (a ratio needs : or ：). Not for `required_literals`, whose users test
    the literals before each search: single characters are in most of their subjects."""
    kind = type(node).__name__
    literal = _literal(node)
    if literal is not None:
        return frozenset([literal])
    characters = _characters(node) if classes else None
    if characters is not None:
        return characters
    if kind == "Sequence":
        return _best(_sequence_options(node.items, classes))
    if kind == "Branch":
        each = [_required(branch, classes) for branch in node.branches]
        proved = [literals for literals in each if literals is not None]
        return frozenset().union(*proved) if len(proved) == len(each) else None
    if kind in ("Group", "Atomic"):
        return _required(node.subpattern, classes)
    if kind in ("GreedyRepeat", "LazyRepeat", "PossessiveRepeat"):
        return _required(node.subpattern, classes) if node.min_count >= 1 else None
    if kind == "LookAround":
        return _required(node.subpattern, classes) if node.positive else None
    return None


class _NotProved(Exception):
    """A node `_edge` does not read."""


def _edge(node: _Node, last: bool) -> tuple[frozenset[str], bool, bool]:
    """(the characters a match of the node can start with, or with `last` end with; whether also
    any character outside U+4E00-U+9FFF; whether the node can match nothing). Raises `_NotProved`
    for a node it does not read."""
    kind = type(node).__name__
    character = _literal(node)
    if character is not None:
        return frozenset(character), False, False
    if kind == "Property" and node.positive and not node.zerowidth and node.value == _DIGIT_VALUE:
        return frozenset(), True, False  # \d: no CJK ideograph is a digit
    if kind == "Range" and node.positive and not node.case_flags & regex.IGNORECASE and node.upper - node.lower < 256:
        return frozenset(map(chr, range(node.lower, node.upper + 1))), False, False
    if kind == "SetUnion" and node.positive and not node.zerowidth and not node.case_flags & regex.IGNORECASE:
        members = [_edge(item, last) for item in node.items]
        if any(empty for _, _, empty in members):
            raise _NotProved(kind)
        return frozenset().union(*(chars for chars, _, _ in members)), any(beyond for _, beyond, _ in members), False
    if kind == "Sequence":
        found: set[str] = set()
        beyond = False
        for item in reversed(node.items) if last else node.items:
            characters, outside, empty = _edge(item, last)
            found |= characters
            beyond |= outside
            if not empty:
                return frozenset(found), beyond, False
        return frozenset(found), beyond, True
    if kind == "Branch":
        each = [_edge(branch, last) for branch in node.branches]
        return (
            frozenset().union(*(chars for chars, _, _ in each)),
            any(beyond for _, beyond, _ in each),
            any(empty for _, _, empty in each),
        )
    if kind in ("Group", "Atomic"):
        return _edge(node.subpattern, last)
    if kind in ("GreedyRepeat", "LazyRepeat", "PossessiveRepeat"):
        characters, beyond, empty = _edge(node.subpattern, last)
        return characters, beyond, empty or node.min_count == 0
    if kind in _ZERO_WIDTH:
        return frozenset(), False, True
    raise _NotProved(kind)


def _sequence_options(items: list[_Node], classes: bool) -> list[frozenset[str]]:
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
