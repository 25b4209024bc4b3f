"""Hostile rule folders: unsafe YAML is refused, bad patterns fail the load, slow patterns cannot hang a run."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest

from policy_extract import rule_files
from policy_extract.errors import RulesError
from policy_extract.pipeline import run, shared_pipeline
from policy_extract.rule_files import (
    RuleTimeoutWarning,
    compile_pattern,
    load_rules,
    pattern_guard,
)

CATASTROPHIC = r"(a|a)+b"  # exponential on a run of a's without a b (the regex module shortcuts (a+)+$)
A_RUN = "a" * 40 + "c"
GOOD_TEXT = f"2025年，慈溪规上工业总产值{A_RUN}突破5400亿元，同比增长8.5%。"  # the run in each clause's context


class Hung(Exception):
    """The alarm went off: a pattern was not stopped by its time limit."""


@pytest.fixture
def alarm():
    """Fail a test that runs longer than `seconds` instead of letting it hang the suite."""
    if not hasattr(signal, "SIGALRM"):
        pytest.skip("needs SIGALRM")

    def ring(*_):
        raise Hung

    previous = signal.signal(signal.SIGALRM, ring)

    def arm(seconds: float) -> None:
        signal.setitimer(signal.ITIMER_REAL, seconds)

    yield arm
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, previous)


def _rules_folder(folder: Path, family: str, body: str) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{family}.yaml").write_text(body, encoding="utf-8")
    return str(folder)


# ------------------------------------------------------------------ unsafe YAML, bad patterns


class Marker:
    """What a `!!python/object` tag would build if the loader constructed objects."""

    built = False

    def __setstate__(self, state):
        Marker.built = True


def test_python_object_tag_is_refused(tmp_path):
    tag = f"!!python/object:{__name__}.Marker {{a: 1}}"
    folder = _rules_folder(tmp_path, "nonclaims", f"version: 1\nrules:\n  - {tag}\n")
    with pytest.raises(RulesError, match=r"nonclaims\.yaml: cannot read") as caught:
        load_rules((folder,))
    assert "python/object" in str(caught.value) and Marker.built is False


BAD_PATTERNS = [
    pytest.param("nonclaims", "id: user.open", "pattern: '(unclosed'", id="nonclaims-unclosed-group"),
    pytest.param("times", "id: user.base\n    role: base", "pattern: '[比较'", id="times-unclosed-class"),
    pytest.param("kinds", "id: user.kind\n    kind: change", "pattern: '增长{Q}**'", id="kinds-double-quantifier"),
]


@pytest.mark.parametrize(("family", "head", "pattern"), BAD_PATTERNS)
def test_pattern_that_does_not_compile_names_file_index_and_id(tmp_path, family, head, pattern):
    body = f"version: 1\nrules:\n  - id: user.fine\n    {'role: base' if family == 'times' else 'kind: change' if family == 'kinds' else ''}\n    pattern: 'x'\n  - {head}\n    {pattern}\n"
    folder = _rules_folder(tmp_path, family, body.replace("\n    \n", "\n"))
    with pytest.raises(RulesError) as caught:
        load_rules((folder,))
    problem = " ".join(caught.value.problems)
    user_id = head.split()[1]
    assert f"{family}.yaml: rules.1 (id {user_id!r}): pattern does not compile" in problem


def test_placeholders_of_the_families_are_not_compile_errors():
    assert load_rules() is not None  # every built-in pattern, placeholders and all, passes the check


# ------------------------------------------------------------------ time limits


def test_catastrophic_pattern_times_out_and_finds_nothing(alarm):
    pattern = compile_pattern("user.slow", CATASTROPHIC)
    alarm(20)
    with pattern_guard(timeout=0.1) as guard:
        found = [pattern.search(A_RUN), list(pattern.finditer(A_RUN)), pattern.sub("-", A_RUN)]
    assert found == [None, [], A_RUN]
    assert guard.warnings == [
        "rule 'user.slow' skipped for this document: its pattern ran longer than 0.1 s (catastrophic backtracking?)"
    ]


def test_a_timed_out_rule_is_skipped_for_the_rest_of_the_document(alarm):
    pattern = compile_pattern("user.slow", CATASTROPHIC)
    alarm(20)
    with pattern_guard(timeout=0.1):
        pattern.search(A_RUN)
        started = time.perf_counter()
        assert pattern.search("ab") is None  # would match, but the rule is off for this document
        assert time.perf_counter() - started < 0.05


def test_the_skip_ends_with_the_document(alarm):
    pattern = compile_pattern("user.slow", CATASTROPHIC)
    alarm(20)
    with pattern_guard(timeout=0.1):
        pattern.search(A_RUN)
    with pattern_guard(timeout=0.1):
        assert pattern.search("ab").group() == "ab"


def test_outside_a_guard_a_time_out_is_a_python_warning(alarm, monkeypatch):
    monkeypatch.setattr(rule_files, "PATTERN_TIMEOUT", 0.1)
    alarm(20)
    with pytest.warns(RuleTimeoutWarning, match="user.slow"):
        assert compile_pattern("user.slow", CATASTROPHIC).search(A_RUN) is None


def test_guarded_finditer_keeps_positions_and_flags():
    pattern = compile_pattern("user.year", r"^\d{4}年", rule_files.regex.MULTILINE)
    with pattern_guard():
        assert [m.span() for m in pattern.finditer("2025年\n2026年", 1)] == [(6, 11)]


# A user rule of each family with a catastrophic pattern: the run ends, the other rules still
# produce their claims, and a warning names the rule.
HOSTILE_FAMILIES = [
    pytest.param("nonclaims", "", id="nonclaims"),
    pytest.param("times", "role: time\n    period: ['2025', '2025']", id="times"),
    pytest.param("kinds", "kind: change", id="kinds"),
    pytest.param("status", "role: marker", id="status"),
]


@pytest.mark.parametrize(("family", "fields"), HOSTILE_FAMILIES)
def test_catastrophic_user_rule_cannot_hang_a_run(tmp_path, alarm, monkeypatch, family, fields):
    body = f"version: 1\nrules:\n  - id: user.slow\n    {fields}\n    pattern: '{CATASTROPHIC}'\n"
    folder = _rules_folder(tmp_path, family, body.replace("\n    \n", "\n"))
    nlp = shared_pipeline((folder,))
    monkeypatch.setattr(rule_files, "PATTERN_TIMEOUT", 0.2)
    alarm(8)
    doc = run(nlp, GOOD_TEXT, "2026-03")
    alarm(0)
    assert {"5400亿元", "8.5%"} <= {claim.quantity for claim in doc._.claims}
    assert [w for w in doc._.warnings if "user.slow" in w] == [
        "rule 'user.slow' skipped for this document: its pattern ran longer than 0.2 s (catastrophic backtracking?)"
    ]


def test_catastrophic_user_layout_rule_cannot_hang_a_run(tmp_path, alarm, monkeypatch):
    """Layout repair runs the caption rules on the lines between two halves of a sentence."""
    body = f"version: 1\nrules:\n  - id: user.slow\n    role: caption\n    pattern: '{CATASTROPHIC}'\n"
    nlp = shared_pipeline((_rules_folder(tmp_path, "layout", body),))
    monkeypatch.setattr(rule_files, "PATTERN_TIMEOUT", 0.2)
    alarm(8)
    doc = run(nlp, f"2025年，慈溪规上工业总产值突破5400亿元，全年\n{A_RUN}\n工业投资同比增长8.5%。", "2026-03")
    alarm(0)
    assert {"5400亿元", "8.5%"} <= {claim.quantity for claim in doc._.claims}
    assert [w for w in doc._.warnings if "user.slow" in w] == [
        "rule 'user.slow' skipped for this document: its pattern ran longer than 0.2 s (catastrophic backtracking?)"
    ]


def test_a_users_rule_that_times_out_on_one_line_finds_nothing_on_the_others(tmp_path, alarm):
    """The time limit is for the rule's scan of the whole text: a rule that runs out of time
    is skipped for the document, its matches on earlier lines too (no scan per line)."""
    from policy_extract.numbers import probe_nonclaims

    folder = _rules_folder(tmp_path, "nonclaims", "version: 1\nrules:\n  - id: user.slow\n    pattern: 'x(a|a)+c'\n")
    rules = load_rules((folder,))
    alarm(20)
    with pattern_guard(timeout=0.1) as guard:
        fired = probe_nonclaims("xac\n中\nx" + "a" * 40 + "\n", rules)
    assert "user.slow" not in fired and len(guard.warnings) == 1
