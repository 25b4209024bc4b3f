"""The names of a text put together (`find_entities`): places, organisations, areas and events,
references resolved, each name flagged as the subject of its clause or one of a list, and
coreferences (该公司) after; and `probe`, the rules that fire on a text, which
rule_files.FAMILIES names."""

from __future__ import annotations

from collections.abc import Callable

import regex

from ..gazetteer import Gazetteer, load_gazetteer
from ..rule_files import RuleSet
from ..text_units import KEEP_GIL, clause_start
from .boundaries import Boundaries, occurrences_of, units_of
from .names import EDITION, areas_of, organisations_of
from .places import as_written, listed_with_siblings, nested, places_of, short_forms_of_named
from .region import Region, Tally, own_report_subject, reference_levels, resolver
from .results import ByStart, Cover, EntityMatch
from .rules import Compiled, EntityRule, compile_rules, organisation_rules_of, rules_of

# a project its investment describes (总投资28亿元的X项目): named there, the subject of that figure and of what follows
DESCRIBED_PROJECT = "entity.org.described_project"
_LONGEST_FILLER = 40  # more text than this before a name in its clause is never only time phrases


def _opens_clause(text: str, start: int, end: int, compiled: Compiled) -> bool:
    return leads_clause(text, start, compiled) and not _listed(text, end, compiled)


def leads_clause(text: str, start: int, compiled: Compiled) -> bool:
    """Only time phrases and connectives stand before `start` in its clause."""
    clause = clause_start(text, start)
    if start - clause > _LONGEST_FILLER:
        return False
    # nothing before it: the filler, a repeat, matches the empty text
    return start == clause or compiled.filler.fullmatch(text, clause, start, KEEP_GIL) is not None


def _marked(match: EntityMatch, text: str, compiled: Compiled) -> EntityMatch:
    """The match with its `subject` and `listed` flags (a new object only when one is set)."""
    listed = _listed(text, match.end, compiled)
    opens = leads_clause(text, match.start, compiled) or _topic(text, match) or match.rule == DESCRIBED_PROJECT
    subject = not listed and opens and not _scope_whole(text, match, compiled)
    if (subject, listed) == (match.subject, match.listed):
        return match
    return match.flagged(subject, listed)


def _topic(text: str, match: EntityMatch) -> bool:
    """An organisation, area or event that is all its clause says after what describes it (3月22日鸣枪开跑的
    2026千岛湖马拉松，设…; 位于城东的X有限公司，年产…): the topic of the clauses after it, as a name opening
    its clause is."""
    if match.label not in ("ORG", "AREA") or text[match.end : match.end + 1] not in ("，", ","):
        return False
    clause = clause_start(text, match.start)
    if match.start - clause > _LONGEST_FILLER:
        return False
    if _DESCRIBED.search(text, clause, match.start) is not None:
        return True
    # an event the clause says was held (成功举办第二十届X洽谈会，签约项目…): what the clauses after it count is its own
    return match.rule == _EVENT and _HELD.fullmatch(text, clause, match.start) is not None


_DESCRIBED = regex.compile(r"\p{Han}的(?:(?:19|20)\d\d)?$")  # what describes a name, an edition's year after it
_EVENT = "entity.event.named"
_HELD = regex.compile(rf"(?:成功|先后|首次|高标准|高水平)?(?:举办|召开|承办|主办)(?:了)?(?:{EDITION})?")


def _flagged_as_opened(entities: list[EntityMatch]) -> list[EntityMatch]:
    """A name that opens a longer one (襄阳 in 襄阳片区、宜昌片区…分别…) is a subject or one of a list
    as the longer one is: what follows the short name (片区、) says nothing of its own. `entities`
    are sorted by start, the longer first."""
    result = list(entities)
    for position in range(1, len(result)):
        match, opened = result[position], result[position - 1]
        if match.start == opened.start and (match.subject, match.listed) != (opened.subject, opened.listed):
            result[position] = match.flagged(opened.subject, opened.listed)
    return result


def _scope_whole(text: str, match: EntityMatch, compiled: Compiled) -> bool:
    """A whole (全省) that an appraisal ranks its members in (全省营商环境评价进入前三): the rank's scope."""
    return match.label == "REF" and compiled.scope_whole.match(text, match.end, None, KEEP_GIL) is not None


def _listed(text: str, end: int, compiled: Compiled) -> bool:
    return compiled.not_subject.match(text, end, None, KEEP_GIL) is not None


_SETTLEMENT_SUFFIXES = "村镇乡"


def find_entities(text: str, rules: RuleSet) -> list[EntityMatch]:
    """Every place, organisation, named area and resolved reference in `text`, by position."""
    return find_entities_and_main_region(text, rules)[0]


def find_entities_and_main_region(text: str, rules: RuleSet) -> tuple[list[EntityMatch], str | None]:
    """`find_entities` and `main_region` of its matches, with the text's places and areas tallied once."""
    compiled = compile_rules(rules)
    gazetteer = load_gazetteer(compiled.stopwords)
    # the gazetteer and jieba's dictionary are simplified: look names up in a simplified copy
    # of the text (same length, so offsets hold) and write them as the text does (臺中市)
    lookup = text.translate(compiled.simplified) if compiled.traditional.search(text) else text
    boundaries = Boundaries(lookup, compiled.followers, gazetteer.stems)
    found = places_of(lookup, gazetteer, boundaries, compiled)
    found = sorted(found + short_forms_of_named(lookup, found, gazetteer, boundaries, compiled), key=lambda m: m.start)
    found = sorted(found + listed_with_siblings(lookup, found, gazetteer, boundaries, compiled), key=lambda m: m.start)
    places = nested([as_written(place, text) for place in found], gazetteer)
    areas, bare = areas_of(text, places, boundaries, compiled)
    # a cooperative or a farm is named after its village or town (茶山村 → 茶山绿源茶叶专业合作社), a word the
    # dictionary may count as everyday (茶山): in a text that names the village, it opens a name
    settlements = {area.text[:-1] for area in areas if len(area.text) >= 3 and area.text[-1] in _SETTLEMENT_SUFFIXES}
    organisations = organisations_of(text, places, boundaries, compiled, settlements)
    # an event is no region the text is about (the tally skips ORG) and its name holds places
    events, bare_events = areas_of(text, places, boundaries, compiled, "event", "ORG")
    in_organisation = Cover([(m.start, m.end) for m in organisations + events])
    places = [p for p in places if not in_organisation.covers(p.start, p.end)]
    named = sorted(places + organisations + areas + events, key=lambda m: (m.start, -m.end))
    tally = Tally(text, named, organisation_rules_of(compiled))
    first = tally.top({})
    issuer = _issuer(text, tally, compiled, first, places, areas, gazetteer)
    first = issuer or first
    references: list[EntityMatch] = []
    for rule, pattern in compiled.of("reference"):
        words = [spot for spot in pattern.finditer(text) if boundaries.name_fits(*spot.span())]
        if not words:
            continue
        resolve = resolver(rule, first, places, areas, gazetteer)
        for spot in words:
            target = resolve(spot.start())
            if target:
                canonical = rule.template.format(name=target)
                # 全区 standing for the issuer's autonomous region counts for it, not for a district
                level = issuer.level if issuer is not None and canonical == issuer.canonical else rule.level
                references.append(EntityMatch(*spot.span(), "REF", spot.group(), canonical, level, rule.id))
    place_opening = {p.start: p.canonical for p in places}
    for start, end, word, rule in bare + bare_events:
        kin = [a for a in areas + events if a.text.endswith(word) or (rule.nearest and a in events)]
        if len({place_opening[a.start] for a in kin if a.start in place_opening}) >= 2:
            continue  # zones of several places named (A县产业集聚区、B县产业集聚区): the word alone is their kind, no name
        earlier = ByStart(kin).last(0, start)
        main = first if first and first.label == "AREA" and first.canonical.endswith(word) else None
        target_name = earlier.canonical if earlier else (main.canonical if main else None)
        if target_name:
            references.append(EntityMatch(start, end, "REF", word, target_name, None, rule.id))
        elif rule.alone and leads_clause(text, start, compiled):
            # the place's own zone, a part of it as a district is: named as written, a row's place
            # too; not after a word that makes it a class (各高新区, 国家级高新区)
            references.append(EntityMatch(start, end, "AREA", word, word, None, rule.id))
    named += _offices(text, named + references, boundaries, compiled, lambda rule: resolver(rule, first, places, areas, gazetteer))
    marked = _flagged_as_opened(
        [_marked(m, text, compiled) for m in sorted(named + references, key=lambda m: (m.start, -m.end))]
    )
    marked = _investors(text, _innermost_places(text, marked, compiled), compiled)
    about = tally.top(reference_levels(references))  # coreferences have no level: they add nothing
    own = own_report_subject(text, organisations, compiled)
    return marked + _coreferences(text, marked, boundaries, compiled), own or (about.written if about else None)


def _issuer(
    text: str, tally: Tally, compiled: Compiled, first: Region | None, places: list[EntityMatch],
    areas: list[EntityMatch], gazetteer: Gazetteer,
) -> Region | None:
    """The place the issuer stands for, where a reference of an `issuer` rule opens the title
    (自治区人民政府办公厅关于印发…的通知): the text speaks for it, whatever places its figures name more often
    (中宁县, 红寺堡区 of 宁夏回族自治区), so it is the main region and 全区, 我区 stand for it. None elsewhere."""
    if not tally.head:
        return None
    title_start, title_end = tally.head[0]
    opening = len(text[title_start:title_end]) - len(text[title_start:title_end].lstrip())
    for rule, pattern in compiled.of("reference"):
        if not rule.issuer:
            continue
        spot = next((s for s in pattern.finditer(text[: title_end]) if s.start() == title_start + opening), None)
        target = resolver(rule, first, places, areas, gazetteer)(spot.start()) if spot is not None else None
        if target is not None and rule.level is not None:
            return Region(target, tally.written.get(target, target), rule.level, "PLACE", tally.scores.get(target, 0.0))
    return None


# the word the formal name of a court, a procuratorate or a government holds after its place (宁远县人民法院)
_FORMAL = "人民"


def _offices(
    text: str,
    names: list[EntityMatch],
    boundaries: Boundaries,
    compiled: Compiled,
    resolve_as: Callable[[EntityRule], Callable[[int], str | None]],
) -> list[EntityMatch]:
    """Offices written by their level (县审计局, 市法院), outside the names found (嘉善县审计局): the
    level resolves as 全县 or 全市 does (`resolve_as` a reference rule of that suffix), and the office
    is written with that place (嘉善县审计局), in its formal form where the text writes that
    (县法院 → 宁远县人民法院 after a title 宁远县人民法院工作报告). An office after the place whose level
    it is (嘉善县|审计局) is that office written in full, as the text writes it. Not where the level opens
    no word (城市会客厅: 市 is the end of 城市)."""
    found = []
    in_name = Cover([(m.start, m.end) for m in names])
    place_ending = {m.end: m for m in names if m.label == "PLACE"}
    resolvers: dict[str, Callable[[int], str | None]] = {}
    for rule, pattern in compiled.of("office"):
        for spot in pattern.finditer(text):
            level = spot.group("level")
            place_before = place_ending.get(spot.start() + 1)
            if place_before is not None and place_before.text.endswith(level):
                written = text[place_before.start : spot.end()]
                canonical = _formal_name(text, place_before.text, spot.group("office")) or written
                found.append(EntityMatch(place_before.start, spot.end(), "ORG", written, canonical, "office", rule.id))
                continue
            if in_name.covers(spot.start(), spot.start() + 1) or not boundaries.name_fits(*spot.span()):
                continue
            if level not in resolvers:
                reference = next((r for r, _ in compiled.of("reference") if r.suffix == level and not r.nearest), None)
                resolvers[level] = resolve_as(reference) if reference else lambda _: None
            place = resolvers[level](spot.start())
            if place is None:
                continue
            office = spot.group("office")
            formal = f"{place}{_FORMAL}{office}"
            canonical = formal if spot.group("formal") or formal in text else _formal_name(text, place, office) or f"{place}{office}"
            found.append(EntityMatch(*spot.span(), "ORG", spot.group(), canonical, "office", rule.id))
    return found


_LONGEST_OFFICE = 16  # characters of an office's formal name after its place (发展和改革委员会, 市场监督管理局)
_OFFICE_ENDS = {"委": "委员会"}  # what a short form's last character is short of (卫健委 → 卫生健康委员会)


def _formal_name(text: str, place: str, office: str) -> str | None:
    """The formal name the text gives an office written short (县卫健委, 县市场监管局) after its place,
    where it does (a title: 德清县卫生健康委员会…, 德清县市场监督管理局…): the place, then a name that opens
    with the short form's first character, holds all its characters in order, and ends as it does (委
    as 委员会), with no mark, digit or line break inside. The shortest such name after any mention of the
    place; None where the text gives none."""
    if len(office) < 2:
        return None
    ending = _OFFICE_ENDS.get(office[-1], office[-1])
    best: str | None = None
    for _, end in occurrences_of(place, text):
        window = text[end : end + _LONGEST_OFFICE]
        stop = window.find(ending)
        while stop >= 0:
            name = window[: stop + len(ending)]
            if name != office and name[0] == office[0] and name.isalpha() and _holds_in_order(name, office):
                if best is None or len(name) < len(best):
                    best = name
                break
            stop = window.find(ending, stop + 1)
    return f"{place}{best}" if best else None


def _holds_in_order(name: str, short: str) -> bool:
    """Every character of `short` stands in `name`, in the same order."""
    rest = iter(name)
    return all(character in rest for character in short)


def _innermost_places(text: str, entities: list[EntityMatch], compiled: Compiled) -> list[EntityMatch]:
    """Of places written back to back (在洛川县永乡镇阿寺村，…), the last, the most specific, is the
    subject the first one opens; a place inside a longer name (滨海 in 慈溪滨海经济开发区) is no link."""
    result = list(entities)
    reach = result[0].end if result else 0  # the furthest end of the names before
    for position in range(1, len(result)):
        match, before = result[position], result[position - 1]
        inside = match.end <= reach
        reach = max(reach, match.end)
        if (
            not inside
            and match.label in {"PLACE", "AREA"}
            and not match.subject
            and not match.listed
            and before.subject
            and before.label in {"PLACE", "AREA"}
            and before.end <= match.start
            and compiled.chain.fullmatch(text, before.end, match.start)
        ):
            result[position] = match.flagged(True, False)
    return result


def _investors(text: str, entities: list[EntityMatch], compiled: Compiled) -> list[EntityMatch]:
    """An organisation that invests (另一个项目由X公司投资12.6亿元扩建, 最大的是X公司投资32亿元建设的…)
    is the subject of its sentence wherever it stands in its clause, unless a subject opens the
    sentence before it (长葛德茂再生资源有限公司…项目，由德茂集团投资…: the project's company). So is an
    organisation or a named park whose project and its investment follow it (乐陵市开工的X公司年产…项目总投资3.8亿元,
    位于…的鲁北物流园项目总投资…): it is more specific than the place that opens the sentence."""
    units = units_of(text)
    result = list(entities)
    for position, match in enumerate(entities):
        if match.label not in ("ORG", "AREA") or match.subject or match.listed:
            continue
        if compiled.project.match(text, match.end, None, KEEP_GIL) is not None:  # a named park's project too
            result[position] = match.flagged(True, False)
            continue
        if match.label != "ORG" or not compiled.investor.match(text, match.end):
            continue
        sentence_start = units.sentence_at(match.start)[0]
        if not any(m.subject and sentence_start <= m.start < match.start for m in result):
            result[position] = match.flagged(True, False)
    return result


def _coreferences(
    text: str, entities: list[EntityMatch], boundaries: Boundaries, compiled: Compiled
) -> list[EntityMatch]:
    """该公司 / 公司 opening a clause: the company last named as a subject in the paragraph,
    else the company last named there at all (在恒锐光电的新厂房里…“去年公司实现产值…”); a word
    that names the kind of organisation (集团, 合作社) stands for the last one of that kind the text names."""
    # no company either
    event_rules = {rule.id for rule, _ in (*compiled.of("event"), *compiled.of("facility"), *compiled.of("office"))} | {DESCRIBED_PROJECT}
    organisations = [m for m in entities if m.label == "ORG"]  # of a kind (合作社, a facility's) for the word of that kind
    if not organisations:  # most texts: no organisation for a coreference to stand for
        return []
    companies = [m for m in organisations if m.rule not in event_rules]
    first = min(organisation.start for organisation in organisations)
    openings = [
        (rule, match)
        for rule, pattern in compiled.of("coreference")
        for match in pattern.finditer(text)
        # its antecedent is named before it: one before the first company has none
        if match.start() > first and _opens_clause(text, *match.span(), compiled) and boundaries.aligned(*match.span())
    ]
    if not openings:
        return []
    units = units_of(text)
    subjects = ByStart([m for m in companies if m.subject])
    named = ByStart(companies)
    of_kind: dict[str, ByStart] = {}
    found = []
    for rule, match in openings:
        if rule.suffix:  # a word of the kind the name ends in (集团): the last of that kind, in any paragraph
            if rule.suffix not in of_kind:
                of_kind[rule.suffix] = ByStart([m for m in organisations if m.canonical.endswith(rule.suffix)])
            antecedent = of_kind[rule.suffix].last(0, match.start())
        else:
            paragraph_start, _ = units.paragraph_at(match.start())
            antecedent = subjects.last(paragraph_start, match.start()) or named.last(paragraph_start, match.start())
        if antecedent:
            found.append(EntityMatch(*match.span(), "REF", match.group(), antecedent.canonical, None, rule.id, True))
    return found


# the kinds of entity rule that fire wherever their pattern is found (probe, for the rules' examples)
_SEARCHED_KINDS = frozenset(
    {
        "name_stop", "name_trim", "subject_filler", "not_subject", "scope_whole", "investor_verb", "project_owner", "place_chain", "generic_name",
        "settlement_name", "place_follower", "list_item", "own_report", "short_name",
    }
)


def probe(text: str, rules: RuleSet) -> set[str]:
    """Ids of the entity rules that fire on `text` (for the rule-examples test)."""
    fired = {match.rule for match in find_entities(text, rules)}
    compiled = compile_rules(rules)
    for rule in rules_of(rules):
        stopword = rule.kind == "place_stopword" and text in compiled.stopwords and text in rule.pattern.split("|")
        variant = rule.kind == "script_variant" and any(char in rule.pattern for char in text)
        searched = rule.kind in _SEARCHED_KINDS and regex.search(rule.pattern, text)
        if stopword or variant or searched:
            fired.add(rule.id)
    return fired
