"""How a Greek word of a foreign name is spelt in Latin letters: the name tables' reader.

:func:`latin_lexicon` reads a normalised Greek word by the name-parts table (Wikidata's Greek
spellings of names with their Latin ones) and the Latin name lexicon by sound
(:mod:`entityx.resolution.latin_names`), choosing among their spellings by how each sounds
(its own language's reading first) and how often it is written. :mod:`.naming` asks it for
the words of names that look foreign.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache

from rapidfuzz import fuzz

from ..text.greek import normalize
from ..text.keys import phonetic
from ..text.memo import word_cache
from ..text.readings import own_readings, word_readings
from ..text.romanize import elot743
from .latin_names import latin_spelling, name_popularity, revealed_languages
from .name_parts import latin_name_parts

__all__ = ["LabelReader", "WordReader", "choose_by_sound", "latin_lexicon", "may_spell"]

_SOUND_AGREES = 75.0  # rapidfuzz ratio of keys for a table spelling to stand for a Greek word
# Zipf points (0.75: between five and six times as frequent) by which a spelling must be more
# common to beat a better-ranked one; closer than that, rank (table order, the table before the
# lexicon) decides: Σεργκέι is the table's Sergey, not the slightly more common Sergei, and
# Μπους the table's Bush, not the lexicon's Bus (a common noun in German, 3.2 times as
# frequent: the 0.5 used until 2026-12 let it win). Τιμ is still the lexicon's Tim, not Timm.
_FAR_MORE_COMMON = 0.75
# Zipf frequency (about once in a billion words) from which a table spelling counts as
# written, where one under it is mostly a transcription read back (Iaixin for Γιασίν) or a
# rare variant: only a written one wins by its sound alone over a more common spelling.
_WRITTEN = 1.0
# Greek spellings of an n before a g or k sound, which Greek writes only when it is heard.
_NASAL_CLUSTERS = ("νγκ", "νκ", "γγ")
# The letters a name that Greek starts with ζ may start with (Zidane, Jean, Georges), and an s
# where its language voices an s before a vowel (German Söder, Seehofer): in the others an
# initial s is voiceless, as Greek σ writes it (French Sans is no Ζαν).
_VOICED_SPELLINGS = ("z", "j", "g", "ž", "ż", "ź")
_VOICED_S_LANGUAGES = frozenset(["de"])
_VOICELESS_SPELLINGS = ("sh", "sch", "sz", "ss")
# Distinct Greek words whose table/lexicon reading a resolver remembers.
_WORD_CACHE = 50_000

WordReader = Callable[[str], str | None]
LabelReader = Callable[[str, str], str | None]  # (normalised Greek word, label) -> Latin


@cache  # one reader per setting, so what it has read serves every resolver
def latin_lexicon(*, name_parts: bool = True) -> LabelReader | None:
    """Reader of the Greek words of foreign names: the bundled name tables.

    First the name-parts table (Wikidata's Greek spellings of names, with their Latin ones),
    then the Latin name lexicon by sound (:mod:`entityx.resolution.latin_names`). They serve
    every label: clubs, firms and towns abroad are mostly named after people or places
    whose names the lexicon holds (Ρενό: Renault, Άγιαξ: Ajax); :func:`canonical_name`
    consults them only for names that look foreign. (The Latin words of the knowledge
    base's names were tried as well; they named no line of the development sets better, so
    they are not consulted.)
    """
    if not name_parts:
        return None
    parts, people = _name_parts_reader(people=False), _name_parts_reader(people=True)

    def read(word: str, label: str) -> str | None:
        return people(word) if label == "PERSON" else parts(word)

    return read


def _name_parts_reader(*, people: bool) -> WordReader:
    """The reader of one kind of name: a person's is spelt by the lexicon's spellings for
    people (:func:`.latin_names.latin_spelling`)."""

    # Names repeat their words across a corpus. (A dict cache, not an lru_cache, whose
    # entries the collector would walk on every full pass: tens of thousands on large texts.)
    @word_cache(maxsize=_WORD_CACHE)
    def read(word: str) -> str | None:
        spellings = tuple(s for s in latin_name_parts(word) if _adds_no_final_sound(word, s))
        return _written_for(word, spellings, chosen(word, spellings))

    def chosen(word: str, spellings: tuple[str, ...]) -> str | None:
        table = _sounds_like(word, spellings)
        heard = latin_spelling(word, person=people)
        if heard is not None and not may_spell(word, heard):
            heard = None
        if heard and spellings and not _says_itself(heard, word):
            # The lexicon's spelling sounds so only by a reading its letters do not ask for
            # (Michael for Μισέλ, Gadi for Γκάντι): the table's, exact or close, names it.
            written = table or choose_by_sound(word, spellings)
            if written:
                return written
        # Both sound right: the table's, unless the lexicon's is far more common (Τιμ: the
        # table's Timm, the lexicon's Tim); a spelling that sounds so only by a reading its
        # letters do not ask for loses to a written one that does by its own (Κόντε: Conte).
        if table and heard:
            if (
                name_popularity(table) >= _WRITTEN
                and _says_itself(table, word)
                and not _says_itself(heard, word)
            ):
                return table
            return _more_common(table, [heard])
        if table:
            return table
        close = choose_by_sound(word, spellings)
        # Only the lexicon's sounds exactly right: the table's close spelling still names the
        # word where it is the more written one (Μπάιντεν: Wikidata's Biden, not Beiden).
        if heard and close and name_popularity(close) <= name_popularity(heard):
            return heard
        return close or heard

    return read


def may_spell(word: str, spelling: str, *, language: str | None = None) -> bool:
    """Whether a spelling found by the sound of its key may spell the normalised Greek
    ``word``: keys merge sounds that Greek letters tell apart (:func:`_keeps_nasal`,
    :func:`_voiced_start`). ``language`` (wordfreq code): the language whose own spelling it
    is; ``None`` for a spelling of no known language (the lexicon's most common one)."""
    return (
        _keeps_nasal(word, spelling)
        and _voiced_start(word, spelling, language)
        and _keeps_vowel_pair(word, spelling)
        and _keeps_labiodental(word, spelling, language)
        and _keeps_sibilant(word, spelling)
        and _adds_no_final_sound(word, spelling)
    )


_GREEK_VOWELS = frozenset("αεηιουωϊϋ")
_SOUNDED_FINAL_VOWELS = ("a", "o", "i", "u")
_GREEK_NOMINATIVE = ("οσ", "ησ")


def _adds_no_final_sound(word: str, spelling: str) -> bool:
    """Whether a ``spelling`` of a Greek ``word`` that ends in a consonant ends in none of the
    vowels every language sounds: keys drop a final vowel, so a key's most common spelling
    and the name table's may add one (Κριστίν is no Kristina, Λίνας no Lina). Greek's own
    nominative -ος may stand for a name's vowel (Γαλιλαίος: Galileo)."""
    return (
        word[-1:] in _GREEK_VOWELS
        or word.endswith(_GREEK_NOMINATIVE)
        or not spelling.casefold().endswith(_SOUNDED_FINAL_VOWELS)
    )


def _keeps_nasal(word: str, spelling: str) -> bool:
    """Whether a lexicon ``spelling`` writes the n that the Greek ``word`` spells out before
    a g or k sound (νγκ, νκ, γγ: Ντενγκ is Deng). Keys drop that n, as Greek γκ is g or ng
    alike, so a key's most common spelling may lack it (Deg)."""
    if not any(cluster in word for cluster in _NASAL_CLUSTERS):
        return True
    return "n" in spelling.casefold()


# (Not where the second vowel starts a digraph: Σόου is ο + ου, Show.)
_VOWEL_PAIR = re.compile(r"(?:αα|εε|οο)(?![ιυ])|ιι")
_LATIN_VOWELS_TOGETHER = re.compile(r"[aeiouy]{2}")


# Greek φ is an f, β a v (or a w, a b): keys hear the two alike (Lavrov and Λαβρόφ), so a key's
# most common spelling may write the other one (Stevie for Στέφι). A v is heard as f, so
# written φ, at the end of a word and before a voiceless consonant (Slavic Ραχμάνινοφ,
# Λεβαντόφσκι: Rachmaninoff, Lewandowski), and German and Dutch write an f with a v, first of
# all at the start (von, van, Verstappen; Volkswagen).
_F_SPELLINGS = ("f", "ph")
_V_SPELLINGS = ("v", "w", "b")
_V_AS_F_LANGUAGES = frozenset(["de", "nl"])
_PLAIN_F = re.compile(r"(?<!^)φ(?=[^σκτχπθξψ])")


def _keeps_labiodental(word: str, spelling: str, language: str | None) -> bool:
    """Whether a lexicon ``spelling`` writes the f that the Greek ``word`` writes with φ
    (where no v is heard as f), and the v that it writes with β."""
    folded = spelling.casefold()
    if word.startswith("φ") and not folded.startswith((*_F_SPELLINGS, "v")):
        return False  # (Φίτζι is no Willy)
    if _PLAIN_F.search(word) and not any(f in folded for f in _F_SPELLINGS):
        langs = {language} if language is not None else set(revealed_languages(spelling))
        if langs.isdisjoint(_V_AS_F_LANGUAGES):
            return False
    return "β" not in word or any(v in folded for v in _V_SPELLINGS)


# The letters other languages write an s, sh or ts sound with, which Greek writes σ (Ντεσάν:
# Deschamps, not Dejan; Μαρσάν: Marchand, not Marjan): a key may hear a j or a y so.
_SIBILANT_LETTERS = frozenset("scxzqßçčćşșšśžżź")


def _keeps_sibilant(word: str, spelling: str) -> bool:
    """Whether a lexicon ``spelling`` has a letter for an s sound where the Greek ``word`` has
    one (σ, or the s of ξ and ψ): one such letter suffices, as a language may write two
    sounds with one (Xavier) or one with two (Deschamps)."""
    if not any(ch in word for ch in "σξψ"):
        return True
    return not _SIBILANT_LETTERS.isdisjoint(spelling.casefold())


def _keeps_vowel_pair(word: str, spelling: str) -> bool:
    """Whether a lexicon ``spelling`` writes the two vowels that the Greek ``word`` writes
    side by side (Σαναά is Sanaa, not Sana; Ζεεχόφερ Seehofer): keys merge a doubled letter."""
    if _VOWEL_PAIR.search(word) is None:
        return True
    return _LATIN_VOWELS_TOGETHER.search(normalize(spelling)) is not None


def _voiced_start(word: str, spelling: str, language: str | None) -> bool:
    """Whether a lexicon ``spelling`` may start as the Greek ``word`` does: a ζ is a voiced
    sound (z, French j and g, German s), never the c or sh that keys also read as s
    (Ζοφ is no Show, Ζέντερ no Center). A spelling of no known language may start with an s
    where German is among the languages that write it (Sigmar); one of a known language where
    that language voices it."""
    if not word.startswith("ζ"):
        return True
    start = spelling.casefold()
    if start.startswith(_VOICELESS_SPELLINGS):
        return False
    if start.startswith(_VOICED_SPELLINGS):
        return True
    if not start.startswith("s"):
        return False
    if language is not None:
        return language in _VOICED_S_LANGUAGES
    return not _VOICED_S_LANGUAGES.isdisjoint(revealed_languages(spelling))


def _written_for(word: str, spellings: Sequence[str], chosen: str | None) -> str | None:
    """The table's far more written spelling of ``word`` where the one chosen by its sound is
    hardly written at all: a transcription read back (Μάικλ: Maykl, where the table also
    lists Michael, whose English sound no spelling rule reads). It must start with the same
    sound."""
    if chosen is None or chosen not in spellings or name_popularity(chosen) >= _WRITTEN:
        return chosen
    best = max(spellings, key=name_popularity)
    target = phonetic(normalize(word))
    if (
        name_popularity(best) >= _WRITTEN + _FAR_MORE_COMMON
        and phonetic(normalize(best))[:1] == target[:1]
    ):
        return best
    return chosen


def _sounds_like(word: str, spellings: Sequence[str]) -> str | None:
    """The first of ``spellings`` (unless another is far more common) whose reading is the
    Greek ``word``'s key, the generic (English) reading before the other conventions;
    ``None`` when none is."""
    target = phonetic(normalize(word))
    generic = [s for s in spellings if target in word_readings(s)[:1]]
    # A spelling that sounds so by another convention only ranks after those that do by the
    # generic reading, but may still be far more common (Ζαν: Jean, read the French way,
    # over Zahn).
    hits = generic + [s for s in spellings if s not in generic and target in word_readings(s)]
    if not hits:
        return None
    # A table ranks a name's ELOT 743 form first for Greek names; for a foreign one it is the
    # transcription read back (Πολ: Pol), no better than the others (Paul).
    if len(hits) > 1 and hits[0].casefold() == elot743(normalize(word)).casefold():
        return max(hits, key=name_popularity)
    return _more_common(hits[0], hits[1:])


def _says_itself(spelling: str, word: str) -> bool:
    """Whether ``spelling`` sounds like the Greek ``word`` as its own letters ask it to be
    read (:func:`entityx.text.readings.own_readings`).

    The lexicon indexes every spelling by every language's reading, so a common name meets
    a Greek word through a convention its spelling does not have (Charles is Κάρλες only
    when read the Italian way), or through the generic reading where its own language says
    it otherwise (English Code, not Κόντε). Such a match is no reason to overrule a table
    spelling that does sound so by its own reading (Carles, Conte).
    """
    return phonetic(normalize(word)) in own_readings(spelling)


def _more_common(first: str, others: Sequence[str]) -> str:
    """``first`` (the better-ranked spelling) unless one of ``others`` is far more common."""
    best = max(others, key=name_popularity, default=first)
    return best if name_popularity(best) >= name_popularity(first) + _FAR_MORE_COMMON else first


def choose_by_sound(word: str, spellings: Sequence[str]) -> str | None:
    """The spelling of ``spellings`` that sounds like the Greek ``word``; else the closest.

    A table lists a name's spellings in many languages (``Σεργκέι``: Serguei, Sergey,
    Sergei...); the Greek form says which one it transcribes. The generic (English) reading
    is tried before the other conventions, and table order decides among equals unless a
    spelling is far more common (``Τιμ``: Tim, not Timm). A table spelling that sounds like
    none of them (``Στίβεν``: Stefan) loses to the closest one, and ``None`` comes back when
    nothing is close.
    """
    if not spellings:
        return None
    exact = _sounds_like(word, spellings)
    if exact is not None:
        return exact
    target = phonetic(normalize(word))
    keys = {spelling: word_readings(spelling) for spelling in spellings}
    scored = [
        (max(fuzz.ratio(target, key) for key in keys[s]), -i, s)
        for i, s in enumerate(spellings)
        if keys[s]
    ]
    best = max(scored, default=None)
    return best[2] if best is not None and best[0] >= _SOUND_AGREES else None
