"""Labels in `entityx kb build` are read strictly (`entityx.labels.entity_label`): a label that
maps onto PERSON/LOC/ORG/MISC is taken for it, anything else goes to the errors file with its
line and reason (or fails the class table before any work), never a silent MISC."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from entityx.errors import KnowledgeBaseError
from entityx.kbstore import StoredKnowledgeBase, build_kb, open_kb
from entityx.kbstore.build import errors_path_for
from entityx.kbstore.dump import parse_classes
from entityx.kbstore.record import KBRecord
from entityx.kbstore.writer import KBWriter

DUMP = Path(__file__).parent / "data" / "wikidata" / "entities.json"
WD = "http://www.wikidata.org/entity/"


def _binding(qid: str, kind: str, name: str) -> dict[str, object]:
    return {
        "item": {"type": "uri", "value": WD + qid},
        "type": {"type": "literal", "value": kind},
        "label": {"type": "literal", "value": name, "xml:lang": "en"},
    }


def test_sparql_type_labels_are_strict(tmp_path: Path) -> None:
    rows = [
        _binding("Q1001", "GPE", "Alpha Town"),  # maps onto LOC
        _binding("Q1002", "ANIMAL", "Beta Beast"),  # unknown: an error, not MISC
        _binding("Q1003", "per", "Gamma Person"),  # any case
        _binding("Q1004", "DATE", "Delta Day"),  # a label entityx drops: not a name
        _binding("Q1005", "PERSNO", "Epsilon Typo"),
    ]
    results = {"head": {"vars": ["item", "type", "label"]}, "results": {"bindings": rows}}
    src = tmp_path / "typed.json"
    src.write_text(json.dumps(results, indent=1), encoding="utf-8")
    out = tmp_path / "typed.kb"
    summary = build_kb([src], out)
    kb = open_kb(out)
    assert isinstance(kb, StoredKnowledgeBase)
    assert summary.entries == 2
    assert kb.get("Q1001").label == "LOC" and kb.get("Q1003").label == "PERSON"  # type: ignore[union-attr]
    assert kb.get("Q1002") is None and kb.get("Q1004") is None and kb.get("Q1005") is None
    errors = [json.loads(x) for x in errors_path_for(out).read_text("utf-8").splitlines()]
    by_id = {e["id"]: e for e in errors}
    assert set(by_id) == {"Q1002", "Q1004", "Q1005"} and summary.errors == 3
    assert "unknown label 'ANIMAL'" in by_id["Q1002"]["reason"]
    assert "not a name label" in by_id["Q1004"]["reason"]
    assert "unknown label 'PERSNO'" in by_id["Q1005"]["reason"]
    lines = src.read_text(encoding="utf-8").splitlines()
    for e in errors:  # the line of each binding's opening brace
        assert isinstance(e["line"], int) and lines[e["line"] - 1].strip() == "{"


def test_class_tables_are_strict(tmp_path: Path) -> None:
    assert parse_classes("Q5=PER,Q515=gpe") == {"Q5": "PERSON", "Q515": "LOC"}
    with pytest.raises(ValueError, match="--classes: Q5=DATE: label 'DATE' is not a name label"):
        parse_classes("Q5=DATE")
    with pytest.raises(KnowledgeBaseError, match="unknown label 'HUMAN'"):
        build_kb([DUMP], tmp_path / "x.kb", classes={"Q5": "HUMAN"})
    assert not (tmp_path / "x.kb").exists()
    summary = build_kb([DUMP], tmp_path / "people.kb", classes={"Q5": "PER"})
    kb = open_kb(tmp_path / "people.kb")
    assert summary.entries == len(kb) > 0
    assert all(kb.get(q).label == "PERSON" for q in ("Q22686", "Q432473"))  # type: ignore[union-attr]


def test_writer_refuses_a_record_with_a_bad_label(tmp_path: Path) -> None:
    bad = KBRecord(id="Q1", name="Ada", label="ANIMAL")
    assert bad.problem() is not None and "unknown label 'ANIMAL'" in bad.problem()  # type: ignore[operator]
    assert KBRecord(id="Q2", name="Bea", label="NORP").problem() is None  # maps onto MISC
    with KBWriter(tmp_path / "w.kb") as writer:
        assert writer.add(bad) == bad.problem()
        assert writer.add(KBRecord(id="Q2", name="Bea", label="norp")) is None
        writer.close()
    kb = open_kb(tmp_path / "w.kb")
    assert len(kb) == 1 and kb.get("Q2").label == "MISC"  # type: ignore[union-attr]
