"""The knowledge-base build (scripts/build_kb.py): the cleaning of every source's strings."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

import kb_clean


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        # CLDR: notes in brackets
        ("Μιανμάρ (Βιρμανία)", "Μιανμάρ"),
        ("Κονγκό - Κινσάσα", "Κονγκό - Κινσάσα"),
        # GeoNames alternate names: IPA, a tonos or prime before a Latin homoglyph capital,
        # two names in one, mixed-script words, notes
        ("στην Πόλι [stimˈboli]", "στην Πόλι"),
        ("΄Aκκρα", None),  # the A is Latin: a mixed-script word after the tonos goes
        ("΄Ακκρα", "Ακκρα"),
        ("Koνσεπσιόν", None),
        ("Σούκρε/Λα Παζ", None),
        ("Τιμπού (θερινή) Πουνάκα (χειμερινή)", "Τιμπού Πουνάκα"),
        ("Πόλη 10ης Ραμαντάν", None),
        ("Άγκυρα (Ankyra)", "Άγκυρα"),
        # rigour: mixed-script tokens
        ("gkίnhς", None),
        ("bασιλίδης", None),
        # Wiktionary: placeholders
        ("ΧΧΧ", None),
        ("xxx", None),
        # everyone: blanks, too short, other scripts, stray spaces
        ("", None),
        ("   ", None),
        ("A", None),
        ("Москва", None),
        ("  New   York ", "New York"),
        ("Saint-Étienne", "Saint-Étienne"),
        ("François", "François"),
    ],
)
def test_clean_name(raw: str, clean: str | None) -> None:
    assert kb_clean.clean_name(raw) == clean


@pytest.mark.parametrize(
    ("raw", "natural"),
    [
        ("Iran, Islamic Republic of", "Islamic Republic of Iran"),
        ("Korea, Democratic People's Republic of", "Democratic People's Republic of Korea"),
        ("Congo, The Democratic Republic of the", "Democratic Republic of the Congo"),
        ("Bolivia, Plurinational State of", "Plurinational State of Bolivia"),
        ("Virgin Islands, British", "British Virgin Islands"),
        ("Taiwan, Province of China", "Taiwan"),
        ("Moldova", "Moldova"),
        ("Bonaire, Sint Eustatius and Saba", "Bonaire"),
    ],
)
def test_uninvert_iso_names(raw: str, natural: str) -> None:
    assert kb_clean.uninvert(raw) == natural


def test_parenthetical_keeps_the_notes_apart() -> None:
    assert kb_clean.parenthetical("Myanmar (Burma)") == ("Myanmar", ("Burma",))
    assert kb_clean.parenthetical("Paris") == ("Paris", ())


def test_clean_names_drops_duplicates_blanks_and_the_entry_name() -> None:
    got = kb_clean.clean_names(
        ["Αθήνα", "ΑΘΗΝΑ", "Athens", "", "athens ", "Αθηνα", "Αθήναι"], skip=["Athens"]
    )
    assert got == ["Αθήνα", "Αθήναι"]


@pytest.mark.parametrize(
    ("gloss", "names"),
    [
        ("Dniester, Tyras", ["Dniester", "Tyras"]),
        ("International Monetary Fund", ["International Monetary Fund"]),
        ("ΧΧΧ", []),
        ("αστερισμός", []),
        ("hydrophoria", []),
        ("Gargamel; το όνομα", ["Gargamel"]),
    ],
)
def test_gloss_names(gloss: str, names: list[str]) -> None:
    assert kb_clean.gloss_names(gloss) == names


@pytest.mark.parametrize(
    ("line", "parsed"),
    [
        (
            "giorgos, γιώργος, гиоргос => Q19826474",
            ("Q19826474", ["giorgos", "γιώργος", "гиоргос"]),
        ),
        ("no arrow here", None),
        ("x => ", None),
    ],
)
def test_rigour_line(line: str, parsed: tuple[str, list[str]] | None) -> None:
    assert kb_clean.rigour_line(line) == parsed


@pytest.mark.parametrize(
    ("word", "titled"),
    [("jean-françois", "Jean-François"), ("o'neill", "O'Neill"), ("γιώργος", "Γιώργος")],
)
def test_title_case(word: str, titled: str) -> None:
    assert kb_clean.title_case(word) == titled
