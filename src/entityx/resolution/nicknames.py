"""A person called by a nickname is the person of the given name it stands for.

``Bobby Kennedy`` and ``Robert Kennedy``, ``Ted Kennedy`` and ``Edward Kennedy`` are spelt too
differently for any key or fuzzy score to meet, yet English news writes both of one man.
Where a name of two words starts with a nickname (:mod:`entityx.text.nicknames`), and the
context names exactly one entity with a given name it stands for and the same surname, the
two are one. Two candidates (``Ted`` with ``Edward`` and ``Theodore Kennedy`` in one text)
are left apart: which one is meant is not the nickname's to say.
"""

from __future__ import annotations

from collections import defaultdict

from ..text.greek import is_acronym
from ..text.nicknames import given_keys
from .matching import Name, UnionFind

__all__ = ["merge_nicknames"]


def merge_nicknames(names: list[Name], idxs: list[int], uf: UnionFind) -> None:
    """Join each two-word name that starts with a nickname to the one entity of the context
    whose name starts with a given name it stands for and ends with the same surname."""
    if not idxs or names[idxs[0]].label != "PERSON":
        return
    called: list[tuple[int, frozenset[str]]] = []
    by_first_last: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in idxs:
        n = names[i]
        if len(n.keys) < 2 or is_acronym(n.surface):
            continue
        by_first_last[(n.keys[0], n.stems[-1])].append(i)
        if len(n.keys) == 2:
            given = given_keys(n.keys[0])
            if given:
                called.append((i, given))
    for i, given in called:
        surname = names[i].stems[-1]
        roots = {uf.find(j) for key in given for j in by_first_last.get((key, surname), ())}
        if len(roots) == 1:
            uf.union(i, roots.pop())
