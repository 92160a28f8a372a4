"""Latin spellings read by the conventions of their language, as Greek transcribes them.

Greek writes foreign names by sound, so ``Michel Barnier`` is ``Μισέλ Μπαρνιέ`` (French ch,
silent -r), ``Giuseppe Conte`` is ``Τζουζέπε Κόντε`` (Italian gi), ``José Luis`` is ``Χοσέ
Λουίς`` (Spanish j) and ``Recep`` is ``Ρετζέπ`` (Turkish c). The generic key of
:func:`entityx.text.keys.latin_key` reads Latin letters the English way; here each language's
own reading gives one more key in the same alphabet as :func:`entityx.text.keys.greek_key`.

The language of a name is not known, so a name gets one reading per language whose rules
change it (a name of plain letters gets few), and matching takes the best. Rules write their
output in upper case so that later rules leave it alone; letters no rule touched go through
the generic tail. Letters with diacritics are read before they are folded away (``ç``,
``ş``, ``č``, ``ł``, ``ñ``, ``ü``...).
"""

from __future__ import annotations

import re
import unicodedata

from .conventions import CUE_NEEDS, CUE_RES, LANGUAGE_RULES, LANGUAGES, LETTER_TABLES, TAIL
from .greek import has_greek, normalize
from .keys import (
    apply_rules,
    finish_key,
    latin_key,
    stem_key,
    token_keys,
)
from .memo import memo, word_cache
from .romanize import acronym_latin

__all__ = [
    "LANGUAGES",
    "every_reading",
    "latin_readings",
    "own_readings",
    "reading_stems",
    "word_readings",
]


def _cued_languages(word: str) -> tuple[str, ...]:
    """The languages whose cues ``word`` (lower case, unfolded) shows, in LANGUAGES order."""
    chars = set(word)
    out = []
    for language in LANGUAGES:
        needs = CUE_NEEDS[language]
        if needs is not None and needs.isdisjoint(chars):
            continue  # cheaper than the search, which could not match
        if CUE_RES[language].search(word) is not None:
            out.append(language)
    return tuple(out)


def _fold(word: str) -> str:
    """Fold what the language did not read (é → e), keeping the upper-case rule output."""
    if word.isascii():
        return word
    return "".join(ch if ch.isascii() else normalize(ch) for ch in word)


@memo(maxsize=300_000)
def _read(word: str, language: str, generic: str) -> str:
    """Key of one lower-case (unfolded) Latin word as ``language`` spells it.

    A word that the language reads like any other (no rule of its own applies) keeps the
    generic key, so a name gets a new reading only where a convention changes it.
    """
    letters, rules = LANGUAGE_RULES[language]
    mapped = word.translate(LETTER_TABLES[language]) if letters else word
    folded = _fold(mapped)
    s = apply_rules(rules, folded)
    if s == folded and mapped == word:
        return generic
    return finish_key(apply_rules(TAIL, s).lower())


_SPLIT = re.compile(r"[^\w]+|_")


@memo(maxsize=300_000)
def _word_readings(word: str, generic: str) -> tuple[tuple[str, str], ...]:
    """(language, key) for each language whose cues the word shows and whose key differs,
    or that writes one of its letters (Denktaş, Turkish by its ş, keys as the generic
    reading does, and still says how to read Rauf)."""
    out = []
    for language in _cued_languages(word):
        key = _read(word, language, generic)
        if key != generic or (not word.isascii() and _own_letter(word, language)):
            out.append((language, key))
    return tuple(out)


def _own_letter(word: str, language: str) -> bool:
    return any(ch in LANGUAGE_RULES[language][0] for ch in word)


@word_cache(maxsize=300_000)
def latin_readings(text: str) -> tuple[tuple[str, ...], ...]:
    """Phonetic keys of the words of a Latin name, one tuple per distinct reading.

    The first is the generic reading; names with Greek letters have that one only (an
    acronym also its letter-by-letter reading). A reading reads every word of the name by
    one language, as a name is spelled in one language throughout: once with the words that
    show that language's cues read by it and the others kept generic, once with every word
    read by it.
    """
    generic, _ = token_keys(text)
    if has_greek(text) or not generic:
        if _spelled_acronym(text, generic):
            # ΕΥΔΑΠ is EYDAP letter by letter, whatever its letters would sound like.
            return (generic, (latin_key(acronym_latin(normalize(text.strip())).lower()),))
        return (generic,)
    norm = normalize(text).split()
    raw = [t for t in _SPLIT.split(unicodedata.normalize("NFC", text).casefold()) if t]
    raw = raw[len(raw) - len(norm) :] if len(raw) >= len(norm) else norm
    per_word = [dict(_word_readings(w, g)) for w, g in zip(raw, generic, strict=True)]
    languages = dict.fromkeys(lang for found in per_word for lang in found)
    out = {generic: None}
    joined = _joined_particles(norm, generic)
    if joined is not None:
        out[joined] = None
    for language in languages:
        # A name is spelled in one language throughout: a word without that language's cues
        # is read by its rules too (Ivica in Ivica Dačić), next to the cued words alone.
        cued = tuple(found.get(language, g) for found, g in zip(per_word, generic, strict=True))
        out.setdefault(cued, None)
        whole = tuple(
            found[language] if language in found else _read(w, language, g)
            for w, found, g in zip(raw, per_word, generic, strict=True)
        )
        out.setdefault(whole, None)
    return tuple(out)


def _spelled_acronym(text: str, generic: tuple[str, ...]) -> bool:
    acronym = text.strip()
    return len(generic) == 1 and acronym.isalpha() and acronym.isupper()


_PARTICLES = frozenset(["le", "la", "de", "di", "da", "du", "van", "von", "al", "el", "ben"])


def _joined_particles(norm: list[str], generic: tuple[str, ...]) -> tuple[str, ...] | None:
    """Greek often writes a surname particle as one word with the name (Le Pen → Λεπέν)."""
    if len(norm) < 2 or not any(w in _PARTICLES for w in norm[:-1]):
        return None
    out: list[str] = []
    carry = ""
    for word, key in zip(norm, generic, strict=True):
        if word in _PARTICLES and not carry:
            carry = key
            continue
        out.append(finish_key(carry + key))
        carry = ""
    if carry:
        out.append(carry)
    return tuple(out)


def word_readings(word: str) -> tuple[str, ...]:
    """Keys of one Latin word, generic first, by every language whose cues it shows."""
    norm = normalize(word)
    if " " in norm or not norm or has_greek(norm):
        return (latin_key(norm),) if norm and not has_greek(norm) else ()
    generic = latin_key(norm)
    raw = unicodedata.normalize("NFC", word).casefold().strip()
    found = _word_readings(raw, generic) if _SPLIT.search(raw) is None else ()
    return tuple(dict.fromkeys([generic, *(key for _, key in found)]))


def own_readings(word: str) -> tuple[str, ...]:
    """Keys of one Latin word as its own letters ask it to be read: by each language whose
    cues it shows (English Code is koud, not kode; Miller's ll is the Spanish cue, so Μίλερ
    would not name Miller on it); a word that shows none is read generically and as English
    speakers say it (Peter: peter, piter)."""
    one = _one_word(word)
    if one is None or isinstance(one, str):
        return () if one is None else (one,)
    generic, raw = one
    cued = [_read(raw, lang, generic) for lang in _cued_languages(raw)]
    return tuple(dict.fromkeys(cued or [generic, _read(raw, "en", generic)]))


def every_reading(word: str) -> tuple[str, ...]:
    """Keys of one Latin word by every language's conventions, whether it shows their cues
    or not, generic first.

    For indexing a list of known spellings (``Renard`` read the French way although nothing
    in it is French-only): there, how common a spelling is decides between readings, where
    for a name met in text the cues of :func:`word_readings` must.
    """
    one = _one_word(word)
    if one is None or isinstance(one, str):
        return () if one is None else (one,)
    generic, raw = one
    return tuple(dict.fromkeys([generic, *(_read(raw, lang, generic) for lang in LANGUAGES)]))


def _one_word(word: str) -> tuple[str, str] | str | None:
    """(generic key, lower-case unfolded form) of a one-word Latin name; only the generic key
    for a word of several parts (O'Neill); ``None`` for anything else."""
    norm = normalize(word)
    if " " in norm or not norm or has_greek(norm):
        return None
    generic = latin_key(norm)
    raw = unicodedata.normalize("NFC", word).casefold().strip()
    return generic if _SPLIT.search(raw) is not None else (generic, raw)


@word_cache(maxsize=300_000)
def reading_stems(text: str) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """(keys, stemmed keys) per reading of ``text`` (see :func:`latin_readings`)."""
    # The generic reading is token_keys' own pair (equal to what stemming its keys here would
    # build): an old tuple the collector has untracked already, so that a Greek name's readings
    # are an untracked tuple too. Fresh nested tuples survive young collections still tracked
    # and push the collector into extra full passes over every Name of a large context.
    generic = token_keys(text)
    if (has_greek(text) or not generic[0]) and not _spelled_acronym(text, generic[0]):
        return (generic,)  # what latin_readings gives, without a cache entry for it
    return (
        generic,
        *((keys, tuple(stem_key(k) for k in keys)) for keys in latin_readings(text)[1:]),
    )
