"""Cost of hostile input: very long documents, punctuation runs, two threads on one Extractor.

    nice python benchmarks/bench_hostile.py [--sizes 100000,1000000,10000000] [--calls 10000]

Each document case runs in a fresh process, so its peak RSS (``ru_maxrss``) is its own; the
loaded pipeline alone is reported as ``baseline``. Documents are news sentences (the elNER-4 and
UNER EWT test splits) joined into paragraphs and repeated up to the size. The thread case makes
``--calls`` calls of ``extract`` from two threads on one Extractor over distinct one-sentence
texts, and compares every result with the same text extracted sequentially beforehand; it also
times the sequential calls with the Extractor's lock and without it (the lock's cost).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import string
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"


def _sentences() -> list[str]:
    from entityx.iob import read_iob

    out = [" ".join(s.words) for s in read_iob(DATA / "el/elner4/test.iob2")]
    out += [" ".join(s.words) for s in read_iob(DATA / "en/uner_ewt/test.iob2")]
    return [s for s in out if len(s) > 20]


def news_text(size: int) -> str:
    sentences = _sentences()
    paragraphs = [" ".join(sentences[i : i + 8]) for i in range(0, len(sentences), 8)]
    corpus = "\n\n".join(paragraphs) + "\n\n"
    return (corpus * (size // len(corpus) + 1))[:size]


def punctuation_text(size: int, kind: str) -> str:
    if kind == "bangs":
        return "!" * size
    rng = random.Random(0)
    return "".join(rng.choice(string.punctuation) for _ in range(size))


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kB


def run_case(case: str) -> dict[str, Any]:
    """One case in this process: ``news:SIZE``, ``punct:SIZE:KIND`` or ``baseline``."""
    import entityx

    extractor = entityx.load()
    extractor.extract("Ο Λαβρόφ στη Μόσχα.")  # warm up
    kind, *args = case.split(":")
    if kind == "baseline":
        return {"case": case, "peak_rss_mb": round(_peak_rss_mb())}
    size = int(args[0])
    text = news_text(size) if kind == "news" else punctuation_text(size, args[1])
    start = time.perf_counter()
    doc = extractor.extract(text)
    seconds = time.perf_counter() - start
    assert all(text[m.start : m.end] == m.text for m in doc.mentions)
    return {
        "case": case,
        "chars": len(text),
        "seconds": round(seconds, 2),
        "us_per_char": round(seconds / len(text) * 1e6, 2),
        "mentions": len(doc.mentions),
        "entities": len(doc.entities),
        "peak_rss_mb": round(_peak_rss_mb()),
    }


def in_child(case: str) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, __file__, "--case", case], capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        return {"case": case, "error": f"exit {proc.returncode}: {proc.stderr.strip()[-300:]}"}
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


class _NoLock:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def thread_case(calls: int) -> dict[str, Any]:
    import entityx

    extractor = entityx.load()
    base = _sentences()
    texts = [f"{base[i % len(base)]} ({i})" for i in range(calls)]
    distinct = texts[: min(calls, 2000)]
    expected = {t: extractor.extract(t).model_dump_json() for t in distinct}
    timed = distinct[:500]
    rates = {"with_lock": 0.0, "without_lock": 0.0}
    lock = extractor._lock
    for _ in range(2):  # interleaved, best of two: both run on warm caches
        for name, use in (("with_lock", lock), ("without_lock", _NoLock())):
            extractor._lock = use  # type: ignore[assignment]
            start = time.perf_counter()
            for t in timed:
                extractor.extract(t)
            rates[name] = max(rates[name], len(timed) / (time.perf_counter() - start))
    extractor._lock = lock
    # Each thread's calls cycle through the texts checked sequentially.
    jobs = [distinct[i % len(distinct)] for i in range(calls)]
    errors: list[str] = []
    mismatches = 0
    guard = threading.Lock()

    def call(text: str) -> None:
        nonlocal mismatches
        try:
            same = extractor.extract(text).model_dump_json() == expected[text]
        except Exception as exc:  # counted: the point is that there are none
            with guard:
                errors.append(f"{type(exc).__name__}: {exc}")
            return
        if not same:
            with guard:
                mismatches += 1

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(call, jobs))
    threaded_s = time.perf_counter() - start
    return {
        "case": f"threads:2x{calls}",
        "errors": len(errors),
        "first_error": errors[0] if errors else None,
        "differ_from_sequential": mismatches,
        "threaded_calls_per_s": round(calls / threaded_s, 1),
        "sequential_calls_per_s_with_lock": round(rates["with_lock"], 1),
        "sequential_calls_per_s_without_lock": round(rates["without_lock"], 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--case", help=argparse.SUPPRESS)
    parser.add_argument("--sizes", default="100000,1000000,10000000")
    parser.add_argument("--punct", type=int, default=1_200_000)
    parser.add_argument("--calls", type=int, default=10_000)
    args = parser.parse_args()
    if args.case:
        print(json.dumps(run_case(args.case)))
        return
    cases = ["baseline"]
    cases += [f"news:{size}" for size in args.sizes.split(",") if size]
    cases += [f"punct:{args.punct}:random", f"punct:{args.punct}:bangs"]
    for case in cases:
        print(json.dumps(in_child(case), ensure_ascii=False), flush=True)
    if args.calls:
        print(json.dumps(thread_case(args.calls), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
