"""The rule model of the family ``entities`` (`EntityRule`: its `kind` says how its pattern is used)
and the rules compiled once per RuleSet (`compile_rules`): the rules run over whole texts, scanned
for from where their words stand (`_Words`, one `_WordFinder` for all), and the others joined into
one pattern per kind."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, NamedTuple, TypeAlias

import regex
from pydantic import Field, model_validator

from ..gazetteer import Level
from ..line_gate import LineGate, class_opening_gate, opening_words
from ..rule_files import CompiledPattern, RuleBase, RulePattern, RuleSet, compile_pattern

FAMILY = "entities"

RuleKind = Literal[
    "place",  # a gazetteer form (pattern unused): entity.place.full / entity.place.short
    "place_stopword",  # forms never taken as places (fullmatch)
    "place_follower",  # words that may run on from a place's last character (县政府 in 米易县政府)
    "org",  # suffix of an organisation name (有限公司, 集团…)
    "org_definition",  # a sentence that introduces a name as a company: group `name`
    "area",  # suffix of a named part of a place (开发区, 镇…)
    "facility",  # suffix of a named facility (…水库, …公园): the subject of its own figures, no company
    "event",  # suffix of a named event (博览会, 论坛…): its figures' entity; a bare 本届博览会 refers back to it
    "generic_name",  # a name part that names no particular area or org (国家级, 工业…)
    "settlement_name",  # an everyday word that still names a town before its suffix (城关镇, 城东街道)
    "reference",  # 全县, 我市…: resolves to a place of `level`
    "office",  # an office written by its level (县审计局): groups `level` (县, resolved as 全县 is) and `office`
    "coreference",  # 该公司, 公司…: resolves to the company the paragraph is about
    "name_stop",  # words a name never reaches back across (由, 在, 是…)
    "name_trim",  # words cut from the start of a name (支持, 建设…)
    "subject_filler",  # what may stand before a subject in its clause (time phrases…)
    "not_subject",  # what after a match shows it is not the subject (、, 等)
    "scope_whole",  # what after a whole (全省) shows it is the scope its members are ranked in, no subject and no list
    "investor_verb",  # a verb after an organisation that makes it the subject where it stands (由X投资)
    "project_owner",  # its project and the project's investment after an organisation (X公司年产…项目总投资): it is the subject
    "place_chain",  # what may stand between places written back to back (洛川县|永乡镇|阿寺村)
    "script_variant",  # traditional characters (pattern) and their simplified forms (simplified), one for one
    "shared_suffix",  # the kind of units a list of short names are, written once after their count (城关、银坑3个|人民法庭)
    "list_item",  # what opens an item of a list inside a sentence (一是…；二是…): a subject's reach ends with its item
    "own_report",  # what a title says after an organisation's name when the text is its own report (2025年度社会责任报告)
    "short_name",  # a short name defined right after an organisation's name (（以下简称“恒渭集团”）): group `name`
]


class EntityRule(RuleBase):
    """One rule of the ``entities`` family; `kind` says how `pattern` is used."""

    kind: RuleKind
    pattern: str = ""
    level: Level | None = None  # reference: the level of place it stands for
    suffix: str | None = None  # reference: a main region whose name ends so is what it stands for (全市: 慈溪市);
    # coreference: the organisation it stands for has a name that ends so (集团: 江西省机场集团)
    template: str = "{name}"  # reference: how the resolved name is written (市区 → {name}区)
    max_name: int = Field(default=20, ge=1)  # org/area: longest name read before the suffix
    short_name: bool = False  # area: the name is 2–3 characters (丙谷镇, not 打造示范村)
    proper_start: bool = False  # org/area: the name opens with a place or a word that is no everyday word
    simplified: str = ""  # script_variant: the simplified character of each character of `pattern`
    nearest: bool = False  # reference: the place last named whose name ends in `suffix` (该市), else as 全市;
    # event: the word alone (赛事) stands for the event last named, whatever its name ends in
    whole_place: bool = False  # facility: the name before the suffix is one place, all of it (杭州|站)
    alias: bool = True  # org: the text may name it by the distinctive part of its name alone (索特重工)
    alone: bool = False  # area: the suffix alone, with no such area named before, names that of the text's place (高新区)
    # reference: opening the title, it names the issuer (自治区人民政府办公厅关于…): the text speaks for the place it
    # stands for, the main region, and every reference ending as that place's name does (全区, 我区) stands for it
    issuer: bool = False

    @model_validator(mode="after")
    def _variants_pair(self) -> EntityRule:
        if (self.kind == "script_variant") != bool(self.simplified):
            raise ValueError("`simplified` is required for script_variant rules and only for them")
        if self.simplified and len(self.simplified) != len(self.pattern):
            raise ValueError("script_variant: `pattern` and `simplified` must pair one character for one")
        return self


class _WordFinder:
    """Where the words of our word-list rules (`_Words`: 开发区|园区…, 街道|镇|乡|村, 全市|我市|本市,
    该公司|公司…) may stand in a text, found for all of them in one stdlib scan: a `str.find` of each
    word of each rule read the text once per word, some forty times. The scan stops at each character
    that opens a word of some rule where the rest of such a word follows it (a lookahead after the
    character, the only thing consumed, so that words may overlap); each rule with a word opening with
    that character is handed the place. A superset of where each rule's words stand, in order: the
    rule then matches its own pattern there. Worked out once per text (the last text's answer is kept:
    the entities of one text ask for every rule in turn)."""

    def __init__(self, word_lists: list[tuple[str, ...]]) -> None:
        rests: dict[str, set[str]] = {}
        rules_of: dict[str, list[int]] = {}
        for index, words in enumerate(word_lists):
            for word in words:
                rests.setdefault(word[0], set()).add(word[1:])
                if index not in rules_of.setdefault(word[0], []):
                    rules_of[word[0]].append(index)
        branches = [
            re.escape(first) if "" in after else f"{re.escape(first)}(?={'|'.join(re.escape(rest) for rest in sorted(after))})"
            for first, after in sorted(rests.items())
        ]  # each opens with its character: `re` skips to the characters that open some word
        self._pattern = re.compile("|".join(branches) or _NEVER)
        self._rules_of = {first: tuple(indexes) for first, indexes in rules_of.items()}
        self._count = len(word_lists)
        self._last: tuple[str, list[list[int]]] | None = None

    def places(self, text: str, index: int) -> list[int]:
        """The places, in order, where a word of the `index`-th word list may stand."""
        last = self._last
        if last is None or last[0] is not text:  # held: its id is not reused while kept
            last = self._last = (text, self._scan(text))
        return last[1][index]

    def _scan(self, text: str) -> list[list[int]]:
        places: list[list[int]] = [[] for _ in range(self._count)]
        rules_of = self._rules_of
        for hit in self._pattern.finditer(text):
            place = hit.start()
            for index in rules_of[text[place]]:
                places[index].append(place)
        return places


class _Words(NamedTuple):
    """A rule that is only words (集团|银行|大学), scanned for from where its words may stand
    (`_WordFinder`): `re` tests every character of a text against one rule's words' first
    characters, and a text holds few of them. `finditer` gives the matches `pattern.finditer` would:
    at each place one of the words stands, in order, past the last match, the pattern's own match
    there (its first word that fits)."""

    pattern: re.Pattern[str] | regex.Pattern[str]
    words: tuple[str, ...]  # one of which every match opens with
    finder: _WordFinder  # shared by all our word rules
    position: int  # this rule's word list in `finder`

    def finditer(self, text: str) -> Iterator[re.Match[str] | regex.Match[str]]:
        resume = 0
        for place in self.finder.places(text, self.position):
            if place >= resume:
                match = self.pattern.match(text, place)
                if match is not None:  # None where another rule's word stands there
                    resume = match.end()
                    yield match

    def search(self, text: str) -> re.Match[str] | regex.Match[str] | None:
        """The first match in a short text (a company name's suffix, `_core`)."""
        return self.pattern.search(text)


class _LineGated(NamedTuple):
    """A rule that opens with a class of common characters (省市县区) run only over the lines that
    hold a literal every match needs (局, 法院): the engine would try it at each of those characters."""

    pattern: regex.Pattern[str]
    gate: LineGate

    def finditer(self, text: str) -> Iterator[re.Match[str] | regex.Match[str]]:
        return self.gate.finditer(self.pattern, text)

    def search(self, text: str) -> regex.Match[str] | None:
        """The first match in a short text, as the other scanners give it."""
        return self.pattern.search(text)


def _line_gated(ruleset: RuleSet, rule: EntityRule) -> Scanner:
    """The rule's pattern behind its line gate where one is proved; a user's keeps its time limit."""
    builtin = ruleset.is_builtin(FAMILY, rule.id)
    pattern = compile_pattern(rule.id, rule.pattern, limited=not builtin)
    gate = class_opening_gate(rule.pattern) if isinstance(pattern, regex.Pattern) else None
    return _LineGated(pattern, gate) if gate is not None and isinstance(pattern, regex.Pattern) else pattern


# What a rule run over whole texts compiles to (see _scanner); all have the same methods.
Scanner: TypeAlias = "RulePattern | regex.Pattern[str] | re.Pattern[str] | _Words | _LineGated"


@dataclass(frozen=True)
class Compiled:
    rules: dict[str, tuple[tuple[EntityRule, Scanner], ...]]
    stop: CompiledPattern
    trim: CompiledPattern
    filler: CompiledPattern
    not_subject: CompiledPattern
    scope_whole: CompiledPattern
    investor: CompiledPattern
    project: CompiledPattern
    chain: CompiledPattern
    generic: CompiledPattern
    settlement: CompiledPattern
    list_item: CompiledPattern
    own_report: CompiledPattern
    short_name: CompiledPattern
    followers: CompiledPattern
    stopwords: frozenset[str]
    simplified: dict[int, str]  # str.translate table: traditional → simplified, one for one
    traditional: re.Pattern[str]  # a character of that table: most texts have none, so need no copy
    place_rules: dict[bool, str]  # the id of the place rule of a short form (True) and of a full name
    shared_suffix: tuple[EntityRule, ...]  # built-in only: the pattern is read into `_suffix_list`

    def of(self, kind: str) -> tuple[tuple[EntityRule, Scanner], ...]:
        return self.rules.get(kind, ())


def organisation_rules_of(compiled: Compiled) -> frozenset[str]:
    """The ids of the rules of organisations (not of facilities nor events)."""
    return frozenset(rule.id for rule, _ in compiled.of("org"))


def _place_rule(place_rules: list[EntityRule], short: bool) -> str:
    wanted = "short" if short else "full"
    for rule in place_rules:
        if rule.id.endswith(wanted):
            return rule.id
    return f"entity.place.{wanted}"


_NEVER = r"(?!)"
# A pattern that is only words and bars (集团|银行|大学) means the same to stdlib `re`, which scans
# a text for it two to three times faster than `regex` does.
_WORD_ALTERNATION = re.compile(r"[^\\.^$*+?{}\[\]|()]+(?:\|[^\\.^$*+?{}\[\]|()]+)*")


def _scanners(ruleset: RuleSet, rules: list[EntityRule]) -> list[Scanner]:
    """The compiled patterns of rules that are run over whole texts: its words for one of our rules
    that is a plain alternation of words (`_Words` on stdlib `re`), or whose every match opens with one
    of some words (集团|银行|大学(?!文化…), `line_gate.opening_words`: `_Words` on `regex`), all sharing
    one `_WordFinder`; a user's rule keeps `regex` and its time limit."""
    compiled: list[RulePattern | regex.Pattern[str] | re.Pattern[str]] = []
    openings: list[tuple[str, ...] | None] = []
    for rule in rules:
        builtin = ruleset.is_builtin(FAMILY, rule.id)
        if builtin and _WORD_ALTERNATION.fullmatch(rule.pattern):
            compiled.append(re.compile(rule.pattern))
            openings.append(tuple(rule.pattern.split("|")))
            continue
        pattern = compile_pattern(rule.id, rule.pattern, limited=not builtin)
        compiled.append(pattern)
        # a place rule's empty pattern is never scanned
        scanned = builtin and rule.pattern and isinstance(pattern, regex.Pattern)
        openings.append(opening_words(pattern.pattern, pattern.flags) if scanned else None)
    finder = _WordFinder([words for words in openings if words])
    scanners: list[Scanner] = []
    listed = 0  # the position of a rule's words in `finder`
    for scanner, words in zip(compiled, openings):
        if words and not isinstance(scanner, (RulePattern, _Words)):  # ours, on `re` or `regex`
            scanners.append(_Words(scanner, words, finder, listed))
            listed += 1
        else:
            scanners.append(scanner)
    return scanners


def rules_of(ruleset: RuleSet) -> list[EntityRule]:
    return [rule for rule in ruleset[FAMILY] if isinstance(rule, EntityRule)]


def _alternation(rules: list[EntityRule]) -> str:
    return "|".join(f"(?:{rule.pattern})" for rule in rules) or _NEVER


def _compile_joined(ruleset: RuleSet, rules: list[EntityRule], template: str = "%s") -> CompiledPattern:
    """Several rules' patterns as one alternation, with a time limit if any of them is a user's."""
    users = [rule.id for rule in rules if not ruleset.is_builtin(FAMILY, rule.id)]
    return compile_pattern(", ".join(users), template % _alternation(rules), limited=bool(users))


_SCANNED = frozenset({"place", "org", "org_definition", "area", "facility", "event", "reference", "coreference"})


@lru_cache(maxsize=8)
def compile_rules(ruleset: RuleSet) -> Compiled:
    by_kind: dict[str, list[EntityRule]] = defaultdict(list)
    for rule in rules_of(ruleset):
        by_kind[rule.kind].append(rule)
    stopwords = frozenset(
        word
        for rule in by_kind["place_stopword"]
        for word in rule.pattern.split("|")
        if word
    )
    simplified = {
        ord(traditional): simple
        for rule in by_kind["script_variant"]
        for traditional, simple in zip(rule.pattern, rule.simplified)
    }
    traditional_chars = "".join(re.escape(chr(code)) for code in simplified)
    name_chars = r"[^\p{Han}A-Za-z0-9（）()·&]"
    scanned = {kind: rules for kind, rules in by_kind.items() if kind in _SCANNED}
    scanners = iter(_scanners(ruleset, [rule for rules in scanned.values() for rule in rules]))
    return Compiled(
        rules={kind: tuple((rule, next(scanners)) for rule in rules) for kind, rules in scanned.items()}
        | {"office": tuple((rule, _line_gated(ruleset, rule)) for rule in by_kind["office"])},
        stop=_compile_joined(ruleset, by_kind["name_stop"], f"(?:{name_chars}|%s)"),
        trim=_compile_joined(ruleset, by_kind["name_trim"], "(?:%s)+"),
        filler=_compile_joined(ruleset, by_kind["subject_filler"], "(?:%s|\\s)*"),
        not_subject=_compile_joined(ruleset, by_kind["not_subject"]),
        scope_whole=_compile_joined(ruleset, by_kind["scope_whole"]),
        investor=_compile_joined(ruleset, by_kind["investor_verb"]),
        project=_compile_joined(ruleset, by_kind["project_owner"]),
        chain=_compile_joined(ruleset, by_kind["place_chain"], "(?:%s)*"),
        generic=_compile_joined(ruleset, by_kind["generic_name"], "(?:%s)+"),
        settlement=_compile_joined(ruleset, by_kind["settlement_name"]),
        list_item=_compile_joined(ruleset, by_kind["list_item"]),
        own_report=_compile_joined(ruleset, by_kind["own_report"]),
        short_name=_compile_joined(ruleset, by_kind["short_name"]),
        followers=_compile_joined(ruleset, by_kind["place_follower"]),
        stopwords=stopwords,
        simplified=simplified,
        traditional=re.compile(f"[{traditional_chars}]" if traditional_chars else _NEVER),
        place_rules={short: _place_rule(by_kind["place"], short) for short in (True, False)},
        shared_suffix=tuple(by_kind["shared_suffix"]),
    )
