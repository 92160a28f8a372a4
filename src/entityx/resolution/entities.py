"""The resolver's entities, made from plain rows once the names they came from are freed."""

from __future__ import annotations

from typing import cast

from ..labels import Label
from ..models import Entity

__all__ = ["EntityRow", "make_entity"]

# id, name, label, aliases, mention count, KB id, same-as URIs
EntityRow = tuple[str, str, str, tuple[str, ...], int, str | None, tuple[str, ...]]
# The fields every entity is made with, as pydantic records them (``model_fields_set``): one
# set shared by all rather than one per entity, which at 100k names were 90,000 more
# containers for the cyclic garbage collector to walk on each full pass. A frozen model never
# adds to it, and ``model_copy`` copies it before an update.
_FIELDS_SET = {"id", "name", "label", "aliases", "mention_count", "kb_id", "same_as"}


def make_entity(
    ent_id: str,
    name: str,
    label: str,
    aliases: tuple[str, ...],
    count: int,
    kb_id: str | None,
    same_as: tuple[str, ...],
) -> Entity:
    """The entity of one row (:data:`EntityRow`)."""
    # Validated, not model_construct: pydantic-core validates these few fields in about half
    # the time model_construct takes to fill them in Python.
    entity = Entity(
        id=ent_id,
        name=name,
        label=cast(Label, label),  # the resolver's labels come from map_label
        aliases=aliases,
        mention_count=count,
        kb_id=kb_id,
        same_as=same_as,
    )
    if entity.model_fields_set == _FIELDS_SET:
        object.__setattr__(entity, "__pydantic_fields_set__", _FIELDS_SET)
    return entity
