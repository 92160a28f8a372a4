"""``model="trf"``: entityx's transformer pipeline, a package installed from the clone.

The name resolves to the ``entityx_el_en_trf`` package (models/entityx_el_en_trf_package).
Without spacy-transformers the error says which extra to install; without the package, the pip
line that installs it. The trained pipeline itself is tested where it is installed (skipped with
the reason elsewhere): it loads offline and extracts the reference article with exact offsets.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

import entityx
from conftest import require_shared
from entityx.pipeline import TRF_INSTALL, TRF_PIPELINE

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT.parent / "shared" / "examples" / "lavrov_kim_wonsan.txt"
GOLD = ARTICLE.with_suffix(".gold.json")
LABELS = {"PERSON", "LOC", "ORG", "MISC"}
MIN_GOLD_RECALL = 0.7  # of the article's gold mention spans, exactly; a trained model does more


def _hide(monkeypatch: pytest.MonkeyPatch, *modules: str) -> None:
    real_find_spec = importlib.util.find_spec

    def find_spec(name: str, *args: object, **kwargs: object) -> object:
        if any(name == m or name.startswith(m + ".") for m in modules):
            return None
        return real_find_spec(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)


def test_trf_without_the_extra_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    _hide(monkeypatch, "spacy_transformers")
    for call in (
        lambda: entityx.load("trf"),
        lambda: entityx.extract("Ο Λαβρόφ στην Πιονγκγιάνγκ.", model="trf"),
    ):
        with pytest.raises(entityx.OptionalDependencyError) as info:
            call()
        assert 'pip install "entityx[trf]"' in str(info.value)


def test_trf_without_the_package_gives_the_pip_line(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("spacy_transformers")
    _hide(monkeypatch, TRF_PIPELINE)
    with pytest.raises(entityx.ModelNotFoundError) as info:
        entityx.load("trf")
    assert TRF_INSTALL in str(info.value)
    assert TRF_INSTALL == 'pip install ".[trf]" ./models/entityx_el_en_trf_package'
    assert (ROOT / "models" / "entityx_el_en_trf_package" / "pyproject.toml").exists()


def test_command_line_names_trf(monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from entityx.cli import app

    _hide(monkeypatch, "spacy_transformers")
    result = CliRunner().invoke(app, ["extract", "-", "--model", "trf"], input="Ο Λαβρόφ.")
    # entityx.cli.main prints an EntityxError as one line; the app itself raises it
    assert isinstance(result.exception, entityx.OptionalDependencyError)
    assert "entityx[trf]" in str(result.exception)


# -- the installed pipeline ---------------------------------------------------------------


@pytest.fixture(scope="module")
def trf_installed() -> None:
    if importlib.util.find_spec("spacy_transformers") is None:
        pytest.skip('spacy-transformers is not installed (pip install "entityx[trf]")')
    spec = importlib.util.find_spec(TRF_PIPELINE)
    if spec is None or spec.origin is None:
        pytest.skip(f"the trf pipeline is not installed ({TRF_INSTALL})")
    if not (Path(spec.origin).parent / "pipeline" / "meta.json").exists():
        pytest.skip(f"{TRF_PIPELINE} is installed without a trained pipeline in it")
    require_shared(ARTICLE)


@pytest.mark.slow
def test_trf_extracts_the_reference_article(
    trf_installed: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    text = ARTICLE.read_text(encoding="utf-8")
    extractor = entityx.load("trf")
    doc = extractor.extract(text)
    assert doc.text == text and doc.mentions
    for m in doc.mentions:
        assert text[m.start : m.end] == m.text, m
        assert m.label in LABELS and doc.entity(m.entity_id).label == m.label
    gold = {(e["start"], e["end"]) for e in json.loads(GOLD.read_text("utf-8"))["entities"]}
    found = {(m.start, m.end) for m in doc.mentions}
    assert len(gold & found) / len(gold) >= MIN_GOLD_RECALL, sorted(gold - found)
    # half-precision storage is restored to float32 for inference
    hf_model = extractor.nlp.get_pipe("transformer").model.layers[0].shims[0]._model
    dtypes = {p.dtype for p in hf_model.parameters()}
    assert {str(d) for d in dtypes} == {"torch.float32"}
