"""Sentences and paragraphs of the normalized text, as character ranges.

A sentence ends at 。！？!? (closing quotes stay with it) or at a line break, and
is at most `MAX_SENTENCE` characters; a paragraph is one line. Components share these so that "the sentence of a
claim" means the same thing everywhere.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

import regex

_SENTENCE = regex.compile(r"[^。！？!?\n]*(?:[。！？!?]+[”’」』）)]*|\n|$)")
# A "sentence" longer than this (a dump without punctuation) is cut at its last clause mark
# before the limit, else at the limit: every stage's work per sentence stays bounded.
MAX_SENTENCE = 1000
_CLAUSE_MARK = regex.compile(r"[，；,;、：:\s]")


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


@dataclass(frozen=True)
class TextUnits:
    text: str

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        spans = []
        for match in _SENTENCE.finditer(self.text):
            start, end = match.span()
            if end > start and self.text[start:end].strip():
                spans.extend(_bounded(start, end, self.text))
        return spans

    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        spans, start = [], 0
        for line in self.text.split("\n"):
            end = start + len(line)
            if line.strip():
                spans.append((start, end))
            start = end + 1
        return spans

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [start for start, _ in self.sentences]

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [start for start, _ in self.paragraphs]

    def sentence_at(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self._sentence_starts, offset) - 1
        return self.sentences[max(index, 0)] if self.sentences else (0, len(self.text))

    def paragraph_at(self, offset: int) -> tuple[int, int]:
        index = bisect_right(self._paragraph_starts, offset) - 1
        return self.paragraphs[max(index, 0)] if self.paragraphs else (0, len(self.text))
