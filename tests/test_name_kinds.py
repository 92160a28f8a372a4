"""What a foreign place or institution is, written in Greek, is translated in its English
name; a Greek one is romanised whole (entityx.resolution.name_kinds)."""

from __future__ import annotations

import pytest

from entityx.resolution import Resolver
from entityx.resolution.name_kinds import english_kind, without_kind_forms
from entityx.text.greek import normalize


def _name(form: str, label: str) -> str:
    entities, _ = Resolver(kb=False).resolve([(form, label)])
    return entities[0].name


@pytest.mark.parametrize(
    ("form", "label", "name"),
    [
        ("Ποταμός Μεκόνγκ", "LOC", "Mekong River"),
        ("Λίμνη Τιτικάκα", "LOC", "Lake Titicaca"),  # English puts a lake first
        ("Όρος Αραράτ", "LOC", "Mount Ararat"),
        ("Διώρυγα του Σουέζ", "LOC", "Suez Canal"),  # the genitive article goes
        ("Κόλπος του Άντεν", "LOC", "Gulf of Aden"),  # ...or says "of", before a gulf's name
        ("Τράπεζα του Καναδά", "ORG", "Bank of Canada"),  # ...or a bank's
        ("Νήσοι Τερκς και Κάικος", "LOC", "Turks and Caicos Islands"),
        ("Μουσείο Ερμιτάζ", "ORG", "Hermitage Museum"),
        ("Πανεπιστήμιο Χάρβαρντ", "ORG", "Harvard University"),
        ("Ινστιτούτο Ρόμπερτ Κοχ", "ORG", "Robert Koch Institute"),  # (was Instituto Robert Koch)
        ("Πάπας Φραγκίσκος", "PERSON", "Pope Francis"),  # a title is always translated
        # A place's adjectives before what it is are translated with it.
        ("Αδριατική Θάλασσα", "LOC", "Adriatic Sea"),  # the dictionary's own gloss
        ("Μαύρη Θάλασσα", "LOC", "Black Sea"),  # a plain adjective of colour
        ("Ιβηρική Χερσόνησος", "LOC", "Iberian Peninsula"),
        ("Δομινικανή Δημοκρατία", "LOC", "Dominican Republic"),
        ("Λαϊκή Δημοκρατία", "LOC", "Laiki Dimokratia"),  # no adjective English writes so
        ("Πόλη του Κουβέιτ", "LOC", "Kuwait City"),  # a foreign city: its City after
        ("Πόλη της Χίου", "LOC", "Poli tis Chiou"),  # a Greek one's name is Greek
        # A place's adjectives before a place: both in English
        ("Αμερικανική Σαμόα", "LOC", "American Samoa"),
        ("Σαουδική Αραβία", "LOC", "Saudi Arabia"),
        ("Νέα Σμύρνη", "LOC", "Nea Smyrni"),  # new is no place's adjective
        ("Μεγάλα Καλύβια", "LOC", "Megala Kalyvia"),  # nor a Greek word's spelling (Megali)
        ("Ατλαντικός Ωκεανός", "LOC", "Atlantic Ocean"),  # the -ic word of the gloss's stem
        ("Λευκά Όρη", "LOC", "White Mountains"),  # not Lefka, the Cypriot town
        ("Βραχώδη Όρη", "LOC", "Vrachodi Ori"),  # an adjective of another sense: romanised
        ("Βρετανικό Μουσείο", "ORG", "British Museum"),  # ...and a body's
        ("Κεντρική Τράπεζα", "ORG", "Central Bank"),  # the written word of the stem (centr)
        ("Παγκόσμια Τράπεζα", "ORG", "World Bank"),
        ("Ανώτατο Δικαστήριο", "ORG", "Supreme Court"),
        ("Εργατικό Κόμμα", "ORG", "Ergatiko Komma"),  # labor gives no written adjective
        # A body of a Greek place in the genitive: its place in English, where English puts it
        ("Πανεπιστήμιο Κρήτης", "ORG", "University of Crete"),
        ("Τράπεζα της Ελλάδος", "ORG", "Bank of Greece"),
        ("Μουσείο Ακρόπολης", "ORG", "Acropolis Museum"),
        ("Πανεπιστήμιο Στάνφορντ", "ORG", "Stanford University"),  # a foreign name: its kind
        ("Δήμος Αθηναίων", "ORG", "Dimos Athinaion"),  # a people, no place: romanised
        # A club of proper names and its town in the genitive: the town in English
        ("Άρης Θεσσαλονίκης", "ORG", "Aris Thessaloniki"),
        ("ΑΕΛ Λεμεσού", "ORG", "AEL Limassol"),
        ("Ολυμπιακός Πειραιώς", "ORG", "Olympiakos Piraeus"),  # a learned genitive
        ("Εθνικός Πειραιώς", "ORG", "Ethnikos Piraeus"),  # a club of one masculine adjective
        ("Ολυμπιακός Λευκωσίας", "ORG", "Olympiakos Nicosia"),  # its town stays a genitive
        ("Εθνική Ελλάδος", "ORG", "Ethniki Ellados"),  # a feminine one: a team, not named so
        ("Εφετείο Αθηνών", "ORG", "Efeteio Athinon"),  # a court of Athens, not named so
        ("Συμβούλιο της Ευρώπης", "ORG", "Symvoulio tis Evropis"),
        # A government, an embassy or a region of a place, the place a proper noun
        ("Κυβέρνηση της Ελλάδας", "ORG", "Government of Greece"),
        ("Πρεσβεία της Ρωσίας", "ORG", "Embassy of Russia"),
        ("Ρωσική Πρεσβεία", "ORG", "Russian Embassy"),
        ("Περιφέρεια Αττικής", "ORG", "Region of Attica"),
        ("Περιφέρεια Ανάπτυξης", "ORG", "Perifereia Anaptyxis"),  # a common noun: no place
        # Greek places and institutions keep their Greek word: ELOT 743 spells them; a place
        # the dictionary names in English is named so with its kind (as alone: Haliacmon).
        ("Ποταμός Αλιάκμονας", "LOC", "Haliacmon River"),
        ("Μουσείο Μπενάκη", "ORG", "Mouseio Benaki"),
    ],
)
def test_the_word_for_what_a_foreign_name_is_is_translated(
    form: str, label: str, name: str
) -> None:
    assert _name(form, label) == name


def test_no_kind_without_a_name_after_it_or_under_another_label() -> None:
    river, museum, mekong = normalize("ποταμός"), normalize("μουσείο"), normalize("Μεκόνγκ")
    assert english_kind([river], "LOC", lambda w: True) is None
    assert english_kind([museum, mekong], "LOC", lambda w: True) is None
    assert english_kind([river, mekong], "LOC", lambda w: False) is None
    assert english_kind([river, mekong], "LOC", lambda w: True) == ("River", False, [mekong])


@pytest.mark.parametrize(
    ("label", "forms", "name"),
    [
        # the word for what it is, romanised, before another of its names: that name
        ("LOC", ["Πενταδάκτυλος", "Πενταδάκτυλου", "Οροσειρά Πενταδακτύλου"], "Pentadaktylos"),
        ("LOC", ["Καρπασία", "Καρπασίας", "Χερσόνησος Καρπασίας"], "Karpasia"),
        # translated, it stays (a foreign name after it; a place's body of it)
        ("LOC", ["Γκόμπι", "Έρημος Γκόμπι"], "Gobbi Desert"),
        ("ORG", ["Τράπεζα Πειραιώς", "Πειραιώς"], "Bank of Piraeus"),
        ("ORG", ["Σανταντέρ", "Τράπεζα Σανταντέρ"], "Santander Bank"),
        # alone, the romanised name is all there is
        ("LOC", ["Οροσειρά Πενταδακτύλου"], "Oroseira Pentadaktylou"),
    ],
)
def test_an_entity_named_also_without_the_word_for_what_it_is(
    label: str, forms: list[str], name: str
) -> None:
    entities, _ = Resolver(kb=False).resolve([(f, label) for f in forms])
    assert [e.name for e in entities] == [name]


def test_kind_forms_are_those_before_another_name_of_the_entity() -> None:
    forms = ["Ποταμός Ιορδάνης", "Ιορδάνης", "Λίμνη Κερκίνη"]
    assert without_kind_forms(forms, "LOC") == ["Ιορδάνης", "Λίμνη Κερκίνη"]
    assert without_kind_forms(["Λίμνη Κερκίνη"], "LOC") is None
    assert without_kind_forms(["Ποταμός Ιορδάνης", "Ιορδάνης"], "PERSON") is None


def _named(greek: str) -> str:
    entities, _ = Resolver(kb=False).resolve([(greek, "LOC")])
    return entities[0].name


@pytest.mark.parametrize(
    ("greek", "name"),
    [
        ("Έρημος της Σαχάρας", "Sahara Desert"),  # a proper noun the dictionary names
        ("Ποταμού Δούναβη", "Danube River"),  # in any case
        ("Όρος Όλυμπος", "Mount Olympus"),  # the word English puts first
        ("Θάλασσα του Μαρμαρά", "Sea of Marmara"),  # and "of"
        ("Κόλπος της Θεσσαλονίκης", "Kolpos tis Thessalonikis"),  # ELOT 743 spells its place
        ("Λίμνη Βόλβη", "Limni Volvi"),  # no English name: ELOT 743 of the whole
        ("Νήσος Κρήτη", "Nisos Kriti"),  # English names an island by its name alone
        ("Οροσειρά των Άλπεων", "Oroseira ton Alpeon"),  # and a range
    ],
)
def test_a_feature_named_after_a_place_english_names(greek: str, name: str) -> None:
    assert _named(greek) == name
