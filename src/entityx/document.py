"""Turn processed spaCy ``Doc`` objects into entityx :class:`~entityx.Document` models."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .labels import map_label
from .models import Document, Entity, Mention, ModelInfo, SentenceSpan
from .resolution.consistency import harmonise_labels

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["DocumentBuilder"]


@dataclass(frozen=True)
class _RawMention:
    text: str
    start: int
    end: int
    label: str
    entity_id: str


def _sentences(doc: Doc, offset: int) -> list[tuple[int, int]]:
    if not doc.has_annotation("SENT_START"):
        return [(offset, offset + len(doc.text))]
    return [(offset + s.start_char, offset + s.end_char) for s in doc.sents]


def _mentions(doc: Doc, offset: int) -> list[_RawMention]:
    out = []
    for span in doc.ents:
        label = map_label(span.label_)
        if label is None:
            continue
        out.append(
            _RawMention(
                span.text,
                offset + span.start_char,
                offset + span.end_char,
                label,
                span._.entityx_id,
            )
        )
    return out


class DocumentBuilder:
    """Builds Documents for one pipeline (its model info is computed once)."""

    def __init__(self, model: ModelInfo) -> None:
        self.model = model

    @classmethod
    def for_pipeline(cls, nlp: Language) -> DocumentBuilder:
        meta: dict[str, Any] = nlp.meta
        return cls(
            ModelInfo(
                name=f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}",
                version=str(meta.get("version", "0.0.0")),
                license=meta.get("license") or None,
            )
        )

    def empty(self, text: str, *, doc_id: str | None = None) -> Document:
        return Document(id=doc_id, text=text, model=self.model)

    def build(self, doc: Doc, *, text: str | None = None, doc_id: str | None = None) -> Document:
        """``text``: the string ``doc`` was made from, when the caller has it. spaCy's tokenizer
        keeps every character, so it equals ``doc.text``, which costs a pass over the tokens."""
        entities: list[Entity] = list(doc._.entityx_entities or ())
        return self._assemble(
            doc.text if text is None else text,
            _sentences(doc, 0),
            _mentions(doc, 0),
            entities,
            doc_id=doc_id,
        )

    def build_pieces(
        self,
        text: str,
        pieces: Sequence[tuple[int, Doc]],
        *,
        resolver: Any,
        harmonise: bool = True,
        doc_id: str | None = None,
    ) -> Document:
        """One Document from a long text processed piece by piece (offsets into ``text``).

        Mentions are re-resolved together so that one entity spans the whole text, and, with
        ``harmonise``, their labels are harmonised across the pieces as within one doc; a
        mention the resolver moves to its KB entry's label takes that label.
        """
        sentences: list[tuple[int, int]] = []
        raw: list[_RawMention] = []
        for offset, doc in pieces:
            sentences.extend(_sentences(doc, offset))
            raw.extend(_mentions(doc, offset))
        if harmonise:
            labels = harmonise_labels([(m.text, m.label) for m in raw])
            raw = [
                _RawMention(m.text, m.start, m.end, label, m.entity_id)
                for m, label in zip(raw, labels, strict=True)
            ]
        entities, ids = resolver.resolve([(m.text, m.label) for m in raw])
        # The resolver may move a name to its KB entry's label across pieces too.
        entity_labels = {entity.id: entity.label for entity in entities}
        raw = [
            _RawMention(m.text, m.start, m.end, entity_labels[entity_id], entity_id)
            for m, entity_id in zip(raw, ids, strict=True)
        ]
        return self._assemble(text, sentences, raw, entities, doc_id=doc_id)

    def _assemble(
        self,
        text: str,
        sentences: list[tuple[int, int]],
        raw: list[_RawMention],
        entities: list[Entity],
        *,
        doc_id: str | None,
    ) -> Document:
        starts = [s for s, _ in sentences]
        mentions = tuple(
            Mention(
                text=m.text,
                start=m.start,
                end=m.end,
                label=m.label,  # type: ignore[arg-type]
                entity_id=m.entity_id,
                sentence=max(bisect_right(starts, m.start) - 1, 0),
            )
            for m in raw
        )
        return Document(
            id=doc_id,
            text=text,
            sentences=tuple(SentenceSpan(start=s, end=e) for s, e in sentences),
            mentions=mentions,
            entities=tuple(entities),
            model=self.model,
        )
