"""The Latin name lexicon's build (scripts/build_latin_names.py) on hand-made frequencies:
which spellings count as ordinary English words, and what a person's key spells instead."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

build_latin_names = pytest.importorskip("build_latin_names", reason="needs the dev extra")

# Per language, a word's share of the running words (as wordfreq's tables hold them).
TABLES = {
    "en": {"coffee": 3e-5, "kofi": 2e-7, "bush": 4e-5, "el": 1e-6},
    "de": {"coffee": 1e-6, "kofi": 1e-7, "el": 1e-6},
    "es": {"el": 2e-2},
}
COMMON = {"coffee", "bush", "el"}  # English Hunspell's lower-case words
PROPER = {"bush"}  # ...and its capitalised ones


def test_ordinary_english_words_are_common_never_names_and_most_english() -> None:
    pop = {"coffee": 4.0, "kofi": 3.0, "bush": 4.5, "el": 6.0}
    words = build_latin_names.ordinary_english_words(pop, TABLES, COMMON, PROPER)
    # Bush is a name English writes; el is written far more in Spanish.
    assert words == ["coffee"]


def test_a_persons_key_names_the_spelling_that_is_no_ordinary_english_word() -> None:
    pop = {"coffee": 4.0, "kofi": 3.0}
    keys = build_latin_names.key_index(pop, set(pop))
    [key] = {k for k, word in keys.items() if word == "coffee"} & set(
        build_latin_names.every_reading("kofi")
    )
    people = build_latin_names.person_keys(keys, pop, set(pop), {"coffee"})
    assert people[key] == "kofi"
    assert all(keys[k] == "coffee" for k in people)
