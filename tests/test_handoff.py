"""Our components hand their matches to the next through `doc.user_data`, not through `span._`."""

from __future__ import annotations

from spacy.tokens import Doc

from policy_extract.components import handoff
from policy_extract.pipeline import run, shared_pipeline

TEXT = "2025年，全县产值增长8.5%，利润增长12%。"


def test_times_hand_one_period_per_quantity_in_order():
    doc = run(shared_pipeline(), TEXT, "2026-03")
    quantities = [match.parsed.text for match in handoff.get(doc, "quantities")]
    periods = [assignment.period for assignment in handoff.get(doc, "periods")]
    assert (quantities, periods) == (["8.5%", "12%"], [("2025", "2025"), ("2025", "2025")])


def test_two_figures_in_one_token_keep_their_own_claims():
    """Both figures expand to the one token, a span that spaCy's `span._` values would share."""
    nlp = shared_pipeline()
    doc = Doc(nlp.vocab, words=[TEXT])
    doc._.warnings = []
    for _, component in nlp.pipeline:
        doc = component(doc)
    assert [(claim.quantity, str(claim.value)) for claim in doc._.claims] == [("8.5%", "8.5"), ("12%", "12")]
