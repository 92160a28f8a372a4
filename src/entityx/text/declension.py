"""Greek declension facts names need: the family of a given name, read off its ending in any
case, and the cases of a place or organisation name by its paradigm.

Greek given names decline in three families whose endings never overlap, so a form's ending
says its family whatever its case: -ος/-ου/-ο/-ε (Νίκος), -ας/-α (Λουκάς, and every feminine
in -α: Μαρία, Μαρίας), -ης/-η (Γιάννης, and every feminine in -η: Ελένη, Ελένης). Two forms
of one stem in different families are different names (Αλέξανδρος, Αλεξάνδρα), which is what
:mod:`entityx.resolution.given_names` and the knowledge base's lookup use it for.
"""

from __future__ import annotations

from .greek import has_greek, normalize
from .keys import phonetic
from .memo import word_cache

__all__ = [
    "case_stems",
    "families_agree",
    "given_name_family",
    "given_names_agree",
    "same_name_in_other_case",
]

# Ending (as normalize() leaves it: no accents, final ς as σ) → its declension family.
# Longest first: -ου before -ο.
_FAMILIES = (("ου", "o"), ("οσ", "o"), ("ο", "o"), ("ε", "o"),
             ("ασ", "a"), ("α", "a"), ("ησ", "h"), ("η", "h"))  # fmt: skip
# The same families as Greek names are written in Latin letters (Alexandros, Alexandra,
# Giannis); a final -e is left out, as other languages write it on names of either sex
# (Marie, Pierre).
_LATIN_FAMILIES = (("ou", "o"), ("os", "o"), ("o", "o"),
                   ("as", "a"), ("a", "a"), ("is", "h"), ("i", "h"))  # fmt: skip
# Letters the stem keeps: shorter ones (Άννα, Ίων) say too little to oppose two names.
_MIN_GIVEN_STEM = 3


def given_name_family(surface: str) -> tuple[str, str] | None:
    """(stem, family) of the given name (first word) of a name of several words, else None.

    The stem is given by its phonetic key, the same for both scripts where they agree
    (``αλεξανδρ`` and ``alexandr``: ``aleksadr``), so a Greek and a Latin name can oppose too.
    """
    words = normalize(surface).split()
    if len(words) < 2:
        return None
    word = words[0]
    families = _FAMILIES if has_greek(word) else _LATIN_FAMILIES
    for ending, family in families:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_GIVEN_STEM:
            return phonetic(word[: -len(ending)]), family
    return None


def given_names_agree(a: str, b: str) -> bool:
    """False only when two names' given names share a stem in different families."""
    return families_agree(given_name_family(a), given_name_family(b))


def families_agree(fa: tuple[str, str] | None, fb: tuple[str, str] | None) -> bool:
    """:func:`given_names_agree` on families already read (:func:`given_name_family`)."""
    return fa is None or fb is None or fa[0] != fb[0] or fa[1] == fb[1]


# Nominative ending → the endings of its other cases, singular and plural, accents aside
# (what :func:`entityx.text.greek.normalize` leaves: lower case, final ς as σ). Standard
# Greek declension: -ος (Βόλος, Χίος, the feminine islands), -ης, -ας, -α (Αθήνα; neuter
# plurals Ιωάννινα, Τρίκαλα), -η (Κρήτη), -ο (Μόναχο), -ι (Μπαράκι), -ες (Σέρρες, Κυκλάδες),
# -οι (Δελφοί); and the third declension's names: -εις (Άλπεις, Άλπεων), -ων (Μαραθών,
# Μαραθώνα, Μαραθώνος; Απόλλων), its adjectives and names in -ής, -ές (Διεθνής, Διεθνές,
# Διεθνούς, Διεθνείς; Σωκράτης, Σωκράτους), the neuters in -μα (Θέμα, Θέματος), and the
# neuters in -ος whose plural is in -η (Όρος, Όρη, Ορέων: -έων follows both; Όρος and Όρη
# stay apart, one mountain and a range, and so do Σάμος and Σάμη).
_PARADIGMS: dict[str, tuple[str, ...]] = {
    "οσ": ("ου", "ο", "ε", "οι", "ων", "ουσ", "εων"),
    "ησ": ("η", "ουσ", "εισ", "ων"),
    "ασ": ("α",),
    "α": ("ασ", "εσ", "ων"),
    "ια": ("ιου",),  # an adjective's learned feminine genitive: Νότια, Νοτίου (Αφρικής)
    "η": ("ησ", "εσ", "ων", "εων"),
    "ο": ("ου", "α", "ων"),
    "ι": ("ιου", "ια", "ιων"),
    "εσ": ("ων", "ουσ"),
    "οι": ("ων", "ουσ"),
    "εισ": ("εων",),
    "ων": ("ωνα", "ωνοσ", "ωνεσ", "ωνων"),
    "μα": ("ματοσ", "ματα", "ματων"),
}
# Letters a stem keeps: one letter (Κως/Κω) is too little to say two words are one.
_MIN_CASE_STEM = 2
_WORDS_CACHED = 100_000


_CASE_ENDINGS = tuple(
    sorted({e for nom, others in _PARADIGMS.items() for e in (nom, *others)}, key=len)
)


@word_cache(maxsize=_WORDS_CACHED)
def _word_forms(word: str) -> tuple[str, ...]:
    """The word itself and its other cases by every paradigm its ending could belong to."""
    forms = {word}
    for ending, others in _PARADIGMS.items():
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= _MIN_CASE_STEM:
            forms.update(stem + other for other in others)
    return tuple(forms)


@word_cache(maxsize=_WORDS_CACHED)
def case_stems(word: str) -> tuple[str, ...]:
    """What the word could be a case of: itself less any ending some paradigm has, sorted."""
    found = {
        word[: -len(e)]
        for e in _CASE_ENDINGS
        if word.endswith(e) and len(word) - len(e) >= _MIN_CASE_STEM
    }
    return tuple(sorted(found or {word}))


def same_name_in_other_case(a: str, b: str) -> bool:
    """Whether two normalised Greek names are one name, word for word, in two cases."""
    wa, wb = a.split(), b.split()
    return (
        a != b
        and len(wa) == len(wb)
        and all(
            x == y or y in _word_forms(x) or x in _word_forms(y)
            for x, y in zip(wa, wb, strict=True)
        )
    )
