"""``entityx.resolution.translate_match``: organisation names whose translation chose one word
freely (the kind of body, a borrowed word, one word of a long name), met without the KB."""

from __future__ import annotations

import pytest

from entityx.resolution import Resolver
from entityx.resolution.translate import content_words, english_key_words, english_name_words
from entityx.resolution.translate_match import words_translate_loosely


def _one_entity(greek: str, latin: str) -> bool:
    _, ids = Resolver(kb=False).resolve([(greek, "ORG"), (latin, "ORG")])
    return ids[0] == ids[1]


@pytest.mark.parametrize(
    ("greek", "latin"),
    [
        # one kind of body: Οργανισμός is an Agency or an Organisation, Αρχή an Authority
        ("Ευρωπαϊκός Οργανισμός Διαστήματος", "European Space Agency"),
        ("Διεθνούς Οργανισμού Ενέργειας", "International Energy Agency"),  # inflected
        ("Εθνική Υπηρεσία Πληροφοριών", "National Intelligence Agency"),
        ("Ελληνική Στατιστική Αρχή", "Hellenic Statistical Authority"),
        ("Ευρωπαϊκή Ένωση Ποδοσφαίρου", "European Football Federation"),
        # three words, one the table has no gloss for (nothing says it means another thing)
        ("Εθνική Ριζοσπαστική Ένωση", "National Radical Union"),
        # four content words or more: three translated words vouch for the fourth
        ("Ευρωπαϊκή Υπηρεσία Εξωτερικής Δράσης", "European External Action Service"),
        ("Ελληνικό Ίδρυμα Ευρωπαϊκής και Εξωτερικής Πολιτικής",
         "Hellenic Foundation for European and Foreign Policy"),
    ],
)  # fmt: skip
def test_translations_of_one_free_word_are_one_organisation(greek: str, latin: str) -> None:
    assert _one_entity(greek, latin)


@pytest.mark.parametrize(
    ("greek", "latin"),
    [
        ("Ευρωπαϊκή Τράπεζα Επενδύσεων", "European Investment Fund"),  # banks and funds differ
        ("Συμβούλιο της Ευρωπαϊκής Ένωσης", "Commission of the European Union"),  # two bodies
        ("Ευρωπαϊκή Ένωση Ποδοσφαίρου", "European Basketball Union"),  # the free word is no body
        ("Ευρωπαϊκή Επιτροπή", "European Agency"),  # two words: nothing vouches for a body
        ("Ριζοσπαστική Ένωση", "Student Union"),  # two words: nothing vouches for the unknown one
        ("Εθνική Ριζοσπαστική Ένωση", "National Student Council"),  # and one translated word
        ("Ελληνικός Οργανισμός Τουρισμού", "Greek National Tourism Organisation"),  # 3 and 4 words
        # An adjective the table lacks has its noun's meaning: no free word (teachers')
        ("Διδασκαλική Ομοσπονδία Ελλάδας", "Hellenic Federation of Enterprises"),
    ],
)  # fmt: skip
def test_other_organisations_stay_apart(greek: str, latin: str) -> None:
    assert not _one_entity(greek, latin)


def test_a_latin_name_may_add_what_kind_of_organisation_it_is() -> None:
    assert _one_entity("Ελεύθεροι Δημοκράτες", "Free Democratic Party")
    assert not _one_entity("Ευρωπαϊκή Ένωση", "European Union Agency")  # an agency is no kind
    assert not _one_entity("Ελεύθεροι Δημοκράτες", "Free Democratic Youth")


def test_a_latin_name_may_add_the_home_country_greek_leaves_unsaid() -> None:
    assert _one_entity("Πυροσβεστική Υπηρεσία", "Hellenic Fire Service")
    assert _one_entity("Υπουργείο Τουρισμού", "Ministry of Tourism of Greece")
    assert not _one_entity("Υπουργείο Τουρισμού", "Turkish Ministry of Tourism")  # abroad
    assert not _one_entity("Υπουργείο Τουρισμού", "Ministry of Greek Tourism")  # not its end
    items = [
        ("Πυροσβεστική Υπηρεσία", "ORG"),
        ("Hellenic Fire Service", "ORG"),
        ("Cyprus Fire Service", "ORG"),
    ]
    _, ids = Resolver(kb=False).resolve(items)
    assert ids[0] not in (ids[1], ids[2])  # two homes: neither


def test_places_are_not_matched_loosely() -> None:
    # A place's words glossed are common nouns (module doc); one borrowed word is no proof.
    items = [("Εθνική Υπηρεσία Πληροφοριών", "LOC"), ("National Intelligence Agency", "LOC")]
    _, ids = Resolver(kb=False).resolve(items)
    assert ids[0] != ids[1]
    assert _one_entity("Εθνική Υπηρεσία Πληροφοριών", "National Intelligence Agency")


def test_a_greek_name_two_entities_translate_joins_neither() -> None:
    items = [
        ("Εθνική Υπηρεσία Πληροφοριών", "ORG"),
        ("National Intelligence Agency", "ORG"),
        ("National Intelligence Authority", "ORG"),
    ]
    _, ids = Resolver(kb=False).resolve(items)
    assert ids[0] not in (ids[1], ids[2])


def test_a_greek_name_already_with_a_latin_name_is_not_moved() -> None:
    items = [
        ("Ευρωπαϊκή Επιτροπή", "ORG"),
        ("European Commission", "ORG"),
        ("Ευρωπαϊκή Επιτροπή Ανταγωνισμού", "ORG"),
        ("European Competition Network", "ORG"),
    ]
    _, ids = Resolver(kb=False).resolve(items)
    assert ids[0] == ids[1] and ids[2] != ids[3]


def test_a_possessive_is_no_word_of_its_own() -> None:
    # People's: the s of a possessive would make a four-word name of a three-word one.
    assert content_words("People's Liberation Army") == ("peoples", "liberation", "army")
    assert english_name_words("People's Liberation Army") == ("people", "liber", "army")
    assert english_key_words("People's Liberation Army") == ("people", "liber", "army")
    assert _one_entity("Λαϊκός Απελευθερωτικός Στρατός", "People's Liberation Army")


def test_single_letters_are_no_content_words() -> None:
    assert content_words("Liberation Army B") == ("liberation", "army")
    # The word table's build keeps them, as the committed table was built.
    assert english_key_words("Liberation Army B") == ("liber", "army", "b")


def test_loose_matching_needs_as_many_words_on_both_sides() -> None:
    greek = ((("european",), "efropaik"), (("organi",), "organism"), (("space",), "diastim"))
    latin = (("european", "oiropean"), ("space", "spase"), ("agenc", "ayens"))
    assert words_translate_loosely(greek, latin)
    assert not words_translate_loosely(greek, latin[:2])
    assert not words_translate_loosely(greek[:1], latin[:1])  # one word: nothing vouches


@pytest.mark.parametrize(
    ("items", "one"),
    [
        (["Hellenic Navy", "Greek Navy"], True),  # Greece's bodies are Hellenic or Greek
        (["Hellenic Fire Service", "Greek Fire Service"], True),
        (["Hellenic Navy", "Greek Army"], False),  # the rest of the name must agree
        (["Greek", "Hellenic"], False),  # the adjective alone names nothing
    ],
)
def test_hellenic_and_greek_name_one_body(items: list[str], one: bool) -> None:
    _, ids = Resolver(kb=False).resolve([(name, "ORG") for name in items])
    assert (len(set(ids)) == 1) is one


@pytest.mark.parametrize(
    ("greek", "latin", "one"),
    [
        ("Μουσουλμανική Αδελφότητα", "Muslim Brothers", True),  # brother, brotherhood
        ("Φωνή Λογικής", "Voice of Reason", True),  # reasonable, reason
        ("Φωνή Λογικής", "Voice of Logistics", False),  # -istics makes another word
    ],
)
def test_an_english_derivation_of_the_same_sense_agrees(greek: str, latin: str, one: bool) -> None:
    assert _one_entity(greek, latin) is one
