"""Speed and memory of policy-extract, as ratios to what it cannot avoid (jieba, spaCy).

Run from the repository root:

    .venv/bin/python benchmarks/bench.py            # everything but the 100 MB file (a few minutes)
    .venv/bin/python benchmarks/bench.py --quick    # throughput and start-up only
    .venv/bin/python benchmarks/bench.py --big      # also peak memory on one 100 MB file (slow)
    .venv/bin/python benchmarks/bench.py --profile  # cProfile of the pipeline, top 30 by cumulative time
    .venv/bin/python benchmarks/bench.py --phases   # CPU time of each start-up phase of a run on one article
    .venv/bin/python benchmarks/bench.py --stages   # CPU time of each stage of the pipeline, in jiebas

The corpus is the project's corpora/*.txt (else the dev corpora in /work/shared, else a
generated text), repeated file by file until it holds at least --docs documents and --mb
megabytes of UTF-8. Throughput runs the pipeline document by document, as a user's run does,
not on one long string. Ratios are printed first: they travel between machines, the absolute
figures behind them do not. See benchmarks/README.md and docs/performance.md.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import platform
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIRS = (ROOT / "corpora", Path("/work/shared/dev/corpora"))
BASELINE_CODE = "import spacy, jieba; jieba.initialize()"  # what any spaCy+jieba tool pays
SAMPLE_ARTICLE = "county-economy-feature-2026-03.txt"  # the article the README runs: start-up is timed on it
GENERATED_SENTENCES = (  # a fallback corpus with quantities and plain prose, in our own words
    "2024年，示范区地区生产总值达到1280.5亿元，同比增长6.2%。",
    "全年新增省级专精特新企业37家，规上工业企业研发费用占营业收入比重为2.9%。",
    "各级部门坚持问题导向，持续优化营商环境，推动产业链上下游协同发展。",
    "到2027年，力争数字经济核心产业增加值突破300亿元，培育链主企业10家以上。",
    "我们将深入实施创新驱动发展战略，进一步激发市场主体活力和社会创造力。",
)


@dataclass
class Child:
    """One finished subprocess: wall and CPU (user + system) seconds, peak resident memory in MiB."""

    seconds: float
    cpu: float
    peak_mib: float


def measure(command: list[str]) -> Child:
    """Run a command; its peak RSS comes from wait4: the largest of it and its waited-for children."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, cwd=ROOT)
        _, status, usage = os.wait4(process.pid, 0)  # before Popen reaps it and the usage is lost
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            message = errors.read().decode("utf-8", "replace")[-2000:]
            sys.exit(f"bench: {' '.join(command)} failed ({process.returncode}):\n{message}")
    return Child(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def median_child(command: list[str], runs: int) -> Child:
    return median([measure(command) for _ in range(runs)])


def median(children: list[Child]) -> Child:
    return Child(
        statistics.median(c.seconds for c in children),
        statistics.median(c.cpu for c in children),
        statistics.median(c.peak_mib for c in children),
    )


def byte_compile_package() -> Path:
    """Write policy_extract's bytecode, as `pip install` does, and return the package's folder.

    The start-up ratio compares our imports with spaCy's and jieba's, which pip compiled
    when it installed them. An editable install run with PYTHONDONTWRITEBYTECODE set (our
    development machines set it) would otherwise compile our modules from source at every
    run: about 0.05 s, a twentieth of the start-up, that no installed copy pays. The package
    is found without being imported, so that this process stays small (see main)."""
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("policy_extract")
    assert spec is not None and spec.submodule_search_locations, "policy_extract is not installed"
    package = Path(next(iter(spec.submodule_search_locations)))
    compileall.compile_dir(package, quiet=1)
    return package


def cli_command() -> list[str]:
    """The installed console script next to this Python, as a user runs it."""
    script = Path(sys.executable).parent / "policy-extract"
    if script.exists():
        return [str(script)]
    found = shutil.which("policy-extract")
    return [found] if found else [sys.executable, "-m", "policy_extract.cli"]


# ------------------------------------------------------------------ corpus


def corpus_files(folders: tuple[Path, ...] = CORPUS_DIRS) -> tuple[str, list[tuple[str, str]]]:
    """(where from, [(name, text)]): the first non-empty corpus folder, else generated text."""
    for folder in folders:
        files = sorted(folder.glob("*.txt")) if folder.is_dir() else []
        if files:
            from policy_extract.reading import read_path  # the encodings a user's files come in

            return str(folder), [(f.name, read_path(f).text) for f in files]
    text = "\n".join(GENERATED_SENTENCES * 60)
    return "generated", [(f"generated-{i}.txt", text) for i in range(4)]


def sample_article(names: list[str]) -> str:
    """The README's sample article when the corpus has it, else the corpus's first file."""
    return SAMPLE_ARTICLE if SAMPLE_ARTICLE in names else min(names)


# Ten characters that are no numeral, to write a copy's number with (甲乙 = 01).
_COPY_DIGITS = "甲乙丙丁戊己庚辛壬癸"


def repeated(files: list[tuple[str, str]], min_docs: int, min_bytes: int) -> list[tuple[str, str]]:
    """The files in turn, renamed per copy, until both minimums are reached.

    Each copy after the first ends with a line of its own that holds no claim (its number in
    甲乙丙…), so that no copy is the same text as another: the pipeline's caches keyed on a
    text must not answer a copy from the one before, as no real corpus repeats itself (on 26
    articles repeated to 2 MB such hits had made the throughput 9 % higher)."""
    docs: list[tuple[str, str]] = []
    size = 0
    while len(docs) < min_docs or size < min_bytes:
        name, text = files[len(docs) % len(files)]
        copy = len(docs) // len(files)
        if copy:
            text = text.rstrip("\n") + "\n\n" + "".join(_COPY_DIGITS[int(d)] for d in str(copy)) + "\n"
        docs.append((f"{len(docs):04d}-{name}", text))
        size += len(text.encode("utf-8"))
    return docs


def copy_starts(docs: list[tuple[str, str]]) -> set[int]:
    """Where each copy of the corpus starts in `repeated`'s documents (at its first file again).

    The measurements empty the pipeline's caches of recurring pieces of text there
    (`pipeline.forget_recurring_pieces`): the trailing line keeps a copy from being the same
    text, but the pieces inside it (a metric's candidate words, a heading) are the same, and were
    answered from the copy before: the throughput ratio 0.45-0.47 where new text gives
    0.40-0.41 (ninth session). Pieces that recur within one copy still hit, as in a real corpus."""
    files = [name.partition("-")[2] or name for name, _ in docs]  # "0047-a.txt" → "a.txt"
    return {index for index, name in enumerate(files) if name == files[0]}


# ------------------------------------------------------------------ measurements


def warmed_pipeline(docs: list[tuple[str, str]]):
    """The pipeline, past what a process pays once: its build, what a first document loads
    (`pipeline.warm_up`: the gazetteer, patterns compiled on first use), cn2an's import (the
    start-up ratio counts those) and the caches the corpus's first document fills. jieba is
    initialized by then too. cn2an is loaded apart: `warm_up`'s text reads only numerals written
    out in full, which need no cn2an since the eighth session, so the first document of the loop
    with a decimal or spoken numeral (一点五, 三万五) paid its import (0.11-0.14 s of CPU, about
    2 % of the pipeline's time on 2 MB) inside the throughput figure.

    Then what is loaded is frozen out of the garbage collector's sight (`gc.freeze`), as
    `policy-extract run` does before its first document (`cli.cmd_run`): until the tenth session
    the loop's full collections walked the pipeline, jieba and spaCy, 3.4 % of its time (perfC16),
    a cost `run` does not pay. A program that embeds the pipeline can freeze it the same way.
    The collector's young threshold is raised as `run` raises it (`cli.collect_rarely`): 240
    young collections per 2 MB that freed nothing were 2 % of the loop (thirteenth session)."""
    import gc

    from policy_extract.cli import collect_rarely
    from policy_extract.numbers import number_to_decimal
    from policy_extract.pipeline import run, shared_pipeline, warm_up

    nlp = shared_pipeline()
    warm_up(nlp)
    number_to_decimal("一点五")  # read by cn2an: its import
    run(nlp, docs[0][1])
    gc.collect()
    gc.freeze()
    collect_rarely()
    return nlp


BLOCK = 50  # documents per turn in the second throughput figure


def throughput(docs: list[tuple[str, str]], block: int = 1) -> dict[str, float]:
    """Characters per CPU second of the whole pipeline and of jieba.lcut, in this process.

    The two take turns on `block` documents at a time and count process CPU time, so that
    other work on the machine changes both alike (wall time is shown apart). In turns of one
    document (the headline) each runs in the caches the other left, and jieba's time depends on
    what the pipeline leaves there; in turns of `BLOCK` each runs mostly in its own.
    """
    import jieba

    from policy_extract.pipeline import forget_recurring_pieces, run, shared_pipeline, to_document

    started = time.perf_counter()
    shared_pipeline()
    build = time.perf_counter() - started
    nlp = warmed_pipeline(docs)
    chars = sum(len(text) for _, text in docs)
    starts = copy_starts(docs)
    pipeline_cpu = jieba_cpu = 0.0
    claims = 0
    wall = time.perf_counter()
    for first in range(0, len(docs), block):
        turn = docs[first : first + block]
        started = time.process_time()
        for index, (name, text) in enumerate(turn, first):
            if index in starts:
                forget_recurring_pieces()
            claims += len(to_document(run(nlp, text), source=name).claims)
        middle = time.process_time()
        for _, text in turn:
            jieba.lcut(text)
        pipeline_cpu += middle - started
        jieba_cpu += time.process_time() - middle
    return {
        "chars": chars,
        "claims": claims,
        "build": build,
        "wall": time.perf_counter() - wall,
        "pipeline_cps": chars / pipeline_cpu,
        "jieba_cps": chars / jieba_cpu,
    }


AGAIN = "  of which the quantity rules (timed again)"


def stages(docs: list[tuple[str, str]]) -> list[tuple[str, float]]:
    """CPU time of each stage of `pipeline.run` + `to_document`, in jiebas: the time
    `jieba.lcut` takes on the same documents, alternating per document as `throughput` does.
    `make_doc` is reading.prepare and the tokens; the quantity rules, most of the quantities
    component, are timed again alone, outside the total."""
    import jieba

    from policy_extract.extensions import text_of
    from policy_extract.numbers import find_quantities
    from policy_extract.pipeline import forget_recurring_pieces, make_doc, to_document
    from policy_extract.rule_files import pattern_guard

    nlp = warmed_pipeline(docs)
    rules = nlp.get_pipe("policy_extract_quantities").rules
    starts = copy_starts(docs)
    spent: dict[str, float] = {}

    def timed(name: str, work, *args):
        started = time.process_time()
        result = work(*args)
        spent[name] = spent.get(name, 0.0) + time.process_time() - started
        return result

    for index, (name, text) in enumerate(docs):
        if index in starts:
            forget_recurring_pieces()
        timed("jieba.lcut", jieba.lcut, text)
        with pattern_guard():
            doc = timed("make_doc", make_doc, nlp, text)
            for component_name, component in nlp.pipeline:
                doc = timed(component_name, component, doc)
            timed(AGAIN, find_quantities, text_of(doc), rules)
        timed("to_document", to_document, doc, name)
    jiebas = spent.pop("jieba.lcut")
    again = spent.pop(AGAIN)
    rows = [(name, seconds / jiebas) for name, seconds in spent.items()]
    rows.insert([name for name, _ in rows].index("policy_extract_quantities") + 1, (AGAIN, again / jiebas))
    rows.append(("total", sum(spent.values()) / jiebas))
    return rows


def profile(docs: list[tuple[str, str]], top: int) -> str:
    """cProfile of the pipeline on the corpus (pipeline already built), top functions by cumulative time."""
    from policy_extract.pipeline import forget_recurring_pieces, run, to_document

    nlp = warmed_pipeline(docs)
    starts = copy_starts(docs)
    profiler = cProfile.Profile()
    profiler.enable()
    for index, (name, text) in enumerate(docs):
        if index in starts:
            forget_recurring_pieces()
        to_document(run(nlp, text), source=name)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def phases(sample: Path) -> list[tuple[str, float]]:
    """CPU seconds of each start-up phase of a run on one article; call it in a fresh process."""
    timings: list[tuple[str, float]] = []
    last = time.process_time()

    def mark(name: str) -> None:
        nonlocal last
        now = time.process_time()
        timings.append((name, now - last))
        last = now

    from policy_extract._jieba import jieba  # noqa: F401  # as `run` imports them: jieba without
    from policy_extract._spacy import spacy  # noqa: F401  # pkg_resources, spaCy without its CLI

    mark("import spacy, jieba")
    from policy_extract import cli, pipeline, rule_files  # noqa: F401

    mark("import policy_extract (cli, pipeline, components)")
    rule_files.load_rules(())  # the key `run` loads them under, which the pipeline then finds cached
    mark("load_rules (YAML + pydantic)")
    nlp = pipeline.shared_pipeline()
    mark("build the pipeline (jieba's dictionary, components)")
    from policy_extract.reading import read_path

    text = read_path(sample).text
    for name in ("first document (gazetteer, patterns not yet stored)", "second document"):
        pipeline.to_document(pipeline.run(nlp, text))
        mark(name)
    return timings


def write_corpus(folder: Path, docs: list[tuple[str, str]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in docs:
        (folder / name).write_text(text, encoding="utf-8")


def write_big_file(path: Path, files: list[tuple[str, str]], megabytes: int) -> int:
    """One file of at least `megabytes` MB: the corpus texts one after another, repeated."""
    target = megabytes * 1024 * 1024
    size = 0
    with open(path, "w", encoding="utf-8") as handle:
        while size < target:
            for _, text in files:
                handle.write(text + "\n\n")
                size += len(text.encode("utf-8")) + 2
    return size


# ------------------------------------------------------------------ report


def jobs_ratios(one_worker: float, two_workers: float, start_up: float, docs: int, cores: int) -> list[tuple[str, str, str]]:
    """The --jobs 2 speed-up, and what Amdahl's law allows it: each worker pays the start-up
    (`start_up`: `run` on one article) before its first document, so only the rest halves."""
    work = one_worker - start_up
    return [
        (f"--jobs 2 speed-up over --jobs 1 ({docs} docs)", f"{one_worker / two_workers:.2f}", f"ideal {min(2, cores)} on {cores} cores"),
        ("  the most this start-up allows on 2 cores", f"{one_worker / (start_up + work / 2):.2f}", "start-up + half the rest"),
        ("  the documents alone (start-up taken out)", f"{work / max(two_workers - start_up, 1e-9):.2f}", "ideal 2"),
    ]


def fmt_rows(rows: list[tuple[str, str, str]]) -> str:
    width = max(len(r[0]) for r in rows)
    value_width = max(len(r[1]) for r in rows)
    return "\n".join(f"  {a:<{width}}  {b:>{value_width}}  {c}".rstrip() for a, b, c in rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the --jobs runs (the slow part)")
    parser.add_argument("--big", action="store_true", help="also peak RSS of `run` on one 100 MB file")
    parser.add_argument("--big-mb", type=int, default=100, help="size of the --big file (default 100)")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of the pipeline and stop")
    parser.add_argument("--stages", action="store_true", help="print each stage's CPU time in jiebas and stop")
    parser.add_argument("--phases", action="store_true", help="print the start-up phases of a run on one article and stop")
    parser.add_argument("--top", type=int, default=30, help="functions shown by --profile (default 30)")
    parser.add_argument("--corpus", type=Path, help="a folder of *.txt to use instead of corpora/")
    parser.add_argument("--mb", type=float, default=2.0, help="minimum corpus size in MB (default 2)")
    parser.add_argument("--docs", type=int, default=200, help="minimum documents for --jobs (default 200)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each start-up and --jobs command, median (default 3)")
    args = parser.parse_args(argv)
    if args.phases:  # before anything else is imported
        byte_compile_package()
        folder = args.corpus or next((d for d in CORPUS_DIRS if any(d.glob("*.txt"))), CORPUS_DIRS[0])
        timings = phases(folder / sample_article([path.name for path in folder.glob("*.txt")]))
        timings.append(("total", sum(seconds for _, seconds in timings)))
        print(fmt_rows([(name, f"{seconds:.2f}", "s CPU") for name, seconds in timings]))
        return 0

    origin, files = corpus_files((args.corpus,) if args.corpus else CORPUS_DIRS)
    docs = repeated(files, 1, int(args.mb * 1024 * 1024))
    if args.profile:
        sys.stdout.write(profile(docs, args.top))
        return 0
    if args.stages:
        print(f"stages of the pipeline, CPU time in jiebas (jieba.lcut on the same {len(docs)} documents = 1)")
        print(fmt_rows([(name, f"{jiebas:.2f}", "") for name, jiebas in stages(docs)]))
        return 0

    cores = os.cpu_count() or 1
    cli = cli_command()
    byte_compile_package()
    # Subprocesses first: a child's ru_maxrss counts the memory of the process it was forked
    # from, so they must start while this one is small (before the pipeline is loaded).
    with tempfile.TemporaryDirectory(prefix="policy-extract-bench-") as temp:
        texts = dict(files)
        sample = Path(temp) / sample_article(list(texts))
        sample.write_text(texts[sample.name], encoding="utf-8")
        baseline = median_child([sys.executable, "-c", BASELINE_CODE], args.runs)
        one_file = median_child([*cli, "run", str(sample), "--date", "2025"], args.runs)
        jobs: dict[int, Child] = {}
        many = repeated(files, args.docs, int(args.mb * 1024 * 1024))
        if not args.quick:
            folder = Path(temp) / "corpus"
            write_corpus(folder, many)
            runs: dict[int, list[Child]] = {1: [], 2: []}
            for _ in range(args.runs):  # alternating: a slow spell of the machine hits both alike
                for n in (1, 2):
                    runs[n].append(measure([*cli, "run", str(folder), "--jobs", str(n), "--progress", "never", "--date", "2025"]))
            jobs = {n: median(children) for n, children in runs.items()}
        big: tuple[int, Child] | None = None
        if args.big:
            path = Path(temp) / "big.txt"
            size = write_big_file(path, files, args.big_mb)
            big = (size, measure([*cli, "run", str(path), "--date", "2025", "--format", "jsonl"]))
    results = throughput(docs)
    blocks = throughput(docs, BLOCK)

    ratio = results["pipeline_cps"] / results["jieba_cps"]
    ratios = [
        ("pipeline / jieba.lcut throughput", f"{ratio:.2f}", "target >= 0.5, goal >= 1.0 (higher is better)"),
        (
            f"  the same, taking turns of {BLOCK} documents",
            f"{blocks['pipeline_cps'] / blocks['jieba_cps']:.2f}",
            "each mostly in its own caches (the headline: turns of one)",
        ),
        (
            f"start-up: `run` one article / `{BASELINE_CODE}`",
            f"{one_file.seconds / baseline.seconds:.2f}",
            f"wall time, median of {args.runs} (lower is better)",
        ),
        ("start-up, the same in CPU time", f"{one_file.cpu / baseline.cpu:.2f}", "user + system, not slowed by other work"),
        ("peak RSS: `run` one article / spaCy+jieba", f"{one_file.peak_mib / baseline.peak_mib:.2f}", ""),
    ]
    if jobs:
        ratios.extend(jobs_ratios(jobs[1].seconds, jobs[2].seconds, one_file.seconds, len(many), cores))
    mib = results["chars"] and sum(len(t.encode("utf-8")) for _, t in docs) / 1024 / 1024
    absolute = [
        ("corpus", f"{len(docs)} docs", f"{results['chars']:,} chars, {mib:.1f} MB UTF-8, from {origin}"),
        ("pipeline throughput", f"{results['pipeline_cps']:,.0f}", f"chars per CPU second, document by document ({results['claims']:,} claims)"),
        ("jieba.lcut throughput", f"{results['jieba_cps']:,.0f}", "chars per CPU second, same documents"),
        ("both, one after the other", f"{results['wall']:.1f}", "s wall time"),
        ("pipeline build (shared_pipeline)", f"{results['build']:.2f}", "s, in this process"),
        ("spaCy+jieba start-up", f"{baseline.seconds:.2f}", f"s ({baseline.cpu:.2f} s CPU), peak {baseline.peak_mib:.0f} MiB"),
        (f"`run {sample.name}`", f"{one_file.seconds:.2f}", f"s ({one_file.cpu:.2f} s CPU), peak {one_file.peak_mib:.0f} MiB"),
    ]
    for n, child in jobs.items():
        absolute.append((f"`run DIR --jobs {n}`", f"{child.seconds:.1f}", f"s, peak {child.peak_mib:.0f} MiB (largest process)"))
    if big:
        size, child = big
        absolute.append(
            (f"`run` one {size / 1024 / 1024:.0f} MB file", f"{child.peak_mib:.0f}", f"MiB peak RSS, {child.seconds:.0f} s")
        )
    print(f"policy-extract benchmark: {cores} cores, Python {platform.python_version()}, {platform.machine()}")
    print("ratios")
    print(fmt_rows(ratios))
    print("absolute")
    print(fmt_rows(absolute))
    return 0


if __name__ == "__main__":
    sys.exit(main())
