"""A place named with the word for what it is in both scripts: ``Έρημος Γκόμπι`` and ``Gobi
Desert``, ``Λίμνη Οχρίδας`` and ``Lake Ohrid``, ``Κανάριοι Νήσοι`` and ``Canary Islands``.

Greek translates the word for what a place is and transcribes the name it goes with, so
neither the translation keys (the name has no gloss) nor the sound of the whole (River and
Ποταμός share none) join the two; :mod:`.designators` takes the word off one side only, where
the other says the bare name (``Μεκόνγκ``, ``Mekong River``). Here both say the word: where
the Greek word's English is the Latin name's word, in either's place (``Στενά του`` before,
``Islands`` after), and what is left of the two sounds alike (by stems and keys, one pair
close and the other near: ``Οχρίδας`` is a genitive), the names are one place. The word
must be the same (a lake is no river: ``Λίμνη Πρέσπα`` stays apart from ``Prespa River``,
and ``Lake Ohrid`` from ``Ohrid``, the town); a Greek name that meets the names of two
entities this way joins neither, and the other way round, with decisions read off the
entities as they were.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from ..text.greek import greek_stem, normalize
from ..text.keys import token_keys
from ..text.readings import reading_stems
from .matching import Name, UnionFind
from .name_kinds import BODY_KINDS, GENITIVE_ARTICLES, PLACE_KINDS
from .translate import english_stem

__all__ = ["merge_kind_names"]

# How alike the two names' rests must sound, by their stemmed keys and their unstemmed ones:
# one pair close, the other near, as a Greek case ending lengthens one side's keys (Οχρίδας,
# ohridas, and Ohrid: 83) and the stemmer cuts the two sides differently (Καρπασίας: karpas,
# Karpas: karp).
_CLOSE = 85.0
_NEAR = 75.0
_LATIN_LINKS = frozenset(["of", "the"])


def _kind(english: str) -> str:
    # Mount Everest and the Rocky Mountains are one kind of thing (όρος, όρη).
    stem = english_stem(english.lower())
    return "mount" if stem.startswith("mount") else stem


# Kinds that naming leaves romanised, as English names many such places without the word
# (the Bosphorus, the Bekaa), but that join two names which both say it.
_MATCHED_ONLY = {"στενά": "Strait", "κοιλάδα": "Valley"}
# A Greek kind word by its stem, so that every case meets it (Λίμνης, Ποταμού, Ερήμου), per
# label: a body bears a name the way a place does (Ίδρυμα Κόνραντ Αντενάουερ, the Konrad
# Adenauer Foundation; Ινστιτούτο Ρόμπερτ Κοχ, the Robert Koch Institute).
_GREEK_KINDS = {
    label: {greek_stem(normalize(word)): _kind(english) for word, english in kinds.items()}
    for label, kinds in (("LOC", {**PLACE_KINDS, **_MATCHED_ONLY}), ("ORG", BODY_KINDS))
}
_LATIN_KINDS = {label: frozenset(kinds.values()) for label, kinds in _GREEK_KINDS.items()}

Rest = tuple[tuple[str, ...], tuple[str, ...]]  # (keys, stemmed keys) of what is left


def _split(name: Name) -> tuple[str, list[str]] | None:
    """(The kind, the surface words left) of a name of one kind word, first or last, and a
    rest."""
    words = name.surface.split()
    if len(words) < 2:
        return None
    norms = [normalize(w) for w in (words[0], words[-1])]
    label = name.label
    first, last = (_greek_kind(w, label) if name.greek else _latin_kind(w, label) for w in norms)
    if first is not None and last is None:
        kind, rest = first, words[1:]
    elif last is not None and first is None:
        kind, rest = last, words[:-1]
    else:
        return None  # no kind word at either end, or one at both
    links = GENITIVE_ARTICLES if name.greek else _LATIN_LINKS
    while rest and normalize(rest[0]) in links:
        rest = rest[1:]
    if not rest or any(
        (_greek_kind if name.greek else _latin_kind)(normalize(w), label) is not None for w in rest
    ):
        return None
    return kind, rest


def _greek_kind(norm: str, label: str) -> str | None:
    return _GREEK_KINDS[label].get(greek_stem(norm))


def _latin_kind(norm: str, label: str) -> str | None:
    kind = _kind(norm)
    return kind if kind in _LATIN_KINDS[label] else None


def _sound_alike(greek: Rest, latin: Rest) -> bool:
    stems = fuzz.ratio(" ".join(greek[1]), " ".join(latin[1]))
    keys = fuzz.ratio(" ".join(greek[0]), " ".join(latin[0]))
    # The Greek stem without its case ending against the Latin name as written (karpas).
    cut = fuzz.ratio(" ".join(greek[1]), " ".join(latin[0]))
    return max(stems, keys, cut) >= _CLOSE and min(stems, keys) >= _NEAR


def merge_kind_names(names: list[Name], idxs: list[int], uf: UnionFind) -> None:
    """Join each Greek place or body name of a kind word and a name to the one entity of the
    Latin names of that kind whose rest sounds like its own (module text)."""
    if not idxs or names[idxs[0]].label not in _GREEK_KINDS:
        return
    latin: dict[str, list[tuple[int, tuple[Rest, ...]]]] = {}
    greek: list[tuple[int, str, Rest]] = []
    for i in idxs:
        n = names[i]
        split = _split(n)
        if split is None:
            continue
        kind, words = split
        if n.greek:
            greek.append((i, kind, token_keys(" ".join(words))))
        else:
            latin.setdefault(kind, []).append((i, reading_stems(" ".join(words))))
    if not greek or not latin:
        return
    met: dict[int, set[int]] = {}  # Greek name -> the Latin entities its rest meets
    met_by: dict[int, set[int]] = {}  # Latin entity -> the Greek entities that meet it
    for i, kind, rest in greek:
        for j, readings in latin.get(kind, ()):
            if any(_sound_alike(rest, reading) for reading in readings):
                root = uf.find(j)
                met.setdefault(i, set()).add(root)
                met_by.setdefault(root, set()).add(uf.find(i))
    for i, roots in met.items():
        if len(roots) == 1 and len(met_by[latin_root := next(iter(roots))]) == 1:
            uf.union(i, latin_root)
