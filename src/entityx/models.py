"""Result models: what :func:`entityx.extract` returns and knowledge graphs consume.

All models are frozen pydantic v2 models. Character offsets count Unicode code points, i.e.
they are Python string indices: ``doc.text[m.start:m.end] == m.text`` always holds.

A lone surrogate (``"\\udc80"``, which a broken decoder or a ``\\ud800`` JSON escape leaves in a
``str``) has no UTF-8 form. The models keep it as given, and JSON output writes each one as
U+FFFD REPLACEMENT CHARACTER: one code point for one, so offsets read from JSON stay exact.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, model_validator

from .labels import Label

__all__ = ["SCHEMA_VERSION", "Document", "Entity", "Mention", "ModelInfo", "SentenceSpan"]

SCHEMA_VERSION = "1.0"

_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD (same length, same offsets)."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


#: A ``str`` field whose JSON form has U+FFFD for each lone surrogate (see the module doc).
JsonSafeStr = Annotated[str, PlainSerializer(replace_surrogates, when_used="json")]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Mention(_Frozen):
    """One occurrence of a name in the text."""

    text: JsonSafeStr = Field(description="The surface form, exactly as in the input.")
    start: int = Field(ge=0, description="Start offset (Unicode code points) into the input.")
    end: int = Field(ge=0, description="End offset (exclusive, code points) into the input.")
    label: Label = Field(description="PERSON, LOC, ORG or MISC.")
    entity_id: JsonSafeStr = Field(
        description="Id of the canonical Entity this mention belongs to."
    )
    sentence: int = Field(ge=0, description="Index into Document.sentences.")

    @model_validator(mode="after")
    def _check_span(self) -> Mention:
        if self.end < self.start:
            raise ValueError(f"mention end {self.end} is before its start {self.start}")
        if self.end - self.start != len(self.text):
            raise ValueError(
                f"mention text {self.text!r} has length {len(self.text)} but spans "
                f"{self.start}..{self.end}"
            )
        return self


class Entity(_Frozen):
    """One real-world thing: every spelling of it in the input, merged."""

    id: JsonSafeStr = Field(
        description="Stable id: the knowledge-base id, else derived from the name."
    )
    name: JsonSafeStr = Field(description="Canonical display name (Latin script where possible).")
    label: Label
    aliases: tuple[JsonSafeStr, ...] = Field(
        default=(), description="Each distinct surface form merged into this entity, verbatim."
    )
    mention_count: int = Field(default=0, ge=0)
    kb_id: JsonSafeStr | None = Field(
        default=None, description="Knowledge-base id, when the KB knows it."
    )
    same_as: tuple[JsonSafeStr, ...] = Field(
        default=(), description="URIs of the same thing elsewhere (GeoNames, Wikidata, ...)."
    )
    link_score: float | None = Field(
        default=None,
        ge=0.0,
        le=1.0,
        description="With a stored KB: the share of the evidence (context, prior) for the best "
        "KB entry among those the name may refer to; 1.0 for a name of one entry. kb_id is set "
        "when it reaches the linking threshold. None: the KB knows no entry by these names.",
    )


class SentenceSpan(_Frozen):
    """A sentence as character offsets into the input."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class ModelInfo(_Frozen):
    """Which pipeline produced a Document."""

    name: JsonSafeStr
    version: JsonSafeStr
    license: JsonSafeStr | None = None


class Document(_Frozen):
    """The result of extracting entities from one text."""

    id: JsonSafeStr | None = Field(default=None, description="Corpus id of the document, if any.")
    text: JsonSafeStr | None = Field(default=None, description="The input text (None if left out).")
    sentences: tuple[SentenceSpan, ...] = ()
    mentions: tuple[Mention, ...] = ()
    entities: tuple[Entity, ...] = ()
    model: ModelInfo | None = None
    schema_version: str = SCHEMA_VERSION

    def entity(self, entity_id: str) -> Entity:
        """Return the entity with ``entity_id`` (raises ``KeyError`` if absent)."""
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        raise KeyError(entity_id)

    def mentions_of(self, entity_id: str) -> tuple[Mention, ...]:
        """All mentions that belong to ``entity_id``, in text order."""
        return tuple(m for m in self.mentions if m.entity_id == entity_id)
