"""A man and a woman whose given names share a stem are two people.

Stemmed keys cut the case ending off every word, so that ``Αλέξανδρος``, ``Αλεξάνδρου`` and
``Αλέξανδρο`` meet; they also cut it off ``Αλεξάνδρα``, a woman's name, and the surname of a
woman is the genitive of a man's (``Παπαδοπούλου``): ``Αλεξάνδρα Παπαδοπούλου`` met
``Αλέξανδρος Παπαδόπουλος`` (as did Μαρία/Μάριος, Κωνσταντίνα/Κωνσταντίνος, Νίκη/Νίκος).

The ending of a given name says its declension family whatever its case
(:func:`entityx.text.declension.given_name_family`, Greek names and their Latin spellings);
two forms of one stem in different families are different names. The resolver's union-find
refuses to join two entities whose given names (the first word of a name of several words)
share a stem in different families. A name of one word may be a surname and is left alone.
"""

from __future__ import annotations

from .matching import UnionFind

__all__ = ["GivenNameGuard"]


class GivenNameGuard(UnionFind):
    """Union-find that also keeps apart entities whose given names oppose (see module doc).

    Each root remembers the (stem, family) pairs of its members' given names; a union that
    would put one stem in two families is refused, as one joining two KB entries is.
    """

    def __init__(self, kb_ids: list[str | None], given: list[tuple[str, str] | None]) -> None:
        super().__init__(kb_ids)
        self._given: dict[int, tuple[tuple[str, str], ...]] = {
            i: (g,) for i, g in enumerate(given) if g is not None
        }

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        ga, gb = self._given.get(ra, ()), self._given.get(rb, ())
        if ga and gb:
            families = dict(ga)
            if any(families.get(stem, family) != family for stem, family in gb):
                return False
        if not super().union(a, b):
            return False
        if ga or gb:
            root = self.find(a)
            self._given.pop(ra, None)
            self._given.pop(rb, None)
            self._given[root] = tuple(dict.fromkeys(ga + gb))
        return True
