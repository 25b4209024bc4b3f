"""Organisations, facilities, events and named areas: a name read back from its suffix (有限公司,
水库, 博览会, 开发区, 镇) up to a stop word, when it opens as a name does; the shorter names a text
uses for a company; towns of two or three characters; and the names listed before 分别."""

from __future__ import annotations

import re
from collections.abc import Container, Iterator, Mapping
from functools import lru_cache
from itertools import pairwise

import regex

from ..rule_files import CompiledPattern
from ..text_units import HAN, KEEP_GIL
from .boundaries import Boundaries, common, occurrences_of
from .results import Cover, EntityMatch, Label
from .rules import Compiled, EntityRule, Scanner

_HAN_RUN = regex.compile(r"\p{Han}+")
_NAME_START = regex.compile(r"[\p{Han}A-Za-z]")
_BRACKETED = regex.compile(r"[（(][^）)]*[）)]")


def _name_before(
    text: str, position: int, rule: EntityRule, compiled: Compiled, boundaries: Boundaries
) -> tuple[int, str]:
    """The name written before a suffix at `position`: back to the last stop word that stands as
    a word of its own (经 stops 经由, not 经济), then trimmed of leading verbs."""
    window_start = max(0, position - rule.max_name)
    start = window_start
    for stop in reversed(list(compiled.stop.finditer(text, window_start, position, False, KEEP_GIL))):  # the last that stands
        if not HAN.match(stop.group()) or boundaries.aligned(*stop.span()):
            start = stop.end()
            break
    trimmed = compiled.trim.match(text, start, position, KEEP_GIL)
    if trimmed:
        start = trimmed.end()
    return start, text[start:position]


def _after_a_verb_cut(text: str, start: int, compiled: Compiled, boundaries: Boundaries) -> bool:
    """A verb cut from the name's front (推动|武进国家高新区) stands as a word before `start`, though its last
    character and the name's first make a dictionary word too (动武): the verb ends there."""
    for length in (2, 3, 4):
        verb = start - length
        if verb >= 0 and compiled.trim.fullmatch(text, verb, start, KEEP_GIL) and boundaries.aligned(verb):
            return True
    return False


def _proper_start(
    text: str, start: int, end: int, places: list[EntityMatch], boundaries: Boundaries, compiled: Compiled,
    facility: bool = False, settlements: Container[str] = (),
) -> bool:
    """A name opens with a place (慈溪…) or a village or town of the text written without its suffix
    (`settlements`: 茶山 of 茶山村), a word that is neither everyday nor generic (浒关…), or a
    word with a place in brackets after it (中国（义乌）…: the name of a fair held there). A
    facility's name may also open with a dictionary word of three characters or more, however
    common (北部湾港, 太阳岛风景区): before a port's or a park's suffix such a word is a name."""
    if any(place.start == start or (place.start > start and place.end < end and text[place.start - 1] in "（(") for place in places):
        return True
    first = boundaries.word_at(start, end)
    if first in boundaries.names or first in settlements:
        return True
    return (
        _NAME_START.match(first) is not None
        and (len(first) == 1 or (facility and len(first) >= 3) or not common(first))  # one character: no dictionary word starts there
        and not _generic_word(first, compiled)
    )


_FIGURE_LINE = regex.compile(r"[-+−]?\d[\d.,]*%?")


@lru_cache(maxsize=4)
def _row_labels(text: str) -> frozenset[str]:
    """The lines of the text with a bare figure on the next: a table's row labels, one cell per line
    (学院 | 化学与材料工程学院 | 748), where the column says what the rows are. Read in one pass, once per
    text: asked for each name whose opening word alone would rule it out."""
    lines = text.split("\n")
    return frozenset(
        line for line, below in pairwise(lines) if line and _FIGURE_LINE.fullmatch(below) is not None
    )


def _labels_a_row(text: str, name: str) -> bool:
    """Whether `name` is a table's row label (`_row_labels`): such a name is one whatever word it
    opens with (化学, an everyday word), there and in the prose around the table. A headline that ends
    in a suffix (…先进制造业园区) has no figure under it."""
    return name in _row_labels(text)


def _listed_after_its_kind(text: str, start: int, suffix: str, found: Mapping[tuple[int, int], EntityMatch]) -> bool:
    """Whether a name is listed right after a name with its suffix (威海港、石岛港、龙眼港): the list says it
    is one of them, a name, though it opens with an everyday word (龙眼, a fruit)."""
    return start > 0 and text[start - 1] == "、" and any(
        end == start - 1 and match.text.endswith(suffix) for (_, end), match in found.items()
    )


def _generic_word(word: str, compiled: Compiled) -> bool:
    """A word of generic name parts (村级, 高新技术), or one that jieba joins of a generic part and an
    everyday word (社区卫生, 社区服务): a kind of centre (社区卫生服务中心), as 社区|养老服务中心 is."""
    if compiled.generic.fullmatch(word) is not None:
        return True
    part = compiled.generic.match(word)
    return part is not None and common(word[part.end() :])


def organisations_of(
    text: str, places: list[EntityMatch], boundaries: Boundaries, compiled: Compiled,
    settlements: Container[str] = (),
) -> list[EntityMatch]:
    """Organisations and facilities named before their suffix; `settlements`: the villages and towns the
    text names, without their suffix (茶山 of 茶山村), which open a name as a place does."""
    found: dict[tuple[int, int], EntityMatch] = {}
    in_place: Cover | None = None  # a facility's suffix inside a place's name (连云港) is none
    place_ends: dict[int, int] | None = None  # where places end → where they start, for a station named by its city
    for rule, pattern in (*compiled.of("org"), *compiled.of("facility")):
        for suffix in pattern.finditer(text):
            place_start = -1
            if rule.whole_place:  # first, as most of its suffixes (站) follow no place: no name to read back
                if place_ends is None:
                    place_ends = {place.end: place.start for place in places}
                place_start = place_ends.get(suffix.start(), -1)
                if place_start < 0:
                    continue
            if rule.kind == "facility":
                if in_place is None:
                    in_place = Cover([(place.start, place.end) for place in places])
                if in_place.covers(*suffix.span()):
                    continue
            start, name = _name_before(text, suffix.start(), rule, compiled, boundaries)
            if len(name) < 2 or compiled.generic.fullmatch(name):
                continue
            if rule.whole_place:
                if place_start < start:  # the place reaches back across a stop word
                    continue
            elif rule.proper_start and not (
                _proper_start(text, start, suffix.start(), places, boundaries, compiled, rule.kind == "facility", settlements)
                or _listed_after_its_kind(text, start, suffix.group(), found)
                or _labels_a_row(text, text[start : suffix.end()])
            ):
                continue
            full = text[start : suffix.end()]
            found.setdefault((start, suffix.end()), EntityMatch(start, suffix.end(), "ORG", full, full, None, rule.id))
    for rule, pattern in compiled.of("org_definition"):
        for definition in pattern.finditer(text):
            name = definition.group("name")
            if len(name) < 2 or common(name) or compiled.generic.fullmatch(name):
                continue
            if not boundaries.aligned(definition.start("name"), definition.end("name")):
                continue
            taken = Cover(list(found))
            for span in occurrences_of(name, text):
                if not taken.covers(span[0], span[0] + 1):
                    found[span] = EntityMatch(*span, "ORG", name, name, None, rule.id)
    organisations = sorted(found.values(), key=lambda m: (m.start, -m.end))
    return organisations + _aliases(text, organisations, places, boundaries, compiled)


def _core(organisation: EntityMatch, places: list[EntityMatch], rule_suffix: Scanner) -> str:
    """The distinctive part of a company name: without leading places, brackets and the suffix."""
    name = organisation.text
    suffix = rule_suffix.search(name)
    if suffix:
        name = name[: suffix.start()]
    offset = organisation.start
    for place in places:
        if place.start == offset and place.end - organisation.start < len(name):
            offset = place.end
    name = name[offset - organisation.start :]
    return _BRACKETED.sub("", name)


def _aliases(
    text: str, organisations: list[EntityMatch], places: list[EntityMatch], boundaries: Boundaries,
    compiled: Compiled,
) -> list[EntityMatch]:
    """Shorter names a text uses for a company it has named in full (索特重工 for 浙江索特重工科技有限公司)."""
    if not organisations:  # a text that names no company: no suffixes to index, no spans to cover
        return []
    suffixes = {rule.id: pattern for rule, pattern in compiled.of("org") if rule.alias}
    taken = Cover([(m.start, m.end) for m in organisations])
    aliases: list[EntityMatch] = []
    done: set[str] = set()
    for organisation in organisations:
        suffix = suffixes.get(organisation.rule)
        if suffix is None or organisation.canonical in done:
            continue
        done.add(organisation.canonical)
        core = _core(organisation, places, suffix)
        for length in range(len(core), 1, -1):
            alias = core[:length]
            occurrences = [
                (start, end)
                for start, end in occurrences_of(alias, text)
                if not taken.covers(start, start + 1) and boundaries.aligned(start, end)
            ]
            if occurrences and not (length == 2 and common(alias)):
                aliases.extend(_alias_at(text, start, end, organisation.canonical) for start, end in occurrences)
                break
    return aliases


_KIND_WORDS = ("公司", "集团")  # the word of its kind a short name may be written with (梨乡源公司)


def _alias_at(text: str, start: int, end: int, canonical: str) -> EntityMatch:
    """A short name where the text writes it; with the word of its kind after it (梨乡源公司) it is a
    name of its own, written so for its figures: the scorer knows no aliases, and 梨乡源公司 is no
    part of 砀山县梨乡源电子商务有限公司, as 梨乡源 alone is."""
    word = next((word for word in _KIND_WORDS if text.startswith(word, end) and word in canonical), "")
    if not word:
        return EntityMatch(start, end, "ORG", text[start:end], canonical, None, "entity.org.alias")
    written = text[start : end + len(word)]
    return EntityMatch(start, end + len(word), "ORG", written, written, None, "entity.org.alias")


_NUMERAL = regex.compile(r"[0-9一二两三四五六七八九十百千几多数]")


# an edition's ordinal (第二十届, 第3届): written once here for the code (an event held in its edition, entities/finding.py,
# reads it too); the rule entity.name.trim, data, writes it alike
EDITION = r"第(?:[一二三四五六七八九十百]{1,4}|\d{1,3})届"
# an edition's ordinal right before an event's name (第二十届|中国…洽谈会): what follows is that event's proper name,
# whatever word opens it (中国, 全国)
_EDITION = regex.compile(EDITION + "$")
_EDITION_LONGEST = 7


def areas_of(
    text: str, places: list[EntityMatch], boundaries: Boundaries, compiled: Compiled,
    kind: str = "area", label: Label = "AREA",
) -> tuple[list[EntityMatch], list[tuple[int, int, str, EntityRule]]]:
    """Named areas, and the bare area words (高新区, 开发区) that refer back to one; with `kind`
    event, named events (湖南（常德）新能源产业博览会) and the bare words (本届博览会) that refer back."""
    found: dict[int, EntityMatch] = {}
    bare: list[tuple[int, int, str, EntityRule]] = []
    place_start_by_end = {place.end: place.start for place in places}  # places do not overlap
    in_place = Cover([(place.start, place.end) for place in places])
    name_ends = set(place_start_by_end)  # and the towns found so far: what a village's name may follow
    chained: list[EntityMatch] = []  # towns and villages written after the place they lie in
    for rule, pattern in compiled.of(kind):
        for suffix in pattern.finditer(text):
            if suffix.end() in found:
                continue
            if rule.short_name:
                match = _short_area(text, suffix, rule, boundaries, compiled, name_ends)
                # a city or county written short (景德镇, 萍乡; also after its province) is that place, no town,
                # and so is one written in full (景德镇|市)
                if match and place_start_by_end.get(match.end, match.end) > match.start and not in_place.covers(match.start, match.end):
                    found[suffix.end()] = match
                    if match.start in name_ends:
                        chained.append(match)
                    if not match.text.endswith("村"):  # no place lies in a village: the word after one (韩圩村|利用村集体…) opens no name
                        name_ends.add(match.end)
                continue
            if not boundaries.ends(*suffix.span()):
                continue
            start, name = _name_before(text, suffix.start(), rule, compiled, boundaries)
            if not name:
                bare.append((suffix.start(), suffix.end(), suffix.group(), rule))
            elif (
                len(name) >= 2
                and not compiled.generic.fullmatch(name)
                and (boundaries.aligned(start) or _after_a_verb_cut(text, start, compiled, boundaries))
                and (
                    not rule.proper_start
                    or _proper_start(text, start, suffix.start(), places, boundaries, compiled)
                    or _labels_a_row(text, text[start : suffix.end()])
                    or (kind == "event" and _EDITION.search(text, max(0, start - _EDITION_LONGEST), start) is not None)
                )
            ):
                area = text[start : suffix.end()]
                found[suffix.end()] = EntityMatch(start, suffix.end(), label, area, area, None, rule.id)
    for town in chained:  # written again alone (茶山村地处…), it is the same place, whatever the dictionary says
        for start, end in occurrences_of(town.text, text):
            if end not in found and boundaries.aligned(start):
                found[end] = town._replace(start=start, end=end)
    if kind == "area" and "分别" in text:  # few texts: towns listed before 分别 are names whatever the dictionary says
        for rule, _ in compiled.of(kind):
            if rule.short_name:
                for item in _listed_towns(text, rule.pattern):
                    found[item.end] = item._replace(rule=rule.id)
        for rule in compiled.shared_suffix:
            for item in _listed_with_shared_suffix(text, rule, compiled.trim):
                found[item.end] = item
    return sorted(found.values(), key=lambda m: m.start), bare


_TOWN_LIST_WINDOW = 48  # characters before 分别 a list of towns is looked for in (ten names at most)


@lru_cache(maxsize=4)
def _town_list(suffixes: str) -> tuple[regex.Pattern[str], regex.Pattern[str], str]:
    """A list of two or more towns that opens a clause and ends where the text searched ends (right
    before 分别: 其中A镇、B乡|分别…), or with what is said of them in that clause before it (A镇、B镇、C乡安排
    资金较多，|分别为…), one town of it (2–3 characters before a division suffix), and the characters
    before 分别 such a list can end with (all of them when the suffixes are a pattern)."""
    town = rf"\p{{Han}}{{2,3}}?(?:{suffixes})"
    listed = regex.compile(rf"(?:^|[\n，,；;：:。]|其中)((?:{town}[、和与及]){{1,9}}{town})(?:\p{{Han}}{{1,10}}[，,])?$")
    words = suffixes.split("|")
    ends = "".join({word[-1] for word in words}) + "，," if all(word.isalpha() for word in words) else ""
    return listed, regex.compile(rf"({town})[、和与及]?"), ends  # the mark after a town is no part of the next


def _listed_towns(text: str, suffixes: str) -> Iterator[EntityMatch]:
    """The towns of each list of towns that opens a clause before 分别 (其中富阳镇、青山乡分别新建…):
    the list's shape names them, also where jieba or a common word (青山) hides the name, so 分别
    pairs them with its figures and none is read as the metric. Looked for only in a short window
    before each 分别: a scan of the whole text cost 30M instructions over corpora/ and the dev texts."""
    listed, town, ends = _town_list(suffixes)
    at = text.find("分别")
    while at >= 0:
        match = listed.search(text, max(0, at - _TOWN_LIST_WINDOW), at) if at and (not ends or text[at - 1] in ends) else None
        if match is not None:
            for item in town.finditer(text, match.start(1), match.end(1)):
                yield EntityMatch(item.start(1), item.end(1), "AREA", item.group(1), item.group(1), "town", "")
        at = text.find("分别", at + 2)


@lru_cache(maxsize=4)
def _suffix_list(suffixes: str) -> regex.Pattern[str]:
    """A list of two or more names that opens a clause, then their count (3个, 两, 三大) and the
    kind of unit they all are, written once, maybe after a word or two that qualifies it (三个工业重镇,
    两个城区街道), then maybe what 分别 measures of them, ending where the
    text searched ends (right before 分别: 城关、银坑、岭背3个人民法庭|分别…; 五星步行街、万达广场两个
    重点商圈销售额|分别…): group `names`, group `kind`."""
    name = r"\p{Han}{2,5}?"
    return regex.compile(
        rf"(?:^|[\n，,；;：:。]|其中)(?P<names>(?:{name}[、和与及]){{1,9}}{name})"
        rf"(?:[0-9]{{1,2}}|[两二三四五六七八九十]{{1,2}})[个大]?\p{{Han}}{{0,3}}?(?P<kind>{suffixes})\p{{Han}}{{0,8}}$"
    )


_LISTED_NAME = regex.compile(r"[^、和与及]+")
_KIND_MODIFIER = regex.compile(r"^(?:重点|主要|核心)")  # 重点商圈: the kind a name is short of is 商圈


def _listed_with_shared_suffix(text: str, rule: EntityRule, trim: CompiledPattern) -> Iterator[EntityMatch]:
    """The names of each list whose kind is written once after their count, before 分别
    (城关、银坑、岭背3个人民法庭分别审结…; 平遥古城、五台山、云冈石窟三大景区分别接待…): each name is the
    subject 分别 pairs with its figure, a short one (two characters) with the kind it is short of
    (城关人民法庭, 太原市), a longer one as written (平遥古城); the last one's span runs to the kind, so
    the count (三个) lies inside the list. Looked for only in a short window before each 分别, as towns
    listed there are."""
    listed = _suffix_list(rule.pattern)
    at = text.find("分别")
    while at >= 0:
        match = listed.search(text, max(0, at - _TOWN_LIST_WINDOW), at)
        names = list(_LISTED_NAME.finditer(text, match.start("names"), match.end("names"))) if match else []
        if match is not None and not any(trim.match(name.group()) for name in names):  # 新建、改建2个园区: verbs
            kind = _KIND_MODIFIER.sub("", match.group("kind"))
            for position, name in enumerate(names):
                end = match.end("kind") if position == len(names) - 1 else name.end()
                canonical = name.group() + kind if len(name.group()) == 2 else name.group()
                yield EntityMatch(name.start(), end, "AREA", text[name.start() : end], canonical, "listed", rule.id)
        at = text.find("分别", at + 2)


def _short_area(
    text: str, suffix: regex.Match[str] | re.Match[str], rule: EntityRule, boundaries: Boundaries, compiled: Compiled,
    name_ends: Container[int] = (),
) -> EntityMatch | None:
    """The town or village of 2–3 characters before `suffix`: the name's own tests come before
    the dictionary's, since most of these suffixes (乡村, 城镇) open no name. Two characters are
    tried first, unless exactly three stand between the suffix and a mark, the text's start
    (龙溪铺镇2025年…), the place the town lies in (嘉鱼县|潘家湾镇) or the 其中 that names it as a part
    (其中|双凫铺镇1.2万亩): a character left over there would belong to no word. An everyday word
    written right after the name of the town or county it lies in (`name_ends`: 大塅镇|茶山村,
    铜鼓县|桃园村) is a name all the same: a place chain names places, no kinds of them."""
    three = suffix.start() - 3
    # three characters fill the run, or the gap after the place the town lies in (嘉鱼县|潘家湾镇, not 家湾镇)
    whole_run = three >= 0 and (
        three == 0 or not HAN.match(text, three - 1) or three in name_ends or text.endswith("其中", 0, three)
    )
    for length in (3, 2) if whole_run else (2, 3):
        start = suffix.start() - length
        name = text[max(start, 0) : suffix.start()]
        if start < 0 or not _HAN_RUN.fullmatch(name, None, None, KEEP_GIL):
            continue
        if compiled.stop.search(name, None, None, KEEP_GIL):
            continue
        if compiled.generic.fullmatch(name, None, None, KEEP_GIL) or (
            # a word before a suffix that is a word of its own (管理区, 街道) is its name (a site's name, as 屈家岭;
            # a street's, as 光明 or 胜利), unless it is a kind of area (景区, 园区, 城区); before 镇, 乡 or 村 an everyday
            # word makes a word with it (城镇, 乡村, 示范村); a verb (新建街道…中心) names none
            start not in name_ends
            and common(name)
            and (len(suffix.group()) < 2 or name.endswith("区") or compiled.trim.fullmatch(name, None, None, KEEP_GIL))
            and not compiled.settlement.fullmatch(name, None, None, KEEP_GIL)
        ):
            continue
        # at its end, a word the suffix opens as a follower does not stop the name (桐林街道|办事处: 街道办;
        # 坪坝镇|政府: 镇政府), as it does not a place's (米易县|政府)
        if not (boundaries.aligned(start) and boundaries.ends_but_for_followers(suffix.end())):
            continue
        # jieba may join the name's last character to the suffix or its first character (姜|山镇,
        # 城|东街|道), or know the whole town as one word (新市镇, where 新市|镇 would cut it): a
        # two-character name after no numeral (3个|小镇 counts towns) keeps that word inside it
        if not boundaries.aligned(suffix.start()) and not (
            length == 2
            and not (start > 0 and _NUMERAL.match(text, start - 1))
            and (
                # not a distributive across the suffix (居|全镇第一: 全镇 is in the dictionary too)
                (
                    any(boundaries.only_word_across(suffix.start(), start + 1, end) for end in range(suffix.end(), suffix.start(), -1))
                    and not compiled.generic.match(text, start + 1)
                )
                # nor one opening the word (各乡|镇)
                or (boundaries.is_rare_word(start, suffix.end()) and not compiled.generic.match(name))
                # a street jieba knows, whose office the suffix names (新华街|道, 中山街|道)
                or (
                    any(boundaries.is_rare_word(start, end) for end in range(suffix.start() + 1, suffix.end()))
                    and not compiled.generic.match(name)
                )
            )
        ):
            continue
        area = text[start : suffix.end()]
        return EntityMatch(start, suffix.end(), "AREA", area, area, "town", rule.id)
    return None
