"""Reading input: bytes → source text, and the normalized view the pipeline analyses.

Two texts exist for every document. `SourceText.text` is the document as the user has
it (decoded, nothing else: a CRLF stays two characters), and every offset we output
indexes it. `AnalysisText.text` is what the components see: full-width forms folded,
line ends unified, words split by page layout joined again. `AnalysisText.to_source`
maps a span of the second back to the first.

Choices this module makes (SPEC §3 leaves them to us):

* Folding is one character for one character: U+FF01–FF5E become ASCII (５４００ → 5400,
  ３．３２％ → 3.32%), except the marks of Chinese prose ，：；（）！？, which rules
  are written with and which number parsing must not confuse with ASCII: a folded
  ``，`` would turn ``3，5家`` into ``3,5家`` (a thousands separator). U+3000, NBSP
  and the other Unicode spaces become a space. CRLF and a lone CR become LF.
* Layout repair deletes a line break (with the blank lines around it) when the line
  before stops without punctuation and the text goes on: a word that jieba's
  dictionary puts across the break (制造\n\n业 → 制造业), or, between two lines of
  prose, a long line with commas, a number, or a function word at the break.
  Headings, list items, table cells and other short label lines are never joined.
* Caption and credit lines (▲ …, ■ 张三 摄, 图为…, 记者 …, 责任编辑：…) and short
  unpunctuated lines (a photo title such as 城区风光) that sit inside such a broken
  sentence are deleted with the break, so they never keep its halves apart. Elsewhere
  they stay as they are: a line of their own is already a paragraph and a sentence of
  its own (text_units), and a caption may state a figure that counts as a claim.
* The captions, heading and list markers and function words it reads are the family
  `layout` (rules/layout.yaml, `LayoutRule`); the line lengths are constants here.
* Nothing is inserted, so every normalized character has an original one; `joins`
  says where text was deleted.
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

import regex
from charset_normalizer import from_bytes
from pydantic import Field, model_validator

from ._jieba import jieba
from .errors import DecodeError, InputError, NotTextError
from .rule_files import RuleBase, RulePattern, RuleSet, compile_pattern, load_rules
from .sections import DATE_LINE, is_credit_line
from .text_units import KEEP_GIL

# ---------------------------------------------------------------------------
# bytes → text

_BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# charset-normalizer names the GB family in several ways; gb18030 is their superset.
_GB_FAMILY = {"gb18030", "gbk", "gb2312", "hz", "cp936", "euc_cn"}
_CONTROL = regex.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # Cc, less \t \n \v \f \r
_MAX_CONTROL_SHARE = 0.05


@dataclass(frozen=True)
class SourceText:
    """The decoded document, exactly: the text every output offset indexes."""

    text: str
    encoding: str
    source: str | None = None


def read_bytes(data: bytes, source: str | None = None) -> SourceText:
    """Decode a document: a BOM if any, else strict UTF-8, else charset-normalizer.

    Among the encodings charset-normalizer finds plausible, the GB family wins (as
    gb18030): short GBK texts are equally valid Big5 or CP949, and our texts are
    mainland Chinese.
    """
    name = source or "<bytes>"
    if not data:
        return SourceText("", "utf-8", source)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(_decode(data, encoding, name), encoding, source, name)
    if b"\x00" in data:
        raise NotTextError(f"{name}: binary data (NUL bytes), not text")
    try:
        return _checked(data.decode("utf-8"), "utf-8", source, name)
    except UnicodeDecodeError:
        pass
    detected = _detect(data)
    if detected is None:
        raise DecodeError(f"{name}: no text encoding explains these bytes")
    return _checked(_decode(data, detected, name), detected, source, name)


def read_path(path: str | Path) -> SourceText:
    """Read a file as a document; unreadable paths raise `InputError` naming the file."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror or error})") from None
    return read_bytes(data, str(path))


def _detect(data: bytes) -> str | None:
    matches = from_bytes(data)
    if any(match.encoding in _GB_FAMILY for match in matches) and _decodes(data, "gb18030"):
        return "gb18030"
    best = matches.best()
    return None if best is None else best.encoding


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _decode(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise DecodeError(f"{name}: not valid {encoding}") from None


def _checked(text: str, encoding: str, source: str | None, name: str) -> SourceText:
    if "\x00" in text or len(_CONTROL.findall(text)) > _MAX_CONTROL_SHARE * len(text):
        raise NotTextError(f"{name}: binary data (control characters), not text")
    return SourceText(text, encoding, source)


# ---------------------------------------------------------------------------
# offset maps

@dataclass(frozen=True)
class _Deletions:
    """Maps a text to the text left after deleting some ranges of it, and back.

    The output is a sequence of *runs*, each a verbatim copy of an input range. A
    deleted range is either *free* (a joined line break: part of a span only when it
    lies inside it) or *attached* to the character after it (the CR of a CRLF belongs
    to its LF: a span starting at that LF starts at the CR).
    """

    out_starts: list[int]
    in_starts: list[int]
    ext_starts: list[int]  # in_starts, moved back over an attached deletion
    out_len: int

    @classmethod
    def build(cls, text: str, deletions: list[tuple[int, int, bool]]) -> tuple[str, _Deletions]:
        """Apply sorted, non-overlapping, non-adjacent (start, end, attached) deletions."""
        pieces: list[str] = []
        out_starts: list[int] = []
        in_starts: list[int] = []
        ext_starts: list[int] = []
        out = cursor = ext = 0
        for start, end, attached in [*deletions, (len(text), len(text), False)]:
            piece = text[cursor:start]
            if piece or (not out_starts and start == len(text)):
                pieces.append(piece)
                out_starts.append(out)
                in_starts.append(cursor)
                ext_starts.append(ext)
                out += len(piece)
            cursor, ext = end, start if attached else end
        return "".join(pieces), cls(out_starts, in_starts, ext_starts, out)

    def to_input(self, start: int, end: int) -> tuple[int, int]:
        run = bisect_right(self.out_starts, start) - 1
        offset = self.in_starts[run] + start - self.out_starts[run]
        if end <= start:
            return offset, offset
        if start == self.out_starts[run]:
            offset = self.ext_starts[run]
        last = bisect_right(self.out_starts, end - 1) - 1
        return offset, self.in_starts[last] + end - self.out_starts[last]

    def to_output(self, offset: int) -> int:
        run = bisect_right(self.in_starts, offset) - 1
        if run < 0:
            return 0
        run_end = self.out_starts[run + 1] if run + 1 < len(self.out_starts) else self.out_len
        return min(self.out_starts[run] + offset - self.in_starts[run], run_end)


@dataclass(frozen=True)
class AnalysisText:
    """The normalized text the components analyse, with the map back to the original.

    `to_source(start, end)` of a normalized span gives the original span of the same
    characters; layout characters removed *inside* the span (a joined line break) are
    part of it, those at its edges are not. `joins` lists the normalized offsets where
    layout repair removed text (between text[i-1] and text[i]), so that a caller can
    tell a repaired span from a verbatim one.
    """

    original: str
    text: str
    _crlf: _Deletions | None = field(default=None, repr=False, compare=False)
    _layout: _Deletions | None = field(default=None, repr=False, compare=False)

    @property
    def joins(self) -> tuple[int, ...]:
        return tuple(self._layout.out_starts[1:]) if self._layout else ()

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span ({start}, {end}) outside the text of {len(self.text)} chars")
        for mapping in (self._layout, self._crlf):
            if mapping is not None:
                start, end = mapping.to_input(start, end)
        return start, end

    def to_normalized(self, offset: int) -> int:
        """The normalized offset of an original one (the next kept character if it was removed)."""
        for mapping in (self._crlf, self._layout):
            if mapping is not None:
                offset = mapping.to_output(offset)
        return offset


# ---------------------------------------------------------------------------
# normalization

_KEEP_FULL_WIDTH = "，：；（）！？"
_FOLD: dict[int, str] = {  # one character for one: offsets do not move
    code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F) if chr(code) not in _KEEP_FULL_WIDTH
}
_SPACES = [0x00A0, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000]  # NBSP, EN QUAD…, the ideographic space
_FOLD.update(dict.fromkeys(_SPACES, " "))
_FOLD[ord("\r")] = "\n"  # a lone CR; the CR of a CRLF is deleted before folding matters
# stdlib re: its search for a class of literal characters is ten times the `regex` module's speed
_NEEDS_FOLD = re.compile("[" + re.escape("".join(chr(c) for c in _FOLD)) + "]")

_SPACE = " \t\u3000"
# A line that may continue on a later line: it ends in a CJK character, a digit or a
# letter (no punctuation), possibly followed by spaces.
_OPEN_END = regex.compile(r"[\p{Han}0-9A-Za-z]")


class _OpenEnds(dict[str, bool]):
    """Whether a line ending in a character is open (_OPEN_END), by character: lines end in
    a few hundred distinct characters, and a dict answers faster than a `regex` call."""

    def __missing__(self, character: str) -> bool:
        self[character] = is_open = _OPEN_END.fullmatch(character) is not None
        return is_open


_ENDS_OPEN = _OpenEnds()
_CONTINUATION_START = regex.compile(r"[\p{Han}0-9]")
_PROSE_PUNCT = re.compile(r"[，；,;]")  # not ： (单位：亿元) nor 、 (交通运输、仓储业): labels have them
_FINAL_PUNCT = re.compile(r"[。！？!?]")
_PROSE_LINE = 25  # a longer line with a comma is prose, not a heading: open at its end = cut
_SHORT_LINE = 15  # a line this short without prose punctuation is a heading or a table cell
_HAN_PAIR = regex.compile(r"\p{Han}{2}")
# A short line still joins on a word (累计培育制造|业) when it is not a table label:
# those are shorter, or spaced out (甜  菜).
_LONG_LABEL = re.compile(r"[^ \t\u3000]{6,}")
_MAX_SKIPPED_LINES = 4
_FIGURE_LINE = re.compile(r"[-+]?\d+(?:\.\d+)?")  # a line that is one bare figure: a table cell
_WORD_WINDOW = 4  # characters on each side of a break that jieba looks at

# ---------------------------------------------------------------------------
# the family `layout` (rules/layout.yaml): the words and marks layout repair reads

FAMILY = "layout"
_PATTERN_ROLES = ("caption", "heading", "paragraph_start")
# Where a role's pattern is matched: at the start of a line, after its spaces; a caption also
# after a bullet (■ 图为…).
_TEMPLATES = {
    "caption": "[ \t\u3000]*(?:[■□●][ \t\u3000]*)?(?:%s)",
    "heading": "[ \t\u3000]*(?:%s)",
    "paragraph_start": "[ \t\u3000]*(?:%s)",
}


class LayoutRule(RuleBase):
    """What tells a line break made by layout from one the text means.

    role: ``caption`` (a photo caption or credit line: ▲ …, 图为…, ■ 张三 摄, 责任编辑：…;
    deleted with the break when it sits inside a broken sentence), ``heading`` (a heading or
    list marker: 一、, （一）, 1., 表3, ●; such a line is never joined to the next, nor the
    next to it), ``paragraph_start`` (a line that opens so starts a paragraph: 2025年, 3月17日;
    only a word across the break joins it to the line before), each with a `pattern` matched
    at the start of a line; ``joins_next`` (a line of prose ending in one of `words` goes on
    on the next line: 的, 和, 将) and ``joins_previous`` (a line of prose starting with one
    of `words` continues the line before: 的, 了, 等).
    """

    role: Literal["caption", "heading", "paragraph_start", "joins_next", "joins_previous"]
    pattern: str | None = None
    words: tuple[Annotated[str, Field(min_length=1)], ...] = ()

    @model_validator(mode="after")
    def _fields_fit_role(self) -> LayoutRule:
        if self.role in _PATTERN_ROLES:
            if self.pattern is None or self.words:
                raise ValueError(f"role {self.role!r} takes a `pattern` and no `words`")
        elif self.pattern is not None or not self.words:
            raise ValueError(f"role {self.role!r} takes `words` and no `pattern`")
        return self


@dataclass(frozen=True)
class _LayoutCues:
    """The layout rules of one RuleSet, compiled: one pattern per role, the words as tuples
    (`str.endswith` takes a tuple)."""

    caption: RulePattern | regex.Pattern[str]
    heading: RulePattern | regex.Pattern[str]
    paragraph_start: RulePattern | regex.Pattern[str]
    joins_next: tuple[str, ...]
    joins_previous: tuple[str, ...]


def _layout_rules(ruleset: RuleSet) -> list[LayoutRule]:
    return [rule for rule in ruleset[FAMILY] if isinstance(rule, LayoutRule)]


def _compiled(ruleset: RuleSet, rules: list[LayoutRule], role: str) -> RulePattern | regex.Pattern[str]:
    """The patterns of a role's rules as one alternation, with a time limit if any is a user's."""
    users = [rule.id for rule in rules if not ruleset.is_builtin(FAMILY, rule.id)]
    alternation = "|".join(f"(?:{rule.pattern})" for rule in rules) or "(?!)"
    return compile_pattern(", ".join(users), _TEMPLATES[role] % alternation, limited=bool(users))


@lru_cache(maxsize=8)
def _cues(ruleset: RuleSet) -> _LayoutCues:
    by_role: dict[str, list[LayoutRule]] = {}
    for rule in _layout_rules(ruleset):
        by_role.setdefault(rule.role, []).append(rule)

    def words(role: str) -> tuple[str, ...]:
        return tuple(word for rule in by_role.get(role, []) for word in rule.words)

    caption, heading, paragraph_start = (_compiled(ruleset, by_role.get(role, []), role) for role in _PATTERN_ROLES)
    return _LayoutCues(caption, heading, paragraph_start, words("joins_next"), words("joins_previous"))


def is_caption(line: str, rules: RuleSet) -> bool:
    """A photo caption or a credit line (▲ …, 图为…, ■ 记者 … 摄, 本版图片由…提供, 责任编辑：…)."""
    return bool(_cues(rules).caption.match(line))


def probe(text: str, ruleset: RuleSet) -> set[str]:
    """Ids of the layout rules that fire on some line of `text` (for the rule-examples test)."""
    fired = set()
    lines = [line.strip(_SPACE) for line in text.split("\n")]
    for rule in _layout_rules(ruleset):
        if rule.pattern is not None:
            limited = not ruleset.is_builtin(FAMILY, rule.id)
            pattern = compile_pattern(rule.id, _TEMPLATES[rule.role] % rule.pattern, limited=limited)
            hit = any(pattern.match(line) for line in lines)
        elif rule.role == "joins_next":
            hit = any(line.endswith(rule.words) for line in lines)
        else:
            hit = any(line.startswith(rule.words) for line in lines)
        if hit:
            fired.add(rule.id)
    return fired


def prepare(original: str, rules: RuleSet | None = None) -> AnalysisText:
    """The normalized view of a document, with its map back to the original; layout repair
    reads the family `layout` of `rules` (by default ours).

    Linear in the text: folding is one substitution, and only line ends that leave
    a sentence open (found in one walk over the lines) are examined further.
    """
    text, crlf, layout = original, None, None
    if "\r\n" in text:
        crs = [(m.start(), m.start() + 1, True) for m in regex.finditer("\r\n", text)]
        text, crlf = _Deletions.build(text, crs)
    text = _NEEDS_FOLD.sub(_folded, text)
    joins = _layout_joins(text, _cues(rules if rules is not None else load_rules()))
    if joins:
        text, layout = _Deletions.build(text, joins)
    return AnalysisText(original, text, crlf, layout)


def _folded(character: re.Match[str]) -> str:
    """A character that folds, folded: substituting only those is ten times as fast as
    `str.translate`, which looks every character of the text up in its table."""
    return _FOLD[ord(character[0])]


def _layout_joins(text: str, cues: _LayoutCues) -> list[tuple[int, int, bool]]:
    """The ranges to delete to join lines broken by layout (text has LF line ends only)."""
    joins: list[tuple[int, int, bool]] = []
    for line, line_end in _open_lines(text):
        if joins and line_end <= joins[-1][1]:
            continue  # inside a range already deleted
        if (  # the caption alternation last: it costs most, and seldom fires
            cues.heading.match(line)
            or (_is_short(line) and not _LONG_LABEL.fullmatch(line))  # a table cell
            or DATE_LINE.fullmatch(line, None, None, KEEP_GIL)  # the date a text was issued is a whole line (…日|经初步核算)
            or is_credit_line(line, (0, len(line)))  # so is a page's source or date line
            or cues.caption.match(line)
        ):
            continue
        join = _continuation(text, line, line_end, cues)
        if join is not None:
            joins.append((line_end, join, False))
    return joins


def _open_lines(text: str) -> Iterator[tuple[str, int]]:
    """Each line followed by a line break that leaves it open (_OPEN_END), stripped, with the
    offset just after its last character: a walk over the lines, which `str.split` finds
    faster than a regex scan of every character does."""
    start = 0
    for line in text.split("\n")[:-1]:  # the last piece has no line break after it
        content = line.rstrip(_SPACE)
        if content and _ENDS_OPEN[content[-1]]:
            yield content.lstrip(_SPACE), start + len(content)
        start += len(line) + 1


def _continuation(text: str, line: str, line_end: int, cues: _LayoutCues) -> int | None:
    """Where the text continuing `line` starts, if the line break after it is layout.

    Blank lines, captions and short unpunctuated lines between the two halves are
    skipped (and so deleted with the break).
    """
    position = text.index("\n", line_end) + 1
    after_caption, skipped, figures = False, 0, 0
    while skipped <= _MAX_SKIPPED_LINES:
        next_end = text.find("\n", position)
        next_end = len(text) if next_end < 0 else next_end
        candidate = text[position:next_end]
        stripped = candidate.strip(_SPACE)
        if stripped and is_credit_line(stripped, (0, len(stripped))):
            return None  # a page's source or date line (2026-04-18　来源：…) goes on with no sentence
        if stripped:
            # a short line after skipped short lines is one more cell of a run (a table's header
            # cells under its title: 产量|…|比上年增长%), not the rest of the sentence
            if not (skipped and _is_short(stripped)) and _continues(line, stripped, after_caption, cues):
                return position + len(candidate) - len(candidate.lstrip(_SPACE))
            is_caption = cues.caption.match(stripped) is not None
            if not (is_caption or _is_short(stripped)):
                return None
            if _FIGURE_LINE.fullmatch(stripped):
                # a page number may fall into a sentence; two bare figures are a table row's cells
                # (…配套青贮池1200立方米|420|156|683|2|next project): the line before was a cell too
                figures += 1
                if figures > 1:
                    return None
            after_caption = after_caption or is_caption
            skipped += 1
        if next_end == len(text):
            return None
        position = next_end + 1
    return None


def _is_short(line: str) -> bool:
    """A heading, a table cell or a photo title rather than a line of prose."""
    return len(line) <= _SHORT_LINE and not (
        _PROSE_PUNCT.search(line) or _FINAL_PUNCT.search(line)
    )


def _continues(line: str, head: str, after_caption: bool, cues: _LayoutCues) -> bool:
    """Does `head` (a stripped line) go on with the sentence that `line` leaves open?

    A word that jieba's dictionary puts across the break is enough (制造|业). The other
    signs count only between two lines of prose, not when either is a short label such
    as a table cell or a photo title: a long line of prose that stops without
    punctuation, a caption dropped into the sentence, a function word or a number at
    the break.
    """
    if not _CONTINUATION_START.match(head, None, None, KEEP_GIL) or cues.heading.match(head) or cues.caption.match(head):
        return False
    if not _is_short(line) and not _is_short(head):
        if len(line) > _PROSE_LINE and _PROSE_PUNCT.search(line):
            return True
        if not cues.paragraph_start.match(head) and (
            after_caption
            or line.endswith(cues.joins_next)
            or head.startswith(cues.joins_previous)
            or line[-1].isdigit()  # 增加值35.8|亿元, 54|00亿元
            or head[0].isdigit()  # 总产值|5400亿元: a quantity without its metric opens no line
        ):
            return True
    return (
        _HAN_PAIR.match(line[-1] + head[0], None, None, KEEP_GIL) is not None
        and (not _is_short(line) or _LONG_LABEL.fullmatch(line) is not None)
        and _word_spans(line[-_WORD_WINDOW:], head[:_WORD_WINDOW])
    )


def _word_spans(left: str, right: str) -> bool:
    """Does jieba's dictionary put one word across the end of `left` and start of `right`?"""
    text = left + right
    if _HAN_PAIR.match(text, len(left) - 1, None, KEEP_GIL) and not _dictionary_word_across(text, len(left)):
        return False  # most breaks: no segmentation is needed to tell
    position = 0
    for word in jieba.lcut(text, HMM=False):
        if position < len(left) < position + len(word):
            return True
        position += len(word)
    return False


def _dictionary_word_across(text: str, offset: int) -> bool:
    """Whether a word of jieba's dictionary stands in `text` across `offset`.

    Between two Chinese characters, jieba (without HMM) puts a word across `offset` only
    when its dictionary has one there: its other words are single characters and runs of
    ASCII letters and digits. Its table holds every prefix of its words (frequency 0), so
    the walk from each start stops at the first string no word begins with.
    """
    segmenter = jieba.dt
    segmenter.check_initialized()
    frequencies = segmenter.FREQ
    for start in range(offset):
        for end in range(offset + 1, len(text) + 1):
            frequency = frequencies.get(text[start:end])
            if frequency is None:
                break
            if frequency:
                return True
    return False
