"""The resolver's share of ``Extractor.pipe``, with cold caches and warm.

Runs in a fresh process (so the first documents pay for loading the knowledge base and the
name tables, as a user's first call does) on the news-like texts of ``bench_speed.py``:
the first ``--cold`` documents, then the next ``--warm``. The share is the time spent inside
the ``entityx_resolver`` component over the wall time of the whole ``pipe`` call.

    python benchmarks/bench_resolver_share.py [--cold 20] [--warm 200] [--model PATH]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_speed import texts


class Timed:
    """Wraps a pipeline component and adds up the seconds spent in it."""

    def __init__(self, component: Any) -> None:
        self.component, self.seconds = component, 0.0

    def __call__(self, doc: Any) -> Any:
        start = time.perf_counter()
        try:
            return self.component(doc)
        finally:
            self.seconds += time.perf_counter() - start


def share(extractor: Any, docs: list[str], timed: Timed) -> tuple[float, float]:
    timed.seconds = 0.0
    start = time.perf_counter()
    for _ in extractor.pipe(docs):
        pass
    wall = time.perf_counter() - start
    return timed.seconds, wall


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cold", type=int, default=20)
    ap.add_argument("--warm", type=int, default=200)
    ap.add_argument("--model", default=None)
    args = ap.parse_args()
    import entityx

    docs = texts(args.cold + args.warm)
    extractor = entityx.load(args.model)
    nlp = extractor.nlp
    # spaCy calls a component without a ``pipe`` method one document at a time. (The
    # component list itself: ``nlp.pipeline`` is a copy.)
    name = "entityx_resolver"
    timed = Timed(nlp.get_pipe(name))
    nlp._components[nlp.component_names.index(name)] = (name, timed)
    words = [len(d.split()) for d in docs]
    for label, part, n_words in (
        ("cold", docs[: args.cold], sum(words[: args.cold])),
        ("warm", docs[args.cold :], sum(words[args.cold :])),
    ):
        resolver, wall = share(extractor, part, timed)
        print(
            f"{label}: {len(part)} documents ({n_words} words) in {wall:.2f} s, resolver "
            f"{resolver:.2f} s = {100 * resolver / wall:.1f} %"
        )


if __name__ == "__main__":
    main()
