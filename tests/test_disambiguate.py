"""Disambiguation in context: a table of documents whose other entities decide between namesakes,
and documents where nothing decides (left unlinked)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

import entityx
from entityx.kbstore import StoredKnowledgeBase, build_kb, open_kb
from entityx.models import Entity
from entityx.resolution.disambiguate import LINK_THRESHOLD, link_in_context

DUMP = Path(__file__).parent / "data" / "wikidata" / "entities.json"


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> StoredKnowledgeBase:
    out = tmp_path_factory.mktemp("wd") / "wikidata.kb"
    build_kb([DUMP], out)
    stored = open_kb(out)
    assert isinstance(stored, StoredKnowledgeBase)
    return stored


PER, LOC, ORG = "PERSON", "LOC", "ORG"

# (document: the (name, label) items it mentions, the name looked at, the entry it must link
# to, or None for "left unlinked")
DECIDED = [
    ([("Τραμπ", PER), ("Σλοβενία", LOC)], "Τραμπ", "Q432473"),  # Melania: a citizen of Slovenia
    ([("Τραμπ", PER), ("Ρεπουμπλικανικό Κόμμα", ORG)], "Τραμπ", "Q22686"),  # Donald: his party
    # The short form fits two full names, so it joins neither; Donald is tied to both of them.
    ([("Trump", PER), ("Melania Trump", PER), ("Ivanka Trump", PER)], "Trump", "Q22686"),
    ([("Παπανδρέου", PER), ("Ένωση Κέντρου", ORG)], "Παπανδρέου", "Q310916"),  # Georgios: his party
    ([("Ουάσινγκτον", LOC), ("Σιάτλ", LOC)], "Ουάσινγκτον", "Q1223"),  # the state Seattle is in
    ([("Washington", PER)], "Washington", "Q23"),  # as a PERSON there is one Washington
    ([("Athens", LOC)], "Athens", "Q1524"),  # the prior alone: Greece's Athens is far better known
]
UNDECIDED = [
    ([("Τραμπ", PER)], "Τραμπ"),  # Donald, Melania, Ivanka: the prior alone is not enough
    ([("Παπανδρέου", PER), ("ΠΑΣΟΚ", ORG)], "Παπανδρέου"),  # Andreas and George were both PASOK
    ([("Washington", LOC)], "Washington"),  # the city or the state
    ([("Washington", LOC), ("Ντόναλντ Τραμπ", PER)], "Washington"),  # both are in the US
]


def _entity_of(entities: list[Entity], name: str) -> Entity:
    (found,) = [e for e in entities if name in e.aliases]
    return found


@pytest.mark.parametrize("items, name, expected", DECIDED)
def test_context_decides(
    kb: StoredKnowledgeBase, items: list[tuple[str, str]], name: str, expected: str | None
) -> None:
    entity = _entity_of(entityx.resolve(items, kb=kb), name)
    assert entity.kb_id == expected
    if expected is not None:
        assert entity.id == expected
        assert entity.same_as[0] == f"http://www.wikidata.org/entity/{expected}"
        assert entity.link_score is not None and entity.link_score >= LINK_THRESHOLD


@pytest.mark.parametrize("items, name", UNDECIDED)
def test_nothing_decides_so_unlinked(
    kb: StoredKnowledgeBase, items: list[tuple[str, str]], name: str
) -> None:
    entity = _entity_of(entityx.resolve(items, kb=kb), name)
    assert entity.kb_id is None and entity.same_as == ()
    # Why: the best candidate's share of the evidence is below the threshold.
    assert entity.link_score is not None and entity.link_score < LINK_THRESHOLD


def test_unknown_names_have_no_score(kb: StoredKnowledgeBase) -> None:
    (entity,) = entityx.resolve([("Κανένας Γνωστός", PER)], kb=kb)
    assert entity.kb_id is None and entity.link_score is None


def test_one_link_per_person_in_a_document(kb: StoredKnowledgeBase) -> None:
    items = [("Ντόναλντ Τραμπ", PER), ("Τραμπ", PER), ("Trump", PER), ("Donald J. Trump", PER)]
    entities, ids = entityx.resolution.Resolver(kb=kb).resolve(items)
    assert [e.kb_id for e in entities] == ["Q22686"]
    assert ids == ["Q22686"] * 4


def test_two_spellings_linked_to_one_entry_become_one_entity(kb: StoredKnowledgeBase) -> None:
    # Αθήνα names one entry; Athens is ambiguous, linked by the prior: one entity.
    entities, ids = entityx.resolution.Resolver(kb=kb).resolve([("Athens", LOC), ("Αθήνα", LOC)])
    assert len(entities) == 1 and entities[0].kb_id == "Q1524"
    assert set(entities[0].aliases) == {"Athens", "Αθήνα"} and entities[0].mention_count == 2
    assert ids == ["Q1524", "Q1524"]


def test_the_short_form_follows_the_full_name(kb: StoredKnowledgeBase) -> None:
    entities = entityx.resolve([("Μελάνια Τραμπ", PER), ("Τραμπ", PER)], kb=kb)
    assert [(e.kb_id, e.link_score) for e in entities] == [("Q432473", 1.0)]


# --- the module on its own, with a KB that offers candidates and neighbours ---
@dataclass(frozen=True)
class _Entry:
    id: str
    name: str
    priority: float = 0.0
    same_as: tuple[str, ...] = ()


class _FakeKB:
    def __init__(self, names: dict[str, list[_Entry]], related: dict[str, tuple[str, ...]]):
        self.names, self._related = names, related
        self.by_id = {e.id: e for es in names.values() for e in es}

    def candidates(self, name: str, label: str) -> tuple[tuple[_Entry, ...], str] | None:
        found = self.names.get(name)
        return (tuple(found), "exact") if found else None

    def related(self, entry_id: str) -> tuple[str, ...]:
        return self._related.get(entry_id, ())

    def get(self, entry_id: str) -> _Entry | None:
        return self.by_id.get(entry_id)


def _ent(eid: str, alias: str, kb_id: str | None = None) -> Entity:
    return Entity(
        id=eid, name=alias, label="PERSON", aliases=(alias,), mention_count=1, kb_id=kb_id
    )


def test_a_decision_feeds_the_next_round() -> None:
    kb = _FakeKB(
        {
            "A": [_Entry("a1", "A one", 1), _Entry("a2", "A two", 1)],
            "B": [_Entry("b1", "B one", 1), _Entry("b2", "B two", 1)],
        },
        {"a1": ("c",), "b1": ("a1",)},
    )
    entities = [_ent("x", "B"), _ent("y", "A"), _ent("c", "C", kb_id="c")]
    out, ids = link_in_context(entities, ["x", "y", "c"], kb=kb)
    assert [e.kb_id for e in out] == ["b1", "a1", "c"]
    assert ids == ["b1", "a1", "c"]


def test_evidence_shared_by_all_candidates_cancels() -> None:
    kb = _FakeKB(
        {"A": [_Entry("a1", "A one", 3), _Entry("a2", "A two", 2)]},
        {"a1": ("c",), "a2": ("c",)},
    )
    out, _ = link_in_context([_ent("y", "A"), _ent("c", "C", kb_id="c")], ["y", "c"], kb=kb)
    assert out[0].kb_id is None
    assert out[0].link_score == pytest.approx(4 / 7, abs=1e-4)  # (1+3) / ((1+3) + (1+2))


def test_a_kb_without_candidates_passes_entities_through() -> None:
    entities = [_ent("y", "A")]
    assert link_in_context(entities, ["y"], kb=object()) == (entities, ["y"])
    assert link_in_context(entities, ["y"], kb=None) == (entities, ["y"])
