"""spaCy component: places, organisations, named areas and references, and the main region.

Writes every match to ``doc.spans["entities"]`` (overlaps allowed, references
included, each span carrying its `EntityMatch` in ``span._.entity``), the
non-overlapping places, organisations and areas to ``doc.ents``, and the place
the text is about to ``doc._.main_region``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from ..entities import find_entities_and_main_region
from ..extensions import register_extensions, text_of
from ..rule_files import RuleSet, load_rules
from . import handoff

SPANS_KEY = "entities"
ENT_LABELS = frozenset({"PLACE", "ORG", "AREA"})


class EntitiesComponent:
    """Finds the entities of a doc, with the rules loaded once."""

    def __init__(self, rules: RuleSet):
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        matches, region = find_entities_and_main_region(text_of(doc), self.rules)
        handoff.put(doc, SPANS_KEY, matches)
        if handoff.writes_spans(doc):
            spans = []
            for match in matches:
                span = handoff.expanded_span(doc, match.start, match.end, match.label)
                extension = span._
                extension.canonical = match.canonical
                extension.entity = match
                spans.append(span)
            doc.spans[SPANS_KEY] = spans
            doc.ents = filter_spans([span for span in spans if span.label_ in ENT_LABELS])
        doc._.main_region = region
        return doc


@Language.factory(
    "policy_extract_entities",
    assigns=["doc.ents", "doc.spans", "doc._.main_region", "span._.canonical", "span._.entity"],
    requires=[],
    default_config={"rules_dirs": []},
)
def make_entities(nlp: Language, name: str, rules_dirs: list[str]) -> EntitiesComponent:
    register_extensions()
    return EntitiesComponent(load_rules(tuple(rules_dirs)))
