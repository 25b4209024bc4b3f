"""spaCy, imported without its command line.

`import spacy` imports `spacy.cli` for the one name the package takes from it, `spacy.info`,
and the command line brings typer, weasel, requests, httpx and some 360 other modules: 0.27 s
of the 0.75 s spaCy's import takes, a quarter of `policy-extract run` on one article, and
start-up every `--jobs` worker waits for. Our modules import spaCy from here, so the first
import runs with a stand-in for `spacy.cli.info` whose `info` loads the real one when called;
`spacy.cli` itself stays importable, and `spacy.cli` as an attribute loads it on first use.
Where spaCy is already imported, or its package changes so that the stand-in no longer
fits, spaCy is imported as usual.
"""

import importlib
import sys
import types
from typing import Any


def _info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`, from the command line loaded now."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def _spacy_attribute(name: str) -> types.ModuleType:
    """`spacy.cli`, imported on first use (PEP 562): as after a plain `import spacy`."""
    if name == "cli":
        return importlib.import_module("spacy.cli")
    raise AttributeError(f"module 'spacy' has no attribute {name!r}")


if "spacy" not in sys.modules and "spacy.cli.info" not in sys.modules:
    stand_in = types.ModuleType("spacy.cli.info")
    stand_in.info = _info  # type: ignore[attr-defined]
    sys.modules["spacy.cli.info"] = stand_in
    try:
        import spacy
    except ImportError:  # spaCy asks the command line for more than `info`
        pass
    else:
        if "cli" not in vars(spacy) and "__getattr__" not in vars(spacy):
            spacy.__getattr__ = _spacy_attribute  # type: ignore[method-assign]
    finally:
        if sys.modules.get("spacy.cli.info") is stand_in:
            del sys.modules["spacy.cli.info"]

import spacy  # noqa: E402

__all__ = ["spacy"]
