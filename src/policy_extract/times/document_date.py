"""The date a document speaks from (SPEC section 3): a user's ``--date`` checked, or the date the text fixes for itself.

The evidence is the family's ``docdate`` rules, strongest first (a communiqué's title year, a
dateline, a date line, 开局之年…).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from ..errors import DateError
from ..rule_files import RuleSet
from .compiled import compile_rules
from .rules import group_numbers, render


@dataclass(frozen=True)
class DocDate:
    """The date a document speaks from (SPEC section 3)."""

    value: str
    source: Literal["given", "inferred"]
    evidence: str | None = None


_DATE_OPTION = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_date_option(s: str) -> str:
    """Check a user's ``--date`` (YYYY, YYYY-MM or YYYY-MM-DD, a real date) and return it."""
    match = _DATE_OPTION.match(s.strip())
    try:
        if match is None:
            raise ValueError("not YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = match.groups()
        date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        raise DateError(f"--date {s!r}: {exc} (expected YYYY, YYYY-MM or YYYY-MM-DD)") from None
    return s.strip()


def date_evidence(text: str, rules: RuleSet, fired: set[str] | None = None) -> DocDate | None:
    """The strongest evidence, the earliest of equals. Rules come strongest first: once one has
    given a date, its later matches and weaker rules cannot win and are not scanned, unless
    `fired` is to collect every rule that fires (the probe)."""
    best: tuple[int, int, DocDate] | None = None
    for rule, pattern, gate in compile_rules(rules).docdates:
        if best is not None and rule.strength < best[0] and fired is None:
            break
        for match in pattern.finditer(text) if gate is None else gate.finditer(pattern, text):
            groups = group_numbers(match)
            value = render(rule.date, groups) if groups is not None else None
            try:
                value = parse_date_option(value) if value else None
            except DateError:
                value = None
            if value is None:
                continue
            if fired is not None:
                fired.add(rule.id)
            found = DocDate(value, "inferred", match.group(0).strip())
            if best is None or (rule.strength, -match.start()) > best[:2]:
                best = (rule.strength, -match.start(), found)
            if fired is None:
                break
    return best[2] if best else None


def infer_document_date(text: str, rules: RuleSet | None = None) -> DocDate | None:
    """The date the text fixes for itself (dateline, communiqué year, plan year…), strongest evidence first."""
    if rules is None:
        from ..rule_files import load_rules

        rules = load_rules()
    return date_evidence(text, rules)
