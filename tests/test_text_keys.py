"""Normalisation, inflection, romanisation and phonetic keys (pure, no spaCy)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from entityx.resolution.blocking import match_keys
from entityx.text.greek import greek_stem, normalize
from entityx.text.keys import name_key, phonetic, token_keys
from entityx.text.romanize import elot743, romanize, romanize_phonetic

SAME_KEY = [
    ("Λαβρόφ", "Lavrov"),
    ("Σεργκέι Λαβρόφ", "Sergey Lavrov"),
    ("Κιμ Γιονγκ Ουν", "Kim Jong-un"),
    ("Βλαντίμιρ Πούτιν", "Vladimir Putin"),
    ("Γουονσάν", "Wonsan"),
    ("Ρωσίας", "Ρωσία"),
    ("Βόρειας Κορέας", "Βόρεια Κορέα"),
    ("Κυριάκου Μητσοτάκη", "Κυριάκος Μητσοτάκης"),
    ("Αλέξη Τσίπρα", "Αλέξης Τσίπρας"),
    ("ΝΑΤΟ", "NATO"),
    ("ΚCNA", "KCNA"),
    ("ΤΑΣΣ", "TASS"),
    ("Γενς Στόλτενμπεργκ", "Jens Stoltenberg"),
    ("Σι Τζινπίνγκ", "Xi Jinping"),
]
DIFFERENT_KEY = [
    ("Βόρεια Κορέα", "Νότια Κορέα"),
    ("Αλέξης Τσίπρας", "Δημήτρης Τσίπρας"),
    ("Ντόναλντ Τραμπ", "Μελάνια Τραμπ"),
]


@pytest.mark.parametrize(("a", "b"), SAME_KEY)
def test_same_name_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(("a", "b"), DIFFERENT_KEY)
def test_different_name_key(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


@pytest.mark.parametrize(
    ("raw", "norm"),
    [
        ("Ο κ. Πούτιν", "πουτιν"),
        ("ΚCNA", "kcna"),
        ("Fethullah Gülen", "fethullah gulen"),
        ("Σεργκέι", "σεργκεϊ"),
        ("Kim Jong-un", "kim jong un"),
        ("ΡΩΣΊΑΣ", "ρωσιασ"),
        # A dotted abbreviation is one word: its letters are not articles to drop.
        ("Ο.Η.Ε.", "οηε"),
        ("Η.Π.Α.", "ηπα"),
        ("ΕΛ.ΑΣ.", "ελασ"),
        ("U.S.", "us"),
        ("S. V. Lavrov", "s v lavrov"),  # initials with spaces stay apart
        ("Γ.Α. Παπανδρέου", "γ α παπανδρεου"),
    ],
)
def test_normalize(raw: str, norm: str) -> None:
    assert normalize(raw) == norm


@given(st.text(max_size=40))
@settings(max_examples=300, deadline=None)
def test_normalize_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@given(st.text(alphabet="αβγδεζηθικλμνξοπρστυφχψωάέήίόύώϊΐςABCKNOTabcdejhsvwyz -", max_size=30))
@settings(max_examples=300, deadline=None)
def test_keys_total(text: str) -> None:
    # Never raises, always returns ascii-ish keys of Latin letters.
    for word in normalize(text).split():
        assert all(ch.isascii() for ch in phonetic(word))


def test_greek_stem_meets_cases() -> None:
    assert greek_stem("ρωσιασ") == greek_stem("ρωσια")
    assert greek_stem("κυριακου") == greek_stem("κυριακοσ")


def test_a_vowel_with_a_diaeresis_is_no_case_ending() -> None:
    # Χανόι is no plural in -οι: its stem is not Χάναου's.
    assert greek_stem(normalize("Χανόι")) != greek_stem(normalize("Χάναου"))
    assert greek_stem(normalize("Μαΐου")) == greek_stem(normalize("Μάιος"))


def test_romanize() -> None:
    assert romanize("Βλαντίμιρ Πούτιν") == "Vladimir Putin"
    assert romanize("Αλέξης Τσίπρας") == "Alexis Tsipras"
    assert elot743("παυλοπουλοσ") == "pavlopoulos"
    assert romanize("Κυριάκος Μητσοτάκης") == "Kyriakos Mitsotakis"


def test_match_keys_share_a_key() -> None:
    pairs = [
        ("Λαβρόφ", "Sergey Lavrov"),
        ("Κιμ", "Kim Jong-un"),
        ("Ρωσίας", "Russia"),
        ("Γαλλία", "France"),
        ("Πούτιν", "Βλαντίμιρ Πούτιν"),
    ]
    for a, b in pairs:
        label = "LOC" if a in ("Ρωσίας", "Γαλλία") else "PERSON"
        assert match_keys(a, label) & match_keys(b, label), (a, b)
    assert not match_keys("Λαβρόφ", "PERSON") & match_keys("Λαβρόφ", "ORG")


def test_no_spacy_import() -> None:
    code = (
        "import sys; import entityx.text, entityx.text.keys, entityx.resolution, "
        "entityx.resolution.evaluate; "
        "from entityx.resolution import resolve; resolve([('Λαβρόφ', 'PERSON')]); "
        "assert 'spacy' not in sys.modules, 'spacy imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize(
    ("greek", "latin"),
    [
        ("γελτσιν", "yeltsin"),  # γ before e and i is a y
        ("σεραγεβο", "serayevo"),
        ("γιουλια", "yulia"),
        ("γκετε", "gete"),  # the g of other languages is γκ there
        ("ντενγκ", "deng"),
        ("λαβροφ", "lavrov"),
    ],
)
def test_foreign_words_are_read_by_their_sound(greek: str, latin: str) -> None:
    assert romanize_phonetic(greek) == latin


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Abdel Fattah el-Sisi", "Abdel Fattah al-Sisi"),  # the Arabic article, either way
        ("Αμπντέλ Φατάχ ελ Σίσι", "Abdel Fattah al-Sisi"),
    ],
)
def test_the_arabic_article_inside_a_name_has_one_key(a: str, b: str) -> None:
    assert token_keys(a) == token_keys(b)


def test_a_first_el_is_no_arabic_article() -> None:
    assert token_keys("El Salvador")[0] == ("el", "salfador")


@pytest.mark.parametrize("short", ["el-Sisi", "El-Sisi", "al-Sisi"])
def test_a_first_el_with_a_hyphen_is_the_arabic_article(short: str) -> None:
    assert token_keys(short) == token_keys("al Sisi")
