"""People named by initials: a middle initial for the middle name, and the initials alone.

``Τζον Φ. Κένεντι`` and ``Τζον Φιτζέραλντ Κένεντι`` differ in one word that no spelling rule
relates: an initial stands for a word starting with it. Names of at least three words whose
first and last words have the same stemmed keys, and whose middle words start alike (the
phonetic keys are Latin letters in either script, so ``Φ.`` is ``F.``), are one person when
one of them writes a middle word as an initial, and the full names so met are one entity
(``John Fitzgerald Kennedy`` and ``John Francis Kennedy`` are two people for ``John F.``,
which then joins neither). A middle word is never dropped: ``George W. Bush`` is not
``George H. W. Bush``, and ``John Kennedy`` may be either of those Johns.

``JFK`` is a person's initials: a person acronym of three or more capitals joins the one
person whose name has as many words, starting with those letters in order.

A first initial stands for the first word: ``S. Jaishankar`` is the one person whose name
is ``S…`` followed by the same words, in either script (``Σ.`` is ``S.``).

Leading initials are written together, apart or, in Greek, by the letters' names: ``JD
Vance``, ``J.D. Vance``, ``J. D. Vance`` and ``Τζέι Ντι Βανς`` are one person when the rest
of the name is the same in some reading.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Mapping
from functools import cache
from typing import TypeVar

from ..text.greek import normalize
from ..text.keys import phonetic
from ..text.letter_names import LETTER_NAMES, leading_letter_names
from ..text.readings import reading_stems
from .matching import Name, UnionFind
from .naming import is_acronym

__all__ = [
    "merge_by_initials",
    "merge_first_initial",
    "merge_initials",
    "merge_leading_initials",
    "merge_person_acronyms",
]

# Initials written together as the first word: JD, J.D., TJ (two or three capitals).
_JOINED_INITIALS = re.compile(r"[A-Z](?:\.?[A-Z]){1,2}\.?")
_ONE_INITIAL = re.compile(r"[A-Z]\.?")
_K = TypeVar("_K")  # the key an initialled name and its full names share


def _words(n: Name) -> list[str]:
    return normalize(n.surface).replace(".", " ").split()


@cache
def _letter_key(letter: str) -> str:
    return phonetic(letter) or letter


def merge_by_initials(names: list[Name], idxs: list[int], uf: UnionFind) -> None:
    """Middle initials, then leading initials, then a first initial (module doc)."""
    merge_initials(names, idxs, uf)
    merge_leading_initials(names, idxs, uf)
    merge_first_initial(names, idxs, uf)


def merge_initials(names: list[Name], idxs: list[int], uf: UnionFind) -> None:
    """A name with a middle initial joins the one entity of full names it abbreviates."""
    if not idxs or names[idxs[0]].label != "PERSON":
        return
    initialed: dict[tuple[str, ...], list[int]] = defaultdict(list)
    full: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i in idxs:
        n = names[i]
        words = _words(n)
        if len(n.stems) < 3 or len(words) != len(n.stems):
            continue
        # The key of a middle word's first letter, so that F. meets Φ. and W. meets Walker.
        key = (n.stems[0], *(_letter_key(w[0]) for w in words[1:-1]), n.stems[-1])
        short = any(len(w) == 1 for w in words[1:-1])
        if short and len(words[0]) > 1 and len(words[-1]) > 1:
            initialed[key].append(i)
        elif not short:
            full[key].append(i)
    _join_the_one_entity(initialed, full, uf)


def merge_first_initial(names: list[Name], idxs: list[int], uf: UnionFind) -> None:
    """``S. Jaishankar`` joins the one entity of full names whose first word starts with its
    initial and whose other words are its own, in some reading (module doc)."""
    if not idxs or names[idxs[0]].label != "PERSON":
        return
    initialed: dict[tuple[str, tuple[str, ...]], list[int]] = defaultdict(list)
    for i in idxs:
        n = names[i]
        # Few names start with an initial: a look at the first token spares the rest.
        if len(n.stems) < 2 or len(n.surface.split(maxsplit=1)[0].rstrip(".")) != 1:
            continue
        words = _words(n)
        if len(words) == len(n.stems) and all(len(w) > 1 for w in words[1:]):
            for _, stems in n.readings or ((n.keys, n.stems),):
                initialed[(_letter_key(words[0]), stems[1:])].append(i)
    if not initialed:
        return
    rests = {rest for _, rest in initialed}
    full: dict[tuple[str, tuple[str, ...]], set[int]] = defaultdict(set)
    for i in idxs:
        n = names[i]
        if len(n.stems) < 2:
            continue
        rest_met = [stems for _, stems in n.readings or ((n.keys, n.stems),) if stems[1:] in rests]
        if not rest_met:
            continue
        words = _words(n)
        if any(len(w) == 1 for w in words):
            continue
        for stems in rest_met:
            if len(words) == len(stems):
                full[(_letter_key(words[0][0]), stems[1:])].add(i)
    _join_the_one_entity(initialed, full, uf)


def _join_the_one_entity(
    initialed: Mapping[_K, list[int]], full: Mapping[_K, Collection[int]], uf: UnionFind
) -> None:
    """Each group of initialled names joins the full names of its key if they are one entity."""
    for key, group in initialed.items():
        roots = {uf.find(j) for j in full.get(key, ())}
        if len(roots) == 1:
            root = roots.pop()
            for i in group:
                uf.union(i, root)


def merge_person_acronyms(names: list[Name], idxs: list[int], uf: UnionFind) -> None:
    """``JFK`` joins the one person whose words start with its letters (module doc)."""
    if not idxs or names[idxs[0]].label != "PERSON":
        return
    letters = {i: "".join(_words(names[i])) for i in idxs if is_acronym(names[i].surface)}
    acronyms = [i for i, spelled in letters.items() if 3 <= len(spelled) <= 4]
    if not acronyms:
        return
    spelled: dict[str, set[int]] = defaultdict(set)
    for i in idxs:
        words = _words(names[i])
        if len(words) >= 3:
            spelled["".join(w[0] for w in words)].add(uf.find(i))
    for i in acronyms:
        roots = spelled.get(letters[i], set())
        if len(roots) == 1:
            uf.union(i, next(iter(roots)))


def merge_leading_initials(names: list[Name], idxs: list[int], uf: UnionFind) -> None:
    """Names whose leading initials and the rest agree are one person (module doc)."""
    if not idxs or names[idxs[0]].label != "PERSON":
        return
    groups: dict[tuple[str, tuple[str, ...]], list[int]] = defaultdict(list)
    for i in idxs:
        split = _leading_initials(names[i].surface)
        if split is None:
            continue
        letters, rest = split
        for _, stems in reading_stems(rest):
            groups[(letters, stems)].append(i)
    for group in groups.values():
        for j in group[1:]:
            uf.union(group[0], j)


def _leading_initials(surface: str) -> tuple[str, str] | None:
    """(the letters of a name's leading initials, lower case; the rest of the name), or
    ``None`` where it does not start with two or three initials before another word."""
    tokens = surface.split()
    if len(tokens) < 2:
        return None
    if _JOINED_INITIALS.fullmatch(tokens[0]):
        return tokens[0].replace(".", "").lower(), " ".join(tokens[1:])
    run = 0
    while run < len(tokens) - 1 and _ONE_INITIAL.fullmatch(tokens[run]):
        run += 1
    if 2 <= run <= 3:
        return "".join(t[0] for t in tokens[:run]).lower(), " ".join(tokens[run:])
    words = [normalize(t) for t in tokens]
    run = leading_letter_names(words)
    if 2 <= run <= 3:
        return "".join(LETTER_NAMES[w] for w in words[:run]).lower(), " ".join(tokens[run:])
    return None
