"""Two Greek nouns of one stem (``Όλυμπος``, ``Ολυμπία``) are two places; a name's cases and
spelling variants stay one (:mod:`entityx.resolution.noun_families`)."""

from __future__ import annotations

import itertools

import pytest

from entityx.resolution import Resolver
from entityx.resolution.noun_families import two_nouns
from entityx.text.greek import normalize

TWO = [
    ("Όλυμπος", "Ολυμπία"),  # -ος against -ία
    ("Ολύμπου", "Ολυμπίας"),  # ...in the genitive
    ("Μεσσηνία", "Μεσσήνη"),  # -ία against -η
    ("Κόρινθος", "Κορινθία"),
    ("Πόντος", "Ποντίων"),
]
ONE = [
    ("Όλυμπος", "Ολύμπου"),
    ("Ολυμπία", "Ολυμπίας"),
    ("Πειραιάς", "Πειραιώς"),  # a learned genitive
    ("Αθήνα", "Αθηνών"),
    ("Χανιά", "Χανίων"),
    ("Λάρισα", "Λάρισσα"),  # a doubled letter: a spelling
    ("Σανγκάη", "Σαγκάη"),  # two spellings, not two endings
    ("Ελλάδα", "Ελλάδος"),
]


@pytest.mark.parametrize(("a", "b"), TWO)
def test_two_paradigms_are_two_nouns(a: str, b: str) -> None:
    assert two_nouns(normalize(a), normalize(b))
    assert two_nouns(normalize(b), normalize(a))


@pytest.mark.parametrize(("a", "b"), ONE)
def test_cases_and_spellings_are_one_noun(a: str, b: str) -> None:
    assert not two_nouns(normalize(a), normalize(b))


def test_the_mountain_and_the_sanctuary_stay_two_places_in_any_order() -> None:
    forms = ["Όλυμπος", "Ολύμπου", "Ολυμπία", "Ολυμπίας"]
    for order in itertools.permutations(forms):
        _, ids = Resolver(kb=False).resolve([(f, "LOC") for f in order], definitions=())
        entity = dict(zip(order, ids, strict=True))
        assert entity["Όλυμπος"] == entity["Ολύμπου"] != entity["Ολυμπία"] == entity["Ολυμπίας"]


def test_people_are_left_to_their_own_rules() -> None:
    # (Two nouns of one stem for places; a person's forms go by the given-name rules.)
    _, ids = Resolver(kb=False).resolve(
        [("Κορίνθιος", "PERSON"), ("Κορινθίου", "PERSON")], definitions=()
    )
    assert ids[0] == ids[1]
