"""A person named family name first (Hungarian, Chinese and Japanese order) finds the entry of
the given-name-first spelling: exactly, for two words, and for people only."""

from __future__ import annotations

from entityx.resolution import KnowledgeBase, Resolver

ENTRIES = [
    {"id": "Q41309", "name": "Franz Liszt", "label": "PERSON",
     "aliases": ["Φραντς Λιστ", "Ferenc Liszt"]},
    {"id": "Q1", "name": "Ferenc Street", "label": "LOC"},
]  # fmt: skip


def _kb() -> KnowledgeBase:
    return KnowledgeBase.from_entries(ENTRIES)


def test_family_name_first_finds_the_person() -> None:
    found = _kb().match("Liszt Ferenc", "PERSON")
    assert found is not None and found[0].id == "Q41309" and found[1] == "exact"


def test_only_people_two_words_and_exact_spellings_are_turned_round() -> None:
    kb = _kb()
    assert kb.match("Street Ferenc", "LOC") is None
    assert kb.match("Liszt Ferenc Junior", "PERSON") is None
    assert kb.match("Liszt Ferenk", "PERSON") is None  # sound matches stay in written order


def test_the_turned_round_name_joins_the_entity() -> None:
    entities, ids = Resolver(kb=_kb(), gazetteer=False).resolve(
        [("Franz Liszt", "PERSON"), ("Φραντς Λιστ", "PERSON"), ("Liszt Ferenc", "PERSON")]
    )
    assert len(set(ids)) == 1
    assert entities[0].name == "Franz Liszt"
