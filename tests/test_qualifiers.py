"""Names that sound alike but are told apart: a qualifier word, a root under a shared ending."""

from __future__ import annotations

import pytest

from entityx.resolution import Resolver
from entityx.resolution.qualifiers import qualifiers_differ, roots_differ
from entityx.text.greek import normalize


@pytest.mark.parametrize(
    ("a", "b", "differ"),
    [
        ("Νότια Καρολίνα", "North Carolina", True),
        ("Βόρειας Ιρλανδίας", "South Ireland", True),
        ("Άνω Πόλη", "Κάτω Πόλη", True),
        ("Νέα Σμύρνη", "Old Smyrna", True),
        ("Νέα Υόρκη", "New York", False),  # one class on both sides
        ("Βόρεια Μακεδονία", "Μακεδονία", False),  # only one side qualified: not judged here
        ("Kentriki Makedonia", "Central Macedonia", False),  # neither has a known qualifier
    ],
)
def test_qualifiers_differ(a: str, b: str, differ: bool) -> None:
    assert qualifiers_differ(normalize(a), normalize(b)) is differ


@pytest.mark.parametrize(
    ("a", "b", "differ"),
    [
        ("Βόρεια Θάλασσα", "Μαύρη Θάλασσα", True),  # a qualifier where the other has a word
        ("North Sea", "Black Sea", True),
        ("Νέα Υόρκη", "Νέας Υόρκης", False),
        ("Μαύρη Θάλασσα", "Μαύρης Θάλασσας", False),  # neither qualified
    ],
)
def test_in_one_script_a_qualifier_on_one_side_differs(a: str, b: str, differ: bool) -> None:
    assert qualifiers_differ(normalize(a), normalize(b), one_script=True) is differ


@pytest.mark.parametrize(
    ("a", "b", "differ"),
    [
        ("stathopulos", "stafropulos", True),  # -opulos lends the letters, the roots differ
        ("manolakis", "mihalakis", True),
        ("konstantinidu", "kostantinidu", False),  # a spelling variant of one root
        ("papadopulos", "papadopulos", False),
        ("mitsotakis", "tsipras", False),  # no shared ending
        ("yanopulos", "ganopulos", False),  # roots too short to judge
    ],
)
def test_roots_differ(a: str, b: str, differ: bool) -> None:
    assert roots_differ(a, b, 70.0) is differ


@pytest.mark.parametrize(
    ("label", "a", "b"),
    [
        ("LOC", "Νότια Καρολίνα", "North Carolina"),
        ("LOC", "Νότια Ντακότα", "Βόρεια Ντακότα"),
        ("PERSON", "Νίκος Σταθόπουλος", "Νίκος Σταυρόπουλος"),
        ("PERSON", "Γιάννης Μανωλάκης", "Γιάννης Μιχαλάκης"),
        ("PERSON", "Giorgos Kalamopoulos", "Giorgos Karamopoulos"),
        ("LOC", "Μαύρη Θάλασσα", "Βόρεια Θάλασσα"),
    ],
)
def test_told_apart_without_a_kb(label: str, a: str, b: str) -> None:
    ids = Resolver(kb=False).resolve([(a, label), (b, label)])[1]
    assert ids[0] != ids[1]


@pytest.mark.parametrize(
    ("label", "a", "b"),
    [
        ("PERSON", "Maria Konstantinidou", "Maria Kostantinidou"),
        ("PERSON", "Κωνσταντίνος Καραμανλής", "Konstantinos Karamanlis"),
        ("LOC", "Νότια Αφρική", "South Africa"),
        ("PERSON", "Ernest Rutherford", "Έρνεστ Ράδερφορντ"),  # across scripts roots vary
    ],
)
def test_still_one_entity(label: str, a: str, b: str) -> None:
    ids = Resolver(kb=False).resolve([(a, label), (b, label)])[1]
    assert ids[0] == ids[1]
