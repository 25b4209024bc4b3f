"""Register the extension attributes our components read and write.

spaCy's extension registry is global to the process, so each attribute is
registered once, behind `has_extension` (a second `set_extension` would raise E090).
"""

from __future__ import annotations

from . import _spacy  # noqa: F401  # first: spaCy imported without its command line

# isort: split
from spacy.tokens import Doc, Span

_DOC_ATTRIBUTES = {
    "source": None,  # reading.AnalysisText: normalized text + map to the original
    "date": None,  # times.DocDate: the date the document speaks from
    "main_region": None,  # the place the article is about
    "claims": None,  # list[models.Claim]
    "warnings": None,  # list[str]
}
_SPAN_ATTRIBUTES = {
    "quantity": None,  # numbers.QuantityMatch
    "period": None,  # (start, end) ISO partial dates
    "period_rule": None,  # id of the time rule that set the period
    "canonical": None,  # entity: the name a reference (全市, 该企业) resolves to
    "entity": None,  # entities.EntityMatch behind an entity span
}


def register_extensions() -> None:
    for name, default in _DOC_ATTRIBUTES.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in _SPAN_ATTRIBUTES.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


_TEXT = "policy_extract.text"


def text_of(doc: Doc) -> str:
    """The text our components read: `doc._.source`'s (the doc of a run of ours alone has no
    tokens), else `doc.text`, computed once: spaCy rebuilds it from every token on each access.

    The first access caches it in `doc.user_data`, so components share one string
    (on a 200,000-character document each `doc.text` costs about half a second).
    """
    cached = doc.user_data.get(_TEXT)
    if cached is None:
        source = doc._.source
        cached = source.text if source is not None else doc.text
        doc.user_data[_TEXT] = cached
    return cached


def share_text(doc: Doc, text: str) -> None:
    """Hand `text_of` the text of the `doc._.source` about to be set, so that no component
    reads `doc._` for it (each `doc._` builds an accessor object)."""
    doc.user_data[_TEXT] = text
