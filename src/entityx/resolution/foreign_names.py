"""Whether a Greek-written name is a foreign one, which naming then reads in its source
language (Σέρχιο: Sergio) rather than romanising by ELOT 743 (Γιώργος: Giorgos)."""

from __future__ import annotations

from ..text.greek import has_greek, normalize
from ..text.romanize import elot743, looks_foreign
from .exonyms import GREEK_CASE_ENDINGS, spelt_by_sound
from .latin_names import latin_spelling
from .name_parts import latin_name_parts
from .name_spelling import LabelReader
from .translate import FUNCTION_WORDS

__all__ = ["fold", "name_looks_foreign"]

# Endings of the surnames of Greek families (normalised: final ς is σ), in every case.
_GREEK_SURNAME_ENDINGS = (
    "οπουλοσ", "οπουλου", "οπουλο", "ιδησ", "ιδη", "ιδου", "αδησ", "αδη", "ακησ", "ακη",
    "ακου", "ουδησ", "ουδη", "ιωτησ", "ιωτη", "ελλησ", "ελλη", "ατοσ", "ατου",
    "ησ",  # (a nominative: Καραλής; Greek writes a foreign -is as -ις)
)  # fmt: skip


def name_looks_foreign(
    words: list[str], label: str, lexicon: LabelReader | None, acronyms: frozenset[str]
) -> bool:
    """Whether a Greek name's normalised nominative ``words`` write a foreign name."""
    # Articles, prepositions and acronyms say nothing of a name's language (την, στην and
    # ΟΗΕ look foreign by their letters alone).
    telling = [w for w in words if w not in FUNCTION_WORDS and w not in acronyms]
    return (
        looks_foreign(_telling_words(telling or words, label), label=label)
        or (lexicon is not None and label == "PERSON" and _table_says_foreign(words))
        or spelt_by_sound(words, label, lexicon)
    )


def _table_says_foreign(words: list[str]) -> bool:
    """Whether the name tables know a word of the name as a foreign name: the name-parts
    table ranks a Greek name's ELOT 743 form first (Γιώργος: Giorgos) and a foreign one's
    source spelling (Σέρχιο: Sergio), which catches foreign names with Greek-looking endings.
    Where the table holds no word of the name as Greek, a word the lexicon spells otherwise
    than ELOT 743 is foreign too (Χούλιο: Julio, Χάρις: Harris); where it does (Σάκης,
    Κωνσταντίνος), the lexicon's likeness is chance (Ρουβάς: Rufas, Κόμπος: Cobos)."""
    greek = [w for w in words if has_greek(w)]
    # The words as written: the spellings of another case form (Αντωνοπούλου read as
    # Αντωνόπουλος) differ from its ELOT 743 form without being foreign.
    table = {w: latin_name_parts(w, inflected=False) for w in greek}
    # Ζωή: Zoe first in the table, but -η is a Greek declension's.
    open_words = [w for w in greek if not w.endswith(GREEK_CASE_ENDINGS)]
    # (Unless the lexicon, too, spells it as ELOT 743 does: Ρήγας is Rigas, the table's
    # one spelling Regas notwithstanding.)
    if any(
        table[w]
        and fold(table[w][0]) != fold(elot743(w))
        and fold(latin_spelling(w) or "") != fold(elot743(w))
        for w in open_words
    ):
        return True
    if any(table[w] and fold(table[w][0]) == fold(elot743(w)) for w in greek):
        return False
    return any(
        not table[w]
        and (heard := latin_spelling(w)) is not None
        and fold(heard) != fold(elot743(w))
        for w in open_words
    )


def _telling_words(words: list[str], label: str) -> list[str]:
    """The words of a person's name that tell whether it is foreign. Beside a surname of
    a Greek family's form (-όπουλος, -ίδης, -άκης), not the words the name-parts table
    spells first as ELOT 743 does: the Greek given names of Hebrew origin end in a
    consonant (Μιχαήλ: Michail, Εμμανουήλ: Emmanouil, Ιωσήφ: Iosif), which would make
    Μιχαήλ Στασινόπουλος a foreign name. (Elsewhere such a word may be foreign, the
    table's first spelling being its ELOT form too: Αντόνιο, Αχμέτ.)"""
    if label != "PERSON" or not any(w.endswith(_GREEK_SURNAME_ENDINGS) for w in words):
        return words
    return [
        w
        for w in words
        if not (has_greek(w) and (table := latin_name_parts(w, inflected=False)))
        or fold(table[0]) != fold(elot743(w))
    ]


def fold(text: str) -> str:
    return normalize(text).replace(" ", "")
