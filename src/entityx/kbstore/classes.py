"""Subclasses (``P279``) of the kept classes, for a dump build with ``--subclasses``.

Wikidata types most items by a narrow class (``municipality of Greece``, ``political party in
Greece``), not by the broad one a class table lists (``municipality``, ``political party``).
With ``subclasses`` on, the builder first streams every Wikidata JSON input once to collect the
``P279`` (subclass of) statements of all items, then takes the classes reachable from the
table's classes in at most ``depth`` ``P279`` steps downward, and the second pass keeps an item
whose ``P31`` is any class of that closure.

Labels: a class of the table keeps its own; a subclass takes the label of its nearest class of
the table (fewest steps), and, at equal distance, that of the class listed first in the table.
Deprecated statements are ignored; cycles in the class graph are harmless.

Memory: an edge is two 32-bit item numbers (a full dump has a few million ``P279``
statements: tens of MB); lines without the text ``"P279"`` are not even parsed.
"""

from __future__ import annotations

import json
import re
from array import array
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np

from .dump import EntityError, item_values

__all__ = ["DEFAULT_SUBCLASS_DEPTH", "SubclassGraph"]

#: How many ``P279`` steps below a class of the table count by default: deep enough for
#: ``municipality → municipality of Greece → ...``, shallow enough that a broad class
#: (organization) does not pull in most of Wikidata's class tree.
DEFAULT_SUBCLASS_DEPTH = 3

_QID = re.compile(r"Q[1-9][0-9]{0,9}")
_P279 = b'"P279"'
_MAX_ITEM = 2**32 - 1


def _number(qid: object) -> int | None:
    if isinstance(qid, str) and _QID.fullmatch(qid):
        n = int(qid[1:])
        return n if n <= _MAX_ITEM else None
    return None


class SubclassGraph:
    """``P279`` edges (child class → parent class) as compact arrays of item numbers."""

    def __init__(self) -> None:
        self._child = array("I")
        self._parent = array("I")

    def __len__(self) -> int:
        return len(self._child)

    def add(self, child: str, parent: str) -> None:
        """Record ``child`` P279 ``parent`` (ids that are not items are ignored)."""
        c, p = _number(child), _number(parent)
        if c is not None and p is not None and c != p:
            self._child.append(c)
            self._parent.append(p)

    def add_entity(self, entity: Any) -> None:
        """Record the usable ``P279`` statements of a parsed entity; malformed ones are
        ignored here (the record pass reports what makes an entity unusable)."""
        if not isinstance(entity, dict) or entity.get("type", "item") != "item":
            return
        claims = entity.get("claims")
        qid = entity.get("id")
        if not isinstance(claims, dict) or not isinstance(qid, str):
            return
        try:
            for parent in item_values(claims, ("P279",)):
                self.add(qid, parent)
        except EntityError:
            return

    def add_line(self, line: bytes) -> None:
        """Record the ``P279`` statements of one dump line (a line without any is skipped
        unparsed: most of a dump)."""
        if _P279 not in line:
            return
        line = line.strip()
        if line.endswith(b","):
            line = line[:-1]
        try:
            self.add_entity(json.loads(line))
        except ValueError:  # invalid JSON or UTF-8: reported by the record pass
            return

    def add_lines(self, lines: Iterable[bytes]) -> None:
        for line in lines:
            self.add_line(line)

    def closure(self, table: Mapping[str, str], *, depth: int) -> dict[str, str]:
        """``table`` plus every class at most ``depth`` P279 steps below one of its classes,
        each with its label (see the module docstring for which label a subclass takes)."""
        ranked = list(table.items())
        found: dict[int, int] = {}  # class number -> rank of the table class it takes after
        frontier: list[tuple[int, int]] = []
        for rank, (qid, _label) in enumerate(ranked):
            n = _number(qid)
            if n is not None and n not in found:
                found[n] = rank
                frontier.append((rank, n))
        parents = np.frombuffer(self._parent, dtype=np.uint32)
        order = np.argsort(parents, kind="stable")
        parents_sorted = parents[order]
        children_sorted = np.frombuffer(self._child, dtype=np.uint32)[order]
        for _step in range(depth):
            if not frontier or not len(parents_sorted):
                break
            frontier.sort()  # the class listed first wins a tie at one distance
            nodes = np.fromiter((n for _, n in frontier), dtype=np.uint32, count=len(frontier))
            lo = np.searchsorted(parents_sorted, nodes, side="left")
            hi = np.searchsorted(parents_sorted, nodes, side="right")
            reached: list[tuple[int, int]] = []
            for (rank, _n), start, end in zip(frontier, lo.tolist(), hi.tolist(), strict=True):
                for child in children_sorted[start:end].tolist():
                    if child not in found:
                        found[child] = rank
                        reached.append((rank, child))
            frontier = reached
        out = dict(table)
        for n, rank in found.items():
            out.setdefault(f"Q{n}", ranked[rank][1])
        return out
