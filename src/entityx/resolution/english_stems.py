"""Rough stems of English words, so that a translation's word choice does not matter.

A Greek adjective is glossed by its noun, a participle by its action, a British spelling
by an American one: ``Political`` meets politic, ``Liberation`` liberating, ``Nations``
nation, ``organisation`` organization, ``Finance`` financial. Translation keys and the word
table (:mod:`.translate`, ``scripts/build_name_words.py``) hold words as these stems, so a
change here means rebuilding the table. A pure ``str -> str`` function.
"""

from __future__ import annotations

from ..text.memo import word_cache

__all__ = ["english_stem"]

# Derivational and inflectional endings a translation may choose differently (a Greek
# adjective glossed by its noun, a participle by its action), longest first, with what
# replaces them; a stem keeps at least _MIN_STEM letters, so union and nation stay whole.
# (-ance and -ence lose their e, so that finance meets financial, whose -ial goes.)
_ENGLISH_ENDINGS = (
    ("ations", ""), ("ation", ""), ("ating", ""), ("ities", ""), ("ical", ""), ("ally", ""),
    ("ance", "anc"), ("ence", "enc"), ("ies", "y"), ("ial", ""), ("ity", ""), ("ing", ""),
    ("ion", ""), ("ary", ""), ("al", ""), ("ic", ""), ("ed", ""), ("s", ""), ("y", ""),
)  # fmt: skip
_MIN_STEM = 4


# British spellings read as the American ones the other side of a pair may use (organisation,
# organization; labour, labor; centre, center): (infix, its American form), then endings.
_BRITISH_INFIX = ("isation", "ization")
_BRITISH_ENDINGS = (("our", "or"), ("tre", "ter"))


@word_cache(maxsize=100_000)
def english_stem(word: str) -> str:
    """Strip the endings of ``_ENGLISH_ENDINGS`` until none applies (so a stem is its own
    stem): political, politic → polit; regional → region; parties → part; revolutionary,
    revolution → revolut. British spellings are read as American ones first."""
    word = _american(word.replace(*_BRITISH_INFIX))
    changed = True
    while changed:
        changed = False
        for ending, replacement in _ENGLISH_ENDINGS:
            if (
                word.endswith(ending)
                and len(word) - len(ending) + len(replacement) >= _MIN_STEM
                and not (ending == "s" and word.endswith("ss"))
            ):
                word = word[: -len(ending)] + replacement
                changed = True
                break
    return _american(word)  # (colours: colour, color)


def _american(word: str) -> str:
    for british, american in _BRITISH_ENDINGS:
        if word.endswith(british) and len(word) > len(british) + 2:
            return word[: -len(british)] + american
    return word
