"""``entityx.text.abbreviations``: a person named with an abbreviated given name or
patronymic keeps the abbreviation, romanised letter for letter, where it stood."""

from __future__ import annotations

import pytest

from entityx.resolution import Resolver
from entityx.text.abbreviations import named_without_abbreviations


def _named(*forms: str) -> str:
    entities, _ = Resolver(kb=False).resolve([(f, "PERSON") for f in forms])
    assert len(entities) == 1
    return entities[0].name


@pytest.mark.parametrize(
    ("forms", "name"),
    [
        (["Κ. Μητσοτάκης"], "K. Mitsotakis"),  # the initial was lost
        (["Κ. Μητσοτάκη", "Κ. Μητσοτάκης"], "K. Mitsotakis"),  # the rest in the nominative
        (["Χρ. Σταϊκούρας"], "Chr. Staikouras"),  # no vowel: no foreign name (Staikuras)
        (["Κων. Καραμανλής"], "Kon. Karamanlis"),  # no English word (Con)
        (["Ανδρ. Παπανδρέου"], "Andr. Papandreou"),  # nor a French name (André)
        (["Κώστας Αχ. Καραμανλής"], "Kostas Ach. Karamanlis"),  # a patronymic between
        (["Τζ. Κ. Ρόουλινγκ"], "J. K. Rowling"),  # a digraph stands for a foreign initial
    ],
)
def test_an_abbreviated_word_is_romanised_where_it_stands(forms: list[str], name: str) -> None:
    assert _named(*forms) == name


def test_a_full_form_of_the_entity_names_it() -> None:
    assert _named("Κ. Μητσοτάκης", "Kyriakos Mitsotakis") == "Kyriakos Mitsotakis"


def _echo(rest: list[str]) -> str:
    return rest[0].upper()


@pytest.mark.parametrize(
    "surfaces",
    [
        ["Κυριάκος Μητσοτάκης"],  # nothing abbreviated
        ["Κ. Μητσοτάκης", "Κυριάκος Μητσοτάκης"],  # the forms differ in their abbreviations
        ["Κ. Μ."],  # abbreviations are all there is
        ["Α.Ε. Μητσοτάκης"],  # an acronym with stops is no abbreviated word
    ],
)
def test_nothing_to_put_back(surfaces: list[str]) -> None:
    assert named_without_abbreviations(surfaces, _echo) is None


def test_the_rest_must_keep_its_number_of_words() -> None:
    assert named_without_abbreviations(["Κ. Μητσοτάκης"], lambda rest: "Two Words") is None
    assert named_without_abbreviations(["Κ. Μητσοτάκης"], lambda rest: "Mitsotakis") == (
        "K. Mitsotakis"
    )
