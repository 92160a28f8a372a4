"""Two Greek names of one stem that are two nouns: their endings' paradigms never meet.

Stemmed keys make every case of a name meet (Ολυμπία, Ολυμπίας), but two nouns of one stem
meet as well: the mountain Όλυμπος and the sanctuary Ολυμπία, the region Μεσσηνία and its
town Μεσσήνη, Κορινθία and Κόρινθος. Their nominatives end in different paradigms' endings
(-ος against -ία, -η against -ία): where every nominative one name's form may be of and every
one the other's may be of part at the ending, the two are two places, or two bodies. Only for
one word whose two spellings differ in their last letters (a spelling variant, Σανγκάη and
Σαγκάη, is no case form and no other noun either), and not for people, whose given names have
rules of their own.
"""

from __future__ import annotations

import re

from ..text.greek import nominative_candidates
from .kb_keys import learned_lemmas

__all__ = ["two_nouns"]

# Letters after the shared stem that an ending may take (ολυμπ-ου, μεσσην-ιασ).
_ENDING = 3
# A doubled letter is a spelling variant, not an ending (Λάρισα, Λάρισσα).
_DOUBLE = re.compile(r"(.)\1")


def two_nouns(a: str, b: str) -> bool:
    """Whether the normalised one-word Greek names ``a`` and ``b`` are two nouns (module doc)."""
    a, b = _single(a), _single(b)
    if a == b or " " in a or " " in b:
        return False
    stem = _shared_start(a, b)
    if len(stem) < 3 or len(stem) < max(len(a), len(b)) - _ENDING:
        return False
    return _endings(a, stem).isdisjoint(_endings(b, stem))


def _endings(word: str, stem: str) -> set[str]:
    lemmas = map(_single, (*nominative_candidates(word), *learned_lemmas(word)))
    return {lemma[len(stem) :] for lemma in lemmas if lemma.startswith(stem)}


def _shared_start(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def _single(word: str) -> str:
    return _DOUBLE.sub(r"\1", word)
