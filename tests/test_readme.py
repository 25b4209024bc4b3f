"""The README's examples are run, so what it promises is what the code does.

Its Python blocks are doctests (one session, in order, as a reader types them); its `eval`
example is the command's real output on the sample article.
"""

from __future__ import annotations

import contextlib
import doctest
import io
import re
from pathlib import Path

import pytest

from policy_extract.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.S | re.M)


def blocks(language: str) -> list[tuple[int, str]]:
    """(line number, body) of each fenced block of the language."""
    return [
        (README.count("\n", 0, found.start()) + 1, found.group(2))
        for found in FENCE.finditer(README)
        if found.group(1) == language
    ]


PYTHON = [(line, body) for line, body in blocks("python") if ">>>" in body]
SHELL_TRANSCRIPTS = [(line, body) for line, body in blocks("") if body.startswith("$ policy-extract ")]


def test_the_readme_has_examples_to_run():
    assert len(PYTHON) >= 2 and SHELL_TRANSCRIPTS


@pytest.fixture(scope="module")
def session() -> dict[str, object]:
    """One namespace for all Python blocks, as in one interpreter session."""
    return {}


@pytest.mark.parametrize(("line", "body"), PYTHON, ids=[f"README.md:{line}" for line, _ in PYTHON])
def test_python_example(line: int, body: str, session: dict[str, object]):
    test = doctest.DocTestParser().get_doctest(body, session, f"README.md:{line}", "README.md", line)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    report = io.StringIO()
    runner.run(test, out=report.write, clear_globs=False)
    assert runner.failures == 0, report.getvalue()


@pytest.mark.parametrize(
    ("line", "body"), SHELL_TRANSCRIPTS, ids=[f"README.md:{line}" for line, _ in SHELL_TRANSCRIPTS]
)
def test_shell_transcript(line: int, body: str, monkeypatch: pytest.MonkeyPatch):
    command, _, expected = body.partition("\n")
    monkeypatch.chdir(ROOT)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        code = main(command.split()[2:])  # past "$ policy-extract"
    assert code == 0
    assert printed.getvalue() == expected
