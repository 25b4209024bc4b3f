"""spaCy component: every claim quantity of the doc, as spans in `doc.spans["quantities"]`.

Matching runs on `doc.text` with `numbers.find_quantities`, unless the tokenizer already
did (`ChineseTokenizer.spotter`, for jieba's words in their clauses); each span carries its
`numbers.QuantityMatch` in `span._.quantity`, whose offsets are exact where the span,
snapped to another tokenizer's tokens, may be wider. The matches go to the times and claims
components through `handoff`, one per span and in the same order.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import register_extensions, text_of
from ..numbers import QuantityMatch, find_quantities
from ..rule_files import RuleSet, load_rules
from . import handoff

SPANS_KEY = "quantities"


class QuantitiesComponent:
    """Finds quantities with the rules loaded once, when the pipeline is built."""

    def __init__(self, rules: RuleSet):
        self.rules = rules

    def find(self, text: str) -> list[QuantityMatch]:
        """The quantities of a text; the tokenizer may call it first (its spotter)."""
        return find_quantities(text, self.rules)

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        found = handoff.spotted(doc, text)
        matches = list(found if found is not None else self.find(text))
        if handoff.writes_spans(doc):
            spans = []
            for match in matches:
                span = handoff.expanded_span(doc, match.start, match.end)
                span._.quantity = match
                spans.append(span)
            doc.spans[SPANS_KEY] = spans
        handoff.put(doc, SPANS_KEY, matches)
        return doc


@Language.factory(
    "policy_extract_quantities",
    assigns=["doc.spans", "span._.quantity"],
    requires=[],
    default_config={"rules_dirs": []},
)
def make_quantities(nlp: Language, name: str, rules_dirs: list[str]) -> QuantitiesComponent:
    register_extensions()
    return QuantitiesComponent(load_rules(tuple(rules_dirs)))
