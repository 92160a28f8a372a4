"""Readings of Latin names by their language's conventions: one-word names (table-driven).

A one-word name has no other word to confirm a reading, so the resolver asks a convention's
reading of it to be the Greek word's key exactly (unstemmed); the cues that let a language
read a word are the same as for longer names. All without a knowledge base.
"""

from __future__ import annotations

import pytest

from entityx.resolution import Resolver
from entityx.resolution.latin_names import latin_spelling
from entityx.text.readings import latin_readings

L = "LOC"

# (language, Latin spelling, Greek transcription): one-word place names, none of them in the
# development sets.
ONE_WORD_PAIRS = [
    ("fr", "Chamonix", "Σαμονί"),  # ch, silent final x
    ("fr", "Grenoble", "Γκρενόμπλ"),  # silent final e
    ("fr", "Nantes", "Ναντ"),  # silent final -es
    ("fr", "Jean", "Ζαν"),  # ea before n is a
    ("fr", "Besançon", "Μπεζανσόν"),
    ("es-theta", "Zaragoza", "Θαραγόθα"),  # z read as θ
    ("es-theta", "Cádiz", "Κάδιθ"),
    ("es", "Jerez", "Χερέθ"),
    ("it", "Chieti", "Κιέτι"),  # ch before i
    ("it", "Cagliari", "Κάλιαρι"),  # gli
    ("it", "Cesena", "Τσεζένα"),  # c before e
    ("it", "Vicenza", "Βιτσέντσα"),
    ("it", "Cecina", "Τσετσίνα"),
    ("ca", "Girona", "Τζιρόνα"),
    ("de", "Mainz", "Μάιντς"),  # ai, z
    ("en", "Blake", "Μπλέικ"),  # a before consonant and final e
    ("en", "Lane", "Λέιν"),
    ("en", "Eugene", "Γιουτζίν"),  # initial eu
    ("en", "Euston", "Γιούστον"),
    ("tr", "Cizre", "Τζίζρε"),  # Turkish c
    ("sq", "Korçë", "Κόρτσε"),  # Albanian ç
    ("sq", "Xhafaj", "Τζαφάι"),  # xh, a final j as ι
    ("el", "Cilicia", "Κιλικία"),  # the Latin spelling of a Greek name: c is k
]

# (Greek, Latin): one-word names that sound alike only by a convention their spelling does
# not show, or not at all.
ONE_WORD_NON_PAIRS = [
    ("Λιν", "Linz"),  # German z is ts, never silent
    ("Κορκ", "York"),
    ("Σαν", "Saint"),
    ("Μπλέικ", "Black"),
]


def _same(a: str, b: str) -> bool:
    ids = Resolver(kb=False).resolve([(a, L), (b, L)])[1]
    return ids[0] == ids[1]


@pytest.mark.parametrize(("language", "latin", "greek"), ONE_WORD_PAIRS)
def test_one_word_pairs_meet(language: str, latin: str, greek: str) -> None:
    assert _same(greek, latin), (language, latin_readings(latin))


@pytest.mark.parametrize(("greek", "latin"), ONE_WORD_NON_PAIRS)
def test_one_word_non_pairs_stay_apart(greek: str, latin: str) -> None:
    assert not _same(greek, latin), latin_readings(latin)


def test_two_latin_spellings_compare_as_spelled() -> None:
    # Conventions bridge scripts only: Zaragoza read the Spanish way is not Taragota.
    assert not _same("Zaragoza", "Taragota")


def test_english_g_and_c_soften_before_a_vowel_read_as_i() -> None:
    # The vowel rules run first (Geneva: gIneva); g and c before what they wrote from e/i/y
    # are soft, before what they wrote from a (Gabriel: gEIbriel) hard.
    assert ("yinefa",) in latin_readings("Geneva")
    assert ("sisil",) in latin_readings("Cecil")
    assert not any(r[0].startswith("y") for r in latin_readings("Gabriel"))


def test_own_readings_are_the_languages_its_letters_ask_for() -> None:
    from entityx.text.readings import own_readings

    assert own_readings("Code") == ("koud",)  # English, by its o-consonant-e
    assert "miler" not in own_readings("Miller")  # only the Spanish ll shows
    assert own_readings("Peter") == ("peter", "piter")  # no cue: generic and English
    assert own_readings("Conte") == ("kode",)


def test_a_french_trema_is_no_albanian_e() -> None:
    # ë after a vowel is French or Dutch (Raphaël, Noël); Albanian writes it after consonants.
    assert "rafael" not in own_readings_of("Raphaël")
    assert "korts" in own_readings_of("Korçë")


def own_readings_of(word: str) -> tuple[str, ...]:
    from entityx.text.readings import own_readings

    return own_readings(word)


def test_english_h_after_a_vowel_is_silent() -> None:
    # John as English speakers say it is Τζον, so the lexicon names Τζον John, not Jon.
    assert ("yon",) in latin_readings("John")
    assert latin_spelling("Τζον") == "John"
    assert ("ahmed",) in latin_readings("Ahmed")  # the generic reading keeps its h


@pytest.mark.parametrize(
    ("latin", "greek"),
    [
        ("Rauf Denktaş", "Ραούφ Ντενκτάς"),  # Turkish by its ş, whose key is the generic one
        ("Klaus Kinkel", "Κλάους Κίνκελ"),  # German: au is a and u, as Greek writes it
    ],
)
def test_au_is_a_and_u_outside_english_and_french(latin: str, greek: str) -> None:
    ids = Resolver(kb=False).resolve([(latin, "PERSON"), (greek, "PERSON")])[1]
    assert ids[0] == ids[1]


def test_a_languages_own_letter_reads_the_names_other_words_by_it() -> None:
    readings = set(latin_readings("Rauf Denktaş"))
    assert {("rauf", "denktas"), ("rof", "denktas")} <= readings
