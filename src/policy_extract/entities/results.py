"""What the other stages read of a name found (`EntityMatch`: where it stands, what it stands for,
whether it opens its clause), and the lookups over a text's names by where they stand (`ByStart`,
`Cover`), which the finding, the region and the subjects of figures all use."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Literal, NamedTuple, TypeAlias

from ..gazetteer import Level

# a place's level, or "listed": a name whose kind its list writes once (城关、银坑…3个人民法庭), or
# "office": an office written by its level (县审计局), named with the place it stands for
EntityLevel: TypeAlias = "Level | Literal['listed', 'office']"

Label = Literal["PLACE", "ORG", "AREA", "REF"]


class EntityMatch(NamedTuple):
    """One name in the text. `canonical` is the full name (慈溪市 for 慈溪, the company for 该公司).
    A NamedTuple, as immutable as a frozen dataclass and built in a fraction of its time: one per
    name, and another when its clause flags are set."""

    start: int
    end: int
    label: Label
    text: str
    canonical: str
    level: EntityLevel | None  # listed: a name whose kind is written once for its list; office: by its level
    rule: str
    subject: bool = False  # opens its clause, so it can be the subject of the figures after it
    listed: bool = False  # one of a list (X、Y等): what follows counts the list, not the subject

    @property
    def name(self) -> str:
        """How a claim writes this entity: as the text names it, references as what they stand for,
        a name whose kind the text writes once for its list with the kind (城关 → 城关人民法庭), an office
        written by its level with its place (县审计局 → 嘉善县审计局)."""
        return self.canonical if self.label == "REF" or self.level in ("listed", "office") else self.text

    def flagged(self, subject: bool, listed: bool) -> EntityMatch:
        """This match with the given clause flags (built as its tuple: a NamedTuple's own __new__
        is a Python call, made for most names)."""
        return tuple.__new__(EntityMatch, (*self[:7], subject, listed))


class Cover:
    """Does some span contain [start, end)? Answered by bisection, for texts with many names."""

    def __init__(self, spans: list[tuple[int, int]]):
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._reach: list[int] = []
        for _, end in ordered:
            self._reach.append(max(end, self._reach[-1]) if self._reach else end)

    def covers(self, start: int, end: int) -> bool:
        index = bisect_right(self._starts, start) - 1
        return index >= 0 and self._reach[index] >= end


class ByStart:
    """Matches sorted by start, for "the last one before this offset" by bisection."""

    def __init__(self, matches: list[EntityMatch]):
        self.matches = sorted(matches, key=lambda m: (m.start, m.end))
        self._starts = [m.start for m in self.matches]

    @property
    def starts(self) -> list[int]:
        """Where the matches start, in order."""
        return self._starts

    def last(self, lowest: int, before: int, end_by: int | None = None) -> EntityMatch | None:
        """The last match starting in [lowest, before) (and ending by `end_by`); of two that
        start together, the longer (苏州高新区 over 苏州)."""
        index = bisect_left(self._starts, before) - 1
        while index >= 0 and self.matches[index].start >= lowest:
            match = self.matches[index]
            if end_by is None or match.end <= end_by:
                return match
            index -= 1
        return None
