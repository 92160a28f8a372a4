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

from .greek import has_greek, normalize
from .keys import (
    Rule,
    apply_rules,
    compile_rule,
    finish_key,
    latin_key,
    required_characters,
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

_V = "aeiouy"


def _rules(*pairs: tuple[str, str]) -> tuple[Rule, ...]:
    return tuple(compile_rule(p, r, _letters(p)) for p, r in pairs)


def _letters(pattern: str) -> frozenset[str]:
    # A rule can only match a word holding one of its literal letters: skip it otherwise.
    return frozenset(ch for ch in pattern if ch.isalpha() and ch.islower())


# Per language: letters read before folding, then spelling rules on the folded word.
_LANGUAGE_RULES: dict[str, tuple[dict[str, str], tuple[Rule, ...]]] = {
    "fr": (
        {"ç": "S"},
        _rules(
            (r"eaux?$|aux?$|aults?$|auts?$", "O"), (r"eau|au", "O"), (r"ge(?=[aou])", "S"),
            (r"nt(?=[bcdfgjklmpqrsvwxz])", "N"), (r"o[iy]", "UA"), (r"ou", "U"),
            (r"(?<=i)er$|ez$|et$", "E"), (r"(?<=[^e])er$", "E"), (r"ai|ei|e?eu", "E"),
            (r"ent$", "AN"), (r"ain$|in$", "EN"), (r"(?<=[aeiou])ill", "Y"), (r"gn", "NI"),
            (r"ch", "S"), (r"qu", "K"), (r"gu(?=[eiy])", "G"), (r"g(?=[eiy])|j", "S"),
            (r"c(?=[eiy])", "S"), (r"h", ""), (r"(?<=[a-zA-Z])(es|e|s|t|d|x|z|p)$", ""),
            (r"^mb", "EMB"),
        ),
    ),
    "it": (
        {},
        _rules(
            (r"gli", "LI"), (r"gn", "NI"), (r"sc(?=[ei])", "S"), (r"ch", "K"), (r"gh", "G"),
            (r"^gi(?=[aou])|(?<=g)gi(?=[aou])", "Y"), (r"g(?=[ei])", "Y"),
            (r"c(?=[ei])", "TS"), (r"z", "TS"), (r"qu", "KU"), (r"h", ""), (r"j", "Y"),
        ),
    ),
    "es": (
        {"ñ": "NI", "ú": "U", "í": "I"},
        _rules(
            (r"ll", "Y"), (r"ch", "TS"), (r"qu", "K"), (r"gu(?=[ei])", "G"),
            (r"g(?=[ei])|j", "H"), (r"h", ""), (r"c(?=[ei])", "S"), (r"z", "S"),
        ),
    ),
    # Greek also writes Spanish z and soft c as θ (Θαπατέρο, Γκονθάλεθ).
    "es-theta": (
        {"ñ": "NI", "ú": "U", "í": "I"},
        _rules(
            (r"ll", "Y"), (r"ch", "TS"), (r"qu", "K"), (r"gu(?=[ei])", "G"),
            (r"g(?=[ei])|j", "H"), (r"h", ""), (r"c(?=[ei])|z", "T"),
        ),
    ),
    "ca": (
        {"ç": "S", "ú": "U", "í": "I"},
        _rules(
            (r"ny", "NI"), (r"tx|^x", "TS"), (r"ix", "S"), (r"ig$", "TS"), (r"x", "S"),
            (r"qu(?=[ei])", "K"), (r"gu(?=[ei])", "G"), (r"g(?=[ei])|j", "Y"), (r"h", ""),
            (r"c(?=[ei])", "S"),
        ),
    ),
    "pt": (
        {"ç": "S", "ú": "U", "í": "I"},
        _rules(
            (r"lh", "LI"), (r"nh", "NI"), (r"ch|x", "S"), (r"qu(?=[ei])", "K"),
            (r"gu(?=[ei])", "G"), (r"g(?=[ei])|j", "S"), (r"h", ""), (r"ou", "O"),
            (r"c(?=[ei])", "S"),
        ),
    ),
    # Greek also writes Portuguese final unstressed o as ου (Σαραμάγκου), not always (Φίγκο).
    "pt-u": (
        {"ç": "S", "ú": "U", "í": "I"},
        _rules(
            (r"lh", "LI"), (r"nh", "NI"), (r"ch|x", "S"), (r"qu(?=[ei])", "K"),
            (r"gu(?=[ei])", "G"), (r"g(?=[ei])|j", "S"), (r"h", ""), (r"ou", "O"),
            (r"c(?=[ei])", "S"), (r"o$", "U"),
        ),
    ),
    "de": (
        {"ä": "E", "ö": "E", "ü": "I", "ß": "S"},
        _rules(
            (r"tsch", "TS"), (r"sch", "S"), (r"chs", "KS"), (r"ch", "H"), (r"ck", "K"),
            (r"t?z", "TS"), (r"[ae][iy]", "AI"), (r"eu|äu", "OI"), (r"ie", "I"), (r"j", "Y"),
            (r"qu", "KF"), (r"(?<=[aeiouAEIOU])h", ""),
        ),
    ),
    "nl": (
        {},
        _rules(
            (r"oe", "U"), (r"uy", "OI"), (r"ij|ui|ei|ey", "AI"), (r"aa", "A"), (r"oo", "O"),
            (r"ee", "E"), (r"uu", "U"), (r"sch", "SK"), (r"ch|g", "H"), (r"j", "Y"),
            (r"dt$", "T"),
        ),
    ),
    "pl": (
        {"ł": "L", "ż": "S", "ź": "S", "ś": "S", "ć": "TS", "ń": "NI", "ó": "U", "ą": "O"},
        _rules(
            (r"szcz", "STS"), (r"sz", "S"), (r"cz", "TS"), (r"rz", "S"), (r"ch", "H"),
            (r"dz", "DS"), (r"c", "TS"), (r"j", "Y"), (r"w", "F"),
        ),
    ),
    "ro": (
        {"ă": "E", "â": "I", "î": "I", "ș": "S", "ş": "S", "ț": "TS", "ţ": "TS"},
        _rules(
            (r"ch(?=[ei])", "K"), (r"gh(?=[ei])", "G"), (r"c(?=[ei])", "TS"), (r"g(?=[ei])", "Y"),
            (r"j", "S"),
        ),
    ),
    "cs": (
        {"č": "TS", "š": "S", "ž": "S", "ř": "RS", "ě": "IE", "ů": "U", "ý": "I"},
        _rules((r"ch", "H"), (r"c", "TS"), (r"j", "Y")),
    ),
    "hr": (
        {"č": "TS", "ć": "TS", "š": "S", "ž": "S", "đ": "Y"},
        _rules(
            (r"d[zž]|dj", "Y"), (r"lj", "LI"), (r"nj", "NI"), (r"ch", "TS"), (r"c", "TS"),
            (r"j", "Y"),
        ),
    ),
    "hu": (
        {"ő": "E", "ö": "E", "ű": "I", "ü": "I"},
        _rules(
            (r"sz", "S"), (r"cs", "TS"), (r"zs", "S"), (r"gy", "Y"), (r"ny", "NI"),
            (r"ly", "Y"), (r"ty", "TI"), (r"c", "TS"), (r"j", "Y"),
        ),
    ),
    "tr": (
        {"ç": "TS", "ş": "S", "ğ": "G", "ı": "I", "ü": "IU", "ö": "IO"},
        _rules((r"c", "Y"), (r"j", "S"), (r"y(?=[aeiou])", "Y")),
    ),
    "sv": (
        {"å": "O", "ø": "E", "æ": "E"},
        _rules(
            (r"s[kt]?j|sk(?=[eiy])", "S"), (r"[kt]j", "H"), (r"[hg]j|j", "Y"),
            (r"g(?=[iy])", "Y"), (r"aa", "O"),
        ),
    ),
    # Greek names in Latin script: ELOT 743 and the older press conventions (Giannis, Yannis).
    "el": (
        {},
        _rules(
            (r"ai", "E"), (r"ei|oi|yi", "I"), (r"ou", "U"), (r"th|dh", "T"), (r"ch|kh|h", "H"),
            (r"gk|gg|ng(?=[aeiouy])", "G"), (r"mp", "B"), (r"nt", "D"), (r"tz", "Y"),
            (r"gi(?=[aeiou])", "Y"), (r"a[uv](?=[θκξπστφχψtkxpsf])|af", "AF"),
            (r"e[uv](?=[tkxpsf])|ef", "EF"), (r"y", "I"),
            (r"c", "K"),  # the Latin spelling of Greek names: Macedonia, Cyclades
        ),
    ),
    # English as English speakers say it: the vowels Greek transcribes by ear.
    "en": (
        {},
        _rules(
            (r"^([^aeiouy]*)a(?=[bcdfgklmnprstvz][aeiouy])", r"\1EI"),  # David, Gabriel
            (r"^([^aeiouy]*)e(?=(?:ph|th|[bcdfgklmnprstvz])[aeiouy])", r"\1I"),  # Peter, Steven
            (r"igh", "AI"), (r"ea|ee", "I"), (r"oo", "U"), (r"a[iy]", "EI"),
            (r"a(?=[bcdfgklmnprstvz]es?$)", "EI"), (r"i(?=[bcdfgklmnprstvz]es?$)", "AI"),
            (r"o(?=[bcdfgklmnprstvz]es?$)", "OU"), (r"(?<=[^aeiou])y(?=[aeiou])", "AI"),
            (r"u(?!r)(?=[bcdfgklmnprstvz]{2})", "A"), (r"[eiu]r(?![aeiouy])", "ER"),
            (r"ow$", "OU"), (r"^wh|w(?=[aeiou])", "U"), (r"sh", "S"), (r"ch(?=[rl])", "K"),
            (r"(?<=[aeiou])h(?![aeiouy])", ""),  # a silent h after a vowel: John, Sarah
            (r"och$", "OH"), (r"geo(?=r)", "YO"),
            (r"t?ch", "TS"), (r"ie$", "I"),
            # A g or c before a vowel an earlier rule wrote as I or AI (Genova: gInova) is
            # soft too; before EI (from a: Gabriel) it stays hard.
            (r"g(?=[eiy]|I|AI)|j", "Y"), (r"c(?=[eiy]|I|AI)", "S"),
            (r"(?<=[^aeiouAEIOU])e(s?)$", r"\1"),
        ),
    ),
}  # fmt: skip
LANGUAGES = tuple(_LANGUAGE_RULES)
_LETTER_TABLES = {lang: str.maketrans(letters) for lang, (letters, _) in _LANGUAGE_RULES.items()}

# What a spelling must show before it is read by a language's conventions: its letters with
# diacritics, or clusters its orthography has and English does not. Without the gate every
# short name would get some reading close to some Greek word (Linz read as French ~ Λιν).
_CUES = {
    "fr": r"[éèêëçàâôûœï]|eau|eu|oi|ou[^s]|ier\b|eux?\b|ault|^mb|gn|(?<!c)h[eé]l\b|ques?\b"
    r"|^ch|^j[aeo]",
    "it": r"gli|gn|zz|c[ei]|gi[aou]|ci[aou]|sc[ei]|ch[ei]|gh[ei]|[òùì]|(tt|pp|ll|nn)[aeio]\b",
    "es": r"ñ|ll|[áéíóú]|ez\b|gu[ei]|^j|\bj|z[aou]|rr",
    "es-theta": r"ñ|[áéíóú]|ez\b|z[aeiou]|c[ei]",
    "ca": r"tx|ny|ix|ig\b|ç|^x|\bx|[àèéíòóú]",
    "pt": r"lh|nh|ão|õ|ç|ã|[áâéêíóôú]|eira\b",
    "pt-u": r"lh|nh|ão|õ|ç|ã|[áâéêíóôú]|eira\b",
    "de": r"sch|tz|[äöüß]|ei|[ae]y|eu|äu|ie|ck|w|z|berg\b|mann\b",
    "nl": r"ij|oe|aa|uu|ee|sch|dt\b|\bvan\b",
    "pl": r"sz|cz|rz|[łżśćńąęó]|ski\b|wicz|w",
    "ro": r"[ăâîșşțţ]|escu\b|eanu\b",
    "cs": r"[čšžřěůý]",
    "hr": r"[čćšžđ]|dj|i[cć]\b|lj|nj",
    "hu": r"sz|cs|zs|gy|ny|ly|[őűáé]",
    "tr": r"[çşğıöü]|c[ei]",
    "sv": r"[åøæ]|aa|sj|kj|hj|gj|sson\b|sen\b",
    "el": r"ou|ai|oi|ei|ch|th|gk|mp|nt|tz|ts|y[^aeiou]|(os|is|as|ou|ak[io]s|poulos)\b|c[eiy]",
    "en": r"^[^aeiouy]*a[bcdfgklmnprstvz][aeiouy]|ee|ea|igh|oo|ay|[^aeiou]y|wh|sh|ch|j"
    r"|g[eiy]|c[eiy]|u[^aeiou]{2}|[aio][^aeiou]es?\b",
}
# A one-word name has no other word to confirm a reading; the resolver asks a convention's
# reading of one to be the Greek word's key exactly, unstemmed
# (:data:`entityx.resolution.matching.ONE_WORD_CONVENTION`), so the same cues serve it.
# (Until 2026-12, one-word names were read only on cues a language alone has; that kept
# Zapatero from Θαπατέρο and Toulouse from Τουλούζ, and measured on the bundled knowledge
# base's 6,184 names with both scripts, resolved without it in contexts of 300 entries, it
# joined 4,713 across scripts where the common cues join 4,987, with no new wrong merge.)
_CUE_RES = {lang: re.compile(cue) for lang, cue in _CUES.items()}
# Per language, characters one of which a word must hold to show its cues (None: any word may).
_CUE_NEEDS = {lang: required_characters(cue) for lang, cue in _CUES.items()}


def _cued_languages(word: str) -> tuple[str, ...]:
    """The languages whose cues ``word`` (lower case, unfolded) shows, in LANGUAGES order."""
    chars = set(word)
    out = []
    for language in LANGUAGES:
        needs = _CUE_NEEDS[language]
        if needs is not None and needs.isdisjoint(chars):
            continue  # cheaper than the search, which could not match
        if _CUE_RES[language].search(word) is not None:
            out.append(language)
    return tuple(out)


# The generic tail: what no language rule claimed, read the common way.
_TAIL = _rules(
    (r"sh", "s"), (r"ch|kh", "h"), (r"j", "y"), (r"ph", "f"), (r"th", "t"),
    (r"ck|qu|q", "k"), (r"c", "k"), (r"x", "ks"),
    (r"[vw]", "f"), (r"(?<![^aeiouAEIOU])y(?=[aeiou])", "Y"), (r"y", "i"), (r"z", "s"),
    (r"ou|oo", "u"), (r"ee", "i"), (r"ae", "e"), (r"ß", "s"),
)  # fmt: skip


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
    letters, rules = _LANGUAGE_RULES[language]
    mapped = word.translate(_LETTER_TABLES[language]) if letters else word
    folded = _fold(mapped)
    s = apply_rules(rules, folded)
    if s == folded and mapped == word:
        return generic
    return finish_key(apply_rules(_TAIL, s).lower())


_SPLIT = re.compile(r"[^\w]+|_")


@memo(maxsize=300_000)
def _word_readings(word: str, generic: str) -> tuple[tuple[str, str], ...]:
    """(language, key) for each language whose cues the word shows and whose key differs."""
    out = []
    for language in _cued_languages(word):
        key = _read(word, language, generic)
        if key != generic:
            out.append((language, key))
    return tuple(out)


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
        acronym = text.strip()
        if len(generic) == 1 and acronym.isalpha() and acronym.isupper():
            # ΕΥΔΑΠ is EYDAP letter by letter, whatever its letters would sound like.
            return (generic, (latin_key(acronym_latin(normalize(acronym)).lower()),))
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
    return tuple((keys, tuple(stem_key(k) for k in keys)) for keys in latin_readings(text))
