"""The command line: a thin layer over `policy_extract.extract` and `evaluate`.

Exit codes (also in the README): 0 all inputs processed; 1 some inputs could
not be read (the others were written); 2 usage error (bad option, --date or
--rules); 3 `eval --baseline` found a drop; 130 interrupted. Errors are one
line on standard error (``policy-extract: PE002 a.bin: not text …``); `--debug`
shows the traceback instead.
"""

from __future__ import annotations

import argparse
import csv
import gc
import io
import json
import multiprocessing.pool
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .errors import ExitCode, InputError, PolicyExtractError, UsageError
from .models import CLAIM_COLUMNS, FREE_TEXT_COLUMNS, Claim, Document, claim_row

if TYPE_CHECKING:
    from .streaming import StreamedDocument

PROG = "policy-extract"
STDIN = "-"


def _error_line(message: str) -> None:
    print(f"{PROG}: {' '.join(message.split())}", file=sys.stderr)


# ---------------------------------------------------------------- inputs


@dataclass(frozen=True)
class Job:
    """One document to process: a path, or standard input."""

    source: str


def expand_inputs(inputs: Sequence[str]) -> tuple[list[Job], list[str]]:
    """Files as given, folders as their *.txt files (recursively, sorted); problems listed apart."""
    jobs: list[Job] = []
    problems: list[str] = []
    for item in inputs:
        path = Path(item)
        if item == STDIN:
            jobs.append(Job(STDIN))
        elif path.is_dir():
            found = sorted(p for p in path.rglob("*.txt") if p.is_file())
            if not found:
                problems.append(f"PE004 {item}: folder holds no .txt files")
            jobs.extend(Job(str(p)) for p in found)
        else:
            jobs.append(Job(item))  # missing/unreadable files fail when read, with their reason
    return jobs, problems


# ---------------------------------------------------------------- workers


@dataclass(frozen=True)
class Outcome:
    source: str
    document: Document | None = None
    error: str | None = None
    streamed: StreamedDocument | None = None  # a large file, extracted block by block
    rendered: str | None = None  # the document in the run's output format, written by the worker


_WORKER: dict[str, object] = {}


def _init_worker(date: str | None, rules_dirs: tuple[str, ...], fmt: str | None = None) -> None:
    """Build the pipeline once per process (once in total with --jobs 1).

    `fmt`: workers render each document in the output format themselves, so the parent of a
    --jobs run only writes. Unpickling the models there instead cost 0.56 s of CPU on 2 MB
    (1,036 documents), serial work taking a core from the workers.
    """
    from .pipeline import shared_pipeline

    _WORKER["nlp"] = shared_pipeline(rules_dirs)
    _WORKER["date"] = date
    _WORKER["fmt"] = fmt


def render(document: Document, fmt: str) -> str:
    """A document as the output format writes it: one JSON line, indented JSON, or CSV rows."""
    if fmt == "jsonl":
        return document.model_dump_json()
    if fmt == "json":
        return document.model_dump_json(indent=2)
    rows = io.StringIO()
    csv.writer(rows).writerows(csv_rows(document))
    return rows.getvalue()


def _is_large(source: str) -> bool:
    from . import streaming

    try:
        return source != STDIN and Path(source).stat().st_size > streaming.STREAM_THRESHOLD
    except OSError:
        return False  # reading it reports why


def _process(job: Job, debug: bool = False) -> Outcome:
    from .pipeline import run, to_document
    from .reading import read_bytes, read_path
    from .streaming import extract_streamed

    try:
        if _is_large(job.source):
            streamed = extract_streamed(job.source, _WORKER["date"], nlp=_WORKER["nlp"])  # type: ignore[arg-type]
            return Outcome(job.source, streamed=streamed)
        if job.source == STDIN:
            source = read_bytes(sys.stdin.buffer.read(), "<stdin>")
        else:
            source = read_path(job.source)
        doc = run(_WORKER["nlp"], source.text, _WORKER["date"])  # type: ignore[arg-type]
        document = to_document(doc, source=job.source, encoding=source.encoding)
        if _WORKER.get("fmt"):
            return Outcome(job.source, rendered=render(document, _WORKER["fmt"]))  # type: ignore[arg-type]
        return Outcome(job.source, document)
    except PolicyExtractError as exc:
        if debug:
            raise
        return Outcome(job.source, error=exc.one_line())
    except Exception as exc:  # a bug on one document must not lose the others
        if debug:
            raise
        return Outcome(job.source, error=_internal_error(job.source, exc))


def _internal_error(source: str, exc: Exception) -> str:
    return f"PE099 {source}: internal error: {type(exc).__name__}: {exc}"


def _cluster_outcomes(jobs: list[Job], scheduler: str, date: str | None, rules: tuple[str, ...], debug: bool) -> Iterator[Outcome]:
    """--scheduler: the documents computed on a Dask cluster, in input order."""
    if any(job.source == STDIN for job in jobs):
        raise UsageError("--scheduler reads files, not standard input")
    try:
        from .dask import run_files_on_cluster
    except ImportError as exc:
        raise UsageError(str(exc)) from exc
    failed: list[Outcome] = []

    def note(source: str, exc: Exception) -> None:
        if debug:
            raise exc
        message = exc.one_line() if isinstance(exc, PolicyExtractError) else _internal_error(source, exc)
        failed.append(Outcome(source, error=message))

    sources = [job.source for job in jobs]
    for document in run_files_on_cluster(sources, scheduler, date, rules, on_error=note):
        yield from failed  # errors come in order: before the document that follows them
        failed.clear()
        yield Outcome(document.document.source or "", document)
    yield from failed


class _QuietPool(multiprocessing.pool.Pool):
    """A Pool whose worker-keeping thread sleeps until a worker exits or the pool changes state.

    CPython's also wakes on the results' pipe, and so spins for as long as a result waits
    there unread, taking the GIL and a core from the workers (--jobs 2 on 2 MB: 8,300 turns,
    0.3 s of the parent's CPU). The cache's emptying, the one event it needs from results,
    reaches it through the change notifier.
    """

    def _get_sentinels(self) -> list[Any]:
        return [self._change_notifier._reader]  # type: ignore[attr-defined]  # Pool's own, untyped


def _outcomes(
    jobs: list[Job],
    workers: int,
    date: str | None,
    rules: tuple[str, ...],
    debug: bool,
    scheduler: str | None = None,
    fmt: str | None = None,
) -> Iterator[Outcome]:
    if scheduler:
        yield from _cluster_outcomes(jobs, scheduler, date, rules, debug)
        return
    if workers <= 1 or len(jobs) <= 1:
        _init_worker(date, rules, fmt)
        gc.freeze()  # the pipeline lives until exit (see cmd_run)
        for job in jobs:
            yield _process(job, debug)
        return
    context = multiprocessing.get_context("spawn" if sys.platform == "win32" else "fork")
    if context.get_start_method() == "fork":
        from .pipeline import warm_up

        _init_worker(date, rules)  # built once here; forked workers inherit it (and share its pages)
        warm_up(_WORKER["nlp"])  # type: ignore[arg-type]  # what a first document loads, loaded once
        # Out of the collector's sight: a worker's full collection would write to every object
        # of the pipeline and so copy its pages (--jobs 2 on 2 MB: 5.0 -> 4.5 s).
        gc.freeze()
    # a few documents per task: fewer round trips, while the first results still come early
    chunk = max(1, min(8, len(jobs) // (workers * 16)))
    with _QuietPool(workers, _init_worker, (date, rules, fmt), context=context) as pool:
        yield from pool.imap(_process, jobs, chunksize=chunk)  # imap keeps the input order


# ---------------------------------------------------------------- output

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: object) -> object:
    """Neutralize spreadsheet formula injection in text cells (=cmd|…, +, -, @)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_rows(document: Document) -> Iterable[list[object]]:
    return claim_rows(document.document.source, document.claims)


def claim_rows(source: str | None, claims: Iterable[Claim]) -> Iterable[list[object]]:
    free_text = [column in FREE_TEXT_COLUMNS for column in CLAIM_COLUMNS]
    for claim in claims:
        yield [_csv_cell(cell) if text else cell for cell, text in zip(claim_row(source, claim), free_text)]


def _resume_sources(path: Path) -> set[str]:
    """Sources already complete in a JSON Lines output; a torn last line is cut off."""
    if not path.exists():
        return set()
    data = path.read_bytes()
    complete = data[: data.rfind(b"\n") + 1]
    if len(complete) != len(data):
        with open(path, "r+b") as handle:
            handle.truncate(len(complete))
    done = set()
    for line in complete.decode("utf-8").splitlines():
        try:
            done.add(json.loads(line)["document"]["source"])
        except (ValueError, KeyError, TypeError):
            continue
    return done


class _AtomicFile:
    """Write to a temporary file beside the target and rename it into place on success."""

    def __init__(self, target: Path):
        self.target = target
        handle, self.temp = tempfile.mkstemp(dir=target.parent or ".", prefix=f".{target.name}.", suffix=".tmp")
        self.stream: IO[str] = os.fdopen(handle, "w", encoding="utf-8", newline="")

    def commit(self) -> None:
        self.stream.close()
        os.replace(self.temp, self.target)

    def abandon(self) -> None:
        self.stream.close()
        Path(self.temp).unlink(missing_ok=True)


# ---------------------------------------------------------------- commands


def _validate_rules(rules: Sequence[str]) -> tuple[str, ...]:
    from .rule_files import load_rules

    dirs = tuple(str(Path(d)) for d in rules)
    load_rules(dirs)  # raises RulesError listing every bad entry
    return dirs


# The collector's young-generation threshold in a run (Python's default is 700). A document's
# pieces are freed by reference counting, few of them in cycles, yet the count of containers
# made and not yet freed passes 700 inside most documents: 240 collections of the young
# generation and 21 of the middle one per 2 MB (628 documents), 2 % of a run's CPU, that
# freed nothing (no cyclic garbage). At 10,000 the same run collects twice.
YOUNG_THRESHOLD = 10_000


def collect_rarely() -> None:
    """Raise the collector's young threshold for the rest of the process (a command's, never the
    library's: a program that embeds the pipeline chooses its own; the benchmark does as `run` does)."""
    gc.set_threshold(YOUNG_THRESHOLD, *gc.get_threshold()[1:])


def cmd_run(args: argparse.Namespace) -> int:
    from .times import parse_date_option

    # What is loaded by now (spaCy, our modules) and the pipeline built next live until the
    # process ends: frozen, out of the collector's sight, they are walked neither by the full
    # collection that loading the rules triggers nor by the one at exit (0.05 and 0.06 s of
    # a run on one article).
    gc.freeze()
    collect_rarely()  # forked workers inherit it

    date = parse_date_option(args.date) if args.date else None
    rules = _validate_rules(args.rules)
    jobs, problems = expand_inputs(args.inputs)
    for problem in problems:
        _error_line(problem)
    fmt = args.format
    if fmt == "auto":
        single = len(args.inputs) == 1 and len(jobs) == 1 and not Path(args.inputs[0]).is_dir()
        fmt = "json" if single else "jsonl"
    output = Path(args.output) if args.output else None
    if args.resume and (fmt != "jsonl" or output is None):
        raise UsageError("--resume needs JSON Lines written to a file (-o FILE, --format jsonl)")
    if args.resume:
        done = _resume_sources(output)  # type: ignore[arg-type]
        jobs = [job for job in jobs if job.source not in done]

    atomic: _AtomicFile | None = None
    if output is None:
        stream: IO[str] = sys.stdout
    elif fmt == "jsonl":
        stream = open(output, "a" if args.resume else "w", encoding="utf-8")  # noqa: SIM115  # closed after the run
    else:
        atomic = _AtomicFile(output)
        stream = atomic.stream

    progress = None
    show = args.progress == "always" or (args.progress == "auto" and len(jobs) > 1 and sys.stderr.isatty())
    if show:
        from tqdm import tqdm

        progress = tqdm(total=len(jobs), unit="doc", file=sys.stderr, disable=False)

    failures = len(problems)
    collected: list[str | StreamedDocument] = []  # str: a document rendered
    writer = csv.writer(stream) if fmt == "csv" else None
    if writer:
        writer.writerow(CLAIM_COLUMNS)
    try:
        for outcome in _outcomes(jobs, args.jobs, date, rules, args.debug, args.scheduler, fmt):
            if progress:
                progress.update(1)
            if outcome.error:
                failures += 1
                _error_line(outcome.error)
                continue
            rendered = outcome.rendered
            if rendered is None and outcome.document is not None:
                rendered = render(outcome.document, fmt)  # a Dask cluster's document, rendered here
            if rendered is not None:
                if fmt == "json":
                    collected.append(rendered)
                    continue
                stream.write(rendered)
                if fmt == "jsonl":
                    stream.write("\n")
                    stream.flush()  # an interrupted run leaves complete lines only
                continue
            streamed = outcome.streamed
            assert streamed is not None
            if fmt == "json":
                collected.append(streamed)
                continue
            try:
                if fmt == "jsonl":
                    _write_json(stream, streamed)
                    stream.write("\n")
                    stream.flush()  # an interrupted run leaves complete lines only
                else:
                    writer.writerows(claim_rows(streamed.info.source, streamed.claims()))  # type: ignore[union-attr]
            finally:
                _discard(streamed)
        if fmt == "json":
            if len(collected) == 1 and len(jobs) == 1:
                _write_json(stream, collected[0], indent=True)
            else:
                stream.write("[")
                for index, document in enumerate(collected):
                    stream.write(",\n" if index else "\n")
                    _write_json(stream, document, indent=True)
                stream.write("\n]" if collected else "]")
            stream.write("\n")
    except BaseException:
        if atomic:
            atomic.abandon()
        elif stream is not sys.stdout:
            stream.close()  # an interrupted JSON Lines file keeps its complete lines
        raise
    finally:
        if progress:
            progress.close()
        for document in collected:
            _discard(document)
    if atomic:
        atomic.commit()
    elif stream is not sys.stdout:
        stream.close()
    return ExitCode.INPUT_FAILED if failures else ExitCode.OK


def _write_json(stream: IO[str], document: str | StreamedDocument, indent: bool = False) -> None:
    if isinstance(document, str):
        stream.write(document)  # rendered already, indented as the format asks
    else:
        document.write_json(stream, indent=indent)


def _discard(document: str | StreamedDocument) -> None:
    """A streamed document's claims wait in a temporary file: delete it once written."""
    if not isinstance(document, str):
        document.discard()


def cmd_schema(args: argparse.Namespace) -> int:
    print(json.dumps(Document.model_json_schema(), ensure_ascii=False, indent=2))
    return ExitCode.OK


def add_eval_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of `policy-extract eval`; here, so that `run` never imports the scorer."""
    parser.add_argument("corpus", nargs="?", default="corpora", type=Path,
                        help="a document or a folder of documents (default: corpora/)")
    parser.add_argument("gold", nargs="?", default="gold", type=Path,
                        help="a gold file or a folder of them (default: gold/)")
    parser.add_argument("--errors", action="store_true",
                        help="list every miss, spurious claim and wrong field")
    parser.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    parser.add_argument("--pred", type=Path, metavar="FILE",
                        help="score a saved prediction file (JSON or JSON Lines, SPEC section 6) instead of running the pipeline")
    parser.add_argument("--baseline", type=Path, metavar="FILE",
                        help="compare with a saved baseline; exit 3 if a headline figure dropped")
    parser.add_argument("--tolerance", type=float, default=0.0,
                        help="how far a figure may drop below the baseline (default 0.0)")
    parser.add_argument("--save-baseline", type=Path, metavar="FILE",
                        help="write the headline figures as JSON")
    parser.add_argument("--rules", action="append", default=[], metavar="DIR", dest="rules_dirs",
                        help="an extra rule folder (repeatable)")
    parser.add_argument("--root", type=Path, metavar="DIR",
                        help="the folder the gold files' `document` paths start from "
                             "(default: the gold folder's parent, as in gold/x.yaml -> corpora/x.txt)")


def _cmd_eval(args: argparse.Namespace) -> int:
    from .evaluate import run_eval

    return run_eval(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description="Quantitative claims from Chinese policy texts.")
    parser.add_argument("--debug", action="store_true", help="show tracebacks instead of one-line errors")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="extract claims from files, folders or standard input")
    run.add_argument("inputs", nargs="+", help="files, folders (all *.txt inside) or - for standard input")
    run.add_argument("-o", "--output", help="write here instead of standard output")
    run.add_argument("--date", help="the date the documents speak from: YYYY, YYYY-MM or YYYY-MM-DD")
    run.add_argument("--format", choices=("auto", "json", "jsonl", "csv"), default="auto",
                     help="auto: JSON for one file, JSON Lines for several")
    run.add_argument("--rules", action="append", default=[], metavar="DIR",
                     help="a folder of rule files added to the built-in ones (repeatable)")
    run.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    run.add_argument("--scheduler", metavar="ADDRESS",
                     help="run on the Dask cluster at ADDRESS (tcp://host:8786) instead of --jobs; "
                          "needs policy-extract[dask]")
    run.add_argument("--resume", action="store_true",
                     help="skip documents already in the JSON Lines output file")
    run.add_argument("--progress", choices=("auto", "always", "never"), default="auto",
                     help="progress bar on standard error (auto: several files and a terminal)")
    run.set_defaults(handler=cmd_run)

    evaluate = sub.add_parser("eval", help="score the pipeline against gold files (SPEC section 5)")
    add_eval_arguments(evaluate)
    evaluate.set_defaults(handler=_cmd_eval)

    schema = sub.add_parser("schema", help="print the JSON Schema of the output")
    schema.set_defaults(handler=cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse has printed its one-line usage error
        return int(exc.code or 0) and ExitCode.USAGE
    if getattr(args, "jobs", 1) < 1:
        _error_line("PE010 --jobs must be at least 1")
        return ExitCode.USAGE
    try:
        return int(args.handler(args))
    except PolicyExtractError as exc:
        if args.debug:
            raise
        if isinstance(exc, InputError):
            _error_line(exc.one_line())
            return ExitCode.INPUT_FAILED
        _error_line(exc.one_line())
        return int(exc.exit_code)
    except KeyboardInterrupt:
        _error_line("interrupted; output written so far is complete")
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        return ExitCode.OK


if __name__ == "__main__":
    sys.exit(main())
