"""The time phrases of a text (SPEC 2.1), with their periods.

Time rules find the phrases (the longest first, none overlapping), a modifier before or after
extends one (截至, 以来), a comparison base (比上年) is no time of the text, and a local time
(2020年普查的338752人) governs only its own figure. Each phrase's templates are filled from the
numbers it captured, the document date and, for 全年 or 一季度, the year that governs it (`scope`).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any, NamedTuple

import regex

from ..line_gate import scan
from ..rule_files import RuleSet
from ..text_units import KEEP_GIL, Occupied
from .compiled import Compiled, compile_rules, matches_from
from .results import Period, TimeMatch
from .rules import Pieces, Templates, TimeRule, date_env, fill, group_numbers
from .scope import TimeScope

_WINDOW = 8  # characters before a time phrase searched for a modifier or comparison base


def _year_of(period: Period) -> int | None:
    value = period[1] or period[0]
    return int(value[:4]) if value else None


class _Candidate(NamedTuple):
    start: int
    end: int
    rule: TimeRule
    groups: dict[str, int]
    modifier: TimeRule | None = None
    reach: int | None = None


def _matches(text: str, compiled: Compiled) -> Iterator[tuple[int, Iterator[regex.Match[str]]]]:
    """Each time rule (by order) that may match in the text, with its matches: tried at the places
    where they may begin, or scanned (in the clauses that hold a literal every match needs, or in a
    text that holds its words). Most rules have none in a text, and are not visited."""
    times = compiled.times
    for name, lead in compiled.leads.items():
        starts = [hit.start() for hit in lead.finditer(text, None, None, True, KEEP_GIL)]
        if starts:
            for order in compiled.led[name]:
                yield order, matches_from(times[order].pattern, text, starts)
    if compiled.openings is not None:
        opened = compiled.openings.places(text)
        for order in compiled.partly_opened:
            places = times[order].places(text, opened, order)
            if places:
                yield order, matches_from(times[order].pattern, text, places)
        for order, places in opened.items():
            if not times[order].unopened:
                yield order, matches_from(times[order].pattern, text, places)
    for order, gate in compiled.scanned:
        yield order, scan(times[order].pattern, gate, text)  # type: ignore[misc]


def _candidates(text: str, compiled: Compiled, fired: set[str]) -> list[_Candidate]:
    """Longest non-overlapping time phrases, extended by modifiers, minus comparison bases."""
    found: list[tuple[int, int, int, int, int, TimeRule, regex.Match[str]]] = []
    for order, matches in _matches(text, compiled):
        rule = compiled.times[order].rule
        for match in matches:
            start, end = match.span()
            if end > start:  # sorted as tuples, no key function: the longest first, then by rule, then by place
                found.append((start - end, order, start, len(found), end, rule, match))
    found.sort()  # the fourth item, unique, keeps equal matches in the order found
    taken = Occupied()
    chosen = []
    for _, _, start, _, end, rule, match in found:
        if taken.overlaps(start, end):
            continue
        groups = group_numbers(match)  # only for a match no longer one has taken: a malformed numeral (十十) loses
        if groups is None:
            continue
        taken.add(start, end)
        chosen.append((start, end, rule, groups))
    chosen.sort()  # by start: the chosen do not overlap, so no two share one
    # the modifiers after a time and the local times that can match in this text: asked once of the
    # text, where each was tried after every time (most texts hold no 以来, 相比 or 推进会)
    after = [found for found, gate in zip(compiled.after, compiled.after_gates) if gate is None or gate.admits(text)]
    locals_ = [found for found, gate in zip(compiled.locals, compiled.local_gates) if gate is None or gate.admits(text)]
    result = []
    for time_start, time_end, time_rule, groups in chosen:
        start, end, modifier = time_start, time_end, None
        window = text[max(0, start - _WINDOW) : start]
        # most windows hold no first character of any modifier's or base's literals: one search
        # for them all tells, and then the window and the start stay as they are and no base is found
        quiet = compiled.before_firsts is not None and compiled.before_firsts.search(window) is None
        for rule, in_window in () if quiet else compiled.before:
            hit = in_window.search(window)
            if hit:
                start, modifier = start - (len(window) - hit.start()), rule
                break
        if modifier is None:
            for rule, pattern in after:
                hit = pattern.match(text, end)
                if hit:
                    end, modifier = hit.end(), rule
                    break
        window = text[max(0, start - _WINDOW) : start]
        reach = None
        # a time that belongs to one figure wins over a base: 与2020年普查的338752人相比 names
        # the base's own figure, which that year governs
        # 此次 refers back to the event itself (此次开工仪式设…): the event's name is no name it is inside
        for rule, before, follows in () if compiled.templates[time_rule.id].event else locals_:
            following = follows.match(text, end) if before.search(window) else None
            if following:
                reach = following.end()
                fired.add(rule.id)
                break
        if reach is None:
            base = None if quiet else _base(window, text, end, compiled)
            if base is not None:
                fired.add(base.id)
                continue
        result.append(_Candidate(start, end, time_rule, groups, modifier, reach))
    return result


def _base(window: str, text: str, end: int, compiled: Compiled) -> TimeRule | None:
    """The comparison-base rule whose text ends right before a time phrase (比上年), if any,
    and whose `follows`, if it has one, matches after the time phrase, which ends at `end`."""
    for rule, pattern, follows in compiled.bases:
        if follows is not None and follows.match(text, end) is None:
            continue
        for hit in pattern.finditer(window):  # a loop, not `any` over a generator: most windows hold none
            if hit.end() == len(window):
                return rule
    return None


def _period(
    pieces: tuple[Pieces | None, Pieces | None], modifying: Templates | None, env: dict[str, Any], dates: dict[str, Any]
) -> Period:
    """A time's period filled from its template, reshaped by its modifier's (截至, 以来) if it has one."""
    period: Period = (fill(pieces[0], env), fill(pieces[1], env))
    if modifying is None:
        return period
    around = {**dates, "start": period[0], "end": period[1]}
    return fill(modifying.period[0], around), fill(modifying.period[1], around)


_HEADLINE_SCOPES = ("scope.title", "scope.section")  # a headline, or a subtitle read as a section's heading
_REPORTED_WITHIN_DAYS = 31


def _reported_day(period: Period, governor: TimeMatch, dates: dict[str, Any]) -> bool:
    """Whether a day that only a headline's relative time dates (去年高新技术企业净增486家 over 本报讯…2月26日，…)
    is the day of the report: a news piece speaks of last year from this one, and its lead's day falls in
    the month before the document's date, in the document's own year."""
    day = period[0]
    document_date = dates.get("D")
    if not governor.relative or document_date is None or len(document_date) != 10 or day is None or len(day) != 10:
        return False
    if day != period[1] or int(day[:4]) >= dates["Y"]:
        return False
    try:  # (29 February has no day in most years)
        same_day_this_year = date.fromisoformat(f"{dates['Y']}{day[4:]}")
        return 0 <= (date.fromisoformat(document_date) - same_day_this_year).days <= _REPORTED_WITHIN_DAYS
    except ValueError:
        return False


def _latest_day(times: list[TimeMatch]) -> TimeMatch | None:
    """The latest time of day precision (what 此次 refers back to)."""
    days = [t for t in times if t.period[0] and len(t.period[0]) == 10 and t.period[0] == t.period[1]]
    return days[-1] if days else None


def find(text: str, doc_date: str | None, rules: RuleSet, fired: set[str]) -> tuple[list[TimeMatch], TimeScope]:
    """The text's times, and the scope that found them: it has kept the answers of the times that
    needed a governor (全年, 一季度), which the text's figures then ask for again."""
    compiled = compile_rules(rules)
    templates = compiled.templates
    scope = TimeScope(text, rules)
    dates = date_env(doc_date)
    times: list[TimeMatch] = []
    for candidate in _candidates(text, compiled, fired):
        rule = candidate.rule
        template = templates[rule.id]
        env: dict[str, Any] = {**dates, **candidate.groups}
        governor = reviewed = carried_by = None
        if template.governs:
            governor, carried_by = scope.govern(candidate.start, candidate.end, look_ahead=False)
            env["G"] = _year_of(governor.period) if governor is not None else dates.get("Y")
            if carried_by == "scope.title" and governor is not None:
                reviewed = scope.title_review(governor)
        if template.event:
            event = _latest_day(times)
            if event is None:
                continue
            env["E0"], env["E1"] = event.period
        pieces = template.governed if template.governed and governor is not None else template.period
        modifier = candidate.modifier
        modifying = templates[modifier.id] if modifier is not None else None
        period = _period(pieces, modifying, env, dates)
        if carried_by in _HEADLINE_SCOPES and governor is not None and _reported_day(period, governor, dates):
            period = _period(pieces, modifying, {**env, "G": dates["Y"]}, dates)
        relative = template.dated or (template.governs and (governor is None or governor.relative))
        if modifier is not None and modifying is not None:
            relative = relative or modifying.dated
            fired.add(modifier.id)
        unresolved = relative and doc_date is None
        fired.add(rule.id)
        time = TimeMatch(
            candidate.start,
            candidate.end,
            text[candidate.start : candidate.end],
            (None, None) if unresolved else period,
            modifier.id if modifier else rule.id,
            rule.id if modifier else None,
            relative,
            unresolved,
            candidate.reach,
        )
        if reviewed is not None and not unresolved:
            in_review = _period(pieces, modifying, {**env, "G": _year_of(reviewed.period)}, dates)
            time = time._replace(review=time._replace(period=in_review))
        times.append(time)
        scope.add(time)
    return times, scope


def find_times(text: str, doc_date: str | None, rules: RuleSet) -> list[TimeMatch]:
    """Every time phrase of a text with its period; relative ones stay null without a date."""
    return find(text, doc_date, rules, set())[0]


def scoped_times(text: str, doc_date: str | None, rules: RuleSet) -> tuple[list[TimeMatch], TimeScope]:
    """`find_times`, with the scope that found them, for `assign_periods` to scope the text's figures by."""
    return find(text, doc_date, rules, set())
