"""The package passes mypy --strict with the project's configuration ([tool.mypy] in pyproject.toml).

mypy and the stubs it reads are pinned in the `test` extra, so a new release cannot fail a build
that changed nothing; the test skips where mypy is not installed (a plain `pip install .`).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_mypy_finds_nothing(tmp_path):
    pytest.importorskip("mypy")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "mypy-cache")],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
