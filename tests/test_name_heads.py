"""A Greek organisation or place name in the genitive is named by its nominative head: the
head noun and its adjectives change case, the genitive complement after it does not."""

from __future__ import annotations

import pytest

import entityx


@pytest.mark.parametrize(
    ("surface", "label", "name"),
    [
        ("Διεύθυνσης Ασφάλειας Θεσσαλονίκης", "ORG", "Diefthynsi Asfaleias Thessalonikis"),
        ("Περιφέρειας Κεντρικής Μακεδονίας", "LOC", "Perifereia Kentrikis Makedonias"),
        ("Αρχής Προστασίας Δεδομένων", "ORG", "Archi Prostasias Dedomenon"),
        ("Πλεύση Ελευθερίας", "ORG", "Plefsi Eleftherias"),  # a nominative head: nothing moves
        ("Κεντρικής Μακεδονίας", "LOC", "Kentriki Makedonia"),  # adjective and noun together
        # a masculine adjective agrees with no word in -ας: that word keeps its case
        ("Άγιος Μάμας", "LOC", "Agios Mamas"),
        # adjectives before what a body is: their nominatives translate (ECB)
        ("Ευρωπαϊκής Κεντρικής Τράπεζας", "ORG", "European Central Bank"),
        ("Νέας Δημοκρατίας", "ORG", "Nea Dimokratia"),
        ("Βόρειας Κορέας", "LOC", "North Korea"),  # north of a place Greek names its own way
        (
            "Γενικής Γραμματείας Πολιτικής Προστασίας",
            "ORG",
            "Geniki Grammateia Politikis Prostasias",
        ),
        ("Τράπεζας της Ελλάδος", "ORG", "Bank of Greece"),  # the nominative head translates
        # -ώς is a Greek (learned) genitive, a club's town: named in English
        ("Ολυμπιακού Πειραιώς", "ORG", "Olympiakos Piraeus"),
        # an accented -ού is an oxytone's genitive only where the dictionary knows it so;
        # else the place's own name, a village named in the genitive or a foreign city
        ("Κηφισού", "LOC", "Cephissus"),
        ("Κοσκινού", "LOC", "Koskinou"),
        ("Κάτω Μακρινού", "LOC", "Kato Makrinou"),
        ("Χονολουλού", "LOC", "Honolulu"),
        ("Πανελευσινιακού", "ORG", "Panelefsiniakos"),  # a club's adjective in -ός
    ],
)
def test_nominative_head(surface: str, label: str, name: str) -> None:
    assert [e.name for e in entityx.resolve([(surface, label)], kb=False)] == [name]
