"""Headings of a document and the sections they open.

A heading governs its section (SPEC 2.1: a heading naming a time governs it;
a heading announcing goals makes its claims targets), so time scoping and
status both need the same outline. Levels, from the top:

0. the document title (the first line, when it reads as a title);
1. a short unnumbered line followed by body text (``2021年工作回顾``);
2. ``一、``; 3. ``（一）``; 4. ``1.``; 5. ``（1）``;
6. boxes (``专栏1``) and run-in sub-headings with commas (``一年来，我们坚持…，…``).

Unnumbered chapter headings rank above ``一、`` because work reports number
their tasks inside a ``2025年工作安排`` chapter; a run-in sub-heading with
commas ranks below everything because it only introduces a few paragraphs.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import regex

from .text_units import HAN, KEEP_GIL

# The numbering of each level (first match wins), tried as one alternation: one match per
# line instead of one per level. `regex`, not `re`: their \d and \s differ beyond ASCII.
_NUMBERING = (
    (r"[一二三四五六七八九十]{1,3}\s*[、.．]", 2),
    (r"[（(][一二三四五六七八九十]{1,3}[)）]", 3),
    (r"\d{1,2}\s*[.．、﹒](?!\d)", 4),
    (r"[（(]\d{1,2}[)）]", 5),
    (r"专栏\s*\d{0,2}", 6),
)
_NUMBERED = regex.compile("|".join(f"({numbering})" for numbering, _ in _NUMBERING))
_NUMBERED_LEVELS = tuple(level for _, level in _NUMBERING)  # by the group that matched
_SENTENCE_END = re.compile(r"[。！？!?；;]")
_CLAUSE = re.compile(r"[，,]")
_COLON_END = regex.compile(r"[:：]\s*$")
_BRACKETED = re.compile(r"^[（(][^（()）]*[)）]$")
# A date of day precision alone on a line (2026年3月28日) is the date a text was issued, under
# its title and issuer; it governs no section (the title's year does: SPEC 2.1, 3).
DATE_LINE = regex.compile(
    r"(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月"
    r"\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日"
)
# A web page's source or date line under a headline (2026-11-20 07:45　来源：温州日报, 2026-04-18 alone,
# 2026年04月18日　来源：…): no body text, and no text a heading stands over; the line after it is (a
# subtitle above it still heads the text). stdlib `re` (ASCII digits only) after a test of the line's
# first character: every line is one that may follow a heading, and a `regex` match costs ten times as much
_CREDIT_LINE = re.compile(
    r"\d{4}-\d{1,2}-\d{1,2}(?:[ \t\u3000]+\d{1,2}:\d{2}|[ \t\u3000]*$)"
    r"|\d{4}(?:-\d{1,2}-\d{1,2}|年\d{1,2}月\d{1,2}日)[ \t\u3000]+(?:来源|作者|编辑|稿源)[:：]"
    r"|(?:来源|发布时间|发布日期)[:：]",
    re.ASCII,
)
_CREDIT_OPENINGS = frozenset("0123456789来发")
# A newspaper's masthead line (河南日报　2014年08月12日　第05版): the paper, the day and the page;
# no heading, so its day governs no section (the text's own times do).
_PAGE = regex.compile(r"第\s*(?:[0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})\s*版")


def is_credit_line(text: str, line: tuple[int, int]) -> bool:
    """Whether text[line[0]:line[1]] (a line, not empty) is a web page's source or date line, or a
    newspaper's masthead line (河南日报　2014年08月12日　第05版)."""
    if text[line[0]] in _CREDIT_OPENINGS and _CREDIT_LINE.match(text, line[0], line[1]) is not None:
        return True
    return (
        "版" in text[line[0] : line[1]]
        and _PAGE.search(text, line[0], line[1], KEEP_GIL) is not None
        and DATE_LINE.search(text, line[0], line[1], KEEP_GIL) is not None
    )


# An appendix's title (附：2026年1—10月部分企业主要指标, 附表2　…, 附件：…): a chapter of its own, so the
# section before it (五、全力冲刺全年目标任务) does not govern its table; its own time does. A mark
# alone on its line (附表, 附件1) has its title on the next line (2025年农机购置补贴兑付情况), which
# heads the chapter with it.
_APPENDIX = re.compile(r"附(?:[:：]|[表件]\s*(?:\d{1,2}|[:：]|$))")
_APPENDIX_MARK_ALONE = re.compile(r"附[表件]\s*\d{0,2}[:：]?")
_CHAPTER_LEVEL = 2  # 一、
_TITLE_MAX = 80
_HEADING_MAX = 40
_NUMBERED_MAX = 50
_LONGEST_HEADING = max(_HEADING_MAX, _NUMBERED_MAX)


@dataclass(frozen=True)
class Section:
    """A heading and the text it governs: up to the next heading of the same or higher level."""

    start: int
    end: int
    heading: tuple[int, int]
    level: int


_BLANK = " \t\r\u3000\ufeff"  # stripped from both ends of a line


def _lines(text: str) -> list[tuple[int, int]]:
    """Non-empty lines as (start, end) of their stripped content."""
    spans, start = [], 0
    for line in text.split("\n"):
        content = line.lstrip(_BLANK)
        if content:
            left = start + len(line) - len(content)
            spans.append((left, left + len(content.rstrip(_BLANK))))
        start += len(line) + 1
    return spans


def is_body(line: str) -> bool:
    """Text a heading can stand over: a sentence, a long line, a clause, or a numbered heading."""
    return (
        bool(_SENTENCE_END.search(line) or _CLAUSE.search(line))
        or len(line) > _HEADING_MAX
        or _numbered_level(line) is not None
    )


def _numbered_level(line: str) -> int | None:
    numbered = _NUMBERED.match(line, None, None, KEEP_GIL)
    return _NUMBERED_LEVELS[numbered.lastindex - 1] if numbered and numbered.lastindex else None


def _heading_level(line: str, following: str | None) -> int | None:
    """The level of a line that reads as a heading, else None."""
    if len(line) > _LONGEST_HEADING:  # most lines: a paragraph is longer than any heading
        return None
    if line[0] == "附" and _APPENDIX.match(line) and not _SENTENCE_END.search(line):
        return 1  # an appendix (附：…主要指标, 附表1 …) is a chapter of its own, in no section above it
    level = _numbered_level(line)
    if level is None and (line.isascii() or len(HAN.findall(line, None, None, False, KEEP_GIL)) < 2):
        return None  # most short lines, a table's cells (87.4, 6左右): the tests below need not run
    if (
        _COLON_END.search(line, None, None, KEEP_GIL)
        or _BRACKETED.match(line)
        or DATE_LINE.fullmatch(line, None, None, KEEP_GIL)
    ):
        return None
    if level is not None:
        body = _SENTENCE_END.search(line)
        if len(line) <= _NUMBERED_MAX and (body is None or body.end() == len(line)):
            return level
        return None
    if (
        len(line) > _HEADING_MAX
        or _SENTENCE_END.search(line)
        or "：" in line
        or ":" in line
        or following is None
        or not is_body(following)
    ):
        return None
    return 6 if _CLAUSE.search(line) else 1


def find_sections(text: str) -> list[Section]:
    """Every heading with its section, in document order (the title, if any, first)."""
    lines = _lines(text)
    headings: list[tuple[tuple[int, int], int]] = []
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        if (
            index == 0
            and len(line) <= _TITLE_MAX
            and not _SENTENCE_END.search(line)
            and _numbered_level(line) is None
        ):
            headings.append(((start, end), 0))
            continue
        if len(line) > _LONGEST_HEADING:  # no heading (`_heading_level`): the line after it is not read
            continue
        after = index + 1
        while after < len(lines) and is_credit_line(text, lines[after]):
            after += 1
        following = text[slice(*lines[after])] if after < len(lines) else None
        level = _heading_level(line, following)
        if level is not None:
            # an appendix's mark alone heads with its title, on the line after it
            titled = level == 1 and following is not None and _APPENDIX_MARK_ALONE.fullmatch(line) and not is_body(following)
            headings.append(((start, lines[after][1] if titled else end), level))
    sections = []
    for index, (span, level) in enumerate(headings):
        end = len(text)
        if level > 0:
            # a table set between chapters (…附表 各区县进展情况（截至12月20日） then 二、存在的问题) holds
            # its rows only: the next chapter of the text closes it, as no table holds a 一、
            closed_by = _CHAPTER_LEVEL if level == 1 and text.startswith("附表", span[0]) else level
            for later, later_level in headings[index + 1 :]:
                if later_level <= closed_by:
                    end = later[0]
                    break
        sections.append(Section(start=span[0] if level else 0, end=end, heading=span, level=level))
    return sections


class Outline:
    """Sections indexed so that the ones containing an offset are found in time proportional
    to their nesting depth, not to the number of sections: every figure asks.

    Sections nest (one ends at the next heading of its level or higher, so a later one that
    starts inside it ends inside it too): from the last section that starts at or before an
    offset, the containing ones are that section or its ancestors.
    """

    def __init__(self, sections: Iterable[Section]) -> None:
        self.sections = sorted(sections, key=lambda s: (s.start, -s.end))
        self._starts = [section.start for section in self.sections]
        self._parents: list[int | None] = []
        for index, section in enumerate(self.sections):
            parent: int | None = index - 1 if index else None
            while parent is not None and not self.sections[parent].end >= section.end:
                parent = self._parents[parent]
            self._parents.append(parent)

    def innermost(self, offset: int) -> int | None:
        """The position in `sections` of the innermost section that contains an offset, else
        None: the sections that contain it are that one and its ancestors."""
        index: int | None = bisect_right(self._starts, offset) - 1
        while index is not None and index >= 0:
            if offset < self.sections[index].end:
                return index
            index = self._parents[index]
        return None

    def enclosing(self, offset: int) -> list[Section]:
        """The sections that contain an offset, innermost first."""
        index = self.innermost(offset)
        inside = []
        while index is not None:
            inside.append(self.sections[index])
            index = self._parents[index]
        return sorted(inside, key=lambda s: (s.level, s.start), reverse=True)


@lru_cache(maxsize=8)
def outline(text: str) -> Outline:
    """The outline of a text, built once for all the stages that scope by section."""
    return Outline(find_sections(text))


def enclosing(sections: Iterable[Section], offset: int) -> list[Section]:
    """The sections that contain an offset, innermost first."""
    return Outline(sections).enclosing(offset)


def section_at(sections: list[Section], offset: int) -> Section | None:
    """The innermost section that contains an offset."""
    found = enclosing(sections, offset)
    return found[0] if found else None
