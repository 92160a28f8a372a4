"""Greek acronyms and their Latin letter-by-letter spellings (``ΙΟΒΕ`` / ``IOBE``)."""

from __future__ import annotations

import pytest

from entityx.resolution import Resolver
from entityx.resolution.blocking import match_keys
from entityx.text.romanize import acronym_spellings


@pytest.mark.parametrize(
    ("greek", "latin"),
    [
        ("ΙΟΒΕ", "IOBE"),  # β as b, by its look
        ("ΙΟΒΕ", "IOVE"),  # β as v, by ELOT 743
        ("ΚΕΘΕΑ", "KETHEA"),  # θ as th
        ("ΔΗΠΑ", "DIPA"),  # η as i
        ("ΕΥΔΑΠ", "EYDAP"),
        ("Ο.Η.Ε.", "OIE"),  # dotted
    ],
)
def test_greek_acronym_spellings(greek: str, latin: str) -> None:
    assert latin in acronym_spellings(greek)


@pytest.mark.parametrize("word", ["Λαβρόφ", "Αθήνα", "NATO", "", "ΚΚΕ 2"])
def test_not_a_greek_acronym(word: str) -> None:
    assert acronym_spellings(word) == ()


def test_elot_spelling_comes_first() -> None:
    assert acronym_spellings("ΙΟΒΕ")[0] == "IOVE"


def test_resolver_merges_an_acronym_with_its_latin_letters_only() -> None:
    items = [("ΙΟΒΕ", "ORG"), ("IOBE", "ORG"), ("ΟΗΕ", "ORG"), ("UN", "ORG"), ("ΚΚΕ", "PERSON")]
    _, ids = Resolver(kb=False).resolve(items)
    assert ids[0] == ids[1]
    assert ids[2] != ids[3]  # a translated acronym does not spell the Greek letters


def test_every_latin_spelling_of_one_greek_acronym_joins_it() -> None:
    _, ids = Resolver(kb=False).resolve([("ΕΚΑΒ", "ORG"), ("EKAV", "ORG"), ("EKAB", "ORG")])
    assert len(set(ids)) == 1


def test_a_latin_spelling_two_greek_acronyms_share_is_not_joined_by_its_look() -> None:
    _, ids = Resolver(kb=False).resolve([("ΧΑΕ", "ORG"), ("ΞΑΕ", "ORG"), ("XAE", "ORG")])
    assert ids[2] != ids[0]  # χ may be written x, but ξ is x by ELOT 743


def test_acronym_and_its_latin_letters_share_a_registry_key() -> None:
    def no_kb(name: str, label: str) -> None:
        return None

    assert match_keys("ΚΕΘΕΑ", "ORG", kb_lookup=no_kb) & match_keys(
        "KETHEA", "ORG", kb_lookup=no_kb
    )
