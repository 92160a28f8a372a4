"""Lookup keys of knowledge-base names and the index lists built from them.

Shared by :mod:`.kb` (which computes them, or reads them stored in the bundled file) and
``scripts/build_kb.py`` (which stores them).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import islice, product

from ..text.declension import same_name_in_other_case
from ..text.greek import greek_stem, has_greek, nominative_candidates, normalize
from ..text.keys import name_key

__all__ = [
    "Index",
    "add",
    "add_in_order",
    "case_form_of",
    "frozen",
    "greek_stem_key",
    "index_keys",
    "keys_agree",
    "learned_lemmas",
    "nominative_guesses",
    "other_paradigm",
    "sound_key",
]

Index = dict[tuple[str, str], Sequence[int]]  # lists while built, then tuples


def index_keys(name: str) -> tuple[str, str, str]:
    """A name's lookup keys: normalised, Greek stem key (``""`` for a Latin name), sound.

    The bundled KB stores them precomputed (:func:`.kb.load_bundled`); both use this function.
    """
    norm = normalize(name)
    return norm, greek_stem_key(norm) if has_greek(norm) else "", sound_key(name)


# A y between vowels is what one transcription writes for another's i (Μάγια and Μάια Σάντου,
# Maia Sandu; Mayer, Maier): one sound key. Only in the knowledge base's keys, looked up
# after the exact and stem ones: folding glides in the resolver's own keys (tried as i -> y,
# 2026-12-07) cost two wrong merges on benchmarks/bench_cross_script.py.
# (Before a vowel, or where the key's stem ended it: μαγια → may, maia → mai.)
_GLIDE = re.compile(r"(?<=[aeiou])y(?=[aeiou ]|$)")


def sound_key(name: str) -> str:
    """The key a name is looked up by sound with: :func:`name_key`, its glides folded."""
    key = name_key(name)
    return _GLIDE.sub("i", key) if "y" in key else key


def case_form_of(norm: str, names: Sequence[str]) -> bool:
    """Whether the normalised Greek ``norm`` is one of the Greek ``names`` in some case, by
    the paradigm of its ending: a stem alone is too little (Χειμάρρα is no case of the
    village Χείμαρρος, whose cases are in -ος, -ου, -ο). The learned genitives names keep
    count (Πειραιώς, Ελλάδος, Ακροπόλεως)."""
    words = norm.split()
    for n in names:
        known = normalize(n).split() if has_greek(n) else ()
        if len(known) == len(words) and all(map(_word_case_of, words, known)):
            return True
    return False


# Lemma ending → the learned (katharevousa) genitives names still use.
_LEARNED_GENITIVES = {"ασ": ("ωσ",), "α": ("οσ", "ωσ"), "η": ("εωσ",), "ισ": ("εωσ",)}


def learned_lemmas(form: str) -> tuple[str, ...]:
    """The normalised lemmas whose learned genitive the normalised ``form`` may be
    (πειραιωσ: πειραιασ, πειραια)."""
    return tuple(
        form[: -len(genitive)] + end
        for end, learned in _LEARNED_GENITIVES.items()
        for genitive in learned
        if form.endswith(genitive) and len(form) > len(genitive) + 1
    )


def _word_case_of(form: str, lemma: str) -> bool:
    if form == lemma or same_name_in_other_case(form, lemma):
        return True
    return any(
        lemma.endswith(end) and form in {lemma[: -len(end)] + g for g in learned}
        for end, learned in _LEARNED_GENITIVES.items()
    )


def other_paradigm(norm: str, names: Sequence[str]) -> bool:
    """Whether ``norm``, Greek, shares its stem with Greek ``names`` of which it is no case:
    then a like sound says nothing more (Χειμάρρα, Χείμαρρος: himar)."""
    if not has_greek(norm):
        return False
    stem = greek_stem_key(norm)
    greek = [n for n in names if has_greek(n)]
    same_stem = any(greek_stem_key(normalize(n)) == stem for n in greek)
    return same_stem and not case_form_of(norm, greek)


# Words of a name whose nominatives are guessed word by word, and how many guesses at most:
# longer names meet their entry by their stems.
_GUESSED_WORDS = 3
_MAX_GUESSES = 27
_GENITIVE_PLURAL = "ων"


def nominative_guesses(norm: str) -> tuple[str, ...]:
    """The nominatives a normalised Greek name in an oblique case may be, the name itself left
    out: what an exact alias is looked for by before stems are. A name of several words is
    guessed in its genitive plurals only (Ουραλίων Ορέων: Ουράλια Όρη), the case the stem
    index misses: a short stem keeps the ending there (ορέων: ορεων, beside όρη: ορη), and
    its other words' stems find the rest."""
    words = norm.split()
    if len(words) == 1:
        return nominative_candidates(norm)[1:]
    if len(words) > _GUESSED_WORDS or not any(w.endswith(_GENITIVE_PLURAL) for w in words):
        return ()
    options = product(
        *(nominative_candidates(w) if w.endswith(_GENITIVE_PLURAL) else (w,) for w in words)
    )
    return tuple(" ".join(guess) for guess in islice(options, 1, _MAX_GUESSES + 1))


def frozen(index: dict[tuple[str, str], list[int]]) -> Index:
    # Tuples of ints, unlike lists, drop out of the garbage collector's full passes: the
    # bundled KB's 50,000 index lists were walked on every one of them.
    return {key: tuple(hits) for key, hits in index.items()}


def add(index: dict[tuple[str, str], list[int]], key: tuple[str, str], idx: int) -> None:
    lst = index.setdefault(key, [])
    if idx not in lst:
        lst.append(idx)


def greek_stem_key(norm: str) -> str:
    return " ".join(_neuter_stem(greek_stem(w)) for w in norm.split())


def _neuter_stem(stem: str) -> str:
    # The neuters in -μα keep -ματ in their other cases (Κόμματος: κομματ; Κόμμα: κομμ).
    return stem[:-2] if stem.endswith("ματ") and len(stem) > 4 else stem


def keys_agree(probe: Sequence[Sequence[str]]) -> bool:
    """Whether the stored ``[name, *keys]`` rows are what :func:`index_keys` gives today."""
    return bool(probe) and all(list(index_keys(row[0])) == list(row[1:]) for row in probe)


def add_in_order(index: dict[tuple[str, str], list[int]], key: tuple[str, str], idx: int) -> None:
    hits = index.get(key)
    if hits is None:
        index[key] = [idx]
    elif hits[-1] != idx:
        hits.append(idx)
