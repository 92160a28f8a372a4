"""Cross-script entity resolution: every spelling of one real thing becomes one Entity.

No spaCy import here (the spaCy adapter is :mod:`entityx.component`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from ..labels import entity_label
from ..models import Entity
from .cluster import Resolver, entity_id
from .kb import KBEntry, KnowledgeBase

__all__ = ["KBEntry", "KnowledgeBase", "Resolver", "entity_id", "resolve"]


def _as_pair(item: Any) -> tuple[str, str]:
    if isinstance(item, tuple | list) and len(item) == 2:
        text, label = item
    else:
        text, label = getattr(item, "text", None), getattr(item, "label", None)
        if text is None or label is None:
            raise TypeError(
                f"expected a (surface, label) pair or an object with .text and .label, got {item!r}"
            )
    # An unknown label (a typo, a spaCy label hash) is an error, not a silent MISC.
    return str(text), entity_label(label)


def resolve(
    names: Iterable[Any], *, kb: KnowledgeBase | Literal[False] | None = None, **settings: Any
) -> list[Entity]:
    """Resolve ``(surface, label)`` pairs (or Mentions) of one context into entities.

    The bundled knowledge base is used unless ``kb=False`` (no knowledge base at all) or
    ``gazetteer=False``; a user ``kb`` is layered over it. Other keyword settings are those
    of :class:`Resolver`.
    """
    entities, _ = Resolver(kb=kb, **settings).resolve([_as_pair(n) for n in names])
    return entities
