"""Regnal numerals: Greek letter numerals and Roman ones name the same ruler."""

from __future__ import annotations

import pytest

from entityx.resolution import Resolver
from entityx.text.greek import normalize
from entityx.text.keys import token_keys
from entityx.text.numerals import greek_numerals_as_roman, is_roman_numeral, roman

P = "PERSON"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Κάρολος Γ΄", "Κάρολος iii"),  # U+0384 tonos as keraia
        ("Λέων ΙΔʹ", "Λέων xiv"),  # U+02B9
        ("Ιωάννης ΚΓ'", "Ιωάννης xxiii"),  # an apostrophe for the keraia
        ("Μοχάμεντ ΣΤ΄", "Μοχάμεντ vi"),
        ("Βαρθολομαίος Α΄", "Βαρθολομαίος i"),
        ("ντ' Εστέν", "ντ' Εστέν"),  # an elision, lower case
        ("Γ. Παπανδρέου", "Γ. Παπανδρέου"),  # an initial
        ("Μάλκολμ Χ", "Μάλκολμ Χ"),  # no keraia: a letter
    ],
)
def test_greek_numerals_as_roman(text: str, expected: str) -> None:
    assert greek_numerals_as_roman(text) == expected


def test_roman_numerals() -> None:
    assert [roman(n) for n in (1, 4, 9, 14, 23, 40, 49)] == [
        "i", "iv", "ix", "xiv", "xxiii", "xl", "xlix",
    ]  # fmt: skip
    assert all(is_roman_numeral(roman(n)) for n in range(2, 50) if len(roman(n)) > 1)
    # One letter is as often an initial; Li and Mix are names and words.
    assert not any(is_roman_numeral(w) for w in ("i", "v", "x", "li", "mix", "ivan", "lix"))


def test_normalised_numeral_is_one_word_in_both_scripts() -> None:
    assert normalize("Κάρολος Γ΄").split()[-1] == normalize("Charles III").split()[-1]


@pytest.mark.parametrize(
    ("name", "numeral_key"),
    [("Charles III", "III"), ("Theodore II of Alexandria", "II"), ("Πάπας Πίος ΙΒ΄", "XII")],
)
def test_numeral_keys_as_itself(name: str, numeral_key: str) -> None:
    assert numeral_key in token_keys(name)[0]


def test_a_first_word_is_never_a_numeral() -> None:
    assert token_keys("Xi Jinping")[0][0] == token_keys("Σι Τζινπίνγκ")[0][0]


@pytest.mark.parametrize(
    ("greek", "latin"),
    [("Μακάριος Γ΄", "Makarios III"), ("Ιωάννης Παύλος Β΄", "Ioannis Pavlos II")],
)
def test_numbered_names_meet_across_scripts(greek: str, latin: str) -> None:
    ids = Resolver(kb=False).resolve([(greek, P), (latin, P)])[1]
    assert ids[0] == ids[1]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Κάρολος Β΄", "Κάρολος Γ΄"),
        ("Ιωάννης Παύλος Α΄", "Ιωάννης Παύλος Β΄"),
        ("Louis XIV", "Louis XV"),
    ],
)
def test_different_numbers_are_different_people(a: str, b: str) -> None:
    ids = Resolver(kb=False).resolve([(a, P), (b, P)])[1]
    assert ids[0] != ids[1]


def test_a_greek_numeral_is_named_in_roman_capitals() -> None:
    entities, _ = Resolver(kb=False).resolve([("Κάρολος Γ΄", P)])
    assert entities[0].name.endswith(" III")


def test_only_a_numeral_written_as_one_is_read_as_one() -> None:
    # Roman capitals or Greek letters with a keraia; Ba Vì's vì is a word, EOKA-B a letter.
    assert token_keys("Ba Vì")[0][-1] != "VI"
    assert token_keys("EOKA-B")[0][-1] == "b"
    assert token_keys("ΕΟΚΑ Β΄")[0][-1] == "II"
