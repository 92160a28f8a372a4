"""The nominative of a Greek name, rebuilt from the inflected forms a text shows.

News text names people and places in every case (``του Γιάννη Στουρνάρα``, ``της Κεντρικής
Μακεδονίας``); a canonical name is the nominative (``Γιάννης Στουρνάρας``, ``Κεντρική
Μακεδονία``). Two sources of evidence, in this order:

1. the forms seen: per word position, the variant whose ending is a nominative ending wins;
2. the declension classes: an oblique ending whose nominative is not ambiguous is undone.
   Masculine person names (the great majority in news) take -ος/-ης/-ας; a given name that is
   feminine by its ending or by its surname (``Ζωή Κωνσταντοπούλου``) keeps its form, and so
   does any surname that Greek does not decline (``Παπανδρέου``). Places and organisations:
   feminine genitives in -ας/-ης (``Ρωσίας``, ``Κεντρικής``) lose their -ς; a masculine
   -ού becomes -ός (``Ολυμπιακού``); words after a genitive article stay as they are (``της
   Ελλάδος``).

Words come back normalised (lower case, no accents: :func:`entityx.text.greek.normalize`).
Foreign names written in Greek (``Λαβρόφ``) are rarely declined, so only step 1 applies.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence

from .greek import GREEK_VOWELS, has_greek, normalize
from .memo import word_cache
from .noun_phrase import (
    GENITIVE_ARTICLES,
    dictionary_head_nominative,
    is_adjective,
    is_name_adjective,
)
from .romanize import looks_foreign

__all__ = ["nominative_words"]

_SPLIT = re.compile(r"[^\w]+|_")
_ACUTE = "\u0301"
_VOWEL_LETTERS = GREEK_VOWELS
# Endings of feminine given names that no masculine case form has.
_FEMININE_GIVEN = ("ια", "ινα", "ουλα", "ελα", "ενη", "ινη", "ηνη", "ικη", "ιτσα", "ιρα", "ωη")


def nominative_words(
    surfaces: Sequence[str],
    label: str,
    *,
    known_name: Callable[[str], int] | None = None,
    known_noun: Callable[[str], bool] | None = None,
    known_head: Callable[[str], bool | int] | None = None,
    known_masculine: Callable[[str], bool] | None = None,
) -> list[str]:
    """Normalised words of the nominative of the fullest of ``surfaces`` (one entity's forms).

    ``known_name`` says how many spellings a table of nominatives knows for a normalised
    word as written (0: it is no name part there): a given name it knows, while it does not
    know the name with -ς, is a nominative (Όλγα, Έφη, Μαριέττα: feminine), where its ending
    alone would be read as the oblique case of a masculine name (Κώστα, Γιάννη).
    ``known_noun`` says whether a dictionary lists a normalised word as a nominative: a place's
    or organisation's word it lists is one, whatever its ending suggests (Αστέρας, Απόλλων,
    Θέμα: masculine -ας, -ων, a neuter beside Θέματος; Τράπεζας is Τράπεζα's genitive).
    ``known_head`` says which of those an oblique head noun may be rebuilt into
    (:func:`entityx.text.noun_phrase.dictionary_head_nominative`; default ``known_noun``),
    and ``known_masculine`` which masculine nominatives a head in -α, -η or -ο may be the
    oblique case of (default: ``known_noun``'s for an organisation, none for a place).
    """
    noun = known_noun if known_noun is not None and label != "PERSON" else _no_noun
    parsed = [_words(s) for s in surfaces]
    parsed = [p for p in parsed if p]
    if not parsed:
        return []
    width = max(len(p) for p in parsed)
    rows = [p for p in parsed if len(p) == width]
    if len(rows) == 1:
        words = rows[0]  # one form of that width (most entities): nothing to choose
    else:
        columns = [Counter(row[i] for row in rows) for i in range(width)]
        words = [_pick(col, label, noun) for col in columns]
        if label == "PERSON" and known_name is not None:
            feminine = _feminine_given(words[0], columns[0], columns[-1], known_name)
            if feminine is not None:
                return [feminine[0], *(w for w, _, _ in words[1:])]
    norm = [w for w, _, _ in words]
    oblique = label == "PERSON" and known_name is not None
    if oblique and _oblique_given(norm, known_name, accented=words[0][1]):  # type: ignore[arg-type]
        return _masculine_name(norm, known_name)
    # A head noun the dictionary knows makes the name Greek whatever its endings look like
    # (Ισλαμικού Κράτους, Διεθνούς Ολυμπιακής Επιτροπής).
    head = known_head or noun
    foreign = looks_foreign(norm, label=label)
    # (A foreign place's -ου is its own: Σάτου Μάρε is Satu Mare, whatever Σάτο may be.)
    rebuild = label == "ORG" or (label == "LOC" and not foreign)
    known = _head_rebuilt(norm, label, head, noun, known_masculine) if rebuild else None
    if known is not None:
        return known
    if not any(has_greek(w) for w in norm) or foreign or _is_acronym_word(norm):
        return norm
    if label == "PERSON":
        if known_name is not None and _nominative_given(norm[0], known_name):
            return norm
        return _person_nominative(words, known_name)
    return _place_nominative(words, label, noun)


def _no_noun(word: str) -> bool:
    return False


def _head_rebuilt(
    norm: list[str],
    label: str,
    head: Callable[[str], bool | int],
    noun: Callable[[str], bool],
    masculine: Callable[[str], bool] | None,
) -> list[str] | None:
    return dictionary_head_nominative(
        norm,
        head,
        nominative=noun,
        masculine=masculine or (noun if label == "ORG" else None),
        accusatives=label == "LOC",
    )


# (normalised word, accent on its final vowel, letters after the accented one; -1: none)
Word = tuple[str, bool, int]


def _words(surface: str) -> list[Word]:
    norm = normalize(surface).split()
    raw = [t for t in _SPLIT.split(unicodedata.normalize("NFC", surface).casefold()) if t]
    if len(raw) < len(norm):
        return [(w, False, -1) for w in norm]
    raw = raw[len(raw) - len(norm) :]  # leading articles and honorifics went in normalize
    return [(w, *_accent(r)) for w, r in zip(norm, raw, strict=True)]


@word_cache(maxsize=100_000)  # names repeat their words across a corpus
def _accent(word: str) -> tuple[bool, int]:
    """(accent on the final vowel, letters after the accented one; -1: no accent)."""
    decomposed = unicodedata.normalize("NFD", word)
    at = decomposed.rfind(_ACUTE)
    after = -1 if at < 0 else sum(1 for ch in decomposed[at + 1 :] if ch.isalpha())
    return decomposed.rstrip("ςσ").endswith(_ACUTE), after


def _is_acronym_word(words: list[str]) -> bool:
    return len(words) == 1 and len(words[0]) <= 5 and not any(c in _VOWEL_LETTERS for c in words[0])


def _pick(column: Counter[Word], label: str, noun: Callable[[str], bool]) -> Word:
    """The variant of one word position that looks most like a nominative."""

    def score(item: tuple[Word, int]) -> tuple[float, int, str]:
        (word, accent, _), count = item
        return (2.0 if noun(word) else _nominative_score(word, accent, label), count, word)

    return max(column.items(), key=score)[0]


def _nominative_score(word: str, accent: bool, label: str) -> float:
    if word.endswith("ων") or (word.endswith("ου") and len(word) > 3):
        return -1.0
    if label != "PERSON" and word.endswith("ουσ"):
        return -1.0  # an accusative plural or a neuter's genitive: Δελφούς, Όρους
    if label == "PERSON":
        if word.endswith(("οσ", "ησ", "ασ")):
            return 1.0
        return -0.5 if word.endswith("ο") else 0.0
    if word.endswith(("ασ", "ησ")) and not accent:
        return -1.0  # Ρωσίας, Τράπεζας, Κρήτης: feminine genitives
    if label == "LOC" and word.endswith(_ACCENTED_FEMININE_GENITIVE) and accent:
        return -1.0  # Κεφαλονιάς, Κηφισιάς
    if word.endswith("ασ") and accent and is_name_adjective(word):
        return -1.0  # Ερυθράς, Μικράς: the feminine genitive of an adjective in -ός, -ά
    # Κεντρικής beside Κεντρική is the genitive; alone it may be a nominative (Διεθνής).
    return -0.5 if word.endswith("ησ") else 0.0


# A place in -ιά is feminine (Κεφαλονιά, Κηφισιά, Καλαμαριά): -ιάς is its genitive. (A
# masculine place in -άς has no ι before it: Πειραιάς, Γαλατάς.)
_ACCENTED_FEMININE_GENITIVE = "ιασ"


def _person_nominative(words: list[Word], known_name: Callable[[str], int] | None) -> list[str]:
    norm = [w for w, _, _ in words]
    if len(norm) < 2 or _feminine(words) or not _oblique_person(norm):
        return norm
    if (
        known_name is not None
        and not known_name(_masculine_given(norm[0], known_name))
        and not norm[-1].endswith(_MASCULINE_OBLIQUE_SURNAMES)
    ):
        # A given name in -α or -η that the table knows no masculine -ς form of is a woman's
        # (Ντόρα Μπακογιάννη, Φώφη Γεννηματά, Νάνα Μούσχουρη): the table holds the masculine
        # Greek given names whose oblique cases these endings would be (Κώστα, Γιάννη). A
        # surname that only a man's name takes in an oblique case says so even of a given
        # name the table does not know (Προκόπη Παυλόπουλο; a woman is Παυλοπούλου).
        return norm
    return _masculine_name(norm, known_name)


# Oblique forms of surname endings whose feminine is another word (-ίδου, -άδου, -οπούλου).
_MASCULINE_OBLIQUE_SURNAMES = ("ιδη", "αδη", "οπουλο")


def _masculine_given(given: str, known_name: Callable[[str], int]) -> str:
    """The masculine nominative of an oblique given name: its genitive in -ου of a name in
    -ος the table knows (Διονυσίου, Χαρίλαου: Διονύσιος, Χαρίλαος), as :func:`_masculine`
    keeps a vowel before -ου (as surnames keep it: Παπανδρέου)."""
    if given.endswith("ου") and known_name(given[:-2] + "οσ"):
        return given[:-2] + "οσ"
    return _masculine(given)


def _feminine_given(
    picked: Word, column: Counter[Word], surnames: Counter[Word], known_name: Callable[[str], int]
) -> Word | None:
    """Μαριέττα beside Μαριέττας: the -ς form is the genitive of a feminine given name when
    the table does not know the name with -ς: where it knows the name without, or where the
    surname shows no masculine -ς (Προκόπης Παυλόπουλος, Προκόπη Παυλόπουλο is a man).
    Ανδρέας beside Ανδρέα stays: the table knows Ανδρέας. The feminine given name as
    written, or ``None`` when that is not the case."""
    word = picked[0]
    bare = [w for w in column if w[0] == word[:-1]]
    if not word.endswith("σ") or not bare or known_name(word):
        return None
    if known_name(word[:-1]):
        return bare[0]  # the table knows it without -ς only (Νίκη Κεραμέως, Νίκης)
    # The table holds the masculine Greek given names; one it knows in neither form, seen
    # both ways, is a woman's (Αννίτα, Αννίτας Δημητρίου) unless her surname shows a man's -ς.
    masculine_surname = any(surname.endswith("σ") for surname, _, _ in surnames)
    return None if masculine_surname else bare[0]


def _nominative_given(given: str, known_name: Callable[[str], int]) -> bool:
    masculine = _masculine(given)
    return masculine != given and known_name(given) > 0 and not known_name(masculine)


def _oblique_given(
    norm: list[str], known_name: Callable[[str], int], *, accented: bool = False
) -> bool:
    """Whether a name of several words starts with the accusative or vocative of a Greek
    masculine given name (Γιώργο, Νίκο, Αλέξη), as the table knows it only with its -ς: then
    the whole name is in that case (Γιώργο Τούρκο, Νίκο Παππά), although all its words end
    in -ο or -α as Romance names do (Αντόνιο Κόστα, whose Αντόνιο the table knows). A given
    name ``accented`` on its final vowel, which no Romance name is, is oblique also where the
    table knows it as written, if it knows more spellings of it with -ς (Κωστή: Kosti; Κωστής:
    Kostis, Kostas, Costas...; but Ζωή: Zoe, Zoey against Ζωής: Zois is a woman's)."""
    given = norm[0]
    if len(norm) < 2 or not given.endswith(("ο", "α", "η")) or not has_greek(given):
        return False
    # The other words end as a Greek name's case form does (Κάρλο Αντσελότι is Italian).
    if not all(w.endswith(("ο", "α", "η", "ου")) for w in norm[1:]):
        return False
    masculine, bare = known_name(given + "σ"), known_name(given)
    return masculine > 0 and (not bare or (accented and masculine > bare))


def _oblique_person(norm: list[str]) -> bool:
    """Whether a Greek person's name is in an oblique case of a masculine name.

    The given name decides: -η and -ου end no foreign given name Greek writes (Γιάννη,
    Νίκου); -ο and -α also end Romance and Slavic ones (Αντόνιο, Λούκα), so with those the
    surname must show an oblique ending too (Κυριάκο Μητσοτάκη, Κώστα Σημίτη).
    """
    given, surname = norm[0], norm[-1]
    if given.endswith(("η", "ου")):
        return True
    surname_oblique = surname.endswith(("η", "ο")) or (
        surname.endswith("ου") and surname[-3:-2] not in _VOWEL_LETTERS
    )
    return given.endswith(("ο", "α")) and surname_oblique


def _feminine(words: list[Word]) -> bool:
    given, accent, _ = words[0]
    if given.endswith(("α", "η", "ω")) and accent:
        return True  # Ζωή, Αγγελική: no masculine case form ends in an accented vowel
    if given.endswith(_FEMININE_GIVEN):
        return True
    # Κωνσταντοπούλου (feminine) against Παυλόπουλου (a masculine genitive): the -όπουλος
    # surnames move their accent in the feminine, and only there.
    surname, _, after = words[-1]
    return surname.endswith("πουλου") and after == 3


def _masculine_name(norm: list[str], known_name: Callable[[str], int] | None) -> list[str]:
    """The masculine nominative of an oblique name's words; a surname in -ου that is a given
    name's genitive stays (Παπακωνσταντίνου, Χριστοδούλου: a father's name, not declined)."""
    out = [
        w if k and known_name is not None and _patronymic(w, known_name) else _masculine(w)
        for k, w in enumerate(norm)
    ]
    if known_name is not None:
        out[0] = _masculine_given(norm[0], known_name)  # Ελευθερίου, Δημητρίου: a genitive
    return out


# Prefixes of patronymic surnames: a priest's (Παπα-) or a pilgrim's (Χατζη-) son.
_PATRONYMIC_PREFIXES = ("", "παπα", "χατζη")
# The table knows a given name by two spellings or more (Πέτρος: Petros, Peter), most
# surnames by one (Γλέζος: Glezos); the surnames of these endings, some of which it knows by
# two (Papadopoulos, Papadopulos), are declined whatever it says (Παπαδόπουλου is the
# genitive of Παπαδόπουλος).
_GIVEN_NAME_SPELLINGS = 2
_DECLINED_SURNAMES = ("οπουλοσ", "ακοσ")


def _patronymic(word: str, known_name: Callable[[str], int]) -> bool:
    """Whether a normalised surname in -ου is the genitive of a given name, maybe after Παπα-
    or Χατζη- (Κωνσταντίνου, Παπακωνσταντίνου, Χριστοδούλου): a father's name, which Greek
    does not decline."""
    if not word.endswith("ου") or len(word) < 5:
        return False
    base = word[:-2] + "οσ"
    if base.endswith(_DECLINED_SURNAMES):
        return False
    return any(
        base.startswith(prefix) and known_name(base[len(prefix) :]) >= _GIVEN_NAME_SPELLINGS
        for prefix in _PATRONYMIC_PREFIXES
    )


def _masculine(word: str) -> str:
    """Masculine nominative of a normalised oblique name word (Γιάννη → γιάννησ)."""
    if not has_greek(word) or len(word) < 3 or word.endswith("σ"):
        return word
    if word.endswith("ου"):
        # Παπανδρέου, Παπαδάκου...: a vowel before -ου marks a surname Greek does not decline;
        # so does -ογλου (Turkish -oğlu: Αχτσιόγλου, Καραμπεσίνογλου).
        keep = word[-3] in _VOWEL_LETTERS or word.endswith("ογλου")
        return word if keep else word[:-2] + "οσ"
    if word.endswith(("η", "α")):
        return word + "σ"
    if word.endswith("ο"):
        return word + "σ"
    return word


_MASCULINE_NOMINATIVE = "οσ"


def _place_nominative(words: list[Word], label: str, noun: Callable[[str], bool]) -> list[str]:
    # One-word organisations in -ης are often masculine nominatives (the club Άρης), and an
    # adjective in -ής is a nominative unless its noun is a genitive too (Διεθνής Αμνηστία,
    # but Κεντρικής Μακεδονίας).
    genitives = sum(1 for w, accent, _ in words if _feminine_genitive(w, accent, True))
    drop_ης = (label == "LOC" and len(words) == 1) or genitives > 1
    out: list[str] = []
    complement = False
    for word, accent, _ in words:
        if word in GENITIVE_ARTICLES and out:
            complement = True  # Τράπεζα [της Ελλάδος]: the complement keeps its case
        if complement or not has_greek(word):
            out.append(word)
            continue
        if noun(word):
            out.append(word)
        elif _genitive_in_s(word, accent, label, drop_ης):
            out.append(word[:-1])
        elif (
            word.endswith("ου")
            and accent
            and len(word) > 4
            and (label == "ORG" or noun(word[:-2] + "οσ"))
        ):
            # Πανελευσινιακού: Πανελευσινιακός, Κηφισού: Κηφισός; a place the dictionary does
            # not know so is its own genitive (Κοσκινού) or foreign (Μπακού, Τσενγκντού).
            out.append(word[:-2] + "οσ")
        else:
            out.append(word)
        # The head noun comes after its adjectives; what follows it is its genitive
        # complement and keeps its case (Διεύθυνση Ασφάλειας Θεσσαλονίκης, Περιφέρεια
        # Κεντρικής Μακεδονίας, Πλεύση Ελευθερίας), where adjectives and their noun change
        # together (Κεντρικής Μακεδονίας: Κεντρική Μακεδονία). A masculine adjective agrees
        # with no feminine genitive, which is then its complement (Ολυμπιακός Λευκωσίας).
        complement = not is_adjective(word) or out[-1].endswith(_MASCULINE_NOMINATIVE)
    return out


def _genitive_in_s(word: str, accent: bool, label: str, drop_ης: bool) -> bool:
    """Whether a word of a place or organisation is a feminine genitive that loses its -ς."""
    if (len(word) > 4 or is_adjective(word)) and _feminine_genitive(word, accent, drop_ης):
        return True
    if accent and word.endswith("ασ") and is_name_adjective(word):
        return True  # Ερυθράς Θάλασσας: Ερυθρά Θάλασσα
    return label == "LOC" and accent and word.endswith(_ACCENTED_FEMININE_GENITIVE)


def _feminine_genitive(word: str, accent: bool, drop_ης: bool) -> bool:
    return (word.endswith("ασ") and not accent) or (word.endswith("ησ") and drop_ης)
