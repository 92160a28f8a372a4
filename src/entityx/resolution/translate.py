"""Names translated word for word: ``Τράπεζα της Ελλάδος`` is ``Bank of Greece``.

Greek news translates the names of institutions and regions rather than transcribing them
(``Ευρωπαϊκή Επιτροπή`` / ``European Commission``, ``Νότιο Αιγαίο`` / ``South Aegean``), so no
reading of their letters or sounds joins the two scripts. A *translation key* is the sorted
bag of a name's content words in English: a Latin name's own words, a Greek name's words
through the bundled word table (``entityx/data/name_words.json.gz``, built by
``scripts/build_name_words.py`` from Wiktionary's Greek-English glosses and from the words
the knowledge base's bilingual names share). Two names of one label with a common key are
one entity; every word must translate, and the bags must be equal, so ``Λευκή Ρωσία``
(white + russia) stays apart from ``Russia`` and ``Belarus``, and ``Νότιο Αιγαίο`` from
``North Aegean``.

The table is read once, on first use; without it (a bare checkout) no name has a key.
"""

from __future__ import annotations

import gzip
import json
import re
from functools import cache, lru_cache
from importlib import resources
from itertools import product

from ..text.greek import GREEK_VOWELS, greek_stem, has_greek, has_latin, is_acronym, normalize
from ..text.memo import memo, word_cache
from .derived_glosses import adjunct_glosses, derived_glosses
from .english_stems import english_stem
from .genitive_nouns import SINGULAR_GENITIVES, as_noun

__all__ = [
    "FUNCTION_WORDS",
    "TRANSLATED_LABELS",
    "content_words",
    "dictionary_nominative",
    "english_key_words",
    "english_name_words",
    "english_stem",
    "glossed_word",
    "greek_glosses",
    "greek_word_glosses",
    "greek_word_stem",
    "is_english_gloss",
    "learnt_glosses",
    "noun_key_tuple",
    "proper_glosses",
    "proper_headword",
    "proper_headwords",
    "proper_nominative",
    "proper_noun_form",
    "proper_spellings",
    "translation_key_tuple",
    "translation_keys",
]

_DATA = "name_words.json.gz"
_FORMAT = 3
# Labels whose names Greek translates; people's names are transcribed, never translated.
TRANSLATED_LABELS = frozenset(["ORG", "LOC"])
# Function words neither side's key holds (Greek articles and prepositions, English ones).
_GREEK_FUNCTION_WORDS = (
    "ο", "η", "το", "του", "της", "των", "τον", "την", "τη", "τις", "τους", "οι", "τα", "και",
    "για", "στο", "στη", "στην", "στον", "στους", "στις", "στα", "με", "από", "κατά", "σε",
    "χωρίς",
)  # fmt: skip
_LATIN_FUNCTION_WORDS = (
    "of", "the", "and", "for", "in", "on", "at", "to", "by", "from", "with", "without",
    "against", "de",
    "la", "le", "du", "des", "der", "die", "das", "von", "van",
)  # fmt: skip
FUNCTION_WORDS = frozenset(normalize(w) for w in _GREEK_FUNCTION_WORDS + _LATIN_FUNCTION_WORDS)
# Combinations of word translations tried per Greek name: a word with three glosses in a
# three-word name is 27 keys; past this many the name gets none (it would be a guess).
# 64 until the table learnt the senses names leave unexplained (οργανισμ: agency), which
# left the four content words of the OSCE's Greek name 144.
_MAX_KEYS = 128
# Endings of the short adjectives and nouns whose stem is two letters (νέος, νέα, νέο, νέοι).
_SHORT_ENDINGS = ("οσ", "ου", "α", "ασ", "ο", "η", "ησ", "οι", "εσ", "ων")
_NAME_CACHE = 100_000
# A compass point as a key holds it: one word whether a name says it as noun or adjective
# (Δυτική Όχθη, western, is the West Bank), two for the intermediate points (Southeast Asia,
# Νοτιοανατολική Ασία: south + eastern).
_POINTS = ("north", "south", "east", "west")
_COMPASS = {
    **{f"{p}ern": p for p in _POINTS},
    **{f"{a}{b}{e}": f"{a} {b}" for a in _POINTS[:2] for b in _POINTS[2:] for e in ("", "ern")},
}


def greek_word_stem(word: str) -> str:
    """The key a Greek word is looked up by: its normalised orthographic stem, so every
    case and gender form (εθνική, εθνικής, εθνικό) meets the dictionary's headword.

    Two declensions keep more than a vowel in their other cases, so they are cut further:
    neuters in -μα (σύστημα, συστήματα, ιδρύματος: συστημ-, ιδρυμ-) and short genitive
    plurals (εθνών with έθνος: εθν-).
    """
    norm = normalize(word)
    if norm.endswith("ων") and len(norm) > 4:
        norm = norm[:-2]
    stem = greek_stem(norm)
    if stem.endswith("ματ") and len(stem) > 4:
        stem = stem[:-2]
    elif len(stem) == 3 and norm.endswith(_SHORT_ENDINGS) and stem[-1] in GREEK_VOWELS:
        # A stem of two letters keeps the vowel of its ending in greek_stem (νέος: νεο, νέα:
        # νεα); cut, so that every gender meets the headword (νέος, νέα, νέο: νε).
        stem = stem[:2]
    return stem


def english_key_words(text: str) -> tuple[str, ...]:
    """The content words of an English name as a key holds them: folded, function words
    dropped, reduced to a rough stem (:func:`english_stem`: Nations meets nation, Political
    meets politic, Liberation meets liberating). (The word table is built with these.)"""
    return tuple(english_stem(word) for word in content_words(text, letters=True))


def english_name_words(text: str) -> tuple[str, ...]:
    """:func:`english_key_words` of a Latin name met in a text, less its single letters: the
    s of a possessive would make People's Liberation Army four words."""
    return tuple(english_stem(word) for word in content_words(text))


# English prefixes written with a hyphen or without (Co-operation, cooperation): one word.
_PREFIX_HYPHEN = re.compile(
    r"\b(co|re|non|anti|counter|inter|multi|pre|post)[-‐‑](?=[a-z])", re.IGNORECASE
)


def content_words(text: str, *, letters: bool = False) -> tuple[str, ...]:
    """The normalised words of a Latin name less its function words and non-words, and
    less single letters unless ``letters``."""
    return tuple(
        word
        for word in normalize(_PREFIX_HYPHEN.sub(r"\1", text)).replace("-", " ").split()
        if word not in FUNCTION_WORDS and word.isalpha() and (letters or len(word) > 1)
    )


@lru_cache(maxsize=_NAME_CACHE)
def translation_keys(name: str, label: str) -> frozenset[str]:
    """Translation keys of a name under ``label`` (empty where it has none)."""
    return _translation_keys(name, label)


@memo(maxsize=_NAME_CACHE)
def translation_key_tuple(name: str, label: str) -> tuple[str, ...]:
    """:func:`translation_keys` as a tuple, in the set's own order, for the resolver.

    A cached frozenset (and an lru_cache entry) is a container the cyclic garbage collector
    walks on every full pass, for as long as it is cached; a tuple of strings in a dict is
    not walked (see :mod:`entityx.text.memo`). On 100,000 names that was 90,000 objects.
    """
    return tuple(_translation_keys(name, label))


@memo(maxsize=_NAME_CACHE)
def noun_key_tuple(name: str, label: str) -> tuple[str, ...]:
    """The translation keys of a Greek name whose genitive nouns (after ``της``, ``του``) are
    read as nouns only (:mod:`.genitive_nouns`: της Ευρώπης, of Europe, not European); ``()``
    where that leaves its keys as they are. The resolver tries these first: English writes
    such a noun as an adjective too (Κόμμα της Κίνας: the Chinese Party), but where both
    readings name a body, the noun's is the one (Council of Europe, not European Council)."""
    if not has_greek(name) or not any(genitive for _, genitive in _greek_content(name)):
        return ()
    nouns = _translation_keys(name, label, nouns=True)
    return tuple(nouns) if nouns and nouns != frozenset(translation_key_tuple(name, label)) else ()


def _translation_keys(name: str, label: str, *, nouns: bool = False) -> frozenset[str]:
    if label not in TRANSLATED_LABELS or is_acronym(name):
        return frozenset()
    greek, latin = has_greek(name), has_latin(name)
    if greek == latin:  # mixed scripts, or neither: nothing to translate
        return frozenset()
    if latin:
        words = english_name_words(name)
        return frozenset([_key(label, words)]) if words else frozenset()
    content = _greek_content(name)
    stems = [greek_word_stem(word) for word, _ in content]
    options = [_stem_glosses(stem) for stem in stems]
    if nouns:
        options = [as_noun(o, genitive) for o, (_, genitive) in zip(options, content, strict=True)]
    if not options or not all(options):
        return frozenset()
    # A noun for an adjective (Defence for Αμυντικά) where the combinations allow it.
    table = _words()
    wider = [own + adjunct_glosses(stem, table) for stem, own in zip(stems, options, strict=True)]
    for choice in (wider, options):
        if _combinations(choice) <= _MAX_KEYS:
            return frozenset(_key(label, words) for words in product(*choice))
    return frozenset()


def _combinations(options: list[tuple[str, ...]]) -> int:
    combinations = 1
    for glosses in options:
        combinations *= len(glosses)
    return combinations


@word_cache(maxsize=_NAME_CACHE)  # (not lru_cache: see translation_key_tuple)
def greek_glosses(name: str) -> tuple[tuple[str, ...], ...] | None:
    """The one-word English glosses of each content word of a Greek name, in order (a noun
    after a genitive article as a noun: :mod:`.genitive_nouns`); ``None`` where a word has
    none, or where the name has more combinations than its translation keys may."""
    out = []
    table = _words()
    combinations = 1
    for word, genitive in _greek_content(name):
        glosses = as_noun(table.get(greek_word_stem(word), ()), genitive)
        combinations *= len(glosses)
        out.append(tuple(g for g in glosses if " " not in g))
    if not out or not all(out) or combinations > _MAX_KEYS:
        return None
    return tuple(out)


@memo(maxsize=_NAME_CACHE)
def greek_word_glosses(name: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(normalised word, its one-word glosses, ``()`` where the table has none) for each
    content word of a Greek name, in order; an adjective the table lacks has its noun's
    (:mod:`.derived_glosses`: Διδασκαλική, teacher, is no word without a meaning)."""
    return tuple(
        (
            word,
            tuple(g for g in as_noun(_stem_glosses(greek_word_stem(word)), gen) if " " not in g),
        )
        for word, gen in _greek_content(name)
    )


def _greek_content(name: str) -> list[tuple[str, bool]]:
    """(word, whether a singular genitive article stands before it) per content word."""
    out, genitive = [], False
    for word in normalize(name).split():
        if word in FUNCTION_WORDS:
            genitive = word in SINGULAR_GENITIVES
            continue
        out.append((word, genitive))
        genitive = False
    return out


def _stem_glosses(stem: str) -> tuple[str, ...]:
    table = _words()
    return table.get(stem) or derived_glosses(stem, table, stem_of=greek_word_stem)


def _key(label: str, words: tuple[str, ...]) -> str:
    # A gloss may be several words (cash desk): the key is the bag of all of them.
    bag = (_COMPASS.get(w, w) for gloss in words for w in gloss.split())
    return f"{label}~" + " ".join(sorted(" ".join(bag).split()))


def glossed_word(word: str) -> bool:
    """Whether the word table glosses the stem of the normalised Greek ``word`` (a Greek
    word, or a place the dictionary names), derived glosses aside."""
    return greek_word_stem(word) in _words()


def is_english_gloss(stem: str) -> bool:
    """Whether an English word's stem (:func:`english_stem`) glosses some Greek word."""
    return stem in _gloss_stems()


@cache
def _gloss_stems() -> frozenset[str]:
    return frozenset(w for glosses in _words().values() for g in glosses for w in g.split())


def proper_glosses(word: str) -> tuple[str, ...]:
    """The English glosses (as key words) that the dictionary gives the proper noun spelt
    ``word`` (normalised, whole: ``μοσχα``: moscow); ``()`` where it lists none. Unlike the
    stems' glosses, a common noun's never count (``περιστέρι``: pigeon), nor another proper
    noun's of the same stem (``Συρία``'s Syria is not ``Σύρος``'s)."""
    return _table()[1].get(word, ())


def proper_spellings(word: str) -> tuple[str, ...]:
    """The one-word English glosses of the proper noun spelt ``word`` (normalised, whole), as
    the dictionary writes them (``μυκηνεσ``: Mycenae); ``()`` where it lists none."""
    return _table()[5].get(word, ())


def proper_headwords(gloss: str) -> frozenset[str]:
    """The Greek proper nouns (normalised) whose glosses hold the English key word ``gloss``
    (``nigeria``: νιγηρια; ``niger``: νιγηρασ)."""
    return _headwords_of().get(gloss, frozenset())


@cache
def _headwords_of() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for word, glosses in _table()[1].items():
        for gloss in glosses:
            out.setdefault(gloss, set()).add(word)
    return {gloss: frozenset(words) for gloss, words in out.items()}


def learnt_glosses(word: str) -> tuple[str, ...]:
    """The English words that the knowledge base's bilingual names of at least three
    entities pair with the stem of the normalised Greek ``word`` (``κορεα``: korea, from
    North Korea, South Korea, Korea Strait); ``()`` where they pair none."""
    return _table()[2].get(greek_word_stem(word), ())


def dictionary_nominative(word: str) -> bool:
    """Whether the normalised Greek ``word`` is a noun the dictionary lists (so a nominative:
    ``αστερασ``, ``απολλων``, ``θεμα``, ``υπουργειο``; not ``τραπεζασ``, the genitive of
    ``τράπεζα``)."""
    return word in _table()[3]


def proper_noun_form(word: str) -> bool:
    """Whether the normalised Greek ``word`` is a form, in some case, of a proper noun
    Hunspell's Greek dictionary lists (``τηνοσ``, ``τηνου``, ``λονδινο``)."""
    return word in _table()[4]


def proper_headword(word: str) -> bool:
    """A proper noun the dictionary lists and glosses (Πάρος, Αλιάκμονας): what a place's
    masculine in -α or -ο is the accusative of (Πάρο), where a common noun of that ending
    names villages in their own form (Θέρμο, Σωτήρα: θερμός, σωτήρας)."""
    return dictionary_nominative(word) and bool(proper_glosses(word))


def proper_nominative(word: str) -> int:
    """A place's word the dictionary lists as a proper noun, or Hunspell as a proper noun's
    form (Βόλος, Λονδίνο, Τήνος): what a place in an oblique case is the nominative of; 0
    for none, more the more sources list it. Its common nouns name villages in a frozen
    genitive (Κοσκινού: κόσκινο, Κλήρου: κλήρος), which organisations' do not (Υπουργείου:
    Υπουργείο)."""
    listed, form = dictionary_nominative(word), proper_noun_form(word)
    if not ((listed and proper_glosses(word)) or form):
        return 0
    return 1 + listed + form


def _words() -> dict[str, tuple[str, ...]]:
    return _table()[0]


_Glosses = dict[str, tuple[str, ...]]


_Table = tuple[_Glosses, _Glosses, _Glosses, frozenset[str], frozenset[str], _Glosses]


@cache
def _table() -> _Table:
    ref = resources.files("entityx.data").joinpath(_DATA)
    try:
        data = json.loads(gzip.decompress(ref.read_bytes()))
    except FileNotFoundError:
        return {}, {}, {}, frozenset(), frozenset(), {}
    if data.get("format") != _FORMAT:
        return {}, {}, {}, frozenset(), frozenset(), {}
    words, proper, learnt, spellings = (
        {key: tuple(glosses) for key, glosses in data.get(part, {}).items()}
        for part in ("words", "proper", "learnt", "proper_spellings")
    )
    heads, forms = frozenset(data["nominatives"]), frozenset(data["proper_forms"])
    return words, proper, learnt, heads, forms, spellings


def load() -> None:
    """Read the word table now rather than at the first lookup."""
    _table()
    _gloss_stems()
    _headwords_of()
