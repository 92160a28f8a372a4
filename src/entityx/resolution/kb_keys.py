"""Lookup keys of knowledge-base names and the index lists built from them.

Shared by :mod:`.kb` (which computes them, or reads them stored in the bundled file) and
``scripts/build_kb.py`` (which stores them).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..text.greek import greek_stem, has_greek, normalize
from ..text.keys import name_key

__all__ = [
    "Index",
    "add",
    "add_in_order",
    "frozen",
    "greek_stem_key",
    "index_keys",
    "keys_agree",
    "sound_key",
]

Index = dict[tuple[str, str], Sequence[int]]  # lists while built, then tuples


def index_keys(name: str) -> tuple[str, str, str]:
    """A name's lookup keys: normalised, Greek stem key (``""`` for a Latin name), sound.

    The bundled KB stores them precomputed (:func:`.kb.load_bundled`); both use this function.
    """
    norm = normalize(name)
    return norm, greek_stem_key(norm) if has_greek(norm) else "", sound_key(name)


# A y between vowels is what one transcription writes for another's i (Μάγια and Μάια Σάντου,
# Maia Sandu; Mayer, Maier): one sound key. Only in the knowledge base's keys, looked up
# after the exact and stem ones: folding glides in the resolver's own keys (tried as i -> y,
# 2026-12-07) cost two wrong merges on benchmarks/bench_cross_script.py.
# (Before a vowel, or where the key's stem ended it: μαγια → may, maia → mai.)
_GLIDE = re.compile(r"(?<=[aeiou])y(?=[aeiou ]|$)")


def sound_key(name: str) -> str:
    """The key a name is looked up by sound with: :func:`name_key`, its glides folded."""
    key = name_key(name)
    return _GLIDE.sub("i", key) if "y" in key else key


def frozen(index: dict[tuple[str, str], list[int]]) -> Index:
    # Tuples of ints, unlike lists, drop out of the garbage collector's full passes: the
    # bundled KB's 50,000 index lists were walked on every one of them.
    return {key: tuple(hits) for key, hits in index.items()}


def add(index: dict[tuple[str, str], list[int]], key: tuple[str, str], idx: int) -> None:
    lst = index.setdefault(key, [])
    if idx not in lst:
        lst.append(idx)


def greek_stem_key(norm: str) -> str:
    return " ".join(greek_stem(w) for w in norm.split())


def keys_agree(probe: Sequence[Sequence[str]]) -> bool:
    """Whether the stored ``[name, *keys]`` rows are what :func:`index_keys` gives today."""
    return bool(probe) and all(list(index_keys(row[0])) == list(row[1:]) for row in probe)


def add_in_order(index: dict[tuple[str, str], list[int]], key: tuple[str, str], idx: int) -> None:
    hits = index.get(key)
    if hits is None:
        index[key] = [idx]
    elif hits[-1] != idx:
        hits.append(idx)
