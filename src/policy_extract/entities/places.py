"""Places, from the gazetteer of administrative divisions: its forms that fit the text's words,
the short forms of the places the text names in full, each as the text writes it, and a place
written right after the one above it (绍兴市柯桥区) as one name."""

from __future__ import annotations

from ..gazetteer import Division, Gazetteer, PlaceHit, short_forms
from .boundaries import Boundaries, occurrences_of
from .results import Cover, EntityMatch
from .rules import Compiled

_OVERLAP_CONTEXT = 2  # characters after two overlapping names that the segmentation reads too (从江|西部)


def places_of(text: str, gazetteer: Gazetteer, boundaries: Boundaries, compiled: Compiled) -> list[EntityMatch]:
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


def short_forms_of_named(
    text: str, places: list[EntityMatch], gazetteer: Gazetteer, boundaries: Boundaries, compiled: Compiled
) -> list[EntityMatch]:
    """Short forms of the places the text names in full (义乌 once 义乌市 is named): the gazetteer
    leaves out forms jieba counts as ordinary words, but in a text about 义乌市 its 义乌 is the place."""
    taken = Cover([(place.start, place.end) for place in places])
    found = []
    for form, division in {
        form: division
        for place in places
        if place.text == place.canonical and (division := gazetteer.division_named(place.canonical))
        for form in short_forms(place.canonical)
        if len(form) >= 2 and form not in gazetteer.forms and form not in compiled.stopwords
    }.items():
        for span in occurrences_of(form, text):
            if not taken.covers(*span) and boundaries.name_fits(*span):
                found.append(
                    EntityMatch(*span, "PLACE", form, division.name, division.level, compiled.place_rules[True])
                )
    return found


_LIST_MARK = "、"
_LONGEST_LEFT_OUT = 5  # characters of the longest form `listed_with_siblings` tries before a mark


def listed_with_siblings(
    text: str, places: list[EntityMatch], gazetteer: Gazetteer, boundaries: Boundaries, compiled: Compiled
) -> list[EntityMatch]:
    """Forms the gazetteer leaves out as everyday words (宝鸡, 市中区) listed with 、 next to a place
    under the same parent (西安、宝鸡、咸阳; 峨眉山市、市中区): the place, there and wherever else the
    text writes it (a table's row 市中区)."""
    left_out = gazetteer.left_out
    taken = Cover([(place.start, place.end) for place in places])
    parents = {}
    for place in places:
        division = gazetteer.division_named(place.canonical)
        if division is not None and division.parent_code:
            parents[(place.start, place.end)] = division.parent_code
    found: dict[str, Division] = {}
    queue = list(parents.items())
    while queue:
        (start, end), parent = queue.pop()
        spans = []
        if text.startswith(_LIST_MARK, end):
            spans += [(end + 1, end + 1 + n) for n in range(_LONGEST_LEFT_OUT, 1, -1)]
        if start > 0 and text[start - 1] == _LIST_MARK:
            spans += [(start - 1 - n, start - 1) for n in range(_LONGEST_LEFT_OUT, 1, -1) if start - 1 - n >= 0]
        for span in spans:
            form = text[span[0] : span[1]]
            sibling = next((d for d in left_out.get(form, ()) if d.parent_code == parent), None)
            if sibling is None or form in compiled.stopwords or span in parents or taken.covers(*span):
                continue
            if not boundaries.name_fits(*span):
                continue
            found.setdefault(form, sibling)
            parents[span] = parent
            queue.append((span, parent))
            break
    matches = []
    for form, division in found.items():
        short = form != division.name
        for span in occurrences_of(form, text):
            if not taken.covers(*span) and boundaries.name_fits(*span):
                matches.append(EntityMatch(*span, "PLACE", form, division.name, division.level, compiled.place_rules[short]))
    return matches


def as_written(match: EntityMatch, text: str) -> EntityMatch:
    """A place found in the simplified copy, named as the text writes it (臺中 → 臺中市)."""
    written = text[match.start : match.end]
    if written == match.text:
        return match
    suffix = match.canonical[len(match.text) :] if match.canonical.startswith(match.text) else None
    canonical = written + suffix if suffix is not None else match.canonical
    return match._replace(text=written, canonical=canonical)


def nested(places: list[EntityMatch], gazetteer: Gazetteer) -> list[EntityMatch]:
    """A place written right after the full name of the one above it (绍兴市柯桥区) is one name:
    the inner place, written in full, so that it can open its clause as the subject. Short
    forms in a row (浙江宁波慈溪) stay separate places."""
    merged: list[EntityMatch] = []
    for place in places:
        outer = merged[-1] if merged else None
        division = gazetteer.division_named(place.canonical)
        adjacent = outer is not None and outer.end == place.start and outer.text == outer.canonical
        if adjacent and outer is not None and outer.level and outer.level != "listed" and outer.level != "office" and division is not None:
            above = gazetteer.ancestor(division, outer.level)
            if above is not None and above.name == outer.canonical and division.name != outer.canonical:
                merged[-1] = place._replace(start=outer.start, text=outer.text + place.text)
                continue
        merged.append(place)
    return merged
