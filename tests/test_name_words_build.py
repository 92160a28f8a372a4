"""The word table's build (scripts/build_name_words.py) on a small hand-made dictionary:
headwords sharing a stem each keep their first sense."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

build_name_words = pytest.importorskip("build_name_words", reason="needs the dev extra")
from kb_read import DictEntry  # noqa: E402


def test_each_headword_of_a_shared_stem_keeps_its_first_sense(monkeypatch) -> None:
    entries = [
        DictEntry("χωρίο", "n", ("excerpt, passage, extract",)),
        DictEntry("χωριό", "n", ("village, hamlet",)),
        DictEntry("χώρα", "n", ("country, land",)),
    ]
    monkeypatch.setattr(build_name_words, "freedict_entries", lambda _path: entries)
    monkeypatch.setattr(build_name_words, "bilingual_names", lambda _path: [])
    table = build_name_words.build(Path("unused"), Path("unused"))
    stem = build_name_words.greek_word_stem("χώρα")
    assert len(table[stem]) == build_name_words.MAX_PER_STEM
    assert {"excerpt", "village"} <= set(table[stem])
    assert any(g.startswith("countr") for g in table[stem])


def test_eng_ell_fills_only_the_stems_ell_eng_has_no_word_for(monkeypatch) -> None:
    ell_eng = [DictEntry("χώρα", "n", ("country, land",))]
    eng_ell = [
        DictEntry("organisation", None, ("οργάνωση, διοργάνωση",)),
        DictEntry("arrangement", None, ("διοργάνωση, οργάνωση",)),
        DictEntry("land", None, ("χώρα, γη",)),  # ell-eng already glosses χώρα
        DictEntry("Athens", None, ("Αθήνα",)),  # a proper noun: not a word to translate by
    ]

    def entries(_path: Path, dictionary: str = "freedict-ell-eng") -> list[DictEntry]:
        return eng_ell if dictionary == "freedict-eng-ell" else ell_eng

    monkeypatch.setattr(build_name_words, "freedict_entries", entries)
    monkeypatch.setattr(build_name_words, "bilingual_names", lambda _path: [])
    plain = build_name_words.build(Path("unused"), Path("unused"))
    table = build_name_words.build(Path("unused"), Path("unused"), Path("eng-ell"))
    stem = build_name_words.greek_word_stem
    (organisation,), (arrangement,) = (
        build_name_words.english_key_words(e.headword) for e in eng_ell[:2]
    )
    assert table[stem("οργάνωση")] == [organisation, arrangement]  # its first translation first
    assert table[stem("διοργάνωση")] == [arrangement, organisation]
    assert table[stem("χώρα")] == plain[stem("χώρα")]
    assert stem("Αθήνα") not in table


def test_proper_nouns_keep_their_own_glosses_by_whole_headword() -> None:
    entries = [
        DictEntry("Μόσχα", "pn", ("Moscow",)),
        DictEntry("μόσχος", "n", ("musk",)),  # a common noun: no place's gloss
        DictEntry("περιστέρι", "n", ("pigeon, dove",)),
        DictEntry("Σύρος", "pn", ("Syrian",)),
        DictEntry("Συρία", "pn", ("Syria",)),  # its stem is Σύρος's: kept apart
        DictEntry("Νέα Υόρκη", "pn", ("New York",)),  # several words: not one place word
        DictEntry("Λευκορωσία", "pn", ("Belarus (country), Belorussia",)),  # a note: left
    ]
    table = build_name_words.proper_glosses(entries)
    key = build_name_words.english_key_words
    assert table["μοσχα"] == list(key("Moscow"))
    assert table["συροσ"] == list(key("Syrian"))
    assert table["συρια"] == list(key("Syria"))
    assert table["λευκορωσια"] == list(key("Belorussia"))
    assert "περιστερι" not in table and "μοσχοσ" not in table
    assert not any(" " in word for word in table)


def test_proper_nouns_keep_their_one_word_english_glosses_as_written() -> None:
    entries = [
        DictEntry("Μυκήνες", "pn", ("Mycenae",)),
        DictEntry("Αθήνα", "pn", ("Athens, Athena",)),
        DictEntry("Νέα Υόρκη", "pn", ("New York",)),  # several words: not one place word
        DictEntry("Κάιρο", "pn", ("Cairo (city)",)),  # a note: not a name as written
        DictEntry("μόσχος", "n", ("musk",)),  # a common noun
    ]
    table = build_name_words.proper_spellings(entries)
    assert table == {"αθηνα": ["Athens", "Athena"], "μυκηνεσ": ["Mycenae"]}


def test_nominatives_are_headwords_that_no_other_headword_declines_into() -> None:
    entries = [
        DictEntry("αστέρας", "n", ("star",)),
        DictEntry("Απόλλων", "pn", ("Apollo",)),
        DictEntry("θέμα", "n", ("subject, topic",)),
        DictEntry("τράπεζα", "n", ("bank",)),
        DictEntry("Άτλαντας", "pn", ("Atlas",)),
        DictEntry("Ατλάντα", "pn", ("Atlanta",)),  # so Άτλαντας may be its genitive
        DictEntry("κόμμα", "n", ("party",)),
        DictEntry("κόμματος", "n", ("hunk",)),  # and κόμμα's genitive
        DictEntry("γρήγορος", "adj", ("fast",)),  # adjectives are not head nouns
        DictEntry("Νέα Υόρκη", "pn", ("New York",)),
        DictEntry("Πόρτο Ρίκο", "pn", ("Puerto Rico",)),
    ]
    assert build_name_words.nominatives(entries) == [
        "απολλων",
        "αστερασ",
        "ατλαντα",
        "θεμα",
        "κομμα",
        "τραπεζα",
    ]


def test_proper_forms_are_hunspells_capitalised_words_with_a_nominatives_ending(
    tmp_path: Path,
) -> None:
    dic = tmp_path / "el_GR.dic"
    words = ["Τήνος", "Τήνου", "Τήνο", "τράπεζα", "Λονδίνο", "Λονδίνων", "Βρυξέλλες"]
    dic.write_bytes("\n".join([str(len(words)), *words]).encode("iso-8859-7"))
    forms = build_name_words.proper_forms(dic)
    # no lower case, no -ου (-ων stays: Απόλλων, Μαραθών are nominatives)
    assert forms == ["βρυξελλεσ", "λονδινο", "λονδινων", "τηνο", "τηνοσ"]


def test_bilingual_names_teach_the_one_word_the_table_leaves_unexplained() -> None:
    residual_glosses, min_entities = (
        build_name_words.residual_glosses,
        build_name_words.MIN_ENTITIES,
    )
    table = {"ευρωπαϊκ": ["european"], "διαστημ": ["space"], "ενεργει": ["energ"]}
    agencies = [
        (("ευρωπαϊκ", "οργανισμ", "διαστημ"), ("european", "agenc", "space")),
        (("ευρωπαϊκ", "οργανισμ", "ενεργει"), ("european", "agenc", "energ")),
        (("οργανισμ", "διαστημ"), ("agenc", "space")),
    ]
    assert min_entities == len(agencies)
    assert residual_glosses(agencies, table) == {"οργανισμ": ["agenc"]}
    assert residual_glosses(agencies[:-1], table) == {}  # two names are no vocabulary
    # A pair two words leave unexplained says nothing about which goes with which.
    two_left = [(("ευρωπαϊκ", "οργανισμ", "αρχ"), ("european", "agenc", "author"))] * 3
    assert residual_glosses(two_left, table) == {}
    # A word the dictionary's glosses use is a word of the language: two names teach it.
    words = {**table, "κρατ": ["state"]}
    state = [
        (("κρατικ", "διαστημ"), ("state", "space")),
        (("κρατικ", "ενεργει"), ("state", "energ")),
    ]
    assert residual_glosses(state, words) == {"κρατικ": ["state"]}
    assert residual_glosses(state[:1], words) == {}
    # One English name counts once, however many Greek aliases it has.
    repeated = [agencies[0]] * 3
    assert residual_glosses(repeated, table) == {}
