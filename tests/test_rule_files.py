"""Rule files: every rule's examples fire it and its counterexamples don't; bad files fail loudly."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
import regex
import yaml

from policy_extract import numbers
from policy_extract.errors import RulesError
from policy_extract.numbers import probe_nonclaims
from policy_extract.rule_files import (
    FAMILIES,
    RulePattern,
    RuleSet,
    builtin_rules_dir,
    compile_pattern,
    load_rules,
)

RULES = load_rules()
CASES = [
    pytest.param(family, rule, example, expected, id=f"{rule.id}:{'+' if expected else '-'}{example}")
    for family, rule in RULES.all_rules()
    for examples, expected in ((rule.examples, True), (rule.counterexamples, False))
    for example in examples
]


@pytest.mark.parametrize(("family", "rule", "example", "expected"), CASES)
def test_rule_example(family, rule, example, expected):
    fired = FAMILIES[family].load_probe()(example, RULES)
    assert (rule.id in fired) is expected


def test_every_builtin_family_file_is_known():
    stems = {path.stem for path in builtin_rules_dir().glob("*.yaml")}
    assert stems and stems <= set(FAMILIES)


def test_every_rule_with_a_pattern_has_an_example():
    missing = [rule.id for _, rule in RULES.all_rules() if not rule.examples and not rule.counterexamples]
    assert missing == []


def _write(folder: Path, name: str, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return path


def _family_with_rules() -> str:
    return next(family for family, rules in RULES.families.items() if rules)


BAD_FILES = [
    pytest.param("version: 1\nrules:\n  - id: x\n    nonsense_field: 1\n", "nonsense_field", id="unknown-field"),
    pytest.param("version: 1\nversion: 2\nrules: []\n", "duplicate key", id="duplicate-key"),
    pytest.param("version: 1\nrules:\n  - {id: ''}\n", "rules.0", id="empty-id"),
    pytest.param("version: [1\n", "cannot read", id="broken-yaml"),
    pytest.param("version: 1\nrules:\n  - !!python/object/apply:os.system ['true']\n", "cannot read", id="unsafe-tag"),
]


@pytest.mark.parametrize(("body", "needle"), BAD_FILES)
def test_bad_rule_file_is_reported_with_its_file(tmp_path, body, needle):
    path = _write(tmp_path, f"{_family_with_rules()}.yaml", body)
    with pytest.raises(RulesError) as caught:
        load_rules((str(tmp_path),))
    assert str(path) in str(caught.value) and needle in str(caught.value)


def test_every_bad_entry_is_reported_at_once(tmp_path):
    _write(tmp_path, "units.yaml", "version: 1\nrules:\n  - {id: a, bogus: 1}\n  - {id: b, other: 2}\n")
    _write(tmp_path, "no_such_family.yaml", "version: 1\nrules: []\n")
    with pytest.raises(RulesError) as caught:
        load_rules((str(tmp_path),))
    problems = caught.value.problems
    assert len(problems) == 5  # per bad rule: the unknown field and the missing `surfaces`
    assert any("rules.0.bogus" in p and "'a'" in p for p in problems)
    assert any("rules.0.surfaces" in p and "required" in p for p in problems)
    assert any("rules.1.other" in p and "'b'" in p for p in problems)
    assert any("unknown rule family" in p for p in problems)


def test_missing_rules_folder_is_an_error(tmp_path):
    with pytest.raises(RulesError, match="not a folder"):
        load_rules((str(tmp_path / "absent"),))


def test_user_rule_with_an_existing_id_replaces_ours(tmp_path):
    family = _family_with_rules()
    ours = RULES[family][0]
    data = ours.model_dump(mode="json")
    data["name"] = "replaced by the user"
    _write(tmp_path, f"{family}.yaml", yaml.safe_dump({"version": 1, "rules": [data]}, allow_unicode=True))
    merged = load_rules((str(tmp_path),))
    assert [r.name for r in merged[family] if r.id == ours.id] == ["replaced by the user"]
    assert len(merged[family]) == len(RULES[family])


# ------------------------------------------------------------------ which patterns run with a time limit


def _compiled_first(family: str, rules):
    """The compiled pattern of the first rule of `family` at its compile site."""
    from policy_extract import numbers, reading, tables
    from policy_extract.claim_fields import rules as claim_rules
    from policy_extract.entities import rules as entity_rules
    from policy_extract.times import compiled as times_compiled

    sites = {
        "quantity_forms": lambda: numbers._compile(rules).forms[0].pattern,
        "nonclaims": lambda: numbers._compile(rules).nonclaims[0][1],
        "times": lambda: times_compiled.compile_rules(rules).times[0][1],
        "metrics": lambda: claim_rules.compiled(claim_rules.field_rules(rules), "metrics")[0].pattern,
        "entities": lambda: entity_rules.compile_rules(rules).of("place")[0][1],
        "tables": lambda: next(iter(tables._patterns(rules).values()))[0][1],
        "layout": lambda: reading._cues(rules).caption,
    }
    return sites[family]()


COMPILE_SITES = ["quantity_forms", "nonclaims", "times", "metrics", "entities", "tables", "layout"]


@pytest.mark.parametrize("family", COMPILE_SITES, ids=COMPILE_SITES)
def test_builtin_rules_run_without_a_time_limit(family):
    assert type(_compiled_first(family, RULES)) is regex.Pattern


@pytest.mark.parametrize("family", COMPILE_SITES, ids=COMPILE_SITES)
def test_a_user_rule_replacing_ours_runs_with_a_time_limit(tmp_path, family):
    first = next(rule for rule in RULES[family] if getattr(rule, "role", None) != "macro")  # macros: below
    data = first.model_dump(mode="json")
    _write(tmp_path, f"{family}.yaml", yaml.safe_dump({"version": 1, "rules": [data]}, allow_unicode=True))
    assert type(_compiled_first(family, load_rules((str(tmp_path),)))) is RulePattern


def test_a_user_macro_puts_the_time_rules_that_may_use_it_under_the_limit(tmp_path):
    macro = next(rule for rule in RULES["times"] if rule.id == "macro.YEAR").model_dump(mode="json")
    _write(tmp_path, "times.yaml", yaml.safe_dump({"version": 1, "rules": [macro]}, allow_unicode=True))
    assert type(_compiled_first("times", load_rules((str(tmp_path),)))) is RulePattern


BUILTIN_OR_NOT = [
    pytest.param(RULES, "nonclaims", "nonclaim.year", True, id="shipped"),
    pytest.param(RULES, "nonclaims", "user.rule", False, id="unknown-id"),
    pytest.param(RuleSet(families=dict(RULES.families), sources=("by hand",)), "nonclaims", "nonclaim.year", False,
                 id="ruleset-built-by-hand"),
]


@pytest.mark.parametrize(("rules", "family", "rule_id", "expected"), BUILTIN_OR_NOT)
def test_is_builtin(rules, family, rule_id, expected):
    assert rules.is_builtin(family, rule_id) is expected


def test_compile_pattern_is_limited_unless_told_otherwise():
    assert [type(compile_pattern("r", "a")), type(compile_pattern("r", "a", limited=False))] == [
        RulePattern, regex.Pattern
    ]


def test_a_ruleset_from_another_process_hashes_again(rules):
    """Its cached hash is of the strings of the process that pickled it; string hashes differ
    between processes (PYTHONHASHSEED), so unpickling must hash again."""
    state = pickle.loads(pickle.dumps(rules)).__dict__ | {"_hash": hash(rules) + 1}  # as another process left it
    received = RuleSet.__new__(RuleSet)
    received.__setstate__(state)
    assert received == rules and hash(received) == hash(rules)


def test_two_rulesets_built_by_hand_under_one_name_are_not_one(rules):
    """Compiled patterns are cached by RuleSet: two sets with the same sources but other rules
    must not be taken for one another."""
    years_only = RuleSet(families={"nonclaims": (rules["nonclaims"][0],)}, sources=("by hand",))
    no_years = RuleSet(families={"nonclaims": rules["nonclaims"][1:]}, sources=("by hand",))
    assert years_only != no_years
    assert years_only == RuleSet(families={"nonclaims": (rules["nonclaims"][0],)}, sources=("by hand",))
    assert probe_nonclaims("2025年", years_only) == {"nonclaim.year"}
    assert "nonclaim.year" not in probe_nonclaims("2025年", no_years)


def test_a_ruleset_built_by_hand_is_not_the_loaded_one(rules):
    """The same rules, but none of them ours: its patterns keep their time limit."""
    by_hand = RuleSet(families=rules.families, sources=rules.sources)
    assert by_hand != rules
    assert rules.is_builtin("nonclaims", "nonclaim.year") and not by_hand.is_builtin("nonclaims", "nonclaim.year")
    probe_nonclaims("2025年", rules)  # our patterns compiled and cached first
    assert isinstance(numbers._compile(by_hand).nonclaims[0].pattern, RulePattern)


def test_one_rule_set_per_folder_list_however_it_is_passed(tmp_path):
    assert load_rules() is load_rules(()) is load_rules([])
    (tmp_path / "units.yaml").write_text("rules: []\n", encoding="utf-8")
    assert load_rules([tmp_path]) is load_rules((str(tmp_path),))
    assert load_rules([tmp_path]) is not load_rules()


KIND_UNIT_FILTERS = [
    pytest.param("['成']", "'成'", id="tenths-read-as-percent"),  # 八成 is read as 80 %
    pytest.param("['%', 公斤数]", "'公斤数'", id="one-unknown-among-known"),
]


@pytest.mark.parametrize(("units", "needle"), KIND_UNIT_FILTERS)
def test_a_kind_rule_filtering_on_a_unit_no_figure_has_is_rejected(tmp_path, units, needle):
    _write(
        tmp_path,
        "kinds.yaml",
        "version: 1\nrules:\n  - {id: user.share.tenths, name: tenths, kind: share, reads: quantity,"
        f" pattern: '成$', units: {units}, examples: [八成]}}\n",
    )
    with pytest.raises(RulesError) as caught:
        load_rules((str(tmp_path),))
    assert [p for p in caught.value.problems if "user.share.tenths" in p and needle in p]


@pytest.mark.parametrize("units", ["['%']", "['‰', 家]", "['元/吨']", "['']"])
def test_a_kind_rule_filtering_on_units_figures_have_loads(tmp_path, units):
    _write(
        tmp_path,
        "kinds.yaml",
        "version: 1\nrules:\n  - {id: user.share.some, name: some, kind: share,"
        f" pattern: '占{{Q}}', units: {units}, examples: [占30%]}}\n",
    )
    assert load_rules((str(tmp_path),))["kinds"][-1].id == "user.share.some"


# ------------------------------------------------------------------ shared phrases (rules/phrases.yaml)


PHRASE_EXPANSIONS = [
    pytest.param("'{BASE}多{Q}'", "(?:比上年末?|", id="phrase-in-place"),
    pytest.param("'多(?:{MORE_VERBS})?{Q}'", "(?:(?:设立|", id="phrase-in-a-group"),
    pytest.param(r"'\p{Han}多{Q}'", r"\p{Han}多", id="a-property-is-no-phrase"),
    pytest.param(r"'\p{ASCII}多{Q}'", r"\p{ASCII}多", id="an-upper-case-property-is-no-phrase"),
]


@pytest.mark.parametrize(("pattern", "expected"), PHRASE_EXPANSIONS)
def test_a_rule_naming_a_phrase_reads_it_as_a_group(tmp_path, pattern, expected):
    _write(tmp_path, "kinds.yaml", f"version: 1\nrules:\n  - {{id: user.more, kind: change, pattern: {pattern}}}\n")
    loaded = load_rules((str(tmp_path),))["kinds"][-1]
    assert loaded.id == "user.more" and expected in loaded.pattern and "{Q}" in loaded.pattern


def test_an_unknown_phrase_is_a_load_error_naming_the_known_ones(tmp_path):
    _write(tmp_path, "metrics.yaml", "version: 1\nrules:\n  - {id: user.tail, role: strip_tail, pattern: '{MORE_VERB}$'}\n")
    with pytest.raises(RulesError) as caught:
        load_rules((str(tmp_path),))
    assert [p for p in caught.value.problems if "user.tail" in p and "MORE_VERB " in p and "MORE_VERBS" in p]


def test_a_users_phrase_replaces_ours_in_every_rule_that_names_it(tmp_path):
    """比上年多捐 is no change with our verbs; with 捐 added to the phrase, the kind rules of
    both 多 and 少 read it, and they are the user's now: under the time limit."""
    from policy_extract.claim_fields import probe_kinds

    assert "kind.change.more_than_base" not in probe_kinds("比上年多捐30万元", RULES)
    ours = next(rule for rule in RULES["phrases"] if rule.id == "phrase.MORE_VERBS")
    _write(
        tmp_path,
        "phrases.yaml",
        yaml.safe_dump({"version": 1, "rules": [{"id": ours.id, "pattern": ours.pattern + "|捐"}]}, allow_unicode=True),
    )
    theirs = load_rules((str(tmp_path),))
    assert {"kind.change.more_than_base"} <= probe_kinds("比上年多捐30万元", theirs)
    assert {"kind.change.fewer_than_base"} <= probe_kinds("比上年少捐3万元", theirs)
    assert not theirs.is_builtin("kinds", "kind.change.more_than_base")
    assert theirs.is_builtin("kinds", "kind.level.gap")  # names no phrase: still ours


@pytest.mark.parametrize("bad_id", ["phrase.base", "phrase.Q", "BASE", "phrase.MORE-VERBS"])
def test_a_phrase_id_is_phrase_dot_an_upper_case_name(tmp_path, bad_id):
    _write(tmp_path, "phrases.yaml", f"version: 1\nrules:\n  - {{id: '{bad_id}', pattern: x}}\n")
    with pytest.raises(RulesError) as caught:
        load_rules((str(tmp_path),))
    assert [p for p in caught.value.problems if "phrases.yaml" in p and "rules.0.id" in p]
