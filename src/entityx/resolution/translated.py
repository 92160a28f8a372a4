"""Step 2 of the resolver for organisations and places: names that translate each other.

A Greek and a Latin name of one label whose translation keys meet (:mod:`.translate`: the
bag of a name's content words in English, ``Τράπεζα της Ελλάδος`` and ``Bank of Greece``)
are one entity, unless the key is shared by two entities of one script.
"""

from __future__ import annotations

from collections.abc import Callable

from rapidfuzz import fuzz

from .matching import Name, UnionFind, glossed_apart_names
from .translate import TRANSLATED_LABELS, noun_key_tuple, translation_key_tuple

__all__ = ["merge_translated"]

#: rapidfuzz ratio of two normalised names of one script from which they are spellings of one
#: name (Lyon, Lyons) where a translation meets both (session of 2026-12-07).
_SPELLINGS_ALIKE = 85.0


def merge_translated(names: list[Name], idxs: list[int], uf: UnionFind) -> None:
    """A Greek and a Latin name that translate each other word for word merge
    (:mod:`.translate`: ``Τράπεζα της Ελλάδος`` and ``Bank of Greece``).

    A Greek genitive noun is read as a noun first (:func:`.translate.noun_key_tuple`); read
    as its adjective too, it joins only a Greek name and a Latin one that nothing joined to
    the other script (Κόμμα της Κίνας: the Chinese Party, where no Party of China is named).
    """
    label = names[idxs[0]].label if idxs else ""
    if label not in TRANSLATED_LABELS:
        return
    scripts = {names[i].greek for i in idxs}
    if len(scripts) < 2:
        return
    _merge_keys(names, idxs, uf, _first_keys)
    # (noun_key_tuple is () where the noun reading is the only one.)
    two_readings = [i for i in idxs if names[i].greek and noun_key_tuple(names[i].surface, label)]
    if not two_readings:
        return
    paired = {uf.find(i) for i in idxs if names[i].greek} & {
        uf.find(i) for i in idxs if not names[i].greek
    }
    # Only those Greek names: another left alone may have met two entities' names at first.
    waiting = {i for i in two_readings if uf.find(i) not in paired}
    if waiting:
        rest = [
            i for i in idxs if i in waiting or (not names[i].greek and uf.find(i) not in paired)
        ]
        _merge_keys(names, rest, uf, _keys)


def _keys(n: Name) -> tuple[str, ...]:
    return translation_key_tuple(n.surface, n.label)


def _first_keys(n: Name) -> tuple[str, ...]:
    return (n.greek and noun_key_tuple(n.surface, n.label)) or _keys(n)


def _merge_keys(
    names: list[Name], idxs: list[int], uf: UnionFind, keys_of: Callable[[Name], tuple[str, ...]]
) -> None:
    # Per key, its first name of each script and a list of the others where there are any
    # (few containers for the garbage collector, as in merge_exact).
    first: dict[tuple[str, bool], int] = {}
    more: dict[tuple[str, bool], list[int]] = {}
    for i in idxs:
        n = names[i]
        for key in keys_of(n):
            if first.setdefault((key, n.greek), i) != i:
                more.setdefault((key, n.greek), []).append(i)
    for (key, greek), head in first.items():
        other = first.get((key, not greek))
        if not greek or other is None:
            continue
        # A translation that two entities of one script share joins neither, unless they are
        # spellings of one name (Lyon, Lyons), not two names of the same words (World Health
        # Organization, Organization of World Health).
        mine = [head, *more.get((key, greek), ())]
        theirs = [other, *more.get((key, not greek), ())]
        if _one_entity(names, mine, uf) and _one_entity(names, theirs, uf):
            for j in (*mine, *theirs):
                uf.union(head, j)


def _one_entity(names: list[Name], members: list[int], uf: UnionFind) -> bool:
    """Whether ``members`` are one entity already or spell one name alike."""
    if len({uf.find(j) for j in members}) == 1:
        return True
    first = names[members[0]]
    return all(
        fuzz.ratio(first.norm, names[j].norm) >= _SPELLINGS_ALIKE
        and not glossed_apart_names(first, names[j])
        for j in members[1:]
    )
