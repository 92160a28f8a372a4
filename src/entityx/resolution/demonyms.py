"""Demonyms: a place's demonym tagged as a place, and a Greek demonym's English name.

A place's demonym tagged as a place is a nationality: ``North Korean`` beside ``North Korea``.

A tagger reads ``North Korean leader`` as a place often enough, and the place it names is in
the same text. English derives most demonyms by adding an ending to the place's name
(Korea-n, Syria-n, Egypt-ian, Japan-ese, Israel-i, Pakistan-i); a Latin-script place name that
is another place name of the context plus one of those endings is that place's demonym, so it
is relabelled MISC (the label nationalities have) rather than made a second place. Only
endings added to a name of at least :data:`MIN_BASE` letters count, so a short name's
neighbour (Ira / Iran) is left alone; the endings that replace letters (Poland / Polish,
Germany / German) are not read, which keeps the rule from guessing.

A Greek nationality word the text tags MISC (``Ρώσου``, "a Russian's"; ``Ουκρανοί``) is named
by its English demonym (Russian, Ukrainian) where the word table of
:mod:`entityx.resolution.translate` glosses it with a word of a demonym ending, rather than
by the ELOT 743 form of an inflected case (Rosou) that no reader looks for.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..text.greek import has_greek, is_acronym, normalize
from .translate import greek_glosses

if TYPE_CHECKING:
    from .matching import Name

__all__ = ["DEMONYM_ENDINGS", "english_demonym", "relabel_demonyms"]

DEMONYM_ENDINGS = ("n", "an", "ian", "ese", "i")
MIN_BASE = 4
_VOWELS = frozenset("aeiouy")


def relabel_demonyms(names: Sequence[Name]) -> None:
    """Relabel MISC each LOC name that is another LOC name of ``names`` plus a demonym ending."""
    places = {n.norm for n in names if n.label == "LOC" and not n.greek}
    if len(places) < 2:
        return
    for n in names:
        if n.label != "LOC" or n.greek or has_greek(n.surface) or _kb_names(n):
            continue
        if any(_base_of(n.norm, ending) in places for ending in DEMONYM_ENDINGS):
            # A knowledge-base entry met only by sound (Syrian: Sirjan) yields to the text.
            n.label, n.kb = "MISC", None


def _kb_names(n: Name) -> bool:
    """Whether the name's knowledge-base entry has it as a name of its own (exactly)."""
    if n.kb is None:
        return False
    return n.norm in {normalize(x) for x in (n.kb.name, *n.kb.aliases)}


def _base_of(norm: str, ending: str) -> str:
    if not norm.endswith(ending) or len(norm) - len(ending) < MIN_BASE:
        return ""
    base = norm[: -len(ending)]
    # -n after a final a (Korea-n, Syria-n), -i after a consonant (Israel-i, Iraq-i): a
    # vowel before an added -i is a spelling variant (Hawai, Hawaii), not a demonym.
    if (ending == "n" and not base.endswith("a")) or (ending == "i" and base[-1] in _VOWELS):
        return ""
    return base


# Endings of English demonyms and nationality adjectives a gloss must have to name a Greek
# nationality word (Russian, Chinese, British, Israeli), in order of trust: -an last, as the
# table's glosses are stems and Brittany's is brittan; a compound in -man never (Frenchman is
# a person; German is a demonym); at least _MIN_DEMONYM letters.
_GLOSS_ENDINGS = (("ian", "ese", "ish", "i"), ("an",))
_MIN_DEMONYM = 5


def english_demonym(words: list[str], label: str) -> str | None:
    """The English demonym of a one-word Greek MISC name (Ρώσου: Russian), else ``None``."""
    if label != "MISC" or len(words) != 1 or not has_greek(words[0]) or is_acronym(words[0]):
        return None
    glosses = greek_glosses(words[0])
    if not glosses:
        return None
    for endings in _GLOSS_ENDINGS:
        for gloss in glosses[0]:
            if len(gloss) < _MIN_DEMONYM or not gloss.isalpha() or _compound_man(gloss):
                continue
            if gloss.endswith(endings):
                return gloss.capitalize()
    return None


def _compound_man(gloss: str) -> bool:
    return gloss.endswith("man") and len(gloss) - 3 >= 4
