"""Translated organisation names met word by word, where the translation keys cannot meet them.

:func:`.translated.merge_translated` joins a Greek and a Latin name whose bags of English words
are equal, by hashing every combination of the Greek words' glosses. It misses a gloss whose
English word is the name's word with a longer ending, as the table's stems are cut by other
rules than :func:`.translate.english_stem` (``οργανισμός``: *organi*, and *Organization*:
*organiz*); and it joins a Latin name to the first Greek name of its key only, so a second
Greek form seen before the Latin name (``Ιδρύματος ...`` after ``Ίδρυμα ...``) stayed apart
unless its case forms met.

Here each Greek name is matched against the Latin names of as many content words: every
Greek word must take a different Latin word, one of its glosses being that word or a start of
it that the word extends by at most :data:`MAX_TAIL` letters (so *republ*, a gloss of
δημοκρατία, does not meet *Republican*); a name of more gloss combinations than the keys
allow is no more matched here. A Greek name that meets the names of two entities besides its
own joins neither; decisions are read off the entities as they were, so none depends on the
order.

A Greek name still without a Latin name may then meet one loosely
(:func:`words_translate_loosely`): all its words but one translated, and that one naming the
same kind of body (``Οργανισμός``: *Agency*, in ``Ευρωπαϊκός Οργανισμός Διαστήματος``), or a
word both languages borrowed that the table has no gloss for, or, in a name of four content
words or more, any word; or all its words translated, the Latin name adding the kind of
organisation (*Party*) or, first or last, the home country Greek leaves unsaid (*Hellenic*
Fire Service, Ministry of Tourism *of Greece*).

Organisations only: a place's name glossed word by word is read as the common nouns it is
made of (``Νίκαια``: victory, met *Victoria*; ``Πέτρα``: stone, met *Peterhof*), which a
one-word name cannot confirm; on the 4,700 places of tests/test_resolve_generalisation.py
that cost B-cubed precision 0.86 → 0.85, and the loose step on places of two words or more
cost a wrong merge on a held-out set (2026-12-03).
"""

from __future__ import annotations

from collections import defaultdict

from rapidfuzz import fuzz

from ..text.greek import is_acronym
from ..text.keys import phonetic, stem_key
from .genitive_nouns import is_adjective_of
from .matching import Name, UnionFind
from .translate import (
    content_words,
    english_name_words,
    english_stem,
    greek_glosses,
    greek_word_glosses,
)

__all__ = [
    "HOME_COUNTRY",
    "merge_home_synonyms",
    "merge_translated_words",
    "words_translate",
    "words_translate_loosely",
]

#: Letters a Latin word may have past a gloss that starts it (or a gloss past the word).
MAX_TAIL = 3
#: English endings longer than that which make a word of the same sense (brother,
#: brotherhood; reason, reasonable), a gloss choosing one where a name has the other.
DERIVATIONS = frozenset(["hood", "ship", "able", "ness"])
#: A start shorter than this must be the whole word.
MIN_START = 5
#: Content words a name needs before one pair of its words may meet loosely (below), and
#: before that pair may differ outright, the other words vouching for the translation.
LOOSE_MIN_WORDS = 2
FREE_MIN_WORDS = 4
#: Phonetic stems of at least COGNATE_MIN letters this similar (rapidfuzz ratio) are one word
#: both languages borrowed, where the word table has no gloss (Εμιράτα, Emirates).
COGNATE_RATIO = 80.0
COGNATE_MIN = 5
#: The kinds of body a name says an organisation is, in groups a translation moves within:
#: Greek's Οργανισμός names Agencies, Organisations and Authorities, Ίδρυμα Foundations and
#: Institutes. Councils, committees and commissions form no group (the European Council and
#: the European Commission are two bodies), nor do banks and funds.
_BODY_GROUPS = tuple(
    frozenset(english_stem(word) for word in group)
    for group in (
        ("agency", "organisation", "organization", "authority", "service", "office", "bureau"),
        ("institute", "institution", "foundation", "centre", "center"),
        ("union", "association", "federation", "confederation", "league", "society"),
    )
)
#: What an organisation is, which its name may say or leave out. (Not a body of the groups
#: above: an EU Agency is not the EU.)
_KINDS = frozenset(english_stem(word) for word in ("party", "group", "club", "company"))
#: The country English names a Greek or Cypriot body by and Greek leaves unsaid, writing at
#: home: Πυροσβεστική Υπηρεσία is the Hellenic Fire Service, Υπουργείο Τουρισμού the Ministry
#: of Tourism of Greece.
HOME_COUNTRY = frozenset(
    english_stem(word) for word in ("hellenic", "greek", "greece", "cyprus", "cypriot")
)
#: The adjectives English names Greece's bodies by, either of which: the Hellenic Navy is the
#: Greek Navy.
_HOME_ADJECTIVES = frozenset(["hellenic", "greek"])
#: (its one-word glosses, phonetic stem) of a Greek word; (English stem, phonetic stem) of a
#: Latin one.
Word = tuple[tuple[str, ...], str]
LatinWord = tuple[str, str]


def _index_key(word: str) -> str:
    return word[:MIN_START]


def _agree(gloss: str, word: str) -> bool:
    if gloss == word:
        return True
    short, long = sorted((gloss, word), key=len)
    if len(short) < MIN_START or not long.startswith(short):
        return False
    if is_adjective_of(long, short):
        return False  # a place's adjective: Council of Europe is not the European Council
    tail = long[len(short) :]
    return len(tail) <= MAX_TAIL or tail in DERIVATIONS


def words_translate(glosses: tuple[tuple[str, ...], ...], words: tuple[str, ...]) -> bool:
    """Whether each Greek word (its ``glosses``) takes a different Latin word it agrees with,
    every word taken (a perfect matching, by augmenting paths)."""
    if len(glosses) != len(words):
        return False
    taken: list[int] = [-1] * len(words)  # Latin word → Greek word

    def place(g: int, seen: set[int]) -> bool:
        for w, word in enumerate(words):
            if w in seen or not any(_agree(x, word) for x in glosses[g]):
                continue
            seen.add(w)
            if taken[w] < 0 or place(taken[w], seen):
                taken[w] = g
                return True
        return False

    return all(place(g, set()) for g in range(len(glosses)))


def merge_translated_words(names: list[Name], idxs: list[int], uf: UnionFind) -> None:
    """Join each Greek name of one label to the one entity of Latin names it translates,
    once the Latin names that translate Greece's adjective two ways are one
    (:func:`merge_home_synonyms`)."""
    if not idxs or names[idxs[0]].label != "ORG":
        return  # places: module doc
    merge_home_synonyms(names, idxs, uf)
    latin: dict[str, list[tuple[int, tuple[str, ...]]]] = defaultdict(list)
    for i in idxs:
        n = names[i]
        if n.greek or is_acronym(n.surface):
            continue
        words = english_name_words(n.surface)
        for key in dict.fromkeys(_index_key(w) for w in words):
            latin[key].append((i, words))
    if not latin:
        return
    joins = []
    for i in idxs:
        n = names[i]
        if not n.greek or is_acronym(n.surface):
            continue
        glosses = greek_glosses(n.surface)
        if not glosses:
            continue
        # The Latin names holding a word the first Greek word may be hold every match.
        cands = {j: w for x in glosses[0] for j, w in latin.get(_index_key(x), ())}
        roots = {uf.find(j) for j, w in cands.items() if words_translate(glosses, w)}
        roots.discard(uf.find(i))  # its own entity is no rival
        if len(roots) == 1:
            joins.append((i, roots.pop()))
    for i, root in joins:
        uf.union(i, root)
    _merge_loosely(names, idxs, uf, latin)


def words_translate_loosely(greek: tuple[Word, ...], latin: tuple[LatinWord, ...]) -> bool:
    """Whether all Greek words but one translate the Latin words (:func:`words_translate`)
    and that one meets the Latin word left over loosely: both name one kind of body, or both
    sound alike (a word both languages borrowed, that the table has no gloss for), or it may
    differ: in a name of :data:`FREE_MIN_WORDS` words or more, or of three where the table
    has no gloss for it (nothing says it means something else); or whether every Greek word
    translates a Latin word and the one Latin word left says what kind of organisation it is
    (:data:`_KINDS`) or that it is Greece's or Cyprus's (:data:`HOME_COUNTRY`)."""
    n = len(greek)
    if n < LOOSE_MIN_WORDS:
        return False
    if len(latin) == n + 1:
        # A name with its kind and without (Ελεύθεροι Δημοκράτες: Free Democratic Party).
        every = tuple(x[0] for x in greek)
        return any(
            # The home country leads or ends the name (Hellenic Fire Service, Ministry of
            # Tourism of Greece).
            (word[0] in _KINDS or (k in (0, n) and word[0] in HOME_COUNTRY))
            and words_translate(every, tuple(x[0] for x in latin if x != word))
            for k, word in enumerate(latin)
        )
    if n != len(latin):
        return False
    for g, (glosses, greek_key) in enumerate(greek):
        for w, (stem, latin_key) in enumerate(latin):
            if not _loose_pair(glosses, greek_key, stem, latin_key, n):
                continue
            rest = tuple(x[0] for k, x in enumerate(greek) if k != g)
            if words_translate(rest, tuple(x[0] for k, x in enumerate(latin) if k != w)):
                return True
    return False


def _loose_pair(
    glosses: tuple[str, ...], greek_key: str, stem: str, latin_key: str, n: int
) -> bool:
    if n >= FREE_MIN_WORDS or (n >= 3 and not glosses):
        return True
    body = _body(stem) if n >= 3 else None
    if body is not None and any(_body(x) == body for x in glosses):
        return True
    return (
        min(len(greek_key), len(latin_key)) >= COGNATE_MIN
        and fuzz.ratio(greek_key, latin_key) >= COGNATE_RATIO
    )


def _body(word: str) -> int | None:
    """Which group of :data:`_BODY_GROUPS` an English stem or gloss names, if any."""
    for k, group in enumerate(_BODY_GROUPS):
        if any(_agree(word, member) for member in group):
            return k
    return None


def _merge_loosely(
    names: list[Name],
    idxs: list[int],
    uf: UnionFind,
    latin: dict[str, list[tuple[int, tuple[str, ...]]]],
) -> None:
    """Join each Greek name still without a Latin name to the one entity of Latin names that
    it translates loosely (:func:`words_translate_loosely`)."""
    with_latin = {uf.find(i) for i in idxs if not names[i].greek}
    latin_words: dict[int, tuple[LatinWord, ...]] = {}  # read once, whichever names meet them
    joins = []
    for i in idxs:
        n = names[i]
        if not n.greek or is_acronym(n.surface) or uf.find(i) in with_latin:
            continue
        words_glossed = greek_word_glosses(n.surface)
        size = len(words_glossed)
        cands = {
            j
            for _, glosses in words_glossed
            for x in glosses
            for j, words in latin.get(_index_key(x), ())
            if size <= len(words) <= size + 1
        }
        if not cands:
            continue  # most names: no Latin name holds a word they may translate
        greek = tuple((glosses, stem_key(phonetic(word))) for word, glosses in words_glossed)
        for j in cands.difference(latin_words):
            latin_words[j] = _latin_words(names[j])
        roots = {uf.find(j) for j in cands if words_translate_loosely(greek, latin_words[j])}
        if len(roots) == 1:
            joins.append((i, roots.pop()))
    for i, root in joins:
        uf.union(i, root)


def _latin_words(name: Name) -> tuple[LatinWord, ...]:
    return tuple((english_stem(w), stem_key(phonetic(w))) for w in content_words(name.surface))


def merge_home_synonyms(names: list[Name], idxs: list[int], uf: UnionFind) -> None:
    """Latin names of organisations that differ only in calling Greece Hellenic or Greek
    (``Hellenic Navy``, ``Greek Navy``; ``Hellenic Fire Service``) are one entity, unless
    one spelling is shared by two entities already."""
    if not idxs or names[idxs[0]].label != "ORG":
        return
    by_key: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i in idxs:
        n = names[i]
        words = n.norm.split()
        if n.greek or len(words) < 2 or _HOME_ADJECTIVES.isdisjoint(words):
            continue
        by_key[tuple("greek" if w in _HOME_ADJECTIVES else w for w in words)].append(i)
    for members in by_key.values():
        spellings: dict[str, set[int]] = defaultdict(set)
        for i in members:
            spellings[names[i].norm].add(uf.find(i))
        if len(spellings) > 1 and all(len(roots) == 1 for roots in spellings.values()):
            for i in members[1:]:
                uf.union(members[0], i)
