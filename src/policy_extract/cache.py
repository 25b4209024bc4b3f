"""Our folder in the user's cache, for what is costly to rebuild at every start-up."""

from __future__ import annotations

import atexit
import copyreg
import hashlib
import marshal
import os
import pickle
import sys
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, cast

import regex


def cache_dir() -> Path:
    """$XDG_CACHE_HOME/policy-extract, else ~/.cache/policy-extract (not the shared /tmp)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "policy-extract"


def cached(name: str, key: str, build: Callable[[], Any]) -> Any:
    """`build()`, kept in a marshal file named after `key`; rebuilt when the file is unusable.

    The key must change whenever the result would (versions and sizes of the inputs); a
    cache that cannot be written (read-only home) costs nothing but the rebuild.
    """
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    path = cache_dir() / f"{name}-{digest}.marshal"
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(marshal.dumps(value))
        os.replace(temporary, path)
    except OSError:
        pass
    return value


class _PatternUnpickler(pickle.Unpickler):
    """Unpickles compiled `regex` patterns and plain data, nothing else: a cache file someone
    else wrote may name no other function to call."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == (_REGEX_COMPILER.__module__, _REGEX_COMPILER.__name__):
            return _REGEX_COMPILER
        raise pickle.UnpicklingError(f"{module}.{name} is not the regex compiler")


def _regex_compiler() -> Callable[..., Any]:
    """The function a pickled `regex` pattern is rebuilt with (its compiled code goes to it),
    as the regex module registers it with `copyreg`."""
    empty = regex.compile("")
    return cast("Callable[..., Any]", copyreg.dispatch_table[type(empty)](empty)[0])  # (callable, args)


_REGEX_COMPILER = _regex_compiler()


class PatternStore:
    """What is derived from a regular expression alone, kept between runs: the compiled pattern,
    and any analysis of it (`line_gate`).

    The `regex` module's compiler is pure Python: our rules cost about 0.15 s of compiling at
    every start-up, a tenth of `policy-extract run` on one article. A pickled pattern holds its
    compiled code, which unpickling hands to the C engine (4 ms for all of ours). The file is
    keyed on the versions of regex, Python and this format; it is written at exit when the run
    added to it. Rules come and go (a user editing theirs, a new release): a run that writes the
    store keeps only what it used once the store holds over `STALE_FACTOR` times that, for a
    store that only grew was read whole at every start-up (15,000 entries, 7.6 MB and 0.1 s where
    a run uses 1,000).
    """

    STALE_FACTOR = 2
    FORMAT = 1

    def __init__(self, path: Path | None = None):
        self._path = path
        self._entries: dict[Hashable, Any] | None = None
        self._used: set[Hashable] = set()  # the keys this run asked for (about a thousand, asked once each)
        self._added = False

    @property
    def path(self) -> Path:
        if self._path is None:
            key = f"{regex.__version__}:{sys.version}:{self.FORMAT}"
            self._path = cache_dir() / f"regex-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:16]}.pickle"
        return self._path

    def compiled(self, pattern: str, flags: int = 0) -> regex.Pattern[str]:
        """`regex.compile(pattern, flags)`, from the store when an earlier run compiled it."""
        flags = int(flags)  # a RegexFlag would pickle as a class reference, which loading refuses
        return self.derived(("compiled", pattern, flags), lambda: regex.compile(pattern, flags))

    def derived(self, key: Hashable, build: Callable[[], Any]) -> Any:
        """The value kept under `key`, else `build()` kept there: a pure function of the key."""
        entries = self._load()
        self._used.add(key)
        try:
            return entries[key]
        except KeyError:
            pass
        value = entries[key] = build()
        if not self._added:
            self._added = True
            atexit.register(self.save)
        return value

    def save(self) -> None:
        """Write the store if this run added to it; a cache that cannot be written costs nothing."""
        if not self._added or self._entries is None:
            return
        entries = self._entries
        if len(entries) > self.STALE_FACTOR * len(self._used):
            entries = {key: entries[key] for key in self._used if key in entries}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_bytes(pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(temporary, self.path)
        except (OSError, pickle.PicklingError):
            return
        self._added = False

    def _load(self) -> dict[Hashable, Any]:
        if self._entries is None:
            try:
                with open(self.path, "rb") as handle:
                    entries = _PatternUnpickler(handle).load()
                self._entries = entries if isinstance(entries, dict) else {}
            except Exception:  # noqa: BLE001 - none yet, truncated, foreign or stale: start over
                self._entries = {}
        return self._entries


PATTERNS = PatternStore()
