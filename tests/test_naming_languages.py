"""Foreign names written in Greek, named by the reading of their source language."""

from __future__ import annotations

import pytest

from entityx.resolution.naming import NameForm, canonical_name, latin_lexicon
from entityx.text.greek import normalize
from entityx.text.russian import looks_russian, russian_latin, spelled_russian_way

# --- Russian and other East Slavic names: English transliteration -------------------------
RUSSIAN_WORDS = [
    ("Σεργκέι", "sergei"),
    ("Λαβρόφ", "lavrov"),
    ("Φιοντόρ", "fyodor"),  # consonant + ιο: ё
    ("Πιοτρ", "pyotr"),
    ("Ντοστογιέφσκι", "dostoyevsky"),  # γιε, -овский
    ("Χοντορκόφσκι", "khodorkovsky"),  # χ: kh
    ("Γεβγκένι", "yevgeny"),  # initial γε, final -ий
    ("Γκορμπατσόφ", "gorbachev"),  # -чёв
    ("Χρουστσόφ", "khrushchev"),  # στσ: щ
    ("Τολστόι", "tolstoy"),  # -ой
    ("Λιουντμίλα", "lyudmila"),
    ("Μεντβέντεφ", "medvedev"),
    ("Τσέχοφ", "chekhov"),
]


@pytest.mark.parametrize(("greek", "latin"), RUSSIAN_WORDS)
def test_russian_transliteration(greek: str, latin: str) -> None:
    assert russian_latin(normalize(greek)) == latin


SPELLED_RUSSIAN_WAY = [
    ("Lavrov", "Λαβρόφ", True),
    ("Tchaikovsky", "Τσαϊκόφσκι", True),
    ("Shoigu", "Σοϊγκού", True),
    ("Sergej", "Σεργκέι", False),  # Czech/Slovene j
    ("Gorbačov", "Γκορμπατσόφ", False),  # diacritics
    ("Mihail", "Μιχαήλ", False),  # χ without kh
    ("Piotr", "Πιοτρ", False),  # the Polish spelling
    ("Lewandowski", "Λεβαντόφσκι", False),
]


@pytest.mark.parametrize(("spelling", "greek", "expected"), SPELLED_RUSSIAN_WAY)
def test_spelled_russian_way(spelling: str, greek: str, expected: bool) -> None:
    assert spelled_russian_way(spelling, normalize(greek)) is expected


LOOKS_RUSSIAN = [
    ("Σεργκέι Λαβρόφ", None, True),
    ("Μαρία Σαράποβα", None, True),
    ("Γιούλια Τιμοσένκο", None, True),
    ("Γιούλια Ναβάλναγια", None, True),  # the adjectival feminine -ная
    ("Τατιάνα Τολστάγια", None, True),
    ("Χιμαλάγια", None, False),  # not every -άγια
    ("Αβέρωφ Νεοφύτου", None, False),  # -ωφ is Greek
    ("Ιβίτσα Ντάτσιτς", None, False),  # -ић is Serbo-Croatian too
    # A Western spelling of the -ов word: the name is not Russian (Polish, Bulgarian-French).
    ("Ρόμπερτ Λεβαντόφσκι", "Lewandowski", False),
    ("Ντίλμα Ρούσεφ", "Rousseff", False),
    ("Μιχαήλ Γκορμπατσόφ", "Gorbačov", True),  # another Slavic language's spelling
]


@pytest.mark.parametrize(("name", "spelling", "expected"), LOOKS_RUSSIAN)
def test_looks_russian(name: str, spelling: str | None, expected: bool) -> None:
    words = normalize(name).split()
    assert looks_russian(words, lambda _w: spelling) is expected


RUSSIAN_NAMES = [
    ("Σεργκέι Λαβρόφ", "Sergei Lavrov"),
    ("Μιχαήλ Χοντορκόφσκι", "Mikhail Khodorkovsky"),
    ("Μιχαήλ Γκορμπατσόφ", "Mikhail Gorbachev"),
    ("Φιοντόρ Ντοστογιέφσκι", "Fyodor Dostoyevsky"),
    ("Ρόμπερτ Λεβαντόφσκι", "Robert Lewandowski"),  # Polish: its own spelling
]


@pytest.mark.parametrize(("greek", "expected"), RUSSIAN_NAMES)
def test_russian_names_in_english_transliteration(greek: str, expected: str) -> None:
    got = canonical_name([NameForm(greek)], "PERSON", lexicon=latin_lexicon())
    assert got in (expected, expected.replace("Sergei", "Sergey"))


# --- Greek names in the accusative: the given name's case is the whole name's ------------
GREEK_ACCUSATIVES = [
    ("Γιώργο Τούρκο", "Giorgos Tourkos"),  # all -ο, as Romance names end: Greek by Γιώργος
    ("Νίκο Παππά", "Nikos Pappas"),
    ("Πάνο Καμμένο", "Panos Kammenos"),
    ("Γιώργο Παπανδρέου", "Giorgos Papandreou"),  # -έου does not decline
    ("Κάρλο Αντσελότι", "Carlo Ancelotti"),  # -ι is no Greek case form
    ("Αντόνιο Κόστα", "Antonio Costa"),  # the table knows Αντόνιο as written
    ("Μάριο Ντράγκι", "Mario Draghi"),
]


@pytest.mark.parametrize(("greek", "expected"), GREEK_ACCUSATIVES)
def test_greek_accusative_names_rebuilt(greek: str, expected: str) -> None:
    assert canonical_name([NameForm(greek)], "PERSON", lexicon=latin_lexicon()) == expected


# --- Greek spellings that only look foreign ------------------------------------------------
GREEK_NOT_FOREIGN = [
    ("Αθηναϊκή Ζυθοποιία", "ORG", "Athinaiki Zythopoiia"),  # οι + ία, no doubled vowel
    ("Αρτοποιία Αθηνών", "ORG", "Artopoiia Athinon"),
]


@pytest.mark.parametrize(("greek", "label", "expected"), GREEK_NOT_FOREIGN)
def test_greek_digraph_before_iota_is_greek(greek: str, label: str, expected: str) -> None:
    assert canonical_name([NameForm(greek)], label, lexicon=latin_lexicon()) == expected


# --- the name table's spelling against a more common sound-alike --------------------------
TABLE_AGAINST_COMMON = [
    ("Τζορτζ Μπους", "George Bush"),  # Bus: 3.2 times as frequent, not enough
    ("Σεργκέι Σοϊγκού", "Sergei Shoigu"),  # Sergej: the table ranks it below Sergei
    ("Τιμ Κουκ", "Tim Cook"),  # Timm (table) is rare beside Tim
]


@pytest.mark.parametrize(("greek", "expected"), TABLE_AGAINST_COMMON)
def test_table_spelling_against_a_more_common_one(greek: str, expected: str) -> None:
    got = canonical_name([NameForm(greek)], "PERSON", lexicon=latin_lexicon())
    assert got in (expected, expected.replace("Sergei", "Sergey"))


# --- English names as English speakers say them --------------------------------------------
ENGLISH_READINGS = [
    ("Brown", "Μπράουν"),  # ow before n: au
    ("Powell", "Πάουελ"),  # ow before el
    ("Cowell", "Κάουελ"),
]


@pytest.mark.parametrize(("spelling", "greek"), ENGLISH_READINGS)
def test_english_ow_reads_au(spelling: str, greek: str) -> None:
    from entityx.text.keys import phonetic
    from entityx.text.readings import word_readings

    assert phonetic(normalize(greek)) in word_readings(spelling)


def test_english_surname_from_the_table_by_its_english_reading() -> None:
    got = canonical_name([NameForm("Γκόρντον Μπράουν")], "PERSON", lexicon=latin_lexicon())
    assert got == "Gordon Brown"


# --- Foreign by the lexicon: a word no table holds, spelt otherwise than ELOT 743 ----------
FOREIGN_BY_LEXICON = [
    ("Χούλιο Ιγκλέσιας", "Julio Iglesias"),  # endings as Greek as Ιγκλέσιας's -ας
    ("Σέρχιο Ράμος", "Sergio Ramos"),
    ("Κάμαλα Χάρις", "Kamala Harris"),
    ("Θαπατέρο", "Zapatero"),
    # The table holds a word as a Greek name: the lexicon's likeness is chance.
    ("Σάκης Ρουβάς", "Sakis Rouvas"),  # not Rufas
    ("Κωνσταντίνος Κόμπος", "Konstantinos Kompos"),  # not Spanish Cobos
]


@pytest.mark.parametrize(("greek", "expected"), FOREIGN_BY_LEXICON)
def test_a_name_the_lexicon_spells_otherwise_is_foreign(greek: str, expected: str) -> None:
    assert canonical_name([NameForm(greek)], "PERSON", lexicon=latin_lexicon()) == expected
