"""NER accuracy of a pipeline on every test split, and the reference article end to end.

    python benchmarks/bench_accuracy.py [--model PATH] [--json]

Test splits are only ever measured, never trained on. The reference article is scored on
PERSON/LOC/ORG mentions (its gold has no MISC), and its gold-matching mentions are checked
against the article's canonical entities: how many gold entities come out whole and unmixed.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SPLITS = {
    "elNER-4 test": ("data/el/elner4/test.iob2", None),
    "UNER EWT test": ("data/en/uner_ewt/test.iob2", ("PERSON", "LOC", "ORG")),
    "GUM test": ("data/en/gum/test.iob2", None),
    "BTC test": ("data/en/btc/test.conll", ("PERSON", "LOC", "ORG")),
    "WNUT-17 test": ("data/en/wnut17/emerging.test.annotated", None),
}


def reference_article(model: str | None) -> dict[str, object]:
    import entityx
    from entityx.evaluate import score

    gold = json.loads((SHARED / "examples/lavrov_kim_wonsan.gold.json").read_text("utf-8"))
    doc = entityx.extract(gold["text"], model=model)
    labels = ("PERSON", "LOC", "ORG")
    gold_spans = {(g["start"], g["end"], g["label"]) for g in gold["entities"]}
    predicted = {(m.start, m.end, m.label) for m in doc.mentions}
    micro, per_label = score([gold_spans], [predicted], labels=labels)

    # Entity grouping over the gold mentions the pipeline found.
    # A gold mention counts as found when the pipeline has its exact span and label.
    canonical = {(g["start"], g["end"], g["label"]): g["canonical"] for g in gold["entities"]}
    by_entity: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    names: dict[str, str] = {}
    for m in doc.mentions:
        key = (m.start, m.end, m.label)
        if key in canonical:
            by_entity[m.entity_id].add(canonical[key])
            by_gold[canonical[key]].add(m.entity_id)
            names[m.entity_id] = doc.entity(m.entity_id).name
    whole = sum(
        1 for c, ids in by_gold.items() if len(ids) == 1 and by_entity[next(iter(ids))] == {c}
    )
    named_right = sum(1 for eid, cs in by_entity.items() if cs == {names[eid]})
    return {
        "mention_f1": micro.f1,
        "precision": micro.precision,
        "recall": micro.recall,
        "per_label_f1": {k: v.f1 for k, v in per_label.items()},
        "gold_entities": len(set(canonical.values())),
        "gold_entities_found": len(by_gold),
        "entities_whole_and_unmixed": whole,
        "entities_named_as_gold": named_right,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from entityx.evaluate import evaluate_file

    results: dict[str, object] = {}
    for name, (path, labels) in SPLITS.items():
        report = evaluate_file(SHARED / path, model=args.model, labels=labels)
        results[name] = report.model_dump()
        if not args.json:
            print(f"== {name} ({path}{', ' + '/'.join(labels) if labels else ''})")
            print(report.as_table())
    article = reference_article(args.model)
    results["reference article"] = article
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print("== reference article (PERSON/LOC/ORG)")
        for key, value in article.items():
            print(f"{key:>28}: {value}")


if __name__ == "__main__":
    main()
