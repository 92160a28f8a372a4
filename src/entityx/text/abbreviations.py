"""A person's name with an abbreviated given name or patronymic: ``Κ. Μητσοτάκης``, ``Κώστας
Αχ. Καραμανλής``, ``Χρ. Σταϊκούρας``.

Greek news cuts a given name or a father's name to its first letters and a full stop. The
letters are no word: read as one, they would be a foreign name's (``Κων``: Con, ``Ανδρ``:
André) and would make the whole name look foreign (``Χρ``, no vowel). A name is named
without them, and each is put back where it stood as its letters in ELOT 743 with its stop
(``Kon.``, ``Chr.``, ``K.``), or as the one Latin letter a digraph stands for in a foreign
name (``Τζ. Κ. Ρόουλινγκ``: J. K. Rowling). Pure functions of strings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from .greek import normalize
from .romanize import elot743

__all__ = ["named_without_abbreviations"]

# One to four Greek letters and a full stop: Κ., Αχ., Κων., Ανδρ.
_ABBREVIATION = re.compile(r"^[Α-ΩΆ-Ώα-ωά-ώ]{1,4}\.$")


def named_without_abbreviations(
    surfaces: Sequence[str],
    name_of: Callable[[list[str]], str],
    *,
    initials: Mapping[str, str] | None = None,
) -> str | None:
    """The name of ``surfaces`` whose abbreviated words stand at the same places in every
    one: ``name_of`` names the surfaces without them, and the abbreviations, romanised, go
    back in; ``None`` where no surface has one, the surfaces differ in them, they are all
    there is, or the name of the rest has another number of words. ``initials``: the
    letters that stand for one Latin letter, as a foreign name's initial (τζ: J)."""
    shapes = {
        tuple((i, w) for i, w in enumerate(s.split()) if _ABBREVIATION.match(w)) for s in surfaces
    }
    if len(shapes) != 1:
        return None
    (abbreviated,) = shapes
    words = surfaces[0].split() if surfaces else []
    if not abbreviated or len(abbreviated) == len(words):
        return None
    places = {i for i, _ in abbreviated}
    rest = [" ".join(w for i, w in enumerate(s.split()) if i not in places) for s in surfaces]
    parts = name_of(rest).split()
    if len(parts) != len(words) - len(abbreviated):
        return None
    for i, word in abbreviated:
        parts.insert(i, _romanised(word, initials or {}))
    return " ".join(parts)


def _romanised(word: str, initials: Mapping[str, str]) -> str:
    norm = normalize(word[:-1])
    letters = initials.get(norm) or elot743(norm)
    return letters[:1].upper() + letters[1:] + "."
