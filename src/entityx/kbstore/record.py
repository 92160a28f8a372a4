"""What every input format is turned into: one :class:`KBRecord` per knowledge-base entry."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import IO

from ..errors import InputError
from ..labels import entity_label

__all__ = ["MAX_NAME_CHARS", "MAX_RELATED", "BuildError", "KBRecord", "clean_name"]

# Longer "names" are descriptions or vandalism, never something a tagger finds in a text.
MAX_NAME_CHARS = 200
# Enough neighbours to decide between namesakes; a country's hundreds of regions are not.
MAX_RELATED = 64


@dataclass(frozen=True)
class KBRecord:
    """One entry: its names, the URIs of the same thing elsewhere, a prior and its neighbours."""

    id: str
    name: str
    label: str
    aliases: tuple[str, ...] = ()
    same_as: tuple[str, ...] = ()
    priority: float = 0.0
    related: tuple[str, ...] = ()

    def problem(self) -> str | None:
        """Why this record cannot be stored, or None.

        The label is read strictly (:func:`~entityx.labels.entity_label`, as a user's JSONL KB
        is): ``PERSON``/``LOC``/``ORG``/``MISC`` and labels that map onto them (``PER``,
        ``GPE``, ...); a typo or an unknown type (``ANIMAL``) is an error for the errors file,
        never a silent ``MISC``.
        """
        if not self.id.strip() or any(ch.isspace() for ch in self.id):
            return f"invalid id {self.id!r}"
        if not self.name.strip():
            return "no name"
        try:
            entity_label(self.label)
        except InputError as exc:
            return str(exc)
        return None

    def entity_label(self) -> str:
        """The entityx label the record's label stands for (raises ``InputError``, see
        :meth:`problem`)."""
        return entity_label(self.label)


def clean_name(value: object) -> str | None:
    """A usable name: a string, stripped, without control characters, not overlong."""
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    if not text or len(text) > MAX_NAME_CHARS:
        return None
    if any(ord(ch) < 32 or 0xD800 <= ord(ch) <= 0xDFFF for ch in text):
        return None
    return text


@dataclass(frozen=True)
class BuildError:
    """A record that was not imported, and why (the same fields as ``entityx tag`` writes)."""

    source: str
    line: int | None
    reason: str
    id: str | None = None

    def write(self, out: IO[str]) -> None:
        fields = {"source": self.source, "line": self.line, "id": self.id, "reason": self.reason}
        out.write(json.dumps(fields, ensure_ascii=False).encode("utf-8", "replace").decode() + "\n")
