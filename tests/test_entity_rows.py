"""Entities made from resolver rows share one fields set; nothing a caller does may leak
through it from one entity into another."""

from __future__ import annotations

import copy
import pickle

from entityx.models import Entity
from entityx.resolution import resolve
from entityx.resolution.entities import make_entity


def _two() -> tuple[Entity, Entity]:
    first = make_entity("a", "Athens", "LOC", ("Αθήνα",), 1, None, ())
    second = make_entity("b", "Sparta", "LOC", ("Σπάρτη",), 2, None, ())
    return first, second


def test_an_updated_copy_leaves_the_others_fields_set_alone() -> None:
    first, second = _two()
    before = set(second.model_fields_set)
    changed = first.model_copy(update={"name": "Athina"})
    assert changed.name == "Athina" and first.name == "Athens"
    assert second.model_fields_set == before
    assert first.model_fields_set == before


def test_rows_dump_as_validated_entities_do() -> None:
    first, _ = _two()
    dumped = first.model_dump(exclude_unset=True)
    assert dumped["id"] == "a" and dumped["aliases"] == ("Αθήνα",)
    assert set(dumped) == set(first.model_fields_set)


def test_pickle_and_deepcopy_keep_the_entity() -> None:
    first, _ = _two()
    for clone in (pickle.loads(pickle.dumps(first)), copy.deepcopy(first)):
        assert clone == first
        assert clone.model_fields_set == first.model_fields_set


def test_resolved_entities_dump_every_field_they_were_made_with() -> None:
    entity = resolve([("Αθήνα", "LOC"), ("Athens", "LOC")], kb=False)[0]
    assert {"id", "name", "label", "aliases"} <= set(entity.model_dump(exclude_unset=True))
