"""One name in every case: a Greek name seen only inflected is named as its nominative is.

News often names a thing in one case only (``του Υπουργείου Εξωτερικών``, ``του Βόλου``), and
a knowledge graph must receive the same name as from ``Υπουργείο Εξωτερικών``. Each line of
the resolver's development sets lists a Greek nominative first and often its inflected
forms after it; here every other Greek form of as many words as the first is resolved alone
(``kb=False``: the general rules, not the knowledge base's names), and counts when its name
is the name the first form gets alone (case and accents aside). Prints the share per label,
and with ``--errors N`` up to N differing names per label.

    python benchmarks/bench_case_naming.py [FILE ...] [--errors 20]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from entityx.resolution import Resolver
from entityx.text.greek import has_greek, has_latin, normalize

_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FILES = [
    _ROOT.parent / "shared" / "eval" / "resolve_dev.jsonl",
    *sorted((_ROOT / "tests" / "data").glob("resolve_tune*.jsonl")),
    _ROOT / "tests" / "data" / "resolve_heldout.jsonl",
]


def pairs(files: list[Path]) -> list[tuple[str, str, str]]:
    """(label, first Greek form, another Greek form of as many words) of every line."""
    out = []
    for path in files:
        for line in path.read_text("utf-8").splitlines():
            row = json.loads(line)
            greek = [g for g in row["greek"] if has_greek(g) and not has_latin(g)]
            if not greek:
                continue
            first = greek[0]
            width = len(first.split())
            for other in greek[1:]:
                if len(other.split()) == width and normalize(other) != normalize(first):
                    out.append((row["label"], first, other))
    return out


def _fold(text: str) -> str:
    return normalize(text).replace(" ", "")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", type=Path, nargs="*", default=DEFAULT_FILES)
    ap.add_argument("--errors", type=int, default=0, help="differing names to list per label")
    args = ap.parse_args()
    resolver = Resolver(kb=False)

    def name(form: str, label: str) -> str:
        return resolver.resolve([(form, label)])[0][0].name

    total: Counter[str] = Counter()
    same: Counter[str] = Counter()
    misses: dict[str, list[str]] = {}
    for label, first, other in pairs(args.files):
        expected, got = name(first, label), name(other, label)
        ok = _fold(expected) == _fold(got)
        total[label] += 1
        same[label] += ok
        if not ok and len(misses.setdefault(label, [])) < args.errors:
            misses[label].append(f"  {other} -> {got}   ({first} -> {expected})")
    for label in sorted(total):
        print(f"{label:<7} {same[label]}/{total[label]} ({100 * same[label] / total[label]:.1f} %)")
        for line in misses.get(label, ()):
            print(line)
    n, ok = sum(total.values()), sum(same.values())
    print(
        f"all     {ok}/{n} ({100 * ok / max(n, 1):.1f} %) inflected forms named as the nominative"
    )


if __name__ == "__main__":
    main()
