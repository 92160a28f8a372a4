"""An organisation's one distinctive word alone is short for the one longer name that has it.

News names a club, a firm or a bank in full once and by its own word after: ``Anadolu Efes``
then ``Efes``, ``Legia Warsaw`` then ``Legia``, ``Saudi Aramco`` then ``Aramco``,
``Deutsche Bundesbank`` then ``Bundesbank``. :mod:`.designators` joins a short form where
what the full name adds is a designator or a place the knowledge base knows; this joins it
where the added words are anything, provided the short form is no word of either
language's dictionary (so ``United``, ``Real``, ``National`` or ``Τράπεζα`` never stand for
one of the names they are part of) and every longer name of the text that has it, of two or
three words in its script, is one entity already (``Olympiacos`` beside ``Olympiacos
Piraeus`` and ``Olympiacos BC`` joins neither).
"""

from __future__ import annotations

from collections import defaultdict

from ..text.greek import is_acronym
from .matching import Name, UnionFind
from .translate import dictionary_nominative, english_stem, greek_glosses, is_english_gloss

__all__ = ["merge_org_short_forms"]

# Letters a short form has at least: a shorter word is as often an abbreviation.
MIN_LETTERS = 4
# Words of a longer name it may be short for: past three, a name of its own kind.
MAX_WORDS = 3


def merge_org_short_forms(names: list[Name], idxs: list[int], uf: UnionFind) -> None:
    """Join each distinctive one-word ORG name to the one entity of the longer ORG names of
    its script that have it as a word."""
    if not idxs or names[idxs[0]].label != "ORG":
        return
    shorts: dict[tuple[bool, str], list[int]] = defaultdict(list)
    for i in idxs:
        n = names[i]
        if _distinctive(n):
            shorts[(n.greek, n.norm)].append(i)
    if not shorts:
        return
    holders: dict[tuple[bool, str], list[int]] = defaultdict(list)
    for i in idxs:
        n = names[i]
        words = n.norm.replace("-", " ").split()
        if 2 <= len(words) <= MAX_WORDS:
            for word in set(words):
                if (n.greek, word) in shorts:
                    holders[(n.greek, word)].append(i)
    for key, longer in holders.items():
        roots = {uf.find(j) for j in longer}
        if len(roots) == 1:
            root = roots.pop()
            for i in shorts[key]:
                uf.union(i, root)


def _distinctive(n: Name) -> bool:
    """Whether a name is one word that no dictionary of either language has."""
    norm = n.norm
    if " " in norm or "-" in norm or len(norm) < MIN_LETTERS or not norm.isalpha():
        return False
    if is_acronym(n.surface):
        return False
    if n.greek:
        return greek_glosses(norm) is None and not dictionary_nominative(norm)
    return not is_english_gloss(english_stem(norm))
