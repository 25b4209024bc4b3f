"""The date a document speaks from (SPEC section 3): a user's ``--date`` checked, or the date the text fixes for itself.

The evidence is the family's ``docdate`` rules, strongest first (a communiqué's title year, a
dateline, a date line, 开局之年…).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

import regex

from ..errors import DateError
from ..line_gate import scan
from ..rule_files import RuleSet
from .compiled import compile_rules
from .rules import TimeRule, group_numbers, render


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
    `fired` is to collect every rule that fires (the probe). A year found alone is completed by
    the first rule whose template names ``Y`` (a dateline without its year, 西安12月28日电)."""
    compiled = compile_rules(rules)
    best: tuple[int, int, DocDate] | None = None
    for rule, pattern, gate in compiled.docdates:
        if best is not None and rule.strength < best[0] and fired is None:
            break
        for match in scan(pattern, gate, text):
            found = _dated(rule, match, {})
            if found is None:
                continue
            if fired is not None:
                fired.add(rule.id)
            if best is None or (rule.strength, -match.start()) > best[:2]:
                best = (rule.strength, -match.start(), found)
            if fired is None:
                break
    if best is None or len(best[2].value) != 4:
        return best[2] if best else None
    year = best[2]
    for rule, pattern, gate in compiled.docdate_completions:
        for match in scan(pattern, gate, text):
            found = _dated(rule, match, {"Y": int(year.value)})
            if found is not None:
                if fired is not None:
                    fired.add(rule.id)
                return DocDate(found.value, "inferred", f"{year.evidence} + {found.evidence}")
    return year


def _dated(rule: TimeRule, match: regex.Match[str] | re.Match[str], known: dict[str, int]) -> DocDate | None:
    """The date a match of a docdate rule gives, or None where its numbers make no real date."""
    groups = group_numbers(match)
    value = render(rule.date, {**groups, **known}) if groups is not None else None
    try:
        value = parse_date_option(value) if value else None
    except DateError:
        return None
    return DocDate(value, "inferred", match.group(0).strip()) if value else None


def infer_document_date(text: str, rules: RuleSet | None = None) -> DocDate | None:
    """The date the text fixes for itself (dateline, communiqué year, plan year…), strongest evidence first."""
    if rules is None:
        from ..rule_files import load_rules

        rules = load_rules()
    return date_evidence(text, rules)
