"""One resolution step for a document's mentions, whoever reads them off the text.

The spaCy component (one doc) and the long-text path (a text read in pieces,
:meth:`entityx.document.DocumentBuilder.build_pieces`) both harmonise the mentions' labels,
resolve them, and give each mention its entity's label (the resolver may move a name to its
KB entry's label). They call :func:`resolve_mentions`, so a long text follows the same rules
as a short one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .consistency import harmonise_labels

if TYPE_CHECKING:
    from ..models import Entity
    from .cluster import Resolver

__all__ = ["MentionResolution", "resolve_mentions"]


@dataclass(frozen=True)
class MentionResolution:
    """The entities, each mention's entity id, and each mention's final label."""

    entities: list[Entity]
    ids: list[str]
    labels: list[str]


def resolve_mentions(
    items: Sequence[tuple[str, str]],
    *,
    resolver: Resolver,
    definitions: Sequence[tuple[int, int]] | None = None,
    harmonise: bool = True,
) -> MentionResolution:
    """Resolve ``(text, label)`` mentions of one document, in text order.

    ``harmonise``: a name spelled alike often enough takes one label first
    (:func:`~entityx.resolution.consistency.harmonise_labels`). ``definitions``: pairs of
    mention indexes written ``Name (ACRONYM)``, as :meth:`Resolver.resolve` takes them.
    """
    labels = harmonise_labels(items) if harmonise else [label for _, label in items]
    harmonised = [(text, label) for (text, _), label in zip(items, labels, strict=True)]
    entities, ids = resolver.resolve(harmonised, definitions=definitions)
    entity_labels = {entity.id: entity.label for entity in entities}
    return MentionResolution(entities, ids, [entity_labels[i] for i in ids])
