"""Places, organisations, named areas and references, the article's main region, and the
entity each claim belongs to.

Three sources of names, each checked against jieba's dictionary (a name must not cut a
word of it in two, so 合作市 is not found in 合作市场 nor 长治 in 长治久安):

* places, from the gazetteer of administrative divisions (`gazetteer`);
* organisations and named areas, by their forms (``rules/entities.yaml``: a suffix such
  as 有限公司 or 开发区, with the name read backwards from it up to a stop word);
* references (全县, 我市, 该公司), resolved to the name they stand for.

A match that opens its clause (after only time phrases and connectives) is marked
`subject`: `entity_for` takes the last subject before a figure in its sentence, then
one carried from earlier in the paragraph, then the main region.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Container, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, NamedTuple, TypeAlias

import regex
from pydantic import Field, model_validator

from ..gazetteer import Gazetteer, Level, PlaceHit, load_gazetteer, short_forms
from ..line_gate import opening_words
from ..rule_files import CompiledPattern, RuleBase, RulePattern, RuleSet, compile_pattern
from ..text_units import HAN, KEEP_GIL, TextUnits, clause_start

# a place's level, or "listed": a name whose kind its list writes once (城关、银坑…3个人民法庭)
EntityLevel: TypeAlias = "Level | Literal['listed']"

Label = Literal["PLACE", "ORG", "AREA", "REF"]
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
    "coreference",  # 该公司, 公司…: resolves to the company the paragraph is about
    "name_stop",  # words a name never reaches back across (由, 在, 是…)
    "name_trim",  # words cut from the start of a name (支持, 建设…)
    "subject_filler",  # what may stand before a subject in its clause (time phrases…)
    "not_subject",  # what after a match shows it is not the subject (、, 等)
    "investor_verb",  # a verb after an organisation that makes it the subject where it stands (由X投资)
    "place_chain",  # what may stand between places written back to back (洛川县|永乡镇|阿寺村)
    "script_variant",  # traditional characters (pattern) and their simplified forms (simplified), one for one
    "shared_suffix",  # the kind of units a list of short names are, written once after their count (城关、银坑3个|人民法庭)
    "list_item",  # what opens an item of a list inside a sentence (一是…；二是…): a subject's reach ends with its item
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
    nearest: bool = False  # reference: the place last named whose name ends in `suffix` (该市), else as 全市
    whole_place: bool = False  # facility: the name before the suffix is one place, all of it (杭州|站)
    alias: bool = True  # org: the text may name it by the distinctive part of its name alone (索特重工)
    alone: bool = False  # area: the suffix alone, with no such area named before, names that of the text's place (高新区)

    @model_validator(mode="after")
    def _variants_pair(self) -> EntityRule:
        if (self.kind == "script_variant") != bool(self.simplified):
            raise ValueError("`simplified` is required for script_variant rules and only for them")
        if self.simplified and len(self.simplified) != len(self.pattern):
            raise ValueError("script_variant: `pattern` and `simplified` must pair one character for one")
        return self


class EntityMatch(NamedTuple):
    """One name in the text. `canonical` is the full name (慈溪市 for 慈溪, the company for 该公司).
    A NamedTuple, as immutable as a frozen dataclass and built in a fraction of its time: one per
    name, and another when its clause flags are set."""

    start: int
    end: int
    label: Label
    text: str
    canonical: str
    level: EntityLevel | None  # listed: a name whose kind is written once for its list
    rule: str
    subject: bool = False  # opens its clause, so it can be the subject of the figures after it
    listed: bool = False  # one of a list (X、Y等): what follows counts the list, not the subject

    @property
    def name(self) -> str:
        """How a claim writes this entity: as the text names it, references as what they stand for,
        a name whose kind the text writes once for its list with the kind (城关 → 城关人民法庭)."""
        return self.canonical if self.label == "REF" or self.level == "listed" else self.text

    def flagged(self, subject: bool, listed: bool) -> EntityMatch:
        """This match with the given clause flags (built as its tuple: a NamedTuple's own __new__
        is a Python call, made for most names)."""
        return tuple.__new__(EntityMatch, (*self[:7], subject, listed))


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


# What a rule run over whole texts compiles to (see _scanner); all have the same methods.
_Scanner: TypeAlias = "RulePattern | regex.Pattern[str] | re.Pattern[str] | _Words"


@dataclass(frozen=True)
class _Compiled:
    rules: dict[str, tuple[tuple[EntityRule, _Scanner], ...]]
    stop: CompiledPattern
    trim: CompiledPattern
    filler: CompiledPattern
    not_subject: CompiledPattern
    investor: CompiledPattern
    chain: CompiledPattern
    generic: CompiledPattern
    settlement: CompiledPattern
    list_item: CompiledPattern
    followers: CompiledPattern
    stopwords: frozenset[str]
    simplified: dict[int, str]  # str.translate table: traditional → simplified, one for one
    traditional: re.Pattern[str]  # a character of that table: most texts have none, so need no copy
    place_rules: dict[bool, str]  # the id of the place rule of a short form (True) and of a full name
    shared_suffix: tuple[EntityRule, ...]  # built-in only: the pattern is read into `_suffix_list`

    def of(self, kind: str) -> tuple[tuple[EntityRule, _Scanner], ...]:
        return self.rules.get(kind, ())


def _organisation_rules(compiled: _Compiled) -> frozenset[str]:
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


def _scanners(ruleset: RuleSet, rules: list[EntityRule]) -> list[_Scanner]:
    """The compiled patterns of rules that are run over whole texts: its words for one of our rules
    that is a plain alternation of words (`_Words` on stdlib `re`), or whose every match opens with one
    of some words (集团|银行|大学(?!文化…), `line_gate.opening_words`: `_Words` on `regex`), all sharing
    one `_WordFinder`; a user's rule keeps `regex` and its time limit."""
    compiled: list[_Scanner] = []
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
    scanners: list[_Scanner] = []
    listed = 0  # the position of a rule's words in `finder`
    for scanner, words in zip(compiled, openings):
        if words and not isinstance(scanner, (RulePattern, _Words)):  # ours, on `re` or `regex`
            scanners.append(_Words(scanner, words, finder, listed))
            listed += 1
        else:
            scanners.append(scanner)
    return scanners


def _rules(ruleset: RuleSet) -> list[EntityRule]:
    return [rule for rule in ruleset[FAMILY] if isinstance(rule, EntityRule)]


def _alternation(rules: list[EntityRule]) -> str:
    return "|".join(f"(?:{rule.pattern})" for rule in rules) or _NEVER


def _compile_joined(ruleset: RuleSet, rules: list[EntityRule], template: str = "%s") -> CompiledPattern:
    """Several rules' patterns as one alternation, with a time limit if any of them is a user's."""
    users = [rule.id for rule in rules if not ruleset.is_builtin(FAMILY, rule.id)]
    return compile_pattern(", ".join(users), template % _alternation(rules), limited=bool(users))


_SCANNED = frozenset({"place", "org", "org_definition", "area", "facility", "event", "reference", "coreference"})


@lru_cache(maxsize=8)
def _compile(ruleset: RuleSet) -> _Compiled:
    by_kind: dict[str, list[EntityRule]] = defaultdict(list)
    for rule in _rules(ruleset):
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
    return _Compiled(
        rules={kind: tuple((rule, next(scanners)) for rule in rules) for kind, rules in scanned.items()},
        stop=_compile_joined(ruleset, by_kind["name_stop"], f"(?:{name_chars}|%s)"),
        trim=_compile_joined(ruleset, by_kind["name_trim"], "(?:%s)+"),
        filler=_compile_joined(ruleset, by_kind["subject_filler"], "(?:%s|\\s)*"),
        not_subject=_compile_joined(ruleset, by_kind["not_subject"]),
        investor=_compile_joined(ruleset, by_kind["investor_verb"]),
        chain=_compile_joined(ruleset, by_kind["place_chain"], "(?:%s)*"),
        generic=_compile_joined(ruleset, by_kind["generic_name"], "(?:%s)+"),
        settlement=_compile_joined(ruleset, by_kind["settlement_name"]),
        list_item=_compile_joined(ruleset, by_kind["list_item"]),
        followers=_compile_joined(ruleset, by_kind["place_follower"]),
        stopwords=stopwords,
        simplified=simplified,
        traditional=re.compile(f"[{traditional_chars}]" if traditional_chars else _NEVER),
        place_rules={short: _place_rule(by_kind["place"], short) for short in (True, False)},
        shared_suffix=tuple(by_kind["shared_suffix"]),
    )


class _Boundaries:
    """Word boundaries: an offset is one unless a word of jieba's dictionary runs across it.

    Asking the dictionary around each candidate (rather than segmenting the whole text) keeps
    a 5 MB text with many names fast; and it is the question that matters: a name must not
    cut a word in two (合作市|场, 长治|久安, 县人大|和县政协).
    """

    _LONGEST = 6  # longest dictionary word looked for across an offset

    def __init__(self, text: str, followers: CompiledPattern, names: Container[str] = ()):
        self.text = text
        self.followers = followers
        self.names = names  # words that are names themselves: 江宁 does not split 浙江|宁波
        self.frequencies = self._frequencies()

    @staticmethod
    @lru_cache(maxsize=1)
    def _frequencies() -> dict[str, int]:
        from .._jieba import jieba

        jieba.initialize()
        return jieba.dt.FREQ

    def _crossed(self, offset: int, after_name: bool, name: tuple[int, int] | None = None) -> bool:
        """Whether a dictionary word runs across `offset`. At an end of a `name`, a word with one
        part inside the name loses to a word at the offset that holds its other part (其中|南昌市:
        中南 loses to 其中; 连云港市|外贸: 市外 loses to 外贸)."""
        frequencies = self.frequencies
        text = self.text
        limit = -1  # found when a word first runs past `offset`: most offsets have none
        for start in range(max(0, offset - self._LONGEST + 1), offset):
            # jieba's table holds every prefix of its words: when text[start:offset + 1] is not
            # there, no word from `start` runs past `offset`
            if text[start : offset + 1] not in frequencies:
                continue
            if limit < 0:
                follower = self.followers.match(text, offset - 1) if after_name and offset > 0 else None
                # 浙江省|政府, 米易县|政府: a word that ends inside 省政府, 县政府 does not count
                limit = max(offset, follower.end()) if follower is not None else offset
            for end in range(offset + 1, min(len(text), start + self._LONGEST) + 1):
                word = text[start:end]
                frequency = frequencies.get(word)
                if frequency is None:
                    break
                if end > limit and frequency > 0 and word not in self.names:
                    if name is not None and self._loses(start, end, offset, name):
                        continue
                    return True
        return False

    def _loses(self, start: int, end: int, offset: int, name: tuple[int, int]) -> bool:
        """Whether the word [start, end) across an end of `name` loses to a word of two or more
        characters that meets the name at `offset` and covers the word's part outside it."""
        frequencies, text = self.frequencies, self.text
        if offset == name[0] and end < name[1]:
            return any(
                frequencies.get(text[other:offset], 0) > 0
                for other in range(max(0, offset - self._LONGEST), min(start, offset - 2) + 1)
            )
        if offset == name[1] and start > name[0]:
            return any(
                frequencies.get(text[offset:other], 0) > 0
                for other in range(max(end, offset + 2), min(len(text), offset + self._LONGEST) + 1)
            )
        return False

    def aligned(self, *offsets: int) -> bool:
        for offset in offsets:  # a loop, not `any` over a generator: one or two offsets a call
            if self._crossed(offset, False):
                return False
        return True

    def ends(self, start: int, end: int) -> bool:
        """A name ending in the word [start, end) cuts no word at its end (航空城|建设: 城建 loses),
        except the words its last character opens as a follower (…博览会|上: 会上)."""
        return not self._crossed(end, True, (start, end))

    def name_fits(self, start: int, end: int) -> bool:
        """A place name cuts no word, except the ones its suffix opens (米易县|政府 from 县政府)."""
        return not self._crossed(start, False, (start, end)) and not self._crossed(end, True, (start, end))

    def only_word_across(self, offset: int, start: int, end: int) -> bool:
        """The one dictionary word across `offset` is [start, end), and a rare one (姜|山镇: 山镇,
        not 乡镇 or 城镇, which jieba counts as everyday words of their own)."""
        frequencies, text = self.frequencies, self.text
        if not 0 < frequencies.get(text[start:end], 0) < _SETTLEMENT_FREQ:
            return False
        for other in range(max(0, offset - self._LONGEST + 1), offset):
            for stop in range(offset + 1, min(len(text), other + self._LONGEST) + 1):
                word = text[other:stop]
                frequency = frequencies.get(word)
                if frequency is None:
                    break
                if frequency > 0 and (other, stop) != (start, end):
                    return False
        return True

    def is_rare_word(self, start: int, end: int) -> bool:
        """text[start:end] is the longest dictionary word at `start`, and a rare one (新市镇 8: a
        town jieba knows; 市镇 484 and 乡镇 1277 are not names)."""
        word = self.text[start:end]
        return 0 < self.frequencies.get(word, 0) < _SETTLEMENT_FREQ and self.word_at(start, start + self._LONGEST) == word

    def splits_at(self, start: int, offset: int, end: int) -> bool:
        """jieba's segmentation of text[start:end] puts a word boundary at `offset`: the reading a
        whole window decides, where two names overlap (从江|江西: 记者/从/江西省, but 从江/西部)."""
        from .._jieba import jieba

        position = start
        for word in jieba.cut(self.text[start:end], HMM=False):
            position += len(word)
            if position >= offset:
                return position == offset
        return False

    def word_at(self, start: int, limit: int) -> str:
        """The longest dictionary word at `start` ending by `limit` (one character when none)."""
        frequencies = self.frequencies
        for end in range(min(limit, start + self._LONGEST), start + 1, -1):
            if frequencies.get(self.text[start:end], 0) > 0:
                return self.text[start:end]
        return self.text[start : start + 1]


class _Cover:
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


_HAN_RUN = regex.compile(r"\p{Han}+")
_NAME_START = regex.compile(r"[\p{Han}A-Za-z]")
_BRACKETED = regex.compile(r"[（(][^）)]*[）)]")


def _occurrences(word: str, text: str) -> Iterator[tuple[int, int]]:
    """Where the non-empty `word` stands in `text`: left to right, not overlapping, as its regex finds it."""
    start = text.find(word)
    while start >= 0:
        yield start, start + len(word)
        start = text.find(word, start + len(word))


_LONGEST_FILLER = 40  # more text than this before a name in its clause is never only time phrases


def _opens_clause(text: str, start: int, end: int, compiled: _Compiled) -> bool:
    return _leads_clause(text, start, compiled) and not _listed(text, end, compiled)


def _leads_clause(text: str, start: int, compiled: _Compiled) -> bool:
    """Only time phrases and connectives stand before `start` in its clause."""
    clause = clause_start(text, start)
    if start - clause > _LONGEST_FILLER:
        return False
    # nothing before it: the filler, a repeat, matches the empty text
    return start == clause or compiled.filler.fullmatch(text, clause, start, KEEP_GIL) is not None


def _marked(match: EntityMatch, text: str, compiled: _Compiled) -> EntityMatch:
    """The match with its `subject` and `listed` flags (a new object only when one is set)."""
    listed = _listed(text, match.end, compiled)
    subject = not listed and _leads_clause(text, match.start, compiled)
    if (subject, listed) == (match.subject, match.listed):
        return match
    return match.flagged(subject, listed)


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


def _listed(text: str, end: int, compiled: _Compiled) -> bool:
    return compiled.not_subject.match(text, end, None, KEEP_GIL) is not None


def _name_before(
    text: str, position: int, rule: EntityRule, compiled: _Compiled, boundaries: _Boundaries
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


def _proper_start(
    text: str, start: int, end: int, places: list[EntityMatch], boundaries: _Boundaries, compiled: _Compiled,
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
        and (len(first) == 1 or (facility and len(first) >= 3) or not _common(first))  # one character: no dictionary word starts there
        and not _generic_word(first, compiled)
    )


def _generic_word(word: str, compiled: _Compiled) -> bool:
    """A word of generic name parts (村级, 高新技术), or one that jieba joins of a generic part and an
    everyday word (社区卫生, 社区服务): a kind of centre (社区卫生服务中心), as 社区|养老服务中心 is."""
    if compiled.generic.fullmatch(word) is not None:
        return True
    part = compiled.generic.match(word)
    return part is not None and _common(word[part.end() :])


_OVERLAP_CONTEXT = 2  # characters after two overlapping names that the segmentation reads too (从江|西部)


def _places(text: str, gazetteer: Gazetteer, boundaries: _Boundaries, compiled: _Compiled) -> list[EntityMatch]:
    """The gazetteer's forms that fit the text's words, left to right. A form that a later one
    overlaps and runs past (从江 and 江西省 in 记者从江西省…获悉) keeps its place only where the
    segmentation of both reads it (从江西部 is 从江/西部; 湖北京山市 is 湖北/京山/市)."""
    starts = gazetteer.starts(text)

    def fitting(position: int) -> PlaceHit | None:
        for hit in gazetteer.forms_at(text, position):
            if hit.form not in compiled.stopwords and boundaries.name_fits(hit.start, hit.end):
                return hit
        return None

    hits: list[PlaceHit] = []
    resume = 0
    for index, position in enumerate(starts):
        if position < resume or (hit := fitting(position)) is None:
            continue
        for later in starts[index + 1 :]:
            if later >= hit.end:
                break
            overlapping = fitting(later)
            if (
                overlapping is not None
                and overlapping.end > hit.end
                and boundaries.splits_at(hit.start, later, overlapping.end + _OVERLAP_CONTEXT)
            ):
                hit = overlapping
                break
        hits.append(hit)
        resume = hit.end
    mentioned = {hit.divisions[0].code for hit in hits if len(hit.divisions) == 1}
    matches = []
    for hit in hits:
        division = hit.divisions[0]
        if len(hit.divisions) > 1:  # a name shared by several divisions: the one whose parent is named
            for candidate in hit.divisions:
                if candidate.parent_code in mentioned:
                    division = candidate
                    break
        place = (hit.start, hit.end, "PLACE", hit.form, division.name, division.level, compiled.place_rules[hit.short])
        matches.append(tuple.__new__(EntityMatch, (*place, False, False)))  # as its tuple: see `flagged`
    return matches


def _short_forms_of_named(
    text: str, places: list[EntityMatch], gazetteer: Gazetteer, boundaries: _Boundaries, compiled: _Compiled
) -> list[EntityMatch]:
    """Short forms of the places the text names in full (义乌 once 义乌市 is named): the gazetteer
    leaves out forms jieba counts as ordinary words, but in a text about 义乌市 its 义乌 is the place."""
    taken = _Cover([(place.start, place.end) for place in places])
    found = []
    for form, division in {
        form: division
        for place in places
        if place.text == place.canonical and (division := gazetteer.division_named(place.canonical))
        for form in short_forms(place.canonical)
        if len(form) >= 2 and form not in gazetteer.forms and form not in compiled.stopwords
    }.items():
        for span in _occurrences(form, text):
            if not taken.covers(*span) and boundaries.name_fits(*span):
                found.append(
                    EntityMatch(*span, "PLACE", form, division.name, division.level, compiled.place_rules[True])
                )
    return found


def _as_written(match: EntityMatch, text: str) -> EntityMatch:
    """A place found in the simplified copy, named as the text writes it (臺中 → 臺中市)."""
    written = text[match.start : match.end]
    if written == match.text:
        return match
    suffix = match.canonical[len(match.text) :] if match.canonical.startswith(match.text) else None
    canonical = written + suffix if suffix is not None else match.canonical
    return match._replace(text=written, canonical=canonical)


def _nested(places: list[EntityMatch], gazetteer: Gazetteer) -> list[EntityMatch]:
    """A place written right after the full name of the one above it (绍兴市柯桥区) is one name:
    the inner place, written in full, so that it can open its clause as the subject. Short
    forms in a row (浙江宁波慈溪) stay separate places."""
    merged: list[EntityMatch] = []
    for place in places:
        outer = merged[-1] if merged else None
        division = gazetteer.division_named(place.canonical)
        adjacent = outer is not None and outer.end == place.start and outer.text == outer.canonical
        if adjacent and outer is not None and outer.level and outer.level != "listed" and division is not None:
            above = gazetteer.ancestor(division, outer.level)
            if above is not None and above.name == outer.canonical and division.name != outer.canonical:
                merged[-1] = place._replace(start=outer.start, text=outer.text + place.text)
                continue
        merged.append(place)
    return merged


_SETTLEMENT_SUFFIXES = "村镇乡"


def _organisations(
    text: str, places: list[EntityMatch], boundaries: _Boundaries, compiled: _Compiled,
    settlements: Container[str] = (),
) -> list[EntityMatch]:
    """Organisations and facilities named before their suffix; `settlements`: the villages and towns the
    text names, without their suffix (茶山 of 茶山村), which open a name as a place does."""
    found: dict[tuple[int, int], EntityMatch] = {}
    in_place: _Cover | None = None  # a facility's suffix inside a place's name (连云港) is none
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
                    in_place = _Cover([(place.start, place.end) for place in places])
                if in_place.covers(*suffix.span()):
                    continue
            start, name = _name_before(text, suffix.start(), rule, compiled, boundaries)
            if len(name) < 2 or compiled.generic.fullmatch(name):
                continue
            if rule.whole_place:
                if place_start < start:  # the place reaches back across a stop word
                    continue
            elif rule.proper_start and not _proper_start(
                text, start, suffix.start(), places, boundaries, compiled, rule.kind == "facility", settlements
            ):
                continue
            full = text[start : suffix.end()]
            found.setdefault((start, suffix.end()), EntityMatch(start, suffix.end(), "ORG", full, full, None, rule.id))
    for rule, pattern in compiled.of("org_definition"):
        for definition in pattern.finditer(text):
            name = definition.group("name")
            if len(name) < 2 or _common(name) or compiled.generic.fullmatch(name):
                continue
            if not boundaries.aligned(definition.start("name"), definition.end("name")):
                continue
            taken = _Cover(list(found))
            for span in _occurrences(name, text):
                if not taken.covers(span[0], span[0] + 1):
                    found[span] = EntityMatch(*span, "ORG", name, name, None, rule.id)
    organisations = sorted(found.values(), key=lambda m: (m.start, -m.end))
    return organisations + _aliases(text, organisations, places, boundaries, compiled)


def _core(organisation: EntityMatch, places: list[EntityMatch], rule_suffix: _Scanner) -> str:
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
    text: str, organisations: list[EntityMatch], places: list[EntityMatch], boundaries: _Boundaries,
    compiled: _Compiled,
) -> list[EntityMatch]:
    """Shorter names a text uses for a company it has named in full (索特重工 for 浙江索特重工科技有限公司)."""
    if not organisations:  # a text that names no company: no suffixes to index, no spans to cover
        return []
    suffixes = {rule.id: pattern for rule, pattern in compiled.of("org") if rule.alias}
    taken = _Cover([(m.start, m.end) for m in organisations])
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
                for start, end in _occurrences(alias, text)
                if not taken.covers(start, start + 1) and boundaries.aligned(start, end)
            ]
            if occurrences and not (length == 2 and _common(alias)):
                aliases.extend(
                    EntityMatch(s, e, "ORG", alias, organisation.canonical, None, "entity.org.alias")
                    for s, e in occurrences
                )
                break
    return aliases


_EVERYDAY_FREQ = 50  # a word jieba counts this often is an everyday word, not a name
_SETTLEMENT_FREQ = 1000  # 山镇 (537) may end a town's name; 乡镇 (1277), 城镇, 城乡 are words of their own
_NUMERAL = regex.compile(r"[0-9一二两三四五六七八九十百千几多数]")


def _common(word: str) -> bool:
    from .._jieba import jieba

    return (jieba.get_FREQ(word) or 0) >= _EVERYDAY_FREQ


def _areas(
    text: str, places: list[EntityMatch], boundaries: _Boundaries, compiled: _Compiled,
    kind: str = "area", label: Label = "AREA",
) -> tuple[list[EntityMatch], list[tuple[int, int, str, EntityRule]]]:
    """Named areas, and the bare area words (高新区, 开发区) that refer back to one; with `kind`
    event, named events (湖南（常德）新能源产业博览会) and the bare words (本届博览会) that refer back."""
    found: dict[int, EntityMatch] = {}
    bare: list[tuple[int, int, str, EntityRule]] = []
    place_start_by_end = {place.end: place.start for place in places}  # places do not overlap
    in_place = _Cover([(place.start, place.end) for place in places])
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
                and boundaries.aligned(start)
                and (not rule.proper_start or _proper_start(text, start, suffix.start(), places, boundaries, compiled))
            ):
                area = text[start : suffix.end()]
                found[suffix.end()] = EntityMatch(start, suffix.end(), label, area, area, None, rule.id)
    for town in chained:  # written again alone (茶山村地处…), it is the same place, whatever the dictionary says
        for start, end in _occurrences(town.text, text):
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
    before 分别: 其中A镇、B乡|分别…), one town of it (2–3 characters before a division suffix), and
    the characters a list's last suffix can end with (all of them when the suffixes are a pattern)."""
    town = rf"\p{{Han}}{{2,3}}?(?:{suffixes})"
    listed = regex.compile(rf"(?:^|[\n，,；;：:。]|其中)((?:{town}[、和与及]){{1,9}}{town})$")
    words = suffixes.split("|")
    ends = "".join({word[-1] for word in words}) if all(word.isalpha() for word in words) else ""
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
    kind of unit they all are, written once, then maybe what 分别 measures of them, ending where the
    text searched ends (right before 分别: 城关、银坑、岭背3个人民法庭|分别…; 五星步行街、万达广场两个
    重点商圈销售额|分别…): group `names`, group `kind`."""
    name = r"\p{Han}{2,5}?"
    return regex.compile(
        rf"(?:^|[\n，,；;：:。]|其中)(?P<names>(?:{name}[、和与及]){{1,9}}{name})"
        rf"(?:[0-9]{{1,2}}|[两二三四五六七八九十]{{1,2}})[个大]?(?P<kind>{suffixes})\p{{Han}}{{0,8}}$"
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
    text: str, suffix: regex.Match[str] | re.Match[str], rule: EntityRule, boundaries: _Boundaries, compiled: _Compiled,
    name_ends: Container[int] = (),
) -> EntityMatch | None:
    """The town or village of 2–3 characters before `suffix`: the name's own tests come before
    the dictionary's, since most of these suffixes (乡村, 城镇) open no name. Two characters are
    tried first, unless exactly three stand between the suffix and a mark or the text's start
    (龙溪铺镇2025年…): a character left over there would belong to no word. An everyday word
    written right after the name of the town or county it lies in (`name_ends`: 大塅镇|茶山村,
    铜鼓县|桃园村) is a name all the same: a place chain names places, no kinds of them."""
    three = suffix.start() - 3
    whole_run = three >= 0 and (three == 0 or not HAN.match(text, three - 1))
    for length in (3, 2) if whole_run else (2, 3):
        start = suffix.start() - length
        name = text[max(start, 0) : suffix.start()]
        if start < 0 or not _HAN_RUN.fullmatch(name, None, None, KEEP_GIL):
            continue
        if compiled.stop.search(name, None, None, KEEP_GIL):
            continue
        if compiled.generic.fullmatch(name, None, None, KEEP_GIL) or (
            # a word before 管理区 is its name (a site's name, as 屈家岭), unless it is a kind of area (景区, 园区)
            start not in name_ends
            and _common(name)
            and (len(suffix.group()) < 3 or name.endswith("区"))
            and not compiled.settlement.fullmatch(name, None, None, KEEP_GIL)
        ):
            continue
        if not boundaries.aligned(start, suffix.end()):
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
            )
        ):
            continue
        area = text[start : suffix.end()]
        return EntityMatch(start, suffix.end(), "AREA", area, area, "town", rule.id)
    return None


class _Region(NamedTuple):
    canonical: str
    written: str  # the most complete way the text writes it
    level: EntityLevel | None
    label: Label
    score: float


_TITLE_WEIGHT = 5.0  # a name in the title says what the article is about
_HEAD_WEIGHT = 2.0  # … and in the lines right under it (dateline, issuer)
_HEAD_LINES = 4
_REFERENCE_WEIGHT = 0.5  # 全县 says the article is about a county


class _Tally:
    """How much the text is about each place and area it names, references aside: the ranking
    before references resolve (they resolve to it) and the main region after (全县 adds to a
    county) are both read from one tally. A place that opens the name of an organisation in the
    head (江西省机场集团2025年运输生产创历史新高) counts there: an organisation's own release is
    about its place; elsewhere such a place is part of a name, as a place inside any name is, and
    so it is in the name of a facility or an event (平陆运河, 湖南（常德）…博览会) anywhere."""

    def __init__(self, text: str, entities: list[EntityMatch], organisation_rules: Container[str] = ()):
        self.head = _units(text).paragraphs[:_HEAD_LINES]
        self.head_end = self.head[-1][1] if self.head else 0
        covered = _Cover([(m.start, m.end) for m in entities if m.label in ("AREA", "ORG")])
        self.scores: dict[str, float] = {}  # dicts, not Counters: building those costs more than the tally
        self.written: dict[str, str] = {}
        self.info: dict[str, tuple[EntityLevel | None, Label]] = {}
        organisation_starts: set[int] = set()
        for match in entities:
            if match.start < self.head_end and match.rule in organisation_rules and match.start not in organisation_starts:
                organisation_starts.add(match.start)  # 江西省机场集团 and 江西省机场 are one name
                self._count_opening_place(text, match)
            if match.label in ("REF", "ORG"):
                continue
            if match.label == "PLACE" and covered.covers(match.start, match.end):
                continue
            self._count(match.start, match.text, match.canonical, match.level, match.label)

    def _count_opening_place(self, text: str, organisation: EntityMatch) -> None:
        """The place that opens an organisation's name in the head (江西省 of 江西省机场集团)."""
        hit = next(load_gazetteer().forms_at(text[: organisation.end], organisation.start), None)
        if hit is not None:
            division = hit.divisions[0]
            self._count(hit.start, hit.form, division.name, division.level, "PLACE")

    def _count(self, start: int, written: str, canonical: str, level: EntityLevel | None, label: Label) -> None:
        rank = None
        if start < self.head_end:  # most names stand below the head
            rank = next((index for index, (first, end) in enumerate(self.head) if first <= start < end), None)
        weight = 1.0 if rank is None else (_TITLE_WEIGHT if rank == 0 else _HEAD_WEIGHT)
        self.scores[canonical] = self.scores.get(canonical, 0) + weight
        if len(written) > len(self.written.get(canonical, "")):
            self.written[canonical] = written
        self.info[canonical] = (level, label)

    def top(self, references: dict[EntityLevel, int]) -> _Region | None:
        """The place or area the text is most about (of equals, the first it names), given how
        many references (全县) of each level it holds."""
        scores = dict(self.scores)
        for key, (level, _) in self.info.items():
            if level:
                scores[key] += _REFERENCE_WEIGHT * references.get(level, 0)
                if level == "county" and key.endswith("市"):  # a county-level city is 全市 too (义乌市)
                    scores[key] += _REFERENCE_WEIGHT * references.get("city", 0)
        if not scores:
            return None
        key = max(scores, key=scores.__getitem__)  # the first of the highest, as a stable sort's
        return _Region(key, self.written[key], *self.info[key], scores[key])


def _reference_levels(entities: list[EntityMatch]) -> dict[EntityLevel, int]:
    """How many references of each level (全县: county) `entities` holds."""
    counts: dict[EntityLevel, int] = {}
    for match in entities:
        if match.label == "REF" and match.level:
            counts[match.level] = counts.get(match.level, 0) + 1
    return counts


def main_region(text: str, entities: list[EntityMatch], rules: RuleSet | None = None) -> str | None:
    """The place the text is about, written as the text names it most completely (米易县); with the
    `rules` that found the entities, also the place that opens an organisation's name in the head."""
    organisation_rules = _organisation_rules(_compile(rules)) if rules is not None else ()
    region = _Tally(text, entities, organisation_rules).top(_reference_levels(entities))
    return region.written if region else None


class _ByStart:
    """Matches sorted by start, for "the last one before this offset" by bisection."""

    def __init__(self, matches: list[EntityMatch]):
        self.matches = sorted(matches, key=lambda m: (m.start, m.end))
        self._starts = [m.start for m in self.matches]

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


def _resolver(
    rule: EntityRule, main: _Region | None, places: list[EntityMatch], areas: list[EntityMatch],
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
    named = _ByStart([m for m in places + areas if m.canonical.endswith(suffix)])

    def nearest(position: int) -> str | None:
        match = named.last(0, position)
        return match.canonical if match else resolve(position)

    return nearest


def _region_resolver(
    rule: EntityRule, main: _Region | None, places: list[EntityMatch], areas: list[EntityMatch],
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
    nearest = _ByStart(
        [m for m in places if m.level == rule.level]
        + [m for m in areas if suffix and m.text.endswith(suffix)]
    )

    def resolve(position: int) -> str | None:
        match = nearest.last(0, position)
        return match.canonical if match else None

    return resolve


def find_entities(text: str, rules: RuleSet) -> list[EntityMatch]:
    """Every place, organisation, named area and resolved reference in `text`, by position."""
    return find_entities_and_main_region(text, rules)[0]


def find_entities_and_main_region(text: str, rules: RuleSet) -> tuple[list[EntityMatch], str | None]:
    """`find_entities` and `main_region` of its matches, with the text's places and areas tallied once."""
    compiled = _compile(rules)
    gazetteer = load_gazetteer(compiled.stopwords)
    # the gazetteer and jieba's dictionary are simplified: look names up in a simplified copy
    # of the text (same length, so offsets hold) and write them as the text does (臺中市)
    lookup = text.translate(compiled.simplified) if compiled.traditional.search(text) else text
    boundaries = _Boundaries(lookup, compiled.followers, gazetteer.stems)
    found = _places(lookup, gazetteer, boundaries, compiled)
    found = sorted(found + _short_forms_of_named(lookup, found, gazetteer, boundaries, compiled), key=lambda m: m.start)
    places = _nested([_as_written(place, text) for place in found], gazetteer)
    areas, bare = _areas(text, places, boundaries, compiled)
    # a cooperative or a farm is named after its village or town (茶山村 → 茶山绿源茶叶专业合作社), a word the
    # dictionary may count as everyday (茶山): in a text that names the village, it opens a name
    settlements = {area.text[:-1] for area in areas if len(area.text) >= 3 and area.text[-1] in _SETTLEMENT_SUFFIXES}
    organisations = _organisations(text, places, boundaries, compiled, settlements)
    # an event is no region the text is about (the tally skips ORG) and its name holds places
    events, bare_events = _areas(text, places, boundaries, compiled, "event", "ORG")
    in_organisation = _Cover([(m.start, m.end) for m in organisations + events])
    places = [p for p in places if not in_organisation.covers(p.start, p.end)]
    named = sorted(places + organisations + areas + events, key=lambda m: (m.start, -m.end))
    tally = _Tally(text, named, _organisation_rules(compiled))
    first = tally.top({})
    references: list[EntityMatch] = []
    for rule, pattern in compiled.of("reference"):
        words = [spot for spot in pattern.finditer(text) if boundaries.name_fits(*spot.span())]
        if not words:
            continue
        resolve = _resolver(rule, first, places, areas, gazetteer)
        for spot in words:
            target = resolve(spot.start())
            if target:
                canonical = rule.template.format(name=target)
                references.append(EntityMatch(*spot.span(), "REF", spot.group(), canonical, rule.level, rule.id))
    for start, end, word, rule in bare + bare_events:
        earlier = _ByStart([a for a in areas + events if a.text.endswith(word)]).last(0, start)
        main = first if first and first.label == "AREA" and first.canonical.endswith(word) else None
        target_name = earlier.canonical if earlier else (main.canonical if main else None)
        if target_name:
            references.append(EntityMatch(start, end, "REF", word, target_name, None, rule.id))
        elif rule.alone and _leads_clause(text, start, compiled):
            # the place's own zone, a part of it as a district is: named as written, a row's place
            # too; not after a word that makes it a class (各高新区, 国家级高新区)
            references.append(EntityMatch(start, end, "AREA", word, word, None, rule.id))
    marked = _flagged_as_opened(
        [_marked(m, text, compiled) for m in sorted(named + references, key=lambda m: (m.start, -m.end))]
    )
    marked = _investors(text, _innermost_places(text, marked, compiled), compiled)
    about = tally.top(_reference_levels(references))  # coreferences have no level: they add nothing
    return marked + _coreferences(text, marked, boundaries, compiled), about.written if about else None


def _innermost_places(text: str, entities: list[EntityMatch], compiled: _Compiled) -> list[EntityMatch]:
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


def _investors(text: str, entities: list[EntityMatch], compiled: _Compiled) -> list[EntityMatch]:
    """An organisation that invests (另一个项目由X公司投资12.6亿元扩建, 最大的是X公司投资32亿元建设的…)
    is the subject of its sentence wherever it stands in its clause, unless a subject opens the
    sentence before it (长葛德茂再生资源有限公司…项目，由德茂集团投资…: the project's company)."""
    units = _units(text)
    result = list(entities)
    for position, match in enumerate(entities):
        if match.label != "ORG" or match.subject or match.listed or not compiled.investor.match(text, match.end):
            continue
        sentence_start = units.sentence_at(match.start)[0]
        if not any(m.subject and sentence_start <= m.start < match.start for m in result):
            result[position] = match.flagged(True, False)
    return result


def _coreferences(
    text: str, entities: list[EntityMatch], boundaries: _Boundaries, compiled: _Compiled
) -> list[EntityMatch]:
    """该公司 / 公司 opening a clause: the company last named as a subject in the paragraph,
    else the company last named there at all (在恒锐光电的新厂房里…“去年公司实现产值…”); a word
    that names the kind of organisation (集团, 合作社) stands for the last one of that kind the text names."""
    event_rules = {rule.id for rule, _ in (*compiled.of("event"), *compiled.of("facility"))}  # no company either
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
    units = _units(text)
    subjects = _ByStart([m for m in companies if m.subject])
    named = _ByStart(companies)
    of_kind: dict[str, _ByStart] = {}
    found = []
    for rule, match in openings:
        if rule.suffix:  # a word of the kind the name ends in (集团): the last of that kind, in any paragraph
            if rule.suffix not in of_kind:
                of_kind[rule.suffix] = _ByStart([m for m in organisations if m.canonical.endswith(rule.suffix)])
            antecedent = of_kind[rule.suffix].last(0, match.start())
        else:
            paragraph_start, _ = units.paragraph_at(match.start())
            antecedent = subjects.last(paragraph_start, match.start()) or named.last(paragraph_start, match.start())
        if antecedent:
            found.append(EntityMatch(*match.span(), "REF", match.group(), antecedent.canonical, None, rule.id, True))
    return found


@lru_cache(maxsize=8)
def _units(text: str) -> TextUnits:
    return TextUnits(text)


@dataclass
class EntityIndex:
    """A text's entities as its figures look them up: subjects and list members by where they
    start, built once per text (`index_entities`) and passed to `entity_for` for each figure."""

    entities: list[EntityMatch]
    subjects: _ByStart
    listed: _ByStart
    parts: frozenset[int]  # where the subjects named after 其中 start (其中A区…): a part's reach is short
    respectively: bool  # the text holds 分别 (most do not: their figures never look for it)
    items: list[int]  # where the items of lists inside sentences open (一是…；二是…), in order
    list_heads: _ByStart  # listed names that open their clause (5月A市、B市位列…): a list that may be a subject
    _named: tuple[_ByStart, dict[int, EntityMatch], dict[int, EntityMatch]] | None = None
    _spans: dict[tuple[int, int], EntityMatch] | None = None  # names by their span, for a table's rows

    def named(self) -> tuple[_ByStart, dict[int, EntityMatch], dict[int, EntityMatch]]:
        """Every name but references (全省), and those names by where they end and where they start
        (of two that end or start together, the longer): built only for a text whose figures ask
        for a part named at its figure or the names a 分别 pairs (其中A区358人、B区254人;
        A市、B市分别…), which most texts never do."""
        if self._named is None:
            named = _ByStart([m for m in self.entities if m.label != "REF"])
            self._named = named, {m.end: m for m in reversed(named.matches)}, {m.start: m for m in named.matches}
        return self._named


def index_entities(entities: list[EntityMatch], text: str, rules: RuleSet) -> EntityIndex:
    """The subjects and list members of `entities`, found in `text`, indexed for its figures;
    with the items of lists inside sentences that `rules` find there."""
    subjects = [m for m in entities if m.subject]
    return EntityIndex(
        entities,
        _ByStart(subjects),
        _ByStart([m for m in entities if m.listed]),
        frozenset(m.start for m in subjects if text[max(0, m.start - 3) : m.start].rstrip("，,").endswith("其中")),
        "分别" in text,
        [item.start() for item in _compile(rules).list_item.finditer(text)],
        _ByStart([m for m in entities if m.listed and _leads_clause(text, m.start, _compile(rules))]),
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


def _counts_a_list(text: str, position: int, index: EntityIndex) -> bool:
    """The figure at `position` counts a list (热水村等3个村, X、Y等7个项目), not its subject."""
    clause = clause_start(text, position)
    return (
        text[max(clause, position - 8) : position].rstrip().endswith("等")
        or index.listed.last(clause, position, end_by=position) is not None
    )


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
    position = sum(text.count(mark, at, quantity[0]) for mark in "、和及")
    return names[position] if position < len(names) else None


def _names_listed(text: str, quantity: tuple[int, int], sentence: tuple[int, int], index: EntityIndex) -> str | None:
    """Names back to back that one figure is said of, written as the text lists them: a list that
    opens a clause of the sentence before the figure, with no ； between (5月A市、B市、C市位列全省前三;
    其中A市、B市均为100%), or one that the figure's clause ends with after 为, 是 or 有
    (前三位城市依次为A市、B市、C市; 达到100%的有A市、B市2个市). None for a single name, for a list that
    goes on with names we do not know or with 等 (A、B等地, A、B、C等13个项目: examples of more), and
    for a sum over the list (A县、B县合计完工17个: the region's figure, as a count of the list is)."""
    head = index.list_heads.last(sentence[0], quantity[0])
    if head is not None and "；" not in text[head.end : quantity[0]]:
        names = _names_from(text, head, quantity[0], index)
        return text[names[0] : names[1]] if names and not _NOT_ALL_LISTED.match(text, names[1]) else None
    after = _NAMES_AFTER.match(text, quantity[1], sentence[1])
    first = index.named()[2].get(after.end()) if after is not None else None
    names = _names_from(text, first, sentence[1], index) if first is not None else None
    return text[names[0] : names[1]] if names and not _NOT_ALL_LISTED.match(text, names[1]) else None


# the words between a figure and the names it is said of (前三位|城市依次为|A市、B市; 达到100%|的有|A市、B市)
_NAMES_AFTER = regex.compile(r"\p{Han}{0,6}?(?:依次为|依次是|为|是|有)")
# what makes a list of names no subject: more names or 等 after it, or a sum over it
_NOT_ALL_LISTED = regex.compile(r"[、和及与等]|合计|共计|总计|累计|共")


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
    subject = index.subjects.last(sentence[0], quantity[0], end_by=quantity[0])
    if subject is not None and subject.start in index.parts:  # a part named after 其中: few figures
        part = _part_at(text, quantity, index)
        if part is not None:
            return part.name, "entity.part_at_figure"
        while subject and subject.start in index.parts and "；" in text[subject.end : quantity[0]]:
            subject = index.subjects.last(sentence[0], subject.start, end_by=subject.start)
    if subject is not None and index.items:
        subject = _subject_of_its_item(subject, quantity, sentence, index)
    if subject and not _counts_a_list(text, quantity[0], index):
        return subject.name, "entity.subject"
    if index.respectively:  # one find, only in a text that holds 分别, for a figure without a subject of its own
        at = text.rfind("分别", sentence[0], quantity[0])
        if at >= 0 and text.find("；", at, quantity[0]) < 0:  # a 分别 pairs no figure past the ； that ends its list
            part = _paired(text, quantity, at, sentence[0], index)
            if part is not None:
                return part.name, "entity.part_at_figure"
    listed = _names_listed(text, quantity, sentence, index)
    if listed is not None:
        return listed, "entity.listed_names"
    if paragraph_start is None:
        paragraph_start, _ = _units(text).paragraph_at(quantity[0])
    carried = index.subjects.last(paragraph_start, sentence[0])
    while carried and (carried.start in index.parts or carried.rule in _SENTENCE_REACH):
        # a part's reach ends with its sentence, as a transport facility's does (…铁路发送旅客…。对东盟进出口…)
        carried = index.subjects.last(paragraph_start, carried.start)
    if carried:
        return carried.name, "entity.paragraph"
    if main_region:
        return main_region, "entity.main_region"
    return None, "entity.none"


# facilities that carry part of the region's traffic or water: a sentence after theirs with no subject
# of its own is the region's again (…铁路发送旅客…。对东盟进出口…; …灌区…完成投资…。全年新建渠道…)
_SENTENCE_REACH = frozenset({"entity.facility.transport", "entity.facility.water_course"})

# the kinds of entity rule that fire wherever their pattern is found (probe, for the rules' examples)
_SEARCHED_KINDS = frozenset(
    {
        "name_stop", "name_trim", "subject_filler", "not_subject", "investor_verb", "place_chain", "generic_name",
        "settlement_name", "place_follower", "list_item",
    }
)


def probe(text: str, rules: RuleSet) -> set[str]:
    """Ids of the entity rules that fire on `text` (for the rule-examples test)."""
    fired = {match.rule for match in find_entities(text, rules)}
    compiled = _compile(rules)
    for rule in _rules(rules):
        stopword = rule.kind == "place_stopword" and text in compiled.stopwords and text in rule.pattern.split("|")
        variant = rule.kind == "script_variant" and any(char in rule.pattern for char in text)
        searched = rule.kind in _SEARCHED_KINDS and regex.search(rule.pattern, text)
        if stopword or variant or searched:
            fired.add(rule.id)
    return fired
