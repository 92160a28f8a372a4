"""Canonical names by source: a Greek organisation's acronym, Greek declension endings, and
which of the name tables' spellings names a foreign word, one table of pairs per rule."""

from __future__ import annotations

import pytest

from entityx.resolution.naming import NameForm, canonical_name, latin_lexicon

# An organisation called by its full Greek name and by its acronym: the acronym's letters.
OWN_ACRONYMS = [
    (["Εθνική Ριζοσπαστική Ένωση", "Εθνικής Ριζοσπαστικής Ένωσης", "ΕΡΕ"], "ERE"),
    (["Ενιαία Δημοκρατική Αριστερά", "ΕΔΑ"], "EDA"),
    (["ΔΕΗ", "Δημόσια Επιχείρηση Ηλεκτρισμού"], "DEI"),
    (["Δημοκρατική Παράταξη", "Δ.Η.ΠΑ."], "DIPA"),
]


@pytest.mark.parametrize(("forms", "expected"), OWN_ACRONYMS)
def test_organisation_named_by_its_greek_acronym(forms: list[str], expected: str) -> None:
    assert canonical_name([NameForm(f) for f in forms], "ORG", lexicon=latin_lexicon()) == expected


def test_acronym_rule_is_for_organisations_only() -> None:
    # A place's Greek acronym is no Latin name of it (ΗΑΕ is UAE, not IAE).
    forms = [NameForm("Ηνωμένα Αραβικά Εμιράτα"), NameForm("ΗΑΕ")]
    assert canonical_name(forms, "LOC", lexicon=None) == "Inomena Aravika Emirata"


def test_organisation_with_only_an_acronym_or_only_a_name() -> None:
    assert canonical_name([NameForm("ΑΔΕΔΥ")], "ORG") == "ADEDY"
    assert canonical_name([NameForm("Χρυσή Αυγή")], "ORG") == "Chrysi Avgi"


# A word in -η or -ης is a Greek declension, whatever foreign spelling the name table ranks
# first for it (Γιάνης: Yanis, Latvian Jānis): the name is Greek and takes ELOT 743.
GREEK_ENDINGS = [
    (["Γιάνης Βαρουφάκης", "Γιάνη Βαρουφάκη"], "Gianis Varoufakis"),
    (["Γλαύκος Κληρίδης", "Γλαύκου Κληρίδη"], "Glafkos Kliridis"),
    (["Ευκλείδης Τσακαλώτος"], "Efkleidis Tsakalotos"),
]


@pytest.mark.parametrize(("forms", "expected"), GREEK_ENDINGS)
def test_greek_declension_endings_keep_elot(forms: list[str], expected: str) -> None:
    named = canonical_name([NameForm(f) for f in forms], "PERSON", lexicon=latin_lexicon())
    assert named == expected


# Word by word, per source language: the table's spelling (Wikidata's) where the lexicon's
# sounds right only by a reading its own letters do not ask for, or is the less written one.
SOURCE_SPELLINGS = [
    ("fr", "Μισέλ", "Michel"),  # not Michael, read the French way
    ("it", "Κόντε", "Conte"),  # not English Code
    ("en", "Μπάιντεν", "Biden"),  # not Beiden: the table's close spelling is more written
    ("hi", "Γκάντι", "Gandhi"),  # not Gadi
    ("ca", "Κάρλες", "Carles"),
    ("en", "Τιμ", "Tim"),  # the lexicon's far more common spelling over the table's Timm
]


@pytest.mark.parametrize(("language", "word", "expected"), SOURCE_SPELLINGS)
def test_word_spelt_as_its_source_language_writes_it(
    language: str, word: str, expected: str
) -> None:
    lexicon = latin_lexicon()
    assert lexicon is not None
    assert lexicon(word, "PERSON") == expected, language


def test_full_foreign_names() -> None:
    lexicon = latin_lexicon()
    for forms, expected in [
        (["Μισέλ Μπαρνιέ", "Μπαρνιέ"], "Michel Barnier"),
        (["Ίντιρα Γκάντι"], "Indira Gandhi"),
    ]:
        assert canonical_name([NameForm(f) for f in forms], "PERSON", lexicon=lexicon) == expected


# A table spelling that only reads back the Greek (hardly written at all) gives way to the
# table's far more written one that starts with the same sound.
WRITTEN_SPELLINGS = [
    (["Μάικλ Τζόρνταν"], "Michael Jordan"),  # the table's Maykl sounds right, nobody writes it
    (["Σεργκέι Λαβρόφ"], "Sergey Lavrov"),  # a written spelling that sounds right stays
    # A table spelling that sounds right only by its own language's reading (French Jean)
    # still beats a rarer one the generic reading gives (Zahn), and so the lexicon's San.
    (["Ζαν Ρενουάρ"], "Jean Renoir"),
    (["Ζαν-Κλοντ Γιούνκερ"], "Jean-Claude Juncker"),
]


@pytest.mark.parametrize(("forms", "expected"), WRITTEN_SPELLINGS)
def test_a_written_spelling_beats_a_transcription_read_back(
    forms: list[str], expected: str
) -> None:
    lexicon = latin_lexicon()
    assert canonical_name([NameForm(f) for f in forms], "PERSON", lexicon=lexicon) == expected
