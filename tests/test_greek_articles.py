"""A Greek name in Latin letters with its article (`entityx.resolution.particles`):
``To Vima`` is ``Το Βήμα``, whose normalised form has no article."""

from __future__ import annotations

import pytest

from entityx.resolution import Resolver


def _ids(items: list[tuple[str, str]]) -> list[str]:
    _, ids = Resolver(kb=False).resolve(items, definitions=())
    return ids


@pytest.mark.parametrize(
    ("greek", "latin"),
    [("Το Βήμα", "To Vima"), ("Τα Νέα", "Ta Nea"), ("Καθημερινή", "I Kathimerini"),
     ("Το Ποτάμι", "To Potami"), ("Η Καθημερινή", "I Kathimerini")],
)  # fmt: skip
def test_a_transcription_with_the_article_joins_the_greek_name(greek: str, latin: str) -> None:
    ids = _ids([(greek, "ORG"), (latin, "ORG")])
    assert ids[0] == ids[1]


def test_the_rest_must_be_the_name() -> None:
    ids = _ids([("Το Βήμα", "ORG"), ("To Vima tis Kyriakis", "ORG")])
    assert ids[0] != ids[1]


def test_places_too() -> None:
    ids = _ids([("Τα Ιωάννινα", "LOC"), ("Ta Ioannina", "LOC")])
    assert ids[0] == ids[1]
