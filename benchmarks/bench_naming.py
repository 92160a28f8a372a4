"""Naming without the knowledge base, on the knowledge base's own bilingual names.

Every bundled KB entry with a Latin name and a Greek alias gives a line: its first Greek
alias (the nominative the KB lists first) is resolved alone with ``kb=False``, and the line
counts when the entity's name is the entry's English name or one of its Latin aliases (case
and accents aside), as ``entityx evaluate-resolver``'s naming score counts. Prints the share
per label and by where the entry comes from (``geonames:``, ``iso3166``, ``entityx:``: the
hand-curated supplement); ``--errors N`` lists N misses per label. The KB is not consulted,
so this measures the general naming rules (readings, nominatives, the name tables).

    python benchmarks/bench_naming.py [--label PERSON|LOC|ORG] [--errors 20]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from collections import Counter
from importlib import resources

from entityx.resolution import Resolver
from entityx.text.greek import has_greek, has_latin, normalize


def lines(label: str | None) -> list[tuple[str, str, str, list[str]]]:
    """(source, label, Greek alias, Latin names) per bilingual KB entry, in a fixed order."""
    raw = resources.files("entityx.data").joinpath("kb.json.gz").read_bytes()
    rows = []
    for entry in json.loads(gzip.decompress(raw))["entries"]:
        entry_id, name, entry_label, aliases = entry[0], entry[1], entry[2], entry[3]
        if not has_latin(name) or has_greek(name) or (label and entry_label != label):
            continue
        greek = [a for a in aliases if has_greek(a) and not has_latin(a)]
        latin = [name, *(a for a in aliases if has_latin(a) and not has_greek(a))]
        if greek:
            rows.append((entry_id.split(":")[0], entry_label, greek[0], latin))
    random.Random(0).shuffle(rows)
    return rows


def _fold(text: str) -> str:
    return normalize(text).replace(" ", "")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--label", choices=["PERSON", "LOC", "ORG"], default=None)
    ap.add_argument("--errors", type=int, default=0, help="misses to list per label")
    args = ap.parse_args()
    resolver = Resolver(kb=False)
    total: Counter[tuple[str, str]] = Counter()
    named: Counter[tuple[str, str]] = Counter()
    misses: dict[str, list[str]] = {}
    for source, label, greek, latin in lines(args.label):
        entities, _ = resolver.resolve([(greek, label)])
        name = entities[0].name
        ok = _fold(name) in {_fold(form) for form in latin}
        total[(label, source)] += 1
        named[(label, source)] += ok
        if not ok and len(misses.setdefault(label, [])) < args.errors:
            misses[label].append(f"  {greek} -> {name}   not {latin[:3]}")
    for label in sorted({lab for lab, _ in total}):
        keys = [k for k in total if k[0] == label]
        n, ok = sum(total[k] for k in keys), sum(named[k] for k in keys)
        parts = ", ".join(f"{s} {named[k]}/{total[k]}" for k in sorted(keys) for s in [k[1]])
        print(f"{label:<7} named {ok}/{n} ({100 * ok / n:.1f} %)   [{parts}]")
        for line in misses.get(label, ()):
            print(line)
    n, ok = sum(total.values()), sum(named.values())
    print(f"all     named {ok}/{n} ({100 * ok / max(n, 1):.1f} %)")


if __name__ == "__main__":
    main()
