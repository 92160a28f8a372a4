"""The nominative of a Greek organisation's or place's name whose head noun a dictionary knows.

Greek news names institutions mostly in the genitive (``του Υπουργείου Εξωτερικών``, ``του
Δήμου Αθηναίων``, ``του Ιδρύματος Ωνάση``), and a name seen only so is still named by its
nominative: Υπουργείο Εξωτερικών, Δήμος Αθηναίων, Ίδρυμα Ωνάση. An oblique ending alone does
not say which nominative it comes from (-ου: Δήμος or Υπουργείο; -ας: Τράπεζα or the
masculine Αστέρας), but the head noun is mostly a common noun, and a dictionary's headword
is a nominative: the first nominative the ending could come from that the dictionary lists
is the head's. Its gender then says how the adjectives before it change with it (Εθνικού
Ιδρύματος: Εθνικό Ίδρυμα, neuter; Εθνικού Οργανισμού: Εθνικός Οργανισμός), and what follows
it is its genitive complement, which keeps its case (Εξωτερικών, Αθηναίων, Ωνάση).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .greek import has_greek

__all__ = ["GENITIVE_ARTICLES", "dictionary_head_nominative", "is_adjective", "is_name_adjective"]

# Adjectives names are made of, by their stem (case ending cut): the -ικός/-ιακός kind
# (Κεντρική, Εθνική, Ευρωπαϊκή, Ολυμπιακός), participles in -μένος (Ηνωμένο, Ενωμένη), and the
# few others Greek place and organisation names keep using (Νέα, Βόρεια, Νότια, Αγία,
# Μεγάλη, Λευκή, Ανώτατο ...).
_ADJECTIVE_SUFFIXES = ("ικ", "ϊκ", "ιακ", "μεν")
_NAME_ADJECTIVES = frozenset(
    [
        "νε", "βορει", "νοτι", "αγι", "μεγαλ", "μικρ", "λευκ", "μαυρ", "ερυθρ", "ανωτατ",
        "ανωτερ", "ανεξαρτητ", "ελευθερ", "παλαι", "πανελληνι", "παγκοσμι", "διεθν", "δημοσι",
        "ορθοδοξ", "ιερ", "πρωτ", "ανω", "κατω",
    ]
)  # fmt: skip
_CASE_ENDING = re.compile(r"(ουσ|ου|οσ|ων|ησ|ασ|εσ|οι|α|η|ο|ε)$")

# A head noun's oblique singular ending → the nominative endings it may come from, likeliest
# first (normalised: no accents, final ς as σ). Ιδρύματος: Ίδρυμα; Παρισιού: Παρίσι; Δήμου:
# Δήμος, Υπουργείου: Υπουργείο; Κράτους: Κράτος; Ένωσης, Πόλεως: Ένωση, Πόλη. (Not -ας: a
# dictionary's -α may be another word than a name's -άς, Λαγανάς and λαγάνα; the ending's
# own rules read it, :mod:`entityx.text.inflection`.)
_NOMINATIVES = (
    ("ματοσ", ("μα",)),
    ("ου", ("οσ", "ο")),  # before -ιου: Ακρωτηρίου is Ακρωτήριο where both are words
    ("ιου", ("ι",)),
    ("ουσ", ("οσ",)),
    ("εωσ", ("η",)),
    ("ησ", ("η",)),
    # A plural's genitive (Τρικάλων, Βρυξελλών, Δελφών, Τεμπών): Τρίκαλα, Βρυξέλλες.
    ("ων", ("α", "εσ", "οι", "η")),
)
# A masculine's accusative or genitive, where the word itself is no noun: Αστέρα, Προμηθέα,
# Ριζοσπάστη, Αλιάκμονα (Αστέρας, Ριζοσπάστης, Αλιάκμονας). Of a place, only
# into a headword of the dictionary, not any form Hunspell lists (Γάζας, Αθήνας are the
# genitives of Γάζα and Αθήνα): places differ by accent alone (Γαλάτα, the village; Γαλατά,
# of Γαλατάς), which the dictionary's words lack.
_MASCULINES = (("α", ("ασ",)), ("η", ("ησ",)))
# ...and the accusative in -ο of a masculine place (Πάρο), where an organisation's -ο is its
# own (Βόλβο is Volvo, not βολβός).
_ACCUSATIVES = (*_MASCULINES, ("ο", ("οσ",)))
# The gender a head's nominative and oblique endings show: "m" -ος/-ου, "n" neuter, "f".
_GENDERS = {"οσ": "m", "ο": "n", "ι": "n", "μα": "n", "η": "f", "ασ": "m", "ησ": "m"}
# A plural's ending -> its gender (what its adjectives' -ων becomes: _AGREEMENT).
_PLURALS = {"α": "pn", "εσ": "pf", "οι": "pm", "η": "pn"}
# An adjective's oblique ending before a head of each gender → its nominative ending.
_AGREEMENT = {
    # (-ής before a noun in -ου: the noun is one of the feminines in -ος, Ιερής Συνόδου.)
    "m": (("ουσ", "ησ"), ("ου", "οσ"), ("ησ", "η")),
    "n": (("ουσ", "εσ"), ("ου", "ο")),
    "f": (("ουσ", "ησ"), ("ησ", "η"), ("ασ", "α")),
    "pn": (("ων", "α"),),
    "pf": (("ων", "εσ"),),
    "pm": (("ων", "οι"),),
}
GENITIVE_ARTICLES = frozenset(["της", "του", "των"])
_MIN_STEM = 2


def is_adjective(word: str) -> bool:
    """Whether a normalised Greek word of a name is one of the adjectives names are made of."""
    stem = _CASE_ENDING.sub("", word)
    if stem in _NAME_ADJECTIVES:
        return True
    # A suffix after at least two letters: οίκος (οικ) is no -ικός adjective.
    return any(stem.endswith(s) and len(stem) >= len(s) + 2 for s in _ADJECTIVE_SUFFIXES)


def is_name_adjective(word: str) -> bool:
    """Of :func:`is_adjective`'s, one of the few listed by stem (Νέα, Μικρά, Ερυθρά), not the
    -ικός kind, whose feminine is -ική (a place in -ικάς is a masculine noun: Κατσικάς)."""
    return _CASE_ENDING.sub("", word) in _NAME_ADJECTIVES


def dictionary_head_nominative(
    words: Sequence[str],
    noun: Callable[[str], bool | int],
    *,
    nominative: Callable[[str], bool] | None = None,
    masculine: Callable[[str], bool | int] | None = None,
    accusatives: bool = False,
) -> list[str] | None:
    """The nominative of a name's normalised ``words`` whose head noun is oblique and has a
    nominative ``noun`` knows; ``None`` where there is no such head (then its endings alone
    are read: :mod:`entityx.text.inflection`).

    The head is the first word whose nominative ``noun`` knows; each word before it must be
    in a case its gender declines to (its adjectives, known or not: Αριστοτελείου
    Πανεπιστημίου, Χρυσής Αυγής), or the oblique word is another's complement.
    ``nominative`` says which words are nominatives already (default ``noun``: a list of
    forms in every case may tell what a word is the case of, not that it is a nominative);
    ``masculine`` says which nominatives a word in -α or -η may be a masculine's oblique
    case of (:data:`_MASCULINES`); ``None``: none; ``accusatives``: a word in -ο too (its
    accusative).
    """
    masculines = _ACCUSATIVES if accusatives else _MASCULINES
    known = nominative or noun
    for head, word in enumerate(words):
        if word in GENITIVE_ARTICLES or not has_greek(word) or known(word):
            return None
        if not is_adjective(word) and word.endswith("ασ") and known(word[:-1]):
            return None  # a feminine head in -ας (Βιομηχανίας): its ending's rules read it
        found = (
            None
            if is_adjective(word)
            else _nominative(word, noun, _NOMINATIVES)
            or (_nominative(word, masculine, masculines) if masculine is not None else None)
        )
        if found is None:
            continue
        lemma, gender = found
        before = [_agreeing(w, gender) for w in words[:head]]
        if any(b == w for b, w in zip(before, words, strict=False)):
            # A word in the nominative: the oblique one is its complement, not its noun
            # (Ολυμπιακός Βόλου, Ατλέτικο Μαδρίτης).
            return None
        return [*before, lemma, *words[head + 1 :]]
    return None


def _nominative(
    word: str, noun: Callable[[str], bool | int], rules: Sequence[tuple[str, tuple[str, ...]]]
) -> tuple[str, str] | None:
    for oblique, endings in rules:
        stem = word[: -len(oblique)]
        if not word.endswith(oblique) or len(stem) < _MIN_STEM:
            continue
        # The nominative ``noun`` is surest of, the first of equals (Ναυπλίου: Ναύπλιο, which
        # the dictionary lists, before the hero Ναύπλιος that only Hunspell's forms hold).
        scored = [(int(noun(stem + ending)), -i, ending) for i, ending in enumerate(endings)]
        best, _, ending = max(scored)
        if best > 0:
            # Κράτους is a neuter in -ος: its adjectives take -ο (Ισλαμικού Κράτους).
            if oblique == "ων":
                return stem + ending, _PLURALS[ending]
            gender = "n" if oblique == "ουσ" else _GENDERS[ending]
            return stem + ending, gender
    return None


def _agreeing(word: str, gender: str) -> str:
    for oblique, nominative in _AGREEMENT[gender]:
        if word.endswith(oblique) and len(word) - len(oblique) >= _MIN_STEM:
            return word[: -len(oblique)] + nominative
    return word
