"""Cleaning of the strings the knowledge-base sources ship (pure functions, no I/O).

Every source carries its own dirt: CLDR writes notes in brackets (``Μιανμάρ (Βιρμανία)``),
ISO 3166 inverts official names (``Iran, Islamic Republic of``), GeoNames alternate names carry
IPA, slashes and stray Latin homoglyphs (``΄Aκκρα``, ``Koνσεπσιόν``), rigour's name table has
mixed-script tokens (``gkίnhς``), and Wiktionary glosses hold placeholders (``ΧΧΧ``) and notes.
The build script passes every string through :func:`clean_name` (and the source-specific
helpers below) and keeps only what survives; ``tests/test_kb_build.py`` tests each case.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

__all__ = [
    "MIN_LETTERS",
    "clean_name",
    "clean_names",
    "dedupe_key",
    "gloss_names",
    "has_greek_letters",
    "is_inverted",
    "is_mixed_script",
    "parenthetical",
    "place_qualifier",
    "rigour_line",
    "strip_article",
    "title_case",
    "uninvert",
]

# A name needs at least this many letters or digits, one a letter (drops "A", "Ω", "12",
# initials and stray marks; keeps "G7").
MIN_LETTERS = 2
_GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_OTHER_SCRIPT = re.compile(r"[\u0400-\u052f\u0590-\u08ff\u0900-\u0dff\u0e00-\u0fff\u3040-\uffef]")
# IPA letters and marks that never occur in a name's spelling.
_IPA = re.compile(r"[ˈˌːˑəɐɑɒɔɛɜɪʊʌɣɟʝŋɲʎɾʃʒʔʰʲ]")
_BRACKETS = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")
_SPACES = re.compile(r"\s+")
# Greek tonos or a prime typed before a capital (΄Aκκρα, 'Aπια).
_LEADING_MARK = re.compile(r"^[\u0384\u02b9\u02bc'`´΄]+")
# Placeholder glosses Wiktionary extracts contain.
_PLACEHOLDERS = frozenset(["xxx", "χχχ", "ΧΧΧ", "XXX", "?", "-"])


def parenthetical(text: str) -> tuple[str, tuple[str, ...]]:
    """``"Μιανμάρ (Βιρμανία)"`` → ``("Μιανμάρ", ("Βιρμανία",))``: the name and its notes."""
    notes = tuple(m.group(0).strip(" ([])") for m in _BRACKETS.finditer(text))
    return _SPACES.sub(" ", _BRACKETS.sub("", text)).strip(), tuple(n for n in notes if n)


_INVERSION_ENDS = frozenset(["of", "the", "του", "της", "των"])


def is_inverted(text: str) -> bool:
    """ISO's ``Head, Tail of`` order (``Iran, Islamic Republic of``, ``Ιράν, Ισλαμική
    Δημοκρατία του``)."""
    _head, sep, tail = text.partition(",")
    return bool(sep and tail.split()) and tail.split()[-1].lower() in _INVERSION_ENDS


def uninvert(text: str) -> str:
    """ISO's inverted forms read naturally: ``Iran, Islamic Republic of`` → ``Islamic
    Republic of Iran``; ``Virgin Islands, British`` → ``British Virgin Islands``. A tail that
    is not a prefix (``Taiwan, Province of China``) is dropped, leaving the head; a list
    (``Bonaire, Sint Eustatius and Saba``) stays as it is."""
    if text.count(",") != 1:
        return text
    head, tail = (part.strip() for part in text.split(","))
    if not head or not tail:
        return head or tail
    if re.search(r"\s(?:and|και|&)\s", tail):
        return text
    if is_inverted(text):
        joined = f"{tail} {head}"
        return joined[4:] if joined.lower().startswith("the ") else joined
    if " " not in tail and tail[:1].isupper():
        return f"{tail} {head}"
    return head


def place_qualifier(text: str) -> str:
    """GeoNames qualifies some names by their region after a comma: ``Misato, Saitama`` →
    ``Misato``."""
    return text.split(",", 1)[0].strip() if "," in text else text


def has_greek_letters(text: str) -> bool:
    return _GREEK.search(text) is not None


# Greek articles and article-prepositions a source sometimes writes before a name
# (GeoNames: ``στην Πόλι``).
_ARTICLES = frozenset(
    [
        "ο",
        "η",
        "το",
        "οι",
        "τα",
        "του",
        "της",
        "των",
        "τον",
        "την",
        "στο",
        "στη",
        "στην",
        "στον",
        "στα",
        "στις",
        "στους",
    ]
)


def strip_article(text: str) -> str:
    """``"στην Πόλι"`` → ``"Πόλι"``; a name that is only an article is left as it is."""
    words = text.split()
    if len(words) > 1 and words[0].lower() in _ARTICLES:
        return " ".join(words[1:])
    return text


def is_mixed_script(word: str) -> bool:
    """A word written with Greek and Latin letters at once (``Koνσεπσιόν``, ``gkίnhς``)."""
    return _GREEK.search(word) is not None and _LATIN.search(word) is not None


def _letters(text: str) -> int:
    """Letters and digits, if there is a letter at all (``G7`` counts 2, ``12`` none)."""
    if not any(ch.isalpha() for ch in text):
        return 0
    return sum(1 for ch in text if ch.isalnum())


def clean_name(text: str) -> str | None:
    """One source string as a usable name, or ``None`` when nothing usable is left.

    NFC, collapsed spaces, brackets removed, a leading tonos/prime dropped; rejected: IPA,
    other scripts than Greek and Latin, mixed-script words, slashes (two names in one),
    unbalanced brackets, placeholders and names shorter than :data:`MIN_LETTERS` letters.
    """
    text = unicodedata.normalize("NFC", text)
    text, _notes = parenthetical(text)
    text = _LEADING_MARK.sub("", text).strip(" ,;:-\u200e\u200f")
    if text.endswith(".") and "." not in text[:-1]:
        text = text[:-1]  # a stray full stop; an abbreviation (Ο.Η.Ε., U.S.) keeps its last
    if not text or text in _PLACEHOLDERS or _letters(text) < MIN_LETTERS:
        return None
    if "/" in text or "|" in text or _IPA.search(text) or _OTHER_SCRIPT.search(text):
        return None
    if "(" in text or ")" in text or "[" in text or "]" in text:
        return None
    if any(is_mixed_script(word) for word in text.split()):
        return None
    return text


def clean_names(texts: Iterable[str], *, skip: Iterable[str] = ()) -> list[str]:
    """Cleaned names in first-seen order; duplicates (up to case, accents and spacing) and
    the names in ``skip`` (the entry's own name) are dropped."""
    seen = {dedupe_key(s) for s in skip}
    out = []
    for raw in texts:
        name = clean_name(raw) if raw else None
        if name is None:
            continue
        key = dedupe_key(name)
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out


def dedupe_key(text: str) -> str:
    """Case, accents, final sigma and spacing aside: two aliases with one key are one."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", bare.replace("ς", "σ")).strip()


# Wiktionary numbers a headword's senses after the gloss: "Achaea 2".
_SENSE_NUMBER = re.compile(r"\s+\d+\s*$")


def gloss_names(gloss: str) -> list[str]:
    """The English names in a Wiktionary gloss line: ``"Dniester, Tyras"`` → both; Greek
    notes, placeholders and lower-case definitions (``"the Netherlands region"``) are left."""
    out = []
    for part in re.split(r"[,;]", gloss):
        name = clean_name(_SENSE_NUMBER.sub("", part))
        if name is None or _GREEK.search(name) or not name[:1].isupper():
            continue
        out.append(name)
    return out


def rigour_line(line: str) -> tuple[str, list[str]] | None:
    """``"giorgos, γιώργος, гиоргос => Q19826474"`` → ``("Q19826474", forms)``."""
    forms, sep, qid = line.rstrip("\n").rpartition(" => ")
    if not sep or not qid.strip():
        return None
    return qid.strip(), [f.strip() for f in forms.split(", ") if f.strip()]


def title_case(word: str) -> str:
    """Capitalise a lower-case name form: ``jean-françois`` → ``Jean-François``,
    ``o'neill`` → ``O'Neill``; Greek final sigma stays ``ς``."""
    return re.sub(r"(^|[-'\s])(\w)", lambda m: m.group(1) + m.group(2).upper(), word)
