"""Canonical names of resolved entities, in the order a reader trusts them.

1. the knowledge base's English name (the caller passes it; nothing to decide here);
2. a Latin-script form seen in the text (the fullest, most frequent one);
3. for a one-word place that Greek calls by a word of its own, its English name
   (:mod:`entityx.resolution.exonyms`: Μόσχα, Moscow), as for a place or body Greek names by
   what it is and its adjectives or place (:mod:`.name_kinds`: Black Sea, University of Crete);
   for another Greek name, ELOT 743 of its nominative, rebuilt from the inflected forms seen;
4. for a foreign name written in Greek, a reading in its source language: the conventional
   Latin spelling of each word of a person's name when the name-parts table knows one that
   sounds like it, else a phonetic romanisation;
5. acronyms stay upper case (``ΚΚΕ`` → ``KKE``); and a name never comes out empty: a surface
   that romanises to nothing (``@``) is its own name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from ..text.abbreviations import named_without_abbreviations
from ..text.georgian import GEORGIAN_ENDINGS, georgian_latin, is_georgian_surname
from ..text.greek import has_greek, has_latin, is_acronym, normalize
from ..text.inflection import nominative_words
from ..text.keys import token_keys
from ..text.letter_names import LETTER_NAMES, leading_letter_names, letter_name_runs
from ..text.numerals import is_roman_numeral
from ..text.romanize import acronym_latin, elot743, romanize_phonetic
from ..text.russian import looks_russian, russian_latin, spelled_russian_way
from ..text.south_slavic import IC_ENDING, looks_south_slavic, south_slavic_latin
from .demonyms import english_demonym
from .designators import is_designator
from .exonyms import (
    compass_place,
    english_adjective,
    english_place,
    english_place_name,
    names_places_within,
)
from .foreign_names import fold, name_looks_foreign
from .name_kinds import (
    adjective_place,
    english_kind,
    feature_of_place,
    institution_of_place,
    romanised_kind,
    translated_feature,
    without_kind_forms,
)
from .name_parts import latin_name_parts
from .name_spelling import LabelReader, latin_lexicon
from .source_language import spelt_in_source_language
from .translate import (
    FUNCTION_WORDS,
    TRANSLATED_LABELS,
    dictionary_nominative,
    proper_headword,
    proper_nominative,
)

__all__ = ["NameForm", "canonical_name", "is_acronym", "latin_lexicon"]

# Words written in lower case inside a romanised name (Trapeza tis Ellados).
_LOWER_WORDS = frozenset(["tou", "tis", "ton", "kai", "to", "ta", "stin", "sto", "sti"])
_WORD = re.compile(r"\w+")
# Greek's two-letter initials as one Latin letter (not ντ, also the particle in Ζισκάρ ντ').
_DIGRAPH_INITIALS = {"τζ": "J", "μπ": "B", "γκ": "G"}
_HYPHEN = re.compile(r"(?<=\w)[-‐‑](?=\w)")
# A word of a surface and the hyphen that joins it to the next one, if any.
_HYPHENATED_WORD = re.compile(r"(\w+)([-‐‑](?=\w))?")
# A Greek abbreviation written with dots (Α.Ε., Ε.Π.Ε.: a company's form), whose letters
# normalising would part into one-letter words.
_DOTTED = re.compile(r"(?<!\w)(?:[Α-ΩΆ-Ώ]\.){2,}(?!\w)")


@dataclass(frozen=True)
class NameForm:
    """One distinct surface of an entity and how often the context used it."""

    surface: str
    count: int = 1


def canonical_name(
    forms: Sequence[NameForm], label: str, *, lexicon: LabelReader | None = None
) -> str:
    """The display name of an entity the knowledge base does not name (steps 2-5 above).

    ``lexicon`` maps a normalised Greek word of a name under a label to a conventional Latin
    spelling, or ``None``.
    """
    if label == "PERSON" and any("." in f.surface and has_greek(f.surface) for f in forms):
        # Κ. Μητσοτάκης, Χρ. Σταϊκούρας: K. Mitsotakis, Chr. Staikouras (the letters no word).
        named = named_without_abbreviations(
            [f.surface for f in forms],
            lambda rest: _canonical_name(
                [NameForm(r, f.count) for r, f in zip(rest, forms, strict=True)], label, lexicon
            ),
            initials=_DIGRAPH_INITIALS,
        )
        if named is not None:
            return named
    name = _canonical_name(forms, label, lexicon)
    if len(forms) < 2:
        return name  # (most entities: nothing to choose between)
    greek = [f.surface for f in forms if has_greek(f.surface)]
    bare = without_kind_forms(greek, label)
    if bare is None or not romanised_kind(name, greek, label):
        return name
    # Οροσειρά Πενταδακτύλου beside Πενταδάκτυλος: Pentadaktylos, not Oroseira Pentadaktylou.
    kept = set(bare)
    rest = [f for f in forms if f.surface in kept or not has_greek(f.surface)]
    return _canonical_name(rest, label, lexicon)


def _canonical_name(forms: Sequence[NameForm], label: str, lexicon: LabelReader | None) -> str:
    if any("." in f.surface for f in forms):
        # Εγνατία Οδός Α.Ε.: Egnatia Odos AE, its abbreviation one acronym, not two words.
        forms = [NameForm(_DOTTED.sub(_undotted, f.surface), f.count) for f in forms]
    if len(forms) == 1 and has_latin(forms[0].surface) and not has_greek(forms[0].surface):
        return forms[0].surface.strip()  # what the general case gives, at a fifth of its cost
    latin = [f for f in forms if has_latin(f.surface) and not has_greek(f.surface)]
    if latin:
        best_latin = max(latin, key=_latin_rank)
        # An acronym is how an organisation is known in Latin script (ASEAN, NATO).
        if is_acronym(best_latin.surface) or _length(best_latin.surface, label, own=True) >= max(
            _length(f.surface, label) for f in forms
        ):
            return best_latin.surface.strip()
    greek = [f for f in forms if has_greek(f.surface)]
    if greek:
        surfaces = [f.surface for f in greek]
        known = _known_name_part if lexicon is not None else None
        own = _own_acronym(greek, label)
        if own is not None:
            return own
        words = _nominative(surfaces, label, known)
        words = [w for w in words if w]
        acronym = len(greek) == 1 and is_acronym(greek[0].surface)
        inner = (
            frozenset(normalize(t) for f in surfaces for t in f.split() if is_acronym(t))
            if label in TRANSLATED_LABELS and len(words) > 1
            else frozenset()
        )
        foreign = partial(name_looks_foreign, label=label, lexicon=lexicon, acronyms=inner)
        place = (
            english_place(words, label, lexicon)
            or compass_place(words, label, lexicon)
            or translated_feature(words, label, english_adjective)
            or adjective_place(words, label, english_adjective, english_place_name)
            or institution_of_place(words, label, english_place_name, foreign)
            or feature_of_place(words, label, english_place_name)
            or english_demonym(words, label)
            if not acronym
            else None
        )
        if place is not None:
            return place
        kind = english_kind(words, label, foreign, english_place_name)
        name = _romanise(
            kind[2] if kind else words, label, lexicon, acronym=acronym, acronyms=inner
        )
        if name and kind:
            name = f"{kind[0]} {name}" if kind[1] else f"{name} {kind[0]}"
        if name:
            named = _borrow_latin_words(name, latin)
            # Only where the words stand as the surfaces' do (not in Foklad Islands).
            named = _lower_like(named, surfaces) if not kind or kind[1] else named
            return _hyphenate_like(named, surfaces)
    # Nothing romanises (punctuation, symbols): the verbatim surface is the name.
    best = max(forms, key=lambda f: (f.count, -len(f.surface), f.surface))
    return best.surface.strip() or best.surface


def _undotted(match: re.Match[str]) -> str:
    return match.group(0).replace(".", "")


def _nominative(surfaces: list[str], label: str, known: Callable[[str], int] | None) -> list[str]:
    """The normalised nominative words of a Greek name, by the dictionaries' nouns."""
    return nominative_words(
        surfaces,
        label,
        known_name=known,
        known_noun=dictionary_nominative,
        known_head=dictionary_nominative if label == "ORG" else proper_nominative,
        known_masculine=proper_headword if label == "LOC" else None,
    )


def _lower_like(name: str, surfaces: Sequence[str]) -> str:
    """A word after the first that a Greek surface of as many words writes in lower case is
    lower case in the name too: Greek keeps the source's particles so (Ούρσουλα φον ντερ
    Λάιεν: Ursula von der Leyen, Σαρλ ντε Γκωλ: de, where Italian Ντε Ρόσι keeps De)."""
    words = name.split(" ")
    for surface in surfaces:
        # Most names have no lower-case word after the first: skip them before the regex.
        if not any(w[:1].islower() for w in surface.split()[1:]):
            continue
        parts = _WORD.findall(surface)
        if len(parts) != len(words):
            continue
        return " ".join(
            w.lower() if i and p[:1].islower() and has_greek(p) else w
            for i, (w, p) in enumerate(zip(words, parts, strict=True))
        )
    return name


def _hyphenate_like(name: str, surfaces: Sequence[str]) -> str:
    """Hyphens where a Greek surface of as many words has them (Ζαν-Λικ: Jean-Luc), the word
    after one in lower case where the Greek is (Μουν Τζε-ιν: Moon Jae-in)."""
    words = name.split(" ")
    for surface in surfaces:
        if not _HYPHEN.search(surface):
            continue
        parts = _HYPHENATED_WORD.findall(surface)
        if len(parts) != len(words):
            continue
        out = [words[0]]
        for (_, hyphen), (after, _), word in zip(parts, parts[1:], words[1:], strict=False):
            if hyphen:
                out[-1] += "-" + (word.lower() if after[:1].islower() else word)
            else:
                out.append(word)
        return " ".join(out)
    return name


def _own_acronym(greek: list[NameForm], label: str) -> str | None:
    """An organisation the text calls by its full Greek name and by an acronym is known in
    Latin script by the acronym's letters, as Greek parties and bodies are (PASOK, ERE,
    ELSTAT), the rule a Latin acronym follows above; ``None`` for other labels or none."""
    if label != "ORG" or len(greek) < 2:
        return None
    acronyms = [f for f in greek if is_acronym(f.surface)]
    if not acronyms or len(acronyms) == len(greek):
        return None
    best = max(acronyms, key=lambda f: (f.count, len(f.surface), f.surface))
    return "".join(acronym_latin(w) for w in normalize(best.surface).split()) or None


def _length(surface: str, label: str = "PERSON", *, own: bool = False) -> int:
    if label in TRANSLATED_LABELS:
        # A translation's articles and prepositions make it no fuller: Χώρα των Βάσκων is
        # named Basque Country, not Chora ton Vaskon; nor does a word saying what it is
        # (Χερσόνησος Καρπασίας beside Karpasia: Karpasia, not Chersonisos Karpasias),
        # though a Latin name's ``own`` such words count for it against the Greek name that
        # says them in words of its own (Cyprus News Agency: Κυπριακό Πρακτορείο Ειδήσεων).
        words = normalize(surface).split()
        return max(
            1,
            sum(w not in FUNCTION_WORDS and (own or not is_designator(w, label)) for w in words),
        )
    return len(token_keys(surface)[1])


def _latin_rank(f: NameForm) -> tuple[int, int, int, int, int, str]:
    mixed = int(any(ch.islower() for ch in f.surface))
    # A word written out names the entity better than its initial (Subrahmanyam, not S.).
    initials = sum(len(w.strip(".")) == 1 for w in f.surface.split())
    return (_length(f.surface), -initials, f.count, mixed, -len(f.surface), f.surface)


def _romanise(
    words: list[str],
    label: str,
    lexicon: LabelReader | None,
    *,
    acronym: bool,
    acronyms: frozenset[str] = frozenset(),
) -> str:
    """Romanise the normalised nominative ``words`` of one Greek name; ``acronyms``: the
    normalised words that its surfaces write as acronyms (ΟΗΕ in a longer name)."""
    if acronym:
        return " ".join(acronym_latin(w) for w in words)
    foreign = name_looks_foreign(words, label, lexicon, acronyms)
    russian = foreign and looks_russian(
        words, None if lexicon is None else lambda w: lexicon(w, label)
    )
    # A surname in -ιτς (-ić) is South Slavic, unless the name is Russian (Πιοτρ Ίλιτς).
    slavic = foreign and not russian and label == "PERSON" and looks_south_slavic(words)
    # A person's name comes from one language: the one its words reveal spells them all.
    spelt = (
        spelt_in_source_language([w for w in words if has_greek(w)], lambda w: lexicon(w, label))
        if lexicon is not None and foreign and not russian and label == "PERSON"
        else {}
    )
    # The articles and prepositions of a foreign-looking organisation's or place's Greek name
    # are Greek words, not names the lexicon spells (για: gia, not Ja; την: tin, not Teen).
    phrase = label in TRANSLATED_LABELS and len(words) > 1
    letters = _letter_words(words, label)
    out = []
    for i, w in enumerate(words):
        if i in letters:
            out += [letters[i]] if letters[i] else []
            continue
        fixed = _fixed_spelling(i, w, label, function_word=foreign and phrase, acronyms=acronyms)
        if fixed is not None:
            out.append(fixed)
            continue
        known = spelt.get(w) or (lexicon(w, label) if lexicon is not None and foreign else None)
        if russian and not (known and spelled_russian_way(known, w)):
            # The lexicon's spelling of a Russian word is often another Slavic language's.
            known = russian_latin(w).capitalize()
        elif slavic and (not known or _south_slavic_surname(w, known)):
            known = south_slavic_latin(w).capitalize()
        elif (
            foreign
            and label == "PERSON"
            and is_georgian_surname(w)
            and not (known and fold(known).endswith(GEORGIAN_ENDINGS))
        ):
            known = georgian_latin(w).capitalize()  # Κομπαχίτζε: Kobakhidze
        if not known and foreign and names_places_within(words, label, lexicon):
            # Greek names the city of a club abroad its own way (Ρεάλ Μαδρίτης: Real Madrid).
            known = english_place_name(w)
        if known:
            out.append(known)
            continue
        rom = romanize_phonetic(w) if foreign else elot743(w)
        out.append(rom if i and rom in _LOWER_WORDS else rom.capitalize())
    return " ".join(out)


def _letter_words(words: list[str], label: str) -> dict[int, str]:
    """The words of a name that are English letters' names, by position: what each is
    written as, ``""`` for the letters a word before spells with it. A person's leading
    ones are initials (Τζέι Ντι Βανς: J. D. Vance); a body's or place's, its acronym (Σι Εν
    Εν: CNN)."""
    if label == "PERSON":
        return {i: LETTER_NAMES[words[i]] + "." for i in range(leading_letter_names(words))}
    out: dict[int, str] = {}
    for start, (end, spelt) in letter_name_runs(words).items():
        out.update(dict.fromkeys(range(start, end), ""))
        out[start] = spelt
    return out


def _fixed_spelling(
    i: int, word: str, label: str, *, function_word: bool, acronyms: frozenset[str]
) -> str | None:
    """The spelling of the ``i``-th word of a name that no reading decides, or ``None``: a
    Latin word, an acronym, an initial, and (``function_word``) a Greek article or
    preposition of a foreign-looking organisation or place."""
    if not has_greek(word):
        # A regnal numeral (Γ΄, read as iii) is written in Roman capitals: Karolos III.
        return word.upper() if i and is_roman_numeral(word) else word.capitalize()
    if word in acronyms:
        return acronym_latin(word)  # Ύπατη Αρμοστεία του ΟΗΕ: OIE
    if function_word and word in FUNCTION_WORDS:
        rom = "and" if word == "και" else elot743(word)  # Τρινιντάντ και Τομπάγκο
        return rom if i else rom.capitalize()
    if label == "PERSON" and (len(word) == 1 or word in _DIGRAPH_INITIALS):
        # an initial, not a name to look up (Τζ. Κ. Ρόουλινγκ: J. K. Rowling)
        return _DIGRAPH_INITIALS.get(word, elot743(word).capitalize()) + "."
    return None


def _south_slavic_surname(word: str, known: str) -> bool:
    """Whether ``word`` is an -ić surname the lexicon spells otherwise (Πλένκοβιτς is no
    Plenkovits): its sound-alike is then no spelling of it."""
    return looks_south_slavic([word]) and not fold(known).endswith(IC_ENDING)


def _known_name_part(word: str) -> int:
    """How many Latin spellings the name-parts table holds for ``word`` as written (its keys
    are nominatives); 0 where it holds none."""
    return len(latin_name_parts(word, inflected=False))


def _borrow_latin_words(romanised: str, latin: list[NameForm]) -> str:
    """`Σεργκέι Λαβρόφ` with `Lavrov` in the text: `Sergei Lavrov`, not `Sergei Lavrof`."""
    if not latin:
        return romanised
    spelled: dict[str, str] = {}
    for f in latin:
        for word in _WORD.findall(f.surface):
            stem = token_keys(word)[1]
            if len(stem) == 1:
                spelled.setdefault(stem[0], word)
    words = romanised.split()
    return " ".join(spelled.get(_stem_of(w), w) for w in words)


def _stem_of(word: str) -> str:
    stems = token_keys(word)[1]
    return stems[0] if len(stems) == 1 else ""
