"""Our components hand their matches to the next through `doc.user_data`, not through `span._`."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from policy_extract.components import handoff
from policy_extract.pipeline import load, run, shared_pipeline

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


@Language.component("test_reads_our_spans")
def _reads_our_spans(doc: Doc) -> Doc:
    doc.user_data["test.read"] = [span.text for span in doc.spans["quantities"]]
    return doc


PLACE_TEXT = "2025年，宁波市全市产值增长8.5%，利润增长12%。"


def test_a_run_of_our_components_alone_writes_no_spans():
    doc = run(shared_pipeline(), PLACE_TEXT, "2026-03")
    assert (list(doc.spans), doc.ents) == ([], ())
    assert [(claim.entity, claim.quantity) for claim in doc._.claims] == [("宁波市", "8.5%"), ("宁波市", "12%")]


def test_a_run_with_a_users_component_writes_the_spans_for_it_and_the_same_claims():
    nlp = load()
    nlp.add_pipe("test_reads_our_spans")
    doc = run(nlp, PLACE_TEXT, "2026-03")
    assert doc.user_data["test.read"] == ["8.5%", "12%"]
    assert [span.text for span in doc.spans["times"]] == ["2025年"]
    assert [span._.period for span in doc.spans["quantities"]] == [("2025", "2025"), ("2025", "2025")]
    assert [(span.text, span.label_) for span in doc.spans["entities"]] == [("宁波市", "PLACE"), ("全市", "REF")]
    assert [ent.text for ent in doc.ents] == ["宁波市"]
    assert doc._.claims == run(shared_pipeline(), PLACE_TEXT, "2026-03")._.claims
