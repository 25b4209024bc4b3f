"""Helpers the test modules share: where the corpora are, locating quantities, and models built without validation."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel

# The project's shared folder sits beside the repository (../shared); tests that read it skip
# when it is absent. POLICY_EXTRACT_SHARED points elsewhere.
SHARED = Path(os.environ.get("POLICY_EXTRACT_SHARED", Path(__file__).resolve().parents[2] / "shared"))
DEV = SHARED / "dev"
ROOT = Path(__file__).resolve().parent.parent
# Our corpus and the dev corpus (absent where ../shared is): the texts every-item checks run over.
CORPUS = sorted((ROOT / "corpora").glob("*.txt")) + sorted((DEV / "corpora").glob("*.txt"))


def assert_same_as_validated(model: BaseModel) -> None:
    """A model our code builds without validation (`TypedModel.of_typed`) must be the one pydantic
    validates from its own fields, down to its JSON and the fields it counts as set."""
    validated = type(model).model_validate(model.model_dump())
    assert validated == model and validated.__dict__ == model.__dict__
    assert validated.model_dump_json() == model.model_dump_json()
    assert validated.model_fields_set == model.model_fields_set


def span_of(text: str, quantity: str) -> tuple[int, int]:
    """Offsets of `quantity` in `text`; ``"8%#2"`` names the second occurrence."""
    surface, _, occurrence = quantity.partition("#")
    start = -1
    for _ in range(int(occurrence or 1)):
        start = text.index(surface, start + 1)
    return start, start + len(surface)
