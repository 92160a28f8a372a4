"""A Greek noun in the genitive is read as a noun first, not as the adjective its stem also is.

The word table glosses a stem, and one stem holds a place and its people: ευρωπ- is Europe,
Ευρωπαίος European. After a singular genitive article (``της Ευρώπης``, ``του Πακιστάν``) the
word is the noun, which English writes "of Europe" or as a noun before the head, and only
sometimes as the adjective (Κόμμα της Κίνας, the Chinese Party): ``Συμβούλιο της Ευρώπης`` is
the Council of Europe, ``Ευρωπαϊκό Συμβούλιο`` the European Council, two bodies. The
translation keys read such a name by its nouns first (:func:`.translate.noun_key_tuple`,
:mod:`.translated`). The same endings keep a gloss and a word apart where the word-by-word
matcher lets one extend the other (:mod:`.translate_match`). Pure functions.
"""

from __future__ import annotations

from ..text.greek import normalize

__all__ = ["ADJECTIVE_TAILS", "SINGULAR_GENITIVES", "as_noun", "is_adjective_of"]

# The articles of one thing's genitive (normalised: final ς is σ).
SINGULAR_GENITIVES = frozenset(normalize(w) for w in ("του", "της"))


def as_noun(glosses: tuple[str, ...], genitive: bool) -> tuple[str, ...]:
    """``glosses`` less the adjectives of another of them (european: europe; pakistani:
    pakistan; chinese: china less its vowel; not turke, Turkey, of turk), for a noun in the
    genitive."""
    if not genitive or len(glosses) < 2:
        return glosses
    return tuple(g for g in glosses if not any(is_adjective_of(g, h) for h in glosses))


#: Endings that make a place's adjective of its name (European, Pakistani, Chinese).
ADJECTIVE_TAILS = frozenset(["an", "ian", "ese", "ish", "i"])


def is_adjective_of(word: str, noun: str) -> bool:
    """Whether ``word`` is ``noun`` (or ``noun`` less a final vowel) with an ending of
    :data:`ADJECTIVE_TAILS`."""
    for base in (noun, noun[:-1] if noun[-1:] in "aeiouy" else None):
        if base and word.startswith(base) and word[len(base) :] in ADJECTIVE_TAILS:
            return True
    return False
