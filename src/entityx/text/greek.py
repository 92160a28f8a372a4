"""Normalisation of Greek and Latin names, and Greek inflection handling.

Everything here is a plain ``str -> str`` (or ``str -> tuple``) function, so the same processor
serves matching, knowledge-base lookup and search. No spaCy import.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from anyascii import anyascii

from .memo import word_cache
from .numerals import greek_numerals_as_roman

__all__ = [
    "GREEK_RANGES",
    "GREEK_VOWELS",
    "HONORIFICS",
    "STOPWORDS",
    "fold_homoglyphs",
    "greek_stem",
    "has_greek",
    "has_latin",
    "is_acronym",
    "is_greek_char",
    "name_tokens",
    "nominative_candidates",
    "normalize",
    "recombined",
]

_DIAERESIS = "\u0308"
_KERAIA = re.compile("[\u0374\u0384\u02b9'’]")
_SEPARATORS = re.compile(r"[^\w]+|_")
_ELIDED = re.compile(r"(?<!\w)(\w{1,3})['’ʼ](?=\w)")
# An apostrophe before a small letter is inside one word: a glottal stop or a vowel break
# (Sana'a, Ba'ath, Shi'ite) or a possessive that Greek transcribes with its s (McDonald's,
# Μακντόναλντς), written as often without it. Before a capital it ends an elided word, one of
# its own unless short (Sant'Egidio; D'Alema, below).
_INNER_APOSTROPHE = re.compile(r"(?<=\w)['’ʼ](?=\w)")
# Abbreviations that lead a place's name, written out (St. Petersburg is Saint Petersburg).
_LEADING_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount"}
_DOTTED_CAPITALS = re.compile(r"\s*(?:[^\W\d_]+\.)+[^\W\d_]*\s*$")
# Leading words that are not part of a name: articles (NER spans often include them) and
# honorifics. Matched on normalised tokens, so "κ." and "Κα" are "κ" and "κα".
_ARTICLES = frozenset(
    [
        "ο",
        "η",
        "το",
        "του",
        "της",
        "τον",
        "την",
        "των",
        "οι",
        "τα",
        "τις",
        "στο",
        "στη",
        "στην",
        "στον",
        "στου",
        "στης",
        "the",
    ]
)
HONORIFICS = frozenset(
    [
        "κ",
        "κα",
        "κος",
        "κυρια",
        "κυριος",
        "κυριου",
        "κυριε",
        "δρ",
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "sir",
        "prof",
        "καθ",
    ]
)
# Function words skipped when building acronyms from a multi-word name, normalised (final
# ς is σ), as the words they are compared with are. Not the feminine and plural articles in
# -ς: measured on the held-out sets, skipping them joined an acronym to another body's name
# (3 letters; the Εκκλησία της Ελλάδος would be the ΕΕ) and joined nothing right.
STOPWORDS = frozenset(
    [
        "και",
        "του",
        "των",
        "τον",
        "την",
        "το",
        "η",
        "ο",
        "οι",
        "τα",
        "για",
        "στο",
        "στη",
        "στην",
        "στον",
        "στου",
        "στα",
        "τη",
        "σε",
        "με",
        "απο",
        "κατα",
        "of",
        "the",
        "and",
        "for",
        "in",
        "on",
        "de",
        "la",
        "le",
        "les",
        "du",
        "des",
        "der",
        "die",
        "und",
        "von",
        "y",
        "el",
        "del",
    ]
)

# Greek capitals that look like Latin capitals (and their lower-case pairs).
_GREEK_TO_LATIN = str.maketrans("αβεζηικμνορτυχ", "abezhikmnoptyx")
_LATIN_TO_GREEK = str.maketrans("abezhikmnoptyx", "αβεζηικμνορτυχ")


# The Greek and Coptic block and Greek Extended (polytonic): the one definition of "Greek".
GREEK_RANGES = "\u0370-\u03ff\u1f00-\u1fff"
# Vowel letters of normalised Greek (lower case, no accents; diaeresis kept).
GREEK_VOWELS = "αεηιουωϊϋ"


def is_greek_char(ch: str) -> bool:
    return "\u0370" <= ch <= "\u03ff" or "\u1f00" <= ch <= "\u1fff"


_GREEK_RE = re.compile(f"[{GREEK_RANGES}]")
_LATIN_RE = re.compile(r"[A-Za-z]")
_ASCII_LOWER = re.compile(r"[a-z]")


def has_greek(s: str) -> bool:
    # isascii first: a C check that answers every Latin name without the regex search.
    return not s.isascii() and _GREEK_RE.search(s) is not None


def has_latin(s: str) -> bool:
    return _LATIN_RE.search(s) is not None


def is_acronym(surface: str) -> bool:
    """All capitals, one token, 2-8 letters (``ΝΑΤΟ``, ``KCNA``, ``ΣΥΡΙΖΑ``)."""
    s = surface.strip()
    if not s.isupper() or " " in s:
        return False  # a lower-case letter, or no cased letter at all (most names)
    letters = [ch for ch in s if ch.isalpha()]
    return 2 <= len(letters) <= 8 and " " not in s and all(ch.isupper() for ch in letters)


def fold_homoglyphs(token: str) -> str:
    """Rewrite a mixed-script lower-case token in its majority script.

    ``κcna`` (a Greek kappa typed inside a Latin acronym) becomes ``kcna``; ties go to Latin.
    Single-script tokens are returned unchanged, so ``νατο`` stays Greek (its phonetic key
    already equals that of ``nato``).
    """
    if token.isascii() or _ASCII_LOWER.search(token) is None:
        return token  # one script (nearly every token): the counts below would say so
    greek = sum(1 for ch in token if is_greek_char(ch))
    latin = sum(1 for ch in token if "a" <= ch <= "z")
    if not greek or not latin:
        return token
    if latin >= greek:
        folded = token.translate(_GREEK_TO_LATIN)
        return folded if not has_greek(folded) else token
    folded = token.translate(_LATIN_TO_GREEK)
    return folded if not has_latin(folded) else token


_DIGRAPH_SPLIT = re.compile(r"([άέόύΆΈΌΎ])([ιυΙΥ])")
_WITH_DIAERESIS = {"ι": "ϊ", "υ": "ϋ", "Ι": "Ϊ", "Υ": "Ϋ"}


def _split_digraph(m: re.Match[str]) -> str:
    first, second = m.group(1), m.group(2)
    if first in "όΌ" and second in "υΥ":
        return m.group(0)  # όυ is not a pair Greek writes for two vowels
    return first + _WITH_DIAERESIS[second]


class _FoldTable(dict[int, str]):
    """Per-character folding for ``str.translate``, computed on first use and then cached.

    Greek letters lose their accents but keep a diaeresis on ι/υ; other letters go through
    anyascii (ü→u, ø→o, ł→l); stray combining marks disappear.
    """

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if is_greek_char(ch):
            decomposed = unicodedata.normalize("NFD", ch)
            base = decomposed[0]
            keep = base in "ιυΙΥ" and _DIAERESIS in decomposed
            value = _WITH_DIAERESIS[base] if keep else base
        elif unicodedata.combining(ch):
            value = ""
        elif ch.isascii() or not ch.isalpha():
            value = ch
        else:
            value = anyascii(ch)
        self[code] = value
        return value


_FOLD = _FoldTable()


def _strip_marks(text: str) -> str:
    """Drop accents but keep the information that a Greek vowel pair is *not* a digraph.

    ``έι`` (accent on the first vowel) and ``εϊ`` both read as two vowels, so both become
    ``εϊ``; every other accent is dropped.
    """
    return _DIGRAPH_SPLIT.sub(_split_digraph, text).translate(_FOLD)


# One word of plain lower-case letters of one script (final sigma aside) is its own normal
# form: every step below leaves it as it is. The resolver looks words of normalised names up
# by themselves (name tables, word stems), each new one a miss of the cache below.
_NORMAL_WORD = re.compile(r"[a-z]+|[α-ρσ-ϋ]+")


@word_cache(maxsize=300_000, fixed_points=_NORMAL_WORD)
def normalize(text: str) -> str:
    """Canonical matching form of a name: lower case, no accents, one script per token.

    Final sigma becomes σ, hyphens/apostrophes/dots become spaces, leading articles and
    honorifics (``ο κ.``, ``Mr``) are removed. Idempotent: ``normalize(normalize(s)) ==
    normalize(s)``.
    """
    if _KERAIA.search(text):
        text = greek_numerals_as_roman(text)  # Κάρολος Γ΄ is Charles III: one word, iii
    if "." in text and _DOTTED_CAPITALS.match(text) and text.isupper():
        # Ο.Η.Ε., Η.Π.Α., ΕΛ.ΑΣ., U.S.: one abbreviation, not letters that read as articles
        # (ο, η) and get dropped.
        text = text.replace(".", "")
    if "'" in text or "’" in text or "ʼ" in text:
        text = _INNER_APOSTROPHE.sub(_inner_apostrophe, text)
    s = _strip_marks(unicodedata.normalize("NFKC", text)).casefold().replace("ς", "σ")
    if "ϊ" in s or "ϋ" in s:
        s = unicodedata.normalize("NFC", s)
    if "'" in s or "’" in s or "ʼ" in s:
        # O'Neill/Ο'Νιλ, D'Alema/Ντ'Αλέμα: an elided particle is one word with the name (not
        # a Greek article to drop, and the same one word in both scripts).
        s = _ELIDED.sub(r"\1", s)
    tokens = [fold_homoglyphs(t) for t in _SEPARATORS.split(s) if t]
    while len(tokens) > 1 and (tokens[0] in _ARTICLES or tokens[0] in HONORIFICS):
        tokens.pop(0)
    if len(tokens) > 1 and tokens[0] in _LEADING_ABBREVIATIONS:
        tokens[0] = _LEADING_ABBREVIATIONS[tokens[0]]
    return " ".join(tokens)


def _inner_apostrophe(m: re.Match[str]) -> str:
    return "" if m.string[m.end()].islower() else m.group(0)


def recombined(text: str, parts: Sequence[int | str]) -> str | None:
    """``normalize`` of the name made of ``parts`` (an int: that word of ``text``; a string:
    a word of plain letters), read off ``normalize(text)`` without normalising a new string;
    ``None`` where that cannot be done exactly (a word not of plain letters, or a leading
    article or honorific that the new name would drop: normalise the new name itself)."""
    words = text.split()
    if not all(w.isalpha() for w in words) or _KERAIA.search(text):
        return None
    tokens = normalize(text).split()
    if len(tokens) != len(words):
        return None  # an article or honorific went
    out = []
    for part in parts:
        if isinstance(part, int):
            if not 0 <= part < len(tokens):
                return None
            out.append(tokens[part])
        elif part.isalpha() and not _KERAIA.search(part):
            out.append(normalize(part))
        else:
            return None
    if len(out) > 1 and (out[0] in _ARTICLES or out[0] in HONORIFICS):
        return None
    return " ".join(out)


def name_tokens(text: str) -> tuple[str, ...]:
    return tuple(normalize(text).split())


@word_cache(maxsize=300_000)
def greek_stem(token: str) -> str:
    """Orthographic stem of a normalised Greek token (keeps at least 3 letters).

    Greek case endings are vowels with an optional -ς (and -ων in the genitive plural), so
    dropping them maps every case of a name onto one stem: Ρωσία/Ρωσίας, Κυριάκος/Κυριάκου,
    Μητσοτάκης/Μητσοτάκη, Τσίπρας/Τσίπρα.
    """
    if not has_greek(token):
        return token
    stem = token[:-2] if token.endswith("ων") and len(token) > 5 else token
    if stem.endswith("σ") and len(stem) > 3:
        stem = stem[:-1]
    # A vowel with a diaeresis is no case ending, nor what stands before it: Χανόι (χανοϊ)
    # is not a plural in -οι, so not Χάναου's stem χαν.
    while len(stem) > 3 and stem[-1] in GREEK_VOWELS and stem[-1] not in "ϊϋ":
        stem = stem[:-1]
    return stem


# Nominative guesses for a normalised Greek word in an oblique case (used for KB lookups).
# The neuters in -μα first: Κόμματος, Ιδρύματος, Κινήματος are Κόμμα, Ίδρυμα, Κίνημα.
_NOMINATIVE = (
    ("ματοσ", ("μα",)),
    ("ματων", ("μα", "ματα")),
    ("ματα", ("μα", "ματα")),
    ("ιασ", ("ια",)),
    ("ασ", ("α", "ασ")),
    ("ησ", ("η", "ησ")),
    ("ου", ("οσ", "ο", "ου", "ησ", "ασ")),
    ("ο", ("οσ", "ο")),
    ("η", ("ησ", "η")),
    ("α", ("ασ", "α")),
    ("εων", ("η", "οσ", "εισ")),
    ("ων", ("εσ", "α", "οι", "η")),
)


_SHORT_GENITIVES = frozenset(["ησ", "ασ"])


def nominative_candidates(word: str) -> tuple[str, ...]:
    """Possible nominative forms of a normalised Greek word, the word itself first."""
    for end, repl in _NOMINATIVE:
        # A stem of one letter only before a feminine genitive's -ς (Γης: Γη).
        shortest = 1 if end in _SHORT_GENITIVES else 2
        if word.endswith(end) and len(word) >= len(end) + shortest:
            base = word[: -len(end)]
            out = [word, *(base + r for r in repl)]
            return tuple(dict.fromkeys(out))
    return (word,)
