"""Acronyms of syllables: ``ΚΙΝΑΛ`` is ΚΙΝημα ΑΛλαγής, ``ΠΑΣΟΚ`` ΠΑνελλήνιο ΣΟσιαλιστικό Κίνημα.

Greek parties and agencies are often named by the first letters of each word's first
syllable or two, not by initials alone (which :meth:`.cluster.Resolver._merge_acronyms`
spells). An acronym of at least three letters is such a name's when it is, in order, a
non-empty start of every content word, a function word adding letters or none
(``ΟΚΑΝΑ``: Οργανισμός ΚΑτά των ΝΑρκωτικών). The rule is loose, so the acronym must not be
with a name of several words already and must meet exactly one entity; a name of one
content word is no source.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from ..text.greek import STOPWORDS
from .matching import Name, UnionFind
from .naming import is_acronym

__all__ = ["merge_syllabic_acronyms", "spells_syllables"]

_MIN_LETTERS = 3


def merge_syllabic_acronyms(names: list[Name], idxs: list[int], uf: UnionFind) -> None:
    """Each acronym of ``idxs`` (one label) joins the one entity whose name it abbreviates
    by syllables (module doc)."""
    acronyms = [i for i in idxs if is_acronym(names[i].surface)]
    if not acronyms:
        return
    # Names by the first two letters an acronym of them may start with: the first word's
    # first two, or its first and the next word's first (a word giving one letter).
    starts: dict[str, list[int]] = defaultdict(list)
    full_roots: set[int] = set()
    for i in idxs:
        words = _content_words(names[i].norm)
        if len(words) < 2 or is_acronym(names[i].surface):
            continue
        full_roots.add(uf.find(i))
        every = _words(names[i])  # a function word may add letters (ΟΚΑΝΑ: ΚΑτά)
        for start in {
            words[0][:2],
            words[0][0] + words[1][0],
            every[0][:2],
            every[0][0] + every[1][0],
        }:
            starts[start].append(i)
    if not starts:
        return
    # Every decision is read off the entities as they were, so none depends on the order.
    joins = []
    for i in acronyms:
        letters = names[i].norm.replace(".", "").replace(" ", "")
        if len(letters) < _MIN_LETTERS or uf.find(i) in full_roots:
            continue
        cands = [
            j for j in starts.get(letters[:2], ()) if spells_syllables(letters, _words(names[j]))
        ]
        roots = {uf.find(j) for j in cands}
        if len(roots) == 1:
            joins.append((i, roots.pop()))
    for i, root in joins:
        uf.union(i, root)


def _words(n: Name) -> tuple[str, ...]:
    return tuple(n.norm.split())


def _content_words(norm: str) -> list[str]:
    return [w for w in norm.split() if w not in STOPWORDS]


@lru_cache(maxsize=100_000)
def spells_syllables(letters: str, words: tuple[str, ...]) -> bool:
    """Whether ``letters`` is a start of every content word of ``words`` in order, function
    words contributing a start or nothing (normalised text)."""
    if not words:
        return not letters
    word, rest = words[0], words[1:]
    optional = word in STOPWORDS
    if optional and spells_syllables(letters, rest):
        return True
    for k in range(1, min(len(word), len(letters)) + 1):
        if letters[k - 1] != word[k - 1]:
            break
        if spells_syllables(letters[k:], rest):
            return True
    return False
