"""Our tokenizer: by default a token per character; on request jieba's words where a quantity
is (or may be), or everywhere. Its words tile the text, jieba's words are spaCy's jieba
tokenizer's, and the claims are the same whatever the tokens, and without any."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
import spacy
from spacy.lang.zh import ChineseTokenizer as SpacyChineseTokenizer
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import get_words_and_spaces

import policy_extract
from policy_extract.components import handoff
from policy_extract.pipeline import load, run, shared_pipeline
from policy_extract.reading import read_path
from policy_extract.tokenizer import ChineseTokenizer, segment, words_and_spaces

from shared_helpers import DEV

ROOT = Path(__file__).resolve().parent.parent
DEV_CORPORA = DEV / "corpora"

TEXTS = [
    pytest.param("", id="empty"),
    pytest.param("各部门协同推进改革。", id="no-number"),
    pytest.param("  全县粮食产量增长3.2%。\n\n", id="leading-and-trailing-white-space"),
    pytest.param("项目  一期\t投资5亿元\r\n二期  待定", id="runs-of-white-space-and-crlf"),
    pytest.param("\u3000\u3000今年，全市新增企业120家。各方齐心协力！", id="ideographic-spaces"),
    pytest.param("持续优化营商环境" * 3, id="no-sentence-end"),
]
NUMBERED = [
    pytest.param("2024年，全市地区生产总值增长6.5%。", id="digits"),
    pytest.param("全年新增规上企业三十家，其中 高新技术企业 12 家。", id="numerals-and-spaces"),
    pytest.param("粮食产量首位。\n第一季度出口增长两成。", id="two-lines"),
]


def _spacy_jieba(text: str) -> list[tuple[str, str]]:
    nlp = spacy.blank("zh")
    return [(token.text, token.whitespace_) for token in SpacyChineseTokenizer(nlp.vocab, segmenter="jieba")(text)]


def _ours(text: str, segmentation: str = "characters") -> list[tuple[str, str]]:
    nlp = spacy.blank("zh")
    return [(token.text, token.whitespace_) for token in ChineseTokenizer(nlp.vocab, segmentation)(text)]


@dataclass(frozen=True)
class _Found:
    start: int
    end: int


SEGMENTATIONS = ["characters", "quantity_clauses", "everything"]


@pytest.mark.parametrize("segmentation", SEGMENTATIONS)
@pytest.mark.parametrize("text", TEXTS + NUMBERED)
def test_the_words_tile_the_text(text, segmentation):
    assert "".join(segment(text, segmentation)) == text
    assert "".join(segment(text, segmentation, shared_pipeline().tokenizer.spotter(text))) == text


@pytest.mark.parametrize("text", TEXTS + NUMBERED)
def test_the_doc_text_is_the_text(text):
    assert spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "policy_extract.ChineseTokenizer.v1"}}})(
        text
    ).text == text


@pytest.mark.parametrize("text", NUMBERED)
def test_quantity_clauses_with_a_number_get_jiebas_tokens(text):
    assert _ours(text, "quantity_clauses") == _spacy_jieba(text)


@pytest.mark.parametrize("text", TEXTS + NUMBERED)
def test_segmenting_everything_gives_jiebas_tokens(text):
    assert _ours(text, "everything") == _spacy_jieba(text)


@pytest.mark.parametrize("with_spotter", [False, True])
@pytest.mark.parametrize("text", TEXTS + NUMBERED)
def test_by_default_every_character_is_a_token_and_no_quantity_is_looked_for(text, with_spotter):
    tokenizer = ChineseTokenizer(spacy.blank("zh").vocab)
    if with_spotter:
        tokenizer.spotter = lambda text: pytest.fail("the spotter runs only for quantity_clauses")
    doc = tokenizer(text)
    assert [token.text for token in doc] == words_and_spaces(list(text))[0]
    assert handoff.spotted(doc, text) is None


@pytest.mark.parametrize("segmentation", ["jieba", "", "segment_everything", "quantities"])
def test_an_unknown_segmentation_is_refused(segmentation):
    with pytest.raises(ValueError, match="segmentation must be one of characters, quantity_clauses, everything"):
        ChineseTokenizer(spacy.blank("zh").vocab, segmentation)


@pytest.mark.parametrize("segmentation", SEGMENTATIONS)
def test_the_segmentation_is_set_in_the_spacy_config(segmentation):
    config = {"nlp": {"tokenizer": {"@tokenizers": "policy_extract.ChineseTokenizer.v1", "segmentation": segmentation}}}
    assert spacy.blank("zh", config=config).tokenizer.segmentation == segmentation


def test_the_pipelines_spans_are_exact():
    doc = policy_extract.load()("全年新增企业12家，出口增长1,083.8亿元，占比超过两成。")
    spans = doc.spans["quantities"]
    assert [span.text for span in spans] == ["12家", "1,083.8亿元", "两成"]
    assert [span.text for span in spans] == [doc.text[s._.quantity.start : s._.quantity.end] for s in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("各方推进。增长5%。协同 发展！", ["各", "方", "推", "进", "。", "增长", "5%", "。", "协", "同", " ", "发", "展", "！"], id="sentences"),
        pytest.param("各方推进，增长5%；", ["各", "方", "推", "进", "，", "增长", "5%", "；"], id="clauses"),
    ],
)
def test_a_quantity_clause_without_a_number_is_split_into_characters(text, expected):
    assert segment(text, "quantity_clauses") == expected


@pytest.mark.parametrize(
    ("text", "spotted", "expected"),
    [
        pytest.param("2024年，增长5%；", [_Found(8, 10)], ["2", "0", "2", "4", "年", "，", "增长", "5%", "；"], id="numbered-clause-without-quantity"),
        pytest.param("增长1,083亿元。", [_Found(2, 10)], ["增长", "1", ",", "083", "亿元", "。"], id="quantity-across-two-clauses"),
        pytest.param("增长5%。", [], ["增", "长", "5", "%", "。"], id="nothing-spotted"),
    ],
)
def test_with_spotted_quantities_only_their_clauses_get_jiebas_tokens(text, spotted, expected):
    assert segment(text, "quantity_clauses", spotted) == expected


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        pytest.param("2024年，增长5%；", [(8, 10)], id="same-text"),
        pytest.param("增长6%；", None, id="another-text"),
    ],
)
def test_the_tokenizers_matches_are_handed_over_for_its_text_only(asked, expected):
    tokenizer = ChineseTokenizer(spacy.blank("zh").vocab, "quantity_clauses")
    tokenizer.spotter = lambda text: [_Found(8, 10)]
    found = handoff.spotted(tokenizer("2024年，增长5%；"), asked)
    assert (None if found is None else [(item.start, item.end) for item in found]) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        pytest.param(["增长", " ", "5%"], (["增长", "5%"], [True, False]), id="one-space-trails-the-word"),
        pytest.param([" ", "增长"], ([" ", "增长"], [False, False]), id="leading-space-is-a-token"),
        pytest.param(["增长", " ", "\n", " ", "5%"], (["增长", "\n ", "5%"], [True, False, False]), id="rest-of-the-run"),
        pytest.param(["增长", "\n"], (["增长", "\n"], [False, False]), id="line-break-is-a-token"),
        pytest.param(["增长", "", "5%"], (["增长", "5%"], [False, False]), id="empty-words-dropped"),
    ],
)
def test_words_and_spaces(words, expected):
    assert words_and_spaces(words) == expected


@pytest.mark.parametrize(
    "words",
    [
        pytest.param(["增长", " ", "\n", " ", "5%"], id="white-space-run"),
        pytest.param([" ", " ", "今年", "\u3000", "全市"], id="leading-run-and-ideographic-space"),
        pytest.param(["今年", " ", " "], id="trailing-run"),
    ],
)
def test_words_and_spaces_agrees_with_spacy(words):
    assert words_and_spaces(words) == get_words_and_spaces(words, "".join(words))


def _corpus_files() -> list:
    files = [pytest.param(path, id=path.stem) for path in sorted((ROOT / "corpora").glob("*.txt"))]
    files += [
        pytest.param(
            path,
            id=f"dev-{path.stem}",
            marks=pytest.mark.skipif(not DEV_CORPORA.is_dir(), reason="no dev corpora"),
        )
        for path in sorted(DEV_CORPORA.glob("*.txt"))
    ]
    return files


@Language.component("test_reads_nothing")
def _reads_nothing(doc: Doc) -> Doc:
    return doc


@pytest.fixture(scope="module")
def pipelines():
    """Three pipelines that tokenize (a component of a user's in each makes runs tokenize and
    write spans): ours by characters, spaCy's jieba tokenizer, and ours alone, which does not."""
    characters, full = load(), load()
    full.tokenizer = SpacyChineseTokenizer(full.vocab, segmenter="jieba")
    for nlp in (characters, full):
        nlp.add_pipe("test_reads_nothing")
    return characters, full, shared_pipeline()


@pytest.mark.parametrize("path", _corpus_files())
def test_claims_are_the_same_whatever_the_tokens_and_without_any(pipelines, path):
    characters, full, alone = pipelines
    text = read_path(path).text
    tokenized = run(characters, text)
    assert tokenized.text == tokenized._.source.text != ""
    assert len(run(alone, text)) == 0
    claims = policy_extract.extract(text, nlp=characters)
    assert claims == policy_extract.extract(text, nlp=full) == policy_extract.extract(text, nlp=alone)
