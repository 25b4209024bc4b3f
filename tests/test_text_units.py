"""Sentences, paragraphs and clauses of the normalized text (text_units)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policy_extract.text_units import CLAUSE_END, TextUnits, clause_at, clause_start


def _walked_clause(text: str, sentence: tuple[int, int], offset: int) -> tuple[int, int]:
    """The definition of a clause, walked character by character."""
    start, end = offset, offset
    while start > sentence[0] and text[start - 1] not in CLAUSE_END:
        start -= 1
    while end < sentence[1] and text[end] not in CLAUSE_END:
        end += 1
    return start, end


@pytest.mark.parametrize(
    ("text", "offset", "expected"),
    [
        ("全年增长8%，其中工业增长10%。", 3, "全年增长8%"),
        ("全年增长8%，其中工业增长10%。", 12, "其中工业增长10%"),
        ("一是投资：增长5%；二是消费", 8, "增长5%"),
        ("没有标点的句子", 2, "没有标点的句子"),
        # a comma inside a note in brackets ends no clause; the one after the note does
        ("性别比（以女性为100，男性对女性的比例）为105.2，比上年下降0.4。", 24, "性别比（以女性为100，男性对女性的比例）为105.2"),
        ("户籍人口（含外出人员；不含驻军）52万人，增长1%。", 2, "户籍人口（含外出人员；不含驻军）52万人"),
        ("投资（亿元）增长5%，消费增长3%。", 14, "消费增长3%"),
        # an ASCII comma between a digit and three more separates thousands; any other comma ends a clause
        ("基数上限调整为28,500元，下限为1,900元。", 3, "基数上限调整为28,500元"),
        ("基数上限调整为28,500元，下限为1,900元。", 20, "下限为1,900元"),
        ("共有3,5家,增长1,2345。", 2, "共有3"),
    ],
)
def test_clause_at(text, offset, expected):
    sentence = TextUnits(text).sentence_at(offset)
    start, end = clause_at(text, sentence, offset)
    assert text[start:end] == expected


@given(
    st.text(alphabet="ab增，,；;：:。！？!?\n", max_size=30),
    st.integers(0, 30),
    st.integers(0, 30),
    st.integers(0, 30),
)
def test_clause_at_finds_what_walking_the_characters_finds(text, first, second, offset):
    low, high = sorted((min(first, len(text)), min(second, len(text))))
    offset = min(offset, len(text))
    assert clause_at(text, (low, high), offset) == _walked_clause(text, (low, high), offset)


@given(st.text(alphabet="ab增，,；;：:。！？!?\n", max_size=30), st.integers(0, 30))
def test_clause_start_is_after_the_last_mark_before_the_offset(text, offset):
    offset = min(offset, len(text))
    assert clause_start(text, offset) == _walked_clause(text, (0, len(text)), offset)[0]


def test_units_of_the_same_text_share_one_split():
    text = "全年增长8%。\n\n　　\n其中工业增长10%！"
    first, second = TextUnits(text), TextUnits(text)
    assert first.sentences is second.sentences and first.paragraphs is second.paragraphs
    assert [text[start:end] for start, end in first.sentences] == ["全年增长8%。", "其中工业增长10%！"]  # blank lines skipped
    assert [text[start:end] for start, end in first.paragraphs] == ["全年增长8%。", "其中工业增长10%！"]
