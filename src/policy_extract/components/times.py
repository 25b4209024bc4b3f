"""spaCy component: time phrases (`doc.spans["times"]`), the document date, and each quantity's period.

The document date is an input (`doc._.date`, set by the caller); only when it
is missing is it inferred from the text, and marked "inferred".
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import register_extensions, text_of
from ..rule_files import RuleSet, load_rules
from ..times import (
    DocDate,
    PeriodAssignment,
    TimeMatch,
    assign_periods,
    infer_document_date,
    scoped_times,
)
from . import handoff

SPANS_KEY = "times"
QUANTITIES_KEY = "quantities"
PERIODS_KEY = "periods"


class TimesComponent:
    """Finds times and scopes them over the quantities, with the rules loaded once."""

    def __init__(self, rules: RuleSet):
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        extension = doc._  # each `doc._` builds an accessor object
        doc_date: DocDate | None = extension.date
        if doc_date is None:
            doc_date = extension.date = infer_document_date(text, self.rules)
        date_value = doc_date.value if doc_date is not None else None
        times, scope = scoped_times(text, date_value, self.rules)
        offsets = [(match.start, match.end) for match in handoff.get(doc, QUANTITIES_KEY, "quantity")]
        assignments = assign_periods(text, offsets, times, date_value, self.rules, scope)
        handoff.put(doc, PERIODS_KEY, assignments)  # one per quantity, in the same order
        if handoff.writes_spans(doc):
            self._write_spans(doc, times, assignments)
        unresolved = sorted({time.text for time in times if time.unresolved})
        if unresolved:
            if extension.warnings is None:
                extension.warnings = []
            extension.warnings.append(
                "no document date: relative times left unresolved (give --date): " + "、".join(unresolved)
            )
        return doc

    @staticmethod
    def _write_spans(doc: Doc, times: list[TimeMatch], assignments: list[PeriodAssignment]) -> None:
        """The time phrases as `doc.spans["times"]`, and each quantity span's period."""
        spans = []
        for time in times:
            span = handoff.expanded_span(doc, time.start, time.end)
            extension = span._
            extension.period = time.period
            extension.period_rule = time.rule
            spans.append(span)
        doc.spans[SPANS_KEY] = spans
        quantity_spans = doc.spans.get(QUANTITIES_KEY, [])
        for span, assignment in zip(quantity_spans, assignments):
            extension = span._
            extension.period = assignment.period
            extension.period_rule = assignment.rule


@Language.factory(
    "policy_extract_times",
    assigns=["doc.spans", "doc._.date", "doc._.warnings", "span._.period", "span._.period_rule"],
    requires=["doc.spans"],
    default_config={"rules_dirs": []},
)
def make_times(nlp: Language, name: str, rules_dirs: list[str]) -> TimesComponent:
    register_extensions()
    return TimesComponent(load_rules(tuple(rules_dirs)))
