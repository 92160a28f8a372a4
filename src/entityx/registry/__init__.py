"""The cross-document entity registry: one canonical entity per real thing, across a corpus.

A registry is one SQLite file (stdlib ``sqlite3``, WAL journal). Tagging with
``--registry PATH`` resolves each document's entities against it, so the same real entity gets
the same id in every document and run, and a new spelling of a known entity (``Λαβρόφ`` today,
``Lavrov`` tomorrow) joins it. Resolution is incremental: a document's entities are matched
against what the registry holds; nothing already stored is resolved again.

Only one process writes (the corpus tagger's main process); each batch of documents is one
transaction, so a crash leaves the registry as of the last committed batch.

:class:`Registry` is a thin facade over modules split by what makes them change:

- :mod:`.storage`: the SQLite file (schema, documented there; connection; upgrades of older
  files; SQLite failures as :class:`~entityx.errors.RegistryError`);
- :mod:`.keys`: the stored blocking keys, the versions that made them, and their rebuild;
- :mod:`.matching`: the policy that finds a document entity's registry entity;
- :mod:`.records`: the stored fields of an entity and how a document updates them;
- :mod:`.checkpoints`: the corpus tagger's resume state.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..models import Document, Entity
from .checkpoints import read_checkpoint, write_checkpoint
from .keys import KEYS_VERSION, KeyScheme, KeysFn, ensure_fresh
from .matching import Matcher, SameFn
from .matching import default_keys as _default_keys
from .matching import default_resolver as _default_resolver
from .records import Records, RegistryEntity, rewrite
from .storage import SCHEMA_VERSION, Store, now, sqlite_errors, translated

__all__ = ["KEYS_VERSION", "SCHEMA_VERSION", "Registry", "RegistryEntity"]


class Registry:
    """A SQLite registry of canonical entities (see :mod:`.storage` for the schema).

    ``keys`` and ``same`` default to entityx's blocking keys and resolver; pass your own to
    change how names are matched, and ``keys_version`` to say when your ``keys`` changed (the
    stored keys are rebuilt when a registry is opened with another key function, version or,
    for entityx's keys, bundled knowledge base than the one that wrote them).
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        create: bool = True,
        keys: KeysFn | None = None,
        same: SameFn | None = None,
        keys_version: str | None = None,
    ) -> None:
        self.path = Path(path)
        self._keys_fn = keys
        self._resolver_obj: Any = None
        self._store = Store(self.path, create=create)
        self._db = self._store.db
        self._matcher = Matcher(self._store, keys=self._keys, same=same, resolver=self._resolver)
        self._records = Records(self._store, keys=self._keys)
        scheme = KeyScheme.default() if keys is None else KeyScheme.custom(keys, keys_version)
        try:
            with sqlite_errors(self.path):
                ensure_fresh(self._store, self._keys, scheme)
        except BaseException:
            self._store.close()
            raise

    def _keys(self, alias: str, label: str) -> frozenset[str]:
        if self._keys_fn is None:
            self._keys_fn = _default_keys()
        return self._keys_fn(alias, label)

    def _resolver(self) -> Any:
        if self._resolver_obj is None:
            self._resolver_obj = _default_resolver()
        return self._resolver_obj

    # -- lifecycle -----------------------------------------------------------------------
    @property
    @translated
    def token(self) -> str:
        """A random token written when the registry was created: it tells one file from another.

        (Registries older than the token fall back to their creation time.)
        """
        rows = self._store.meta("token", "created")
        return rows.get("token") or rows.get("created") or ""

    def close(self) -> None:
        self._store.close()

    def __enter__(self) -> Registry:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Registry]:
        """Group writes into one transaction: all of them are kept, or none (on error)."""
        with self._store.transaction():
            yield self

    # -- matching and writing ------------------------------------------------------------
    @translated
    def match(self, entity: Entity) -> str | None:
        """The id of the registry entity ``entity`` belongs to, or ``None`` if it is new."""
        return self._matcher.match(entity)

    @translated
    def add(self, document: Document, *, seen: str | None = None) -> Document:
        """Record ``document``'s entities and return it with registry ids.

        Mention and entity ids are rewritten to the registry's; document entities that turn
        out to be one registry entity are merged.
        """
        seen = seen or now()
        alias_counts: Counter[tuple[str, str]] = Counter(
            (m.entity_id, m.text) for m in document.mentions
        )
        mapping: dict[str, str] = {}
        records = self._records
        with self.transaction():
            for entity in document.entities:
                registry_id = self._matcher.match(entity)
                if registry_id is None:
                    registry_id = records.insert(entity, seen=seen, doc_id=document.id)
                else:
                    # A second document entity joining one registry entity: no new document.
                    again = registry_id in mapping.values()
                    doc_id = None if again else document.id
                    records.update(registry_id, entity, seen=seen, doc_id=doc_id)
                mapping[entity.id] = registry_id
                records.add_aliases(registry_id, entity, alias_counts)
                records.better_name(registry_id, entity)
        return rewrite(document, mapping)

    # -- checkpoints (used by the corpus tagger to commit output and registry together) ---
    @translated
    def checkpoint(self, run: str) -> dict[str, Any] | None:
        """The resume state saved for ``run``, or ``None``."""
        return read_checkpoint(self._store, run)

    @translated
    def set_checkpoint(self, run: str, state: dict[str, Any]) -> None:
        write_checkpoint(self._store, run, state)

    # -- reading -------------------------------------------------------------------------
    @translated
    def __len__(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM entities").fetchone()[0])

    @translated
    def get(self, entity_id: str) -> RegistryEntity:
        """The entity with ``entity_id`` (``KeyError`` if there is none)."""
        return self._records.get(entity_id)

    @translated
    def entities(
        self, *, label: str | None = None, limit: int | None = None
    ) -> list[RegistryEntity]:
        """All entities (of ``label``), most mentioned first."""
        return self._records.entities(label=label, limit=limit)

    @translated
    def search(
        self, name: str, *, label: str | None = None, limit: int = 50
    ) -> list[RegistryEntity]:
        """Entities called ``name`` in any script or inflection (``Λαβρόφ`` finds ``Lavrov``).

        Matches by blocking key (the names the resolver could merge with ``name``); when none
        match, by alias substring (``merk`` finds ``Merkel``; case-insensitive for ASCII).
        """
        found = self._matcher.search(name, label=label, limit=limit)
        return [self._records.get(entity_id) for entity_id in found]

    @translated
    def stats(self) -> dict[str, int]:
        """Counts of entities, aliases and keys, and the file size in bytes."""
        count = self._db.execute
        return {
            "entities": int(count("SELECT count(*) FROM entities").fetchone()[0]),
            "aliases": int(count("SELECT count(*) FROM aliases").fetchone()[0]),
            "keys": int(count("SELECT count(*) FROM keys").fetchone()[0]),
            "bytes": sum(
                p.stat().st_size for p in (self.path, Path(f"{self.path}-wal")) if p.exists()
            ),
        }
