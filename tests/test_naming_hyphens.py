"""Canonical names keep the hyphens and the lower-case particles of the Greek names they are
read from; Greek -ου surnames are Greek whatever the name table ranks first."""

from __future__ import annotations

import pytest

import entityx


@pytest.mark.parametrize(
    ("surface", "label", "name"),
    [
        ("Κιμ Γιονγκ-ουν", "PERSON", "Kim Jong-un"),  # lower case after the hyphen, as written
        ("Μουν Τζε-ιν", "PERSON", "Mun Je-in"),
        ("Μπάντεν-Βυρτεμβέργη", "LOC", "Baden-Virtemvergi"),
        ("Γιάννης Παπαδόπουλος-Νικολάου", "PERSON", "Giannis Papadopoulos-Nikolaou"),
    ],
)
def test_hyphens_survive_romanisation(surface: str, label: str, name: str) -> None:
    assert [e.name for e in entityx.resolve([(surface, label)], kb=False)] == [name]


def test_a_hyphenated_name_in_two_cases_keeps_its_hyphen() -> None:
    forms = [("Ζαν-Λικ Μελανσόν", "PERSON"), ("Ζαν-Λικ", "PERSON")]
    names = {e.name for e in entityx.resolve(forms, kb=False)}
    assert all("-" in n for n in names)


def test_a_greek_genitive_surname_is_read_as_greek() -> None:
    assert [e.name for e in entityx.resolve([("Μαρία Νικολάου", "PERSON")], kb=False)] == [
        "Maria Nikolaou"
    ]


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("Ούρσουλα φον ντερ Λάιεν", "Ursula von der Leyen"),  # lower case in the Greek
        ("Λούλα ντα Σίλβα", "Lula da Silva"),
        ("Ντανιέλε Ντε Ρόσι", "Daniele De Rossi"),  # capital in the Greek, as in Italian
    ],
)
def test_particles_keep_the_case_the_greek_gives_them(surface: str, name: str) -> None:
    assert [e.name for e in entityx.resolve([(surface, "PERSON")], kb=False)] == [name]
