"""Throughput of entityx.Extractor.pipe against a plain spaCy NER pipeline.

    python benchmarks/bench_speed.py [--docs 400] [--repeats 3]

The baseline is spaCy's default CPU NER pipeline (`spacy init config -l el -p ner -o efficiency`:
tok2vec width 96, depth 4, no vectors), initialised untrained with our four labels: its speed
does not depend on its weights. Both run on the same news-like texts (10 sentences each from
the elNER-4 and UNER EWT test splits) in the same process; the best of N repeats is reported.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"


def texts(n_docs: int) -> list[str]:
    from entityx.iob import read_iob

    sentences = [" ".join(s.words) for s in read_iob(DATA / "el/elner4/test.iob2")]
    sentences += [" ".join(s.words) for s in read_iob(DATA / "en/uner_ewt/test.iob2")]
    docs = [" ".join(sentences[i : i + 10]) for i in range(0, len(sentences), 10)]
    step = max(len(docs) // n_docs, 1)
    return docs[::step][:n_docs]


def baseline_pipeline():  # type: ignore[no-untyped-def]
    import spacy
    from spacy.cli.init_config import init_config
    from spacy.training import Example

    config = init_config(lang="el", pipeline=["ner"], optimize="efficiency", gpu=False)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True)
    doc = nlp.make_doc("Ο Λαβρόφ στη Μόσχα με το ΝΑΤΟ ρωσικής")
    example = Example.from_dict(
        doc, {"entities": ["O", "U-PERSON", "O", "U-LOC", "O", "O", "U-ORG", "U-MISC"]}
    )
    nlp.initialize(lambda: [example])
    return nlp


def best_times(fns: dict[str, object], repeats: int) -> dict[str, float]:
    """Best of ``repeats`` wall times per function, interleaved so load changes hit all alike."""
    best = {name: float("inf") for name in fns}
    for _ in range(repeats):
        for name, fn in fns.items():
            start = time.perf_counter()
            fn()  # type: ignore[operator]
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=400)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()

    import entityx

    corpus = texts(args.docs)
    words = sum(len(t.split()) for t in corpus)
    extractor = entityx.load(args.model)
    baseline = baseline_pipeline()
    # warm-up: first calls allocate caches
    list(extractor.pipe(corpus[:20]))
    list(baseline.pipe(corpus[:20]))

    times = best_times(
        {
            "base": lambda: list(baseline.pipe(corpus, batch_size=64)),
            "ner": lambda: list(
                extractor.nlp.pipe(corpus, batch_size=64, disable=["entityx_resolver"])
            ),
            "entityx": lambda: list(extractor.pipe(corpus, batch_size=64)),
        },
        args.repeats,
    )
    t_base, t_ner_only, t_entityx = times["base"], times["ner"], times["entityx"]

    print(f"machine: {os.cpu_count()} cores; {len(corpus)} docs, {words} words")
    print(f"spaCy default efficiency NER   : {words / t_base:9,.0f} words/s")
    print(f"entityx pipeline, NER only     : {words / t_ner_only:9,.0f} words/s")
    print(f"entityx Extractor.pipe (all)   : {words / t_entityx:9,.0f} words/s")
    print(f"ratio entityx / spaCy default  : {t_base / t_entityx:9.2f}")
    print(f"resolver+models overhead       : {100 * (t_entityx / t_ner_only - 1):8.1f} %")


if __name__ == "__main__":
    main()
