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

from ..text.greek import has_greek, is_acronym
from ..text.memo import word_cache
from .matching import Name, UnionFind

__all__ = ["merge_case_forms", "same_name_in_other_case"]

# Nominative ending → the endings of its other cases, singular and plural, accents aside
# (what :func:`entityx.text.greek.normalize` leaves: lower case, final ς as σ). Standard
# Greek declension: -ος (Βόλος, Χίος, the feminine islands), -ης, -ας, -α (Αθήνα; neuter
# plurals Ιωάννινα, Τρίκαλα), -η (Κρήτη), -ο (Μόναχο), -ι (Μπαράκι), -ες (Σέρρες, Κυκλάδες),
# -οι (Δελφοί).
_PARADIGMS: dict[str, tuple[str, ...]] = {
    "οσ": ("ου", "ο", "ε", "οι", "ων", "ουσ"),
    "ησ": ("η",),
    "ασ": ("α",),
    "α": ("ασ", "εσ", "ων"),
    "η": ("ησ", "εσ", "ων"),
    "ο": ("ου", "α", "ων"),
    "ι": ("ιου", "ια", "ιων"),
    "εσ": ("ων",),
    "οι": ("ων", "ουσ"),
}
# Letters a stem keeps: one letter (Κως/Κω) is too little to say two words are one.
_MIN_STEM = 2
# Forms a name of that many words may have (every word declined alike): beyond it, the name
# is long enough for its keys to meet.
_MAX_WORDS = 3
_LABELS = frozenset({"LOC", "ORG", "MISC"})
_WORDS_CACHED = 100_000


_ENDINGS = tuple(sorted({e for nom, others in _PARADIGMS.items() for e in (nom, *others)}, key=len))


@word_cache(maxsize=_WORDS_CACHED)
def _word_forms(word: str) -> frozenset[str]:
    """The word itself and its other cases by every paradigm its ending could belong to."""
    forms = {word}
    for ending, others in _PARADIGMS.items():
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= _MIN_STEM:
            forms.update(stem + other for other in others)
    return frozenset(forms)


@word_cache(maxsize=_WORDS_CACHED)
def _stems(word: str) -> frozenset[str]:
    """What the word could be a case of: itself less any ending some paradigm has."""
    found = {
        word[: -len(e)] for e in _ENDINGS if word.endswith(e) and len(word) - len(e) >= _MIN_STEM
    }
    return frozenset(found or {word})


def same_name_in_other_case(a: str, b: str) -> bool:
    """Whether two normalised Greek names are one name, word for word, in two cases."""
    wa, wb = a.split(), b.split()
    return (
        a != b
        and len(wa) == len(wb)
        and all(
            x == y or y in _word_forms(x) or x in _word_forms(y)
            for x, y in zip(wa, wb, strict=True)
        )
    )


def _block_keys(norm: str) -> list[tuple[str, ...]]:
    words = norm.split()
    if not words or len(words) > _MAX_WORDS:
        return []
    return list(product(*(sorted(_stems(w)) for w in words)))


def merge_case_forms(names: list[Name], idxs: list[int], uf: UnionFind) -> None:
    """Join each Greek LOC/ORG/MISC name with the names of its label that are its other cases."""
    blocks: dict[tuple[str, ...], list[int]] = {}
    for i in idxs:
        n = names[i]
        if n.greek and n.label in _LABELS and has_greek(n.norm) and not is_acronym(n.surface):
            for key in _block_keys(n.norm):
                blocks.setdefault(key, []).append(i)
    for members in blocks.values():
        if len(members) < 2:
            continue
        for pos, i in enumerate(members):
            for j in members[pos + 1 :]:
                if uf.find(i) != uf.find(j) and same_name_in_other_case(
                    names[i].norm, names[j].norm
                ):
                    uf.union(i, j)
