"""Which entity a figure belongs to (`entity_for`): the subject before it in its sentence, a part
named at it or the name a 分别 pairs with it, a list of names it is said of, the subject carried
from its paragraph, else the main region; and a text's entities indexed once for its figures
(`index_entities`, `place_named` for a table's rows)."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import regex

from ..rule_files import RuleSet
from ..text_units import clause_start
from .boundaries import units_of
from .finding import DESCRIBED_PROJECT, leads_clause
from .results import ByStart, EntityMatch
from .rules import compile_rules


@dataclass
class EntityIndex:
    """A text's entities as its figures look them up: subjects and list members by where they
    start, built once per text (`index_entities`) and passed to `entity_for` for each figure."""

    entities: list[EntityMatch]
    subjects: ByStart
    listed: ByStart
    parts: frozenset[int]  # where the subjects named after 其中 start (其中A区…): a part's reach is short
    respectively: bool  # the text holds 分别 (most do not: their figures never look for it)
    items: list[int]  # where the items of lists inside sentences open (一是…；二是…), in order
    list_heads: ByStart  # listed names that open their clause (5月A市、B市位列…): a list that may be a subject
    _named: tuple[ByStart, dict[int, EntityMatch], dict[int, EntityMatch]] | None = None
    _spans: dict[tuple[int, int], EntityMatch] | None = None  # names by their span, for a table's rows

    def named(self) -> tuple[ByStart, dict[int, EntityMatch], dict[int, EntityMatch]]:
        """Every name but references (全省), and those names by where they end and where they start
        (of two that end or start together, the longer): built only for a text whose figures ask
        for a part named at its figure or the names a 分别 pairs (其中A区358人、B区254人;
        A市、B市分别…), which most texts never do."""
        if self._named is None:
            named = ByStart([m for m in self.entities if m.label != "REF"])
            self._named = named, {m.end: m for m in reversed(named.matches)}, {m.start: m for m in named.matches}
        return self._named


def index_entities(entities: list[EntityMatch], text: str, rules: RuleSet) -> EntityIndex:
    """The subjects and list members of `entities`, found in `text`, indexed for its figures;
    with the items of lists inside sentences that `rules` find there."""
    subjects = [m for m in entities if m.subject]
    return EntityIndex(
        entities,
        ByStart(subjects),
        ByStart([m for m in entities if m.listed]),
        frozenset(m.start for m in subjects if _names_a_part(text, m.start)),
        "分别" in text,
        [item.start() for item in compile_rules(rules).list_item.finditer(text)],
        ByStart([m for m in entities if m.listed and leads_clause(text, m.start, compile_rules(rules))]),
    )


def _subject_of_its_item(subject: EntityMatch, quantity: tuple[int, int], sentence: tuple[int, int], index: EntityIndex) -> EntityMatch | None:
    """`subject`, unless the sentence lists items (一是…；二是…) and it was named in an item before
    the figure's (一是城关镇部分小学平均班额52人左右；二是…教师缺口约260名): then the subject named
    before the list's first item, if any. A subject before the first item heads them all."""
    items = index.items
    last = bisect_left(items, quantity[0]) - 1
    if last < 0 or items[last] < subject.end:
        return subject  # no item opens between the subject and its figure
    first = bisect_left(items, sentence[0])
    if subject.start < items[first]:
        return subject
    return index.subjects.last(sentence[0], items[first], end_by=items[first])


_PART_WINDOW = 120  # characters back from a subject after ； in which its sentence's 其中 is looked for


def _names_a_part(text: str, start: int) -> bool:
    """Whether a subject is a part named after 其中 (其中A区…), or after a ； of a sentence that opened its
    parts so (其中，A区…；B新区…。): the next part of the same breakdown, whose reach is as short."""
    if text[max(0, start - 3) : start].rstrip("，,").endswith("其中"):
        return True
    if not text.endswith("；", 0, start):
        return False
    before = text[max(0, start - _PART_WINDOW) : start]
    opening = max(before.rfind("。"), before.rfind("\n"))
    return "其中" in before[opening + 1 :]


def _counts_a_list(text: str, position: int, index: EntityIndex) -> bool:
    """The figure at `position` counts a list (热水村等3个村, X、Y等7个项目), not its subject."""
    clause = clause_start(text, position)
    if text[max(clause, position - 8) : position].rstrip().endswith("等"):
        return True
    listed = index.listed.last(clause, position, end_by=position)
    # the parts of a whole counted together before the figure (A、B、C三个片区新增企业…) are no list it counts
    return listed is not None and _COUNTED_AS_PARTS.match(text, listed.end) is None


def _part_at(text: str, quantity: tuple[int, int], index: EntityIndex) -> EntityMatch | None:
    """A place named right at its figure after another part's figure and 、, in a sentence whose
    subject is a part named after 其中 (其中A区358人、B区254人 → B区); a list of names before one
    figure (A、B1200人) names no part."""
    _, ending, _ = index.named()
    part = ending.get(quantity[0])
    if part is None or part.label != "PLACE" or not text.endswith("、", 0, part.start):
        return None
    return part if ending.get(part.start - 1) is None else None


_JOINS_NAMES = "、和及与"


def _paired_since(
    text: str, quantity: tuple[int, int], lowest: int, sentence_start: int, index: EntityIndex
) -> EntityMatch | None:
    """The name a 分别 after `lowest` pairs with the figure, when the names it pairs stand after `lowest`
    too; looked for only in a text that holds 分别 (one find), and never past the ； that ends its list."""
    if not index.respectively:
        return None
    at = text.rfind("分别", lowest, quantity[0])
    if at < 0 or text.find("；", at, quantity[0]) >= 0:
        return None
    part = _paired(text, quantity, at, sentence_start, index)
    return part if part is not None and part.start >= lowest else None


def _paired(text: str, quantity: tuple[int, int], at: int, sentence_start: int, index: EntityIndex) -> EntityMatch | None:
    """The n-th of the names a 分别 at `at` pairs with its figures, n the figure's place among the
    figures after 分别: names back to back before 分别 (A市、B市分别新增6.1万人和5.4万人 → B市 for
    5.4万人), or a list of names that opens a clause of the sentence before it (其中，A市、B市贷款余额
    分别为…，同比分别增长…; A市、B市产量分别为…，分别居全省第一、第二位). None unless two names or
    more stand in the list and the figure has a place among them."""
    _, ending, starting = index.named()
    last = ending.get(at)
    if last is None:
        first = index.listed.last(sentence_start, at)
        if first is None:
            return None
        while first.start > sentence_start and text[first.start - 1] in _JOINS_NAMES:
            # back to the list's first name: of A、B、C the last listed is B, and the list opens its clause at A
            before = ending.get(first.start - 1)
            if before is None:
                break
            first = before
        opening = text[clause_start(text, first.start) : first.start]
        if opening and not opening.endswith("其中"):
            return None  # a list inside its clause (支持A市、B市…) is no subject of the clause
        last = first
        while last.end < at and text[last.end] in _JOINS_NAMES:
            following = starting.get(last.end + 1)
            if following is None:
                break
            last = following
    names = [last]
    while names[0].start > sentence_start and text[names[0].start - 1] in _JOINS_NAMES:
        before = ending.get(names[0].start - 1)
        if before is None:
            break
        names.insert(0, before)
    if len(names) < 2:
        return None
    counted_from = at
    for moved in _FROM_LIST_TO.finditer(text, at, quantity[0]):
        counted_from = moved.end()  # the list a from-list moves to (由A、B前移至C和D) pairs with the names anew
    position = sum(text.count(mark, counted_from, quantity[0]) for mark in "、和及")
    if position and _sums_before(text, at, quantity[0]):
        return None  # a sum over the names, in a clause after their figures (…和61.7亿元，合计占全县的67.5%): none of them
    return names[position] if position < len(names) else None


# a list of starting figures after 由 or 从, then the verb that moves them and 至 or 到 (由上年的第52位、第61位前移至…)
_FROM_LIST_TO = regex.compile(r"[由从][^由从至到，。；]*?[、和及][^由从至到，。；]*?(?:至|到)")
_SUM_OPENING = regex.compile(r"(?<=[，,])\p{Han}{0,4}?(?:合计|共计|总计)")


def _sums_before(text: str, names_end: int, figure: int) -> bool:
    """Whether the last clause between the names (ending at `names_end`) and the figure opens with a
    sum over them (…，合计占全县的67.5%)."""
    return _SUM_OPENING.search(text, max(text.rfind("，", names_end, figure), names_end), figure) is not None


def _names_listed(text: str, quantity: tuple[int, int], sentence: tuple[int, int], index: EntityIndex) -> str | None:
    """Names back to back that one figure is said of, written as the text lists them: a list that
    opens a clause of the sentence before the figure, with no ； between (5月A市、B市、C市位列全省前三;
    其中A市、B市均为100%), or one that the figure's clause ends with after 为, 是 or 有
    (前三位城市依次为A市、B市、C市; 达到100%的有A市、B市2个市). None for a single name, for a list that
    goes on with names we do not know or with 等 (A、B等地, A、B、C等13个项目: examples of more), and
    for a sum over the list (A县、B县合计完工17个: the region's figure, as a count of the list is)."""
    head = index.list_heads.last(sentence[0], quantity[0])
    if head is not None and _sums_before(text, head.end, quantity[0]):
        return None  # a sum over the names in a later clause (A镇、B镇分别…，合计占全县的67.5%), as right after them
    if head is not None and "；" not in text[head.end : quantity[0]]:
        names = _names_from(text, head, quantity[0], index)
        if names and _COUNTED_AS_PARTS.match(text, names[1]):
            return None  # the parts of a whole counted together (A、B、C三个片区新增企业…): the whole's figure
        return text[names[0] : names[1]] if names and not _NOT_ALL_LISTED.match(text, names[1]) else None
    after = _NAMES_AFTER.match(text, quantity[1], sentence[1])
    first = index.named()[2].get(after.end()) if after is not None else None
    names = _names_from(text, first, sentence[1], index) if first is not None else None
    return text[names[0] : names[1]] if names and not _NOT_ALL_LISTED.match(text, names[1]) else None


# the words between a figure and the names it is said of (前三位|城市依次为|A市、B市; 达到100%|的有|A市、B市)
_NAMES_AFTER = regex.compile(r"\p{Han}{0,6}?(?:依次为|依次是|为|是|有)")
# what makes a list of names no subject: more names or 等 after it, or a sum over it
_NOT_ALL_LISTED = regex.compile(r"[、和及与等]|合计|共计|总计|累计|共")
# a count of the names a list opening its clause gives, and their kind (A、B、C|三个片区): the parts of a whole, together
_COUNTED_AS_PARTS = regex.compile(
    r"(?:[、和及与]\p{Han}{1,8}?)*(?:[两二三四五六七八九十]|\d{1,2})(?:个|大)\p{Han}{0,4}?(?:片区|园区|板块|组团|城区|区块|功能区)"
)  # from any name of the list: the names after it, then the count


def _names_from(text: str, first: EntityMatch, limit: int, index: EntityIndex) -> tuple[int, int] | None:
    """Where the list of two names or more that opens at `first`, joined by 、, 和, 及 or 与, starts
    and ends (by `limit`); None for one name."""
    starting = index.named()[2]
    last, count = first, 1
    while last.end < limit and text[last.end] in _JOINS_NAMES:
        following = starting.get(last.end + 1)
        if following is None or following.end > limit:
            break
        last, count = following, count + 1
    return (first.start, last.end) if count >= 2 else None


def place_named(index: EntityIndex, span: tuple[int, int]) -> EntityMatch | None:
    """The place (or 全省, a named area, or an organisation) that is all of `span`, a table's row
    label (地区 | 石家庄市 | 286.4; 企业 | 金川集团 | 2712.8): the row is that subject's. Asked only
    for a table cell's row."""
    if index._spans is None:
        index._spans = {(m.start, m.end): m for m in index.entities if m.label in ("PLACE", "AREA", "REF", "ORG") and m.rule}
    found = index._spans.get(span)
    if found is None or (found.label == "REF" and found.level is None):
        return None  # a coreference (该公司) is no row's place
    return found


def entity_for(
    text: str,
    quantity: tuple[int, int],
    sentence: tuple[int, int],
    index: EntityIndex,
    main_region: str | None,
    paragraph_start: int | None = None,
) -> tuple[str | None, str]:
    """The entity a figure belongs to, and the id of the rule that chose it.

    The last subject before the figure in its sentence, unless the figure counts a list
    (热水村等3个村, X、Y等7个项目); a part named after 其中 only up to the next ；, and the next
    part named right at its figure (其中A区358人、B区254人) after it; else the name a 分别 pairs
    with the figure (A市、B市分别…); else the subject carried from an earlier sentence of the
    paragraph (not a part named after 其中: its reach ends with its sentence); else the main
    region; else None. `index`: the text's entities (`index_entities`); `paragraph_start`: where
    the figure's paragraph starts, when the caller knows it already.
    """
    if text.startswith("的", quantity[1]):  # a figure that describes the project after it (总投资28亿元的X项目)
        subjects = index.subjects.matches
        at = bisect_left(index.subjects.starts, quantity[1] + 1)
        while at < len(subjects) and subjects[at].start == quantity[1] + 1:
            if subjects[at].rule == DESCRIBED_PROJECT:
                return subjects[at].name, "entity.subject"
            at += 1
    subject = index.subjects.last(sentence[0], quantity[0], end_by=quantity[0])
    while subject is not None and _office_acting_on_others(text, subject, quantity):
        subject = index.subjects.last(sentence[0], subject.start, end_by=subject.start)
    if subject is not None and subject.start in index.parts:  # a part named after 其中: few figures
        part = _part_at(text, quantity, index)
        if part is not None:
            return part.name, "entity.part_at_figure"
        while subject and subject.start in index.parts and "；" in text[subject.end : quantity[0]]:
            subject = index.subjects.last(sentence[0], subject.start, end_by=subject.start)
    while (
        subject is not None and subject.label == "AREA" and "；" in text[subject.end : quantity[0]]
        and _FIGURE.search(text, sentence[0], subject.start)
    ):
        # a zone or a town named after figures of its sentence is one example of the region's, up to the next ；
        # (A镇完成旧城改造30万平方米，B街道启动征收房屋1800户；新改建农村公路80公里 → the region's), as a part after 其中
        subject = index.subjects.last(sentence[0], subject.start, end_by=subject.start)
    if subject is not None and index.items:
        subject = _subject_of_its_item(subject, quantity, sentence, index)
    if subject and not _counts_a_list(text, quantity[0], index):
        # names listed after the subject that a 分别 pairs with the figure (A市…；B区、C市分别实现…，分别增长…)
        part = _paired_since(text, quantity, subject.end, sentence[0], index)
        return (part.name, "entity.part_at_figure") if part is not None else (subject.name, "entity.subject")
    part = _paired_since(text, quantity, sentence[0], sentence[0], index)
    if part is not None:
        return part.name, "entity.part_at_figure"
    listed = _names_listed(text, quantity, sentence, index)
    if listed is not None:
        return listed, "entity.listed_names"
    units = units_of(text)
    if paragraph_start is None:
        paragraph_start, _ = units.paragraph_at(quantity[0])
    carried = index.subjects.last(paragraph_start, sentence[0])
    town_at = -1  # where the last town passed over starts: the place that ends there opens its name (A县|B镇)
    while carried and (
        carried.start in index.parts or carried.rule in _SENTENCE_REACH or carried.level == "office"
        or (
            carried.label in ("ORG", "AREA")
            and carried.rule != DESCRIBED_PROJECT
            and _FIGURE.search(text, units.sentence_at(carried.start)[0], carried.start)
        )
        # or that opens a sentence after the paragraph's figures of the region (粮食总产…。A县…种植面积…。新增…): an example
        or (
            carried.label in ("PLACE", "AREA") and carried.name != main_region
            and _FIGURE.search(text, paragraph_start, units.sentence_at(carried.start)[0]) is not None
        )
        # or named after figures of its paragraph, when the figure's sentence opens with a time of its own
        # (…完成投资9.8亿元。X公司投资2.3亿元建设的…项目建成投产。全年新改建农村公路…: the region's again)
        or (
            carried.label in ("ORG", "AREA") and _TIME_OPENING.match(text, sentence[0]) is not None
            and _FIGURE.search(text, paragraph_start, carried.start)
        )
        # unless it opens the paragraph, alone or after the places it lies in (铜鼓县大塅镇|茶山村…)
        or (
            carried.level == "town"
            and carried.label != "REF"  # 全镇, 镇里: the paragraph keeps to the town it visits
            and not _opens_with_its_places(text, paragraph_start, carried.start)
            and not _VISITED.fullmatch(text, units.sentence_at(carried.start)[0], carried.start)
        )
        or carried.end == town_at
        or _EXAMPLE_OF_A_COUNT.match(text, carried.end) is not None
    ):
        if carried.level == "town":
            town_at = carried.start
        # a part's reach ends with its sentence, as a transport facility's does (…铁路发送旅客…。对东盟进出口…),
        # and so does a company's or a zone's named after figures of its sentence (…实际到位资金86.5亿元，X公司投资…;
        # A高新区完成产值…；B产业园新引进项目56个。新增上市公司4家): an example of the region's; so does a town's named
        # within the paragraph (A县B镇蔬菜种植面积…。新造林…: the region's again; a town that opens the paragraph is what it
        # is about: B镇是…。去年，该镇…), and a place's that is one example of a count (A区B镇、C县D镇等8个镇被列为…)
        carried = index.subjects.last(paragraph_start, carried.start)
    if carried:
        return carried.name, "entity.paragraph"
    if main_region:
        return main_region, "entity.main_region"
    return None, "entity.none"


_FIGURE = regex.compile(r"\d")
# a time that opens a sentence (全年, 下半年, 1—11月, 2020年): the sentence reports a period again, not the example before it
_TIME_OPENING = regex.compile(
    r"\s*(?:全年|今年|本年|年内|年末|年底|[上下]半年|前?[一二三四]季度|前三季度|去年|上年|\d{1,2}[—–-]\d{1,2}月|\d{4}年)"
)
# what may stand before a town that opens its paragraph: the places it lies in (铜鼓县大塅镇)
_PLACE_ENDS = frozenset("省市县区镇乡")
_ALL_HAN = regex.compile(r"\p{Han}*")


def _opens_with_its_places(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds only the places a town lies in (铜鼓县大塅镇|茶山村): names of two to nine
    characters, each ending in 省市县区镇乡. Read by its cuts: a pattern of Han runs each closed by one of them
    backtracked exponentially on a run of those characters (28 s on 48 of them)."""
    names = text[start:end].lstrip()
    if not _ALL_HAN.fullmatch(names):
        return False
    cuts = [True] + [False] * len(names)  # cuts[i]: names[:i] is whole names
    for i, char in enumerate(names, 1):
        if char in _PLACE_ENDS:
            cuts[i] = any(cuts[j] for j in range(max(0, i - 9), i - 1))
    return cuts[-1]


# the 在/走进 phrase a town ends, opening its sentence (在起重装备的“大本营”魏庄镇，…): the paragraph visits it from there
_VISITED = regex.compile(r"\s*(?:在|走进|来到)[^，。；：！？\n]{0,20}")
# the rest of a list of examples a count closes, after a place of it (、C县D镇等8个镇)
_EXAMPLE_OF_A_COUNT = regex.compile(r"[^，。；;,！？\n]{0,30}?等[\d〇一二两三四五六七八九十百千]")


def _office_acting_on_others(text: str, subject: EntityMatch, quantity: tuple[int, int]) -> bool:
    """An office (县住建局) whose clause states no figure and ends before the figure's: it acts on others
    (县住建局已督促施工单位…，建成后将新增日处理能力5万吨; 市住建局将持续落实…，力争…), whose figures are
    not its own; one whose clause states a figure (县审计局共完成审计项目42个，查出…) reports the
    clauses after it too. Its reach ends with its sentence either way (`entity_for`)."""
    if subject.level != "office":
        return False
    clause_end = _CLAUSE_END.search(text, subject.end, quantity[0])
    return clause_end is not None and _FIGURE.search(text, subject.end, clause_end.start()) is None


_CLAUSE_END = regex.compile(r"[，,；;：:]")

# facilities that carry part of the region's traffic or water: a sentence after theirs with no subject
# of its own is the region's again (…铁路发送旅客…。对东盟进出口…; …灌区…完成投资…。全年新建渠道…)
_SENTENCE_REACH = frozenset({"entity.facility.transport", "entity.facility.water_course"})
