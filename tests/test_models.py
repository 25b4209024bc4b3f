"""`TypedModel.of_typed` builds models without pydantic's validation: what it relies on."""

from __future__ import annotations

from decimal import Decimal

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
