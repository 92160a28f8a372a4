"""The one resolution step both the spaCy component and the long-text path call."""

from __future__ import annotations

from entityx.resolution import KnowledgeBase, Resolver
from entityx.resolution.kb import KBEntry
from entityx.resolution.mentions import resolve_mentions


def test_labels_are_harmonised_before_resolving() -> None:
    # Spelled alike three times, tagged PERSON twice and LOC once: one label, one entity.
    items = [("Ζελένσκι", "PERSON"), ("Ζελένσκι", "PERSON"), ("Ζελένσκι", "LOC")]
    resolved = resolve_mentions(items, resolver=Resolver(gazetteer=False))
    assert resolved.labels == ["PERSON", "PERSON", "PERSON"]
    assert len(set(resolved.ids)) == 1 and len(resolved.entities) == 1


def test_without_harmonising_each_label_stays() -> None:
    items = [("Ζελένσκι", "PERSON"), ("Ζελένσκι", "PERSON"), ("Ζελένσκι", "LOC")]
    resolved = resolve_mentions(items, resolver=Resolver(gazetteer=False), harmonise=False)
    assert resolved.labels == ["PERSON", "PERSON", "LOC"]
    assert len(resolved.entities) == 2


def test_a_mention_takes_its_kb_entrys_label() -> None:
    # An ORG name that is one entity with a KB place takes the place's label (relabel_from_kb).
    kb = KnowledgeBase([KBEntry(id="py", name="Pyongyang", label="LOC", aliases=("Πιονγκγιάνγκ",))])
    items = [("Πιονγκγιάνγκ", "LOC"), ("Pyongyang", "ORG")]
    resolved = resolve_mentions(items, resolver=Resolver(kb=kb, gazetteer=False))
    assert resolved.labels == ["LOC", "LOC"]
    assert resolved.ids == ["py", "py"]


def test_definitions_reach_the_resolver() -> None:
    items = [("Οργανισμός Βορειοατλαντικού Συμφώνου", "ORG"), ("ΝΑΤΟ", "ORG")]
    resolver = Resolver(gazetteer=False)
    apart = resolve_mentions(items, resolver=resolver, definitions=[])
    joined = resolve_mentions(items, resolver=resolver, definitions=[(0, 1)])
    assert len(set(joined.ids)) == 1
    assert len(set(apart.ids)) == 2
