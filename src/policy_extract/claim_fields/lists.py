"""Lists of figures, and the items a list names, for the metric.

Which list of figures a figure stands on, how the subject of a 分别 list splits into one item
per figure, a share of a whole named after a list of shares, and what lets a later group of a
list share the noun of the figure before. Nothing here asks for another figure's metric: what
does (the 分别 pairing, the shared noun) is in metric.py, which recurses into itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import regex

from .candidates import strip
from .clauses import has_han
from .rules import SELF, Compiled, FieldRules, compiled, literals_search, of_role

_LIST_MARK = re.compile(r"[、和及与]")
_LIST_JOINT = re.compile(r"(?:以上|以内|左右)?[、和及]")


def split_list(subject: str, count: int, rules: FieldRules) -> list[str]:
    """The metrics of a 分别 list: 旅游收入、游客人数 → two; 城乡居民收入 → 城镇…, 农村…; items that
    share the head noun written after the last (汽车制造业、电气机械和器材制造业用电量) each get it."""
    subject = without_list_count(subject, count, rules)
    items = [item for item in _LIST_MARK.split(subject) if item]
    if len(items) == count:
        return _with_shared_head(items)
    # names with 及 or 和 inside, listed with 、 alone (其他用品及服务、教育文化娱乐、…、生活用品及服务价格)
    named = subject.split("、")
    if len(items) > count and len(named) == count:
        return _with_shared_head(named)
    if len(items) == 1:
        for item in of_role(rules, "metrics", "split"):
            parts = item.rule.parts  # type: ignore[attr-defined]
            if item.search(subject) and len(parts) == count:
                return [item.pattern.sub(part, subject, count=1) for part in parts]
        return []
    # a collective word that names several items (三次产业 → 第一产业, 第二产业, 第三产业)
    expanded = [part for item in items for part in _collective_parts(item, rules)]
    if len(expanded) == count:
        return _with_shared_head(expanded)
    # a name with 和 or 、 inside it (电气机械和器材制造业): the items end as the others do
    for name in items[:-1]:
        merged = _merged_to(items, name[-1])
        if len(merged) == count:
            return _with_shared_head(merged)
    return []


_NUMERALS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def without_list_count(subject: str, count: int, rules: FieldRules) -> str:
    """`subject` without a count of a kind that closes a list of names and only enumerates them
    (纺织业、化工业、机械制造业|三大主导产业 → the three names), when the count is the list's figures'
    (`count`) and a list mark stands before it; else `subject` as it is."""
    if "、" not in subject:
        return subject
    for item in of_role(rules, "metrics", "list_count"):
        match = item.search(subject)
        if match is None or match.end() != len(subject) or "、" not in subject[: match.start()]:
            continue
        number = match["number"]
        if (_NUMERALS.get(number) if not number.isdigit() else int(number)) == count:
            return subject[: match.start()]
    return subject


_EXAMPLES_OF_A_KIND = regex.compile(r"(\p{Han}+(?:[、和及与]\p{Han}+)+)等(\p{Han}{2,})$")


def examples_measured(subject: str, count: int, rules: FieldRules) -> list[str]:
    """The metrics of a 分别 list whose subject names examples of a kind, then what is measured of
    them (对虾、海参、梭子蟹等特色品种产量 → 对虾产量, …): cut as a head, the examples would leave
    the kind alone (特色品种产量) for every figure."""
    examples = _EXAMPLES_OF_A_KIND.search(subject)
    if examples is None:
        return []
    items = [item for item in _LIST_MARK.split(examples[1]) if item]
    if len(items) != count:
        return []
    for rule in of_role(rules, "metrics", "example_kind"):
        kind = rule.pattern.fullmatch(examples[2])
        if kind is not None:
            return [f"{item}{kind['measure']}" for item in items]
    return []


def _collective_parts(item: str, rules: FieldRules) -> list[str]:
    """The items a collective word names when it is a list item by itself (三次产业), else the item."""
    for rule in of_role(rules, "metrics", "split"):
        if rule.pattern.fullmatch(item):
            return list(rule.rule.parts)  # type: ignore[attr-defined]
    return [item]


def _merged_to(items: list[str], ending: str) -> list[str]:
    """The pieces of a list joined up to each piece that ends with `ending` (电气机械 + 器材制造业 with
    业), the last piece closing the last item whatever its end."""
    merged: list[str] = []
    piece = ""
    for position, item in enumerate(items):
        piece = f"{piece}和{item}" if piece else item
        if item.endswith(ending) or position == len(items) - 1:
            merged.append(piece)
            piece = ""
    return merged


_SHARE_OF = re.compile(r"占(?:全部|全)?")


def _with_shared_head(items: list[str]) -> list[str]:
    """The items of a list with the head noun written once after the last given to each of them:
    what follows the end the earlier items have in common (汽车制造业、…器材制造业|用电量; 职工医保、
    居民医保|参保人数), else a share's measure, which the whole after 占 names too (…城乡居民生活|用电量
    占全社会用电量的比重, …居民生活|用水量占用水总量的比重)."""
    *earlier, last = items
    head = ""
    ending = earlier[0][-1]
    share = _SHARE_OF.search(last)
    at = last.find(ending, 1, share.start() if share is not None else len(last))
    if at >= 0 and all(item.endswith(ending) for item in earlier):
        head = last[at + 1 :]
    elif share is not None:
        # the measure is the longest piece the part and the whole have in common (用电量, 用水)
        part, whole = last[: share.start()], last[share.end() :].split("的")[0]
        for size in range(min(len(part), len(whole)), 1, -1):
            at = next((i for i in range(1, len(part) - size + 1) if part[i : i + size] in whole), -1)
            if at > 0:
                head = last[at:]
                break
    if len(head) < 2 or not has_han(head) or any(item.endswith(head) for item in earlier):
        return items
    return [f"{item}{head}" for item in earlier] + [last]


def _joins_list(text: str, end: int, start: int, rules: FieldRules) -> bool:
    """Whether the figure at `start` goes on the list whose last figure ends at `end`: a list mark
    between them, and at most a verb of change after it, for a list may turn direction at an item
    (分别增长15.2%、9.7%和下降2.4%): the verbs are those of the `kinds` rules of change."""
    mark = _LIST_JOINT.match(text, end, start)
    if mark is None:
        return False
    if mark.end() == start:
        return True
    turn = text[mark.end() : start] + SELF
    return any(item.fullmatch(turn) for item in _change_cues(rules))


@lru_cache(maxsize=16)
def _change_cues(rules: FieldRules) -> tuple[Compiled, ...]:
    """The kind rules of change read on a figure's clause: their verbs are those of change."""
    return tuple(
        item for item in compiled(rules, "kinds") if item.rule.kind == "change" and item.rule.reads == "context"  # type: ignore[attr-defined]
    )


def list_position(
    text: str, clause: tuple[int, int], quantity: tuple[int, int], others: Sequence[tuple[int, int]], rules: FieldRules
) -> tuple[int, int, int]:
    """(index, length, start) of the list of figures (、和及) that holds the quantity."""
    # `others` may hold the quantity itself (a fall-back to an earlier figure passes its sentence's
    # figures): counted twice, it would break its own list
    in_clause = [o for o in others if clause[0] <= o[0] < clause[1] and o != quantity]
    if not in_clause:  # most figures stand alone in their clause
        return 0, 1, quantity[0]
    figures = sorted([quantity, *in_clause])
    lists: list[list[tuple[int, int]]] = []
    for figure in figures:
        if lists and _joins_list(text, lists[-1][-1][1], figure[0], rules):
            lists[-1].append(figure)
        else:
            lists.append([figure])
    for group in lists:
        if quantity in group:
            return group.index(quantity), len(group), group[0][0]
    return 0, 1, quantity[0]


_WHOLE_AFTER = regex.compile(r"的(\p{Han}{2,12}?)(?=[、，。；]|和|及|$)")  # 50%以上|的税收、…
_WHOLE_LINK = regex.compile(r"的\p{Han}{2,12}?[、和及]")  # between two shares of one list


def share_of_the_whole_after(
    text: str, clause: tuple[int, int], quantity: tuple[int, int], others: Sequence[tuple[int, int]], rules: FieldRules
) -> tuple[str, str] | None:
    """(metric, rule id) of a share followed by the whole it is a share of, after a verb of
    contribution (民营经济贡献了全市|50%以上|的税收、60%以上|的地区生产总值): the subject before the
    verb 占 the whole 比重; a later share of the list takes the subject of the first."""
    whole = _WHOLE_AFTER.match(text, quantity[1], clause[1])
    if whole is None:
        return None
    first = quantity
    for other in sorted((o for o in others if clause[0] <= o[0] and o[1] <= quantity[0]), reverse=True):
        if not _WHOLE_LINK.fullmatch(text, other[1], first[0]):
            break
        first = other
    head = text[clause[0] : first[0]]
    for item in of_role(rules, "metrics", "contribution"):
        match = item.search(head)
        if match:
            subject = strip(head[: match.start()], rules)
            return (f"{subject}占{whole[1]}比重", item.rule.id) if has_han(subject) else None
    return None


SHORT_ACTION = 6  # longest own words of a later list group that can be an action alone


_UNIT_WRITTEN = re.compile(r"[^\d.．０-９零〇一二两三四五六七八九十百千万亿]*$")


def unit_written(text: str, figure: tuple[int, int]) -> str:
    """The unit a figure is written with, its magnitude left out (126.4万亩 → 亩, 31个 → 个)."""
    return _UNIT_WRITTEN.search(text, figure[0], figure[1]).group()  # type: ignore[union-attr]


@lru_cache(maxsize=16)
def _shared_noun_words(rules: FieldRules) -> re.Pattern[str] | None:
    """A stdlib search for the words an action or a total needs (most short words before a
    figure have none: 实现, 同比增长 are cut already)."""
    return literals_search(item for role in ("action", "total") for item in of_role(rules, "metrics", role))


def may_share_a_noun(own: str, rules: FieldRules) -> bool:
    words = _shared_noun_words(rules)
    return bool(own) and (words is None or words.search(own) is not None)
