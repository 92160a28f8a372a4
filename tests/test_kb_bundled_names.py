"""What the bundled knowledge base answers for endonyms (GeoNames alternates chosen by wordfreq)
and for foreign parties (curated: acronym, Greek and English names on one entry)."""

from __future__ import annotations

import pytest

from entityx.resolution import KnowledgeBase


@pytest.mark.parametrize(
    ("endonym", "exonym"),
    [("Firenze", "Florence"), ("Antwerpen", "Antwerp"), ("München", "Munich"), ("Wien", "Vienna")],
)
def test_a_city_endonym_finds_the_city(endonym: str, exonym: str) -> None:
    kb = KnowledgeBase.bundled()
    assert kb.lookup(endonym, "LOC") is kb.lookup(exonym, "LOC") is not None


@pytest.mark.parametrize(
    ("old", "greek", "today"),
    [("Bombay", "Βομβάη", "Mumbai"), ("Stalingrad", "Στάλινγκραντ", "Volgograd"),
     ("Leningrad", "Λένινγκραντ", "Saint Petersburg"), ("Saigon", "Σαϊγκόν", "Ho Chi Minh City")],
)  # fmt: skip
def test_a_city_english_names_by_an_older_name_finds_the_city(
    old: str, greek: str, today: str
) -> None:
    kb = KnowledgeBase.bundled()
    city = kb.lookup(today, "LOC")
    assert city is not None and city.name == today
    assert kb.lookup(old, "LOC") is city
    assert kb.lookup(greek, "LOC") is city


@pytest.mark.parametrize(
    ("old", "today"), [("Nauplion", "Ναύπλιο"), ("Heraklion", "Ηράκλειο"), ("Janina", "Ιωάννινα")]
)
def test_a_greek_town_is_found_by_its_older_romanisations(old: str, today: str) -> None:
    kb = KnowledgeBase.bundled()
    town = kb.lookup(today, "LOC")
    assert town is not None and kb.lookup(old, "LOC") is town


def test_a_common_english_word_is_no_city_name() -> None:
    kb = KnowledgeBase.bundled()
    assert kb.lookup("Vine", "LOC") is None  # a Vienna alternate, and a word
    assert kb.lookup("Stalin", "LOC") is None  # Donetsk's old name is a person's first


def test_a_foreign_party_is_one_entry_by_acronym_greek_and_english() -> None:
    kb = KnowledgeBase.bundled()
    fdp = kb.lookup("FDP", "ORG")
    assert fdp is not None and fdp.name == "Free Democratic Party"
    assert kb.lookup("Ελεύθεροι Δημοκράτες", "ORG") is fdp
    assert kb.lookup("Ελεύθερο Δημοκρατικό Κόμμα", "ORG") is fdp


def test_generic_party_names_stay_unowned() -> None:
    kb = KnowledgeBase.bundled()
    assert kb.lookup("Socialist Party", "ORG") is None  # French, Portuguese, ...


def test_a_mononymous_philosopher_and_a_namesake_are_two_entries() -> None:
    kb = KnowledgeBase.bundled()
    socrates, namesake = kb.lookup("Σωκράτης", "PERSON"), kb.lookup("José Sócrates", "PERSON")
    assert socrates is not None and namesake is not None and socrates.id != namesake.id


# (a Greek form, the English name): one entry of each curated category of institutions
# beyond parties and states (universities abroad, churches, museums, organisations of
# twentieth-century history, regional groupings, armed movements, Greek hospitals), found
# by an inflected form too.
CURATED_INSTITUTIONS = [
    ("Πανεπιστημίου του Χάρβαρντ", "Harvard University"),
    ("Καθολικής Εκκλησίας", "Catholic Church"),
    ("Βρετανικού Μουσείου", "British Museum"),
    ("Συμφώνου της Βαρσοβίας", "Warsaw Pact"),
    ("Ομάδας του Βίσεγκραντ", "Visegrád Group"),
    ("Μουσουλμανικής Αδελφότητας", "Muslim Brotherhood"),
    ("Αττικόν", "Attikon University Hospital"),
    ("Βουλής των Κοινοτήτων", "House of Commons"),  # national legislatures
    ("Γερμανικής Ομοσπονδίας Ποδοσφαίρου", "German Football Association"),
    ("Καραμπινιέρων", "Carabinieri"),  # police and gendarmeries
    ("Ομοσπονδιακού Συνταγματικού Δικαστηρίου", "Federal Constitutional Court"),
    ("Κε ντ'Ορσέ", "French Ministry for Europe and Foreign Affairs"),  # a building's name
    ("Γερμανικών Σιδηροδρόμων", "Deutsche Bahn"),
    ("Ινστιτούτου Ρόμπερτ Κοχ", "Robert Koch Institute"),
    ("Ιδρύματος Φρίντριχ Έμπερτ", "Friedrich Ebert Foundation"),  # a neuter in -μα
    ("Τράπεζας της Ισπανίας", "Bank of Spain"),  # the EU's central banks
    ("Διεθνούς Νομισματικού Ταμείου", "International Monetary Fund"),  # Διεθνής, -ούς
    ("Διεθνούς Αμνηστίας", "Amnesty International"),
]

# (a form, the English name): places Greek names by translation, and regions' own names.
CURATED_PLACES = [
    ("Μέλανα Δρυμό", "Black Forest"),
    ("Κυανής Ακτής", "French Riviera"),
    ("Σινικού Τείχους", "Great Wall of China"),
    ("Sardegna", "Sardinia"),
    ("Castilla y León", "Castile and León"),
    ("Νοτίου Αφρικής", "South Africa"),  # a learned feminine genitive: Νότια, Νοτίου
]


@pytest.mark.parametrize(("form", "name"), CURATED_PLACES)
def test_a_curated_place_is_found_by_its_greek_or_own_name(form: str, name: str) -> None:
    entry = KnowledgeBase.bundled().lookup(form, "LOC")
    assert entry is not None and entry.name == name


@pytest.mark.parametrize(("greek", "name"), CURATED_INSTITUTIONS)
def test_a_curated_institution_is_found_by_its_greek_name(greek: str, name: str) -> None:
    entry = KnowledgeBase.bundled().lookup(greek, "ORG")
    assert entry is not None and entry.name == name
