"""Hostile knowledge-base files: every problem is a KnowledgeBaseError naming file and line."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import entityx
from entityx.errors import InputError, KnowledgeBaseError
from entityx.resolution import KBEntry, KnowledgeBase

OK = {"id": "Q0", "name": "Ok", "label": "ORG"}


def _jsonl(rows: list[object]) -> bytes:
    text = "".join(
        (r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in rows
    )
    return text.encode("utf-8")


def _load(tmp_path: Path, data: bytes, name: str = "kb.jsonl") -> KnowledgeBase:
    path = tmp_path / name
    path.write_bytes(data)
    return KnowledgeBase.from_jsonl(path)


def test_invalid_utf8_names_file_and_line(tmp_path: Path) -> None:
    data = _jsonl([OK, OK | {"id": "Q1"}]) + b'{"id": "Q2", "name": "\xff", "label": "ORG"}\n'
    with pytest.raises(KnowledgeBaseError, match=r"kb\.jsonl, line 3: not valid UTF-8"):
        _load(tmp_path, data)


def test_truncated_gzip_is_a_clear_error(tmp_path: Path) -> None:
    whole = gzip.compress(_jsonl([OK | {"id": f"Q{i}"} for i in range(200)]))
    with pytest.raises(KnowledgeBaseError, match=r"kb\.jsonl\.gz: the gzip data is truncated"):
        _load(tmp_path, whole[: len(whole) // 2], "kb.jsonl.gz")


def test_truncated_gzip_on_the_command_line_is_not_just_aborted(tmp_path: Path) -> None:
    kb = tmp_path / "kb.jsonl.gz"
    kb.write_bytes(gzip.compress(_jsonl([OK]))[:-6])
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text("", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "entityx", "evaluate-resolver", str(pairs), "--kb", str(kb)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode != 0
    assert "truncated or corrupt" in run.stderr and "Aborted" not in run.stderr + run.stdout


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\u0085", "\x1c", "\x0b", "\x0c"])
def test_line_separators_inside_json_strings_are_text(tmp_path: Path, char: str) -> None:
    row = {"id": "Q1", "name": f"A{char}B", "label": "PERSON", "aliases": [f"x{char}y"]}
    kb = _load(tmp_path, _jsonl([OK, row]))
    assert kb.get("Q1").name == f"A{char}B"  # type: ignore[union-attr]
    assert kb.get("Q1").aliases == (f"x{char}y",)  # type: ignore[union-attr]


@pytest.mark.parametrize("end", [b"\r", b"\r\n", b"\n"])
def test_every_line_end_counts_lines(tmp_path: Path, end: bytes) -> None:
    lines = [json.dumps(OK).encode(), b"{nope"]
    with pytest.raises(KnowledgeBaseError, match="line 2: invalid JSON"):
        _load(tmp_path, end.join(lines) + end)
    assert len(_load(tmp_path, end.join([lines[0], json.dumps(OK | {"id": "Q9"}).encode()]))) == 2


def test_invalid_json_message_reads_well(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError) as err:
        _load(tmp_path, b'{"id": "Q1", "name": "unterminated\n')
    msg = str(err.value)
    assert "line 1: invalid JSON (unterminated string starting at column 22)" in msg
    assert "at at" not in msg


def test_a_line_that_is_not_an_object(tmp_path: Path) -> None:
    with pytest.raises(
        KnowledgeBaseError, match=r"line 2: expected a JSON object .*got a JSON list"
    ):
        _load(tmp_path, _jsonl([OK, "[1, 2]"]))


@pytest.mark.parametrize("label", ["PERSNO", "", "  ", "PERSON_", "DATE"])
def test_label_typo_is_rejected_with_the_valid_labels(tmp_path: Path, label: str) -> None:
    with pytest.raises(KnowledgeBaseError) as err:
        _load(tmp_path, _jsonl([OK, {"id": "Q1", "name": "X", "label": label}]))
    msg = str(err.value)
    assert "line 2" in msg and "'label'" in msg and "PERSON, LOC, ORG, MISC" in msg
    assert "Value error" not in msg


@pytest.mark.parametrize(("label", "ours"), [("GPE", "LOC"), ("per", "PERSON"), ("NORP", "MISC")])
def test_known_source_labels_are_mapped(tmp_path: Path, label: str, ours: str) -> None:
    kb = _load(tmp_path, _jsonl([{"id": "Q1", "name": "X", "label": label}]))
    assert kb.entries[0].label == ours


def test_duplicate_id_names_both_lines(tmp_path: Path) -> None:
    rows = [
        OK,
        {"id": "Q1", "name": "A", "label": "ORG"},
        {"id": "Q1", "name": "B", "label": "LOC"},
    ]
    with pytest.raises(
        KnowledgeBaseError, match=r"line 3: duplicate id 'Q1' \(first used on line 2\)"
    ):
        _load(tmp_path, _jsonl(rows))


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    kb = _load(tmp_path, b"\xef\xbb\xbf" + _jsonl([OK]))
    assert kb.get("Q0") is not None
    gz = KnowledgeBase.from_bytes(gzip.compress(b"\xef\xbb\xbf" + _jsonl([OK])))
    assert gz.get("Q0") is not None


@pytest.mark.parametrize("field", ["id", "name"])
@pytest.mark.parametrize("blank", ["   ", "\u00a0\u3000", "\t"])
def test_blank_id_or_name_is_rejected(tmp_path: Path, field: str, blank: str) -> None:
    with pytest.raises(KnowledgeBaseError, match=rf"line 1, field '{field}': must not be blank"):
        _load(tmp_path, _jsonl([OK | {field: blank}]))


def test_blank_alias_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError, match=r"line 1, field 'aliases': .*blank"):
        _load(tmp_path, _jsonl([OK | {"aliases": ["A", "\u00a0 "]}]))


def test_names_and_aliases_are_stripped() -> None:
    entry = KBEntry(id=" Q1 ", name="  Sergey Lavrov\u00a0", label="PERSON", aliases=("\tΛαβρόφ ",))
    assert (entry.id, entry.name, entry.aliases) == ("Q1", "Sergey Lavrov", ("Λαβρόφ",))


def test_resolve_rejects_an_unknown_label() -> None:
    with pytest.raises(InputError, match=r"unknown label 'PERSNO'.*PERSON, LOC, ORG, MISC"):
        entityx.resolve([("Lavrov", "PERSON"), ("Λαβρόφ", "PERSNO")])
    with pytest.raises(InputError, match="unknown label ''"):
        entityx.resolve([("Lavrov", "")])


def test_resolve_maps_known_source_labels() -> None:
    (gpe,) = entityx.resolve([("Moscow", "GPE")])
    (loc,) = entityx.resolve([("Moscow", "LOC")])
    assert gpe == loc and gpe.label == "LOC"


names = (
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs",))
        | st.sampled_from(list('\u2028\u0085\r\n"\\')),
        min_size=1,
        max_size=15,
    )
    .map(str.strip)
    .filter(bool)
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(names, st.lists(names, max_size=3)), min_size=1, max_size=5))
def test_any_written_kb_reads_back(rows: list[tuple[str, list[str]]]) -> None:
    kb = KnowledgeBase.from_entries(
        [
            {"id": f"Q{i}", "name": n, "label": "PERSON", "aliases": a}
            for i, (n, a) in enumerate(rows)
        ]
    )
    assert KnowledgeBase.from_bytes(kb.to_bytes()).entries == kb.entries
    assert KnowledgeBase.from_bytes(gzip.compress(kb.to_bytes())).entries == kb.entries
