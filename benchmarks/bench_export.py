"""Peak memory and speed of ``entityx.export`` on a large synthetic tagged corpus.

Generates a tagged JSONL corpus (default 100,000 documents, a 5,000-entity vocabulary with
Greek and Latin aliases, ~8 mentions in 4 sentences per document), then exports it to each
format in a fresh subprocess and prints that process's peak RSS and time. Streaming shows as
a peak that does not grow with the number of documents (compare ``--docs 10000``).

    PYTHONPATH=src python benchmarks/bench_export.py                      # all formats, 100k
    PYTHONPATH=src python benchmarks/bench_export.py --formats neo4j,ntriples --docs 10000
    PYTHONPATH=src python benchmarks/bench_export.py --in-memory          # baseline: a list
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FORMATS = ("neo4j", "ntriples", "turtle", "jsonld", "nif", "graphml")
LABELS = ("PERSON", "LOC", "ORG", "MISC")
GREEK = "αβγδεζηθικλμνξοπρστυφχψω"
LATIN = "abcdefghijklmnopqrstuvwxyz"


def _word(rng: random.Random, letters: str) -> str:
    return "".join(rng.choice(letters) for _ in range(rng.randint(4, 9))).capitalize()


def generate(path: Path, *, docs: int, vocabulary: int, seed: int = 7) -> None:
    """Write a synthetic tagged corpus, one Document JSON per line, without holding it."""
    rng = random.Random(seed)
    ents = []
    for i in range(vocabulary):
        latin = f"{_word(rng, LATIN)} {_word(rng, LATIN)}"
        greek = f"{_word(rng, GREEK)} {_word(rng, GREEK)}"
        ents.append((f"E{i}", latin, greek, LABELS[i % 4]))
    weights = [1 / (r + 1) for r in range(vocabulary)]  # Zipf-like: a few very frequent ones
    with path.open("w", encoding="utf-8") as fh:
        for d in range(docs):
            picked = rng.choices(ents, weights=weights, k=8)
            text, sentences, mentions, seen = "", [], [], {}
            for s in range(4):
                start = len(text)
                for eid, latin, greek, label in picked[2 * s : 2 * s + 2]:
                    surface = greek if rng.random() < 0.6 else latin
                    text += "Ο "
                    mentions.append(
                        {
                            "text": surface,
                            "start": len(text),
                            "end": len(text) + len(surface),
                            "label": label,
                            "entity_id": eid,
                            "sentence": s,
                        }
                    )
                    text += surface + " είπε ότι "
                    seen.setdefault(eid, (latin, label, set()))[2].add(surface)
                text = text.rstrip() + ". "
                sentences.append({"start": start, "end": len(text) - 1})
            entities = [
                {
                    "id": eid,
                    "name": latin,
                    "label": label,
                    "aliases": sorted(forms),
                    "mention_count": sum(m["entity_id"] == eid for m in mentions),
                }
                for eid, (latin, label, forms) in seen.items()
            ]
            fh.write(
                json.dumps(
                    {
                        "id": f"doc{d}",
                        "text": text,
                        "sentences": sentences,
                        "mentions": mentions,
                        "entities": entities,
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def child(fmt: str, corpus: Path, out: Path) -> None:
    """Run in a fresh process: import, export, report peak RSS."""
    from entityx.exporters import export

    base = _peak_mb()
    t0 = time.perf_counter()
    if fmt == "in-memory":
        from entityx.models import Document

        with corpus.open(encoding="utf-8") as fh:
            docs = [Document.model_validate_json(line) for line in fh]
        result = {"documents": len(docs)}
    else:
        r = export(corpus, format=fmt, out=out)  # type: ignore[arg-type]
        result = {"documents": r.documents, "entities": r.entities, "pairs": r.cooccurrences}
    elapsed = time.perf_counter() - t0
    print(
        json.dumps(
            {
                "format": fmt,
                "seconds": round(elapsed, 1),
                "peak_rss_mb": round(_peak_mb(), 1),
                "rss_after_import_mb": round(base, 1),
                **result,
            }
        )
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--vocabulary", type=int, default=5_000)
    ap.add_argument("--formats", default=",".join(FORMATS))
    ap.add_argument("--in-memory", action="store_true", help="also load all Documents in a list")
    ap.add_argument("--child", nargs=3, metavar=("FORMAT", "CORPUS", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]), Path(args.child[2]))
        return
    with tempfile.TemporaryDirectory(prefix="entityx-bench-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        t0 = time.perf_counter()
        generate(corpus, docs=args.docs, vocabulary=args.vocabulary)
        size = corpus.stat().st_size / 1e6
        print(
            f"corpus: {args.docs} documents, {size:.0f} MB, generated in "
            f"{time.perf_counter() - t0:.0f}s"
        )
        formats = args.formats.split(",") + (["in-memory"] if args.in_memory else [])
        for fmt in formats:
            out = Path(tmp) / f"out-{fmt}"
            proc = subprocess.run(
                [sys.executable, __file__, "--child", fmt, str(corpus), str(out)],
                capture_output=True,
                text=True,
                env=os.environ,
            )
            if proc.returncode != 0:
                print(f"{fmt}: FAILED\n{proc.stderr}", file=sys.stderr)
                continue
            r = json.loads(proc.stdout.strip().splitlines()[-1])
            size_out = sum(p.stat().st_size for p in ([out] if out.is_file() else out.glob("*")))
            print(
                f"{fmt:>9}: peak RSS {r['peak_rss_mb']:7.1f} MB (after imports "
                f"{r['rss_after_import_mb']:.0f} MB), {r['seconds']:7.1f} s, "
                f"output {size_out / 1e6:.0f} MB"
            )


if __name__ == "__main__":
    main()
