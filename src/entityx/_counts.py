"""Counted nouns for messages (``1 document``, ``2 entities``): one rule for every command."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["counts", "plural"]


def plural(count: int, word: str) -> str:
    """``1 document``, ``2 documents``, ``1 entity``, ``0 entities`` (thousands separated)."""
    if count == 1:
        return f"1 {word}"
    return f"{count:,} " + (word[:-1] + "ies" if word.endswith("y") else word + "s")


def counts(pairs: Iterable[tuple[int, str]]) -> str:
    """``3 documents, 1 entity`` from ``[(3, "document"), (1, "entity")]``."""
    return ", ".join(plural(n, word) for n, word in pairs)
