"""Any spaCy pipeline works when named; its labels are mapped onto ours."""

from __future__ import annotations

from pathlib import Path

import pytest

import entityx
from entityx.labels import map_label
from entityx.pipeline import split_long_text


@pytest.fixture(scope="module")
def ontonotes_pipeline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny pipeline that tags with OntoNotes labels, like en_core_web_* or el_core_news_*."""
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "PER", "pattern": "Sergey Lavrov"},
            {"label": "GPE", "pattern": "North Korea"},
            {"label": "NORP", "pattern": "Russian"},
            {"label": "DATE", "pattern": "Saturday"},
            {"label": "FAC", "pattern": "Kalma Airport"},
        ]
    )
    nlp.meta["name"] = "ontonotes_test"
    path = tmp_path_factory.mktemp("pipelines") / "ontonotes_test"
    nlp.to_disk(path)
    return path


def test_foreign_labels_are_mapped_and_dates_dropped(ontonotes_pipeline: Path) -> None:
    text = "The Russian minister Sergey Lavrov flew to North Korea on Saturday via Kalma Airport."
    doc = entityx.extract(text, model=str(ontonotes_pipeline))
    found = {(m.text, m.label) for m in doc.mentions}
    assert found == {
        ("Russian", "MISC"),
        ("Sergey Lavrov", "PERSON"),
        ("North Korea", "LOC"),
        ("Kalma Airport", "LOC"),
    }
    assert doc.model is not None and doc.model.name == "en_ontonotes_test"


def test_info_reports_the_label_mapping(ontonotes_pipeline: Path) -> None:
    info = entityx.load(str(ontonotes_pipeline)).info()
    assert info["label_mapping"]["GPE"] == "LOC"
    assert info["label_mapping"]["DATE"] is None
    assert "entityx_resolver" in info["pipeline"]
    assert info["vectors"] is None


def test_info_reports_static_vectors(tmp_path: Path) -> None:
    import numpy
    import spacy
    from spacy.vectors import Vectors

    nlp = spacy.blank("en")
    nlp.add_pipe("ner").add_label("PERSON")
    nlp.initialize()
    nlp.vocab.vectors = Vectors(data=numpy.ones((2, 3), dtype="float32"))
    nlp.vocab.vectors.add("Lavrov", row=0)
    nlp.vocab.vectors.add("lavrov", row=0)
    nlp.vocab.vectors.add("Kim", row=1)
    nlp.to_disk(tmp_path / "with_vectors")
    info = entityx.load(str(tmp_path / "with_vectors")).info()
    assert info["vectors"] == {"keys": 3, "rows": 2, "width": 3}


def test_missing_model_raises_model_not_found_with_advice() -> None:
    with pytest.raises(entityx.ModelNotFoundError, match=r"el_core_news_lg.*pip install"):
        entityx.load("el_core_news_lg")


def test_missing_path_raises_model_not_found(tmp_path: Path) -> None:
    with pytest.raises(entityx.ModelNotFoundError):
        entityx.load(str(tmp_path / "no-such-pipeline"))


def test_pipeline_without_ner_is_rejected(tmp_path: Path) -> None:
    import spacy

    spacy.blank("el").to_disk(tmp_path / "blank")
    with pytest.raises(entityx.ModelNotFoundError, match="no NER component"):
        entityx.load(str(tmp_path / "blank"))


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("PER", "PERSON"),
        ("PERSON", "PERSON"),
        ("GPE", "LOC"),
        ("LOC", "LOC"),
        ("FAC", "LOC"),
        ("ORG", "ORG"),
        ("NORP", "MISC"),
        ("EVENT", "MISC"),
        ("PRODUCT", "MISC"),
        ("WORK_OF_ART", "MISC"),
        ("LAW", "MISC"),
        ("LANGUAGE", "MISC"),
        ("DATE", None),
        ("CARDINAL", None),
        ("MONEY", None),
        ("corporation", "ORG"),
        ("group", "ORG"),
        ("location", "LOC"),
        ("creative-work", "MISC"),
        ("product", "MISC"),
    ],
)
def test_label_table(label: str, expected: str | None) -> None:
    assert map_label(label) == expected


def test_split_long_text_prefers_paragraphs_and_keeps_offsets() -> None:
    text = ("Πρώτη παράγραφος με λέξεις.\n\n" * 30) + "x" * 50
    pieces = split_long_text(text, max_chars=100)
    assert "".join(p for _, p in pieces) == text
    for offset, piece in pieces:
        assert text[offset : offset + len(piece)] == piece
        assert len(piece) <= 100
    assert all(p.endswith("\n\n") for _, p in pieces[:-1])


def test_split_long_text_hard_cuts_without_separators() -> None:
    pieces = split_long_text("a" * 250, max_chars=100)
    assert [len(p) for _, p in pieces] == [100, 100, 50]


@pytest.mark.slow  # a fresh interpreter imports spaCy and builds the resolver: ~6 s
def test_resolver_factory_is_found_through_its_entry_point() -> None:
    """`nlp.add_pipe("entityx_resolver")` works without importing entityx first."""
    import subprocess
    import sys

    code = (
        "import spacy, sys\n"
        "nlp = spacy.blank('en')\n"
        "ruler = nlp.add_pipe('entity_ruler')\n"
        "ruler.add_patterns([{'label': 'GPE', 'pattern': 'North Korea'}])\n"
        "nlp.add_pipe('entityx_resolver')\n"
        "doc = nlp('Kim ruled North Korea.')\n"
        "print(doc._.entityx_entities[0].name)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "North Korea"


def test_unusable_gpu_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import spacy

    def no_gpu(gpu_id: int = 0) -> bool:
        raise ValueError("Cannot use GPU, CuPy is not installed")

    monkeypatch.setattr(spacy, "require_gpu", no_gpu)
    with pytest.raises(entityx.EntityxError, match=r"gpu_id=0.*gpu_id=-1"):
        entityx.load(gpu_id=0)
