"""Sentences and paragraphs of the normalized text, as character ranges.

A sentence ends at 。！？!? (closing quotes stay with it) or at a line break, and
is at most `MAX_SENTENCE` characters; a paragraph is one line. Components share these so that "the sentence of a
claim" means the same thing everywhere. `Occupied` keeps the spans a stage has taken.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache

import regex

# `regex` for \p{Han}: stdlib `re` has no such class, and one spelled out as ranges (some beyond
# the BMP) is tested range by range, ten times slower than `regex` over text without Han.
HAN = regex.compile(r"\p{Han}")  # one Chinese character; shared by the stages
# A `regex` call hands the GIL off and back (about a thousand instructions, more than many of
# our searches) unless told `concurrent=False`; as a keyword that costs as much as it saves, so
# hot calls pass it by position: search, match and fullmatch(string, pos, endpos, KEEP_GIL),
# finditer(string, pos, endpos, False, KEEP_GIL), sub(repl, string, count, pos, endpos, KEEP_GIL).
# The pipeline runs one thread per process: no other thread waits for the GIL.
KEEP_GIL = False
# Classes of literal characters are on stdlib `re`, which scans for them faster than `regex`.
_SENTENCE = re.compile(r"[^。！？!?\n]*(?:[。！？!?]+[”’」』）)]*|\n|$)")
# A "sentence" longer than this (a dump without punctuation) is cut at its last clause mark
# before the limit, else at the limit: every stage's work per sentence stays bounded.
MAX_SENTENCE = 1000
_CLAUSE_MARK = regex.compile(r"[，；,;、：:\s]")  # `regex`: re's \s has \x1c-\x1f too
CLAUSE_END = "，,；;：:。！？!?\n"  # a clause ends at one of these or at its sentence's ends
_CLAUSE_END_MARK = re.compile("[" + re.escape(CLAUSE_END) + "]")
# an ASCII comma between a digit and three more (1,326家, 30,246元) separates thousands, not clauses; looked
# for from its literal comma, in the texts that hold one (a charset scan with this alternation in it cost 2.5×)
_THOUSANDS_COMMA = re.compile(r",(?<=\d,)(?=\d{3}(?!\d))")


def _bounded(start: int, end: int, text: str) -> list[tuple[int, int]]:
    pieces = []
    while end - start > MAX_SENTENCE:
        window = text[start : start + MAX_SENTENCE]
        marks = [m.end() for m in _CLAUSE_MARK.finditer(window)]
        cut = start + (marks[-1] if marks and marks[-1] > MAX_SENTENCE // 2 else MAX_SENTENCE)
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


@lru_cache(maxsize=8)
def _sentences(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in _SENTENCE.finditer(text):
        start, end = match.span()
        if end > start and not text[start:end].isspace():
            if end - start > MAX_SENTENCE:
                spans.extend(_bounded(start, end, text))
            else:
                spans.append((start, end))
    return spans


@lru_cache(maxsize=8)
def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            spans.append((start, end))
        start = end + 1
    return spans


@dataclass(frozen=True)
class TextUnits:
    """The sentences and paragraphs of one text. Times, entities and claims each make one for
    the same text: the splits are kept per text (the last few), so the first stage that asks
    splits it and the others share its lists (read-only)."""

    text: str

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        return _sentences(self.text)

    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        return _paragraphs(self.text)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [start for start, _ in self.sentences]

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [start for start, _ in self.paragraphs]

    def sentences_between(self, start: int, end: int) -> list[tuple[int, int]]:
        """The sentences that start in [start, end), in order."""
        low = bisect_left(self._sentence_starts, start)
        return self.sentences[low : bisect_left(self._sentence_starts, end, low)]

    def sentence_at(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self._sentence_starts, offset) - 1
        return self.sentences[max(index, 0)] if self.sentences else (0, len(self.text))

    def paragraph_index(self, offset: int) -> int:
        """The position in `paragraphs` of `paragraph_at(offset)` (0 when there is none)."""
        return max(bisect_right(self._paragraph_starts, offset) - 1, 0)

    def paragraph_at(self, offset: int) -> tuple[int, int]:
        return self.paragraphs[self.paragraph_index(offset)] if self.paragraphs else (0, len(self.text))


_BRACKETED_NOTE = re.compile(r"[（(][^（）()。\n]*[，,；;][^（）()。\n]*[）)]")


@lru_cache(maxsize=8)
def _clause_ends(text: str) -> list[int]:
    """The offsets of the clause marks (CLAUSE_END) of a text, for bisection: listed once per text.
    A comma inside a note in brackets (性别比（以女性为100，男性对女性的比例）为106.48) ends no clause."""
    marks = [match.start() for match in _CLAUSE_END_MARK.finditer(text)]
    if "," in text:
        separators = {match.start() for match in _THOUSANDS_COMMA.finditer(text)}
        if separators:
            marks = [mark for mark in marks if mark not in separators]
    if "（" not in text and "(" not in text:
        return marks
    inside = {
        mark
        for note in _BRACKETED_NOTE.finditer(text)
        for mark in range(note.start(), note.end())
        if text[mark] in "，,；;"
    }
    return [mark for mark in marks if mark not in inside] if inside else marks


def clause_start(text: str, offset: int) -> int:
    """Where the clause that holds `offset` starts, sentences aside: right after the last
    clause mark before `offset`, else at the start of the text."""
    marks = _clause_ends(text)
    before = bisect_left(marks, offset)  # the marks before `offset`
    return marks[before - 1] + 1 if before else 0


def clause_at(text: str, sentence: tuple[int, int], offset: int) -> tuple[int, int]:
    """The clause of `sentence` that holds `offset`: between the clause marks around it
    (CLAUSE_END) or the sentence's ends."""
    marks = _clause_ends(text)
    after = bisect_left(marks, offset)  # the first mark at or after `offset`; those before it precede it
    start, end = offset, offset
    if offset > sentence[0]:
        start = max(sentence[0], marks[after - 1] + 1 if after else 0)  # as `clause_start`, searched once
    if offset < sentence[1]:
        end = min(sentence[1], marks[after]) if after < len(marks) else sentence[1]
    return start, end


class Occupied:
    """Disjoint character intervals, sorted, for overlap tests in log time (a 5 MB
    line holds tens of thousands of quantities and time phrases)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(spans):
            if self.ends and start < self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)
            else:
                self.starts.append(start)
                self.ends.append(end)

    def overlaps(self, start: int, end: int) -> bool:
        """Only the interval starting last before `end` can reach past `start`."""
        index = bisect_left(self.starts, end)
        return index > 0 and self.ends[index - 1] > start

    def add(self, start: int, end: int) -> int:
        """Insert a free interval; return its position in order."""
        index = bisect_left(self.starts, start)
        self.starts.insert(index, start)
        self.ends.insert(index, end)
        return index
