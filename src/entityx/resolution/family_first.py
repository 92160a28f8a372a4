"""A person written family name first and given name first are one person.

Hungarian, Chinese, Japanese and Korean news write the family name first (``Nagy Imre``),
English news mostly the other way round (``Imre Nagy``). Two Latin names of two words that
are each other's words swapped are merged; the Greek forms then join by the usual rules (a
known person is found by :meth:`.kb.KnowledgeBase.match` in either order already).
"""

from __future__ import annotations

from .matching import Name, UnionFind

__all__ = ["merge_family_first"]


def merge_family_first(names: list[Name], idxs: list[int], uf: UnionFind) -> None:
    """Union two-word Latin person names whose words are the same, swapped."""
    by_words: dict[tuple[str, str], int] = {}
    for i in idxs:
        n = names[i]
        words = n.norm.split()
        if n.label != "PERSON" or n.greek or len(words) != 2 or words[0] == words[1]:
            continue
        by_words.setdefault((words[0], words[1]), i)
    for (first, last), i in by_words.items():
        j = by_words.get((last, first))
        if j is not None and j > i:
            uf.union(i, j)
