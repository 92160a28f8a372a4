"""The word table's build (scripts/build_name_words.py) on a small hand-made dictionary:
headwords sharing a stem each keep their first sense."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

build_name_words = pytest.importorskip("build_name_words", reason="needs the dev extra")
from kb_read import DictEntry  # noqa: E402


def test_each_headword_of_a_shared_stem_keeps_its_first_sense(monkeypatch) -> None:
    entries = [
        DictEntry("χωρίο", "n", ("excerpt, passage, extract",)),
        DictEntry("χωριό", "n", ("village, hamlet",)),
        DictEntry("χώρα", "n", ("country, land",)),
    ]
    monkeypatch.setattr(build_name_words, "freedict_entries", lambda _path: entries)
    monkeypatch.setattr(build_name_words, "bilingual_names", lambda _path: [])
    table = build_name_words.build(Path("unused"), Path("unused"))
    stem = build_name_words.greek_word_stem("χώρα")
    assert len(table[stem]) == build_name_words.MAX_PER_STEM
    assert {"excerpt", "village"} <= set(table[stem])
    assert any(g.startswith("countr") for g in table[stem])
