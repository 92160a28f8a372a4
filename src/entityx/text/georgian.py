"""Georgian surnames written in Greek, as English news spells them.

Greek writes ``Irakli Kobakhidze`` as ``Ιράκλι Κομπαχίτζε`` and ``Bidzina Ivanishvili`` as
``Μπιτζίνα Ιβανισβίλι``: the two great families of Georgian surnames end in -shvili (-σβιλι,
Greek has no sh) and -dze (-τζε). English-language news romanises Georgian by the national
system without its apostrophes: sh, kh, dz, j. The Greek letters cannot tell every Georgian
sound apart (σ is s or sh, τζ is dz or j), so only what a surname's ending or position makes
sure is written so: -shvili, -dze, a τζ inside the word dz (Bidzina) and at its start j
(Japaridze), χ kh (Kobakhidze).

Input words are *normalised* (see :func:`entityx.text.greek.normalize`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .greek import has_greek
from .memo import word_cache

__all__ = ["GEORGIAN_ENDINGS", "georgian_latin", "is_georgian_surname", "looks_georgian"]

# A surname in -shvili or -dze, with at least two letters before the ending (not a Greek or
# Italian word that happens to end so: Γκάτζε, Ριτζε).
_SURNAME = re.compile(r"[^\W\d_]{3,}(?:σβιλι|τζε)$")
GEORGIAN_ENDINGS = ("shvili", "dze")

_DI = {"ου": "u", "γκ": "g", "γγ": "ng", "μπ": "b", "ντ": "d", "τσ": "ts"}
_ONE = {
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "t", "ι": "i",
    "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "ks", "ο": "o", "π": "p", "ρ": "r", "σ": "s",
    "τ": "t", "υ": "i", "φ": "f", "χ": "kh", "ψ": "ps", "ω": "o", "ϊ": "i", "ϋ": "i",
}  # fmt: skip


def looks_georgian(words: Sequence[str]) -> bool:
    """Whether a normalised Greek name has a surname in -σβιλι or -τζε."""
    return any(is_georgian_surname(w) for w in words)


def is_georgian_surname(word: str) -> bool:
    """Whether one normalised Greek word is a surname in -σβιλι or -τζε."""
    return has_greek(word) and _SURNAME.search(word) is not None


@word_cache(maxsize=20_000)
def georgian_latin(word: str) -> str:
    """The English-news romanisation of one normalised Greek word of a Georgian name (lower
    case): ``κομπαχιτζε`` → ``kobakhidze``, ``ιβανισβιλι`` → ``ivanishvili``."""
    out: list[str] = []
    i, n = 0, len(word)
    while i < n:
        if word.startswith("σβιλι", i):
            out.append("shvili")
            i += 5
        elif word.startswith("τζ", i):
            out.append("j" if i == 0 else "dz")  # Τζαπαρίτζε: Japaridze; Μπιτζίνα: Bidzina
            i += 2
        elif word[i : i + 2] in _DI:
            out.append(_DI[word[i : i + 2]])
            i += 2
        else:
            out.append(_ONE.get(word[i], word[i]))
            i += 1
    return "".join(out)
