"""The cost of the transformer path: words/second of transformer pipelines beside the bundled CNN.

    python benchmarks/bench_transformer.py [--docs 100] [--base-docs 10] [--threads 1]
    python benchmarks/bench_transformer.py --model PATH [--gpu-id 0]   # a trained trf pipeline

No weights can be downloaded, so the transformer pipelines are built offline from
models/config_trf.cfg (windows of 128 tokens, stride 96) on randomly initialised BERTs with a
WordPiece vocabulary trained on the training text (tests/tiny_transformer.py), and initialised
with our four labels, untrained: their speed does not depend on their weights.

- ``trf tiny``: the 2-layer, 64-wide BERT of the offline test (tests/test_transformers.py);
- ``trf base-size``: a BERT of BERT-base's shape (12 layers, 768 wide, 12 heads, 3072
  intermediate; GREEK-BERT's and, but for its larger vocabulary, XLM-R base's), the cost a user
  pays on CPU for the accurate model (``--base-docs 0`` skips it: it is slow).

All run on the same news-like texts (10 sentences each from the elNER-4 and UNER EWT test
splits) through ``entityx.load(...).pipe``, in one process; the best of N repeats is reported.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
TRF_CONFIG = ROOT / "models" / "config_trf.cfg"
sys.path.insert(0, str(ROOT / "tests"))

from bench_speed import texts  # noqa: E402  the same texts as the CNN speed benchmark


def build_trf_pipeline(bert: Path, out: Path) -> Path:
    """models/config_trf.cfg on ``bert``, initialised (untrained) with our labels, saved."""
    import spacy
    from spacy.training import Example
    from spacy.util import load_config, load_model_from_config

    import entityx.tokenizer  # noqa: F401  registers entityx.customize_tokenizer.v1

    config = load_config(TRF_CONFIG, overrides={"vars.transformer": str(bert)}, interpolate=True)
    nlp: Any = load_model_from_config(config, auto_fill=True, validate=True)
    assert isinstance(nlp, spacy.language.Language)
    doc = nlp.make_doc("Ο Λαβρόφ στη Μόσχα με το ΝΑΤΟ ρωσικής")
    tags = ["O", "U-PERSON", "O", "U-LOC", "O", "O", "U-ORG", "U-MISC"]
    example = Example.from_dict(doc, {"entities": tags})
    nlp.initialize(lambda: [example])
    nlp.to_disk(out)
    return out


def best_time(fn: Callable[[], object], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100, help="texts for CNN and tiny trf")
    parser.add_argument("--base-docs", type=int, default=10, help="texts for base-size trf")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1, help="torch threads")
    parser.add_argument("--model", default=None, help="also time this (trained) pipeline")
    parser.add_argument("--gpu-id", type=int, default=-1, help="for --model only")
    args = parser.parse_args()

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import torch

    import entityx
    from tiny_transformer import build_tiny_bert, training_slice

    torch.set_num_threads(args.threads)
    corpus = texts(args.docs)
    base_corpus = corpus[: args.base_docs]
    vocab_text = [" ".join(s.words) for s in training_slice(DATA, per_file=2000)]

    tmp = Path(tempfile.mkdtemp(prefix="bench_trf_"))
    shapes: dict[str, dict[str, int]] = {
        "tiny (2x64)": {"layers": 2, "hidden_size": 64, "heads": 2, "intermediate_size": 128},
    }
    if args.base_docs > 0:
        shapes["base-size (12x768)"] = {
            "layers": 12,
            "hidden_size": 768,
            "heads": 12,
            "intermediate_size": 3072,
        }
    runs: list[tuple[str, Any, list[str]]] = [("CNN (bundled)", entityx.load(), corpus)]
    for label, shape in shapes.items():
        key = label.split()[0]
        bert = build_tiny_bert(vocab_text, tmp / f"bert-{key}", **shape)
        pipeline = build_trf_pipeline(bert, tmp / f"pipeline-{key}")
        docs = base_corpus if key == "base-size" else corpus
        runs.append((f"trf {label}", entityx.load(pipeline), docs))
    if args.model is not None:
        runs.append((f"model {args.model}", entityx.load(args.model, gpu_id=args.gpu_id), corpus))

    print(
        f"machine: {os.cpu_count()} cores, torch {torch.__version__} with "
        f"{torch.get_num_threads()} thread(s); texts of 10 sentences "
        f"(~{sum(len(t.split()) for t in corpus) // len(corpus)} words)"
    )
    print(
        f"{'pipeline':<26} {'docs':>5} {'words':>7} {'mentions':>8} {'NER only':>12} "
        f"{'Extractor.pipe':>15}"
    )
    cnn_speed = None
    for label, extractor, docs in runs:
        words = sum(len(t.split()) for t in docs)
        list(extractor.pipe(docs[:5]))  # warm-up
        t_ner = best_time(
            lambda e=extractor, d=docs: list(
                e.nlp.pipe(d, batch_size=32, disable=["entityx_resolver"])
            ),
            args.repeats,
        )
        t_all = best_time(lambda e=extractor, d=docs: list(e.pipe(d, batch_size=32)), args.repeats)
        mentions = sum(len(doc.mentions) for doc in extractor.pipe(docs, batch_size=32))
        speed = words / t_all
        note = "(reference)" if cnn_speed is None else f"(CNN / this: {cnn_speed / speed:,.1f})"
        cnn_speed = cnn_speed or speed
        print(
            f"{label:<26} {len(docs):>5} {words:>7} {mentions:>8} {words / t_ner:>8,.0f} w/s "
            f"{speed:>9,.0f} w/s  {note}"
        )


if __name__ == "__main__":
    main()
