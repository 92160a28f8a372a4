"""``entityx.resolution.exonyms``: a one-word place Greek calls by a word of its own is named
by its English name (Μόσχα: Moscow), found through the word table's glosses and the Latin
name lexicon; other names keep their ELOT 743 or source-language forms."""

from __future__ import annotations

import pytest

from entityx.resolution.exonyms import english_place_name
from entityx.resolution.naming import NameForm, canonical_name, latin_lexicon


def _place(*surfaces: str, label: str = "LOC") -> str:
    return canonical_name([NameForm(s) for s in surfaces], label, lexicon=latin_lexicon())


# (Greek forms of one place, its English name)
TRANSLATED = [
    (("Μόσχα", "Μόσχας"), "Moscow"),  # not the musk its stem also glosses
    (("Βιέννη",), "Vienna"),
    (("Κοπεγχάγη", "Κοπεγχάγης"), "Copenhagen"),
    (("Μαυροβούνιο",), "Montenegro"),
    (("Ρωσία", "Ρωσίας"), "Russia"),
    (("Πειραιάς", "Πειραιά"), "Piraeus"),
    (("Βρυξέλλες",), "Brussels"),  # the stem brussel names Brussel and Brussels
    # Not the adjective, demonym or element of the stem.
    (("Ισλανδία",), "Iceland"),  # not Icelandic
    (("Ουκρανία",), "Ukraine"),  # not Ukrainian
    (("Γαλλία",), "France"),  # not gallium
    (("Ιταλία",), "Italy"),  # not Italians
    (("Πολωνία",), "Poland"),  # not polonium
    (("Ρώμη",), "Rome"),  # not Roman or Romeo
    # The dictionary's own English name, where no lexicon word is its gloss (Seines)
    (("Σηκουάνας", "Σηκουάνα"), "Seine"),
    (("Μυκήνες", "Μυκηνών"), "Mycenae"),
    (("Αθήνα",), "Athens"),  # Athena is a romanisation, close to Athina
    # The foreign name Greek gave a nominative -ς is no romanisation of it
    (("Βόλγας", "Βόλγα"), "Volga"),
    (("Παναμάς",), "Panama"),
    # English writes the Greek compounds of νήσος with -nese: no adjective's ending there
    (("Δωδεκάνησα", "Δωδεκανήσων"), "Dodecanese"),
    (("Πελοπόννησος",), "Peloponnese"),
    (("Βόρεια Θάλασσα",), "North Sea"),  # north of a place that is a common noun
]
# (Greek forms, name): places whose own form stands.
KEPT = [
    (("Χίος",), "Chios"),  # its gloss is its own form stemmed (chio)
    (("Βόλος",), "Volos"),
    (("Χανιά",), "Chania"),  # not the inn of χάνι
    (("Όρχους",), "Aarhus"),  # foreign, spelt by sound: not a gloss of όρχεις
    (("Ανατολική Μακεδονία",), "Anatoliki Makedonia"),  # a phrase of several words
    # Places named after a common noun are not that noun in English: Greek towns and
    # suburbs are often so (a pigeon, a beehive, a fir, a crossroads).
    (("Περιστέρι", "Περιστερίου"), "Peristeri"),
    (("Κυψέλη",), "Kypseli"),
    (("Ελάτη",), "Elati"),
    (("Σταυροδρόμι",), "Stavrodromi"),
    # ...nor what the knowledge base's names pair the noun's stem with (Iberian Peninsula)
    (("Χερσόνησος",), "Chersonisos"),
    (("Νησί",), "Nisi"),
    (("Μαρίνα",), "Marina"),
    # A proper noun of another place or people of the same stem is not this one's name:
    # Σύρος (the island; also a Syrian) is not Syria.
    (("Σύρος", "Σύρου"), "Syros"),
    # A gloss that is an old romanisation of a Greek place is no English name of it.
    (("Δασοχώρι",), "Dasochori"),  # Dassochori
    (("Παναγία",), "Panagia"),  # Panaghia
]


@pytest.mark.parametrize(("surfaces", "name"), TRANSLATED + KEPT)
def test_a_place_greek_names_its_own_way_gets_its_english_name(
    surfaces: tuple[str, ...], name: str
) -> None:
    assert _place(*surfaces) == name


@pytest.mark.parametrize(("surface", "label"), [("Μόσχα", "PERSON"), ("Ρωσία", "ORG")])
def test_only_places_are_translated(surface: str, label: str) -> None:
    assert _place(surface, label=label) != english_place_name(surface.lower())


def test_a_word_without_a_gloss_that_names_something_has_no_english_name() -> None:
    assert english_place_name("μοσχα") == "Moscow"
    assert english_place_name("ξψζω") is None
    assert english_place_name("μοσχα βιεννη") is None
    assert english_place_name("moscow") is None


# (label, Greek, name): a one-word firm or place without a Greek case ending that the name
# lexicon spells by its sound is a foreign name, though its ending looks Greek.
SPELT_BY_SOUND = [
    ("ORG", "Τογιότα", "Toyota"),
    ("ORG", "Φεράρι", "Ferrari"),
    ("ORG", "Ρενό", "Renault"),
    ("LOC", "Βαλένθια", "Valencia"),
    ("LOC", "Σαραγόσα", "Zaragoza"),
    # A Greek case ending keeps the word Greek: ELOT 743 of its nominative.
    ("LOC", "Κοζάνη", "Kozani"),
    ("ORG", "Ολυμπιακού", "Olympiakos"),
    # A noun the dictionary lists is Greek, whatever the lexicon hears (Muzio, Centros)...
    ("ORG", "Μουσείου", "Mouseio"),
    ("ORG", "Κέδρος", "Kedros"),
    ("ORG", "Υγείας", "Ygeia"),
    # ...unless it glosses the noun with the lexicon's spelling, or the name is widely written.
    ("ORG", "Δούμα", "Duma"),
    ("ORG", "Πεζό", "Peugeot"),
]


@pytest.mark.parametrize(("label", "surface", "name"), SPELT_BY_SOUND)
def test_a_one_word_foreign_firm_or_place_is_spelt_by_the_lexicon(
    label: str, surface: str, name: str
) -> None:
    assert _place(surface, label=label) == name


# (Greek, name): a foreign club or firm of several words, one of them a name the lexicon
# spells, has its place words in English; a Greek phrase that merely looks foreign does not.
PLACES_WITHIN = [
    ("Ρεάλ Μαδρίτης", "Real Madrid"),
    ("Μπάγερν Μονάχου", "Bayern Munich"),
]


@pytest.mark.parametrize(("surface", "name"), PLACES_WITHIN)
def test_a_foreign_clubs_city_is_named_in_english(surface: str, name: str) -> None:
    assert _place(surface, label="ORG") == name


def test_a_greek_phrase_is_not_translated_word_by_word() -> None:
    assert "Organisms" not in _place("Διεθνούς Οργανισμού Ενέργειας", label="ORG")


# (Greek, name): north or south of a place Greek names its own way, in English; east, west
# and centre are the words of regions, where Greece's own keep their Greek names.
COMPASS = [
    ("Βόρεια Κορέα", "North Korea"),
    ("Νότια Αφρική", "South Africa"),
    ("Βόρεια Μακεδονία", "North Macedonia"),
    ("Ανατολική Μακεδονία", "Anatoliki Makedonia"),
    # A foreign place the lexicon spells by its sound, north or south of it.
    ("Νότια Καρολίνα", "South Carolina"),
    ("Βόρεια Ντακότα", "North Dakota"),
]


@pytest.mark.parametrize(("surface", "name"), COMPASS)
def test_north_and_south_of_a_place_are_named_in_english(surface: str, name: str) -> None:
    assert _place(surface) == name
