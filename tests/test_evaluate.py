from __future__ import annotations

import json
from pathlib import Path

import pytest

from entityx.errors import InputError
from entityx.evaluate import evaluate_file, read_gold, score


def test_score_micro_and_per_label() -> None:
    gold = [{(0, 5, "PERSON"), (10, 15, "LOC")}, {(0, 3, "ORG")}]
    pred = [{(0, 5, "PERSON"), (10, 14, "LOC")}, {(0, 3, "ORG"), (5, 8, "MISC")}]
    micro, per_label = score(gold, pred)
    assert micro.precision == pytest.approx(2 / 4)
    assert micro.recall == pytest.approx(2 / 3)
    assert per_label["PERSON"].f1 == 1.0
    assert per_label["LOC"].f1 == 0.0
    assert per_label["MISC"].support == 0


def test_score_restricted_labels() -> None:
    micro, per_label = score([{(0, 1, "MISC")}], [{(0, 1, "MISC")}], labels=("PERSON",))
    assert micro.support == 0 and per_label == {}


def test_read_gold_iob_builds_char_spans(tmp_path: Path) -> None:
    path = tmp_path / "g.iob2"
    path.write_text("Ο O\nΣεργκέι B-PERSON\nΛαβρόφ I-PERSON\n", encoding="utf-8")
    ((text, spans),) = list(read_gold(path))
    assert text == "Ο Σεργκέι Λαβρόφ"
    assert [text[s:e] for s, e, _ in spans] == ["Σεργκέι Λαβρόφ"]


def test_read_gold_jsonl_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl"
    path.write_text(
        json.dumps({"text": "Lavrov", "entities": [{"start": 0, "end": 6, "label": "PER"}]})
        + "\n{broken\n",
        encoding="utf-8",
    )
    reader = read_gold(path)
    assert next(reader) == ("Lavrov", [(0, 6, "PERSON")])
    with pytest.raises(InputError, match=r"line 2: malformed JSON"):
        next(reader)


def test_read_gold_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(read_gold(tmp_path / "none.iob2"))


def test_evaluate_reference_article_with_the_bundled_model(gold: dict, tmp_path: Path) -> None:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    report = evaluate_file(path, labels=("PERSON", "LOC", "ORG"))
    assert report.documents == 1
    assert report.micro.support == len(gold["entities"])
    assert 0.0 < report.micro.f1 <= 1.0
    assert "micro" in report.as_table()
