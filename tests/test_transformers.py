"""Transformer pipelines through spacy-transformers, end to end and offline.

No weights can be downloaded, so a tiny randomly initialised BERT is built here
(tests/tiny_transformer.py), the transformer pipeline is trained on it for a few steps through
the committed command's functions (``models/train.py --transformer DIR`` with
``models/config_trf.cfg``), saved, reloaded and used through entityx's public API and command
line. Accuracy is not the point; the path is. Needs the ``trf`` extra (skipped without it),
except the test that checks the error raised when the extra is missing.
"""

from __future__ import annotations

import importlib.util
import json
import math
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import entityx
from entityx.models import Document
from models_scripts import load_script

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = ROOT.parent / "shared" / "data"
TRAIN_SCRIPT = ROOT / "models" / "train.py"
TRF_CONFIG = ROOT / "models" / "config_trf.cfg"
ARTICLE = ROOT / "examples" / "lavrov_kim_wonsan.txt"
LABELS = {"PERSON", "LOC", "ORG", "MISC"}
WINDOW = 128  # models/config_trf.cfg: strided_spans window (spaCy tokens)

TRAIN_STEPS = 30
EVAL_EVERY = 10


def _check_offsets(doc: Document, text: str) -> None:
    assert doc.text == text
    for m in doc.mentions:
        assert text[m.start : m.end] == m.text, m
        assert m.label in LABELS, m
        assert doc.entity(m.entity_id).label == m.label


# -- without the extra --------------------------------------------------------------------


def test_missing_extra_names_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Naming a transformer pipeline without spacy-transformers says which extra to install."""
    pipeline = tmp_path / "trf_pipeline"
    pipeline.mkdir()
    shutil.copy(TRF_CONFIG, pipeline / "config.cfg")
    (pipeline / "meta.json").write_text(json.dumps({"lang": "el", "name": "x"}), "utf-8")

    real_find_spec = importlib.util.find_spec

    def find_spec(name: str, *args: object, **kwargs: object) -> object:
        if name == "spacy_transformers" or name.startswith("spacy_transformers."):
            return None
        return real_find_spec(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    for call in (
        lambda: entityx.load(str(pipeline)),
        lambda: entityx.extract("Ο Λαβρόφ στην Πιονγκγιάνγκ.", model=str(pipeline)),
    ):
        with pytest.raises(entityx.OptionalDependencyError) as info:
            call()
        assert 'pip install "entityx[trf]"' in str(info.value)
        assert "spacy-transformers" in str(info.value)


def test_train_command_wiring(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """``--transformer`` picks the transformer config and its own target; --gpu-id flows."""
    train_mod = load_script("train")
    calls: dict[str, dict[str, object]] = {}
    monkeypatch.setattr(
        train_mod, "convert", lambda data, corpus, **kw: calls.setdefault("convert", kw)
    )
    monkeypatch.setattr(
        train_mod, "train", lambda corpus, output, **kw: calls.setdefault("train", kw)
    )
    monkeypatch.setattr(
        train_mod,
        "package",
        lambda trained, target, **kw: calls.setdefault("package", {"target": target, **kw}),
    )
    built: list[Path] = []
    monkeypatch.setattr(
        train_mod, "build_vectors", lambda output, **kw: built.append(output) or output
    )
    train_mod.main(["--transformer", "xlm-roberta-base", "--gpu-id", "0", "--max-steps", "5"])
    # The data recipe is the CNN's: no augmentation, every 5th elNER dev sentence held out,
    # elNER train twice; the transformer reads no static vectors.
    assert calls["convert"] == {
        "augment": 0.0,
        "held_out_every": 5,
        "repeats": {"el/elner4/train.iob2": 2},
    }
    assert built == [] and "paths.vectors" not in calls["train"]["overrides"]
    assert calls["train"]["config"] == TRF_CONFIG
    assert calls["train"]["transformer"] == "xlm-roberta-base"
    assert calls["train"]["gpu_id"] == 0
    assert calls["train"]["max_steps"] == 5
    target = calls["package"]["target"]
    assert isinstance(target, Path) and target.name == "entityx_el_en_trf"
    assert calls["package"]["name"] == "entityx_el_en_trf"
    assert calls["package"]["transformer"] == "xlm-roberta-base"

    calls.clear()
    train_mod.main([])  # the CNN default is untouched
    assert calls["train"]["config"] == ROOT / "models" / "config.cfg"
    assert calls["train"]["transformer"] is None and calls["train"]["gpu_id"] == -1
    assert calls["package"]["target"] == ROOT / "models" / "entityx_el_en"
    assert built == [ROOT / "models" / "vectors"]
    assert calls["train"]["overrides"] == {"paths.vectors": str(ROOT / "models" / "vectors")}

    with pytest.raises(SystemExit):
        train_mod.main(["--transformer", "x", "--pretrain-epochs", "2"])


# -- with the extra: a tiny transformer, trained offline ----------------------------------


@pytest.fixture(scope="module")
def trf_pipeline(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    pytest.importorskip("spacy_transformers")
    pytest.importorskip("tokenizers")
    if not DATA.exists():
        pytest.skip(f"{DATA} is not available (../shared is missing)")
    sys.path.insert(0, str(HERE))
    from tiny_transformer import build_tiny_bert, training_slice

    train_mod = load_script("train")
    tmp = tmp_path_factory.mktemp("trf")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HF_HUB_OFFLINE", "1")
        mp.setenv("TRANSFORMERS_OFFLINE", "1")
        vocab_text = (" ".join(s.words) for s in training_slice(DATA, per_file=2000))
        bert = build_tiny_bert(vocab_text, tmp / "tiny-bert")
        corpus = tmp / "corpus"
        train_mod._docbin(training_slice(DATA, per_file=150), corpus / "train.spacy")
        train_mod._docbin(training_slice(DATA, per_file=20, skip=150), corpus / "dev.spacy")
        train_mod.train(
            corpus,
            tmp / "training",
            max_steps=TRAIN_STEPS,
            gpu_id=-1,
            config=train_mod.TRF_CONFIG,
            transformer=str(bert),
            overrides={
                "vars.eval_frequency": EVAL_EVERY,
                "vars.warmup_steps": 5,
                "vars.learn_rate": 3e-4,
                "training.batcher.size": 500,
            },
        )
        assert (tmp / "training" / "model-last" / "transformer" / "model").exists()
        target = tmp / "entityx_el_en_trf"
        train_mod.package(
            tmp / "training" / "model-best",
            target,
            name=train_mod.TRF_PIPELINE_NAME,
            transformer="tiny-bert",
        )
        # The saved pipeline carries the transformer's weights and tokenizer: loading it must
        # not need the directory it was trained from.
        shutil.rmtree(bert)
        yield target


@pytest.fixture(scope="module")
def article() -> str:
    return ARTICLE.read_text(encoding="utf-8")


@pytest.mark.slow
def test_trained_pipeline_is_ours(trf_pipeline: Path) -> None:
    meta = json.loads((trf_pipeline / "meta.json").read_text(encoding="utf-8"))
    assert meta["name"] == "entityx_el_en_trf"
    assert set(meta["labels"]["ner"]) == LABELS
    assert meta["pipeline"] == ["transformer", "ner", "sentencizer"]
    cfg = (trf_pipeline / "config.cfg").read_text(encoding="utf-8")
    assert "spacy-transformers.TransformerModel.v3" in cfg
    assert "spacy-transformers.strided_spans.v1" in cfg
    assert (trf_pipeline / "transformer" / "model").exists()


@pytest.mark.slow
def test_extract_reference_article(trf_pipeline: Path, article: str) -> None:
    doc = entityx.extract(article, model=str(trf_pipeline))
    assert doc.mentions, "the tiny pipeline found nothing: the offset checks would be vacuous"
    _check_offsets(doc, article)
    assert doc.model.name.endswith("entityx_el_en_trf")  # spaCy prefixes the language
    assert doc.sentences
    assert {e.id for e in doc.entities} == {m.entity_id for m in doc.mentions}


@pytest.mark.slow
def test_load_then_pipe(trf_pipeline: Path, article: str) -> None:
    extractor = entityx.load(trf_pipeline)
    english = article[article.index("BREAKING:") :]  # the English post quoted at its end
    texts = [article, english, "", "Sergey Lavrov met Kim Jong Un in Wonsan."]
    docs = list(extractor.pipe(texts, ids=["a", "b", "c", "d"], batch_size=2))
    assert [d.id for d in docs] == ["a", "b", "c", "d"]
    for doc, text in zip(docs, texts, strict=True):
        _check_offsets(doc, text)
    assert not docs[2].mentions
    single = extractor.extract(article)
    assert [(m.start, m.end, m.label) for m in single.mentions] == [
        (m.start, m.end, m.label) for m in docs[0].mentions
    ]


@pytest.mark.slow
def test_long_text_is_windowed_not_cut(trf_pipeline: Path, article: str) -> None:
    long_text = "\n\n".join([article] * 3)
    extractor = entityx.load(trf_pipeline)
    spacy_doc = extractor.nlp(long_text)
    assert len(spacy_doc) > 4 * WINDOW
    trf = spacy_doc._.trf_data
    windows = len(trf.wordpieces.strings)
    assert windows >= math.ceil(len(spacy_doc) / WINDOW)
    # every token that is not whitespace reached the transformer, the last one included
    lengths = trf.align.lengths.tolist()
    unseen = [t.text for t, n in zip(spacy_doc, lengths, strict=True) if n == 0 and t.text.strip()]
    assert unseen == []
    last = max(i for i, t in enumerate(spacy_doc) if t.text.strip())
    assert lengths[last] > 0

    doc = extractor.extract(long_text)
    _check_offsets(doc, long_text)
    third = len(long_text) * 2 // 3
    assert any(m.start >= third for m in doc.mentions), "nothing tagged in the last third"


@pytest.mark.slow
def test_gpu_id_reaches_spacy(trf_pipeline: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``load(PATH, gpu_id=0)`` asks spaCy for that GPU before loading (no GPU here: faked)."""
    import spacy

    asked: list[int] = []
    monkeypatch.setattr(spacy, "require_gpu", lambda gpu_id=0: asked.append(gpu_id) or True)
    copy = trf_pipeline.parent / "gpu_copy"  # a path of its own: load() caches per model
    shutil.copytree(trf_pipeline, copy)
    extractor = entityx.load(copy, gpu_id=0)
    assert asked == [0]
    text = "Ο Λαβρόφ συναντήθηκε με τον Κιμ."
    _check_offsets(extractor.extract(text), text)


@pytest.mark.slow
def test_command_line_and_export(trf_pipeline: Path, article: str, tmp_path: Path) -> None:
    import typer
    from typer.testing import CliRunner

    from entityx.cli import app
    from entityx.corpus.cli import register

    runner = CliRunner()
    result = runner.invoke(app, ["extract", str(ARTICLE), "--model", str(trf_pipeline), "--json"])
    assert result.exit_code == 0, result.output
    doc = Document.model_validate_json(result.stdout)
    _check_offsets(doc, article)

    corpus = tmp_path / "news.jsonl"
    lines = [{"id": "a", "text": article}, {"id": "b", "text": "Lavrov thanked Kim."}]
    corpus.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), "utf-8")
    out = tmp_path / "tagged.jsonl"
    tag_app = typer.Typer()
    register(tag_app)
    result = runner.invoke(
        tag_app,
        ["tag", str(corpus), "-o", str(out), "--id-field", "id", "--model", str(trf_pipeline)],
    )
    assert result.exit_code == 0, result.output
    tagged = [Document.model_validate_json(x) for x in out.read_text("utf-8").splitlines()]
    assert [d.id for d in tagged] == ["a", "b"]
    for d, x in zip(tagged, lines, strict=True):
        _check_offsets(d, x["text"])

    exported = entityx.export(tagged, format="graphml", out=tmp_path / "graph.graphml")
    assert exported.documents == 2
    assert exported.mentions == sum(len(d.mentions) for d in tagged)
