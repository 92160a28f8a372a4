"""Georgian surnames in Greek (entityx.text.georgian) and how naming uses them."""

from __future__ import annotations

import pytest

from entityx.resolution.naming import NameForm, canonical_name, latin_lexicon
from entityx.text.georgian import georgian_latin, looks_georgian
from entityx.text.greek import normalize

WORDS = [
    ("Κομπαχίτζε", "kobakhidze"),  # χ: kh; a τζ inside the word: dz
    ("Ιβανισβίλι", "ivanishvili"),  # Greek has no sh: -σβιλι is -shvili
    ("Τζαπαρίτζε", "japaridze"),  # an initial τζ: j
    ("Γκαμπουνίτζε", "gabunidze"),
]


@pytest.mark.parametrize(("greek", "latin"), WORDS)
def test_georgian_national_romanisation(greek: str, latin: str) -> None:
    assert georgian_latin(normalize(greek)) == latin


def test_a_shvili_or_dze_surname_marks_a_name_georgian() -> None:
    assert looks_georgian([normalize(w) for w in ("Ιράκλι", "Κομπαχίτζε")])
    assert looks_georgian([normalize("Σαακασβίλι")])
    assert not looks_georgian([normalize("Ρίτζε")])  # too short for a Georgian surname
    assert not looks_georgian([normalize(w) for w in ("Αντρέι", "Πλένκοβιτς")])
    assert not looks_georgian(["kobakhidze"])  # Latin letters are read as they are


NAMES = [
    ("Ιράκλι Κομπαχίτζε", "Irakli Kobakhidze"),  # not Kobahije
    ("Γκίβι Γκαμπουνίτζε", "Givi Gabunidze"),
    ("Ιράκλι Γκαριμπασβίλι", "Irakli Garibashvili"),  # not Garibasvili
]


@pytest.mark.parametrize(("greek", "latin"), NAMES)
def test_a_georgian_surname_is_spelt_the_georgian_way(greek: str, latin: str) -> None:
    assert canonical_name([NameForm(greek)], "PERSON", lexicon=latin_lexicon()) == latin


def test_georgian_rules_are_for_people_only() -> None:
    # A club or a place in -τζε is no Georgian surname (and keeps its own reading).
    assert "dze" not in canonical_name([NameForm("Φιρέντζε")], "LOC", lexicon=latin_lexicon())
