"""``entityx.resolution.derived_glosses``: glosses for Greek adjectives the dictionary lacks,
from their noun and from the parts of a compound, as translation keys use them."""

from __future__ import annotations

import pytest

from entityx.resolution import Resolver
from entityx.resolution.derived_glosses import adjunct_glosses, derived_glosses
from entityx.resolution.translate import greek_word_stem, translation_keys

TABLE = {
    "κεντρικ": ("centr",),
    "κεντρ": ("center",),
    "αφρικανικ": ("african",),
    "βορ": ("north", "northern"),
    "ατλαντικ": ("atlant",),
    "ποδοσφαιρ": ("football", "soccer"),
    "ξυλουργ": ("carpentr",),
    "πουλακ": ("chick",),
    "τοπ": ("place",),
    "αμυν": ("defence", "defense"),
    "αμυντικ": ("defensive",),
    "εργατ": ("worker", "workman", "labourer"),
    "εργατικ": ("labor",),
    "τουρισμ": ("tourism",),
    "τουριστικ": ("tourist",),
}


def _derived(word: str) -> tuple[str, ...]:
    return derived_glosses(greek_word_stem(word), TABLE, stem_of=greek_word_stem)


def test_an_adjective_is_glossed_by_its_noun() -> None:
    assert _derived("ποδοσφαιρική") == ("football", "soccer")


def test_a_compound_adjective_is_glossed_by_its_parts() -> None:
    # The first part is read as the adjective it is cut from before the noun (central).
    assert _derived("Κεντροαφρικανική") == ("centr african",)
    assert _derived("βορειοατλαντικός") == ("north atlant", "northern atlant")


@pytest.mark.parametrize(
    "word",
    [
        "Ξυλουργοπουλάκης",  # a compound surname is no adjective
        "Κεντροξαφρικανική",  # a part the table lacks
        "τοπική",  # too short a stem to read a noun under it (τοπ- glosses place)
    ],
)
def test_nothing_is_derived_without_glossed_parts(word: str) -> None:
    assert _derived(word) == ()


@pytest.mark.parametrize(
    ("word", "nouns"),
    [
        ("αμυντικά", ("defence", "defense")),  # -τικ- from a noun in -α
        ("εργατικό", ("worker", "workman")),  # -ικ- from a noun in -ης; two at most
        ("τουριστικός", ("tourism",)),  # -ιστικ- from a noun in -ισμός
        ("ποδοσφαιρική", ("football", "soccer")),  # none of its own
        ("Ξυλουργός", ()),  # no adjective
    ],
)
def test_an_adjective_also_takes_its_nouns_glosses(word: str, nouns: tuple[str, ...]) -> None:
    assert adjunct_glosses(greek_word_stem(word), TABLE) == nouns


@pytest.mark.parametrize(
    ("greek", "latin", "label"),
    [
        # English names the field with a noun where Greek has the adjective.
        ("Ελληνικά Αμυντικά Συστήματα", "Hellenic Defence Systems", "ORG"),
        ("Εργατικό Κόμμα του Κουρδιστάν", "Kurdistan Workers' Party", "ORG"),
        ("Υπουργείο Οικονομικών", "Ministry of Finance", "ORG"),
        ("Κεντροαφρικανική Δημοκρατία", "Central African Republic", "LOC"),
        ("Ελληνική Ποδοσφαιρική Ομοσπονδία", "Hellenic Football Federation", "ORG"),
        # A compass point is one word as noun or adjective, two for the points between.
        ("Δυτική Όχθη", "West Bank", "LOC"),
        ("Νοτιοανατολική Ασία", "Southeast Asia", "LOC"),
    ],
)
def test_derived_words_translate_names(greek: str, latin: str, label: str) -> None:
    assert translation_keys(greek, label) & translation_keys(latin, label)
    _, ids = Resolver(kb=False).resolve([(greek, label), (latin, label)])
    assert ids[0] == ids[1]


@pytest.mark.parametrize(
    ("greek", "latin"),
    [
        ("Νοτιοανατολική Ασία", "South Asia"),  # every part must be in the other name
        ("Νοτιοανατολική Ασία", "Northeast Asia"),
        ("Κεντροαφρικανική Δημοκρατία", "South African Republic"),
    ],
)
def test_derived_words_keep_other_names_apart(greek: str, latin: str) -> None:
    assert not translation_keys(greek, "LOC") & translation_keys(latin, "LOC")
