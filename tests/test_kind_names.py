"""``entityx.resolution.kind_names``: a place or a body named with the word for what it is in
both scripts, the word translated and the name transcribed (``Έρημος Γκόμπι``, ``Gobi
Desert``; ``Ίδρυμα Κόνραντ Αντενάουερ``, ``Konrad Adenauer Foundation``)."""

from __future__ import annotations

import pytest

from entityx.resolution import Resolver


def _entities(*names: str, label: str = "LOC") -> list[str]:
    _, ids = Resolver(kb=False).resolve([(n, label) for n in names])
    return ids


@pytest.mark.parametrize(
    ("greek", "latin"),
    [
        ("Έρημος Γκόμπι", "Gobi Desert"),  # the word first in Greek, last in English
        ("Λίμνης Οχρίδας", "Lake Ohrid"),  # both in the genitive
        ("Κανάριοι Νήσοι", "Canary Islands"),  # an adjective before the word
        ("Στενά του Ορμούζ", "Strait of Hormuz"),  # the article, and "of"
        ("Όρος Έβερεστ", "Mount Everest"),
        ("Κόλπου του Άντεν", "Gulf of Aden"),
        ("Χερσόνησος Καρπασίας", "Karpas Peninsula"),  # the Greek stem is the Latin name
    ],
)
def test_a_translated_kind_and_a_transcribed_name_are_one_place(greek: str, latin: str) -> None:
    ids = _entities(greek, latin)
    assert ids[0] == ids[1]


@pytest.mark.parametrize(
    ("greek", "latin"),
    [
        ("Λίμνη Πρέσπα", "Prespa River"),  # a lake is no river
        ("Λίμνη Οχρίδα", "Ohrid"),  # nor the town it is named after
        ("Λίμνη Οχρίδα", "Lake Prespa"),  # another lake
        ("Έρημος Γκόμπι", "Gobi Desert Park"),  # a name of more than the kind and the name
    ],
)
def test_other_places_stay_apart(greek: str, latin: str) -> None:
    ids = _entities(greek, latin)
    assert ids[0] != ids[1]


@pytest.mark.parametrize(
    ("greek", "latin"),
    [
        # The name spelt another way than naming spells its Greek (Conrad): its sound counts.
        ("Ίδρυμα Κόνραντ Αντενάουερ", "Konrad Adenauer Foundation"),
        ("Ινστιτούτου Ρόμπερτ Κοχ", "Robert Koch Institute"),
        ("Ινστιτούτο Νίκος Πουλαντζάς", "Nicos Poulantzas Institute"),
    ],
)
def test_a_body_named_after_someone_is_one_body(greek: str, latin: str) -> None:
    ids = _entities(greek, latin, label="ORG")
    assert ids[0] == ids[1]


@pytest.mark.parametrize(
    ("greek", "latin"),
    [
        ("Ίδρυμα Κόνραντ Αντενάουερ", "Konrad Adenauer Institute"),  # a foundation, no institute
        ("Ίδρυμα Κόνραντ Αντενάουερ", "Konrad Adenauer"),  # nor the man
        ("Ίδρυμα Ωνάση", "Onassis Cardiac Surgery Centre"),
    ],
)
def test_other_bodies_stay_apart(greek: str, latin: str) -> None:
    ids = _entities(greek, latin, label="ORG")
    assert ids[0] != ids[1]


def test_the_entities_do_not_depend_on_the_order_of_the_names() -> None:
    names = ["Lake Ohrid", "Λίμνη Οχρίδας", "Ohrid", "Οχρίδα", "Λίμνη Πρέσπα", "Lake Prespa"]

    def partition(order: list[str]) -> set[frozenset[str]]:
        groups: dict[str, set[str]] = {}
        for name, entity in zip(order, _entities(*order), strict=True):
            groups.setdefault(entity, set()).add(name)
        return {frozenset(g) for g in groups.values()}

    assert partition(names) == partition(names[::-1])
    assert frozenset(["Lake Ohrid", "Λίμνη Οχρίδας"]) in partition(names)
