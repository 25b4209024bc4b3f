"""Helpers the test modules share: where the shared development set is, and locating quantities."""

from __future__ import annotations

import os
from pathlib import Path

# The project's shared folder sits beside the repository (../shared); tests that read it skip
# when it is absent. POLICY_EXTRACT_SHARED points elsewhere.
SHARED = Path(os.environ.get("POLICY_EXTRACT_SHARED", Path(__file__).resolve().parents[2] / "shared"))
DEV = SHARED / "dev"


def span_of(text: str, quantity: str) -> tuple[int, int]:
    """Offsets of `quantity` in `text`; ``"8%#2"`` names the second occurrence."""
    surface, _, occurrence = quantity.partition("#")
    start = -1
    for _ in range(int(occurrence or 1)):
        start = text.index(surface, start + 1)
    return start, start + len(surface)
