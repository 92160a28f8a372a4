"""The matching policy: which registry entity, if any, a document entity (or a name) names.

How a document entity finds its registry entity:

1. a knowledge-base id (``Entity.kb_id``) equal to a registry entity's is decisive;
2. an alias already stored, verbatim, under the same label joins that entity;
3. otherwise candidates are the (at most 8) registry entities of the same label sharing the
   most blocking keys (:func:`entityx.resolution.blocking.match_keys`) with its aliases, and
   the first one the resolver puts in one entity with it (one ``Resolver.resolve`` call on the
   candidates' most frequent aliases and the new aliases) wins;
4. otherwise it is new (:mod:`.records` gives it an id).

This module changes when that policy does; it only reads the registry.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..labels import LABELS
from ..models import Entity
from .keys import KeysFn
from .storage import Store

__all__ = ["MAX_CANDIDATES", "Matcher", "SameFn", "default_keys", "default_resolver"]

MAX_CANDIDATES = 8
MAX_CANDIDATE_ALIASES = 12

#: ``same(known_aliases, new_aliases, label) -> bool``: do the two alias lists name one entity?
#: (Optional; the default asks :class:`entityx.resolution.Resolver`.)
SameFn = Callable[[Sequence[str], Sequence[str], str], bool]


def default_keys() -> KeysFn:
    """entityx's blocking keys (imported on first use: opening a registry needs no resolver)."""
    from ..resolution.blocking import match_keys

    return match_keys


def default_resolver() -> Any:
    from ..resolution import Resolver

    return Resolver()


class Matcher:
    """Answers "which stored entity is this?" for one open registry.

    ``keys`` gives a name's blocking keys; ``same`` decides between candidates, else the
    resolver that ``resolver()`` returns (asked for once, on the first decision) does.
    """

    def __init__(
        self, store: Store, *, keys: KeysFn, same: SameFn | None, resolver: Callable[[], Any]
    ) -> None:
        self._db = store.db
        self._keys = keys
        self._same = same
        self._make_resolver = resolver
        self._resolver: Any = None

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
        candidates = self.candidates(keys, entity.label)
        if not candidates:
            return None
        known = [self.aliases(c, MAX_CANDIDATE_ALIASES) for c in candidates]
        index = self.pick(known, new_aliases, entity.label)
        return None if index is None else candidates[index]

    def pick(self, candidates: list[list[str]], new: Sequence[str], label: str) -> int | None:
        """Index of the first candidate (alias list) that names the same entity as ``new``."""
        if self._same is not None:
            for index, known in enumerate(candidates):
                if self._same(known, new, label):
                    return index
            return None
        if self._resolver is None:
            self._resolver = self._make_resolver()
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

    def candidates(self, keys: set[str], label: str, *, limit: int = MAX_CANDIDATES) -> list[str]:
        """Ids of the entities of ``label`` sharing the most of ``keys``, most mentioned first."""
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

    def aliases(self, entity_id: str, limit: int | None = None) -> list[str]:
        """The aliases of ``entity_id``, most mentioned first."""
        sql = "SELECT alias FROM aliases WHERE entity_id = ? ORDER BY mention_count DESC, alias"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [row[0] for row in self._db.execute(sql, (entity_id,))]

    def search(self, name: str, *, label: str | None, limit: int) -> list[str]:
        """Ids of the entities called ``name`` in any script or inflection (see ``Registry``).

        By blocking key first (the names the resolver could merge with ``name``); when none
        match, by alias substring, case-insensitive for ASCII.
        """
        labels = [label] if label is not None else list(LABELS)
        found: dict[str, None] = {}
        for lab in labels:
            for entity_id in self.candidates(set(self._keys(name, lab)), lab, limit=limit):
                found[entity_id] = None
        if found:
            return list(found)[:limit]
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
        return list(found)[:limit]
