"""Serbian and Croatian names in Greek (entityx.text.south_slavic) and how naming uses them."""

from __future__ import annotations

import pytest

from entityx.resolution.naming import NameForm, canonical_name, latin_lexicon
from entityx.text.greek import normalize
from entityx.text.south_slavic import looks_south_slavic, south_slavic_latin

WORDS = [
    ("Πλένκοβιτς", "plenkovic"),
    ("Ντάτσιτς", "dacic"),  # č, ć and c are all τσ
    ("Γιοβάνοβιτς", "jovanovic"),  # γι before a vowel: j
    ("Λιουμπλιάνα", "ljubljana"),  # ι before a vowel: j
    ("Τζόκοβιτς", "djokovic"),  # τζ as English writes Đ
]


@pytest.mark.parametrize(("greek", "latin"), WORDS)
def test_gaj_latin_without_diacritics(greek: str, latin: str) -> None:
    assert south_slavic_latin(normalize(greek)) == latin


def test_an_ic_surname_marks_a_name_south_slavic() -> None:
    assert looks_south_slavic([normalize(w) for w in ("Αντρέι", "Πλένκοβιτς")])
    assert not looks_south_slavic([normalize(w) for w in ("Ιβίτσα",)])  # -ιτσα is no -ić
    assert not looks_south_slavic(["plenkovic"])  # Latin letters are read as they are


NAMES = [
    ("Αντρέι Πλένκοβιτς", "Andrej Plenkovic"),  # not Plenkovits
    ("Ιβίτσα Ντάτσιτς", "Ivica Dacic"),
    ("Πιοτρ Ίλιτς Τσαϊκόφσκι", "Pyotr Ilich Tchaikovsky"),  # a Russian patronymic stays
]


@pytest.mark.parametrize(("greek", "latin"), NAMES)
def test_an_ic_surname_is_spelt_the_south_slavic_way(greek: str, latin: str) -> None:
    assert canonical_name([NameForm(greek)], "PERSON", lexicon=latin_lexicon()) == latin
