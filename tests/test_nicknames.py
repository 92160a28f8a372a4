"""Nicknames (entityx.text.nicknames, entityx.resolution.nicknames): a person called by one is
the person of the given name it stands for, in a text and in the bundled knowledge base."""

from __future__ import annotations

import pytest

from entityx.resolution import KnowledgeBase, Resolver
from entityx.text.keys import token_keys
from entityx.text.nicknames import given_keys, given_names


def _key(word: str) -> str:
    return token_keys(word)[0][0]


def test_a_nickname_stands_for_its_given_names_in_both_scripts() -> None:
    assert "Robert" in given_names("Bobby")
    assert {"Edward", "Theodore"} <= set(given_names("Ted"))
    assert given_names("Kennedy") == ()
    assert _key("Robert") in given_keys(_key("Μπόμπι"))  # the Greek spelling keys as Bobby
    assert given_keys(_key("Kennedy")) == frozenset()


def _entities(names: list[str], *, kb: bool = True) -> list[set[str]]:
    resolver = Resolver() if kb else Resolver(kb=False)
    _, ids = resolver.resolve([(n, "PERSON") for n in names])
    groups: dict[str, set[str]] = {}
    for name, entity in zip(names, ids, strict=True):
        groups.setdefault(entity, set()).add(name)
    return sorted(groups.values(), key=sorted)


@pytest.mark.parametrize("kb", [True, False])
def test_a_nickname_joins_the_one_person_of_its_given_name_and_surname(kb: bool) -> None:
    names = ["Robert F. Kennedy", "Ρόμπερτ Κένεντι", "Robert Kennedy", "Bobby Kennedy"]
    assert _entities(names, kb=kb) == [set(names)]
    assert _entities(["Ted Kennedy", "Edward Kennedy"], kb=kb) == [
        {"Edward Kennedy", "Ted Kennedy"}
    ]
    assert _entities(["Μπόμπι Κένεντι", "Robert Kennedy"], kb=kb) == [
        {"Robert Kennedy", "Μπόμπι Κένεντι"}
    ]


def test_a_nickname_of_two_people_of_the_text_joins_neither() -> None:
    names = ["Ted Smith", "Edward Smith", "Theodore Smith"]
    assert _entities(names, kb=False) == [{"Edward Smith"}, {"Ted Smith"}, {"Theodore Smith"}]


def test_a_nickname_needs_the_same_surname() -> None:
    assert _entities(["Bobby Moore", "Robert Smith"], kb=False) == [
        {"Bobby Moore"},
        {"Robert Smith"},
    ]


def test_the_knowledge_base_finds_a_person_by_a_nickname_of_the_given_name_it_lists() -> None:
    kb = KnowledgeBase.bundled()
    rfk = kb.lookup("Robert Kennedy", "PERSON")
    assert rfk is not None
    assert kb.lookup("Bobby Kennedy", "PERSON") is rfk
    assert kb.lookup("Bobby Kennedy", "LOC") is None
