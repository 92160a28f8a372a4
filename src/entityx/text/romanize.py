"""Romanisation of Greek: ELOT 743 for Greek names, a phonetic reading for foreign names.

Input is a *normalised* token (see :func:`entityx.text.greek.normalize`): lower case, no tonos,
with ``ϊ``/``ϋ`` marking vowels that do not form a digraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import product

from .greek import GREEK_VOWELS, has_greek, is_acronym, normalize
from .memo import memo, word_cache

__all__ = ["acronym_latin", "elot743", "looks_foreign", "romanize", "romanize_phonetic"]

_VOWELS = GREEK_VOWELS

# ELOT 743 / ISO 843 (type 2, transcription), the convention of Greek passports and signs.
_ELOT_DIGRAPHS = {
    "ου": "ou", "αι": "ai", "ει": "ei", "οι": "oi", "υι": "yi",
    "μπ": "b", "ντ": "nt", "γγ": "ng", "γκ": "gk", "γξ": "nx", "γχ": "nch", "τζ": "tz",
}  # fmt: skip
_ELOT_SINGLE = {
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th",
    "ι": "i", "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r",
    "σ": "s", "τ": "t", "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o", "ϊ": "i", "ϋ": "y",
}  # fmt: skip
_VOICELESS = set("θκξπστφχψ")


@word_cache(maxsize=100_000)
def elot743(word: str) -> str:
    """ELOT 743 romanisation of one normalised Greek word (lower case)."""
    out: list[str] = []
    i, n = 0, len(word)
    while i < n:
        two = word[i : i + 2]
        if two in ("αυ", "ευ", "ηυ"):
            nxt = word[i + 2] if i + 2 < n else ""
            out.append(_ELOT_SINGLE[two[0]] + ("f" if (not nxt or nxt in _VOICELESS) else "v"))
            i += 2
        elif two == "μπ":
            # Word-initial and word-final μπ is b, inside a word mp (ELOT 743).
            out.append("b" if i == 0 or i + 2 == n else "mp")
            i += 2
        elif two in _ELOT_DIGRAPHS:
            out.append(_ELOT_DIGRAPHS[two])
            i += 2
        else:
            ch = word[i]
            out.append(_ELOT_SINGLE.get(ch, ch))
            i += 1
    return "".join(out)


# Phonetic display reading of foreign names written in Greek: what an English reader expects.
_PHON_TRI = {"ντζ": "nj", "νγκ": "ng", "γκι": "gi"}
_PHON_DI = {
    "ου": "u", "αι": "e", "ει": "ei", "οι": "oi", "υι": "ui",
    "ντ": "d", "γγ": "ng", "γκ": "g", "τζ": "j", "τσ": "ts", "μπ": "b", "σχ": "sch",
}  # fmt: skip
_PHON_SINGLE = {**_ELOT_SINGLE, "υ": "i", "χ": "h", "ϋ": "i", "ξ": "x"}
_FRONT_VOWELS = frozenset("ειϊ")  # (η and υ: mostly a Greek ending, Βυρτεμβέργη)


@word_cache(maxsize=100_000)
def romanize_phonetic(word: str) -> str:
    """Phonetic romanisation of one normalised foreign word in Greek (Πούτιν → putin)."""
    out: list[str] = []
    i, n = 0, len(word)
    while i < n:
        three, two = word[i : i + 3], word[i : i + 2]
        if three in _PHON_TRI:
            out.append(_PHON_TRI[three])
            i += 3
        elif two == "γι" and i + 2 < n and word[i + 2] in _VOWELS:
            out.append("y")
            i += 2
        elif word[i] == "γ" and i + 1 < n and word[i + 1] in _FRONT_VOWELS:
            # γ before e and i sounds y (Γέλτσιν: Yeltsin, Σεράγεβο); Greek writes the g of
            # other languages there γκ (Γκέτε).
            out.append("y")
            i += 1
        elif word[i] == "χ" and i + 1 == n:
            out.append("ch")  # Μέρντοχ, Λεχ: a final χ is the ch of German and English
            i += 1
        elif two in ("οφ", "εφ") and i + 2 == n and n >= 4:
            out.append(two[0].translate(str.maketrans("οε", "oe")) + "v")  # Λαβρόφ, Ζάεφ
            i += 2
        elif two in ("αυ", "ευ"):
            out.append(two[0].translate(str.maketrans("αε", "ae")) + "v")
            i += 2
        elif two in _PHON_DI:
            out.append(_PHON_DI[two])
            i += 2
        else:
            ch = word[i]
            out.append(_PHON_SINGLE.get(ch, ch))
            i += 1
    return "".join(out)


_GREEK_NAME_END = re.compile(r"(οσ|ησ|ασ|εσ|ου|α|η|ο|ι|ω|υ|ων|ωσ|ισ)$")
# γι + vowel is as Greek as it is foreign (Γιάννης, Γεωργιάδης), so it is no evidence here.
# (-αϊκός, -οϊκός are Greek adjectives: Ευρωπαϊκή, Αθηναϊκή, Εβραϊκή.)
_FOREIGN_CLUSTER = re.compile(r"^(μπ|ντ|γκ|τζ)|νγκ|ϊ(?!κ)|ϋ|ουα|ουε|ουι|ουο")
# Spellings Greek words do not have, whatever their ending: a doubled vowel letter (Μάας,
# Χάαλ) and b/d/g written after l or r (Ρονάλντινιο, Τούνμπεργκ, Άλμπερτ). An ι after the ι
# of a digraph is Greek (-ποιία: Ζυθοποιία, Αρτοποιία; ευνοιία).
_FOREIGN_SPELLING = re.compile(r"αα|εε|οο|(?<![αεου])ιι|(?<=[λρ])(ντ|μπ|γκ)")


# (With the oblique forms of Greek surnames' own endings: Μπακογιάννη, Ντογιάκη, Γεωργιάδη.)
_GREEK_MARKED_END = re.compile(r"(οσ|ησ|ασ|ου|ισ|ακησ|οπουλοσ|ιδησ|ακη|ιδη|αδη|οπουλο|γιαννη)$")


_FINAL_I = re.compile(r"[^αεο]ι$")


def looks_foreign(words: Sequence[str], *, label: str | None = None) -> bool:
    """Guess whether a normalised Greek name is a foreign name written in Greek.

    Greek names end in a vowel or -ς; foreign names often end in another consonant
    (Πούτιν, Λαβρόφ) or start with a cluster that transcribes b/d/g/j (Μπάιντεν, Ντόναλντ).
    Greek names also start with those clusters (Τζιτζικώστας, Μπακογιάννης), so a word with
    a Greek case ending outweighs a cluster. A person's name is foreign, too, when a word
    ends in -ι (Greek writes a final i sound of other languages so: Μελόνι, Τόνι; its own
    person names end in -η) or when all its words end in -ο or -α (Αντόνιο Κόστα; a Greek
    name in the accusative shows a -η or -ου on one of them). Some spellings are foreign
    wherever they stand (a doubled vowel letter, ``λντ``).
    """
    return _looks_foreign(tuple(words), label)


@memo(maxsize=100_000)  # naming asks twice per name: of its forms, then of its nominative
def _looks_foreign(words: tuple[str, ...], label: str | None) -> bool:
    greek = [w for w in words if has_greek(w)]
    if any(not _GREEK_NAME_END.search(w) or _FOREIGN_SPELLING.search(w) for w in greek):
        return True
    if label == "PERSON" and greek:
        if any(_FINAL_I.search(w) for w in greek):
            return True
        if len(greek) > 1 and all(w.endswith(("ο", "α")) for w in greek):
            return True
    if any(_GREEK_MARKED_END.search(w) for w in greek):
        return False
    return any(_FOREIGN_CLUSTER.search(w) for w in greek)


def acronym_latin(word: str) -> str:
    """An acronym letter by letter, upper case (ΕΥΔΑΠ → EYDAP, ΟΗΕ → OIE, ΚΚΕ → KKE)."""
    return "".join(_ELOT_SINGLE.get(ch, ch) for ch in word).upper()


# Letters whose Latin form in an acronym English-language news writes either way: by ELOT
# 743 or by the look or sound of the letter (ΙΟΒΕ as IOBE, ΕΥΔΑΠ as EYDAP or EUDAP).
_ACRONYM_VARIANTS = {"β": ("v", "b"), "υ": ("y", "u"), "χ": ("ch", "h", "x")}
_MAX_ACRONYM_SPELLINGS = 12


@lru_cache(maxsize=100_000)
def acronym_spellings(word: str) -> tuple[str, ...]:
    """The Latin spellings of a Greek acronym, upper case, the ELOT 743 one first
    (``ΙΟΒΕ`` → ``IOVE``, ``IOBE``); ``()`` for a word that is not a Greek acronym."""
    norm = normalize(word).replace(" ", "")
    if not norm or not has_greek(norm) or not is_acronym(word):
        return ()
    options = [_ACRONYM_VARIANTS.get(ch, (_ELOT_SINGLE.get(ch, ch),)) for ch in norm]
    count = 1
    for option in options:
        count *= len(option)
    if count > _MAX_ACRONYM_SPELLINGS:
        return (acronym_latin(norm),)
    return tuple(dict.fromkeys("".join(p).upper() for p in product(*options)))


@lru_cache(maxsize=100_000)
def romanize(text: str) -> str:
    """Display romanisation of a Greek name: phonetic for foreign names, else ELOT 743.

    Latin tokens pass through unchanged; each word is capitalised.
    """
    words = normalize(text).split()
    foreign = looks_foreign(words)
    out = []
    for w in words:
        if not has_greek(w):
            out.append(w.capitalize())  # normalize() has lower-cased it
            continue
        rom = romanize_phonetic(w) if foreign else elot743(w)
        out.append(rom.capitalize())
    return " ".join(out)
