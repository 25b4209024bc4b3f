"""Load and validate `rules/*.yaml`: every error at once, with file and position.

A rule file is named after its *family* (``units.yaml``, ``times.yaml``…) and holds::

    version: 1
    rules:
      - id: unit.yuan          # unique within the family
        name: 元 and its multipliers
        ...                    # fields of the family's model
        examples: [5400亿元]    # strings the rule must fire on
        counterexamples: []    # strings it must not fire on

Each family's pydantic model (``extra="forbid"``) lives beside the code that
uses it and is named in `FAMILIES`; user folders (``--rules DIR``) add files of
the same names, whose rules are appended, or replace ours when the id is equal.
"""

from __future__ import annotations

import importlib
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar, overload

import regex
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic_core import ErrorDetails

from .cache import PATTERNS
from .errors import RulesError


class RuleBase(BaseModel):
    """Fields every rule has, whatever its family."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1)
    name: str = ""
    version: int = 1
    examples: tuple[str, ...] = ()
    counterexamples: tuple[str, ...] = ()


R = TypeVar("R", bound=RuleBase)


class RuleFile(BaseModel, Generic[R]):
    model_config = ConfigDict(extra="forbid")

    version: int = 1
    rules: list[R] = Field(default_factory=list)


@dataclass(frozen=True)
class Family:
    """A family of rules: its model, and the function that says which rules fire on a text."""

    model: str  # "module:Class" of the family's rule model
    probe: str  # "module:function(text, RuleSet) -> set of rule ids that fired"
    # "module:function(families) -> problems": what the family's rules name of the other families,
    # checked once all are merged (a kind rule's `units` must be units a figure can have)
    check: str | None = None

    def load_model(self) -> type[RuleBase]:
        return _import(self.model)

    def load_probe(self) -> Callable[[str, RuleSet], set[str]]:
        return _import(self.probe)


# family name (= file stem) -> where its model and probe live.
FAMILIES: dict[str, Family] = {
    "units": Family("policy_extract.numbers:UnitRule", "policy_extract.numbers:probe_units"),
    "markers": Family("policy_extract.numbers:MarkerRule", "policy_extract.numbers:probe_markers"),
    "quantity_forms": Family(
        "policy_extract.numbers:QuantityFormRule", "policy_extract.numbers:probe_forms"
    ),
    "nonclaims": Family(
        "policy_extract.numbers:NonClaimRule", "policy_extract.numbers:probe_nonclaims"
    ),
    "times": Family("policy_extract.times.rules:TimeRule", "policy_extract.times.probe:probe"),
    "metrics": Family("policy_extract.claim_fields.rules:MetricRule", "policy_extract.claim_fields.rules:probe_metrics"),
    "kinds": Family(
        "policy_extract.claim_fields.rules:KindRule",
        "policy_extract.claim_fields.rules:probe_kinds",
        "policy_extract.claim_fields.rules:check_kind_units",
    ),
    "status": Family("policy_extract.claim_fields.rules:StatusRule", "policy_extract.claim_fields.rules:probe_status"),
    "tables": Family("policy_extract.tables:TableRule", "policy_extract.tables:probe"),
    "entities": Family("policy_extract.entities.rules:EntityRule", "policy_extract.entities.finding:probe"),
    "layout": Family("policy_extract.reading:LayoutRule", "policy_extract.reading:probe"),
    "phrases": Family("policy_extract.rule_files:PhraseRule", "policy_extract.rule_files:probe_phrases"),
}

# The families whose patterns may write ``{NAME}`` for the shared phrase ``phrase.NAME``
# (rules/phrases.yaml): the claim fields, whose rules name the same verbs and comparison bases.
PHRASE_USERS = ("metrics", "kinds", "status")
# A phrase's name: two characters at least, so that ``{Q}`` (the figure) is none
_PHRASE_NAME = r"[A-Z][A-Z0-9_]+"
_PHRASE_REF = regex.compile(rf"(?<!\\[pPN])\{{({_PHRASE_NAME})\}}")  # not \p{ASCII}, a property


class PhraseRule(RuleBase):
    """A piece of pattern that rules of several families share, written once (the verbs
    after 多/少 in a change, a comparison base): a pattern of `PHRASE_USERS` writes
    ``{NAME}`` for the phrase ``phrase.NAME``, which loading replaces with the phrase as a
    group. Its examples are strings the phrase matches in."""

    id: str = Field(pattern=rf"^phrase\.{_PHRASE_NAME}$")
    pattern: str = Field(min_length=1)


def probe_phrases(text: str, rules: RuleSet) -> set[str]:
    """The phrases that match somewhere in `text`."""
    return {rule.id for rule in rules["phrases"] if regex.search(rule.pattern, text)}  # type: ignore[attr-defined]


def _import(dotted: str) -> Any:
    module, _, attr = dotted.partition(":")
    return getattr(importlib.import_module(module), attr)


class _UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """SafeLoader (no object construction) that rejects duplicate mapping keys.

    The C loader (libyaml, in PyYAML's wheels) parses our rule files 10x faster than the
    pure-Python one: 0.03 s instead of 0.3 s of every start-up.
    """


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping
)


def load_yaml(path: Path) -> Any:
    """Parse a YAML file safely, rejecting duplicate keys."""
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_UniqueKeyLoader)


@dataclass(frozen=True)
class RuleSet:
    """All rules, by family, in load order; hashable so compiled forms can be cached."""

    families: dict[str, tuple[RuleBase, ...]] = field(default_factory=dict)
    sources: tuple[str, ...] = ()
    builtin: frozenset[tuple[str, str]] = frozenset()  # (family, id) of the rules we ship, unreplaced
    # Every cached lookup keyed by the rules hashes them, several times per claim: once here.
    _hash: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_hash", hash(self.sources))

    def __setstate__(self, state: dict[str, Any]) -> None:
        """Unpickled in another process, whose string hashes differ: hash again there."""
        self.__dict__.update(state)
        self.__post_init__()

    def is_builtin(self, family: str, rule_id: str) -> bool:
        """Ours and tested: its pattern needs no time limit (a user's rule, or one built by hand, does)."""
        return (family, rule_id) in self.builtin

    def __getitem__(self, family: str) -> tuple[RuleBase, ...]:
        return self.families.get(family, ())

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        """The same sources, rules and built-in rules: two sets built by hand under one name must
        not share the patterns compiled for one of them (caches key on the rules), nor one whose
        rules are ours the other's unlimited patterns."""
        if self is other:
            return True
        return (
            isinstance(other, RuleSet)
            and self.sources == other.sources
            and self.families == other.families
            and self.builtin == other.builtin
        )

    def all_rules(self) -> Iterable[tuple[str, RuleBase]]:
        for family, rules in self.families.items():
            for rule in rules:
                yield family, rule


def builtin_rules_dir() -> Path:
    """The rules shipped inside the package (the repository's top-level `rules/`)."""
    return Path(str(resources.files("policy_extract.rules")))


def _location(error: ErrorDetails) -> str:
    return ".".join(str(part) for part in error["loc"])


def _read_family(path: Path, family: Family, errors: list[str]) -> list[RuleBase]:
    try:
        data = load_yaml(path)
    except (yaml.YAMLError, OSError, UnicodeDecodeError) as exc:
        errors.append(f"{path}: cannot read: {' '.join(str(exc).split())}")
        return []
    if data is None:
        return []
    model = family.load_model()
    try:
        parsed = RuleFile[model].model_validate(data)  # type: ignore[valid-type]
    except ValidationError as exc:
        for error in exc.errors():
            where = _location(error)
            rule_id = ""
            loc = error["loc"]
            if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
                rules = data.get("rules") if isinstance(data, dict) else None
                if isinstance(rules, list) and loc[1] < len(rules) and isinstance(rules[loc[1]], dict):
                    rule_id = f" (id {rules[loc[1]].get('id')!r})"
            errors.append(f"{path}: {where}{rule_id}: {error['msg']}")
        return []
    return list(parsed.rules)


def _check_ids(family: str, rules: list[RuleBase], path: Path, errors: list[str]) -> None:
    seen: set[str] = set()
    for index, rule in enumerate(rules):
        if rule.id in seen:
            errors.append(f"{path}: rules.{index}: duplicate rule id {rule.id!r} in family {family!r}")
        seen.add(rule.id)


# A placeholder the families expand before compiling ({num}, {Q}, {YEAR}); for the load-time
# check it stands for any group, so that only the rule's own syntax is judged.
_PLACEHOLDER = regex.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")


def _check_patterns(rules: list[RuleBase], path: Path, errors: list[str]) -> None:
    """A `pattern` that is not a regular expression fails the load, not the first document."""
    for index, rule in enumerate(rules):
        pattern = getattr(rule, "pattern", None)
        if not isinstance(pattern, str):
            continue
        try:
            PATTERNS.compiled(_PLACEHOLDER.sub("(?:x)", pattern))
        except (regex.error, OverflowError, RecursionError) as exc:
            errors.append(f"{path}: rules.{index} (id {rule.id!r}): pattern does not compile: {exc}")


def load_rules(extra_dirs: Iterable[str] = ()) -> RuleSet:
    """Load the built-in rules plus any user folders; raise `RulesError` listing every problem.
    One RuleSet per folder list and process, however the list is passed."""
    return _load_rules(tuple(str(d) for d in extra_dirs))


@lru_cache(maxsize=16)
def _load_rules(extra_dirs: tuple[str, ...]) -> RuleSet:
    errors: list[str] = []
    families: dict[str, list[RuleBase]] = {}
    builtin: set[tuple[str, str]] = set()
    dirs = [builtin_rules_dir(), *(Path(d) for d in extra_dirs)]
    for position, directory in enumerate(dirs):
        if not directory.is_dir():
            errors.append(f"{directory}: not a folder of rule files")
            continue
        files = sorted(directory.glob("*.yaml"))
        if position > 0 and not files:
            errors.append(f"{directory}: holds no *.yaml rule files")
        for path in files:
            family = FAMILIES.get(path.stem)
            if family is None:
                errors.append(
                    f"{path}: unknown rule family {path.stem!r} (known: {', '.join(sorted(FAMILIES))})"
                )
                continue
            rules = _read_family(path, family, errors)
            _check_ids(path.stem, rules, path, errors)
            _check_patterns(rules, path, errors)
            merged = families.setdefault(path.stem, [])
            by_id = {rule.id: index for index, rule in enumerate(merged)}
            for rule in rules:
                if position == 0:
                    builtin.add((path.stem, rule.id))
                else:
                    builtin.discard((path.stem, rule.id))
                if rule.id in by_id:
                    merged[by_id[rule.id]] = rule  # a user rule replaces ours by id
                else:
                    merged.append(rule)
    if not errors:
        _expand_phrases(families, builtin, errors)
    if not errors:  # a family that failed to read would make its checks report in vain
        merged_families = {name: tuple(rules) for name, rules in families.items()}
        for name, family in FAMILIES.items():
            if family.check is not None and name in families:
                errors.extend(_import(family.check)(merged_families))
    if errors:
        raise RulesError(errors)
    return RuleSet(
        families={name: tuple(rules) for name, rules in families.items()},
        sources=tuple(str(d) for d in dirs),
        builtin=frozenset(builtin),
    )


def _expand_phrases(families: dict[str, list[RuleBase]], builtin: set[tuple[str, str]], errors: list[str]) -> None:
    """Write each shared phrase into the patterns that name it, in place. A rule that names a
    phrase of the user's is the user's too: it runs under the time limit (`is_builtin`)."""
    phrases = {rule.id.removeprefix("phrase."): rule for rule in families.get("phrases", ()) if isinstance(rule, PhraseRule)}
    for family in PHRASE_USERS:
        rules = families.get(family, [])
        for index, rule in enumerate(rules):
            pattern = getattr(rule, "pattern", None)
            names = set(_PHRASE_REF.findall(pattern)) if isinstance(pattern, str) else set()
            if not isinstance(pattern, str) or not names:
                continue
            unknown = names - phrases.keys()
            if unknown:
                known = ", ".join(sorted(phrases)) or "none"
                errors.append(
                    f"{family}: rule {rule.id!r}: unknown phrase(s) {', '.join(sorted(unknown))} (known: {known})"
                )
                continue
            expanded = _PHRASE_REF.sub(lambda m: f"(?:{phrases[m.group(1)].pattern})", pattern)
            rules[index] = rule.model_copy(update={"pattern": expanded})
            if any(("phrases", phrases[name].id) not in builtin for name in names):
                builtin.discard((family, rule.id))


# ---------------------------------------------------------------- patterns with a time limit

PATTERN_TIMEOUT = 1.0  # seconds one call of a rule's pattern may run (the regex module's timeout=)


class RuleTimeoutWarning(UserWarning):
    """A rule's pattern ran out of time outside `pattern_guard` (a probe, a bare ``nlp(text)``)."""


@dataclass
class PatternGuard:
    """The rules that ran out of time on the current document, with the warning for each."""

    timeout: float = PATTERN_TIMEOUT
    skipped: dict[str, str] = field(default_factory=dict)

    @property
    def warnings(self) -> list[str]:
        return list(self.skipped.values())


# The guard of the document being processed. A context variable, not a parameter, so that the
# families' matching code keeps its signatures: `pattern_guard` scopes it to one run.
_GUARD: ContextVar[PatternGuard | None] = ContextVar("policy_extract_pattern_guard", default=None)


@contextmanager
def pattern_guard(timeout: float | None = None) -> Iterator[PatternGuard]:
    """Scope of one document: a rule that runs out of time is skipped until the scope ends."""
    guard = PatternGuard(PATTERN_TIMEOUT if timeout is None else timeout)
    token = _GUARD.set(guard)
    try:
        yield guard
    finally:
        _GUARD.reset(token)


class RulePattern:
    """A rule's compiled pattern whose every call runs with a time limit.

    Rule folders come from users, and one catastrophic pattern (``(a|a)+b`` on a run of
    a's) would otherwise hang the whole run. A call that runs out of time finds nothing;
    inside `pattern_guard` the rule is then skipped for the rest of the document and the
    guard holds one warning naming it. `finditer` collects its matches before yielding
    them, because the regex module's timeout counts the caller's time between matches.
    """

    __slots__ = ("compiled", "rule_id")

    def __init__(self, rule_id: str, compiled: regex.Pattern[str]):
        self.rule_id = rule_id
        # Any: each method passes its caller's positional arguments through, whose places differ from
        # one method of the pattern to another, and adds the limit by keyword
        self.compiled: Any = compiled

    @property
    def pattern(self) -> str:
        return str(self.compiled.pattern)

    @property
    def flags(self) -> int:
        return int(self.compiled.flags)

    @property
    def groups(self) -> int:
        return int(self.compiled.groups)

    @property
    def groupindex(self) -> Mapping[str, int]:
        return dict(self.compiled.groupindex)

    def _call(self, run: Callable[[float], Any], empty: Any) -> Any:
        guard = _GUARD.get()
        if guard is not None and self.rule_id in guard.skipped:
            return empty
        timeout = guard.timeout if guard is not None else PATTERN_TIMEOUT
        try:
            return run(timeout)
        except TimeoutError:
            message = (
                f"rule {self.rule_id!r} skipped for this document: its pattern ran longer than "
                f"{timeout:g} s (catastrophic backtracking?)"
            )
            if guard is None:
                warnings.warn(message, RuleTimeoutWarning, stacklevel=3)
            else:
                guard.skipped[self.rule_id] = message
            return empty

    def search(self, string: str, *args: Any, **kwargs: Any) -> regex.Match[str] | None:
        return self._call(lambda t: self.compiled.search(string, *args, timeout=t, **kwargs), None)

    def match(self, string: str, *args: Any, **kwargs: Any) -> regex.Match[str] | None:
        return self._call(lambda t: self.compiled.match(string, *args, timeout=t, **kwargs), None)

    def fullmatch(self, string: str, *args: Any, **kwargs: Any) -> regex.Match[str] | None:
        return self._call(lambda t: self.compiled.fullmatch(string, *args, timeout=t, **kwargs), None)

    def finditer(self, string: str, *args: Any, **kwargs: Any) -> Iterator[regex.Match[str]]:
        return iter(self._call(lambda t: list(self.compiled.finditer(string, *args, timeout=t, **kwargs)), []))

    def sub(self, repl: Any, string: str, *args: Any, **kwargs: Any) -> str:
        """On a time-out the string comes back unchanged."""
        return self._call(lambda t: self.compiled.sub(repl, string, *args, timeout=t, **kwargs), string)


# What `compile_pattern` gives: our rules' bare compiled pattern, or a user's under its time limit;
# both answer search, match, fullmatch, finditer and sub alike
CompiledPattern = RulePattern | regex.Pattern[str]


@overload
def compile_pattern(rule_id: str, pattern: str, flags: int = 0, *, limited: Literal[False]) -> regex.Pattern[str]: ...


@overload
def compile_pattern(rule_id: str, pattern: str, flags: int = 0, *, limited: bool = True) -> RulePattern | regex.Pattern[str]: ...


def compile_pattern(
    rule_id: str, pattern: str, flags: int = 0, *, limited: bool = True
) -> RulePattern | regex.Pattern[str]:
    """Compile a rule's (expanded) pattern; `limited`: for matching with a time limit (`RulePattern`).

    The limit is for users' rules: ours are tested, and the limit costs every call (a
    closure, a context-variable read, the timeout argument) about a tenth of a run.
    Unlimited, the bare compiled pattern comes back; both have the same methods.
    """
    compiled = PATTERNS.compiled(pattern, flags)
    return RulePattern(rule_id, compiled) if limited else compiled
