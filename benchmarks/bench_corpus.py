"""Corpus tagging benchmarks: throughput, peak memory of the process tree, registry scale.

    python benchmarks/bench_corpus.py throughput --docs 2000   # pipe, tag on 1, 2 workers, Dask(2)
    python benchmarks/bench_corpus.py memory --docs 10000 --marks 1000,5000,10000
    python benchmarks/bench_corpus.py memory --docs 100000 --model tiny  # corpus machinery only
    python benchmarks/bench_corpus.py registry --entities 100000

The corpus is built from ../shared/data by build_news_corpus.py (Greek and English mixed) into
benchmarks/out/ (git-ignored). Each run is a child process; the parent samples the RSS of the
whole process tree (the run, its workers, a Dask cluster) every 0.2 s, and reads the run's
progress file to know how many documents were done when.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(HERE))


def corpus(n_docs: int) -> Path:
    from build_news_corpus import build

    path = OUT / f"corpus_{n_docs}.jsonl"
    if not path.exists():
        build(n_docs, path)
    return path


def tiny_model() -> Path:
    """A rule-based pipeline: isolates the corpus machinery (I/O, workers, registry)."""
    path = OUT / "tiny_pipeline"
    if not path.exists():
        sys.path.insert(0, str(ROOT / "tests"))
        from test_corpus_support import make_tiny_pipeline

        make_tiny_pipeline(path)
    return path


def tree_rss(pid: int) -> int:
    import psutil

    try:
        proc = psutil.Process(pid)
        procs = [proc, *proc.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for p in procs:
        with contextlib.suppress(psutil.NoSuchProcess):
            total += p.memory_info().rss
    return total


def run_child(settings: dict, *, marks: list[int] = ()) -> dict:  # type: ignore[assignment]
    """Run tag_corpus(**settings) in a child; sample tree RSS; return figures."""
    out = Path(settings["output"])
    progress = out.with_name(out.name + ".progress")
    for stale in (out, progress, Path(str(settings.get("registry", "")))):
        if stale.name and stale.exists():
            stale.unlink()
    cmd = [sys.executable, __file__, "child", json.dumps(settings)]
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    peak = 0
    at_marks: dict[int, int] = {}
    samples: list[tuple[float, int]] = []
    while proc.poll() is None:
        peak = max(peak, tree_rss(proc.pid))
        try:
            done = int(json.loads(progress.read_text())["records_done"])
        except (OSError, ValueError, KeyError):
            done = 0
        if done:
            samples.append((time.monotonic(), done))
        for mark in marks:
            if done >= mark and mark not in at_marks:
                at_marks[mark] = peak
        time.sleep(0.2)
    wall = time.monotonic() - start
    stdout = proc.stdout.read() if proc.stdout else ""
    if proc.returncode != 0:
        raise SystemExit(f"child failed ({proc.returncode}): {settings}")
    result = json.loads(stdout.strip().splitlines()[-1])
    for mark in marks:
        if mark not in at_marks and result["documents"] + result["errors"] >= mark:
            at_marks[mark] = peak
    steady = None
    if len(samples) >= 2 and samples[-1][0] > samples[0][0]:
        steady = (samples[-1][1] - samples[0][1]) / (samples[-1][0] - samples[0][0])
    return {
        **result,
        "wall_seconds": round(wall, 1),
        "peak_rss_mb": round(peak / 2**20),
        "steady_docs_per_s": None if steady is None else round(steady, 1),
        "peak_rss_mb_by_docs": {k: round(v / 2**20) for k, v in sorted(at_marks.items())},
    }


def pipe_child(settings: dict) -> dict:
    """``Extractor.pipe`` over the texts ``tag_corpus`` would tag: the baseline of ``tag``."""
    from entityx import load

    extractor = load(settings.get("model"))
    texts = []
    for path in settings["inputs"]:
        with open(path, encoding="utf-8") as handle:
            texts.extend(json.loads(line)["text"] for line in handle if line.strip())
    documents = words = entities = 0
    start = time.monotonic()
    for doc in extractor.pipe(texts, batch_size=settings.get("batch_size", 64)):
        documents += 1
        words += len((doc.text or "").split())  # tag_corpus counts words the same way
        entities += len(doc.entities)
    return {
        "documents": documents,
        "words": words,
        "errors": 0,
        "entities": entities,
        "seconds": round(time.monotonic() - start, 3),
        "registry_entities": None,
    }


def child(settings: dict) -> None:
    import resource

    from entityx.corpus import tag_corpus

    if settings.pop("mode", None) == "pipe":
        figures = pipe_child(settings)
    else:
        summary = tag_corpus(**settings, progress=False)
        figures = {
            "documents": summary.documents,
            "words": summary.words,
            "errors": summary.errors,
            "entities": summary.entities,
            "seconds": summary.seconds,
            "registry_entities": summary.registry_entities,
        }
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)  # pool workers, once joined
    print(
        json.dumps(
            {
                "main_cpu_s": round(me.ru_utime + me.ru_stime, 1),
                "workers_cpu_s": round(kids.ru_utime + kids.ru_stime, 1),
                **figures,
            }
        )
    )


def throughput(args: argparse.Namespace) -> None:
    src = corpus(args.corpus_docs)
    sample = OUT / f"sample_{args.docs}.jsonl"
    with src.open(encoding="utf-8") as fin, sample.open("w", encoding="utf-8") as fout:
        for i, line in enumerate(fin):
            if i >= args.docs:
                break
            fout.write(line)
    model = str(tiny_model()) if args.model == "tiny" else args.model
    configs = {
        "pipe": {"mode": "pipe"},  # Extractor.pipe in one process, no output: the baseline
        "local-1": {"workers": 1},
        "local-2": {"workers": 2},
        "dask-2": {"workers": 2, "backend": "dask"},
    }
    rows = []
    for name in args.configs.split(","):
        settings = {
            "inputs": [str(sample)],
            "output": str(OUT / f"tp_{name}.jsonl"),
            "id_field": "id",
            "model": model,
            "batch_size": args.batch_size,
            **configs[name],
        }
        if args.registry:
            settings["registry"] = str(OUT / f"tp_{name}.db")
        r = run_child(settings)
        r["config"] = name
        r["docs_per_s"] = round(r["documents"] / r["wall_seconds"], 1)
        r["words_per_s"] = round(r["words"] / r["wall_seconds"])
        rows.append(r)
        print(json.dumps(r), flush=True)
    by_name = {r["config"]: r for r in rows}
    base = by_name.get("local-1", rows[0])
    print(
        f"\n{args.docs} docs ({base['words']:,} words), model={args.model or 'bundled'}, "
        f"registry={'on' if args.registry else 'off'}"
    )
    # "tag s": the run's own timer (first chunk to last commit); "other s": the rest of the
    # wall time (interpreter start, starting the workers and loading the pipeline, closing).
    print(
        f"{'config':<9} {'wall s':>7} {'tag s':>6} {'other s':>7} {'docs/s':>7} {'words/s':>8} "
        f"{'steady docs/s':>13} {'speed-up':>8} {'peak RSS MB':>11} {'CPU s main+workers':>18}"
    )
    for r in rows:
        print(
            f"{r['config']:<9} {r['wall_seconds']:>7} {r['seconds']:>6.1f} "
            f"{r['wall_seconds'] - r['seconds']:>7.1f} {r['docs_per_s']:>7} "
            f"{r['words_per_s']:>8,} {r['steady_docs_per_s']!s:>13} "
            f"{r['docs_per_s'] / base['docs_per_s']:>7.2f}x {r['peak_rss_mb']:>11} "
            f"{r['main_cpu_s']:>9}+{r['workers_cpu_s']}"
        )
    print(f"load average (1/5/15 min) at the end: {os.getloadavg()}, cores: {os.cpu_count()}")
    tagged = [name for name in by_name if name != "pipe"]
    if len(tagged) > 1:  # whoever tags, the output is the same, byte for byte
        outputs = {(OUT / f"tp_{name}.jsonl").read_bytes() for name in tagged}
        print(f"outputs of {', '.join(tagged)} identical: {'yes' if len(outputs) == 1 else 'NO'}")
    for name, over, target in (
        ("local-1", "pipe", 0.9),
        ("local-2", "local-1", 1.8),
        ("dask-2", "local-1", 1.7),
    ):
        if name in by_name and over in by_name:
            ratio = by_name[name]["words_per_s"] / by_name[over]["words_per_s"]
            verdict = "met" if ratio >= target else "NOT met"
            timer = by_name[over]["seconds"] / by_name[name]["seconds"]
            print(
                f"{name} / {over} words/s: {ratio:.2f} (target >= {target}: {verdict}); "
                f"on the tagging timer alone {timer:.2f}"
            )


def memory(args: argparse.Namespace) -> None:
    src = corpus(args.docs)
    model = str(tiny_model()) if args.model == "tiny" else args.model
    marks = [int(m) for m in args.marks.split(",")]
    settings = {
        "inputs": [str(src)],
        "output": str(OUT / f"mem_{args.docs}.jsonl"),
        "id_field": "id",
        "model": model,
        "workers": args.workers,
        "registry": str(OUT / f"mem_{args.docs}.db"),
        "batch_size": args.batch_size,
    }
    r = run_child(settings, marks=marks)
    print(json.dumps(r))
    print(
        f"\n{args.docs:,} docs, {args.workers} workers, registry on, "
        f"model={args.model or 'bundled'}: {r['wall_seconds']} s, "
        f"{r['registry_entities']:,} registry entities"
    )
    print("peak RSS of the process tree (MB) up to N documents:")
    for mark, mb in r["peak_rss_mb_by_docs"].items():
        print(f"  {mark:>8,} docs: {mb} MB")


def registry(args: argparse.Namespace) -> None:
    from entityx.models import Document, Entity
    from entityx.registry import Registry

    path = OUT / f"registry_{args.entities}.db"
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        p.unlink(missing_ok=True)
    rng = random.Random(7)
    firsts, lasts = _name_parts()
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < args.entities:
        name = f"{rng.choice(firsts)} {rng.choice(lasts)} {rng.choice(lasts)}"
        if name not in seen:
            seen.add(name)
            names.append(name)
    reg = Registry(path)
    start = time.monotonic()
    per_doc = 50
    for d in range(0, len(names), per_doc):
        ents = tuple(
            Entity(id=f"e{d + i}", name=n, label="PERSON", aliases=(n,), mention_count=1)
            for i, n in enumerate(names[d : d + per_doc])
        )
        reg.add(Document(id=f"doc{d // per_doc}", entities=ents))
    build_s = time.monotonic() - start
    stats = reg.stats()
    probes = rng.sample(names, 1000)
    t = time.monotonic()
    for n in probes:
        reg.match(Entity(id="x", name=n, label="PERSON", aliases=(n,)))
    known_ms = (time.monotonic() - t) * 1000 / len(probes)
    unknown = [f"{rng.choice(firsts)} {rng.choice(lasts)}x" for _ in range(300)]
    t = time.monotonic()
    for n in unknown:
        reg.match(Entity(id="x", name=n, label="PERSON", aliases=(n,)))
    unknown_ms = (time.monotonic() - t) * 1000 / len(unknown)
    t = time.monotonic()
    for n in probes[:200]:
        reg.search(n, label="PERSON", limit=10)
    search_ms = (time.monotonic() - t) * 1000 / 200
    reg.close()
    size_mb = sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 2**20
    print(
        json.dumps(
            {
                **stats,
                "build_s": round(build_s, 1),
                "size_mb": round(size_mb, 1),
                "lookup_known_ms": round(known_ms, 3),
                "lookup_new_ms": round(unknown_ms, 3),
                "search_ms": round(search_ms, 3),
            }
        )
    )
    print(
        f"\nregistry of {stats['entities']:,} entities ({stats['aliases']:,} aliases, "
        f"{stats['keys']:,} keys): {size_mb:.1f} MB on disk, built in {build_s:.0f} s"
    )
    print(
        f"  lookup of a known spelling: {known_ms:.2f} ms; of a new name (keys + resolver): "
        f"{unknown_ms:.2f} ms; search(): {search_ms:.2f} ms"
    )


def _name_parts() -> tuple[list[str], list[str]]:
    """First and last words of the PERSON names in the English and Greek training data."""
    from build_news_corpus import DATA, SOURCES

    from entityx.iob import iob_to_spans, read_iob

    firsts: set[str] = set()
    lasts: set[str] = set()
    for rel in SOURCES["el"][:1] + SOURCES["en"][:3]:
        for sent in read_iob(DATA / rel):
            for start, end, label in iob_to_spans(sent.tags):
                if label == "PERSON" and end - start >= 2:
                    words = sent.words[start:end]
                    if all(w.isalpha() for w in words):
                        firsts.add(words[0])
                        lasts.add(words[-1])
    return sorted(firsts), sorted(lasts)


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "child":
        child(json.loads(sys.argv[2]))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    tp = sub.add_parser("throughput")
    tp.add_argument("--docs", type=int, default=2000)
    tp.add_argument("--corpus-docs", type=int, default=10_000)
    tp.add_argument("--configs", default="pipe,local-1,local-2,dask-2")
    tp.add_argument("--model", default=None, help="'tiny', a path, or default: bundled")
    tp.add_argument("--batch-size", type=int, default=64)
    tp.add_argument("--registry", action="store_true")
    mem = sub.add_parser("memory")
    mem.add_argument("--docs", type=int, default=10_000)
    mem.add_argument("--marks", default="1000,5000,10000")
    mem.add_argument("--model", default=None)
    mem.add_argument("--workers", type=int, default=2)
    mem.add_argument("--batch-size", type=int, default=64)
    reg = sub.add_parser("registry")
    reg.add_argument("--entities", type=int, default=100_000)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    {"throughput": throughput, "memory": memory, "registry": registry}[args.what](args)


if __name__ == "__main__":
    main()
