from __future__ import annotations

from pathlib import Path

import pytest

from entityx.errors import InputError
from entityx.iob import iob_to_spans, read_iob


def write(tmp_path: Path, text: str, name: str = "x.iob2") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_space_separated_iob2(tmp_path: Path) -> None:
    path = write(tmp_path, "Ο O\nΛαβρόφ B-PERSON\nείπε O\n\nΣτη O\nΡωσία B-LOC\n")
    sents = list(read_iob(path))
    assert [s.words for s in sents] == [("Ο", "Λαβρόφ", "είπε"), ("Στη", "Ρωσία")]
    assert sents[0].tags == ("O", "B-PERSON", "O")
    assert sents[1].line == 5


def test_tab_separated_with_docstart_and_label_mapping(tmp_path: Path) -> None:
    text = "-DOCSTART- -X- O O\n\nSergey\tB-PER\nLavrov\tI-PER\nin\tO\nParis\tB-GPE\n"
    (sent,) = read_iob(write(tmp_path, text))
    assert sent.tags == ("B-PERSON", "I-PERSON", "O", "B-LOC")


def test_iob1_is_repaired_to_iob2(tmp_path: Path) -> None:
    (sent,) = read_iob(write(tmp_path, "New I-LOC\nYork I-LOC\nand O\nUN I-ORG\n"))
    assert sent.tags == ("B-LOC", "I-LOC", "O", "B-ORG")


def test_five_columns_and_comments(tmp_path: Path) -> None:
    text = "# sent_id = a-1\n# text = Hi Bob\n1\tHi\tO\t-\t-\n2\tBob\tB-PER\t-\t-\n"
    (sent,) = read_iob(write(tmp_path, text))
    assert sent.words == ("Hi", "Bob")
    assert sent.tags == ("O", "B-PERSON")


def test_wnut_and_dropped_labels(tmp_path: Path) -> None:
    text = "Apple\tB-corporation\nhas\tO\n5\tB-CARDINAL\niPhones\tB-product\n"
    (sent,) = read_iob(write(tmp_path, text))
    assert sent.tags == ("B-ORG", "O", "O", "B-MISC")


def test_invalid_utf8_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.iob2"
    path.write_bytes(b"ok O\n\xff\xfe B-LOC\n")
    with pytest.raises(InputError, match=r"bad\.iob2.*not valid UTF-8"):
        list(read_iob(path))


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        list(read_iob(tmp_path / "nope.iob2"))


def test_iob_to_spans() -> None:
    tags = ["B-PERSON", "I-PERSON", "O", "B-LOC", "B-LOC", "I-ORG"]
    assert iob_to_spans(tags) == [(0, 2, "PERSON"), (3, 4, "LOC"), (4, 5, "LOC"), (5, 6, "ORG")]


def test_empty_tokens_are_skipped(tmp_path: Path) -> None:
    (sent,) = read_iob(write(tmp_path, "But\tO\n\tO\nLavrov\tB-PER\n", name="btc.conll"))
    assert sent.words == ("But", "Lavrov")
    assert sent.tags == ("O", "B-PERSON")
