"""spaCy components, one job each; importing this package registers their factories."""

from .. import _spacy  # noqa: F401, I001  # first: spaCy imported without its command line
from . import claims, entities, quantities, times  # noqa: F401

__all__ = ["claims", "entities", "quantities", "times"]
