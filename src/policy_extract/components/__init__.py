"""spaCy components, one job each; importing this package registers their factories."""

from . import claims, entities, quantities, times  # noqa: F401

__all__ = ["claims", "entities", "quantities", "times"]
