"""``entityx.resolution.source_language``: a foreign name written in Greek is spelt in the one
language its words reveal (Friedrich Nietzsche, not Friedrich Nice), and a name that
reveals none keeps its word-by-word spelling."""

from __future__ import annotations

import pytest

from entityx.resolution import latin_names
from entityx.resolution.latin_names import latin_spelling, latin_spellings_by_language
from entityx.resolution.naming import NameForm, canonical_name, latin_lexicon
from entityx.resolution.source_language import source_language, spelt_in_source_language


def _name(greek: str) -> str:
    return canonical_name([NameForm(greek)], "PERSON", lexicon=latin_lexicon())


# (the name's language, Greek, name): the source language's spelling of a word whose
# sound another language writes more.
RESPELT = [
    ("de", "Φρίντριχ Νίτσε", "Friedrich Nietzsche"),  # not French Nice
    ("it", "Τζόρτζια Μελόνι", "Giorgia Meloni"),  # not English Georgia
    ("es", "Ούγκο Τσάβες", "Hugo Chávez"),  # not Italian Ugo
    ("hu", "Μπέλα Μπάρτοκ", "Béla Bartók"),  # not Bella
    ("nl", "Ρουντ Χούλιτ", "Ruud Gullit"),  # not English round
    ("fr", "Ερβέ Μορέν", "Hervé Morin"),
    # The given name's other spellings speak for the language its surname reveals.
    ("fr", "Νικολά Σαρκοζί", "Nicolas Sarkozy"),  # not Serbian Nikola
    ("it", "Ενρίκο Λέτα", "Enrico Letta"),  # not Slovene leta
    ("pl", "Γιαροσλάβ Κατσίνσκι", "Jaroslaw Kaczynski"),  # not Czech Jaroslav
    ("pl", "Ράντοσλαβ Σικόρσκι", "Radosław Sikorski"),
    # Or the name table's spelling that reveals the language, where it has none of its own.
    ("es", "Χόρχε Λουίς Μπόρχες", "Jorge Luís Borges"),  # not French Louis
]
# Names right word by word, which the language choice must leave alone.
KEPT = [
    ("ru", "Βλαντιμίρ Πούτιν", "Vladimir Putin"),
    ("en", "Μπαράκ Ομπάμα", "Barack Obama"),
    ("nl", "Γιόχαν Κρόιφ", "Johan Cruyff"),
    ("en", "Ισαάκ Νεύτων", "Isaac Newton"),
    ("fr", "Ζινεντίν Ζιντάν", "Zinedine Zidane"),
    ("cs", "Αντρέι Μπάμπις", "Andrej Babiš"),
    ("ar", "Σαντάμ Χουσεΐν", "Saddam Hussein"),
    ("it", "Κάρλο Αντσελότι", "Carlo Ancelotti"),
    ("pl", "Ρόμπερτ Λεβαντόφσκι", "Robert Lewandowski"),
    ("fr", "Εμανουέλ Μακρόν", "Emmanuel Macron"),
    ("es", "Πέδρο Σάντσεθ", "Pedro Sánchez"),
    ("de", "Άνγκελα Μέρκελ", "Angela Merkel"),
    ("de", "Όλαφ Σολτς", "Olaf Scholz"),
    ("fr", "Ζεράρ Ντεπαρντιέ", "Gérard Depardieu"),
    ("es", "Λιονέλ Μέσι", "Lionel Messi"),
    ("it", "Ουμπέρτο Έκο", "Umberto Eco"),  # not Echo: Italian writes eco, as a word
    ("fr", "Ερβέ Ρενάρ", "Hervé Renard"),  # French renard is a word too
    ("da", "Χανς Κρίστιαν Άντερσεν", "Hans Christian Andersen"),  # not Norwegian Kristian
    ("nb", "Μάγκνους Κάρλσεν", "Magnus Carlsen"),  # Norwegian Karlsen is hardly more common
    ("fr", "Αρσέν Βενγκέρ", "Arsène Wenger"),  # not the French verb venger
    ("sh", "Νίκολα Γιόκιτς", "Nikola Jokić"),
    # Other spellings alone choose no language: each language's own (Czech Jurij) reveals it.
    ("ru", "Γιούρι Γκαγκάριν", "Yuri Gagarin"),
    # A particle reveals no language (Da is a word of several): Vasco stays Portuguese.
    ("pt", "Βάσκο ντα Γκάμα", "Vasco da Gama"),
]


@pytest.mark.parametrize(("origin", "greek", "name"), RESPELT + KEPT)
def test_a_name_is_spelt_in_its_source_language(origin: str, greek: str, name: str) -> None:
    assert _name(greek) == name


def test_the_words_that_reveal_a_language_choose_it() -> None:
    assert source_language(["Friedrich", "Nice"]) == "de"
    assert source_language(["Jacques"]) in {"fr", None}
    # Written alike in every language's news: no language is revealed.
    assert source_language(["Barack", "Obama"]) is None
    assert source_language([]) is None


def test_each_word_takes_the_chosen_languages_spelling_of_its_sound() -> None:
    assert latin_spelling("Νίτσε") == "Nice"
    assert latin_spellings_by_language("Νίτσε").get("de") == "Nietzsche"
    spelt = spelt_in_source_language(["φριντριχ", "νιτσε"], latin_spelling)
    assert spelt == {"φριντριχ": "Friedrich", "νιτσε": "Nietzsche"}
    # No language revealed: the word-by-word spellings.
    assert spelt_in_source_language(["ομπαμα"], latin_spelling) == {"ομπαμα": "Obama"}


def test_an_old_format_lexicon_answers_as_before() -> None:
    old = {"format": 1, "keys": {"nitse": "nice"}, "popularity": {"nice": 435}}
    doc = latin_names._readable(old)
    assert doc["keys"] == {"nitse": "nice"} and doc["languages"] == {} and doc["reveals"] == {}
    assert latin_names._readable({"format": 99, "keys": {"a": "b"}})["keys"] == {}
