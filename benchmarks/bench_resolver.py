"""How the resolver scales: resolve 1k / 10k / 100k distinct synthetic names as one context.

Names are built from random Greek and Latin syllables (PERSON two words, LOC/ORG one or two),
a tenth of them repeated in the other script or inflected, so blocking, fuzzy matching and the
gazetteer lookups all do real work. Prints seconds per size, t(100k)/t(10k), and how many
full passes the cyclic garbage collector made and how long they took: the resolver leaves the
collector on, as any library must, so its passes are part of the cost.

    PYTHONPATH=src python benchmarks/bench_resolver.py [--sizes 1000 10000 100000] [--workers 1]
"""

from __future__ import annotations

import argparse
import gc
import random
import time
from typing import Any

from entityx.resolution import KnowledgeBase, Resolver

GREEK_SYL = ["κα", "λο", "μπε", "ντα", "γκι", "τσο", "ρι", "νου", "πα", "σε", "βα", "τζι", "μα",
             "λια", "κου", "ρο", "θε", "χα", "ζω", "φι", "δη", "γιο", "ξε", "ψα", "ου"]  # fmt: skip
LATIN_SYL = ["ka", "lo", "be", "da", "gi", "cho", "ri", "nu", "pa", "se", "va", "ji", "ma",
             "lia", "ku", "ro", "the", "ha", "zo", "fi", "di", "yo", "xe", "psa", "w"]  # fmt: skip
ENDINGS = {"PERSON": ["ς", "ου", ""], "LOC": ["α", "ας"], "ORG": ["", "ου"]}


def word(rng: random.Random, greek: bool) -> str:
    syl = GREEK_SYL if greek else LATIN_SYL
    return "".join(rng.choice(syl) for _ in range(rng.randint(2, 4))).capitalize()


def names(n: int, seed: int = 0) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    out: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    while len(out) < n:
        label = rng.choice(["PERSON", "PERSON", "LOC", "ORG"])
        greek = rng.random() < 0.6
        words = 2 if label == "PERSON" else rng.randint(1, 2)
        name = " ".join(word(rng, greek) for _ in range(words))
        if greek and rng.random() < 0.1:
            name += rng.choice(ENDINGS[label])
        if (name, label) not in seen:
            seen.add((name, label))
            out.append((name, label))
    return out


class FullCollections:
    """Count and time the garbage collector's full (generation 2) passes."""

    def __init__(self) -> None:
        self.count, self.seconds, self._start = 0, 0.0, 0.0

    def __enter__(self) -> FullCollections:
        gc.callbacks.append(self._seen)
        return self

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self._seen)

    def _seen(self, phase: str, info: dict[str, Any]) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            self._start = time.perf_counter()
        else:
            self.count += 1
            self.seconds += time.perf_counter() - self._start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()
    t0 = time.perf_counter()
    KnowledgeBase.bundled()
    print(f"gazetteer load (once): {time.perf_counter() - t0:.2f} s")
    times = {}
    for n in args.sizes:
        items = names(n, seed=n)
        resolver = Resolver(workers=args.workers)
        with FullCollections() as full:
            t0 = time.perf_counter()
            entities, _ = resolver.resolve(items)
            times[n] = time.perf_counter() - t0
        print(
            f"{n:>7} names -> {len(entities):>7} entities: {times[n]:6.2f} s "
            f"({1e6 * times[n] / n:.1f} µs/name; {full.count} full gc passes, "
            f"{full.seconds:.2f} s)"
        )
    if 10_000 in times and 100_000 in times:
        print(f"t(100k)/t(10k) = {times[100_000] / times[10_000]:.1f}")


if __name__ == "__main__":
    main()
