"""``entityx.resolution.designators``: an organisation or place named with and without
what it is (``Celtic`` / ``Celtic FC``), and look-alikes that stay apart."""

from __future__ import annotations

import pytest

from entityx.resolution import Resolver
from entityx.resolution.designators import core_words


@pytest.mark.parametrize(
    ("items", "label"),
    [
        (["Celtic", "Celtic FC"], "ORG"),
        (["Figaro", "Le Figaro"], "ORG"),  # a leading article
        (["Sarantis", "Sarantis Group"], "ORG"),
        (["Bild", "Bild-Zeitung"], "ORG"),
        (["SKAI", "Skai TV"], "ORG"),  # a broadcaster with and without its TV
        (["Troodos", "Troodos Mountains"], "LOC"),
        (["Partizan", "Partizan Belgrade"], "ORG"),  # a trailing place the KB knows
        (["Harvard", "Harvard University"], "ORG"),
        (["Lazio", "SS Lazio"], "ORG"),  # a club's initials before its name
        (["Dinamo Zagreb", "GNK Dinamo Zagreb"], "ORG"),
        (["Kyodo", "Kyodo News"], "ORG"),
        (["Louvre", "Musée du Louvre"], "ORG"),  # the article after the designator goes too
        (["Coca-Cola", "The Coca-Cola Company"], "ORG"),
        (["Καρπασία", "Χερσόνησος Καρπασίας"], "LOC"),  # a Greek designator's genitive
        (["Πενταδάκτυλος", "Οροσειρά Πενταδακτύλου"], "LOC"),
        (["Jordan River", "River Jordan"], "LOC"),  # no bare name: the same designators
        (["FC Barcelona", "Barcelona FC"], "ORG"),
        (["Santander", "Banco Santander"], "ORG"),  # a bank named with its word
        (["Σανταντέρ", "Τράπεζα Σανταντέρ"], "ORG"),
        (["Ερμιτάζ", "Μουσείο Ερμιτάζ"], "ORG"),
        # English's plural of an archipelago's or a range's adjective
        (["Balearic Islands", "Balearics"], "LOC"),
        (["Rocky Mountains", "Rockies"], "LOC"),
        (["Canary Islands", "Canaries"], "LOC"),
        (["Faroe Islands", "Faroes"], "LOC"),
    ],
)
def test_short_form_joins_its_designated_name(items: list[str], label: str) -> None:
    _, ids = Resolver().resolve([(name, label) for name in items])
    assert len(set(ids)) == 1


@pytest.mark.parametrize(
    ("items", "label"),
    [
        (["Korea", "North Korea"], "LOC"),  # a direction is not a designator
        (["Mexico", "Mexico City"], "LOC"),  # nor is City
        (["Geneva", "Lake Geneva"], "LOC"),  # a lake is named after the town beside it
        (["Corinth", "Gulf of Corinth"], "LOC"),
        (["Balearic Sea", "Balearics"], "LOC"),
        # A bank of a country is no national team: a preposition or a genitive says "of".
        (["Bank of England", "England"], "ORG"),
        (["Τράπεζα Κύπρου", "Κύπρος"], "ORG"),
        (["Τράπεζα της Ελλάδος", "Ελλάδα"], "ORG"),  # a sea is no archipelago
        (["Rocky Mountain", "Rockies"], "LOC"),  # nor is one mountain a range
    ],
)
def test_other_words_keep_names_apart(items: list[str], label: str) -> None:
    _, ids = Resolver(kb=False).resolve([(name, label) for name in items])
    assert len(set(ids)) == len(items)


def test_a_designated_name_joins_its_name_with_a_place() -> None:
    # The KB knows Kyiv: both names' cores lose it, and Dynamo Kyiv is still FC Dynamo Kyiv's.
    _, ids = Resolver().resolve([("FC Dynamo Kyiv", "ORG"), ("Dynamo Kyiv", "ORG")])
    assert ids[0] == ids[1]


def test_a_short_form_of_two_entities_joins_neither() -> None:
    names = [("Olympiacos FC", "ORG"), ("Olympiacos BC", "ORG"), ("Olympiacos", "ORG")]
    _, ids = Resolver(kb=False).resolve(names)
    assert len(set(ids)) == 3  # the football and the basketball club, and the bare name


def test_a_club_designator_and_a_place_name_one_club_unless_two_of_either() -> None:
    items = [("Aris FC", "ORG"), ("Aris Thessaloniki", "ORG"), ("Thessaloniki", "LOC")]
    _, ids = Resolver(kb=False).resolve(items)
    assert ids[0] == ids[1]
    two_places = [*items, ("Aris Limassol", "ORG"), ("Limassol", "LOC")]
    _, ids = Resolver(kb=False).resolve(two_places)
    assert len({ids[0], ids[1], ids[3]}) == 3
    two_kinds = [("Aris FC", "ORG"), ("Aris BC", "ORG"), ("Aris Thessaloniki", "ORG")]
    _, ids = Resolver(kb=False).resolve([*two_kinds, ("Thessaloniki", "LOC")])
    assert len(set(ids[:3])) == 3


def test_place_words_go_only_with_a_knowledge_base() -> None:
    # (Partizan still joins Partizan Belgrade as its distinctive word: .org_short_forms.)
    assert core_words("partizan belgrade", "ORG") == ("partizan", "belgrade")
    assert core_words("partizan belgrade", "ORG", is_place=lambda w: False) == (
        "partizan",
        "belgrade",
    )


def test_a_place_the_text_names_goes_without_a_knowledge_base() -> None:
    items = [("Partizan", "ORG"), ("Partizan Belgrade", "ORG"), ("Belgrade", "LOC")]
    _, ids = Resolver(kb=False).resolve(items)
    assert ids[0] == ids[1]


@pytest.mark.parametrize(
    ("norm", "label", "core"),
    [
        ("celtic fc", "ORG", ("celtic",)),
        ("fc", "ORG", ("fc",)),  # a designator alone is the whole name
        ("ομιλοσ σαραντη", "ORG", ("σαραντη",)),
        ("liverpool f c", "ORG", ("liverpool",)),  # F.C. normalised: its letters are one word
        ("εγνατια οδοσ α ε", "ORG", ("εγνατια", "οδοσ")),
        ("north korea", "LOC", ("north", "korea")),
    ],
)
def test_core_words(norm: str, label: str, core: tuple[str, ...]) -> None:
    assert core_words(norm, label) == core


@pytest.mark.parametrize(
    ("items", "label"),
    [
        (["Λίβερπουλ", "Liverpool F.C."], "ORG"),  # Greek leaves the club's designator out
        (["Τσέλσι", "Chelsea FC"], "ORG"),
        (["Όμιλος Σαράντη", "Sarantis"], "ORG"),  # and English the firm's
        (["Λίβερπουλ", "Liverpool"], "ORG"),
        (["Μεκόνγκ", "Mekong River"], "LOC"),  # a place's designators, not its article
        (["Γκόμπι", "Gobi Desert"], "LOC"),
        (["Ποταμός Μεκόνγκ", "Mekong"], "LOC"),
    ],
)
def test_a_short_form_meets_its_designated_name_across_scripts(
    items: list[str], label: str
) -> None:
    _, ids = Resolver(kb=False).resolve([(name, label) for name in items])
    assert len(set(ids)) == 1


@pytest.mark.parametrize(
    "items",
    [
        ["Σιένα", "Sinai Peninsula"],  # some language's reading of Sinai is sine
        ["Πας", "La Paz"],  # a place's article is part of its name
    ],
)
def test_a_place_meets_another_scripts_core_only_by_its_sound(items: list[str]) -> None:
    _, ids = Resolver(kb=False).resolve([(name, "LOC") for name in items])
    assert len(set(ids)) == 2


def test_a_short_form_of_two_entities_of_the_other_script_joins_neither() -> None:
    names = [("Olympiacos FC", "ORG"), ("Olympiacos BC", "ORG"), ("Ολυμπιακός", "ORG")]
    _, ids = Resolver(kb=False).resolve(names)
    assert ids[2] not in ids[:2] and ids[0] != ids[1]


@pytest.mark.parametrize(
    ("items", "label"),
    [
        (["Federal Reserve", "US Federal Reserve"], "ORG"),  # a country before two words
        (["Council of State", "Hellenic Council of State"], "ORG"),  # Greece's adjective
    ],
)
def test_a_country_before_a_name_says_whose_body_it_is(items: list[str], label: str) -> None:
    _, ids = Resolver().resolve([(name, label) for name in items])
    assert len(set(ids)) == 1


@pytest.mark.parametrize(
    "items",
    [
        ["Security Council", "UN Security Council"],  # without the KB: the UN is no place
        ["Federal Reserve", "U.S. Federal Reserve"],
    ],
)
def test_a_union_or_state_abbreviated_before_a_name_says_whose_body_it_is(
    items: list[str],
) -> None:
    _, ids = Resolver(kb=False).resolve([(name, "ORG") for name in items])
    assert len(set(ids)) == 1
    _, ids = Resolver(kb=False).resolve([("UN Women", "ORG"), ("Women", "ORG")])
    assert ids[0] != ids[1]  # before one word it is part of the name


def test_a_country_before_one_word_is_part_of_the_name() -> None:
    _, ids = Resolver().resolve([("US Open", "ORG"), ("Open", "ORG")])
    assert ids[0] != ids[1]


def test_a_greek_university_is_no_designator() -> None:
    # Πανεπιστήμιο Πειραιώς is the University of Piraeus; Πειραιώς alone, the bank.
    items = [("Πανεπιστήμιο Πειραιώς", "ORG"), ("Πειραιώς", "ORG")]
    _, ids = Resolver(kb=False).resolve(items)
    assert ids[0] != ids[1]
