"""A Greek name whose canonical name is a Latin name of the context is that name's entity.

Naming reads a Greek name the way its source language is written (``Χουριέτ`` → Hürriyet,
``Σάουλι Νιινίστο`` → Sauli Niinistö, by the Latin name lexicon; ``Σπυρίδων Λούης`` →
Spyridon Louis, by ELOT 743 of its nominative). Where that name is, letter for letter
(case and accents aside), a Latin form the same text uses under the same label, the two
are one entity even when their phonetic keys, which must stay strict for recall's sake,
did not meet. A whole name must agree, so ``Μελάνια Τραμπ`` never meets ``Donald Trump``.
"""

from __future__ import annotations

from ..text.greek import has_greek, has_latin, normalize
from .matching import Name, UnionFind
from .naming import LabelReader, NameForm, canonical_name

__all__ = ["merge_by_name", "single_name"]

_NAME_CACHE = 100_000


def merge_by_name(
    names: list[Name], idxs: list[int], uf: UnionFind, *, lexicon: LabelReader | None
) -> None:
    """Merge each Greek name of one label, not yet with a Latin name, into the Latin name of
    the context that its canonical name spells; a spelling two Latin entities share is left."""
    # A spelling's first Latin name, and a list of the others only for the few spellings that
    # have any: a list per name would be containers for the collector's full passes, which
    # naming the Greek names below sets off.
    latin: dict[str, int] = {}
    more: dict[str, list[int]] = {}
    for i in idxs:
        n = names[i]
        if not n.greek and latin.setdefault(n.norm, i) != i:
            more.setdefault(n.norm, []).append(i)
    if not latin:
        return
    with_latin = {uf.find(i) for i in idxs if not names[i].greek}
    for i in idxs:
        n = names[i]
        if not n.greek or n.kb is not None or uf.find(i) in with_latin:
            continue
        spelling = normalize(single_name(n.surface, n.label, lexicon))
        first = latin.get(spelling)
        if first is None:
            continue
        roots = {uf.find(j) for j in (first, *more.get(spelling, ()))}
        if len(roots) == 1 and uf.union(i, roots.pop()):
            with_latin.add(uf.find(i))


# Per lexicon (one per setting), (surface, label) -> name. Dicts of strings rather than an
# lru_cache, whose entries (and keys holding the lexicon function) are containers that the
# cyclic garbage collector walks on every full pass: 180,000 of them on 100,000 names.
_NAMES: dict[LabelReader | None, dict[tuple[str, str], str]] = {}


def single_name(surface: str, label: str, lexicon: LabelReader | None) -> str:
    """The canonical name of an entity of one form (remembered: a corpus repeats them)."""
    if not has_greek(surface) and has_latin(surface):
        # What naming gives a Latin surface. Not remembered: the entries would push out the
        # Greek names that merge_by_name named for the entities built after it.
        return surface.strip()
    cache = _NAMES.setdefault(lexicon, {})
    name = cache.get((surface, label))
    if name is None:
        if len(cache) >= _NAME_CACHE:
            cache.clear()
        name = cache[(surface, label)] = canonical_name([NameForm(surface)], label, lexicon=lexicon)
    return name
