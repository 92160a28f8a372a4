"""A Greek noun in the genitive is glossed as the noun, never as its place's adjective."""

from __future__ import annotations

import pytest

from entityx.resolution import Resolver
from entityx.resolution.genitive_nouns import as_noun, is_adjective_of
from entityx.resolution.translate import noun_key_tuple, translation_keys


@pytest.mark.parametrize(
    ("word", "noun"),
    [("european", "europe"), ("pakistani", "pakistan"), ("chinese", "china"),
     ("turkish", "turk"), ("korean", "korea")],
)  # fmt: skip
def test_a_place_adjective_is_the_noun_with_an_ending(word: str, noun: str) -> None:
    assert is_adjective_of(word, noun)


@pytest.mark.parametrize(
    ("word", "noun"), [("turke", "turk"), ("europe", "europe"), ("bank", "ban"), ("e", "")]
)
def test_other_words_are_no_adjectives(word: str, noun: str) -> None:
    assert not is_adjective_of(word, noun)


def test_a_genitive_keeps_the_nouns_only() -> None:
    assert as_noun(("europe", "europa", "european"), True) == ("europe", "europa")
    assert as_noun(("turke", "turk", "turkish"), True) == ("turke", "turk")
    assert as_noun(("europe", "european"), False) == ("europe", "european")
    assert as_noun(("european",), True) == ("european",)  # nothing else to stand for it


def test_council_of_europe_and_european_council_are_two_bodies() -> None:
    forms = [
        "Ευρωπαϊκό Συμβούλιο",
        "Ευρωπαϊκού Συμβουλίου",
        "European Council",
        "Συμβούλιο της Ευρώπης",
        "Συμβουλίου της Ευρώπης",
        "Council of Europe",
    ]
    _, ids = Resolver(kb=False).resolve([(f, "ORG") for f in forms], definitions=())
    assert ids[0] == ids[1] == ids[2]
    assert ids[3] == ids[4] == ids[5]
    assert ids[0] != ids[3]
    # Read as a noun first: its keys then miss the European Council's.
    nouns = set(noun_key_tuple("Συμβούλιο της Ευρώπης", "ORG"))
    assert nouns & translation_keys("Council of Europe", "ORG")
    assert not nouns & translation_keys("European Council", "ORG")
    assert noun_key_tuple("Ευρωπαϊκό Συμβούλιο", "ORG") == ()  # no genitive: one reading


@pytest.mark.parametrize(
    ("greek", "latin"),
    [("Κεντρική Τράπεζα της Τουρκίας", "Central Bank of Turkey"),
     ("Τράπεζα της Ελλάδος", "Bank of Greece")],
)  # fmt: skip
def test_a_genitive_still_meets_its_translation(greek: str, latin: str) -> None:
    _, ids = Resolver(kb=False).resolve([(greek, "ORG"), (latin, "ORG")], definitions=())
    assert ids[0] == ids[1]


def test_a_genitive_read_as_its_adjective_joins_an_unpaired_latin_name() -> None:
    # Κόμμα της Κίνας is the Chinese Party where no "Party of China" is named.
    forms = [("Κομμουνιστικό Κόμμα της Κίνας", "ORG"), ("Chinese Communist Party", "ORG")]
    _, ids = Resolver(kb=False).resolve(forms, definitions=())
    assert ids[0] == ids[1]
    both = [*forms, ("Communist Party of China", "ORG")]
    _, ids = Resolver(kb=False).resolve(both, definitions=())
    assert ids[0] == ids[2]
