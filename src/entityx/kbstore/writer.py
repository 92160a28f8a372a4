"""Write a stored knowledge base: an SQLite file of entries and hashed name keys.

Schema (``PRAGMA application_id`` = :data:`APPLICATION_ID`, ``user_version`` =
:data:`FORMAT_VERSION`)::

    meta(key TEXT PRIMARY KEY, value TEXT)         -- entries, sources, content_digest, ...
    entries(n INTEGER PRIMARY KEY, id TEXT UNIQUE, name TEXT, label TEXT, priority REAL,
            aliases TEXT, same_as TEXT,            -- JSON arrays
            related TEXT)                          -- ids of neighbouring entries, space-separated
    keys(h INTEGER, p REAL, n INTEGER,             -- h: a name key (see kbstore.keys);
         PRIMARY KEY (h, p, n)) WITHOUT ROWID      -- p: -priority, so the index is best first

The file is written as ``OUT.tmp`` and renamed into place when complete, so an interrupted
build never leaves a half knowledge base under the final name. Name keys go to a side table
first and are sorted into the index once at the end (much faster than a B-tree insert per key).

``meta.content_digest`` is a BLAKE2b digest of every record given to the writer, in order,
computed while they are written: a fingerprint of the content (not of the file's bytes, which
SQLite may lay out differently) that a reader gets without reading the entries, so that a
saved pipeline that refers to the file can tell at once whether it still holds what it was
saved with.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
from pathlib import Path
from types import TracebackType

import numpy as np

from ..errors import OutputError
from .keys import BLOOM_HASHES, bloom_bits, bloom_positions, name_keys
from .record import MAX_RELATED, KBRecord

__all__ = ["APPLICATION_ID", "FORMAT_VERSION", "KBWriter"]

APPLICATION_ID = 0x45585842  # "EXXB"
FORMAT_VERSION = 1

_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entries(
    n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, label TEXT NOT NULL,
    priority REAL NOT NULL, aliases TEXT NOT NULL, same_as TEXT NOT NULL, related TEXT NOT NULL
);
CREATE TABLE keys(
    h INTEGER NOT NULL, p REAL NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (h, p, n)
) WITHOUT ROWID;
CREATE TABLE filter(bits INTEGER NOT NULL, hashes INTEGER NOT NULL, data BLOB NOT NULL);
CREATE TABLE stage.pending(h INTEGER NOT NULL, n INTEGER NOT NULL);
"""

_COMMIT_EVERY = 20_000


class KBWriter:
    """Add records one at a time; :meth:`close` indexes them and puts the file in place."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._tmp = self.path.with_name(self.path.name + ".tmp")
        self._stage = self.path.with_name(self.path.name + ".stage.tmp")
        self.count = 0
        self._pending = 0
        self._digest = hashlib.blake2b(digest_size=16)
        try:
            for leftover in (self._tmp, self._stage):
                leftover.unlink(missing_ok=True)
            self._db = sqlite3.connect(self._tmp, isolation_level=None)
            self._db.execute("ATTACH DATABASE ? AS stage", (str(self._stage),))
            for pragma in ("journal_mode=OFF", "synchronous=OFF", "stage.journal_mode=OFF"):
                self._db.execute(f"PRAGMA {pragma}")
            self._db.executescript(_SCHEMA)
            self._db.execute(f"PRAGMA application_id={APPLICATION_ID}")
            self._db.execute(f"PRAGMA user_version={FORMAT_VERSION}")
            self._db.execute("BEGIN")
        except (OSError, sqlite3.Error) as exc:
            raise OutputError(f"cannot create knowledge base {self.path}: {exc}") from exc

    # --- adding ---------------------------------------------------------------------------------
    def add(self, record: KBRecord, *, merge: bool = False) -> str | None:
        """Store ``record``; return why it was not stored (a duplicate id, a record with a
        :meth:`~.record.KBRecord.problem`), else None.

        With ``merge`` a record whose id is already stored adds its names, URIs and neighbours
        to the stored entry (SPARQL results give one row per name).
        """
        problem = record.problem()
        if problem is not None:
            return problem
        label = record.entity_label()
        self._digest.update(repr((merge, record)).encode("utf-8", "surrogatepass"))
        try:
            cur = self._db.execute(
                "INSERT OR IGNORE INTO entries(id, name, label, priority, aliases, same_as,"
                " related) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    record.id,
                    record.name,
                    label,
                    float(record.priority),
                    _json(_without(record.aliases, record.name)),
                    _json(record.same_as),
                    " ".join(record.related[:MAX_RELATED]),
                ),
            )
            if cur.rowcount == 1:
                n = int(cur.lastrowid or 0)
                self._add_keys(n, (record.name, *record.aliases), label)
                self.count += 1
            elif merge:
                self._merge(record, label)
            else:
                return "duplicate id (the first record with this id is kept)"
            self._maybe_commit()
        except sqlite3.Error as exc:
            raise OutputError(f"writing knowledge base {self.path} failed: {exc}") from exc
        return None

    def _merge(self, record: KBRecord, label: str) -> None:
        row = self._db.execute(
            "SELECT n, name, label, priority, aliases, same_as, related FROM entries WHERE id = ?",
            (record.id,),
        ).fetchone()
        n, name, stored_label, priority, aliases, same_as, related = row
        old_names = {name, *json.loads(aliases)}
        new_names = [a for a in dict.fromkeys((record.name, *record.aliases)) if a not in old_names]
        merged_related = list(dict.fromkeys((*related.split(), *record.related)))[:MAX_RELATED]
        self._db.execute(
            "UPDATE entries SET priority = ?, aliases = ?, same_as = ?, related = ? WHERE n = ?",
            (
                max(priority, float(record.priority)),
                _json((*json.loads(aliases), *new_names)),
                _json(tuple(dict.fromkeys((*json.loads(same_as), *record.same_as)))),
                " ".join(merged_related),
                n,
            ),
        )
        self._add_keys(n, new_names, stored_label)

    def _add_keys(self, n: int, names: tuple[str, ...] | list[str], label: str) -> None:
        rows = {(h, n) for name in names for h in name_keys(name, label)}
        self._db.executemany("INSERT INTO stage.pending(h, n) VALUES (?, ?)", rows)
        self._pending += len(rows)

    def _maybe_commit(self) -> None:
        if self._pending >= _COMMIT_EVERY:
            self._db.execute("COMMIT")
            self._db.execute("BEGIN")
            self._pending = 0

    # --- finishing ------------------------------------------------------------------------------
    def close(self, *, meta: dict[str, str] | None = None) -> None:
        """Index the keys, write ``meta`` and the entry count, and move the file into place."""
        try:
            self._db.execute("COMMIT")
            self._db.execute("BEGIN")
            self._db.execute(
                "INSERT OR IGNORE INTO keys(h, p, n) SELECT s.h, -e.priority, s.n"
                " FROM stage.pending s JOIN entries e ON e.n = s.n ORDER BY 1, 2, 3"
            )
            self._write_filter()
            info = {
                **(meta or {}),
                "entries": str(self.count),
                "content_digest": self._digest.hexdigest(),
            }
            self._db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", info.items())
            self._db.execute("COMMIT")
            self._db.execute("DETACH DATABASE stage")
            self._db.execute("ANALYZE")
            self._db.close()
            self._stage.unlink(missing_ok=True)
            os.replace(self._tmp, self.path)
        except (OSError, sqlite3.Error) as exc:
            self.abort()
            raise OutputError(f"finishing knowledge base {self.path} failed: {exc}") from exc

    def _write_filter(self) -> None:
        """A Bloom filter of every key, so that most names no entry has cost no query."""
        count = self._db.execute("SELECT count(*) FROM keys").fetchone()[0]
        hashes = np.fromiter(
            (row[0] for row in self._db.execute("SELECT h FROM keys")), np.int64, count
        )
        bits = bloom_bits(count)
        data = np.zeros(bits // 8, np.uint8)
        for pos in bloom_positions(hashes.view(np.uint64), bits):
            np.bitwise_or.at(data, pos >> np.uint64(3), np.left_shift(1, pos & np.uint64(7)))
        self._db.execute(
            "INSERT INTO filter VALUES (?, ?, ?)", (bits, BLOOM_HASHES, data.tobytes())
        )

    def abort(self) -> None:
        """Drop the partial files (the final path is never touched)."""
        with contextlib.suppress(sqlite3.Error):
            self._db.close()
        for leftover in (self._tmp, self._stage):
            leftover.unlink(missing_ok=True)

    def __enter__(self) -> KBWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is not None:
            self.abort()


def _json(values: tuple[str, ...] | list[str]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def _without(aliases: tuple[str, ...], name: str) -> tuple[str, ...]:
    return tuple(a for a in dict.fromkeys(aliases) if a != name)
