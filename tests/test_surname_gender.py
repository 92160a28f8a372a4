"""A Slavic surname's masculine and feminine are two people
(:mod:`entityx.resolution.surname_gender`), in either script, with or without the KB."""

from __future__ import annotations

import pytest

from entityx.resolution import Resolver

APART = [
    ("Ναβάλνι", "Ναβάλναγια"),  # -i, -aya
    ("Navalny", "Navalnaya"),
    ("Ζαχάροφ", "Ζαχάροβα"),  # -of, -ofa
    ("Zakharov", "Ζαχάροβα"),
    ("Kaczyński", "Kaczyńska"),  # -ski, -ska
    ("Αλεξέι Ναβάλνι", "Yulia Navalnaya"),
]
TOGETHER = [
    ("Ναβάλναγια", "Navalnaya"),  # one gender, two scripts
    ("Ζαχάροβα", "Zakharova"),
    ("Σιλίνια", "Siliņa"),  # a Latvian ņ, no gender pair
    ("Ιβανόφ", "Ivanov"),
]


def _ids(a: str, b: str, *, kb: bool) -> list[str]:
    resolver = Resolver() if kb else Resolver(kb=False)
    return resolver.resolve([(a, "PERSON"), (b, "PERSON")], definitions=())[1]


@pytest.mark.parametrize("kb", [False, True])
@pytest.mark.parametrize(("a", "b"), APART)
def test_a_surnames_two_genders_are_two_people(a: str, b: str, kb: bool) -> None:
    ids = _ids(a, b, kb=kb)
    assert ids[0] != ids[1]


@pytest.mark.parametrize(("a", "b"), TOGETHER)
def test_one_gender_still_meets_across_scripts(a: str, b: str) -> None:
    ids = _ids(a, b, kb=False)
    assert ids[0] == ids[1]


def test_the_couple_stay_two_in_one_text() -> None:
    forms = ["Αλεξέι Ναβάλνι", "Ναβάλνι", "Alexei Navalny", "Γιούλια Ναβάλναγια", "Ναβάλναγια",
             "Yulia Navalnaya", "Navalnaya"]  # fmt: skip
    _, ids = Resolver().resolve([(f, "PERSON") for f in forms], definitions=())
    entity = dict(zip(forms, ids, strict=True))
    assert entity["Ναβάλνι"] == entity["Alexei Navalny"] != entity["Ναβάλναγια"]
    assert entity["Ναβάλναγια"] == entity["Yulia Navalnaya"] == entity["Navalnaya"]
