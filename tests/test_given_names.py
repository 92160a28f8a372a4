"""A man and a woman whose given names share a stem are two people; one person's cases are one."""

from __future__ import annotations

import pytest

import entityx
from entityx.resolution.given_names import GivenNameGuard
from entityx.text.declension import given_name_family, given_names_agree

# Two people each: given names of one stem in two declension families, surnames alike or
# the woman's the genitive of the man's.
TWO_PEOPLE = [
    ("Αλέξανδρος Παπαδόπουλος", "Αλεξάνδρα Παπαδοπούλου"),
    ("Κωνσταντίνος Βασιλείου", "Κωνσταντίνα Βασιλείου"),
    ("Μάριος Ιωάννου", "Μαρία Ιωάννου"),
    ("Γιάννης Παππάς", "Γιάννα Παππά"),
    ("Νίκος Γεωργίου", "Νίκη Γεωργίου"),
    ("Παναγιώτης Κωστόπουλος", "Παναγιώτα Κωστοπούλου"),
    ("Mario Rossi", "Maria Rossi"),
    ("Alexandros Papadopoulos", "Alexandra Papadopoulou"),
]
# One person in several cases: nominative, genitive, accusative, vocative.
ONE_PERSON = [
    ["Αλέξανδρος Παπαδόπουλος", "Αλεξάνδρου Παπαδόπουλου", "Αλέξανδρο Παπαδόπουλο"],
    ["Γιάννης Στουρνάρας", "Γιάννη Στουρνάρα"],
    ["Μαρία Ιωάννου", "Μαρίας Ιωάννου"],
    ["Ελένη Παπαδοπούλου", "Ελένης Παπαδοπούλου"],
    ["Λουκάς Παπαδήμος", "Λουκά Παπαδήμου"],
]


@pytest.mark.parametrize(("man", "woman"), TWO_PEOPLE)
def test_opposed_given_names(man: str, woman: str) -> None:
    assert not given_names_agree(man, woman)


@pytest.mark.parametrize("forms", ONE_PERSON)
def test_the_cases_of_one_given_name_agree(forms: list[str]) -> None:
    assert all(given_names_agree(a, b) for a in forms for b in forms)


@pytest.mark.parametrize(
    "surface",
    ["Παπαδόπουλος", "Ζωή Κωνσταντοπούλου", "Ίων Δραγούμης", "Ντόναλντ Τραμπ", "Jean Dupont"],
)
def test_no_family_for_one_word_short_stems_or_other_endings(surface: str) -> None:
    assert given_name_family(surface) is None


def test_unrelated_stems_never_oppose() -> None:
    # Δημήτρης and Δημήτριος are one name, formal and familiar: their stems differ.
    assert given_names_agree("Δημήτρης Αβραμόπουλος", "Δημήτριος Αβραμόπουλος")


@pytest.mark.parametrize(("man", "woman"), TWO_PEOPLE)
@pytest.mark.parametrize("kb", [None, False])
def test_the_resolver_keeps_them_apart(man: str, woman: str, kb: bool | None) -> None:
    entities = entityx.resolve([(man, "PERSON"), (woman, "PERSON")], kb=kb)
    assert len(entities) == 2
    assert entities[0].name != entities[1].name


@pytest.mark.parametrize("forms", ONE_PERSON)
def test_the_resolver_still_joins_one_persons_cases(forms: list[str]) -> None:
    assert len(entityx.resolve([(f, "PERSON") for f in forms], kb=False)) == 1


def test_a_man_his_cases_and_a_woman_of_his_stem_in_any_order() -> None:
    forms = ["Αλεξάνδρα Παπαδοπούλου", "Αλέξανδρος Παπαδόπουλος", "Αλεξάνδρου Παπαδόπουλου"]
    for order in (forms, forms[::-1], forms[1:] + forms[:1]):
        entities = entityx.resolve([(f, "PERSON") for f in order], kb=False)
        assert {frozenset(e.aliases) for e in entities} == {
            frozenset(forms[:1]),
            frozenset(forms[1:]),
        }


def test_the_guard_refuses_a_union_across_families_and_remembers_merged_roots() -> None:
    given = [given_name_family(s) for s in ("Νίκος Α", "Νίκου Α", "Νίκη Α")]
    uf = GivenNameGuard([None, None, None], given)
    assert uf.union(0, 1)
    assert not uf.union(2, 1)  # the merged root holds Νίκος: Νίκη cannot join it
    assert uf.find(2) == 2
