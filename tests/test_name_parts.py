"""``entityx.resolution.name_parts``: Latin spellings of Greek name parts, and back."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from entityx.resolution.name_parts import greek_name_parts, latin_name_parts


@pytest.mark.parametrize(
    ("greek", "first"),
    [
        ("Φρανσουά", "François"),  # French: the source spelling, with its cedilla
        ("Γιώργος", "Giorgos"),  # Greek: ELOT 743 first
        ("Κυριάκος", "Kyriakos"),
        ("Μισέλ", "Michel"),
        ("Χοσέ", "José"),
        ("Γουίλιαμ", "William"),
        ("Μεταξάς", "Metaxas"),  # no stress mark copied from the Greek
    ],
)
def test_first_spelling_is_the_conventional_one(greek: str, first: str) -> None:
    assert latin_name_parts(greek)[0] == first


@pytest.mark.parametrize(
    ("greek", "also"),
    [("Γιώργος", "George"), ("Κωνσταντίνος", "Constantine"), ("Ελένη", "Helen")],
)
def test_english_forms_of_greek_given_names_are_offered(greek: str, also: str) -> None:
    assert also in latin_name_parts(greek)


def test_lookup_ignores_case_and_accents_and_finds_case_forms() -> None:
    spellings = latin_name_parts("Γιώργος")
    assert latin_name_parts("ΓΙΩΡΓΟΣ") == spellings
    assert latin_name_parts("γιωργος") == spellings
    assert latin_name_parts("Γιώργου") == spellings  # genitive → nominative


def test_transcriptions_of_other_languages_are_left_or_last() -> None:
    spellings = latin_name_parts("Γουίλιαμ")
    assert "Williams" not in spellings
    kim = latin_name_parts("Κιμ")
    assert "Kims" not in kim  # Latvian declension of Kim, not a spelling of the Greek


def test_unknown_and_non_greek_words_give_nothing() -> None:
    assert latin_name_parts("Ξψζωβ") == ()
    assert latin_name_parts("George") == ()
    assert latin_name_parts("") == ()
    assert greek_name_parts("Γιώργος") == ()
    assert greek_name_parts("") == ()


def test_greek_name_parts_goes_back() -> None:
    assert greek_name_parts("François") == ("Φρανσουά",)
    assert greek_name_parts("francois") == ("Φρανσουά",)
    assert "Γιώργος" in greek_name_parts("Giorgos")


# No deadline: the first example may be the one that loads the table.
@settings(deadline=None)
@given(st.text(max_size=12))
def test_any_text_is_safe(word: str) -> None:
    assert isinstance(latin_name_parts(word), tuple)
    assert isinstance(greek_name_parts(word), tuple)
