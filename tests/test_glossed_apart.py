"""Names that sound alike but that the dictionary translates apart stay two entities."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from entityx.resolution import Resolver
from entityx.resolution.glossed_apart import glossed_apart, latin_glossed_apart
from entityx.text.greek import normalize


def _ids(*items: tuple[str, str]) -> list[str]:
    return Resolver(kb=False).resolve(list(items), definitions=())[1]


@pytest.mark.parametrize(
    ("a", "b", "label"),
    [
        ("Υπουργείο Εξωτερικών", "Υπουργείο Εσωτερικών", "ORG"),  # foreign / interior
        ("Νίγηρας", "Νιγηρία", "LOC"),  # two proper nouns of one stem
    ],
)
def test_greek_words_glossed_apart(a: str, b: str, label: str) -> None:
    assert glossed_apart(normalize(a), normalize(b), label)
    ids = _ids((a, label), (b, label))
    assert ids[0] != ids[1]


@pytest.mark.parametrize(
    ("a", "b", "label"),
    [
        ("Υπουργείο Εξωτερικών", "Υπουργείου Εξωτερικών", "ORG"),  # two cases of one name
        ("Νιγηρία", "Νιγηρίας", "LOC"),
        ("Υπουργείο Εξωτερικών", "Υπουργείο Εσωτερικών", "PERSON"),  # people: not translated
        ("Υπουργείο Εξωτερικών", "Υπουργείο Εξωτερικών Υποθέσεων", "ORG"),  # other lengths
        ("Υπουργείο Ξωτερικών", "Υπουργείο Εσωτερικών", "ORG"),  # a word the table lacks
    ],
)
def test_other_pairs_are_not_glossed_apart(a: str, b: str, label: str) -> None:
    assert not glossed_apart(normalize(a), normalize(b), label)


def test_latin_names_the_dictionary_gives_two_proper_nouns_stay_apart() -> None:
    assert latin_glossed_apart("niger", "nigeria", "LOC")
    assert not latin_glossed_apart("nigeria", "nigeria", "LOC")
    assert not latin_glossed_apart("niger", "nigeria", "PERSON")
    ids = _ids(("Νίγηρας", "LOC"), ("Niger", "LOC"), ("Νιγηρία", "LOC"), ("Nigeria", "LOC"))
    assert ids[0] == ids[1] != ids[2] == ids[3]


def test_ministries_of_foreign_affairs_and_the_interior_are_two() -> None:
    ids = _ids(
        ("Υπουργείο Εξωτερικών", "ORG"),
        ("Υπουργείο Εσωτερικών", "ORG"),
        ("Ministry of the Interior", "ORG"),
    )
    assert ids[0] != ids[1] == ids[2]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Νίγηρας", "Νιγηρία", "Niger", "Nigeria", "Dubai", "Dubbo", "Νίγηρα"]),
        min_size=1,
        max_size=6,
        unique=True,
    )
)
def test_no_two_entities_share_an_id(forms: list[str]) -> None:
    entities, _ = Resolver(kb=False).resolve([(f, "LOC") for f in forms], definitions=())
    ids = [e.id for e in entities]
    assert len(ids) == len(set(ids))
