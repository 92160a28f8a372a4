"""One source language for a foreign name written in Greek, and its words spelt by it.

Greek writes a foreign name by ear, so each word's sound fits several languages' spellings;
word by word, the most common one wins, which mixes languages: ``Φρίντριχ Νίτσε`` gave
Friedrich Nice (French *Nice* is far more written than *Nietzsche*). A name's words come from
one language, and some of them show which: a given name such as Friedrich, Jacques or
Sergio is written far more in its language than in the others
(:func:`entityx.resolution.latin_names.revealed_languages`). The language that the name's
words reveal most, together, spells each word that it writes its own way
(:func:`entityx.resolution.latin_names.latin_spelling_in`): Friedrich Nietzsche.

A word's other spellings of its sound (each language's own, the name table's) speak for the
language they reveal too, once a word's own spelling reveals that language clearly: Νικολά
Σαρκοζί is French by Sarkozy, and Nicolas, French for Νικολά, outweighs the Serbian Nikola
that Νικολά is spelt word by word (Enrico Letta, not Leta; Jarosław Kaczyński). A language
no word's spelling reveals clearly is not chosen on other spellings alone: every language's
own spelling of a sound reveals that language (Czech Jurij for Γιούρι).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from ..text.greek import normalize
from ..text.keys import phonetic
from ..text.readings import every_reading
from .latin_names import latin_spellings_by_language, revealed_languages
from .name_parts import latin_name_parts
from .name_spelling import may_spell

__all__ = ["source_language", "spelt_in_source_language"]

# Zipf points by which the name's words together must favour a language (summed over the
# words) before it spells them: one given name such as Friedrich (German 4.8, median 3.3)
# does; a name written alike everywhere (Barack Obama) reveals none.
_CHOOSES = 1.0
# ...and by which it must lead the runner-up: where two languages tie, the name's words do not
# say which one it is.
_LEADS = 0.0
# The languages whose own reading conventions entityx knows (entityx.text.conventions); the
# others' wordlists (Finnish, Baltic, Slovene, Slovak, Danish, Norwegian) reveal mostly their
# news's foreign names, and their own spellings are not read their way.
_READ = frozenset(
    ["en", "fr", "es", "ca", "it", "pt", "de", "nl", "sv", "pl", "cs", "sh", "hu", "ro", "tr"]
)
# Spellings shorter than this reveal nothing: particles and syllables (De, Da, Je, Ki) are
# common words of some language or other.
_REVEALING_LENGTH = 3


def source_language(spellings: Sequence[str]) -> str | None:
    """The language (wordfreq code) that the Latin ``spellings`` of a name's words reveal
    most, summed over the words; ``None`` when none does clearly.

    The words are scored as spelt word by word, not by each language's own spelling of them:
    a language's own spelling of a sound is mostly written in that language alone, so each
    language would reveal itself (Czech Fridrich for Φρίντριχ)."""
    scores: dict[str, float] = {}
    for spelling in spellings:
        for lang, points in revealed_languages(spelling).items():
            if lang in _READ:
                scores[lang] = scores.get(lang, 0.0) + points
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked or ranked[0][1] < _CHOOSES:
        return None
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < _LEADS:
        return None
    return ranked[0][0]


def spelt_in_source_language(
    words: Sequence[str], read: Callable[[str], str | None]
) -> dict[str, str]:
    """Spellings of the normalised Greek ``words`` of one name: each word's (``read``, the
    word-by-word reading), except where the name's source language writes the word's sound
    its own way."""
    spelt = {word: heard for word in words if (heard := read(word))}
    language = _name_language(spelt)
    if language is None:
        return spelt
    # A word no reading spells may still be the language's own (Ζαΐρ in a Portuguese name:
    # Jair, where the lexicon's Shire was turned down).
    spelt.update({word: "" for word in words if word not in spelt})
    for word, heard in spelt.items():
        # A spelling that reveals the language is already that language's (Danish Christian,
        # though Danish writes Kristian more).
        if language in revealed_languages(heard):
            continue
        own = latin_spellings_by_language(word).get(language)
        if own is not None and not may_spell(word, own, language=language):
            own = None  # (Ζαν in a French name: Jean, not Sans)
        own = own or _table_spelling(word, language)
        if own is not None:
            spelt[word] = own
    return {word: spelling for word, spelling in spelt.items() if spelling}


def _table_spelling(word: str, language: str) -> str | None:
    """The name table's first spelling of the normalised Greek ``word`` that sounds like it
    and reveals ``language`` clearly (Λουίς in a Spanish name: Luís, where the lexicon's
    French Louis is the more common spelling of the sound and Spanish has none of its own)."""
    target = phonetic(normalize(word))
    for spelling in latin_name_parts(word):
        clear = revealed_languages(spelling).get(language, 0.0) >= _CHOOSES
        if clear and target in every_reading(spelling):
            return spelling
    return None


def _name_language(spelt: Mapping[str, str]) -> str | None:
    """The language of a name whose normalised Greek words are ``spelt`` so: per word, the
    most that its spelling or one of its other spellings reveals a language, summed over the
    words, for the languages that one word's spelling reveals by ``_CHOOSES`` on its own."""
    clear: set[str] = set()
    scores: dict[str, float] = {}
    for word, heard in spelt.items():
        if len(heard) < _REVEALING_LENGTH:
            continue
        best = _read_languages(heard)
        clear.update(lang for lang, points in best.items() if points >= _CHOOSES)
        for other in _other_spellings(word):
            for lang, points in _read_languages(other).items():
                best[lang] = max(best.get(lang, 0.0), points)
        for lang, points in best.items():
            scores[lang] = scores.get(lang, 0.0) + points
    ranked = sorted(
        ((lang, points) for lang, points in scores.items() if lang in clear),
        key=lambda kv: (-kv[1], kv[0]),
    )
    if not ranked or ranked[0][1] < _CHOOSES:
        return None
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < _LEADS:
        return None
    return ranked[0][0]


def _read_languages(spelling: str) -> dict[str, float]:
    return {lang: p for lang, p in revealed_languages(spelling).items() if lang in _READ}


def _other_spellings(word: str) -> list[str]:
    """The normalised Greek ``word``'s spellings in the languages that write its sound their
    own way, and the name table's that sound like it (the table also lists a name's forms in
    other languages: Κάρολος, Charles)."""
    target = phonetic(normalize(word))
    table = [s for s in latin_name_parts(word) if target in every_reading(s)]
    own = [s for lang, s in latin_spellings_by_language(word).items() if lang in _READ]
    return list(dict.fromkeys([*table, *own]))
