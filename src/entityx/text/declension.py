"""The declension family of a Greek given name, read off its ending in any case.

Greek given names decline in three families whose endings never overlap, so a form's ending
says its family whatever its case: -ος/-ου/-ο/-ε (Νίκος), -ας/-α (Λουκάς, and every feminine
in -α: Μαρία, Μαρίας), -ης/-η (Γιάννης, and every feminine in -η: Ελένη, Ελένης). Two forms
of one stem in different families are different names (Αλέξανδρος, Αλεξάνδρα), which is what
:mod:`entityx.resolution.given_names` and the knowledge base's lookup use it for.
"""

from __future__ import annotations

from .greek import has_greek, normalize
from .keys import phonetic

__all__ = ["given_name_family", "given_names_agree"]

# Ending (as normalize() leaves it: no accents, final ς as σ) → its declension family.
# Longest first: -ου before -ο.
_FAMILIES = (("ου", "o"), ("οσ", "o"), ("ο", "o"), ("ε", "o"),
             ("ασ", "a"), ("α", "a"), ("ησ", "h"), ("η", "h"))  # fmt: skip
# The same families as Greek names are written in Latin letters (Alexandros, Alexandra,
# Giannis); a final -e is left out, as other languages write it on names of either sex
# (Marie, Pierre).
_LATIN_FAMILIES = (("ou", "o"), ("os", "o"), ("o", "o"),
                   ("as", "a"), ("a", "a"), ("is", "h"), ("i", "h"))  # fmt: skip
# Letters the stem keeps: shorter ones (Άννα, Ίων) say too little to oppose two names.
_MIN_STEM = 3


def given_name_family(surface: str) -> tuple[str, str] | None:
    """(stem, family) of the given name (first word) of a name of several words, else None.

    The stem is given by its phonetic key, the same for both scripts where they agree
    (``αλεξανδρ`` and ``alexandr``: ``aleksadr``), so a Greek and a Latin name can oppose too.
    """
    words = normalize(surface).split()
    if len(words) < 2:
        return None
    word = words[0]
    families = _FAMILIES if has_greek(word) else _LATIN_FAMILIES
    for ending, family in families:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            return phonetic(word[: -len(ending)]), family
    return None


def given_names_agree(a: str, b: str) -> bool:
    """False only when two names' given names share a stem in different families."""
    fa, fb = given_name_family(a), given_name_family(b)
    return fa is None or fb is None or fa[0] != fb[0] or fa[1] == fb[1]
