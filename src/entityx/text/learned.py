"""Foreign place names as Greek wrote them before μπ: β for b, and a Greek case ending.

Modern Greek transcribes a foreign b as ``μπ`` (``Μπορντό``, ``Μπάφαλο``), but the places
Greek named before that convention, and that it still names so, spell it ``β``, ``μβ`` after a
nasal, and give the name a Greek ending: ``Βοστώνη`` (Boston), ``Βόννη`` (Bonn),
``Λουξεμβούργο`` (Luxembourg), ``Βαρβάδος`` (Barbados), ``Ζάμβια`` (Zambia). The generic key of
:func:`entityx.text.keys.greek_key` reads β as v, as Greek does its own words (``Βόλος``:
Volos), so those names never met their Latin spellings without a gazetteer entry.

:func:`learned_readings` gives such a name its other readings in the key alphabet: β (and the
μβ or μπ of a nasal before b) read as b; a nasal before it read n as well as m, since Greek
writes an n before b as the μ it is said as (``Καμπέρα``: Canberra, ``Εδιμβούργο``:
Edinburgh); and, for a word that ends in a Greek case ending after a consonant, the reading
without the ending, whose key is its own stem (Βοστώνη: boston). Those readings are
conventions in the sense of :mod:`entityx.text.readings`: a one-word name meets another
script's name by them only when the keys are equal, so ``Βάρη`` (Vari) read as bar stays
apart from Bari (bari). No spaCy import; a pure function of the text.
"""

from __future__ import annotations

from collections.abc import Callable

from .greek import GREEK_VOWELS, has_greek, normalize
from .keys import greek_key, stem_key
from .memo import word_cache

__all__ = ["learned_readings"]

Reading = tuple[tuple[str, ...], tuple[str, ...]]

# The nominative and genitive endings Greek gives a foreign place name (final ς comes
# normalised as σ), longest first.
_ENDINGS = ("ησ", "ασ", "οσ", "ου", "η", "α", "ο")
# Endings Greek adds rather than keeps: read with them, Βάρη (Vari) would be Bari.
_ADDED_ENDINGS = ("η", "ησ")
# A key without its ending shorter than this is too little of a name to confirm itself
# (Ρώμη: rom, Χίος: hi).
_MIN_BARE = 4
# Greek writes a foreign b after a nasal with the nasal as μ: μβ in the learned spelling, μπ
# in the modern one. Read as m + b, or as n + b (μ then standing for an n before b).
_NASAL_B = ("μβ", "μπ")
_AS_MB = "μπ"
_AS_NB = "νμπ"
_B = "β"


def learned_readings(
    text: str, *, native: Callable[[str], bool] | None = None
) -> tuple[Reading, ...]:
    """The readings of a Greek name with β as b (see the module), ``()`` when it has no β or
    μπ or is not Greek. Each is (keys, stemmed keys) of all its words, like
    :func:`entityx.text.readings.reading_stems`; the generic reading is not among them.

    ``native`` says which normalised words are Greek words, read the Greek way only (the
    caller knows them from a dictionary: ``Κάβος``, a cellar, is no foreign *Kabos*)."""
    lower = text.lower()
    if (_B not in lower and _NASAL_B[1] not in lower) or not has_greek(text):
        return ()
    words = normalize(text).split()
    flags = tuple(native(w) for w in words) if native is not None else (False,) * len(words)
    if all(flags):
        return ()
    return _readings(tuple(zip(words, flags, strict=True)))


@word_cache(maxsize=50_000)
def _readings(words: tuple[tuple[str, bool], ...]) -> tuple[Reading, ...]:
    """Readings of (normalised word, whether it is a Greek word) pairs."""
    per_word = [_native_variant(w) if is_native else _word_variants(w) for w, is_native in words]
    generic = tuple(greek_key(w) for w, _ in words)
    out: dict[Reading, None] = {}
    for choice in range(max(len(v) for v in per_word)):
        keys, stems = [], []
        for variants in per_word:
            key, stem = variants[min(choice, len(variants) - 1)]
            keys.append(key)
            stems.append(stem)
        if tuple(keys) != generic:
            out[(tuple(keys), tuple(stems))] = None
    return tuple(out)


def _native_variant(word: str) -> list[tuple[str, str]]:
    key = greek_key(word)
    return [(key, stem_key(key))]


def _word_variants(word: str) -> list[tuple[str, str]]:
    """(key, stemmed key) of one word read the learned way: with its ending, then without
    it; with a nasal before b as m, then as n. A word without β keeps its generic key, and
    has the n reading of a μπ inside it (the modern spelling: Καμπέρα)."""
    if _B not in word:
        out = _native_variant(word)
        if _NASAL_B[1] in word[1:]:
            nb = greek_key(_as_b(word, _AS_NB))
            out.append((nb, stem_key(nb)))
        return out
    out = []
    spellings = [_as_b(word, _AS_MB)]
    if any(n in word for n in _NASAL_B):
        spellings.append(_as_b(word, _AS_NB))
    for spelling in spellings:
        key = greek_key(spelling)
        if not spelling.endswith(_ADDED_ENDINGS):
            out.append((key, stem_key(key)))
        bare = _without_ending(spelling)
        if bare is not None:
            bare_key = greek_key(bare)
            if len(bare_key) >= _MIN_BARE:
                out.append((bare_key, bare_key))
    # (Βομβάη: an added ending after a vowel; the generic reading stands in.)
    return list(dict.fromkeys(out)) or _native_variant(word)


def _as_b(word: str, nasal: str) -> str:
    for cluster in _NASAL_B:
        word = word.replace(cluster, nasal)
    return word.replace(_B, _AS_MB)


def _without_ending(word: str) -> str | None:
    """``word`` less a Greek case ending that follows a consonant; ``None`` if it has none."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            bare = word[: -len(ending)]
            return None if bare[-1] in GREEK_VOWELS else bare
    return None
