"""Conventional Latin spellings of Greek-script given and family names, and back.

``latin_name_parts("Φρανσουά") == ("François",)``; ``latin_name_parts("Γιώργος")`` starts
``("Giorgos", "George", ...)``: the ELOT 743 form where a name is Greek, then the English and
other conventional spellings, most conventional first. The table
(``entityx/data/name_parts.json.gz``) is built by ``scripts/build_kb.py`` from rigour's
Wikidata name table and Wiktionary's Greek given names; it is read once, on first use.
"""

from __future__ import annotations

import gzip
import json
from functools import cache
from importlib import resources

from ..text.greek import has_greek, nominative_candidates, normalize

__all__ = ["greek_name_parts", "latin_name_parts"]

_DATA = "name_parts.json.gz"

Table = dict[str, tuple[str, ...]]


def latin_name_parts(word: str) -> tuple[str, ...]:
    """Latin spellings of one Greek name part, most conventional first; ``()`` if unknown.

    The lookup ignores case and accents; a case form the table lacks is looked up by its
    nominative (``Γιώργου`` → the spellings of ``Γιώργος``).
    """
    key = normalize(word)
    if not key or not has_greek(key):
        return ()
    latin, _greek = _tables()
    hit = latin.get(key)
    if hit is not None:
        return hit
    if " " not in key:
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
    return _tables()[1].get(key, ())


@cache
def _tables() -> tuple[Table, Table]:
    ref = resources.files("entityx.data").joinpath(_DATA)
    try:
        rows = json.loads(gzip.decompress(ref.read_bytes()))
    except FileNotFoundError:
        return {}, {}
    latin: Table = {}
    ranked: dict[str, list[tuple[int, int, str]]] = {}
    for row_no, (greek, spellings) in enumerate(rows):
        latin[normalize(greek)] = tuple(spellings)
        for rank, spelling in enumerate(spellings):
            ranked.setdefault(normalize(spelling), []).append((rank, row_no, greek))
    greek_of: Table = {
        key: tuple(dict.fromkeys(g for _r, _n, g in sorted(hits))) for key, hits in ranked.items()
    }
    return latin, greek_of
