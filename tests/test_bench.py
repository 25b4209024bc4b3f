"""The benchmark's measuring functions, on a tiny corpus: what they report, not how fast."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench", ROOT / "benchmarks" / "bench.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench"] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    yield module
    del sys.modules["bench"]


@pytest.fixture(scope="module")
def docs(bench):
    return [(f"doc{i}", sentence) for i, sentence in enumerate(bench.GENERATED_SENTENCES)]


def test_stages_are_every_component_in_jiebas_and_their_total(bench, docs):
    rows = dict(bench.stages(docs))
    components = ["policy_extract_quantities", "policy_extract_times", "policy_extract_entities", "policy_extract_claims"]
    assert list(rows) == ["make_doc", components[0], bench.AGAIN, *components[1:], "to_document", "total"]
    counted = [jiebas for name, jiebas in rows.items() if name not in ("total", bench.AGAIN)]
    assert rows["total"] == pytest.approx(sum(counted))
    assert all(jiebas >= 0 for jiebas in rows.values())


@pytest.mark.parametrize("block", [1, 3])
def test_throughput_counts_the_characters_and_claims_of_the_corpus(bench, docs, block):
    from policy_extract import extract

    results = bench.throughput(docs, block)
    assert results["chars"] == sum(len(text) for _, text in docs)
    assert results["claims"] == sum(len(extract(text).claims) for _, text in docs)
    assert results["pipeline_cps"] > 0 and results["jieba_cps"] > 0


def test_the_warmed_pipeline_has_paid_its_start_up_and_is_frozen_as_run_freezes_it():
    """cn2an's import is start-up: a first document with a decimal numeral must not pay it inside
    the loop; and what is loaded is out of the collector's sight, as `run` has it (cli.cmd_run)."""
    code = (
        "import gc, importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('bench', {str(ROOT / 'benchmarks' / 'bench.py')!r})\n"
        "bench = importlib.util.module_from_spec(spec); sys.modules['bench'] = bench; spec.loader.exec_module(bench)\n"
        "bench.warmed_pipeline([('a', '全市新增企业二十五家。')])\n"
        "print('cn2an' in sys.modules, gc.get_freeze_count() > 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300)
    assert result.stdout.split() == ["True", "True"]


def test_the_corpus_is_repeated_file_by_file_to_the_size_asked(bench, docs):
    many = bench.repeated(docs, 12, 1)
    assert len(many) >= 12 and [text for _, text in many[: len(docs)]] == [text for _, text in docs]
    assert len({text for _, text in many}) == len(many)  # no two copies alike: no cache answers one from another
    assert all(copy.startswith(text.rstrip("\n")) for (_, copy), (_, text) in zip(many[len(docs):], docs))


def test_copy_starts_are_where_the_first_file_comes_again(bench):
    files = [("a.txt", "甲。"), ("b-2.txt", "乙。"), ("c.txt", "丙。")]
    many = bench.repeated(files, 8, 1)
    assert bench.copy_starts(many) == {0, 3, 6}


@pytest.mark.parametrize("measure", ["throughput", "stages", "profile"])
def test_every_copy_of_the_corpus_is_read_as_new_text(bench, measure, monkeypatch):
    """The caches of recurring pieces are emptied at each copy, and only there: a repeated corpus
    must not answer a copy's metric candidates from the copy before."""
    import policy_extract.pipeline

    forgotten: list[int] = []
    real = policy_extract.pipeline.forget_recurring_pieces
    monkeypatch.setattr(policy_extract.pipeline, "forget_recurring_pieces", lambda: forgotten.append(1) or real())
    files = [("a.txt", "2025年，全市新增企业三十家。"), ("b.txt", "全县粮食产量增长2.1%。")]
    many = bench.repeated(files, 7, 1)
    if measure == "profile":
        bench.profile(many, 5)
    else:
        getattr(bench, measure)(many)
    assert len(forgotten) == len(bench.copy_starts(many)) == 4


def test_a_copy_of_a_text_has_the_claims_of_the_text(bench):
    from policy_extract import extract

    text = "2025年，全市地区生产总值增长6.2%，新增企业三十家。"
    copies = bench.repeated([("a.txt", text)], 12, 1)
    expected = [(c.quantity, c.value, c.metric) for c in extract(text, "2025").claims]
    assert all([(c.quantity, c.value, c.metric) for c in extract(copy, "2025").claims] == expected for _, copy in copies)


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["chuzhou-plan.txt", "county-economy-feature-2026-03.txt", "a.txt"], "county-economy-feature-2026-03.txt"),
        (["b.txt", "a.txt"], "a.txt"),  # another corpus: its first file
    ],
)
def test_start_up_is_timed_on_the_readmes_sample_article(bench, names, expected):
    assert bench.sample_article(names) == expected
    assert (ROOT / "corpora" / bench.SAMPLE_ARTICLE).exists()


def test_jobs_ratios_split_the_speed_up_by_amdahl(bench):
    # 2 s of start-up in each process, 8 s of documents: two workers at best take 2 + 4 s
    rows = {name.strip(): value for name, value, _ in bench.jobs_ratios(10.0, 6.5, 2.0, 300, 2)}
    assert rows["--jobs 2 speed-up over --jobs 1 (300 docs)"] == "1.54"
    assert rows["the most this start-up allows on 2 cores"] == "1.67"
    assert rows["the documents alone (start-up taken out)"] == "1.78"


def test_the_package_is_byte_compiled_before_its_start_up_is_timed(bench, tmp_path, monkeypatch):
    """As `pip install` leaves it: an installed copy does not compile our modules at every run."""
    package = tmp_path / "policy_extract"
    (package / "components").mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "components" / "claims.py").write_text("X = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "policy_extract", raising=False)  # found afresh, not imported
    assert bench.byte_compile_package() == package
    compiled = {path.name.split(".")[0] for path in package.rglob("__pycache__/*.pyc")}
    assert compiled == {"__init__", "claims"}
