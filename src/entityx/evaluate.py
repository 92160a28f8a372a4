"""Score entity mentions against gold annotation (``entityx evaluate``)."""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from .errors import InputError
from .iob import iob_to_spans, read_iob
from .labels import map_label

__all__ = ["EvaluationReport", "GoldExample", "Scores", "evaluate_file", "read_gold", "score"]

GoldExample = tuple[str, list[tuple[int, int, str]]]


class Scores(BaseModel):
    model_config = ConfigDict(frozen=True)

    precision: float
    recall: float
    f1: float
    support: int


class EvaluationReport(BaseModel):
    model_config = ConfigDict(frozen=True)

    gold: str
    model: str
    micro: Scores
    per_label: dict[str, Scores]
    documents: int
    words: int
    seconds: float
    words_per_second: float

    def as_table(self) -> str:
        lines = [f"{'label':<8} {'P':>7} {'R':>7} {'F':>7} {'support':>8}"]
        for label, s in [*sorted(self.per_label.items()), ("micro", self.micro)]:
            lines.append(
                f"{label:<8} {s.precision:7.4f} {s.recall:7.4f} {s.f1:7.4f} {s.support:8d}"
            )
        lines.append(
            f"{self.documents} documents, {self.words} words, {self.seconds:.1f} s, "
            f"{self.words_per_second:,.0f} words/s ({self.model} on {self.gold})"
        )
        return "\n".join(lines)


def _char_spans(words: tuple[str, ...], tags: tuple[str, ...]) -> GoldExample:
    starts, pos = [], 0
    for word in words:
        starts.append(pos)
        pos += len(word) + 1
    text = " ".join(words)
    spans = [
        (starts[s], starts[e - 1] + len(words[e - 1]), label) for s, e, label in iob_to_spans(tags)
    ]
    return text, spans


def _json_example(obj: object, *, where: str) -> GoldExample:
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        raise InputError(f"{where}: expected an object with a string 'text'")
    raw = obj.get("entities", obj.get("spans", obj.get("mentions"))) or []
    if not isinstance(raw, list):
        raise InputError(f"{where}: 'entities' must be a list of spans")
    spans = []
    for item in raw:
        try:
            start, end, label = int(item["start"]), int(item["end"]), str(item["label"])
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(f"{where}: each span needs start, end and label ({exc})") from None
        mapped = map_label(label)
        if mapped is not None:
            spans.append((start, end, mapped))
    return obj["text"], spans


def _read_docbin(path: Path) -> Iterator[GoldExample]:
    import spacy
    from spacy.tokens import DocBin

    vocab = spacy.blank("xx").vocab
    for doc in DocBin().from_disk(path).get_docs(vocab):
        spans = [(e.start_char, e.end_char, map_label(e.label_)) for e in doc.ents]
        yield doc.text, [(s, e, lab) for s, e, lab in spans if lab is not None]


def read_gold(path: str | Path) -> Iterator[GoldExample]:
    """Yield ``(text, [(start, end, label), ...])`` from any supported gold format."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.suffix == ".spacy":
        yield from _read_docbin(path)
    elif path.suffix == ".jsonl":
        with path.open(encoding="utf-8") as handle:
            for lineno, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"{path}, line {lineno}: malformed JSON ({exc.msg})") from None
                yield _json_example(obj, where=f"{path}, line {lineno}")
    elif path.suffix == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        for i, obj in enumerate(data if isinstance(data, list) else [data]):
            yield _json_example(obj, where=f"{path}, item {i}")
    else:
        for sentence in read_iob(path):
            yield _char_spans(sentence.words, sentence.tags)


def _prf(tp: int, n_pred: int, n_gold: int) -> Scores:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return Scores(precision=p, recall=r, f1=f, support=n_gold)


def score(
    gold: Iterable[set[tuple[int, int, str]]],
    predicted: Iterable[set[tuple[int, int, str]]],
    *,
    labels: tuple[str, ...] | None = None,
) -> tuple[Scores, dict[str, Scores]]:
    """Exact-match span scores, micro and per label, over paired gold/predicted span sets."""
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for g, p in zip(gold, predicted, strict=True):
        if labels is not None:
            g = {s for s in g if s[2] in labels}
            p = {s for s in p if s[2] in labels}
        n_gold.update(s[2] for s in g)
        n_pred.update(s[2] for s in p)
        tp.update(s[2] for s in g & p)
    per_label = {
        label: _prf(tp[label], n_pred[label], n_gold[label])
        for label in sorted(set(n_gold) | set(n_pred))
    }
    micro = _prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return micro, per_label


def evaluate_file(
    gold_path: str | Path,
    *,
    model: str | None = None,
    labels: tuple[str, ...] | None = None,
    batch_size: int = 128,
) -> EvaluationReport:
    """Run the pipeline over the gold texts and score its mentions."""
    from .api import load

    examples = list(read_gold(gold_path))
    extractor = load(model)
    start = time.perf_counter()
    documents = list(extractor.pipe((text for text, _ in examples), batch_size=batch_size))
    seconds = time.perf_counter() - start
    predicted: list[set[tuple[int, int, str]]] = [
        {(m.start, m.end, m.label) for m in doc.mentions} for doc in documents
    ]
    micro, per_label = score([set(spans) for _, spans in examples], predicted, labels=labels)
    words = sum(len(text.split()) for text, _ in examples)
    info = documents[0].model if documents and documents[0].model else None
    return EvaluationReport(
        gold=str(gold_path),
        model=info.name if info else str(model),
        micro=micro,
        per_label=per_label,
        documents=len(examples),
        words=words,
        seconds=seconds,
        words_per_second=words / seconds if seconds else 0.0,
    )
