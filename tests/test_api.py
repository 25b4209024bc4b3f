"""The public library API: extract, extract_file, load, parse_quantity, and our components in a user's pipeline."""

from __future__ import annotations

import json
from decimal import Decimal

import pydantic
import pytest
import spacy

import policy_extract
from policy_extract import Claim, Document, ParsedQuantity
from policy_extract.errors import DateError, InputError
from policy_extract.pipeline import COMPONENTS

TEXT = "2025年，慈溪规上工业总产值突破5400亿元，同比增长8.5%。今年力争增长6%以上。"


def claim_of(document: Document, quantity: str) -> Claim:
    return next(claim for claim in document.claims if claim.quantity == quantity)


def test_extract_returns_a_document_with_spec_claims():
    document = policy_extract.extract(TEXT, date="2026-03")
    level = claim_of(document, "5400亿元")
    assert (level.value, level.unit, level.comparator, level.kind, level.period, level.status) == (
        Decimal(540000000000), "元", ">", "level", ("2025", "2025"), "actual"
    )
    target = claim_of(document, "6%以上")
    assert (target.comparator, target.kind, target.period, target.status) == (">=", "change", ("2026", "2026"), "target")


def test_every_claim_is_traceable_to_its_span_and_rules():
    document = policy_extract.extract(TEXT, date="2026-03")
    assert document.claims
    for claim in document.claims:
        assert TEXT[claim.span[0] : claim.span[1]] == claim.quantity
        assert claim.sentence in TEXT
        assert {"quantity", "kind", "status"} <= set(claim.rules)


def test_a_given_date_is_reported_as_given_and_an_inferred_one_with_its_evidence():
    given = policy_extract.extract(TEXT, date="2026-03").document
    assert (given.date, given.date_source) == ("2026-03", "given")
    inferred = policy_extract.extract("（2024年1月20日在县第十八届人民代表大会第三次会议上）\n" + TEXT).document
    assert (inferred.date, inferred.date_source) == ("2024-01-20", "inferred") and inferred.date_evidence


def test_without_a_date_relative_times_stay_null_and_a_warning_says_so():
    document = policy_extract.extract("今年，全市新增高新技术企业120家。")
    assert document.document.date is None
    assert claim_of(document, "120家").period == (None, None)
    assert document.warnings


def test_a_different_date_shifts_relative_periods():
    text = "今年，全市新增高新技术企业120家。"
    periods = [claim_of(policy_extract.extract(text, date=d), "120家").period for d in ("2025", "2026-03")]
    assert periods == [("2025", "2025"), ("2026", "2026")]


def test_a_bad_date_is_a_date_error():
    with pytest.raises(DateError):
        policy_extract.extract(TEXT, date="2026-02-30")


def test_extract_file_detects_the_encoding(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes(TEXT.encode("gbk"))
    document = policy_extract.extract_file(path, date="2026-03")
    assert document.document.encoding == "gb18030" and document.document.source == str(path)
    assert claim_of(document, "5400亿元").value == Decimal(540000000000)


def test_extract_file_on_a_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match=r"missing\.txt"):
        policy_extract.extract_file(tmp_path / "missing.txt")


def test_output_json_is_spec_shaped():
    data = json.loads(policy_extract.extract(TEXT, date="2026-03").model_dump_json())
    assert set(data) == {"document", "claims", "warnings"}
    assert {"source", "date", "date_source", "chars"} <= set(data["document"])
    spec_fields = {"entity", "metric", "value", "upper", "unit", "comparator", "kind", "period", "status", "quantity", "span"}
    assert all(spec_fields <= set(claim) for claim in data["claims"])
    assert isinstance(data["claims"][0]["value"], int) and isinstance(data["claims"][0]["period"], list)


def test_claims_are_frozen():
    claim = policy_extract.extract(TEXT, date="2026-03").claims[0]
    with pytest.raises(pydantic.ValidationError, match="frozen"):
        claim.value = Decimal(1)  # type: ignore[misc]


def test_parse_quantity_is_exported_and_returns_a_parsed_quantity():
    parsed = policy_extract.parse_quantity("近万亩")
    assert isinstance(parsed, ParsedQuantity)
    assert (parsed.value, parsed.unit, parsed.comparator) == (Decimal(10000), "亩", "~")


def test_load_returns_the_spacy_pipeline_with_our_components():
    nlp = policy_extract.load()
    assert isinstance(nlp, spacy.language.Language)
    assert nlp.pipe_names == list(COMPONENTS)
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == "policy_extract.ChineseTokenizer.v1"


def test_our_components_work_in_a_users_own_pipeline():
    import policy_extract.components  # noqa: F401 - registers the factories

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    for name in COMPONENTS:
        nlp.add_pipe(name)
    doc = nlp(TEXT)
    assert [span.text for span in doc.spans["quantities"]][:2] == ["5400亿元", "8.5%"]
    assert any(span.text.startswith("2025") for span in doc.spans["times"])
    assert "慈溪" in [ent.text for ent in doc.ents]
    assert claim_of(Document(document={}, claims=doc._.claims), "5400亿元").entity == "慈溪"


def test_a_user_rule_folder_extends_ours_without_code(tmp_path):
    (tmp_path / "units.yaml").write_text(
        "version: 1\nrules:\n  - id: user.unit.yu\n    name: 羽 (head of poultry)\n    surfaces: [羽]\n"
        "    examples: [120万羽]\n",
        encoding="utf-8",
    )
    text = "全县家禽出栏120万羽。"
    ours = policy_extract.extract(text, date="2025")
    theirs = policy_extract.extract(text, date="2025", rules_dirs=[tmp_path])
    assert [(c.quantity, c.unit) for c in ours.claims] == [("120万", "")]
    assert [(c.quantity, c.value, c.unit, c.rules["quantity"]) for c in theirs.claims] == [
        ("120万羽", Decimal(1200000), "羽", "form.amount")
    ]
    nlp = policy_extract.load([tmp_path])
    assert nlp.get_pipe("policy_extract_quantities").rules.sources[-1] == str(tmp_path)


def test_forgetting_recurring_pieces_empties_their_caches_and_changes_no_claim():
    from policy_extract.claim_fields import RECURRING_PIECE_CACHES
    from policy_extract.pipeline import forget_recurring_pieces

    text = "一、2025年工作回顾\n2025年，全市规模以上工业增加值增长6.2%，新增企业三十家。"
    before = policy_extract.extract(text, date="2026-03").claims
    assert all(cache.cache_info().currsize for cache in RECURRING_PIECE_CACHES)
    forget_recurring_pieces()
    assert not any(cache.cache_info().currsize for cache in RECURRING_PIECE_CACHES)
    assert policy_extract.extract(text, date="2026-03").claims == before
