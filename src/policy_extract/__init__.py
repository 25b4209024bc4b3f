"""policy-extract: quantitative claims from Chinese policy and economic texts.

    >>> import policy_extract
    >>> doc = policy_extract.extract("2025年，慈溪规上工业增加值增长9.5%。", date="2026-03")
    >>> [(c.quantity, c.value, c.unit, c.kind) for c in doc.claims]
    [('9.5%', Decimal('9.5'), '%', 'change')]

Imports are lazy: `import policy_extract` is cheap, and spaCy and jieba load
only when a pipeline is first needed.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .models import Claim, Document, ParsedQuantity

if TYPE_CHECKING:
    from spacy.language import Language

    from .rule_files import RuleSet

__all__ = [
    "Claim",
    "Document",
    "ParsedQuantity",
    "extract",
    "extract_file",
    "load",
    "parse_quantity",
]
__version__ = "0.1.0"


def load(rules_dirs: Iterable[str | Path] = ()) -> Language:
    """The spaCy pipeline itself (blank zh + jieba + our components)."""
    from .pipeline import load as build

    return build(tuple(str(d) for d in rules_dirs))


def extract(
    text: str,
    date: str | None = None,
    *,
    source: str | None = None,
    rules_dirs: Iterable[str | Path] = (),
    nlp: Language | None = None,
) -> Document:
    """Every claim of one text. `date` (YYYY[-MM[-DD]]) is the date the text speaks from."""
    from .pipeline import run, shared_pipeline, to_document
    from .times import parse_date_option

    if date is not None:
        date = parse_date_option(date)
    pipeline = nlp or shared_pipeline(tuple(str(d) for d in rules_dirs))
    return to_document(run(pipeline, text, date), source=source)


def extract_file(
    path: str | Path,
    date: str | None = None,
    *,
    rules_dirs: Iterable[str | Path] = (),
    nlp: Language | None = None,
) -> Document:
    """Read a file (UTF-8, UTF-8 with BOM, GB18030/GBK …) and extract its claims."""
    from .pipeline import run, shared_pipeline, to_document
    from .reading import read_path
    from .times import parse_date_option

    if date is not None:
        date = parse_date_option(date)
    source = read_path(path)
    pipeline = nlp or shared_pipeline(tuple(str(d) for d in rules_dirs))
    return to_document(run(pipeline, source.text, date), source=str(path), encoding=source.encoding)


def parse_quantity(text: str, rules: RuleSet | None = None) -> ParsedQuantity:
    """Normalize one standalone quantity string ("近万亩", "１２０亿") — the pipeline's own code."""
    from .numbers import parse_quantity as parse

    return parse(text, rules)
