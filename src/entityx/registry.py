"""The cross-document entity registry: one canonical entity per real thing, across a corpus.

A registry is one SQLite file (stdlib ``sqlite3``, WAL journal). Tagging with
``--registry PATH`` resolves each document's entities against it, so the same real entity gets
the same id in every document and run, and a new spelling of a known entity (``Λαβρόφ`` today,
``Lavrov`` tomorrow) joins it. Resolution is incremental: a document's entities are matched
against what the registry holds; nothing already stored is resolved again.

How a document entity finds its registry entity:

1. a knowledge-base id (``Entity.kb_id``) equal to a registry entity's is decisive;
2. an alias already stored, verbatim, under the same label joins that entity;
3. otherwise candidates are the (at most 8) registry entities of the same label sharing the
   most blocking keys (:func:`entityx.resolution.blocking.match_keys`) with its aliases, and
   the first one the resolver puts in one entity with it (one ``Resolver.resolve`` call on the
   candidates' most frequent aliases and the new aliases) wins;
4. otherwise it is a new registry entity (id: its KB id, else its document id, suffixed
   ``~2``, ``~3``... if that is taken).

Only one process writes (the corpus tagger's main process); each batch of documents is one
transaction, so a crash leaves the registry as of the last committed batch.

Schema, version 1 (``PRAGMA user_version = 1``; ``meta.schema_version = '1'``)::

    meta(key TEXT PRIMARY KEY, value TEXT)            -- schema_version, created, entityx_version
    entities(id TEXT PRIMARY KEY,                     -- the registry id used in output Documents
             name TEXT, label TEXT,                   -- canonical name; PERSON|LOC|ORG|MISC
             kb_id TEXT, same_as TEXT,                -- KB id (unique when set); JSON list of URIs
             mention_count INT, document_count INT,
             first_seen TEXT, last_seen TEXT,         -- UTC ISO-8601 time of the tagging run
             first_document TEXT, last_document TEXT) -- document ids
    aliases(entity_id TEXT, alias TEXT, mention_count INT, PRIMARY KEY (entity_id, alias))
    keys(key TEXT, label TEXT, entity_id TEXT, PRIMARY KEY (key, label, entity_id))
    checkpoints(run TEXT PRIMARY KEY, state TEXT, updated TEXT)  -- corpus resume state (JSON)

A schema change bumps the version; opening a registry of another version raises
:class:`~entityx.errors.RegistryError` rather than guessing. Every SQLite failure (a full disk,
a corrupt page, a registry locked by another writer) is raised as a ``RegistryError`` naming the
file and what to do (:func:`_sqlite_errors`); ``meta.token`` is a random id written at creation,
which tells one registry file from another (``tag --resume`` checks it).
"""

from __future__ import annotations

import functools
import json
import os
import sqlite3
import uuid
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict

from .errors import RegistryError
from .labels import LABELS
from .models import Document, Entity, Mention

__all__ = ["SCHEMA_VERSION", "Registry", "RegistryEntity"]

SCHEMA_VERSION = 1
_MAX_CANDIDATES = 8
_MAX_CANDIDATE_ALIASES = 12

KeysFn = Callable[[str, str], frozenset[str]]
#: ``same(known_aliases, new_aliases, label) -> bool``: do the two alias lists name one entity?
#: (Optional; the default asks :class:`entityx.resolution.Resolver`.)
SameFn = Callable[[Sequence[str], Sequence[str], str], bool]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entities(
    id TEXT PRIMARY KEY, name TEXT NOT NULL, label TEXT NOT NULL, kb_id TEXT,
    same_as TEXT NOT NULL DEFAULT '[]', mention_count INTEGER NOT NULL DEFAULT 0,
    document_count INTEGER NOT NULL DEFAULT 0, first_seen TEXT, last_seen TEXT,
    first_document TEXT, last_document TEXT);
CREATE UNIQUE INDEX IF NOT EXISTS entities_kb ON entities(kb_id) WHERE kb_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS entities_label ON entities(label, mention_count);
CREATE TABLE IF NOT EXISTS aliases(
    entity_id TEXT NOT NULL REFERENCES entities(id), alias TEXT NOT NULL,
    mention_count INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (entity_id, alias)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS aliases_alias ON aliases(alias);
CREATE TABLE IF NOT EXISTS keys(
    key TEXT NOT NULL, label TEXT NOT NULL, entity_id TEXT NOT NULL,
    PRIMARY KEY (key, label, entity_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS checkpoints(run TEXT PRIMARY KEY, state TEXT NOT NULL, updated TEXT);
"""


_F = TypeVar("_F", bound=Callable[..., Any])
_CORRUPT = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


def _registry_error(path: Path, exc: sqlite3.Error) -> RegistryError:
    """The :class:`RegistryError` for a SQLite failure on the registry at ``path``."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = None if code is None else code & 0xFF
    text = str(exc)
    if primary == sqlite3.SQLITE_FULL or "disk is full" in text:
        hint = (
            "the disk (or the registry's size limit) is full. What was committed is safe: free "
            "disk space, then rerun (for entityx tag: the same command with --resume)"
        )
    elif primary in _CORRUPT or "malformed" in text or "not a database" in text:
        hint = (
            f"not a usable entityx registry: the file is corrupt or not SQLite ({text}). Restore "
            "it from a copy, or start a new registry (pass another path); `sqlite3 FILE .recover` "
            "may rescue the rows of a corrupt one"
        )
    elif primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        hint = "another process is writing it; wait for that process, or use another registry"
    elif primary == sqlite3.SQLITE_READONLY:
        hint = "it is read-only; check its permissions (and those of its folder)"
    else:
        hint = f"SQLite failed ({text}); check the file and its disk, or pass another path"
    return RegistryError(f"registry {path}: {hint}")


@contextmanager
def _sqlite_errors(path: Path) -> Iterator[None]:
    """Turn any ``sqlite3`` error raised inside into a :class:`RegistryError` about ``path``."""
    try:
        yield
    except sqlite3.Error as exc:
        raise _registry_error(path, exc) from exc


def _translated(method: _F) -> _F:
    """Run ``method`` under :func:`_sqlite_errors` (no raw ``sqlite3`` error leaves it)."""

    @functools.wraps(method)
    def wrapper(self: Registry, *args: Any, **kwargs: Any) -> Any:
        with _sqlite_errors(self.path):
            return method(self, *args, **kwargs)

    return wrapper  # type: ignore[return-value]


class RegistryEntity(BaseModel):
    """A canonical entity as the registry keeps it."""

    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    label: str
    aliases: tuple[str, ...] = ()
    kb_id: str | None = None
    same_as: tuple[str, ...] = ()
    mention_count: int = 0
    document_count: int = 0
    first_seen: str | None = None
    last_seen: str | None = None
    first_document: str | None = None
    last_document: str | None = None


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _default_keys() -> KeysFn:
    from .resolution.blocking import match_keys

    return match_keys


def _default_resolver() -> Any:
    from .resolution import Resolver

    return Resolver()


class Registry:
    """A SQLite registry of canonical entities (see the module docs for the schema).

    ``keys`` and ``same`` default to entityx's blocking keys and resolver; pass your own to
    change how names are matched.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        create: bool = True,
        keys: KeysFn | None = None,
        same: SameFn | None = None,
    ) -> None:
        self.path = Path(path)
        if not create and not self.path.exists():
            raise RegistryError(f"{self.path}: no such registry; tag with --registry to create it")
        self._keys_fn = keys
        self._same_fn = same
        self._resolver: Any = None
        self._in_tx = False
        with _sqlite_errors(self.path):
            self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            try:
                self._setup()
            except BaseException:
                self._db.close()
                raise

    # -- lifecycle -----------------------------------------------------------------------
    def _setup(self) -> None:
        db = self._db
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        db.execute("PRAGMA foreign_keys=ON")
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        has_tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
        if version == 0 and not has_tables:
            from ._version import __version__

            # One script, one transaction: a crash mid-creation leaves an empty file.
            db.executescript(
                "BEGIN IMMEDIATE;"
                + _SCHEMA
                + f"INSERT INTO meta VALUES ('schema_version', '{SCHEMA_VERSION}');"
                + f"INSERT INTO meta VALUES ('created', '{_now()}');"
                + f"INSERT INTO meta VALUES ('entityx_version', '{__version__}');"
                + f"INSERT INTO meta VALUES ('token', '{uuid.uuid4().hex}');"
                + f"PRAGMA user_version={SCHEMA_VERSION}; COMMIT;"
            )
        elif version != SCHEMA_VERSION:
            raise RegistryError(
                f"{self.path}: registry schema version {version}, this entityx reads version "
                f"{SCHEMA_VERSION}; use a matching entityx or start a new registry"
            )

    @property
    @_translated
    def token(self) -> str:
        """A random token written when the registry was created: it tells one file from another.

        (Registries older than the token fall back to their creation time.)
        """
        rows = dict(
            self._db.execute("SELECT key, value FROM meta WHERE key IN ('token', 'created')")
        )
        return str(rows.get("token") or rows.get("created") or "")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Registry:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Registry]:
        """Group writes into one transaction: all of them are kept, or none (on error)."""
        if self._in_tx:
            yield self
            return
        with _sqlite_errors(self.path):
            self._db.execute("BEGIN IMMEDIATE")
        self._in_tx = True
        try:
            yield self
        except BaseException:
            self._in_tx = False
            with suppress(sqlite3.Error):  # SQLite may have rolled back already (disk full)
                self._db.execute("ROLLBACK")
            raise
        self._in_tx = False
        try:
            with _sqlite_errors(self.path):
                self._db.execute("COMMIT")
        except RegistryError:
            with suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")
            raise

    # -- matching ------------------------------------------------------------------------
    def _keys(self, alias: str, label: str) -> frozenset[str]:
        if self._keys_fn is None:
            self._keys_fn = _default_keys()
        return self._keys_fn(alias, label)

    def _pick(self, candidates: list[list[str]], new: Sequence[str], label: str) -> int | None:
        """Index of the first candidate (alias list) that names the same entity as ``new``."""
        if self._same_fn is not None:
            for index, known in enumerate(candidates):
                if self._same_fn(known, new, label):
                    return index
            return None
        if self._resolver is None:
            self._resolver = _default_resolver()
        # One resolver call for all candidates: each candidate's aliases, then the new ones.
        items = [(alias, label) for alias in new]
        owners: list[int] = []
        for index, known in enumerate(candidates):
            items.extend((alias, label) for alias in known)
            owners.extend([index] * len(known))
        _, ids = self._resolver.resolve(items)
        new_ids = set(ids[: len(new)])
        for pos, owner in enumerate(owners):  # owners ascend: the best-ranked match wins
            if ids[len(new) + pos] in new_ids:
                return owner
        return None

    def _candidates(self, keys: set[str], label: str, *, limit: int = _MAX_CANDIDATES) -> list[str]:
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        rows = self._db.execute(
            f"SELECT k.entity_id FROM keys k CROSS JOIN entities e ON e.id = k.entity_id "
            f"WHERE k.label = ? AND k.key IN ({marks}) GROUP BY k.entity_id "
            f"ORDER BY count(*) DESC, e.mention_count DESC LIMIT {int(limit)}",
            [label, *sorted(keys)],
        ).fetchall()
        return [row[0] for row in rows]

    def _aliases(self, entity_id: str, limit: int | None = None) -> list[str]:
        sql = "SELECT alias FROM aliases WHERE entity_id = ? ORDER BY mention_count DESC, alias"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [row[0] for row in self._db.execute(sql, (entity_id,))]

    @_translated
    def match(self, entity: Entity) -> str | None:
        """The id of the registry entity ``entity`` belongs to, or ``None`` if it is new."""
        if entity.kb_id is not None:
            row = self._db.execute(
                "SELECT id FROM entities WHERE kb_id = ?", (entity.kb_id,)
            ).fetchone()
            if row is not None:
                return str(row[0])
        new_aliases = list(entity.aliases) or [entity.name]
        # A spelling the registry already holds under this label: no resolving needed.
        marks = ",".join("?" * len(new_aliases))
        row = self._db.execute(
            # CROSS JOIN fixes the join order: probe the alias index first, never scan entities.
            f"SELECT a.entity_id FROM aliases a CROSS JOIN entities e ON e.id = a.entity_id "
            f"WHERE a.alias IN ({marks}) AND e.label = ? "
            f"ORDER BY e.mention_count DESC LIMIT 1",
            [*new_aliases, entity.label],
        ).fetchone()
        if row is not None:
            return str(row[0])
        keys: set[str] = set()
        for alias in new_aliases:
            keys |= self._keys(alias, entity.label)
        candidates = self._candidates(keys, entity.label)
        if not candidates:
            return None
        known = [self._aliases(c, _MAX_CANDIDATE_ALIASES) for c in candidates]
        index = self._pick(known, new_aliases, entity.label)
        return None if index is None else candidates[index]

    def _new_id(self, entity: Entity) -> str:
        base = entity.kb_id or entity.id
        candidate, n = base, 1
        while self._db.execute("SELECT 1 FROM entities WHERE id = ?", (candidate,)).fetchone():
            n += 1
            candidate = f"{base}~{n}"
        return candidate

    # -- writing -------------------------------------------------------------------------
    @_translated
    def add(self, document: Document, *, seen: str | None = None) -> Document:
        """Record ``document``'s entities and return it with registry ids.

        Mention and entity ids are rewritten to the registry's; document entities that turn
        out to be one registry entity are merged.
        """
        seen = seen or _now()
        alias_counts: Counter[tuple[str, str]] = Counter(
            (m.entity_id, m.text) for m in document.mentions
        )
        mapping: dict[str, str] = {}
        with self.transaction():
            for entity in document.entities:
                registry_id = self.match(entity)
                if registry_id is None:
                    registry_id = self._insert(entity, seen=seen, doc_id=document.id)
                elif registry_id in mapping.values():
                    # A second document entity joins the same registry entity: no new document.
                    self._update(registry_id, entity, seen=seen, doc_id=None)
                else:
                    self._update(registry_id, entity, seen=seen, doc_id=document.id)
                mapping[entity.id] = registry_id
                self._add_aliases(registry_id, entity, alias_counts)
                self._better_name(registry_id, entity)
        return _rewrite(document, mapping)

    def _insert(self, entity: Entity, *, seen: str, doc_id: str | None) -> str:
        registry_id = self._new_id(entity)
        kb_id = entity.kb_id
        if (
            kb_id is not None
            and self._db.execute("SELECT 1 FROM entities WHERE kb_id = ?", (kb_id,)).fetchone()
        ):
            kb_id = None
        self._db.execute(
            "INSERT INTO entities VALUES (?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?)",
            (
                registry_id,
                entity.name,
                entity.label,
                kb_id,
                json.dumps(list(entity.same_as)),
                seen,
                seen,
                doc_id,
                doc_id,
            ),
        )
        self._update(registry_id, entity, seen=seen, doc_id=doc_id)
        return registry_id

    def _update(self, registry_id: str, entity: Entity, *, seen: str, doc_id: str | None) -> None:
        self._db.execute(
            "UPDATE entities SET mention_count = mention_count + ?, "
            "document_count = document_count + ?, last_seen = ?, "
            "last_document = coalesce(?, last_document), kb_id = coalesce(kb_id, ?) WHERE id = ?",
            (
                entity.mention_count,
                0 if doc_id is None else 1,
                seen,
                doc_id,
                self._free_kb_id(entity.kb_id),
                registry_id,
            ),
        )

    def _better_name(self, registry_id: str, entity: Entity) -> None:
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

    def _free_kb_id(self, kb_id: str | None) -> str | None:
        if kb_id is None:
            return None
        taken = self._db.execute("SELECT 1 FROM entities WHERE kb_id = ?", (kb_id,)).fetchone()
        return None if taken else kb_id

    def _add_aliases(
        self, registry_id: str, entity: Entity, counts: Counter[tuple[str, str]]
    ) -> None:
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
            self._db.executemany(
                "INSERT OR IGNORE INTO keys VALUES (?, ?, ?)",
                [(key, entity.label, registry_id) for key in self._keys(alias, entity.label)],
            )

    # -- checkpoints (used by the corpus tagger to commit output and registry together) ---
    @_translated
    def checkpoint(self, run: str) -> dict[str, Any] | None:
        row = self._db.execute("SELECT state FROM checkpoints WHERE run = ?", (run,)).fetchone()
        if row is None:
            return None
        try:
            return dict(json.loads(row[0]))
        except (TypeError, ValueError):
            raise RegistryError(
                f"registry {self.path}: the checkpoint of run {run!r} is corrupt or was edited; "
                "rerun without --resume (with --overwrite) to start that run over"
            ) from None

    @_translated
    def set_checkpoint(self, run: str, state: dict[str, Any]) -> None:
        with self.transaction():
            self._db.execute(
                "INSERT OR REPLACE INTO checkpoints VALUES (?, ?, ?)",
                (run, json.dumps(state), _now()),
            )

    # -- reading -------------------------------------------------------------------------
    @_translated
    def __len__(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM entities").fetchone()[0])

    @_translated
    def get(self, entity_id: str) -> RegistryEntity:
        """The entity with ``entity_id`` (``KeyError`` if there is none)."""
        row = self._db.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
        if row is None:
            raise KeyError(entity_id)
        return self._entity(row)

    def _entity(self, row: Sequence[Any]) -> RegistryEntity:
        (eid, name, label, kb_id, same_as, mentions, docs, first, last, first_doc, last_doc) = row
        return RegistryEntity(
            id=eid,
            name=name,
            label=label,
            aliases=tuple(self._aliases(eid)),
            kb_id=kb_id,
            same_as=tuple(json.loads(same_as)),
            mention_count=mentions,
            document_count=docs,
            first_seen=first,
            last_seen=last,
            first_document=first_doc,
            last_document=last_doc,
        )

    @_translated
    def entities(
        self, *, label: str | None = None, limit: int | None = None
    ) -> list[RegistryEntity]:
        """All entities (of ``label``), most mentioned first."""
        sql = "SELECT * FROM entities"
        args: list[Any] = []
        if label is not None:
            sql += " WHERE label = ?"
            args.append(label)
        sql += " ORDER BY mention_count DESC, id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [self._entity(row) for row in self._db.execute(sql, args).fetchall()]

    @_translated
    def search(
        self, name: str, *, label: str | None = None, limit: int = 50
    ) -> list[RegistryEntity]:
        """Entities called ``name`` in any script or inflection (``Λαβρόφ`` finds ``Lavrov``).

        Matches by blocking key (the names the resolver could merge with ``name``); when none
        match, by alias substring (``merk`` finds ``Merkel``; case-insensitive for ASCII).
        """
        labels = [label] if label is not None else list(LABELS)
        found: dict[str, None] = {}
        for lab in labels:
            for entity_id in self._candidates(set(self._keys(name, lab)), lab, limit=limit):
                found[entity_id] = None
        if found:
            return [self.get(entity_id) for entity_id in list(found)[:limit]]
        # % and _ in the query are literal characters, not LIKE wildcards.
        escaped = name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        sql = (
            "SELECT DISTINCT a.entity_id FROM aliases a JOIN entities e ON e.id = a.entity_id "
            "WHERE a.alias LIKE ? ESCAPE '\\'"
        )
        args: list[Any] = [f"%{escaped}%"]
        if label is not None:
            sql += " AND e.label = ?"
            args.append(label)
        sql += f" ORDER BY e.mention_count DESC LIMIT {int(limit)}"
        for row in self._db.execute(sql, args):
            found[row[0]] = None
        return [self.get(entity_id) for entity_id in list(found)[:limit]]

    @_translated
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


def _is_latin(name: str) -> bool:
    return not any("\u0370" <= ch <= "\u03ff" or "\u1f00" <= ch <= "\u1fff" for ch in name)


def _rewrite(document: Document, mapping: dict[str, str]) -> Document:
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
                "same_as": tuple(dict.fromkeys((*prev.same_as, *entity.same_as))),
            }
        )
    mentions: tuple[Mention, ...] = tuple(
        m.model_copy(update={"entity_id": mapping.get(m.entity_id, m.entity_id)})
        for m in document.mentions
    )
    return document.model_copy(update={"entities": tuple(merged.values()), "mentions": mentions})
