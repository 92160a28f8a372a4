"""One entry of a knowledge base: a line of a JSONL file, validated with pydantic."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..labels import entity_label

__all__ = ["KBEntry"]


class KBEntry(BaseModel):
    """One line of a knowledge-base JSONL file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1, description="Stable id, e.g. a Wikidata QID or geonames:ID.")
    name: str = Field(min_length=1, description="Canonical display name (Latin script).")
    label: str = Field(description="PERSON, LOC, ORG or MISC (GPE, PER, ... are mapped).")
    aliases: tuple[str, ...] = ()
    same_as: tuple[str, ...] = ()
    priority: float = Field(default=0.0, description="Higher wins when two entries share a name.")

    @field_validator("label")
    @classmethod
    def _label(cls, value: str) -> str:
        # A typo (PERSNO, "") is an error naming the valid labels, never a silent MISC.
        return entity_label(value)

    @field_validator("id", "name")
    @classmethod
    def _stripped(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError("must not be blank (only spaces)")
        return value

    @field_validator("aliases", "same_as")
    @classmethod
    def _no_blank(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        stripped = tuple(v.strip() for v in value)
        if not all(stripped):
            raise ValueError("must not contain empty or blank strings")
        return stripped

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)
