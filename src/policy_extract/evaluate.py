"""Gold files, the SPEC section 5 scorer, and the functions behind `policy-extract eval`.

The scorer is built from sets, as spaCy's `Scorer` is: an alignment is a set of
(predicted index, gold index) pairs, every match is a subset of it, and every
figure is a count over those sets. Choices the SPEC leaves open, written down
here and in docs/evaluation.md:

* ties in "largest overlap first" go to the pair whose spans differ least, then
  to text order;
* a precision with no predictions is 1.0, a recall with no gold claims is 1.0,
  and the F1 of an empty document scored against an empty gold is 1.0
  (F1 = 2·tp / (predicted + gold), which equals 2PR / (P + R) otherwise);
* metric bigram Dice counts bigrams as a multiset;
* an empty name (after normalization) only equals an empty name: containment of
  the empty string would match everything.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise
from pathlib import Path
from typing import Any, Protocol

import regex
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import ExitCode, GoldError, InputError, RegressionError, UsageError
from .models import ClaimFields, DocumentInfo, GoldClaim, GoldFile
from .rule_files import load_yaml

Span = tuple[int, int]


class ClaimLike(Protocol):
    """What the scorer reads from a predicted claim: the SPEC fields and the span."""

    @property
    def span(self) -> Span: ...
    @property
    def quantity(self) -> str: ...
    @property
    def entity(self) -> str | None: ...
    @property
    def metric(self) -> str | None: ...
    @property
    def value(self) -> Decimal: ...
    @property
    def upper(self) -> Decimal | None: ...
    @property
    def unit(self) -> str: ...
    @property
    def comparator(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def period(self) -> tuple[str | None, str | None]: ...
    @property
    def status(self) -> str: ...


# --------------------------------------------------------------------------- gold files


@dataclass(frozen=True)
class GoldDocument:
    """A gold file with its article read and every claim located (SPEC section 4)."""

    path: Path  # the gold file
    document: Path  # the article it labels
    text: str
    date: str | None
    claims: tuple[tuple[Span, GoldClaim], ...]

    @property
    def name(self) -> str:
        return self.path.stem


def occurrences(text: str, quantity: str) -> list[int]:
    """Every position where `quantity` starts, overlapping ones too (6个 inside 26个 counts)."""
    starts: list[int] = []
    position = text.find(quantity) if quantity else -1
    while position >= 0:
        starts.append(position)
        position = text.find(quantity, position + 1)
    return starts


def _claim_label(index: int, quantity: object) -> str:
    """'claim 4 (120亿元)': 1-based, as a person counts the entries of the YAML list."""
    return f"claim {index + 1} ({quantity})" if quantity is not None else f"claim {index + 1}"


def _validation_problems(exc: ValidationError, data: Any) -> list[str]:
    raw_claims = data.get("claims") if isinstance(data, dict) else None
    problems = []
    for error in exc.errors():
        loc = error["loc"]
        if len(loc) >= 2 and loc[0] == "claims" and isinstance(loc[1], int) and isinstance(raw_claims, list):
            raw = raw_claims[loc[1]]
            where = _claim_label(loc[1], raw.get("quantity") if isinstance(raw, dict) else None)
            rest = ".".join(str(part) for part in loc[2:])
            problems.append(f"{where}{' ' + rest if rest else ''}: {error['msg']}")
        else:
            problems.append(f"{'.'.join(str(part) for part in loc) or 'file'}: {error['msg']}")
    return problems


def _locate(text: str, claims: Sequence[GoldClaim], document: str) -> tuple[list[tuple[Span, GoldClaim]], list[str]]:
    located: list[tuple[Span, GoldClaim]] = []
    problems: list[str] = []
    first_at: dict[Span, int] = {}
    for index, claim in enumerate(claims):
        label = _claim_label(index, claim.quantity)
        starts = occurrences(text, claim.quantity)
        if not starts:
            problems.append(f"{label}: quantity not found in {document}")
            continue
        if claim.occurrence > len(starts):
            problems.append(
                f"{label}: occurrence {claim.occurrence}, but {document} has only {len(starts)}"
            )
            continue
        start = starts[claim.occurrence - 1]
        span = (start, start + len(claim.quantity))
        if span in first_at:
            problems.append(f"{label}: same text position as claim {first_at[span] + 1} (occurrence missing?)")
            continue
        first_at[span] = index
        located.append((span, claim))
    return located, problems


def load_gold(path: Path, root: Path | None = None) -> GoldDocument:
    """Read, validate and locate one gold file; one `GoldError` lists every problem it has.

    `document` in the file is relative to `root`, by default the gold folder's
    parent (``gold/x.yaml`` labels ``corpora/x.txt`` beside it).
    """
    from .reading import read_path

    path = Path(path)
    root = path.resolve().parent.parent if root is None else Path(root)
    try:
        data = load_yaml(path)
    except (yaml.YAMLError, OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read: {exc}") from exc
    try:
        gold = GoldFile.model_validate(data)
    except ValidationError as exc:
        raise GoldError(f"{path}: " + "; ".join(_validation_problems(exc, data))) from exc
    document = root / gold.document
    try:
        source = read_path(document)
    except (InputError, OSError) as exc:
        raise GoldError(f"{path}: cannot read its document {gold.document}: {exc}") from exc
    claims, problems = _locate(source.text, gold.claims, gold.document)
    if problems:
        raise GoldError(f"{path}: " + "; ".join(problems))
    return GoldDocument(path, document, source.text, gold.date, tuple(claims))


def load_gold_files(gold: Path, root: Path | None = None) -> list[GoldDocument]:
    """A gold file, or every ``*.yaml`` in a folder; one `GoldError` for all their problems."""
    gold = Path(gold)
    if gold.is_dir():
        paths = sorted(p for p in gold.iterdir() if p.suffix in (".yaml", ".yml"))
    elif gold.is_file():
        paths = [gold]
    else:
        raise GoldError(f"{gold}: no such gold file or folder")
    documents, problems = [], []
    for path in paths:
        try:
            documents.append(load_gold(path, root))
        except GoldError as exc:
            problems.append(str(exc))
    if problems:
        raise GoldError(" | ".join(problems))
    if not documents:
        raise GoldError(f"{gold}: holds no gold files (*.yaml)")
    return documents


# --------------------------------------------------------------------------- field matching

_QUOTES = "\"'“”‘’「」『』《》〈〉"
_ENTITY_DROP = regex.compile(f"[\\s{regex.escape(_QUOTES)}]")
_ENTITY_SUFFIX = regex.compile("[省市县区镇乡]$")
_METRIC_DROP = regex.compile(r"[\s\p{P}" + regex.escape(_QUOTES) + "]")
RELATIVE_TOLERANCE = Decimal("1e-6")
DICE_THRESHOLD = 0.6


def normalize_entity(name: str) -> str:
    return _ENTITY_SUFFIX.sub("", _ENTITY_DROP.sub("", name))


def normalize_metric(name: str) -> str:
    return _METRIC_DROP.sub("", name).replace("规模以上", "规上")


def _same_or_contained(a: str, b: str) -> bool:
    if not a or not b:
        return a == b
    return a in b or b in a


def bigram_dice(a: str, b: str) -> float:
    """Dice coefficient of the character-bigram multisets of `a` and `b` (0 when either has none)."""
    first, second = Counter(pairwise(a)), Counter(pairwise(b))
    total = sum(first.values()) + sum(second.values())
    return 2 * sum((first & second).values()) / total if total else 0.0


def numbers_match(predicted: Decimal | None, gold: Decimal | None) -> bool:
    """Equal within a relative tolerance of 1e-6; None equals only None."""
    if predicted is None or gold is None:
        return predicted is gold
    return abs(predicted - gold) <= RELATIVE_TOLERANCE * max(abs(predicted), abs(gold))


def entities_match(predicted: str | None, gold: str | None) -> bool:
    if predicted is None or gold is None:
        return predicted is gold
    return _same_or_contained(normalize_entity(predicted), normalize_entity(gold))


def metrics_match(predicted: str | None, gold: str | None) -> bool:
    if predicted is None or gold is None:
        return predicted is gold
    a, b = normalize_metric(predicted), normalize_metric(gold)
    return _same_or_contained(a, b) or bigram_dice(a, b) >= DICE_THRESHOLD


def periods_match(predicted: tuple[str | None, str | None], gold: tuple[str | None, str | None]) -> bool:
    """Start years equal and end years equal; a null bound equals only null."""
    return all((p[:4] if p else None) == (g[:4] if g else None) for p, g in zip(predicted, gold))


def _equal(predicted: object, gold: object) -> bool:
    return predicted == gold


QUANTITY_FIELDS = ("value", "upper", "unit", "comparator")
CLAIM_FIELDS = ("entity", "metric", "period", "kind", "status")
FIELDS = CLAIM_FIELDS + QUANTITY_FIELDS
_MATCHERS: dict[str, Callable[[Any, Any], bool]] = {
    "value": numbers_match,
    "upper": numbers_match,
    "unit": _equal,
    "comparator": _equal,
    "entity": entities_match,
    "metric": metrics_match,
    "period": periods_match,
    "kind": _equal,
    "status": _equal,
}


# --------------------------------------------------------------------------- scores


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 from three counts; counts add up for micro-averaging."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        total = self.predicted + self.gold
        return 2 * self.tp / total if total else 1.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.predicted + other.predicted, self.gold + other.gold)


@dataclass(frozen=True)
class Accuracy:
    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)


@dataclass(frozen=True)
class FieldError:
    """One field of an aligned pair that does not match: predicted and gold side by side."""

    field: str
    predicted: object
    gold: object
    predicted_span: Span
    gold_span: Span
    quantity: str  # the gold quantity text


@dataclass(frozen=True)
class DocumentScore:
    name: str
    quantity_match: PRF
    tuple_match: PRF
    fields: Mapping[str, Accuracy]
    missed: tuple[tuple[Span, ClaimFields], ...] = ()  # gold claims no prediction aligned with
    spurious: tuple[ClaimLike, ...] = ()  # predictions aligned with no gold claim
    wrong: tuple[FieldError, ...] = ()


def align(predicted: Sequence[Span], gold: Sequence[Span]) -> set[tuple[int, int]]:
    """One-to-one pairs of overlapping spans, largest overlap first (SPEC 5.1)."""
    candidates = []
    for i, (p_start, p_end) in enumerate(predicted):
        for j, (g_start, g_end) in enumerate(gold):
            overlap = min(p_end, g_end) - max(p_start, g_start)
            if overlap > 0:
                difference = abs(p_start - g_start) + abs(p_end - g_end)
                candidates.append((-overlap, difference, g_start, p_start, i, j))
    pairs: set[tuple[int, int]] = set()
    used_predicted: set[int] = set()
    used_gold: set[int] = set()
    for *_, i, j in sorted(candidates):
        if i not in used_predicted and j not in used_gold:
            pairs.add((i, j))
            used_predicted.add(i)
            used_gold.add(j)
    return pairs


def score(
    predicted: Sequence[ClaimLike], gold: Sequence[tuple[Span, ClaimFields]], name: str = ""
) -> DocumentScore:
    """Score one document's predictions against its located gold claims (SPEC section 5)."""
    pairs = align([claim.span for claim in predicted], [span for span, _ in gold])
    matching = {
        field_: {
            (i, j)
            for i, j in pairs
            if _MATCHERS[field_](getattr(predicted[i], field_), getattr(gold[j][1], field_))
        }
        for field_ in FIELDS
    }
    quantity_ok = set.intersection(pairs, *(matching[f] for f in QUANTITY_FIELDS))
    tuple_ok = set.intersection(quantity_ok, *(matching[f] for f in CLAIM_FIELDS))
    aligned_predicted = {i for i, _ in pairs}
    aligned_gold = {j for _, j in pairs}
    wrong = [
        FieldError(
            field=field_,
            predicted=getattr(predicted[i], field_),
            gold=getattr(gold[j][1], field_),
            predicted_span=predicted[i].span,
            gold_span=gold[j][0],
            quantity=gold[j][1].quantity,
        )
        for i, j in sorted(pairs, key=lambda pair: gold[pair[1]][0])
        for field_ in FIELDS
        if (i, j) not in matching[field_]
    ]
    return DocumentScore(
        name=name,
        quantity_match=PRF(len(quantity_ok), len(predicted), len(gold)),
        tuple_match=PRF(len(tuple_ok), len(predicted), len(gold)),
        fields={field_: Accuracy(len(matching[field_]), len(pairs)) for field_ in FIELDS},
        missed=tuple(gold[j] for j in range(len(gold)) if j not in aligned_gold),
        spurious=tuple(predicted[i] for i in range(len(predicted)) if i not in aligned_predicted),
        wrong=tuple(wrong),
    )


def date_matches(inferred: str | None, gold: str) -> bool:
    """SPEC 5.5: the inferred date has the gold date's year, and its month where the gold has one."""
    if inferred is None:
        return False
    return inferred[:4] == gold[:4] and (len(gold) < 7 or inferred[5:7] == gold[5:7])


@dataclass(frozen=True)
class CorpusScore:
    documents: tuple[DocumentScore, ...]
    quantity_match: PRF
    tuple_match: PRF
    fields: Mapping[str, Accuracy]
    date_inference: Accuracy = Accuracy()
    warnings: tuple[str, ...] = ()


def score_corpus(
    documents: Sequence[DocumentScore], dates: Sequence[bool] = (), warnings: Sequence[str] = ()
) -> CorpusScore:
    """Micro-average: add the counts of every document. `dates`: one date_matches result per document checked."""
    return CorpusScore(
        documents=tuple(documents),
        quantity_match=sum((d.quantity_match for d in documents), PRF()),
        tuple_match=sum((d.tuple_match for d in documents), PRF()),
        fields={f: sum((d.fields[f] for d in documents), Accuracy()) for f in FIELDS},
        date_inference=Accuracy(sum(dates), len(dates)),
        warnings=tuple(warnings),
    )


# --------------------------------------------------------------------------- predictions


class PredictedClaim(ClaimFields):
    """A claim of a saved prediction file: the SPEC fields and `span`; anything else is ignored."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    span: tuple[int, int]


class _PredictedInfo(DocumentInfo):
    model_config = ConfigDict(extra="ignore")


class PredictedDocument(BaseModel):
    """One object of a SPEC section 6 output file, read leniently so any system can be scored."""

    model_config = ConfigDict(extra="ignore")

    document: _PredictedInfo
    claims: list[PredictedClaim] = Field(default_factory=list)


def load_predictions(path: Path) -> list[PredictedDocument]:
    """A JSON object, a JSON list of objects, or JSON Lines (SPEC section 6)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read predictions: {exc}") from exc
    try:
        whole = json.loads(text)
        items = whole if isinstance(whole, list) else [whole]
    except json.JSONDecodeError:
        items = []
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    items.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise UsageError(f"{path}:{number}: not JSON: {exc}") from exc
    documents, problems = [], []
    for number, item in enumerate(items, 1):
        try:
            documents.append(PredictedDocument.model_validate(item))
        except ValidationError as exc:
            details = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
            problems.append(f"document {number}: {details}")
    if problems:
        raise UsageError(f"{path}: " + " | ".join(problems))
    return documents


def _find_prediction(gold: GoldDocument, predictions: Sequence[PredictedDocument]) -> PredictedDocument | None:
    """The prediction whose `source` is the gold's document: same path, else same file name."""
    sources = [(Path(p.document.source), p) for p in predictions if p.document.source]
    target = gold.document.resolve()
    for source, prediction in sources:
        if source.resolve() == target:
            return prediction
    named = [p for source, p in sources if source.name == gold.document.name]
    return named[0] if len(named) == 1 else None


# --------------------------------------------------------------------------- evaluation


def _select(documents: list[GoldDocument], corpus: Path) -> tuple[list[GoldDocument], list[str]]:
    """The gold documents that lie in `corpus` (a file or a folder), and notes on the rest."""
    corpus = Path(corpus)
    if not corpus.exists():
        raise UsageError(f"{corpus}: no such corpus file or folder")
    if corpus.is_dir():  # a folder's documents are its *.txt files, as for `policy-extract run`
        files = {p.resolve() for p in corpus.rglob("*.txt") if p.is_file()}
    else:
        files = {corpus.resolve()}
    chosen = [d for d in documents if d.document.resolve() in files]
    labelled = {d.document.resolve() for d in documents}
    notes = [f"{path}: no gold file names this document; not scored" for path in sorted(files - labelled)]
    if not chosen:
        raise GoldError(f"{corpus}: no gold file names a document in it")
    return chosen, notes


def evaluate(
    corpus: Path,
    gold: Path,
    *,
    rules_dirs: Iterable[str | Path] = (),
    predictions: Path | None = None,
    root: Path | None = None,
    infer_dates: bool = True,
) -> CorpusScore:
    """Score the pipeline (or a saved prediction file) on every gold-labelled document in `corpus`.

    Each document runs with its gold date (SPEC 5.5); a second run without it
    measures date inference (`infer_dates=False` skips it, halving the time).
    With `predictions`, the dates a file marks as inferred are measured instead.
    """
    chosen, warnings = _select(load_gold_files(gold, root), corpus)
    scores, dates = [], []
    if predictions is not None:
        saved = load_predictions(predictions)
        for document in chosen:
            prediction = _find_prediction(document, saved)
            if prediction is None:
                warnings.append(f"{predictions}: no prediction for {document.document}; scored as empty")
            claims = prediction.claims if prediction else []
            scores.append(score(claims, document.claims, document.name))
            if prediction and document.date and prediction.document.date_source == "inferred":
                dates.append(date_matches(prediction.document.date, document.date))
        return score_corpus(scores, dates, warnings)

    from . import extract

    rules = tuple(str(d) for d in rules_dirs)
    for document in chosen:
        source = str(document.document)
        result = extract(document.text, document.date, source=source, rules_dirs=rules)
        scores.append(score(result.claims, document.claims, document.name))
        if infer_dates and document.date:
            undated = extract(document.text, None, source=source, rules_dirs=rules)
            dates.append(date_matches(undated.document.date, document.date))
    return score_corpus(scores, dates, warnings)


# --------------------------------------------------------------------------- baselines

HEADLINE = ("tuple_f1", "tuple_precision", "tuple_recall", "quantity_f1", "quantity_precision", "quantity_recall")


def headline_figures(result: CorpusScore) -> dict[str, float]:
    """The micro-averaged figures a baseline keeps; tuple F1 first, the headline figure."""
    figures = {}
    for name in HEADLINE:
        match, _, measure = name.partition("_")
        figures[name] = round(getattr(getattr(result, f"{match}_match"), measure), 6)
    if result.date_inference.value is not None:
        figures["date_inference"] = round(result.date_inference.value, 6)
    return figures


def save_baseline(result: CorpusScore, path: Path) -> None:
    Path(path).write_text(json.dumps(headline_figures(result), indent=2) + "\n", encoding="utf-8")


def regressions(current: Mapping[str, float], baseline: Mapping[str, float], tolerance: float = 0.0) -> list[str]:
    """One message per figure that dropped by more than `tolerance`; figures missing on either side are skipped."""
    return [
        f"{name} dropped from {baseline[name]:.4f} to {current[name]:.4f}"
        for name in baseline
        if name in current and baseline[name] - current[name] > tolerance + 1e-9
    ]


def load_baseline(path: Path) -> dict[str, float]:
    try:
        saved = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise UsageError(f"{path}: cannot read baseline: {exc}") from exc
    if not isinstance(saved, dict) or not all(isinstance(v, (int, float)) for v in saved.values()):
        raise UsageError(f"{path}: a baseline is a JSON object of figures")
    return saved


def check_baseline(result: CorpusScore, baseline: Path, tolerance: float = 0.0) -> None:
    """Raise `RegressionError` naming each headline figure that dropped below the saved baseline."""
    dropped = regressions(headline_figures(result), load_baseline(baseline), tolerance)
    if dropped:
        raise RegressionError(f"{baseline}: " + "; ".join(dropped))


# --------------------------------------------------------------------------- reports

_SHORT = {"comparator": "cmp"}


def _figure(value: float | None) -> str:
    return "    -" if value is None else f"{value:5.3f}"


def _row(label: str, width: int, quantity: PRF, tuples: PRF, fields: Mapping[str, Accuracy]) -> str:
    figures = [quantity.precision, quantity.recall, quantity.f1, tuples.precision, tuples.recall, tuples.f1]
    cells = " ".join(_figure(f) for f in figures)
    accuracies = " ".join(f"{_figure(fields[f].value):>{max(5, len(_SHORT.get(f, f)))}}" for f in FIELDS)
    return f"{label:{width}} {tuples.gold:5} {tuples.predicted:5} | {cells} | {accuracies}"


def format_table(result: CorpusScore) -> str:
    """Per document, then micro-averaged; the last 6 lines are the micro figures."""
    width = max([len("micro-average"), *(len(d.name) for d in result.documents)])
    names = " ".join(f"{_SHORT.get(f, f):>5}" for f in FIELDS)
    header = f"{'document':{width}} {'gold':>5} {'pred':>5} | {'qty P':>5} {'qty R':>5} {'qtyF1':>5} {'tup P':>5} {'tup R':>5} {'tupF1':>5} | {names}"
    lines = [header, "-" * len(header)]
    for d in result.documents:
        lines.append(_row(d.name, width, d.quantity_match, d.tuple_match, d.fields))
    q, t = result.quantity_match, result.tuple_match
    lines.append(_row("micro-average", width, q, t, result.fields))
    aligned = result.fields["kind"].total
    dates = result.date_inference
    lines += [
        "",  # the last 6 lines: the micro-averaged figures
        f"micro-averaged over {len(result.documents)} documents: {t.gold} gold, {t.predicted} predicted, {aligned} aligned",
        f"quantity  P {q.precision:.3f}  R {q.recall:.3f}  F1 {q.f1:.3f}",
        f"tuple     P {t.precision:.3f}  R {t.recall:.3f}  F1 {t.f1:.3f}  (headline: tuple F1)",
        "fields    " + "  ".join(f"{f} {_figure(result.fields[f].value).strip()}" for f in CLAIM_FIELDS),
        "          " + "  ".join(f"{f} {_figure(result.fields[f].value).strip()}" for f in QUANTITY_FIELDS),
        f"date inference  {dates.correct}/{dates.total}" + (f" = {dates.value:.3f}" if dates.total else " (not measured)"),
    ]
    return "\n".join(lines)


def _claim_text(claim: ClaimLike | ClaimFields) -> str:
    upper = f"..{claim.upper}" if claim.upper is not None else ""
    period = f"[{claim.period[0]}, {claim.period[1]}]"
    return (
        f"{claim.quantity} {claim.comparator}{claim.value}{upper} {claim.unit!r} {claim.kind} {claim.status} "
        f"entity={claim.entity} metric={claim.metric} period={period}"
    )


def format_errors(result: CorpusScore) -> str:
    """Every miss, every spurious claim and every wrong field, per document, in text order."""
    lines = []
    for d in result.documents:
        lines.append(f"== {d.name}: {len(d.missed)} missed, {len(d.spurious)} spurious, {len(d.wrong)} wrong fields")
        events = [(span, f"miss      {list(span)} {_claim_text(claim)}") for span, claim in d.missed]
        events += [(c.span, f"spurious  {list(c.span)} {_claim_text(c)}") for c in d.spurious]
        events += [
            (e.gold_span, f"wrong     {list(e.gold_span)} {e.quantity}  {e.field}: predicted {e.predicted!r} | gold {e.gold!r}")
            for e in d.wrong
        ]
        lines += [text for _, text in sorted(events, key=lambda event: event[0])]
    return "\n".join(lines)


def _jsonable(value: object) -> object:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, tuple):
        return [_jsonable(v) for v in value]
    return value


def _prf_json(prf: PRF) -> dict[str, float | int]:
    return {"tp": prf.tp, "predicted": prf.predicted, "gold": prf.gold,
            "precision": prf.precision, "recall": prf.recall, "f1": prf.f1}


def _claim_json(claim: Any, span: Span) -> dict[str, object]:
    return {"span": list(span), **{f: _jsonable(getattr(claim, f)) for f in ("quantity", *FIELDS)}}


def to_json(result: CorpusScore, errors: bool = False) -> dict[str, object]:
    def document(d: DocumentScore) -> dict[str, object]:
        entry: dict[str, object] = {
            "name": d.name,
            "quantity": _prf_json(d.quantity_match),
            "tuple": _prf_json(d.tuple_match),
            "fields": {f: d.fields[f].value for f in FIELDS},
        }
        if errors:
            entry["missed"] = [_claim_json(claim, span) for span, claim in d.missed]
            entry["spurious"] = [_claim_json(claim, claim.span) for claim in d.spurious]
            entry["wrong"] = [
                {"field": e.field, "quantity": e.quantity, "gold_span": list(e.gold_span),
                 "predicted_span": list(e.predicted_span),
                 "predicted": _jsonable(e.predicted), "gold": _jsonable(e.gold)}
                for e in d.wrong
            ]
        return entry

    return {
        "documents": [document(d) for d in result.documents],
        "micro": {
            "quantity": _prf_json(result.quantity_match),
            "tuple": _prf_json(result.tuple_match),
            "fields": {f: result.fields[f].value for f in FIELDS},
            "date_inference": result.date_inference.value,
        },
        "headline": headline_figures(result),
        "warnings": list(result.warnings),
    }


# --------------------------------------------------------------------------- command line


def run_eval(args: argparse.Namespace) -> int:
    """`policy-extract eval`: print the scores; raise `RegressionError` (exit 3) on a drop."""
    if args.tolerance < 0:
        raise UsageError(f"--tolerance must not be negative: {args.tolerance}")
    if args.baseline is not None:
        load_baseline(args.baseline)  # a bad baseline fails before the long run
    result = evaluate(args.corpus, args.gold, rules_dirs=args.rules_dirs, predictions=args.pred, root=args.root)
    for warning in result.warnings:
        print(f"policy-extract: {warning}", file=sys.stderr)
    if args.json:
        print(json.dumps(to_json(result, errors=args.errors), ensure_ascii=False, indent=1))
    else:
        if args.errors:
            print(format_errors(result))
            print()
        print(format_table(result))
    problem = None
    if args.baseline is not None:
        try:
            check_baseline(result, args.baseline, args.tolerance)
        except RegressionError as exc:
            problem = exc
    if args.save_baseline is not None:
        save_baseline(result, args.save_baseline)
    if problem is not None:
        raise problem
    return ExitCode.OK
