"""Greek place and organisation names in two grammatical cases are one name; other names are not."""

from __future__ import annotations

import pytest

import entityx
from entityx.resolution.case_forms import same_name_in_other_case
from entityx.text.greek import normalize

# (nominative, another case): short stems, genitive plurals, multi-word names.
SAME = [
    ("Χίος", "Χίου"),  # feminine island in -ος, two-letter stem
    ("Νάξος", "Νάξο"),
    ("Ιωάννινα", "Ιωαννίνων"),  # neuter plural
    ("Τρίκαλα", "Τρικάλων"),
    ("Χανιά", "Χανίων"),
    ("Σέρρες", "Σερρών"),  # feminine plural
    ("Κυκλάδες", "Κυκλάδων"),
    ("Δελφοί", "Δελφών"),  # masculine plural
    ("Κρήτη", "Κρήτης"),
    ("Αθήνα", "Αθήνας"),
    ("Μόναχο", "Μονάχου"),
    ("Ηνωμένες Πολιτείες", "Ηνωμένων Πολιτειών"),
    ("Ένωση Κεντρώων", "Ένωσης Κεντρώων"),
    ("Άλπεις", "Άλπεων"),  # third declension: -εις, -ων, -μα
    ("Μαραθών", "Μαραθώνος"),
    ("Απόλλων Λεμεσού", "Απόλλωνα Λεμεσού"),
    ("Πρώτο Θέμα", "Πρώτου Θέματος"),
    ("Βραχώδη Όρη", "Βραχωδών Ορέων"),  # neuter in -ος: plural -η, genitive plural -έων
    ("Όρος", "Ορέων"),
    ("Λευκά Όρη", "Λευκών Ορέων"),
]
# Names that look alike but no paradigm joins: other places, peoples, a part and its whole.
DIFFERENT = [
    ("Σάμος", "Σάμη"),
    ("Κως", "Κω"),  # a one-letter stem says nothing
    ("Χίος", "Χίλη"),
    ("Κύπρος", "Κυπρίων"),  # Cypriots
    ("Ρώμη", "Ρωμαίοι"),
    ("Βόρεια Μακεδονία", "Μακεδονία"),
    ("Λευκή Ρωσία", "Ρωσία"),
    ("Αυστρία", "Αυστραλία"),
    ("Χίος", "Χίος"),  # the same form is not "another case"
    ("Θέμα", "Θέμις"),
    ("Άλπεις", "Άλπα"),
    ("Όρος", "Όρη"),  # one mountain, a range
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_two_cases_of_one_name(a: str, b: str) -> None:
    assert same_name_in_other_case(normalize(a), normalize(b))
    assert same_name_in_other_case(normalize(b), normalize(a))


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_names(a: str, b: str) -> None:
    assert not same_name_in_other_case(normalize(a), normalize(b))


@pytest.mark.parametrize(("a", "b"), SAME)
@pytest.mark.parametrize("label", ["LOC", "ORG"])
def test_the_resolver_joins_them_without_the_knowledge_base(a: str, b: str, label: str) -> None:
    entities = entityx.resolve([(a, label), (b, label)], kb=False)
    assert len(entities) == 1


# Of those, the ones the whole resolver keeps apart too (Σάμος/Σάμη meet by their keys).
APART = [
    ("Χίος", "Χίλη"),
    ("Κύπρος", "Κυπρίων"),
    ("Βόρεια Μακεδονία", "Μακεδονία"),
    ("Λευκή Ρωσία", "Ρωσία"),
    ("Αυστρία", "Αυστραλία"),
]


@pytest.mark.parametrize(("a", "b"), APART)
def test_the_resolver_keeps_them_apart_without_the_knowledge_base(a: str, b: str) -> None:
    assert len(entityx.resolve([(a, "LOC"), (b, "LOC")], kb=False)) == 2


def test_people_are_left_to_their_given_names() -> None:
    # A woman's surname is the genitive of a man's: the case rule must not join them.
    entities = entityx.resolve([("Νίκος Παππάς", "PERSON"), ("Μαρία Παππά", "PERSON")], kb=False)
    assert len(entities) == 2
