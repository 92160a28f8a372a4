"""Places' own-language names from CLDR (scripts/kb_endonyms.py) and the check that keeps an
endonym off a place when it already names another one. Built on small hand-made builders."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

kb_endonyms = pytest.importorskip("kb_endonyms", reason="needs the dev extra (babel)")
import kb_merge  # noqa: E402


def test_a_zone_city_is_named_in_its_territory_official_languages() -> None:
    assert kb_endonyms.city_endonyms("Europe/Copenhagen") == ["København"]
    assert {"Brussel", "Bruxelles"} <= set(kb_endonyms.city_endonyms("Europe/Brussels"))


def test_only_latin_script_endonyms_are_kept() -> None:
    assert kb_endonyms.city_endonyms("Europe/Belgrade") == ["Beograd"]  # not Београд
    assert kb_endonyms.country_endonyms("JP") == []


def test_a_country_is_named_in_its_own_languages_without_cldr_status_notes() -> None:
    assert kb_endonyms.country_endonyms("AT") == ["Österreich"]
    assert "Macau" in kb_endonyms.country_endonyms("MO")
    assert not any("RAE" in n for n in kb_endonyms.country_endonyms("MO"))


def test_an_endonym_naming_another_place_is_not_added() -> None:
    builder = kb_merge.Builder()
    for gid, name in (("rome", "Rome"), ("roma-au", "Roma"), ("vienna", "Vienna")):
        builder.add({"id": gid, "name": name, "label": "LOC", "aliases": []}, "geonames")
    builder.attach("rome", ["Roma"], "endonyms", check=True)
    builder.attach("vienna", ["Wien"], "endonyms", check=True)
    assert builder.find("LOC", "Roma") == ["roma-au"]
    assert builder.find("LOC", "Wien") == ["vienna"]
    assert builder.added[("endonyms", "LOC", "aliases")] == 1


def test_the_alternate_a_territory_language_writes_most_is_its_endonym() -> None:
    pytest.importorskip("wordfreq")
    alternates = ["FLR", "Firenca", "Firenze", "Florence", "Florenz", "florence", "Fiorenza"]
    assert kb_endonyms.frequent_endonyms("IT", "Florence", alternates) == ["Firenze"]
    antwerp = ["Amberes", "Antwerp", "Antwerpen", "Anvers", "Antverpen"]
    assert kb_endonyms.frequent_endonyms("BE", "Antwerp", antwerp) == ["Antwerpen", "Anvers"]


def test_no_endonym_where_the_language_writes_the_english_name_or_writes_no_latin() -> None:
    pytest.importorskip("wordfreq")
    assert kb_endonyms.frequent_endonyms("FR", "Paris", ["Paris", "Parigi", "Parii"]) == []
    assert kb_endonyms.frequent_endonyms("US", "Boston", ["Bostonas", "Bostono"]) == []
    assert kb_endonyms.frequent_endonyms("GR", "Nafplio", ["Nauplion", "Nauplia"]) == []


def test_a_region_is_named_as_iso_3166_2_names_it_at_home() -> None:
    pytest.importorskip("pycountry")
    assert kb_endonyms.subdivision_endonyms("ES-CT") == ["Catalunya", "Cataluña"]
    assert kb_endonyms.subdivision_endonyms("GB-WLS") == ["Wales", "Cymru"]  # code dropped
    assert kb_endonyms.subdivision_endonyms("DE-HE") == ["Hessen"]
    assert kb_endonyms.subdivision_endonyms("XX-1") == []
