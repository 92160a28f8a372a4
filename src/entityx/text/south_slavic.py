"""Serbian, Croatian, Bosnian and Montenegrin names written in Greek, as English news spells them.

Greek writes ``Andrej Plenković`` as ``Αντρέι Πλένκοβιτς`` and ``Ivica Dačić`` as ``Ιβίτσα
Ντάτσιτς``: the surname ending -ić is -ιτς, and č, ć and c are all τσ. English-language news
writes such a name in Gaj's Latin alphabet without its diacritics (``Plenkovic``, ``Dacic``,
``Vucic``), which is also what the name is with its diacritics folded away; the Greek letters
cannot tell č from ć, so no diacritic is guessed. ``j`` stands for the ι or γι before a vowel
and the ι after one (Γιοβάνοβιτς: Jovanovic, Βόισλαβ: Vojislav); ``dj`` for τζ, as English
writes Đ (Djokovic).

Input words are *normalised* (see :func:`entityx.text.greek.normalize`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .greek import GREEK_VOWELS, has_greek
from .memo import word_cache

__all__ = ["IC_ENDING", "looks_south_slavic", "south_slavic_latin"]

# A surname in -ić (πλενκοβιτσ), with at least a syllable before the ending (not Greek ιτσ
# words of two letters' stem).
_IC = re.compile(r"[^\W\d_]{3,}ιτσ$")
IC_ENDING = "ic"

_TRI = {"νγκ": "ng"}
_DI = {"ου": "u", "γκ": "g", "γγ": "ng", "μπ": "b", "ντ": "d", "τζ": "dj", "τσ": "c"}
_ONE = {
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "t", "ι": "i",
    "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "ks", "ο": "o", "π": "p", "ρ": "r", "σ": "s",
    "τ": "t", "υ": "i", "φ": "f", "χ": "h", "ψ": "ps", "ω": "o", "ϊ": "j", "ϋ": "i",
}  # fmt: skip


def looks_south_slavic(words: Sequence[str]) -> bool:
    """Whether a normalised Greek name has a surname in -ιτς (-ić)."""
    return any(has_greek(w) and _IC.search(w) for w in words)


@word_cache(maxsize=20_000)
def south_slavic_latin(word: str) -> str:
    """Gaj's Latin, without diacritics, of one normalised Greek word (lower case):
    ``πλενκοβιτσ`` → ``plenkovic``, ``ντατσιτσ`` → ``dacic``, ``γιοβανοβιτσ`` →
    ``jovanovic``."""
    out: list[str] = []
    i, n = 0, len(word)
    while i < n:
        three, two, ch = word[i : i + 3], word[i : i + 2], word[i]
        nxt = word[i + 1 : i + 2]
        if three in _TRI:
            out.append(_TRI[three])
            i += 3
        elif two == "γι" and word[i + 2 : i + 3] and word[i + 2] in GREEK_VOWELS:
            out.append("j")  # Γιοβάνοβιτς: Jovanovic
            i += 2
        elif ch == "ι" and nxt and nxt in GREEK_VOWELS and nxt not in "ιϊ":
            out.append("j")  # Λιουμπλιάνα: Ljubljana, Νιέγκος: Njegos
            i += 1
        elif two in _DI:
            out.append(_DI[two])
            i += 2
        else:
            out.append(_ONE.get(ch, ch))
            i += 1
    return "".join(out)
