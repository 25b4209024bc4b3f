"""Assemble claims: one per quantity span, with every SPEC field and its provenance.

The other components found the parts (quantities, periods, entities); this one
decides, per quantity, its metric, kind, status and subject, drops provisions
(SPEC: the conditions of a policy are not claims), maps the span back to the
original text and marks repeated passages.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from decimal import Decimal
from functools import lru_cache

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..claim_fields import (
    field_rules,
    heading_status,
    implied_unit,
    index_of_rate,
    is_provision,
    kind_for,
    metric_for,
    named_by_heading,
    names_only,
    per_unit,
    rank_of_names,
    refers_back,
    sentence_status,
    status_for,
    without_subject,
)
from ..entities import EntityMatch, entity_for, index_entities, place_named
from ..extensions import register_extensions, text_of
from ..models import Claim, ParsedQuantity
from ..numbers import MarkerRule, QuantityMatch, exact
from ..reading import AnalysisText
from ..rule_files import RuleSet, load_rules
from ..sections import outline
from ..tables import column_metric, is_total_row, item_row_place, table_cell, total_metric
from ..text_units import TextUnits
from ..times import TimeMatch, list_intro
from . import handoff

# A quantity, the period that governs it, that period's rule and the title's earlier time for a
# reported figure (`PeriodAssignment.review`): a plain tuple, one per figure (a NamedTuple's
# constructor is Python code)
_Located = tuple[QuantityMatch, tuple[str | None, str | None], str | None, TimeMatch | None]


# What the claims of one sentence share (`ClaimAssembler.assemble`): its line, the headings over it,
# whether the first is the title, the list intro over it, the sentence as written, and the status of
# its figures when the headings alone decide it (`sentence_status`), and the spans of its names
_Shared = tuple[
    tuple[int, int],
    str | None,
    bool,
    tuple[int, int] | None,
    str,
    tuple[tuple[str, str], tuple[str, str]] | None,
    tuple[tuple[int, int], ...],
]


_UNSCALED = Decimal(1)  # the scale of a figure whose unit no table gives


_YEAR, _MONTH = len("YYYY"), len("YYYY-MM")  # ISO prefixes


@lru_cache(maxsize=256)
def _period_is_past(period: tuple[str | None, str | None], doc_date: str | None, by_year: bool) -> bool | None:
    """Whether a figure's period ended before the document's date: an estimate for a period already
    over is an actual figure (SPEC `status`), to the month at most (上半年 in a July release is over;
    二季度 in April is not, nor the day of the event a forecast is made at). `by_year`, as the headings
    read it: only a year before the document's (a plan dated in March still sets its January's goals).
    Asked for every figure, of a handful of periods a text: answered once for each."""
    end = period[1]
    if end is None or doc_date is None:
        return None
    precision = _YEAR if by_year else min(len(end), len(doc_date), _MONTH)
    return end[:precision] < doc_date[:precision]


def _cited(period: tuple[str | None, str | None], doc_date: str | None) -> bool | None:
    """Whether a plan's title cites the figure as its starting point, not as a goal: its period is of a
    year before the document's (`_period_is_past` by year), or it runs up to the document's date, what has
    been done so far (“十三五”以来, 截至目前: [2016, D], [None, D])."""
    past = _period_is_past(period, doc_date, by_year=True)
    return past or (past is not None and period[1] == doc_date)


def _duplicate_targets(units: TextUnits) -> dict[int, int]:
    """Paragraph start -> start of the first identical paragraph (the source repeated it)."""
    first: dict[str, int] = {}
    repeats: dict[int, int] = {}
    for start, end in units.paragraphs:
        body = units.text[start:end].strip()
        if len(body) < 20:  # short lines (headings, table cells) repeat legitimately
            continue
        if body in first:
            repeats[start] = first[body]
        else:
            first[body] = start
    return repeats


_LIST_MARKS = "、和及与"
_NOT_COUNTS = frozenset({"%", "‰", "百分点", "倍", "位", "成"})


def _enumerates_names(
    text: str, quantity: tuple[int, int], parsed: ParsedQuantity, name_ending_at: dict[int, EntityMatch]
) -> bool:
    """Whether a count right after a list of names counts only them (完成甲县、乙县2个示范县创建): it
    enumerates what the text names right there (SPEC 1), no claim. Read only where a name ends at the
    figure; a list with 等 (甲村等3个村) counts more than it names and stays a claim."""
    if quantity[0] not in name_ending_at or parsed.unit in _NOT_COUNTS or parsed.upper is not None:
        return False
    named, position = 0, quantity[0]
    while position in name_ending_at:
        named += 1
        position = name_ending_at[position].start
        if position == 0 or text[position - 1] not in _LIST_MARKS:
            break
        position -= 1
    return named >= 2 and parsed.value == named


class _Layout:
    """Sentences, paragraphs and sections of one text, with what the claims of one sentence,
    paragraph or section share, worked out once for all of them."""

    def __init__(self, text: str, source: AnalysisText | None, rules: RuleSet) -> None:
        self.text, self.source, self.rules = text, source, rules
        self.units = TextUnits(text)
        self.outline = outline(text)
        self._headings: dict[int | None, tuple[str | None, bool]] = {}  # innermost section -> headings, titled
        self._intros: dict[tuple[int, int], tuple[int, int] | None] = {}  # paragraph -> intro

    def written(self, sentence: tuple[int, int]) -> str:
        """A sentence as the original text writes it, without the white space around it."""
        start, end = self.source.to_source(*sentence) if self.source else sentence
        original = self.source.original if self.source else self.text
        return original[start:end].strip()

    def headings(self, offset: int) -> tuple[str | None, bool]:
        """The chain of headings over an offset, outermost first, one per line, and whether the
        outermost is the document's title: worked out once per section."""
        innermost = self.outline.innermost(offset)
        if innermost not in self._headings:
            chain = self.outline.enclosing(offset)
            headings = "\n".join(self.text[s.heading[0] : s.heading[1]] for s in reversed(chain)) or None
            self._headings[innermost] = headings, bool(chain) and chain[-1].level == 0
        return self._headings[innermost]

    def intro(self, paragraph: tuple[int, int]) -> tuple[int, int] | None:
        """The sentence that introduces the list whose item is `paragraph` (times.list_intro)."""
        if paragraph not in self._intros:
            self._intros[paragraph] = list_intro(self.text, paragraph[0], self.rules)
        return self._intros[paragraph]


class ClaimAssembler:
    def __init__(self, rules: RuleSet):
        self.rules = rules
        self.fields = field_rules(rules)  # what the claim-field functions key their caches on, once
        self.reached_comparators = {  # verbs whose comparator differs for a figure reported as reached (控制在)
            rule.id: rule.reached for rule in rules["markers"] if isinstance(rule, MarkerRule) and rule.reached
        }

    def __call__(self, doc: Doc) -> Doc:
        doc._.claims = self.assemble(doc)
        return doc

    def _located(self, doc: Doc) -> list[_Located]:
        """The figures in text order, each with its period."""
        matches = handoff.get(doc, "quantities", "quantity")
        periods = handoff.get(doc, "periods") or [None] * len(matches)  # no times component: no periods
        located = [
            (
                match.start,
                order,
                match,
                *((period.period or (None, None), period.rule, period.review) if period else ((None, None), None, None)),
            )
            for order, (match, period) in enumerate(zip(matches, periods))
            if match is not None
        ]
        located.sort()  # by start, then in the order given: no two entries tie, no match is compared
        return [entry[2:] for entry in located]

    def assemble(self, doc: Doc) -> list[Claim]:
        located = self._located(doc)
        if not located:  # a text without figures: no layout, outline or entities to work out
            return []
        text = text_of(doc)
        extension = doc._  # spaCy builds an accessor object on each `doc._`
        source = extension.source
        if source is not None and source.original == source.text:
            # normalizing changed nothing (most texts): every offset and metric maps to itself
            source = None
        layout = _Layout(text, source, self.rules)
        units = layout.units
        entities = [match for match in handoff.get(doc, "entities", "entity") if match]
        by_start = sorted(entities, key=lambda entity: entity.start)  # the subjects of a figure by bisection
        entity_starts = [entity.start for entity in by_start]
        entity_names = [entity.text for entity in by_start]
        entity_index = index_entities(entities, text, self.rules)
        name_ending_at = {entity.end: entity for entity in by_start}  # a list of names a count may enumerate
        main_region = extension.main_region
        doc_date = extension.date.value if extension.date else None
        original = source.original if source else text
        repeats = _duplicate_targets(units)
        claims: list[Claim] = []
        claim_at: dict[int, int] = {}  # normalized start -> claim id
        last_metric: dict[int, str] = {}  # paragraph start -> the metric of its latest claim
        # paragraph start -> the metric of its latest claim outside a breakdown (其中…, 分城乡看，…): what it measures
        whole_metric: dict[int, str] = {}
        # paragraph start -> (kind, metric) of its claims so far: a rank that opens a sentence ranks one
        measured: dict[int, list[tuple[str, str]]] = defaultdict(list)
        kind_at: dict[int, tuple[str, str, int]] = {}  # normalized start -> (unit, kind, sign)
        sentences = [units.sentence_at(match.start) for match, *_ in located]
        in_sentence: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
        places = []  # each figure's place among those of its sentence
        for (match, *_), sentence in zip(located, sentences):
            spans = in_sentence[sentence]
            places.append(len(spans))
            spans.append((match.start, match.end))
        # a table whose rows are items with a place column (项目名称 | 实施地点 | 建设内容 | 资金（万元）): the
        # figures inside a row's text cells (新建圈舍6栋) are that place's too. Looked for only in a text
        # with such a table, which its bare cells tell (cached: the loop below asks for them again)
        placed_items = any(
            cell is not None and cell.place is not None
            for cell in (table_cell(text, (m.start, m.end), self.rules) for m, *_ in located if not m.parsed.unit)
        )
        # A sentence ends at a line break at the latest, so all its figures share one line
        # (paragraph), and with it the list intro and the headings over them (a section starts
        # at a heading's first character, no figure of its line precedes it). Sentence ->
        # (line, headings, titled, list intro, the sentence as written, the status of its figures
        # when no marker is there to tell one from another, its names); a plain tuple: a NamedTuple's
        # Python-level constructor cost 0.6 % of the stage.
        shared: dict[tuple[int, int], _Shared] = {}
        for sentence, spans in in_sentence.items():
            paragraph = units.paragraph_at(spans[0][0])
            headings, titled = layout.headings(spans[0][0])
            intro = layout.intro(paragraph)
            if intro is None and sentence[0] > paragraph[0] and text.startswith("其中", sentence[0]):
                # a sentence that opens with 其中 tells a part of the one before: a goal marker there
                # (计划实施重大项目1200个以上。其中，新开工项目不少于300个) governs it as an intro would
                intro = units.sentence_at(sentence[0] - 1)
            # the names of the sentence, whose characters are no status markers (将乐县, 高要区)
            names = tuple(
                (entity.start, entity.end)
                for entity in by_start[bisect_left(entity_starts, sentence[0]) : bisect_left(entity_starts, sentence[1])]
            )
            settled = sentence_status(text, sentence, headings, self.fields, intro, titled, names)
            shared[sentence] = (paragraph, headings, titled, intro, layout.written(sentence), settled, names)
        for (match, governed, governed_rule, review), sentence, place in zip(located, sentences, places):
            period, period_rule = governed, governed_rule  # a reported figure may take the title's earlier year
            quantity = (match.start, match.end)
            provision, _ = is_provision(text, sentence, quantity, self.fields)
            if provision or _enumerates_names(text, quantity, match.parsed, name_ending_at):
                continue
            cell = table_cell(text, quantity, self.rules) if not match.parsed.unit else None
            if cell is not None and cell.index:
                continue  # a row's number in a 序号 column counts nothing
            spans = in_sentence[sentence]
            others = spans[:place] + spans[place + 1 :]  # figures do not overlap: none other is this one
            parsed = match.parsed
            rules_used: dict[str, str] = {"quantity": parsed.rule, "comparator": match.comparator_rule}
            unresolved: dict[str, str] = {}

            paragraph, headings, titled, intro, written, settled, names = shared[sentence]
            first, stop = bisect_left(entity_starts, sentence[0]), bisect_left(entity_starts, quantity[0])
            # only an entity named before the figure can open its metric
            subjects = tuple(entity_names[first:stop])
            metric, rules_used["metric"] = metric_for(
                text,
                sentence,
                quantity,
                others,
                self.fields,
                verb=match.verb_span,
                subjects=subjects,
                earlier=measured.get(paragraph[0], ()),
            )
            row_place = None
            if cell is not None and cell.item:
                # a row that names an item in several cells (项目名称 | 实施地点 | 建设内容): the column
                # header names what each figure measures, also in its 合计 row
                column = column_metric(text, cell, self.rules)
                if column is not None:
                    metric, rules_used["metric"] = column, "metric.table_item_column"
            elif cell is not None and cell.label_span is not None:
                # a table whose rows are places (地区 | R&D经费（亿元）: 石家庄市 | 286.4): the row's place
                # is the subject, the column (or the title) names the metric
                row_place = place_named(entity_index, cell.label_span)
                column = column_metric(text, cell, self.rules) if row_place is not None else None
                if column is not None:
                    metric, rules_used["metric"] = column, "metric.table_column"
                else:
                    row_place = None
                    title = cell.title
                    if title is not None and is_total_row(cell, self.rules):
                        # a row that totals the others (合计): the whole the title names, by the column
                        titled_places = tuple(e.text for e in entities if e.label == "PLACE" and title[0] <= e.start < title[1])
                        total = total_metric(text, cell, self.rules, titled_places)
                        if total is not None:
                            metric, rules_used["metric"] = total, "metric.table_total"
            only_names = False  # the metric found is only the names of the figure's subjects
            if metric is not None and subjects:
                metric = without_subject(metric, subjects, self.fields)
                only_names = names_only(metric, subjects)
                if parsed.kind == "rank" and only_names:
                    # a rank whose clause names only what it ranks (A市、B市分别居全省第2位和第5位)
                    ranked = rank_of_names(text, sentence, quantity, metric, subjects)
                    if ranked is not None:
                        metric, rules_used["metric"] = ranked, "metric.rank.names_only"
                        only_names = False
            if parsed.kind == "rank" and metric is not None and metric.startswith(_BARE_GROWTH) and rules_used["metric"] == "metric.rank.frame":
                # a rank of a growth said with only its rate word (B街道增幅达14.2%，居全区首位), whose figure took its measure
                # from the figure before it (村级集体经济总收入): the rank ranks the growth of that measure
                ranked_figure = max((o for o in others if sentence[0] <= o[0] and o[1] <= quantity[0]), default=None)
                ranked_claim = (
                    claims[claim_at[ranked_figure[0]]] if ranked_figure is not None and ranked_figure[0] in claim_at else None
                )
                if ranked_claim is not None and ranked_claim.metric and ranked_claim.rules.get("metric") == "metric.previous":
                    metric, rules_used["metric"] = f"{ranked_claim.metric}{metric}", "metric.rank.growth_of_previous"
            named = named_by_heading(text, paragraph, metric, self.fields)
            if named is not None:  # (五)资金运用率。…的总和占缴存余额的66%: the heading names the ratio
                metric, rules_used["metric"] = named
            rate_of = index_of_rate(metric, text, paragraph[0], quantity[0], parsed.unit, self.fields)
            if rate_of is not None:  # 涨幅在0.2%—1.3%之间: the price index named before is what rises
                metric, rules_used["metric"] = rate_of
            referred = refers_back(metric, self.fields)
            if referred is not None and paragraph[0] in last_metric:
                # 这一比重: the metric named last in the paragraph, as already written
                metric, rules_used["metric"] = last_metric[paragraph[0]], referred
            elif metric is None and paragraph[0] in last_metric and _OPENS_WITH_PARTS.match(text, sentence[0]):
                # a sentence that opens with 其中 or with how it breaks a figure down (分季度看，) and names no
                # metric (其中，9月当月增长9.1%) is about parts of what the sentence before measured: of the whole,
                # not of a part a breakdown before it named (分城乡看，…农村上涨0.3%。分月看，1月、2月…分别上涨…)
                metric = whole_metric.get(paragraph[0], last_metric[paragraph[0]])
                rules_used["metric"] = "metric.part_of_the_sentence_before"
            elif metric is None and paragraph[0] in whole_metric and "分别" in text[sentence[0] : quantity[0]]:
                # a 分别 list of parts that names no measure (1月、2月、3月分别上涨…): what the paragraph
                # measures, not a part named in the sentence before (分城乡看，城市上涨…，农村上涨…)
                metric, rules_used["metric"] = whole_metric[paragraph[0]], "metric.parts_of_the_paragraph_whole"
            elif only_names and paragraph[0] in last_metric:
                # a sentence that names only its subject (…地区生产总值增长5.2%。宁波市增长6.1%; 各县（区）为…)
                # measures a part of what the paragraph measured last: a place is never a metric
                metric, rules_used["metric"] = last_metric[paragraph[0]], "metric.subject_alone"
            elif only_names:
                metric, rules_used["metric"] = None, "metric.subject_alone"
                unresolved["metric"] = "the clause names only its subject, not what is measured"
            elif metric is None:
                unresolved["metric"] = "no noun phrase names what is measured"
            elif source is not None:
                metric = _as_written(metric, text, sentence, quantity, source)

            unit, scale = parsed.unit, _UNSCALED
            if cell is not None and cell.unit is not None:
                # a table cell: its header or row writes the unit (单位：亿元 → ×1e8 元)
                unit, scale, rules_used["unit"] = cell.unit.unit, cell.unit.scale, cell.unit.rule
            elif not unit:
                implied = implied_unit(metric, self.fields)
                if implied is not None:
                    unit, rules_used["unit"] = implied
                else:
                    unresolved["unit"] = "the text writes no unit and the metric implies none"
            intensity = per_unit(metric, unit, self.fields)
            if intensity is not None:
                unit, rules_used["unit"] = intensity

            kind, sign, rules_used["kind"] = kind_for(text, sentence, quantity, parsed, self.fields, metric)

            # of the headings over the figure, the nearest that reviews or plans decides
            if settled is None:
                status, rules_used["status"] = status_for(
                    text,
                    sentence,
                    quantity,
                    headings,
                    self.fields,
                    period_is_past=_cited(period, doc_date),
                    period_is_over=_period_is_past(period, doc_date, by_year=False),
                    intro=intro,
                    titled=titled,
                    names=names,
                )
            elif settled[0] is settled[1] or not _cited(period, doc_date):
                status, rules_used["status"] = settled[0]
            else:
                status, rules_used["status"] = settled[1]
            if status == "actual" and cell is not None and cell.header is not None:
                # a column headed by a goal (2030年目标值, 规划目标) is the nearest heading over its cells:
                # a monitoring report's table sets the plan's targets beside the years' results
                column_status, column_rule, _ = heading_status(cell.header, self.fields)
                if column_status == "target":
                    status, rules_used["status"] = column_status, column_rule
            comparator = parsed.comparator
            reached = self.reached_comparators.get(match.comparator_rule or "")  # from the verb: no 以内 with the figure
            if status == "actual" and reached is not None:
                # a rate held at a level and reached (城镇登记失业率控制在1.82%): the figure is what it was; the
                # ceiling is a goal's (控制在2%以内, or 控制在5% among targets)
                comparator = reached
            if review is not None and status == "actual":
                # what a summary-and-plan text reports is of the year it reviews (二、存在的问题 under
                # 2025年工作总结和2026年工作计划); its targets keep the year planned
                period, period_rule = review.period, review.rule
            part = (
                _PART_ALONE.search(text, max(sentence[0], quantity[0] - _PART_REACH), quantity[0])
                if rules_used["kind"] == "kind.level" and quantity[0] > sentence[0] and text[quantity[0] - 1] in _PART_VERBS
                else None
            )
            if part is not None or (
                status == "target" and rules_used["kind"] == "kind.level" and rules_used["metric"] == "metric.previous"
            ):
                # a goal that only raises the aim of the figure before it (增长目标定为6%，力争达到7%), or
                # a part said with only 为 (增长8.1%，其中长兴县为12.3%; 报销比例为62.4%，二级医院为73.8%),
                # measures what that one measures, in the same way. A part is a place named, or any
                # short item after a share: after a level or a change, 失业保险参保人数分别为… names a
                # measure of its own
                before = max((o for o in others if sentence[0] <= o[0] and o[1] <= quantity[0]), default=None)
                inherited = kind_at.get(before[0]) if before is not None else None
                if (
                    inherited is not None
                    and inherited[0] == unit
                    and (part is None or part["part"] in subjects or inherited[1] == "share")
                ):
                    _, kind, sign = inherited
                    rules_used["kind"] = "kind.previous"
            kind_at[match.start] = (unit, kind, sign)
            value, upper = parsed.value, parsed.upper  # exact already (numbers._tidy)
            if scale is not _UNSCALED or sign != 1 or upper is not None:
                # else the figure stays as parsed (most do): ×1 would only copy it
                value, upper = _signed(value * scale, upper * scale if upper is not None else None, sign)
                value, upper = exact(value), exact(upper) if upper is not None else None

            entity: str | None
            in_row = None
            if cell is not None and cell.item:
                in_row = cell.place
            elif placed_items and cell is None:
                in_row = item_row_place(text, quantity, self.rules)
            if row_place is not None:
                entity, rules_used["entity"] = row_place.name, "entity.table_row"
            elif in_row is not None:
                entity, rules_used["entity"] = in_row, "entity.table_item_place"
            else:
                entity, rules_used["entity"] = entity_for(
                    text, quantity, sentence, entity_index, main_region, paragraph[0]
                )
            if entity is None:
                unresolved["entity"] = "the text names no subject for this figure"

            if period_rule:
                rules_used["period"] = period_rule
            if period == (None, None):
                unresolved["period"] = (
                    "no time phrase governs this figure"
                    if doc_date or not period_rule
                    else "relative time without a document date"
                )

            start, end = source.to_source(*quantity) if source else quantity
            duplicate_of = None
            if paragraph[0] in repeats:
                twin = repeats[paragraph[0]] + (match.start - paragraph[0])
                duplicate_of = claim_at.get(twin)
            claim_id = len(claims)
            claim_at[match.start] = claim_id
            if metric is not None:
                if kind != "rank":  # a position measures no quantity a later figure of the paragraph is a part of
                    last_metric[paragraph[0]] = metric
                    if not _OPENS_WITH_PARTS.match(text, sentence[0]) and text.find("其中", sentence[0], quantity[0]) < 0:
                        whole_metric[paragraph[0]] = metric
                measured[paragraph[0]].append((kind, metric))
            claims.append(
                Claim.of_typed(
                    {
                        "quantity": original[start:end],
                        "entity": entity,
                        "metric": metric,
                        "value": value,
                        "upper": upper,
                        "unit": unit,
                        "comparator": comparator,
                        "kind": kind,
                        "period": period,
                        "status": status,
                        "id": claim_id,
                        "span": (start, end),
                        "sentence": written,
                        "rules": rules_used,
                        "unresolved": unresolved,
                        "duplicate_of": duplicate_of,
                    }
                )
            )
        return claims


# a clause that names only a part and 为 before its figure (，其中长兴县为|12.3%; ，二级医院为|73.8%), or the
# part a superlative picks (，鹤山区最低，为|71.0%): it borrows the measure of the figure before. Its match
# ends right before the figure with one of _PART_VERBS, so it is searched for (at each place of the 18
# characters before the figure) only where one stands there, not before every level figure
_PART_VERBS = "为是"
_PART_ALONE = regex.compile(
    r"[，；、,;](?:其中[，,]?)?(?:(?P<part>\p{Han}{1,12}?)(?:最高|最低|最多|最少|最快|最慢|最大|最小)[，,]|(?P<part>\p{Han}{1,12}))"
    rf"[{_PART_VERBS}]\Z"
)
_PART_REACH = 18
_BARE_GROWTH = ("增速", "增幅")  # a rank metric that opens with one names no measure of its own
# what opens a sentence about parts of the figure before it: 其中, or an opener that says how the figure
# is broken down (分季度看, 从行业来看), which names no measure (`metric.head.link` cuts it)
_OPENS_WITH_PARTS = regex.compile(r"其中|[分从]\p{Han}{1,5}?来?看")


def _as_written(
    metric: str, text: str, sentence: tuple[int, int], quantity: tuple[int, int], source: AnalysisText
) -> str:
    """The metric as the source writes it (５Ｇ, not 5G): SPEC writes metrics as the text has them.

    Only a metric that is a contiguous slice of its sentence can be mapped back; of several
    occurrences the last one before the figure is the one the metric was cut from.
    """
    before = text.rfind(metric, sentence[0], quantity[0])
    found = before if before >= 0 else text.find(metric, sentence[0], sentence[1])
    if found < 0:
        return metric
    start, end = source.to_source(found, found + len(metric))
    written = source.original[start:end]
    return written if len(written) == len(metric) else metric


def _signed(value: Decimal, upper: Decimal | None, sign: int) -> tuple[Decimal, Decimal | None]:
    """Apply a fall's sign; a range stays ordered (下降10%—15% → −15 … −10)."""
    if upper is None:
        return value * sign, None
    low, high = sorted((value * sign, upper * sign))
    return low, high


@Language.factory(
    "policy_extract_claims",
    assigns=["doc._.claims"],
    requires=["doc.spans", "doc._.main_region"],
    default_config={"rules_dirs": []},
)
def make_claim_assembler(nlp: Language, name: str, rules_dirs: list[str]) -> ClaimAssembler:
    register_extensions()
    return ClaimAssembler(load_rules(tuple(rules_dirs)))
