"""The clauses around a figure, and its clause masked as the ``{Q}`` rules read it.

Shared by the metric, the kind and the provision filter: the clause that holds a figure, the
clauses before it, and the clause with the figure as `SELF` and the other figures as `OTHER`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import regex

from ..text_units import HAN, KEEP_GIL, clause_at
from .rules import OTHER, SELF

# Patterns of literal words and classes are on stdlib `re`: on the short strings of one figure
# a `regex` call costs more than its search (it hands the GIL off and back)
_FOLDED_LIST = re.compile(rf"{OTHER}(?:以上|以内|左右)?[、和及](?=[{OTHER}{SELF}])")
# a bare number of a list that shares its unit (提高0.4和0.7个百分点) ends before 和/及/与, and a figure
# in 个百分点 after its whole unit, so that the list folding sees the joiner (提高0.9个百分点和1.2个百分点)
_DIGIT_FIGURE = regex.compile(r"[0-9][0-9.]*(?:[%％‰℃]|个?百分点|[万亿千百]?(?:(?![和及与])\p{Han})?)")


def clauses_before(text: str, sentence: tuple[int, int], clause_start: int) -> list[tuple[int, int]]:
    """The clauses of the sentence before `clause_start`, nearest first."""
    found = []
    end = clause_start - 1
    while end > sentence[0]:
        start, _ = clause_at(text, sentence, end - 1)
        found.append((start, end))
        end = start - 1
    return found


# The caches of the claim fields keyed on a text (these, and those of metric.py, kind.py and
# status.py) hold one figure's, sentence's or paragraph's answers for the figures near it, which
# ask again within a few claims: small, so that the entries each new figure adds push out recent
# ones (with a thousand entries, each pushing out and freeing one written a thousand claims
# before, the stage cost 4-9 % more CPU for the same hits; docs/performance.md).
@lru_cache(maxsize=64)
def clause_of(text: str, sentence: tuple[int, int], quantity: tuple[int, int]) -> tuple[int, int]:
    """The clause that holds a figure: its metric and its masked context both read it, found once."""
    return clause_at(text, sentence, quantity[0])


def masked(
    text: str, span: tuple[int, int], quantity: tuple[int, int], others: Sequence[tuple[int, int]]
) -> str:
    """`text[span]` with the quantity as SELF and other quantities as OTHER (those that
    overlap it are no others: a figure in digits read inside it).

    A list of figures before the quantity (分别增长8.5%、10.2%) is folded away,
    so that a cue before the list governs every figure in it.
    """
    inside = [
        (o, OTHER)
        for o in others
        if span[0] <= o[0] and o[1] <= span[1] and (o[1] <= quantity[0] or o[0] >= quantity[1])
    ]
    if not inside and span[0] <= quantity[0] and quantity[1] <= span[1]:
        # most figures stand alone in their clause: nothing to sort
        masked = text[span[0] : quantity[0]] + SELF + text[quantity[1] : span[1]]
    else:
        parts, position = [], span[0]
        for (start, end), mark in sorted([(quantity, SELF), *inside]):
            if start < position or end > span[1]:
                continue
            parts.append(text[position:start])
            parts.append(mark)
            position = end
        parts.append(text[position : span[1]])
        masked = "".join(parts)
    return _FOLDED_LIST.sub("", masked) if OTHER in masked else masked  # a list to fold starts with OTHER


# The CJK Unified Ideographs block, all of it Han (tests/test_claim_fields.py checks): stdlib `re`
# finds one of these without the `regex` module's cost per call, which `HAN` pays only when none is there.
_COMMON_HAN = re.compile("[\u4e00-\u9fff]")


def has_han(candidate: str) -> bool:
    """Whether a piece of text holds a Chinese character: asked several times per figure."""
    return _COMMON_HAN.search(candidate) is not None or (bool(candidate) and HAN.search(candidate) is not None)


# a measure named by its Latin initials alone (CPI, PPI, GDP, PMI, M2): capitals, maybe a digit after
_INITIALS = re.compile(r"[A-Z]{2,}\d?|M[012]")


def names_a_measure(candidate: str) -> bool:
    """Whether the words before a figure name what it measures: Chinese words, or a measure's Latin
    initials alone (全省CPI同比上涨0.4% → CPI), which hold no Chinese character."""
    return has_han(candidate) or _INITIALS.fullmatch(candidate) is not None


@lru_cache(maxsize=8)
def digit_context(text: str, sentence: tuple[int, int], quantity: tuple[int, int]) -> str:
    """The figure's clause masked against the figures written in digits elsewhere in its
    sentence: the provision filter and the kind read the same context, built once."""
    return masked(text, clause_of(text, sentence, quantity), quantity, _digit_figures(text, sentence))


@lru_cache(maxsize=8)
def _digit_figures(text: str, sentence: tuple[int, int]) -> list[tuple[int, int]]:
    """Figures written in digits in a sentence: found once for all the figures of the sentence."""
    return [match.span() for match in _DIGIT_FIGURE.finditer(text, sentence[0], sentence[1], False, KEEP_GIL)]
