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


# ---------------------------------------------------------------- compiled patterns


def test_a_stored_pattern_is_loaded_compiled_in_a_later_run(tmp_path, monkeypatch):
    import regex
    import regex._main

    from policy_extract.cache import PatternStore

    path = tmp_path / "patterns.pickle"
    first = PatternStore(path)
    compiled = first.compiled(r"(?P<num>\d+)万(?:元|亩)", regex.MULTILINE)
    first.save()

    def no_compiler(*args, **kwargs):
        raise AssertionError("compiled again instead of loaded")

    monkeypatch.setattr(regex._main, "_compile", no_compiler)
    later = PatternStore(path).compiled(r"(?P<num>\d+)万(?:元|亩)", regex.MULTILINE)
    assert later.pattern == compiled.pattern and later.flags == compiled.flags
    assert [m.groupdict() for m in later.finditer("新增5万亩\n投资8万元")] == [{"num": "5"}, {"num": "8"}]


def test_a_derived_value_is_built_once_and_kept(tmp_path):
    from policy_extract.cache import PatternStore

    calls = []

    def build():
        calls.append(1)
        return ("月", "日")

    path = tmp_path / "patterns.pickle"
    store = PatternStore(path)
    assert store.derived(("gate", "x"), build) == store.derived(("gate", "x"), build) == ("月", "日")
    store.save()
    assert PatternStore(path).derived(("gate", "x"), build) == ("月", "日")
    assert len(calls) == 1


def test_a_store_naming_another_function_is_refused_not_run(tmp_path):
    import os
    import pickle

    from policy_extract.cache import PatternStore

    class Payload:
        def __reduce__(self):
            return (os.system, ("echo should-not-run > " + str(tmp_path / "ran"),))

    path = tmp_path / "patterns.pickle"
    path.write_bytes(pickle.dumps({("compiled", "a", 0): Payload()}))
    assert PatternStore(path).compiled("a").fullmatch("a")
    assert not (tmp_path / "ran").exists()


@pytest.mark.parametrize("content", [b"", b"not a pickle", b"\x80\x05K\x01."], ids=["empty", "garbage", "not-a-dict"])
def test_an_unusable_store_is_started_over(tmp_path, content):
    from policy_extract.cache import PatternStore

    path = tmp_path / "patterns.pickle"
    path.write_bytes(content)
    store = PatternStore(path)
    assert store.compiled("b+").fullmatch("bbb")
    store.save()
    assert PatternStore(path).derived(("compiled", "b+", 0), lambda: None) is not None


def test_a_store_that_cannot_be_written_costs_nothing(tmp_path):
    from policy_extract.cache import PatternStore

    blocker = tmp_path / "file"
    blocker.write_text("x")
    store = PatternStore(blocker / "patterns.pickle")  # a file where the folder should be
    assert store.compiled("c").fullmatch("c")
    store.save()  # no error


def test_a_store_that_outgrew_what_a_run_uses_keeps_only_that(tmp_path):
    """Entries of rules that are gone (edited, replaced) leave the store the next time a run
    writes it, once they outnumber what the run used."""
    from policy_extract.cache import PatternStore

    path = tmp_path / "patterns.pickle"
    old = PatternStore(path)
    for word in ("u", "v", "w", "x", "y"):
        old.compiled(word)
    old.save()
    store = PatternStore(path)
    store.compiled("x")  # still used: kept
    store.compiled("z")  # new: kept, and the run writes the store
    store.save()
    assert sorted(key[1] for key in PatternStore(path)._load()) == ["x", "z"]


def test_a_store_a_run_mostly_uses_keeps_the_rest(tmp_path):
    """A run that uses most of the store (another set of rules beside ours) drops nothing."""
    from policy_extract.cache import PatternStore

    path = tmp_path / "patterns.pickle"
    old = PatternStore(path)
    for word in ("x", "y", "z"):
        old.compiled(word)
    old.save()
    store = PatternStore(path)
    store.compiled("x")
    store.compiled("w")
    store.save()
    assert sorted(key[1] for key in PatternStore(path)._load()) == ["w", "x", "y", "z"]
