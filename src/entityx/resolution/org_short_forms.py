"""An organisation's one distinctive word alone is short for the one longer name that has it.

News names a club, a firm or a bank in full once and by its own word after: ``Anadolu Efes``
then ``Efes``, ``Legia Warsaw`` then ``Legia``, ``Saudi Aramco`` then ``Aramco``,
``Deutsche Bundesbank`` then ``Bundesbank``. :mod:`.designators` joins a short form where
what the full name adds is a designator or a place the knowledge base knows; this joins it
where the added words are anything, provided the short form is no word of either
language's dictionary (so ``United``, ``Real``, ``National`` or ``Τράπεζα`` never stand for
one of the names they are part of) and every longer name of the text that has it, of two or
three words, is one entity already (``Olympiacos`` beside ``Olympiacos Piraeus`` and
``Olympiacos Volos`` joins neither). Words are compared by their phonetic keys, so either
script's short form meets either script's full name (``Εφές`` and ``Anadolu Efes``).
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
    """Join each distinctive one-word ORG name to the one entity of the longer ORG names that
    have it as a word (by sound: either script)."""
    if not idxs or names[idxs[0]].label != "ORG":
        return
    # By the words' phonetic keys, so that either script's short form meets either script's
    # longer name (Εφές and Anadolu Efes; the steps before have joined the scripts' full names).
    shorts: dict[str, list[int]] = defaultdict(list)
    for i in idxs:
        n = names[i]
        if (
            len(n.keys) == 1
            and len(n.keys[0]) >= MIN_LETTERS
            and not is_acronym(n.surface)
            and _distinctive(n.norm, n.greek)
        ):
            shorts[n.keys[0]].append(i)
    if not shorts:
        return
    holders: dict[str, list[int]] = defaultdict(list)
    for i in idxs:
        n = names[i]
        words = n.norm.split()
        if not 2 <= len(n.keys) <= MAX_WORDS or len(words) != len(n.keys):
            continue
        # The longer name's word must be no dictionary word either (Panellinios, the club,
        # sounds as Πανελλήνιος, an adjective of many names).
        found = {
            k
            for w, k in zip(words, n.keys, strict=True)
            if k in shorts and _distinctive(w, n.greek)
        }
        for key in found:
            holders[key].append(i)
    joins = []
    for key, longer in holders.items():
        for i in shorts[key]:
            # Either script's longer names; else, where the scripts' are not one entity yet
            # (Zenit Saint Petersburg, Ζενίτ Αγίας Πετρούπολης), the short form's own script's.
            for pool in (longer, [j for j in longer if names[j].greek == names[i].greek]):
                roots = {uf.find(j) for j in pool}
                if len(roots) == 1:
                    joins.append((i, roots.pop()))
                    break
    for i, root in joins:  # decided on the entities as they were: no order dependence
        uf.union(i, root)


def _distinctive(norm: str, greek: bool) -> bool:
    """Whether a normalised word is no word of its script's dictionary (nor an abbreviation)."""
    if len(norm) < MIN_LETTERS or not norm.isalpha():
        return False
    if greek:
        return greek_glosses(norm) is None and not dictionary_nominative(norm)
    return not is_english_gloss(english_stem(norm))
