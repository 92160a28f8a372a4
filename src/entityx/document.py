"""Turn processed spaCy ``Doc`` objects into entityx :class:`~entityx.Document` models."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .labels import map_label
from .models import Document, Entity, Mention, ModelInfo, SentenceSpan
from .resolution.mentions import resolve_mentions

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

__all__ = ["DocumentBuilder", "Piece"]


@dataclass(frozen=True)
class _RawMention:
    text: str
    start: int
    end: int
    label: str
    entity_id: str


@dataclass(frozen=True)
class Piece:
    """What one processed piece of a long text contributes: plain data, no spaCy objects, so
    the piece's Doc (and the strings spaCy interned for it) can go before the next piece."""

    sentences: list[tuple[int, int]]
    mentions: list[_RawMention]
    definitions: list[tuple[int, int]]  # ``Name (ACRONYM)`` pairs: indices into ``mentions``


Positions = Sequence[int] | None
"""Where each character of the text the doc was made from starts in the caller's text (one
entry more for its end), when the two differ in length (:func:`entityx.text.compose.composed`);
``None`` when they are the same string or differ only one character for one."""


def _at(positions: Positions, index: int) -> int:
    return index if positions is None else positions[index]


def _sentences(doc: Doc, offset: int, positions: Positions = None) -> list[tuple[int, int]]:
    if not doc.has_annotation("SENT_START"):
        return [(offset, offset + _at(positions, len(doc.text)))]
    return [
        (offset + _at(positions, s.start_char), offset + _at(positions, s.end_char))
        for s in doc.sents
    ]


def _entity_spans(doc: Doc) -> list[Span]:
    """The spans of ``doc.ents`` that become mentions: a mapped label and some non-space text."""
    return [
        span for span in doc.ents if map_label(span.label_) is not None and not span.text.isspace()
    ]


def _mention(span: Span, text: str, offset: int, positions: Positions = None) -> _RawMention:
    """``span`` as a mention of ``text`` (the caller's string, which may hold characters the
    pipeline saw replaced or composed: ``positions``), without whitespace at either end."""
    start, end = _at(positions, span.start_char), _at(positions, span.end_char)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    label = map_label(span.label_)
    assert label is not None  # _entity_spans keeps only mapped labels
    return _RawMention(text[start:end], offset + start, offset + end, label, span._.entityx_id)


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

    def build(
        self,
        doc: Doc,
        *,
        text: str | None = None,
        doc_id: str | None = None,
        positions: Positions = None,
    ) -> Document:
        """``text``: the caller's string, when the caller has it (``doc`` was made from it, or
        from its composed form mapped back by ``positions``); else ``doc.text``, which costs a
        pass over the tokens."""
        text = doc.text if text is None else text
        entities: list[Entity] = list(doc._.entityx_entities or ())
        mentions = [_mention(span, text, 0, positions) for span in _entity_spans(doc)]
        sentences = _sentences(doc, 0, positions)
        return self._assemble(text, sentences, mentions, entities, doc_id=doc_id)

    @staticmethod
    def piece(doc: Doc, *, text: str, offset: int, positions: Positions = None) -> Piece:
        """The part of a long text's Document that ``doc`` (made from ``text``, which starts at
        ``offset`` in the long text; ``positions`` as for :meth:`build`) contributes; see
        :meth:`build_pieces`."""
        from .component import name_definitions

        spans = _entity_spans(doc)
        return Piece(
            _sentences(doc, offset, positions),
            [_mention(span, text, offset, positions) for span in spans],
            name_definitions(doc, spans),
        )

    def build_pieces(
        self,
        text: str,
        pieces: Iterable[Piece],
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
        definitions: list[tuple[int, int]] = []
        for piece in pieces:
            definitions.extend((len(raw) + a, len(raw) + b) for a, b in piece.definitions)
            sentences.extend(piece.sentences)
            raw.extend(piece.mentions)
        resolved = resolve_mentions(
            [(m.text, m.label) for m in raw],
            resolver=resolver,
            definitions=definitions,
            harmonise=harmonise,
        )
        raw = [
            _RawMention(m.text, m.start, m.end, label, entity_id)
            for m, label, entity_id in zip(raw, resolved.labels, resolved.ids, strict=True)
        ]
        return self._assemble(text, sentences, raw, resolved.entities, doc_id=doc_id)

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
