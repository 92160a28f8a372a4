"""Blocking keys for the corpus registry: two names the resolver merges share a key.

They live in the resolution layer because one of them is the knowledge-base entry a name
resolves to; the text layer below supplies the phonetic and stemmed word keys.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from ..text.greek import normalize
from ..text.keys import acronym_letters, block_keys, token_keys
from ..text.readings import reading_stems
from ..text.romanize import acronym_spellings
from .kb import bundled_kb_id
from .translate import translation_keys

__all__ = ["match_keys"]


@lru_cache(maxsize=200_000)
def match_keys(
    name: str, label: str, *, kb_lookup: Callable[[str, str], str | None] = bundled_kb_id
) -> frozenset[str]:
    """Blocking keys of a name: two names the resolver merges share at least one key.

    Keys cover the phonetic shape of every word (so ``Λαβρόφ`` meets ``Sergey Lavrov``) in
    every reading of :mod:`entityx.text.readings` (``Giuseppe`` meets ``Τζουζέπε``), the
    whole stemmed name, the bundled gazetteer entry the name resolves to (translation-only
    names such as ``Γαλλία``/``France``), the English words of a translated name
    (:mod:`.translate`) and acronym initials. Keys carry the label, since
    different labels never merge. ``kb_lookup`` gives the id of the knowledge-base entry a
    name resolves to (the bundled KB's by default).
    """
    _, stems = token_keys(name)
    keys = block_keys(stems, label)
    keys.add(f"{label}=" + " ".join(stems))
    # A Latin name also meets the Greek spellings of its language's conventions
    # (Giuseppe read as Italian ~ Τζουζέπε).
    for _, reading in reading_stems(name)[1:]:
        keys |= block_keys(reading, label)
        keys.add(f"{label}=" + " ".join(reading))
    acr = acronym_letters(name)
    if acr:
        keys.add(f"{label}^{acr}")
    elif len(stems) == 1:
        keys.add(f"{label}^" + normalize(name))
    # A Greek acronym meets its Latin letters (ΙΟΒΕ / IOBE), as the resolver merges them.
    keys.update(f"{label}^" + normalize(spelling) for spelling in acronym_spellings(name))
    # Translated names (Τράπεζα της Ελλάδος / Bank of Greece) share their bag of English words.
    keys |= translation_keys(name, label)
    kb_id = kb_lookup(name, label)
    if kb_id:
        keys.add(f"kb:{kb_id}")
    return frozenset(keys)
