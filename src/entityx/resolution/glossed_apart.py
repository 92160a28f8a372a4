"""Two names that sound alike but that the dictionary translates apart are two names.

Greek has pairs of words a letter apart that mean opposite or other things, and institutions
are named with them: ``Υπουργείο Εξωτερικών`` (Foreign Affairs) and ``Υπουργείο
Εσωτερικών`` (the Interior) come close enough on sound to merge, as do ``Νίγηρας`` (Niger)
and ``Νιγηρία`` (Nigeria), whose stems are one. Where the word table glosses both words,
and no gloss is shared, they are two words: for two common words of different stems, their
glosses; for two proper nouns, the English names the dictionary gives each headword. Two
Latin names are two where the dictionary gives their words to two different Greek proper
nouns (Niger, Nigeria). A word the table does not know (a misspelling, a surname) says
nothing. Organisations and places only: people's names are not translated.
"""

from __future__ import annotations

from .english_stems import english_stem
from .translate import (
    TRANSLATED_LABELS,
    greek_glosses,
    greek_word_stem,
    proper_glosses,
    proper_headwords,
)

__all__ = ["glossed_apart", "latin_glossed_apart"]


def glossed_apart(a: str, b: str, label: str) -> bool:
    """Whether the normalised Greek names ``a`` and ``b`` of ``label`` hold, at one position
    of as many words, two words the word table translates with nothing in common."""
    if label not in TRANSLATED_LABELS:
        return False
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b):
        return False
    return any(x != y and _words_apart(x, y) for x, y in zip(words_a, words_b, strict=True))


def _words_apart(x: str, y: str) -> bool:
    proper_x, proper_y = proper_glosses(x), proper_glosses(y)
    if proper_x and proper_y:
        return set(proper_x).isdisjoint(proper_y)
    if greek_word_stem(x) == greek_word_stem(y):
        return False  # two cases of one word
    glosses_x, glosses_y = greek_glosses(x), greek_glosses(y)
    if not glosses_x or not glosses_y:
        return False
    return set(glosses_x[0]).isdisjoint(glosses_y[0])


def latin_glossed_apart(a: str, b: str, label: str) -> bool:
    """Whether the normalised Latin names ``a`` and ``b`` of ``label`` hold, at one position
    of as many words, two English names the dictionary gives two different Greek proper nouns,
    neither of them both (Niger and Nigeria, whose stems are one)."""
    if label not in TRANSLATED_LABELS:
        return False
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b):
        return False
    for x, y in zip(words_a, words_b, strict=True):
        if x == y:
            continue
        heads_x, heads_y = proper_headwords(english_stem(x)), proper_headwords(english_stem(y))
        if heads_x and heads_y and heads_x.isdisjoint(heads_y):
            return True
    return False
