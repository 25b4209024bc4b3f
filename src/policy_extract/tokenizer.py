"""A jieba tokenizer that segments only the clauses that may hold a quantity.

No component decides anything from tokens: quantities, times, entities and claims all
match on the text and use tokens only to make spans (`Doc.char_span(…, "expand")`).
So the text between quantities needs no dictionary segmentation: a clause without a
digit or a Chinese numeral becomes one token per character, and jieba runs on the others.
Not coarser tokens: two names inside one token would expand to the same span, and spaCy
keeps a span's extension attributes per (start, end), so the second would overwrite the
first's `span._.entity`. Set `segment_everything` to give all the text jieba's tokens.

jieba cuts its input at every character outside its word blocks (CJK, Latin letters,
digits and ``+#&._%-``), so segmenting clause by clause gives the tokens of one call on
the whole text. The words tile the text, so the Doc is built from them directly, without
spaCy's alignment pass (`get_words_and_spaces` searches each word in the rest of the text).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import jieba
import regex
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import DummyTokenizer
from spacy.vocab import Vocab

# Clauses: up to a sentence end, a clause mark, a bracket or a quote, none of them characters
# that jieba joins to a word.
_CLAUSE = regex.compile(r"[^。！？!?\n，,；;：:、（）()“”]*(?:[。！？!?\n，,；;：:、（）()“”]|$)")
# A digit or a Chinese numeral (financial and traditional forms too); 首 for 首位.
_CANDIDATE = regex.compile(r"\d|[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟兩萬億首]")
_CHARACTER = regex.compile(r"\s+|\S")


def segment(text: str, segment_everything: bool = False) -> list[str]:
    """Words that tile `text`: jieba's in candidate clauses (or all), characters elsewhere.

    Consecutive candidate clauses go to jieba in one call: its cost per call is not small.
    """
    if segment_everything:
        return jieba.lcut(text)
    words: list[str] = []
    run_start = None  # start of the current run of candidate clauses
    for match in _CLAUSE.finditer(text):
        start, end = match.span()
        if start == end:
            continue
        if _CANDIDATE.search(text, start, end):
            if run_start is None:
                run_start = start
            continue
        if run_start is not None:
            words.extend(jieba.lcut(text[run_start:start]))
            run_start = None
        words.extend(_CHARACTER.findall(text, start, end))
    if run_start is not None:
        words.extend(jieba.lcut(text[run_start:]))
    return words


def words_and_spaces(words: Iterable[str]) -> tuple[list[str], list[bool]]:
    """spaCy's `get_words_and_spaces` for words that tile the text: one space after a word
    becomes its trailing space, the rest of a run of white space one token."""
    tokens: list[str] = []
    spaces: list[bool] = []
    gap: list[str] = []
    for word in words:
        if not word:
            continue
        if word.isspace():
            gap.append(word)
            continue
        if gap:
            _flush(gap, tokens, spaces)
        tokens.append(word)
        spaces.append(False)
    if gap:
        _flush(gap, tokens, spaces)
    return tokens, spaces


def _flush(gap: list[str], tokens: list[str], spaces: list[bool]) -> None:
    white = "".join(gap)
    gap.clear()
    if tokens and white[0] == " ":
        spaces[-1] = True
        white = white[1:]
    if white:
        tokens.append(white)
        spaces.append(False)


class ChineseTokenizer(DummyTokenizer):
    """jieba where a quantity may be, characters elsewhere (see the module docstring)."""

    def __init__(self, vocab: Vocab, segment_everything: bool = False) -> None:
        self.vocab = vocab
        self.segment_everything = segment_everything

    def __call__(self, text: str) -> Doc:
        words, spaces = words_and_spaces(segment(text, self.segment_everything))
        return Doc(self.vocab, words=words, spaces=spaces)

    def initialize(self, get_examples: Callable[[], Iterable[object]] | None = None, **settings: object) -> None:
        """Nothing to train; accepts the settings blank `zh` passes (pkuseg_model …)."""


@spacy.registry.tokenizers("policy_extract.ChineseTokenizer.v1")
def create_tokenizer(segment_everything: bool = False) -> Callable[[Language], ChineseTokenizer]:
    def make(nlp: Language) -> ChineseTokenizer:
        return ChineseTokenizer(nlp.vocab, segment_everything)

    return make
