"""Run the pipeline on Dask: a bag of texts, a dataframe of texts, or files on a cluster
(`policy-extract[dask]`).

Workers build the pipeline once per process: `pipeline.shared_pipeline` is cached per
process, and each task runs it on a whole partition. With several threads per worker
they share that one pipeline, so prefer one thread per worker process (``dask-worker
--nthreads 1 --nworkers N``): the pipeline is pure Python and holds the GIL.

Files are read and decoded on the client, not on the workers, so a cluster needs no
shared file system; at most `window` documents are in flight at once, which bounds the
client's memory on large folders.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

try:
    import dask.bag as db
    from distributed import Client, Future
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "policy_extract.dask needs Dask: install policy-extract[dask] (dask[bag] and distributed)"
    ) from exc

from .models import CLAIM_COLUMNS, Document, claim_row

Item = str | tuple[str | None, str]


def _extract_items(items: Iterable[Item], date: str | None, rules_dirs: tuple[str, ...]) -> list[dict[str, Any]]:
    """One partition on a worker: texts or (source, text) pairs → JSON-ready Document dicts."""
    from .pipeline import run, shared_pipeline, to_document

    nlp = shared_pipeline(rules_dirs)
    documents = []
    for item in items:
        source, text = (None, item) if isinstance(item, str) else item
        documents.append(to_document(run(nlp, text, date), source=source).model_dump(mode="json"))
    return documents


def _extract_text(source: str, text: str, encoding: str, date: str | None, rules_dirs: tuple[str, ...]) -> dict[str, Any]:
    from .pipeline import run, shared_pipeline, to_document

    doc = run(shared_pipeline(rules_dirs), text, date)
    return to_document(doc, source=source, encoding=encoding).model_dump(mode="json")


def _checked_options(date: str | None, rules_dirs: Iterable[str | Path]) -> tuple[str | None, tuple[str, ...]]:
    """Validate --date and the rule folders on the client, before any task is sent."""
    from .rule_files import load_rules
    from .times import parse_date_option

    dirs = tuple(str(d) for d in rules_dirs)
    load_rules(dirs)  # raises RulesError listing every bad entry
    return (parse_date_option(date) if date is not None else None), dirs


def extract_bag(bag: db.Bag, date: str | None = None, rules_dirs: Iterable[str | Path] = ()) -> db.Bag:
    """Map a bag of texts, or of (source, text) pairs, to Document dicts (`model_dump(mode="json")`).

    Lazy like every bag: nothing runs until `.compute()`. `Document.model_validate`
    turns an item back into a `Document`.
    """
    date, dirs = _checked_options(date, rules_dirs)
    return bag.map_partitions(_extract_items, date, dirs)


_NUMERIC_DTYPES = {
    "id": "int64", "span_start": "int64", "span_end": "int64",
    "value": "float64", "upper": "float64", "duplicate_of": "Int64",
}
# `extract_dataframe`'s columns: the numbers typed, the rest text (or None where a field is empty)
_COLUMN_DTYPES = {column: _NUMERIC_DTYPES.get(column, "object") for column in CLAIM_COLUMNS}


def _empty_claims_frame(pd: Any) -> Any:
    return pd.DataFrame({column: pd.Series(dtype=dtype) for column, dtype in _COLUMN_DTYPES.items()})


def _claims_of_partition(
    partition: Any, text_column: str, source_column: str | None, date: str | None, rules_dirs: tuple[str, ...]
) -> Any:
    """One pandas partition on a worker: a row per claim of each of its texts."""
    import pandas as pd

    from .pipeline import run, shared_pipeline, to_document

    nlp = shared_pipeline(rules_dirs)
    sources = partition.index if source_column is None else partition[source_column]
    rows: list[tuple[object, ...]] = []
    for source, text in zip(sources, partition[text_column]):
        if isinstance(text, str):  # a missing text (None, NaN) has no claims
            rows.extend(claim_row(source, claim) for claim in to_document(run(nlp, text, date)).claims)
    if not rows:
        return _empty_claims_frame(pd)
    return pd.DataFrame.from_records(rows, columns=CLAIM_COLUMNS).astype(_COLUMN_DTYPES)


def extract_dataframe(
    frame: Any,
    text_column: str = "text",
    source_column: str | None = None,
    date: str | None = None,
    rules_dirs: Iterable[str | Path] = (),
) -> Any:
    """A Dask dataframe of texts → a Dask dataframe of their claims, one row per claim.

    The columns are those of `--format csv` (`models.CLAIM_COLUMNS`), without its spreadsheet
    escaping; `source` is the row's `source_column`, or its index label when none is named, so
    each claim leads back to its row. `value` and `upper` are floats (exact up to 2**53).
    Needs the dataframe part of Dask (pandas), which the extra installs.
    """
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - exercised only without pandas
        raise ImportError("extract_dataframe needs pandas: install policy-extract[dask]") from exc

    missing = [c for c in (text_column, source_column) if c is not None and c not in frame.columns]
    if missing:
        raise KeyError(f"no column {missing[0]!r} in the dataframe (it has {', '.join(map(str, frame.columns))})")
    date, dirs = _checked_options(date, rules_dirs)
    return frame.map_partitions(
        _claims_of_partition, text_column, source_column, date, dirs, meta=_empty_claims_frame(pd)
    )


def run_files_on_cluster(
    paths: Iterable[str | Path],
    scheduler_address: str,
    date: str | None = None,
    rules_dirs: Iterable[str | Path] = (),
    *,
    on_error: Callable[[str, Exception], None] | None = None,
    window: int | None = None,
) -> Iterator[Document]:
    """The Documents of `paths`, in input order, computed on the Dask scheduler at `scheduler_address`.

    A file that cannot be read or fails on a worker raises its error when its turn comes,
    unless `on_error(path, error)` is given: then it is reported there and skipped, and
    the other files go on. `window` (default: 2 per worker thread) bounds the documents in flight.
    """
    from .reading import read_path

    date, dirs = _checked_options(date, rules_dirs)
    with Client(scheduler_address, set_as_default=False) as client:
        limit = window or 2 * max(1, sum(client.nthreads().values()))
        pending: deque[tuple[str, Future[Any] | Exception]] = deque()
        remaining = iter(paths)
        while True:
            for path in remaining:
                source = str(path)
                try:
                    read = read_path(source)
                except Exception as error:  # noqa: BLE001  # any reading error is that file's result, reported in order below
                    pending.append((source, error))
                else:
                    task = client.submit(_extract_text, source, read.text, read.encoding, date, dirs, pure=False)
                    pending.append((source, task))
                if len(pending) >= limit:
                    break
            if not pending:
                return
            source, task = pending.popleft()
            try:
                if isinstance(task, Exception):
                    raise task
                result = task.result()
            except Exception as error:
                if on_error is None:
                    raise
                on_error(source, error)
                continue
            yield Document.model_validate(result)
