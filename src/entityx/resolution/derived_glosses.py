"""Glosses for the Greek words of a name that the dictionary does not list, from words it does.

Greek makes the words of institutions' and regions' names by two productive rules the
dictionary does not spell out word by word: an adjective in -ικός from its noun
(ποδόσφαιρο → ποδοσφαιρικός, so ``Ελληνική Ποδοσφαιρική Ομοσπονδία`` is the Hellenic
Football Federation), and a compound adjective of two stems joined by a linking -ο-
(κεντρικός + αφρικανικός → κεντροαφρικανικός: ``Κεντροαφρικανική Δημοκρατία``, the Central
African Republic; νότιος + ανατολικός → νοτιοανατολικός: South-East). English writes the
compound as two words, so its gloss is two words, which a translation key holds as two (see
:mod:`entityx.resolution.translate`).

Only a word without glosses of its own is derived, only from parts the dictionary glosses,
and the result feeds only translation matching: the keys, which join two names when every
content word agrees (a wrong split would have to meet an English name of exactly those
words), and the word-by-word match, where a derived word is no longer one "without a
meaning" that the loose step may pair with anything. These are pure functions of a word
stem and the word table.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

__all__ = ["adjunct_glosses", "derived_glosses"]

_ADJECTIVE = "ικ"
# How an adjective's stem ends and what its noun's stem ends in instead, in the order tried:
# τουριστικός from τουρισμός, εργατικός from εργάτης, αμυντικός from άμυνα.
_NOUN_OF_ADJECTIVE = (("ιστικ", "ισμ"), ("ικ", ""), ("τικ", ""))
# Noun glosses an adjective with glosses of its own takes besides them.
_ADJUNCT_GLOSSES = 2
# The shortest stem a part of a compound, or a noun under an adjective, may have: shorter
# ones (a two-letter stem) gloss too many things to be read inside a longer word.
_MIN_PART = 3
# Glosses kept per part of a compound: a key is made of every combination.
_PART_GLOSSES = 2
_LINK = "ο"

Glosses = Mapping[str, tuple[str, ...]]


def derived_glosses(stem: str, table: Glosses, *, stem_of: Callable[[str], str]) -> tuple[str, ...]:
    """English glosses for the Greek word stem ``stem`` (as
    :func:`~entityx.resolution.translate.greek_word_stem` writes it) that ``table`` lacks:
    its noun's, for an adjective in -ικ-; its parts', for a compound adjective with a
    linking -ο- (``"central african"``); ``()`` where neither applies. ``stem_of`` makes the
    stem of a normalised word (a compound's first part is looked up as the adjective or the
    noun that ends in it)."""
    return _noun_glosses(stem, table) or _compound_glosses(stem, table, stem_of)


def adjunct_glosses(stem: str, table: Glosses) -> tuple[str, ...]:
    """The one-word glosses of the noun an adjective in -ικ- is made from, that its own
    glosses lack (at most two): English names a body's field with the noun where Greek uses
    the adjective (``Αμυντικά Συστήματα``: Defence Systems, the adjective glossed defensive;
    ``Εργατικό Κόμμα``: Workers' Party, besides Labour)."""
    own = table.get(stem, ())
    extra = [g for g in _noun_glosses(stem, table) if " " not in g and g not in own]
    return tuple(extra[:_ADJUNCT_GLOSSES])


def _noun_glosses(stem: str, table: Glosses) -> tuple[str, ...]:
    for ending, noun_ending in _NOUN_OF_ADJECTIVE:
        root = len(stem) - len(ending)
        if stem.endswith(ending) and root >= _MIN_PART + 1:
            glosses = table.get(stem[:root] + noun_ending)
            if glosses:
                return glosses
    return ()


def _compound_glosses(stem: str, table: Glosses, stem_of: Callable[[str], str]) -> tuple[str, ...]:
    # Adjectives only: a compound noun is a surname as often (Ξυλουργοπουλάκης).
    if not stem.endswith(_ADJECTIVE):
        return ()
    for at in range(_MIN_PART, len(stem) - _MIN_PART):
        if stem[at] != _LINK:
            continue
        first = _first_part_glosses(stem[:at], table, stem_of)
        if not first:
            continue
        rest = stem[at + 1 :]
        second = table.get(rest) or _noun_glosses(rest, table)
        if second:
            return tuple(
                f"{a} {b}"
                for a in _one_word(first)[:_PART_GLOSSES]
                for b in _one_word(second)[:_PART_GLOSSES]
            )
    return ()


def _first_part_glosses(
    part: str, table: Glosses, stem_of: Callable[[str], str]
) -> tuple[str, ...]:
    # κεντρο- is κεντρικός's (central) before κέντρο's (centre); βορειο- is βόρειος's.
    return table.get(part + _ADJECTIVE) or table.get(stem_of(part + "οσ"), ())


def _one_word(glosses: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(g for g in glosses if " " not in g)
