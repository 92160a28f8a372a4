"""Known Latin spellings of people's names, found by how a Greek transcription sounds.

Greek writes a foreign name by ear: ``Χόκινγκ``, ``Μέσι``, ``Ρενάρ``, ``Κουκ``. Romanising
the Greek letters gives ``Hoking``, ``Mesi``, ``Renar``, ``Kuk``, which no reader searches
for. The bundled lexicon (``entityx/data/latin_names.json.gz``, built by
``scripts/build_latin_names.py``) holds about 120,000 real given and family names in Latin
script, each indexed by its phonetic key as every language entityx knows would read it
(:func:`entityx.text.readings.every_reading`); a key names its most common spelling
(Zipf frequency from wordfreq), so ``kuk`` is Cook, not Kuk, and ``renar`` is Renard.

A key also names, per language where it differs, that language's own spelling read its way
(German ``nitse`` is Nietzsche where the key's is Nice, French ``sors`` Georges where it is
Jorge), and a spelling names the languages it reveals, those that write it far more than the
others (Friedrich: German); :mod:`entityx.resolution.source_language` reads both.

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

__all__ = [
    "latin_spelling",
    "latin_spellings_by_language",
    "name_popularity",
    "popularity_words",
    "revealed_languages",
]

_DATA = "latin_names.json.gz"
_FORMAT = 2
# Format 1 (no per-language spellings) still answers as it did: one spelling per key.
_READABLE = (1, _FORMAT)
_EMPTY: dict[str, Any] = {
    "keys": {}, "popularity": {}, "languages": {}, "reveals": {}, "person_keys": {},
}  # fmt: skip


def latin_spelling(greek_word: str, *, person: bool = False) -> str | None:
    """The most common Latin name that sounds like the Greek ``greek_word``, capitalised
    (``Χόκινγκ`` → ``Hawking``); ``None`` when no known name does.

    ``person``: the word is of a person's name, which is no ordinary English word that
    English writes more than any other language does (Κόφι: Kofi, not Coffee; Μελ: Mel, not
    Mail): the spread of such a word over the languages is the English word's, borrowed in
    phrases and brands, while places and firms are named with them (Cape Town, Young Boys).
    """
    norm = normalize(greek_word)
    if not norm or not has_greek(norm) or " " in norm:
        return None
    key = phonetic(norm)
    word = (_document()["person_keys"].get(key) if person else None) or _keys().get(key)
    if word is None or _initial_disagrees(norm, word):
        return None
    return _display(word)


# The phonetic key hears v as f (Lavrov and Λαβρόφ); Greek writes an initial f with φ, never
# β (Βαν is no Fan). An initial φ may be a German or Dutch v (Φερστάπεν: Verstappen).
_INITIALS_APART = {"β": ("f", "ph")}


def _initial_disagrees(greek_norm: str, latin_word: str) -> bool:
    other = _INITIALS_APART.get(greek_norm[:1])
    return other is not None and latin_word.casefold().startswith(other)


def latin_spellings_by_language(greek_word: str) -> dict[str, str]:
    """Per language (wordfreq code) whose own spelling of the Greek ``greek_word``'s sound is
    not :func:`latin_spelling`'s, that spelling, capitalised (``Νίτσε``: German Nietzsche)."""
    norm = normalize(greek_word)
    if not norm or not has_greek(norm) or " " in norm:
        return {}
    langs: dict[str, list[Any]] = _document()["languages"].get(phonetic(norm), {})
    return {lang: _display(found[0]) for lang, found in langs.items()}


def revealed_languages(spelling: str) -> dict[str, float]:
    """The languages that write the Latin ``spelling`` far more than the median language that
    writes it, with by how many Zipf points (Friedrich: German, 1.5)."""
    langs: dict[str, int] = _document()["reveals"].get(spelling.casefold(), {})
    return {lang: z / 100 for lang, z in langs.items()}


def name_popularity(spelling: str) -> float:
    """Zipf frequency of a Latin name spelling (0 when unknown): how often it is written."""
    return _popularity().get(spelling.casefold(), 0) / 100


def popularity_words() -> tuple[str, ...]:
    """Every spelling the lexicon knows, case folded (for indexes built over it)."""
    return tuple(_popularity())


def _display(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))


@cache
def _document() -> dict[str, Any]:
    ref = resources.files("entityx.data").joinpath(_DATA)
    try:
        data = json.loads(gzip.decompress(ref.read_bytes()))
    except FileNotFoundError:
        return _EMPTY
    return _readable(data)


def _readable(data: dict[str, Any]) -> dict[str, Any]:
    """The lexicon document as the lookups read it: empty for a format they do not know."""
    if data.get("format") not in _READABLE:
        return _EMPTY
    # Tuples, not JSON's lists, for the per-language spellings: the cyclic garbage collector
    # stops tracking tuples of strings and numbers (and dicts of them), where it would walk
    # 30,000 lists and dicts on every full pass of a long run.
    languages = {
        key: {lang: tuple(found) for lang, found in langs.items()}
        for key, langs in data.get("languages", {}).items()
    }
    return {**_EMPTY, **data, "languages": languages}


def _keys() -> dict[str, str]:
    keys: dict[str, str] = _document()["keys"]
    return keys


def _popularity() -> dict[str, int]:
    popularity: dict[str, int] = _document()["popularity"]
    return popularity


def load() -> None:
    """Read the lexicon now rather than at the first lookup."""
    _document()
