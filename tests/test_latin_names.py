"""``entityx.resolution.latin_names``: known Latin names found by the sound of their Greek
transcription, and the readings that index them."""

from __future__ import annotations

import gzip
import json
from importlib import resources

import pytest

import entityx
from entityx.resolution.kb import KnowledgeBase
from entityx.resolution.latin_names import latin_spelling, name_popularity
from entityx.resolution.naming import NameForm, canonical_name, latin_lexicon
from entityx.text.greek import is_acronym, normalize
from entityx.text.keys import phonetic
from entityx.text.readings import every_reading, word_readings


@pytest.mark.parametrize(
    ("greek", "latin"),
    [
        ("Χόκινγκ", "Hawking"),  # English aw, silent g cluster
        ("Κουκ", "Cook"),  # the common name, not the rare Kuk
        ("Μέσι", "Messi"),  # double letters Greek does not write
        ("Ρενάρ", "Renard"),  # French silent final d, no French-only letters
        ("Μπίμπερ", "Bieber"),
        ("Κάρλσεν", "Carlsen"),  # C read as K
        ("Μπέρτον", "Burton"),  # English ur
        ("Ζιντάν", "Zidane"),  # not the English word sedan, which sounds the same
        ("Γέλεν", "Yellen"),  # not Polish/Czech jelen (deer)
    ],
)
def test_greek_transcription_finds_the_known_spelling(greek: str, latin: str) -> None:
    assert latin_spelling(greek) == latin


@pytest.mark.parametrize("word", ["Αθήνα", "σήμερα", "", "Hawking", "Στίβεν Χόκινγκ", "@@"])
def test_not_a_greek_name_word_or_unknown_sound_gives_none_or_a_real_name(word: str) -> None:
    found = latin_spelling(word)
    # A Latin word, several words or symbols are not looked up; a Greek word either has no
    # known Latin name or gets one whose reading is that word's key.
    if not normalize(word) or " " in word.strip() or not any("Α" <= c <= "ω" for c in word):
        assert found is None
    elif found is not None:
        assert phonetic(normalize(word)) in every_reading(found)


def test_popularity_orders_common_names_above_rare_spellings() -> None:
    assert name_popularity("Tim") > name_popularity("Timm") + 0.5
    assert name_popularity("Cook") > name_popularity("Kuk")
    assert name_popularity("Zzyzxq") == 0


def test_every_indexed_key_is_a_reading_of_its_name() -> None:
    """The bundled index agrees with today's reading rules (rebuild it when they change:
    ``python scripts/build_latin_names.py``)."""
    ref = resources.files("entityx.data").joinpath("latin_names.json.gz")
    keys: dict[str, str] = json.loads(gzip.decompress(ref.read_bytes()))["keys"]
    sample = list(keys.items())[:: max(1, len(keys) // 2000)]
    stale = [(key, word) for key, word in sample if key not in every_reading(word)]
    assert not stale, f"stale keys, rebuild the lexicon: {stale[:10]}"


@pytest.mark.parametrize(
    ("word", "reading"),
    [
        ("Renard", "renar"),  # French reading without a French-only cue
        ("Saramago", "saramagu"),  # Portuguese final o
        ("Lucescu", "lutsesku"),  # Romanian soft c
        ("Gullit", "hulit"),  # Dutch g
        ("Newcastle", "niukastl"),  # English ew: Νιούκαστλ
        ("Unilever", "yunilefer"),  # English initial u before one consonant: Γιουνιλίβερ
        ("Rowling", "roulig"),  # English ow before l: Ρόουλινγκ
        ("Powell", "pauel"),  # ...but -owell is Πάουελ
    ],
)
def test_every_reading_reads_by_all_conventions(word: str, reading: str) -> None:
    assert reading in every_reading(word)
    assert every_reading(word)[0] == word_readings(word)[0]  # the generic key first


@pytest.mark.parametrize(
    ("word", "reading"),
    [("George", "yory"), ("Christie", "kristi"), ("Burton", "berton"), ("Lucescu", "lutsesku")],
)
def test_cued_readings(word: str, reading: str) -> None:
    assert reading in word_readings(word)


def test_foreign_person_names_get_known_spellings() -> None:
    forms = [NameForm("Τζάστιν Μπίμπερ")]
    assert canonical_name(forms, "PERSON", lexicon=latin_lexicon()) == "Justin Bieber"


def test_a_greek_name_is_not_read_as_a_foreign_one() -> None:
    # ELOT 743 for Greek names: the lexicon is for foreign names only.
    forms = [NameForm("Γιάννης Στουρνάρας")]
    assert canonical_name(forms, "PERSON", lexicon=latin_lexicon()) == "Giannis Stournaras"


def test_without_the_name_tables_the_name_is_romanised() -> None:
    assert latin_lexicon(name_parts=False) is None
    assert canonical_name([NameForm("Μπίμπερ")], "PERSON", lexicon=None) != "Bieber"


def test_acronyms_match_the_knowledge_base_exactly_only() -> None:
    kb = KnowledgeBase.from_entries(
        [{"id": "x:osce", "name": "OSCE", "label": "ORG", "aliases": ["ΟΑΣΕ"]}]
    )
    assert is_acronym("ΟΑΣΑ")
    assert kb.lookup("ΟΑΣΕ", "ORG") is not None
    assert kb.lookup("ΟΑΣΑ", "ORG") is None  # one letter off is another organisation


@pytest.mark.parametrize(
    ("greek", "label", "latin"),
    [("Άγιαξ", "ORG", "Ajax"), ("Γαλατασαράι", "ORG", "Galatasaray")],
)
def test_foreign_names_of_other_labels_use_the_lexicon_too(
    greek: str, label: str, latin: str
) -> None:
    assert canonical_name([NameForm(greek)], label, lexicon=latin_lexicon()) == latin


@pytest.mark.parametrize(
    ("greek", "latin"),
    [("Βαν", "Van"), ("Βίλσον", "Wilson"), ("Φερστάπεν", "Verstappen")],
)
def test_an_initial_beta_is_never_an_f_but_phi_may_be_a_v(greek: str, latin: str) -> None:
    assert latin_spelling(greek) == latin


def test_an_initial_beta_does_not_borrow_an_f_word() -> None:
    spelled = latin_spelling("Βανς")
    assert spelled is None or not spelled.lower().startswith(("f", "ph"))


@pytest.mark.parametrize(
    ("greek", "anything", "person"),
    [
        ("Κόφι", "Coffee", "Kofi"),  # an ordinary English word, borrowed in other languages
        ("Ντεπ", "Deep", "Depp"),
        ("Σπιτς", "Speech", "Spitz"),
        ("Γιανγκ", "Yang", "Yang"),  # no English word: the same for every label
    ],
)
def test_a_persons_word_is_spelt_by_a_name_not_an_ordinary_english_word(
    greek: str, anything: str, person: str
) -> None:
    assert latin_spelling(greek) == anything
    assert latin_spelling(greek, person=True) == person


def test_places_keep_the_english_words_they_are_named_with() -> None:
    names = {
        e.name for e in entityx.resolve([("Κόφι Ανάν", "PERSON"), ("Κέιπ Τάουν", "LOC")], kb=False)
    }
    assert names == {"Kofi Annan", "Cape Town"}
