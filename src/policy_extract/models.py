"""Pydantic models: the one schema for output, gold files and the JSON Schema.

`ClaimFields` holds the fields SPEC section 2 scores; `Claim` (output) and
`GoldClaim` (gold files) both extend it, so the field list exists once.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any, Literal

if TYPE_CHECKING:
    from typing_extensions import Self  # typing's own from Python 3.11; we support 3.10

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer

Comparator = Literal["=", ">", ">=", "<", "<=", "~", "between"]
Kind = Literal["level", "change", "share", "rank"]
Status = Literal["actual", "target"]
DateSource = Literal["given", "inferred"]

_object_setattr = object.__setattr__  # a frozen model's own attributes, set as pydantic sets them


def _slot_setter(name: str) -> Any:
    """The setter of one of the slots a pydantic model keeps its state in (`__dict__`,
    `__pydantic_fields_set__`…): its descriptor's own `__set__`, which `object.__setattr__`
    finds by name through the class's attributes first (85 against 146 ns a call); that
    lookup where a pydantic release keeps the slot elsewhere."""
    descriptor = BaseModel.__dict__.get(name)
    if descriptor is None or not hasattr(descriptor, "__set__"):
        return lambda model, value: _object_setattr(model, name, value)
    return descriptor.__set__


_set_dict = _slot_setter("__dict__")
_set_fields_set = _slot_setter("__pydantic_fields_set__")
_set_extra = _slot_setter("__pydantic_extra__")
_set_private = _slot_setter("__pydantic_private__")
_new_object = object.__new__

ISO_PARTIAL = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def _to_decimal(value: object) -> object:
    """Accept int/float/str from YAML or JSON without float noise (85.3 stays 85.3)."""
    if isinstance(value, bool):
        raise ValueError("a number is required, not a boolean")
    if isinstance(value, (int, float, str)):
        return Decimal(str(value))
    return value


def _decimal_to_json(value: Decimal) -> int | float:
    """JSON has numbers, not decimals: integers stay exact, fractions become floats."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


Number = Annotated[
    Decimal,
    BeforeValidator(_to_decimal),
    PlainSerializer(_decimal_to_json, return_type=int | float, when_used="json"),
]


def _check_iso(value: object) -> object:
    if value is None:
        return None
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str) or not ISO_PARTIAL.match(value):
        raise ValueError(f"not an ISO-8601 partial date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
    return value


IsoDate = Annotated[str | None, BeforeValidator(_check_iso)]
Period = tuple[IsoDate, IsoDate]


# A frozen model built with every field (`TypedModel.of_typed`) has them all set: such models of a
# class share one set of the names, read-only as they are (a frozen model's attributes cannot be
# set; `model_copy` copies the set before it adds to it). A set of 16 names was built per claim.
_ALL_FIELDS_SET: dict[type, set[str]] = {}


class TypedModel(BaseModel):
    """A model our components build from values already of their fields' types."""

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        if cls.model_config.get("frozen"):
            _ALL_FIELDS_SET[cls] = set(cls.model_fields)

    @classmethod
    def of_typed(cls, values: dict[str, Any]) -> Self:
        """The model of every field's value, each already of its field's type, without pydantic's
        validation: the claims and quantities components' values come from validated rules and
        readings, and validating them again was an eighth of the claims stage and 3 % of the
        quantities stage. `model_construct` without its loop over aliases and defaults
        (which made it no faster); `values` in field order, the order a validated model keeps.
        The tests validate every claim and quantity the pipeline makes on the corpus and on
        generated text, and compare their JSON with the validated ones'.
        `object.__new__` and the slots' own setters: a model's `cls.__new__` is looked up
        through its metaclass (292 against 121 ns), and `object.__setattr__` looks each slot up
        by name; one quantity and one claim per figure made this a tenth of what the quantities
        stage does after its scans. No model of ours defines `__new__` (tests/test_models.py).
        A frozen model given every field shares its class's set of their names (`_ALL_FIELDS_SET`)."""
        model = _new_object(cls)
        _set_dict(model, values)
        every = _ALL_FIELDS_SET.get(cls)
        _set_fields_set(model, every if every is not None and len(values) == len(every) else set(values))
        _set_extra(model, None)
        _set_private(model, None)
        return model


class ClaimFields(TypedModel):
    """The scored fields of a claim (SPEC section 2), shared by output and gold."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    quantity: str = Field(description="exact source text of the quantity, markers included")
    entity: str | None = None
    metric: str | None = None
    value: Number
    upper: Number | None = None
    unit: str
    comparator: Comparator
    kind: Kind
    period: Period = (None, None)
    status: Status


class Claim(ClaimFields):
    """One extracted claim, with the provenance of each field."""

    id: int = Field(description="index of the claim in its document")
    span: tuple[int, int] = Field(description="offsets of `quantity` in the decoded source text")
    sentence: str = Field(description="the source sentence the claim comes from")
    rules: dict[str, str] = Field(
        default_factory=dict, description="field name -> id of the rule that set it"
    )
    unresolved: dict[str, str] = Field(
        default_factory=dict, description="field name -> why it is null or a default"
    )
    duplicate_of: int | None = Field(
        default=None, description="id of the first claim of a repeated passage"
    )

class GoldClaim(ClaimFields):
    """A hand-labelled claim: located by `quantity` + `occurrence` (SPEC section 4)."""

    occurrence: int = Field(default=1, ge=1)
    note: str | None = None


class GoldFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    document: str
    date: IsoDate = None
    claims: list[GoldClaim] = Field(default_factory=list)


class DocumentInfo(BaseModel):
    model_config = ConfigDict(extra="forbid")

    source: str | None = None
    date: IsoDate = None
    date_source: DateSource | None = None
    date_evidence: str | None = Field(
        default=None, description="the source text an inferred date was read from"
    )
    chars: int = 0
    encoding: str | None = None


class Document(BaseModel):
    """What `policy-extract run` prints for one document (SPEC section 6)."""

    model_config = ConfigDict(extra="forbid")

    document: DocumentInfo
    claims: list[Claim] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


# A claim flattened to one row of a table: the CSV output and `dask.extract_dataframe`.
CLAIM_COLUMNS = (
    "source", "id", "quantity", "span_start", "span_end", "entity", "metric", "value", "upper",
    "unit", "comparator", "kind", "period_start", "period_end", "status", "duplicate_of", "sentence",
)
FREE_TEXT_COLUMNS = frozenset({"source", "quantity", "entity", "metric", "unit", "sentence"})  # copied from the text


def claim_row(source: object, claim: Claim) -> tuple[object, ...]:
    """`claim` as one row of CLAIM_COLUMNS: numbers as JSON gives them, None where a field is empty."""
    upper = claim.upper
    return (
        source, claim.id, claim.quantity, claim.span[0], claim.span[1], claim.entity, claim.metric,
        _decimal_to_json(claim.value), None if upper is None else _decimal_to_json(upper), claim.unit,
        claim.comparator, claim.kind, claim.period[0], claim.period[1], claim.status, claim.duplicate_of,
        claim.sentence,
    )


class ParsedQuantity(TypedModel):
    """A standalone quantity string, normalized: what `parse_quantity` returns."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str
    value: Number
    upper: Number | None = None
    unit: str
    comparator: Comparator
    kind: Kind | None = Field(default=None, description="set when the form itself fixes it (第一 → rank)")
    rule: str = Field(description="id of the rule that recognised the form")
