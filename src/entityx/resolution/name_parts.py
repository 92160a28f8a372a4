"""Conventional Latin spellings of Greek-script given and family names, and back.

``latin_name_parts("Φρανσουά") == ("François",)``; ``latin_name_parts("Γιώργος")`` starts
``("Giorgos", "George", ...)``: the ELOT 743 form where a name is Greek, then the English and
other conventional spellings, most conventional first. The table
(``entityx/data/name_parts.json.gz``) is built by ``scripts/build_kb.py`` from rigour's
Wikidata name table and Wiktionary's Greek given names, with the lookup keys precomputed; it
is read once, on first use (the Latin-to-Greek index only when first asked for).
"""

from __future__ import annotations

import gzip
import json
from functools import cache
from importlib import resources
from typing import Any

from ..text.greek import has_greek, nominative_candidates, normalize

__all__ = ["greek_name_parts", "latin_name_parts"]

_DATA = "name_parts.json.gz"

Table = dict[str, tuple[str, ...]]


def latin_name_parts(word: str, *, inflected: bool = True) -> tuple[str, ...]:
    """Latin spellings of one Greek name part, most conventional first; ``()`` if unknown.

    The lookup ignores case and accents; a case form the table lacks is looked up by its
    nominative (``Γιώργου`` → the spellings of ``Γιώργος``) unless ``inflected=False``.
    """
    key = normalize(word)
    if not key or not has_greek(key):
        return ()
    latin = _latin()
    hit = latin.get(key)
    if hit is not None:
        return hit
    if inflected and " " not in key:
        for cand in nominative_candidates(key)[1:]:
            hit = latin.get(cand)
            if hit is not None:
                return hit
    return ()


def greek_name_parts(latin_word: str) -> tuple[str, ...]:
    """Greek spellings of one Latin name part (``François`` → ``("Φρανσουά",)``), the ones it
    is the most conventional spelling of first; ``()`` if unknown."""
    key = normalize(latin_word)
    if not key or has_greek(key):
        return ()
    return _greek().get(key, ())


Row = tuple[str, str, tuple[str, ...], tuple[str, ...]]


@cache
def _rows() -> tuple[Row, ...]:
    """``(greek, greek key, (latin...), (latin keys))`` rows; keys stored by the build and
    recomputed if :func:`normalize` no longer gives them (checked on a sample). Tuples, not
    JSON's lists: the cyclic garbage collector stops tracking tuples of strings, where it
    would walk 12,000 lists on every full pass."""
    ref = resources.files("entityx.data").joinpath(_DATA)
    try:
        data = json.loads(gzip.decompress(ref.read_bytes()))
    except FileNotFoundError:
        return ()
    rows: list[list[Any]] = data["rows"]
    if not all(normalize(word) == key for word, key in data["probe"]):
        for row in rows:
            row[1], row[3] = normalize(row[0]), [normalize(s) for s in row[2]]
    return tuple((greek, key, tuple(latin), tuple(keys)) for greek, key, latin, keys in rows)


@cache
def _latin() -> Table:
    return {key: tuple(spellings) for _greek, key, spellings, _keys in _rows()}


@cache
def _greek() -> Table:
    ranked: dict[str, list[tuple[int, int, str]]] = {}
    for row_no, (greek, _key, _spellings, latin_keys) in enumerate(_rows()):
        for rank, latin_key in enumerate(latin_keys):
            ranked.setdefault(latin_key, []).append((rank, row_no, greek))
    return {key: tuple(dict.fromkeys(g for *_, g in sorted(hits))) for key, hits in ranked.items()}


def load() -> None:
    """Read the table now (both directions) rather than at the first lookup."""
    _latin()
    _greek()
