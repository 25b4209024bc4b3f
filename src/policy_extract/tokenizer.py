"""Tokens for spaCy users' spans: a token per character, jieba's words on request.

No component decides anything from tokens: quantities, times, entities and claims all
match on the text and use tokens only to make spans (`Doc.char_span(…, "expand")`), and
runs of our pipeline make none (`handoff.without_spans`). So the default segmentation,
``characters``, walks no dictionary: every character is a token (a run of white space
one), every span is exact, and the vocabulary a long run adds to is the character set.
jieba's words cost 0.6 of a jieba run on a dense statistical text even when only the
clauses holding a figure are segmented, for tokens nothing reads. Users who want words
set ``segmentation``:

* ``quantity_clauses``: jieba's words in the clauses that overlap a quantity, characters
  elsewhere. Given a `spotter` (the pipeline sets the quantities component's), the
  tokenizer finds the quantities first and hands them to that component in
  `doc.user_data`; without one, a clause with a digit or a Chinese numeral counts;
* ``everything``: jieba's words for the whole text, as spaCy's jieba tokenizer gives.

Words enter spaCy's string store, which a long run does not empty: numbers and names
make it grow with the corpus.
Not coarser tokens than characters: two names inside one token would expand to the same
span, and spaCy keeps a span's extension attributes per (start, end), so the second would
overwrite the first's `span._.entity`.

jieba cuts its input at every character outside its word blocks (CJK, Latin letters,
digits and ``+#&._%-``), so segmenting clause by clause gives the tokens of one call on
the whole text. The words tile the text, so the Doc is built from them directly, without
spaCy's alignment pass (`get_words_and_spaces` searches each word in the rest of the text).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Literal, Protocol, get_args

import regex

from . import _spacy  # noqa: F401  # first: spaCy imported without its command line

# isort: split
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import DummyTokenizer, registry
from spacy.vocab import Vocab

from ._jieba import jieba
from .components import handoff

# Clauses: up to a sentence end, a clause mark, a bracket or a quote, none of them characters
# that jieba joins to a word.
_CLAUSE = regex.compile(r"[^。！？!?\n，,；;：:、（）()“”]*(?:[。！？!?\n，,；;：:、（）()“”]|$)")
# A digit or a Chinese numeral (financial and traditional forms too); 首 for 首位.
_CANDIDATE = regex.compile(r"\d|[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟兩萬億首]")


class Spotted(Protocol):
    """A found quantity: its character offsets."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


Segmentation = Literal["characters", "quantity_clauses", "everything"]


def segment(text: str, segmentation: Segmentation = "characters", spotted: Sequence[Spotted] | None = None) -> list[str]:
    """Words that tile `text`, as the module docstring says for each `segmentation`;
    `spotted` are the quantities found (sorted, not overlapping), for ``quantity_clauses``."""
    if segmentation == "everything":
        return jieba.lcut(text)
    if segmentation == "quantity_clauses":
        return _segment_quantity_clauses(text, spotted)
    return list(text)


def _segment_quantity_clauses(text: str, spotted: Sequence[Spotted] | None) -> list[str]:
    """jieba's words in candidate clauses, characters elsewhere. A candidate clause overlaps
    one of `spotted` or, without them, holds a digit or a numeral. Consecutive candidate
    clauses go to jieba in one call: its cost per call is not small."""
    words: list[str] = []
    run_start = None  # start of the current run of candidate clauses
    next_spotted = 0
    for match in _CLAUSE.finditer(text):
        start, end = match.span()
        if start == end:
            continue
        if spotted is None:
            candidate = _CANDIDATE.search(text, start, end) is not None
        else:
            while next_spotted < len(spotted) and spotted[next_spotted].end <= start:
                next_spotted += 1
            candidate = next_spotted < len(spotted) and spotted[next_spotted].start < end
        if candidate:
            if run_start is None:
                run_start = start
            continue
        if run_start is not None:
            words.extend(jieba.lcut(text[run_start:start]))
            run_start = None
        words.extend(text[start:end])
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
    """Characters as tokens, or jieba's words (see the module docstring)."""

    def __init__(self, vocab: Vocab, segmentation: Segmentation = "characters") -> None:
        if segmentation not in get_args(Segmentation):
            choices = ", ".join(get_args(Segmentation))
            raise ValueError(f"segmentation must be one of {choices}, not {segmentation!r}")
        self.vocab = vocab
        self.segmentation = segmentation
        self.spotter: Callable[[str], Sequence[Spotted]] | None = None  # text -> sorted matches

    def __call__(self, text: str) -> Doc:
        spotted = self.spotter(text) if self.spotter is not None and self.segmentation == "quantity_clauses" else None
        words, spaces = words_and_spaces(segment(text, self.segmentation, spotted))
        doc = Doc(self.vocab, words=words, spaces=spaces)
        if spotted is not None:
            handoff.put_spotted(doc, text, spotted)
        return doc

    def initialize(self, get_examples: Callable[[], Iterable[object]] | None = None, **settings: object) -> None:
        """Nothing to train; accepts the settings blank `zh` passes (pkuseg_model …)."""


@registry.tokenizers("policy_extract.ChineseTokenizer.v1")  # type: ignore[untyped-decorator]  # catalogue's, untyped
def create_tokenizer(segmentation: str = "characters") -> Callable[[Language], ChineseTokenizer]:
    def make(nlp: Language) -> ChineseTokenizer:
        return ChineseTokenizer(nlp.vocab, segmentation)  # type: ignore[arg-type]  # checked there

    return make
