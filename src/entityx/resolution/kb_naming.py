"""The name of an entity linked to a knowledge-base entry: the entry's name, unless the text
names it only by a shorter name the entry also lists.

An organisation's entry is named in full (``Celtic F.C.``, ``AEK Athens``, ``General
Confederation of Greek Workers``), but a Greek text that writes only ``Σέλτικ`` or ``ΓΣΕΕ``
is read for, and searched by, the short name: the entry's Latin alias that the leading words
of its name make and that sounds like a form of the text (``Celtic``, ``AEK``), or its Latin
acronym that spells a Greek acronym of the text letter by letter (``GSEE``). Where a form of
the text sounds like the entry's name itself, the name stays.

An organisation the knowledge base does not know, called in Greek by the name of a place it
does (a national team or a government by its country, a club by its town: ``Γαλλία``,
``Σαουδική Αραβία``), is named by that place's English name (:func:`place_display_name`),
though it is not linked to the place.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..text.greek import has_greek, is_acronym
from ..text.keys import name_key
from ..text.romanize import acronym_spellings
from .kb import KBEntry, KnowledgeBase

__all__ = ["entry_display_name", "place_display_name"]


def entry_display_name(entry: KBEntry, surfaces: Sequence[str]) -> str:
    """``entry``'s name for an entity whose forms are ``surfaces`` (see the module doc)."""
    if entry.label != "ORG" or any(not has_greek(s) for s in surfaces):
        return entry.name
    keys = {name_key(s) for s in surfaces}
    if name_key(entry.name) in keys:
        return entry.name
    latin = [a for a in entry.aliases if not has_greek(a)]
    greek_acronyms = [s for s in surfaces if is_acronym(s)]
    if greek_acronyms and len(greek_acronyms) == len(surfaces):
        spelt = {sp for s in greek_acronyms for sp in acronym_spellings(s)}
        for alias in latin:
            if alias in spelt:
                return alias
        return entry.name
    words = entry.name.split()
    for alias in latin:
        short = alias.split()
        if len(short) < len(words) and words[: len(short)] == short and name_key(alias) in keys:
            return alias
    return entry.name


def place_display_name(kb: KnowledgeBase, surfaces: Sequence[str]) -> str | None:
    """The English name of the one place of ``kb`` that every Greek surface of an organisation
    names, as it is or in another case (not by its sound alone); ``None`` where there is none,
    or where a surface is in Latin script (which names the organisation itself)."""
    places = set()
    for surface in surfaces:
        if not has_greek(surface) or is_acronym(surface):
            return None
        found = kb.match(surface, "LOC", by_sound=False)
        if found is None:
            return None
        places.add(found[0].id)
    if len(places) != 1:
        return None
    entry = kb.get(places.pop())
    return entry.name if entry is not None else None
