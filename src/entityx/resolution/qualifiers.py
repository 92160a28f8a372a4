"""What tells two names apart that sound alike: a qualifier word, a root under a shared ending.

``North Dakota`` and ``South Dakota``, ``Νότια Ντακότα`` and ``North Dakota``, ``Άνω`` and
``Κάτω`` of one village, ``New`` and ``Old`` of one town: the base word carries most of the
letters, so the whole names come close enough to merge on sound while the one word that
tells them apart, the qualifier, differs. The qualifiers form a closed word class: compass
points and their adjectives, upper/lower, new/old, great/little, in English, in Greek (every
case and gender, as :func:`entityx.text.greek.normalize` writes them), in the Latin spellings
of Greek place names, and in the Romance and Germanic languages' own forms of them. Two names
that each hold a qualifier must hold the same classes of them to be one thing, and of two names
of one script and as many words, one cannot hold a qualifier alone (``Βόρεια Θάλασσα``,
``Μαύρη Θάλασσα``); ``Βόρεια Μακεδονία`` and ``Μακεδονία`` differ in word count already.

Greek surnames share a few productive endings (-όπουλος, -ίδης, -άκης), which lend two
different names most of their letters: ``Βαρτζόπουλος`` and ``Αβραμόπουλος`` come close on
the whole word while their roots do not. :func:`roots_differ` compares the roots on their own;
the resolver asks it of names in one script only, as transcription across scripts varies the
root too (Bloemfontein / Μπλουμφοντέιν).
"""

from __future__ import annotations

from rapidfuzz import fuzz

from ..text.greek import normalize

__all__ = ["qualifiers_differ", "roots_differ"]

#: A word ending at least this long, shared by two words, has its roots compared on their
#: own (:func:`roots_differ`), where they are at least :data:`ROOT_MIN` letters each.
SHARED_ENDING = 4
ROOT_MIN = 3

_CLASSES: dict[str, tuple[str, ...]] = {
    "north": (
        "north", "northern", "nord", "norte", "nordic", "βορεια", "βορειο", "βορειοσ", "βορειασ",
        "βορειου", "βορειων", "βορειεσ", "voreia", "voreio", "voreios", "vorio", "voria",
    ),
    "south": (
        "south", "southern", "sud", "süd", "νοτια", "νοτιο", "νοτιοσ", "νοτιασ", "νοτιου",
        "νοτιων", "νοτιεσ", "notia", "notio", "notios",
    ),
    "east": (
        "east", "eastern", "est", "ost", "este", "ανατολικη", "ανατολικο", "ανατολικοσ",
        "ανατολικησ", "ανατολικου", "ανατολικων", "anatoliki", "anatoliko", "anatolikos",
    ),
    "west": (
        "west", "western", "ouest", "oeste", "δυτικη", "δυτικο", "δυτικοσ", "δυτικησ", "δυτικου",
        "δυτικων", "dytiki", "dytiko", "dytikos", "ditiki",
    ),
    "upper": ("upper", "ανω", "ano", "haute", "haut", "ober", "alto", "alta"),
    "lower": ("lower", "κατω", "kato", "basse", "bas", "nieder", "unter", "bajo", "baja"),
    "new": (
        "new", "nea", "neo", "neos", "nova", "novo", "nuevo", "nueva", "nouvelle", "nouveau",
        "neu", "νεα", "νεο", "νεοσ", "νεασ", "νεου", "νεων",
    ),
    "old": (
        "old", "palaia", "palaio", "palaios", "palia", "palio", "vieux", "vieille", "viejo",
        "alt", "παλαια", "παλαιο", "παλαιοσ", "παλαιασ", "παλαιου", "παλια", "παλιο", "παλιασ",
    ),
    "great": (
        "great", "greater", "megali", "megalo", "megalos", "grand", "grande", "gross", "groß",
        "μεγαλη", "μεγαλο", "μεγαλοσ", "μεγαλησ", "μεγαλου",
    ),
    "little": (
        "little", "lesser", "mikri", "mikro", "mikros", "petit", "petite", "klein", "pequeño",
        "μικρη", "μικρο", "μικροσ", "μικρησ", "μικρου",
    ),
}  # fmt: skip
_CLASS_OF = {normalize(word): name for name, words in _CLASSES.items() for word in words}


def _classes(norm: str) -> frozenset[str]:
    return frozenset(c for c in map(_CLASS_OF.get, norm.split()) if c is not None)


def qualifiers_differ(norm_a: str, norm_b: str, *, one_script: bool = False) -> bool:
    """Whether two normalised names both hold qualifier words, of different classes; with
    ``one_script`` (names of one script and as many words), also where only one holds any:
    its qualifier stands where the other has another word (Βόρεια Θάλασσα, Μαύρη Θάλασσα).
    Across scripts a transcription is no qualifier word (Nord Stream, Νορντ Στριμ)."""
    a, b = _classes(norm_a), _classes(norm_b)
    if one_script:
        return a != b
    return bool(a) and bool(b) and a != b


def roots_differ(a: str, b: str, floor: float) -> bool:
    """Whether two word keys share a long ending (a surname suffix: Βαρτζόπουλος and
    Αβραμόπουλος, -opulos) and the roots before it, both long enough to be roots, fall
    below ``floor``: the shared ending made the words look alike, the roots are apart."""
    shared = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        shared += 1
    if shared < SHARED_ENDING:
        return False
    root_a, root_b = a[:-shared], b[:-shared]
    if min(len(root_a), len(root_b)) < ROOT_MIN:
        return False
    return fuzz.ratio(root_a, root_b) < floor
