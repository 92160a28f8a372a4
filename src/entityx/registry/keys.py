"""The blocking keys the registry stores, and what made them.

Matching looks a new name up by its blocking keys (:func:`entityx.resolution.blocking.match_keys`),
so stored keys are only as good as the function and knowledge base that computed them: a key
function that now spells a key differently, or a KB that now resolves ``Γαλλία`` to another
entry, would leave stored entities unreachable. The ``meta`` table records both
(``keys_version``, ``kb_version``); when a registry is opened with other ones, its keys are
rebuilt from the stored aliases, in one transaction, before anything is matched against them.

This module changes when the key function, or the way its version is told, changes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .storage import Store

__all__ = ["KEYS_VERSION", "KeyScheme", "KeysFn", "bundled_kb_fingerprint", "ensure_fresh"]

#: The version of :func:`entityx.resolution.blocking.match_keys` (and of the text keys it is
#: built from). Bump it whenever the keys it gives for a name change: registries written with
#: another version have their keys rebuilt when they are opened.
# 2: dotted abbreviations (Ο.Η.Ε.) normalised whole; readings of 2026-12-02
# 3: translation keys of ORG/LOC names (resolution.translate)
# 4: a letter elided onto a name (Ο'Νιλ) is no longer dropped as an article
KEYS_VERSION = 4

KeysFn = Callable[[str, str], frozenset[str]]

_BATCH = 5_000


@dataclass(frozen=True)
class KeyScheme:
    """What the stored keys were computed with: a key function's version and a KB's."""

    keys_version: str
    kb_version: str

    @classmethod
    def default(cls) -> KeyScheme:
        """entityx's own keys, which look names up in the bundled knowledge base."""
        return cls(f"entityx.match_keys/{KEYS_VERSION}", f"bundled:{bundled_kb_fingerprint()}")

    @classmethod
    def custom(cls, keys: KeysFn, version: str | None) -> KeyScheme:
        """A caller's key function, named by ``version`` (else by its qualified name)."""
        name = version or f"{getattr(keys, '__module__', '?')}.{getattr(keys, '__qualname__', '?')}"
        return cls(f"custom:{name}", "-")


@cache
def bundled_kb_fingerprint() -> str:
    """A digest of the bundled KB file: it has no version of its own, and hashing is ~1 ms."""
    from ..resolution.kb import BUNDLED_FILE

    try:
        data = resources.files("entityx.data").joinpath(BUNDLED_FILE).read_bytes()
    except FileNotFoundError:
        return "none"
    return hashlib.sha256(data).hexdigest()[:16]


def insert_keys(store: Store, keys: KeysFn, alias: str, label: str, entity_id: str) -> None:
    """Store the keys of one new alias of ``entity_id``."""
    store.db.executemany(
        "INSERT OR IGNORE INTO keys VALUES (?, ?, ?)",
        [(key, label, entity_id) for key in keys(alias, label)],
    )


def ensure_fresh(store: Store, keys: KeysFn, scheme: KeyScheme) -> bool:
    """Rebuild the stored keys if ``scheme`` is not what made them; ``True`` if it rebuilt.

    A new registry records its scheme at once; a version-1 registry records none, so its keys
    are rebuilt on first open.
    """
    wanted = {"keys_version": scheme.keys_version, "kb_version": scheme.kb_version}
    if store.meta(*wanted) == wanted:
        return False
    with store.transaction():
        aliases = store.db.execute("SELECT count(*) FROM aliases").fetchone()[0]
        if aliases:
            store.db.execute("DELETE FROM keys")
            for rows in _key_rows(store, keys):
                store.db.executemany("INSERT OR IGNORE INTO keys VALUES (?, ?, ?)", rows)
        store.set_meta(**wanted)
    return bool(aliases)


def _key_rows(store: Store, keys: KeysFn) -> Iterator[list[tuple[str, str, str]]]:
    """``(key, label, entity_id)`` rows of every stored alias, in batches."""
    cursor = store.db.execute(
        "SELECT a.alias, e.label, a.entity_id FROM aliases a JOIN entities e ON e.id = a.entity_id"
    )
    while True:
        found = cursor.fetchmany(_BATCH)
        if not found:
            return
        yield [(key, label, eid) for alias, label, eid in found for key in keys(alias, label)]
