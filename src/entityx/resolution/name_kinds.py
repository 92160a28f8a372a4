"""The English words for what a Greek name says its bearer is, and for what it is of, where
English translates them rather than romanising.

- A person's title: ``Πάπας Φραγκίσκος`` is Pope Francis, ``Βασίλισσα Ελισάβετ`` Queen.
- The word for what a *foreign* place or body is, put where English puts it beside the name
  read by its language: ``Ποταμός Μεκόνγκ`` is the Mekong River, ``Λίμνη Τιτικάκα`` Lake
  Titicaca, ``Μουσείο Ερμιτάζ`` the Hermitage Museum, ``Διώρυγα του Σουέζ`` the Suez Canal,
  ``Κόλπος του Άντεν`` the Gulf of Aden. A Greek name after the word keeps it, romanised
  with the rest (``Οροσειρά Πενταδακτύλου``, ``Μουσείο Μπενάκη``): ELOT 743 spells Greek names.
- Adjectives before what a place or body is, each translated (``Μαύρη Θάλασσα``: Black Sea,
  ``Βρετανικό Μουσείο``: British Museum); where one does not translate, nothing is
  (``Βραχώδη Όρη``).
- A body named after a Greek place in the genitive, with the place's English name:
  ``Πανεπιστήμιο Κρήτης`` is the University of Crete, ``Μουσείο Ακρόπολης`` the Acropolis
  Museum; and a club of proper names with its town: ``Άρης Θεσσαλονίκης``, Aris Thessaloniki.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rapidfuzz import fuzz

from ..text.greek import nominative_candidates, normalize
from ..text.noun_phrase import is_adjective
from ..text.romanize import elot743
from ..text.titles import TITLE_KEYS
from .kb_keys import learned_lemmas
from .translate import dictionary_nominative, greek_glosses, proper_glosses, proper_headword

__all__ = [
    "BODY_KINDS",
    "GENITIVE_ARTICLES",
    "PLACE_KINDS",
    "adjective_place",
    "english_kind",
    "feature_of_place",
    "institution_of_place",
    "romanised_kind",
    "translated_feature",
    "without_kind_forms",
]

# The English word for what a place or a body is, per label (normalised below).
_ENGLISH = {
    "LOC": {
        "ποταμός": "River", "όρος": "Mount", "όρη": "Mountains", "οροσειρά": "Mountains",
        "νήσος": "Island", "νησί": "Island", "νήσοι": "Islands", "νησιά": "Islands",
        "λίμνη": "Lake", "έρημος": "Desert", "θάλασσα": "Sea", "πέλαγος": "Sea",
        "ωκεανός": "Ocean", "χερσόνησος": "Peninsula", "διώρυγα": "Canal", "ακρωτήριο": "Cape",
        "κόλπος": "Gulf", "δημοκρατία": "Republic", "πόλη": "City",
    },
    "ORG": {
        "μουσείο": "Museum", "τράπεζα": "Bank", "πανεπιστήμιο": "University",
        "ίδρυμα": "Foundation", "στρατός": "Army", "κόμμα": "Party", "ακαδημία": "Academy",
        "αστυνομία": "Police", "βιβλιοθήκη": "Library", "ένωση": "Union",
        "ομοσπονδία": "Federation", "κοινοβούλιο": "Parliament", "κυβέρνηση": "Government",
        "ινστιτούτο": "Institute", "ορχήστρα": "Orchestra", "όπερα": "Opera",
        "δικαστήριο": "Court", "συμβούλιο": "Council", "ταμείο": "Fund", "αρχή": "Authority",
        "κίνημα": "Movement", "μέτωπο": "Front", "συμμαχία": "Alliance",
        "δήμος": "Municipality", "μητρόπολη": "Metropolis", "αρχιεπισκοπή": "Archdiocese",
        "χρηματιστήριο": "Stock Exchange", "πρεσβεία": "Embassy", "περιφέρεια": "Region",
    },
}  # fmt: skip
_WORDS = {label: {normalize(g): en for g, en in t.items()} for label, t in _ENGLISH.items()}
#: A place's Greek word for what it is (normalised) → the English word (River, Lake...).
PLACE_KINDS: dict[str, str] = dict(_WORDS["LOC"])


def _normalised(*words: str) -> frozenset[str]:
    return frozenset(map(normalize, words))


# The words that say what a foreign place or body named after them is (Ποταμός Μεκόνγκ)...
_BEFORE_A_NAME = {
    "LOC": frozenset(_WORDS["LOC"]) - _normalised("πέλαγος", "δημοκρατία"),
    "ORG": _normalised("μουσείο", "τράπεζα", "πανεπιστήμιο", "ίδρυμα", "ινστιτούτο"),
}
#: A body's Greek word for what it is that goes before the name it bears (Ίδρυμα Ωνάση, the
#: Onassis Foundation) → the English word.
BODY_KINDS: dict[str, str] = {w: _WORDS["ORG"][w] for w in _BEFORE_A_NAME["ORG"]}
# ...of those, the ones English puts first (Mount Ararat, Lake Titicaca, Cape Horn).
_ENGLISH_FIRST = _normalised("όρος", "λίμνη", "ακρωτήριο")
# The words English puts after a place's or a body's adjectives (Αδριατική Θάλασσα: the
# Adriatic Sea, Λευκά Όρη: the White Mountains; Βρετανικό Μουσείο: the British Museum,
# Εθνική Τράπεζα: the National Bank). (Not Επιτροπή: a Committee or a Commission.)
_LOC_AFTER_ADJECTIVES = (
    "θάλασσα", "πέλαγος", "ωκεανός", "κόλπος", "νήσοι", "νησιά", "όρη", "έρημος", "χερσόνησος",
    "δημοκρατία",
)  # fmt: skip
_AFTER_ADJECTIVES = {
    "LOC": _normalised(*_LOC_AFTER_ADJECTIVES),
    "ORG": frozenset(_WORDS["ORG"])
    - _normalised("δήμος", "μητρόπολη", "αρχιεπισκοπή", "χρηματιστήριο"),
}
# The genitive article between the word and the name (Διώρυγα του Σουέζ), which English drops.
GENITIVE_ARTICLES = frozenset(normalize(a) for a in ("του", "της", "των"))
# ...but keeps as "of" before the name of a gulf, a sea, a bank or a university (the Sea of
# Marmara, the Bank of Canada; the Suez Canal).
_OF = frozenset(["Gulf", "Sea", "Bank", "University"])


def english_kind(
    words: list[str],
    label: str,
    foreign: Callable[[list[str]], bool],
    place: Callable[[str], str | None] = lambda w: None,
) -> tuple[str, bool, list[str]] | None:
    """(The English word, whether it goes before the name, the words left to romanise) for
    the normalised nominative ``words`` of a Greek name that start with a person's title, or
    with the word for what a place or institution is where the rest is a name that
    ``foreign`` finds foreign, or that end in the genitive of the town a club or firm is of,
    which ``place`` names in English (Άρης Θεσσαλονίκης: Aris Thessaloniki); else ``None``."""
    if len(words) < 2:
        return None
    if label == "PERSON":
        key = TITLE_KEYS.get(words[0])
        return (key[1:].capitalize(), True, words[1:]) if key is not None else None
    kind = (
        (_WORDS[label][words[0]], words[0] in _ENGLISH_FIRST)
        if words[0] in _BEFORE_A_NAME.get(label, ())
        else None
    )
    if kind is None:
        town = _home_town(words, label, place)
        return (town, False, words[:-1]) if town is not None else None
    if len(words) > 2 and words[1] in GENITIVE_ARTICLES:
        rest = words[2:]
        if kind[0] in _OF:
            kind = (f"{kind[0]} of", True)  # Κόλπος του Άντεν: the Gulf of Aden
    else:
        rest = words[1:]
    return (*kind, rest) if foreign(rest) else None


def _home_town(words: list[str], label: str, place: Callable[[str], str | None]) -> str | None:
    """The English name of the town, in the genitive, that ends an organisation's name made of
    proper names (Άρης, Απόλλων, ΑΕΛ), not of words that say what it is (Συμβούλιο της
    Ευρώπης, Περιφέρεια Αττικής, Εθνική Ελλάδος: those are bodies of a place)."""
    if label != "ORG" or any(w in GENITIVE_ARTICLES for w in words):
        return None
    *name, town = words
    # A place the dictionary lists, in the genitive (a learned one too: Πειραιώς, Πειραιάς).
    if not any(map(proper_glosses, (*nominative_candidates(town)[1:], *learned_lemmas(town)))):
        return None
    return place(town) if all(map(_proper_name, name)) or _club_adjective(name) else None


def _club_adjective(name: list[str]) -> bool:
    """Whether a name is one masculine adjective, as a club's (Εθνικός Πειραιώς; a feminine
    one stands for a team or a body, Εθνική Ελλάδος)."""
    return len(name) == 1 and name[0].endswith(_MASCULINE) and is_adjective(name[0])


# A masculine adjective's nominative ending (Εθνικός).
_MASCULINE = "οσ"
# The endings of the Greek words for buildings and institutions (δικαστήριο, πρωτοδικείο).
_INSTITUTION_ENDINGS = ("ειο", "ηριο")


def _proper_name(word: str) -> bool:
    """Whether a normalised Greek word of a name is a proper name (Άρης, Ομόνοια) or one no
    dictionary knows (ΑΕΛ, Ντιναμό), not a word the dictionary lists (Εφετείο, Εθνική) or
    a word for an institution (Πρωτοδικείο)."""
    if proper_headword(word):
        return True
    return (
        greek_glosses(word) is None
        and not dictionary_nominative(word)
        and not word.endswith(_INSTITUTION_ENDINGS)
    )


# Endings of the English adjectives of places (American, Spanish, Portuguese, Saudi): where an
# adjective has none it may be any other (New, Great: Νέα Σμύρνη is Nea Smyrni).
_DEMONYM_ENDINGS = ("an", "ese", "ish", "i")
# How like the Greek word's ELOT 743 form a spelling is that spells it rather than
# translates it (Μεγάλα: Megali, 83; Μέση: Messi, 89; not Σαουδική: Saudi, 77).
_SPELLING_RATIO = 80.0


def adjective_place(
    words: list[str],
    label: str,
    adjective: Callable[[str], str | None],
    place: Callable[[str], str | None],
) -> str | None:
    """The English name of a place of the normalised nominative ``words`` that are the
    adjectives of other places before a place the dictionary lists (Αμερικανική Σαμόα:
    American Samoa, Ιρακινό Κουρδιστάν: Iraqi Kurdistan); ``None`` otherwise."""
    if label != "LOC" or len(words) < 2 or not proper_headword(words[-1]):
        return None
    named = place(words[-1])
    english = [adjective(w) for w in words[:-1]]
    if named is None or not all(map(_demonym, words[:-1], english)):
        return None
    return " ".join([*english, named])  # type: ignore[list-item]


def _demonym(word: str, english: str | None) -> bool:
    """Whether ``english`` is a place's adjective that translates the Greek ``word``."""
    return (
        english is not None
        and english.endswith(_DEMONYM_ENDINGS)
        and fuzz.ratio(normalize(english), elot743(word).casefold()) < _SPELLING_RATIO
    )


def translated_feature(
    words: list[str], label: str, adjective: Callable[[str], str | None]
) -> str | None:
    """The English name of a place or an organisation of the normalised nominative ``words``
    that are adjectives before the word for what it is (Μαύρη Θάλασσα: Black Sea, Βρετανικό
    Μουσείο: British Museum), where ``adjective`` translates each of them; ``None``
    otherwise."""
    if len(words) < 2 or words[-1] not in _AFTER_ADJECTIVES.get(label, ()):
        return None
    kind = _WORDS[label][words[-1]]
    english = [adjective(w) for w in words[:-1]]
    words_in_english = [w for w in english if w is not None]
    return " ".join([*words_in_english, kind]) if len(words_in_english) == len(english) else None


# Bodies Greek names after a place in the genitive (Μουσείο Ακρόπολης: the Acropolis Museum),
# and those English names "of" it (Πανεπιστήμιο Κρήτης: the University of Crete).
_OF_PLACE_FIRST = _normalised(
    "πανεπιστήμιο", "τράπεζα", "ακαδημία", "δήμος", "μητρόπολη", "αρχιεπισκοπή",
    "κυβέρνηση", "πρεσβεία", "περιφέρεια",
)  # fmt: skip
# ...of those, the ones whose place must be a proper noun of the dictionary, as the word
# table's common nouns have glosses too (Περιφέρεια Αττικής: the Region of Attica; a place
# named by a common word would be no place: Περιφέρεια Ανάπτυξης, no Region of Developments).
_OF_PROPER_PLACE = _normalised("κυβέρνηση", "πρεσβεία", "περιφέρεια")
_OF_PLACE = _OF_PLACE_FIRST | _normalised("μουσείο", "ίδρυμα", "χρηματιστήριο")


def institution_of_place(
    words: list[str],
    label: str,
    place: Callable[[str], str | None],
    foreign: Callable[[list[str]], bool],
) -> str | None:
    """The English name of an organisation of the normalised nominative ``words`` that say
    what it is and then, in the Greek genitive, the one place (or person) it is of, which
    ``place`` names in English; ``None`` otherwise, and for a foreign name that ``foreign``
    finds (Πανεπιστήμιο Στάνφορντ is Stanford University: :func:`english_kind`)."""
    if label != "ORG" or not _kind_then_one_word(words, _OF_PLACE) or foreign(words[-1:]):
        return None
    if words[0] in _OF_PROPER_PLACE and not any(
        map(proper_glosses, nominative_candidates(words[-1]))
    ):
        return None
    english = place(words[-1])
    if english is None:
        return None
    kind = _WORDS[label][words[0]]
    return f"{kind} of {english}" if words[0] in _OF_PLACE_FIRST else f"{english} {kind}"


def _kind_then_one_word(words: list[str], kinds: frozenset[str]) -> bool:
    """Whether ``words`` are one of ``kinds`` and one word, the genitive article between or
    not (Πανεπιστήμιο Κρήτης, Έρημος της Σαχάρας)."""
    if not words or words[0] not in kinds:
        return False
    return len(words) == 2 or (len(words) == 3 and words[1] in GENITIVE_ARTICLES)


_FEATURE_OF_PLACE = _BEFORE_A_NAME["LOC"] - _normalised(
    "νήσος", "νησί", "νήσοι", "νησιά", "οροσειρά", "όρη"
)


def feature_of_place(
    words: list[str], label: str, place: Callable[[str], str | None]
) -> str | None:
    """The English name of a place of the normalised nominative ``words`` that say what it
    is and then the proper noun it is named after, which the dictionary lists and ``place``
    names in English (Έρημος της Σαχάρας: the Sahara Desert, Ποταμός Δούναβης: the Danube
    River, Όρος Όλυμπος: Mount Olympus, Κόλπος της Θεσσαλονίκης: the Gulf of Thessaloniki);
    ``None`` otherwise: a Greek name with no English one, or one ELOT 743 spells, keeps
    ELOT 743 (Λίμνη Βόλβη, Πόλη της Χίου), and English names an island or a range by its
    name alone (Νήσος Κρήτη, Οροσειρά των Άλπεων: Crete, the Alps, not Crete Island)."""
    if label != "LOC" or not _kind_then_one_word(words, _FEATURE_OF_PLACE):
        return None
    nominatives = nominative_candidates(words[-1])
    if not any(map(proper_glosses, nominatives)):
        return None
    english = place(words[-1])
    if english is None or any(normalize(elot743(w)) == normalize(english) for w in nominatives):
        return None  # ELOT 743 spells it: a Greek place, its name Greek (Πόλη της Χίου)
    kind = _WORDS[label][words[0]]
    if kind in _OF:
        return f"{kind} of {english}"
    return f"{kind} {english}" if words[0] in _ENGLISH_FIRST else f"{english} {kind}"


def without_kind_forms(surfaces: Sequence[str], label: str) -> list[str] | None:
    """The Greek ``surfaces`` of one entity but those that are the word for what it is before
    another of its surfaces (Οροσειρά Πενταδακτύλου beside Πενταδακτύλου, Ποταμός Ιορδάνης
    beside Ιορδάνης, Τράπεζα Σανταντέρ beside Σανταντέρ); ``None`` where none is."""
    kinds = _WORDS.get(label)
    if kinds is None or len(surfaces) < 2:
        return None
    norms = [normalize(s).split() for s in surfaces]
    seen = {" ".join(words) for words in norms}
    bare = [
        s
        for s, words in zip(surfaces, norms, strict=True)
        if not (len(words) > 1 and words[0] in kinds and _rest(words) in seen)
    ]
    return bare if len(bare) < len(surfaces) else None


def _rest(words: list[str]) -> str:
    """The words after the word for what a thing is, and after the genitive article if any."""
    rest = words[2:] if len(words) > 2 and words[1] in GENITIVE_ARTICLES else words[1:]
    return " ".join(rest)


def romanised_kind(name: str, surfaces: Sequence[str], label: str) -> bool:
    """Whether ``name`` starts with the ELOT 743 form of the word for what the entity is that
    starts one of its Greek ``surfaces`` (Oroseira Pentadaktylou), where English would
    translate it: the entity's other names then name it better (Pentadaktylos)."""
    first = normalize(name.split()[0]) if name.split() else ""
    kinds = _WORDS.get(label, {})
    return any(
        (words := normalize(s).split())
        and words[0] in kinds
        and normalize(elot743(words[0])) == first
        for s in surfaces
    )
