"""The registry's SQLite file: its schema, the connection, migrations and SQLite errors.

This module changes when the file format changes; what is stored in it, and how entities are
matched, live in the sibling modules.

Schema, version 2 (``PRAGMA user_version = 2``; ``meta.schema_version = '2'``)::

    meta(key TEXT PRIMARY KEY, value TEXT)            -- schema_version, created, entityx_version,
                                                      -- token, keys_version, kb_version
    entities(id TEXT PRIMARY KEY,                     -- the registry id used in output Documents
             name TEXT, label TEXT,                   -- canonical name; PERSON|LOC|ORG|MISC
             kb_id TEXT, same_as TEXT,                -- KB id (unique when set); JSON list of URIs
             mention_count INT, document_count INT,
             first_seen TEXT, last_seen TEXT,         -- UTC ISO-8601 time of the tagging run
             first_document TEXT, last_document TEXT, -- document ids
             link_score REAL)                         -- evidence for kb_id (Entity.link_score)
    aliases(entity_id TEXT, alias TEXT, mention_count INT, PRIMARY KEY (entity_id, alias))
    keys(key TEXT, label TEXT, entity_id TEXT, PRIMARY KEY (key, label, entity_id))
    checkpoints(run TEXT PRIMARY KEY, state TEXT, updated TEXT)  -- corpus resume state (JSON)

Version 1 lacked ``entities.link_score`` and the two key versions; a version-1 file is upgraded
in place when it is opened (one transaction; its keys are then rebuilt, see
:mod:`.keys`). A file of a newer version raises :class:`~entityx.errors.RegistryError` rather
than guessing. Every SQLite failure (a full disk, a corrupt page, a registry locked by another
writer) is raised as a ``RegistryError`` naming the file and what to do (:func:`sqlite_errors`).
``meta.token`` is a random id written at creation, which tells one registry file from another
(``tag --resume`` checks it).
"""

from __future__ import annotations

import functools
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Protocol, TypeVar

from .._version import __version__
from ..errors import RegistryError

__all__ = ["SCHEMA_VERSION", "Store", "now", "registry_error", "sqlite_errors", "translated"]

SCHEMA_VERSION = 2

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entities(
    id TEXT PRIMARY KEY, name TEXT NOT NULL, label TEXT NOT NULL, kb_id TEXT,
    same_as TEXT NOT NULL DEFAULT '[]', mention_count INTEGER NOT NULL DEFAULT 0,
    document_count INTEGER NOT NULL DEFAULT 0, first_seen TEXT, last_seen TEXT,
    first_document TEXT, last_document TEXT, link_score REAL);
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

#: ``user_version`` -> the statements that bring a file of that version to the next one.
_MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: ("ALTER TABLE entities ADD COLUMN link_score REAL",),
}

_F = TypeVar("_F", bound=Callable[..., Any])
_CORRUPT = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


def now() -> str:
    """The current UTC time as ISO-8601 seconds, as the registry stores times."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def registry_error(path: Path, exc: sqlite3.Error) -> RegistryError:
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
def sqlite_errors(path: Path) -> Iterator[None]:
    """Turn any ``sqlite3`` error raised inside into a :class:`RegistryError` about ``path``."""
    try:
        yield
    except sqlite3.Error as exc:
        raise registry_error(path, exc) from exc


class _HasPath(Protocol):
    path: Path


def translated(method: _F) -> _F:
    """Run ``method`` under :func:`sqlite_errors` (no raw ``sqlite3`` error leaves it)."""

    @functools.wraps(method)
    def wrapper(self: _HasPath, *args: Any, **kwargs: Any) -> Any:
        with sqlite_errors(self.path):
            return method(self, *args, **kwargs)

    return wrapper  # type: ignore[return-value]


class Store:
    """One open registry file: the connection, its transactions and its ``meta`` table.

    Opening creates the schema in a new (empty) file and upgrades an older one in place.
    """

    def __init__(self, path: Path, *, create: bool = True) -> None:
        self.path = path
        if not create and not path.exists():
            raise RegistryError(f"{path}: no such registry; tag with --registry to create it")
        self._in_tx = False
        with sqlite_errors(path):
            self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            try:
                self._setup()
            except BaseException:
                self.db.close()
                raise

    def _setup(self) -> None:
        db = self.db
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        db.execute("PRAGMA foreign_keys=ON")
        version = self._user_version()
        has_tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
        if version == 0 and not has_tables:
            self._create()
        elif version != SCHEMA_VERSION:
            self._migrate(version)

    def _user_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def _create(self) -> None:
        meta = {
            "schema_version": str(SCHEMA_VERSION),
            "created": now(),
            "entityx_version": __version__,
            "token": uuid.uuid4().hex,
        }
        inserts = "".join(f"INSERT INTO meta VALUES ('{k}', '{v}');" for k, v in meta.items())
        # One script, one transaction: a crash mid-creation leaves an empty file.
        self.db.executescript(
            "BEGIN IMMEDIATE;" + _SCHEMA + inserts + f"PRAGMA user_version={SCHEMA_VERSION};COMMIT;"
        )

    def _migrate(self, version: int) -> None:
        """Upgrade a file of an older schema ``version`` in place, in one transaction."""
        if version not in _MIGRATIONS:
            raise RegistryError(
                f"{self.path}: registry schema version {version}, this entityx reads version "
                f"{SCHEMA_VERSION} (and upgrades older entityx registries); use a matching "
                "entityx or start a new registry"
            )
        with self.transaction():
            version = self._user_version()  # another process may have upgraded it meanwhile
            while version in _MIGRATIONS:
                for statement in _MIGRATIONS[version]:
                    self.db.execute(statement)
                version += 1
            if version != SCHEMA_VERSION:  # pragma: no cover - a gap in _MIGRATIONS
                raise RegistryError(f"{self.path}: cannot upgrade schema version {version}")
            self.set_meta(schema_version=str(version), upgraded=now())
            self.db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def meta(self, *keys: str) -> dict[str, str]:
        """The ``meta`` values of ``keys`` that are set."""
        marks = ",".join("?" * len(keys))
        rows = self.db.execute(f"SELECT key, value FROM meta WHERE key IN ({marks})", keys)
        return {str(k): str(v) for k, v in rows}

    def set_meta(self, **values: str) -> None:
        self.db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", values.items())

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes into one transaction: all of them are kept, or none (on error).

        Nested calls join the outer transaction, so a batch of ``add`` calls commits once.
        """
        if self._in_tx:
            yield
            return
        with sqlite_errors(self.path):
            self.db.execute("BEGIN IMMEDIATE")
        self._in_tx = True
        try:
            yield
        except BaseException:
            self._in_tx = False
            with suppress(sqlite3.Error):  # SQLite may have rolled back already (disk full)
                self.db.execute("ROLLBACK")
            raise
        self._in_tx = False
        try:
            with sqlite_errors(self.path):
                self.db.execute("COMMIT")
        except RegistryError:
            with suppress(sqlite3.Error):
                self.db.execute("ROLLBACK")
            raise
