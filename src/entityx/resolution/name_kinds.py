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

from collections.abc import Callable

from ..text.greek import nominative_candidates, normalize
from ..text.keys import TITLE_KEYS
from .translate import dictionary_nominative, greek_glosses, proper_glosses, proper_headword

__all__ = ["english_kind", "institution_of_place", "translated_feature"]

# Greek word → (English word, whether English puts it before the name).
_KINDS = {
    "LOC": {
        "ποταμός": ("River", False), "όρος": ("Mount", True), "όρη": ("Mountains", False),
        "οροσειρά": ("Mountains", False), "νήσος": ("Island", False), "νησί": ("Island", False),
        "νήσοι": ("Islands", False), "νησιά": ("Islands", False), "λίμνη": ("Lake", True),
        "έρημος": ("Desert", False), "θάλασσα": ("Sea", False), "ωκεανός": ("Ocean", False),
        "χερσόνησος": ("Peninsula", False), "διώρυγα": ("Canal", False),
        "ακρωτήριο": ("Cape", True), "κόλπος": ("Gulf", False),
    },
    "ORG": {
        "μουσείο": ("Museum", False), "τράπεζα": ("Bank", False),
        "πανεπιστήμιο": ("University", False), "ίδρυμα": ("Foundation", False),
    },
}  # fmt: skip
_TABLES = {label: {normalize(g): kind for g, kind in t.items()} for label, t in _KINDS.items()}
# The words English puts after a place's or a body's adjectives (Αδριατική Θάλασσα: the
# Adriatic Sea, Λευκά Όρη: the White Mountains; Βρετανικό Μουσείο: the British Museum,
# Εθνική Τράπεζα: the National Bank). (Not Επιτροπή: a Committee or a Commission.)
_AFTER_ADJECTIVES = {
    "LOC": (
        ("θάλασσα", "Sea"), ("πέλαγος", "Sea"), ("ωκεανός", "Ocean"), ("κόλπος", "Gulf"),
        ("νήσοι", "Islands"), ("νησιά", "Islands"), ("όρη", "Mountains"), ("έρημος", "Desert"),
    ),
    "ORG": (
        ("μουσείο", "Museum"), ("στρατός", "Army"), ("κόμμα", "Party"), ("τράπεζα", "Bank"),
        ("πανεπιστήμιο", "University"), ("ακαδημία", "Academy"), ("αστυνομία", "Police"),
        ("βιβλιοθήκη", "Library"), ("ένωση", "Union"), ("ομοσπονδία", "Federation"),
        ("κοινοβούλιο", "Parliament"), ("κυβέρνηση", "Government"), ("ινστιτούτο", "Institute"),
        ("ίδρυμα", "Foundation"), ("ορχήστρα", "Orchestra"), ("όπερα", "Opera"),
        ("δικαστήριο", "Court"), ("συμβούλιο", "Council"), ("ταμείο", "Fund"),
        ("αρχή", "Authority"), ("κίνημα", "Movement"), ("μέτωπο", "Front"),
        ("συμμαχία", "Alliance"),
    ),
}  # fmt: skip
_AFTER_ADJECTIVE = {
    label: {normalize(g): en for g, en in kinds} for label, kinds in _AFTER_ADJECTIVES.items()
}
# The genitive article between the word and the name (Διώρυγα του Σουέζ), which English drops.
_GENITIVE_ARTICLES = frozenset(normalize(a) for a in ("του", "της", "των"))
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
    kind = _TABLES.get(label, {}).get(words[0])
    if kind is None:
        town = _home_town(words, label, place)
        return (town, False, words[:-1]) if town is not None else None
    if len(words) > 2 and words[1] in _GENITIVE_ARTICLES:
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
    if label != "ORG" or any(w in _GENITIVE_ARTICLES for w in words):
        return None
    *name, town = words
    head = next((c for c in nominative_candidates(town) if proper_glosses(c)), town)
    if head == town or not all(map(_proper_name, name)):
        return None
    return place(town)


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


def translated_feature(
    words: list[str], label: str, adjective: Callable[[str], str | None]
) -> str | None:
    """The English name of a place or an organisation of the normalised nominative ``words``
    that are adjectives before the word for what it is (Μαύρη Θάλασσα: Black Sea, Βρετανικό
    Μουσείο: British Museum), where ``adjective`` translates each of them; ``None``
    otherwise."""
    kind = _AFTER_ADJECTIVE.get(label, {}).get(words[-1]) if len(words) > 1 else None
    if kind is None:
        return None
    english = [adjective(w) for w in words[:-1]]
    words_in_english = [w for w in english if w is not None]
    return " ".join([*words_in_english, kind]) if len(words_in_english) == len(english) else None


# Bodies Greek names after a place in the genitive, and how English does (Πανεπιστήμιο
# Κρήτης: the University of Crete; Μουσείο Ακρόπολης: the Acropolis Museum).
_OF_PLACE = {
    normalize(g): kind
    for g, kind in (
        ("πανεπιστήμιο", ("University of", True)), ("τράπεζα", ("Bank of", True)),
        ("ακαδημία", ("Academy of", True)), ("δήμος", ("Municipality of", True)),
        ("μητρόπολη", ("Metropolis of", True)), ("αρχιεπισκοπή", ("Archdiocese of", True)),
        ("μουσείο", ("Museum", False)), ("ίδρυμα", ("Foundation", False)),
        ("χρηματιστήριο", ("Stock Exchange", False)),
    )
}  # fmt: skip


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
    if label != "ORG" or len(words) not in (2, 3) or words[0] not in _OF_PLACE:
        return None
    if (len(words) == 3 and words[1] not in _GENITIVE_ARTICLES) or foreign(words[-1:]):
        return None
    english = place(words[-1])
    if english is None:
        return None
    kind, before = _OF_PLACE[words[0]]
    return f"{kind} {english}" if before else f"{english} {kind}"
