"""`TypedModel.of_typed` builds models without pydantic's validation: what it relies on."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import ValidationError

from policy_extract import models

from shared_helpers import assert_same_as_validated


def _typed_models() -> list[type]:
    found, todo = [], [models.TypedModel]
    while todo:
        model = todo.pop()
        found.append(model)
        todo.extend(model.__subclasses__())
    return found


def test_no_typed_model_defines_its_own_new():
    """`of_typed` makes the instance with `object.__new__`, not the class's `__new__` (which it
    would skip); and the models our components build that way are among those checked."""
    typed = _typed_models()
    assert {models.ParsedQuantity, models.Claim} <= set(typed)
    for model in typed:
        assert model.__new__ is object.__new__, model


def test_a_model_built_without_validation_is_the_validated_one():
    parsed = models.ParsedQuantity.of_typed(
        {"text": "近5万亩", "value": Decimal(50000), "upper": None, "unit": "亩", "comparator": "~", "kind": None, "rule": "form.amount"}
    )
    assert_same_as_validated(parsed)
    assert parsed.__pydantic_extra__ is None and parsed.__pydantic_private__ is None
    assert parsed.model_fields_set == set(models.ParsedQuantity.model_fields)


def test_frozen_models_built_with_every_field_share_their_names_safely():
    """Models built with every field share one set of field names per class: it must stay what it
    was whatever is done to one of them (a frozen model refuses its attributes; a copy with an
    update adds to its own set)."""
    values = {"text": "12家", "value": Decimal(12), "upper": None, "unit": "家", "comparator": "=", "kind": None, "rule": "form.amount"}
    first, second = models.ParsedQuantity.of_typed(dict(values)), models.ParsedQuantity.of_typed(dict(values))
    assert first.model_fields_set is second.model_fields_set
    everything = set(models.ParsedQuantity.model_fields)
    with pytest.raises(ValidationError):
        first.unit = "个"
    copied = first.model_copy(update={"unit": "个"})
    assert copied.model_fields_set is not first.model_fields_set
    assert first.model_fields_set == everything
    some = {key: values[key] for key in ("text", "value", "unit", "comparator", "rule")}
    assert models.ParsedQuantity.of_typed(some).model_fields_set == set(some)  # not all fields: its own
