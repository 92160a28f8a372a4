"""What the resolver's document-level label rules do to accuracy on held-out test data.

    python benchmarks/bench_document_rules.py [--model PATH] [--sentences 20] [--sets ...]

The test splits are scored one sentence at a time elsewhere, where the rules that look at a
whole document (``harmonise_labels``, ``relabel_from_kb``, ``split_appositions``,
``trim_spans``, ``recover_mentions``) have little to work on. Here the sentences are joined
into documents: GUM's own 20 test documents (``-DOCSTART-``), UNER EWT test's own documents
(``# newdoc``; PERSON/LOC/ORG, as UNER has no MISC), and elNER-4 test in runs of
``--sentences`` consecutive sentences. elNER's sentences are shuffled, so its "documents" mix
unrelated news: a stress test for rules that assume one sense per discourse. The reference
article (PERSON/LOC/ORG) comes last.

The NER runs once per document set; each row then runs the resolver component on a copy of
the tagged docs with one more rule on. Micro P/R/F count exact spans and labels, and
"changed" counts the predicted mentions that differ from the all-off row.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
# Rules in the order they are turned on; each row of the table adds one.
RULES = (
    "harmonise_labels",
    "relabel_from_kb",
    "split_appositions",
    "trim_spans",
    "recover_mentions",
)
SETS = {
    "elner": ("elNER-4 test", "data/el/elner4/test.iob2", None),
    "gum": ("GUM test", "data/en/gum/test.iob2", None),
    "ewt": ("UNER EWT test", "data/en/uner_ewt/test.iob2", ("PERSON", "LOC", "ORG")),
}
GoldDoc = tuple[str, set[tuple[int, int, str]]]


def _docstart_lines(path: Path) -> list[int]:
    with path.open(encoding="utf-8") as fh:
        return [
            n for n, line in enumerate(fh, start=1) if line.startswith(("-DOCSTART-", "# newdoc"))
        ]


def documents(path: Path, *, sentences_per_doc: int) -> Iterator[GoldDoc]:
    """Gold documents: split at ``-DOCSTART-`` / ``# newdoc`` lines when the file has them,
    else every N sentences."""
    from bisect import bisect_right

    from entityx.iob import iob_to_spans, read_iob

    starts = _docstart_lines(path)
    groups: dict[int, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    for n, sentence in enumerate(read_iob(path)):
        key = bisect_right(starts, sentence.line) if starts else n // sentences_per_doc
        groups.setdefault(key, []).append((tuple(sentence.words), tuple(sentence.tags)))
    for sentences in groups.values():
        text, spans = "", set()
        for words, tags in sentences:
            offsets = []
            for word in words:
                offsets.append(len(text))
                text += word + " "
            for first, stop, label in iob_to_spans(tags):
                end = offsets[stop - 1] + len(words[stop - 1])
                spans.add((offsets[first], end, label))
            text = text[:-1] + "\n"
        yield text, spans


def reference_article() -> list[GoldDoc]:
    import json

    gold = json.loads((SHARED / "examples/lavrov_kim_wonsan.gold.json").read_text("utf-8"))
    return [(gold["text"], {(g["start"], g["end"], g["label"]) for g in gold["entities"]})]


def _configure(component: Any, on: set[str]) -> None:
    component.harmonise = "harmonise_labels" in on
    component.resolver.relabel_from_kb = "relabel_from_kb" in on
    component.split_appositions = "split_appositions" in on
    component.trim_spans = "trim_spans" in on
    component.recover_mentions = "recover_mentions" in on


def run(model: str | None, gold: list[GoldDoc], labels: tuple[str, ...] | None) -> None:
    import entityx
    from entityx.document import DocumentBuilder
    from entityx.evaluate import score
    from entityx.pipeline import RESOLVER, resolver_component

    nlp = entityx.load(model).nlp
    component = resolver_component(nlp)
    defaults = {rule for rule, value in component.settings().items() if value is True}
    builder = DocumentBuilder.for_pipeline(nlp)
    with nlp.select_pipes(disable=[RESOLVER]):
        tagged = list(nlp.pipe(text for text, _ in gold))
    baseline: list[set[tuple[int, int, str]]] | None = None
    print(f"{'rules':34} {'P':>7} {'R':>7} {'F':>7} {'changed':>8}")
    try:
        for n in range(len(RULES) + 1):
            on = set(RULES[:n])
            _configure(component, on)
            predicted = [
                {(m.start, m.end, m.label) for m in builder.build(component(doc.copy())).mentions}
                for doc in tagged
            ]
            micro, _ = score([spans for _, spans in gold], predicted, labels=labels)
            if baseline is None:
                baseline = predicted
            changed = sum(len(p - b) for p, b in zip(predicted, baseline, strict=True))
            name = f"+ {RULES[n - 1]}" if n else "all off"
            if on == defaults & set(RULES):
                name += " (default)"
            print(
                f"{name:34} {micro.precision:7.4f} {micro.recall:7.4f} {micro.f1:7.4f} {changed:8d}"
            )
    finally:
        _configure(component, defaults)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--sentences", type=int, default=20, help="elNER sentences per document")
    parser.add_argument(
        "--sets",
        nargs="+",
        choices=[*SETS, "article"],
        default=[*SETS, "article"],
        help="document sets to score (default: all)",
    )
    args = parser.parse_args()
    for key in args.sets:
        if key == "article":
            continue
        title, rel, labels = SETS[key]
        gold = list(documents(SHARED / rel, sentences_per_doc=args.sentences))
        print(f"== {title}: {len(gold)} documents")
        run(args.model, gold, labels)
    if "article" in args.sets:
        print("== reference article (PERSON/LOC/ORG)")
        run(args.model, reference_article(), ("PERSON", "LOC", "ORG"))


if __name__ == "__main__":
    main()
