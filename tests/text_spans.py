"""Locating test quantities in their sentences."""

from __future__ import annotations


def span_of(text: str, quantity: str) -> tuple[int, int]:
    """Offsets of `quantity` in `text`; ``"8%#2"`` names the second occurrence."""
    surface, _, occurrence = quantity.partition("#")
    start = -1
    for _ in range(int(occurrence or 1)):
        start = text.index(surface, start + 1)
    return start, start + len(surface)
