"""An entity linked to a KB entry is named by the entry's short Latin alias or acronym when the
Greek text names it only so (resolution/kb_naming.py)."""

from __future__ import annotations

from entityx.resolution import KnowledgeBase, Resolver
from entityx.resolution.kb import KBEntry
from entityx.resolution.kb_naming import entry_display_name

CELTIC = KBEntry(
    id="c", name="Celtic F.C.", label="ORG", aliases=("Σέλτικ", "Celtic", "Celtic Glasgow")
)
GSEE = KBEntry(
    id="g", name="General Confederation of Greek Workers", label="ORG", aliases=("ΓΣΕΕ", "GSEE")
)
PARTY = KBEntry(
    id="n", name="New Democracy", label="ORG", aliases=("Νέα Δημοκρατία", "Nea Dimokratia")
)
ATHENS = KBEntry(id="a", name="Athens", label="LOC", aliases=("Αθήνα", "Athina"))


def test_a_greek_short_name_gives_the_entrys_short_latin_alias() -> None:
    assert entry_display_name(CELTIC, ["Σέλτικ"]) == "Celtic"


def test_a_greek_acronym_alone_gives_the_latin_acronym_it_spells() -> None:
    assert entry_display_name(GSEE, ["ΓΣΕΕ"]) == "GSEE"
    assert entry_display_name(GSEE, ["ΓΣΕΕ", "Γενική Συνομοσπονδία Εργατών Ελλάδας"]) == GSEE.name


def test_the_entry_name_stays_for_translations_places_and_latin_forms() -> None:
    assert entry_display_name(PARTY, ["Νέα Δημοκρατία"]) == "New Democracy"  # not a shortening
    assert entry_display_name(ATHENS, ["Αθήνα"]) == "Athens"  # organisations only
    assert entry_display_name(CELTIC, ["Σέλτικ", "Celtic F.C."]) == "Celtic F.C."


def test_the_resolver_names_the_entity_so() -> None:
    kb = KnowledgeBase.from_entries([CELTIC, GSEE])
    entities, _ = Resolver(kb=kb, gazetteer=False).resolve([("Σέλτικ", "ORG"), ("ΓΣΕΕ", "ORG")])
    assert sorted(e.name for e in entities) == ["Celtic", "GSEE"]


def test_an_organisation_called_by_a_place_of_the_kb_is_named_by_it_but_not_linked() -> None:
    kb = KnowledgeBase.from_entries(
        [{"id": "fr", "name": "France", "label": "LOC", "aliases": ["Γαλλία"]}]
    )
    entities, _ = Resolver(kb=kb).resolve([("Γαλλία", "ORG"), ("Γαλλίας", "ORG")])
    [team] = entities
    assert (team.name, team.label, team.kb_id) == ("France", "ORG", None)
    # A Latin form names the organisation itself; a person is never named by a place.
    entities, _ = Resolver(kb=kb).resolve([("Γαλλία", "PERSON")])
    assert entities[0].name != "France"
