"""A place's demonym tagged as a place is a nationality: ``North Korean`` beside ``North Korea``.

A tagger reads ``North Korean leader`` as a place often enough, and the place it names is in
the same text. English derives most demonyms by adding an ending to the place's name
(Korea-n, Syria-n, Egypt-ian, Japan-ese, Israel-i, Pakistan-i); a Latin-script place name that
is another place name of the context plus one of those endings is that place's demonym, so it
is relabelled MISC (the label nationalities have) rather than made a second place. Only
endings added to a name of at least :data:`MIN_BASE` letters count, so a short name's
neighbour (Ira / Iran) is left alone; the endings that replace letters (Poland / Polish,
Germany / German) are not read, which keeps the rule from guessing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..text.greek import has_greek, normalize

if TYPE_CHECKING:
    from .matching import Name

__all__ = ["DEMONYM_ENDINGS", "relabel_demonyms"]

DEMONYM_ENDINGS = ("n", "an", "ian", "ese", "i")
MIN_BASE = 4


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


_VOWELS = frozenset("aeiouy")
