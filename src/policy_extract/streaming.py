"""Large files, block by block: memory bounded by the largest block, not by the file.

`BlockReader` reads a file in chunks, takes the encoding from its first bytes (by
`reading.read_bytes`'s rules), decodes incrementally and cuts the text into blocks of
whole paragraphs (lines) of at most `BLOCK_CHARS` characters. A paragraph longer than
that is cut at its last sentence end, else after a run of characters with no numeral
(so that a quantity is rarely cut in two), else anywhere.

`extract_streamed` runs the pipeline block by block. The document's date is carried
over: the given one, else the first one inferred (from the first block, normally,
where titles and datelines are). Each claim's span and id are shifted by its block's
offset, so spans index the whole decoded file, and the claims wait in a temporary
file, one JSON object per line, until the document is written: the text is never
held, and the claims are not held in memory either.

What blocks cost (docs/robustness.md): a title's period governs only its own block,
repeated paragraphs are marked `duplicate_of` only within a block, and a paragraph
longer than a block loses the context across its cut.
"""

from __future__ import annotations

import codecs
import json
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

import regex

from .errors import DecodeError, InputError
from .models import Claim, DocumentInfo
from .reading import read_bytes

if TYPE_CHECKING:
    from spacy.language import Language

    from .times import DocDate

STREAM_THRESHOLD = 5 * 1024 * 1024  # bytes: `policy-extract run` streams larger files
BLOCK_CHARS = 200_000  # characters per block, at most
SNIFF_BYTES = 64 * 1024  # the encoding is decided on this many first bytes
READ_BYTES = 1024 * 1024

_SENTENCE_END = regex.compile(r"[。！？!?][”’」』）)]*")
_NUMERAL = r"\d０-９零〇一二两三四五六七八九十百千万亿点.．,，%％"
_NUMERAL_FREE = regex.compile(rf"[^{_NUMERAL}]{{8}}")
_CUT_WINDOW = 2000  # how far back from the block limit a cut point is looked for


@dataclass(frozen=True)
class Block:
    offset: int  # of text[0] in the decoded file
    text: str


def sniff_encoding(head: bytes, name: str, complete: bool) -> str:
    """The encoding of a file from its first bytes; `complete` says they are the whole file.

    A window that ends inside a multi-byte character is shortened to the character
    boundary first (else a UTF-8 file would be sent to detection, which may guess GBK).
    """
    if not complete:
        pending = codecs.getincrementaldecoder("utf-8")()
        try:
            pending.decode(head)
            head = head[: len(head) - len(pending.getstate()[0])]
        except UnicodeDecodeError:
            pass
    cuts = (0,) if complete else (0, 1, 2, 3)  # GB18030 and UTF-16/32 cut mid-character
    for cut in cuts:
        try:
            return read_bytes(head[: len(head) - cut], name).encoding
        except DecodeError:
            if cut == cuts[-1]:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def block_end(text: str, limit: int) -> int:
    """Where the first block of `text` ends (`len(text) > limit`): see the module docstring."""
    line = text.rfind("\n", 0, limit)
    if line >= 0:
        return line + 1
    ends = [match.end() for match in _SENTENCE_END.finditer(text, 0, limit)]
    if ends:
        return ends[-1]
    runs = [match.end() for match in _NUMERAL_FREE.finditer(text, max(0, limit - _CUT_WINDOW), limit)]
    if runs:
        return runs[-1]
    return limit - 1 if limit > 1 and text[limit - 1] == "\r" else limit


@dataclass
class BlockReader:
    """The decoded text of a file, as blocks; `encoding` is known after the first block, `chars` at the end."""

    path: Path
    block_chars: int = BLOCK_CHARS
    encoding: str | None = None
    chars: int = 0

    def __iter__(self) -> Iterator[Block]:
        name = str(self.path)
        try:
            handle = open(self.path, "rb")  # noqa: SIM115  # read block by block, closed below
        except FileNotFoundError:
            raise InputError(f"{name}: no such file") from None
        except OSError as error:
            raise InputError(f"{name}: cannot read ({error.strerror or error})") from None
        with handle:
            data = handle.read(SNIFF_BYTES)
            self.encoding = sniff_encoding(data, name, complete=len(data) < SNIFF_BYTES)
            yield from self._blocks(self._decoded(handle, data, name))

    def _decoded(self, handle: IO[bytes], data: bytes, name: str) -> Iterator[str]:
        assert self.encoding is not None
        decoder = codecs.getincrementaldecoder(self.encoding)()
        consumed = 0
        while True:
            try:
                yield decoder.decode(data, final=not data)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"{name}: not valid {self.encoding} near byte {consumed + exc.start}") from None
            if not data:
                return
            consumed += len(data)
            data = handle.read(READ_BYTES)

    def _blocks(self, pieces: Iterable[str]) -> Iterator[Block]:
        buffer, offset = "", 0
        for piece in pieces:
            buffer += piece
            while len(buffer) > self.block_chars:
                cut = block_end(buffer, self.block_chars)
                yield Block(offset, buffer[:cut])
                offset, buffer = offset + cut, buffer[cut:]
        if buffer or not offset:
            yield Block(offset, buffer)
        self.chars = offset + len(buffer)


@dataclass
class StreamedDocument:
    """A document extracted block by block: its claims wait, one JSON per line, in `claims_file`."""

    info: DocumentInfo
    claims_file: Path
    claim_count: int = 0
    warnings: list[str] = field(default_factory=list)

    def claims(self) -> Iterator[Claim]:
        with open(self.claims_file, encoding="utf-8") as handle:
            for line in handle:
                yield Claim.model_validate_json(line)

    def write_json(self, stream: IO[str], indent: bool = False) -> None:
        """The document as one JSON object (as `Document.model_dump_json()` writes it), claim by claim.

        With `indent`, the frame is indented and each claim is one line.
        """
        newline, pad = ("\n", "  ") if indent else ("", "")
        colon = ": " if indent else ":"
        stream.write(f"{{{newline}{pad}\"document\"{colon}{self.info.model_dump_json()},")
        stream.write(f"{newline}{pad}\"claims\"{colon}[")
        with open(self.claims_file, encoding="utf-8") as handle:
            for index, line in enumerate(handle):
                stream.write(("," if index else "") + newline + pad * 2 + line.rstrip("\n"))
        stream.write(f"{newline}{pad if self.claim_count else ''}],{newline}{pad}\"warnings\"{colon}")
        stream.write(json.dumps(self.warnings, ensure_ascii=False, separators=(",", colon)) + newline + "}")

    def discard(self) -> None:
        self.claims_file.unlink(missing_ok=True)


def _shifted(claim: Claim, offset: int, first_id: int) -> Claim:
    return claim.model_copy(
        update={
            "id": claim.id + first_id,
            "span": (claim.span[0] + offset, claim.span[1] + offset),
            "duplicate_of": None if claim.duplicate_of is None else claim.duplicate_of + first_id,
        }
    )


def extract_streamed(
    path: str | Path,
    date: str | None = None,
    *,
    nlp: Language | None = None,
    rules_dirs: Iterable[str | Path] = (),
    block_chars: int = BLOCK_CHARS,
    spool_dir: str | Path | None = None,
) -> StreamedDocument:
    """Extract a file of any size block by block; the caller writes and then `discard()`s the result."""
    from .pipeline import run, shared_pipeline
    from .times import DocDate, parse_date_option

    doc_date: DocDate | None = DocDate(parse_date_option(date), "given") if date else None
    pipeline = nlp or shared_pipeline(tuple(str(d) for d in rules_dirs))
    reader = BlockReader(Path(path), block_chars)
    warnings: dict[str, None] = {}
    count = 0
    spool = tempfile.NamedTemporaryFile(  # noqa: SIM115  # outlives this block: closed before it is read back
        "w", encoding="utf-8", dir=spool_dir, prefix="policy-extract-", suffix=".claims.jsonl", delete=False
    )
    claims_file = Path(spool.name)
    try:
        with spool:
            for block in reader:
                doc = run(pipeline, block.text, doc_date.value if doc_date else None)
                if doc_date is None and doc._.date is not None:
                    doc_date = doc._.date
                claims = doc._.claims or []
                for claim in claims:
                    spool.write(_shifted(claim, block.offset, count).model_dump_json() + "\n")
                count += len(claims)
                warnings.update(dict.fromkeys(doc._.warnings or []))
    except BaseException:
        claims_file.unlink(missing_ok=True)
        raise
    info = DocumentInfo(
        source=str(path),
        date=doc_date.value if doc_date else None,
        date_source=doc_date.source if doc_date else None,
        date_evidence=doc_date.evidence if doc_date else None,
        chars=reader.chars,
        encoding=reader.encoding,
    )
    return StreamedDocument(info, claims_file, count, list(warnings))
