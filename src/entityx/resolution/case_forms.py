"""Greek place and organisation names met in two grammatical cases are one name.

Stemmed keys (:func:`entityx.text.keys.stem_key`) make most cases of a name meet, but they
keep at least three letters and cut only vowel endings: ``Χίος``/``Χίου`` (a two-letter stem)
and the genitive plural of neuter and feminine plurals (``Ιωάννινα``/``Ιωαννίνων``,
``Χανιά``/``Χανίων``, ``Σέρρες``/``Σερρών``) stay apart. Here a name is declined by the
paradigm its nominative ending implies, and a name of the context that is one of those forms,
word for word, joins it. The paradigm ties the two endings together, so a short stem is safe
where a bare stem comparison would not be (``Χίος`` meets ``Χίου``, never ``Χίλη``).

People are left to the keys: a Greek woman's surname is the genitive of a man's
(``Παππάς``/``Παππά``), which only the given names tell apart.
"""

from __future__ import annotations

from itertools import product

from ..text.declension import case_stems, same_name_in_other_case
from ..text.greek import has_greek, is_acronym
from .matching import Name, UnionFind

__all__ = ["merge_case_forms", "same_name_in_other_case"]

# Forms a name of that many words may have (every word declined alike): beyond it, the name
# is long enough for its keys to meet.
_MAX_WORDS = 3
_LABELS = frozenset({"LOC", "ORG", "MISC"})


def _block_keys(norm: str) -> list[tuple[str, ...]]:
    words = norm.split()
    if not words or len(words) > _MAX_WORDS:
        return []
    return list(product(*(case_stems(w) for w in words)))


def merge_case_forms(names: list[Name], idxs: list[int], uf: UnionFind) -> None:
    """Join each Greek LOC/ORG/MISC name with the names of its label that are its other cases."""
    # A block is its first name plus a list of the others for the few that have any: a list
    # per block would be a container per name for the garbage collector to walk.
    first: dict[tuple[str, ...], int] = {}
    more: dict[tuple[str, ...], list[int]] = {}
    for i in idxs:
        n = names[i]
        if n.greek and n.label in _LABELS and has_greek(n.norm) and not is_acronym(n.surface):
            for key in _block_keys(n.norm):
                if first.setdefault(key, i) != i:
                    more.setdefault(key, []).append(i)
    for key, head in first.items():
        if key not in more:
            continue
        members = (head, *more[key])
        for pos, i in enumerate(members):
            for j in members[pos + 1 :]:
                if uf.find(i) != uf.find(j) and same_name_in_other_case(
                    names[i].norm, names[j].norm
                ):
                    uf.union(i, j)
