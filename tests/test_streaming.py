"""Large files block by block: the same text, the same claims, spans into the whole file, bounded time."""

from __future__ import annotations

import io
import json
import signal
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import policy_extract
from policy_extract import cli, streaming
from policy_extract.errors import DecodeError, ExitCode, NotTextError
from policy_extract.streaming import BlockReader, block_end, extract_streamed

PARAGRAPH = "2025年，慈溪规上工业总产值突破5400亿元，同比增长8.5%，新增省级专精特新企业37家。\n"
TEXT = "慈溪经济运行情况\n" + PARAGRAPH * 12 + "全年完成固定资产投资约320亿元。\n"


def _write(folder: Path, text: str, encoding: str = "utf-8", name: str = "big.txt") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.fixture
def small_chunks(monkeypatch):
    """Sniff and read a few bytes at a time, so that chunks end inside multi-byte characters."""
    monkeypatch.setattr(streaming, "SNIFF_BYTES", 64)
    monkeypatch.setattr(streaming, "READ_BYTES", 7)


# ------------------------------------------------------------------ reading blocks

ENCODINGS = [
    pytest.param("utf-8", "utf-8", id="utf-8"),
    pytest.param("utf-8-sig", "utf-8-sig", id="utf-8-bom"),
    pytest.param("gb18030", "gb18030", id="gb18030"),
    pytest.param("utf-16", "utf-16", id="utf-16-bom"),
]


@pytest.mark.parametrize(("encoding", "expected"), ENCODINGS)
def test_blocks_join_to_the_decoded_file(tmp_path, small_chunks, encoding, expected):
    reader = BlockReader(_write(tmp_path, TEXT, encoding), block_chars=100)
    blocks = list(reader)
    assert "".join(block.text for block in blocks) == TEXT
    assert (reader.encoding, reader.chars) == (expected, len(TEXT))


def test_block_offsets_index_the_decoded_file(tmp_path, small_chunks):
    blocks = list(BlockReader(_write(tmp_path, TEXT), block_chars=100))
    assert [block.offset for block in blocks] == [sum(len(b.text) for b in blocks[:i]) for i in range(len(blocks))]


def test_blocks_hold_whole_paragraphs_when_they_fit(tmp_path):
    blocks = list(BlockReader(_write(tmp_path, TEXT), block_chars=100))
    assert all(block.text.endswith("\n") for block in blocks)
    assert max(len(block.text) for block in blocks) <= 100


def test_an_empty_file_is_one_empty_block(tmp_path):
    assert [(b.offset, b.text) for b in BlockReader(_write(tmp_path, ""))] == [(0, "")]


def test_an_undecodable_byte_after_the_sniffed_head_is_a_decode_error(tmp_path, small_chunks):
    path = tmp_path / "bad.txt"
    path.write_bytes(TEXT.encode("utf-8") + b"\xff\xfe\xfa" + b"tail")
    with pytest.raises(DecodeError, match=r"bad.txt: not valid utf-8 near byte \d+"):
        list(BlockReader(path, block_chars=100))


def test_binary_head_is_not_text(tmp_path):
    path = tmp_path / "bin.txt"
    path.write_bytes(b"\x00\x01PK" * 100)
    with pytest.raises(NotTextError):
        list(BlockReader(path))


CUTS = [
    pytest.param("一二\n三四五六", 5, 3, id="after-the-last-line-break"),
    pytest.param("增长5%。产值提高了很多很多", 10, 5, id="at-a-sentence-end"),
    pytest.param("增长5%。”产值提高了很多很多", 10, 6, id="sentence-end-keeps-its-quote"),
    pytest.param("产值5400亿元无标点的长文本继续", 14, 14, id="after-a-run-without-numerals"),
    pytest.param("无标文本继续延续至产值5400亿元增长", 16, 8, id="not-inside-a-quantity"),
    pytest.param("1234567890123", 6, 6, id="anywhere-in-digits"),
    pytest.param("1234\r\n", 5, 4, id="never-inside-crlf"),
]


@pytest.mark.parametrize(("text", "limit", "expected"), CUTS)
def test_block_end(text, limit, expected):
    assert block_end(text, limit) == expected


@given(text=st.text(alphabet=st.sampled_from(list("ab1。\n\r年亿")), max_size=300), limit=st.integers(2, 40))
def test_any_text_is_cut_into_blocks_that_join_to_it(tmp_path_factory, text, limit):
    path = _write(tmp_path_factory.mktemp("blocks"), text)
    blocks = list(BlockReader(path, block_chars=limit))
    assert "".join(block.text for block in blocks) == text
    assert all(len(block.text) <= limit for block in blocks)


# ------------------------------------------------------------------ claims


def _claims(document_json: str) -> list[tuple]:
    return [(c["id"], c["quantity"], tuple(c["span"]), c["value"], tuple(c["period"])) for c in json.loads(document_json)["claims"]]


def test_streamed_claims_equal_whole_text_claims_with_spans_into_the_file(tmp_path):
    text = TEXT.replace("\n", "\r\n")  # CRLF: offsets count both characters
    streamed = extract_streamed(_write(tmp_path, text), "2026-03", block_chars=120)
    out = io.StringIO()
    streamed.write_json(out)
    streamed.discard()
    assert _claims(out.getvalue()) == _claims(policy_extract.extract(text, "2026-03").model_dump_json())


def test_streamed_json_is_the_document_json(tmp_path):
    path = _write(tmp_path, TEXT, "gb18030")
    streamed = extract_streamed(path, "2026-03")
    out = io.StringIO()
    streamed.write_json(out)
    streamed.discard()
    whole = policy_extract.extract_file(path, "2026-03")
    assert out.getvalue() == whole.model_dump_json()


def test_indented_streamed_json_parses_to_the_same_document(tmp_path):
    streamed = extract_streamed(_write(tmp_path, TEXT), "2026-03", block_chars=120)
    flat, indented = io.StringIO(), io.StringIO()
    streamed.write_json(flat)
    streamed.write_json(indented, indent=True)
    streamed.discard()
    assert json.loads(indented.getvalue()) == json.loads(flat.getvalue())


def test_the_inferred_date_carries_over_to_later_blocks(tmp_path):
    dateline = "政府工作报告\n（2025年1月20日在慈溪市第十七届人民代表大会第五次会议上）\n"
    later = "今年，全市地区生产总值增长6%。\n"
    streamed = extract_streamed(_write(tmp_path, dateline + "各位代表：\n" * 20 + later), block_chars=60)
    claims = list(streamed.claims())
    streamed.discard()
    assert (streamed.info.date, streamed.info.date_source) == ("2025-01-20", "inferred")
    assert [(c.quantity, c.period) for c in claims] == [("6%", ("2025", "2025"))]


def test_the_claims_file_is_removed_when_extraction_fails(tmp_path, monkeypatch):
    path = tmp_path / "bad.txt"
    path.write_bytes(TEXT.encode("utf-8") * 3 + b"\xff")
    monkeypatch.setattr(streaming, "SNIFF_BYTES", 64)
    with pytest.raises(DecodeError):
        extract_streamed(path, "2026", spool_dir=tmp_path, block_chars=100)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt"]


# ------------------------------------------------------------------ the CLI streams large files

FORMATS = [pytest.param(fmt, id=fmt) for fmt in ("json", "jsonl", "csv")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_output_of_a_streamed_file_is_the_same(capsys, tmp_path, monkeypatch, fmt):
    path = _write(tmp_path, TEXT)
    argv = ["run", str(path), "--date", "2026-03", "--format", fmt]
    assert cli.main(argv) == ExitCode.OK
    whole = capsys.readouterr().out
    monkeypatch.setattr(streaming, "STREAM_THRESHOLD", 100)
    monkeypatch.setattr(streaming, "BLOCK_CHARS", 120)
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    assert cli.main(argv) == ExitCode.OK
    streamed = capsys.readouterr().out
    assert (json.loads(streamed) if fmt == "json" else streamed) == (json.loads(whole) if fmt == "json" else whole)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.txt"]  # no claims file left behind


def test_cli_writes_a_json_array_mixing_streamed_and_whole_documents(capsys, tmp_path, monkeypatch):
    big = _write(tmp_path, TEXT)
    small = _write(tmp_path, PARAGRAPH, name="small.txt")
    monkeypatch.setattr(streaming, "STREAM_THRESHOLD", 1000)
    assert cli.main(["run", str(big), str(small), "--format", "json", "--date", "2026"]) == ExitCode.OK
    documents = json.loads(capsys.readouterr().out)
    assert [(d["document"]["source"], len(d["claims"])) for d in documents] == [(str(big), 37), (str(small), 3)]


# ------------------------------------------------------------------ pathological paragraphs


@pytest.fixture
def budget():
    """Fail (instead of hanging) a run that takes longer than `seconds`; return the time it took."""
    if not hasattr(signal, "SIGALRM"):
        pytest.skip("needs SIGALRM")

    class OverBudget(Exception):
        pass

    def ring(*_):
        raise OverBudget

    previous = signal.signal(signal.SIGALRM, ring)

    def timed(seconds: float, action) -> float:
        started = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            action()
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        return time.perf_counter() - started

    yield timed
    signal.signal(signal.SIGALRM, previous)


PATHOLOGICAL = [
    pytest.param(("产业发展园区建设" * 12500) + "\n", id="100k-chars-without-punctuation"),
    pytest.param(("1234567890" * 10000) + "\n", id="100k-digits"),
]


@pytest.mark.parametrize("text", PATHOLOGICAL)
def test_pathological_paragraph_finishes_in_bounded_time(tmp_path, budget, text):
    path = _write(tmp_path, text)
    seconds = budget(30, lambda: extract_streamed(path, "2026", spool_dir=tmp_path).discard())
    assert seconds < 30
