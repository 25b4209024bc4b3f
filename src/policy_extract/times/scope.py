"""Which time governs a place of a text (SPEC 2.1): the layout of the text, and the scoping rules over it.

`TimeScope.govern` is used twice: to give 全年/一季度 the year that governs them, while the
times are found (`finding`), and to give each quantity its period (`assign_periods`). The
layout (`_Layout`: clauses, list items and their intro, sections, paragraphs continued across
captions) is built once per text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache

import regex

from ..reading import is_caption  # reading owns what a caption line is
from ..rule_files import RuleSet
from ..sections import Outline, is_body, outline
from ..tables import table_cell
from ..text_units import KEEP_GIL, TextUnits
from .compiled import compile_rules
from .results import Period, PeriodAssignment, TimeMatch

# A list item's mark, opening its paragraph (a line: its spaces are any but the line break, \u3000
# among them), found for every paragraph in one scan of the text; `number` is the item's number
# (none for a bullet). A run-in heading （二）家电以旧换新。… is an item too.
_LIST_ITEM = regex.compile(
    r"(?m)^[^\S\n]*(?:——|--|—|-|•|·|●|▪|(?P<number>\d{1,2})[^\S\n]*[.．、﹒](?!\d)"
    r"|[（(](?P<number>\d{1,2}|[一二三四五六七八九十]{1,3})[)）]|(?P<number>[①-⑳]))"
)
_FIRST_NUMBERS = frozenset(("1", "01", "一", "①"))
_CLAUSE_BREAK = re.compile(r"[，,；;：:]")  # literal characters: stdlib `re` scans for them faster
# What may stand before a time that opens its paragraph: an interview's speaker label (刘振华：“去年，…),
# quotes and brackets, a preposition, a news lead (本报讯（记者 …） 据…统计， / 10月8日，记者从…获悉，),
# which frames the paragraph, and the span an event lasted, its dates in brackets (督察进驻期间（…至…）).
_SOURCE = (
    r"(?:(?:据|记者从|从|经)[^，。；,]{0,30}?(?:统计|获悉|了解到|消息|显示|测算|核算)"
    r"|(?:统计|监测)?数据显示|统计显示)[，,]"
)
_OPENER_PREFIX = regex.compile(
    r"^[\s\u3000]*(?:\p{Han}{1,4}[：:])?(?:\p{Han}{2,10}期间(?=[（(]))?[\s\u3000“\"‘（(]*"  # a speaker's name or 答：
    r"(?:本报讯\s*(?:[（(][^（）()]{0,20}[）)])?\s*)?"
    rf"(?:(?:\d{{1,2}}月\d{{1,2}}日[，,]?\s*)?{_SOURCE}\s*)?"
    r"(?:在|于|从|自)?$"
)
# The modifiers that make a span up to now (…以来, 2021年起，): a paragraph's summary before its year's figures.
_SINCE = frozenset(("mod.since", "mod.since_start"))
# A paragraph that opens with 其中 lists parts of the one before it: that one's time governs it.
_PARTS_OPENING = regex.compile(r"[\s\u3000]*其中[，,]")
# A sentence that introduces the list after it by its end: a colon (今年重点抓好以下工作：)
_INTRO_END = regex.compile(r"[：:][\s\u3000”\"’]*$")
# The day a news lead reports on (10月8日，记者从…获悉，): when the figures were told, not their time.
_REPORT_DAY = regex.compile(rf"[，,]?\s*{_SOURCE}")


@dataclass(frozen=True)
class _Layout:
    """Sentences, paragraphs, clauses, lists and sections of one text."""

    units: TextUnits
    outline: Outline
    rules: RuleSet  # what a caption line is (family `layout`)

    @cached_property
    def _clause_breaks(self) -> list[int]:
        """The offsets of the clause marks, for bisect: every figure asks for its clause."""
        return [match.start() for match in _CLAUSE_BREAK.finditer(self.units.text)]

    def clause(self, sentence: tuple[int, int], start: int, end: int) -> tuple[int, int]:
        """The clause of the text at [start, end): between the clause marks around it in its sentence."""
        breaks = self._clause_breaks
        index = bisect_left(breaks, start)
        left = breaks[index - 1] + 1 if index and breaks[index - 1] >= sentence[0] else sentence[0]
        index = bisect_left(breaks, end)
        right = breaks[index] if index < len(breaks) and breaks[index] < sentence[1] else sentence[1]
        return left, right

    @cached_property
    def _list_items(self) -> dict[int, bool]:
        """The starts of the paragraphs that open with a list item's mark, found in one scan, each
        with whether its mark can open a list (a bullet, 1., （一）, ①)."""
        return {
            match.start(): match.group("number") in _FIRST_NUMBERS or match.group("number") is None
            for match in _LIST_ITEM.finditer(self.units.text)
        }

    @cached_property
    def _list_intros(self) -> dict[int, tuple[int, int] | None]:
        """The intro of each list item asked for so far, by paragraph index."""
        return {}

    def list_intro(self, offset: int) -> tuple[int, int] | None:
        """The sentence that introduces the list whose item holds `offset` (SPEC 2.1: the sentence
        right before the items, 今年将抓好三方面工作：), or None outside a list item. Found from the
        item back to the paragraph before its list, when asked: most paragraphs are no item, and
        the items walked over keep the answer."""
        paragraphs, items, intros = self.units.paragraphs, self._list_items, self._list_intros
        index = self.units.paragraph_index(offset)
        if not paragraphs or paragraphs[index][0] not in items:
            return None
        walked = []
        while index >= 0 and index not in intros and paragraphs[index][0] in items:
            walked.append(index)
            index -= 1
        if index >= 0 and index in intros:
            intro = intros[index]
        elif index < 0 or not items[paragraphs[index + 1][0]]:
            # the text opens with the list, or the paragraph before its items (（二）, 3.) is the
            # body of an earlier item, no intro
            intro = None
        else:  # the paragraph before the list
            intro = self.units.sentence_at(paragraphs[index][1] - 1)
        for item in walked:
            intros[item] = intro
        return intro

    @cached_property
    def section_breaks(self) -> list[int]:
        """The offsets where the sections around a place, or its being in a heading, can change:
        places between the same two of them share their section scope."""
        bounds = {bound for section in self.outline.sections for bound in (section.start, section.end)}
        bounds.update(bound for section in self.outline.sections for bound in section.heading)
        return sorted(bounds)

    def continued(self, paragraph: tuple[int, int]) -> tuple[int, int]:
        """The paragraph joined to the one it continues across caption and credit lines that
        layout put between them (▲ …, 本版图片由…提供): those do not end a paragraph; nor does
        one whose next opens with 其中 (its figures are parts of the paragraph's). A title or
        heading before them (——洛阳经济运行观察⏎来源：…) is no paragraph to continue."""
        units, earlier = self.units, paragraph
        while earlier[0] > 0:
            before = units.paragraph_at(earlier[0] - 1)
            if before == earlier or not is_caption(units.text[before[0] : before[1]], self.rules):
                break
            earlier = before
        joins = earlier != paragraph or _PARTS_OPENING.match(units.text, paragraph[0], None, KEEP_GIL) is not None
        if not joins or earlier[0] == 0:
            return paragraph
        continues = units.paragraph_at(earlier[0] - 1)
        if continues == earlier or not is_body(units.text[continues[0] : continues[1]].strip()):
            return paragraph
        return continues[0], paragraph[1]


@lru_cache(maxsize=8)
def _layout(text: str, rules: RuleSet) -> _Layout:
    return _Layout(TextUnits(text), outline(text), rules)


def list_intro(text: str, offset: int, rules: RuleSet) -> tuple[int, int] | None:
    """The sentence that introduces the list item at `offset`: its time and its goal
    markers govern the items (the claims component reads the markers for status)."""
    return _layout(text, rules).list_intro(offset)


class _Timeline:
    """Times in order of (start, end), with their starts for bisect: scoping asks which times
    lie in a sentence, clause or heading for every quantity, and scanning them all made long
    documents quadratic. A time with a `reach` governs only the figure there (`own`)."""

    def __init__(self, times: Iterable[TimeMatch] = ()) -> None:
        times = list(times)
        self.own = {time.reach: time for time in times if time.reach is not None}
        self.times = sorted((time for time in times if time.reach is None), key=_order)
        self._keys = [_order(time) for time in self.times]

    def add(self, time: TimeMatch) -> None:
        if time.reach is not None:
            self.own[time.reach] = time
            return
        key = _order(time)
        index = bisect_right(self._keys, key)
        self.times.insert(index, time)
        self._keys.insert(index, key)

    def within(self, span: tuple[int, int]) -> list[TimeMatch]:
        """The times inside `span`, in order."""
        low = bisect_left(self._keys, (span[0], span[0]))
        high = bisect_right(self._keys, (span[1], span[1]))
        if low == high:  # most sentences and headings hold none: no comprehension to run
            return []
        return [time for time in self.times[low:high] if time.end <= span[1]]


def _order(time: TimeMatch) -> tuple[int, int]:
    return time.start, time.end


class TimeScope:
    """Which time governs a place in one text (SPEC 2.1): the scoping rules over its layout and
    its times. Every figure asks; what it asks of its sentence (the times in it), of its
    paragraph (the time that opens it, its list's time) and of its sections (their headings'
    times) is the same for every figure there, so it is computed once and kept until a time
    is added where one was read: `finding.find` adds its times in order, and a time that ends beyond
    every span the kept answers of a kind have read changes none of them."""

    def __init__(self, text: str, rules: RuleSet, times: Iterable[TimeMatch] = ()) -> None:
        self.text, self.rules = text, rules
        compiled = compile_rules(rules)
        self._ends_at = compiled.ends_at
        self._naming_groups = compiled.naming_groups
        # the times after which the paragraph's opening time stays in force: a span that frames its own
        # sentence, and a year that names a group
        self._keeping = compiled.framing | compiled.naming_groups
        self.timeline = _Timeline(times)
        self._in_sentence: dict[tuple[int, int], list[TimeMatch]] = {}
        self._in_paragraph: dict[tuple[int, int], tuple[_Openers, TimeMatch | None]] = {}
        self._in_sections: dict[int, tuple[TimeMatch | None, str]] = {}
        self._reviews: dict[int, TimeMatch | None] = {}  # a title's time -> its earlier one (title_review)
        self._beyond_sentence: dict[tuple[tuple[int, int], int], tuple[TimeMatch | None, str]] = {}
        # for each of those: where the spans its answers read end (a time that ends beyond lies
        # in none of them)
        self._sentences_read = self._paragraphs_read = self._sections_read = 0

    @cached_property
    def layout(self) -> _Layout:
        """The text's layout, built when a place first asks for its governor: a text without
        figures or times that need one (most short ones) needs none."""
        return _layout(self.text, self.rules)

    def add(self, time: TimeMatch) -> None:
        self.timeline.add(time)
        if time.reach is not None:  # it governs only its own figure (`timeline.own`), in no span
            return
        if self._reviews:  # (few while the text's times are found: only a time of the governing year asks)
            self._reviews.clear()
        if time.end <= self._sentences_read:
            self._in_sentence.clear()
            self._sentences_read = 0
        if time.end <= self._paragraphs_read:
            self._in_paragraph.clear()
            self._beyond_sentence.clear()
            self._paragraphs_read = 0
        if time.end <= self._sections_read:
            self._in_sections.clear()
            self._beyond_sentence.clear()
            self._sections_read = 0

    def govern(self, start: int, end: int, look_ahead: bool = True) -> tuple[TimeMatch | None, str]:
        """The time that governs the text at [start, end), and the scope rule that carried it."""
        timeline = self.timeline
        if start in timeline.own:
            return timeline.own[start], "scope.own"
        units = self.layout.units
        sentence = units.sentence_at(start)
        inside = self._in_sentence.get(sentence)
        if inside is None:
            inside = self._in_sentence[sentence] = timeline.within(sentence)
            self._sentences_read = max(self._sentences_read, sentence[1])
        if inside:  # the clause and sentence scopes look only at the times of the sentence
            clause = self.layout.clause(sentence, start, end)
            # loops, not a comprehension and a generator: one of each per figure cost a fifth of this
            earlier = None  # the last time of the sentence that ends before the place
            when = None  # the last such time that names no group (截至2025年8月31日，2025届毕业生…)
            for time in inside:
                if time.end <= start:
                    earlier = time
                    if time.rule not in self._naming_groups:
                        when = time
            if when is not None and earlier is not None and earlier is not when:
                earlier = when
            if earlier is not None and earlier.start >= clause[0]:
                return earlier, "scope.clause"
            if look_ahead:
                for time in inside:
                    if time.start >= end and time.end <= clause[1]:
                        return time, "scope.clause_after"
            if earlier is not None and self._ends_at and earlier.rule in self._ends_at:
                earlier = self._in_reach(inside, earlier, start)
            if earlier is not None:
                return earlier, "scope.sentence"
        # beyond the sentence: the same for every place of a sentence between the same section
        # bounds (a sentence lies in one line, so in one paragraph)
        between = bisect_right(self.layout.section_breaks, start)
        if not sentence[0] <= start < sentence[1]:  # a place outside every sentence (in spaces)
            return self._beyond(units.paragraph_at(start), sentence, start, between)
        key = (sentence, between)
        answer = self._beyond_sentence.get(key)
        if answer is None:
            answer = self._beyond_sentence[key] = self._beyond(units.paragraph_at(start), sentence, start, between)
        return answer

    def _in_reach(self, inside: list[TimeMatch], earlier: TimeMatch, start: int) -> TimeMatch | None:
        """The last time of the sentence before `start` whose reach gets there: a streak (连续13年)
        ends at the ； after it, and the time before it governs again."""
        for time in reversed(inside[: inside.index(earlier) + 1]):
            marks = self._ends_at.get(time.rule)
            if not marks or not any(mark in self.text[time.end : start] for mark in marks):
                return time
        return None

    def _beyond(
        self, paragraph: tuple[int, int], sentence: tuple[int, int], start: int, between: int
    ) -> tuple[TimeMatch | None, str]:
        """The governor from the paragraph's opening time, its list's time or the sections' headings."""
        if paragraph not in self._in_paragraph:
            openers = _Openers(self.layout, self.timeline, paragraph, self._keeping)
            self._in_paragraph[paragraph] = openers, self._list_governor(paragraph)
        openers, listed = self._in_paragraph[paragraph]
        governor = openers.before(sentence[0])  # reads the sentences before this one
        if sentence[0] > self._paragraphs_read:
            self._paragraphs_read = sentence[0]
        if governor is not None:
            return governor, "scope.paragraph"
        if listed is not None:
            return listed, "scope.list"
        if between not in self._in_sections:
            self._in_sections[between] = self._section_governor(start)
        return self._in_sections[between]

    def title_review(self, governor: TimeMatch) -> TimeMatch | None:
        """The title's earliest time, when the title also names the later `governor` that rules an
        untimed part of the text (2025年工作总结和2026年工作计划: 2025 under 二、存在的问题)."""
        start = governor.period[0]
        if governor.unresolved or start is None:
            return None
        if governor.start in self._reviews:  # asked for every figure the title governs
            return self._reviews[governor.start]
        self._reviews[governor.start] = self._title_review(governor, start)
        return self._reviews[governor.start]

    def _title_review(self, governor: TimeMatch, start: str) -> TimeMatch | None:
        for section in self.layout.outline.enclosing(governor.start):
            if section.level == 0 and section.heading[0] <= governor.start < section.heading[1]:
                # a year wholly before the governor's (2025 before 2026; not 2026 before its 1—9月)
                ended = [t for t in self.timeline.within(section.heading) if t.period[1] and t.period[1][:4] < start[:4]]
                return min(ended, key=lambda t: t.period[1] or "", default=None)
        return None

    def _section_governor(self, offset: int) -> tuple[TimeMatch | None, str]:
        """The time named by the heading of the innermost section around `offset` that names one."""
        for section in self.layout.outline.enclosing(offset):
            if section.heading[0] <= offset < section.heading[1]:
                continue
            named = self.timeline.within(section.heading)
            self._sections_read = max(self._sections_read, section.heading[1])
            if named:
                return named[-1], "scope.title" if section.level == 0 else "scope.section"
        return None, "scope.none"

    def _list_governor(self, paragraph: tuple[int, int]) -> TimeMatch | None:
        """A list item takes the time named by the sentence that introduces its list."""
        intro = self.layout.list_intro(paragraph[0])
        named = self.timeline.within(intro) if intro else []
        if intro:
            self._paragraphs_read = max(self._paragraphs_read, intro[1])
            if named and not _INTRO_END.search(self.text, intro[0], intro[1]):
                # a sentence that only ends the paragraph before the items (…，“十二五”实现了良好开局。)
                # introduces them by its time only when the time opens it (2024年，全市…。 ⏎ （一）…):
                # a time named in passing further on is what the sentence speaks of, no frame
                text = self.text
                named = [t for t in named if _OPENER_PREFIX.match(text[intro[0] : t.start], None, None, KEEP_GIL)]
        return named[-1] if named else None


class _Openers:
    """The time that opens a paragraph (or a sentence after a sentence with none), and whether it
    is still in force, sentence by sentence: a fold over the paragraph's sentences, carried only
    as far as asked and kept, so that the figures of a paragraph share it."""

    def __init__(
        self, layout: _Layout, timeline: _Timeline, paragraph: tuple[int, int], keeping: frozenset[str] = frozenset()
    ) -> None:
        self.units, self.timeline, self.keeping = layout.units, timeline, keeping
        self.paragraph = layout.continued(paragraph)  # captions between its lines do not end it
        self.sentences = self.units.sentences_between(*self.paragraph)
        self.starts = [sentence[0] for sentence in self.sentences]
        self.in_force: list[TimeMatch | None] = []  # after each sentence folded so far
        self._previous_has_time = False
        self._previous_since = False

    def before(self, offset: int) -> TimeMatch | None:
        """The opening time in force after the sentences that start before `offset`."""
        count = bisect_left(self.starts, offset)
        while len(self.in_force) < count:
            self._fold(self.sentences[len(self.in_force)])
        return self.in_force[count - 1] if count else None

    def _fold(self, sentence: tuple[int, int]) -> None:
        text = self.units.text
        governor = self.in_force[-1] if self.in_force else None
        inside = [time for time in self.timeline.within(sentence) if not self._reports(time)]
        for position, time in enumerate(inside):
            opens = (
                position == 0
                and _OPENER_PREFIX.match(text[sentence[0] : time.start], None, None, KEEP_GIL) is not None
                and (
                    sentence[0] == self.paragraph[0]
                    or not self._previous_has_time
                    or (self._previous_since and time.period[0] is not None)
                )
            )
            # a time that restates the one in force (2025年 … 全年) does not end it, nor does a span
            # that only frames its own sentence (近三年，…年均增长13.1%。): the next sentence is the
            # opener's again, nor a year that names a group (截至8月31日，2025届毕业生…); and one
            # written right after it narrows it (今年|1—5月)
            keeps = governor is not None and (time.period == governor.period or time.rule in self.keeping)
            narrows = (
                position > 0 and governor is inside[position - 1] and not text[governor.end : time.start].strip()
            )
            governor = time if opens or narrows else (governor if keeps else None)
        self._previous_has_time = bool(inside)
        # a sentence opened by a span up to now that is its only time (“十三五”以来，…累计…。): a period that
        # opens the next sentence takes over from it (2018年，…。其中，…), as a new paragraph's would; a stock's
        # date (截至2025年底，…) does not, nor does any time after a sentence with another time in it
        self._previous_since = (
            governor is not None and governor.rule in _SINCE and all(time is governor for time in inside)
        )
        self.in_force.append(governor)


    def _reports(self, time: TimeMatch) -> bool:
        """Whether the time is the day a news lead reports on (10月8日，记者从…获悉，)."""
        day = time.period[0]
        return (
            day is not None
            and len(day) == len("2025-10-08")
            and _REPORT_DAY.match(self.units.text, time.end, None, KEEP_GIL) is not None
        )


# What joins times listed before 分别 (1月、2月和3月分别…), and what joins the figures of a list after
# it (分别增长0.3%、1.1%和0.4%): a mark or a conjunction before the next figure's number or marker.
_TIMES_JOINED = frozenset(("、", "和", "及", "与", "以及"))
_FIGURES_JOINED = regex.compile(r"[、和及与](?=(?:近|约|超过?|不到|不足)?[\d零〇一二三四五六七八九十两百千万])")


def _listed_time(scoping: TimeScope, governor: TimeMatch, start: int, end: int) -> TimeMatch | None:
    """The time of a figure whose period is one of times listed before 分别 (1月、2月、3月分别上涨
    0.3%、1.1%和0.4%; 一季度和二季度分别完成…，同比增长…和…): each figure of a list with as many
    figures as times takes the time at its place; the last time governs none but the last figure.
    None where the figure stands on no such list."""
    text = scoping.text
    at = text.find("分别", governor.end, start)
    if at < 0:
        return None
    sentence = scoping.layout.units.sentence_at(start)
    inside = scoping.timeline.within(sentence)
    if governor not in inside:
        return None
    index = inside.index(governor)
    listed = [governor]
    while index > 0 and text[inside[index - 1].end : listed[0].start] in _TIMES_JOINED:
        index -= 1
        listed.insert(0, inside[index])
    if len(listed) < 2:
        return None
    clause = scoping.layout.clause(sentence, start, end)
    opening = at + 2 if at >= clause[0] else clause[0]  # the figures' list opens after 分别, or with a later clause
    place = len(_FIGURES_JOINED.findall(text, opening, start + 1))  # the lookahead sees the figure's number
    figures = place + 1 + len(_FIGURES_JOINED.findall(text, end, clause[1]))
    return listed[place] if figures == len(listed) else None


# a yearly average (年均, 年平均) and the change of two dated ends before it in its sentence (由2010年的24.1%提高到
# 2015年的33.6%，年均提高1.9个百分点): the years from the first end to the second
_YEARLY = regex.compile(r"年均|年平均|平均每年")
_ENDS = regex.compile(r"(?:由|从)(?P<first>\d{4})年的[^，。；]{1,30}?(?:到|至|为)(?P<last>\d{4})年的[^，。；]{1,20}[，,]$")


def _span_of_ends(scoping: TimeScope, start: int, end: int) -> Period | None:
    """The years a yearly average runs over when the clause before its own, in its sentence, changes
    from a year's figure to a later year's (由2010年的…提高到2015年的…，年均提高1.9个百分点 → 2011–2015):
    each year of the average is one after the first end, up to the second. None otherwise (most
    figures: no 年均 before them in their clause)."""
    text = scoping.text
    units = scoping.layout.units
    sentence = units.sentence_at(start)
    clause = scoping.layout.clause(sentence, start, end)
    if clause[0] <= sentence[0] or _YEARLY.search(text, clause[0], start) is None:
        return None
    before = scoping.layout.clause(sentence, clause[0] - 1, clause[0] - 1)
    ends = _ENDS.search(text, before[0], clause[0])
    if ends is None or not ends["first"] < ends["last"]:
        return None
    return str(int(ends["first"]) + 1), ends["last"]


def assign_periods(
    text: str,
    quantities: list[tuple[int, int]],
    times: list[TimeMatch],
    doc_date: str | None,
    rules: RuleSet,
    scope: TimeScope | None = None,
) -> list[PeriodAssignment]:
    """The period of each quantity (SPEC 2.1 scoping), one per quantity, in order.

    The periods of `times` are already resolved against `doc_date`; `doc_date`
    only words the reason when a relative time could not be resolved, and
    `rules` says what a caption line is (family `layout`): one does not end a paragraph.
    `scope` is the one `scoped_times` gave with these times (else a new one is built): its
    kept answers are the ones a new scope would give (`TimeScope.add` forgets those a time changes).
    """
    scoping = scope if scope is not None else TimeScope(text, rules, times)
    assignments = []
    for start, end in quantities:
        cell = table_cell(text, (start, end), rules)
        if cell is not None and cell.year is not None:
            # a column of one year (2030年): its cells are that year's, whatever governs the table
            year = cell.year
            assignments.append(PeriodAssignment((year, year), "table.year_header", "scope.table_column"))
            continue
        named = scoping.timeline.within(cell.title) if cell is not None and cell.title is not None else None
        if named:  # the table's title names the time of its other cells (表2 “十五五”时期主要指标)
            governor: TimeMatch | None = named[-1]
            carried_by = "scope.table_title"
        else:
            bounded = _span_of_ends(scoping, start, end)
            if bounded is not None:
                assignments.append(PeriodAssignment(bounded, "local.change_to", "scope.span_of_ends"))
                continue
            governor, carried_by = scoping.govern(start, end)
            if governor is not None and carried_by in ("scope.clause", "scope.sentence"):
                listed = _listed_time(scoping, governor, start, end)
                if listed is not None:
                    governor, carried_by = listed, "scope.listed_before_respectively"
        if carried_by == "scope.title" and governor is not None:
            review = scoping.title_review(governor)
            if review is not None:
                assignments.append(PeriodAssignment(governor.period, governor.rule, carried_by, None, governor, review))
                continue
        if governor is None:
            assignments.append(PeriodAssignment((None, None), carried_by, carried_by, "no time phrase governs it"))
        elif governor.unresolved:
            reason = f"relative time {governor.text!r} and no document date"
            if doc_date is not None:
                reason = f"time {governor.text!r} has no period"
            assignments.append(PeriodAssignment((None, None), governor.rule, carried_by, reason, governor))
        else:  # the common case, built as its tuple: a NamedTuple's own __new__ is a Python call per figure
            assignment = (governor.period, governor.rule, carried_by, None, governor, governor.review)
            assignments.append(tuple.__new__(PeriodAssignment, assignment))
    return assignments
