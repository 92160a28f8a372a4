"""English letters as Greek writes their names: a person known by initials, a body known by
its acronym.

Greek transcribes initials and acronyms by the letters' English names: ``JD Vance`` is
``Τζέι Ντι Βανς``, ``J. K. Rowling`` ``Τζέι Κέι Ρόουλινγκ``, ``CNN`` ``Σι Εν Εν``. E (Ι)
and Z (Ζεντ, Ζι) are left out: an Ι or a Ζι is more often a word of its own. Keys are
normalised (:func:`entityx.text.greek.normalize`).
"""

from __future__ import annotations

from collections.abc import Sequence

from .greek import normalize

__all__ = ["LETTER_NAMES", "leading_letter_names", "letter_name_runs"]

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


def letter_name_runs(words: Sequence[str]) -> dict[int, tuple[int, str]]:
    """The runs of two or more normalised words that are names of English letters in the
    name of a body or place, by their first word: (the word after the run, the letters).
    ``Σι Εν Εν``: CNN; ``Ρίφορμ Γιου Κέι``: Reform UK."""
    runs: dict[int, tuple[int, str]] = {}
    start = 0
    while start < len(words):
        end = start
        while end < len(words) and words[end] in LETTER_NAMES:
            end += 1
        if end - start >= 2:
            runs[start] = (end, "".join(LETTER_NAMES[w] for w in words[start:end]))
        start = max(end, start + 1)
    return runs
