"""The place adjectives of the word table's build (scripts/place_adjectives.py), on a small
hand-made knowledge base and Hunspell dictionary."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

place_adjectives = pytest.importorskip("place_adjectives", reason="needs the dev extra")
from entityx.resolution.translate import english_stem, greek_word_stem  # noqa: E402

PROPER = frozenset(
    ["Georgian", "Lebanese", "Canadian", "Cuban", "Cypriot", "Cyprian", "Varese", "Persian"]
)


def _kb(tmp_path: Path, entries: list[list[object]]) -> Path:
    path = tmp_path / "kb.json.gz"
    rows = [[kb_id, name, "LOC", aliases, [], score, []] for kb_id, name, aliases, score in entries]
    path.write_bytes(gzip.compress(json.dumps({"format": 1, "entries": rows}).encode()))
    return path


def _dic(tmp_path: Path, words: list[str]) -> Path:
    path = tmp_path / "el_GR.dic"
    path.write_bytes("\n".join([str(len(words)), *words]).encode("iso-8859-7"))
    return path


def _glosses(
    tmp_path: Path,
    entries: list[list[object]],
    words: list[str],
    known: dict[str, list[str]] | None = None,
    *,
    proper: frozenset[str] = PROPER,
) -> dict[str, list[str]]:
    kb, dic = _kb(tmp_path, entries), _dic(tmp_path, words)
    return place_adjectives.place_adjective_glosses(kb, dic, proper, known or {})


COUNTRIES = [
    ["geonames:1", "Georgia", ["Γεωργία"], 1e10],
    ["geonames:2", "Lebanon", ["Λίβανος"], 1e10],
    ["geonames:3", "Canada", ["Καναδάς"], 1e10],
    ["geonames:4", "Cuba", ["Κούβα"], 1e10],
]


def test_each_side_derives_its_adjective_from_the_place_name(tmp_path: Path) -> None:
    words = ["γεωργιανός", "γεωργιανή", "λιβανέζικος", "καναδικό", "κουβανέζικη"]
    out = _glosses(tmp_path, COUNTRIES, words)
    assert out == {
        greek_word_stem("γεωργιανός"): [english_stem("georgian")],
        greek_word_stem("λιβανέζικος"): [english_stem("lebanese")],
        greek_word_stem("καναδικό"): [english_stem("canadian")],
        greek_word_stem("κουβανέζικη"): [english_stem("cuban")],
    }


def test_a_glossed_stem_keeps_its_gloss(tmp_path: Path) -> None:
    # γεωργικός is agricultural; a common adjective sharing the place's stem is no demonym
    known = {greek_word_stem("γεωργικός"): ["agricultur"]}
    out = _glosses(tmp_path, COUNTRIES, ["γεωργικός", "γεωργιανός"], known)
    assert greek_word_stem("γεωργικός") not in out
    assert out[greek_word_stem("γεωργιανός")] == [english_stem("georgian")]


def test_a_place_whose_demonym_is_glossed_gets_no_second_one(tmp_path: Path) -> None:
    entries = [["geonames:5", "Cyprus", ["Κύπρος"], 1e10]]
    known = {greek_word_stem("κυπριακός"): [english_stem("cypriot")]}
    out = _glosses(tmp_path, entries, ["κυπριακός", "κυπριώτικος"], known)
    assert out == {}  # not Cyprian


def test_a_small_town_gives_no_adjective(tmp_path: Path) -> None:
    entries = [["geonames:6", "Varda", ["Βάρδα"], 3687.0]]  # βαρδιάνος is a guard
    assert _glosses(tmp_path, entries, ["βαρδιάνος"], proper=PROPER | {"Vardian"}) == {}


def test_a_place_name_is_no_adjective(tmp_path: Path) -> None:
    entries = [["entityx:loc:v", "Varda", ["Βάρδα"], 1.0], ["geonames:9", "Varese", [], 1e5]]
    assert _glosses(tmp_path, entries, ["βαρδιάνος"]) == {}  # not Vard-ese


def test_two_places_of_one_stem_give_no_adjective(tmp_path: Path) -> None:
    entries = [
        ["geonames:10", "Kostia", ["Κωστία"], 1e10],
        ["geonames:11", "Kosto", ["Κώστος"], 1e10],
    ]
    proper = PROPER | {"Kostian", "Kostoan"}
    assert _glosses(tmp_path, entries, ["κωστιανός"], proper=proper) == {}


@pytest.mark.parametrize(
    ("names", "adjective"),
    [(["Georgia"], "Georgian"), (["Lebanon"], "Lebanese"), (["Canada"], "Canadian"),
     (["Cuba"], "Cuban"), (["Sakartvelo", "Georgia"], "Georgian"), (["Iceland"], None)],
)  # fmt: skip
def test_english_adjective_adds_a_demonym_ending(names: list[str], adjective: str | None) -> None:
    assert place_adjectives.english_adjective(names, PROPER) == adjective


def test_proper_nouns_are_never_written_in_lower_case() -> None:
    words = ["Georgian", "Polish", "polish", "georgia", "Lebanese"]
    assert place_adjectives.proper_nouns(words) == {"Georgian", "Lebanese"}


def _place_words(tmp_path: Path, table: dict[str, list[str]]) -> dict[str, list[str]]:
    entries = [
        ["geonames:5", "Cyprus", ["Κύπρος"], 1e10],
        ["geonames:6", "Türkiye", ["Turkey", "Τουρκία"], 1e10],
        ["geonames:7", "Syria", ["Συρία"], 1e10],
        ["geonames:8", "Syros", ["Σύρος"], 1e10],
        ["geonames:9", "Atlanta", ["Ατλάντα"], 1e10],
        ["geonames:10", "Paris", ["Πάρις"], 1e10],
    ]
    english = ["Cypriot", "Cyprus", "Turkey", "turkey", "Turkish", "Syrian", "Syria"]
    english += ["Atlanta", "Atlantic", "Parisian", "Paris"]
    stems = {greek_word_stem(k): [english_stem(g) for g in v] for k, v in table.items()}
    return place_adjectives.place_word_glosses(_kb(tmp_path, entries), english, stems)


def test_a_place_adjective_and_the_place_gain_each_others_gloss(tmp_path: Path) -> None:
    out = _place_words(
        tmp_path,
        {
            "κυπριακός": ["cypriot"],
            "τουρκικός": ["turkish"],
            "Τουρκία": ["turkey", "turk"],
            "συριακός": ["syrian"],
            "Συρία": ["syria"],
        },
    )
    cyprus, turkey, syria = english_stem("cyprus"), english_stem("turkey"), english_stem("syria")
    assert out[greek_word_stem("κυπριακός")] == ["cypriot", cyprus]
    # The English name SCOWL writes, not the entry's own Türkiye.
    assert out[greek_word_stem("τουρκικός")] == ["turkish", turkey]
    assert out[greek_word_stem("Τουρκία")] == [turkey, "turk", "turkish"]
    # The place the gloss starts most like: Syria, not Syros.
    assert out[greek_word_stem("συριακός")] == ["syrian", syria]
    assert out[greek_word_stem("Συρία")] == [syria, "syrian"]


def test_no_gloss_is_gained_from_a_start_or_a_stem_of_other_senses(tmp_path: Path) -> None:
    out = _place_words(
        tmp_path,
        {
            "ατλαντικός": [english_stem("atlantic")],  # Atlantic: no derivative of Atlanta
            "παρισινός": ["parisian"],
            "Πάρις": ["company", "pariah", "paris"],  # a stem naming other things first
        },
    )
    assert greek_word_stem("ατλαντικός") not in out
    assert out[greek_word_stem("παρισινός")] == ["parisian", english_stem("paris")]
    assert greek_word_stem("Πάρις") not in out
