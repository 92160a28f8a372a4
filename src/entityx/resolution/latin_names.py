"""Known Latin spellings of people's names, found by how a Greek transcription sounds.

Greek writes a foreign name by ear: ``Χόκινγκ``, ``Μέσι``, ``Ρενάρ``, ``Κουκ``. Romanising
the Greek letters gives ``Hoking``, ``Mesi``, ``Renar``, ``Kuk``, which no reader searches
for. The bundled lexicon (``entityx/data/latin_names.json.gz``, built by
``scripts/build_latin_names.py``) holds about 120,000 real given and family names in Latin
script, each indexed by its phonetic key as every language entityx knows would read it
(:func:`entityx.text.readings.every_reading`); a key names its most common spelling
(Zipf frequency from wordfreq), so ``kuk`` is Cook, not Kuk, and ``renar`` is Renard.

The table is read once, on first use; a tree without it (a bare checkout) answers ``None``.
"""

from __future__ import annotations

import gzip
import json
from functools import cache
from importlib import resources
from typing import Any

from ..text.greek import has_greek, normalize
from ..text.keys import phonetic

__all__ = ["latin_spelling", "name_popularity"]

_DATA = "latin_names.json.gz"
_FORMAT = 1


def latin_spelling(greek_word: str) -> str | None:
    """The most common Latin name that sounds like the Greek ``greek_word``, capitalised
    (``Χόκινγκ`` → ``Hawking``); ``None`` when no known name does."""
    norm = normalize(greek_word)
    if not norm or not has_greek(norm) or " " in norm:
        return None
    word = _keys().get(phonetic(norm))
    return _display(word) if word is not None else None


def name_popularity(spelling: str) -> float:
    """Zipf frequency of a Latin name spelling (0 when unknown): how often it is written."""
    return _popularity().get(spelling.casefold(), 0) / 100


def _display(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))


@cache
def _document() -> dict[str, Any]:
    ref = resources.files("entityx.data").joinpath(_DATA)
    try:
        data = json.loads(gzip.decompress(ref.read_bytes()))
    except FileNotFoundError:
        return {"keys": {}, "popularity": {}}
    if data.get("format") != _FORMAT:
        return {"keys": {}, "popularity": {}}
    return data


def _keys() -> dict[str, str]:
    keys: dict[str, str] = _document()["keys"]
    return keys


def _popularity() -> dict[str, int]:
    popularity: dict[str, int] = _document()["popularity"]
    return popularity


def load() -> None:
    """Read the lexicon now rather than at the first lookup."""
    _document()
