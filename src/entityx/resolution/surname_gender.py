"""A Slavic surname's two genders: Navalny and Navalnaya, Zakharov and Zakharova are two
people (a husband and a wife, a father and a daughter), though their keys share a stem and
score alike. Greek transcription keeps the two endings (Ναβάλνι, Ναβάλναγια; Ζαχάροφ,
Ζαχάροβα), so the keys of both scripts tell them apart.
"""

from __future__ import annotations

__all__ = ["gendered_apart"]

# The masculine's key ends in a consonant and the feminine adds -a (Zakharov, Zakharova:
# saharof, saharofa; Putin, Putina), or it ends in -i, which the feminine writes -a, -aya
# (Kaczyński, Kaczyńska; Navalny, Navalnaya: nafalni, nafalnaya, the Latin reading nafalnaia).
_CONSONANT_MASCULINES = ("of", "ef", "in")
_VOWEL_FEMININES = ("a", "aya", "aia")


def gendered_apart(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two people's names (keys) end in one Slavic surname's masculine and feminine
    forms: Navalny and Navalnaya, Zakharov and Zakharova are two people."""
    if not a or not b:
        return False
    x, y = a[-1], b[-1]
    return _masculine_of(x, y) or _masculine_of(y, x)


def _masculine_of(masculine: str, feminine: str) -> bool:
    if masculine.endswith(_CONSONANT_MASCULINES):
        return feminine == masculine + "a"
    if masculine.endswith("i") and len(masculine) > 3:
        return any(feminine == masculine[:-1] + end for end in _VOWEL_FEMININES)
    return False
