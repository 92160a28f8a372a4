"""Organisations and places named in an oblique case get the nominative of their head noun,
by a dictionary of nominatives; adjectives before it agree with its gender, and what follows
it keeps its case."""

from __future__ import annotations

import pytest

from entityx.resolution.naming import NameForm, canonical_name, latin_lexicon
from entityx.text.greek import normalize
from entityx.text.noun_phrase import dictionary_head_nominative

# A small dictionary of nominatives (the bundled one is FreeDict's headwords).
NOUNS = frozenset(
    [
        "υπουργειο", "δημοσ", "ιδρυμα", "κρατοσ", "ενωση", "συνοδοσ", "επιτροπη", "ταμειο",
        "βολοσ", "τρικαλα", "εμιρατα", "σπαρτιατεσ",
    ]
)  # fmt: skip


def _head(name: str) -> str | None:
    found = dictionary_head_nominative(normalize(name).split(), NOUNS.__contains__)
    return " ".join(found) if found is not None else None


@pytest.mark.parametrize(
    ("oblique", "nominative"),
    [
        ("Υπουργείου Εξωτερικών", "υπουργειο εξωτερικων"),  # -ου: neuter -ο
        ("Δήμου Αθηναίων", "δημοσ αθηναιων"),  # -ου: masculine -ος
        ("Ιδρύματος Ωνάση", "ιδρυμα ωναση"),  # -ματος: -μα
        ("Ισλαμικού Κράτους", "ισλαμικο κρατοσ"),  # a neuter in -ος takes -ο adjectives
        ("Ευρωπαϊκής Ένωσης", "ευρωπαϊκη ενωση"),
        ("Διεθνούς Ολυμπιακής Επιτροπής", "διεθνησ ολυμπιακη επιτροπη"),
        ("Διεθνούς Νομισματικού Ταμείου", "διεθνεσ νομισματικο ταμειο"),
        ("Ιερής Συνόδου", "ιερη συνοδοσ"),  # a feminine in -ος
        ("Τρικάλων", "τρικαλα"),  # a plural's genitive
        ("Ηνωμένων Αραβικών Εμιράτων", "ηνωμενα αραβικα εμιρατα"),
        ("Σπαρτιατών", "σπαρτιατεσ"),
    ],
)
def test_an_oblique_head_noun_is_rebuilt_with_its_adjectives(oblique: str, nominative: str) -> None:
    assert _head(oblique) == nominative


@pytest.mark.parametrize(
    "name",
    [
        "Ολυμπιακός Βόλου",  # a nominative adjective: Βόλου is its complement
        "Υπουργείο Εξωτερικών",  # the head is a nominative already
        "Κοσκινού",  # no nominative of it is in the dictionary
        "Τράπεζα της Ελλάδος",
    ],
)
def test_other_names_are_left_to_their_endings(name: str) -> None:
    assert _head(name) is None


@pytest.mark.parametrize(
    ("oblique", "name"),
    [
        ("Υπουργείου Υγείας", "Ypourgeio Ygeias"),
        ("Ιδρύματος Ωνάση", "Onassis Foundation"),  # the nominative Ίδρυμα translates
        ("Κόμματος Ελλήνων Κομμουνιστών", "Komma Ellinon Kommouniston"),
        ("Διεθνούς Ολυμπιακής Επιτροπής", "Diethnis Olympiaki Epitropi"),
    ],
)
def test_an_organisation_seen_only_in_the_genitive_is_named_by_its_nominative(
    oblique: str, name: str
) -> None:
    lexicon = latin_lexicon(name_parts=True)
    assert canonical_name([NameForm(oblique)], "ORG", lexicon=lexicon) == name


def test_a_place_is_rebuilt_only_into_a_proper_noun() -> None:
    lexicon = latin_lexicon(name_parts=True)
    assert canonical_name([NameForm("Βόλου")], "LOC", lexicon=lexicon) == "Volos"
    assert canonical_name([NameForm("Τήνου")], "LOC", lexicon=lexicon) == "Tinos"  # Hunspell's
    # a foreign place's -ου is its own (Satu Mare), though Σάτο is a proper noun's form
    assert canonical_name([NameForm("Σάτου Μάρε")], "LOC", lexicon=lexicon).startswith("Sat")
    assert not canonical_name([NameForm("Σάτου Μάρε")], "LOC", lexicon=lexicon).startswith("Sato ")
    # κόσκινο is a common noun: the village is a frozen genitive, not a Κόσκινο
    assert canonical_name([NameForm("Κοσκινού")], "LOC", lexicon=lexicon) != "Koskino"


def test_the_nominative_more_sources_list_wins() -> None:
    lexicon = latin_lexicon(name_parts=True)
    # Ναύπλιο, which the dictionary and Hunspell list, before Ναύπλιος, only Hunspell's form
    assert canonical_name([NameForm("Ναυπλίου")], "LOC", lexicon=lexicon) == "Nafplio"
    assert canonical_name([NameForm("Βόλου")], "LOC", lexicon=lexicon) == "Volos"


@pytest.mark.parametrize(
    ("oblique", "label", "name"),
    [
        # A place's accusative of a proper noun the dictionary lists: στην Πάρο, τον Αλιάκμονα.
        ("Πάρο", "LOC", "Paros"),
        ("Νάξο", "LOC", "Naxos"),
        ("Αλιάκμονα", "LOC", "Haliacmon"),  # the dictionary's English name of Αλιάκμονας
        # A village named by a common noun keeps its form (θερμός, σωτήρας: Thermo, Sotira).
        ("Θέρμο", "LOC", "Thermo"),
        ("Σωτήρα", "LOC", "Sotira"),
        # An organisation's -ο is its own: Βόλβο is no βολβός.
        ("Βόλβο", "ORG", "Volvo"),
    ],
)
def test_a_places_masculine_accusative_is_rebuilt_into_a_proper_noun(
    oblique: str, label: str, name: str
) -> None:
    lexicon = latin_lexicon(name_parts=True)
    assert canonical_name([NameForm(oblique)], label, lexicon=lexicon) == name


def test_a_one_letter_stem_has_its_genitive_read_too() -> None:
    from entityx.text.greek import nominative_candidates

    assert nominative_candidates("γησ") == ("γησ", "γη")  # της Γης: Earth's
    assert nominative_candidates("γη") == ("γη",)
    lexicon = latin_lexicon(name_parts=True)
    assert canonical_name([NameForm("Γης")], "LOC", lexicon=lexicon) == "Earth"


def test_a_neuter_in_ma_is_read_from_its_other_cases() -> None:
    from entityx.resolution import KnowledgeBase
    from entityx.text.greek import nominative_candidates

    assert "κομμα" in nominative_candidates("κομματοσ")  # του Κόμματος: the Party's
    assert "ιδρυμα" in nominative_candidates("ιδρυματων")
    kb = KnowledgeBase.bundled()
    entry = kb.lookup("Ευρωπαϊκού Λαϊκού Κόμματος", "ORG")  # (the KB lists the nominative)
    assert entry is not None and entry.name == "European People's Party"
