"""Rule files: every rule's examples fire it and its counterexamples don't; bad files fail loudly."""

from __future__ import annotations

from pathlib import Path

import pytest

from policy_extract.errors import RulesError
from policy_extract.rule_files import FAMILIES, builtin_rules_dir, load_rules

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
    import yaml

    _write(tmp_path, f"{family}.yaml", yaml.safe_dump({"version": 1, "rules": [data]}, allow_unicode=True))
    merged = load_rules((str(tmp_path),))
    assert [r.name for r in merged[family] if r.id == ours.id] == ["replaced by the user"]
    assert len(merged[family]) == len(RULES[family])
