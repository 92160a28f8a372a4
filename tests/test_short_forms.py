"""Short forms of people's names: initials must agree, and a surname joins the entity its
longer forms have since become (with and without the bundled knowledge base)."""

from __future__ import annotations

import pytest

from entityx.resolution import resolve

KB_SETTINGS = [None, False]


def _groups(names: list[str], kb: object) -> set[frozenset[str]]:
    return {frozenset(e.aliases) for e in resolve([(n, "PERSON") for n in names], kb=kb)}


@pytest.mark.parametrize("kb", KB_SETTINGS)
@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("George W. Bush", "George H. W. Bush"),
        ("John Q. Adams", "John H. Q. Adams"),
        ("Τζορτζ Γ. Μπους", "Τζορτζ Χ. Γ. Μπους"),
    ],
)
def test_different_initials_are_different_people(first: str, second: str, kb: object) -> None:
    assert _groups([first, second], kb) == {frozenset([first]), frozenset([second])}


@pytest.mark.parametrize("kb", KB_SETTINGS)
@pytest.mark.parametrize(
    "names",
    [
        ["John F. Kennedy", "Kennedy", "John Kennedy"],
        ["Kennedy", "John Kennedy", "John F. Kennedy"],
        ["Παπαδόπουλος", "Νίκος Παπαδόπουλος", "Νίκος Γ. Παπαδόπουλος"],
    ],
)
def test_a_surname_joins_the_entity_its_longer_forms_became(names: list[str], kb: object) -> None:
    assert _groups(names, kb) == {frozenset(names)}


@pytest.mark.parametrize("kb", KB_SETTINGS)
def test_a_surname_of_two_people_stays_apart(kb: object) -> None:
    names = ["Robert Kennedy", "John Kennedy", "Kennedy"]
    assert frozenset(["Kennedy"]) in _groups(names, kb)


@pytest.mark.parametrize(
    ("greek", "latin"),
    [("Θ. Παπαδόπουλος", "Th. Papadopoulos"), ("Γ. Παπανδρέου", "G. Papandreou")],
)
def test_a_greek_initial_is_romanised_letter_by_letter(greek: str, latin: str) -> None:
    [entity] = resolve([(greek, "PERSON")], kb=False)
    assert entity.name == latin


@pytest.mark.parametrize("kb", KB_SETTINGS)
def test_a_surname_whose_stem_two_names_share_joins_the_one_it_spells(kb: object) -> None:
    # Modi and Mondo share the stem mod; only Narendra Modi holds the word modi itself.
    names = ["Narendra Modi", "Mondo Duplantis", "Modi"]
    assert frozenset(["Narendra Modi", "Modi"]) in _groups(names, kb)


@pytest.mark.parametrize("kb", KB_SETTINGS)
def test_initials_written_together_apart_or_by_letter_names_are_one_person(kb: object) -> None:
    names = ["JD Vance", "J.D. Vance", "J. D. Vance", "Τζέι Ντι Βανς"]
    assert _groups(names, kb) == {frozenset(names)}


@pytest.mark.parametrize("kb", KB_SETTINGS)
def test_the_same_initials_before_another_surname_are_another_person(kb: object) -> None:
    names = ["J. D. Salinger", "J. D. Vance"]
    assert _groups(names, kb) == {frozenset(["J. D. Salinger"]), frozenset(["J. D. Vance"])}


@pytest.mark.parametrize("kb", KB_SETTINGS)
@pytest.mark.parametrize(
    "names",
    [
        ["Subrahmanyam Jaishankar", "S. Jaishankar", "Jaishankar"],
        ["Σουμπραμανιάμ Τζαϊσανκάρ", "S. Jaishankar"],
        ["Wopke Hoekstra", "W. Hoekstra", "Hoekstra"],
    ],
)
def test_a_first_initial_stands_for_the_first_word(names: list[str], kb: object) -> None:
    assert _groups(names, kb) == {frozenset(names)}


@pytest.mark.parametrize("kb", KB_SETTINGS)
def test_a_first_initial_of_two_people_joins_neither(kb: object) -> None:
    groups = _groups(["John Smith", "Jane Smith", "J. Smith"], kb)
    assert frozenset(["J. Smith"]) in groups


def test_the_written_out_first_word_names_the_person() -> None:
    [entity] = resolve(
        [("S. Jaishankar", "PERSON"), ("Subrahmanyam Jaishankar", "PERSON")], kb=False
    )
    assert entity.name == "Subrahmanyam Jaishankar"


@pytest.mark.parametrize("kb", KB_SETTINGS)
def test_a_middle_name_joins_the_name_without_it(kb: object) -> None:
    # With the bundled KB, Bola Tinubu is linked and Bola Ahmed Tinubu is not: still one.
    names = ["Bola Tinubu", "Bola Ahmed Tinubu", "Tinubu", "Μπόλα Τινούμπου"]
    assert _groups(names, kb) == {frozenset(names)}


def test_a_french_reading_of_a_short_form_does_not_meet_a_greek_stem_by_chance() -> None:
    groups = _groups(["Ρήγας Φεραίος", "Fairuz"], None)
    assert groups == {frozenset(["Ρήγας Φεραίος"]), frozenset(["Fairuz"])}
