"""Russian (and other East Slavic) names written in Greek, as English-language news spells them.

Greek writes ``Сергей Лавров`` as ``Σεργκέι Λαβρόφ`` and ``Фёдор Достоевский`` as ``Φιοντόρ
Ντοστογιέφσκι``. The Latin name lexicon meets such a word by sound and gives its most common
Latin spelling, which for a Russian name is often the Czech, Slovene or Serbo-Croatian one
(``Sergej``, ``Gorbačov``, ``Dostojevski``): right letters for another reader. An English
reader searches for the English transliteration (``Sergei``, ``Fyodor Dostoyevsky``,
``Mikhail``): ``kh``, ``zh``, ``ch``, ``y``, no ``j`` and no diacritics.

Input words are *normalised* (see :func:`entityx.text.greek.normalize`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .greek import GREEK_VOWELS, has_greek
from .memo import word_cache

__all__ = ["looks_russian", "russian_latin", "spelled_russian_way"]

# Endings Greek gives Russian, Bulgarian and Ukrainian surnames: -ов/-ев (Λαβρόφ, Τσέχοφ,
# Μεντβέντεφ), -ова/-ева, -овский/-евский, -ская, -енко, the patronymics -овна/-евна. (-ич is
# left out: Serbian and Croatian -ić is written the same, -ιτς; -ин too: Κόρμπιν, Ερβίν; and
# -ωφ, which is Greek: Αβέρωφ.)
# -naya, -taya: the adjectival feminines (Ναβάλναγια, Τολστάγια), not Χιμαλάγια.
_RUSSIAN_END = re.compile(r"(οφ|εφ|οβα|εβα|οφσκι|εφσκι|σκαγια|ναγια|σταγια|ενκο|οβνα|εβνα)$")

_TRI = {"ντζ": "dzh", "νγκ": "ng", "ιου": "yu", "στσ": "shch"}  # στσ: щ (Χρουστσόφ)
_DI = {
    "ου": "u", "γκ": "g", "γγ": "ng", "μπ": "b", "ντ": "d", "τζ": "dzh", "τσ": "ch",
    "αϊ": "ai", "εϊ": "ei", "οϊ": "oi",
}  # fmt: skip
_ONE = {
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "t", "ι": "i",
    "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "ks", "ο": "o", "π": "p", "ρ": "r", "σ": "s",
    "τ": "t", "υ": "y", "φ": "f", "χ": "kh", "ψ": "ps", "ω": "o", "ϊ": "i", "ϋ": "i",
}  # fmt: skip
_FRONT = "εηι"
# Letters English transliteration of Russian does not write: another language's spelling.
_NOT_ENGLISH = re.compile(r"[^a-z'-]|j|w|ou|cz|sz|sch|ff")


# Another Slavic language's letters: a Latin spelling with them transliterates a Russian name
# for that language's readers (Gorbačov, Dostojevski), where one with Western letters is the
# name's own (Polish Lewandowski, Rousseff).
_SLAVIC = re.compile(r"[jčšžćěřý]")


def looks_russian(words: Sequence[str], spell: Callable[[str], str | None] | None = None) -> bool:
    """Whether a normalised Greek name has a word with an East Slavic surname ending whose
    Latin spelling by ``spell`` (if it knows one) is written the English or a Slavic way."""
    for word in words:
        if not has_greek(word) or not _RUSSIAN_END.search(word):
            continue
        known = spell(word) if spell is not None else None
        if not known or spelled_russian_way(known, word) or _SLAVIC.search(known.casefold()):
            return True
    return False


@word_cache(maxsize=20_000)
def russian_latin(word: str) -> str:
    """English transliteration of one normalised Russian word in Greek (lower case):
    ``σεργκεϊ`` → ``sergei``, ``φιοντορ`` → ``fyodor``, ``χοντορκοφσκι`` → ``khodorkovsky``."""
    out: list[str] = []
    i, n = 0, len(word)
    while i < n:
        three, two, ch = word[i : i + 3], word[i : i + 2], word[i]
        prev = word[i - 1] if i else ""
        if three in _TRI:
            out.append(_TRI[three])
            i += 3
        elif two == "γι" and i + 2 < n and word[i + 2] in GREEK_VOWELS:
            out.append("y")  # Γιούλια: Yulia; Ντοστογιέφσκι: Dostoyevsky
            i += 2
        elif ch == "γ" and not prev and word[i + 1 : i + 2] in tuple(_FRONT):
            out.append("y")  # Γεβγκένι: Yevgeny
            i += 1
        elif two == "ιο" and prev and prev not in GREEK_VOWELS:
            out.append("yo")  # Φιοντόρ: Fyodor, Πιοτρ: Pyotr (ё)
            i += 2
        elif two == "οϊ" and i + 2 == n:
            out.append("oy")  # Τολστόι: Tolstoy (-ой)
            i += 2
        elif two in _DI:
            out.append(_DI[two])
            i += 2
        elif ch == "φ" and prev in GREEK_VOWELS and (i + 1 == n or word[i + 1] in "σν"):
            out.append("v")  # -ов, -овский, -овна: Λαβρόφ Lavrov, Χοντορκόφσκι
            i += 1
        elif ch == "ι" and i + 1 == n and prev and prev not in GREEK_VOWELS:
            out.append("y")  # -ий, -ый: Γεβγκένι Yevgeny, Ζελένσκι Zelensky
            i += 1
        else:
            out.append(_ONE.get(ch, ch))
            i += 1
    latin = "".join(out)
    # After ч and щ Russian writes the ё of -ёв as е, and English -ev: Gorbachev, Khrushchev.
    return latin[:-2] + "ev" if latin.endswith("chov") else latin


def spelled_russian_way(spelling: str, word: str) -> bool:
    """Whether a Latin ``spelling`` of the normalised Greek ``word`` is written as English
    transliterates Russian: no letter or cluster of another convention (``Sergej``,
    ``Gorbačov``, ``Fjodor``), ``kh`` for a χ (``Mihail``), ``yo`` for a consonant and ιο
    (``Piotr``, the Polish spelling of Пётр)."""
    lower = spelling.casefold()
    if _NOT_ENGLISH.search(lower):
        return False
    if "χ" in word and "kh" not in lower:
        return False
    return not (re.search(r"[^αεηιοωυ]ιο", word) and "io" in lower)
