"""The English name of a place that Greek calls by a word of its own.

Greek names many places abroad, and some of its own, by a Greek word rather than a
transcription: ``Μόσχα``, ``Βιέννη``, ``Κοπεγχάγη``, ``Μαυροβούνιο``, ``Πειραιάς``. Their ELOT
743 forms (Moscha, Vienni, Kopenchagi, Mavrovounio) are what no English reader searches for:
Moscow, Vienna, Copenhagen, Montenegro, Piraeus. The word table of
:mod:`entityx.resolution.translate` holds Wiktionary's glosses of its proper nouns, by
headword (as stems: ``moscow``, ``vienna``, ``copenhagen``), and the words the knowledge
base's bilingual names taught for a stem (``κορε``: korea); never a common noun's gloss, for
Greek names many towns after one (Περιστέρι, a pigeon; Κυψέλη, a beehive; Ελάτη, a fir). A
gloss names the place when the Latin name lexicon (:mod:`entityx.resolution.latin_names`,
whose international words hold the names every language's news writes) has a word of that
stem, its most common one giving the spelling. A stem is shared by several words of the
lexicon (brussel, brussels), so of the words the glosses name, the one whose
letters are closest to the Greek word's ELOT 743 form wins, the more common one among
equals (most Greek exonyms echo the name: Βιέννη, Vienna); an adjective of the stem
(Icelandic, Ukrainian) only where nothing else is named. A gloss that is the Greek word's own
ELOT form cut short (``Χίος``: the stem chio) is that form, not a translation: the word keeps
its ELOT form. Where the dictionary writes a proper noun's one-word English gloss out
(``Μυκήνες``: Mycenae, ``Σηκουάνας``: Seine), that spelling names it, unless it is an old
romanisation close to the name's ELOT form (``Δασοχώρι``: Dassochori; Athena for ``Αθήνα``,
whose Athens then wins).

:func:`english_adjective` translates the adjective of a place or body (``Αδριατική``:
Adriatic, ``Μαύρη``: Black, ``Εθνική``: National) for :mod:`entityx.resolution.name_kinds`.

Only one-word places are named so: a name of several words is a phrase whose words Greek
translates with their own order and cases (``Ανατολική Μακεδονία``: Anatoliki Makedonia;
:mod:`entityx.resolution.name_kinds` translates those that say what the place is),
except a foreign club's or firm's city, where another of its words is a name the lexicon
spells (``Ρεάλ Μαδρίτης``: Real Madrid, ``Μπάγερν Μονάχου``: Bayern Munich), and north or
south of such a place (``Βόρεια Κορέα``: North Korea).

The same module says when a one-word firm or place is a foreign name despite a vowel
ending that looks Greek (``Τογιότα``, ``Φεράρι``, ``Βαλένθια``): the lexicon spells it by
its sound, and it has no Greek case ending (``Κοζάνη``, ``Ολυμπιακού``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from functools import cache, lru_cache

from rapidfuzz import fuzz

from ..text.greek import has_greek, nominative_candidates, normalize
from ..text.romanize import elot743, looks_foreign
from .latin_names import name_popularity, popularity_words
from .translate import (
    dictionary_nominative,
    english_stem,
    greek_glosses,
    learnt_glosses,
    proper_glosses,
    proper_spellings,
)

__all__ = [
    "GREEK_CASE_ENDINGS",
    "compass_place",
    "english_adjective",
    "english_place",
    "english_place_name",
    "load",
    "names_places_within",
    "spelt_by_sound",
]

Reader = Callable[[str, str], str | None]  # (normalised Greek word, label) -> Latin

# A final -η or -ης is Greek (Greek writes another language's final i as -ι: Μελόνι, Γιάνις),
# whatever spelling the name table ranks first for the word (Ζωή: Zoe, Γιάνης: Yanis); so is
# -ου, the genitive that Greek surnames and women's surnames end in (Νικολάου: the table's
# first spelling is Portuguese Nicolau). (-ος and -ας are not: Κάρλος, Τόμας.)
GREEK_CASE_ENDINGS = ("η", "ησ", "ου")  # words come normalised: final ς is σ

_CACHE = 20_000
# The first gloss of the Greek adjectives for north and south (βόρειος, νότιος and their
# compounds), and the word English place names use: North Korea, South Africa. (East, west
# and centre are left out: ανατολικός and δυτικός gloss as eastern and western, the words of
# regions, where Greece's own regions keep their Greek names, Anatoliki Makedonia.)
_COMPASS = {
    "north": "North", "south": "South", "northwest": "Northwest", "northeast": "Northeast",
    "southwest": "Southwest", "southeast": "Southeast",
}  # fmt: skip
# Glosses shorter than this are no place's name (Κέρκυρα's stray o).
_MIN_STEM = 3
# English endings of adjectives and demonyms (Icelandic, Ukrainian, Italians, Spanish,
# Chinese, Englishman) and of the chemical elements named after places (gallium, polonium).
_NOT_PLACE_ENDINGS = ("ian", "ians", "ic", "ish", "ese", "man", "ium")
# Ratio points (0-100) of closeness to the ELOT 743 form that a Zipf point of popularity is
# worth: among spellings about as close, the more written one (Rome, 4.35, over Romeo, 4.04,
# as close to romi); at 7, the common Vera outweighed Veria for Βέροια.
_POPULARITY_WEIGHT = 5.0
# Zipf frequency of a foreign name so widely written that a Greek word of its sound, even one
# the dictionary lists, writes that name (Peugeot 4.0, Monaco 4.2; Muzio 1.9, Campos 3.1).
_WIDELY_WRITTEN = 3.5
# How close (rapidfuzz ratio) to a Greek place's ELOT 743 form a dictionary gloss is an old
# romanisation of it (Dassochori, Dasochori: 95; Scyros, Skyros: 83; Mycenae, Mykines: 57).
_TRANSLITERATION_RATIO = 80.0


def english_place(words: list[str], label: str, lexicon: Reader | None) -> str | None:
    """The English name of a one-word place Greek calls by a word of its own (Μόσχα: Moscow);
    a foreign-looking word the name lexicon spells by its sound keeps that spelling (Όρχους:
    Aarhus, where a gloss of a word of the same stem names another thing)."""
    if label != "LOC" or len(words) != 1 or lexicon is None:
        return None
    if looks_foreign(words, label=label) and lexicon(words[0], label) is not None:
        return None
    return english_place_name(words[0])


def compass_place(words: list[str], label: str, lexicon: Reader | None) -> str | None:
    """A place of several words, the last one a place Greek names its own way and the others
    north or south (Βόρεια Κορέα: North Korea, Νότια Αφρική: South Africa), in English;
    ``None`` for any other name."""
    if label != "LOC" or len(words) < 2 or lexicon is None:
        return None
    out = []
    for word in words[:-1]:
        glosses = greek_glosses(word)
        point = _COMPASS.get(glosses[0][0]) if glosses and len(glosses) == 1 else None
        if point is None:
            return None
        out.append(point)
    # (The place may be a common noun: Βόρεια Θάλασσα, the North Sea; or a foreign name the
    # lexicon spells by its sound: Νότια Καρολίνα, South Carolina.)
    place = (
        english_place(words[-1:], label, lexicon)
        or english_place_name(words[-1], common_noun=True)
        or (lexicon(words[-1], label) if spelt_by_sound(words[-1:], label, lexicon) else None)
    )
    return " ".join([*out, place]) if place is not None else None


def names_places_within(words: list[str], label: str, lexicon: Reader | None) -> bool:
    """Whether a foreign firm or place of several words may have a word that is a place Greek
    names its own way: one of its other words is a name the lexicon spells (Ρεάλ, Μπάγερν),
    so the name is not a Greek phrase that merely looks foreign (Διεθνούς Οργανισμού)."""
    if lexicon is None or label not in ("ORG", "LOC") or len(words) < 2:
        return False
    return any(has_greek(w) and lexicon(w, label) is not None for w in words)


def spelt_by_sound(words: list[str], label: str, lexicon: Reader | None) -> bool:
    """Whether a one-word firm or place without a Greek case ending is a foreign name the
    lexicon spells by its sound: Greek writes many with a Greek-looking vowel ending
    (Τογιότα: Toyota, Φεράρι: Ferrari, Βαλένθια: Valencia), where its own names of one word
    mostly decline (Κοζάνη, Σαράντης, Ολυμπιακού)."""
    if lexicon is None or label not in ("ORG", "LOC") or len(words) != 1:
        return False
    word = words[0]
    if not has_greek(word) or word.endswith(GREEK_CASE_ENDINGS):
        return False
    spelling = lexicon(word, label)
    return spelling is not None and not _greek_noun(word, spelling)


def _greek_noun(word: str, spelling: str | None) -> bool:
    """Whether the normalised Greek ``word``, which the lexicon spells ``spelling`` (or not),
    is a Greek noun: the dictionary lists it, however foreign the lexicon finds its sound
    (Μουσείο is no Muzio, Κέδρος no Centros, Υγεία no Illya), unless the dictionary glosses
    it with that spelling (a word Greek borrowed with the name: δούμα, Duma) or the name is
    written far more than most (Πεζό: Peugeot, Μονακό: Monaco)."""
    if not dictionary_nominative(word):
        return False
    if spelling is None:
        return True
    if name_popularity(spelling) >= _WIDELY_WRITTEN:
        return False
    glosses = greek_glosses(word)
    return glosses is None or english_stem(normalize(spelling)) not in glosses[0]


@lru_cache(maxsize=_CACHE)
def english_place_name(word: str, *, common_noun: bool = False) -> str | None:
    """The English name of the place the normalised Greek ``word`` names (``μοσχα`` →
    ``Moscow``), or ``None`` where its glosses name none (see the module doc); a common noun
    the dictionary lists has one only with ``common_noun`` (``θαλασσα``: Sea)."""
    if not word or " " in word or not has_greek(word):
        return None
    word = normalize(word)
    # The dictionary's proper noun of the word or of its nominative (Μαδρίτης: Μαδρίτη);
    # else what the knowledge base's names taught of its stem (Κορέα: korea).
    head = next((cand for cand in nominative_candidates(word) if proper_glosses(cand)), None)
    own = elot743(word)
    # The dictionary's own English names of the proper noun name it (Μυκήνες: Mycenae,
    # Σηκουάνας: Seine), where a lexicon word of its gloss's stem may not (Seines).
    # Compared with the nominative's own form (Θεσσαλονίκης: Thessaloniki, not Salonica).
    nominative = elot743(head) if head is not None else own
    written = (
        [
            s
            for s in proper_spellings(head)
            if not _adjective_spelling(s, head) and not _transliterated(s, nominative)
        ]
        if head is not None
        else []
    )
    if written:
        return max(written, key=lambda s: _score(s, nominative))
    headword = head is not None
    # (Not for a common noun the dictionary lists, which names a Greek town as it is: the
    # Χερσόνησος of Crete is no Peninsula, whatever the names of peninsulas taught.)
    glosses = (
        proper_glosses(head)
        if head is not None
        else ()
        if not common_noun and any(map(dictionary_nominative, nominative_candidates(word)))
        else learnt_glosses(word)
    )
    named = [
        spelling
        for stem in glosses
        for spelling in _words_of_stem(stem)
        # The Greek word's own form, stemmed, is no translation (Χίος: the stem chio).
        if not (spelling == stem and own.startswith(stem) and len(stem) < len(own))
    ]
    # A gloss of an adjective, a demonym or an element of the stem (Ισλανδικός: Icelandic,
    # Γαλλία: gallium) is not the place's name.
    # (A proper noun glossed by one is a people, not a place: Σύρος, a Syrian, or the island.)
    places = [s for s in named if not s.endswith(_NOT_PLACE_ENDINGS)]
    named = places if places or headword else named
    if not named:
        return None
    best = max(named, key=lambda s: _score(s, nominative))
    return best[:1].upper() + best[1:]


# Endings of the English adjectives that name a place or a body by its people, region or
# kind (Atlantic, not Atlant; Indian, not Indians; Ionian, French, Cypriot, National,
# Socialist, Israeli).
_ADJECTIVE_ENDINGS = ("ic", "ian", "an", "ese", "ish", "ch", "ot", "al", "ist", "i")
_WRITTEN_WORD = 2.0  # Zipf: about once in a hundred million words
# The plain adjectives English names seas, mountains, deserts and bodies by (Black Sea, White
# Mountains, Great Sandy Desert, World Bank, Supreme Court): any other gloss may be another
# sense (rugged: Rugg).
_PLAIN_ADJECTIVES = frozenset(
    ["black", "white", "red", "dead", "yellow", "green", "blue", "great", "little", "new",
     "rocky", "golden", "sandy", "frozen", "silver", "greek", "world", "supreme", "free"]
)  # fmt: skip


@lru_cache(maxsize=_CACHE)
def english_adjective(word: str) -> str | None:
    """The English adjective of a place's normalised Greek adjective (``αδριατικη``:
    Adriatic, ``μαυρη``: Black, ``ατλαντικοσ``: Atlantic), by the dictionary's own gloss of
    it or its first sense's; ``None`` where it has none."""
    for cand in nominative_candidates(word):
        for spelling in proper_spellings(cand):
            if spelling.endswith(_ADJECTIVE_ENDINGS):
                return spelling
    glosses = greek_glosses(word)
    if not glosses or not glosses[0]:
        return None
    stem = glosses[0][0]
    if stem in _PLAIN_ADJECTIVES:
        return stem.capitalize()
    # A word the stem only starts is another word unless English writes it much (Central,
    # not Centric, for centr; not Laboral for labor, nor Virginal for virgin).
    adjectives = [
        w
        for w in _words_of_stem(stem)
        if w.endswith(_ADJECTIVE_ENDINGS) and (w == stem or name_popularity(w) >= _WRITTEN_WORD)
    ]
    named = max(adjectives, key=name_popularity) if adjectives else None
    if named is None and stem.endswith(_ADJECTIVE_ENDINGS) and len(stem) >= _MIN_STEM:
        named = stem  # a gloss the stemmer kept whole: ionian
    return named.capitalize() if named else None


def _adjective_spelling(spelling: str, word: str) -> bool:
    """Whether a dictionary spelling of the Greek ``word`` is an adjective's or a demonym's
    (Ionian, Chinese), not a place's; English writes the Greek compounds of νήσος, island,
    with -nese (Δωδεκάνησα: the Dodecanese, Πελοπόννησος: the Peloponnese)."""
    folded = spelling.casefold()
    return folded.endswith(_NOT_PLACE_ENDINGS) and not (
        folded.endswith(_ISLAND_ENDING) and _ISLAND in word
    )


_ISLAND, _ISLAND_ENDING = "νησ", "nese"


def _transliterated(spelling: str, own: str) -> bool:
    """Whether a dictionary gloss is an old romanisation of the Greek name (Dassochori for
    Δασοχώρι, Panaghia for Παναγία) rather than its English name, which ELOT 743 spells
    for a Greek place: it is close to the name's ELOT 743 form without being it. That form
    without the -s Greek adds to a foreign name is the name (Βόλγας: Volga, Παναμάς: Panama;
    so the dictionary's Γαλατάς is Istanbul's Galata, whatever Greek town bears it too)."""
    folded = normalize(spelling)
    if own == folded + "s":
        return False  # the foreign name that Greek gave a nominative -ς (Βόλγας: Volga)
    return folded != own and fuzz.ratio(folded, own) >= _TRANSLITERATION_RATIO


def _score(spelling: str, own: str) -> float:
    """How well a spelling names a place whose Greek name romanises ``own``: closeness, and
    how much it is written."""
    return fuzz.ratio(spelling, own) + _POPULARITY_WEIGHT * name_popularity(spelling)


@lru_cache(maxsize=_CACHE)
def _words_of_stem(stem: str) -> tuple[str, ...]:
    """The lexicon words (case folded) whose English stem is ``stem``: words that start with
    it, or with it less a final y that stands for -ies (parties: party)."""
    if len(stem) < _MIN_STEM:
        return ()
    prefix = stem[:-1] if stem.endswith("y") else stem
    words = _sorted_words()
    out = []
    for i in range(bisect_left(words, prefix), len(words)):
        word = words[i]
        if not word.startswith(prefix):
            break
        if word.isalpha() and english_stem(normalize(word)) == stem:
            out.append(word)
    return tuple(out)


@cache
def _sorted_words() -> tuple[str, ...]:
    return tuple(sorted(popularity_words()))


def load() -> None:
    """Build the lexicon's sorted index now rather than at the first place named."""
    _sorted_words()
