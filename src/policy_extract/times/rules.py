"""The rule model of the family ``times`` (``rules/times.yaml``), and what its templates and numerals mean.

A time rule gives its period as templates (``{y}-{mm(m)}``, ``{G}``, ``{Y-1}``) over the
numbers its pattern captured and the document date; `Templates` splits a rule's templates once,
`fill` and `render` fill them, `group_numbers` reads the numbers a match captured.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any, Literal, NamedTuple

import regex
from pydantic import model_validator

from ..rule_files import RuleBase

FAMILY = "times"

# ---------------------------------------------------------------------------- rule model

Role = Literal["macro", "time", "modifier", "base", "local", "docdate"]
_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")


class TimeRule(RuleBase):
    """One entry of ``rules/times.yaml``; see the file's header for roles and templates."""

    role: Role
    pattern: str
    period: tuple[str | None, str | None] | None = None
    governed: tuple[str | None, str | None] | None = None
    position: Literal["before", "after"] | None = None
    date: str | None = None
    strength: int = 0
    follows: str | None = None  # local: what follows the time (的), the noun phrase it belongs to; base: what must
    # follow it for the text before to make it a base (是去年同期|的1.8倍)
    ends_at: str = ""  # time: marks that end its reach in its sentence (a streak, 连续3年, frames its clauses up to ；)
    frames: bool = False  # time: a span that frames its own sentence (近三年, 连续3年), after which the time that
    # opened the paragraph governs again
    names_group: bool = False  # time: a year that names whom a figure counts (2025届毕业生), so a time before it in
    # its sentence (截至2025年8月31日，2025届毕业生…) says when

    @model_validator(mode="after")
    def _fields_fit_role(self) -> TimeRule:
        needs_period = self.role in ("time", "modifier")
        if needs_period != (self.period is not None):
            raise ValueError(f"role {self.role!r} {'needs' if needs_period else 'takes no'} `period`")
        if (self.role == "modifier") != (self.position is not None):
            raise ValueError("`position` is required for modifiers and only for them")
        if (self.role == "docdate") != (self.date is not None):
            raise ValueError("`date` is required for docdate rules and only for them")
        if self.role == "local" and self.follows is None:
            raise ValueError("`follows` is required for local rules")
        if self.follows is not None and self.role not in ("local", "base"):
            raise ValueError("`follows` is only for local and base rules")
        if (self.ends_at or self.frames or self.names_group) and self.role != "time":
            raise ValueError("`ends_at`, `frames` and `names_group` are only for time rules")
        if self.role == "macro" and not self.id.startswith("macro."):
            raise ValueError("a macro's id is macro.NAME")
        for template in (*(self.period or ()), *(self.governed or ()), self.date):
            for expression in _PLACEHOLDER.findall(template or ""):
                _parse_expression(expression)
        return self


# ---------------------------------------------------------------------------- templates

_FUNCTIONS: dict[str, Callable[[Any], Any]] = {
    "mm": lambda x: f"{x:02d}",
    "yof": lambda x: x // 12,
    "plan": lambda k: 2006 + 5 * (k - 1),  # k is the digit of 十k五: 十一五 = 2006–2010
}
_OPERATORS: dict[type[ast.operator], Callable[[Any, Any], Any]] = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b, ast.Mult: lambda a, b: a * b}


@lru_cache(maxsize=512)
def _parse_expression(expression: str) -> ast.expr:
    """Parse a template expression; only names, integers, + - * and our functions are allowed."""
    tree = ast.parse(expression, mode="eval").body
    for node in ast.walk(tree):
        allowed = (ast.Name, ast.Constant, ast.BinOp, ast.Call, ast.Load, *_OPERATORS)
        if not isinstance(node, allowed):
            raise ValueError(f"template {{{expression}}}: {type(node).__name__} is not allowed")
        if isinstance(node, ast.Call) and not (
            isinstance(node.func, ast.Name) and node.func.id in _FUNCTIONS and len(node.args) == 1
        ):
            raise ValueError(f"template {{{expression}}}: unknown function")
        if isinstance(node, ast.Constant) and not isinstance(node.value, int):
            raise ValueError(f"template {{{expression}}}: only integer constants")
    return tree


_Evaluator = Callable[[dict[str, Any]], Any]


def _evaluator(node: ast.expr) -> _Evaluator:
    """A parsed expression turned once into a function of the values (every template of every time
    phrase is filled): None when a value it needs is missing."""
    if isinstance(node, ast.Name):
        name = node.id
        return lambda env: env.get(name)
    if isinstance(node, ast.Constant):
        constant = node.value
        return lambda env: constant
    if isinstance(node, ast.BinOp):
        left, right, operator = _evaluator(node.left), _evaluator(node.right), _OPERATORS[type(node.op)]

        def binary(env: dict[str, Any]) -> Any:
            first, second = left(env), right(env)
            return None if first is None or second is None else operator(first, second)

        return binary
    assert isinstance(node, ast.Call) and isinstance(node.func, ast.Name)  # checked at parse
    argument, function = _evaluator(node.args[0]), _FUNCTIONS[node.func.id]

    def call(env: dict[str, Any]) -> Any:
        value = argument(env)
        return None if value is None else function(value)

    return call


@lru_cache(maxsize=1024)
def _pieces(template: str) -> tuple[tuple[str, _Evaluator | None], ...]:
    """A template split once into (literal text, the expression after it or None)."""
    pieces: list[tuple[str, _Evaluator | None]] = []
    position = 0
    for match in _PLACEHOLDER.finditer(template):
        pieces.append((template[position : match.start()], _evaluator(_parse_expression(match.group(1)))))
        position = match.end()
    pieces.append((template[position:], None))
    return tuple(pieces)


Pieces = tuple[tuple[str, _Evaluator | None], ...]


def render(template: str | None, env: dict[str, Any]) -> str | None:
    """Fill a template; any missing value makes the whole date null."""
    return None if template is None else fill(_pieces(template), env)


def fill(pieces: Pieces | None, env: dict[str, Any]) -> str | None:
    """A template split by `_pieces` filled; any missing value makes the whole date null."""
    if pieces is None:
        return None
    parts: list[str] = []
    for literal, evaluate in pieces:
        parts.append(literal)
        if evaluate is not None:
            value = evaluate(env)
            if value is None:
                return None
            parts.append(str(value))
    return "".join(parts)


def template_names(*templates: str | None) -> frozenset[str]:
    names: set[str] = set()
    for template in templates:
        for expression in _PLACEHOLDER.findall(template or ""):
            names |= {n.id for n in ast.walk(_parse_expression(expression)) if isinstance(n, ast.Name)}
    return frozenset(names)


_DATE_NAMES = {"Y", "D", "YM"}


class Templates(NamedTuple):
    """A time rule's or modifier's period templates split into pieces once, with what they read:
    every time phrase fills them."""

    period: tuple[Pieces | None, Pieces | None]
    governed: tuple[Pieces | None, Pieces | None] | None  # when a governing time is found
    governs: bool  # reads G, the year of the time that governs the phrase
    event: bool  # reads E0/E1, the latest day named before
    dated: bool  # reads the document date: the period is relative

    @classmethod
    def of(cls, rule: TimeRule) -> Templates:
        assert rule.period is not None  # checked by TimeRule for times and modifiers
        names = template_names(*rule.period, *(rule.governed or ()))

        def split(pair: tuple[str | None, str | None]) -> tuple[Pieces | None, Pieces | None]:
            first, second = pair
            return (None if first is None else _pieces(first), None if second is None else _pieces(second))

        return cls(
            split(rule.period),
            split(rule.governed) if rule.governed else None,
            "G" in names,
            "E0" in names,
            bool(names & _DATE_NAMES),
        )


# ---------------------------------------------------------------------------- numerals

_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
           "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip


def _small_int(text: str) -> int:
    """1–99 in Arabic or Chinese numerals (months, days, counts of years).

    numbers.py turns quantities into Decimals; a time needs only these small integers.
    """
    if text.isdigit():
        return int(text)
    if "十" not in text:
        return _DIGITS[text]
    tens, _, ones = text.partition("十")
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[ones] if ones else 0)


def _year(text: str) -> int:
    return int(text) if text.isdigit() else int("".join(str(_DIGITS[c]) for c in text))


_GROUP_PARSERS = {"y": _year, "y2": _year, "m": _small_int, "m2": _small_int, "d": _small_int, "d2": _small_int,
                  "n": _small_int, "k": _small_int, "q": _small_int}  # fmt: skip


def group_numbers(match: regex.Match[str] | re.Match[str]) -> dict[str, int] | None:
    """The numbers a match captured, or None when one of them is not a well-formed numeral (十十)."""
    try:
        return {
            name: _GROUP_PARSERS[name](value)
            for name, value in match.groupdict().items()
            if value is not None and name in _GROUP_PARSERS
        }
    except (KeyError, ValueError):
        return None


def date_env(doc_date: str | None) -> dict[str, Any]:
    if doc_date is None:
        return {}
    year = int(doc_date[:4])
    month = int(doc_date[5:7]) if len(doc_date) >= 7 else 1
    return {"Y": year, "D": doc_date, "YM": year * 12 + month - 1}
