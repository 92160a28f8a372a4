"""``entityx.resolution.handles``: names signed with the social-media handle that spells them."""

from __future__ import annotations

import pytest

from entityx.resolution.handles import handle_names


def _tokens(text: str) -> list[str]:
    return text.replace("(", " ( ").replace(")", " ) ").split()


def _never(word: str) -> bool:
    return False


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        (
            "… pic.twitter.com/x— Defence Index (@Defence_Index) July 12, 2025",
            "Defence Index",
            "ORG",
        ),
        ("— Reuters (@Reuters) May 3, 2024", "Reuters", "ORG"),
        (
            "— Bank of Greece says The Athens Institute (@AthensInstitute2) 2024",
            "Athens Institute",
            "ORG",
        ),
        ("— Jane Doe (@jane_doe) June 1", "Jane Doe", "PERSON"),
    ],
)
def test_a_name_spelled_by_its_handle_is_found(text: str, name: str, label: str) -> None:
    tokens = _tokens(text)
    found = handle_names(tokens, [], is_given_name=lambda w: w == "Jane")
    assert [(" ".join(tokens[s:e]), lab) for s, e, lab in found] == [(name, label)]


@pytest.mark.parametrize(
    "text",
    [
        "— Kyriakos Mitsotakis (@kmitsotakis) 2024",  # the handle does not spell the name
        "said the minister (@minister) today",  # not capitalised
        "— Defence Index ( Defence_Index ) July",  # no @
        "— Index (@) July",  # an empty handle
    ],
)
def test_no_name_where_the_handle_does_not_spell_one(text: str) -> None:
    assert handle_names(_tokens(text), [], is_given_name=_never) == []


def test_a_tagged_name_is_left_alone() -> None:
    tokens = _tokens("— Defence Index (@DefenceIndex) July")
    assert handle_names(tokens, [(2, 3, "ORG")], is_given_name=_never) == []
    assert handle_names(tokens, [], is_given_name=_never) == [(1, 3, "ORG")]
