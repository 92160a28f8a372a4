"""What the registry keeps about an entity: writing a document's entities, reading them back.

This module changes when an entity's stored fields, or the rules that update them (counts,
the canonical name, the KB id and its link score), change.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict

from ..models import Document, Entity, Mention
from ..text.greek import has_greek
from .keys import KeysFn, insert_keys
from .storage import Store

__all__ = ["COLUMNS", "Records", "RegistryEntity", "rewrite"]

#: The ``entities`` columns in the order :meth:`Records.entity` reads them (named, not ``*``:
#: an upgraded file has its added columns last, wherever a new one has them).
COLUMNS = (
    "id, name, label, kb_id, same_as, mention_count, document_count, first_seen, last_seen, "
    "first_document, last_document, link_score"
)

# The link score goes with the KB id: set with it, raised by later mentions linked to it, and
# while the entity is unlinked, the best (below-threshold) score seen for it.
_UPDATE = """
UPDATE entities SET
    mention_count = mention_count + :mentions, document_count = document_count + :documents,
    last_seen = :seen, last_document = coalesce(:doc, last_document),
    link_score = CASE
        WHEN kb_id IS NULL AND :free_kb IS NOT NULL THEN :score
        WHEN (kb_id IS NULL AND :kb IS NULL) OR kb_id = :kb
            THEN max(coalesce(link_score, :score), coalesce(:score, link_score))
        ELSE link_score END,
    kb_id = coalesce(kb_id, :free_kb)
WHERE id = :id
"""


class RegistryEntity(BaseModel):
    """A canonical entity as the registry keeps it."""

    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    label: str
    aliases: tuple[str, ...] = ()
    kb_id: str | None = None
    #: The evidence for ``kb_id`` (see :attr:`entityx.models.Entity.link_score`): the highest
    #: score of a document entity linked to it; for an unlinked entity, the highest seen.
    link_score: float | None = None
    same_as: tuple[str, ...] = ()
    mention_count: int = 0
    document_count: int = 0
    first_seen: str | None = None
    last_seen: str | None = None
    first_document: str | None = None
    last_document: str | None = None


class Records:
    """Reads and writes entity rows and aliases of one open registry (inside its transactions)."""

    def __init__(self, store: Store, *, keys: KeysFn) -> None:
        self._db = store.db
        self._store = store
        self._keys = keys

    # -- writing -------------------------------------------------------------------------
    def insert(self, entity: Entity, *, seen: str, doc_id: str | None) -> str:
        """Store ``entity`` as a new registry entity; its id (KB id, else document id, ``~N``)."""
        registry_id = self._new_id(entity)
        self._db.execute(
            "INSERT INTO entities (id, name, label, kb_id, same_as, first_seen, last_seen, "
            "first_document, last_document) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                registry_id,
                entity.name,
                entity.label,
                self._free_kb_id(entity.kb_id),
                json.dumps(list(entity.same_as)),
                seen,
                seen,
                doc_id,
                doc_id,
            ),
        )
        self.update(registry_id, entity, seen=seen, doc_id=doc_id)
        return registry_id

    def update(self, registry_id: str, entity: Entity, *, seen: str, doc_id: str | None) -> None:
        """Count ``entity``'s mentions (and document, unless ``doc_id`` is ``None``) in."""
        self._db.execute(
            _UPDATE,
            {
                "mentions": entity.mention_count,
                "documents": 0 if doc_id is None else 1,
                "seen": seen,
                "doc": doc_id,
                "kb": entity.kb_id,
                "free_kb": self._free_kb_id(entity.kb_id),
                "score": entity.link_score,
                "id": registry_id,
            },
        )

    def add_aliases(
        self, registry_id: str, entity: Entity, counts: Counter[tuple[str, str]]
    ) -> None:
        """Count ``entity``'s aliases in; a new alias brings its blocking keys."""
        for alias in entity.aliases or (entity.name,):
            count = counts.get((entity.id, alias), 0)
            cur = self._db.execute(
                "UPDATE aliases SET mention_count = mention_count + ? "
                "WHERE entity_id = ? AND alias = ?",
                (count, registry_id, alias),
            )
            if cur.rowcount:
                continue
            self._db.execute("INSERT INTO aliases VALUES (?, ?, ?)", (registry_id, alias, count))
            insert_keys(self._store, self._keys, alias, entity.label, registry_id)

    def better_name(self, registry_id: str, entity: Entity) -> None:
        """Prefer a name seen verbatim in Latin script over a machine-romanised or Greek one."""
        if entity.name not in entity.aliases:
            return
        (current,) = self._db.execute(
            "SELECT name FROM entities WHERE id = ?", (registry_id,)
        ).fetchone()
        if current == entity.name:
            return
        verbatim = self._db.execute(
            "SELECT 1 FROM aliases WHERE entity_id = ? AND alias = ?", (registry_id, current)
        ).fetchone()
        if not verbatim or (_is_latin(entity.name) and not _is_latin(current)):
            self._db.execute(
                "UPDATE entities SET name = ? WHERE id = ?", (entity.name, registry_id)
            )

    def _new_id(self, entity: Entity) -> str:
        base = entity.kb_id or entity.id
        candidate, n = base, 1
        while self._db.execute("SELECT 1 FROM entities WHERE id = ?", (candidate,)).fetchone():
            n += 1
            candidate = f"{base}~{n}"
        return candidate

    def _free_kb_id(self, kb_id: str | None) -> str | None:
        """``kb_id`` unless another registry entity holds it already (KB ids are unique)."""
        if kb_id is None:
            return None
        taken = self._db.execute("SELECT 1 FROM entities WHERE kb_id = ?", (kb_id,)).fetchone()
        return None if taken else kb_id

    # -- reading -------------------------------------------------------------------------
    def get(self, entity_id: str) -> RegistryEntity:
        """The entity with ``entity_id`` (``KeyError`` if there is none)."""
        row = self._db.execute(
            f"SELECT {COLUMNS} FROM entities WHERE id = ?", (entity_id,)
        ).fetchone()
        if row is None:
            raise KeyError(entity_id)
        return self.entity(row)

    def entities(self, *, label: str | None, limit: int | None) -> list[RegistryEntity]:
        """All entities (of ``label``), most mentioned first."""
        sql = f"SELECT {COLUMNS} FROM entities"
        args: list[Any] = []
        if label is not None:
            sql += " WHERE label = ?"
            args.append(label)
        sql += " ORDER BY mention_count DESC, id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [self.entity(row) for row in self._db.execute(sql, args).fetchall()]

    def entity(self, row: Sequence[Any]) -> RegistryEntity:
        """The :class:`RegistryEntity` of a row of :data:`COLUMNS`."""
        (
            eid,
            name,
            label,
            kb_id,
            same_as,
            mentions,
            docs,
            first,
            last,
            first_doc,
            last_doc,
            score,
        ) = row
        aliases = self._db.execute(
            "SELECT alias FROM aliases WHERE entity_id = ? ORDER BY mention_count DESC, alias",
            (eid,),
        )
        return RegistryEntity(
            id=eid,
            name=name,
            label=label,
            aliases=tuple(alias for (alias,) in aliases),
            kb_id=kb_id,
            link_score=score,
            same_as=tuple(json.loads(same_as)),
            mention_count=mentions,
            document_count=docs,
            first_seen=first,
            last_seen=last,
            first_document=first_doc,
            last_document=last_doc,
        )


def _is_latin(name: str) -> bool:
    return not has_greek(name)


def rewrite(document: Document, mapping: dict[str, str]) -> Document:
    """``document`` with entity ids replaced by ``mapping``; entities mapped together merge."""
    if all(old == new for old, new in mapping.items()) and len(set(mapping.values())) == len(
        mapping
    ):
        return document
    merged: dict[str, Entity] = {}
    for entity in document.entities:
        new_id = mapping.get(entity.id, entity.id)
        prev = merged.get(new_id)
        if prev is None:
            merged[new_id] = entity.model_copy(update={"id": new_id})
            continue
        merged[new_id] = prev.model_copy(
            update={
                "aliases": tuple(dict.fromkeys((*prev.aliases, *entity.aliases))),
                "mention_count": prev.mention_count + entity.mention_count,
                "kb_id": prev.kb_id or entity.kb_id,
                "link_score": _merged_score(prev, entity),
                "same_as": tuple(dict.fromkeys((*prev.same_as, *entity.same_as))),
            }
        )
    mentions: tuple[Mention, ...] = tuple(
        m.model_copy(update={"entity_id": mapping.get(m.entity_id, m.entity_id)})
        for m in document.mentions
    )
    return document.model_copy(update={"entities": tuple(merged.values()), "mentions": mentions})


def _merged_score(prev: Entity, entity: Entity) -> float | None:
    """The link score of two merged entities: the one that goes with the kept KB id."""
    if prev.kb_id is not None or entity.kb_id is not None:
        return prev.link_score if prev.kb_id is not None else entity.link_score
    scores = [s for s in (prev.link_score, entity.link_score) if s is not None]
    return max(scores) if scores else None
