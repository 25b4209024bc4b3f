"""The metric of a figure: the shortest noun phrase of the text that names what is measured.

`metric_for` reads the words before the figure, the noun after it, the list it stands on or
the figure before it, whose metric it asks for in turn (cached: a list of figures that each
fall back on the one before works each out once).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

import regex

from ..rule_files import RuleSet
from ..tables import table_cell
from ..text_units import KEEP_GIL, clause_at
from .candidates import strip, strip_before_names, without_subject
from .clauses import clause_of, clauses_before, has_han, masked, names_a_measure
from .lists import (
    SHORT_ACTION,
    examples_measured,
    list_position,
    may_share_a_noun,
    share_of_the_whole_after,
    split_list,
    unit_written,
    without_list_count,
)
from .rules import SELF, FieldRules, compiled, field_rules, found, literals_search, of_role, role_words

# a quoted name may open with a letter or a digit (“5G+智慧园区”标杆项目)
# a noun phrase opens with a word, a quoted name, an age bound (1.9万名|65岁以上老年人) or a grade
# written in Latin letters, maybe after its digit (216家|A级旅游景区, 5家|4A级景区, 12家|AAAA级景区)
_NOUN_PHRASE = regex.compile(r"的?((?:[“‘《「][\p{Han}A-Za-z0-9]|\p{Han}|\d{1,3}周?岁|\d?[A-Z]{1,5}级).*)")
_RANK_WRITTEN = regex.compile(r"第|前|首位|榜首")  # how a rank's own text opens (form.rank, form.top_n, form.rank_first)
_RANK_FIRST = "第前首"  # the first character of a rank figure's text, tested alone (text[start] in _RANK_FIRST)


# the words after the names a rank is of: what is ranked (增速), then the ranking verb and its scope
_RANK_AFTER_NAMES = regex.compile(
    r"[、和及与]*(?P<measure>[^，。；、]{0,8}?)(?:分别|均|都)?(?:位居|居于|稳居|跃居|位列|名列|排名|排在|居|列)"
    rf"(?P<scope>[^，。；{_RANK_FIRST}]{{0,16}})(?=[{_RANK_FIRST}]|$)"
)


def rank_of_names(
    text: str, sentence: tuple[int, int], quantity: tuple[int, int], names: str, subjects: Iterable[str]
) -> str | None:
    """The metric of a rank whose clause names only the places or groups it ranks (钟祥市居全省县（市）第6位;
    温州市、台州市增速分别居全省第一位和第三位): what is ranked, if written, the scope and 排名 (全省县（市）排名,
    增速全省排名). `names` is the metric as found, names only; the words after the last of them are read.
    None when no ranking verb follows the names."""
    before = text[sentence[0] : quantity[0]]
    ends = [found + len(name) for name in subjects if name and name in names and (found := before.rfind(name)) >= 0]
    if not ends:
        return None
    match = _RANK_AFTER_NAMES.match(before, max(ends))
    if match is None:
        return None
    return f"{match['measure']}{match['scope']}排名"


def _noun_after(text: str, start: int, end: int, rules: FieldRules) -> str:
    """The noun phrase a count is followed by (16个|重点工业项目|建成投产), up to a verb; a noun
    and its purpose (资金|用于平台建设) read as one noun (平台建设资金)."""
    phrase = _NOUN_PHRASE.match(text, start, end, KEEP_GIL) if start < end else None  # most figures end their clause
    if phrase is None:
        return ""
    noun, purpose = phrase.group(1), ""
    for item in of_role(rules, "metrics", "purpose"):
        match = item.search(noun)
        if match and match.start() > 0:
            noun, purpose = noun[: match.start()], noun[match.end() :]
            break
    noun, purpose = _until_stop(noun, rules), _until_stop(purpose, rules)
    return (purpose + noun if has_han(purpose) else noun).rstrip("和及与、")


def _done_after(
    text: str,
    sentence: tuple[int, int],
    quantity: tuple[int, int],
    previous: tuple[int, int] | None,
    following: int,
    others: Sequence[tuple[int, int]],
    rules: FieldRules,
) -> str | None:
    """What the items of a count with no noun have done (其中3件|已提前完成全年任务), as a
    metric of the things the count before counts: 已提前完成全年任务的民生实事项目. A part before
    it that is such a count too (其中7个已建成，另2个…正在推进) is no whole: the count before that is."""
    for item in of_role(rules, "metrics", "done_after"):
        match = item.match(text[quantity[1] : following])
        if match:
            done = match.group("done")
            while previous is not None:
                base, rule = metric_for(text, sentence, previous, _others_of(previous, quantity, others), rules)
                if rule != "metric.done_after":
                    return f"{done}的{base}" if base else done
                previous = max((o for o in others if o[1] <= previous[0] and o[0] >= sentence[0]), default=None)
            return done
    return None


def _until_stop(noun: str, rules: FieldRules) -> str:
    """The noun up to the first verb that ends a noun phrase (重点技改项目|建成投产).

    A verb that opens the noun, with a noun and another such verb after it, modifies the noun
    (签约项目|开工建设): the noun ends at the second one."""
    for item in of_role(rules, "metrics", "stop"):
        match = item.search(noun)
        if match and match.start() == 0:
            later = item.pattern.search(noun, match.end())
            if later is not None and has_han(noun[match.end() : later.start()]):
                match = later
        if match:
            noun = noun[: match.start()]
    return noun


def _time_taken(
    text: str,
    sentence: tuple[int, int],
    clause: tuple[int, int],
    quantity: tuple[int, int],
    head: str,
    candidate: str,
    following: int,
    rules: FieldRules,
) -> str | None:
    """The metric of a duration that is an achievement (SPEC: 81天封顶, 9个月投产): what took
    that long and 用时 (从签约到投产仅用9个月 → 从签约到投产用时; 主体结构仅用58天就完成封顶 →
    主体结构封顶用时). With no subject in its clause (…3月封顶，只用了81天), the clause before
    names it. None for a duration that is no achievement (办理时限3个工作日)."""
    if not found(rules, "metrics", "duration", text[quantity[0] : quantity[1]]):
        return None
    if found(rules, "metrics", "shift", head):
        return None
    after = text[quantity[1] : following]
    event = next(
        (match["event"] for item in of_role(rules, "metrics", "event") if (match := item.match(after))),
        "",
    )
    if not event and not found(rules, "metrics", "took", head):
        return None
    if found(rules, "metrics", "pace", head):
        return f"{event}用时" if event else None
    subject = candidate
    if not has_han(subject) and clause[0] > sentence[0]:
        subject = strip(text[clause_at(text, sentence, clause[0] - 2)[0] : clause[0] - 1], rules)
    if not has_han(subject):
        return None
    return f"{subject}{'' if subject.endswith(event) else event}用时"


def _all_did(after: str, rules: FieldRules, measured: bool = False) -> tuple[str, str] | None:
    """(metric, rule id) of a count of units that all did the same (9个|县（市、区）用电量均实现正增长):
    the units that did it, what they did first (用电量实现正增长的县（市、区）), as a count followed
    by what its items have done is named. `measured`: what the units measure instead (县（市、区）用电量),
    for a figure after the count (…，增速在2.4%至11.3%之间), None when the clause names no measure."""
    for item in of_role(rules, "metrics", "all_did"):
        match = item.match(after)
        if match and not measured:
            return f"{match['measure']}{match['deed']}的{match['group']}", item.rule.id
        if match and match["measure"]:
            return f"{match['group']}{match['measure']}", item.rule.id
    return None


def _fronted_object(head: str, after: str, rules: FieldRules) -> tuple[str, str] | None:
    """(metric, rule id) of a count put before its verb by 将 or 把 (将|1463人次|纳入失信被执行人名单):
    what is done to the things counted names them (纳入失信被执行人名单), not the clause before."""
    for item in of_role(rules, "metrics", "fronted_object"):
        match = item.search(f"{head}{SELF}{after}")
        if match:
            return match["deed"], item.rule.id
    return None


def _counted_by_deed(head: str, after: str, rules: FieldRules) -> tuple[str, str] | None:
    """(metric, rule id) of a count that 有 introduces, followed to its clause's end by what its items
    do (已有|1260家|企业备案开展技能人才自主评价): the deed names the things counted, as for a count followed
    by what its items have done (开展技能人才自主评价的企业备案); where a noun after a count ends (`_until_stop`),
    the deed starts. With no noun (共有|8.9万人|通过…取得…证书) the deed alone; None with no deed."""
    for item in of_role(rules, "metrics", "counted_by_deed"):
        match = item.search(f"{head}{SELF}{after}")
        if match:
            counted = _until_stop(match["rest"], rules)
            deed = match["rest"][len(counted) :]
            if len(deed) >= 2:
                return (f"{deed}的{counted}" if has_han(counted) else deed), item.rule.id
    return None


def _invested_for(candidate: str, after: str, rules: FieldRules) -> str | None:
    """An investment named with what it is for (投资|12亿元|建设新型复合材料项目 →
    投资建设新型复合材料项目), else None."""
    for item in of_role(rules, "metrics", "invested_for"):
        match = item.search(f"{candidate}{SELF}{after}")
        if match:
            return candidate + match["purpose"]
    return None


def _output(candidate: str, after: str, rules: FieldRules) -> str | None:
    """The metric of a count of output, named on both sides of it: 年产|8000台|…等工程机械 →
    年产工程机械; 形成年产高端轴承|800万套|的生产能力 → 年产高端轴承; else None."""
    if not has_han(candidate):
        return None
    for item in of_role(rules, "metrics", "capacity"):
        match = item.search(after)
        if match:
            return candidate + after[: match.start()]
    if found(rules, "metrics", "yearly_output", candidate):
        return candidate + strip(after, rules)
    return None


def _respectively(
    text: str,
    sentence: tuple[int, int],
    clause: tuple[int, int],
    quantity: tuple[int, int],
    others: Sequence[tuple[int, int]],
    rules: FieldRules,
) -> tuple[str | None, str]:
    """A 分别 list: pair the n-th figure with the n-th metric named before it.

    The metrics are the subject before 分别 in the clause; else the figures of
    the clauses before, when there are enough of them (…实现738.4亿元，…64.7亿元，
    同比分别增长15.8%和14.4%); else the subject of the clauses before.
    """
    index, length, list_start = list_position(text, clause, quantity, others, rules)
    written = text[clause[0] : list_start].split("分别")[0]
    measure = text[clause[0] : list_start].partition("分别")[2]  # 分别实现|主营业务收入: what each is measured by
    if length > 1:
        measured = examples_measured(written, length, rules)
        if measured:
            return strip(measured[index], rules), "metric.respectively"
    subject = strip(written, rules)
    # a share of each figure before it (…368家、…142家，占全市的比重分别为56%和61%)
    joins = has_han(subject) and any(
        item.match(subject) for item in of_role(rules, "metrics", "join_previous")
    )
    if not has_han(subject) or joins:
        # a rank is no figure a list pairs with (…增速居全省首位；A、B受…拖累，分别增长2.6%和0.5%)
        earlier = sorted(o for o in others if sentence[0] <= o[0] and o[1] <= clause[0] and text[o[0]] not in _RANK_FIRST)
        if length > 1 and len(earlier) >= length:
            figure = earlier[len(earlier) - length + index]
            base = metric_for(text, sentence, figure, others, rules)[0]
            return (f"{base}{subject}" if joins and base else base), "metric.respectively"
        # times listed before 分别 (一季度、二季度…分别完成货物吞吐量…): the words after 分别 name it
        after = strip(text[text.find("分别", clause[0], list_start) + 2 : list_start], rules)
        if not joins and "分别" in text[clause[0] : list_start] and len(after) >= 2 and has_han(after):
            return after, "metric.respectively"
        for start, end in clauses_before(text, sentence, clause[0]):
            first = min([o[0] for o in others if start <= o[0] < end], default=end)
            subject = strip(text[start:first].split("分别")[0], rules)
            measure = text[start:first].partition("分别")[2]
            if has_han(subject):
                break
    if not has_han(subject):
        return None, "metric.none"
    if length > 1:
        metrics = split_list(subject, length, rules)
        if metrics:
            named = strip(metrics[index], rules)
            # names a count enumerates (A业、B业|三大主导产业|分别实现主营业务收入…): each name with what is measured of it
            noun = strip(measure, rules) if without_list_count(subject, length, rules) != subject else ""
            joins = any(item.match(noun) for item in of_role(rules, "metrics", "join_previous"))
            return (f"{named}{noun}" if len(noun) >= 2 and has_han(noun) and not joins else named), "metric.respectively"
    return subject, "metric.respectively"


def _against_after_respectively(
    text: str, clause: tuple[int, int], quantity: tuple[int, int], others: Sequence[tuple[int, int]], rules: FieldRules
) -> str | None:
    """完成 and the base the figures of a 分别 list are measured against, when the words between
    分别 and the list name one (…分别为98.6亿元和86.2亿元，分别完成年度计划的|103.5%和101.2% →
    完成年度计划), as a single figure's clause does (完成年度计划的|103.5%)."""
    list_start = list_position(text, clause, quantity, others, rules)[2]
    at = text.rfind("分别", clause[0], list_start)
    if at < 0:
        return None
    words = text[at + 2 : list_start]
    for item in of_role(rules, "metrics", "measured_against"):
        match = item.match(words)
        if match:
            return f"完成{match['base']}"
    return None


def _named_after_respectively(
    text: str,
    clause: tuple[int, int],
    quantity: tuple[int, int],
    others: Sequence[tuple[int, int]],
    at: int,
    rules: FieldRules,
) -> str | None:
    """The noun between 分别 (at `at`) and a list of figures paired with the names before it
    (A市、B市分别实现旅游收入|118.6亿元和… → 旅游收入); None for a verb, an action alone or a share
    of each figure before (分别增长, 分别新增, 分别占全省的), which name nothing of their own."""
    list_start = list_position(text, clause, quantity, others, rules)[2]
    words = strip(text[at + 2 : list_start], rules)
    if len(words) < 2 or not has_han(words) or text[list_start] in _RANK_FIRST:  # as _RANK_FIGURE
        return None
    if any(item.match(words) for item in of_role(rules, "metrics", "join_previous")):
        return None
    if any((m := item.fullmatch(words)) and not m["noun"] for item in of_role(rules, "metrics", "action")):
        return None
    return words


def _shared_noun(
    text: str,
    sentence: tuple[int, int],
    quantity: tuple[int, int],
    previous: tuple[int, int],
    others: Sequence[tuple[int, int]],
    own: str,
    rules: FieldRules,
    subjects: tuple[str, ...] = (),
) -> tuple[str, str] | None:
    """(metric, rule id) of a later group of a list whose own words are an action alone (竣工投产,
    累计建成) or a total (累计达到): the noun of the figure before's metric with that action, or
    alone for a total. `own` is the group's words as written, or as cut when the cut left some;
    `subjects` the names before the figure, cut from that metric as the assembler cuts them."""
    total = next((item for item in of_role(rules, "metrics", "total") if item.fullmatch(own)), None)
    action = None if total else next(
        (m for item in of_role(rules, "metrics", "action") if (m := item.fullmatch(own)) and not m["noun"]), None
    )
    if total is None and action is None:
        return None
    # the figure before counted in the same unit counts the same things (计划改造老旧小区38个、涉及
    # 居民4260户，目前已开工|31个: 31个 are of the 38个, not of the 4260户)
    unit = unit_written(text, quantity)
    alike = [o for o in others if o[1] <= quantity[0] and unit_written(text, o) == unit]
    source = max(alike) if alike else previous
    base, _ = metric_for(text, sentence, source, _others_of(source, quantity, others), rules)
    if base and subjects:
        base = without_subject(base, subjects, rules)
    if not base:
        return None
    opened = next((m for item in of_role(rules, "metrics", "action") if (m := item.fullmatch(base)) and m["noun"]), None)
    noun = opened["noun"] if opened else base
    if total is not None:
        return noun, total.rule.id
    return (f"{action['verb']}{noun}", "metric.shared_noun.action") if action is not None else None


_RANK_FIGURE = regex.compile(f"^[{_RANK_FIRST}]")
# a rate's move in points is no figure a place is ranked by: the rate is (…覆盖率达到78.9%，比上年提高0.2个百分点，保持全省第一)
_POINTS_OR_RANK_FIGURE = regex.compile(f"^[{_RANK_FIRST}]|百分点$")
_RATIO_OR_RANK_FIGURE = regex.compile(f"^[{_RANK_FIRST}]|(?:%|％|成|百分点|倍)(?:以上|以内|左右)?$")


def _ranked_figure(
    text: str, sentence: tuple[int, int], quantity: tuple[int, int], others: Sequence[tuple[int, int]], total: bool
) -> tuple[int, int]:
    """The figure a rank ranks: the nearest before it in its sentence that is no rank itself
    (…居金华市第一位、全省第三位) nor a move in points, and for 总量 an amount, not a rate or a share
    (…1580亿元、增长18.3%，约占…的四成，总量稳居全省第一 ranks the 1580亿元)."""
    skip = _RATIO_OR_RANK_FIGURE if total else _POINTS_OR_RANK_FIGURE
    before = sorted((o for o in others if sentence[0] <= o[0] and o[1] <= quantity[0]), reverse=True)
    return next((o for o in before if not skip.search(text[o[0] : o[1]])), before[0])


def _around(
    sentence: tuple[int, int], clause: tuple[int, int], quantity: tuple[int, int], others: Sequence[tuple[int, int]]
) -> tuple[int, tuple[int, int] | None, int, bool]:
    """Where the figure stands among the others, in one walk over them: (where the words before it
    in its clause start, after the figure before it there; the nearest figure before it in the
    sentence; where the words after it in its clause end, at the next figure; whether another
    figure is in its clause)."""
    before_start, previous, following, shares_clause = clause[0], None, clause[1], False
    for other in others:
        start, end = other
        if end <= quantity[0]:
            if end > before_start:
                before_start = end
            if start >= sentence[0] and (previous is None or other > previous):
                previous = other
        if quantity[1] <= start < following:
            following = start
        if clause[0] <= start < clause[1] and other != quantity:
            shares_clause = True
    return before_start, previous, following, shares_clause


@lru_cache(maxsize=16)
def _previous_words(rules: FieldRules) -> re.Pattern[str] | None:
    """A stdlib search for the words a clause that builds on the figure before it needs (a rank
    frame, a joined share or growth, a rate of its base), and for those of the inner words
    `strip` drops (the only cut that can bring two pieces of a clause together into a new
    word). None when a rule of those roles has no literals proved. A role read in that clause
    must be listed here."""
    roles = ("rank_frame", "join_previous", "measured_against", "drop_inner")
    return literals_search(item for role in roles for item in of_role(rules, "metrics", role))


def _may_build_on_previous(head: str, rules: FieldRules) -> bool:
    """Whether the words before a figure may rank or extend the figure before it: the clause
    read for that is `head` cut at its ends, so without any of the words it cannot."""
    words = _previous_words(rules)
    return words is None or words.search(head) is not None


def _others_of(earlier: tuple[int, int], quantity: tuple[int, int], others: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The others of an earlier figure whose metric this one's builds on: this one among them."""
    return [o for o in others if o != earlier] + [quantity]


# the words before a ranking verb that rank the amount, even after a growth figure (…增长5.9%，总量稳居全省第三位)
_LEVEL_RANKED = ("总量", "规模")


def _measured(metric: str, measure: str) -> str:
    """`metric` with the measure a ranking ranks it by (增速, 数量), unless it names it already
    (a gap to the average is of 规上工业增加值增速: ranked, it stays …增速排名)."""
    return metric if metric.endswith(measure) else metric + measure


def _rank_of_a_sentence_before(head: str, earlier: Sequence[tuple[str, str]], rules: FieldRules) -> tuple[str, str] | None:
    """(metric, rule id) of a rank that opens its sentence (…增长12.3%。增速居长江沿线省份第一。): it
    ranks a figure of the paragraph before it, given as `earlier` (kind, metric), latest last —
    the latest growth for 增速, the latest amount for 总量, else the latest figure that is no rank."""
    wanted = "change" if head.startswith(("增速", "增幅")) else "level" if head.startswith(_LEVEL_RANKED) else None
    for item in of_role(rules, "metrics", "rank_frame"):
        match = item.search(head)
        if match:
            for kind, metric in reversed(earlier):
                if kind != "rank" and (wanted is None or kind == wanted):
                    scope = match.groupdict().get("scope") or ""
                    return f"{_measured(metric, '增速' if kind == 'change' else '')}{scope}排名", item.rule.id
            return None
    return None


def metric_for(
    text: str,
    sentence: tuple[int, int],
    quantity: tuple[int, int],
    others: Sequence[tuple[int, int]],
    rules: RuleSet | FieldRules,
    verb: tuple[int, int] | None = None,
    subjects: tuple[str, ...] = (),
    earlier: Sequence[tuple[str, str]] = (),
) -> tuple[str | None, str]:
    """(metric, rule id): the shortest noun phrase of the text that names what is measured.

    In order: a table cell takes its row label; a 分别 list pairs figures with
    the metrics named before it; a rank or a share clause without a subject
    (位居全市第一, 占营业收入比重) builds on the figure before it; a count takes the
    noun after it (16个|重点工业项目); else the words before the figure in its
    clause, cut of time, place and verb words; else the figure before it in the
    sentence (…86.5亿元，增长7.9%); else, for the sentence's first figure, the
    subject of a clause before it (营业收入实现翻一番，达到1500亿元). `subjects` are the
    names the sentence gives before the figure: a clause that opens with one (其中南昌市约占全省的)
    is read without it. `earlier`: (kind, metric) of the figures of the paragraph before this
    one, latest last, for a rank that opens its sentence.
    """
    rules = rules if type(rules) is FieldRules else field_rules(rules)
    if verb is None and not subjects and (not earlier or text[quantity[0]] not in _RANK_FIRST):
        # the metric a later figure builds on or falls back on (…86.5亿元，增长7.9%) is asked for
        # again with the same others: worked out once (a list of figures that each fall back on the
        # one before would work every earlier one out again, recursively). The others are read for
        # where each stands, never in the order given: sorted, they are a key. `earlier` is read
        # for a rank only (as _RANK_FIGURE), so the assembler's own question about any other
        # figure is the one a later figure asks again: kept too.
        return _metric_once(text, sentence, quantity, tuple(sorted(others)), rules)
    return _metric(text, sentence, quantity, others, rules, verb, subjects, earlier)


def _metric(
    text: str,
    sentence: tuple[int, int],
    quantity: tuple[int, int],
    others: Sequence[tuple[int, int]],
    rules: FieldRules,
    verb: tuple[int, int] | None = None,
    subjects: tuple[str, ...] = (),
    earlier: Sequence[tuple[str, str]] = (),
) -> tuple[str | None, str]:
    cell = table_cell(text, quantity, rules.rules)
    if cell is not None:
        return (cell.label, "metric.table_row") if cell.label else (None, "metric.none")
    clause = clause_of(text, sentence, quantity)
    before_start, previous, following, shares_clause = _around(sentence, clause, quantity, others)
    head = text[before_start : verb[0] if verb and verb[0] >= before_start else quantity[0]]
    if "分别" in text[clause[0] : quantity[0]] or (
        shares_clause and list_position(text, clause, quantity, others, rules)[1] > 1 and not has_han(strip(head, rules))
    ):
        paired = _respectively(text, sentence, clause, quantity, others, rules)
        if not (paired[0] and subjects and _only_a_name(paired[0], subjects)):
            base_words = _against_after_respectively(text, clause, quantity, others, rules) if paired[0] else None
            return (f"{paired[0]}{base_words}", paired[1]) if base_words else paired
        at = text.rfind("分别", clause[0], quantity[0])
        if at > clause[0]:
            # the names and then what they measure (A站、B站日均发送旅客|分别为…): the words after the names
            written = strip(text[clause[0] : at], rules)
            after_names = without_subject(written, subjects, rules)
            if after_names != written and has_han(after_names) and not _only_a_name(after_names, subjects):
                return after_names, "metric.after_places_listed"
            # the names, then 分别 and what they measure (A市、B市分别实现旅游收入|118.6亿元和…)
            measured = _named_after_respectively(text, clause, quantity, others, at, rules)
            if measured:
                return measured, "metric.after_respectively"
        # places listed with their figures (…新增就业12.8万人，居全省首位；洛阳市、南阳市分别新增|6.1万人和
        # 5.4万人): no metric; the latest figure before their clause that is no rank names it, the
        # latest counted in their unit when there is one (…新开工1386套，开工率115.5%，A区、B区分别开工|528套)
        before = [o for o in others if sentence[0] <= o[0] and o[1] <= clause[0] and text[o[0]] not in _RANK_FIRST]
        if before:
            unit = unit_written(text, quantity)
            source = next((o for o in reversed(before) if unit_written(text, o) == unit), before[-1])
            around = _others_of(source, quantity, others)
            base, _ = metric_for(text, sentence, source, around, rules)
            if base and _only_a_name(base, subjects):
                # that figure is itself paired with a place (A、B分别完成旅客吞吐量X和Y，分别增长…): read
                # with the sentence's names, it names what both lists measure
                base, _ = metric_for(text, sentence, source, around, rules, subjects=subjects)
                base = without_subject(base, subjects, rules) if base else base
            if base:
                base_words = _against_after_respectively(text, clause, quantity, others, rules)
                return f"{base}{base_words or ''}", "metric.places_listed"
    if text.startswith("的", quantity[1]):  # 50%以上|的税收: most figures before 的 name a category (亿元的项目)
        if following == quantity[1] + 1 and quantity[0] > clause[0]:
            # a target written with its own figure, the part done right after it (完成年度目标任务|110万人|的64.2%)
            target = _measured_against(text, sentence, clause, quantity, quantity, others, rules, done=False)
            if target is not None:
                return target
        contribution = role_words(rules, "metrics", "contribution")
        if contribution is None or contribution.search(text, clause[0], quantity[0]) is not None:
            share = share_of_the_whole_after(text, clause, quantity, others, rules)
            if share is not None:
                return share
    if previous is None and earlier and text[quantity[0]] in _RANK_FIRST:  # as _RANK_FIGURE
        ranked_before = _rank_of_a_sentence_before(text[before_start : quantity[0]].strip(), earlier, rules)
        if ranked_before is not None:
            return ranked_before
    if previous is not None and _may_build_on_previous(head, rules) and not head.endswith("的有"):
        # the figure before, seen with this one among its others (…212家|减少到|108家); not a count of the parts
        # that meet a condition (…超过100亿元的有5个，增速高于全市平均水平的有|7个), which names its own below
        head_alone = head.strip().lstrip("、")  # a second clause about the same figure: …、居全省第3位
        if subjects:
            head_alone = without_subject(head_alone, subjects, rules)
            head_alone = without_subject(strip(head_alone, rules, tails=False), subjects, rules) or head_alone
        total_at = max(head_alone.find(word) for word in _LEVEL_RANKED)
        if total_at > 0:
            # the measure of the amount before, then 总量 (…用电量518.6亿千瓦时，…，用电量总量居全省第五位): the
            # level's rank, as 总量 alone
            ranked = _ranked_figure(text, sentence, quantity, others, True)
            base, _ = metric_for(text, sentence, ranked, _others_of(ranked, quantity, others), rules)
            if base and base.endswith(head_alone[:total_at]):
                head_alone = head_alone[total_at:]
        for item in of_role(rules, "metrics", "rank_frame"):
            match = item.search(head_alone)
            if match and match.group() == match.groupdict().get("scope") and not _RANK_WRITTEN.match(text, quantity[0]):
                # a scope alone ranks only a rank (…、全省第三位); 全市1.9万名老年人 counts people
                continue
            if match:
                total = head_alone.startswith(_LEVEL_RANKED)
                ranked = _ranked_figure(text, sentence, quantity, others, total)
                base, _ = metric_for(text, sentence, ranked, _others_of(ranked, quantity, others), rules)
                if base:
                    # 总量 ranks the level even after a growth figure (…增长5.9%，总量稳居全省第三位)
                    change = not total and (
                        head_alone.startswith(("增速", "增幅"))
                        or _change_sign(text, sentence, ranked, others, rules) is not None
                    )
                    scope = match.groupdict().get("scope") or ""
                    # 数量 ranks how many there are of what the figure counts (…累计达到5个，数量居全省第二), 规模
                    # how large the amount is (…进出口1126.5亿元，增长13.8%，规模居中部地区综合保税区首位)
                    measure = "增速" if change else next((w for w in ("数量", "规模") if head_alone.startswith(w)), "")
                    return f"{_measured(base, measure)}{scope}排名", item.rule.id
        for item in of_role(rules, "metrics", "join_previous"):
            match = item.match(head_alone)
            if match:
                around = _others_of(previous, quantity, others)
                base = _metric_before(text, sentence, previous, around, rules, subjects, earlier)  # 其中，X区28家，|占全县的
                if base:
                    part = match.groupdict().get("part")  # the words the rule keeps, else the clause's
                    if part is None and item.rule.parts:  # type: ignore[attr-defined]
                        growth = _change_sign(text, sentence, previous, around, rules) is not None
                        part = item.rule.parts[0] if growth else ""  # type: ignore[attr-defined]
                    words = part if part is not None else strip(head_alone, rules)
                    if words.startswith("占") and words.endswith("的"):
                        words = f"{words[:-1]}比重"  # 占全省的|45% names the share: …占全省比重
                    elif words == "占":
                        whole = _whole_of_the_shares_before(text, sentence[0], clause[0])
                        if whole:  # …，占不合格总批次的46.2%；餐饮食品1135批次，占|15.4%
                            words = f"占{whole}比重"
                    return _measured(base, words), item.rule.id
        for item in of_role(rules, "metrics", "measured_against"):
            match = item.match(head_alone)
            if match:
                base, _ = metric_for(text, sentence, previous, _others_of(previous, quantity, others), rules)
                if base:
                    return f"{base}完成{match['base']}", item.rule.id
    if head == "的" and previous is not None and previous[0] > clause[0]:
        # the target's own figure stands between the base and the part done (完成年度目标任务|110万人|的64.2%)
        against = _measured_against(text, sentence, clause, quantity, previous, others, rules)
        if against is not None:
            return against
    candidate = strip_before_names(head, subjects, rules)
    named = names_a_measure(candidate)  # whether the words before the figure name anything: asked below again and again
    took = _time_taken(text, sentence, clause, quantity, head, candidate, following, rules)
    if took:
        return took, "metric.time_taken"
    words = role_words(rules, "metrics", "fronted_object")  # most clauses hold none of its words: no string built
    fronted = (
        _fronted_object(head, text[quantity[1] : following], rules)
        if words is None or words.search(text, before_start, following)
        else None
    )
    if fronted:
        return fronted
    words = role_words(rules, "metrics", "all_did")
    if words is None or words.search(text, quantity[1], following):
        all_did = _all_did(text[quantity[1] : following], rules)
        if all_did:
            return all_did
    if not named:
        done = _done_after(text, sentence, quantity, previous, following, others, rules)
        if done:
            return done, "metric.done_after"
    if following == clause[1]:  # the deed runs to the clause's end, with no figure in it
        words = role_words(rules, "metrics", "counted_by_deed")
        if words is None or words.search(text, before_start, quantity[0]):
            counted = _counted_by_deed(head, text[quantity[1] : following], rules)
            if counted:
                return counted
    after = _noun_after(text, quantity[1], following, rules)
    noun_after = has_han(after)
    output = _output(candidate, after, rules) if noun_after else None
    if output:
        return output, "metric.output"
    invested_for = _invested_for(candidate, text[quantity[1] : following], rules)
    if invested_for:
        return invested_for, "metric.invested_for"
    if noun_after and (
        not named
        or candidate in subjects  # the subject alone (渠县有超过六成|的农户…): the noun after names it
        or found(rules, "metrics", "prefer_after", head)
        or found(rules, "metrics", "count", text[quantity[0] : quantity[1]])
    ):
        return after, "metric.after"
    if text[quantity[0]] in _RANK_FIRST and len(without_subject(candidate, subjects, rules) if subjects else candidate) <= 2:
        # a rank with at most its verb (台州|连续两年位列|第二) after a clause that names the ranking
        for start, end in clauses_before(text, sentence, clause[0]):
            for item in of_role(rules, "metrics", "ranked_in"):
                match = item.match(text[start:end].strip())
                if match:
                    ranking = match["ranking"]
                    return (ranking if ranking.endswith(("排名", "位次", "名次")) else f"{ranking}排名"), item.rule.id
    if previous is not None and len(candidate) <= SHORT_ACTION:
        # a later group of a list with its own action only (…，累计建成|126.4万亩; …，改造提升|85公里),
        # as written or as cut (…，全年竣工投产|16个)
        written = head.strip(" \u3000、，,；;")
        for own in (written, candidate) if len(written) <= SHORT_ACTION else (candidate,):
            if may_share_a_noun(own, rules):
                shared = _shared_noun(text, sentence, quantity, previous, others, own, rules, subjects)
                if shared is not None:
                    return shared
    if named and previous is None and earlier and subjects and text.startswith("其中", sentence[0]) and _only_a_name(candidate, subjects):
        # a part named after 其中 with only its verb (…完成货物吞吐量6.1亿吨。其中，A港完成|4.7亿吨): a name is no
        # metric; the whole before it in the paragraph names what the part measures
        for kind, measured in reversed(earlier):
            if kind != "rank":
                return measured, "metric.part_of_whole_before"
    if named and not (subjects and previous is not None and _only_a_name(candidate, subjects)):
        if candidate.endswith("的") and text.startswith("的有", quantity[0] - 2):
            # the parts that meet a condition, counted (7个县（市、区）中，占比超过30%的有|6个): the condition, then what
            # the sentence partitions before it
            return f"{candidate}{_partitioned_whole(text, clause, previous, others)}", "metric.parts_meeting_a_condition"
        if candidate.endswith("的") and "占" in candidate:
            candidate = f"{candidate[:-1]}比重"  # …的企业占新设企业的|18%: …占新设企业比重, as 占全省的 after a part
        return candidate, "metric.before"  # (no subjects: the metric is asked for again, cached, most times)
    if previous is not None and previous[1] < clause[0] - 1 and text.find("；", previous[1], clause[0]) >= 0:
        # a clause after the ； that names the figure's subject (…减少1.34万人；小学生师比为16.08:1，|比上年
        # 下降0.31) is nearer than the figure before the ；; a colon ratio's value is no part of it
        for start, end in clauses_before(text, sentence, clause[0]):
            if start < previous[1] or "；" in text[start:end]:
                break
            subject = strip(_RATIO_VALUE.sub("", _until_stop(text[start:end], rules)), rules)
            if has_han(subject) and not (subjects and _only_a_name(subject, subjects)):
                # (a place alone, 淅川县|最小，为618.7毫米, names no metric: the figure before does)
                return subject, "metric.clause_before"
    if previous is not None:
        previous = _restated(text, sentence, previous, others)
        words = role_words(rules, "metrics", "all_did")
        if words is None or words.search(text, previous[1], clause[0]):
            # a figure after a count of units that all did the same (9个|县（市、区）用电量均实现正增长，
            # |增速在…): of what the units measure, not of the count
            units = _all_did(text[previous[1] : clause[0]], rules, measured=True)
            if units:
                return units
        # also a part named by its place alone (…2365人，其中亭湖区|358人、盐都区|254人): a place
        # is no metric, the figure before names what the part counts
        base = _metric_before(text, sentence, previous, _others_of(previous, quantity, others), rules, subjects, earlier)
        done_at = base.rfind("完成") if base else -1
        if base and done_at > 0 and any(item.pattern.match(f"{base[done_at:]}的") for item in of_role(rules, "metrics", "measured_against")):
            # …收入完成预算的101.6%，增长3.8%: the growth is of the 收入, not of the rate
            # (or 工业投资完成全年计划的103.5%: a metric read before the figure names its base too)
            base = base[:done_at]
        if base:
            if _moves_a_growth_rate(text, sentence, quantity, previous, others, rules):
                return _measured(base, "增速"), "metric.previous_growth_rate"
            return base, "metric.previous"
        return None, "metric.none"
    before = clauses_before(text, sentence, clause[0])
    for start, end in before:
        # the growth a clause before aims at (在规上工业增加值增长目标上，…|力争达到10%)
        for item in of_role(rules, "metrics", "goal_frame"):
            match = item.match(text[start:end].strip())
            if match:
                return f"{match['metric']}增速", item.rule.id
    for start, end in before:
        # a figure alone in its clause, the first of its sentence: the subject of the clause
        # before names it (营业收入实现翻一番，|达到1500亿元)
        subject = strip(_until_stop(text[start:end], rules), rules)
        if has_han(subject) and not (subjects and _only_a_name(subject, subjects)):
            # a place alone (…递减，桐柏县|最大，为1026.4毫米) names none: the clause before it does
            return subject, "metric.clause_before"
    return None, "metric.none"


_metric_once = lru_cache(maxsize=128)(_metric)


def _partitioned_whole(
    text: str, clause: tuple[int, int], previous: tuple[int, int] | None, others: Sequence[tuple[int, int]] = ()
) -> str:
    """What the count before the clause partitions (全市7个|县（市、区）中，…), else nothing; after a count
    of other parts meeting a condition (…中，超过100亿元的有5个，|增速高于全市平均水平的有7个), what that one's does."""
    if previous is None:
        return ""
    between = text[previous[1] : clause[0]].rstrip("，, ")
    if not between and text.endswith("的有", 0, previous[0]):
        earlier = [o for o in others if o[1] <= previous[0]]
        if earlier:
            start = text.rfind("，", 0, previous[0]) + 1
            return _partitioned_whole(text, (start, previous[1]), max(earlier), others)
    return between[:-1] if between.endswith("中") and has_han(between[:-1]) and "，" not in between else ""


def _measured_against(
    text: str,
    sentence: tuple[int, int],
    clause: tuple[int, int],
    quantity: tuple[int, int],
    target: tuple[int, int],
    others: Sequence[tuple[int, int]],
    rules: FieldRules,
    done: bool = True,
) -> tuple[str, str] | None:
    """(metric, rule id) of a part done measured against a target written with its own figure
    (…新增就业70.6万人，完成年度目标任务110万人的|64.2%): the metric of the figure before the
    target, 完成 and the base, as for 完成年度目标任务的64.2%; with `done` False, of the target's
    own figure (|110万人|): that metric and the base (城镇新增就业年度目标任务)."""
    words = text[clause[0] : target[0]].strip() + "的"
    for item in of_role(rules, "metrics", "measured_against"):
        match = item.match(words)
        if match:
            before = [o for o in others if sentence[0] <= o[0] and o[1] <= clause[0]]
            if not before:
                return None
            base, _ = metric_for(text, sentence, before[-1], _others_of(before[-1], quantity, others), rules)
            return (f"{base}{'完成' if done else ''}{match['base']}", item.rule.id) if base else None
    return None


_RATIO_VALUE = regex.compile(r"(?:为|是|达)\d+(?:\.\d+)?(?:[:：]\d+(?:\.\d+)?)*$")


_RESTATING = ("折合", "相当于")


def _restated(
    text: str, sentence: tuple[int, int], previous: tuple[int, int], others: Sequence[tuple[int, int]]
) -> tuple[int, int]:
    """The figure a change after a restatement measures: a figure in a clause that opens with 折合
    (年平均降水量865.2毫米，折合降水总量210亿立方米，|比上年偏少8.6%) restates the one before it in
    another unit, and what changes is the thing first named; else the figure before itself."""
    start = clause_of(text, sentence, previous)[0]
    if not text[start : previous[0]].lstrip().startswith(_RESTATING):
        return previous
    restated = max((o for o in others if sentence[0] <= o[0] and o[1] <= start), default=None)
    return restated if restated is not None else previous


def _metric_before(
    text: str,
    sentence: tuple[int, int],
    previous: tuple[int, int],
    around: Sequence[tuple[int, int]],
    rules: FieldRules,
    subjects: tuple[str, ...],
    earlier: Sequence[tuple[str, str]] = (),
) -> str | None:
    """The metric of the figure before, which a later figure builds on or falls back on. Where
    that figure is a part named by its place (其中亭湖区|358人), read without the sentence's
    names it is the place: read with them (and with the paragraph's figures before, `earlier`),
    it is what the part counts."""
    base, _ = metric_for(text, sentence, previous, around, rules)
    if base and subjects and _only_a_name(base, subjects):
        base, _ = metric_for(text, sentence, previous, around, rules, subjects=subjects, earlier=earlier)
    return base


def _only_a_name(candidate: str, subjects: tuple[str, ...]) -> bool:
    """The candidate metric is a name of the sentence, or its end (龙游|经济开发区), or the name that
    opens a list's last item written with the list's count and kind (大同|两市): a place, no metric."""
    for name in subjects:  # a loop: a generator for `any` costs more than these few tests
        if name.endswith(candidate) or name.startswith(candidate):
            return True
    # a name of the list before that count and kind, which a 分别 list shares out to each of its names
    # (A镇、B镇、C镇三个工业重镇分别… → A镇三个工业重镇): the last name is written with them, as one subject
    for name in subjects:
        if len(candidate) > len(name) and candidate.startswith(name):
            tail = candidate[len(name) :]
            for other in subjects:
                if other != candidate and len(other) > len(tail) and other.endswith(tail):
                    return True
    return False


def _context(text: str, sentence: tuple[int, int], quantity: tuple[int, int], others: Sequence[tuple[int, int]]) -> str:
    return masked(text, clause_of(text, sentence, quantity), quantity, others)


_SHARE_OF_A_WHOLE = regex.compile(r"占(\p{Han}{2,12}?)的?[0-9.]+[%％]")


def _whole_of_the_shares_before(text: str, start: int, end: int) -> str | None:
    """The whole the last share before `end` in its sentence names (…占不合格总批次的46.2%): a later
    share of the same list that names none (…，占15.4%) is of that whole."""
    wholes = _SHARE_OF_A_WHOLE.findall(text, start, end)
    return wholes[-1] if wholes else None


def _moves_a_growth_rate(
    text: str,
    sentence: tuple[int, int],
    quantity: tuple[int, int],
    previous: tuple[int, int],
    others: Sequence[tuple[int, int]],
    rules: FieldRules,
) -> bool:
    """Whether a change in 百分点 follows a growth in % (同比增长5.9%，比上半年提高|0.2个百分点): it
    moves the growth rate, not the metric grown. Asked only of a figure that borrows its metric."""
    if not (text.endswith("百分点", quantity[0], quantity[1]) and text.endswith("%", previous[0], previous[1])):
        return False
    return (
        _change_sign(text, sentence, quantity, others, rules) is not None
        and _change_sign(text, sentence, previous, _others_of(previous, quantity, others), rules) is not None
    )


def _change_sign(
    text: str, sentence: tuple[int, int], quantity: tuple[int, int], others: Sequence[tuple[int, int]], rules: FieldRules
) -> int | None:
    """+1/-1 when a change verb directly governs the figure, else None."""
    context = _context(text, sentence, quantity, others)
    for item in compiled(rules, "kinds"):
        rule = item.rule
        if rule.kind == "change" and rule.reads == "context" and item.search(context):  # type: ignore[attr-defined]
            return rule.sign  # type: ignore[attr-defined]
    return None
