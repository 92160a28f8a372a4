"""The spaCy component ``entityx_resolver``: a thin adapter over :mod:`entityx.resolution`.

It reads ``doc.ents``, maps their labels onto the entityx label set (spans whose label maps to
``None`` are skipped), resolves them as one context and sets:

- ``Doc._.entityx_entities``: ``list[Entity]``;
- ``Span._.entityx_id``: the entity id of each kept span of ``doc.ents``. Span extension values
  live in ``doc.user_data`` keyed by the span's offsets, so they survive re-creating the span.

This is the only module of entityx's resolver that imports spaCy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from .labels import map_label
from .resolution import KnowledgeBase, Resolver
from .resolution.consistency import harmonise_labels

__all__ = ["EntityxResolverComponent", "make_resolver"]

_KB_FILE = "kb.jsonl"


def _register_extensions() -> None:
    # Idempotent: importing this module twice (or two pipelines) must not fail.
    if not Doc.has_extension("entityx_entities"):
        Doc.set_extension("entityx_entities", default=None)
    if not Span.has_extension("entityx_id"):
        Span.set_extension("entityx_id", default=None)


@Language.factory(
    "entityx_resolver",
    default_config={
        "kb_path": None,
        "gazetteer": True,
        "threshold": 84.0,
        "word_threshold": 70.0,
        "short_forms": True,
        "acronyms": True,
        "harmonise_labels": True,
    },
)
def make_resolver(
    nlp: Language,
    name: str,
    *,
    kb_path: str | None = None,
    gazetteer: bool = True,
    threshold: float = 84.0,
    word_threshold: float = 70.0,
    short_forms: bool = True,
    acronyms: bool = True,
    harmonise_labels: bool = True,
) -> EntityxResolverComponent:
    kb = KnowledgeBase.from_jsonl(kb_path) if kb_path else None
    resolver = Resolver(
        kb=kb,
        gazetteer=gazetteer,
        threshold=threshold,
        word_threshold=word_threshold,
        short_forms=short_forms,
        acronyms=acronyms,
    )
    return EntityxResolverComponent(name, resolver, harmonise=harmonise_labels)


class EntityxResolverComponent:
    """Resolve a doc's entity spans into canonical entities.

    With ``harmonise=True`` a name spelled the same way at least three times in a doc takes
    the label most of its mentions have (see :mod:`entityx.resolution.consistency`); the
    relabelled spans replace the old ones in ``doc.ents``.
    """

    def __init__(self, name: str, resolver: Resolver, *, harmonise: bool = True) -> None:
        _register_extensions()
        self.name = name
        self.resolver = resolver
        self.harmonise = harmonise

    def set_kb(self, kb: KnowledgeBase | None) -> None:
        """Use ``kb`` (layered over the gazetteer) from now on; it is saved with the pipeline."""
        self.resolver.set_kb(kb)

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        items: list[tuple[str, str]] = []
        for ent in doc.ents:
            label = map_label(ent.label_)
            if label is None:
                continue
            spans.append(ent)
            items.append((ent.text, label))
        if self.harmonise:
            spans, items = _harmonise(doc, spans, items)
        entities, ids = self.resolver.resolve(items, definitions=_definitions(doc, spans))
        doc._.entityx_entities = entities
        for span, ent_id in zip(spans, ids, strict=True):
            span._.entityx_id = ent_id
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    # --- serialisation: only the user KB; settings live in the config ------------------------
    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        kb = self.resolver.user_kb
        return kb.to_bytes() if kb is not None else b""

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> EntityxResolverComponent:
        self.set_kb(KnowledgeBase.from_bytes(data, source="<pipeline bytes>") if data else None)
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        kb = self.resolver.user_kb
        if kb is not None:
            kb.to_jsonl(path / _KB_FILE)

    def from_disk(
        self, path: str | Path, *, exclude: Iterable[str] = ()
    ) -> EntityxResolverComponent:
        kb_file = Path(path) / _KB_FILE
        if kb_file.exists():
            self.set_kb(KnowledgeBase.from_jsonl(kb_file))
        return self

    def initialize(
        self, get_examples: Callable[[], Any] | None = None, *, nlp: Language | None = None
    ) -> None:
        """Nothing to train; present so ``nlp.initialize()`` works."""


def _harmonise(
    doc: Doc, spans: list[Span], items: list[tuple[str, str]]
) -> tuple[list[Span], list[tuple[str, str]]]:
    labels = harmonise_labels(items)
    if all(label == old for label, (_, old) in zip(labels, items, strict=True)):
        return spans, items
    relabelled = {
        (span.start, span.end): Span(doc, span.start, span.end, label=label)
        for span, label, (_, old) in zip(spans, labels, items, strict=True)
        if label != old
    }
    doc.ents = [relabelled.get((ent.start, ent.end), ent) for ent in doc.ents]
    new_spans = [relabelled.get((span.start, span.end), span) for span in spans]
    return new_spans, [(text, label) for (text, _), label in zip(items, labels, strict=True)]


def _definitions(doc: Doc, spans: list[Span]) -> list[tuple[int, int]]:
    """Pairs (name, acronym) written as ``Name (ACRONYM)`` in the text."""
    out = []
    for i in range(len(spans) - 1):
        a, b = spans[i], spans[i + 1]
        # The tokens between the spans, not doc.text: that rebuilds the whole text per call.
        if doc[a.end : b.start].text.strip() == "(":
            out.append((i, i + 1))
    return out
