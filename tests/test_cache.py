"""The user cache: results kept across runs, rebuilt when the file is unusable or the key changes."""

from __future__ import annotations

import pytest

from policy_extract.cache import cache_dir, cached


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))


def test_the_cache_lives_in_the_users_cache_folder(tmp_path):
    assert cache_dir() == tmp_path / "policy-extract"


def test_a_result_is_built_once_per_key():
    calls = []

    def build():
        calls.append(1)
        return {"慈溪": (100, "ns")}

    assert cached("t", "k1", build) == cached("t", "k1", build) == {"慈溪": (100, "ns")}
    assert len(calls) == 1
    cached("t", "k2", build)
    assert len(calls) == 2


def test_an_unusable_cache_file_is_rebuilt():
    cached("t", "k", lambda: [1, 2])
    [path] = cache_dir().glob("t-*.marshal")
    path.write_bytes(b"not marshal data")
    assert cached("t", "k", lambda: [3]) == [3]


def test_an_unwritable_cache_costs_only_the_rebuild(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file where the folder should be
    assert cached("t", "k", lambda: "value") == "value"
