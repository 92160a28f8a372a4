"""An acronym and the name it stands for are one organisation or place.

An acronym is the initials of its name's content words (``ΚΚΕ``: Κομμουνιστικό Κόμμα
Ελλάδας; ``UAE``: United Arab Emirates); a mixed-case acronym
spells its function words too (``BoE``: Bank of England); a Greek acronym is written letter by
letter in Latin script (``ΙΟΒΕ``: IOBE); a syllabic one takes syllables (``ΕΛΣΤΑΤ``); and in
running text an acronym directly after a name of three words or more defines it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence

from ..text.greek import is_acronym, normalize
from ..text.keys import (
    acronym_letters,
    compound_letters,
    content_words,
    initials,
    mixed_case_acronym,
)
from ..text.romanize import acronym_spellings
from .matching import Name, UnionFind
from .syllabic import merge_syllabic_acronyms
from .translate import FUNCTION_WORDS

__all__ = ["merge_acronyms", "word_starts"]


def merge_acronyms(
    names: list[Name],
    idxs: list[int],
    uf: UnionFind,
    adjacent: list[tuple[int, int]],
) -> None:
    """Join each ORG (or LOC) acronym of one label to the one entity it stands for.

    ``adjacent``: pairs of name indices whose items follow one another in the text, or that
    the text writes as ``Name (ACRONYM)``.
    """
    label = names[idxs[0]].label if idxs else None
    if label not in ("ORG", "LOC"):
        return
    # A place's acronym spells it (ΗΑΕ, UAE, UK); two Greek capitals are as often a compass
    # abbreviation (ΝΑ: south-east, not Νότια Αφρική).
    acr = [
        i
        for i in idxs
        if is_acronym(names[i].surface)
        and (label == "ORG" or len(names[i].norm) >= 3 or not names[i].greek)
    ]
    if not acr:
        _merge_mixed_case_acronyms(names, idxs, uf)
        return
    # (In one pass: the OSCE spells Co-operation as one word, and another name's initials
    # may spell it as they come.)
    _join_what_they_spell(names, idxs, acr, (acronym_letters, compound_letters), uf)
    _merge_mixed_case_acronyms(names, idxs, uf)
    _merge_transliterated_acronyms(names, acr, uf)
    if label != "ORG":
        return
    merge_syllabic_acronyms(names, idxs, uf)
    _merge_trailing_acronyms(names, idxs, acr, uf)
    # 'Ένωση των Κρατών της Νοτιοανατολικής Ασίας (ASEAN)': a translated name does not
    # spell its acronym, but the acronym item directly follows the name it defines.
    acr_set = set(acr)
    for prev, cur in adjacent:
        if cur in acr_set and prev != cur and names[prev].label == "ORG":
            words = [w for w in names[prev].norm.split() if len(w) > 3]
            if len(words) >= 3 and not is_acronym(names[prev].surface):
                uf.union(cur, prev)


def _merge_trailing_acronyms(
    names: list[Name], idxs: list[int], acr: list[int], uf: UnionFind
) -> None:
    """A name that ends in an acronym of the text, set beside it rather than governed by an
    article or preposition, is that acronym's organisation (``Κίνημα Σοσιαλδημοκρατών
    ΕΔΕΚ``, ``ΠΑΕ ΑΕΚ``: ΕΔΕΚ, ΑΕΚ), where ``Συμβούλιο Ασφαλείας του ΟΗΕ`` is a body of the
    UN's; one that starts with it names another (``ΑΕΚ Λάρνακας``)."""
    alone: dict[str, list[int]] = defaultdict(list)
    for i in acr:
        alone[names[i].norm].append(i)
    for i in idxs:
        words = names[i].surface.split()
        if len(words) < 2 or not is_acronym(words[-1]) or is_acronym(names[i].surface):
            continue
        if normalize(words[-2]) in FUNCTION_WORDS:
            continue
        roots = {uf.find(j) for j in alone.get(normalize(words[-1]), ())}
        if len(roots) == 1:
            uf.union(i, roots.pop())


def _merge_mixed_case_acronyms(names: list[Name], idxs: list[int], uf: UnionFind) -> None:
    """A mixed-case acronym joins the one entity whose names it spells with their function
    words (``BoE``: Bank of England, ``AfD``: Alternative für Deutschland, ``ΣτΕ``), or, of
    three capitals or more, by its capitals alone (``CyBC``: Cyprus Broadcasting
    Corporation, its small letter the rest of a word)."""
    mixed = [i for i in idxs if mixed_case_acronym(names[i].surface.strip())]
    if mixed:
        _join_what_they_spell(names, idxs, mixed, (initials,), uf)
        _join_what_they_spell(names, idxs, mixed, (initials,), uf, key_of=_capitals)
    _join_word_starts(names, idxs, uf)


def _join_word_starts(names: list[Name], idxs: list[int], uf: UnionFind) -> None:
    """An acronym whose small letters go on its capitals' words (``ΕΤΕπ``: Ευρωπαϊκή
    Τράπεζα Επενδύσεων; ``AUTh``: Aristotle University of Thessaloniki) joins the one entity
    whose content words start, one by one, as its parts do."""
    starts = {i: parts for i in idxs if (parts := word_starts(names[i].surface.strip()))}
    if not starts:
        return
    spelled: dict[str, list[int]] = defaultdict(list)
    for i in idxs:
        letters = acronym_letters(names[i].surface)
        if letters:
            spelled[letters].append(i)
    for i, parts in starts.items():
        found = {
            uf.find(c)
            for c in spelled.get("".join(p[0] for p in parts), ())
            if all(map(str.startswith, content_words(names[c].surface), parts))
        }
        if len(found) == 1:
            uf.union(i, found.pop())


# Capitals, each with at most one small letter after it.
_WORD_START = re.compile(r"[A-ZΑ-Ω][a-zα-ω]?")
_WORD_STARTS = re.compile(r"(?:[A-ZΑ-Ω][a-zα-ω]?){2,}")


def word_starts(surface: str) -> tuple[str, ...]:
    """The normalised starts of words an acronym in capitals and small letters may spell,
    each small letter going on its capital's word (``ΕΤΕπ``: ε, τ, επ; ``AUTh``: a, u, th);
    ``()`` for a word or a capitals-only acronym."""
    if not 3 <= len(surface) <= 7 or surface.isupper() or not _WORD_STARTS.fullmatch(surface):
        return ()
    return tuple(normalize(p) for p in _WORD_START.findall(surface))


_MIN_CAPITALS = 3


def _capitals(name: Name) -> str:
    capitals = [ch for ch in name.surface if ch.isupper()]
    return normalize("".join(capitals)) if len(capitals) >= _MIN_CAPITALS else ""


def _join_what_they_spell(
    names: list[Name],
    idxs: list[int],
    acronyms: list[int],
    letters_of: Sequence[Callable[[str], str]],
    uf: UnionFind,
    *,
    key_of: Callable[[Name], str] = lambda n: n.norm.replace(" ", ""),
) -> None:
    """Join each of ``acronyms`` to the one entity of the names of ``idxs`` one of whose
    ``letters_of`` (their surface's initials, '' for none) its ``key_of`` letters (its
    normalised letters) are."""
    spelled: dict[str, list[int]] = defaultdict(list)
    for i in idxs:
        for letters in {spell(names[i].surface) for spell in letters_of}:
            if letters:
                spelled[letters].append(i)
    for i in acronyms:
        key = key_of(names[i])
        roots = {uf.find(c) for c in spelled.get(key, ())} if key else set()
        if len(roots) == 1:
            uf.union(i, roots.pop())


def _merge_transliterated_acronyms(names: list[Name], acr: list[int], uf: UnionFind) -> None:
    """A Greek acronym and its letter-by-letter Latin spellings are one organisation
    (``ΙΟΒΕ`` and ``IOBE``, ``ΚΕΘΕΑ`` and ``KETHEA``; ``ΕΚΑΒ``, ``EKAV`` and ``EKAB``): Greek
    news writes both, and English news either, unless another Greek acronym of the text
    spells it too."""
    latin: dict[str, list[int]] = defaultdict(list)
    for i in acr:
        if not names[i].greek:
            latin[names[i].surface.replace(".", "").strip().upper()].append(i)
    if not latin:
        return
    spelt: dict[int, set[str]] = {}
    spellers: dict[str, set[str]] = defaultdict(set)
    for i in acr:
        if names[i].greek:
            spelt[i] = {s for s in acronym_spellings(names[i].surface) if s in latin}
            for spelling in spelt[i]:
                spellers[spelling].add(names[i].norm)
    for i, spellings in spelt.items():
        hits = {j for s in spellings if len(spellers[s]) == 1 for j in latin[s]}
        for j in hits:
            uf.union(i, j)
