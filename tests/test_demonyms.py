"""A place's demonym tagged as a place becomes MISC when the place is in the same text."""

from __future__ import annotations

import pytest

from entityx.resolution import Resolver

L = "LOC"


def _labels(items: list[tuple[str, str]], **kwargs: object) -> dict[str, str]:
    entities, _ = Resolver(**kwargs).resolve(items)  # type: ignore[arg-type]
    return {alias: e.label for e in entities for alias in e.aliases}


@pytest.mark.parametrize("kb", [None, False])
@pytest.mark.parametrize(
    ("place", "demonym"),
    [
        ("North Korea", "North Korean"),
        ("Syria", "Syrian"),
        ("Egypt", "Egyptian"),
        ("Japan", "Japanese"),
        ("Israel", "Israeli"),
    ],
)
def test_demonym_beside_its_place_is_misc(place: str, demonym: str, kb: object) -> None:
    labels = _labels([(place, L), (demonym, L)], kb=kb)
    assert labels == {place: "LOC", demonym: "MISC"}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Hawai", "Hawaii"),  # a spelling variant, not a demonym
        ("Milan", "Milano"),
        ("India", "Indiana"),  # no demonym ending
        ("Iran", "Ira"),  # too short a base to judge
    ],
)
def test_places_that_are_not_demonyms_stay_places(a: str, b: str) -> None:
    assert set(_labels([(a, L), (b, L)], kb=False).values()) == {"LOC"}


def test_a_demonym_alone_is_left_as_tagged() -> None:
    assert _labels([("Korean", L)], kb=False) == {"Korean": "LOC"}


@pytest.mark.parametrize(
    ("greek", "english"),
    [
        ("Ρώσου", "Russian"),  # a Russian's: any case
        ("Ουκρανοί", "Ukrainian"),
        ("Κινέζοι", "Chinese"),
        ("Βρετανοί", "British"),  # not the stem brittan the table also holds
        ("Γερμανός", "German"),
        ("Ισραηλινοί", "Israeli"),
    ],
)
def test_greek_nationality_words_take_their_english_demonym(greek: str, english: str) -> None:
    entities, _ = Resolver(kb=False).resolve([(greek, "MISC")])
    assert entities[0].name == english


@pytest.mark.parametrize("greek", ["Γάλλος", "Χριστούγεννα"])
def test_no_demonym_no_guess(greek: str) -> None:
    # Frenchman is a person, not a nationality's name; Christmas has no demonym ending.
    entities, _ = Resolver(kb=False).resolve([(greek, "MISC")])
    assert entities[0].name not in ("Frenchman", "Christmas")


def test_only_misc_names_take_a_demonym() -> None:
    entities, _ = Resolver(kb=False).resolve([("Ρώσου", "PERSON")])
    assert entities[0].name != "Russian"
