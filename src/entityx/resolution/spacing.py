"""Names written apart or together: ``Hà Nội`` and ``Hanoi``, ``Viet Nam`` and ``Vietnam``,
``Abu Dhabi`` and ``Abudhabi``.

Vietnamese writes each syllable apart, English mostly joins them, and transliterations of
Arabic or Chinese names do either. A name of several words whose phonetic keys, joined, are
the key of a one-word name (or of another spacing of it) is that name. The keys are
unstemmed, so that both sides spell the whole word, and long enough not to meet by chance.
"""

from __future__ import annotations

from .matching import Name, UnionFind

__all__ = ["merge_spacing"]

# Joined keys shorter than this (Li Na: lina) are too short to single a name out.
_MIN_JOINED = 5


def merge_spacing(names: list[Name], idxs: list[int], uf: UnionFind) -> None:
    """Names whose keys, spaces removed, are the same merge (module doc)."""
    joined: dict[str, int] = {}
    spaced: list[tuple[int, str]] = []
    for i in idxs:
        keys = names[i].keys
        key = "".join(keys)
        if len(key) < _MIN_JOINED:
            continue
        if len(keys) == 1:
            joined.setdefault(key, i)
        else:
            spaced.append((i, key))
    for i, key in spaced:
        head = joined.setdefault(key, i)
        if head != i:
            uf.union(head, i)
