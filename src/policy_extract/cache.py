"""Our folder in the user's cache, for what is costly to rebuild at every start-up."""

from __future__ import annotations

import hashlib
import marshal
import os
from pathlib import Path
from typing import Any, Callable


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
