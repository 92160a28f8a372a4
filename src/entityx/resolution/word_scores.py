"""How alike two readings of a name are, word by word: the fuzzy step's verdict on a pair.

Each aligned word pair is scored on its stemmed phonetic keys with rapidfuzz; transcription
varies vowels far more than consonants, so across scripts the consonant skeletons count too.
Every word must reach a floor (``Donald Trump`` is not ``Melania Trump``), and the average
weighted by word length the name threshold. Pure functions of the keys.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from ..text.keys import skeleton
from .qualifiers import roots_differ
from .surname_gender import gendered_apart

if TYPE_CHECKING:
    from .matching import MatchSettings, Reading

__all__ = ["same_words"]

# Where the constants below come from: the short-word slack is in the resolver core (commit
# c9f1598, 2026-11-27), the skeleton scores came with the consonant-skeleton word scores and
# the held-out set (commit d3457f4, 2026-11-27). None is fitted; every development-set figure
# (`entityx evaluate-resolver`, tests/test_resolve_generalisation.py) was measured with them,
# so changing one means measuring those again.
#: Words of at most this many letters (Μέι/May) get a looser floor, ``word_threshold`` minus
#: :data:`SHORT_WORD_SLACK` (a one-word name of such a word must match exactly).
SHORT_WORD = 3
SHORT_WORD_SLACK = 10.0
#: A word of a longer name scores at least this share of the ratio of its consonant skeletons
#: (transcription varies vowels far more than consonants: Gates/Γκέιτς).
SKELETON_WEIGHT = 0.95
#: A one-word name whose skeleton and first letter agree scores :data:`SINGLE_SKELETON_SCORE`
#: when its plain ratio is at least :data:`SINGLE_SKELETON_MIN`.
SINGLE_SKELETON_SCORE = 90.0
SINGLE_SKELETON_MIN = 65.0


def same_words(
    a: Reading,
    b: Reading,
    cfg: MatchSettings,
    *,
    roots: bool = False,
    latin: bool = False,
    person: bool = False,
) -> bool:
    """Whether two readings of as many words match word by word and, weighted by word length,
    on average reach ``threshold``; ``roots``: one script's (see the loop), ``latin``: both
    Latin; ``person``: a person's (a Slavic surname's two genders are two people, and a lone
    surname's short stem must be borne out by its whole key)."""
    (ka, sa), (kb, sb) = a, b
    if len(sa) != len(sb):
        return False
    total = weight = 0.0
    single = len(sa) == 1
    if person and gendered_apart(ka, kb):
        return False
    for x, y, rx, ry in zip(sa, sb, ka, kb, strict=True):
        score = _word_score(x, y, rx, ry, single=single)
        floor = cfg.word_threshold
        short = min(len(x), len(y)) <= SHORT_WORD
        if not single and (short or roots):
            # Short words (Μέι/May: a slack) and one script's (roots_differ too) go by letters,
            # not skeletons (adr, drs: Ανδρέας; sors, srs: George read as French).
            letters = _letters_score(x, y)
            score = score if letters >= floor else letters
        if short and (single or _short_pair(x, y)):  # a one-word name's must match exactly
            floor = 100.0 if single else floor - SHORT_WORD_SLACK
            if person and single and rx != ry and _letters_score(rx, ry) < cfg.word_threshold:
                # A surname's stem of three letters says little: Σαράα (sar) is no Sarraj
                # (sarei). Places keep theirs: Λιντάου, Lindau (lidau, lido) are one.
                return False
        if score < floor or (roots and score < 100 and roots_differ(rx, ry, floor)):
            return False
        if latin and score < 100 and max(len(x), len(y)) <= SHORT_WORD + 1:
            # In Latin letters a short word whose key differs is another word (Bank, Bahn):
            # the keys already agree on its spellings. (Greek's differ by case: Άκης, Άκη.)
            return False
        w = max(len(x), len(y))
        total += score * w
        weight += w
    return total / max(weight, 1.0) >= cfg.threshold


def _short_pair(a: str, b: str) -> bool:
    # Both short (Μέι/May), or the short one's letters start and run through the other (Theo,
    # Theodoros; Euclid's ekl, Efkleidis); not the end of a longer word (mar is no Sigmar).
    short, long = sorted((a, b), key=len)
    if len(long) <= SHORT_WORD + 1:
        return True
    rest = iter(long)
    return short[:1] == long[:1] and all(ch in rest for ch in short)


def _letters_score(a: str, b: str) -> float:
    score = fuzz.ratio(a, b)
    if score < 100 and ("y" in a or "y" in b):
        # A y between vowels is what one transcription writes for another's i (Μάγια, Maia;
        # Γκόγια, Goia), and the keys keep it there.
        score = max(score, fuzz.ratio(a.replace("y", "i"), b.replace("y", "i")))
    return score


def _word_score(a: str, b: str, raw_a: str, raw_b: str, *, single: bool) -> float:
    """Similarity of two word keys (stemmed ``a``/``b``, unstemmed ``raw_a``/``raw_b``).

    Transcription varies vowels far more than consonants (Gates/Γκέιτς, Musk/Μασκ), so the
    consonant skeletons count too when they are long enough to be distinctive and start alike
    (Pavlos, Βαγγέλης: pvls, fgls); a one-word name's must be equal, no other word confirms it.
    """
    score = _letters_score(a, b)
    if score >= 100:
        return score
    if raw_a.isupper() or raw_b.isupper():
        return 0.0  # a regnal numeral's key (text.numerals): II is not III
    sa, sb = skeleton(raw_a), skeleton(raw_b)
    if min(len(sa), len(sb)) < 3:
        return score
    if single:
        same = sa == sb and raw_a[:1] == raw_b[:1]
        return max(score, SINGLE_SKELETON_SCORE) if same and score >= SINGLE_SKELETON_MIN else score
    return max(score, SKELETON_WEIGHT * fuzz.ratio(sa, sb)) if sa[0] == sb[0] else score
