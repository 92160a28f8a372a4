"""Knowledge bases: validation errors, layering over the gazetteer, serialisation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from entityx.errors import KnowledgeBaseError
from entityx.resolution import KBEntry, KnowledgeBase, Resolver


def _write(path: Path, rows: list[object]) -> Path:
    path.write_text(
        "\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n", encoding="utf-8"
    )
    return path


def test_bundled_gazetteer() -> None:
    kb = KnowledgeBase.bundled()
    assert kb is KnowledgeBase.bundled()  # cached
    assert kb.lookup("Γουονσάν", "LOC").name == "Wonsan"  # type: ignore[union-attr]
    assert kb.lookup("Μόσχας", "LOC").name == "Moscow"  # type: ignore[union-attr]
    assert kb.lookup("Ρωσίας", "PERSON") is None


@pytest.mark.parametrize(
    ("row", "field"),
    [
        ({"name": "X", "label": "PERSON"}, "id"),
        ({"id": "Q1", "name": "X", "label": "PERSON", "aliases": "Χ"}, "aliases"),
        ({"id": "Q1", "name": "X", "label": "DATE"}, "label"),
        ({"id": "Q1", "name": "X", "label": "PERSON", "alias": ["Χ"]}, "alias"),
    ],
)
def test_errors_name_file_line_field(tmp_path: Path, row: dict, field: str) -> None:
    path = _write(tmp_path / "kb.jsonl", [{"id": "Q0", "name": "Ok", "label": "ORG"}, row])
    with pytest.raises(KnowledgeBaseError) as err:
        KnowledgeBase.from_jsonl(path)
    msg = str(err.value)
    assert "kb.jsonl" in msg and "line 2" in msg and field in msg


def test_bad_json_and_duplicates(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError, match="line 1: invalid JSON"):
        KnowledgeBase.from_jsonl(_write(tmp_path / "a.jsonl", ["{nope"]))
    dup = [{"id": "Q1", "name": "A", "label": "ORG"}, {"id": "Q1", "name": "B", "label": "ORG"}]
    with pytest.raises(KnowledgeBaseError, match="duplicate id"):
        KnowledgeBase.from_jsonl(_write(tmp_path / "b.jsonl", dup))
    with pytest.raises(KnowledgeBaseError, match="cannot read"):
        KnowledgeBase.from_jsonl(tmp_path / "missing.jsonl")


def test_user_kb_pins_and_splits(tmp_path: Path) -> None:
    rows = [
        {
            "id": "Q1",
            "name": "Donald Trump",
            "label": "PERSON",
            "aliases": ["Τραμπ"],
            "same_as": ["http://www.wikidata.org/entity/Q22686"],
        },
        {"id": "Q2", "name": "Melania Trump", "label": "PERSON"},
        {"id": "Q3", "name": "Sergey Lavrov", "label": "PERSON"},
        {"id": "Q4", "name": "Sergei Lavrov (namesake)", "label": "PERSON", "aliases": ["Lavrov"]},
    ]
    kb = KnowledgeBase.from_jsonl(_write(tmp_path / "kb.jsonl", rows))
    items = [
        ("Τραμπ", "PERSON"),
        ("Donald Trump", "PERSON"),
        ("Melania Trump", "PERSON"),
        ("Σεργκέι Λαβρόφ", "PERSON"),
        ("Lavrov", "PERSON"),
        ("Ρωσίας", "LOC"),
    ]
    entities, ids = Resolver(kb=kb).resolve(items)
    by_id = {e.id: e for e in entities}
    assert ids[0] == ids[1] == "Q1" and by_id["Q1"].same_as[0].endswith("Q22686")
    assert ids[2] == "Q2"
    assert ids[3] == "Q3" and ids[4] == "Q4"  # two user entries keep two entities apart
    assert by_id[ids[5]].name == "Russia"  # the gazetteer still answers below the user KB


def test_roundtrip_bytes_and_gz(tmp_path: Path) -> None:
    kb = KnowledgeBase.from_entries([{"id": "Q1", "name": "A", "label": "GPE", "aliases": ["α"]}])
    assert kb.entries[0].label == "LOC"
    again = KnowledgeBase.from_bytes(kb.to_bytes())
    assert again.entries == kb.entries
    kb.to_jsonl(tmp_path / "kb.jsonl.gz")
    assert KnowledgeBase.from_jsonl(tmp_path / "kb.jsonl.gz").entries == kb.entries


def test_an_inflected_name_finds_its_own_nominative_before_a_name_sharing_its_stem() -> None:
    kb = KnowledgeBase.from_entries(
        [
            {"id": "big", "name": "Eregli", "label": "LOC", "aliases": ["Ηράκλεια"], "priority": 9},
            {"id": "her", "name": "Heraklion", "label": "LOC", "aliases": ["Ηράκλειο"]},
        ]
    )
    assert kb.lookup("Ηρακλείου", "LOC").id == "her"  # genitive of Ηράκλειο
    assert kb.lookup("Ηράκλειας", "LOC").id == "big"  # genitive of Ηράκλεια
    assert kb.match("Ηρακλείου", "LOC")[1] == "inflected"


def _toy_kb() -> KnowledgeBase:
    return KnowledgeBase.from_entries(
        [
            KBEntry(id="x:village", name="Cheimarros", label="LOC", aliases=("Χείμαρρος",)),
            KBEntry(id="x:port", name="Piraeus", label="LOC", aliases=("Πειραιάς",)),
            KBEntry(id="x:greece", name="Greece", label="LOC", aliases=("Ελλάδα",)),
            KBEntry(id="x:bank", name="Bank", label="ORG", aliases=("Τράπεζα Ανάπτυξης",)),
            KBEntry(id="x:range", name="Rocky Mountains", label="LOC", aliases=("Βραχώδη Όρη",)),
            KBEntry(id="x:hills", name="Hills", label="LOC", aliases=("Πράσινοι Λόφοι",)),
        ]
    )


@pytest.mark.parametrize(
    ("query", "label", "entry"),
    [
        ("Πειραιά", "LOC", "x:port"),
        ("Πειραιώς", "LOC", "x:port"),  # the learned genitive names keep
        ("Ελλάδος", "LOC", "x:greece"),
        ("Χειμάρρου", "LOC", "x:village"),
        ("Τράπεζας Ανάπτυξης", "ORG", "x:bank"),
        # Each word's nominative guessed: a stem of two letters (ορ-) keeps no stem key.
        ("Βραχωδών Ορέων", "LOC", "x:range"),
        ("Πράσινων Λόφων", "LOC", "x:hills"),
    ],
)
def test_a_greek_case_form_finds_its_entry(query: str, label: str, entry: str) -> None:
    assert _toy_kb().lookup(query, label).id == entry  # type: ignore[union-attr]


@pytest.mark.parametrize("query", ["Χειμάρρα", "Χειμάρρας"])
def test_a_stem_of_another_paradigm_is_another_place(query: str) -> None:
    # Χειμάρρα (Himarë) is no case of the village Χείμαρρος, though stem and sound agree.
    assert _toy_kb().lookup(query, "LOC") is None


def test_a_layered_kb_answers_afresh_what_its_top_layer_alone_did_not_find() -> None:
    # Each KnowledgeBase remembers its matches; a layer made over another base must not
    # answer from what the top layer found on its own.
    top = KnowledgeBase.from_entries([{"id": "x:1", "name": "Zorbaland", "label": "LOC"}])
    base = KnowledgeBase.from_entries([{"id": "x:2", "name": "Quixotia", "label": "LOC"}])
    assert top.lookup("Quixotia", "LOC") is None
    layered = top.with_fallback(base)
    found = layered.lookup("Quixotia", "LOC")
    assert found is not None and found.id == "x:2"
    assert top.lookup("Quixotia", "LOC") is None  # the top layer alone still has none
    assert top.match("Zorbaland", "LOC") == layered.match("Zorbaland", "LOC")
    assert top == KnowledgeBase.from_entries(list(top.entries))  # remembered matches aside
