"""The results of the times stage that other stages read: a time phrase found, with its period
(`TimeMatch`), and the period of a figure, with the time and the scope rule that gave it
(`PeriodAssignment`).
"""

from __future__ import annotations

from typing import NamedTuple

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
