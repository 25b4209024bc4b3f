"""Metric, kind and status of a claim (SPEC section 2), its implied unit, and the provision filter.

Every function here is pure: it reads the normalized text around a quantity,
given as character offsets, and the rules of the families ``metrics``,
``kinds`` and ``status`` (``rules/<family>.yaml``). So each can be tested on a
hand-written sentence with hand-given spans, without the other stages.

Rules that look at a quantity in its context write it as ``{Q}``: at run time
the quantity is masked with a private-use character and the other quantities
of the sentence with another, so a pattern such as ``增长(?:分别|均)*{Q}``
says "增长 directly governs this figure". Provisions (the conditions and
entitlements of a policy) are status rules with role ``provision``: like
status, they say what kind of statement a figure is part of.

One module per job: `rules` (the rule models, compiled), `clauses` (a figure's clause, masked),
`candidates` (a metric candidate cut down), `lists` (lists of figures, for the metric), `metric`,
`kind` and `status` (status, provisions, and the units a metric implies). This module gives the
API the other stages use; a name without an underscore in a module that is not listed here is
used by the modules of the package only.
"""

from __future__ import annotations

from .candidates import names_only, strip, without_subject
from .kind import kind_for
from .metric import metric_for, rank_of_names
from .rules import (
    FieldRules,
    KindRule,
    MetricRule,
    StatusRule,
    check_kind_units,
    field_rules,
    probe_kinds,
    probe_metrics,
    probe_status,
)
from .status import (
    heading_status,
    implied_unit,
    index_of_rate,
    is_provision,
    named_by_heading,
    per_unit,
    refers_back,
    sentence_status,
    status_for,
)

# The caches keyed by pieces of text that recur from one document to another (a metric's
# candidate words, a chain of headings): a real corpus is served from them where its phrases
# recur (a third of `strip`'s calls over corpora/, read once). A benchmark that repeats its
# corpus must empty them at each copy (`pipeline.forget_recurring_pieces`), or every piece of a
# copy is answered from the copy before (the throughput ratio 10-15 % higher, ninth session).
# The caches keyed by a whole text, and those of vocabulary (numerals, a table's unit cell), are
# not among them: a repeated corpus gives them no hits a real one would not.
RECURRING_PIECE_CACHES = (strip, heading_status)

__all__ = [
    "RECURRING_PIECE_CACHES",
    "FieldRules",
    "KindRule",
    "MetricRule",
    "StatusRule",
    "check_kind_units",
    "field_rules",
    "heading_status",
    "implied_unit",
    "index_of_rate",
    "is_provision",
    "kind_for",
    "metric_for",
    "named_by_heading",
    "names_only",
    "per_unit",
    "probe_kinds",
    "probe_metrics",
    "probe_status",
    "rank_of_names",
    "refers_back",
    "sentence_status",
    "status_for",
    "without_subject",
]
