"""Which time rules fire on a text, for the one test that runs every rule's examples (`rule_files.FAMILIES`)."""

from __future__ import annotations

import regex

from ..rule_files import RuleSet
from .document_date import date_evidence
from .finding import find
from .rules import FAMILY, TimeRule

PROBE_DATE = "2026-03"  # the fixed reference date of the rule examples


def probe(text: str, ruleset: RuleSet) -> set[str]:
    """Ids of the time rules that fire on a text (dated 2026-03), for the rule-example test."""
    fired: set[str] = set()
    find(text, PROBE_DATE, ruleset, fired)
    date_evidence(text, ruleset, fired)
    for rule in ruleset[FAMILY]:
        if isinstance(rule, TimeRule) and rule.role == "macro" and regex.search(rule.pattern, text):
            fired.add(rule.id)
    return fired
