"""Score the resolver on a ``resolve_*.jsonl`` file.

Each line is one real entity: ``{"id", "label", "greek": [...], "latin": [...]}``. All forms of
all lines are resolved together as one context. An entity is *exactly* right when all its forms
land in one cluster that holds nothing else; B-cubed precision/recall average, over forms, the
overlap between a form's predicted cluster and its gold cluster.

The *naming* score resolves only the Greek forms of each line that has both Greek and Latin
forms, as a context of its own; the line counts when those forms make one entity whose name
is one of the line's Latin forms, case and accents aside (what a reader of the Greek text
would search for).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import InputError
from ..text.greek import normalize
from .cluster import Resolver

__all__ = ["EvalLine", "ResolverScores", "evaluate_file", "evaluate_lines", "score_clusters"]


class EvalLine(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str
    label: str
    greek: list[str] = Field(default_factory=list)
    latin: list[str] = Field(default_factory=list)


class ResolverScores(BaseModel):
    entities: int
    forms: int
    exact_accuracy: float
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    naming_lines: int = 0
    naming_accuracy: float = 0.0
    errors: list[dict[str, Any]] = Field(default_factory=list)
    naming_errors: list[dict[str, Any]] = Field(default_factory=list)


def load_lines(path: str | Path) -> list[EvalLine]:
    out = []
    for lineno, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append(EvalLine.model_validate_json(line))
        except ValidationError as exc:
            raise InputError(f"{path}, line {lineno}: {exc.errors()[0]['msg']}") from exc
    return out


def score_clusters(gold: Sequence[str], pred: Sequence[str]) -> tuple[float, float, float, float]:
    """(exact-entity accuracy, B-cubed P, R, F1) for parallel gold/predicted cluster ids."""
    g: dict[str, set[int]] = defaultdict(set)
    p: dict[str, set[int]] = defaultdict(set)
    for i, (gi, pi) in enumerate(zip(gold, pred, strict=True)):
        g[gi].add(i)
        p[pi].add(i)
    n = len(gold)
    if n == 0:
        return 1.0, 1.0, 1.0, 1.0
    prec = sum(len(p[pred[i]] & g[gold[i]]) / len(p[pred[i]]) for i in range(n)) / n
    rec = sum(len(p[pred[i]] & g[gold[i]]) / len(g[gold[i]]) for i in range(n)) / n
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    exact = sum(1 for members in g.values() if p[pred[next(iter(members))]] == members)
    return exact / len(g), prec, rec, f1


def naming_score(
    lines: Iterable[EvalLine], *, resolver: Resolver | None = None
) -> tuple[int, float, list[dict[str, Any]]]:
    """(lines scored, share named right, the wrong ones) for the naming score above."""
    resolver = resolver or Resolver()
    scored = right = 0
    errors: list[dict[str, Any]] = []
    for line in lines:
        if not line.greek or not line.latin:
            continue
        scored += 1
        entities, _ = resolver.resolve([(form, line.label) for form in line.greek])
        names = [e.name for e in entities]
        wanted = {normalize(form) for form in line.latin}
        if len(names) == 1 and normalize(names[0]) in wanted:
            right += 1
        else:
            errors.append({"id": line.id, "greek": line.greek, "latin": line.latin, "got": names})
    return scored, right / scored if scored else 1.0, errors


def evaluate_lines(
    lines: Iterable[EvalLine], *, resolver: Resolver | None = None
) -> ResolverScores:
    lines = list(lines)
    items: list[tuple[str, str]] = []
    gold: list[str] = []
    for line in lines:
        for form in dict.fromkeys([*line.greek, *line.latin]):
            items.append((form, line.label))
            gold.append(line.id)
    resolver = resolver or Resolver()
    # The lines are not running text: no item defines the acronym that happens to follow it.
    entities, ids = resolver.resolve(items, definitions=())
    exact, prec, rec, f1 = score_clusters(gold, ids)
    names = {e.id: e.name for e in entities}
    by_gold: dict[str, set[str]] = defaultdict(set)
    by_pred: dict[str, set[str]] = defaultdict(set)
    for gi, pi in zip(gold, ids, strict=True):
        by_gold[gi].add(pi)
        by_pred[pi].add(gi)
    errors = []
    for gi, preds in by_gold.items():
        if len(preds) > 1 or any(len(by_pred[pi]) > 1 for pi in preds):
            forms = [f for (f, _), g2 in zip(items, gold, strict=True) if g2 == gi]
            errors.append(
                {
                    "id": gi,
                    "forms": forms,
                    "clusters": sorted(names[p] for p in preds),
                    "merged_with": sorted(set().union(*(by_pred[p] for p in preds)) - {gi}),
                }
            )
    naming_lines, naming, naming_errors = naming_score(lines, resolver=resolver)
    return ResolverScores(
        naming_lines=naming_lines,
        naming_accuracy=naming,
        naming_errors=naming_errors,
        entities=len(by_gold),
        forms=len(items),
        exact_accuracy=exact,
        bcubed_precision=prec,
        bcubed_recall=rec,
        bcubed_f1=f1,
        errors=errors,
    )


def evaluate_file(path: str | Path, *, resolver: Resolver | None = None) -> ResolverScores:
    return evaluate_lines(load_lines(path), resolver=resolver)


def dump_lines(lines: Iterable[EvalLine]) -> str:
    return "".join(json.dumps(line.model_dump(), ensure_ascii=False) + "\n" for line in lines)
