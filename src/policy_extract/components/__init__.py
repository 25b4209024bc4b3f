"""spaCy components, one job each; importing this package registers their factories."""

from .. import _spacy  # noqa: F401  # first: spaCy imported without its command line

# isort: split
from . import claims, entities, quantities, times

__all__ = ["claims", "entities", "quantities", "times"]
