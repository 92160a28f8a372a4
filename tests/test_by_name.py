"""``entityx.resolution.by_name``: a Greek name whose canonical name is a Latin name of the
context joins that name's entity."""

from __future__ import annotations

import pytest

from entityx.resolution import Resolver


@pytest.mark.parametrize(
    ("items", "together"),
    [
        # Read by the Latin name lexicon; the phonetic keys alone do not meet (the Turkish ü,
        # the Finnish doubled vowel), and a second Latin spelling is not an ambiguity.
        ([("Χουριέτ", "ORG"), ("Hürriyet", "ORG"), ("Hurriyet", "ORG")], [0, 1, 2]),
        (
            [
                ("Σάουλι Νιινίστο", "PERSON"),
                ("Sauli Niinistö", "PERSON"),
                ("Sauli Niinisto", "PERSON"),
            ],
            [0, 1, 2],
        ),
    ],
)
def test_greek_name_joins_the_latin_name_it_is_named_by(
    items: list[tuple[str, str]], together: list[int]
) -> None:
    _, ids = Resolver(kb=False).resolve(items)
    assert len({ids[i] for i in together}) == 1


@pytest.mark.parametrize(
    "items",
    [
        [("Μελάνια Τραμπ", "PERSON"), ("Donald Trump", "PERSON")],  # a whole name must agree
        [("Χουριέτ", "ORG"), ("Hürriyet", "LOC")],  # and the label
    ],
)
def test_different_names_stay_apart(items: list[tuple[str, str]]) -> None:
    _, ids = Resolver(kb=False).resolve(items)
    assert ids[0] != ids[1]


def test_surnames_join_once_the_full_names_of_both_scripts_are_one() -> None:
    items = [
        ("Σάουλι Νιινίστο", "PERSON"),
        ("Νιινίστο", "PERSON"),
        ("Sauli Niinistö", "PERSON"),
        ("Niinistö", "PERSON"),
    ]
    _, ids = Resolver(kb=False).resolve(items)
    assert len(set(ids)) == 1
