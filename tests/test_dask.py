"""The Dask extra gives the same documents as one process, in input order."""

from __future__ import annotations

import importlib
import sys

import pytest

distributed = pytest.importorskip("distributed")
db = pytest.importorskip("dask.bag")

from policy_extract import extract, extract_file  # noqa: E402 - after the importorskip
from policy_extract.dask import extract_bag, extract_dataframe, run_files_on_cluster  # noqa: E402
from policy_extract.errors import DateError, NotTextError  # noqa: E402
from policy_extract.models import CLAIM_COLUMNS, claim_row  # noqa: E402

DATE = "2026-03"
TEXTS = {  # our own sentences: a change, a target, a cumulative level, no quantity at all
    "change": "2025年，滨江区规上工业增加值增长7.3%，新增国家级专精特新“小巨人”企业12家。",
    "target": "到2027年，力争全市数字经济核心产业营业收入突破5000亿元。",
    "since": "今年以来，该县累计完成固定资产投资86.4亿元，同比增长11.2%。",
    "none": "坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。",
}


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0"  # any free port: suites may run side by side
    ) as local:
        yield local


@pytest.fixture(scope="module")
def client(cluster):
    with distributed.Client(cluster, set_as_default=False) as connected:
        yield connected


def single_process(name: str | None, text: str) -> dict:
    return extract(text, date=DATE, source=name).model_dump(mode="json")


@pytest.mark.parametrize(
    ("items", "sources"),
    [
        pytest.param(list(TEXTS.values()), [None] * len(TEXTS), id="texts"),
        pytest.param(list(TEXTS.items()), list(TEXTS), id="source-text-pairs"),
    ],
)
def test_bag_matches_single_process(client, items, sources):
    bag = db.from_sequence(items, npartitions=2)
    expected = [single_process(source, text) for source, text in zip(sources, TEXTS.values())]
    assert client.compute(extract_bag(bag, date=DATE)).result() == expected


@pytest.fixture(scope="module")
def texts_frame():
    """The texts as a two-partition dataframe keyed by name, with one row that has no text."""
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    rows = [*TEXTS.items(), ("missing", None)]
    frame = pd.DataFrame({"name": [name for name, _ in rows], "body": [text for _, text in rows]}, index=[10, 11, 12, 13, 14])
    return dd.from_pandas(frame, npartitions=2)


def expected_claim_rows(sources: list) -> list[tuple]:
    """What one process gives for TEXTS, flattened as the CSV output flattens a claim."""
    return [
        claim_row(source, claim)
        for source, text in zip(sources, TEXTS.values())
        for claim in extract(text, date=DATE).claims
    ]


@pytest.mark.parametrize(
    ("source_column", "sources"),
    [
        pytest.param("name", list(TEXTS), id="source-column"),
        pytest.param(None, [10, 11, 12, 13], id="index-as-source"),
    ],
)
def test_dataframe_has_a_row_per_single_process_claim(client, texts_frame, source_column, sources):
    claims = extract_dataframe(texts_frame, text_column="body", source_column=source_column, date=DATE)
    computed = client.compute(claims).result()
    assert list(computed.columns) == list(CLAIM_COLUMNS)
    assert dict(computed.dtypes) == dict(claims.dtypes)  # the meta Dask plans with is what the workers return
    missing_as_none = computed.astype(object).where(computed.notna(), None)
    assert list(missing_as_none.itertuples(index=False, name=None)) == expected_claim_rows(sources)


def test_dataframe_names_a_missing_column(texts_frame):
    with pytest.raises(KeyError, match=r"no column 'text'.*name, body"):
        extract_dataframe(texts_frame)


@pytest.fixture()
def files(tmp_path):
    """Our texts as files, one of them in GB18030, plus a binary file that cannot be read."""
    paths = []
    for name, text in TEXTS.items():
        path = tmp_path / f"{name}.txt"
        path.write_bytes(text.encode("gb18030" if name == "since" else "utf-8"))
        paths.append(str(path))
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    paths.insert(1, str(binary))
    return paths


def test_cluster_files_in_input_order(cluster, files):
    readable = [p for p in files if not p.endswith("image.txt")]
    documents = run_files_on_cluster(readable, cluster.scheduler_address, date=DATE)
    assert [d.model_dump(mode="json") for d in documents] == [
        extract_file(p, date=DATE).model_dump(mode="json") for p in readable
    ]


def test_cluster_reports_unreadable_file_and_goes_on(cluster, files):
    errors: list[tuple[str, type]] = []
    documents = run_files_on_cluster(
        files, cluster.scheduler_address, date=DATE, on_error=lambda path, error: errors.append((path, type(error)))
    )
    sources = [d.document.source for d in documents]
    assert (sources, errors) == ([p for p in files if p != files[1]], [(files[1], NotTextError)])


def test_cluster_raises_unreadable_file_without_on_error(cluster, files):
    with pytest.raises(NotTextError):
        list(run_files_on_cluster(files, cluster.scheduler_address, date=DATE))


@pytest.mark.parametrize("bad_date", ["2025-13", "yesterday"], ids=["month-13", "not-a-date"])
def test_bad_date_rejected_before_any_task(bad_date):
    with pytest.raises(DateError):
        extract_bag(db.from_sequence(["x"]), date=bad_date)


def test_missing_dask_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    monkeypatch.delitem(sys.modules, "policy_extract.dask")
    with pytest.raises(ImportError, match=r"install policy-extract\[dask\]"):
        importlib.import_module("policy_extract.dask")


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv"])
def test_cli_scheduler_option_gives_the_single_process_output_in_order(cluster, files, capsys, fmt):
    from policy_extract import cli

    assert cli.main(["run", *files, "--date", DATE, "--format", fmt]) == 1
    local_out, local_err = capsys.readouterr()
    code = cli.main(["run", *files, "--date", DATE, "--format", fmt, "--scheduler", cluster.scheduler_address])
    cluster_out, cluster_err = capsys.readouterr()
    assert (code, cluster_out) == (1, local_out)
    assert "image.txt" in cluster_err and cluster_err == local_err
