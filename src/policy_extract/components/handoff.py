"""What one of our components found, handed to the next in `doc.user_data`, keyed by component.

The spans in `doc.spans` (with their `span._` values) are written for spaCy users; our
components read these lists instead. A `span._` read builds an object per access, and
spaCy keys span extension values by character offsets, so two matches that expand to
the same tokens would share (and overwrite) one value. Where no one will read the spans
(`pipeline.run` with only our components: the claims are its output), `without_spans`
tells the components not to write them: they cost 6 % of a run.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.tokens import Doc, Span

_KEY = "policy_extract.found"


def _user_data(doc: Doc) -> dict[Any, Any]:
    """`doc.user_data`, typed as spaCy documents it (any key; spaCy's own keys are tuples too)."""
    return doc.user_data


def put(doc: Doc, name: str, items: list[Any]) -> None:
    _user_data(doc)[(_KEY, name)] = items


def expanded_span(doc: Doc, start: int, end: int, label: str = "") -> Span:
    """The tokens that cover characters [start, end). Every offset of the text is in a token
    (or its trailing space), so `char_span` in ``expand`` mode finds them: None would mean a
    tokenizer that leaves text out, which is an error of the pipeline, not of the text."""
    span = doc.char_span(start, end, label=label, alignment_mode="expand")
    if span is None:
        raise ValueError(f"no tokens cover characters {start}-{end}: the tokenizer left text out")
    return span


def get(doc: Doc, name: str, attribute: str | None = None) -> list[Any]:
    """The items `name` found, in the order it found them. If our component did not run,
    the `attribute` extension of the spans in `doc.spans[name]` (spans another component
    wrote), or none."""
    found: list[Any] | None = _user_data(doc).get((_KEY, name))
    if found is None:
        spans = doc.spans[name] if attribute and name in doc.spans else []
        found = [getattr(span._, attribute) for span in spans] if attribute else []
    return found


_SPOTTED = "policy_extract.spotted"


def put_spotted(doc: Doc, text: str, items: Sequence[Any]) -> None:
    """What the tokenizer's spotter found on `text`, before the Doc existed."""
    doc.user_data[_SPOTTED] = (text, items)


def spotted(doc: Doc, text: str) -> Sequence[Any] | None:
    """What the tokenizer's spotter found, if it ran on this very `text`."""
    found = doc.user_data.get(_SPOTTED)
    if found is None or found[0] != text:
        return None
    return found[1]


_NO_SPANS = "policy_extract.no_spans"


def without_spans(doc: Doc) -> None:
    """Our components write no `doc.spans`, `doc.ents` or `span._` values on this doc."""
    doc.user_data[_NO_SPANS] = True


def writes_spans(doc: Doc) -> bool:
    """Whether our components write their spans on this doc (they do unless told not to)."""
    return not doc.user_data.get(_NO_SPANS, False)
