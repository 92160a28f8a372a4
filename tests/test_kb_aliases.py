"""``entityx.resolution.kb_aliases``: the other names of the KB entries a context links stand
in for them, so a spelling the KB does not list meets the entity by its likeness to one it
does; they add no entity, surface or mention of their own."""

from __future__ import annotations

from entityx.resolution import KnowledgeBase, Resolver
from entityx.resolution.kb import KBEntry

_KB = KnowledgeBase(
    [
        KBEntry(id="test:sarajevo", name="Sarajevo", label="LOC", aliases=("Σαράγεβο",)),
        # A made-up place whose English name sounds nothing like its Greek one.
        KBEntry(id="test:alpha", name="Alpha City", label="LOC", aliases=("Μεγάλη Βητάπολη",)),
        KBEntry(id="test:celtic", name="Celtic F.C.", label="ORG", aliases=("Σέλτικ", "Celtic")),
    ]
)


def test_a_variant_meets_the_linked_entity_through_its_kb_alias() -> None:
    # Σεράγεβο is no KB name; it sounds like the entry's own Σαράγεβο, which Sarajevo links.
    entities, ids = Resolver(kb=_KB).resolve([("Sarajevo", "LOC"), ("Σεράγεβο", "LOC")])
    assert ids[0] == ids[1] == "test:sarajevo"
    assert entities[0].aliases == ("Sarajevo", "Σεράγεβο")  # no stand-in among the surfaces
    assert entities[0].mention_count == 2


def test_a_misspelt_greek_name_meets_the_entity_its_english_name_links() -> None:
    # Βητάπελη: no KB key of it, nothing like Alpha City; close to the entry's Greek name.
    items = [("Alpha City", "LOC"), ("Μεγάλη Βητάπελη", "LOC")]
    _, ids = Resolver(kb=_KB).resolve(items)
    assert ids == ["test:alpha", "test:alpha"]
    _, alone = Resolver(kb=_KB).resolve(items[1:])
    assert alone[0] != "test:alpha"  # the link comes from the context's other name


def test_without_a_linked_name_there_is_no_stand_in() -> None:
    entities, _ = Resolver(kb=_KB).resolve([("Σεράγεβο", "LOC")])
    assert len(entities) == 1 and entities[0].kb_id is None
    assert entities[0].aliases == ("Σεράγεβο",)


def test_stand_ins_add_no_entity() -> None:
    entities, _ = Resolver(kb=_KB).resolve([("Sarajevo", "LOC"), ("Celtic", "ORG")])
    assert [e.kb_id for e in entities] == ["test:sarajevo", "test:celtic"]
    assert all(len(e.aliases) == 1 for e in entities)


def test_a_spelling_of_a_designated_kb_name_joins_it() -> None:
    # Celtic FC is the entry's Celtic F.C. spelt another way: no rival of the bare Celtic.
    _, ids = Resolver(kb=_KB).resolve([("Celtic", "ORG"), ("Celtic FC", "ORG")])
    assert ids[0] == ids[1] == "test:celtic"
