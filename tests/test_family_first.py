"""Two-word Latin person names that are each other's words swapped are one person, without
a knowledge base (resolution/family_first.py)."""

from __future__ import annotations

from entityx.resolution import Resolver


def _ids(items: list[tuple[str, str]]) -> list[str]:
    return Resolver(kb=False).resolve(items)[1]


def test_family_name_first_joins_given_name_first() -> None:
    ids = _ids([("Imre Nagy", "PERSON"), ("Nagy Imre", "PERSON"), ("Ίμρε Νάγκι", "PERSON")])
    assert len(set(ids)) == 1


def test_only_people_of_two_different_words_are_turned_round() -> None:
    assert len(set(_ids([("Costa Rica", "LOC"), ("Rica Costa", "LOC")]))) == 2
    assert len(set(_ids([("Imre Nagy", "PERSON"), ("Nagy Imre Junior", "PERSON")]))) == 2
