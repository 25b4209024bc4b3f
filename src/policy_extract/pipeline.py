"""Build the spaCy pipeline and run it on one text.

The pipeline is a blank ``zh`` Language with our tokenizer (jieba's words on request) and
our four components, in the order the data flows: quantities → times → entities → claims.
jieba's dictionary is loaded all the same: entities and layout repair look words up in it.
"""

from __future__ import annotations

import logging
import marshal
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import cast

from . import _spacy  # noqa: F401  # first: spaCy imported without its command line

# isort: split
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import (
    components,  # noqa: F401 - registers the factories
    tokenizer,  # noqa: F401 - registers policy_extract.ChineseTokenizer.v1
)
from .cache import cache_dir
from .components import handoff
from .components.quantities import QuantitiesComponent
from .extensions import register_extensions, share_text
from .models import Document, DocumentInfo
from .reading import AnalysisText, prepare
from .rule_files import RuleSet, load_rules, pattern_guard
from .times import DocDate
from .tokenizer import ChineseTokenizer

COMPONENTS = (
    "policy_extract_quantities",
    "policy_extract_times",
    "policy_extract_entities",
    "policy_extract_claims",
)


def initialize_jieba() -> None:
    """Load jieba's default dictionary from our cache file in one read.

    jieba's own `initialize` reads its cache with `marshal.load(file)`, thousands of small
    reads (0.6 s); `marshal.loads` on the whole file takes 0.17 s. Its default cache,
    /tmp/jieba.cache, is also shared by every user of the machine (and unreadable to all
    but the first). The file name carries jieba's and marshal's versions.
    """
    from ._jieba import jieba

    segmenter = jieba.dt
    if segmenter.initialized or segmenter.dictionary != jieba.DEFAULT_DICT:
        return
    folder = cache_dir()
    cache = folder / f"jieba-{jieba.__version__}-marshal{marshal.version}.cache"
    try:
        segmenter.FREQ, segmenter.total = marshal.loads(cache.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):  # none yet, or unusable: jieba (re)builds it
        folder.mkdir(parents=True, exist_ok=True)
        segmenter.tmp_dir, segmenter.cache_file = str(folder), cache.name
        segmenter.initialize()
    else:
        segmenter.initialized = True


def load(rules_dirs: Iterable[str] = ()) -> Language:
    """A new pipeline: blank zh + jieba + our components, with the user's rule folders added."""
    register_extensions()
    from ._jieba import jieba

    jieba.setLogLevel(logging.WARNING)  # its dictionary-load chatter is not ours to print
    initialize_jieba()
    # Our tokenizer makes a token of each character (tokenizer.py): no component reads
    # tokens, and jieba's words would cost a fifth of a run.
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "policy_extract.ChineseTokenizer.v1"}}})
    # spaCy's 1,000,000-character guard protects its parser's memory; we run no parser, and
    # the tokenizer and our components are linear in the text.
    nlp.max_length = 10**9
    config = {"rules_dirs": [str(d) for d in rules_dirs]}
    for name in COMPONENTS:
        nlp.add_pipe(name, config=config)
    # Asked for jieba's words where quantities are, the tokenizer finds them first (and hands them on).
    quantities = cast(QuantitiesComponent, nlp.get_pipe("policy_extract_quantities"))
    cast(ChineseTokenizer, nlp.tokenizer).spotter = quantities.find
    return nlp


@lru_cache(maxsize=4)
def shared_pipeline(rules_dirs: tuple[str, ...] = ()) -> Language:
    """One pipeline per rule configuration and process: building it loads jieba and the rules."""
    return load(rules_dirs)


def make_doc(nlp: Language, text: str, date: str | None = None) -> Doc:
    """The doc our components run on, carrying the normalized view of `text` in `doc._.source`.

    A pipeline of our components alone is run for its claims: none of them reads tokens,
    and they write no spans (`handoff.without_spans`), so its doc has no tokens and the
    tokenizer's pass (a tenth of a run) is saved. With a user's component, the doc is
    tokenized and our components write their spans, in case it reads them.
    """
    return _make_doc(nlp, text, date, nlp.pipeline)


_OURS = frozenset(COMPONENTS)


def _ours_alone(pipeline: Iterable[tuple[str, object]]) -> bool:
    """Whether `pipeline` (`nlp.pipeline`: spaCy builds the list anew on each read) holds only our components."""
    return all(name in _OURS for name, _ in pipeline)


def _rules_of(pipeline: Iterable[tuple[str, object]]) -> RuleSet:
    """The rules the text is read with (family `layout`): those of the first of our components
    (a pipeline `load` builds gives them all one set), else ours alone."""
    for _, component in pipeline:
        rules = getattr(component, "rules", None)
        if isinstance(rules, RuleSet):
            return rules
    return load_rules()


def _make_doc(nlp: Language, text: str, date: str | None, pipeline: Sequence[tuple[str, object]]) -> Doc:
    prepared = prepare(text, _rules_of(pipeline))
    if _ours_alone(pipeline):
        doc = Doc(nlp.vocab)
        handoff.without_spans(doc)
    else:
        doc = nlp.make_doc(prepared.text)
    share_text(doc, prepared.text)
    extension = doc._  # spaCy builds an accessor object on each `doc._`
    extension.source = prepared
    extension.date = DocDate(date, "given", None) if date else None
    extension.warnings = []
    return doc


def run(nlp: Language, text: str, date: str | None = None) -> Doc:
    """All components on one text; a rule whose pattern runs out of time is skipped, with a warning."""
    pipeline = nlp.pipeline
    with pattern_guard() as guard:  # the tokenizer may run the quantity rules (its spotter)
        doc = _make_doc(nlp, text, date, pipeline)
        for _, component in pipeline:
            doc = component(doc)
    extension = doc._
    if guard.warnings or extension.warnings is None:
        extension.warnings = [*(extension.warnings or []), *guard.warnings]
    return doc


# A year, a Chinese numeral, a count and a rate: what a first document makes a process load.
WARM_UP_TEXT = "2025年，全市新增企业三十家，增长5%。"


def warm_up(nlp: Language) -> None:
    """Run `nlp` once on a short text, so that what a first document loads (the gazetteer,
    patterns compiled on first use) is loaded now: before forking workers that would each load
    it again, or before timing a steady state. Not cn2an: its text reads only numerals written
    out in full (`numbers.written_out_value`), and cn2an's import waits for a numeral that is
    not, which many corpora never hold (the benchmark loads it apart, `warmed_pipeline`)."""
    run(nlp, WARM_UP_TEXT)


def forget_recurring_pieces() -> None:
    """Empty the caches keyed by pieces of text that recur across documents
    (`claim_fields.RECURRING_PIECE_CACHES`), so the next document is read as new text: a
    benchmark that repeats its corpus calls this at each copy. Output never depends on it."""
    from .claim_fields import RECURRING_PIECE_CACHES

    for cache in RECURRING_PIECE_CACHES:
        cache.cache_clear()


def to_document(doc: Doc, source: str | None = None, encoding: str | None = None) -> Document:
    extension = doc._
    prepared: AnalysisText | None = extension.source
    date: DocDate | None = extension.date
    return Document(
        document=DocumentInfo(
            source=source,
            date=date.value if date else None,
            date_source=date.source if date else None,
            date_evidence=date.evidence if date else None,
            chars=len(prepared.original) if prepared else len(doc.text),
            encoding=encoding,
        ),
        claims=list(extension.claims or []),
        warnings=list(extension.warnings or []),
    )
