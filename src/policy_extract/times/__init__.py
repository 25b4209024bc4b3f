"""Time phrases, their periods, the period of each quantity, and the document date.

SPEC section 2.1 maps time phrases to periods and says which phrase governs a
figure; section 3 says which date a document speaks from. The phrases are data
(``rules/times.yaml``: patterns with period templates); this package composes
them (modifiers such as 截至/以来, comparison bases such as 比上年 that are not
times), resolves the templates against the document date and the governing
year, and applies the scoping rules.

The scoping is one method, `TimeScope.govern`, used twice: to give 全年/一季度 the
year that governs them, and to give each quantity its period.

One module per job: `results` (the types the other stages read), `rules` (the rule model, its
templates and numerals), `compiled` (the rules compiled, and the scans that find where they may
match), `scope` (layout and scope: which time governs a figure), `finding` (the time phrases of a
text), `document_date` and `probe`. This module gives the API the other stages use; a name without
an underscore in a module that is not listed here is used by the modules of the package only.
"""

from __future__ import annotations

from .document_date import DocDate, infer_document_date, parse_date_option
from .finding import find_times, scoped_times
from .probe import PROBE_DATE, probe
from .results import Period, PeriodAssignment, TimeMatch
from .rules import FAMILY, TimeRule
from .scope import TimeScope, assign_periods, list_intro

__all__ = [
    "FAMILY",
    "PROBE_DATE",
    "DocDate",
    "Period",
    "PeriodAssignment",
    "TimeMatch",
    "TimeRule",
    "TimeScope",
    "assign_periods",
    "find_times",
    "infer_document_date",
    "list_intro",
    "parse_date_option",
    "probe",
    "scoped_times",
]
