"""Build a mixed Greek+English JSONL "news" corpus from the sentences in ../shared/data.

    python benchmarks/build_news_corpus.py --docs 10000 -o benchmarks/out/corpus_10k.jsonl

Each document is 3-8 sentences of one language (Greek from elNER-4, English from GUM, BTC,
WikiGold, WNUT-17, CrossNER), alternating roughly half and half, deterministic for a seed.
Sentences are reused across documents once exhausted (in new combinations), so any size can
be built. Records: ``{"id": "doc000001", "lang": "el", "text": "..."}``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from entityx.iob import read_iob

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
if not DATA.exists():
    DATA = Path("/work/shared/data")

SOURCES = {
    "el": ["el/elner4/train.iob2", "el/elner4/dev.iob2"],
    "en": [
        "en/gum/train.iob2",
        "en/btc/train.conll",
        "en/wikigold/wikigold.conll.txt",
        "en/wnut17/wnut17train.conll",
        "en/crossner/politics/train.txt",
    ],
}
_NO_SPACE_BEFORE = re.compile(r" ([.,;:!?·»)\]%])")
_NO_SPACE_AFTER = re.compile(r"([«(\[]) ")


def detokenize(words: tuple[str, ...]) -> str:
    text = " ".join(words)
    return _NO_SPACE_AFTER.sub(r"\1", _NO_SPACE_BEFORE.sub(r"\1", text))


def load_sentences(lang: str) -> list[str]:
    sentences: list[str] = []
    for rel in SOURCES[lang]:
        path = DATA / rel
        if not path.exists():
            continue
        for sent in read_iob(path):
            if 5 <= len(sent.words) <= 60:
                sentences.append(detokenize(sent.words))
    return sentences


def build(n_docs: int, out: Path, *, seed: int = 13) -> dict[str, int]:
    rng = random.Random(seed)
    pools = {lang: load_sentences(lang) for lang in SOURCES}
    for pool in pools.values():
        rng.shuffle(pool)
    cursor = dict.fromkeys(pools, 0)
    words = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        for i in range(n_docs):
            lang = "el" if i % 2 == 0 else "en"
            pool = pools[lang]
            parts = []
            for _ in range(rng.randint(3, 8)):
                parts.append(pool[cursor[lang] % len(pool)])
                cursor[lang] += 1
                if cursor[lang] % len(pool) == 0:
                    rng.shuffle(pool)
            text = " ".join(parts)
            words += len(text.split())
            record = {"id": f"doc{i:06d}", "lang": lang, "text": text}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return {
        "documents": n_docs,
        "words": words,
        **{f"{k}_sentences": len(v) for k, v in pools.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument(
        "-o", "--output", type=Path, default=Path("benchmarks/out/corpus_10k.jsonl")
    )
    args = parser.parse_args()
    print(json.dumps(build(args.docs, args.output, seed=args.seed)))


if __name__ == "__main__":
    main()
