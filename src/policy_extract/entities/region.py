"""The place or area a text is about (`main_region`), from one tally of the places and areas it
names (`Tally`), and what a reference such as 全县 or 该市 stands for (`resolver`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Container
from functools import cached_property
from typing import NamedTuple

from ..gazetteer import Gazetteer, load_gazetteer
from ..rule_files import RuleSet
from ..text_units import KEEP_GIL
from .boundaries import occurrences_of, units_of
from .results import ByStart, Cover, EntityLevel, EntityMatch, Label
from .rules import Compiled, EntityRule, compile_rules, organisation_rules_of


class Region(NamedTuple):
    """A region a text may be about, with how the text writes it and how much it weighs (the tally's top)."""

    canonical: str
    written: str  # the most complete way the text writes it
    level: EntityLevel | None
    label: Label
    score: float


_TITLE_WEIGHT = 5.0  # a name in the title says what the article is about
_HEAD_WEIGHT = 2.0  # … and in the lines right under it (dateline, issuer)
_HEAD_LINES = 4
_REFERENCE_WEIGHT = 0.5  # 全县 says the article is about a county


class Tally:
    """How much the text is about each place and area it names, references aside: the ranking
    before references resolve (they resolve to it) and the main region after (全县 adds to a
    county) are both read from one tally. A place that opens the name of an organisation in the
    head (江西省机场集团2025年运输生产创历史新高) counts there: an organisation's own release is
    about its place; elsewhere such a place is part of a name, as a place inside any name is, and
    so it is in the name of a facility or an event (平陆运河, 湖南（常德）…博览会) anywhere. An
    organisation the title names with no place opening its name (沂蒙理工学院2025届毕业生就业质量年度报告)
    counts itself, in the title and the head: its own report is about it, and the places it names
    (山东省教育厅, 山东省内生源) are where it stands or where its people come from."""

    def __init__(self, text: str, entities: list[EntityMatch], organisation_rules: Container[str] = ()):
        self.head = units_of(text).paragraphs[:_HEAD_LINES]
        self.head_end = self.head[-1][1] if self.head else 0
        # the place an office is named with (安徽省|农业农村厅) counts: the office is its government's
        covered = Cover([(m.start, m.end) for m in entities if m.label in ("AREA", "ORG") and m.level != "office"])
        self.scores: dict[str, float] = {}  # dicts, not Counters: building those costs more than the tally
        self.written: dict[str, str] = {}
        self.info: dict[str, tuple[EntityLevel | None, Label]] = {}
        organisation_starts: set[int] = set()
        title_end = self.head[0][1] if self.head else 0
        placeless_in_title: set[str] = set()  # organisations the title names with no place opening them
        for match in entities:
            if match.start < self.head_end and match.rule in organisation_rules and match.start not in organisation_starts:
                organisation_starts.add(match.start)  # 江西省机场集团 and 江西省机场 are one name
                opened_by_place = self._count_opening_place(text, match)
                if not opened_by_place and (match.start < title_end or match.canonical in placeless_in_title):
                    placeless_in_title.add(match.canonical)
                    self._count(match.start, match.text, match.canonical, None, "ORG")
            if match.label in ("REF", "ORG"):
                continue
            if match.label == "PLACE" and covered.covers(match.start, match.end):
                continue
            self._count(match.start, match.text, match.canonical, match.level, match.label)

    def _count_opening_place(self, text: str, organisation: EntityMatch) -> bool:
        """Count the place that opens an organisation's name in the head (江西省 of 江西省机场集团);
        whether there is one."""
        hit = next(load_gazetteer().forms_at(text[: organisation.end], organisation.start), None)
        if hit is None:
            return False
        division = hit.divisions[0]
        self._count(hit.start, hit.form, division.name, division.level, "PLACE")
        return True

    def _count(self, start: int, written: str, canonical: str, level: EntityLevel | None, label: Label) -> None:
        rank = None
        if start < self.head_end:  # most names stand below the head
            rank = next((index for index, (first, end) in enumerate(self.head) if first <= start < end), None)
        weight = 1.0 if rank is None else (_TITLE_WEIGHT if rank == 0 else _HEAD_WEIGHT)
        self.scores[canonical] = self.scores.get(canonical, 0) + weight
        if len(written) > len(self.written.get(canonical, "")):
            self.written[canonical] = written
        self.info[canonical] = (level, label)

    def _one_of_siblings(self, county: str) -> bool:
        """Whether the text names `county` (a county-level city) beside two or more other county-level
        divisions of the prefecture it names too (禹城市、乐陵市、齐河县等县（市、区） in news from 德州):
        its 全市 is then the prefecture's, not one of its parts'."""
        gazetteer = load_gazetteer()
        division = gazetteer.division_named(county)
        prefecture = gazetteer.ancestor(division, "city") if division else None
        if prefecture is None or prefecture.name not in self.scores:
            return False
        itself = 1 if self.info[county][1] == "PLACE" else 0  # a county-level place, counted in its prefecture
        return self._counties_in[prefecture.code] - itself >= 2

    @cached_property
    def _counties_in(self) -> Counter[str]:
        """How many county-level places the text names in each prefecture (by its code): counted once for
        the text, where each county-level city `top` asked about walked all the names again."""
        gazetteer = load_gazetteer()
        counts: Counter[str] = Counter()
        for key, (level, label) in self.info.items():
            if level != "county" or label != "PLACE":
                continue
            division = gazetteer.division_named(key)
            prefecture = gazetteer.ancestor(division, "city") if division is not None else None
            if prefecture is not None:
                counts[prefecture.code] += 1
        return counts

    def top(self, references: dict[EntityLevel, int]) -> Region | None:
        """The place or area the text is most about (of equals, the first it names), given how
        many references (全县) of each level it holds."""
        scores = dict(self.scores)
        for key, (level, _) in self.info.items():
            if level:
                scores[key] += _REFERENCE_WEIGHT * references.get(level, 0)
                if level == "county" and key.endswith("市") and not self._one_of_siblings(key):
                    scores[key] += _REFERENCE_WEIGHT * references.get("city", 0)  # 全市 is 义乌市 too
        if not scores:
            return None
        key = max(scores, key=scores.__getitem__)  # the first of the highest, as a stable sort's
        return Region(key, self.written[key], *self.info[key], scores[key])


def reference_levels(entities: list[EntityMatch]) -> dict[EntityLevel, int]:
    """How many references of each level (全县: county) `entities` holds."""
    counts: dict[EntityLevel, int] = {}
    for match in entities:
        if match.label == "REF" and match.level:
            counts[match.level] = counts.get(match.level, 0) + 1
    return counts


def main_region(text: str, entities: list[EntityMatch], rules: RuleSet | None = None) -> str | None:
    """The place the text is about, written as the text names it most completely (米易县); with the
    `rules` that found the entities, also the place that opens an organisation's name in the head,
    and the organisation itself where the text is its own report (`own_report_subject`)."""
    compiled = compile_rules(rules) if rules is not None else None
    if compiled is not None:
        own = own_report_subject(text, [m for m in entities if m.label == "ORG"], compiled)
        if own is not None:
            return own
    organisation_rules = organisation_rules_of(compiled) if compiled is not None else ()
    region = Tally(text, entities, organisation_rules).top(reference_levels(entities))
    return region.written if region else None


def own_report_subject(text: str, organisations: list[EntityMatch], compiled: Compiled) -> str | None:
    """The organisation whose own report the text is (its title: X有限公司2025年度社会责任报告): what the
    text is about, so the figures with no subject of their own are its, not its city's. Written by the
    short name the text defines for it (…有限公司（以下简称“恒渭集团”）), which the text then uses, else in
    full. None for any other text (江西省机场集团2025年运输生产创历史新高 is news about the group's place)."""
    paragraphs = units_of(text).paragraphs
    if not paragraphs or not organisations:
        return None
    title_start, title_end = paragraphs[0]
    named = [m for m in organisations if m.start == title_start]
    if not named:
        return None
    own = max(named, key=lambda m: m.end)
    if compiled.own_report.match(text, own.end, title_end, KEEP_GIL) is None:
        return None
    for _, end in occurrences_of(own.text, text):
        short = compiled.short_name.match(text, end, None, KEEP_GIL)
        if short is not None:
            return short.group("name")
    return own.text


def resolver(
    rule: EntityRule, main: Region | None, places: list[EntityMatch], areas: list[EntityMatch],
    gazetteer: Gazetteer,
) -> Callable[[int], str | None]:
    """What a reference such as 全县 stands for: the main region at that level (or the one above
    it), else the nearest place of that level before it. A reference to what was just named (该市,
    该县) stands for the place last named before it whose name ends so (…最大的是A市，…占该市…: A市,
    a county-level city too), else for what 全市 would."""
    resolve = _region_resolver(rule, main, places, areas, gazetteer)
    if not rule.nearest or not rule.suffix:
        return resolve
    suffix = rule.suffix
    named = ByStart([m for m in places + areas if m.canonical.endswith(suffix)])

    def nearest(position: int) -> str | None:
        match = named.last(0, position)
        return match.canonical if match else resolve(position)

    return nearest


def _region_resolver(
    rule: EntityRule, main: Region | None, places: list[EntityMatch], areas: list[EntityMatch],
    gazetteer: Gazetteer,
) -> Callable[[int], str | None]:
    if main is not None:
        if rule.suffix and main.canonical.endswith(rule.suffix):
            canonical = main.canonical
            return lambda _: canonical
        division = gazetteer.division_named(main.canonical) if main.label == "PLACE" else None
        above = gazetteer.ancestor(division, rule.level) if division and rule.level else None
        if above is not None:
            return lambda _: above.name
    suffix = rule.suffix
    nearest = ByStart(
        [m for m in places if m.level == rule.level]
        + [m for m in areas if suffix and m.text.endswith(suffix)]
    )

    def resolve(position: int) -> str | None:
        match = nearest.last(0, position)
        return match.canonical if match else None

    return resolve
