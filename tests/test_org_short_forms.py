"""An organisation's distinctive word alone (`entityx.resolution.org_short_forms`): short for
the one longer name of the text that has it."""

from __future__ import annotations

import pytest

from entityx.resolution import Resolver


def _ids(names: list[str], *, kb: object = False) -> list[str]:
    _, ids = Resolver(kb=kb).resolve([(n, "ORG") for n in names], definitions=())  # type: ignore[arg-type]
    return ids


@pytest.mark.parametrize("kb", [None, False])
@pytest.mark.parametrize(
    "names",
    [
        ["Anadolu Efes", "Efes"],
        ["Legia Warsaw", "Legia"],
        ["Saudi Aramco", "Aramco"],
        ["Deutsche Bundesbank", "Bundesbank"],
        ["Λέγκια Βαρσοβίας", "Λέγκια"],
        ["PFC Ludogorets Razgrad", "Ludogorets"],
        ["Anadolu Efes", "Εφές"],  # by sound: either script
        ["Saudi Aramco", "Αράμκο"],
    ],
)
def test_a_distinctive_word_joins_the_one_name_that_has_it(names: list[str], kb: object) -> None:
    assert len(set(_ids(names, kb=kb))) == 1


@pytest.mark.parametrize(
    "names",
    [
        ["Manchester United", "United"],  # a dictionary word stands for many names
        ["National Bank of Greece", "National"],
        ["Εθνική Τράπεζα", "Τράπεζα"],
        ["UN Security Council", "UN"],  # an acronym is an organisation of its own
        ["Banco Bilbao Vizcaya Argentaria", "Bilbao"],  # four words: a name of its own kind
    ],
)
def test_a_common_word_an_acronym_or_a_long_name_stays_apart(names: list[str]) -> None:
    ids = _ids(names)
    assert ids[0] != ids[1]


def test_a_word_two_entities_share_joins_neither() -> None:
    ids = _ids(["Olympiacos Piraeus", "Olympiacos Volos", "Olympiacos"])
    assert len(set(ids)) == 3


def test_a_longer_names_word_must_be_no_dictionary_word_of_its_script() -> None:
    ids = _ids(["Πανελλήνιος Ιατρικός Σύλλογος", "Panellinios"])  # Πανελλήνιος: an adjective
    assert ids[0] != ids[1]


def test_where_the_scripts_full_names_differ_each_short_form_takes_its_own() -> None:
    names = ["Zenit Saint Petersburg", "Ζενίτ Αγίας Πετρούπολης", "Zenit", "Ζενίτ"]
    ids = _ids(names)
    assert ids[2] == ids[0] and ids[3] == ids[1]
