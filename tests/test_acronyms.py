"""Acronyms (`entityx.resolution.acronyms`): mixed-case ones (``BoE``, ``AfD``, ``ΣτΕ``) spell
their names' function words too; a place's of two letters (``UK``) spells it as well."""

from __future__ import annotations

import pytest

from entityx.resolution import Resolver
from entityx.resolution.acronyms import word_starts
from entityx.text.keys import acronym_letters, compound_letters, initials, mixed_case_acronym


@pytest.mark.parametrize(
    ("surface", "mixed"),
    [
        ("BoE", True),
        ("AfD", True),
        ("ΣτΕ", True),
        ("PiS", True),
        ("CyBC", True),  # capitals in a row too
        ("NATO", False),  # capitals only: an acronym of the common kind
        ("McKinsey", False),  # a run of small letters is a word
        ("Boe", False),
        ("iPhone", False),
    ],
)
def test_what_a_mixed_case_acronym_is(surface: str, mixed: bool) -> None:
    assert mixed_case_acronym(surface) is mixed


def test_initials_count_every_word() -> None:
    assert initials("Bank of England") == "boe"
    assert initials("Συμβούλιο της Επικρατείας") == "στε"
    assert initials("England") == ""


@pytest.mark.parametrize("kb", [None, False])
@pytest.mark.parametrize(
    "items",
    [
        ["Bank of England", "BoE"],
        ["Alternative für Deutschland", "AfD"],
        ["Συμβούλιο της Επικρατείας", "ΣτΕ"],
        ["Cyprus Broadcasting Corporation", "CyBC"],  # three capitals or more: by them alone
        # small letters that go on their capitals' words
        ["Ευρωπαϊκή Τράπεζα Επενδύσεων", "ΕΤΕπ"],
        ["Aristotle University of Thessaloniki", "AUTh"],
    ],
)
def test_a_mixed_case_acronym_joins_the_name_it_spells(items: list[str], kb: object) -> None:
    _, ids = Resolver(kb=kb).resolve([(name, "ORG") for name in items])  # type: ignore[arg-type]
    assert len(set(ids)) == 1


def test_a_mixed_case_acronym_of_two_entities_joins_neither() -> None:
    items = [("Bank of England", "ORG"), ("Bureau of Education", "ORG"), ("BoE", "ORG")]
    _, ids = Resolver(kb=False).resolve(items)
    assert len(set(ids)) == 3


@pytest.mark.parametrize(
    ("surface", "starts"),
    [("ΕΤΕπ", ("ε", "τ", "επ")), ("AUTh", ("a", "u", "th")), ("BoE", ("bo", "e")),
     ("NATO", ()), ("Boe", ()), ("McKinsey", ()), ("Thessaloniki", ())],
)  # fmt: skip
def test_word_starts_put_each_small_letter_on_its_capitals_word(
    surface: str, starts: tuple[str, ...]
) -> None:
    assert word_starts(surface) == starts


def test_word_starts_must_start_every_content_word_in_order() -> None:
    items = [("Ευρωπαϊκή Τράπεζα Ανασυγκρότησης", "ORG"), ("ΕΤΕπ", "ORG")]
    _, ids = Resolver(kb=False).resolve(items)
    assert ids[0] != ids[1]  # Επ is no start of Ανασυγκρότησης
    items = [("Ευρωπαϊκή Τράπεζα Επενδύσεων", "ORG"), ("Εθνική Τράπεζα Επενδύσεων", "ORG")]
    _, ids = Resolver(kb=False).resolve([*items, ("ΕΤΕπ", "ORG")])
    assert len(set(ids)) == 3  # two names it spells: neither


def test_a_mixed_case_acronym_must_spell_every_word() -> None:
    _, ids = Resolver(kb=False).resolve([("Bank England", "ORG"), ("BoE", "ORG")])
    assert ids[0] != ids[1]


@pytest.mark.parametrize("kb", [None, False])
def test_a_two_letter_place_acronym_joins_the_place_it_spells(kb: object) -> None:
    items = [("United Kingdom", "LOC"), ("UK", "LOC"), ("Ηνωμένο Βασίλειο", "LOC")]
    _, ids = Resolver(kb=kb).resolve(items)  # type: ignore[arg-type]
    assert ids[0] == ids[1]


@pytest.mark.parametrize(
    ("items", "one"),
    [
        # An acronym set beside a name is the name's organisation...
        (["Κίνημα Σοσιαλδημοκρατών ΕΔΕΚ", "ΕΔΕΚ"], True),
        (["ΠΑΕ ΑΕΚ", "ΑΕΚ"], True),
        # ...not where an article governs it (a body of the UN's), nor where it leads.
        (["Συμβούλιο Ασφαλείας του ΟΗΕ", "ΟΗΕ"], False),
        (["ΑΕΚ Λάρνακας", "ΑΕΚ"], False),
    ],
)
def test_a_trailing_acronym_of_the_text_names_its_organisation(items: list[str], one: bool) -> None:
    _, ids = Resolver(kb=False).resolve([(name, "ORG") for name in items], definitions=())
    assert (len(set(ids)) == 1) is one


def test_an_acronym_skips_every_article_and_preposition() -> None:
    name = "Οργανισμός για την Ασφάλεια και τη Συνεργασία στην Ευρώπη"
    assert acronym_letters(name) == "οασε"
    assert acronym_letters("Ένωση των Ελλήνων στον Πέντε Δρόμο") == "εεπδ"


def test_compound_letters_read_a_hyphenated_compound_as_one_word() -> None:
    assert compound_letters("Organization for Security and Co-operation in Europe") == "osce"
    assert compound_letters("Hayat Tahrir al-Sham") == "hts"  # by the word the article leads
    assert compound_letters("Bank of England") == ""  # no compound: acronym_letters' work


@pytest.mark.parametrize(
    "items",
    [
        ["Οργανισμός για την Ασφάλεια και τη Συνεργασία στην Ευρώπη", "ΟΑΣΕ"],
        ["Organization for Security and Co-operation in Europe", "OSCE"],
        ["Hayat Tahrir al-Sham", "HTS"],
    ],
)
def test_an_acronym_joins_the_name_of_articles_and_compounds(items: list[str]) -> None:
    _, ids = Resolver(kb=False).resolve([(name, "ORG") for name in items])
    assert len(set(ids)) == 1


def test_a_compound_acronym_of_two_names_joins_neither() -> None:
    items = [
        ("Organization for Security and Co-operation in Europe", "ORG"),
        ("Office for Statistics and Co-ordination in Estonia", "ORG"),
        ("OSCE", "ORG"),
    ]
    # (No definitions: an acronym right after a long name would be its definition.)
    _, ids = Resolver(kb=False).resolve(items, definitions=())
    assert len(set(ids)) == 3
