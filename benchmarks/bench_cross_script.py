"""Cross-script matching without the knowledge base, on the knowledge base's own bilingual names.

Every bundled KB entry with a Latin name and a Greek alias gives a pair; the pairs, shuffled,
are resolved with ``kb=False`` in contexts of ``--context`` entries (Greek alias and Latin name
of each), as a text would mention them. Prints how many entries end up as one entity across
scripts (recall of the general rules) and how many wrong merges put two entries' names in one
entity (their precision). The names are the KB's, so this measures the reading rules, not the
KB: none of them is consulted.

    python benchmarks/bench_cross_script.py [--context 300] [--label PERSON|LOC|ORG]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from importlib import resources

from entityx.resolution import Resolver
from entityx.text.greek import has_greek, has_latin


def pairs(label: str | None) -> list[tuple[str, str, str]]:
    raw = resources.files("entityx.data").joinpath("kb.json.gz").read_bytes()
    rows = []
    for entry in json.loads(gzip.decompress(raw))["entries"]:
        name, entry_label, aliases = entry[1], entry[2], entry[3]
        if not has_latin(name) or has_greek(name) or (label and entry_label != label):
            continue
        greek = [a for a in aliases if has_greek(a) and not has_latin(a)]
        if greek:
            rows.append((entry_label, name, greek[0]))
    random.Random(0).shuffle(rows)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--context", type=int, default=300)
    ap.add_argument("--label", choices=["PERSON", "LOC", "ORG"], default=None)
    args = ap.parse_args()
    rows = pairs(args.label)
    joined = wrong = 0
    for start in range(0, len(rows), args.context):
        context = rows[start : start + args.context]
        items = [(name, label) for label, latin, greek in context for name in (greek, latin)]
        _, ids = Resolver(kb=False).resolve(items)
        owners: dict[str, set[int]] = {}
        for n in range(len(context)):
            greek_id, latin_id = ids[2 * n], ids[2 * n + 1]
            joined += greek_id == latin_id
            owners.setdefault(greek_id, set()).add(n)
            owners.setdefault(latin_id, set()).add(n)
        wrong += sum(len(entries) - 1 for entries in owners.values() if len(entries) > 1)
    print(f"{len(rows)} KB entries with both scripts (contexts of {args.context}):")
    print(f"  joined across scripts {joined} ({100 * joined / max(len(rows), 1):.1f} %)")
    print(f"  wrong merges {wrong}")


if __name__ == "__main__":
    main()
