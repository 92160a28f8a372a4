"""English letters as Greek writes their names: a person known by initials.

Greek transcribes initials by the letters' English names: ``JD Vance`` is ``Τζέι Ντι Βανς``,
``J. K. Rowling`` ``Τζέι Κέι Ρόουλινγκ``. E (Ι) and Z (Ζεντ, Ζι) are left out: an Ι or a Ζι
is more often a word of its own. Keys are normalised (:func:`entityx.text.greek.normalize`).
"""

from __future__ import annotations

from collections.abc import Sequence

from .greek import normalize

__all__ = ["LETTER_NAMES", "leading_letter_names"]

#: Normalised Greek name of an English letter -> the letter (upper case).
LETTER_NAMES = {
    normalize(greek): letter
    for greek, letter in (
        ("Έι", "A"), ("Μπι", "B"), ("Σι", "C"), ("Ντι", "D"), ("Εφ", "F"), ("Τζι", "G"),
        ("Έιτς", "H"), ("Άι", "I"), ("Τζέι", "J"), ("Κέι", "K"), ("Ελ", "L"), ("Εμ", "M"),
        ("Εν", "N"), ("Όου", "O"), ("Πι", "P"), ("Κιου", "Q"), ("Αρ", "R"), ("Ες", "S"),
        ("Τι", "T"), ("Γιου", "U"), ("Βι", "V"), ("Ντάμπλιου", "W"), ("Εξ", "X"),
        ("Γουάι", "Y"),
    )
}  # fmt: skip


def leading_letter_names(words: Sequence[str]) -> int:
    """How many leading normalised words of a person's name are the names of English letters
    standing for initials: two or more, before a word that is not one (Τζέι Ντι Βανς: 2); 0
    where fewer (Σι Τζινπίνγκ is Xi Jinping, Ντι Μαρία Di María)."""
    run = 0
    while run < len(words) - 1 and words[run] in LETTER_NAMES:
        run += 1
    return run if run >= 2 else 0
