"""Translated organisation names met word by word, where the translation keys cannot meet them.

:func:`.matching.merge_translated` joins a Greek and a Latin name whose bags of English words
are equal, by hashing every combination of the Greek words' glosses. It misses a gloss whose
English word is the name's word with a longer ending, as the table's stems are cut by other
rules than :func:`.translate.english_stem` (``οργανισμός``: *organi*, and *Organization*:
*organiz*); and it joins a Latin name to the first Greek name of its key only, so a second
Greek form seen before the Latin name (``Ιδρύματος ...`` after ``Ίδρυμα ...``) stayed apart
unless its case forms met.

Here each Greek name is matched against the Latin names of as many content words: every
Greek word must take a different Latin word, one of its glosses being that word or a start of
it that the word extends by at most :data:`MAX_TAIL` letters (so *republ*, a gloss of
δημοκρατία, does not meet *Republican*); a name of more gloss combinations than the keys
allow is no more matched here. A Greek name that meets the names of two entities besides its
own joins neither; decisions are read off the entities as they were, so none depends on the
order.

Organisations only: a place's name glossed word by word is read as the common nouns it is
made of (``Νίκαια``: victory, met *Victoria*; ``Πέτρα``: stone, met *Peterhof*), which a
one-word name cannot confirm; on the 4,700 places of tests/test_resolve_generalisation.py
that cost B-cubed precision 0.86 → 0.85.
"""

from __future__ import annotations

from collections import defaultdict

from ..text.greek import is_acronym
from .matching import Name, UnionFind
from .translate import english_key_words, greek_glosses

__all__ = ["merge_translated_words", "words_translate"]

#: Letters a Latin word may have past a gloss that starts it (or a gloss past the word).
MAX_TAIL = 3
#: A start shorter than this must be the whole word.
MIN_START = 5


def _index_key(word: str) -> str:
    return word[:MIN_START]


def _agree(gloss: str, word: str) -> bool:
    if gloss == word:
        return True
    short, long = sorted((gloss, word), key=len)
    return len(short) >= MIN_START and len(long) - len(short) <= MAX_TAIL and long.startswith(short)


def words_translate(glosses: tuple[tuple[str, ...], ...], words: tuple[str, ...]) -> bool:
    """Whether each Greek word (its ``glosses``) takes a different Latin word it agrees with,
    every word taken (a perfect matching, by augmenting paths)."""
    if len(glosses) != len(words):
        return False
    taken: list[int] = [-1] * len(words)  # Latin word → Greek word

    def place(g: int, seen: set[int]) -> bool:
        for w, word in enumerate(words):
            if w in seen or not any(_agree(x, word) for x in glosses[g]):
                continue
            seen.add(w)
            if taken[w] < 0 or place(taken[w], seen):
                taken[w] = g
                return True
        return False

    return all(place(g, set()) for g in range(len(glosses)))


def merge_translated_words(names: list[Name], idxs: list[int], uf: UnionFind) -> None:
    """Join each Greek name of one label to the one entity of Latin names it translates."""
    if not idxs or names[idxs[0]].label != "ORG":
        return  # places: module doc
    latin: dict[str, list[tuple[int, tuple[str, ...]]]] = defaultdict(list)
    for i in idxs:
        n = names[i]
        if n.greek or is_acronym(n.surface):
            continue
        words = english_key_words(n.surface)
        for key in dict.fromkeys(_index_key(w) for w in words):
            latin[key].append((i, words))
    if not latin:
        return
    joins = []
    for i in idxs:
        n = names[i]
        if not n.greek or is_acronym(n.surface):
            continue
        glosses = greek_glosses(n.surface)
        if not glosses:
            continue
        # The Latin names holding a word the first Greek word may be hold every match.
        cands = {j: w for x in glosses[0] for j, w in latin.get(_index_key(x), ())}
        roots = {uf.find(j) for j, w in cands.items() if words_translate(glosses, w)}
        roots.discard(uf.find(i))  # its own entity is no rival
        if len(roots) == 1:
            joins.append((i, roots.pop()))
    for i, root in joins:
        uf.union(i, root)
