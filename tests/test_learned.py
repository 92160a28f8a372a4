"""Foreign places that Greek spells the learned way (β for b, a Greek ending), without a KB."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from entityx.resolution import Resolver
from entityx.text.greek import normalize
from entityx.text.keys import stem_key
from entityx.text.learned import learned_readings

# (Greek learned spelling, the Latin name it stands for)
PAIRS = [
    ("Βοστώνη", "Boston"),  # β for b, an added -η
    ("Βοστώνης", "Boston"),  # its genitive
    ("Βαλτιμόρη", "Baltimore"),
    ("Ζάμβια", "Zambia"),  # μβ for mb
    ("Γαμβία", "Gambia"),
    ("Βαρβάδος", "Barbados"),
    ("Βόρνεο", "Borneo"),
    ("Καμπέρα", "Canberra"),  # a nasal before b written μ: n + b
    ("Βρανδεμβούργο", "Brandenburg"),
    ("Γοτεμβούργο", "Gothenburg"),
]

# (Greek name, a Latin name that only the learned reading could make it meet)
NON_PAIRS = [
    ("Βάρη", "Bari"),  # Vari in Attica; Bari is Μπάρι (an -η is added, not kept)
    ("Κάβος", "Kambos"),  # a Greek word (a cellar, a cape): read the Greek way only
    ("Βόλος", "Bolos"),  # a Greek word too
    ("Βόννη", "Bonny"),
    ("Λιβαδειά", "Libadia"),
]


def _same(*names: str, label: str = "LOC") -> bool:
    _, ids = Resolver(kb=False).resolve([(n, label) for n in names], definitions=())
    return len(set(ids)) == 1


@pytest.mark.parametrize(("greek", "latin"), PAIRS)
def test_learned_spellings_meet_their_latin_names(greek: str, latin: str) -> None:
    assert _same(greek, latin)


@pytest.mark.parametrize(("greek", "other"), NON_PAIRS)
def test_greek_words_and_kept_endings_stay_apart(greek: str, other: str) -> None:
    assert not _same(greek, other)


def test_only_places_are_read_the_learned_way() -> None:
    # People and organisations are transcribed the modern way (Μπόστον for a Boston).
    assert not _same("Βοστώνη", "Boston", label="ORG")
    assert not _same("Βαρβάδος", "Barbados", label="PERSON")


def test_readings_drop_an_added_ending_and_keep_their_own_stem() -> None:
    readings = learned_readings("Βοστώνη")
    assert (("boston",), ("boston",)) in readings
    assert all(keys != ("fostoni",) for keys, _ in readings)  # the generic one is not repeated


def test_a_nasal_before_b_reads_both_ways() -> None:
    keys = {k for k, _ in learned_readings("Λουξεμβούργο")}
    assert ("lukseburg",) in keys  # m + b (Luxembourg's key: mb is b)
    assert ("luksenburg",) in keys  # n + b


def test_names_without_b_or_not_greek_have_none() -> None:
    assert learned_readings("Αθήνα") == ()
    assert learned_readings("Boston") == ()
    assert learned_readings("") == ()


def test_native_words_are_read_the_greek_way() -> None:
    assert learned_readings("Κάβος", native=lambda word: True) == ()
    both = learned_readings("Βόλος Βοστώνη", native=lambda word: word == "βολοσ")
    assert both and all(keys[0] == "folos" for keys, _ in both)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="αβγμπνηοςΒΜ ά-'", max_size=12))
def test_any_greek_text_gives_readings_of_its_own_words(text: str) -> None:
    words = normalize(text).split()
    for keys, stems in learned_readings(text):
        assert len(keys) == len(stems) == len(words)
        assert all(stem_key(k) == s or k == s for k, s in zip(keys, stems, strict=True))
