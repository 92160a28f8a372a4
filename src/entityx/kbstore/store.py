"""A knowledge base on disk (SQLite) that opens at once and answers as the in-memory one does.

:class:`StoredKnowledgeBase` offers the interface the resolver uses (``get``, ``lookup``,
``match``, ``with_fallback``, ``len``), so :class:`~entityx.resolution.Resolver` works with it
unchanged, and two more that in-context disambiguation uses:

- ``candidates(name, label)``: *every* entry the name may refer to, best known first, at the
  best level that finds any (exact name, Greek case form, sound, and for a one-word person
  name the surname);
- ``related(entry_id)``: the ids of the entries a KB entry is tied to (country, party, ...).

A name shared by several entries is *ambiguous*: ``match`` and ``lookup`` answer ``None`` for
it, without asking the fallback (the user's KB knows the name, so the bundled gazetteer does not
decide), and the entity is linked in context afterwards (:mod:`entityx.resolution.disambiguate`).
A one-word person name is never linked by ``match`` from its surname alone.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import KnowledgeBaseError
from ..resolution.kb import KBEntry, KnowledgeBase, MatchKind
from ..text.greek import has_greek, nominative_candidates, normalize
from ..text.keys import name_key
from .keys import (
    BLOOM_HASHES,
    EXACT,
    SOUND,
    STEM,
    greek_stem_key,
    in_bloom,
    key_hash,
    sound_key_usable,
    surname_key,
)
from .writer import APPLICATION_ID, FORMAT_VERSION

__all__ = ["SQLITE_MAGIC", "StoredKnowledgeBase", "is_stored_kb", "open_kb"]

SQLITE_MAGIC = b"SQLite format 3\x00"
# How many entries ``candidates`` returns at most: the best known of a very common name are
# the only ones a prior can pick anyway.
MAX_CANDIDATES = 32
_CACHE_SIZE = 100_000
# Entries are the large objects (names, URIs): fewer of them are kept.
_ENTRY_CACHE_SIZE = 30_000

Candidates = tuple[tuple[KBEntry, ...], str]

_ENTRY_COLUMNS = "e.n, e.id, e.name, e.label, e.priority, e.aliases, e.same_as"


def is_stored_kb(path: str | Path) -> bool:
    """Whether ``path`` is an SQLite file (a stored KB), by its first 16 bytes."""
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == SQLITE_MAGIC
    except OSError:
        return False


def open_kb(path: str | Path) -> KnowledgeBase:
    """Open a knowledge base file: a stored (SQLite) KB, else a JSONL (``.gz``) one."""
    if is_stored_kb(path) or Path(path).suffix == ".kb":
        return StoredKnowledgeBase(path)
    return KnowledgeBase.from_jsonl(path)


class _Connection:
    """One read-only connection and the caches every layered view of one file shares."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lock = threading.Lock()
        self.pid = os.getpid()
        self.db = _connect(path)
        self.entries: dict[int, KBEntry] = {}
        self.hits: dict[int, tuple[int, ...]] = {}
        self.related: dict[str, tuple[str, ...]] = {}
        self.ids: dict[str, int] = {}
        self.levels: dict[tuple[str, str, bool], tuple[tuple[int, ...], str] | None] = {}

    def query(self, sql: str, args: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        with self.lock:
            if os.getpid() != self.pid:  # a forked worker: SQLite handles do not survive fork
                self.db, self.pid = _connect(self.path), os.getpid()
            try:
                return self.db.execute(sql, args).fetchall()
            except sqlite3.Error as exc:
                message = f"{self.path}: cannot read the knowledge base ({exc})"
                raise KnowledgeBaseError(message) from exc


def _connect(path: Path) -> sqlite3.Connection:
    try:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
    except (OSError, ValueError, sqlite3.Error) as exc:
        raise KnowledgeBaseError(
            f"cannot open knowledge base {path}: {exc} (build one with `entityx kb build`)"
        ) from exc
    if app_id != APPLICATION_ID:
        raise KnowledgeBaseError(
            f"{path} is an SQLite file but not an entityx knowledge base "
            "(build one with `entityx kb build`)"
        )
    if version != FORMAT_VERSION:
        raise KnowledgeBaseError(
            f"{path} has knowledge-base format {version}; this entityx reads format "
            f"{FORMAT_VERSION}: rebuild it with `entityx kb build`"
        )
    return db


class StoredKnowledgeBase(KnowledgeBase):
    """A knowledge base in an SQLite file written by ``entityx kb build``."""

    def __init__(self, path: str | Path, *, fallback: KnowledgeBase | None = None) -> None:
        # Not the dataclass __init__: nothing is read into memory.
        self.entries = ()
        self.fallback = fallback
        self.source = str(path)
        self._conn = _Connection(Path(path))
        rows = self._conn.query("SELECT value FROM meta WHERE key = 'entries'", ())
        self._size = int(rows[0][0]) if rows else 0
        bloom = self._conn.query("SELECT bits, hashes, data FROM filter", ())
        if not bloom or bloom[0][1] != BLOOM_HASHES:
            raise KnowledgeBaseError(f"{path}: the name filter is missing; rebuild the KB")
        self._bloom_bits, self._bloom = int(bloom[0][0]), bytes(bloom[0][2])
        self._matches: dict[tuple[str, str, bool], tuple[KBEntry, MatchKind] | None] = {}

    __eq__ = object.__eq__
    __hash__ = object.__hash__

    def __repr__(self) -> str:
        return f"StoredKnowledgeBase({self.source!r}, entries={self._size})"

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.source, "fallback": self.fallback}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["path"], fallback=state["fallback"])  # type: ignore[misc]

    def __len__(self) -> int:
        return self._size

    def meta(self) -> dict[str, str]:
        """What the file records about itself (entries, sources)."""
        return dict(self._conn.query("SELECT key, value FROM meta ORDER BY key", ()))

    def fingerprint(self) -> str:
        """What identifies this KB's content, for a saved pipeline that refers to the file:
        ``content:<digest>``, the digest the builder recorded (read at once); for a KB built
        before builders recorded one, ``sha256:<hash of the file>`` (reads the whole file)."""
        digest = self.meta().get("content_digest")
        if digest:
            return f"content:{digest}"
        sha = hashlib.sha256()
        try:
            with open(self.source, "rb") as fh:
                while chunk := fh.read(1 << 20):
                    sha.update(chunk)
        except OSError as exc:
            raise KnowledgeBaseError(f"cannot read knowledge base {self.source}: {exc}") from exc
        return f"sha256:{sha.hexdigest()}"

    def with_fallback(self, base: KnowledgeBase | None) -> KnowledgeBase:
        """This KB layered over ``base``: entries here win (the file is shared, not reopened)."""
        if base is None or base is self:
            return self
        view = StoredKnowledgeBase.__new__(StoredKnowledgeBase)
        view.__dict__.update(self.__dict__)
        view.fallback = base if self.fallback is None else self.fallback.with_fallback(base)
        view._matches = {}
        return view

    # --- entries --------------------------------------------------------------------------------
    def get(self, entry_id: str) -> KBEntry | None:
        n = self._conn.ids.get(entry_id)
        if n is None:
            rows = self._conn.query("SELECT n FROM entries WHERE id = ?", (entry_id,))
            n = rows[0][0] if rows else 0  # 0: no such id (row numbers start at 1)
            _bounded_put(self._conn.ids, entry_id, n)
        if n:
            return self._entries((n,))[0]
        return self.fallback.get(entry_id) if self.fallback is not None else None

    def related(self, entry_id: str) -> tuple[str, ...]:
        """Ids of the entries ``entry_id`` is tied to (stored at build time)."""
        cached = self._conn.related.get(entry_id)
        if cached is None:
            rows = self._conn.query("SELECT related FROM entries WHERE id = ?", (entry_id,))
            cached = tuple(rows[0][0].split()) if rows else ()
            _bounded_put(self._conn.related, entry_id, cached)
        return cached

    def _entry(self, row: tuple[Any, ...]) -> KBEntry:
        cached = self._conn.entries.get(row[0])
        if cached is not None:
            return cached
        _, entry_id, name, label, priority, aliases, same_as = row
        # model_construct: the writer stored validated values.
        entry = KBEntry.model_construct(
            id=entry_id,
            name=name,
            label=label,
            aliases=tuple(json.loads(aliases)),
            same_as=tuple(json.loads(same_as)),
            priority=priority,
        )
        _bounded_put(self._conn.entries, row[0], entry, size=_ENTRY_CACHE_SIZE)
        return entry

    def _entries(self, ns: tuple[int, ...]) -> tuple[KBEntry, ...]:
        # Taken out first: storing the missing ones may empty the cache.
        found = {n: e for n in ns if (e := self._conn.entries.get(n)) is not None}
        missing = tuple(n for n in ns if n not in found)
        if missing:
            marks = ",".join("?" * len(missing))
            sql = f"SELECT {_ENTRY_COLUMNS} FROM entries e WHERE e.n IN ({marks})"
            found.update((row[0], self._entry(row)) for row in self._conn.query(sql, missing))
        return tuple(found[n] for n in ns)

    def _hits(self, h: int) -> tuple[int, ...]:
        """Row numbers of the entries under key ``h``, best known first."""
        if not in_bloom(h, self._bloom, self._bloom_bits):
            return ()
        ns = self._conn.hits.get(h)
        if ns is None:
            rows = self._conn.query(
                "SELECT n FROM keys WHERE h = ? ORDER BY p, n LIMIT ?",
                (h, MAX_CANDIDATES),
            )
            ns = tuple(row[0] for row in rows)
            _bounded_put(self._conn.hits, h, ns)
        return ns

    # --- lookup ---------------------------------------------------------------------------------
    def candidates(self, name: str, label: str, *, exact: bool = False) -> Candidates | None:
        """Every entry ``name`` may refer to at the best level that finds one, and the level
        (``exact``, ``inflected``, ``sound``, ``surname``); None when this KB has none."""
        found = self._level(name, label, exact=exact, surname=True)
        return (self._entries(found[0]), found[1]) if found is not None else None

    def _level(
        self, name: str, label: str, *, exact: bool, surname: bool
    ) -> tuple[tuple[int, ...], str] | None:
        key = (name, label, exact)
        if key in self._conn.levels:
            found = self._conn.levels[key]
        else:
            found = self._name_level(name, label, exact=exact)
            _bounded_put(self._conn.levels, key, found)
        if found is not None or exact or not surname:
            return found
        family = surname_key(name, label)
        if family is not None:
            ns = self._hits(family)
            if ns:
                return ns, "surname"
        return None

    def _name_level(
        self, name: str, label: str, *, exact: bool
    ) -> tuple[tuple[int, ...], str] | None:
        norm = normalize(name)
        if not norm:
            return None
        found = self._hits(key_hash(EXACT, label, norm))
        if found or exact:
            return (found, "exact") if found else None
        if has_greek(norm):
            # A one-word name's own nominative before the names sharing its stem, as the
            # in-memory KB does (Ηρακλείου: Ηράκλειο, not Ηράκλεια).
            if " " not in norm:
                for cand in nominative_candidates(norm)[1:]:
                    found = self._hits(key_hash(EXACT, label, cand))
                    if found:
                        break
            if not found:
                found = self._hits(key_hash(STEM, label, greek_stem_key(norm)))
            if found:
                return found, "inflected"
        sound = name_key(name)
        if sound_key_usable(sound):
            found = self._hits(key_hash(SOUND, label, sound))
            if found:
                return found, "sound"
        return None

    def match(
        self, name: str, label: str, *, exact: bool = False, by_sound: bool = True
    ) -> tuple[KBEntry, MatchKind] | None:
        """The one entry ``name`` names here (see the module docstring for ambiguous names);
        ``by_sound=False``: not by its sound alone."""
        result = self._match(name, label, exact=exact)
        return result if by_sound or result is None or result[1] != "sound" else None

    def _match(self, name: str, label: str, *, exact: bool) -> tuple[KBEntry, MatchKind] | None:
        key = (name, label, exact)
        if key in self._matches:
            return self._matches[key]
        found = self._level(name, label, exact=exact, surname=False)
        result: tuple[KBEntry, MatchKind] | None = None
        if found is None:
            if self.fallback is not None:
                result = self.fallback.match(name, label, exact=exact)
        elif len(found[0]) == 1:
            kind: MatchKind = found[1]  # type: ignore[assignment]
            result = (self._entries(found[0])[0], kind)
        _bounded_put(self._matches, key, result)
        return result

    # --- serialisation (a pipeline saved to disk carries its KB as JSONL) ------------------------
    def iter_lines(self) -> Iterator[str]:
        """Every entry as a JSONL line, streamed (this layer only)."""
        last = 0
        while True:
            rows = self._conn.query(
                f"SELECT {_ENTRY_COLUMNS} FROM entries e WHERE e.n > ? ORDER BY e.n LIMIT 1000",
                (last,),
            )
            if not rows:
                return
            for row in rows:
                entry = self._entry(row)
                yield json.dumps(entry.model_dump(exclude_defaults=True), ensure_ascii=False)
            last = rows[-1][0]


def _bounded_put(cache: dict[Any, Any], key: Any, value: Any, *, size: int = _CACHE_SIZE) -> None:
    # A plain dict, emptied when full: lookups repeat within and across documents, and a
    # long corpus must not grow the process.
    if len(cache) >= size:
        cache.clear()
    cache[key] = value
