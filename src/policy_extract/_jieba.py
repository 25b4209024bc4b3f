"""jieba, imported without `pkg_resources`.

jieba 0.42 imports `pkg_resources` (0.05 s of a run's start-up, and deprecated by setuptools)
only to open its own data files, and opens them by path when that import fails, as it does
wherever setuptools is absent (Python 3.12's venvs). Our modules import jieba from here, so
the first import takes that path; `pkg_resources` stays importable for everyone else.
"""

import sys

if "jieba" not in sys.modules and "pkg_resources" not in sys.modules:
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # import fails: jieba's fallback
    try:
        import jieba
    finally:
        del sys.modules["pkg_resources"]

import jieba

__all__ = ["jieba"]
