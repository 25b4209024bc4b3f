"""The command line: outputs, one-line errors with documented exit codes, nothing lost in batches."""

from __future__ import annotations

import csv
import gc
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from policy_extract import cli
from policy_extract.errors import ExitCode
from policy_extract.pipeline import shared_pipeline

GOOD_TEXT = "2025年，慈溪规上工业总产值突破5400亿元，同比增长8.5%。"


@pytest.fixture
def good_file(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD_TEXT, encoding="utf-8")
    return path


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_run_one_file_prints_one_spec_json_object(capsys, good_file):
    code, out, _ = run_cli(capsys, "run", str(good_file), "--date", "2026-03")
    assert code == ExitCode.OK
    document = json.loads(out)
    assert document["document"]["source"] == str(good_file)
    assert document["document"]["date"] == "2026-03"
    assert document["document"]["date_source"] == "given"
    claim = next(c for c in document["claims"] if c["quantity"] == "5400亿元")
    assert (claim["value"], claim["unit"], claim["comparator"]) == (540000000000, "元", ">")
    assert GOOD_TEXT[claim["span"][0] : claim["span"][1]] == "5400亿元"


def test_run_folder_gives_json_lines_in_sorted_order(capsys, tmp_path):
    for name in ("b.txt", "a.txt", "sub/c.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(GOOD_TEXT, encoding="utf-8")
    (tmp_path / "ignored.md").write_text(GOOD_TEXT, encoding="utf-8")
    code, out, _ = run_cli(capsys, "run", str(tmp_path))
    assert code == ExitCode.OK
    sources = [json.loads(line)["document"]["source"] for line in out.splitlines()]
    assert sources == [str(tmp_path / n) for n in ("a.txt", "b.txt", "sub/c.txt")]


def test_run_reads_standard_input(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GOOD_TEXT.encode("gb18030"))))
    code, out, _ = run_cli(capsys, "run", "-")
    assert code == ExitCode.OK
    assert "5400亿元" in [c["quantity"] for c in json.loads(out)["claims"]]


def test_csv_output_has_a_row_per_claim_and_defuses_formulas(capsys, tmp_path):
    path = tmp_path / "f.txt"
    path.write_text("=cmd|' /C calc'!A0\n" + GOOD_TEXT, encoding="utf-8")
    code, out, _ = run_cli(capsys, "run", str(path), "--format", "csv")
    assert code == ExitCode.OK
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and all(not row["sentence"].startswith("=") for row in rows)
    assert "5400亿元" in [row["quantity"] for row in rows]


def test_csv_cell_escapes_each_formula_prefix():
    assert [cli._csv_cell(v) for v in ("=1+1", "+1", "-1", "@x", "慈溪", 5)] == ["'=1+1", "'+1", "'-1", "'@x", "慈溪", 5]


def test_schema_command_prints_the_output_json_schema(capsys):
    code, out, _ = run_cli(capsys, "schema")
    schema = json.loads(out)
    assert code == ExitCode.OK and "claims" in schema["properties"]


# ------------------------------------------------------------ bad input: one line, documented code

ERROR_CASES = [
    pytest.param(lambda d: str(d / "missing.txt"), "missing.txt", id="missing-file"),
    pytest.param(lambda d: (d / "empty_dir").mkdir() or str(d / "empty_dir"), "no .txt", id="folder-without-txt"),
    pytest.param(lambda d: (d / "bin.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50) and str(d / "bin.txt"), "not text", id="binary"),
    pytest.param(lambda d: (d / "bad.txt").write_bytes(bytes(range(128, 256)) * 20) and str(d / "bad.txt"), "bad.txt", id="undecodable"),
]


@pytest.mark.parametrize(("make", "needle"), ERROR_CASES)
def test_unreadable_input_is_one_line_and_exit_1(capsys, tmp_path, make, needle):
    code, _, err = run_cli(capsys, "run", make(tmp_path))
    assert code == ExitCode.INPUT_FAILED
    assert len(err.strip().splitlines()) == 1 and needle in err and "Traceback" not in err
    assert err.startswith("policy-extract: PE")


def test_permission_denied_is_one_line_and_exit_1(capsys, good_file, monkeypatch):
    def deny(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(good_file))

    monkeypatch.setattr(Path, "read_bytes", deny)
    monkeypatch.setattr("builtins.open", deny)
    code, _, err = run_cli(capsys, "run", str(good_file))
    assert code == ExitCode.INPUT_FAILED
    assert "ermission" in err and len(err.strip().splitlines()) == 1


USAGE_CASES = [
    pytest.param(["--date", "2026-13"], "2026-13", id="bad-month"),
    pytest.param(["--date", "yesterday"], "yesterday", id="bad-date"),
    pytest.param(["--jobs", "0"], "--jobs", id="bad-jobs"),
    pytest.param(["--format", "xml"], "xml", id="bad-format"),
]


@pytest.mark.parametrize(("extra", "needle"), USAGE_CASES)
def test_usage_errors_exit_2(capsys, good_file, extra, needle):
    code, out, err = run_cli(capsys, "run", str(good_file), *extra)
    assert code == ExitCode.USAGE and needle in err and out == ""


def test_bad_rules_folder_lists_every_bad_entry_and_exits_2(capsys, good_file, tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "units.yaml").write_text("version: 1\nrules:\n  - {id: a, bogus: 1}\n  - {id: b, junk: 2}\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "run", str(good_file), "--rules", str(rules))
    assert code == ExitCode.USAGE
    assert "bogus" in err and "junk" in err and len(err.strip().splitlines()) == 1


def test_empty_file_is_valid_output_with_no_claims(capsys, tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    code, out, _ = run_cli(capsys, "run", str(path))
    assert code == ExitCode.OK and json.loads(out)["claims"] == []


def test_text_without_chinese_is_valid_output(capsys, tmp_path):
    path = tmp_path / "english.txt"
    path.write_text("Revenue grew 5% in 2025.\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, "run", str(path))
    assert code == ExitCode.OK and json.loads(out)["document"]["chars"] == 25


def test_one_line_of_5_mb_finishes(capsys, tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(("慈溪规上工业总产值突破5400亿元" + "无标点的长文本" * 20) * 12000, encoding="utf-8")
    assert path.stat().st_size > 5_000_000
    code, out, _ = run_cli(capsys, "run", str(path), "--date", "2026")
    assert code == ExitCode.OK and len(json.loads(out)["claims"]) >= 12000


# ------------------------------------------------------------ batches lose nothing


def test_one_bad_file_in_a_folder_is_skipped_and_the_rest_written(capsys, tmp_path):
    (tmp_path / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00" * 100)
    (tmp_path / "c.txt").write_text(GOOD_TEXT, encoding="utf-8")
    code, out, err = run_cli(capsys, "run", str(tmp_path))
    assert code == ExitCode.INPUT_FAILED
    assert [json.loads(line)["document"]["source"] for line in out.splitlines()] == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "c.txt"),
    ]
    assert "b.txt" in err and len(err.strip().splitlines()) == 1


def test_interrupted_run_leaves_complete_json_lines(capsys, tmp_path, monkeypatch):
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(GOOD_TEXT, encoding="utf-8")
    real = cli._process

    def interrupt_on_b(job, debug=False):
        if job.source.endswith("b.txt"):
            raise KeyboardInterrupt
        return real(job, debug)

    monkeypatch.setattr(cli, "_process", interrupt_on_b)
    out_file = tmp_path / "out.jsonl"
    code, _, err = run_cli(capsys, "run", str(tmp_path), "-o", str(out_file))
    assert code == ExitCode.INTERRUPTED and "interrupted" in err
    lines = out_file.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["document"]["source"] for line in lines] == [str(tmp_path / "a.txt")]


def test_single_document_output_is_written_atomically(capsys, good_file, tmp_path, monkeypatch):
    target = tmp_path / "out.json"
    target.write_text("previous result", encoding="utf-8")

    def fail(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli.Document, "model_dump_json", fail)
    code, _, _ = run_cli(capsys, "run", str(good_file), "-o", str(target))
    assert code == ExitCode.INTERRUPTED
    assert target.read_text(encoding="utf-8") == "previous result"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_resume_skips_documents_already_written_and_cuts_a_torn_line(capsys, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a.txt", "b.txt"):
        (corpus / name).write_text(GOOD_TEXT, encoding="utf-8")
    out_file = tmp_path / "out.jsonl"
    run_cli(capsys, "run", str(corpus / "a.txt"), "--format", "jsonl", "-o", str(out_file))
    with open(out_file, "a", encoding="utf-8") as handle:
        handle.write('{"document": {"source": "torn')
    code, _, _ = run_cli(capsys, "run", str(corpus), "-o", str(out_file), "--resume")
    assert code == ExitCode.OK
    sources = [json.loads(line)["document"]["source"] for line in out_file.read_text(encoding="utf-8").splitlines()]
    assert sources == [str(corpus / "a.txt"), str(corpus / "b.txt")]


def test_progress_is_shown_on_stderr_when_asked(capsys, tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(GOOD_TEXT, encoding="utf-8")
    code, _, err = run_cli(capsys, "run", str(tmp_path), "--progress", "always")
    assert code == ExitCode.OK and "2/2" in err


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv"])
def test_jobs_2_gives_the_same_output_in_input_order(capsys, tmp_path, fmt):
    """Workers render each document in the output format; the parent only writes."""
    texts = [GOOD_TEXT, "2024年，宁波实现地区生产总值1.8万亿元。", GOOD_TEXT.replace("5400", "6100")]
    for index, text in enumerate(texts):
        (tmp_path / f"{index}.txt").write_text(text, encoding="utf-8")
    _, one, _ = run_cli(capsys, "run", str(tmp_path), "--jobs", "1", "--format", fmt)
    _, two, _ = run_cli(capsys, "run", str(tmp_path), "--jobs", "2", "--format", fmt)
    assert one == two
    if fmt == "json":
        sources = [d["document"]["source"] for d in json.loads(one)]
    elif fmt == "jsonl":
        sources = [json.loads(line)["document"]["source"] for line in one.splitlines()]
    else:
        sources = [row[0] for row in list(csv.reader(io.StringIO(one)))[1:]]
    assert [Path(source).name for source in dict.fromkeys(sources)] == ["0.txt", "1.txt", "2.txt"]


def _frozen(obj: object) -> bool:
    """In the permanent generation: tracked, yet not among the objects the collector walks."""
    return gc.is_tracked(obj) and all(candidate is not obj for candidate in gc.get_objects())


@pytest.fixture
def fresh_pipeline():
    """A run that builds its pipeline itself, after anything it froze on the way in."""
    shared_pipeline.cache_clear()
    gc.unfreeze()
    yield
    gc.unfreeze()


@pytest.mark.skipif(sys.platform == "win32", reason="workers are spawned, not forked, there")
def test_the_parent_of_forked_workers_hides_the_pipeline_from_the_collector(capsys, tmp_path, fresh_pipeline):
    """Forked workers share the pipeline's pages until something writes to them: a full
    collection would, in each worker."""
    for index in range(2):
        (tmp_path / f"{index}.txt").write_text(GOOD_TEXT, encoding="utf-8")
    run_cli(capsys, "run", str(tmp_path), "--jobs", "2")
    assert _frozen(cli._WORKER["nlp"])


@pytest.mark.skipif(sys.platform == "win32", reason="workers are spawned, not forked, there")
def test_forked_workers_start_from_a_parent_that_has_read_a_document(tmp_path):
    """What a first document loads (the gazetteer at the first place name: the table of every
    form, and the entities' table filtered from it) is loaded in the parent before it forks, not
    once more in every worker."""
    for index in range(2):
        (tmp_path / f"{index}.txt").write_text(GOOD_TEXT, encoding="utf-8")
    code = (
        "from policy_extract import cli\n"
        "from policy_extract.gazetteer import load_gazetteer\n"
        "seen = []\n"
        "class Spy(cli._QuietPool):\n"
        "    def __init__(self, *args, **kwargs):\n"
        "        seen.append(load_gazetteer.cache_info().currsize == 2)\n"
        "        super().__init__(*args, **kwargs)\n"
        "cli._QuietPool = Spy\n"
        "assert load_gazetteer.cache_info().currsize == 0\n"
        f"jobs = [cli.Job({str(tmp_path / '0.txt')!r}), cli.Job({str(tmp_path / '1.txt')!r})]\n"
        "outcomes = list(cli._outcomes(jobs, 2, None, (), False))\n"
        "print(seen, [o.error for o in outcomes])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[True] [None, None]"


def test_a_run_hides_what_lives_until_exit_from_the_collector(capsys, good_file, fresh_pipeline, monkeypatch):
    """spaCy, our modules and the pipeline live until the process ends: the full collection
    that loading the rules triggers and the one at exit would walk them all for nothing (0.1 s
    of a run on one article)."""
    validate = cli._validate_rules
    frozen_before_the_rules = []

    def validating(rules):
        frozen_before_the_rules.append(_frozen(cli.main))
        return validate(rules)

    monkeypatch.setattr(cli, "_validate_rules", validating)
    run_cli(capsys, "run", str(good_file))
    assert frozen_before_the_rules == [True]
    assert _frozen(cli._WORKER["nlp"])


def _large_result(index: int) -> str:
    return str(index % 10) * 1_000_000


@pytest.mark.skipif(sys.platform == "win32", reason="workers are spawned, not forked, there")
def test_the_pool_keeper_does_not_wake_for_results_waiting_in_the_pipe(monkeypatch):
    """CPython's Pool wakes its worker-keeping thread while any result waits unread, which
    spins it through megabytes of results, on the parent's core, while the workers run."""
    pool_class = cli.multiprocessing.pool.Pool
    wait = pool_class._wait_for_updates
    wakes = []

    def counted_wait(sentinels, change_notifier, timeout=None):
        wakes.append(1)
        wait(sentinels, change_notifier, timeout)

    monkeypatch.setattr(pool_class, "_wait_for_updates", staticmethod(counted_wait))
    with cli._QuietPool(2, context=cli.multiprocessing.get_context("fork")) as pool:
        results = list(pool.imap(_large_result, range(20)))
    assert results == [str(index % 10) * 1_000_000 for index in range(20)]
    assert len(wakes) < 10


def test_the_installed_entry_point_prints_no_traceback(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "policy_extract.cli", "run", str(tmp_path / "nope.txt")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == ExitCode.INPUT_FAILED
    assert "Traceback" not in result.stderr and "nope.txt" in result.stderr


def test_run_does_not_import_the_scorer(good_file):
    """`eval`'s arguments live in the CLI; its module (pydantic models, patterns) loads only for `eval`."""
    code = (
        "import sys\n"
        "from policy_extract import cli\n"
        f"assert cli.main(['run', {str(good_file)!r}]) == 0\n"
        "print('policy_extract.evaluate' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False"
