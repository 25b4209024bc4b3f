"""Start-up: what a run loads lazily and what it keeps for the next run (issue 7)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

_COUNT_COMPILES = textwrap.dedent(
    """
    import sys
    import regex._main
    import policy_extract.pipeline  # every module, with the patterns they compile at import
    from policy_extract import extract

    compiled = set()  # patterns compiled after the imports: the rules'
    original = regex._main._compile
    def counting(pattern, flags, ignore_unused, kwargs, cache_it):
        compiled.add((pattern, flags))
        return original(pattern, flags, ignore_unused, kwargs, cache_it)
    regex._main._compile = counting
    extract(sys.argv[1], "2025")
    print(len(compiled))
    """
)


def _python(code: str, *args: str, cache: str) -> str:
    environment = {**os.environ, "XDG_CACHE_HOME": cache}
    result = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=environment, check=True, timeout=300
    )
    return result.stdout.strip()


def test_a_second_run_compiles_almost_none_of_the_rule_patterns(tmp_path):
    text = "2025年，全市地区生产总值达到1280.5亿元，同比增长6.2%，新增规上企业二十五家。"
    first = int(_python(_COUNT_COMPILES, text, cache=str(tmp_path)))
    second = int(_python(_COUNT_COMPILES, text, cache=str(tmp_path)))
    assert first > 100  # the rules of every family, and their line gates' finders
    assert second < first / 10


def test_cn2an_is_imported_only_when_a_numeral_not_written_out_in_full_is_read(tmp_path):
    code = textwrap.dedent(
        """
        import sys
        from policy_extract import extract
        extract("新增企业25家，投资1.5亿元。", "2025")
        print("cn2an" in sys.modules)
        extract("新增企业二十五家，投资两千万元。", "2025")
        print("cn2an" in sys.modules)
        extract("粮食产量三万五吨。", "2025")  # spoken: 三万五 is 35000
        print("cn2an" in sys.modules)
        """
    )
    assert _python(code, cache=str(tmp_path)).split() == ["False", "False", "True"]


def test_spacy_is_imported_without_its_command_line_which_stays_usable(tmp_path):
    code = textwrap.dedent(
        """
        import sys
        from policy_extract import extract
        print(len(extract("新增企业25家。", "2025").claims), "spacy.cli" in sys.modules)
        import spacy
        print(spacy.info()["spacy_version"] == spacy.__version__, callable(spacy.cli.download))
        """
    )
    assert _python(code, cache=str(tmp_path)).splitlines() == ["1 False", "True True"]


def test_spacy_imported_before_us_is_used_as_it_is(tmp_path):
    code = textwrap.dedent(
        """
        import sys
        import spacy
        from policy_extract import extract
        print(len(extract("新增企业25家。", "2025").claims), "spacy.cli" in sys.modules)
        print(sys.modules["spacy.cli.info"].__spec__ is not None)  # the real module, no stand-in
        """
    )
    assert _python(code, cache=str(tmp_path)).splitlines() == ["1 True", "True"]


def test_jieba_is_loaded_without_pkg_resources_which_stays_importable(tmp_path):
    code = textwrap.dedent(
        """
        import importlib.util, sys
        print(importlib.util.find_spec("pkg_resources") is not None)
        from policy_extract import extract
        claims = extract("新增企业25家。", "2025").claims  # a fresh cache: jieba reads dict.txt itself
        print(len(claims), "pkg_resources" in sys.modules)
        import pkg_resources
        print(pkg_resources.__name__)
        """
    )
    installed, loaded, importable = _python(code, cache=str(tmp_path)).splitlines()
    if installed != "True":
        pytest.skip("setuptools' pkg_resources is not installed here")
    assert loaded == "1 False"
    assert importable == "pkg_resources"


def test_warm_up_loads_what_a_first_document_would(tmp_path):
    code = textwrap.dedent(
        """
        import sys
        from policy_extract.gazetteer import load_gazetteer
        from policy_extract.pipeline import shared_pipeline, warm_up
        nlp = shared_pipeline()
        print(load_gazetteer.cache_info().currsize)
        warm_up(nlp)
        print(load_gazetteer.cache_info().currsize)
        """
    )
    # two tables: every form, and the entities' one filtered from it (`load_gazetteer`)
    assert _python(code, cache=str(tmp_path)).split() == ["0", "2"]
