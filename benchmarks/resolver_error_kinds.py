"""Count the kinds of exact-entity errors of the resolver on a ``resolve_*.jsonl`` file.

Counts only, no names (so it may run on held-out files): per label, whether the parts of a
split entity carry different KB entries (``conflict``), one part an entry and another none
(``partial``), or none any (``unlinked``); how many parts; and each part's scripts.

    python benchmarks/resolver_error_kinds.py FILE [--no-kb]
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict

from entityx.resolution import Resolver
from entityx.resolution.evaluate import load_lines
from entityx.text.greek import has_greek


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file")
    ap.add_argument("--no-kb", action="store_true")
    args = ap.parse_args()
    lines = load_lines(args.file)
    items, gold = [], []
    for line in lines:
        for form in dict.fromkeys([*line.greek, *line.latin]):
            items.append((form, line.label))
            gold.append(line.id)
    entities, ids = Resolver(kb=False if args.no_kb else None).resolve(items, definitions=())
    by_id = {e.id: e for e in entities}
    label = {line.id: line.label for line in lines}
    parts: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for (form, _), g, p in zip(items, gold, ids, strict=True):
        parts[g][p].append(form)
    kinds: Counter[tuple[str, str]] = Counter()
    for g, pieces in parts.items():
        if len(pieces) < 2:
            continue
        kb_ids = {by_id[p].kb_id for p in pieces}
        linked = kb_ids - {None}
        kind = "conflict" if len(linked) > 1 else ("partial" if linked else "unlinked")
        scripts = sorted(
            "mixed" if len(s) > 1 else ("el" if True in s else "la")
            for s in ({has_greek(f) for f in forms} for forms in pieces.values())
        )
        kinds[(label[g], kind)] += 1
        kinds[("parts", str(len(pieces)))] += 1
        kinds[("scripts", "+".join(scripts))] += 1
    print(f"{sum(1 for p in parts.values() if len(p) > 1)} split entities of {len(parts)}")
    for (group, kind), n in sorted(kinds.items()):
        print(f"  {group:8} {kind:24} {n}")


if __name__ == "__main__":
    main()
