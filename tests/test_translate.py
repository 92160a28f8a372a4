"""``entityx.resolution.translate``: Greek names translated word for word into English, the
bundled word table behind them, and the resolver merging such pairs without the KB."""

from __future__ import annotations

import gzip
import json
import sys
from importlib import resources
from pathlib import Path

import pytest

from entityx.resolution import Resolver
from entityx.resolution.blocking import match_keys
from entityx.resolution.translate import (
    english_key_words,
    english_stem,
    greek_word_stem,
    translation_keys,
)

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


def _same(greek: str, latin: str, label: str) -> bool:
    return bool(translation_keys(greek, label) & translation_keys(latin, label))


@pytest.mark.parametrize(
    ("greek", "latin", "label"),
    [
        ("Τράπεζα της Ελλάδος", "Bank of Greece", "ORG"),  # word order and articles aside
        ("Τράπεζας της Ελλάδος", "Bank of Greece", "ORG"),  # an inflected form
        ("Παγκόσμια Τράπεζα", "World Bank", "ORG"),
        ("Ευρωπαϊκής Κεντρικής Τράπεζας", "European Central Bank", "ORG"),
        ("Ευρωπαϊκή Επιτροπή", "European Commission", "ORG"),
        ("Ερυθρός Σταυρός", "Red Cross", "ORG"),
        ("Νότιο Αιγαίο", "South Aegean", "LOC"),
        ("Βόρεια Μακεδονία", "North Macedonia", "LOC"),
        ("Φρουροί της Επανάστασης", "Revolutionary Guards", "ORG"),  # an adjective in -ary
        ("Γιατροί Χωρίς Σύνορα", "Doctors Without Borders", "ORG"),  # a preposition aside
        # place adjectives the dictionary lacks, derived from the places' two names
        ("Γεωργιανό Όνειρο", "Georgian Dream", "ORG"),
        ("Παλαιστινιακής Αρχής", "Palestinian Authority", "ORG"),
        ("Λιβανέζικος Στρατός", "Lebanese Army", "ORG"),
        # a place's adjective where English has its name, and the other way round
        ("Κυπριακό Πρακτορείο Ειδήσεων", "Cyprus News Agency", "ORG"),
        ("Κομμουνιστικό Κόμμα Κίνας", "Chinese Communist Party", "ORG"),
        ("Κυπριακή Δημοκρατία", "Republic of Cyprus", "LOC"),
        ("Νότια Κινεζική Θάλασσα", "South China Sea", "LOC"),
    ],
)
def test_translated_pairs_share_a_key(greek: str, latin: str, label: str) -> None:
    assert _same(greek, latin, label)


@pytest.mark.parametrize(
    ("greek", "latin", "label"),
    [
        ("Λευκή Ρωσία", "Belarus", "LOC"),  # a translation of the parts is not the name
        ("Λευκή Ρωσία", "Russia", "LOC"),  # every word must translate into the other bag
        ("Βόρεια Μακεδονία", "Macedonia", "LOC"),
        ("Νότιο Αιγαίο", "North Aegean", "LOC"),
        ("Τράπεζα της Ελλάδος", "National Bank of Greece", "ORG"),
        ("Ρωσική Ομοσπονδία", "Russia", "LOC"),
        ("Κυπριακή Δημοκρατία", "Cyprus", "LOC"),
    ],
)
def test_look_alikes_do_not_share_a_key(greek: str, latin: str, label: str) -> None:
    assert not _same(greek, latin, label)


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Κυριάκος Μητσοτάκης", "PERSON"),  # people's names are transcribed, not translated
        ("ΚΚΕ", "ORG"),  # an acronym has no words to translate
        ("Bank Τράπεζα", "ORG"),  # mixed scripts
        ("Ξυλουργοπουλάκης Τράπεζα", "ORG"),  # a word the table lacks: no guess
        ("", "ORG"),
    ],
)
def test_names_without_a_translation_key(name: str, label: str) -> None:
    assert translation_keys(name, label) == frozenset()


def test_keys_carry_the_label() -> None:
    org = translation_keys("Τράπεζα της Ελλάδος", "ORG")
    assert org and not org & translation_keys("Bank of Greece", "LOC")


def test_english_key_words_fold_and_drop_function_words_and_plurals() -> None:
    assert english_key_words("The United Nations") == ("unit", "nation")
    assert english_key_words("Bank of Greece") == ("bank", "greece")
    assert english_key_words("Société Générale") == ("societe", "generale")
    assert english_key_words("Cross") == ("cross",)  # -ss is not a plural
    assert english_key_words("Organization Against Drugs") == ("organiz", "drug")


@pytest.mark.parametrize(
    ("a", "b"),
    [("political", "politic"), ("liberation", "liberating"), ("regional", "region"),
     ("parties", "party"), ("economic", "economy"), ("nations", "nation"),
     ("revolutionary", "revolution"), ("organisation", "organization"), ("labour", "labor"),
     ("centres", "center"), ("colours", "color"), ("financial", "finance"),
     ("presidential", "president"), ("industrial", "industry"), ("cities", "city"),
     ("defences", "defence")],
)  # fmt: skip
def test_english_stem_meets_derived_forms(a: str, b: str) -> None:
    assert english_stem(a) == english_stem(b)


@pytest.mark.parametrize(
    "word",
    ["union", "nation", "bank", "political", "democrats", "x", "colours", "centre", "finance"],
)
def test_english_stem_is_its_own_stem(word: str) -> None:
    assert english_stem(english_stem(word)) == english_stem(word)


@pytest.mark.parametrize(("a", "b"), [("police", "policy"), ("trial", "tria"), ("dance", "dan")])
def test_english_stem_keeps_other_words_apart(a: str, b: str) -> None:
    assert english_stem(a) != english_stem(b)


def test_greek_word_stem_meets_every_case_and_gender() -> None:
    forms = ["εθνικός", "Εθνική", "εθνικής", "Εθνικό", "εθνικών"]
    assert len({greek_word_stem(f) for f in forms}) == 1


def test_greek_word_stem_of_a_two_letter_stem_meets_every_gender() -> None:
    assert {greek_word_stem(f) for f in ["Νέα", "Νέας", "νέος", "Νέο", "Νέοι"]} == {"νε"}
    assert greek_word_stem("Ρόδος") == "ροδ"  # a consonant ends the stem: nothing to cut
    assert _same("Νέα Δημοκρατία", "New Democracy", "ORG")


def test_resolver_merges_translations_without_the_kb() -> None:
    items = [
        ("Τράπεζα της Ελλάδος", "ORG"),
        ("Bank of Greece", "ORG"),
        ("Λευκή Ρωσία", "LOC"),
        ("Belarus", "LOC"),
        ("Russia", "LOC"),
    ]
    _, ids = Resolver(kb=False).resolve(items)
    assert ids[0] == ids[1]
    assert len({ids[2], ids[3], ids[4]}) == 3


def test_translated_names_share_a_registry_blocking_key() -> None:
    def no_kb(name: str, label: str) -> None:
        return None

    greek = match_keys("Παγκόσμια Τράπεζα", "ORG", kb_lookup=no_kb)
    latin = match_keys("World Bank", "ORG", kb_lookup=no_kb)
    assert greek & latin


def test_bundled_word_table_is_clean() -> None:
    raw = resources.files("entityx.data").joinpath("name_words.json.gz").read_bytes()
    table = json.loads(gzip.decompress(raw))["words"]
    assert len(table) > 10_000
    for stem, glosses in table.items():
        assert stem and stem == stem.lower() and " " not in stem
        for gloss in glosses:
            # Words as english_key_words leaves a Latin name's: folded stems, no function words.
            for word in gloss.split():
                assert word.isalpha() and word == word.lower(), gloss
                assert english_stem(word) == word and english_key_words(word) in ((word,), ()), (
                    gloss
                )


def test_build_learns_only_words_shared_by_several_entities() -> None:
    sys.path.insert(0, str(SCRIPTS))
    try:
        from build_name_words import MIN_ENTITIES, induced_glosses
    finally:
        sys.path.remove(str(SCRIPTS))
    banks = [((f"πολη{i}", "τραπεζ"), (f"town{i}", "bank")) for i in range(MIN_ENTITIES)]
    learnt = induced_glosses(banks)
    assert learnt["τραπεζ"][0] == "bank"
    assert "πολη0" not in learnt  # one entity's own word is not vocabulary
    assert induced_glosses(banks[: MIN_ENTITIES - 1]) == {}


def test_an_english_prefix_is_one_word_with_or_without_its_hyphen() -> None:
    greek = "Οργανισμός για την Ασφάλεια και τη Συνεργασία στην Ευρώπη"  # τη: an article
    latin = "Organization for Security and Co-operation in Europe"
    assert translation_keys(latin, "ORG") == translation_keys(latin.replace("-", ""), "ORG")
    _, ids = Resolver(kb=False).resolve([(greek, "ORG"), (latin, "ORG")])
    assert ids[0] == ids[1]
