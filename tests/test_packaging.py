"""The built wheel carries the rules: `pip install .` users get the same language data as the repository."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    """Build from a copy of the sources, so the checkout gets no build/ folder."""
    work = tmp_path_factory.mktemp("build")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, work / name)
    for folder in ("src", "rules"):
        shutil.copytree(ROOT / folder, work / folder, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    out = work / "dist"
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(work)],
        capture_output=True, text=True, timeout=600, check=False,
    )
    if result.returncode != 0:
        pytest.fail(f"building the wheel failed: {result.stderr[-2000:]}")
    [built] = out.glob("policy_extract-*.whl")
    return zipfile.ZipFile(built)


def test_every_rule_file_is_in_the_wheel(wheel):
    shipped = {Path(name).name for name in wheel.namelist() if name.startswith("policy_extract/rules/")}
    assert {path.name for path in (ROOT / "rules").glob("*.yaml")} <= shipped


def test_the_wheel_declares_the_console_script(wheel):
    [entry_points] = [name for name in wheel.namelist() if name.endswith("entry_points.txt")]
    assert "policy-extract = policy_extract.cli:main" in wheel.read(entry_points).decode()
