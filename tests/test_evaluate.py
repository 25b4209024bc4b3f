"""The SPEC section 5 scorer, gold loading, and `policy-extract eval` (with baselines)."""

from __future__ import annotations

import argparse
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from policy_extract import cli, evaluate
from policy_extract.errors import GoldError, RegressionError
from policy_extract.evaluate import (
    PRF,
    Accuracy,
    PredictedClaim,
    align,
    bigram_dice,
    date_matches,
    entities_match,
    metrics_match,
    numbers_match,
    occurrences,
    periods_match,
    regressions,
    score,
    score_corpus,
)
from policy_extract.models import GoldClaim

from shared_helpers import DEV

REPO = Path(__file__).resolve().parents[1]

BASE = {
    "quantity": "9.5%", "entity": "慈溪", "metric": "规上工业增加值", "value": "9.5", "unit": "%",
    "comparator": "=", "kind": "change", "period": ["2025", "2025"], "status": "actual",
}


def gold_claim(**changes) -> GoldClaim:
    return GoldClaim.model_validate({**BASE, **changes})


def predicted(start: int, end: int, **changes) -> PredictedClaim:
    return PredictedClaim.model_validate({**BASE, **changes, "span": [start, end]})


# ----------------------------------------------------------------- occurrences (SPEC section 4)

OCCURRENCES = [
    pytest.param("共26个项目，其中6个", "6个", [2, 9], id="inside-a-longer-number-counts"),
    pytest.param("增长aaa", "aa", [2, 3], id="overlapping-starts"),
    pytest.param("增长9.5%", "9.6%", [], id="absent"),
    pytest.param("增长9.5%", "", [], id="empty-quantity-is-never-found"),
]


@pytest.mark.parametrize(("text", "quantity", "expected"), OCCURRENCES)
def test_occurrences(text, quantity, expected):
    assert occurrences(text, quantity) == expected


# ----------------------------------------------------------------- alignment (SPEC 5.1)

ALIGNMENTS = [
    pytest.param([(0, 4)], [(2, 6)], {(0, 0)}, id="partial-overlap-aligns"),
    pytest.param([(0, 4)], [(4, 8)], set(), id="touching-spans-do-not-overlap"),
    pytest.param([(0, 6)], [(0, 2), (2, 6)], {(0, 1)}, id="largest-overlap-wins"),
    pytest.param([(0, 6), (0, 2)], [(0, 2), (2, 6)], {(0, 1), (1, 0)}, id="one-to-one-second-takes-the-rest"),
    pytest.param([(0, 4), (2, 5)], [(2, 4)], {(1, 0)}, id="equal-overlap-goes-to-the-closer-span"),
    pytest.param([(0, 4), (0, 4)], [(0, 4)], {(0, 0)}, id="duplicate-prediction-aligns-once"),
]


@pytest.mark.parametrize(("predicted_spans", "gold_spans", "expected"), ALIGNMENTS)
def test_align(predicted_spans, gold_spans, expected):
    assert align(predicted_spans, gold_spans) == expected


# ----------------------------------------------------------------- field matching (SPEC 5.2, 5.3)

ENTITIES = [
    pytest.param("慈溪市", "慈溪", True, id="trailing-市-dropped"),
    pytest.param("高阳县", "高阳", True, id="trailing-县-dropped"),
    pytest.param("“德业”储能", "德业储能", True, id="quotes-dropped"),
    pytest.param("浙江 索特重工", "浙江索特重工", True, id="spaces-dropped"),
    pytest.param("高新区", "苏州高新区", True, id="contained"),
    pytest.param("高阳县", "全县", False, id="reference-is-not-the-name"),
    pytest.param("市", "慈溪", False, id="empty-after-normalization-contains-nothing"),
    pytest.param(None, None, True, id="null-equals-null"),
    pytest.param(None, "慈溪", False, id="null-differs-from-a-name"),
]


@pytest.mark.parametrize(("predicted_entity", "gold_entity", "expected"), ENTITIES)
def test_entities_match(predicted_entity, gold_entity, expected):
    assert entities_match(predicted_entity, gold_entity) is expected


METRICS = [
    pytest.param("规模以上工业增加值", "规上工业增加值", True, id="规模以上-is-规上"),
    pytest.param("“规上”工业 产值。", "规上工业产值", True, id="quotes-spaces-punctuation-dropped"),
    pytest.param("研发费用", "规上工业企业研发费用", True, id="contained"),
    pytest.param("地区生产总值", "全市生产总值", True, id="dice-exactly-0.6-matches"),
    pytest.param("一般公共预算收入", "公共财政预算收入", False, id="dice-4/7-below-threshold"),
    pytest.param("工业用电量", "全社会用电量", False, id="dice-4/9"),
]


@pytest.mark.parametrize(("predicted_metric", "gold_metric", "expected"), METRICS)
def test_metrics_match(predicted_metric, gold_metric, expected):
    assert metrics_match(predicted_metric, gold_metric) is expected


DICE = [
    pytest.param("地区生产总值", "全市生产总值", 6 / 10, id="3-of-5-bigrams-each"),
    pytest.param("一般公共预算收入", "公共财政预算收入", 8 / 14, id="4-shared-of-7-and-7"),
    pytest.param("粮粮粮", "粮粮", 2 / 3, id="bigrams-are-a-multiset"),
    pytest.param("粮", "粮", 0.0, id="no-bigrams"),
]


@pytest.mark.parametrize(("first", "second", "expected"), DICE)
def test_bigram_dice(first, second, expected):
    assert bigram_dice(first, second) == expected


PERIODS = [
    pytest.param(("2025", "2025"), ("2025-01", "2025-12"), True, id="years-compared-not-months"),
    pytest.param((None, "2030"), (None, "2030"), True, id="null-start-equals-null-start"),
    pytest.param(("2030", "2030"), (None, "2030"), False, id="year-does-not-equal-null"),
    pytest.param((None, None), (None, None), True, id="both-null"),
    pytest.param(("2021", "2025"), ("2021", "2024"), False, id="end-year-differs"),
]


@pytest.mark.parametrize(("predicted_period", "gold_period", "expected"), PERIODS)
def test_periods_match(predicted_period, gold_period, expected):
    assert periods_match(predicted_period, gold_period) is expected


NUMBERS = [
    pytest.param(Decimal("1000001"), Decimal("1000000"), True, id="relative-difference-1e-6-matches"),
    pytest.param(Decimal("1000002"), Decimal("1000000"), False, id="relative-difference-2e-6-fails"),
    pytest.param(Decimal("-5.5"), Decimal("5.5"), False, id="sign-matters"),
    pytest.param(Decimal("0"), Decimal("0"), True, id="zero"),
    pytest.param(None, None, True, id="no-upper-on-either-side"),
    pytest.param(None, Decimal("20"), False, id="missing-upper"),
]


@pytest.mark.parametrize(("predicted_number", "gold_number", "expected"), NUMBERS)
def test_numbers_match(predicted_number, gold_number, expected):
    assert numbers_match(predicted_number, gold_number) is expected


# ----------------------------------------------------------------- quantity and tuple match (SPEC 5.2, 5.4)

PAIRS = [
    pytest.param({}, True, True, id="identical"),
    pytest.param({"value": "9.6"}, False, False, id="value-breaks-both"),
    pytest.param({"upper": "12"}, False, False, id="upper-breaks-both"),
    pytest.param({"unit": "百分点"}, False, False, id="unit-breaks-both"),
    pytest.param({"comparator": ">"}, False, False, id="comparator-breaks-both"),
    pytest.param({"entity": "宁波"}, True, False, id="entity-breaks-tuple-only"),
    pytest.param({"metric": "出口额"}, True, False, id="metric-breaks-tuple-only"),
    pytest.param({"period": ["2024", "2024"]}, True, False, id="period-breaks-tuple-only"),
    pytest.param({"kind": "level"}, True, False, id="kind-breaks-tuple-only"),
    pytest.param({"status": "target"}, True, False, id="status-breaks-tuple-only"),
    pytest.param({"entity": "慈溪市", "metric": "规模以上工业增加值"}, True, True, id="normalized-fields-still-match"),
]


@pytest.mark.parametrize(("changes", "quantity_ok", "tuple_ok"), PAIRS)
def test_single_pair_matches(changes, quantity_ok, tuple_ok):
    result = score([predicted(10, 14, **changes)], [((10, 14), gold_claim())])
    assert (result.quantity_match.tp, result.tuple_match.tp) == (int(quantity_ok), int(tuple_ok))


def _three_predictions_four_gold():
    """Gold at 0, 10, 20, 30. Predictions: exact at 0; at 10 with a wrong entity; spurious at 50."""
    gold = [((start, start + 4), gold_claim()) for start in (0, 10, 20, 30)]
    guesses = [predicted(0, 4), predicted(11, 13, entity="宁波"), predicted(50, 54)]
    return score(guesses, gold, "doc")


def test_counts_of_a_scored_document():
    result = _three_predictions_four_gold()
    # quantity: pairs (0,0) and (1,1) match; tuple: only (0,0); 3 predicted, 4 gold
    assert (result.quantity_match, result.tuple_match) == (PRF(2, 3, 4), PRF(1, 3, 4))


def test_precision_recall_f1_arithmetic():
    prf = _three_predictions_four_gold().tuple_match
    # P = 1/3, R = 1/4, F1 = 2PR/(P+R) = 2·1/(3+4) = 2/7
    assert (prf.precision, prf.recall, prf.f1) == (1 / 3, 1 / 4, 2 / 7)


def test_field_accuracy_is_over_aligned_pairs():
    fields = _three_predictions_four_gold().fields
    assert (fields["entity"], fields["unit"]) == (Accuracy(1, 2), Accuracy(2, 2))


def test_errors_keep_misses_spurious_and_wrong_fields():
    result = _three_predictions_four_gold()
    summary = (
        [span for span, _ in result.missed],
        [claim.span for claim in result.spurious],
        [(e.field, e.predicted, e.gold, e.gold_span) for e in result.wrong],
    )
    assert summary == ([(20, 24), (30, 34)], [(50, 54)], [("entity", "宁波", "慈溪", (10, 14))])


EMPTY_CASES = [
    pytest.param(PRF(0, 0, 0), (1.0, 1.0, 1.0), id="nothing-to-find-nothing-found"),
    pytest.param(PRF(0, 0, 5), (1.0, 0.0, 0.0), id="nothing-predicted"),
    pytest.param(PRF(0, 5, 0), (0.0, 1.0, 0.0), id="nothing-to-find"),
]


@pytest.mark.parametrize(("prf", "expected"), EMPTY_CASES)
def test_empty_denominators(prf, expected):
    assert (prf.precision, prf.recall, prf.f1) == expected


def test_micro_average_adds_counts():
    first = score([predicted(0, 4)], [((0, 4), gold_claim())], "a")
    second = score([predicted(0, 4, kind="level"), predicted(9, 12)], [((0, 4), gold_claim()), ((20, 24), gold_claim())], "b")
    corpus = score_corpus([first, second], dates=[True, False])
    summary = (corpus.tuple_match, corpus.quantity_match, corpus.fields["kind"], corpus.date_inference)
    assert summary == (PRF(1, 3, 3), PRF(2, 3, 3), Accuracy(1, 2), Accuracy(1, 2))


# ----------------------------------------------------------------- date inference (SPEC 5.5)

DATES = [
    pytest.param("2026-03", "2026-03", True, id="same-month"),
    pytest.param("2026-03-15", "2026-03", True, id="day-not-required"),
    pytest.param("2026-04", "2026-03", False, id="wrong-month"),
    pytest.param("2026", "2026-03", False, id="month-missing"),
    pytest.param("2026-05", "2026", True, id="gold-has-year-only"),
    pytest.param("2025", "2026", False, id="wrong-year"),
    pytest.param(None, "2026", False, id="nothing-inferred"),
]


@pytest.mark.parametrize(("inferred", "gold", "expected"), DATES)
def test_date_matches(inferred, gold, expected):
    assert date_matches(inferred, gold) is expected


# ----------------------------------------------------------------- baselines

REGRESSIONS = [
    pytest.param({"tuple_f1": 0.50}, 0.0, ["tuple_f1 dropped from 0.5200 to 0.5000"], id="drop-named"),
    pytest.param({"tuple_f1": 0.50}, 0.05, [], id="drop-within-tolerance"),
    pytest.param({"tuple_f1": 0.60}, 0.0, [], id="rise-is-fine"),
    pytest.param({}, 0.0, [], id="figure-not-measured-is-skipped"),
]


@pytest.mark.parametrize(("current", "tolerance", "expected"), REGRESSIONS)
def test_regressions(current, tolerance, expected):
    assert regressions(current, {"tuple_f1": 0.52}, tolerance) == expected


# ----------------------------------------------------------------- predictions files (SPEC section 6)


def _prediction_line(source: str, claims: list[dict]) -> str:
    return json.dumps({"document": {"source": source, "date": "2026-03", "extra": 1}, "claims": claims}, ensure_ascii=False)


def test_predictions_as_json_lines_ignore_extra_fields(tmp_path):
    claim = {**BASE, "span": [3, 7], "confidence": 0.9}
    path = tmp_path / "pred.jsonl"
    path.write_text(_prediction_line("a.txt", [claim]) + "\n" + _prediction_line("b.txt", []) + "\n", encoding="utf-8")
    documents = evaluate.load_predictions(path)
    assert [(d.document.source, [c.span for c in d.claims]) for d in documents] == [("a.txt", [(3, 7)]), ("b.txt", [])]


def test_predictions_as_a_json_list(tmp_path):
    path = tmp_path / "pred.json"
    path.write_text("[" + _prediction_line("a.txt", [{**BASE, "span": [0, 4]}]) + "]", encoding="utf-8")
    assert [d.claims[0].value for d in evaluate.load_predictions(path)] == [Decimal("9.5")]


# ----------------------------------------------------------------- gold files (need reading.py)

TEXT = "2025年，慈溪规上工业增加值增长9.5%，26个项目中6个已投产。"
GOOD_CLAIMS = """\
  - {quantity: 9.5%, entity: 慈溪, metric: 规上工业增加值, value: 9.5, unit: "%", comparator: "=", kind: change, period: ["2025", "2025"], status: actual}
  - {quantity: 6个, occurrence: 2, entity: 慈溪, metric: 已投产项目, value: 6, unit: 个, comparator: "=", kind: level, period: ["2025", "2025"], status: actual}
"""


def _corpus(tmp_path: Path, claims: str, name: str = "cixi") -> Path:
    (tmp_path / "corpora").mkdir(exist_ok=True)
    (tmp_path / "gold").mkdir(exist_ok=True)
    (tmp_path / "corpora" / f"{name}.txt").write_text(TEXT, encoding="utf-8")
    gold = tmp_path / "gold" / f"{name}.yaml"
    gold.write_text(f'document: corpora/{name}.txt\ndate: "2026-03"\nclaims:\n{claims}', encoding="utf-8")
    return gold


@pytest.fixture
def reading():
    return pytest.importorskip("policy_extract.reading")


def test_load_gold_locates_each_occurrence(tmp_path, reading):
    document = evaluate.load_gold(_corpus(tmp_path, GOOD_CLAIMS))
    assert [(span, claim.quantity) for span, claim in document.claims] == [((17, 21), "9.5%"), ((28, 30), "6个")]


BAD_GOLD = [
    pytest.param(GOOD_CLAIMS.replace("9.5%, entity", "9.6%, entity"), "claim 1 (9.6%): quantity not found", id="not-found"),
    pytest.param(GOOD_CLAIMS.replace("occurrence: 2", "occurrence: 3"), "claim 2 (6个): occurrence 3, but corpora/cixi.txt has only 2", id="occurrence-too-high"),
    pytest.param(GOOD_CLAIMS.replace('comparator: "="', 'comparator: "≈"', 1), "claim 1 (9.5%) comparator", id="invalid-field"),
    pytest.param(GOOD_CLAIMS.replace("status: actual}", "status: actual, size: 1}", 1), "claim 1 (9.5%) size: Extra inputs", id="unknown-field"),
    pytest.param(GOOD_CLAIMS.replace("entity: 慈溪,", "entity: 慈溪, entity: 宁波,", 1), "duplicate key", id="duplicate-key"),
    pytest.param(GOOD_CLAIMS + GOOD_CLAIMS.splitlines(keepends=True)[0], "claim 3 (9.5%): same text position as claim 1", id="two-claims-one-position"),
]


@pytest.mark.parametrize(("claims", "message"), BAD_GOLD)
def test_bad_gold_names_file_and_claim(tmp_path, reading, claims, message):
    gold = _corpus(tmp_path, claims)
    with pytest.raises(GoldError, match=re.escape(message)) as caught:
        evaluate.load_gold(gold)
    assert str(gold) in str(caught.value)


def test_every_problem_of_a_file_in_one_error(tmp_path, reading):
    claims = GOOD_CLAIMS.replace("9.5%, entity", "9.6%, entity").replace("occurrence: 2", "occurrence: 3")
    with pytest.raises(GoldError) as caught:
        evaluate.load_gold(_corpus(tmp_path, claims))
    assert ("claim 1 (9.6%)" in str(caught.value), "claim 2 (6个)" in str(caught.value)) == (True, True)


def test_missing_document_is_a_gold_error(tmp_path, reading):
    gold = _corpus(tmp_path, GOOD_CLAIMS)
    (tmp_path / "corpora" / "cixi.txt").unlink()
    with pytest.raises(GoldError, match=r"cannot read its document corpora/cixi\.txt"):
        evaluate.load_gold(gold)


# ----------------------------------------------------------------- the eval command on a saved prediction file


def _eval_args(tmp_path: Path, *options: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    cli.add_eval_arguments(parser)
    return parser.parse_args([str(tmp_path / "corpora"), str(tmp_path / "gold"), *options])


def _saved_predictions(tmp_path: Path, claims: list[dict]) -> Path:
    path = tmp_path / "pred.jsonl"
    path.write_text(_prediction_line(str(tmp_path / "corpora" / "cixi.txt"), claims) + "\n", encoding="utf-8")
    return path


def test_eval_prints_micro_figures_last(tmp_path, reading, capsys):
    _corpus(tmp_path, GOOD_CLAIMS)
    pred = _saved_predictions(tmp_path, [{**BASE, "span": [17, 21]}])
    assert evaluate.run_eval(_eval_args(tmp_path, "--pred", str(pred))) == 0
    last = capsys.readouterr().out.splitlines()[-6:]
    assert last[1:3] == ["quantity  P 1.000  R 0.500  F1 0.667", "tuple     P 1.000  R 0.500  F1 0.667  (headline: tuple F1)"]


def test_eval_root_locates_documents_of_gold_files_in_a_nested_folder(tmp_path, reading, capsys):
    _corpus(tmp_path, GOOD_CLAIMS)
    nested = tmp_path / "gold" / "new"
    nested.mkdir()
    (tmp_path / "gold" / "cixi.yaml").rename(nested / "cixi.yaml")  # still says corpora/cixi.txt
    pred = _saved_predictions(tmp_path, [{**BASE, "span": [17, 21]}])
    args = [str(tmp_path / "corpora"), str(nested), "--pred", str(pred)]
    parser = argparse.ArgumentParser()
    cli.add_eval_arguments(parser)
    with pytest.raises(GoldError, match=r"cannot read its document corpora/cixi\.txt"):
        evaluate.run_eval(parser.parse_args(args))  # looked for gold/corpora/cixi.txt
    assert evaluate.run_eval(parser.parse_args([*args, "--root", str(tmp_path)])) == 0
    assert "tuple     P 1.000  R 0.500" in capsys.readouterr().out


def test_eval_baseline_drop_names_the_figure(tmp_path, reading):
    _corpus(tmp_path, GOOD_CLAIMS)
    pred = _saved_predictions(tmp_path, [{**BASE, "span": [17, 21], "status": "target"}])
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps({"tuple_f1": 0.6, "quantity_f1": 0.6}), encoding="utf-8")
    with pytest.raises(RegressionError, match=r"tuple_f1 dropped from 0\.6000 to 0\.0000$") as caught:
        evaluate.run_eval(_eval_args(tmp_path, "--pred", str(pred), "--baseline", str(baseline)))
    assert caught.value.exit_code == 3


def test_eval_saves_a_baseline_it_then_passes(tmp_path, reading, capsys):
    _corpus(tmp_path, GOOD_CLAIMS)
    pred = _saved_predictions(tmp_path, [{**BASE, "span": [17, 21]}])
    baseline = tmp_path / "baseline.json"
    evaluate.run_eval(_eval_args(tmp_path, "--pred", str(pred), "--save-baseline", str(baseline)))
    code = evaluate.run_eval(_eval_args(tmp_path, "--pred", str(pred), "--baseline", str(baseline)))
    assert (code, json.loads(baseline.read_text())["tuple_f1"]) == (0, 0.666667)


def test_eval_json_lists_errors(tmp_path, reading, capsys):
    _corpus(tmp_path, GOOD_CLAIMS)
    pred = _saved_predictions(tmp_path, [{**BASE, "span": [17, 21], "unit": "百分点"}])
    evaluate.run_eval(_eval_args(tmp_path, "--pred", str(pred), "--json", "--errors"))
    report = json.loads(capsys.readouterr().out)["documents"][0]
    wrong = [(e["field"], e["predicted"], e["gold"]) for e in report["wrong"]]
    assert (wrong, [m["quantity"] for m in report["missed"]]) == ([("unit", "百分点", "%")], ["6个"])


def test_document_without_gold_is_noted_not_scored(tmp_path, reading):
    _corpus(tmp_path, GOOD_CLAIMS)
    (tmp_path / "corpora" / "extra.txt").write_text("没有金标准。", encoding="utf-8")
    pred = _saved_predictions(tmp_path, [])
    result = evaluate.evaluate(tmp_path / "corpora", tmp_path / "gold", predictions=pred)
    assert ([d.name for d in result.documents], result.warnings) == (
        ["cixi"], (f"{(tmp_path / 'corpora' / 'extra.txt').resolve()}: no gold file names this document; not scored",)
    )


def test_gold_document_without_prediction_counts_as_all_missed(tmp_path, reading):
    _corpus(tmp_path, GOOD_CLAIMS)
    pred = tmp_path / "pred.jsonl"
    pred.write_text(_prediction_line("elsewhere.txt", [{**BASE, "span": [17, 21]}]) + "\n", encoding="utf-8")
    result = evaluate.evaluate(tmp_path / "corpora", tmp_path / "gold", predictions=pred)
    assert (result.tuple_match, len(result.warnings)) == (PRF(0, 0, 2), 1)


# ----------------------------------------------------------------- a real dev document, scored by hand

SUZHOU = DEV / "gold" / "08_suzhou-snd-key-projects-news-2011.yaml"


@pytest.mark.skipif(not SUZHOU.exists(), reason="the shared development set is not here")
def test_figures_on_a_dev_document_by_hand(reading):
    document = evaluate.load_gold(SUZHOU)
    gold = list(document.claims)  # 35 claims
    guesses = [PredictedClaim.model_validate({**claim.model_dump(), "span": span}) for span, claim in gold]
    guesses[0] = guesses[0].model_copy(update={"unit": "亿元"})  # unit wrong: neither quantity nor tuple match
    guesses[1] = guesses[1].model_copy(update={"entity": "无锡"})  # entity wrong: quantity match, no tuple match
    guesses[2] = guesses[2].model_copy(update={"metric": "外资项目"})  # contained in 集中开工的外资项目: still a match
    start, end = guesses[3].span
    guesses[3] = guesses[3].model_copy(update={"span": (start + 2, end + 3)})  # shifted, still overlaps: aligned
    del guesses[30:33]  # three misses
    tail = len(document.text) - 4  # nothing of the gold sits in the last sentence
    guesses.append(guesses[-1].model_copy(update={"span": (tail, tail + 2)}))  # two spurious claims
    guesses.append(guesses[-1].model_copy(update={"span": (tail + 2, tail + 4)}))
    result = score(guesses, gold)
    # predicted 35 - 3 + 2 = 34, gold 35, aligned 32
    # quantity tp = 32 - 1 (unit) = 31: P = 31/34, R = 31/35, F1 = 62/69
    # tuple tp = 31 - 1 (entity) = 30:  P = 30/34, R = 30/35, F1 = 60/69
    assert (result.quantity_match, result.tuple_match) == (PRF(31, 34, 35), PRF(30, 34, 35))
    assert (result.tuple_match.precision, result.tuple_match.recall, result.tuple_match.f1) == (30 / 34, 30 / 35, 60 / 69)
    assert (result.fields["entity"], result.fields["metric"], result.fields["unit"]) == (
        Accuracy(31, 32), Accuracy(32, 32), Accuracy(31, 32)
    )


DEV_GOLD = sorted((DEV / "gold").glob("*.yaml")) if DEV.exists() else []


@pytest.mark.parametrize("path", DEV_GOLD, ids=[p.stem for p in DEV_GOLD])
def test_gold_scored_against_itself_is_perfect(path, reading):
    document = evaluate.load_gold(path)
    guesses = [PredictedClaim.model_validate({**claim.model_dump(), "span": span}) for span, claim in document.claims]
    n = len(guesses)
    assert score(guesses, document.claims).tuple_match == PRF(n, n, n)


# ----------------------------------------------------------------- the project's own regression baseline


def _pipeline():
    pytest.importorskip("policy_extract.pipeline")


REPO_BASELINE = REPO / "gold" / "baseline.json"


@pytest.mark.slow
@pytest.mark.skipif(not REPO_BASELINE.exists(), reason="no committed gold/baseline.json yet")
def test_no_regression_on_the_repository_gold():
    _pipeline()
    result = evaluate.evaluate(REPO / "corpora", REPO / "gold")
    evaluate.check_baseline(result, REPO_BASELINE)


def _broken_unit_rules(folder: Path) -> Path:
    """A user rules folder whose 元 rule is overridden (same id) to name another unit."""
    from policy_extract.rule_files import builtin_rules_dir, load_yaml

    data = load_yaml(builtin_rules_dir() / "units.yaml")
    yuan = next(rule for rule in data["rules"] if rule.get("unit") == "元")
    broken = {**yuan, "unit": "美元", "examples": [], "counterexamples": []}
    folder.mkdir()
    (folder / "units.yaml").write_text(json.dumps({"version": 1, "rules": [broken]}, ensure_ascii=False), encoding="utf-8")
    return folder


@pytest.mark.slow
def test_a_broken_rule_fails_the_regression_check(tmp_path):
    _pipeline()
    baseline = tmp_path / "baseline.json"
    evaluate.save_baseline(evaluate.evaluate(REPO / "corpora", REPO / "gold", infer_dates=False), baseline)
    rules = _broken_unit_rules(tmp_path / "rules")
    broken = evaluate.evaluate(REPO / "corpora", REPO / "gold", rules_dirs=[rules], infer_dates=False)
    with pytest.raises(RegressionError, match="tuple_f1 dropped from"):
        evaluate.check_baseline(broken, baseline)


def test_saved_baseline_holds_the_headline_figures(tmp_path):
    path = tmp_path / "baseline.json"
    evaluate.save_baseline(score_corpus([_three_predictions_four_gold()]), path)
    assert json.loads(path.read_text()) == {
        "tuple_f1": 0.285714, "tuple_precision": 0.333333, "tuple_recall": 0.25,
        "quantity_f1": 0.571429, "quantity_precision": 0.666667, "quantity_recall": 0.5,
    }
