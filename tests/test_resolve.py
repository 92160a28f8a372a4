"""The resolver: table-driven pairs and non-pairs, contexts, properties, the dev targets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import require_shared
from entityx.models import Mention
from entityx.resolution import Resolver, resolve
from entityx.resolution.evaluate import evaluate_file

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
DEV = SHARED / "eval" / "resolve_dev.jsonl"
GOLD = SHARED / "examples" / "lavrov_kim_wonsan.gold.json"

PAIRS = [
    ("PERSON", "Σεργκέι Λαβρόφ", "Sergey Lavrov"),
    ("PERSON", "Κυριάκου Μητσοτάκη", "Κυριάκος Μητσοτάκης"),
    ("PERSON", "Αλέξη Τσίπρα", "Αλέξης Τσίπρας"),
    ("PERSON", "Ντέιβιντ Κάμερον", "David Cameron"),
    ("PERSON", "Ρίσι Σούνακ", "Rishi Sunak"),
    ("PERSON", "Μπιλ Γκέιτς", "Bill Gates"),
    ("LOC", "Ρωσίας", "Russia"),
    ("LOC", "Βόρειας Κορέας", "North Korea"),
    ("LOC", "Γουονσάν", "Wonsan"),
    ("LOC", "Λονδίνου", "London"),
    ("ORG", "ΝΑΤΟ", "NATO"),
    ("ORG", "ΚCNA", "KCNA"),
    ("ORG", "ΤΑΣΣ", "TASS"),
    ("ORG", "Ρόιτερς", "Reuters"),
]
NON_PAIRS = [
    ("PERSON", "Ντόναλντ Τραμπ", "Μελάνια Τραμπ"),
    ("PERSON", "Αλέξης Τσίπρας", "Δημήτρης Τσίπρας"),
    ("PERSON", "David Cameron", "James Cameron"),
    ("PERSON", "Kim Jong-un", "Kim Yo-jong"),
    ("LOC", "Βόρεια Κορέα", "Νότια Κορέα"),
    ("LOC", "Αυστρία", "Αυστραλία"),
]


def _groups(items: list[tuple[str, str]], **kw: object) -> list[str]:
    return Resolver(**kw).resolve(items)[1]  # type: ignore[arg-type]


@pytest.mark.parametrize(("label", "a", "b"), PAIRS)
def test_pairs_merge(label: str, a: str, b: str) -> None:
    ids = _groups([(a, label), (b, label)])
    assert ids[0] == ids[1]


@pytest.mark.parametrize(("label", "a", "b"), NON_PAIRS)
def test_non_pairs_stay_apart(label: str, a: str, b: str) -> None:
    ids = _groups([(a, label), (b, label)])
    assert ids[0] != ids[1]


def test_labels_never_merge() -> None:
    ids = _groups([("Ρωσία", "LOC"), ("Ρωσία", "ORG"), ("Russia", "GPE")], relabel_from_kb=False)
    assert ids[0] != ids[1] and ids[0] == ids[2]
    # A person is never moved to a place's label, however exactly the names agree.
    ids = _groups([("Ουάσιγκτον", "LOC"), ("Ουάσιγκτον", "PERSON")])
    assert ids[0] != ids[1]


def test_short_forms_join_unique_full_name() -> None:
    items = [
        ("Βλαντίμιρ Πούτιν", "PERSON"),
        ("ο κ. Πούτιν", "PERSON"),
        ("Κιμ", "PERSON"),
        ("Kim Jong-un", "PERSON"),
    ]
    ids = _groups(items)
    assert ids[0] == ids[1] and ids[2] == ids[3] and ids[0] != ids[2]


def test_short_form_ambiguous_stays_alone() -> None:
    ids = _groups([("Ντόναλντ Τραμπ", "PERSON"), ("Μελάνια Τραμπ", "PERSON"), ("Τραμπ", "PERSON")])
    assert len(set(ids)) == 3


def test_acronym_defined_with_name() -> None:
    items = [("Ένωσης των Κρατών της Νοτιοανατολικής Ασίας", "ORG"), ("ASEAN", "ORG")]
    entities, ids = Resolver().resolve(items)
    assert ids[0] == ids[1] and entities[0].name == "ASEAN"


def test_aliases_verbatim_and_counts() -> None:
    items = [
        ("Βλαντίμιρ Πούτιν", "PERSON"),
        ("Βλαντιμίρ Πούτιν", "PERSON"),
        ("Βλαντίμιρ Πούτιν", "PERSON"),
    ]
    (ent,), _ = Resolver().resolve(items)
    assert ent.aliases == ("Βλαντίμιρ Πούτιν", "Βλαντιμίρ Πούτιν")
    assert ent.mention_count == 3
    assert ent.name == "Vladimir Putin"


def test_kb_names_and_ids_deterministic() -> None:
    (russia,) = resolve([("Ρωσίας", "LOC")])
    assert russia.name == "Russia" and russia.kb_id == russia.id
    assert any("geonames.org" in uri for uri in russia.same_as)
    a = resolve([("Λαβρόφ", "PERSON")])[0].id
    b = resolve([("Lavrov", "PERSON"), ("Reuters", "ORG")])[0].id
    assert a == b


def test_resolve_accepts_mentions() -> None:
    m = Mention(text="Λαβρόφ", start=0, end=6, label="PERSON", entity_id="x", sentence=0)
    (ent,) = resolve([m, ("Sergey Lavrov", "PER")])
    assert ent.name == "Sergey Lavrov" and ent.mention_count == 2


POOL = [
    ("Σεργκέι Λαβρόφ", "PERSON"),
    ("Λαβρόφ", "PERSON"),
    ("Lavrov", "PERSON"),
    ("Κιμ Γιονγκ Ουν", "PERSON"),
    ("Κιμ", "PERSON"),
    ("Ντόναλντ Τραμπ", "PERSON"),
    ("Μελάνια Τραμπ", "PERSON"),
    ("Τραμπ", "PERSON"),
    ("Ρωσίας", "LOC"),
    ("Russia", "LOC"),
    ("Ρωσία", "ORG"),
    ("Βόρεια Κορέα", "LOC"),
    ("Νότια Κορέα", "LOC"),
    ("Πούτιν", "PERSON"),
    ("Vladimir Putin", "PERSON"),
    ("ΤΑΣΣ", "ORG"),
    ("TASS", "ORG"),
    ("Αλέξη Τσίπρα", "PERSON"),
    ("Δημήτρης Τσίπρας", "PERSON"),
    ("Γκουτέρες", "PERSON"),
    # given names of one stem in two declension families: two people; and one's cases
    ("Αλεξάνδρα Παπαδοπούλου", "PERSON"),
    ("Αλέξανδρος Παπαδόπουλος", "PERSON"),
    ("Αλεξάνδρου Παπαδόπουλου", "PERSON"),
    ("Παπαδόπουλος", "PERSON"),
    ("Χίος", "LOC"),
    ("Χίου", "LOC"),
]


def _partition(items: list[tuple[str, str]], ids: list[str]) -> set[frozenset[tuple[str, str]]]:
    groups: dict[str, set[tuple[str, str]]] = {}
    for item, i in zip(items, ids, strict=True):
        groups.setdefault(i, set()).add(item)
    return {frozenset(g) for g in groups.values()}


@given(st.lists(st.sampled_from(POOL), min_size=1, max_size=15), st.randoms())
@settings(max_examples=60, deadline=None)
def test_order_independent_and_total(items: list[tuple[str, str]], rnd: object) -> None:
    resolver = Resolver(acronyms=False)  # acronym adjacency reads item order on purpose
    entities, ids = resolver.resolve(items)
    assert len(ids) == len(items)
    assert {e.id for e in entities} == set(ids)
    assert sum(e.mention_count for e in entities) == len(items)
    shuffled = list(items)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert _partition(items, ids) == _partition(shuffled, resolver.resolve(shuffled)[1])


def test_dev_targets() -> None:
    scores = evaluate_file(require_shared(DEV))
    assert scores.exact_accuracy >= 0.95, scores.errors
    assert scores.bcubed_f1 >= 0.97, scores.errors


def test_reference_article_gold_mentions() -> None:
    gold = json.loads(require_shared(GOLD).read_text(encoding="utf-8"))["entities"]
    entities, ids = Resolver().resolve([(g["text"], g["label"]) for g in gold])
    names = {e.id: e.name for e in entities}
    assert len(entities) == len({g["canonical"] for g in gold}) == 16
    for g, i in zip(gold, ids, strict=True):
        assert names[i] == g["canonical"], g


def test_partial_latin_form_lends_its_spelling_to_the_romanised_full_name() -> None:
    entities = resolve([("Σεργκέι Λαβρόφ", "PERSON"), ("Lavrov", "PERSON")])
    # The given name comes from the name-parts table (or a phonetic reading) when present.
    assert [e.name.split()[-1] for e in entities] == ["Lavrov"]
    assert entities[0].name.split()[0] in {"Sergei", "Sergey"}


def test_full_latin_form_wins_over_romanisation() -> None:
    entities = resolve([("Σεργκέι Λαβρόφ", "PERSON"), ("Sergey Lavrov", "PERSON")])
    assert [e.name for e in entities] == ["Sergey Lavrov"]
