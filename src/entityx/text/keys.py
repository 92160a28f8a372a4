"""Script-independent phonetic keys: Greek and Latin spellings of one name meet here.

``phonetic("Λαβρόφ") == phonetic("Lavrov") == "lafrof"``. The key alphabet is a coarse Latin
one: v/f/ph merge, z/s merge, j/y/dzh/τζ/γι merge (``y``), kh/ch/χ/h merge (``h``), Greek
digraphs (μπ ντ γκ) and Latin clusters (mp nd ng) become b d g, double letters collapse.
The key is only for matching; :mod:`entityx.text.romanize` produces display names.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from typing import Any

from .greek import GREEK_VOWELS, STOPWORDS, has_greek, normalize
from .memo import word_cache
from .numerals import is_roman_numeral, written_numerals
from .titles import TITLE_KEYS

__all__ = [
    "Rule",
    "apply_rules",
    "compile_rule",
    "compound_letters",
    "finish_key",
    "greek_key",
    "latin_key",
    "name_key",
    "phonetic",
    "skeleton",
    "stem_key",
    "token_keys",
]

_GV = GREEK_VOWELS
_FRONT = ("ε", "ι", "η", "υ", "ϊ", "ει", "οι", "αι")

_G_TRI = {"ντζ": "ny", "γου": "", "νγκ": "g"}
_G_DI = {
    "γγ": "g", "γκ": "g", "γξ": "gs", "γχ": "gh", "μπ": "b", "ντ": "d", "τζ": "y",
    "τσ": "ts", "ου": "u", "αι": "e", "ει": "i", "οι": "i", "υι": "i", "αυ": "af",
    "ευ": "ef", "ηυ": "if", "σχ": "sk",
}  # fmt: skip
_G_ONE = {
    "α": "a", "β": "f", "γ": "g", "δ": "d", "ε": "e", "ζ": "s", "η": "i", "θ": "t", "ι": "i",
    "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "ks", "ο": "o", "π": "p", "ρ": "r", "σ": "s",
    "τ": "t", "υ": "i", "φ": "f", "χ": "h", "ψ": "ps", "ω": "o", "ϊ": "i", "ϋ": "i",
}  # fmt: skip


def greek_key(word: str) -> str:
    """Phonetic key of a normalised Greek word."""
    out: list[str] = []
    i, n = 0, len(word)
    while i < n:
        three, two = word[i : i + 3], word[i : i + 2]
        if three == "γου" and i + 3 < n and word[i + 3] in _GV:
            out.append("u")  # Γουονσάν, Γουάσινγκτον: γου + vowel transcribes w
            i += 3
        elif three in ("ντζ", "νγκ"):
            out.append(_G_TRI[three])
            i += 3
        elif two == "γι" and i + 2 < n and word[i + 2] in _GV:
            out.append("y")  # Γιονγκ: γι + vowel transcribes y/j
            i += 2
        elif two in _G_DI:
            out.append(_G_DI[two])
            i += 2
        elif word[i] == "γ" and word[i + 1 : i + 2] in _FRONT:
            out.append("y")  # γ before a front vowel sounds y (Γενς = Jens)
            i += 1
        else:
            out.append(_G_ONE.get(word[i], word[i]))
            i += 1
    return finish_key("".join(out))


# A rewrite rule: pattern, replacement, the letters it needs, and, for a pattern that is a
# plain alternation of letters, the one literal it needs or its alternatives (else ``None``).
Rule = tuple[
    re.Pattern[str],
    str | Callable[[re.Match[str]], str],
    frozenset[str],
    str | None,
    tuple[str, ...] | None,
]
_LITERAL = re.compile(r"[A-Za-z]+(?:\|[A-Za-z]+)*")
# A replacement of group references and plain letters only (``\1EI``).
_GROUP_TEMPLATE = re.compile(r"(?:\\[1-9]|[A-Za-z])*")
_TEMPLATE_PART = re.compile(r"\\([1-9])|([A-Za-z]+)")


def compile_rule(pattern: str, repl: str, needs: frozenset[str]) -> Rule:
    """A rule that :func:`apply_rules` skips cheaply on words it cannot change.

    ``needs`` is narrowed to the characters the pattern cannot match without (one
    consumed character of each alternative: ``c`` for ``c(?=[eiy])``) where that can be read
    off the pattern.
    """
    literals = tuple(pattern.split("|")) if _LITERAL.fullmatch(pattern) else None
    needs = required_characters(pattern) or needs
    compiled, replace = re.compile(pattern), _replacement(repl)
    if literals is not None and len(literals) == 1:
        return (compiled, replace, needs, literals[0], None)
    return (compiled, replace, needs, None, literals)


def _replacement(repl: str) -> str | Callable[[re.Match[str]], str]:
    """``repl``, or for a template with group references a function building the same text.

    ``re`` hands a template with a backslash to Python-level code on every ``sub`` call (and
    expands it per match there); a function of the match is one call per match instead.
    """
    if "\\" not in repl or not _GROUP_TEMPLATE.fullmatch(repl):
        return repl
    parts = tuple(
        (int(group), "") if group else (0, text) for group, text in _TEMPLATE_PART.findall(repl)
    )
    # An unmatched group is replaced by nothing, as in a template. The usual shapes (a group,
    # a group then letters) get their own function: this runs once per match.
    if len(parts) == 1 and parts[0][0]:
        group = parts[0][0]
        return lambda m: m.group(group) or ""
    if len(parts) == 2 and parts[0][0] and not parts[1][0]:
        group, tail = parts[0][0], parts[1][1]
        return lambda m: (m.group(group) or "") + tail
    return lambda m: "".join((m.group(g) or "") if g else text for g, text in parts)


def required_characters(pattern: str) -> frozenset[str] | None:
    """Characters one of which every match of ``pattern`` consumes; ``None`` when the
    pattern does not say (a negated class, a category, an optional start...)."""
    try:
        # The standard library's own pattern parser (private; hence the guard).
        sre = importlib.import_module("re._constants")
        parser = importlib.import_module("re._parser")
        found = _sequence_needs(list(parser.parse(pattern)), sre)
    except Exception:
        return None
    return frozenset(found) if found else None


def _sequence_needs(items: list[tuple[Any, Any]], sre: Any) -> set[str] | None:
    for op, av in items:
        need = _item_needs(op, av, sre)
        if need:
            return need
    return None


def _item_needs(op: Any, av: Any, sre: Any) -> set[str] | None:
    if op is sre.LITERAL:
        return {chr(av)}
    if op is sre.IN:
        chars = {chr(a) for o, a in av if o is sre.LITERAL}
        return chars if len(chars) == len(av) else None
    if op is sre.SUBPATTERN:
        return _sequence_needs(list(av[-1]), sre)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
        return _sequence_needs(list(av[2]), sre)
    if op is sre.BRANCH:
        branches = [_sequence_needs(list(b), sre) for b in av[1]]
        if all(branches):
            return set().union(*(b for b in branches if b))
    return None  # zero-width (assertions, anchors), optional, or not read here


def apply_rules(rules: tuple[Rule, ...], word: str) -> str:
    """Apply ``rules`` in order, each to the output of the one before."""
    chars = set(word)
    for pattern, repl, needs, literal, alternatives in rules:
        # Skip rules that cannot match (most of them, for any one word): a substring or a
        # letter-set test is far cheaper than running the pattern.
        if literal is not None:
            if literal not in word:
                continue
        elif needs.isdisjoint(chars):
            continue
        elif alternatives is not None:
            for alternative in alternatives:
                if alternative in word:
                    break
            else:
                continue
        new = pattern.sub(repl, word)
        if new != word:
            word, chars = new, set(new)
    return word


# Latin spelling conventions of the source languages, in application order.
_LATIN_RULES = tuple(
    compile_rule(p, r, frozenset(ch for ch in p if ch.isalpha()))
    for p, r in (
        (r"tsch", "ts"), (r"sch", "sk"),  # German tsch; Greek Σχ- names (Schinas)
        (r"zh", "s"), (r"dzh|dj|j", "y"), (r"tz(?=[aeiouy])", "y"),  # j/dzh/zh ~ τζ ~ γι
        (r"tch", "ts"), (r"sh|sz|ß", "s"),
        (r"ch(?=[aeiouy])", "ts"), (r"ch|kh", "h"),  # Charles/Τσαρλς, Christie/Κρίστι
        (r"q(?=i)", "ts"),  # pinyin Qingdao/Τσινγκτάο (r"gh", "g"),
        (r"aw", "o"), (r"au", "o"),  # Hawking/Χόκινγκ, Paul/Πολ
        (r"ph|v|w(?![aeiouy])", "f"), (r"w", "u"),  # -ov/-off/-ow; w + vowel ~ ου/γου
        (r"th", "t"), (r"ck|q|c(?![eiy])", "k"), (r"c", "s"),
        (r"^x(?=[aeiou])", "s"), (r"x", "ks"),  # pinyin Xi/Σι; Alexis/Αλέξης
        (r"ee", "i"), (r"oo|ou", "u"), (r"ae", "e"), (r"[ae]y(?![aeiou])", "ei"),
        (r"eu", "oi"),  # Reuters/Ρόιτερς
        (r"ie$", "i"), (r"(?<![^aeiou])y(?=[aeiou])", "Y"),
        (r"Yi(?=[aeou])", "Y"),  # yia/yio write για/γιο (Ayia Napa/Αγία Νάπα, Yiannis)
        (r"y", "i"), (r"Y", "y"),
        (r"z", "s"),
    )
)  # fmt: skip


def latin_key(word: str) -> str:
    """Phonetic key of a normalised Latin word."""
    return finish_key(apply_rules(_LATIN_RULES, word))


_COMMON = [
    (re.compile(p), r)
    for p, r in ((r"n(?=g)", ""), (r"mp|mb", "b"), (r"m(?=[bp])", ""), (r"n[dt]", "d"))
]
_DOUBLE = re.compile(r"(.)\1+")


def finish_key(s: str) -> str:
    """The clean-up every key ends with (shared with :mod:`entityx.text.readings`)."""
    s = _collapse(s)
    # Clusters that Greek writes with one digraph (mp/mb → μπ, nd/nt → ντ, ng → γκ); each
    # rule needs an m or an n.
    if "m" in s or "n" in s:
        for pat, rep in _COMMON:
            s = pat.sub(rep, s)
        s = _collapse(s)
    return s


def _collapse(s: str) -> str:
    # Searching first: most keys have no double letter, and sub() with a template costs
    # its expansion on every match.
    return _DOUBLE.sub(_first_letter, s) if _DOUBLE.search(s) is not None else s


def _first_letter(m: re.Match[str]) -> str:
    return m.group(1)


@word_cache(maxsize=300_000)
def phonetic(word: str) -> str:
    """Phonetic key of one normalised word in either script."""
    return greek_key(word) if has_greek(word) else latin_key(word)


_STEM_END = re.compile(r"(?<=...)[aeiou]+s?$")


@word_cache(maxsize=300_000)
def stem_key(key: str) -> str:
    """Drop the inflectional tail of a phonetic key (keeps ≥3 letters): kiriakos → kiriak.

    Greek case endings (-ος/-ου/-ο, -ης/-η, -ας/-α) and their Latin transcriptions end in a
    vowel, optionally with s; removing them makes every case of a name meet.
    """
    if len(key) <= 3:
        return key
    m = _STEM_END.search(key)
    return key[: m.start()] if m else key


_WEAK = re.compile(r"[aeiouh ]")


@word_cache(maxsize=300_000)
def skeleton(key: str) -> str:
    """Consonants without h: the vowel-free shape used for blocking (herve/ερβέ → rf)."""
    return _WEAK.sub("", key) or key


@word_cache(maxsize=300_000)
def token_keys(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(phonetic keys, stemmed keys) of the words of a name."""
    words = normalize(text).split()
    keys = tuple(phonetic(w) for w in words)
    if len(words) > 1 and any(map(is_roman_numeral, words[1:])):
        keys = _with_numerals(text, words, keys)
    if len(words) > 1 and words[0] in TITLE_KEYS:
        keys = (TITLE_KEYS[words[0]], *keys[1:])
    if len(words) > 2 and _ARABIC_ARTICLE_VARIANT in keys[1:-1]:
        keys = _with_arabic_article(keys)
    if len(words) > 1 and keys[0] == _ARABIC_ARTICLE_VARIANT and _HYPHENED_ARTICLE.match(text):
        keys = (_ARABIC_ARTICLE, *keys[1:])
    return keys, tuple(stem_key(k) for k in keys)


# The Arabic article inside a name is written al or el (Abdel Fattah al-Sisi, el-Sisi; Greek
# αλ, ελ) as one transcription or another has it: one key; a first el only when a hyphen joins
# it (el-Sisi, the name's short form), as Spanish writes El Salvador, El Greco apart.
_ARABIC_ARTICLE = "al"
_ARABIC_ARTICLE_VARIANT = "el"
_HYPHENED_ARTICLE = re.compile(r"\s*(?:el|ελ)[-‐‑]\w", re.IGNORECASE)
# ...and as written, in either script (compound_letters reads words, not keys).
_ARABIC_ARTICLES = frozenset([_ARABIC_ARTICLE, _ARABIC_ARTICLE_VARIANT, "αλ", "ελ"])


def _with_arabic_article(keys: tuple[str, ...]) -> tuple[str, ...]:
    last = len(keys) - 1
    return tuple(
        _ARABIC_ARTICLE if 0 < k < last and key == _ARABIC_ARTICLE_VARIANT else key
        for k, key in enumerate(keys)
    )


_AFTER_NUMERAL = frozenset(["of", "του", "τησ", "ο", "η"])
_WRITTEN_ROMAN = re.compile(r"(?<!\w)[IVX]{2,}(?!\w)")


def _with_numerals(text: str, words: list[str], keys: tuple[str, ...]) -> tuple[str, ...]:
    """A regnal numeral after a name, last or before ``of``, keys as itself (its sound would
    make II and III one word): one written in Roman capitals (Charles III) or in Greek
    letters with a keraia (Λέων ΙΔ΄, read as xiv); Ba Vì's vi is a word."""
    numerals = {w.lower() for w in _WRITTEN_ROMAN.findall(text)}
    converted = written_numerals(text)
    out = list(keys)
    for k in range(1, len(words)):
        last = k == len(words) - 1 or words[k + 1] in _AFTER_NUMERAL
        if last and is_roman_numeral(words[k]) and (words[k] in numerals or words[k] in converted):
            out[k] = words[k].upper()
    return tuple(out)


def name_key(text: str) -> str:
    """One string for a whole name: the stemmed phonetic keys joined by spaces."""
    return " ".join(token_keys(text)[1])


def block_keys(stems: tuple[str, ...], label: str) -> set[str]:
    """Keys under which a name is compared with others.

    Per word: the first four consonants, and the first two plus the last two (Barcelona and
    Μπαρτσελόνα differ in their third consonant only). Long keys keep blocks small, so the
    number of compared pairs grows about linearly with the number of names.
    """
    keys = set()
    for s in stems:
        sk = skeleton(s)
        keys.add(f"{label}|{sk[:4]}")
        if len(sk) > 4:
            keys.add(f"{label}|{sk[:2]}.{sk[-2:]}")
    return keys


def content_words(text: str) -> list[str]:
    """The normalised words of a name but its function words (those an acronym skips)."""
    return [w for w in normalize(text).split() if w not in STOPWORDS]


def acronym_letters(text: str) -> str:
    """Initials of the content words of a multi-word name (or '' for one word)."""
    words = content_words(text)
    if len(words) < 2:
        return ""
    return "".join(w[0] for w in words)


def compound_letters(text: str) -> str:
    """Initials of the content words of a multi-word name whose hyphenated compounds count
    as one word each (``Co-operation`` in OSCE), an Arabic article's by the word it leads
    (``al-Sham`` in HTS); '' where it has no compound."""
    if "-" not in text:
        return ""
    words = []
    for token in text.split():
        parts = [p for p in normalize(token).split() if p not in _ARABIC_ARTICLES]
        if parts and parts[0] not in STOPWORDS:
            words.append(parts[0])
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


# Capitals with single small letters between them: the small ones stand for the function
# words of the name (Bank of England: BoE; Alternative für Deutschland: AfD; ΣτΕ).
# Capitals, each small letter alone after one (BoE, AfD, ΣτΕ, CyBC), ending in a capital.
_MIXED_ACRONYM = re.compile(r"(?:[A-ZΑ-Ω][a-zα-ω]?)+(?<=[A-ZΑ-Ω])")


def mixed_case_acronym(surface: str) -> bool:
    """Whether ``surface`` is an acronym in capitals and small letters (``BoE``, ``AfD``,
    ``ΣτΕ``, ``PiS``, ``CyBC``): at least two capitals, each small letter alone between two."""
    return (
        3 <= len(surface) <= 7
        and not surface.isupper()
        and _MIXED_ACRONYM.fullmatch(surface) is not None
    )


def initials(text: str) -> str:
    """Initials of every word of a multi-word name, function words too (or '' for one
    word): what a mixed-case acronym spells (``Bank of England``: boe)."""
    words = normalize(text).split()
    return "".join(w[0] for w in words) if len(words) >= 2 else ""
