"""What the tool still gets wrong, as cases that must fail (`xfail(strict=True)`).

Each case is a class of sentence seen in a held-out text or in corpora/, written here in our own
words, with the answer a policy analyst would record. A fix that makes one pass turns it into an
XPASS, which fails the suite: move the case to the test table of its behaviour then. The closing
notes and docs/evaluation.md describe the same failures; this list is the one that cannot go stale.
"""

from __future__ import annotations

import pytest

import policy_extract


def _field(text: str, quantity: str, field: str) -> object:
    document = policy_extract.extract(text, date="2025")
    claims = [claim for claim in document.claims if claim.quantity == quantity]
    return getattr(claims[0], field) if claims else "no claim"


def _xfail(*values: object, id: str, why: str) -> object:
    return pytest.param(*values, id=id, marks=pytest.mark.xfail(strict=True, reason=why))


KNOWN_FAILURES = [
    _xfail(
        "研发投入强度高于全省平均水平的县有长兴县、德清县和安吉县，其中长兴县为3.21%。",
        "3.21%",
        "metric",
        "研发投入强度",
        id="part-after-qizhong-with-only-wei",
        why="其中A县为N: the place is read as the metric; the metric is named in the clause before",
    ),
    _xfail(
        "新设经营主体中，第三产业8.02万户，占84.8%；第二产业0.86万户，占9.1%。",
        "9.1%",
        "metric",
        "第二产业占新设经营主体比重",
        id="share-of-a-whole-named-before-the-list",
        why="the whole a list of shares divides (新设经营主体中) is not carried to the later items",
    ),
    _xfail(
        "这家合作社今年种了1500亩优质稻。",
        "1500亩",
        "metric",
        "优质稻种植面积",
        id="area-sown-written-as-a-verb",
        why="an area written with the verb 种了 and the crop after the figure keeps the verb as its metric",
    ),
    _xfail(
        "全省建成2000亩以上粮食生产全程机械化示范片36个。",
        "2000亩以上",
        "quantity",
        "no claim",
        id="threshold-inside-a-category-name",
        why="a threshold that defines the category counted (2000亩以上…示范片) is reported as a claim of its own",
    ),
]


@pytest.mark.parametrize(("text", "quantity", "field", "expected"), KNOWN_FAILURES)
def test_known_failure(text: str, quantity: str, field: str, expected: object) -> None:
    assert _field(text, quantity, field) == expected
